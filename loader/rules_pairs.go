package loader

import (
	"strings"
)

// Lists that pair a group with the person who holds a role in it, the
// role named once in the sentence that introduces the list:
//
//	The subgroups and their chairs are:
//	 - Widget TAG - Ada Wrench
//	 - Gadget Standing Committee – Bob Sprocket
//
// Either side may come first.

// pairSeps separate the two sides of a pair.
var pairSeps = []string{" - ", " – ", " — ", ": "}

// groupPersonItem reads one item of such a list: MEMBER_OF with the role.
func (r *reader) groupPersonItem(i int) {
	b := &r.p.Blocks[i]
	if b.Kind != BlockItem || hasCJK(b.Text) {
		return
	}
	left, right, at, ok := r.pairSides(b)
	if !ok {
		return
	}
	role := r.leadInRole(i)
	if role == "" {
		return
	}
	g, name, nameAt := r.groupSide(i, left, 0), right, at
	if g == nil {
		g, name, nameAt = r.groupSide(i, right, at), left, 0
	}
	name = strings.TrimSpace(name)
	if g == nil || !r.isPersonName(name, false) {
		return
	}
	line := b.LineAt(nameAt)
	if p := r.person(name, line, rulePersonRole); p != nil {
		r.d.fact(RelMemberOf, p, g, line, relGroupPerson, map[string]any{"role": role})
	}
}

// pairSides splits an item (or a field: "Widget TAG: Ada Wrench") into
// its two sides, with the byte offset of the right one in the text read.
func (r *reader) pairSides(b *Block) (left, right string, at int, ok bool) {
	if b.Label != "" && b.Text != "" {
		return b.Label, b.Text, 0, true
	}
	for _, sep := range pairSeps {
		if k := strings.Index(b.Text, sep); k > 0 && strings.Count(b.Text, sep) == 1 {
			return b.Text[:k], b.Text[k+len(sep):], k + len(sep), true
		}
	}
	return "", "", 0, false
}

// groupSide is the group a side of a pair names whole, or nil.
func (r *reader) groupSide(i int, side string, at int) *dent {
	want := strings.TrimSpace(side)
	for k, m := range r.ms[i] {
		if m.label == LabelWorkingGroup && m.start >= at && m.start <= at+len(side) && m.end-m.start >= len(want)*4/5 {
			return r.ents[i][k]
		}
	}
	return nil
}

// leadInRole is the group role that the sentence introducing the list
// names ("the subgroups and Chairs that need to respond are:"), or "".
func (r *reader) leadInRole(i int) string {
	j := i - 1
	for ; j >= 0 && i-j < 40; j-- {
		if k := r.p.Blocks[j].Kind; k != BlockItem && k != BlockNoise {
			break
		}
	}
	if j < 0 || i-j >= 40 || !strings.HasSuffix(strings.TrimSpace(r.p.Blocks[j].Text), ":") {
		return ""
	}
	for _, w := range strings.Fields(strings.ToLower(r.p.Blocks[j].Text)) {
		if role, group, ok := roleOf(strings.Trim(w, ",.:;()")); ok && group && role != "member" {
			return role
		}
	}
	return ""
}
