package loader

import (
	"cmp"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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

// A listing of numbered groups, each with its title after the number:
//
//	AG 1 Communications
//	AG 2 Emerging Technology and Innovation (ETI)
//	AG 19 Coordination with ISO TC 20/SC 16 on Unmanned Aircraft Systems
//
// The title is the group's other name; "Coordination with X" a
// collaboration with X.

// reCoordination is a title that says whom the group works with.
var reCoordination = regexp.MustCompile(`^(?:Coordination|Liaison|Cooperation|Collaboration) with `)

// designatedTitles makes a listing line's number its group's only name
// before the entities are made: "WG 14 Quantum Information Technology" is
// no technology company, "AG 14 Systems Integration Facilitation(SIF)"
// no "Systems". Only a coordination's counterpart keeps its name.
func (r *reader) designatedTitles() {
	for i := range r.p.Blocks {
		b := &r.p.Blocks[i]
		if b.Label != "" || b.Kind == BlockTitle || hasCJK(b.Text) || strings.ContainsAny(b.Text, ".。") && !strings.Contains(b.Text, "/") {
			continue
		}
		ns := numberedGroups(b.Text)
		if len(ns) == 0 || ns[0].start != 0 || ns[0].end >= len(b.Text) || b.Text[ns[0].end] != ' ' {
			continue
		}
		title := strings.TrimSpace(b.Text[ns[0].end:])
		if first, _ := utf8.DecodeRuneInString(title); !unicode.IsUpper(first) || len(strings.Fields(title)) > 14 {
			continue
		}
		keep := []mention{ns[0]}
		if c := reCoordination.FindString(title); c != "" {
			for _, m := range r.ms[i] {
				if m.start >= ns[0].end+1+len(c) {
					keep = append(keep, m)
				}
			}
		}
		r.ms[i] = keep
	}
}

// designatedGroup reads one line of such a listing.
func (r *reader) designatedGroup(i int) {
	b := &r.p.Blocks[i]
	if len(r.ms[i]) == 0 || b.Label != "" || strings.ContainsAny(b.Text, ".。") && !strings.Contains(b.Text, "/") {
		return
	}
	m := r.ms[i][0]
	if m.rule != ruleGroupNumber || m.start != 0 || m.end >= len(b.Text) || b.Text[m.end] != ' ' {
		return
	}
	title := strings.TrimSpace(b.Text[m.end:])
	if first, _ := utf8.DecodeRuneInString(title); !unicode.IsUpper(first) && !unicode.IsDigit(first) || len(strings.Fields(title)) > 14 || strings.HasSuffix(title, ",") {
		return
	}
	g := r.ents[i][0]
	line := b.LineAt(m.end + 1)
	if c := reCoordination.FindString(title); c != "" {
		for k, o := range r.ms[i][1:] {
			if o.start == m.end+1+len(c) && (o.label == LabelWorkingGroup || o.label == LabelOrganization) {
				r.d.fact(RelCollaboratesWith, g, r.ents[i][k+1], line, relDesignated, nil)
			}
		}
	}
	g.saw(line, relDesignated)
	if k := strings.LastIndex(title, "("); k > 0 && strings.HasSuffix(title, ")") && isAcronym(title[k+1:len(title)-1]) {
		g.alias(title[k+1 : len(title)-1])
		title = strings.TrimSpace(title[:k])
	}
	g.alias(title)
}

// eventSeries names the organizer of a series of events a page lists:
// when two events' names start with the same capitalised words and go on
// differently ("Gadget Daily Crypto Summit", "Gadget Daily Security
// Trend 2020"), those words name who holds them. namedAfter then links
// each event of the series to it.
func (r *reader) eventSeries() {
	var names []string
	for _, e := range r.d.ents {
		if e.label == LabelEvent && !hasCJK(firstWord(e.name)) {
			names = append(names, e.name)
		}
	}
	var series []string
	for i, a := range names {
		for _, b := range names[i+1:] {
			if p := commonWords(a, b); p != "" && !slices.Contains(series, p) {
				series = append(series, p)
			}
		}
	}
	for _, p := range series {

		if !r.seriesName(p) {
			continue
		}
		for _, e := range r.d.ents {
			if e.label == LabelEvent && strings.HasPrefix(e.name, p+" ") && len(e.seen) > 0 {
				r.d.entity(LabelOrganization, p, e.seen[0].line, ruleOrgSeries)
				break
			}
		}
	}
}

// eventDomains names the organizer of an event whose name starts with the
// name of the site it is announced on: "Gadgetmedia Security Week" at
// www.gadgetmedia.co.jp. namedAfter then links the event to it.
func (r *reader) eventDomains() {
	for _, e := range r.d.ents {
		u, _ := e.props["url"].(string)
		if e.label != LabelEvent || u == "" || len(e.seen) == 0 {
			continue
		}
		w := firstWord(e.name)
		if len(w) < 3 || !isCapWord(w) || r.d.findAny(w, LabelOrganization, LabelWorkingGroup) != nil {
			continue
		}
		if slices.ContainsFunc(hostLabels(u), func(l string) bool { return strings.EqualFold(l, w) }) {
			r.d.entity(LabelOrganization, w, e.seen[0].line, ruleOrgEventSite)
		}
	}
}

// hostLabels are the dot-separated parts of a URL's host.
func hostLabels(raw string) []string {
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	return strings.Split(u.Hostname(), ".")
}

// commonWords is the run of whole words two names start with, when both
// go on after it, or "".
func commonWords(a, b string) string {
	wa, wb := strings.Fields(a), strings.Fields(b)
	n := 0
	for n < len(wa) && n < len(wb) && wa[n] == wb[n] {
		n++
	}
	if n == 0 || n > 3 || n >= len(wa) || n >= len(wb) {
		return ""
	}
	return strings.Join(wa[:n], " ")
}

// seriesName tells whether the words two events start with can name who
// holds them: capitalised, not a word the page writes in lower case, not a
// kind of event or a known name.
func (r *reader) seriesName(p string) bool {
	for _, w := range strings.Fields(p) {
		if !isCapWord(w) || notNameWords[w] || leadWords[w] || genericModifiers[strings.ToLower(w)] || r.lex.lower[strings.ToLower(w)] && !r.lex.capOnly[strings.ToLower(w)] {
			return false
		}
	}
	if headLabel(p) != "" || eventKind(p) != "event" || findDates(p, 0) != nil {
		return false
	}
	// One plain word ("Japan", "Cloud") is a place or a theme; one word
	// that names something is written so ("ZDNet", "ITmedia", "OWASP").
	if !strings.Contains(p, " ") && !camelOrCaps(p) {
		return false
	}
	return r.d.findAny(p, LabelOrganization, LabelWorkingGroup, LabelPerson, LabelEvent, LabelDocument, LabelStandard, LabelProject, LabelTopic) == nil
}

// camelOrCaps tells a word with a capital after its first letter.
func camelOrCaps(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// reCareOf is a person mail is sent in care of: "Gadget Guild (c/o Dr Ann
// Berger)".
var reCareOf = regexp.MustCompile(`\(\s*c/o\s+([^()]{3,60})\)`)

// careOf reads the person a form's address names in care of: a contact
// of the organization written before it.
func (r *reader) careOf(i int) {
	b := &r.p.Blocks[i]
	for _, m := range reCareOf.FindAllStringSubmatchIndex(b.Text, -1) {
		name := strings.TrimSpace(b.Text[m[2]:m[3]])
		if !r.isPersonName(name, false) {
			continue
		}
		var org *dent
		for k, mm := range r.ms[i] {
			if mm.end <= m[0] && mm.label == LabelOrganization {
				org = r.ents[i][k]
			}
		}
		// "European Platform of Women Scientists EPWS (c/o …)": a body
		// the page names elsewhere, written here with its acronym.
		if org == nil {
			before := b.Text[:m[0]]
			best := 0
			for _, e := range r.d.ents {
				if e.label != LabelOrganization {
					continue
				}
				for _, n := range e.names() {
					// "… AISBL", "… Inc.": the name without its legal form too.
					if w := strings.Fields(n); len(w) >= 3 && slices.Contains(orgHeads, w[len(w)-1]) {
						n = strings.Join(w[:len(w)-1], " ")
					}
					if len(n) > max(3, best) && strings.Contains(before, n) {
						org, best = e, len(n)
					}
				}
			}
		}
		line := b.LineAt(m[2])
		p := r.person(name, line, rulePersonRole)
		if org != nil && p != nil {
			r.d.fact(RelMemberOf, p, org, line, relCareOf, map[string]any{"role": "contact"})
		}
	}
}

// liaisonForm reads the header of a liaison statement: "Source:" (or
// "From:") and "To:" fields on a page that says it is a liaison. The
// source is in liaison with each body it writes to.
func (r *reader) liaisonForm() {
	var from, to []*dent
	var fromGroup, toGroup *dent // the groups the From and To fields name
	var fromContacts, toContacts []*dent
	liaison := false
	line := 0
	status := map[*dent]string{}
	for i := range r.p.Blocks {
		b := &r.p.Blocks[i]
		if i > 60 {
			break
		}
		if strings.Contains(strings.ToLower(b.Label+" "+b.Text), "liaison") && len(b.Text) < 200 {
			liaison = true
		}
		switch strings.ToLower(b.Label) {
		case "source", "from":
			if from == nil {
				from = r.bodies(i)
			}
		case "from group", "from groups":
			if from == nil {
				from, fromGroup = r.fieldGroups(i), r.fieldGroup(i)
			}
		case "from contact", "from contacts", "response contact", "response contacts", "technical contact":
			fromContacts = append(fromContacts, r.fieldPeople(i)...)
		case "to contact", "to contacts":
			toContacts = append(toContacts, r.fieldPeople(i)...)
		case "to":
			if to == nil {
				to, line = r.bodies(i), b.Line
			}
		case "to group", "to groups":
			if to == nil {
				to, line = r.fieldGroups(i), b.Line
				toGroup = r.fieldGroup(i)
			}
		default:
			// "For action to: X", "For information to: Y": each
			// addressee, and what the statement asks of it.
			if m := reForTo.FindStringSubmatch(strings.ToLower(b.Label)); m != nil {
				for _, e := range r.bodies(i) {
					to = append(to, e)
					status[e] = "for " + m[1]
				}
				line = cmp.Or(line, b.Line)
			}
		}
	}
	if !liaison {
		return
	}
	r.statementParties(fromGroup, toGroup, fromContacts, toContacts)
	for _, a := range from {
		for _, b := range to {
			if a != b {
				var props map[string]any
				if st := status[b]; st != "" {
					props = map[string]any{"status": st}
				}
				r.d.fact(RelLiaisonWith, a, b, line, relLiaisonForm, props)
			}
		}
	}
}

// fieldGroup is the group a From or To field names, or its organization.
func (r *reader) fieldGroup(i int) *dent {
	for _, e := range r.ents[i] {
		if e.label == LabelWorkingGroup {
			return e
		}
	}
	for _, e := range r.ents[i] {
		if e.label == LabelOrganization {
			return e
		}
	}
	if b := &r.p.Blocks[i]; isAcronym(strings.TrimSpace(b.Text)) {
		return r.d.entity(LabelOrganization, strings.TrimSpace(b.Text), b.Line, ruleOrgSlot) // "To Group WIDG"
	}
	return nil
}

// fieldPeople are the people a contact field names, one a comma.
func (r *reader) fieldPeople(i int) []*dent {
	b := &r.p.Blocks[i]
	var out []*dent
	for _, part := range splitTop(b.Text, ",;") {
		name := strings.TrimSpace(reMailAddr.ReplaceAllString(reAngleAddr.ReplaceAllString(part, "$1"), ""))
		if r.isPersonName(name, false) {
			out = append(out, r.person(name, b.Line, rulePersonSlot))
		}
	}
	return out
}

// statementParties reads what a liaison statement's record says of its
// people and its own title: the contacts belong to the groups they write
// for and to, the sending group published the statement (on its posted
// date), and the sending contacts wrote it.
func (r *reader) statementParties(fromGroup, toGroup *dent, fromContacts, toContacts []*dent) {
	for _, p := range fromContacts {
		if fromGroup != nil {
			r.d.fact(RelMemberOf, p, fromGroup, p.seen[0].line, relLiaisonForm, map[string]any{"role": "liaison contact"})
		}
	}
	for _, p := range toContacts {
		if toGroup != nil {
			r.d.fact(RelMemberOf, p, toGroup, p.seen[0].line, relLiaisonForm, map[string]any{"role": "liaison contact"})
		}
	}
	doc, line, date := r.statementTitle()
	if doc == nil {
		return
	}
	if fromGroup != nil {
		props := map[string]any{}
		if date != "" {
			props["date"] = date
		}
		r.d.fact(RelPublished, fromGroup, doc, line, relLiaisonForm, props)
	}
	for _, p := range fromContacts {
		r.d.fact(RelContributedTo, p, doc, p.seen[0].line, relLiaisonForm, map[string]any{"role": "contact"})
	}
}

// statementTitle is the liaison statement a record is of, from a title
// near its top ("Liaison statement from X to Y on Z"), with the line and
// the date the record was posted on.
func (r *reader) statementTitle() (doc *dent, line int, date string) {
	for i := 0; i < len(r.p.Blocks) && i < 20; i++ {
		b := &r.p.Blocks[i]
		if doc == nil && reLiaisonTitle.MatchString(b.Text) && len(r.ents[i]) > 0 && r.ents[i][0].label == LabelDocument {
			doc, line = r.ents[i][0], b.Line
		}
		if ds := findDates(b.Text, 0); date == "" && len(ds) > 0 && (rePostedOn.MatchString(b.Label+" "+b.Text) || strings.EqualFold(b.Label, "Date")) {
			date = ds[0].date
		}
	}
	return doc, line, date
}

// reForTo is the label of a liaison statement's addressees, by what it
// asks of them.
var reForTo = regexp.MustCompile(`^for\s+(action|information|info|comment|comments|review|approval)\s+to$`)

// fieldGroups are the bodies of a liaison record's "To Groups: IAB, IESG"
// field: each name in it is a group (the page's organization's, when it
// names no other), standing for its organization.
func (r *reader) fieldGroups(i int) []*dent {
	if out := r.bodies(i); len(out) > 0 {
		return out
	}
	b := &r.p.Blocks[i]
	var out []*dent
	for _, part := range splitTop(b.Text, ",;") {
		name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "The "))
		if !isAcronym(name) && headLabel(name) != LabelWorkingGroup {
			continue
		}
		g := r.d.entity(LabelWorkingGroup, name, b.Line, ruleGroupList)
		if g.owner == nil && r.org != nil && r.org != g {
			g.owner = r.org
			r.d.fact(RelPartOf, g, r.org, b.Line, relPageOwner, nil)
		}
		if o := g.owner; o != nil && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out
}

// bodies are the organizations block i names; a group stands for the
// organization it is part of ("ITU-T SG16": ITU-T), as liaisons are
// between organizations.
func (r *reader) bodies(i int) []*dent {
	var out []*dent
	for _, e := range r.ents[i] {
		if e.label == LabelWorkingGroup && e.owner != nil {
			e = e.owner
		}
		if e.label == LabelOrganization && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}
