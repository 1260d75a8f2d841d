package loader

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// People in prose, mail headers, contact blocks and action items, and the
// Japanese forms of rosters and roles.

const (
	pName   = `(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+[A-Z]\.)?(?:\s+(?:van|de|von|der|da|di|le|la)\s+)?\s+(?:\p{Lu}[\p{L}'’-]+|[A-Z]{2,}(?:-[A-Z]{2,})?)`
	pFirst  = `[A-Z][a-z]{2,}`
	pTitles = `Director|President|Chair|Chairman|Chairwoman|Chairperson|Officer|Manager|Secretary|Treasurer|Lead|Leader|Head|Founder|Architect|Engineer|Editor|Coordinator|Fellow|Advisor|Adviser|Counsel|Analyst|Scientist|Professor|Researcher|Consultant|Strategist|Liaison|Convener|Convenor|Minister|Commissioner|Administrator|CEO|CTO|CIO|CISO`
)

var (
	// "ISAO SO Executive Director Dr. Greg White", "Director of Lifecycle
	// Management Marlis Cook": a title, then a run of capitalised words
	// that ends with the name.
	reTitledName = regexp.MustCompile(`\b((?:(?:Senior|Deputy|Executive|Vice|Chief|Associate|Assistant|Managing|General|Technical|Program|Principal)\s+)*(?:` + pTitles + `))((?:\s+(?:of|for)(?:\s+[A-Z][\w&'’-]*){1,4})?)((?:\s+(?:Dr|Prof)\.)?(?:\s+[A-Z][a-zA-Z'’-]*\.?){2,3})\b`)
	// "Natalie Sjelin, director of support for the ISAO SO"
	reNameComma = regexp.MustCompile(`\b(` + pName + `),\s+((?:the\s+)?(?:[A-Za-z]+\s+){0,3}(?i:` + pTitles + `)(?:\s+(?:of|for)\s+[a-z][\w ]*?)?)\s+(?:of|for|at|with)\s+(?:the\s+)?`)
	// "convened via telephone conference by Jeff Stollman"
	reByName = regexp.MustCompile(`\b((?i:convened|chaired|co-chaired|led|hosted|moderated|presented|given|delivered|organized|organised|opened|introduced))\b[^.;]*?\bby\s+((?:Dr|Prof)\.\s+)?(` + pName + `)\b`)
	// "Financial report by Ann Berger (Verilan)": what someone gave at
	// a meeting, their name, and their organization in parentheses.
	reNounBy = regexp.MustCompile(`\b(reports?|updates?|announcements?|presentations?|overview|briefing|remarks|demo|demonstration|introduction|summary|talk|tutorial|proposal|review)\s+by\s+((?:Dr|Prof|Mr|Ms)\.\s+)?(` + pName + `)\b(?:\s*\(([^()]{2,60})\))?`)
	// "Dr. White shared": an honorific with a surname alone.
	reTitledSurname = regexp.MustCompile(`\b(?:Dr|Prof|Mr|Ms|Mrs)\.\s+([A-Z][a-z]+)\b(?:\s+[a-z])`)
	// "Collaboration site URL update (Britta)": a first name after an
	// agenda item.
	reParenFirst = regexp.MustCompile(`\((` + pFirst + `)\)\s*$`)
	// "Britta reported", "Jeff again asked", "Marina to create".
	reFirstActs = regexp.MustCompile(`^(` + pFirst + `)\s+(?:(?:again|also|then)\s+)?((?:will|would|to|shall|is to|are to)\s+[a-z]+|[a-z]+ed|went|gave|made|took|said|wrote|offers|reports|asks|says|notes|suggests|requests|agrees|explains|presents|shares|leads|proposes|volunteers|mentions|thanks|opens|closes|welcomes|chairs)\b`)
	// "Bernard Aboba presented the draft", "Ada Wrench (Gear Works) reported":
	// a full name opening a sentence, then what they did there.
	reNameActs    = regexp.MustCompile(`^(` + pName + `)(?:\s*\(([^()]{2,60})\))?\s+(?:(?:also|then|briefly|again)\s+)?(presented|reported|demonstrated|introduced|summari[sz]ed|reviewed|explained|described|proposed|chaired|opened|closed|welcomed|noted|asked|said|suggested|agreed|thanked|gave|led|moderated|spoke|updated|raised|commented|volunteered|announced|shared)\b`)
	rePresentVerb = regexp.MustCompile(`(?i)\b(notes from|update from|updates from|overview|presented|presentation|wrapped up|kicked off|shared|gave|provided|discussion that was led|led by|moderated|spoke|talk|keynote|introduced|reported|closed|opened|chaired|welcomed)\b`)
)

// prosePeople finds people in sentences: with a title before or after the
// name, after "by", and by a first name or surname the page uses for
// someone it names in full.
func (r *reader) prosePeople(i int) {
	if r.consumed[i] {
		return
	}
	b := &r.p.Blocks[i]
	t := b.Text
	for _, s := range sentences(t) {
		r.appointed(b, s, r.honorNames(b, s))
		r.thanked(b, s)
		r.titledPeople(b, s)
		for _, m := range reNameComma.FindAllStringSubmatchIndex(s.text, -1) {
			name := s.text[m[2]:m[3]]
			if !r.isPersonName(name, false) || !r.properName(name) {
				continue
			}
			p := r.person(name, b.LineAt(s.start+m[2]), rulePersonProse)
			org := r.orgAfter(b, s.start+m[1], s)
			if org == nil && strings.HasSuffix(strings.TrimSpace(s.text[:m[1]]), " at") {
				// "Jared Ablon, CISO at AirMap": what follows "at" is where
				// they work, a name the recognisers may not know.
				if o := reCapRun.FindString(s.text[m[1]:]); o != "" && !r.isPersonName(o, false) {
					org = r.d.entity(LabelOrganization, o, b.LineAt(s.start+m[1]), ruleOrgSlot)
				}
			}
			if org != nil {
				r.d.fact(RelMemberOf, p, org, b.LineAt(s.start+m[2]), relTitledPerson, map[string]any{"role": strings.TrimSpace(strings.TrimPrefix(s.text[m[4]:m[5]], "the "))})
			}
			r.presenter(p, s.text, b.LineAt(s.start+m[2]))
		}
		for _, m := range reByName.FindAllStringSubmatchIndex(s.text, -1) {
			name := s.text[m[6]:m[7]]
			if !r.isPersonName(name, false) || !r.properName(name) {
				continue
			}
			p := r.person(name, b.LineAt(s.start+m[6]), rulePersonProse)
			r.ofOrg(p, b, s.text[m[7]:], b.LineAt(s.start+m[6]))
			verb := strings.ToLower(s.text[m[2]:m[3]])
			if g := r.chairedGroup(i, s, m[2], verb); g != nil {
				r.d.fact(RelMemberOf, p, g, b.LineAt(s.start+m[6]), relChairedBy, map[string]any{"role": agentRole(verb)})
			} else if ev := r.currentEvent(); ev != nil {
				switch verb {
				case "convened", "chaired", "co-chaired", "opened":
					r.d.fact(RelAttended, p, ev, b.LineAt(s.start+m[6]), relPresenter, map[string]any{"role": agentRole(verb)})
				default:
					r.d.fact(RelPresentedAt, p, ev, b.LineAt(s.start+m[6]), relPresenter, map[string]any{"role": agentRole(verb)})
				}
			}
		}
		r.proseRoleList(i, s)
		r.givenBy(b, s)
		for _, m := range reTitledSurname.FindAllStringSubmatchIndex(s.text, -1) {
			p := r.person(s.text[m[0]:m[3]], b.LineAt(s.start+m[2]), rulePersonRef)
			r.presenter(p, s.text, b.LineAt(s.start+m[2]))
		}
		r.firstNames(b, s)
		r.namedActor(b, s)
	}
	if m := reParenFirst.FindStringSubmatchIndex(t); m != nil && b.Kind == BlockItem {
		// "Chair: Kevin O'Brien (Intel)" names his company, not a person.
		if w := t[m[2]:m[3]]; r.isPersonName(w, true) && r.lex.capOnly[strings.ToLower(w)] && !reNameBefore.MatchString(t[:m[0]]) {
			r.person(w, b.LineAt(m[2]), rulePersonRef)
		}
	}
}

// chairedGroup is the group a sentence says is chaired, convened or led
// by someone: the one it names before its verb at offset at, else on a
// listing the group whose card the sentence is in.
func (r *reader) chairedGroup(i int, s sentence, at int, verb string) *dent {
	if verb != "chaired" && verb != "co-chaired" && verb != "convened" && verb != "led" {
		return nil
	}
	var g *dent
	for k, m := range r.ms[i] {
		if m.label == LabelWorkingGroup && m.start >= s.start && m.end <= s.start+at {
			g = r.ents[i][k]
		}
	}
	if g == nil && r.currentEvent() == nil {
		g = r.cardGroup(i)
	}
	return g
}

// reProseRoleList is a sentence that lists the people in a role:
// "Panelists included A (Org), B and C, co-chair of the X SIG."
var reProseRoleList = regexp.MustCompile(`^(?i:(?:the\s+)?(panelists|speakers|presenters|moderators|co-chairs|chairs|editors|leads))\s+(?:included|include|were|are)\s*:?\s+(.+?)\.?$`)

// reRoleOf is an entry's role in a body: "co-chair of the X SIG".
var reRoleOf = regexp.MustCompile(`^(\pL[\pL -]*?)\s+(?:of|at)\s+(?:the\s+)?(.+)$`)

// proseRoleList reads a sentence that lists people in a role: event
// roles give PRESENTED_AT the block's meeting, group roles MEMBER_OF the
// page's group; a parenthesis or a "role of Body" after a name is theirs.
func (r *reader) proseRoleList(i int, s sentence) {
	m := reProseRoleList.FindStringSubmatchIndex(s.text)
	if m == nil {
		return
	}
	b := &r.p.Blocks[i]
	role, group, _ := roleOf(s.text[m[2]:m[3]])
	list := s.text[m[4]:m[5]]
	var last *dent
	for _, en := range splitRoster(strings.ReplaceAll(list, " and ", ", "), b) {
		line := b.LineAt(s.start + m[4])
		if rm := reRoleOf.FindStringSubmatch(en.name); rm != nil && last != nil {
			if rr, _, ok := roleOf(rm[1]); ok {
				if body := r.d.findAny(rm[2], LabelWorkingGroup, LabelOrganization); body != nil {
					r.d.fact(RelMemberOf, last, body, line, relAffiliation, map[string]any{"role": rr})
				}
			}
			continue
		}
		if !r.isPersonName(en.name, false) {
			last = nil
			continue
		}
		p := r.person(en.name, line, rulePersonProse)
		last = p
		if en.paren != "" {
			r.affiliations(p, en.paren, line)
		}
		switch {
		case group:
			if g := r.subjectGroup(); g != nil {
				r.d.fact(RelMemberOf, p, g, line, relRoleField, map[string]any{"role": role})
			}
		case r.currentEvent() != nil:
			r.d.fact(RelPresentedAt, p, r.currentEvent(), line, relPresenter, map[string]any{"role": role})
		}
	}
}

// reNameBefore is a person's name ending a text, before a parenthesis.
var reNameBefore = regexp.MustCompile(pName + `\s*$`)

// reOfOrg is the body written after a person's name: "Kenji Gear of Cog
// Data", "Ada Wrench from the Gear Institute".
var reOfOrg = regexp.MustCompile(`^\s+(?:of|from)\s+(?:the\s+)?([A-Z][\w&.’'-]*(?:\s+(?:[A-Z][\w&.’'-]*|of|for|and))*)`)

// ofOrg makes p a member of the body that rest, the text right after p's
// name, starts with ("of NTT Data"): one the page knows, or a name of
// capitalised words that is no person's.
func (r *reader) ofOrg(p *dent, b *Block, rest string, line int) {
	m := reOfOrg.FindStringSubmatch(rest)
	if m == nil || p == nil {
		return
	}
	name := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(m[1], " and"), " of"), ".,")
	if len(strings.Fields(name)) > 5 || r.isPersonName(name, false) && !r.knownOrg(name) && !slices.ContainsFunc(strings.Fields(name), isAcronym) {
		return
	}
	label := LabelOrganization
	if e := r.d.findAny(name, LabelOrganization, LabelWorkingGroup); e != nil {
		label = e.label
	}
	o := r.d.entity(label, name, line, ruleOrgSlot)
	r.d.fact(RelMemberOf, p, o, line, relAffiliation, nil)
}

// reCapRun is a run of capitalised words: a name of something.
var reCapRun = regexp.MustCompile(`^[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4}`)

// givenBy reads "<report> by <Name> (<Org>)": the person presented at the
// page's meeting, and belongs to the organization in parentheses.
func (r *reader) givenBy(b *Block, s sentence) {
	for _, m := range reNounBy.FindAllStringSubmatchIndex(s.text, -1) {
		name := s.text[m[6]:m[7]]
		if !r.isPersonName(name, false) || !r.properName(name) {
			continue
		}
		line := b.LineAt(s.start + m[6])
		p := r.person(name, line, rulePersonProse)
		if ev := r.currentEvent(); ev != nil {
			r.d.fact(RelPresentedAt, p, ev, line, relPresenter, map[string]any{"role": "presenter"})
		}
		if m[8] >= 0 {
			r.affiliations(p, s.text[m[8]:m[9]], line)
		}
	}
}

// titledPeople reads "[Org] Title Name": the title before a name, and the
// organization before the title.
func (r *reader) titledPeople(b *Block, s sentence) {
	for _, m := range reTitledName.FindAllStringSubmatchIndex(s.text, -1) {
		title := strings.TrimSpace(s.text[m[2]:m[3]])
		ofPart := strings.Fields(s.text[m[4]:m[5]])
		run := strings.Fields(s.text[m[6]:m[7]])
		// "of Lifecycle Management" + "Marlis Cook": the words of the
		// "of" part run on into the name; the name is the last two words
		// (three with a middle initial).
		words := append(ofPart, run...)
		n := 2
		if len(words) >= 3 && len(words[len(words)-2]) == 2 && strings.HasSuffix(words[len(words)-2], ".") {
			n = 3
		}
		if len(words) < n+len(ofPart) && len(ofPart) > 0 && len(run) < n {
			continue
		}
		nameWords := words[len(words)-n:]
		if k := len(words) - n; k > 0 {
			title += " " + strings.Join(words[:k], " ")
		}
		name := strings.Join(nameWords, " ")
		if honor := strings.TrimSpace(strings.Join(run[:max(0, len(run)-n)], " ")); honor == "Dr." || honor == "Prof." {
			title = strings.TrimSpace(strings.TrimSuffix(title, honor))
		}
		if !r.isPersonName(name, false) || !r.properName(name) {
			continue
		}
		line := b.LineAt(s.start + m[6])
		p := r.person(name, line, rulePersonProse)
		p.set("title", title)
		if org := r.orgBefore(b, s.start+m[2]); org != nil {
			r.d.fact(RelMemberOf, p, org, line, relTitledPerson, map[string]any{"role": title})
		} else if org := r.staffOf(b, s, m[2]); org != nil {
			r.d.fact(RelMemberOf, p, org, line, relTitledPerson, map[string]any{"role": title})
		} else if g := r.subjectGroup(); g != nil && g.label == LabelWorkingGroup && bareGroupWord(lastWord(strings.TrimSpace(s.text[:m[2]]))) {
			// "WG Chair Ada Wrench": the chair of the page's group.
			if role, group, ok := roleOf(title); ok && group {
				r.d.fact(RelMemberOf, p, g, line, relTitledPerson, map[string]any{"role": role})
			}
		}
		r.presenter(p, s.text, line)
	}
}

// staffOf is the organization whose staff a sentence lists after a colon,
// titles before names: "ACME has ... and four staff members attended:
// Director General Ada Wrench, ..."; nil when the list at offset at is no
// such list.
func (r *reader) staffOf(b *Block, s sentence, at int) *dent {
	colon := strings.LastIndex(s.text[:at], ":")
	if colon < 0 || !reStaffWord.MatchString(s.text[:colon]) {
		return nil
	}
	if org := r.orgAfter(b, s.start, s); org != nil && org.label == LabelOrganization {
		if bi := r.blockIndex(b); slices.ContainsFunc(r.ms[bi], func(m mention) bool { return m.name == org.name && m.start < s.start+colon }) {
			return org
		}
	}
	return nil
}

// reStaffWord says a list is of an organization's own people.
var reStaffWord = regexp.MustCompile(`(?i)\b(?:staff|secretariat|employees|officers)\b`)

// orgBefore returns the organization named right before offset at of
// block b's text.
func (r *reader) orgBefore(b *Block, at int) *dent {
	bi := r.blockIndex(b)
	for k := len(r.ms[bi]) - 1; k >= 0; k-- {
		m := r.ms[bi][k]
		if m.end <= at && at-m.end <= 2 && (m.label == LabelOrganization || m.label == LabelWorkingGroup) {
			return r.ents[bi][k]
		}
	}
	return nil
}

// orgAfter returns the first organization named after offset at within
// sentence s.
func (r *reader) orgAfter(b *Block, at int, s sentence) *dent {
	bi := r.blockIndex(b)
	for k, m := range r.ms[bi] {
		if m.start >= at && m.start < s.start+len(s.text) && (m.label == LabelOrganization || m.label == LabelWorkingGroup) {
			return r.ents[bi][k]
		}
	}
	return nil
}

func (r *reader) blockIndex(b *Block) int {
	for i := range r.p.Blocks {
		if &r.p.Blocks[i] == b {
			return i
		}
	}
	return -1
}

// presenter links a person to the page's meeting when the sentence says
// they presented, led, reported or gave something there.
func (r *reader) presenter(p *dent, s string, line int) {
	ev := r.currentEvent()
	if p == nil || ev == nil {
		return
	}
	// The verb that belongs to this person: the last one before the name
	// ("notes from ... Pat Tinker", "led by ... Dr. Lee Hammer"), else
	// the first after it ("Sam Anvil ... closed the meeting").
	at := strings.Index(s, strings.Fields(p.name)[len(strings.Fields(p.name))-1])
	role := ""
	if at >= 0 {
		if ms := rePresentVerb.FindAllString(s[:at], -1); len(ms) > 0 {
			role = ms[len(ms)-1]
		} else if m := rePresentVerb.FindString(s[at:]); m != "" {
			role = m
		}
	}
	if role != "" {
		r.d.fact(RelPresentedAt, p, ev, line, relPresenter, map[string]any{"role": strings.ToLower(role)})
	}
}

func agentRole(verb string) string {
	switch verb {
	case "convened":
		return "convener"
	case "chaired":
		return "chair"
	case "co-chaired":
		return "co-chair"
	case "delivered":
		return "speaker"
	case "moderated":
		return "moderator"
	case "hosted":
		return "host"
	case "led":
		return "leader"
	}
	return "presenter"
}

// firstNames reads a person named by a first name at the start of a note:
// "Britta reported ...", "Jeff again asked ...". The name must be one the
// page never writes in lower case.
func (r *reader) firstNames(b *Block, s sentence) {
	if s.start != 0 && b.Kind != BlockItem || b.Kind == BlockTitle || b.Kind == BlockHeading {
		return // "Widget notes" over a page is its title, not Widget's notes
	}
	m := reFirstActs.FindStringSubmatchIndex(strings.TrimSpace(s.text))
	if m == nil {
		return
	}
	off := len(s.text) - len(strings.TrimLeft(s.text, " "))
	w := strings.TrimSpace(s.text)[m[2]:m[3]]
	if !r.lex.capOnly[strings.ToLower(w)] || !r.isPersonName(w, true) || verbLike(w) {
		return
	}
	// Under a roster of full names, a first name is one of theirs:
	// "Listen to understand" names no one.
	if r.hasRoster() && !r.firstNameOf(w) {
		return
	}
	p := r.person(w, b.LineAt(s.start+off), rulePersonRef)
	if ev := r.currentEvent(); ev != nil && r.p.Kind != "listing" {
		r.d.fact(RelAttended, p, ev, b.LineAt(s.start+off), rulePersonRef, nil)
	}
}

// firstNameOf tells whether w is the first name of a person the page has
// named in full.
func (r *reader) firstNameOf(w string) bool {
	for _, e := range r.d.ents {
		if f := strings.Fields(e.name); e.label == LabelPerson && len(f) > 1 && strings.EqualFold(f[0], w) {
			return true
		}
	}
	return false
}

// namedActor reads a sentence that opens with someone's full name and what
// they did at the page's meeting: saying or asking something there is
// attending it; presenting, leading or reporting is presenting at it.
func (r *reader) namedActor(b *Block, s sentence) {
	t := strings.TrimSpace(s.text)
	m := reNameActs.FindStringSubmatchIndex(t)
	if m == nil {
		return
	}
	name := t[m[2]:m[3]]
	if !r.isPersonName(name, false) || !r.properName(name) {
		return
	}
	off := len(s.text) - len(strings.TrimLeft(s.text, " "))
	line := b.LineAt(s.start + off)
	p := r.person(name, line, rulePersonProse)
	if m[4] >= 0 {
		r.affiliations(p, t[m[4]:m[5]], line)
	}
	ev := r.currentEvent()
	if ev == nil || r.p.Kind == "listing" {
		return
	}
	switch verb := t[m[6]:m[7]]; verb {
	case "presented", "reported", "demonstrated", "introduced", "summarised", "summarized", "reviewed",
		"explained", "described", "proposed", "gave", "spoke", "updated", "announced", "shared":
		r.d.fact(RelPresentedAt, p, ev, line, relNamedActor, map[string]any{"role": "presenter"})
	case "chaired", "led", "moderated", "opened", "closed", "welcomed":
		r.d.fact(RelAttended, p, ev, line, relNamedActor, map[string]any{"role": agentRole(verb)})
	default:
		r.d.fact(RelAttended, p, ev, line, relNamedActor, nil)
	}
}

// Action items: "Amy and Stephen to update the Value & Engagement (V&E)
// document", "Jamie, Malcolm, Raphael and Fotis to work on the template".
var (
	reRoleThenNames = regexp.MustCompile(`^[A-Z][a-z]+,?\s*\(([^()]+)\),?\s+`)
	reNameList      = regexp.MustCompile(`\s*(?:,|\band\b)\s*`)
)

var reActionItem = regexp.MustCompile(`^((?:` + pFirst + `|` + pName + `)(?:(?:,\s*|\s+and\s+)(?:` + pFirst + `|` + pName + `))*)(?:/[a-z]+)?\s+(?:(?:is|are)\s+)?(?:to|will)\s+([a-z]+)\b`)

func (r *reader) actionItems(i int) {
	b := &r.p.Blocks[i]
	if b.Kind != BlockItem && b.Kind != BlockParagraph || r.consumed[i] {
		return
	}
	t := b.Text
	// "Chairs, (Aradhna and Vishwas), to address…": the role, then who.
	if rm := reRoleThenNames.FindStringSubmatch(t); rm != nil {
		t = rm[1] + " " + t[len(rm[0]):]
	}
	m := reActionItem.FindStringSubmatchIndex(t)
	if m == nil {
		return
	}
	off := len(b.Text) - len(t) // where t's end part sits in the block
	verb := t[m[4]:m[5]]
	var people []*dent
	for _, name := range reNameList.Split(t[m[2]:m[3]], -1) {
		name = strings.TrimSpace(name)
		if name == "" || !r.isPersonName(name, true) {
			continue
		}
		people = append(people, r.person(name, b.Line, rulePersonAction))
	}
	if len(people) == 0 {
		return
	}
	// The document the action is about.
	var doc *dent
	for k, e := range r.ents[i] {
		if e.label == LabelDocument && r.ms[i][k].start > m[3]+off {
			doc = e
			break
		}
	}
	for _, p := range people {
		if ev := r.currentEvent(); ev != nil && r.p.Kind != "listing" {
			r.d.fact(RelAttended, p, ev, b.Line, relActionItem, nil)
		}
		if doc != nil {
			r.d.fact(RelContributedTo, p, doc, b.Line, relActionItem, map[string]any{"role": "to " + verb})
		}
	}
}

// Mail headers and signatures: "From: Name <addr>", "To: A; B", "Cc: ...",
// "Name name at domain", "Name, Title, ORG".
var (
	reMailAddr  = regexp.MustCompile(`([\w.+-]+)(?:@| at )((?:[\w-]+\.)+[a-z]{2,})\b`)
	reAngleAddr = regexp.MustCompile(`(?:^|[;,]\s*)(` + pName + `)\s*<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>`)
	reSignature = regexp.MustCompile(`^(` + pName + `|[A-Z][a-z]+\s+[A-Z]\.\s+[A-Z][a-zA-Z]+),\s+(.+?),\s+([A-Z]{2,6})$`)
	// reSignOff is a message's closing "-- Name" at the end of its text.
	reSignOff = regexp.MustCompile(`(?:^|\s)--\s*(\p{Lu}[\pL'’-]+(?:\s+\p{Lu}[\pL'’-]+){1,2})\s*$`)
	// reWeOur is a writer speaking for a group they belong to.
	reWeOur = regexp.MustCompile(`\b(?:[Oo]ur|[Ww]e)\b`)
)

// signOff reads the name a message closes with: the writer, a member of
// the one working group the message names when it speaks of "our" work.
func (r *reader) signOff(i int) {
	b := &r.p.Blocks[i]
	m := reSignOff.FindStringSubmatchIndex(b.Text)
	if m == nil || !r.isPersonName(b.Text[m[2]:m[3]], false) {
		return
	}
	line := b.LineAt(m[2])
	p := r.person(b.Text[m[2]:m[3]], line, rulePersonMail)
	r.lastSigned = p
	if !reWeOur.MatchString(b.Text[:m[0]]) {
		return
	}
	var group *dent
	for _, e := range r.ents[i] {
		if e.label != LabelWorkingGroup {
			continue
		}
		if group != nil && group != e {
			return // two groups: which is theirs, the text does not say
		}
		group = e
	}
	if group != nil {
		r.d.fact(RelMemberOf, p, group, line, relSignedFor, nil)
	}
}

// reSentFor is the header line a mailing list writes for the sender.
var reSentFor = regexp.MustCompile(`(?i:\bon behalf of)\s+(` + pName + `)\s*$`)

// mailPeople reads a mail's header fields and signature lines.
func (r *reader) mailPeople(i int) {
	b := &r.p.Blocks[i]
	switch strings.ToLower(b.Label) {
	case "from", "to", "cc", "bcc", "reply-to":
		for _, part := range splitTop(b.Text, ";,") {
			r.mailPerson(b, strings.TrimSpace(part))
		}
		return
	}
	// "Scott Tinker <Scott.Tinker@gear.example>", in any field or line.
	for _, m := range reAngleAddr.FindAllStringSubmatch(b.Text, -1) {
		if r.isPersonName(m[1], false) && r.properName(m[1]) {
			p := r.person(m[1], b.Line, rulePersonMail)
			p.set("email", m[2])
		}
	}
	if b.Label == "" {
		r.signOff(i)
	}
	// "[list] On Behalf Of Ada J. Wrench": a list's mail, sent for its writer.
	if m := reSentFor.FindStringSubmatch(b.Text); m != nil && r.isPersonName(m[1], false) {
		r.person(m[1], b.Line, rulePersonMail)
	}
	if m := reSignature.FindStringSubmatch(b.Text); m != nil && b.Label == "" {
		p := r.person(m[1], b.Line, rulePersonMail)
		p.set("title", m[2])
		org := r.d.entity(LabelOrganization, m[3], b.Line, ruleOrgSlot)
		r.d.fact(RelMemberOf, p, org, b.Line, relAffiliation, map[string]any{"role": m[2]})
		r.lastSigned = p
		return
	}
	// "Steve MacLaird maclaird at omg.org": a name and its address.
	if m := reMailAddr.FindStringSubmatchIndex(b.Text); m != nil && b.Label == "" && m[0] > 0 {
		name := strings.TrimSpace(b.Text[:m[0]])
		if r.isPersonName(name, false) {
			p := r.person(name, b.Line, rulePersonMail)
			p.set("email", b.Text[m[2]:m[3]]+"@"+b.Text[m[4]:m[5]])
			if org := r.domainOrg(b.Text[m[4]:m[5]]); org != nil {
				r.d.fact(RelMemberOf, p, org, b.Line, relAffiliation, nil)
			}
		}
	}
}

// mailPerson reads one address of a header: a name, a name with an
// address, or an address whose local part is a name ("Mario.Merri").
func (r *reader) mailPerson(b *Block, part string) {
	part = strings.TrimSpace(strings.Split(part, "[")[0])
	if part == "" {
		return
	}
	if m := reMailAddr.FindStringSubmatchIndex(part); m != nil {
		local := part[m[2]:m[3]]
		name := strings.TrimSpace(part[:m[0]])
		if name == "" {
			bits := strings.Split(local, ".")
			if len(bits) < 2 || len(bits) > 3 {
				return // a list's address, not a person's
			}
			for k, w := range bits {
				bits[k] = strings.ToUpper(w[:1]) + w[1:]
				if len(w) == 1 {
					bits[k] += "."
				}
			}
			name = strings.Join(bits, " ")
		}
		if !r.isPersonName(name, false) {
			return
		}
		p := r.person(name, b.Line, rulePersonMail)
		if org := r.domainOrg(part[m[4]:m[5]]); org != nil {
			r.d.fact(RelMemberOf, p, org, b.Line, relAffiliation, nil)
		}
		return
	}
	if r.isPersonName(part, false) {
		r.person(part, b.Line, rulePersonMail)
	}
}

// domainOrg is the organization a mail domain belongs to, when the page
// names it by the domain's acronym ("omg.org": OMG).
func (r *reader) domainOrg(domain string) *dent {
	parts := strings.Split(domain, ".")
	if len(parts) < 2 {
		return nil
	}
	acr := strings.ToUpper(parts[len(parts)-2])
	if len(parts) >= 3 && len(parts[len(parts)-2]) <= 3 {
		acr = strings.ToUpper(parts[len(parts)-3]) // nca.gr.jp
	}
	if o := r.d.findAny(acr, LabelOrganization); o != nil {
		return o
	}
	if _, ok := r.lex.orgs[key(acr)]; ok {
		return r.d.entity(LabelOrganization, acr, 0, ruleOrgDomain)
	}
	return nil
}

// contactBlock reads a form's contact blocks: a label like "Organization
// Contact Information" or "Primary Contact within the Organization", then
// a name and the lines of its address, mail, phone and title.
var (
	reContactLabel = regexp.MustCompile(`(?i)^(.*?)\b(?:contact|champion|representative|liaison officer)\b(.*)$`)
	reWithin       = regexp.MustCompile(`(?i)\bwithin\s+(?:the\s+)?(.+)$`)
	rePhone        = regexp.MustCompile(`^\+?\d[\d ()./-]{6,}\d$`)
	reEmail        = regexp.MustCompile(`^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$`)
)

func (r *reader) contactBlock(i int) {
	b := &r.p.Blocks[i]
	if b.Label != "" && b.Text != "" && reContactLabel.MatchString(b.Label) {
		r.contactField(i)
		return
	}
	if b.Label == "" || b.Text != "" || !reContactLabel.MatchString(b.Label) {
		return
	}
	lines := r.blockRun(i)
	if len(lines) == 0 {
		return
	}
	first := &r.p.Blocks[lines[0]]
	isOrg := strings.Contains(strings.ToLower(b.Label), "organization contact") || strings.Contains(strings.ToLower(b.Label), "organisation contact")
	if isOrg {
		org := r.d.entity(LabelOrganization, first.Text, first.Line, ruleOrgSlot)
		r.home = org
		for _, j := range lines[1:] {
			r.contactLine(org, &r.p.Blocks[j])
		}
		return
	}
	if !r.isPersonName(first.Text, false) {
		return
	}
	p := r.person(first.Text, first.Line, rulePersonSlot)
	var org *dent
	if m := reWithin.FindStringSubmatch(b.Label); m != nil {
		w := strings.TrimSpace(m[1])
		if strings.EqualFold(w, "organization") || strings.EqualFold(w, "organisation") {
			org = r.home
		} else {
			org = r.d.entity(LabelOrganization, w, b.Line, ruleOrgSlot)
			r.counterpart = org
		}
	}
	for _, j := range lines[1:] {
		lb := &r.p.Blocks[j]
		if r.home != nil && key(lb.Text) == key(r.home.name) {
			org = r.home
			lb2 := lb
			r.home.saw(lb2.Line, ruleOrgSlot)
			continue
		}
		r.contactLine(p, lb)
	}
	if org != nil {
		role := strings.ToLower(strings.TrimSpace(reWithin.ReplaceAllString(b.Label, "")))
		r.d.fact(RelMemberOf, p, org, first.Line, relAffiliation, map[string]any{"role": role})
	}
}

// Form fields that name the parties of a liaison: the organization the
// form is filled for, and the body it asks a liaison with.
var (
	reHomeField  = regexp.MustCompile(`(?i)\b(?:requesting|applicant|applying|your|submitting)\s+(?:organi[sz]ation|body|company)\b|^(?:name of (?:the )?)?organi[sz]ation(?:\s+name)?$`)
	reOtherField = regexp.MustCompile(`(?i)\b(?:target|receiving|partner|counterpart)\s+(?:organi[sz]ation|committee|body|group)\b|\bliaison\s+with\b`)
)

// formParties reads the liaison's parties from a form's fields.
func (r *reader) formParties(i int) {
	b := &r.p.Blocks[i]
	if b.Label == "" || b.Text == "" || b.Blank {
		return
	}
	var body *dent
	for _, e := range r.ents[i] {
		if e.label == LabelOrganization || e.label == LabelWorkingGroup {
			body = e
			break
		}
	}
	switch {
	case body == nil:
	case r.home == nil && reHomeField.MatchString(b.Label):
		r.home = body
	case r.counterpart == nil && reOtherField.MatchString(b.Label):
		r.counterpart = body
	}
}

// reContactTail is where a contact's name and titles end: at the mail,
// phone or fax that follows them.
var reContactTail = regexp.MustCompile(`(?i)[.;,]?\s*(?:e-?mail|tel|phone|fax|mailto)\b.*$`)

// contactField reads a contact written on one line: "Contact: Ada
// Wrench, Rapporteur Q8/17, GEAR, Korea. E-mail: …". The first part is
// the person; a body after it is theirs, in the role the parts between
// name.
func (r *reader) contactField(i int) {
	b := &r.p.Blocks[i]
	text := reContactTail.ReplaceAllString(b.Text, "")
	parts := splitTop(text, ",;")
	if len(parts) < 2 || !r.isPersonName(strings.TrimSpace(parts[0]), false) {
		return
	}
	line := b.Line
	p := r.person(strings.TrimSpace(parts[0]), line, rulePersonSlot)
	if p == nil {
		return
	}
	var roles []string
	at := len(parts[0]) + 1
	for _, part := range parts[1:] {
		start := at + len(part) - len(strings.TrimLeft(part, " "))
		at += len(part) + 1
		part = strings.TrimSpace(part)
		body := r.bodyAt(i, start, start+len(part))
		if body == nil && isAcronym(part) && !isCountryCode(part) {
			body = r.d.entity(LabelOrganization, part, line, ruleOrgSlot)
		}
		if body == nil {
			if part != "" && !strings.ContainsAny(part, "@") {
				roles = append(roles, part)
			}
			continue
		}
		role := "contact"
		if len(roles) > 0 {
			role = strings.Join(roles, ", ")
		}
		r.d.fact(RelMemberOf, p, body, line, relAffiliation, map[string]any{"role": role})
		roles = nil
	}
}

// bodyAt is the organization or group the recognisers found spanning
// exactly [start, end) of block i's text, or nil.
func (r *reader) bodyAt(i, start, end int) *dent {
	for k, m := range r.ms[i] {
		if (m.label == LabelOrganization || m.label == LabelWorkingGroup) && m.start <= start+4 && m.end >= end-1 && m.end <= end+1 {
			return r.ents[i][k]
		}
	}
	return nil
}

// blockRun returns the blocks that follow a label up to the next label,
// heading or numbered item.
func (r *reader) blockRun(i int) []int {
	var out []int
	for j := i + 1; j < len(r.p.Blocks) && len(out) < 8; j++ {
		nb := &r.p.Blocks[j]
		if nb.Kind == BlockNoise {
			continue
		}
		if nb.Label != "" || nb.Kind == BlockHeading || nb.Kind == BlockItem && numbered(nb.Marker) || len(nb.Text) > 120 {
			break
		}
		out = append(out, j)
	}
	return out
}

// contactLine records one line of a contact block on e.
func (r *reader) contactLine(e *dent, b *Block) {
	t := strings.TrimSpace(b.Text)
	switch {
	case reEmail.MatchString(t):
		e.set("email", t)
	case strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://"):
		e.set("url", t)
	case rePhone.MatchString(t):
		e.set("phone", t)
	case e.label == LabelOrganization && strings.ContainsAny(t, "0123456789"):
		e.set("address", t)
	case e.label == LabelPerson:
		e.set("title", t)
	default:
		return
	}
	e.saw(b.Line, ruleOrgSlot)
}

// Japanese rosters: "有賀 貞一 委員 株式会社ミスミグループ本社代表取締役副社長 井川 陽次郎
// 委員 読売新聞東京本社論説委員": name, role, affiliation, repeated.
var reJaRosterEntry = regexp.MustCompile(`([\p{Han}々]{1,4} [\p{Han}\p{Hiragana}\p{Katakana}々ー]{1,5}|[\p{Han}々]{3,6})\s+(` + altOf(jaRosterRoles) + `)(?:\s|$)`)

var jaRosterRoles = sortedLongestFirst([]string{"副委員長", "委員長", "委員", "座長代理", "副座長", "座長", "主査代理", "副主査", "主査", "構成員", "オブザーバー", "専門委員", "臨時委員", "幹事", "顧問", "会長代理", "副会長", "会長", "部会長"})

// gluedName drops what a flattened text ran into a name from before it:
// "環境情報研究院原田 充" is 原田 充, the family name the dictionary knows.
func gluedName(t string, start int, name string) string {
	if start == 0 {
		return name
	}
	if prev, _ := utf8.DecodeLastRuneInString(t[:start]); !unicode.Is(unicode.Han, prev) {
		return name
	}
	sur, given, spaced := strings.Cut(name, " ")
	if !spaced {
		return name // "安藤伊佐武": no telling where a glued name starts
	}
	rs := []rune(sur)
	for n := min(len(rs), 3); n >= 1; n-- {
		if cand := string(rs[len(rs)-n:]); isSurname(cand) {
			return cand + " " + given
		}
	}
	return name
}

func (r *reader) jaRoster(i int) {
	b := &r.p.Blocks[i]
	if !hasCJK(b.Text) || r.consumed[i] {
		return
	}
	t := b.Text
	// "(KDDI 株式会社情報セキュリティフェロー)" under an entry: the last
	// person's second affiliation.
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && r.lastJa != nil {
		r.affiliations(r.lastJa, strings.TrimSuffix(strings.TrimPrefix(t, "("), ")"), b.Line)
		return
	}
	if h := reRoleHeader.FindStringSubmatch(t); h != nil {
		r.jaHeader = strings.ReplaceAll(h[1], " ", "")
		return
	}
	ms := reJaRosterEntry.FindAllStringSubmatchIndex(t, -1)
	if len(ms) == 0 {
		r.lastJa = nil
		return
	}
	group := r.subjectGroup()
	if g := r.headerGroup(); g != nil {
		group = g
	}
	for k, m := range ms {
		name, role := gluedName(t, m[2], t[m[2]:m[3]]), t[m[4]:m[5]]
		line := b.LineAt(m[2])
		p := r.d.entity(LabelPerson, name, line, rulePersonSlot)
		if group != nil {
			r.d.fact(RelMemberOf, p, group, line, relRosterRole, map[string]any{"role": role})
		}
		if ev := r.currentEvent(); ev != nil {
			r.d.fact(RelAttended, p, ev, line, relRoster, nil)
		}
		end := len(t)
		if k+1 < len(ms) {
			end = ms[k+1][0]
		}
		// "(電気事業連合会)": the parentheses are not the affiliation's.
		if aff := strings.TrimSpace(t[m[1]:end]); aff != "" {
			if inner, ok := strings.CutPrefix(aff, "("); ok {
				aff = strings.TrimSuffix(inner, ")")
			}
			r.affiliations(p, aff, line)
		}
		r.lastJa = p
	}
}

// reRoleHeader is a bracketed heading of a roster: "【委 員】",
// "【技術戦略専門委員会委員長】".
var reRoleHeader = regexp.MustCompile(`^【([^】]+)】$`)

// headerGroup is the group the current roster heading names
// ("【技術戦略専門委員会委員長】": 技術戦略専門委員会).
func (r *reader) headerGroup() *dent {
	if r.jaHeader == "" {
		return nil
	}
	for _, m := range jaNames(r.jaHeader) {
		if m.label == LabelWorkingGroup {
			return r.d.entity(LabelWorkingGroup, m.name, 0, ruleGroupSuffix)
		}
	}
	return nil
}

// jaRoleName reads a Japanese role before a name: "主査 河合 和哉((国研)
// 産業技術総合研究所)", "...ワーキンググループリーダー 笹原 英司".
var reJaRoleName = regexp.MustCompile(`(` + altOf(append(jaRosterRoles, "リーダー", "サブリーダー", "共同座長", "コーディネーター", "代表", "会長", "理事長")) + `)(\s+|\s*[:は]\s*)([\p{Han}々]{1,4}\s?[\p{Han}\p{Hiragana}\p{Katakana}々ー]{1,5})(?:\s*\((.+)\))?`)

func (r *reader) jaRoleName(i int) {
	b := &r.p.Blocks[i]
	if !hasCJK(b.Text) || r.consumed[i] {
		return
	}
	// "委員  佐藤 花子  株式会社サンプル 代表取締役": the role is the
	// field's label, the name starts its value.
	if role := strings.ReplaceAll(b.Label, " ", ""); slices.Contains(jaRosterRoles, role) {
		if m := reJaNameAff.FindStringSubmatchIndex(b.Text); m != nil {
			r.jaRoleMember(i, role, m[2], m[3], affAt(b.Text, m))
		}
		return
	}
	for _, m := range reJaRoleName.FindAllStringSubmatchIndex(b.Text, -1) {
		// "主査は山田太郎(…)です", "リーダー:佐藤 花子": after は or a
		// colon, only what the dictionary reads as a name is one.
		if sep := strings.TrimSpace(b.Text[m[4]:m[5]]); sep != "" && !readName(b.Text[m[6]:m[7]]).surname {
			continue
		}
		aff := ""
		if m[8] >= 0 {
			aff = b.Text[m[8]:m[9]]
		} else if a := reJaAffAfter.FindStringSubmatch(b.Text[m[7]:]); a != nil {
			aff = a[1]
		}
		r.jaRoleMember(i, b.Text[m[2]:m[3]], m[6], m[7], aff)
	}
}

// reJaNameAff is a name at the start of a roster line, with its
// affiliation in parentheses or after a wide gap.
var reJaNameAff = regexp.MustCompile(`^([\p{Han}々]{1,4}\s?[\p{Han}\p{Hiragana}\p{Katakana}々ー]{1,5})(?:\s*\((.+)\)|\s{2,}(\S.*))?$`)

// reJaAffAfter is the affiliation that ends a roster line after a wide
// gap: "主査  山田 太郎  東京大学 教授".
var reJaAffAfter = regexp.MustCompile(`^\s{2,}(\S[^()]*)$`)

// affAt is the affiliation reJaNameAff matched in s, or "".
func affAt(s string, m []int) string {
	for k := 4; k+1 < len(m); k += 2 {
		if m[k] >= 0 {
			return s[m[k]:m[k+1]]
		}
	}
	return ""
}

// jaRoleMember makes the name at s[start:end] of block i a member with
// role of the group named before it, or the section's, and of the
// organizations of aff.
func (r *reader) jaRoleMember(i int, role string, start, end int, aff string) {
	b := &r.p.Blocks[i]
	name := strings.TrimSpace(b.Text[start:end])
	if !isJaPersonName(name) {
		return
	}
	line := b.LineAt(start)
	p := r.d.entity(LabelPerson, name, line, rulePersonRole)
	group := r.groupBefore(i, start)
	if group == nil {
		group = r.sectionGroup(i)
	}
	if group != nil {
		r.d.fact(RelMemberOf, p, group, line, relRoleField, map[string]any{"role": role})
	}
	r.affiliations(p, aff, line)
}

// groupBefore returns the group named right before offset at of block
// i's text.
func (r *reader) groupBefore(i, at int) *dent {
	for k := len(r.ms[i]) - 1; k >= 0; k-- {
		m := r.ms[i][k]
		if m.end <= at && at-m.end <= 1 && m.label == LabelWorkingGroup {
			return r.ents[i][k]
		}
	}
	return nil
}

// sectionGroup is the group the nearest heading above block i names, or
// the page's subject group.
func (r *reader) sectionGroup(i int) *dent {
	for j := i - 1; j >= 0; j-- {
		b := &r.p.Blocks[j]
		if b.Kind != BlockHeading && b.Kind != BlockTitle && !(b.Kind == BlockParagraph && isHeadingText(b.Text) && utf8.RuneCountInString(b.Text) < 40) {
			continue
		}
		if g := r.first(j, LabelWorkingGroup); g != nil {
			return g
		}
		if b.Kind == BlockTitle {
			break
		}
	}
	return r.subjectGroup()
}

// properName tells whether every word of a name found in prose is one the
// page never writes in lower case: "Secure Systems" in "to Engineer
// Trustworthy Secure Systems" is not a person.
func (r *reader) properName(name string) bool {
	for _, w := range strings.Fields(honorifics.ReplaceAllString(name, "")) {
		if len(w) <= 2 || nameConnectors[w] {
			continue
		}
		if r.lex.lower[strings.ToLower(strings.Trim(w, ".,’'"))] || verbLike(w) {
			return false
		}
	}
	return true
}

// verbLike tells a word that reads as a verb or an adjective ("Reviewed",
// "Assigned", "Pending") from a name. Short names end so too ("Jared",
// "Kelly", "Ming"): the verb endings count from seven letters.
func verbLike(w string) bool {
	l := strings.ToLower(w)
	for _, suf := range []string{"ed", "ing", "ly", "ive", "ous", "ment", "tion", "ness", "ity"} {
		short := suf == "ed" || suf == "ing" || suf == "ly"
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 && (!short || len(l) >= 7) {
			return true
		}
	}
	return false
}
