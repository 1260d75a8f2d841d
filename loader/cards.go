package loader

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pages of one working group often lay out as cards: a heading that only
// says what kind of thing the page is about ("Working Group") over its
// name, and under a heading of roles ("Working Group Co-Chairs") one card
// per person, the name (often printed more than once) and a line
// "Title, Organization".

// groupKinds are the headings that name a kind of group, not a group.
var groupKinds = map[string]bool{
	"working group": true, "task force": true, "committee": true, "subcommittee": true,
	"study group": true, "research group": true, "community group": true, "interest group": true,
	"special interest group": true, "ワーキンググループ": true, "分科会": true, "委員会": true, "部会": true, "研究会": true,
}

// kindHeadings makes the heading after a kind heading a working group
// ("Working Group" over "Rocket Propulsion"): its one mention, whatever
// else its words look like. It runs before the entities are made, so an
// early one becomes the page's subject.
func (r *reader) kindHeadings() {
	bs := r.p.Blocks
	for i := range bs {
		if !isHeadingBlock(bs[i]) || !groupKinds[strings.ToLower(strings.TrimSpace(bs[i].Text))] {
			continue
		}
		j := r.nextBlock(i)
		if j < 0 || !isHeadingBlock(bs[j]) || !groupName(bs[j].Text) {
			continue
		}
		name := strings.TrimSpace(bs[j].Text)
		start := strings.Index(bs[j].Text, name)
		r.ms[j] = []mention{{label: LabelWorkingGroup, name: name, start: start, end: start + len(name), rule: ruleKindHeading}}
	}
}

func isHeadingBlock(b Block) bool { return b.Kind == BlockHeading || b.Kind == BlockTitle }

// cardFields are the labels of a listing's card for one group, under the
// group's name: who leads it and what it does.
var cardFields = map[string]bool{
	"description": true, "mission": true, "scope": true, "objective": true, "objectives": true, "purpose": true,
	"focus": true, "charter": true, "goals": true, "概要": true, "目的": true, "活動内容": true,
}

// cardHeadings makes a heading a working group when the fields right under
// it are a group's card ("Open Cloud Platform" over "Chair: Ada Wrench"
// and "Description: This group …"), whatever its words look like. Like
// kindHeadings it runs before the entities are made.
func (r *reader) cardHeadings() {
	bs := r.p.Blocks
	for i := range bs {
		if bs[i].Kind != BlockHeading || !groupName(bs[i].Text) || len(r.ms[i]) > 0 && r.ms[i][0].label != LabelOrganization {
			continue
		}
		// The card's fields follow its heading, one after another.
		roles, about := 0, 0
		for j, n := r.nextBlock(i), 0; j >= 0 && n < 4 && bs[j].Label != ""; j, n = r.nextBlock(j), n+1 {
			l := strings.ToLower(bs[j].Label)
			if _, group, ok := roleOf(l); ok && group {
				roles++
			}
			if cardFields[l] {
				about++
			}
		}
		if roles == 0 || about == 0 {
			continue
		}
		name := strings.TrimSpace(bs[i].Text)
		start := strings.Index(bs[i].Text, name)
		r.ms[i] = []mention{{label: LabelWorkingGroup, name: name, start: start, end: start + len(name), rule: ruleCardHeading}}
	}
}

// cardGroup is the group a listing's role field is a role in: the
// group its card's heading names, or the last group the text names before
// the field; nil when the page is no organization's listing or names none.
func (r *reader) cardGroup(i int) *dent {
	if r.p.Kind != "listing" || r.subject != nil && r.subject.label == LabelWorkingGroup {
		return nil // a group's own page: its roles are its own
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		b := r.p.Blocks[j]
		if b.Kind == BlockNoise || b.Label != "" && j != i-1 {
			continue
		}
		var last *dent
		for _, e := range r.ents[j] {
			if e.label == LabelWorkingGroup {
				last = e
			}
		}
		if last != nil || isHeadingBlock(b) {
			return last
		}
	}
	return nil
}

// groupName tells whether a heading can be a group's name: a few words,
// not a sentence or a question.
func groupName(s string) bool {
	s = strings.TrimSpace(s)
	n := len(strings.Fields(s))
	if hasCJK(s) {
		n = utf8.RuneCountInString(s) / 4
	}
	return n >= 1 && n <= 8 && !strings.ContainsAny(s, "?!.:;。") && !groupKinds[strings.ToLower(s)]
}

// cardRoles are the last words of a heading over people's cards, and the
// role each gives.
var cardRoles = map[string]string{
	"leadership": "leader", "leaders": "leader", "co-chairs": "co-chair", "chairs": "chair",
	"co-chair": "co-chair", "chair": "chair", "officers": "officer", "leads": "lead", "editors": "editor",
}

// leaderCards reads the cards under a heading of roles: each person is a
// member of the page's subject in that role, and of the organization
// their card's "Title, Organization" line names, in that title.
func (r *reader) leaderCards(i int) {
	b := r.p.Blocks[i]
	role := cardRoles[strings.ToLower(lastWord(b.Text))]
	if !isHeadingBlock(b) || role == "" || len(strings.Fields(b.Text)) > 5 {
		return
	}
	g := r.subjectGroup()
	var p *dent
	for j := r.nextBlock(i); j >= 0 && j < i+60; j = r.nextBlock(j) {
		cb := r.p.Blocks[j]
		t := strings.TrimSpace(cb.Text)
		switch {
		case isHeadingBlock(cb) && cardRoles[strings.ToLower(lastWord(t))] != "":
			return // the next heading of roles reads its own cards
		case cardName(r, t):
			if p = r.person(t, cb.Line, rulePersonRole); p != nil && g != nil && g != p {
				r.d.fact(RelMemberOf, p, g, cb.Line, relLeaderCard, map[string]any{"role": role})
			}
		case p != nil && cardTitle(t):
			r.cardAffiliation(p, t, cb.Line)
		case isHeadingBlock(cb):
			return // a heading that is neither a name nor a title ends the cards
		}
	}
}

// cardName is a line that is only a person's name.
func cardName(r *reader, t string) bool {
	return strings.Contains(t, " ") && personLine(t) && !strings.Contains(t, "(") && r.isPersonName(t, false)
}

// cardTitle is a short "Title, Organization" line.
func cardTitle(t string) bool {
	return strings.Contains(t, ",") && len(strings.Fields(t)) <= 12 && !strings.HasSuffix(t, ".")
}

// cardAffiliation reads "Chief Technology Officer, GGC": the part after the
// last comma is the organization when the page knows it or it reads as
// one (an acronym, a company form).
func (r *reader) cardAffiliation(p *dent, t string, line int) {
	k := strings.LastIndex(t, ",")
	title, org := strings.TrimSpace(t[:k]), strings.TrimSpace(t[k+1:])
	if title == "" || org == "" {
		return
	}
	if !r.knownOrg(org) && headLabel(org) != LabelOrganization && !acronymOrg(org) {
		return
	}
	o := r.d.entity(LabelOrganization, org, line, ruleOrgSlot)
	r.d.fact(RelMemberOf, p, o, line, relLeaderCard, map[string]any{"role": title})
	// "GGC EMEA": the region's body is part of the organization it names.
	if ws := strings.Fields(org); len(ws) == 2 && r.knownOrg(ws[0]) {
		if whole := r.d.findAny(ws[0], LabelOrganization); whole != nil && whole != o {
			r.d.fact(RelPartOf, o, whole, line, relOwner, nil)
		}
	}
}

// acronymOrg is an acronym, maybe with a region after it: "GGC", "GGC EMEA".
func acronymOrg(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	for _, w := range ws {
		if utf8.RuneCountInString(w) < 2 || utf8.RuneCountInString(w) > 6 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
			return false
		}
	}
	return true
}

// reJaTitlePrefix is what a Japanese group's name may hold before the part
// the suffix rule reads: words joined by particles, as in
// "サイバーセキュリティと経済 研究会" or "情報共有の在り方に関する検討会".
var reJaTitlePrefix = regexp.MustCompile(`^[\p{Han}\p{Katakana}ー・々A-Za-z0-9]+(?:(?:と|の|に関する|における|及び|および|等の)[\p{Han}\p{Katakana}ー・々A-Za-z0-9]*)+\s?$`)

// titleGroupNames gives a group named at the start of the page's title its
// whole name: the suffix rule stops at a particle, but a title that starts
// with the group names it from its first word.
func (r *reader) titleGroupNames() {
	for i := 0; i < len(r.p.Blocks) && i < 4; i++ {
		b := r.p.Blocks[i]
		if !isHeadingBlock(b) || !hasCJK(b.Text) {
			continue
		}
		for k, m := range r.ms[i] {
			if m.label != LabelWorkingGroup || m.owner != "" || m.start == 0 || !reJaTitlePrefix.MatchString(b.Text[:m.start]) || anyBefore(r.ms[i], m.start) {
				continue
			}
			r.ms[i][k].name = strings.TrimSpace(b.Text[:m.end])
			r.ms[i][k].start = 0
			r.ms[i][k].rule = ruleTitleGroup
		}
	}
}

// anyBefore tells whether a mention starts before offset.
func anyBefore(ms []mention, offset int) bool {
	for _, m := range ms {
		if m.start < offset {
			return true
		}
	}
	return false
}

// reNumberedMeeting is a group named by its meeting's number in a title:
// "Meeting Report of GGC AB1 LI#29", "GGC SA3 #12 meeting". The name is a
// few words of capitals and digits.
var reNumberedMeeting = regexp.MustCompile(`(?:\bof\s+|^)((?:[A-Z0-9][A-Z0-9-]*\s+){0,3}[A-Z0-9][A-Z0-9-]*)\s*#\s*\d+`)

// numberedMeetingGroups makes the group a title's numbered meeting is of a
// working group, owned by the organization its first word names. It runs
// before the entities are made, so it can be the page's subject.
func (r *reader) numberedMeetingGroups() {
	for i := 0; i < len(r.p.Blocks) && i < 4; i++ {
		b := r.p.Blocks[i]
		if !isHeadingBlock(b) {
			continue
		}
		m := reNumberedMeeting.FindStringSubmatchIndex(b.Text)
		if m == nil || !strings.Contains(b.Text[m[2]:m[3]], " ") {
			continue
		}
		start, end := m[2], m[3]
		g := mention{label: LabelWorkingGroup, name: b.Text[start:end], start: start, end: end, rule: ruleGroupNumber}
		var kept []mention
		for _, o := range r.ms[i] {
			switch {
			case o.label == LabelOrganization && o.start == start && o.end < end:
				g.owner = o.name // "GGC" of "GGC AB1 LI": the group's owner, made with it
			case o.end <= start || o.start >= end:
				kept = append(kept, o)
			}
		}
		if g.owner == "" {
			// "GGC" of "GGC AB1 LI", an acronym the page does not define.
			if first := strings.Fields(g.name)[0]; reAcronymToken.MatchString(first) {
				g.owner = first
			}
		}
		r.ms[i] = append(kept, g)
		// The rules after read a block's mentions in the text's order.
		slices.SortStableFunc(r.ms[i], func(a, b mention) int { return a.start - b.start })
	}
}

// reAcronymToken is an organization's acronym as a group's first word:
// capitals, maybe digits and a hyphen ("GGC", "3GPP", "ITU-T").
var reAcronymToken = regexp.MustCompile(`^(?:[0-9]?[A-Z]{2,6}[0-9]?|[A-Z]{2,5}-[A-Z])$`)

// A letter's address block and its signature are cards too: a name on a
// line of its own, honorific and all ("Ms. Ada Wrench"), then lines right
// under it that give the person's office and body ("Secretariat, Gear
// Guild", "Gear Standards Institute"). A name after a closing ("Sincerely,")
// is the writer's whatever follows it.

// reClosing is a letter's closing line.
var reClosing = regexp.MustCompile(`(?i)^(?:sincerely|yours (?:sincerely|faithfully|truly)|(?:best|kind|warm)(?:est)? regards|regards|with regards|respectfully|thanks|thank you|cheers|best wishes|best),?$`)

// letterCard reads a name block and the affiliation lines right under it.
func (r *reader) letterCard(i int) {
	b := r.p.Blocks[i]
	if b.Label != "" || len(b.Lines) != 1 || b.Kind != BlockParagraph && !isHeadingBlock(b) {
		return
	}
	name := strings.TrimSpace(honorifics.ReplaceAllString(strings.TrimSpace(b.Text), ""))
	if !strings.Contains(name, " ") || !personLine(name) || strings.Contains(name, "(") || !r.isPersonName(name, false) {
		return
	}
	closed := false
	if k := r.prevBlock(i); k >= 0 {
		closed = reClosing.MatchString(strings.TrimSpace(r.p.Blocks[k].Text))
	}
	var affs []int
	last := b.Line
	for j := r.nextBlock(i); j >= 0 && r.p.Blocks[j].Lines[0] == last+1 && len(affs) < 4; j = r.nextBlock(j) {
		if _, _, ok := r.affiliationLine(strings.TrimSpace(r.p.Blocks[j].Text)); !ok {
			break
		}
		affs = append(affs, j)
		last = r.p.Blocks[j].Lines[len(r.p.Blocks[j].Lines)-1]
	}
	if len(affs) == 0 && !closed {
		return
	}
	p := r.person(name, b.Line, rulePersonMail)
	if strings.TrimSpace(b.Text) != name {
		p.alias(strings.TrimSpace(b.Text))
	}
	for _, j := range affs {
		cb := r.p.Blocks[j]
		label, body, _ := r.affiliationLine(strings.TrimSpace(cb.Text))
		role := ""
		if k := strings.LastIndex(cb.Text, ","); k > 0 {
			role = strings.TrimSpace(cb.Text[:k])
		}
		o := r.d.entity(label, body, cb.Line, ruleOrgSlot)
		props := map[string]any{}
		if role != "" {
			props["role"] = role
		}
		r.d.fact(RelMemberOf, p, o, cb.Line, relLetterCard, props)
	}
}

// affiliationLine is the body a card's line names: the whole line ("Gear
// Standards Institute") or what follows its last comma ("Secretariat,
// Gear Guild"), when the page knows it as a body or it reads as one.
func (r *reader) affiliationLine(t string) (label, name string, ok bool) {
	if t == "" || strings.HasSuffix(t, ".") || len(strings.Fields(t)) > 12 {
		return "", "", false
	}
	body := t
	if k := strings.LastIndex(t, ","); k > 0 {
		body = strings.TrimSpace(t[k+1:])
	}
	if e := r.d.findAny(body, LabelOrganization, LabelWorkingGroup); e != nil {
		return e.label, e.name, true
	}
	if headLabel(body) == LabelOrganization && !genericName(body, LabelOrganization) || body != t && acronymOrg(body) {
		return LabelOrganization, body, true
	}
	return "", "", false
}

// cardThing is the standard or document whose card a role field is on: the
// heading, or the line of its own, right above the field names it first.
func (r *reader) cardThing(i int) *dent {
	for j, n := r.prevBlock(i), 0; j >= 0 && n < 3; j, n = r.prevBlock(j), n+1 {
		b := r.p.Blocks[j]
		if b.Label != "" {
			continue // the card's other fields
		}
		if len(r.ents[j]) == 0 || len(b.Text) > 160 {
			return nil
		}
		for k, e := range r.ents[j] {
			if r.ms[j][k].start <= 8 && (e.label == LabelStandard || e.label == LabelDocument) {
				return e
			}
		}
		return nil
	}
	return nil
}

// reStandardsHead is a section of the standards a group's page lists.
var reStandardsHead = regexp.MustCompile(`(?i)^(?:(?:active|current|approved|published|our)\s+)?standards(?:\s+(?:projects|in development))?$`)

// standardsSection makes the page's group maintain the standards its
// "Active Standards" section lists, one to a line.
func (r *reader) standardsSection(i int) {
	b := r.p.Blocks[i]
	g := r.subjectGroup()
	if !isHeadingBlock(b) || g == nil || !reStandardsHead.MatchString(strings.TrimSpace(b.Text)) {
		return
	}
	for j := r.nextBlock(i); j >= 0 && j < i+40; j = r.nextBlock(j) {
		nb := r.p.Blocks[j]
		if isHeadingBlock(nb) && len(r.ents[j]) == 0 {
			return // the next section
		}
		for k, e := range r.ents[j] {
			if r.ms[j][k].start <= 8 && e.label == LabelStandard && e != g {
				r.d.fact(RelMaintains, g, e, nb.Line, relMaintains, nil)
				break
			}
		}
	}
}

// numberedMaintains makes a group named after a standards project's
// number ("IEEE P2302 Inter-Cloud Working Group") maintain the standard of
// that number the page names ("the proposed P2302 standard").
func (r *reader) numberedMaintains() {
	for _, g := range r.d.ents {
		if g.label != LabelWorkingGroup || len(g.seen) == 0 {
			continue
		}
		for _, num := range reProjectNumber.FindAllString(g.name, -1) {
			for _, std := range r.d.ents {
				if std.label == LabelStandard && len(std.seen) > 0 && slices.Contains(reProjectNumber.FindAllString(std.name, -1), num) {
					r.d.fact(RelMaintains, g, std, std.seen[0].line, relMaintains, nil)
				}
			}
		}
	}
}

// reDesignatorLabel is a field label that is a group's number: "WG1",
// "SWG 2", "TF3".
var reDesignatorLabel = regexp.MustCompile(`^((?:S?WG|TF|SG|TG|AG)\s?\d{1,2})\s*:\s*(\S.*)$`)

// designatorFields makes "WG1: Name" a group named by the field's value,
// with the number as its alias. Like cardHeadings it runs before the
// entities are made.
func (r *reader) designatorFields() {
	for i, b := range r.p.Blocks {
		m := reDesignatorLabel.FindStringSubmatchIndex(b.Text)
		if m == nil || b.Label != "" {
			continue
		}
		name := strings.TrimSpace(b.Text[m[4]:m[5]])
		if !groupName(name) || utf8.RuneCountInString(name) > 40 {
			continue
		}
		r.ms[i] = []mention{{label: LabelWorkingGroup, name: name, alias: b.Text[m[2]:m[3]], start: m[4], end: m[4] + len(name), rule: ruleCardHeading}}
	}
}

// designatorParents makes the groups of designatorFields sub-groups of the
// page's group, or of the last other group the page names before the
// first of them ("3つのWG…の連携はサイバーセキュリティ分科会にて").
func (r *reader) designatorParents() {
	var parent *dent
	own := r.subject != nil && r.subject.label == LabelWorkingGroup && !r.dashed(r.subject)
	if own {
		parent = r.subject
	}
	for i, b := range r.p.Blocks {
		numbered := b.Label == "" && reDesignatorLabel.MatchString(b.Text) && len(r.ents[i]) == 1 && r.ms[i][0].rule == ruleCardHeading ||
			len(r.ents[i]) == 1 && r.ms[i][0].rule == ruleGroupDashed // "Web services working group – WG 1" under its committee
		if !numbered {
			if !own {
				for _, e := range r.ents[i] {
					if e.label == LabelWorkingGroup && !r.dashed(e) {
						parent = e
					}
				}
			}
			continue
		}
		if g := r.ents[i][0]; parent != nil && parent != g && !r.hasParent(g) {
			r.d.fact(RelSubgroupOf, g, parent, b.Line, relSubgroup, nil)
		}
	}
}

// dashed tells a group some heading named in words and number, one of
// the parts a page lists, never their parent.
func (r *reader) dashed(g *dent) bool {
	for i := range r.ms {
		// The number alone names it too: "WG 2 covers …" under "… – WG 2".
		if len(r.ents[i]) == 1 && r.ms[i][0].rule == ruleGroupDashed && (r.ents[i][0] == g || key(g.name) == key(r.ms[i][0].acr)) {
			return true
		}
	}
	return false
}

// hasParent tells whether a rule has made g a part or sub-group already.
func (r *reader) hasParent(g *dent) bool {
	return slices.ContainsFunc(r.d.facts, func(f dfact) bool {
		return f.from == g && (f.typ == RelSubgroupOf || f.typ == RelPartOf)
	})
}

// parentGroup is the numbered group whose item a field sits under
// ("WP1 (Q2, 3 and 13/17):" over "Chairman: Ada Wrench"), a part of the
// page's group; or nil.
func (r *reader) parentGroup(i int) *dent {
	p := r.p.Blocks[i].Parent
	if p < 0 {
		return nil
	}
	pb := &r.p.Blocks[p]
	t := strings.TrimSpace(reParens.ReplaceAllString(pb.Label+pb.Text, ""))
	m := reGroupNumber.FindStringIndex(t)
	if m == nil || m[0] != 0 || m[1] != len(t) {
		return nil
	}
	g := r.d.findAny(t, LabelWorkingGroup)
	if g == nil {
		g = r.d.entity(LabelWorkingGroup, t, pb.Line, ruleGroupNumber)
	}
	if s := r.subject; s != nil && s != g && s.label == LabelWorkingGroup {
		r.d.fact(RelSubgroupOf, g, s, pb.Line, relRoleField, nil)
	}
	return g
}

// reDesignatorPath is a group named by its path of designators, the last
// one its own: "SC22/WG20", "JTC 1/SC 27/WG 4".
var reDesignatorPath = regexp.MustCompile(`^(.+?)\s?/\s?((?:SC|WG|SG|WP|AG|TG|JWG|SWG)\s?\d{1,3}[A-F]?)$`)

// pathParents makes a group named by a path a sub-group of the group its
// path names first, when the page names that group: "SC22/WG20" of
// "ISO/IEC JTC1/SC22".
func (r *reader) pathParents() {
	var groups []*dent
	for _, e := range r.d.ents {
		if e.label == LabelWorkingGroup {
			groups = append(groups, e)
		}
	}
	for _, g := range groups {
		m := reDesignatorPath.FindStringSubmatch(g.name)
		if m == nil || r.hasParent(g) {
			continue
		}
		want := key(m[1])
		for _, p := range groups {
			if p == g {
				continue
			}
			// "ISO/TC 97/SC 20" of "TC 97", the page naming the parent
			// without its body; "SC22/WG20" of "ISO/IEC JTC1/SC22".
			if pk := key(p.name); pk == want || strings.HasSuffix(pk, want) && strings.HasSuffix(p.name, m[1]) || strings.HasSuffix(m[1], "/"+p.name) {
				r.d.fact(RelSubgroupOf, g, p, g.seen[0].line, relSubgroup, nil)
				break
			}
		}
	}
}
