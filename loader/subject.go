package loader

import (
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The page's subject: the working group, organization or meeting a page is
// about, read from its title (and the first heading under it), or failing
// that, the organization the page names most. The subject is the default
// owner of what the page lists: its groups are parts of it, its meetings
// were held by it.

// findSubject reads the page's subject and, for the record of one
// meeting, the meeting.
func (r *reader) findSubject() {
	bs := r.p.Blocks
	for i := 0; i < len(bs) && i < 12; i++ {
		b := &bs[i]
		if b.Kind != BlockTitle && b.Kind != BlockHeading {
			continue
		}
		if len(r.ms[i]) > 0 && r.ms[i][0].rule == ruleCardHeading {
			continue // one card of a listing of groups, not the page's group
		}
		if g := r.first(i, LabelWorkingGroup); g != nil && r.subject == nil {
			g = r.deepest(i, g)
			r.subject = g
			g.saw(b.Line, ruleTitle)
		}
		if r.subject != nil {
			break
		}
	}
	if r.subject == nil && r.startsWithDate() && r.hasRoster() {
		r.subject = r.dominantBody() // a record that starts with its date
	}
	if r.subject == nil {
		for i := 0; i < len(bs) && i < 4; i++ {
			if bs[i].Kind == BlockTitle {
				if o := r.first(i, LabelOrganization); o != nil {
					r.org = o
				}
			}
		}
	}
	if r.subject != nil && r.subject.owner != nil {
		r.org = r.subject.owner
	}
	if r.org == nil {
		r.org = r.dominantOrg()
	}
	if r.org != nil && r.lex.site != "" && !r.knownOrg(r.lex.site) && len(findWord(strings.Join(r.p.Norm, "\n"), r.lex.site)) > 0 {
		r.org.alias(r.lex.site) // the site's acronym is the page's organization
	}
	if r.subject == nil && r.org != nil {
		r.subject = r.org
	}
	r.pageEvent()
}

// deepest follows a title's chain of groups down from g: "情報通信審議会
// 情報通信技術分科会 ITU-R部会 電波伝搬委員会" is a record of the last, a part
// of each one before it.
func (r *reader) deepest(i int, g *dent) *dent {
	for changed := true; changed; {
		changed = false
		for _, e := range r.ents[i] {
			if e.label == LabelWorkingGroup && e.owner == g && e != g {
				g, changed = e, true
				break
			}
		}
	}
	return g
}

// dominantOrg is the organization the page names most, when it names it
// at least three times and twice as often as any other, or the one its
// site's acronym names.
func (r *reader) dominantOrg() *dent {
	counts := map[*dent]int{}
	for i := range r.ents {
		for _, e := range r.ents[i] {
			if e.label == LabelOrganization {
				counts[e]++
			}
		}
	}
	// "CSA" and "Cloud Security Alliance" count as one.
	for a := range counts {
		for b := range counts {
			if a != b && isAcronym(a.name) && counts[a] > 0 && contains(initials(b.name), acronymKey(a.name)) {
				counts[b] += counts[a]
				counts[a] = 0
			}
		}
	}
	var orgs []*dent
	for e := range counts {
		orgs = append(orgs, e)
	}
	sort.Slice(orgs, func(i, j int) bool {
		if counts[orgs[i]] != counts[orgs[j]] {
			return counts[orgs[i]] > counts[orgs[j]]
		}
		return orgs[i].name < orgs[j].name
	})
	// "open-cloud-foundation.org", "opencloudconsortium.org": the site's
	// domain spells the organization's name.
	if dom := squash(siteLabel(r.p.URL)); len(dom) >= 6 {
		for _, o := range orgs {
			if squash(o.name) == dom {
				return o
			}
		}
	}
	if r.lex.site != "" {
		for _, o := range orgs {
			if key(o.name) == key(r.lex.site) || containsFold(o.aliases, r.lex.site) {
				return o
			}
		}
	}
	// A page that names one organization (and forms of its name) is
	// that organization's page.
	if len(orgs) > 0 && allForms(orgs) && r.namedEarly(orgs[0]) {
		return orgs[0]
	}
	if len(orgs) == 0 || counts[orgs[0]] < 3 {
		return nil
	}
	if len(orgs) > 1 && counts[orgs[0]] < 2*counts[orgs[1]] {
		return nil
	}
	return orgs[0]
}

// dominantBody is the one group or organization a page names at least
// three times and twice as often as any other, or nil.
func (r *reader) dominantBody() *dent {
	counts := map[*dent]int{}
	for i := range r.ents {
		for _, e := range r.ents[i] {
			// "(仮称)…専門部会": a body only proposed holds no meeting yet.
			if (e.label == LabelWorkingGroup || e.label == LabelOrganization) && !provisional(r.p.Blocks[i].Text, e.name) {
				counts[e]++
			}
		}
	}
	var best, second *dent
	for e, n := range counts {
		switch {
		case best == nil || n > counts[best] || n == counts[best] && e.name < best.name:
			best, second = e, best
		case second == nil || n > counts[second]:
			second = e
		}
	}
	if best == nil || counts[best] < 3 || second != nil && counts[best] < 2*counts[second] {
		return nil
	}
	return best
}

// reProvisional marks a name as provisional: "(仮称)", "(仮 称)".
var reProvisional = regexp.MustCompile(`[(（]\s*仮\s*称\s*[)）]\s*$`)

// provisional tells whether text writes name as a provisional one.
func provisional(text, name string) bool {
	k := strings.Index(text, name)
	return k > 0 && reProvisional.MatchString(text[:k])
}

// startsWithDate tells a page with no title whose first field is its
// date: "日時 … 出席者 …".
func (r *reader) startsWithDate() bool {
	if slices.ContainsFunc(r.p.Blocks, func(b Block) bool { return b.Kind == BlockTitle }) {
		return false
	}
	for _, b := range r.p.Blocks {
		if b.Kind != BlockNoise {
			return isDateLabel(b.Label)
		}
	}
	return false
}

// siteLabel is the name a page's host registers, before its top-level
// domain: "open-cloud-foundation" of www.open-cloud-foundation.org.
func siteLabel(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	parts := strings.Split(u.Hostname(), ".")
	if len(parts) < 2 {
		return ""
	}
	if k := len(parts) - 2; k > 0 && len(parts[k]) <= 3 {
		return parts[k-1] // gear.or.jp
	}
	return parts[len(parts)-2]
}

// squash is s lower-cased with only its letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func containsFold(xs []string, s string) bool {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Words that say a page is the record of a meeting.
var minutesWords = []string{
	"minutes", "agenda", "meeting", "call", "notes", "recap", "summary", "report", "teleconference", "f2f",
	"face-to-face", "telecon", "plenary", "workshop", "session", "conference", "webinar", "summit",
	"議事要旨", "議事録", "議事概要", "会合", "第", "回", "会議", "ミーティング",
}

// pageEvent finds the meeting a page records: a title (or first heading)
// that names a meeting, dated by the title itself or by the page's first
// date field or dated line.
func (r *reader) pageEvent() {
	bs := r.p.Blocks
	var title *Block
	ti := -1
	for i := range bs {
		if bs[i].Kind == BlockTitle {
			title, ti = &bs[i], i
			break
		}
	}
	if title == nil {
		r.untitledEvent()
		return
	}
	// The title, or a heading just under it, names a meeting; the best
	// name ends in a word for a meeting and carries its date.
	name, line, best := "", title.Line, -1
	recordDated := false
	for i := ti; i < len(bs) && i <= ti+16; i++ {
		b := &bs[i]
		if i > ti+6 && (b.Kind != BlockHeading || len(findDates(b.Text, 0)) == 0) {
			continue // past a page's head, only a dated heading names its meeting
		}
		short := b.Kind == BlockParagraph && (isHeadingText(b.Text) || utf8.RuneCountInString(b.Text) < 90 && !strings.Contains(b.Text, "。") && !strings.HasSuffix(b.Text, "."))
		if b.Kind != BlockTitle && b.Kind != BlockHeading && !short || b.Label != "" && b.Kind != BlockTitle {
			continue
		}
		if !isMeetingTitle(b.Label + " " + b.Text) {
			continue
		}
		n := meetingName(b.Text)
		if bareRecord(n) {
			// "Minutes of 14 March 2019", "Meeting notes, 2024-02-15":
			// the line dates the meeting of the title's body.
			recordDated = recordDated || len(findDates(b.Text, 0)) > 0
			continue
		}
		score := 0
		if headLabel(n) == LabelEvent || isJaEventName(n) {
			score += 4
		}
		if reOrdinal.MatchString(b.Text) || isRecordTitle(b.Text) {
			score += 3
		}
		if len(findDates(b.Text, 0)) > 0 {
			score += 2
		}
		score = score*10 + min(len(strings.Fields(n)), 9)
		if score > best {
			name, line, best = n, b.Line, score
		}
	}
	// A page with a roster and a date, or a dated record line under its
	// title, is a meeting's record whatever its title says.
	if name == "" && recordDated && !isMeetingTitle(title.Text) {
		name, line = meetingName(title.Text)+" meeting", title.Line
	}
	if name == "" && r.hasRoster() {
		name, line = meetingName(title.Text), title.Line
	}
	if name == "" {
		return
	}
	date := r.pageDate(ti)
	if date.date == "" {
		return
	}
	ev := r.d.event(name, date.date, line, ruleEventTitle)
	if date.until != "" {
		ev.set("end", date.until)
	}
	ev.set("kind", eventKind(name))
	r.event = ev
}

// untitledEvent reads the meeting of a record with no title, one that
// starts with its date and roster ("日時 … 出席者 …"): the meeting of the
// group the page is about, on the date its field gives.
func (r *reader) untitledEvent() {
	if !r.startsWithDate() || !r.hasRoster() {
		return
	}
	for i, b := range r.p.Blocks[:min(len(r.p.Blocks), 8)] {
		if !isDateLabel(b.Label) {
			continue
		}
		ds := findDates(b.Text, 0)
		if len(ds) == 0 || len(ds[0].date) != 10 {
			return
		}
		name := ""
		switch {
		case r.subject != nil && hasCJK(r.subject.name):
			name = r.subject.name + " 会議"
		case r.subject != nil:
			name = r.subject.name + " meeting"
		case hasCJK(b.Text):
			name = ds[0].date + "の会合" // a record that names no body: its date
		default:
			name = "Meeting of " + ds[0].date
		}
		ev := r.d.event(name, ds[0].date, r.p.Blocks[i].Line, ruleEventTitle)
		ev.set("kind", "meeting")
		r.event = ev
		return
	}
}

// placeTail tells the end of a title after its date that is only a
// place: ", Springfield", " - Geneva, Switzerland".
func placeTail(s string) bool {
	lead := strings.TrimLeft(s, " ")
	if lead == "" || !strings.ContainsAny(lead[:1], ",-–—") && !strings.HasPrefix(lead, "–") && !strings.HasPrefix(lead, "—") {
		return false // "2024-03-05 Widget Teleconference": the name goes on
	}
	t := strings.TrimSpace(strings.TrimLeft(s, ",–-— "))
	if t == "" || hasCJK(t) || headLabel(t) != "" {
		return false
	}
	w := strings.Fields(strings.ReplaceAll(t, ",", " "))
	if len(w) > 4 {
		return false
	}
	for _, x := range w {
		if !isCapWord(x) {
			return false
		}
	}
	return true
}

// bareRecord tells a name that is only a word for a meeting's record.
func bareRecord(n string) bool {
	switch strings.ToLower(n) {
	case "minutes", "draft minutes", "agenda", "notes", "meeting notes", "meeting minutes", "meeting report",
		"recap", "summary", "record", "proceedings", "review", "discussion", "議事録", "議事要旨", "議事概要":
		return true
	}
	return false
}

// isMeetingTitle tells whether a title names a meeting.
func isMeetingTitle(s string) bool {
	l := strings.ToLower(s)
	for _, w := range minutesWords {
		if w == "第" || w == "回" {
			continue
		}
		if strings.Contains(l, w) {
			return true
		}
	}
	return strings.Contains(s, "第") && strings.Contains(s, "回")
}

// meetingName is a title without the words for its record ("Minutes",
// "議事要旨") and without its date.
func meetingName(s string) string {
	n := s
	for _, d := range findDates(n, 0) {
		// "Gizmo Plenary Session, 16-21 July 2006, Springfield": the date,
		// then only the place.
		if d.start > 3 && placeTail(n[d.end:]) {
			n = strings.TrimRight(strings.TrimSpace(n[:d.start]), ",–- ")
			continue
		}
		if d.start > 3 && strings.TrimSpace(n[d.end:]) == "" {
			n = strings.TrimSpace(n[:d.start])
			n = strings.TrimSuffix(strings.TrimSuffix(n, " of"), " on")
		}
	}
	n = strings.TrimSpace(strings.TrimSuffix(n, "(案)")) // a draft of the record
	// "…委員会会議録第三号": the committee's record, numbered.
	n = reJaRecordNo.ReplaceAllString(n, " $1")
	// "2021/10/12 部品委員会 資料 1-1 …": the stamp of the meeting this
	// record was handed out at; the name follows it.
	if m := reJaHandout.FindStringIndex(n); m != nil && strings.TrimSpace(n[m[1]:]) != "" {
		n = strings.TrimSpace(n[m[1]:])
	}
	for _, w := range []string{"議事要旨", "議事録", "議事概要", "会議録", "開催報告", "開催レポート", "開催概要", "開催案内", "Draft Minutes", "Report", "report", "Minutes", "minutes", "Agenda", "Notes", "Recap", "Summary"} {
		if strings.HasSuffix(n, w) && len(n) > len(w)+3 {
			n = strings.TrimSpace(strings.TrimSuffix(n, w))
		}
	}
	// "Minutes of the Widget WG meeting" is the meeting.
	// "Minutes of the Widget WG meeting", "Narrative minutes for the
	// 2024-03-05 Widget Teleconference" are the meeting.
	for _, sep := range []string{" of ", " for "} {
		w, rest, ok := strings.Cut(n, sep)
		ws := strings.Fields(w)
		if ok && len(ws) > 0 && len(ws) <= 2 && recordLead[titleCase(ws[len(ws)-1])] {
			n = strings.TrimPrefix(rest, "the ")
			break
		}
	}
	// "部品技術委員会 歯車作業部会(第13回)": the meeting is the sub-group's,
	// the committee before it is the one the sub-group is under.
	if head, tail, ok := cutLast(n, " "); ok && hasCJK(n) {
		core := reJaOrdinalTail.ReplaceAllString(tail, "")
		if core != tail && jaHeadLabel(core) == LabelWorkingGroup && jaHeadLabel(strings.TrimSpace(head)) != "" {
			n = tail
		}
	}
	return cleanName(n)
}

// reJaHandout is a handout's number at the head of a page: "資料 1-1".
var reJaHandout = regexp.MustCompile(`^.{0,80}?(?:参考)?資料\s*\d+(?:-\d+)*\s`)

// reJaRecordNo is a numbered record after the name of its body.
var reJaRecordNo = regexp.MustCompile(`会議録\s*(第[\d一二三四五六七八九十]+号)`)

// reJaOrdinalTail is the number of a meeting after its group's name.
var reJaOrdinalTail = regexp.MustCompile(`[(（]第\s*\d+\s*回[)）]$`)

// cutLast cuts s around the last sep.
func cutLast(s, sep string) (before, after string, ok bool) {
	if k := strings.LastIndex(s, sep); k >= 0 {
		return s[:k], s[k+len(sep):], true
	}
	return s, "", false
}

// pageDate is the date of the meeting a page records: from the title,
// else from a date field (日時, Date), else from the first dated line near
// the top.
func (r *reader) pageDate(ti int) dateSpan {
	bs := r.p.Blocks
	var first dateSpan
	for i := ti; i < len(bs) && i < ti+25; i++ {
		b := &bs[i]
		if b.Kind == BlockNoise {
			continue
		}
		ds := findDates(b.Text, 0)
		if len(ds) == 0 || rePostedOn.MatchString(b.Label+" "+b.Text) {
			continue // when the page was written, not when the meeting was
		}
		if isDateLabel(b.Label) {
			return ds[0]
		}
		if first.date == "" && (b.Label == "" || i == ti) {
			// "令和 4年 11月 …委員会 … 令和四年十一月十四日": the first whole day.
			if k := slices.IndexFunc(ds, func(d dateSpan) bool { return len(d.date) == 10 }); k >= 0 {
				first = ds[k]
			}
		}
	}
	return first
}

// rePostedOn is a page's own date: when it was posted or changed.
var rePostedOn = regexp.MustCompile(`(?i)^\s*(?:posted|published|updated|last updated|last modified|modified|written|created)\b`)

func isDateLabel(l string) bool {
	l = strings.ToLower(strings.ReplaceAll(l, " ", ""))
	for _, w := range []string{"date", "when", "日時", "開催日", "日程", "time"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// eventKind names the kind of event from its title.
func eventKind(title string) string {
	l := strings.ToLower(title)
	for _, k := range []struct{ word, kind string }{
		{"グローバルミーティング", "meeting"}, {"meetup", "meetup"}, {"summit", "summit"}, {"webinar", "webinar"},
		{"セミナー", "seminar"}, {"seminar", "seminar"}, {"workshop", "workshop"}, {"roundtable", "roundtable"},
		{"conference", "conference"}, {"congress", "conference"}, {"symposium", "conference"}, {"week", "conference"},
		{"days", "conference"}, {"digital", "conference"}, {"expo", "exhibition"}, {"例会", "seminar"},
		{"総会", "plenary"}, {"plenary", "plenary"}, {"call", "call"}, {"teleconference", "call"},
		{"meeting", "meeting"}, {"会合", "meeting"}, {"会議", "meeting"}, {"ミーティング", "meeting"},
		{"session", "session"}, {"回", "meeting"},
	} {
		if strings.Contains(l, k.word) {
			return k.kind
		}
	}
	return "event"
}

// allForms tells whether every organization of a page is one name written
// in full or shortened ("日本シーサート協議会" and "シーサート協議会").
func allForms(orgs []*dent) bool {
	full := orgs[0]
	for _, o := range orgs {
		if len(key(o.name)) > len(key(full.name)) {
			full = o
		}
	}
	for _, o := range orgs {
		if !strings.HasSuffix(key(full.name), key(o.name)) && !containsFold(full.aliases, o.name) {
			return false
		}
	}
	return true
}

// hasRoster tells whether the page has a list of attendees.
func (r *reader) hasRoster() bool {
	for _, b := range r.p.Blocks {
		if rosterKind(b.Label) == rosterAttended || b.Label == "" && rosterKind(b.Text) == rosterAttended {
			return true
		}
	}
	return false
}

// isJaEventName tells whether a Japanese title names a meeting: it ends
// (before its number) with a word for one.
func isJaEventName(s string) bool {
	s = strings.TrimSpace(reTrailingParen.ReplaceAllString(s, "$1"))
	for _, w := range []string{"総会", "会合", "会議", "本会議", "ミーティング", "セミナー", "シンポジウム", "例会", "大会", "部会", "委員会", "研究会", "検討会", "分科会", "作業部会"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return reOrdinal.MatchString(s)
}

// isRecordTitle tells a meeting record's title by its words: minutes,
// agenda, 議事録, 議事要旨, 議事概要.
func isRecordTitle(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"minutes", "agenda", "議事録", "議事要旨", "議事概要", "議事次第"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// namedEarly tells whether the page names e in its first blocks.
func (r *reader) namedEarly(e *dent) bool {
	n := 0
	for i := range r.p.Blocks {
		if r.p.Blocks[i].Kind == BlockNoise {
			continue
		}
		for _, x := range r.ents[i] {
			if x == e || strings.HasSuffix(key(e.name), key(x.name)) && x.label == e.label {
				return true
			}
		}
		if n++; n >= 3 {
			return false
		}
	}
	return false
}

// titleCase is a word with its first letter in upper case and the rest in
// lower case: "minutes" and "MINUTES" are "Minutes".
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}
