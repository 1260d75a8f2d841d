package loader

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A sentence that counts a group's parts ("The Gadget Council works in
// three working groups:", "部品分科会は3つのワーキンググループにより活動")
// announces them: the groups that start the lines after it are its
// subgroups, and the words after a group's colon name what it is about.

var reGroupCount = regexp.MustCompile(`(?i)(?:\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:working groups|sub-?groups|task forces|committees|subcommittees)\b|(?:\d+|[二三四五六七八九十]+)\s*(?:つ|個)の\s*(?:サブ)?(?:ワーキンググループ|WG|分科会|部会|委員会|タスクフォース))`)

// groupCount links the groups listed after a counting sentence to the
// group that sentence is about.
func (r *reader) groupCount(i int) {
	b := r.p.Blocks[i]
	loc := reGroupCount.FindStringIndex(b.Text)
	if loc == nil {
		return
	}
	var parent *dent
	for k, m := range r.ms[i] {
		if m.label == LabelWorkingGroup && m.end <= loc[0] && k < len(r.ents[i]) {
			parent = r.ents[i][k]
			break
		}
	}
	if parent == nil {
		return
	}
	for j := r.nextBlock(i); j >= 0 && j <= i+12; j = r.nextBlock(j) {
		g := r.leadingGroup(j)
		if g == nil || g == parent {
			return
		}
		line := r.p.Blocks[j].Line
		r.d.fact(RelSubgroupOf, g, parent, line, relGroupCount, nil)
		if topic := groupTopic(r.p.Blocks[j]); topic != "" {
			g.alias(topic)
		}
	}
}

// leadingGroup is the working group block j starts with: its label
// ("Anvil Task Force: heavy parts") or its first words.
func (r *reader) leadingGroup(j int) *dent {
	if l := r.p.Blocks[j].Label; l != "" {
		return r.d.findAny(l, LabelWorkingGroup)
	}
	for k, m := range r.ms[j] {
		if m.label == LabelWorkingGroup && (m.start == 0 || m.rule == ruleCardHeading) && k < len(r.ents[j]) {
			return r.ents[j][k]
		}
	}
	return nil
}

// groupTopic is what follows "WG1:" on a group's line, when it is short
// enough to be the group's other name.
func groupTopic(b Block) string {
	t := b.Text
	if b.Label == "" {
		k := strings.IndexAny(t, ":：")
		if k < 0 {
			return ""
		}
		t = t[k+1:]
	}
	t = strings.TrimSpace(t)
	if n := utf8.RuneCountInString(t); n < 2 || n > 40 || strings.ContainsAny(t, "。.") {
		return ""
	}
	return t
}
