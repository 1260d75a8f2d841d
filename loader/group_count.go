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

var reGroupCount = regexp.MustCompile(`(?i)(?:\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w/-]+\s+){0,3}?(?:working groups|sub-?groups|task forces|committees|subcommittees)\b|(?:\d+|[二三四五六七八九十]+)\s*(?:つ|個)の\s*(?:サブ)?(?:ワーキンググループ|WG|分科会|部会|委員会|タスクフォース))`)

// groupCount links the groups listed after a counting sentence to the
// group that sentence is about.
func (r *reader) groupCount(i int) {
	b := r.p.Blocks[i]
	loc := reGroupCount.FindStringIndex(b.Text)
	if loc == nil {
		return
	}
	if rest, ok := strings.CutPrefix(strings.TrimSpace(b.Text[loc[1]:]), ":"); ok && strings.TrimSpace(rest) != "" {
		r.inlineGroups(i, loc, rest)
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

// inlineGroups reads the groups a counting sentence lists after its
// colon ("four active OIDF working groups: AB/Connect, Account Chooser
// and MODRNA."): each is a group, a part of the organization the count
// names, or of the group the sentence is about.
func (r *reader) inlineGroups(i int, loc []int, rest string) {
	b := &r.p.Blocks[i]
	var owner *dent
	for k, m := range r.ms[i] {
		if (m.label == LabelOrganization && m.start >= loc[0] && m.end <= loc[1] || m.label == LabelWorkingGroup && m.end <= loc[0]) && k < len(r.ents[i]) {
			owner = r.ents[i][k]
			break
		}
	}
	rest, _, _ = strings.Cut(rest, ". ")
	for _, part := range reNameList.Split(strings.TrimSuffix(strings.TrimSpace(rest), "."), -1) {
		name := strings.TrimSpace(part)
		if name == "" || !isCapWord(name) || len(strings.Fields(name)) > 5 {
			continue
		}
		line := b.LineAt(strings.Index(b.Text, name))
		g := r.d.findAny(name, LabelWorkingGroup)
		if g == nil {
			g = r.d.entity(LabelWorkingGroup, name, line, ruleGroupList)
		}
		switch {
		case owner == nil:
		case owner.label == LabelOrganization:
			r.d.fact(RelPartOf, g, owner, line, relGroupCount, nil)
		default:
			r.d.fact(RelSubgroupOf, g, owner, line, relGroupCount, nil)
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
