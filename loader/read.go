package loader

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reader reads one page: it holds what the page has said so far, the
// page's subject (the group, organization or meeting the page is about),
// and the names each block mentions.
type reader struct {
	d   *draft
	p   *Page
	lex lexicon

	subject *dent // the working group (or organization) the page is about
	org     *dent // the organization behind the page
	event   *dent // the meeting the page records
	year    int   // the year of the last full date read, for dates without one

	ms   [][]mention // names found in each block's text
	ents [][]*dent   // the entities those names became
	head [][]mention // names found in each block's label and head

	// The entry being read: its event (or, for a publication, its
	// publisher and date) and its indent.
	cur       *dent
	curPub    *dent
	curDate   string
	curIndent int

	consumed     map[int]bool         // blocks a roster or role field has read
	absent       map[*dent]bool       // people a roster gives as absent: notes naming them are no attendance
	home         *dent                // the organization a form is filled in for
	counterpart  *dent                // the organization a form's champion is within
	lastSigned   *dent                // the person a mail's signature names
	lastJa       *dent                // the last person of a Japanese roster
	jaHeader     string               // the current 【...】 heading of a Japanese roster
	jaHeaderOrg  *dent                // the organization a roster heading names ("(文部科学省)")
	jaLineOrg    *dent                // the organization a roster line starts with ("総務省 五十嵐大和、内藤めい")
	jaLineAt     int                  // the line jaLineOrg was read on
	works        []work               // sections written in minutes, for worksInGroups
	involved     []involvement        // "X is involved in N projects", for sectionParticipation
	tableRows    map[int]bool         // the rows of liaison tables, by block
	jaPending    []jaEntry            // roster entries since the last "(以上、Org)" or heading
	jaRosterOn   bool                 // reading the lines after a Japanese roster's label
	jaRosterMk   string               // the marker style of that label's item ("9." for "3.出席者"), which its next section shares
	jaAbsent     bool                 // the roster being read lists the absent
	jaCellPost   string               // a post read from a column cell, waiting for the name in the next
	curLine      int                  // the line the current entry starts on
	tag          string               // the role tag in force in an event entry ("organizer")
	lastHost     *dent                // the last organizer read under a role tag
	lastSpeaker  *dent                // the last speaker read under a role tag
	talk         *dent                // the talk of the programme slot being read
	rosterBody   *dent                // the body a roster's heading names ("ICANN Staff")
	catalogue    map[int]catalogueRow // the catalogue rows read, by block
	seats        []seat               // roles a roster gives in the group whose meeting it is
	lastDoc      *dent                // the last document read in an entry, for a link under it
	lastDocLine  int
	attendees    []setApart // an attendance roster's people, for attendeesSetApart
	othersListed bool       // a roster of staff, observers or guests apart from the attendees
}

// read runs the recognisers and the relation rules over a page.
func read(ctx context.Context, d *draft) error {
	p := d.page
	r := &reader{d: d, p: p, consumed: map[int]bool{}, absent: map[*dent]bool{}}
	r.year = urlYear(p.URL) // until the text writes a year of its own
	r.lex = scanLexicon(p)
	r.ms = make([][]mention, len(p.Blocks))
	r.head = make([][]mention, len(p.Blocks))
	r.ents = make([][]*dent, len(p.Blocks))
	r.tableRows = liaisonRows(p)
	for i := range p.Blocks {
		if err := ctx.Err(); err != nil {
			return err // Ctrl-C: stop between blocks, nothing written
		}
		b := &p.Blocks[i]
		if b.Kind == BlockNoise {
			continue
		}
		if isPlaceLabel(b.Label) {
			continue // a meeting's place names a room or a city, not a body
		}
		r.ms[i] = r.recognise(b.Text)
		if r.tableRows[i] {
			rowOrganization(r.ms[i])
		}
		// A form's label says what to fill in; it names nothing. A
		// sentence before a list ("Our next OMG Cloud WG meetings are
		// scheduled for:") names what it is about.
		if (b.Label != "" || b.Head != "") && !b.Blank && (b.Text != "" || len(strings.Fields(b.Label)) >= 6) {
			r.head[i] = r.recognise(b.Head + " " + b.Label)
		}
	}
	r.kindHeadings()
	r.cardHeadings()
	r.designatorFields()
	r.designatedTitles()
	r.numberedMeetingGroups()
	r.titleGroupNames()
	r.possessiveDocuments()
	r.subtitledDocuments()
	r.catalogueMentions()
	r.entities()
	r.findSubject()
	p.Kind = pageKind(p, r)
	for i := range p.Blocks {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.Blocks[i].Kind == BlockNoise {
			continue
		}
		for _, rule := range blockRules {
			rule(r, i)
		}
	}
	for _, rule := range pageRules {
		rule(r)
	}
	return nil
}

// blockRules run on every block, in order; pageRules once a page is read.
var (
	blockRules = []func(*reader, int){
		(*reader).scope,
		(*reader).ownerRelations,
		(*reader).ownerOfPhrases,
		(*reader).datedEntry,
		(*reader).sectionEvent,
		(*reader).rosterBlock,
		(*reader).rosterTable,
		(*reader).bareRoster,
		(*reader).flatRoster,
		(*reader).gluedRoster,
		(*reader).roleField,
		(*reader).inlineRoles,
		(*reader).nameDashLine,
		(*reader).leaderCards,
		(*reader).letterCard,
		(*reader).possessiveAuthor,
		(*reader).groupCount,
		(*reader).groupPersonItem,
		(*reader).designatedGroup,
		(*reader).careOf,
		(*reader).contactBlock,
		(*reader).formParties,
		(*reader).mailPeople,
		(*reader).appositions,
		(*reader).letterParties,
		(*reader).addressees,
		(*reader).cardContacts,
		(*reader).groupTable,
		(*reader).prosePeople,
		(*reader).nationalPeople,
		(*reader).actionItems,
		(*reader).proseEvents,
		(*reader).jaGroupMeetings,
		(*reader).liaisons,
		(*reader).maintainsList,
		(*reader).catalogueRow,
		(*reader).standardsSection,
		(*reader).mapsToList,
		(*reader).documentList,
		(*reader).cardPublished,
		(*reader).partOfPhrases,
		(*reader).subgroups,
		(*reader).collaborations,
		(*reader).fundingAndLead,
		(*reader).participation,
		(*reader).founded,
		(*reader).topics,
		(*reader).topicList,
		(*reader).listingItem,
		(*reader).jaRoster,
		(*reader).jaRosterScope,
		(*reader).roleIs,
		(*reader).jaRoleName,
		(*reader).jaSpeakers,
		(*reader).jaProsePeople,
		(*reader).notesDocuments,
		(*reader).agendaDocument,
		(*reader).materialDocument,
		(*reader).notesPeople,
		(*reader).programme,
		(*reader).agendaSlot,
		(*reader).roleTags,
		(*reader).discussed,
		(*reader).projectBlurb,
		(*reader).trackYear,
	}
	pageRules = []func(*reader){
		(*reader).definitionAliases,
		(*reader).liaisonForm,
		(*reader).groupOwnerPrefix,
		(*reader).chapterOwners,
		(*reader).publishedByNamedGroup,
		(*reader).formLiaison,
		(*reader).designatorParents, // before pageOrganization: a sub-group is no part of the page's organization
		(*reader).pathParents,
		(*reader).pageOrganization,
		(*reader).pageEvents,
		(*reader).worksInGroups,        // after pageEvents: it reads who held each meeting
		(*reader).takeSeats,            // after pageEvents, as well
		(*reader).sectionParticipation, // after the block rules: a blurb names a project too
		(*reader).liaisonTable,
		(*reader).numberedMaintains,
		(*reader).attendeesSetApart,
	}
)

// entities turns every mention into an entity of the draft.
func (r *reader) entities() {
	for i := range r.p.Blocks {
		b := &r.p.Blocks[i]
		for _, m := range r.head[i] {
			r.entityOf(b, m, b.Line)
		}
		for _, m := range r.ms[i] {
			r.ents[i] = append(r.ents[i], r.entityOf(b, m, b.LineAt(m.start)))
		}
	}
	r.definedDocuments()
}

// definedDocuments finds, in every block, a document the page names by a
// term it defines: "Microservices Architecture Pattern (MAP)" is a
// paper where the page calls it "the MAP document", so "[Update for
// Microservices Architecture Pattern (MAP)]" names the paper too.
func (r *reader) definedDocuments() {
	for _, d := range r.lex.defs {
		if d.label != "" {
			continue
		}
		doc := r.d.findAny(d.long, LabelDocument)
		if doc == nil {
			doc = r.d.findAny(d.short, LabelDocument)
		}
		as := r.writtenAsDocument(d.short)
		if doc == nil && as != nil {
			doc = r.d.entity(LabelDocument, d.long, d.line, ruleAcronymDef)
			doc.alias(d.short)
		}
		if as != nil && as != doc {
			doc.alias(as.name) // "MAP Document" is the same paper
		}
		if doc == nil {
			continue
		}
		for i := range r.p.Blocks {
			b := &r.p.Blocks[i]
			if b.Kind == BlockNoise {
				continue
			}
			for _, form := range []string{d.long, d.short} {
				for _, at := range findWord(b.Text, form) {
					if !r.covered(i, at, at+len(form)) {
						r.insertMention(i, mention{label: LabelDocument, name: doc.name, start: at, end: at + len(form), rule: ruleAcronymDef}, doc)
						doc.saw(b.LineAt(at), ruleAcronymDef)
					}
				}
			}
		}
	}
}

// writtenAsDocument is the document the page names by short and a word
// for a document: "the MAP document", "MAP paper".
func (r *reader) writtenAsDocument(short string) *dent {
	for _, e := range r.d.ents {
		if e.label != LabelDocument {
			continue
		}
		if rest, ok := strings.CutPrefix(e.name, short+" "); ok && headLabel("x "+rest) == LabelDocument {
			return e
		}
	}
	return nil
}

// insertMention adds m, naming e, to block i's mentions, which the rules
// read in the order the text writes them.
func (r *reader) insertMention(i int, m mention, e *dent) {
	k := sort.Search(len(r.ms[i]), func(k int) bool { return r.ms[i][k].start > m.start })
	r.ms[i] = slices.Insert(r.ms[i], k, m)
	r.ents[i] = slices.Insert(r.ents[i], k, e)
}

// covered tells whether a mention of block i overlaps [start, end).
func (r *reader) covered(i, start, end int) bool {
	for _, m := range r.ms[i] {
		if start < m.end && end > m.start {
			return true
		}
	}
	return false
}

// entityOf makes (or finds) the entity a mention names, with its acronym
// and owner.
func (r *reader) entityOf(b *Block, m mention, line int) *dent {
	var e *dent
	if m.label == LabelOrganization {
		m.name = r.lex.theName(m.name)
	}
	// "Distributed Management Task Force (DMTF)", where "DMTF CMWG" owns
	// a group: a body named like a group is an organization.
	if _, owns := r.lex.orgs[key(m.acr)]; m.label == LabelWorkingGroup && m.acr != "" && m.owner == "" && owns && strings.HasSuffix(m.name, " Task Force") {
		m.label = LabelOrganization
	}
	if m.label == LabelWorkingGroup && m.owner != "" {
		e = r.ownedGroup(m, line)
	} else {
		e = r.d.entity(m.label, m.name, line, m.rule)
	}
	if m.acr != "" {
		e.alias(m.acr)
		e.set("acronym", m.acr)
	}
	// A heading that is "The" and the name: the page's own form of it.
	if t := strings.TrimSpace(b.Text); (m.label == LabelWorkingGroup || m.label == LabelOrganization) && m.start == 4 && strings.HasPrefix(b.Text, "The ") && m.end == len(t) {
		e.alias("The " + m.name)
	}
	if m.alias != "" {
		e.alias(m.alias)
	}
	if m.inside != "" {
		r.d.entity(LabelOrganization, m.inside, line, ruleOrgSuffix)
	}
	// "CSA Cloud Broker Working Group" is also the Cloud Broker Working
	// Group of its owner.
	if m.owner != "" && strings.HasPrefix(m.name, m.owner+" ") {
		e.alias(strings.TrimPrefix(m.name, m.owner+" "))
	}
	if m.owner != "" && e.owner == nil {
		label := LabelOrganization
		if m.ownerLabel != "" {
			label = m.ownerLabel
		}
		owner := m.owner
		if label == LabelOrganization {
			owner = r.lex.theName(owner)
		}
		o := r.d.entity(label, owner, line, ruleOrgOwner)
		if o != e {
			e.owner = o
		}
	}
	return e
}

// ownedGroup finds or makes the group a mention names, telling apart two
// groups of one name that belong to different owners.
func (r *reader) ownedGroup(m mention, line int) *dent {
	owner := r.d.findAny(m.owner, LabelOrganization)
	for _, e := range r.d.ents {
		if e.label != LabelWorkingGroup || key(coreName(e.label, e.name)) != key(coreName(e.label, m.name)) {
			continue
		}
		if e.owner == nil || owner == nil || e.owner == owner {
			e.saw(line, m.rule)
			e.alias(m.name)
			if key(m.name) == key(e.name) {
				e.form(cleanName(m.name)) // "OMG Cloud WG" of the OMG Cloud Working Group
			}
			return e
		}
	}
	e := &dent{label: LabelWorkingGroup, name: cleanName(m.name), props: map[string]any{}, src: r.d.src}
	r.d.ents = append(r.d.ents, e)
	if _, taken := r.d.byKey[LabelWorkingGroup+"|"+key(e.name)]; !taken {
		r.d.byKey[LabelWorkingGroup+"|"+key(e.name)] = e
	}
	e.saw(line, m.rule)
	return e
}

// text returns a block's text with its label, as a rule reads a sentence.
func blockText(b *Block) string {
	if b.Label == "" {
		return b.Text
	}
	return strings.TrimSpace(b.Head + " " + b.Label + ": " + b.Text)
}

// section returns the nearest heading (or title) above block i.
func (r *reader) section(i int) *Block {
	for j := r.p.Blocks[i].Parent; j >= 0; j = r.p.Blocks[j].Parent {
		if k := r.p.Blocks[j].Kind; k == BlockHeading || k == BlockTitle {
			return &r.p.Blocks[j]
		}
	}
	for j := i - 1; j >= 0; j-- {
		if k := r.p.Blocks[j].Kind; k == BlockHeading || k == BlockTitle {
			return &r.p.Blocks[j]
		}
	}
	return nil
}

// ancestors returns the blocks that hold block i, nearest first.
func (r *reader) ancestors(i int) []*Block {
	var out []*Block
	for j := r.p.Blocks[i].Parent; j >= 0; j = r.p.Blocks[j].Parent {
		out = append(out, &r.p.Blocks[j])
	}
	return out
}

// first returns the first entity of a label that block i names.
func (r *reader) first(i int, labels ...string) *dent {
	for _, e := range r.ents[i] {
		if contains(labels, e.label) {
			return e
		}
	}
	return nil
}

// trackYear remembers the year of the last full date, for dates written
// without one.
func (r *reader) trackYear(i int) {
	b := &r.p.Blocks[i]
	for _, d := range findDates(blockText(b), 0) {
		if !d.yearless && len(d.date) >= 7 {
			r.year = yearOf(d.date)
		}
	}
}

// pageKind says what kind of page a text reads as, for the Source node:
// a log (dated entries, or a meeting's record with its roster), a form
// (questions and blank fields), a report (prose about a meeting), or a
// listing.
func pageKind(p *Page, r *reader) string {
	var entries, prose int
	for _, b := range p.Blocks {
		if b.Kind == BlockNoise {
			continue
		}
		if ds := findDates(b.Text, 0); len(ds) > 0 && ds[0].start <= 4 && b.Label == "" && !isNoise(strings.TrimSpace(b.Text[ds[0].end:])) {
			entries++
		}
		if b.Kind == BlockParagraph && len(b.Text) > 200 {
			prose++
		}
	}
	switch {
	case entries >= 3 || r.event != nil && r.hasRoster():
		return "log"
	case formLike(p):
		return "form"
	case r.event != nil:
		return "report"
	}
	return "listing"
}

// formLike tells a page of questions or blanks to fill in, by its shape
// alone.
func formLike(p *Page) bool {
	questions, blanks := 0, 0
	for _, b := range p.Blocks {
		switch {
		case b.Kind == BlockNoise:
		case strings.HasSuffix(b.Text, "?"):
			questions++
		case b.Blank:
			blanks++
		}
	}
	return questions >= 3 || blanks >= 3
}

// isPlaceLabel tells a field that gives a place ("場所", "Location").
func isPlaceLabel(l string) bool {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(l), " ", "")) {
	case "場所", "会場", "開催場所", "location", "venue", "place", "where", "room":
		return true
	}
	return false
}

// definitionAliases gives a name the long form the page defines for it
// when the long form's words do not say what kind of thing it is
// ("Secure Provisioning of Cloud Services based on SLA Management (SPECS)").
func (r *reader) definitionAliases() {
	for _, d := range r.lex.defs {
		if d.label != "" {
			continue
		}
		if e := r.d.findAny(d.short); e != nil && e.label != LabelPerson && e.label != LabelEvent {
			e.alias(d.long)
			e.saw(d.line, ruleAcronymDef)
		}
	}
}

// groupOwnerPrefix reads the owner of a group the page also names
// without it: "Kantara P3-WG" beside "P3WG" is Kantara's P3WG.
// chapterOwners reads the organization a chapter or branch is named
// after: "CSA Bangalore Chapter" is CSA's, "CSAジャパン関西支部" CSAジャパン's.
func (r *reader) chapterOwners() {
	for _, e := range r.d.ents {
		if e.label != LabelOrganization || e.owner != nil || !isBranchName(e.name) {
			continue
		}
		var best *dent
		bestLen := 0
		for _, o := range r.d.ents {
			if o == e || o.label != LabelOrganization {
				continue
			}
			for _, n := range o.names() {
				if len(n) > bestLen && len(n) < len(e.name) && strings.HasPrefix(e.name, n) && ownerBoundary(e.name, n) {
					best, bestLen = o, len(n)
				}
			}
		}
		if best != nil {
			line := 0
			if len(e.seen) > 0 {
				line = e.seen[0].line
			}
			r.d.fact(RelPartOf, e, best, line, relOwner, nil)
		}
	}
}

// isBranchName tells a chapter's or branch's name by its last word.
func isBranchName(name string) bool {
	for _, h := range []string{" Chapter", " Branch", "支部", "支社", "分室"} {
		if strings.HasSuffix(name, h) {
			return true
		}
	}
	return false
}

// bareGroupWord tells a group word alone ("WG", "Working Group",
// "Committee"), which names no group.
func bareGroupWord(s string) bool {
	return groupWords[strings.ToLower(strings.TrimSpace(s))]
}

// groupWords are the group words, long and short, in lower case.
var groupWords = func() map[string]bool {
	m := map[string]bool{}
	for long, short := range groupShort {
		m[long], m[short] = true, true
	}
	for _, h := range groupHeads {
		m[strings.ToLower(h)] = true
	}
	return m
}()

// ownerBoundary tells whether prefix ends at a word's end in name: a
// space after it, or Japanese on either side.
func ownerBoundary(name, prefix string) bool {
	next, _ := utf8.DecodeRuneInString(name[len(prefix):])
	last, _ := utf8.DecodeLastRuneInString(prefix)
	return next == ' ' || unicode.Is(unicode.Han, next) || unicode.Is(unicode.Katakana, next) || unicode.Is(unicode.Han, last) || unicode.Is(unicode.Katakana, last)
}

func (r *reader) groupOwnerPrefix() {
	for _, e := range r.d.ents {
		if e.label != LabelWorkingGroup || e.owner != nil {
			continue
		}
		words := strings.Fields(e.name)
		if len(words) < 2 || hasCJK(e.name) {
			continue
		}
		for k := 1; k < len(words) && k <= 3; k++ {
			head, rest := strings.Join(words[:k], " "), strings.Join(words[k:], " ")
			other := r.d.find(LabelWorkingGroup, rest)
			// "DevOps WG" is no WG of a DevOps: the rest must name a group.
			if other == nil || other == e || !isCapWord(head) || headLabel(head) != "" || bareGroupWord(rest) {
				continue
			}
			o := r.d.entity(LabelOrganization, head, e.seen[0].line, ruleOrgOwner)
			e.owner, other.owner = o, o
			e.alias(rest)
			r.d.fact(RelPartOf, other, o, e.seen[0].line, relOwner, nil)
			break
		}
	}
}
