package loader

import (
	"regexp"
	"slices"
	"strings"
)

// Meeting notes: the documents a meeting works on and the people named in
// its action items, volunteer lists and sentences; the programme of an
// event (talks by time slot) and its role tags (<主催者 Organizer>,
// <演者 Speaker>, <会場 Place>).

var (
	// "[Update for Microservices Architecture Pattern (MAP) ]", "[MAP
	// Document Discussion]": a bracketed heading that names a document.
	reBracketHead = regexp.MustCompile(`^\[\s*(.+?)\s*\]\s*[–:-]?$`)
	reDocFrame    = regexp.MustCompile(`(?i)^(?:update for|updates? on|discussion (?:of|on) (?:the )?|review changes to the|review of (?:the )?)\s*|\s*(?:updates and discussion|document discussion|– status update|- status update|status update|document made|document|updates?)\.?$`)
	docWords      = regexp.MustCompile(`(?i)\b(pattern|paper|practices?|document|guide|guidance|whitepaper|charter|standard|report|survey|specification|\([A-Z]{2,}\))`)
	// "Challenges in Securing ... – out now!", "X – coming soon!".
	reRelease = regexp.MustCompile(`^([A-Z][^–]{8,140}?)\s+[–-]\s+(out now|coming soon|published|released|now available)\b`)
	// Labels whose values or items are documents being worked on.
	docLabels = regexp.MustCompile(`(?i)^(?:the )?(?:document|paper|report)s?\b.*$|^(?:review|write|writing|draft|drafting|documents|papers|deliverables|publications|open peer reviews?)$`)
	docLists  = regexp.MustCompile(`(?i)^(?:review|write|writing|drafting|documents|papers|deliverables|publications)$`)
	// "Update Top Threats to Mobile": capitalised words after "Update".
	reUpdateHead = regexp.MustCompile(`^(?:Update|Updates on|Review of|Review)\s+((?:the\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|to|of|for|and|in|on|the|&))*\s+[A-Z][\w-]*)$`)
	reSan        = regexp.MustCompile(`\b([A-Z][a-z]+)-san\b`)
	// A heading that is a sentence ("First papers are out") names no
	// document.
	reSentenceVerb = regexp.MustCompile(`(?i)\b(?:is|are|was|were|have|has|had|will|to be|out)\b`)
)

// notesDocuments reads the documents of meeting notes: bracketed headings
// that name one, "The document discussed on today’s call: X", the items
// of a "Review:" or "Write:" list, release lines.
func (r *reader) notesDocuments(i int) {
	b := &r.p.Blocks[i]
	if r.p.Kind == "form" {
		return
	}
	t := strings.TrimSpace(b.Text)
	switch {
	case b.Label == "" && reBracketHead.MatchString(t):
		name := reBracketHead.FindStringSubmatch(t)[1]
		if !docWords.MatchString(name) || reSentenceVerb.MatchString(name) {
			return
		}
		for prev := ""; prev != name; {
			prev = name
			name = strings.TrimSpace(reDocFrame.ReplaceAllString(name, ""))
		}
		r.noteDocument(i, name, b.Line)
	case b.Kind == BlockHeading && r.cur != nil && reUpdateHead.MatchString(t):
		// "Update Top Threats to Mobile": an agenda item of the meeting
		// that names the paper it updates.
		r.noteDocument(i, reUpdateHead.FindStringSubmatch(t)[1], b.Line)
	case b.Label != "" && docLabels.MatchString(b.Label) && t != "":
		r.noteDocument(i, strings.Trim(t, "“”\"‘’ "), b.Line)
	case b.Label != "" && docLists.MatchString(b.Label) && t == "" || b.Label == "" && docLists.MatchString(strings.TrimSuffix(t, ":")):
		for _, j := range r.children(i) {
			cb := &r.p.Blocks[j]
			if cb.Label != "" || len(cb.Text) > 120 {
				continue
			}
			r.noteDocument(j, strings.TrimSuffix(strings.Trim(cb.Text, "“”\"‘’ "), " document"), cb.Line)
		}
	case r.curPub != nil && b.Label == "" && b.Kind != BlockTitle && !strings.HasPrefix(t, "http") && !startsWithDate(t) && len([]rune(t)) >= 8 && len([]rune(t)) < 140 && !strings.HasSuffix(t, "。") && !strings.HasSuffix(t, "."):
		// Under a publication entry, each line is a title.
		if r.first(i, LabelWorkingGroup, LabelOrganization) == nil {
			d := r.noteDocument(i, strings.Trim(t, "「」『』“” "), b.Line)
			if d != nil {
				d.set("status", "published")
			}
		}
	case reURLs.MatchString(t) && reURLs.FindString(t) == t:
		// A link on a line of its own: the page of the document named
		// just above, or of the entry's event.
		if r.lastDoc != nil && r.lastDocLine >= b.Line-2 {
			r.lastDoc.set("url", t)
			r.lastDoc.saw(b.Line, ruleDocNotes)
		} else if r.cur != nil {
			r.cur.set("url", t)
		}
	case reRelease.MatchString(t):
		m := reRelease.FindStringSubmatch(t)
		d := r.noteDocument(i, m[1], b.Line)
		if d != nil {
			status := "published"
			if strings.Contains(m[2], "soon") {
				status = "forthcoming"
			}
			d.set("status", status)
			if g := r.holderOfCurrent(); g != nil {
				r.d.fact(RelPublished, g, d, b.Line, relPublished, nil)
			}
		}
	}
}

// noteDocument makes the document a note names, its acronym in
// parentheses as an alias, and records it as discussed at the current
// meeting.
func (r *reader) noteDocument(i int, name string, line int) *dent {
	name = strings.TrimSpace(name)
	acr := ""
	if m := reTrailingParen.FindStringSubmatch(name); m != nil && isAcronym(m[2]) {
		name, acr = strings.TrimSpace(m[1]), m[2]
	}
	// An acronym alone names a document the text already knows.
	if isAcronym(name) {
		e := r.d.findAny(name, LabelDocument)
		if e != nil {
			e.saw(line, ruleDocNotes)
			r.noted(i, e, name, line)
		}
		return e
	}
	if len([]rune(name)) < 4 || len(strings.Fields(name)) > 20 || r.genericDocName(name) || isPlaceholder(name) {
		return nil
	}
	// The title replaces the shorter names read inside it ("Best
	// Practices in Implementing" of a longer title).
	for k := len(r.ents[i]) - 1; k >= 0; k-- {
		if e := r.ents[i][k]; e.label == LabelDocument && len(e.name) < len(name) && strings.Contains(name, e.name) {
			r.ents[i] = append(r.ents[i][:k], r.ents[i][k+1:]...)
			r.ms[i] = append(r.ms[i][:k], r.ms[i][k+1:]...)
			e.seen = slices.DeleteFunc(e.seen, func(s sighting) bool { return s.line == line })
		}
	}
	d := r.d.entity(LabelDocument, name, line, ruleDocNotes)
	if acr != "" {
		d.alias(acr)
		d.set("acronym", acr)
	}
	d.set("kind", documentKind(name))
	r.noted(i, d, name, line)
	return d
}

// noted makes a document the block's own, the paper its notes work on,
// discussed at the current meeting.
func (r *reader) noted(i int, d *dent, name string, line int) {
	r.ents[i] = append(r.ents[i], d)
	r.ms[i] = append(r.ms[i], mention{label: LabelDocument, name: name, start: len(r.p.Blocks[i].Text), end: len(r.p.Blocks[i].Text)})
	r.discussedAt(d, line)
	r.lastDoc, r.lastDocLine = d, line
}

// genericDocName tells a heading's kind of papers from a paper's title:
// "Current Papers", "Recent Documents" are words the page also writes in
// lower case, ending in a plural.
func (r *reader) genericDocName(name string) bool {
	w := strings.Fields(strings.ToLower(name))
	if len(w) > 3 || !pluralDocWords[w[len(w)-1]] {
		return false
	}
	for _, x := range w[:len(w)-1] {
		if !r.lex.lower[x] {
			return false
		}
	}
	return true
}

var pluralDocWords = map[string]bool{"papers": true, "documents": true, "reports": true, "deliverables": true, "publications": true, "releases": true, "initiatives": true}

// discussesHere tells whether the papers a block names were discussed at
// ev: on a form, never; on a listing, only under a meeting of its own (a
// dated section of an activity report), not the page's.
func (r *reader) discussesHere(ev *dent) bool {
	return ev != nil && r.p.Kind != "form" && (r.p.Kind != "listing" || ev == r.cur)
}

// discussedAt records that the current meeting discussed a document.
func (r *reader) discussedAt(d *dent, line int) {
	if ev := r.currentEvent(); r.discussesHere(ev) {
		r.d.fact(RelDiscussed, ev, d, line, relDiscussed, nil)
	}
}

// holderOfCurrent is the group that held the current meeting.
func (r *reader) holderOfCurrent() *dent {
	ev := r.currentEvent()
	if ev == nil {
		return nil
	}
	for _, f := range r.d.facts {
		if f.typ == RelHeld && f.to == ev {
			return f.from
		}
	}
	return nil
}

// Names in notes: "Aggregation – Mubasher", "AuthZ – Vani Murthy / John
// Jiang", "Anil Karmel – address tech edits", "Craig Ellrod went through
// his latest contribution", "(from Tasos, Vrettos, and Marina)", "reach out
// to Mark or M. Roza", "Chairs, (Aradhna and Vishwas), to address".
const pNoteName = `[A-Z][a-z]+(?:\s+[A-Z]\.(?:\s?[A-Z]\.)?|\s+[A-Z][a-z]+)?|[A-Z]\.\s+[A-Z][a-z]+`

var (
	reAssigned  = regexp.MustCompile(`^(.{2,60}?)\s+[–-]\s+((?:` + pNoteName + `)(?:\s*/\s*(?:` + pNoteName + `))*)\s*$`)
	reDashActor = regexp.MustCompile(`^((?:` + pNoteName + `)(?:\s+and\s+(?:` + pNoteName + `))*)\s+[–-]\s+(?:[Tt]o\s+)?[A-Z]?[a-z]+`)
	// "5.1.7 – Vani updated the diagram".
	reSectionActor = regexp.MustCompile(`^(\d+(?:\.\d+)+)\s+[–-]\s+(` + pNoteName + `)\s+(?:[a-z]+ed|is|are|will|to|added|wrote|made)\b`)
	reLeadName     = regexp.MustCompile(`^([A-Z][a-z]+\s+[A-Z][a-z]{2,})\s+(?:[a-z]+ed|went|gave|made|took|will|to|has|had|is|shared|reviewed|presented|provided|updated|added|wrote)\b`)
	// "Vinay updated on 5.5 Strangler Application Pattern": a first name
	// and the work done on a numbered section.
	reLeadFirst = regexp.MustCompile(`^([A-Z][a-z]{2,})\s+(?:updated|reviewed|added|wrote|drafted|edited|gave an update|went through|presented|provided|completed|finished|revised)\b`)
	reSectionIn = regexp.MustCompile(`\b(?:on|under|to|in|for|of)\s+(?:the\s+)?(\d+(?:\.\d+)+)\b`)
	reParenList = regexp.MustCompile(`\((?:from|by|with)\s+((?:` + pNoteName + `)(?:,?\s*(?:and\s+)?(?:` + pNoteName + `))*)\)`)
	reObject    = regexp.MustCompile(`\b(?:to|with|[Cc]ontact|[Ee]mail|[Aa]sk|or|and)\s+(` + pNoteName + `)`)
	reRoleParen = regexp.MustCompile(`\b(Chairs?|Co-chairs?|Leads?|Editors?),?\s*\(\s*((?:` + pNoteName + `)(?:\s*(?:,|and)\s*(?:` + pNoteName + `))*)\s*\)`)
	reSections  = regexp.MustCompile(`(?i)\b(?:sections?|chapters?)\s+([\d.]+(?:\s*(?:,|and|–|-)\s*[\d.]+)*)`)
	reSectionAt = regexp.MustCompile(`^(\d+(?:\.\d+)+)\b`)
	// Words that say a note's person wrote part of the paper.
	reContribution = regexp.MustCompile(`(?i)\b(?:contribution|contributed|(?:his|her|their) portion|wrote|drafted|writing)\b`)
)

// notesPeople reads the people meeting notes name.
func (r *reader) notesPeople(i int) {
	b := &r.p.Blocks[i]
	if r.consumed[i] || r.p.Kind == "form" || r.p.Kind == "listing" || hasCJK(b.Text) && !strings.ContainsAny(b.Text, "abcdefghijklmnopqrstuvwxyz") {
		return
	}
	t := strings.TrimSpace(blockText(b))
	line := b.Line
	doc := r.currentDocument(i)
	if m := reAssigned.FindStringSubmatch(t); m != nil && r.volunteerContext(i) {
		for _, name := range strings.Split(m[2], "/") {
			if p := r.notePerson(name, line); p != nil && doc != nil {
				r.d.fact(RelContributedTo, p, doc, line, relActionItem, map[string]any{"role": "volunteer", "section": strings.TrimSpace(m[1])})
				r.worksIn(p, line)
			}
		}
		return
	}
	if m := reSectionActor.FindStringSubmatch(t); m != nil {
		if p := r.notePerson(m[2], line); p != nil && doc != nil {
			r.d.fact(RelContributedTo, p, doc, line, relActionItem, map[string]any{"role": "author", "section": m[1]})
			r.worksIn(p, line)
		}
	}
	if m := reDashActor.FindStringSubmatch(t); m != nil {
		for _, name := range splitNames(m[1]) {
			r.contributor(r.notePerson(name, line), doc, t, line)
		}
	}
	// A full name first, else a first name, starts the note.
	for _, re := range []*regexp.Regexp{reLeadName, reLeadFirst} {
		if m := re.FindStringSubmatch(t); m != nil && r.properName(m[1]) {
			p := r.notePerson(m[1], line)
			r.contributor(p, doc, t, line)
			r.notePresenter(p, m[0], line)
			break
		}
	}
	for _, m := range reParenList.FindAllStringSubmatchIndex(t, -1) {
		part := strings.TrimSpace(t[:m[0]])
		for _, name := range splitNames(t[m[2]:m[3]]) {
			r.sectionBy(r.notePerson(name, line), doc, t[m[0]:m[2]], part, line)
		}
	}
	for _, m := range reObject.FindAllStringSubmatchIndex(t, -1) {
		name := t[m[2]:m[3]]
		// "to Mark Y.", "or M. Roza", "to Anil": a name with an initial, or
		// one the page already knows; and not the start of a longer name.
		if next := firstWord(t[m[3]:]); next != "" && isCapWord(next) {
			continue
		}
		w := strings.Fields(name)
		initial := len(w) == 2 && (strings.HasSuffix(w[1], ".") || strings.HasSuffix(w[0], "."))
		if initial && r.properName(name) || r.knownFirstName(name) {
			r.notePerson(name, line)
		}
	}
	for _, m := range reRoleParen.FindAllStringSubmatch(t, -1) {
		role, _, _ := roleOf(m[1])
		for _, name := range splitNames(m[2]) {
			p := r.notePerson(name, line)
			if g := r.holderOfCurrent(); g != nil && p != nil {
				r.d.fact(RelMemberOf, p, g, line, relRoleField, map[string]any{"role": role})
			}
		}
	}
	for _, m := range reSan.FindAllStringSubmatch(t, -1) {
		p := r.notePerson(m[1], line)
		if p != nil {
			p.alias(m[1] + "-san")
		}
		r.contributor(p, doc, t, line)
	}
}

// notePresenter records that the person a note starts with presented at
// the current meeting: "Mark presented background Chapter 1-4".
func (r *reader) notePresenter(p *dent, lead string, line int) {
	if ev := r.currentEvent(); p != nil && ev != nil && strings.HasSuffix(lead, "presented") {
		r.d.fact(RelPresentedAt, p, ev, line, relNotePresenter, map[string]any{"role": "presenter"})
	}
}

// sectionBy records the people a note credits with a part of the current
// paper: "Implementation Example (from Tasos, Vrettos, and Marina)". The
// part is the words before the parenthesis, when they are few.
func (r *reader) sectionBy(p, doc *dent, by, part string, line int) {
	if p == nil || doc == nil || strings.Contains(by, "with") {
		return
	}
	props := map[string]any{}
	if w := strings.Fields(part); len(w) > 0 && len(w) <= 6 {
		props["section"] = part
	}
	r.d.fact(RelContributedTo, p, doc, line, relSectionBy, props)
	r.worksIn(p, line)
}

// notePerson makes the person a note names, attending the current
// meeting.
func (r *reader) notePerson(name string, line int) *dent {
	name = strings.TrimSpace(name)
	if !r.isPersonName(name, true) || !r.properName(name) {
		return nil
	}
	if !strings.Contains(name, " ") && !r.lex.capOnly[strings.ToLower(name)] {
		return nil
	}
	p := r.person(name, line, rulePersonAction)
	// Someone the roster gives as absent is named in the notes, not there.
	if ev := r.currentEvent(); ev != nil && !r.absent[p] {
		r.d.fact(RelAttended, p, ev, line, relActionItem, nil)
	}
	return p
}

// contributor records a person's work on the current document, with the
// section the note names: "Eiji-san will review sections 1 and 2", "5.1.7
// – Vani updated the ...".
func (r *reader) contributor(p, doc *dent, t string, line int) {
	if p == nil || doc == nil {
		return
	}
	section := ""
	if m := reSections.FindStringSubmatch(t); m != nil {
		section = m[1]
	} else if m := reSectionAt.FindStringSubmatch(t); m != nil {
		section = m[1]
	} else if m := reSectionIn.FindStringSubmatch(t); m != nil {
		section = m[1]
	}
	if section == "" {
		// "Craig Ellrod went through his latest contribution to the
		// document": work on the paper, no section named.
		if reContribution.MatchString(t) {
			r.d.fact(RelContributedTo, p, doc, line, relActionItem, map[string]any{"role": "author"})
			r.worksIn(p, line)
		}
		return
	}
	role := "author"
	if strings.Contains(strings.ToLower(t), "review") {
		role = "reviewer"
	}
	r.d.fact(RelContributedTo, p, doc, line, relActionItem, map[string]any{"role": role, "section": section})
	r.worksIn(p, line)
}

// worksIn notes a person who writes a section of a paper in a meeting's
// minutes; worksInGroups makes them a member of the group that held it,
// once the page's meetings have their holders.
func (r *reader) worksIn(p *dent, line int) {
	if ev := r.currentEvent(); p != nil && ev != nil {
		r.works = append(r.works, work{p, ev, line})
	}
}

type work struct {
	p, ev *dent
	line  int
}

func (r *reader) worksInGroups() {
	for _, w := range r.works {
		for _, f := range r.d.facts {
			if f.typ == RelHeld && f.to == w.ev && f.from.label == LabelWorkingGroup {
				r.d.fact(RelMemberOf, w.p, f.from, w.line, relWorksIn, nil)
				break
			}
		}
	}
}

// knownFirstName tells whether a first name belongs to someone the page
// names in full or has read as a person.
func (r *reader) knownFirstName(w string) bool {
	for _, e := range r.d.ents {
		if e.label == LabelPerson && (strings.EqualFold(e.name, w) || strings.HasPrefix(e.name, w+" ")) {
			return true
		}
	}
	return false
}

// volunteerContext tells whether a "X – Name" line is an assignment: a
// line above it in the entry speaks of volunteers, authors or
// assignments.
func (r *reader) volunteerContext(i int) bool {
	for _, a := range r.ancestors(i) {
		l := strings.ToLower(a.Text + " " + a.Label)
		if strings.Contains(l, "volunteer") || strings.Contains(l, "author") || strings.Contains(l, "assign") || strings.Contains(l, "owner") {
			return true
		}
	}
	return false
}

// currentDocument is the document the notes around block i work on: the
// last one named in the current entry.
func (r *reader) currentDocument(i int) *dent {
	for j := i; j >= 0 && j >= i-40; j-- {
		for k := len(r.ents[j]) - 1; k >= 0; k-- {
			if r.ents[j][k].label == LabelDocument {
				return r.ents[j][k]
			}
		}
		if r.cur != nil && j < len(r.p.Blocks) && r.p.Blocks[j].Line <= r.curLine {
			break
		}
	}
	return nil
}

// splitNames splits "Anil and Andrew", "Tasos, Vrettos, and Marina".
func splitNames(s string) []string {
	var out []string
	for _, part := range regexp.MustCompile(`\s*(?:,|\band\b)\s*`).Split(s, -1) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// An event's programme: "19:05-19:30 「talk title」", "20:10-20:30 CSAジャパン関西支部の
// 活動のご紹介", and its role tags.
var (
	reSlot       = regexp.MustCompile(`^\s*(\d{1,2}:?\d{2})\s*[-–~〜]\s*(\d{1,2}:?\d{2})\s+(.+)$`)
	reBareSlot   = regexp.MustCompile(`^\s*\d{1,2}:?\d{2}\s*[-–~〜]\s*\d{1,2}:?\d{2}\s*$`)
	programWords = []string{"受付", "開会", "挨拶", "休憩", "閉会", "懇親会", "フリートーク", "ネットワーキング", "スタート", "質疑", "Q&A", "Break", "Lunch", "Registration", "Opening", "Closing", "Welcome", "Networking"}
	reRoleTag    = regexp.MustCompile(`<([^<>]{1,40})>`)
)

// programme reads a time slot of an event's programme as a talk given
// there.
func (r *reader) programme(i int) {
	b := &r.p.Blocks[i]
	ev := r.currentEvent()
	if ev == nil || r.cur == nil {
		return
	}
	m := reSlot.FindStringSubmatch(b.Text)
	title := ""
	switch {
	case m != nil:
		title = strings.TrimSpace(m[3])
	case i > 0 && reBareSlot.MatchString(r.p.Blocks[i-1].Text) && !reRoleTag.MatchString(b.Text):
		// "1540 – 1600" alone (a line of numbers, clutter to the
		// structure stage): the talk's title is the line after it.
		title = strings.TrimSpace(b.Text)
	default:
		return
	}
	for _, w := range programWords {
		if strings.Contains(title, w) {
			return
		}
	}
	if title == ev.name {
		return // "17:00-18:00 Gadget ABSC" under an agenda's day is the session itself
	}
	if q := reQuoted.FindStringSubmatch(title); q != nil {
		title = q[1]
	}
	title = strings.Trim(title, "「」『』“” ")
	if len([]rune(title)) < 6 {
		return
	}
	d := r.d.entity(LabelDocument, title, b.Line, ruleDocNotes)
	d.set("kind", "talk")
	r.d.fact(RelDiscussed, ev, d, b.Line, relDiscussed, nil)
	r.talk = d
}

// roleTags reads an event entry's tagged blocks: "<主催者 Organizer>" and
// "<共催 Cosponsored>" name who held it, "<演者 Speaker>" and "<コーディネーター
// Coordinator>" who presented, "<会場 Place>" where. A tag may end a line
// whose text belongs to the tag before it.
func (r *reader) roleTags(i int) {
	b := &r.p.Blocks[i]
	ev := r.cur
	if ev == nil {
		r.tag = ""
		return
	}
	t := strings.TrimSpace(b.Text)
	tags := reRoleTag.FindAllStringSubmatchIndex(t, -1)
	if tags == nil {
		if r.tag != "" && !strings.HasPrefix(t, "・") && !reSlot.MatchString(t) && !strings.HasPrefix(t, "http") {
			r.tagged(i, ev, t, b.Line)
		}
		return
	}
	if head := strings.TrimSpace(t[:tags[0][0]]); head != "" && r.tag != "" {
		r.tagged(i, ev, head, b.Line)
	}
	for k, m := range tags {
		r.tag = tagRole(t[m[2]:m[3]])
		end := len(t)
		if k+1 < len(tags) {
			end = tags[k+1][0]
		}
		if rest := strings.TrimSpace(t[m[1]:end]); rest != "" {
			r.tagged(i, ev, rest, b.Line)
		}
	}
}

// tagRelation is what the current tag's person did at the event: a
// speaker or moderator presented, a coordinator ran it and attended.
func (r *reader) tagRelation() string {
	if r.tag == "coordinator" {
		return RelAttended
	}
	return RelPresentedAt
}

// tagRole reads a role tag's words: "主催者 Organizer" is the organizer.
func tagRole(tag string) string {
	l := strings.ToLower(tag)
	switch {
	case strings.Contains(l, "主催") || strings.Contains(l, "organizer") || strings.Contains(l, "organiser") || strings.Contains(l, "host"):
		return "organizer"
	case strings.Contains(l, "共催") || strings.Contains(l, "cosponsor") || strings.Contains(l, "co-sponsor") || strings.Contains(l, "協力"):
		return "co-sponsor"
	case strings.Contains(l, "演者") || strings.Contains(l, "speaker") || strings.Contains(l, "講師"):
		return "speaker"
	case strings.Contains(l, "コーディネーター") || strings.Contains(l, "coordinator"):
		return "coordinator"
	case strings.Contains(l, "モデレーター") || strings.Contains(l, "moderator"):
		return "moderator"
	case strings.Contains(l, "会場") || strings.Contains(l, "place") || strings.Contains(l, "venue"):
		return "place"
	}
	return "other"
}

// tagged records one line under a role tag.
func (r *reader) tagged(i int, ev *dent, text string, line int) {
	switch r.tag {
	case "organizer", "co-sponsor":
		name, alt := splitJaParen(text)
		label := LabelOrganization
		if jaHeadLabel(name) == LabelWorkingGroup || headLabel(name) == LabelWorkingGroup {
			label = LabelWorkingGroup
		}
		e := r.d.entity(label, name, line, ruleOrgSlot)
		if alt != "" {
			e.alias(alt)
		}
		// An organization, then its group on the next line: the group is
		// the organization's.
		if label == LabelWorkingGroup && r.lastHost != nil && r.lastHost.label == LabelOrganization {
			r.d.fact(RelPartOf, e, r.lastHost, line, relOwnerOf, nil)
		}
		r.lastHost = e
		r.d.fact(RelHeld, e, ev, line, relHosted, map[string]any{"role": r.tag})
	case "speaker", "coordinator", "moderator":
		for _, m := range reJaRoleName.FindAllStringSubmatch(text, -1) {
			if isJaPersonName(m[3]) {
				p := r.d.entity(LabelPerson, strings.TrimSpace(m[3]), line, rulePersonRole)
				r.d.fact(r.tagRelation(), p, ev, line, relPresenter, map[string]any{"role": r.tag})
				return
			}
		}
		if r.isPersonName(text, false) {
			p := r.person(text, line, rulePersonRole)
			r.d.fact(r.tagRelation(), p, ev, line, relPresenter, map[string]any{"role": r.tag})
			r.lastSpeaker = p
			if r.talk != nil && r.tag == "speaker" {
				r.d.fact(RelContributedTo, p, r.talk, line, relPresenter, map[string]any{"role": "speaker"})
			}
			return
		}
		// "Executive Director, CSA Japan Chapter" under the speaker.
		if r.lastSpeaker != nil && strings.Contains(text, ",") {
			title, org, _ := strings.Cut(text, ",")
			o := r.d.entity(LabelOrganization, strings.TrimSpace(org), line, ruleOrgSlot)
			r.d.fact(RelMemberOf, r.lastSpeaker, o, line, relAffiliation, map[string]any{"role": strings.TrimSpace(title)})
		}
	case "place":
		ev.set("location", text)
	}
}

// splitJaParen splits "GVH Osaka(グローバルベンチャーハビタット大阪)" into the name
// and the other name in parentheses.
func splitJaParen(s string) (string, string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "(（"); i > 0 && (strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）")) {
		return strings.TrimSpace(s[:i]), strings.Trim(s[i:], "()（） ")
	}
	return s, ""
}

// startsWithDate tells whether a line opens with a date.
func startsWithDate(t string) bool {
	ds := findDates(t, 0)
	return len(ds) > 0 && ds[0].start <= 2
}
