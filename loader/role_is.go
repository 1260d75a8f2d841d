package loader

import (
	"regexp"
	"strings"
)

// A sentence that names a group's officer by the post: "The convenor is
// Ada Wrench, and the vice convenor is Bob Sprocket." The group is the one
// named last before it.

var reRoleIs = regexp.MustCompile(`\b(?:[Tt]he|[Ii]ts)\s+((?:(?:vice|co)[- ]?)?(?:convenor|convener|chair|chairman|chairperson|chairwoman|secretary|rapporteur|editor|leader|lead))\s+(?:is|was)\s+(` + pName + `)`)

// roleIs reads the officers block i names by their posts.
func (r *reader) roleIs(i int) {
	b := &r.p.Blocks[i]
	if b.Kind == BlockNoise || hasCJK(b.Text) {
		return
	}
	for _, m := range reRoleIs.FindAllStringSubmatchIndex(b.Text, -1) {
		name := strings.TrimSpace(b.Text[m[4]:m[5]])
		if !r.isPersonName(name, false) {
			continue
		}
		g := r.lastGroupBefore(i, m[0])
		if g == nil {
			continue
		}
		line := b.LineAt(m[4])
		p := r.person(name, line, rulePersonProse)
		r.d.fact(RelMemberOf, p, g, line, relRoleIs, map[string]any{"role": strings.ToLower(b.Text[m[2]:m[3]])})
	}
}

// lastGroupBefore is the group block i names last before offset at, or
// nil.
func (r *reader) lastGroupBefore(i, at int) *dent {
	for k := len(r.ms[i]) - 1; k >= 0; k-- {
		if m := r.ms[i][k]; m.end <= at && m.label == LabelWorkingGroup {
			return r.ents[i][k]
		}
	}
	return nil
}
