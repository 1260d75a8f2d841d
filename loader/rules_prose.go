package loader

import (
	"regexp"
	"strings"
	"unicode"
)

// Relation rules that read sentences: events named with a date, liaisons,
// what an organization maintains and what it maps to, parts and
// sub-groups, collaborations, funding, participation.

// scope ends the current event when the text leaves its entry: a block
// as shallow as the entry, or a section heading.
func (r *reader) scope(i int) {
	b := &r.p.Blocks[i]
	if r.cur == nil && r.curPub == nil {
		return
	}
	// "[Action Items]": a bracketed label inside pasted minutes stays in
	// their entry, however the paste indented it.
	bracketed := reBracketHead.MatchString(strings.TrimSpace(b.Text))
	// "PAC RECOMMENDATION": a section in capitals is the next part of
	// the minutes, not of the meeting they schedule.
	caps := b.Kind == BlockHeading && !hasCJK(b.Text) && strings.ToUpper(b.Text) == b.Text && strings.ToLower(b.Text) != b.Text && len(strings.Fields(b.Text)) >= 2
	if b.Kind == BlockHeading && b.Level <= 1 || b.Kind == BlockTitle || caps || b.Indent < r.curIndent && !bracketed {
		r.cur, r.curPub = nil, nil
	}
}

// discussed records that the current meeting discussed each document a
// block under it names; under a publication entry, the documents were
// published by its group.
func (r *reader) discussed(i int) {
	b := &r.p.Blocks[i]
	for k, e := range r.ents[i] {
		if e.label != LabelDocument {
			continue
		}
		line := b.LineAt(r.ms[i][k].start)
		if r.curPub != nil {
			e.set("date", r.curDate)
			e.set("status", "published")
			r.d.fact(RelPublished, r.curPub, e, line, relPublished, map[string]any{"date": r.curDate})
			continue
		}
		if ev := r.currentEvent(); r.discussesHere(ev) {
			r.d.fact(RelDiscussed, ev, e, line, relDiscussed, nil)
		}
	}
}

// Events in prose: a meeting, conference or webinar named in a sentence
// that dates it ("hosted an in-person meeting ... on Thursday, March 29,
// 2018", "the 25 Sep 2018 kickoff meeting in Ottawa", "11 月の JTC 1 総会").
var (
	reEventNP = regexp.MustCompile(`\b((?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Oo]ur|[Tt]heir|new|last|next|first|second|third|annual|regular|quarterly|in-person|face-to-face|virtual|online|joint|kick-?off|[A-Z][\w&'’.-]*)\s+){0,8}(?:(?i:meeting|meetings|conference|summit|workshop|webinar(?:\s+series)?|seminar|roundtable|plenary|congress|symposium|kickoff|teleconference|meetup|hackathon|forum)))\b((?:\s+(?:with|of|for)\s+[^,.;()]{3,60})?)`)
	reJaEvent = regexp.MustCompile(`(` + jaNameChars + `+(?: \d+)?)\s?(総会|会合|大会|シンポジウム|ワークショップ|セミナー|フォーラム|例会)`)
)

func (r *reader) proseEvents(i int) {
	b := &r.p.Blocks[i]
	if b.Kind == BlockTitle || b.Kind == BlockNoise || r.consumed[i] {
		return
	}
	t := b.Text
	for _, s := range sentences(t) {
		ds := findDates(s.text, r.year)
		if len(ds) == 0 {
			continue
		}
		r.englishEvents(b, s, ds)
		if hasCJK(s.text) {
			r.japaneseEvents(b, s, ds)
		}
		for _, d := range ds {
			if !d.yearless && len(d.date) >= 7 {
				r.year = yearOf(d.date)
			}
		}
	}
}

// englishEvents reads the events a sentence names and dates.
func (r *reader) englishEvents(b *Block, s sentence, ds []dateSpan) {
	for _, m := range reEventNP.FindAllStringSubmatchIndex(s.text, -1) {
		tail := s.text[m[4]:m[5]]
		// "... with working group leadership on the campus": the name
		// ends where the place or the date begins.
		for _, stop := range []string{" on ", " in ", " at ", " via ", " that ", " which ", " and ", " is ", " was ", " will ", " has ", " to "} {
			if k := strings.Index(tail, stop); k >= 0 {
				tail = tail[:k]
			}
		}
		np := strings.TrimSpace(s.text[m[2]:m[3]] + tail)
		nameEnd := m[4] + len(tail)
		name := eventName(np)
		if name == "" && r.hostIn(b, s) != nil {
			name = r.hostIn(b, s).name + " " + strings.ToLower(lastWord(np)) // "WSO meeting"
		}
		if name != "" && r.isPageEventName(name) && b.Kind != BlockHeading {
			for _, h := range r.hostsIn(b, s) {
				r.d.fact(RelHeld, h, r.event, b.LineAt(s.start+m[2]), relHosted, nil)
			}
		}
		if name == "" || r.isPageEventName(name) || b.Kind == BlockHeading {
			continue
		}
		// The date nearest the name within the sentence: after it, or
		// just before it ("the 25 Sep 2018 kickoff meeting").
		d, ok := nearestDate(ds, m[2], nameEnd)
		if !ok {
			continue
		}
		line := b.LineAt(s.start + m[2])
		var ev *dent
		if r.event != nil && r.event.props["date"] == d.date {
			ev = r.event // the page's own meeting, named again
			ev.saw(line, ruleEventProse)
		} else {
			ev = r.d.event(name, d.date, line, ruleEventProse)
		}
		ev.set("kind", eventKind(name))
		if o := r.orgJustBefore(b, s.start+m[2]); o != nil {
			r.d.fact(RelHeld, o, ev, line, relOwner, nil)
		}
		// "the joint meeting of the X Working Group and the Y Task
		// Force": the bodies it is the meeting of held it.
		if strings.HasPrefix(strings.TrimSpace(s.text[m[4]:m[5]]), "of ") {
			bi := r.blockIndex(b)
			for k, mm := range r.ms[bi] {
				if mm.start >= s.start+m[4] && mm.end <= s.start+m[5] && (mm.label == LabelWorkingGroup || mm.label == LabelOrganization) {
					r.d.fact(RelHeld, r.ents[bi][k], ev, line, relOwner, nil)
				}
			}
		}
		if d.until != "" {
			ev.set("until", d.until)
		}
		if loc := reEventPlace.FindStringSubmatch(s.text[nameEnd:]); loc != nil {
			ev.set("location", strings.TrimSpace(loc[1]))
		}
		for k, h := range r.hostsIn(b, s) {
			r.d.fact(RelHeld, h, ev, line, relHosted, nil)
			if k > 0 {
				continue
			}
			// A report that opens with the meeting someone hosted is
			// that meeting's record.
			if r.event == nil && r.firstProse(b) {
				r.event = ev
			}
		}
	}
}

var reEventPlace = regexp.MustCompile(`^[^.;]*?\bin\s+((?:[A-Z][\w.-]*)(?:,?\s+[A-Z][\w.-]*){0,3})`)

// eventName cuts an event's noun phrase to its name: no leading article
// or relative words, and the date it carried.
func eventName(np string) string {
	words := strings.Fields(np)
	// "Following the joint meeting of …": what stands before the
	// article is the sentence's, not the name's.
	for k := 1; k < len(words)-1; k++ {
		w := words[k]
		if w == "of" || w == "with" || w == "for" {
			break // the tail's "the" is the tail's
		}
		if w == "the" || w == "a" || w == "an" {
			words = words[k:]
			break
		}
	}
	for len(words) > 1 {
		w := strings.ToLower(words[0])
		if w == "the" || w == "a" || w == "an" || w == "its" || w == "our" || w == "their" || w == "last" || w == "next" {
			words = words[1:]
			continue
		}
		break
	}
	name := strings.Join(words, " ")
	for _, d := range findDates(name, 2000) {
		name = strings.TrimSpace(name[:d.start] + name[d.end:])
	}
	name = cleanName(name)
	if len(strings.Fields(name)) < 2 && !isCapWord(name) {
		return ""
	}
	if l := strings.ToLower(name); l == "meeting" || l == "meetings" || l == "the meeting" || l == "regular meetings" {
		return ""
	}
	return name
}

// nearestDate picks the date of a sentence that belongs to an event named
// between start and end: the first after it, else the last before it.
func nearestDate(ds []dateSpan, start, end int) (dateSpan, bool) {
	for _, d := range ds {
		if d.start >= end {
			return d, true
		}
	}
	for k := len(ds) - 1; k >= 0; k-- {
		if ds[k].end <= end && start-ds[k].end < 40 {
			return ds[k], true
		}
	}
	return dateSpan{}, false
}

// isPageEventName tells whether a name is the page's own meeting, which
// the title already gave.
func (r *reader) isPageEventName(name string) bool {
	return r.event != nil && key(name) == key(r.event.name)
}

// hostIn is who a sentence says hosted or held its event: "X hosted ...",
// "held by X".
var reHosted = regexp.MustCompile(`\b(?:hosted|held|organized|organised|convened|sponsored)\b`)

func (r *reader) hostIn(b *Block, s sentence) *dent {
	if hs := r.hostsIn(b, s); len(hs) > 0 {
		return hs[0]
	}
	return nil
}

// hostsIn is every body a sentence says hosted its event: the first one
// named before the verb ("X hosted ..."), or those named right after "by"
// ("organized by X and Y").
func (r *reader) hostsIn(b *Block, s sentence) []*dent {
	m := reHosted.FindStringIndex(s.text)
	if m == nil {
		return nil
	}
	bi := r.blockIndex(b)
	by := reByBodies.FindStringSubmatchIndex(s.text[m[1]:])
	var out []*dent
	for k, mm := range r.ms[bi] {
		if mm.label != LabelOrganization && mm.label != LabelWorkingGroup {
			continue
		}
		switch {
		case by == nil && mm.start >= s.start && mm.start < s.start+m[0]:
			return []*dent{r.ents[bi][k]}
		case by != nil && mm.start >= s.start+m[1]+by[2] && mm.end <= s.start+m[1]+by[3]:
			out = append(out, r.ents[bi][k])
		}
	}
	return out
}

// reByBodies is the list of names after "by", up to the clause's end.
var reByBodies = regexp.MustCompile(`^\s+by\s+([^;:]+?)(?:[.;:]|,\s+(?:who|which|where|with|in|on|at)\b|$)`)

// japaneseEvents reads "11 月の JTC 1 総会", "2019 年 5 月の JTC 1 総会において".
func (r *reader) japaneseEvents(b *Block, s sentence, ds []dateSpan) {
	for _, m := range reJaEvent.FindAllStringSubmatchIndex(s.text, -1) {
		name := strings.TrimSpace(s.text[m[2]:m[5]])
		d, ok := nearestDate(ds, m[2], m[5])
		if !ok || m[2]-d.end > 12 {
			continue
		}
		line := b.LineAt(s.start + m[2])
		ev := r.d.event(name, d.date, line, ruleEventProse)
		ev.set("kind", eventKind(name))
		// "JTC 1 総会": the meeting of the body it names.
		bi := r.blockIndex(b)
		for k, mm := range r.ms[bi] {
			if mm.start >= s.start+m[2] && mm.end <= s.start+m[5] && (mm.label == LabelOrganization || mm.label == LabelWorkingGroup) {
				r.d.fact(RelHeld, r.ents[bi][k], ev, line, relOwner, nil)
			}
		}
	}
}

// Liaisons: "CCSDS-OMG Liaison", "liaison between X and Y", "MoU between X
// and Y", a liaison section's items ("Active Liaisons": "ISO Liaison ..."),
// and a liaison form between the organization it is filled for and the one
// its champion is within.
var (
	reLiaisonPair = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,7})-([A-Z][A-Z0-9]{1,7})\s+[Ll]iaison\b`)
	reLiaisonSay  = regexp.MustCompile(`(?i)\b(liaison|mou|memorandum of understanding|cooperation agreement)\b[^.]*?\bbetween\s+(?:the\s+)?(\S+)\s+and\s+(?:the\s+)?(\S+?)[.,;]?(?:\s|$)`)
	reLiaisonItem = regexp.MustCompile(`^([A-Z][A-Z0-9]{1,7})\s+(?:[Ll]iaison|[Rr]elationship)\b`)
	reLiaisonSec  = regexp.MustCompile(`(?i)\b(active|inactive|pending|proposed|former)\b[^.]*\bliaisons?\b`)
)

func (r *reader) liaisons(i int) {
	b := &r.p.Blocks[i]
	t := blockText(b)
	for _, m := range reLiaisonPair.FindAllStringSubmatch(t, -1) {
		a, c := r.orgNamed(m[1], b.Line), r.orgNamed(m[2], b.Line)
		r.d.fact(RelLiaisonWith, a, c, b.Line, relLiaison, nil)
	}
	for _, m := range reLiaisonSay.FindAllStringSubmatch(t, -1) {
		a := r.d.findAny(strings.Trim(m[2], ".,;"), LabelOrganization)
		c := r.d.findAny(strings.Trim(m[3], ".,;"), LabelOrganization)
		if a == nil || c == nil {
			continue
		}
		status := ""
		low := strings.ToLower(t)
		switch {
		case strings.Contains(low, "approval"):
			status = strings.ToUpper(m[1][:1]) + m[1][1:] + " submitted for approval"
		case strings.Contains(low, "propos"):
			status = "proposed"
		}
		r.d.fact(RelLiaisonWith, a, c, b.Line, relLiaison, map[string]any{"status": status})
	}
	if m := reLiaisonItem.FindStringSubmatch(b.Text); m != nil && r.org != nil {
		status := r.liaisonStatus(i)
		if status != "" || strings.Contains(strings.ToLower(r.sectionText(i)), "liaison") {
			if o := r.orgNamed(m[1], b.Line); o != nil && o != r.org {
				r.d.fact(RelLiaisonWith, r.org, o, b.Line, relLiaison, map[string]any{"status": status})
			}
		}
	}
}

// orgNamed returns the organization named by an acronym, making it.
func (r *reader) orgNamed(name string, line int) *dent {
	if e := r.d.findAny(name, LabelOrganization); e != nil {
		e.saw(line, ruleKnownName)
		return e
	}
	return r.d.entity(LabelOrganization, name, line, ruleOrgBetween)
}

// liaisonStatus is the status the items above block i give its liaisons:
// "Active Liaisons (standards bodies)".
func (r *reader) liaisonStatus(i int) string {
	for _, a := range r.ancestors(i) {
		if m := reLiaisonSec.FindStringSubmatch(a.Text); m != nil {
			return strings.ToLower(m[1])
		}
	}
	return ""
}

func (r *reader) sectionText(i int) string {
	var parts []string
	for _, a := range r.ancestors(i) {
		parts = append(parts, a.Text)
	}
	return strings.Join(parts, " ")
}

// formLiaison: a liaison form names the organization it is filled for and
// the one it proposes a liaison with.
func (r *reader) formLiaison() {
	if r.home == nil || r.counterpart == nil || r.home == r.counterpart {
		return
	}
	for i, l := range r.p.Norm {
		low := strings.ToLower(l)
		if strings.Contains(low, "liaison") && (strings.Contains(low, "propos") || strings.Contains(low, "ratif")) {
			r.d.fact(RelLiaisonWith, r.home, r.counterpart, i+1, relLiaison, map[string]any{"status": "proposed"})
			return
		}
	}
}

// maintainsList reads "CSA maintains:" with the standards listed below,
// "the proposed OMG standard (RFC): X", "research products, such as the
// GRC Stack", and a group that develops the standards a sentence names.
var (
	reMaintainsHead = regexp.MustCompile(`^(.+?)\s+maintains:\s*$`)
	reProposedStd   = regexp.MustCompile(`\b(?:proposed|new|draft)\s+(\S+)\s+(?:standard|specification)\b`)
	reSuchAs        = regexp.MustCompile(`\b(?:products|standards|frameworks|specifications|tools),?\s+such as\s+(?:the\s+)?`)
	reDevelops      = regexp.MustCompile(`開発|移管|develop|maintain|publish|revis`)
)

func (r *reader) maintainsList(i int) {
	b := &r.p.Blocks[i]
	if m := reMaintainsHead.FindStringSubmatch(blockText(b)); m != nil {
		owner := r.d.findAny(m[1], LabelOrganization, LabelWorkingGroup)
		if owner == nil {
			return
		}
		for j := i + 1; j < len(r.p.Blocks); j++ {
			nb := &r.p.Blocks[j]
			if nb.Kind != BlockItem {
				break
			}
			for _, e := range r.ents[j] {
				if e.label == LabelStandard && e != owner {
					e.set("kind", standardKind(e.name))
					r.d.fact(RelMaintains, owner, e, nb.Line, relMaintains, nil)
					break
				}
			}
		}
		return
	}
	t := b.Text
	for _, s := range sentences(t) {
		if m := reProposedStd.FindStringSubmatchIndex(s.text); m != nil {
			owner := r.d.findAny(s.text[m[2]:m[3]], LabelOrganization)
			if std := r.nextOf(i, LabelStandard, s.start+m[1]); owner != nil && std != nil {
				std.set("status", "proposed")
				r.d.fact(RelMaintains, owner, std, b.LineAt(s.start+m[0]), relMaintains, map[string]any{"status": "proposed"})
			}
		}
		if m := reSuchAs.FindStringIndex(s.text); m != nil {
			owner := r.firstIn(i, s, LabelOrganization)
			for k, e := range r.ents[i] {
				st := r.ms[i][k].start
				if e.label == LabelStandard && st >= s.start+m[1] && st < s.start+len(s.text) && owner != nil {
					r.d.fact(RelMaintains, owner, e, b.LineAt(st), relMaintains, nil)
				}
			}
		}
		// A group's page: the standards a sentence says the group
		// develops or took over.
		if g, ok := r.subject, r.subject != nil && r.subject.label == LabelWorkingGroup; ok && reDevelops.MatchString(s.text) && r.namesForm(i, s, g) {
			for k, e := range r.ents[i] {
				st := r.ms[i][k].start
				if e.label == LabelStandard && st >= s.start && st < s.start+len(s.text) {
					r.d.fact(RelMaintains, g, e, b.LineAt(st), relMaintains, nil)
				}
			}
		}
	}
}

// namesForm tells whether sentence s of block i names entity e, by its
// name or a short form of it ("WG 13" for "JTC 1/WG 13").
func (r *reader) namesForm(i int, s sentence, e *dent) bool {
	for k, x := range r.ents[i] {
		st := r.ms[i][k].start
		if st < s.start || st >= s.start+len(s.text) || x.label != e.label {
			continue
		}
		if x == e || strings.HasSuffix(key(e.name), key(x.name)) && wordBoundaryBefore(e.name, x.name) {
			return true
		}
	}
	return false
}

// firstIn returns the first entity of label in sentence s of block i.
func (r *reader) firstIn(i int, s sentence, label string) *dent {
	for k, e := range r.ents[i] {
		st := r.ms[i][k].start
		if e.label == label && st >= s.start && st < s.start+len(s.text) {
			return e
		}
	}
	return nil
}

// nextOf returns the first entity of label at or after offset at in block
// i, or in the next block.
func (r *reader) nextOf(i int, label string, at int) *dent {
	for k, e := range r.ents[i] {
		if e.label == label && r.ms[i][k].start >= at {
			return e
		}
	}
	if j := r.nextBlock(i); j >= 0 {
		for _, e := range r.ents[j] {
			if e.label == label {
				return e
			}
		}
	}
	return nil
}

// standardKind names the kind of a standard from its name.
func standardKind(name string) string {
	l := strings.ToLower(name)
	switch {
	case strings.Contains(l, "certificat") || strings.Contains(l, "knowledge"):
		return "certification"
	case strings.Contains(l, "registry"):
		return "registry"
	case strings.Contains(l, "matrix") || strings.Contains(l, "framework") || strings.Contains(l, "controls"):
		return "framework"
	case strings.Contains(l, "protocol"):
		return "protocol"
	case strings.Contains(l, "specification"):
		return "specification"
	}
	return "standard"
}

// mapsToList reads "(CCM), which maps to standards such as (but not
// limited to): ISO-27001, NIST SP800-54, PCI-DSS".
var reMapsTo = regexp.MustCompile(`(?i)\bmaps?\s+to\b[^:]*:\s*(.+)$`)

func (r *reader) mapsToList(i int) {
	b := &r.p.Blocks[i]
	m := reMapsTo.FindStringSubmatchIndex(b.Text)
	if m == nil {
		return
	}
	var from *dent
	for k, e := range r.ents[i] {
		if e.label == LabelStandard && r.ms[i][k].start < m[0] {
			from = e
		}
	}
	if from == nil {
		return
	}
	for _, item := range splitList(b.Text[m[2]:m[3]]) {
		item = strings.Trim(item, " ()")
		if item == "" || len(strings.Fields(item)) > 5 {
			continue
		}
		to := r.d.entity(LabelStandard, item, b.Line, ruleStdList)
		r.d.fact(RelMapsTo, from, to, b.Line, relMapsTo, nil)
	}
}

// documentList reads "CSA has a number of ... documents; such as, but not
// limited to: A; B; C." into documents the organization published.
var reDocList = regexp.MustCompile(`^\s*(\S+)\s+has\s+.*?\b(?:documents|papers|guides|publications)\b[^:]*:\s*(.+)$`)

func (r *reader) documentList(i int) {
	b := &r.p.Blocks[i]
	m := reDocList.FindStringSubmatch(b.Text)
	if m == nil {
		return
	}
	owner := r.d.findAny(strings.TrimSuffix(strings.TrimSuffix(m[1], "’s"), "'s"), LabelOrganization)
	for _, item := range strings.Split(m[2], ";") {
		name := cleanName(stripPossessive(strings.TrimSpace(item)))
		if name == "" || len(strings.Fields(name)) > 14 {
			continue
		}
		doc := r.d.entity(LabelDocument, name, b.Line, ruleDocTitle)
		doc.set("kind", documentKind(name))
		if owner != nil {
			r.d.fact(RelPublished, owner, doc, b.Line, relPublished, nil)
		}
	}
}

// stripPossessive drops a leading owner's possessive: "CSA’s Security
// Guidance" is the Security Guidance.
func stripPossessive(s string) string {
	for _, sep := range []string{"’s ", "'s "} {
		if k := strings.Index(s, sep); k > 0 && k < 12 && !strings.Contains(s[:k], " ") {
			return s[k+len(sep):]
		}
	}
	return s
}

// partOfPhrases reads parts of organizations: "X (ACR) within the Y",
// "X, a managed program of Y", "Y's X", "its X" in a sentence about Y.
var (
	reWithinOrg = regexp.MustCompile(`\bwithin\s+(?:the\s+)?`)
	reAtHost    = regexp.MustCompile(`^\s+at\s+(?:the\s+)?$`)
	reProgramOf = regexp.MustCompile(`,\s+(?:a|an|another)\s+((?:[a-z]+\s+){0,2}(?:program|programme|chapter|member|subsidiary|division|region|committee|body|board))\s+of\s+(?:the\s+)?`)
	reItsBody   = regexp.MustCompile(`\b(?:its|their)\s+(?:recently\s+|newly\s+)?(?:established\s+|created\s+|formed\s+)?`)
	reJaPartOf  = regexp.MustCompile(`^(の|傘下の|における|内の|に設置された)`)
	reLeadAcr   = regexp.MustCompile(`^\s*\([A-Z][\w&/ -]{0,12}\)`)
	// "X, part of the Y", "X is a subgroup of Y", "X (under the Y)".
	rePartOfPhrase = regexp.MustCompile(`^,?\s+(?:(?:is|was|are)\s+)?(?:(?:now\s+)?part\s+of|(?:a|an)\s+(?:sub-?group|sub-?committee|task\s+force|working\s+group|sub-?team)\s+(?:of|under|within)|under)\s+(?:the\s+)?$`)
)

func (r *reader) partOfPhrases(i int) {
	b := &r.p.Blocks[i]
	ms, es := withoutEchoes(b.Text, r.ms[i], r.ents[i])
	for k := 0; k+1 < len(ms); k++ {
		a, c := ms[k], ms[k+1]
		between := reLeadAcr.ReplaceAllString(b.Text[a.end:c.start], "")
		part, whole := es[k], es[k+1]
		line := b.LineAt(a.start)
		switch {
		case reWithinOrg.MatchString(between) && strings.TrimSpace(reWithinOrg.ReplaceAllString(between, "")) == "":
			r.partOf(part, whole, line, nil)
		case reProgramOf.MatchString(between) && strings.TrimSpace(reProgramOf.ReplaceAllString(between, "")) == "":
			kind := reProgramOf.FindStringSubmatch(between)[1]
			part.set("kind", kind)
			r.partOf(part, whole, line, map[string]any{"role": kind})
		case rePartOfPhrase.MatchString(between) && part.label == LabelWorkingGroup && (whole.label == LabelWorkingGroup || whole.label == LabelOrganization):
			r.partOf(part, whole, line, nil)
		case reAtHost.MatchString(between) && part.label != LabelPerson && academic(whole):
			// "the Institute for Genomics at the University of Chicago".
			r.partOf(part, whole, line, nil)
		case hasCJK(between) && reJaPartOf.MatchString(between) && reJaPartOf.ReplaceAllString(between, "") == "":
			// "X の Y": Y is a part of X.
			r.partOf(whole, part, line, nil)
		}
	}
	// "CSA facilitates ... through its ... Standards Secretariat and
	// International Standardisation Council (ISC)".
	for _, s := range sentences(b.Text) {
		m := reItsBody.FindStringIndex(s.text)
		if m == nil {
			continue
		}
		owner := r.firstIn(i, s, LabelOrganization)
		for k, e := range es {
			st := ms[k].start
			if st >= s.start+m[1] && st < s.start+len(s.text) && (e.label == LabelWorkingGroup || e.label == LabelOrganization) && e != owner && owner != nil {
				r.partOf(e, owner, b.LineAt(st), nil)
			}
		}
	}
}

// partOf records that part belongs to whole: PART_OF, or SUBGROUP_OF
// between two groups.
func (r *reader) partOf(part, whole *dent, line int, props map[string]any) {
	switch {
	case part.label == LabelWorkingGroup && whole.label == LabelWorkingGroup:
		r.d.fact(RelSubgroupOf, part, whole, line, relOwnerOf, props)
	case whole.label == LabelOrganization:
		r.d.fact(RelPartOf, part, whole, line, relOwnerOf, props)
	}
}

// ownerOfPhrases reads "the X of the Y": a group or body of an
// organization ("the Council of Liaisons of ACRL").
func (r *reader) ownerOfPhrases(i int) {
	b := &r.p.Blocks[i]
	ms, es := r.ms[i], r.ents[i]
	for k := 0; k+1 < len(ms); k++ {
		between := strings.TrimSpace(b.Text[ms[k].end:ms[k+1].start])
		if (between == "of the" || between == "of") && es[k].label == LabelWorkingGroup && es[k+1].label == LabelOrganization {
			r.partOf(es[k], es[k+1], b.LineAt(ms[k].start), nil)
		}
	}
}

// subgroups reads sub-groups: "A、B、C SWG を、X のサブワーキンググループとして", "A
// is a sub-group of B", "2021年10月より、Aは、Bのサブグループとして".
var (
	reSubgroupJa = regexp.MustCompile(`(?:を|は)、?\s*(.+?)\s*の\s*(?:サブワーキンググループ|サブグループ|下部組織|分科会)`)
	// "関東分科会および関西分科会を設置する": a group sets up its sub-groups.
	reSetUpJa    = regexp.MustCompile(`を(?:設置|新設|設ける)`)
	reSubgroupEn = regexp.MustCompile(`(?i)\b(?:is|as|became|becomes)\s+(?:a|an)\s+(?:sub-?group|sub-?committee|sub-?working group|working group)\s+(?:of|under|within)\s+(?:the\s+)?`)
	reSinceJa    = regexp.MustCompile(`(\d{4})年(\d{1,2})月(?:\d{1,2}日)?より`)
)

func (r *reader) subgroups(i int) {
	b := &r.p.Blocks[i]
	for _, s := range sentences(b.Text) {
		var parent *dent
		var parentAt int
		if m := reSubgroupJa.FindStringSubmatchIndex(s.text); m != nil {
			for k, e := range r.ents[i] {
				st := r.ms[i][k].start - s.start
				if e.label == LabelWorkingGroup && st >= m[2] && st < m[3] {
					parent, parentAt = e, r.ms[i][k].start
				}
			}
			if parent == nil {
				continue
			}
			since := ""
			if sm := reSinceJa.FindStringSubmatch(s.text); sm != nil {
				since = isoDate(atoi(sm[1]), atoi(sm[2]), 0)
			}
			for _, g := range r.listedGroups(i, s, parentAt) {
				r.d.fact(RelSubgroupOf, g, parent, b.LineAt(s.start), relSubgroup, map[string]any{"since": since})
			}
			continue
		}
		if m := reSetUpJa.FindStringIndex(s.text); m != nil && r.subject != nil && r.subject.label == LabelWorkingGroup {
			for k, e := range r.ents[i] {
				st := r.ms[i][k].start - s.start
				if e.label == LabelWorkingGroup && e != r.subject && st >= 0 && st < m[0] {
					r.d.fact(RelSubgroupOf, e, r.subject, b.LineAt(s.start+st), relSubgroup, map[string]any{"status": "planned"})
				}
			}
		}
		if m := reSubgroupEn.FindStringIndex(s.text); m != nil {
			var sub *dent
			for k, e := range r.ents[i] {
				st := r.ms[i][k].start - s.start
				if e.label != LabelWorkingGroup {
					continue
				}
				if st < m[0] {
					sub = e
				} else if st >= m[1] && sub != nil {
					r.d.fact(RelSubgroupOf, sub, e, b.LineAt(s.start+st), relSubgroup, nil)
					break
				}
			}
		}
	}
}

// listedGroups returns the groups a sentence lists before offset before:
// named groups, and the items of a list whose last item carries the group
// word for all ("シーサート課題検討、シーサート構築推奨、CSIRT 人材 SWG").
func (r *reader) listedGroups(i int, s sentence, before int) []*dent {
	b := &r.p.Blocks[i]
	var out []*dent
	var listEnd *mention
	for k, e := range r.ents[i] {
		m := r.ms[i][k]
		if e.label == LabelWorkingGroup && m.start >= s.start && m.start < before {
			out = append(out, e)
			mm := m
			listEnd = &mm
		}
	}
	if listEnd == nil {
		return out
	}
	// Items before the last group, split by 、 or ",", without a group
	// word of their own.
	head := b.Text[s.start:listEnd.start]
	if k := strings.LastIndexAny(head, "はがも"); k >= 0 {
		head = head[k+len("は"):]
	}
	items := splitList(head)
	for _, it := range items {
		it = strings.TrimSpace(strings.Trim(it, "、, "))
		if it == "" || strings.ContainsAny(it, "。") || len([]rune(it)) > 20 || len([]rune(it)) < 3 || strings.ContainsFunc(it, func(c rune) bool { return unicode.Is(unicode.Hiragana, c) }) {
			continue
		}
		if r.d.findAny(it, LabelWorkingGroup) != nil {
			continue
		}
		g := r.d.entity(LabelWorkingGroup, it, b.LineAt(s.start), ruleGroupList)
		out = append([]*dent{g}, out...)
	}
	return out
}

// collaborations reads "本WGは、X および Y と連携", "collaborate(s) with X",
// and a plan's "X、Y、Z 等 ... との連携".
var (
	reCollabJa = regexp.MustCompile(`(.+?)(?:と連携|との連携)`)
	reCollabEn = regexp.MustCompile(`(?i)\b(?:collaborat\w*|cooperat\w*|work(?:s|ing)? closely)\s+with\b`)
	reThisWG   = regexp.MustCompile(`本\s?(?:WG|ワーキンググループ)|this (?:working )?group`)
)

func (r *reader) collaborations(i int) {
	b := &r.p.Blocks[i]
	for _, s := range sentences(b.Text) {
		var at int
		switch m := reCollabJa.FindStringSubmatchIndex(s.text); {
		case m != nil:
			at = m[3]
		default:
			if m := reCollabEn.FindStringIndex(s.text); m != nil {
				at = len(s.text)
				_ = m
			} else {
				continue
			}
		}
		from := r.subject
		if ms := reThisWG.FindStringIndex(s.text); ms == nil && r.subject != nil && r.subject.label != LabelWorkingGroup {
			continue
		}
		if from == nil || from.label != LabelWorkingGroup {
			continue
		}
		for k, e := range r.ents[i] {
			st := r.ms[i][k].start - s.start
			if e.label == LabelWorkingGroup && e != from && st >= 0 && st < at {
				r.d.fact(RelCollaboratesWith, from, e, b.LineAt(s.start+st), relCollaborates, nil)
			}
		}
	}
}

// fundingAndLead reads a project's blurb: "a six-year, NZ $12.2 million
// ... project funded by the Ministry of X", "Led by the University of Y",
// "work which began in November 2014".
var (
	reFunding  = regexp.MustCompile(`((?:[A-Z]{2,3}\s?)?[$€£¥][\d.,]+\s*(?:million|billion|m|bn)?)`)
	reFundedBy = regexp.MustCompile(`\bfunded by\s+(?:the\s+)?`)
	reLedBy    = regexp.MustCompile(`\b[Ll]ed by\s+(?:the\s+)?`)
	reBegan    = regexp.MustCompile(`\b(?:began|started|begun|launched) in\s+`)
)

func (r *reader) fundingAndLead(i int) {
	b := &r.p.Blocks[i]
	proj := r.blurbProject(i)
	if proj == nil {
		return
	}
	t := b.Text
	if m := reFunding.FindStringSubmatch(t); m != nil {
		proj.set("funding", strings.TrimSpace(m[1]))
	}
	if m := reFundedBy.FindStringIndex(t); m != nil {
		if org := r.orgAt(i, m[1]); org != nil {
			amount, _ := proj.props["funding"].(string)
			r.d.fact(RelFundedBy, proj, org, b.LineAt(m[1]), relFunded, map[string]any{"amount": amount})
		}
	}
	if m := reLedBy.FindStringIndex(t); m != nil {
		if org := r.orgAt(i, m[1]); org != nil {
			r.d.fact(RelLedBy, proj, org, b.LineAt(m[1]), relLed, nil)
		}
	}
	if m := reBegan.FindStringIndex(t); m != nil {
		if ds := findDates(t[m[1]:], 0); len(ds) > 0 && ds[0].start == 0 {
			proj.set("started", ds[0].date)
		}
	}
}

// orgAt returns the organization named at offset at of block i.
func (r *reader) orgAt(i, at int) *dent {
	for k, m := range r.ms[i] {
		if m.start == at && r.ents[i][k].label == LabelOrganization {
			return r.ents[i][k]
		}
	}
	return nil
}

// blurbProject is the project a block describes: one it names first, or
// the item its heading named.
func (r *reader) blurbProject(i int) *dent {
	for _, e := range r.ents[i] {
		if e.label == LabelProject {
			return e
		}
	}
	if h := r.section(i); h != nil {
		hi := r.blockIndex(h)
		for _, e := range r.ents[hi] {
			if e.label == LabelProject {
				return e
			}
		}
	}
	return nil
}

// participation reads who takes part in projects: "The CSA EMEA research
// team is involved in 9 publicly funded projects" (the section's
// projects), "CSA’s role is ... CUMULUS", "CSA is part of the consortium".
var (
	reInvolvedIn = regexp.MustCompile(`\b(?:is|are)\s+(?:involved|taking part|participating)\s+in\s+(?:\d+\s+)?(?:[a-z]+\s+){0,3}projects?\b`)
	reRoleIn     = regexp.MustCompile(`(?:’s|'s)\s+role\s+(?:is|was)\s+(.+)$`)
	rePartOfCons = regexp.MustCompile(`\bis\s+part\s+of\s+the\s+consortium`)
)

func (r *reader) participation(i int) {
	b := &r.p.Blocks[i]
	t := b.Text
	r.partners(i)
	if m := reInvolvedIn.FindStringIndex(t); m != nil {
		if org := r.firstBefore(i, m[0], LabelOrganization); org != nil {
			r.involved = append(r.involved, involvement{org, i})
		}
	}
	if m := reRoleIn.FindStringSubmatchIndex(t); m != nil {
		org := r.firstBefore(i, m[0], LabelOrganization)
		proj := r.pageProject(i)
		if org != nil && proj != nil {
			r.d.fact(RelParticipatesIn, org, proj, b.Line, relParticipates, map[string]any{"role": strings.TrimSpace(strings.TrimSuffix(t[m[2]:m[3]], "."))})
		}
	}
	if m := rePartOfCons.FindStringIndex(t); m != nil {
		if org, proj := r.firstBefore(i, m[0], LabelOrganization), r.blurbProject(i); org != nil && proj != nil {
			r.d.fact(RelParticipatesIn, org, proj, b.Line, relParticipates, map[string]any{"role": "consortium member"})
		}
	}
}

// "Project Gizmo is a collaboration between the Gear Institute and the
// Cog Consortium", "Partners of the Gizmo include: the Gear Institute,
// …": the bodies named after the phrase take part in the thing before it.
var (
	reCollabOf   = regexp.MustCompile(`\b(?:is|was)\s+(?:a\s+)?(?:joint\s+)?(?:collaboration|partnership|joint\s+(?:effort|project|initiative|venture))\s+(?:between|of|among)\s`)
	rePartnersOf = regexp.MustCompile(`(?i)\bpartners\s+(?:of|in)\s+(?:the\s+)?(\S.{0,80}?)\s+include[sd]?\b:?`)
)

// partners reads reCollabOf and rePartnersOf in block i's sentences.
func (r *reader) partners(i int) {
	b := &r.p.Blocks[i]
	for _, s := range sentences(b.Text) {
		var thing *dent
		from := -1
		if m := reCollabOf.FindStringIndex(s.text); m != nil {
			thing, from = r.lastBefore(i, s.start+m[0], s.start), s.start+m[1]
		} else if m := rePartnersOf.FindStringSubmatchIndex(s.text); m != nil {
			thing, from = r.firstFrom(i, s.start+m[2], s.start+m[3]), s.start+m[1]
			if thing != nil {
				r.listedPartners(i, s.start+m[1], s.start+len(s.text))
			}
		}
		if thing == nil || thing.label == LabelPerson {
			continue
		}
		for k, e := range r.ents[i] {
			st := r.ms[i][k].start
			if st >= from && st < s.start+len(s.text) && e.label == LabelOrganization && e != thing {
				r.d.fact(RelParticipatesIn, e, thing, b.LineAt(st), relPartners, map[string]any{"role": "partner"})
			}
		}
	}
}

// listedPartners makes an organization of each item of a partners list
// that the recognisers left unnamed: "…; Yahoo, which gave the equipment;
// and Cisco, which …". An item is the capitalised run it starts with.
func (r *reader) listedPartners(i, from, to int) {
	b := &r.p.Blocks[i]
	seps := ";"
	if !strings.Contains(b.Text[from:to], ";") {
		seps = ","
	}
	at := from
	for _, part := range strings.Split(b.Text[from:to], seps) {
		lead := len(part) - len(strings.TrimLeft(part, " "))
		item, off := trimLead(strings.TrimSpace(part), at+lead)
		at += len(part) + 1
		name := strings.TrimRight(reCapRun.FindString(item), ".,")
		if name == "" || r.covered(i, off, off+len(name)) || r.isPersonName(name, false) || len(strings.Fields(name)) > 4 {
			continue
		}
		e := r.d.entity(LabelOrganization, name, b.LineAt(off), ruleOrgSlot)
		r.insertMention(i, mention{label: LabelOrganization, name: name, start: off, end: off + len(name), rule: ruleOrgSlot}, e)
	}
}

// lastBefore is the last entity block i names in [from, at).
func (r *reader) lastBefore(i, at, from int) *dent {
	var out *dent
	for k, e := range r.ents[i] {
		if st := r.ms[i][k].start; st >= from && st < at {
			out = e
		}
	}
	return out
}

// firstFrom is the first entity block i names in [from, to).
func (r *reader) firstFrom(i, from, to int) *dent {
	for k, e := range r.ents[i] {
		if st := r.ms[i][k].start; st >= from && st < to {
			return e
		}
	}
	return nil
}

// academic tells a university or a research institute: a host of the
// bodies written "at" it.
func academic(e *dent) bool {
	for _, w := range []string{"University", "College", "Institute", "School", "Laboratory", "Laboratories", "大学", "研究所"} {
		if strings.Contains(e.name, w) {
			return true
		}
	}
	return false
}

// sectionParticipation makes the organization that "is involved in 9
// projects" a partner in each project of the section, once every block
// has named its projects.
func (r *reader) sectionParticipation() {
	for _, in := range r.involved {
		for _, p := range r.sectionProjects(in.block) {
			r.d.fact(RelParticipatesIn, in.org, p, r.p.Blocks[in.block].Line, relParticipates, map[string]any{"role": "research partner"})
		}
	}
}

// involvement is an organization a block says takes part in the projects
// of its section.
type involvement struct {
	org   *dent
	block int
}

// firstBefore returns the last entity of label named before offset at of
// block i.
func (r *reader) firstBefore(i, at int, label string) *dent {
	var out *dent
	for k, e := range r.ents[i] {
		if e.label == label && r.ms[i][k].start < at {
			out = e
		}
	}
	return out
}

// sectionProjects are the projects named under the section heading above
// block i.
func (r *reader) sectionProjects(i int) []*dent {
	var out []*dent
	for j := i + 1; j < len(r.p.Blocks); j++ {
		b := &r.p.Blocks[j]
		if b.Kind == BlockHeading && b.Level <= 1 {
			break
		}
		for _, e := range r.ents[j] {
			if e.label == LabelProject && !contains2(out, e) {
				out = append(out, e)
			}
		}
	}
	return out
}

func contains2(xs []*dent, x *dent) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// pageProject is the project the text around block i is about: the last
// project named at or before it.
func (r *reader) pageProject(i int) *dent {
	for j := i; j >= 0; j-- {
		for k := len(r.ents[j]) - 1; k >= 0; k-- {
			if r.ents[j][k].label == LabelProject {
				return r.ents[j][k]
			}
		}
	}
	return nil
}

// orgJustBefore returns the organization named right before offset at,
// with only its acronym in parentheses between: "US Federal Trade
// Commission (FTC) Privacy Roundtable".
func (r *reader) orgJustBefore(b *Block, at int) *dent {
	bi := r.blockIndex(b)
	for k := len(r.ms[bi]) - 1; k >= 0; k-- {
		m := r.ms[bi][k]
		if m.end > at || m.label != LabelOrganization {
			continue
		}
		gap := strings.TrimSpace(b.Text[m.end:at])
		if gap == "" || strings.HasPrefix(gap, "(") && strings.HasSuffix(gap, ")") && len(gap) <= 12 {
			return r.ents[bi][k]
		}
		return nil
	}
	return nil
}

// firstProse tells whether b is the page's first block of prose.
func (r *reader) firstProse(b *Block) bool {
	for i := range r.p.Blocks {
		x := &r.p.Blocks[i]
		if x.Kind == BlockParagraph && len(x.Text) > 80 {
			return x == b
		}
	}
	return false
}

// withoutEchoes drops the mentions that only repeat the one before them
// as its acronym in parentheses: "Rocket Council (RC)" is one name.
func withoutEchoes(t string, ms []mention, es []*dent) ([]mention, []*dent) {
	var om []mention
	var oe []*dent
	for k := range ms {
		if k > 0 && es[k] == es[k-1] && ms[k].start > 0 && t[ms[k].start-1] == '(' {
			continue
		}
		om, oe = append(om, ms[k]), append(oe, es[k])
	}
	return om, oe
}
