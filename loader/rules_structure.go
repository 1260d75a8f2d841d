package loader

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Relation rules that read a page's structure: owners written before
// names, the page's subject, dated entries, listing items.

// ownerRelations links each name written with an owner before it to the
// owner: a group is part of it, an event was held by it, a document
// published, a standard maintained.
func (r *reader) ownerRelations(i int) {
	b := &r.p.Blocks[i]
	for k, e := range r.ents[i] {
		o := e.owner
		if o == nil || r.ms[i][k].owner == "" {
			continue
		}
		line := b.LineAt(r.ms[i][k].start)
		switch e.label {
		case LabelWorkingGroup:
			if o.label == LabelWorkingGroup {
				r.d.fact(RelSubgroupOf, e, o, line, relOwner, nil)
			} else {
				r.d.fact(RelPartOf, e, o, line, relOwner, nil)
			}
		case LabelOrganization:
			r.d.fact(RelPartOf, e, o, line, relOwner, nil)
		case LabelEvent:
			r.d.fact(RelHeld, o, e, line, relOwner, nil)
		case LabelDocument:
			r.d.fact(RelPublished, o, e, line, relOwner, nil)
		case LabelStandard:
			r.d.fact(RelMaintains, o, e, line, relOwner, nil)
		}
	}
}

// pageOrganization makes the page's groups parts of the page's
// organization, when the text gives them no owner of their own, and the
// page's subject group a part of it.
func (r *reader) pageOrganization() {
	if r.org == nil {
		return
	}
	owned := map[*dent]bool{}
	for _, f := range r.d.facts {
		if (f.typ == RelPartOf || f.typ == RelSubgroupOf) && f.from.label == LabelWorkingGroup {
			owned[f.from] = true
		}
	}
	for _, e := range r.d.ents {
		if e.label != LabelWorkingGroup || owned[e] || e.owner != nil || len(e.seen) == 0 {
			continue
		}
		r.d.fact(RelPartOf, e, r.org, e.seen[0].line, relPageOwner, nil)
	}
}

// namedAfter is the organization whose name or acronym an event's name
// starts with, a word of its own.
// A group named in the rest ("Acme Alliance Gravity-WG meeting", "…
// 第23回JPドメイン名諮問委員会") is the organization's group that held it.
func (r *reader) namedAfter(ev *dent) *dent {
	var best *dent
	bestLen := 0
	for _, o := range r.d.ents {
		if o.label != LabelOrganization {
			continue
		}
		for _, n := range o.names() {
			if len(n) > bestLen && len(n) < len(ev.name) && (strings.HasPrefix(ev.name, n+" ") || strings.HasPrefix(ev.name, n+"第") && isAcronym(n)) {
				best, bestLen = o, len(n) // "ITA第275回代表会議" too
			}
			// "第37回IT戦略本部": the body's 37th meeting.
			if rest := reJaOrdinalLead.ReplaceAllString(ev.name, ""); rest != ev.name && hasCJK(n) && strings.HasPrefix(rest, n) && len(n) > bestLen {
				best, bestLen = o, len(n)
			}
		}
	}
	if best == nil {
		return nil
	}
	rest := ev.name[min(bestLen+1, len(ev.name)):]
	for _, g := range r.d.ents {
		// "ITA第275回代表会議": the body's 代表会議 met, a council named
		// like a body.
		council := g.label == LabelOrganization && g != best && hasCJK(g.name) && strings.HasSuffix(g.name, "会議")
		if g.label != LabelWorkingGroup && !council {
			continue
		}
		for _, n := range g.names() {
			if len(n) > 3 && strings.Contains(rest, n) || strings.HasPrefix(ev.name, n) && len(n) > bestLen {
				return g
			}
			// "IEEE 802.16 Session #45" of the "IEEE 802.16 Working Group".
			if st := groupStem(n); len(st) > bestLen && strings.HasPrefix(ev.name, st+" ") {
				return g
			}
		}
	}
	return best
}

// groupNamed is the working group whose name, or acronym, an event's name
// starts with after its date: the WESG of "2024-03-05 WESG Teleconference".
func (r *reader) groupNamed(ev *dent) *dent {
	name := ev.name
	if ds := findDates(name, 0); len(ds) > 0 && ds[0].start == 0 {
		name = strings.TrimSpace(name[ds[0].end:])
	}
	return r.startingWith(LabelWorkingGroup, name, func(n string) bool { return len(n) >= 3 })
}

// startingWith is the entity of label whose name or alias starts s as
// words of their own, the longest such, of the names keep accepts.
func (r *reader) startingWith(label, s string, keep func(name string) bool) *dent {
	var best *dent
	bestLen := 0
	for _, e := range r.d.ents {
		if e.label != label {
			continue
		}
		for _, n := range e.names() {
			if len(n) > bestLen && strings.HasPrefix(s, n+" ") && keep(n) {
				best, bestLen = e, len(n)
			}
		}
	}
	return best
}

// reJaOrdinalLead is the ordinal a Japanese meeting's name starts with.
var reJaOrdinalLead = regexp.MustCompile(`^第\s*\d+\s*回\s*`)

// groupStem is a group's name before its head noun: "IEEE 802.16" of
// "IEEE 802.16 Working Group on Broadband Wireless Access"; "" for a name
// without one.
func groupStem(name string) string {
	for _, h := range append([]string{"WG"}, groupHeads...) {
		if k := strings.Index(name, " "+h); k > 0 && (k+1+len(h) == len(name) || name[k+1+len(h)] == ' ') {
			return name[:k]
		}
	}
	return ""
}

// pageEvents gives the page's meetings a holder (the page's group) where
// the text names none, and records what the page's own meeting
// discussed.
func (r *reader) pageEvents() {
	r.eventSeries()
	r.eventDomains()
	held := map[*dent]bool{}
	for _, f := range r.d.facts {
		if f.typ == RelHeld {
			held[f.to] = true
		}
	}
	holder := r.subject
	if holder == nil {
		holder = r.org
	}
	for _, e := range r.d.ents {
		if e.label != LabelEvent || held[e] || len(e.seen) == 0 {
			continue
		}
		// "CSA India Virtual Summit 2020": an event named after an
		// organization is its own.
		if o := r.namedAfter(e); o != nil {
			r.d.fact(RelHeld, o, e, e.seen[0].line, relEventOwner, nil)
			continue
		}
		// "2024-03-05 WESG Teleconference": the group's own call.
		if g := r.groupNamed(e); g != nil && g != holder {
			r.d.fact(RelHeld, g, e, e.seen[0].line, relEventOwner, nil)
			continue
		}
		if holder == nil {
			continue
		}
		if k, _ := e.props["kind"].(string); e == r.event || k == "meeting" || k == "call" || k == "session" {
			r.d.fact(RelHeld, holder, e, e.seen[0].line, relSubjectHeld, nil)
		}
	}
}

// A dated entry: a heading or list item that starts with a date, and then
// (on its line or the next) says what happened: a meeting, a talk at a
// conference, a publication.
var (
	reLeadDate   = regexp.MustCompile(`(?i)^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?`)
	reStatus     = regexp.MustCompile(`\((終了|公開|中止|予定|延期|開催済|published|cancelled|canceled|postponed)\)`)
	rePlaceTag   = regexp.MustCompile(`^【([^】]+)】\s*`)
	reTimeSpan   = regexp.MustCompile(`(?i)\d{1,2}:\d{2}\s*(?:am|pm)?(?:\s*(?:[-–~〜]|to)\s*\d{1,2}:\d{2}\s*(?:am|pm)?)?|\d{1,2}\s*時\s*(?:\d{1,2}\s*分)?(?:\s*(?:から|[-~〜–])\s*\d{1,2}\s*時\s*(?:\d{1,2}\s*分)?(?:まで)?)?|\b\d{4}\s*[-–]\s*\d{4}\b`)
	reFoundingJa = regexp.MustCompile(`(?:を|が)(?:設立|発足|設置)`)
	reURLs       = regexp.MustCompile(`https?://[^\s<>"'」）)]+`)
)

// underDateField tells a date line under a "開催日時" or "Date and place"
// heading: the page's own meeting's date.
func (r *reader) underDateField(i int) bool {
	j := i - 1
	for j >= 0 && r.p.Blocks[j].Kind == BlockNoise {
		j--
	}
	if j < 0 {
		return false
	}
	t := strings.TrimSpace(reAgendaLead.ReplaceAllString(reJaSectionNo.ReplaceAllString(r.p.Blocks[j].Text, ""), ""))
	return hasCJK(t) && (strings.HasPrefix(t, "開催日時") || strings.HasPrefix(t, "日時") || t == "日 時")
}

// reJaSectionNo is a section's number in Japanese minutes: "第1 ".
var reJaSectionNo = regexp.MustCompile(`^第\s*\d+\s+`)

// datedEntry reads a dated entry into an event (or a publication or a
// founding), and makes it the current event of the blocks under it.
func (r *reader) datedEntry(i int) {
	b := &r.p.Blocks[i]
	if b.Kind == BlockNoise || b.Kind == BlockTitle || b.Label != "" {
		return // a field's date ("日時: ...") dates the page's meeting
	}
	ds := findDates(b.Text, r.year)
	// "15-16 August - Montreal" under "Board Meeting": a date without its
	// year dates the meeting named above it, in the page's year.
	if len(ds) == 0 || ds[0].yearless && (r.year == 0 || r.titleAbove(i) < 0) || len(ds[0].date) < 10 {
		return
	}
	lead := reLeadDate.FindString(b.Text)
	if ds[0].start > len(lead)+2 {
		return
	}
	rest := b.Text[ds[0].end:]
	status := ""
	if m := reStatus.FindStringSubmatch(rest); m != nil {
		status = m[1]
	}
	start, end := findTimes(rest)
	rest = strings.TrimSpace(reStatus.ReplaceAllString(rest, ""))
	rest = strings.TrimSpace(reTimeSpan.ReplaceAllString(rest, ""))
	rest = strings.Trim(rest, " -–,:()UTCEDJS")
	if strings.HasPrefix(rest, "於") || strings.HasPrefix(rest, "場所") || r.underDateField(i) {
		return // "平成30年3月22日 15時 於、部品省会議室": where the page's meeting was
	}
	titleBlock, title := i, rest
	// "Board Meeting" over "15-16 August - Montreal": the line above a
	// date names the meeting, the rest of the date line is its place.
	// An item of the entry before ("• comments before next meeting") names
	// nothing of this one.
	if p := r.titleAbove(i); p >= 0 && len([]rune(title)) < 40 {
		titleBlock, title = p, r.p.Blocks[p].Text
	}
	slot := false
	for k := 0; k < 2 && (title == "" || len([]rune(title)) < 3 || rePlaceTag.MatchString(title) && strings.TrimSpace(rePlaceTag.ReplaceAllString(title, "")) == ""); k++ {
		j := r.nextBlock(titleBlock)
		if j < 0 {
			return
		}
		nb := &r.p.Blocks[j]
		if nds := findDates(nb.Text, 0); len(nds) > 0 && nds[0].start <= 2 && !strings.HasPrefix(strings.TrimSpace(nb.Text), "【") {
			if s, e := findTimes(nb.Text); s != "" && start == "" {
				start, end = s, e
			} else {
				return
			}
		}
		// "Wed 2023-06-21" over "17:00-18:00 Gadget ABSC": a session of
		// an agenda's day, at its time.
		if at := reTimeSpan.FindStringIndex(nb.Text); at != nil && strings.TrimSpace(nb.Text[:at[0]]) == "" && start == "" {
			start, end = findTimes(nb.Text)
			slot = start != ""
		}
		next := strings.Trim(strings.TrimSpace(reTimeSpan.ReplaceAllString(nb.Text, "")), " -–,:")
		if title != "" && rePlaceTag.MatchString(title) {
			next = title + next // "【インド・ハイデラバード】" on a line of its own
		}
		titleBlock, title = j, next
	}
	location := ""
	if m := rePlaceTag.FindStringSubmatch(title); m != nil {
		location = m[1]
		title = strings.TrimSpace(title[len(m[0]):])
	}
	title = strings.TrimSpace(reURLs.ReplaceAllString(title, ""))
	title = strings.TrimSpace(strings.TrimLeft(title, "|·•:–- ")) // "Jun 18, 2025 | Gear WG kickoff"
	if title == "" {
		return
	}
	tb := &r.p.Blocks[titleBlock]
	line := tb.Line
	date := ds[0]
	// The page's own meeting, dated again near the top: not another event.
	if r.event != nil && r.event.props["date"] == date.date && titleBlock != i && i < 12 {
		return
	}
	switch {
	case status == "公開" || status == "published":
		r.cur, r.curIndent, r.curPub, r.curLine = nil, b.Indent, r.publisherIn(titleBlock), b.Line
		r.curDate = date.date
		return
	case reFoundingJa.MatchString(title):
		if g := r.foundedGroup(titleBlock); g != nil {
			g.set("founded", date.date)
			// "CSAジャパンに、...WGを設立": the group is the organization's.
			// It is also told apart, in resolution, from another
			// organization's group of the same acronym.
			if o := r.first(titleBlock, LabelOrganization); o != nil {
				r.d.fact(RelPartOf, g, o, line, relOwnerOf, nil)
				if g.owner == nil && o != g {
					g.owner = o
				}
			}
		}
		r.cur, r.curPub = nil, nil
		return
	case strings.Contains(title, "計画") || strings.Contains(strings.ToLower(title), " plan"):
		return
	}
	if strings.Contains(title, "。") || strings.HasPrefix(title, "、") || strings.HasSuffix(title, ".") && len(strings.Fields(title)) >= 8 {
		return // "…、会議室にて第12回研究会を開催しました。", "This statement is …": a dated sentence
	}
	if !r.eventTitle(titleBlock, title, location, status, start) {
		return
	}
	// "2018-07-12 Gear WG Minutes" heading the page: its own meeting,
	// read once.
	if ev := r.event; ev != nil && ev.props["date"] == date.date && (slices.ContainsFunc(ev.seen, func(s sighting) bool { return s.line == line }) || strings.HasPrefix(key(ev.name), key(title))) {
		return // "Jun 18, 2025 | Gear WG kickoff" under "Gear WG kickoff meeting minutes"
	}
	ev := r.d.event(title, date.date, line, ruleEventDated)
	ev.saw(b.Line, ruleEventDated)
	kind := eventKind(title)
	if slot && kind == "event" {
		kind = "session"
	}
	ev.set("kind", kind)
	ev.set("location", location)
	ev.set("start", start)
	ev.set("end", end)
	if date.until != "" {
		ev.set("until", date.until)
	}
	if u := reURLs.FindString(tb.Text); u != "" {
		ev.set("url", u)
	}
	r.cur, r.curIndent, r.curPub, r.curLine = ev, b.Indent, nil, b.Line
	r.tag, r.lastHost, r.lastSpeaker, r.talk = "", nil, nil, nil
	r.heldBy(titleBlock, ev, title, line)
}

// titleAbove is the block above date line i that names its meeting
// ("Board Meeting" over "15-16 August - Montreal"), or -1.
func (r *reader) titleAbove(i int) int {
	p := r.prevBlock(i)
	if p < 0 {
		return -1
	}
	pb, b := &r.p.Blocks[p], &r.p.Blocks[i]
	if pb.Label == "" && pb.Kind != BlockItem && pb.Indent <= b.Indent && isHeadingText(pb.Text) && headLabel(pb.Text) == LabelEvent && len(findDates(pb.Text, 0)) == 0 {
		return p
	}
	return -1
}

// prevBlock returns the block before i that is not noise.
func (r *reader) prevBlock(i int) int {
	for j := i - 1; j >= 0; j-- {
		if r.p.Blocks[j].Kind != BlockNoise {
			return j
		}
	}
	return -1
}

// sectionEvent reads a meeting a section heading names and a date field
// under it dates: "2-1-1. CSA Mobile WG: Online Meeting" then "日時:2017 年 2
// 月 10 日(金)".
func (r *reader) sectionEvent(i int) {
	b := &r.p.Blocks[i]
	if !isDateLabel(b.Label) || i < 4 && r.event != nil {
		return
	}
	ds := findDates(b.Text, r.year)
	if len(ds) == 0 || r.event != nil && r.event.props["date"] == ds[0].date {
		return
	}
	for j, n := i-1, 0; j >= 0 && n < 3; j-- {
		h := &r.p.Blocks[j]
		if h.Kind == BlockNoise {
			continue
		}
		n++
		title := strings.TrimSpace(strings.TrimSpace(h.Head + " " + h.Label + " " + h.Text))
		title = strings.TrimSpace(reStatus.ReplaceAllString(title, ""))
		if !isMeetingTitle(title) && headLabel(title) != LabelEvent {
			continue
		}
		// "議事概要" over a second 日時: the record of the page's own
		// meeting, dated again (here differently: the page's typo).
		if meetingName(title) == "" || isRecordTitle(title) && utf8.RuneCountInString(meetingName(title)) <= 4 {
			if r.event != nil && r.event.props["date"] != ds[0].date {
				r.d.warn(b.Line, fmt.Sprintf("the meeting is dated %s here but %s above; kept %s", ds[0].date, r.event.props["date"], r.event.props["date"]))
			}
			return
		}
		ev := r.d.event(sectionMeetingName(title), ds[0].date, h.Line, ruleEventDated)
		ev.set("kind", eventKind(title))
		start, end := findTimes(b.Text)
		ev.set("start", start)
		ev.set("end", end)
		r.cur, r.curIndent, r.curPub, r.curLine = ev, h.Indent, nil, h.Line
		r.heldBy(j, ev, title, h.Line)
		// The page's first meeting, where the title named no group: the
		// group that held it is what the page is about.
		if g := r.first(j, LabelWorkingGroup); g != nil && r.event == nil && (r.subject == nil || r.subject.label == LabelOrganization) {
			r.subject = g
		}
		for _, e := range r.head[j] {
			if e.label == LabelWorkingGroup {
				if g := r.d.find(LabelWorkingGroup, e.name); g != nil {
					r.d.fact(RelHeld, g, ev, h.Line, ruleEventDated, nil)
				}
			}
		}
		return
	}
}

// sectionMeetingName is a meeting's name from the heading over its date
// field, without a page number before it ("1 総合…調査会議事概要") or the
// words for its record after it.
func sectionMeetingName(title string) string {
	if n := reLabelNumber.FindString(title); n != "" && hasCJK(title[len(n):]) {
		title = title[len(n):]
	}
	if n := meetingName(title); n != "" {
		return n
	}
	return cleanName(title)
}

// nextBlock returns the next block that is not noise.
func (r *reader) nextBlock(i int) int {
	for j := i + 1; j < len(r.p.Blocks); j++ {
		if r.p.Blocks[j].Kind != BlockNoise {
			return j
		}
	}
	return -1
}

// eventTitle tells whether a dated entry's title names an event: a
// meeting word, a place tag, a status that says it took place, a time of
// day, or a group that met.
func (r *reader) eventTitle(bi int, title, location, status, start string) bool {
	if headLabel(title) == LabelEvent || eventKind(title) != "event" {
		return true
	}
	if location != "" || status == "終了" || status == "中止" || status == "予定" || start != "" {
		return true
	}
	for _, e := range r.ents[bi] {
		if e.label == LabelWorkingGroup {
			return true
		}
	}
	return false
}

// heldBy links an event to who held it, by its title: a group named in
// it, else an organization that starts it.
func (r *reader) heldBy(bi int, ev *dent, title string, line int) {
	for _, e := range r.ents[bi] {
		if e.label == LabelWorkingGroup {
			r.d.fact(RelHeld, e, ev, line, ruleEventDated, nil)
			return
		}
	}
	for k, e := range r.ents[bi] {
		if e.label == LabelOrganization && r.ms[bi][k].start <= 2 {
			r.d.fact(RelHeld, e, ev, line, ruleEventDated, nil)
			return
		}
	}
}

// publisherIn is the group a publication entry's title line names.
func (r *reader) publisherIn(bi int) *dent {
	if g := r.first(bi, LabelWorkingGroup); g != nil {
		return g // "Cloud Security Alliance ACM-WG": the group, of the organization
	}
	return r.first(bi, LabelOrganization)
}

// foundedGroup is the group a founding entry names.
func (r *reader) foundedGroup(bi int) *dent {
	var g *dent
	for _, e := range r.ents[bi] {
		// The group's full name, not the acronym it is given beside it.
		if e.label == LabelWorkingGroup && (g == nil || len(e.name) > len(g.name)) {
			g = e
		}
	}
	return g
}

// founded reads when a group was formed: "formed in July 2018", "founded
// by the CSA APAC region in May 2013", "2012 年 7 月に設立".
var (
	reFoundedEn = regexp.MustCompile(`(?i)\b(?:founded|formed|established|launched|created|chartered)\b(?:\s+by\s+the\s+(?:\S+\s+)?(\S+)\s+region)?(?:\s+(?:in|on))?\s+`)
	reFoundedJa = regexp.MustCompile(`に(?:設立|発足|設置)`)
)

func (r *reader) founded(i int) {
	b := &r.p.Blocks[i]
	t := b.Text
	for _, sentence := range sentences(t) {
		var date, region string
		if m := reFoundedEn.FindStringSubmatchIndex(sentence.text); m != nil {
			if ds := findDates(sentence.text[m[1]:], 0); len(ds) > 0 && ds[0].start == 0 {
				date = ds[0].date
			}
			if m[2] >= 0 {
				region = sentence.text[m[2]:m[3]]
			}
		} else if m := reFoundedJa.FindStringIndex(sentence.text); m != nil {
			if ds := findDates(sentence.text[:m[0]], 0); len(ds) > 0 {
				date = ds[len(ds)-1].date
			}
		}
		if date == "" {
			continue
		}
		for k, e := range r.ents[i] {
			st := r.ms[i][k].start
			if e.label == LabelWorkingGroup && st >= sentence.start && st < sentence.start+len(sentence.text) {
				e.set("founded", date)
				e.set("region", region)
				break
			}
		}
	}
}

// sentence is a sentence of a block's text with its offset.
type sentence struct {
	text  string
	start int
}

var reSentenceEnd = regexp.MustCompile(`[.!?。](?:\s+|$)`)

// sentences splits a text at full stops followed by space (and at 。).
func sentences(t string) []sentence {
	var out []sentence
	start := 0
	for _, m := range reSentenceEnd.FindAllStringIndex(t, -1) {
		// "Dr. White", "Sept. 11": a stop after a title or a short
		// abbreviation does not end a sentence.
		word := t[strings.LastIndexAny(t[:m[0]], " (")+1 : m[0]]
		if len(word) <= 4 && t[m[0]] == '.' && m[1] < len(t) && (isCapWord(t[m[1]:]) || t[m[1]] >= '0' && t[m[1]] <= '9') && (isCapWord(word) || abbreviations[word]) {
			continue
		}
		out = append(out, sentence{t[start:m[1]], start})
		start = m[1]
	}
	if start < len(t) {
		out = append(out, sentence{t[start:], start})
	}
	return out
}

var abbreviations = map[string]bool{"e.g": true, "i.e": true, "etc": true, "vs": true, "no": true, "approx": true}

// listingItem reads a listing's item: a heading naming a group, project or
// document, the blurb under it as its description, and a dated closing
// line ("April 18, 2016 Contribute now") as its date.
func (r *reader) listingItem(i int) {
	b := &r.p.Blocks[i]
	// A long title is a paragraph to the structure stage, but a dated
	// closing line under it makes it an item.
	long := b.Kind == BlockParagraph && b.Label == "" && len(strings.Fields(b.Text)) <= 25 && !strings.HasSuffix(b.Text, ".") && r.hasDatedCloser(i)
	if (b.Kind != BlockHeading || b.Level < 2) && !long {
		return
	}
	if ds := findDates(b.Text, 0); len(ds) > 0 && ds[0].start == 0 && isNoise(strings.TrimSpace(b.Text[ds[0].end:])) {
		return // "April 18, 2016 Contribute now" closes an item; it is none
	}
	var e *dent
	if len(r.ents[i]) > 0 && r.ms[i][0].start == 0 && r.ms[i][0].end >= len(strings.TrimSuffix(b.Text, " Project"))-1 {
		e = r.ents[i][0]
	}
	if e == nil {
		e = r.itemByContext(i)
	}
	if e == nil {
		return
	}
	if e.label == LabelProject {
		r.projectRegion(e, r.sectionAbove(i))
	}
	for j := i + 1; j < len(r.p.Blocks) && j <= i+3; j++ {
		nb := &r.p.Blocks[j]
		if nb.Kind == BlockNoise {
			continue
		}
		closer := false
		if ds := findDates(nb.Text, 0); len(ds) > 0 && ds[0].start == 0 && isNoise(strings.TrimSpace(nb.Text[ds[0].end:])) {
			closer = true
		}
		if !closer && (nb.Kind == BlockHeading || nb.Kind == BlockTitle) {
			break
		}
		if ds := findDates(nb.Text, 0); closer {
			e.set("date", ds[0].date)
			if w := strings.ToLower(strings.TrimSpace(nb.Text[ds[0].end:])); strings.Contains(w, "contribute") {
				e.set("status", "open for contribution")
			}
			e.saw(nb.Line, ruleDocTitle)
			break
		}
		if nb.Kind == BlockParagraph && len(nb.Text) > 60 {
			e.describe(strings.TrimPrefix(nb.Text, "Mission Statement: "))
			e.saw(nb.Line, ruleDocTitle)
			// "SLA-Ready aims to ...": the blurb opens with the item's
			// name as it writes it.
			if w := firstWord(nb.Text); key(w) == key(e.name) && w != e.name {
				e.alias(w)
			}
		}
	}
}

// itemByContext reads a heading of a listing section whose kind the
// section gives: under "Research Projects", a project; under
// "Initiatives" (or with a dated closing line), a document.
func (r *reader) itemByContext(i int) *dent {
	b := &r.p.Blocks[i]
	sec := r.sectionAbove(i)
	low := strings.ToLower(sec)
	name := strings.TrimSpace(b.Text)
	switch {
	case r.hasDatedCloser(i):
		d := r.d.entity(LabelDocument, name, b.Line, ruleDocTitle)
		d.set("kind", documentKind(name))
		return d
	case strings.Contains(low, "project"):
		p := r.d.entity(LabelProject, strings.TrimSuffix(name, " Project"), b.Line, ruleProjectName)
		if strings.HasSuffix(name, " Project") {
			p.alias(name)
		}
		r.projectRegion(p, sec)
		return p
	case strings.Contains(low, "initiative") || strings.Contains(low, "date opened") || r.hasDatedCloser(i):
		d := r.d.entity(LabelDocument, name, b.Line, ruleDocTitle)
		d.set("kind", documentKind(name))
		return d
	}
	return nil
}

// sectionAbove is the text of the nearest section heading (level 1)
// above block i.
func (r *reader) sectionAbove(i int) string {
	for j := i - 1; j >= 0; j-- {
		b := &r.p.Blocks[j]
		if b.Kind == BlockTitle || b.Kind == BlockHeading && b.Level == 1 {
			return b.Text
		}
	}
	return ""
}

// hasDatedCloser tells whether the lines under heading i end with a date
// and button words ("April 18, 2016 Contribute now").
func (r *reader) hasDatedCloser(i int) bool {
	for j := i + 1; j < len(r.p.Blocks) && j <= i+3; j++ {
		nb := &r.p.Blocks[j]
		if ds := findDates(nb.Text, 0); len(ds) > 0 && ds[0].start == 0 && isNoise(strings.TrimSpace(nb.Text[ds[0].end:])) {
			return true
		}
		if nb.Kind == BlockHeading {
			return false
		}
	}
	return false
}

// projectRegion sets a project's region from its section heading ("EMEA
// Research Projects").
func (r *reader) projectRegion(p *dent, sec string) {
	if w := firstWord(sec); isAcronym(w) && strings.ToUpper(w) == w {
		p.set("region", w)
	}
}

// publishedByNamedGroup links each document to the group its title starts
// with ("Cloud Data Center Security Working Group Charter").
func (r *reader) publishedByNamedGroup() {
	for _, doc := range r.d.ents {
		if doc.label != LabelDocument || len(doc.seen) == 0 {
			continue
		}
		var best *dent
		for _, e := range r.d.ents {
			if e.label == LabelWorkingGroup && len(coreName(e.label, e.name)) >= 4 && strings.HasPrefix(key(doc.name), key(e.name)) && key(doc.name) != key(e.name) {
				if best == nil || len(e.name) > len(best.name) {
					best = e
				}
			}
		}
		if best != nil {
			r.d.fact(RelPublished, best, doc, doc.seen[0].line, relPublished, nil)
		}
	}
}

// reIssuedBefore is a verb of publishing before a document's name in the
// same sentence: "The group published the X Guide in 2021".
var reIssuedBefore = regexp.MustCompile(`\b(?:published|publishes|released|releases|issued|issues|produced|produces|authored)\b[^.;]*$`)

// cardPublished reads a group's card on a listing: a document it says
// was published ("「…」を公開しました", "published the X Guide") is the
// group's publication.
func (r *reader) cardPublished(i int) {
	b := &r.p.Blocks[i]
	g := r.cardGroup(i)
	if g == nil {
		return
	}
	for k, m := range r.ms[i] {
		d := r.ents[i][k]
		if d.label != LabelDocument {
			continue
		}
		after := strings.TrimLeft(b.Text[m.end:], "」』”\" ")
		if reJaIssuedAfter.MatchString(after) || reIssuedBefore.MatchString(b.Text[:m.start]) {
			r.d.fact(RelPublished, g, d, b.LineAt(m.start), relPublished, nil)
		}
	}
}

// documentKind names the kind of a document from its title.
func documentKind(title string) string {
	l := strings.ToLower(title)
	for _, k := range []struct{ word, kind string }{
		{"charter", "charter"}, {"whitepaper", "whitepaper"}, {"white paper", "whitepaper"},
		{"peer review", "peer review"}, {"position paper", "position paper"}, {"survey", "survey"},
		{"guidance", "guidance"}, {"guide", "guidance"}, {"best practice", "best practices"},
		{"mapping", "mapping"}, {"policy", "policy"}, {"slide", "slides"}, {"translation", "translation"},
		{"minutes", "minutes"}, {"report", "report"}, {"plan", "plan"}, {"paper", "paper"}, {"レポート", "report"},
		{"報告", "report"}, {"ガイダンス", "guidance"}, {"ガイドライン", "guidance"},
	} {
		if strings.Contains(l, k.word) {
			return k.kind
		}
	}
	return "document"
}

// topics reads lists of domains of work: "domains of ...: A, B, C".
var reDomains = regexp.MustCompile(`(?i)\bdomains?\b[^:]*:\s*(.+)$`)

func (r *reader) topics(i int) {
	b := &r.p.Blocks[i]
	for _, s := range sentences(b.Text) {
		m := reDomains.FindStringSubmatchIndex(s.text)
		if m == nil {
			continue
		}
		for _, item := range splitList(s.text[m[2]:m[3]]) {
			name, acr := splitAcronym(item)
			if name == "" || len(strings.Fields(name)) > 4 || !isCapWord(name) {
				continue
			}
			t := r.d.entity(LabelTopic, name, b.LineAt(s.start+m[2]), ruleTopicList)
			if acr != "" {
				t.alias(acr)
			}
		}
	}
}

// splitList splits "A, B (x, y), and C)." into its items, minding
// parentheses.
func splitList(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "."), ";")
	if strings.Count(s, ")") > strings.Count(s, "(") {
		s = s[:strings.LastIndex(s, ")")]
	}
	var items []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case ',', ';', '、':
			if depth == 0 {
				items = append(items, s[start:i])
				start = i + len(string(c))
			}
		}
	}
	items = append(items, s[start:])
	var out []string
	for _, it := range items {
		it = strings.TrimSpace(it)
		it = strings.TrimPrefix(it, "and ")
		it = strings.TrimPrefix(it, "or ")
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}

var reTrailingParen = regexp.MustCompile(`^(.*?)\s*\(([^()]*)\)$`)

// splitAcronym splits "Artificial Intelligence (AI/ML)" into the name and
// its acronym; a parenthesis that is not an acronym is dropped.
func splitAcronym(s string) (name, acr string) {
	m := reTrailingParen.FindStringSubmatch(s)
	if m == nil {
		return cleanName(s), ""
	}
	a := strings.TrimSpace(m[2])
	if a != "" && !strings.Contains(a, " ") && len(a) <= 10 && isCapWord(a) {
		return cleanName(m[1]), a
	}
	return cleanName(m[1]), ""
}

// projectBlurb reads a research listing's blurb that starts with the
// project's name instead of a heading: "CUMULUS will develop ...",
// "A4Cloud aims to ...". The page or section must be about research
// projects, and the name an acronym or a coined word.
var reBlurbName = regexp.MustCompile(`^([A-Z][A-Z0-9]{2,}|[A-Z][a-z]*[0-9A-Z][A-Za-z0-9]*)(?:\s+(?:framework|project|consortium))?\s+(?:will|aims|is|was|has|provides|focuses|develops|intends|seeks|brings)\b`)

func (r *reader) projectBlurb(i int) {
	for _, e := range r.ents[i] {
		if e.label == LabelProject {
			r.projectRegion(e, r.sectionAbove(i)) // "APAC Research Projects"
		}
	}
	b := &r.p.Blocks[i]
	if b.Kind != BlockParagraph || len(b.Text) < 80 {
		return
	}
	m := reBlurbName.FindStringSubmatch(b.Text)
	if m == nil || notOrgAcronyms[m[1]] {
		return
	}
	context := strings.ToLower(r.sectionAbove(i) + " " + b.Text)
	if !strings.Contains(context, "project") && !strings.Contains(context, "research") {
		return
	}
	if e := r.d.findAny(m[1], LabelOrganization, LabelWorkingGroup, LabelStandard); e != nil {
		return
	}
	p := r.d.entity(LabelProject, m[1], b.Line, ruleProjectBlurb)
	p.describe(b.Text)
	r.projectRegion(p, r.sectionAbove(i))
	r.ents[i] = append(r.ents[i], p)
	r.ms[i] = append(r.ms[i], mention{label: LabelProject, name: m[1], start: 0, end: len(m[1]), rule: ruleProjectBlurb})
}
