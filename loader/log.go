package loader

import (
	"regexp"
	"strconv"
	"strings"
)

// An activity log is a page about one working group: a title, a summary,
// then entries that each start with a date line, then a title line (a
// meeting, a meetup or summit with its place, a publication), then bullets.

var (
	// 2021年10月29日(金)01:00am – 02:00am(終了), 2020年11月18日(水)-20日(金)(終了),
	// 2020年6月23日(水)14:55~15:25(終了), 2020年3月10日(火)(公開) ...
	reEntryDate = regexp.MustCompile(`^\s*(?:•\s*)?(\d{4})年(\d{1,2})月(\d{1,2})日\s*\(.\)\s*` +
		`(?:(\d{1,2}:\d{2})\s*(am|pm)?\s*[–~〜-]\s*(\d{1,2}:\d{2})\s*(am|pm)?)?\s*` +
		`(?:-\s*(\d{1,2})日\s*\(.\))?\s*(?:\((終了|公開|中止|予定)\))?\s*(.*)$`)
	rePlace       = regexp.MustCompile(`^【([^】]+)】\s*(.*)$`)
	reGlobalMeet  = regexp.MustCompile(`(?i)^(.+?)[-\s]?WG\s*(?:グローバルミーティング|global meeting|meeting)`)
	rePublisher   = regexp.MustCompile(`^(.+?)[-\s]WG\s*$`)
	reSubgroup    = regexp.MustCompile(`(\d{4})年(\d{1,2})月より、(?:\S+?本部の)?(.+?)は、(?:\S+?本部の)?(.+?)のサブグループ`)
	reCollab      = regexp.MustCompile(`本WGは、(.+?)と連携`)
	reHQ          = regexp.MustCompile(`^\S*?本部の`)
	reFoundedJa   = regexp.MustCompile(`^(.+?)に、.*?\(([\w-]+)\)を設立`)
	reBracket     = regexp.MustCompile(`^\s*\[\s*(.+?)\s*\]\s*$`)
	reQuoted      = regexp.MustCompile(`[‘'“"「]([^’‘'”"「」]{6,120})[’‘'”"」]`)
	reDocOfCall   = regexp.MustCompile(`(?i)document discussed on today.s call:\s*(.+)$`)
	reOpenReview  = regexp.MustCompile(`(?i)^\s*•?\s*Open Peer Review\b`)
	reJaRoleTag   = regexp.MustCompile(`<(主催者|共催|コーディネーター|演者|会場)[^>]*>`)
	reModerator   = regexp.MustCompile(`^\s*-?\s*(Moderator|Panelists?|Speakers?)\s*:\s*(.*)$`)
	rePersonParen = regexp.MustCompile(`^\s*-?\s*((?:Dr\.\s+)?[A-Z][a-z]+(?:[- ][A-Z][A-Za-z.-]+){1,3})\s*\(([^)]+)\)\s*$`)
	reSpeakerLine = regexp.MustCompile(`^\s*((?:Dr\.\s+)?[A-Z][a-z]+(?:[- ][A-Z][A-Za-z.-]+){1,3})\s*$`)
	reTitleOrg    = regexp.MustCompile(`^\s*([^,]+),\s*(.+)$`)
	reLeaderJa    = regexp.MustCompile(`ワーキンググループ(リーダー|座長|共同座長)\s+(\S+\s+\S+)`)
)

// Words that start bullets but are not people: role nouns and the like.
var notNames = map[string]bool{
	"Authors": true, "Author": true, "Leads": true, "Lead": true, "Leaders": true, "Leadership": true,
	"Chairs": true, "Chair": true, "Contributors": true, "Contributor": true, "Volunteers": true,
	"Members": true, "Reviewers": true, "Editors": true, "Writers": true, "Everyone": true, "All": true,
	"Anyone": true, "Each": true, "Primary": true, "Secondary": true, "New": true, "Next": true, "The": true,
	"This": true, "Today": true, "Paper": true, "Chapter": true, "Section": true, "Meeting": true,
	"Goal": true, "Offline": true, "Overview": true, "Work": true, "Need": true, "Needs": true,
	// Imperatives and adjectives that start notes: "Want to", "Refer to".
	"Want": true, "Move": true, "Refer": true, "Reminder": true, "Important": true, "Email": true,
	"Contact": true, "Send": true, "Look": true, "Talk": true, "Reach": true, "Use": true, "Make": true,
	"Keep": true, "Start": true, "Add": true, "Assign": true, "Establish": true, "Introduce": true,
	"Participate": true, "Continue": true, "Provide": true, "Finish": true, "Review": true, "Please": true,
	"Calls": true, "Ideas": true, "Best": true, "Length": true, "Opportunities": true, "Recent": true,
	"Upcoming": true, "Open": true, "Current": true, "Predicted": true, "Anticipated": true, "Focus": true,
	"Going": true, "Holding": true, "Waiting": true, "Careful": true, "Struggling": true, "Authors’": true,
}

// A person acting, at the start of a bullet: "Marina to create",
// "Anil and Andrew to review", "Mark provided", "Kevin Keane will make",
// "Anil Karmel – address".
var (
	nameRe         = `[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|[A-Z]\.(?:\s?[A-Z]\.)?))?`
	reActor        = regexp.MustCompile(`^\s*[-*•]?\s*(?:\d+(?:\.\d+)+\s+[–-]?\s*)?(` + nameRe + `(?:(?:,\s*|\s+and\s+)` + nameRe + `)*)\s+(?:(?:(?:is|are)\s+to|to|will|would)\s+[a-z]|(?:provided|updated|wrote|added|gave|reviewed|presented|pointed|underlined|developed|went|has|had|is)\b)`)
	reDashActor    = regexp.MustCompile(`^\s*[-*•]?\s*(` + nameRe + `(?:\s+and\s+` + nameRe + `)*)\s+[–-]\s+(?:To\s+|[a-z]+\s)`)
	reObjectName   = regexp.MustCompile(`\b(?:to|with|contact|by|Contact|Email|and|or)\s+([A-Z][a-z]+ [A-Z]\.|[A-Z]\. [A-Z][a-z]+)`)
	reRelease      = regexp.MustCompile(`^\s*[-*•]?\s*([A-Z][^–]{8,120}?)\s+[–-]\s+(out now|coming soon|published|released)\b`)
	reWorkList     = regexp.MustCompile(`(?i)^\s*[-*•]?\s*(review|write|draft|writing|reviewing)\s*:\s*$`)
	reWorkItem     = regexp.MustCompile(`^\s*[-*•]?\s*([A-Z][\w]*\s+\d+\s+[–-]\s+[A-Z][^<>]{3,100}?)(?:\s+document)?\s*$`)
	reSan          = regexp.MustCompile(`\b([A-Z][a-z]+)-san\b`)
	reChairs       = regexp.MustCompile(`\b(Chairs?|Co-chairs?|Leads?)\s*,?\s*\(\s*(` + nameRe + `(?:\s*(?:,|and)\s*` + nameRe + `)*)\s*\)`)
	reVolunteer    = regexp.MustCompile(`^\s*[•*-]?\s*([A-Za-z][\w ./]{1,40}?)\s+[–-]\s+(` + nameRe + `(?:\s*/\s*` + nameRe + `)*)\s*$`)
	reSectionNum   = regexp.MustCompile(`^\s*[•*-]?\s*(\d+(?:\.\d+)+)\b`)
	reSectionsWord = regexp.MustCompile(`(?i)\bsections?\s+([\d.]+(?:\s*(?:,|and)\s*[\d.]+)*)`)
)

// parseLog reads an activity log.
func parseLog(d *draft) {
	var page *dent // the working group the page is about
	for i, l := range d.lines {
		if t := strings.TrimSpace(l); t != "" {
			if strings.HasSuffix(t, "WG") || strings.HasSuffix(t, "ワーキンググループ") {
				page = d.entity(LabelWorkingGroup, t, i+1)
			}
			break
		}
	}
	var ev *dent // the current entry's event
	var evDate string
	var doc *dent  // the document the current bullets are about
	var host *dent // the working group holding the current meeting
	var tag string // the current <role> block of a meetup entry
	published := false
	for i := 0; i < len(d.lines); i++ {
		l := d.lines[i]
		n := i + 1
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if m := reSubgroup.FindStringSubmatch(t); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			sub := d.entity(LabelWorkingGroup, m[3], n)
			parent := d.entity(LabelWorkingGroup, m[4], n)
			d.fact(RelSubgroupOf, sub, parent, n, map[string]any{"since": isoDate(y, mo, 0)})
		}
		if m := reCollab.FindStringSubmatch(t); m != nil && page != nil {
			for _, name := range regexp.MustCompile(`および|及び|、|と`).Split(m[1], -1) {
				name = reHQ.ReplaceAllString(strings.TrimSpace(name), "")
				if strings.HasSuffix(name, "WG") {
					d.fact(RelCollaboratesWith, page, d.entity(LabelWorkingGroup, name, n), n, nil)
				}
			}
		}
		if m := reEntryDate.FindStringSubmatch(l); m != nil {
			ev, doc, host, tag, published = nil, nil, nil, "", false
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			dd, _ := strconv.Atoi(m[3])
			evDate = isoDate(y, mo, dd)
			if evDate == "" {
				d.warn(n, "a dated entry with an impossible date")
				continue
			}
			title, titleLine := strings.TrimSpace(m[10]), n
			if title == "" {
				title, titleLine = nextLine(d.lines, i+1)
			}
			title = strings.TrimSpace(strings.TrimLeft(title, "• "))
			if m[9] == "公開" {
				// A publication: the title line names the publisher.
				published = true
				if pm := rePublisher.FindStringSubmatch(title); pm != nil {
					host = d.entity(LabelWorkingGroup, groupInTitle(d, pm[0], pm[1])+" WG", titleLine)
					d.handled[titleLine] = true
				}
				i = max(i, titleLine-1)
				continue
			}
			if fm := reFoundedJa.FindStringSubmatch(title); fm != nil {
				wg := d.find(LabelWorkingGroup, fm[2])
				if wg == nil {
					wg = d.entity(LabelWorkingGroup, fm[2], titleLine)
				}
				wg.set("founded", evDate)
				wg.lines = append(wg.lines, titleLine)
				org := d.entity(LabelOrganization, fm[1], titleLine)
				d.fact(RelPartOf, wg, org, titleLine, nil)
				i = max(i, titleLine-1)
				continue
			}
			location := ""
			if pm := rePlace.FindStringSubmatch(title); pm != nil {
				location = pm[1]
				title = strings.TrimSpace(pm[2])
				if title == "" {
					title, titleLine = nextLine(d.lines, titleLine)
				}
			}
			if title == "" || strings.Contains(title, "年度") {
				continue
			}
			d.handled[titleLine] = true
			ev = d.event(title, evDate, titleLine)
			ev.lines = append(ev.lines, n)
			ev.set("kind", eventKind(title))
			ev.set("location", location)
			if m[4] != "" {
				ev.set("start", clock(m[4], m[5]))
				ev.set("end", clock(m[6], m[7]))
			}
			if m[8] != "" {
				ev.set("end", isoDate(y, mo, atoi(m[8])))
			}
			if gm := reGlobalMeet.FindStringSubmatch(title); gm != nil {
				host = d.entity(LabelWorkingGroup, groupInTitle(d, gm[0], gm[1])+" WG", titleLine)
				d.fact(RelHeld, host, ev, titleLine, map[string]any{"role": "host"})
			}
			i = max(i, titleLine-1)
			continue
		}
		if ev == nil && !published {
			continue
		}
		// Inside an entry.
		if u := reURL.FindString(t); u != "" {
			logURL(d, ev, &doc, host, published, u, n, evDate)
			continue
		}
		if published && host != nil && !strings.HasPrefix(t, "<") && !strings.HasPrefix(t, "・") {
			// A publication entry's lines are titles (and a sentence or two).
			if title := strings.Trim(t, "「」 "); len([]rune(title)) >= 8 && !strings.HasSuffix(title, "。") {
				doc = d.entity(LabelDocument, title, n)
				doc.set("date", evDate)
				doc.set("status", "published")
				doc.set("kind", documentKind(title))
				d.fact(RelPublished, host, doc, n, map[string]any{"date": evDate})
			}
			continue
		}
		if ev == nil {
			continue
		}
		if tm := reJaRoleTag.FindAllStringSubmatchIndex(t, -1); tm != nil {
			// "<主催者 Organizer>" blocks; a tag may also end a line.
			// Text before the tag belongs to the block in force.
			if head := strings.TrimSpace(t[:tm[0][0]]); head != "" && tag != "" {
				logTagged(d, ev, tag, head, n)
			}
			last := tm[len(tm)-1]
			tag = t[last[2]:last[3]]
			if rest := strings.TrimSpace(t[last[1]:]); rest != "" {
				logTagged(d, ev, tag, rest, n)
			}
			continue
		}
		if tag != "" && !strings.HasPrefix(t, "・") && !strings.HasPrefix(t, "-") {
			logTagged(d, ev, tag, t, n)
			continue
		}
		logBullet(d, ev, &doc, host, t, n)
	}
}

func nextLine(ls []string, i int) (string, int) {
	for ; i < len(ls); i++ {
		if t := strings.TrimSpace(ls[i]); t != "" {
			return t, i + 1
		}
	}
	return "", 0
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// clock turns "03:00" "pm" into "15:00".
func clock(hm, ampm string) string {
	if hm == "" {
		return ""
	}
	parts := strings.SplitN(hm, ":", 2)
	h := atoi(parts[0])
	switch strings.ToLower(ampm) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	return strconv.Itoa(100 + h)[1:] + ":" + parts[1]
}

// eventKind names the kind of event from its title.
func eventKind(title string) string {
	l := strings.ToLower(title)
	for _, k := range []struct{ word, kind string }{
		{"グローバルミーティング", "meeting"}, {"meeting", "meeting"}, {"meetup", "meetup"}, {"summit", "summit"},
		{"セミナー", "seminar"}, {"seminar", "seminar"}, {"webinar", "webinar"}, {"week", "conference"},
		{"days", "conference"}, {"congress", "conference"}, {"conference", "conference"}, {"digital", "conference"},
		{"expo", "exhibition"}, {"例会", "seminar"},
	} {
		if strings.Contains(l, k.word) {
			return k.kind
		}
	}
	return "event"
}

// logURL records a link in an entry: slides are a document presented
// there, an artifact link is the current document's page, anything else
// is the event's page.
func logURL(d *draft, ev *dent, doc **dent, host *dent, published bool, u string, n int, date string) {
	line := d.lines[n-1]
	switch {
	case strings.Contains(u, "slideshare"):
		title := ""
		if m := reQuoted.FindStringSubmatch(line); m != nil {
			title = m[1]
		} else if n > 1 {
			prev := strings.TrimSpace(d.lines[n-2])
			if m := reQuoted.FindStringSubmatch(prev); m != nil && strings.HasPrefix(prev, m[0][:len(m[0])-len(m[1])-len("」")]) && !reURL.MatchString(prev) {
				title = m[1]
			}
		}
		if title == "" && ev != nil {
			title = ev.name + " (slides)"
		}
		if title == "" {
			return
		}
		s := d.entity(LabelDocument, title, n)
		s.set("kind", "slides")
		s.set("url", u)
		s.set("date", date)
		if ev != nil {
			d.fact(RelDiscussed, ev, s, n, nil)
		}
		if published && host != nil {
			d.fact(RelPublished, host, s, n, map[string]any{"date": date})
		}
	case strings.Contains(u, "/artifacts/") && *doc != nil:
		(*doc).set("url", u)
		(*doc).lines = append((*doc).lines, n)
	case ev != nil && !published:
		ev.set("url", u)
		ev.lines = append(ev.lines, n)
	}
}

// logTagged records a line of a meetup's <Organizer>, <Cosponsored>,
// <Coordinator>, <Speaker> or <Place> block.
func logTagged(d *draft, ev *dent, tag, text string, n int) {
	text = strings.TrimSpace(text)
	if text == "" || strings.HasPrefix(text, "・") {
		return
	}
	switch tag {
	case "主催者", "共催":
		role := map[string]string{"主催者": "organizer", "共催": "co-sponsor"}[tag]
		label := LabelOrganization
		if strings.Contains(text, "ワーキンググループ") {
			label = LabelWorkingGroup
		}
		name, alias := splitJaParen(text)
		e := d.entity(label, name, n)
		if alias != "" {
			e.alias(alias)
		}
		d.fact(RelHeld, e, ev, n, map[string]any{"role": role})
	case "コーディネーター":
		if m := reLeaderJa.FindStringSubmatch(text); m != nil {
			p := d.entity(LabelPerson, m[2], n)
			d.fact(RelPresentedAt, p, ev, n, map[string]any{"role": "coordinator"})
			if wg := d.find(LabelWorkingGroup, strings.SplitN(text, "ワーキンググループ", 2)[0]+"ワーキンググループ"); wg != nil {
				d.fact(RelMemberOf, p, wg, n, map[string]any{"role": "leader"})
			}
		}
	case "演者":
		if m := reSpeakerLine.FindStringSubmatch(text); m != nil {
			p := d.entity(LabelPerson, personName(m[1]), n)
			d.fact(RelPresentedAt, p, ev, n, map[string]any{"role": "speaker"})
			// The next line may give the speaker's title and organization.
			if n < len(d.lines) {
				if tm := reTitleOrg.FindStringSubmatch(d.lines[n]); tm != nil && !strings.ContainsAny(d.lines[n], "<【") {
					org := d.entity(LabelOrganization, tm[2], n+1)
					d.fact(RelMemberOf, p, org, n+1, map[string]any{"role": strings.ToLower(strings.TrimSpace(tm[1]))})
				}
			}
		}
	case "会場":
		ev.set("location", text)
	}
}

// splitJaParen splits "GVH Osaka(グローバルベンチャーハビタット大阪)" into the name
// and the other name in parentheses.
func splitJaParen(s string) (string, string) {
	if i := strings.IndexAny(s, "(（"); i > 0 && strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）") {
		if i := strings.IndexAny(s, "(（"); i > 0 {
			return strings.TrimSpace(s[:i]), strings.Trim(s[i:], "()（） ")
		}
	}
	return s, ""
}

// logBullet reads one bullet of an entry: documents, people and what they
// do, panels.
func logBullet(d *draft, ev *dent, doc **dent, host *dent, t string, n int) {
	for _, m := range reObjectName.FindAllStringSubmatch(t, -1) {
		d.entity(LabelPerson, m[1], n)
	}
	if m := reBracket.FindStringSubmatch(t); m != nil {
		if nd := bracketDocument(d, m[1], n); nd != nil {
			*doc = nd
			d.fact(RelDiscussed, ev, nd, n, nil)
		}
		return
	}
	if m := reDocOfCall.FindStringSubmatch(t); m != nil {
		*doc = d.entity(LabelDocument, m[1], n)
		(*doc).set("kind", documentKind(m[1]))
		d.fact(RelDiscussed, ev, *doc, n, nil)
		return
	}
	if reOpenReview.MatchString(t) {
		if title, tl := nextLine(d.lines, n); title != "" {
			name := strings.TrimSpace(strings.SplitN(title, "” –", 2)[0])
			name = strings.Trim(strings.SplitN(name, " – This document", 2)[0], "“”\" ")
			if len([]rune(name)) > 8 && len([]rune(name)) < 120 {
				*doc = d.entity(LabelDocument, name, tl)
				(*doc).set("status", "open peer review")
				(*doc).set("kind", "peer review")
				d.fact(RelDiscussed, ev, *doc, tl, nil)
			}
		}
		return
	}
	if m := reRelease.FindStringSubmatch(t); m != nil {
		doc := d.entity(LabelDocument, m[1], n)
		doc.set("kind", documentKind(m[1]))
		status := map[string]string{"out now": "published", "coming soon": "forthcoming", "published": "published", "released": "published"}[strings.ToLower(m[2])]
		doc.set("status", status)
		d.fact(RelDiscussed, ev, doc, n, nil)
		if host != nil {
			d.fact(RelPublished, host, doc, n, nil)
		}
		return
	}
	if m := reWorkItem.FindStringSubmatch(t); m != nil && workListAbove(d, n) {
		doc := d.entity(LabelDocument, m[1], n)
		doc.set("kind", documentKind(m[1]))
		d.fact(RelDiscussed, ev, doc, n, nil)
		return
	}
	for _, m := range reQuoted.FindAllStringSubmatch(t, -1) {
		if strings.ContainsAny(t, "。、") {
			break // Japanese prose quotes words, not titles
		}
		title := strings.TrimSpace(m[1])
		if !strings.ContainsAny(title[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") || strings.Count(title, " ") < 1 || strings.ContainsAny(title, "。、") {
			continue
		}
		rest := strings.ToLower(t[strings.Index(t, m[0])+len(m[0]):])
		if strings.HasPrefix(strings.TrimSpace(rest), "paper") || strings.HasPrefix(strings.TrimSpace(rest), "document") || *doc == nil || strings.HasPrefix(strings.TrimSpace(strings.ToLower(t)), "“") {
			*doc = d.entity(LabelDocument, title, n)
			(*doc).set("kind", documentKind(title+" "+rest))
			d.fact(RelDiscussed, ev, *doc, n, nil)
		}
	}
	if m := reModerator.FindStringSubmatch(t); m != nil {
		role := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(m[1], "s"), "S"))
		if strings.TrimSpace(m[2]) != "" {
			logPanelist(d, ev, m[2], role, n)
		}
		// Panelists follow, one a line.
		for j := n; j < len(d.lines); j++ {
			if !rePersonParen.MatchString(d.lines[j]) {
				break
			}
			logPanelist(d, ev, d.lines[j], role, j+1)
		}
		return
	}
	if m := reChairs.FindStringSubmatch(t); m != nil && host != nil {
		role := strings.ToLower(strings.TrimSuffix(m[1], "s"))
		for _, name := range splitNames(m[2]) {
			p := d.entity(LabelPerson, name, n)
			d.fact(RelMemberOf, p, host, n, map[string]any{"role": role})
			d.fact(RelAttended, p, ev, n, nil)
		}
	}
	for _, m := range reSan.FindAllStringSubmatch(t, -1) {
		p := d.entity(LabelPerson, m[1], n)
		p.alias(m[1] + "-san")
		d.fact(RelAttended, p, ev, n, nil)
		if *doc != nil {
			role := "contributor"
			if strings.Contains(strings.ToLower(t), "review") {
				role = "reviewer"
			}
			sec := ""
			if sm := reSectionsWord.FindStringSubmatch(t); sm != nil {
				sec = sm[1]
			}
			d.fact(RelContributedTo, p, *doc, n, map[string]any{"role": role, "section": sec})
		}
	}
	var actors []string
	if m := reActor.FindStringSubmatch(t); m != nil {
		actors = splitNames(m[1])
	} else if m := reDashActor.FindStringSubmatch(t); m != nil {
		actors = splitNames(m[1])
	}
	section := ""
	if m := reSectionNum.FindStringSubmatch(t); m != nil {
		section = m[1]
	}
	if m := reVolunteer.FindStringSubmatch(t); m != nil && len(strings.Fields(m[1])) <= 4 && volunteersAbove(d, n) {
		for _, name := range strings.Split(m[2], "/") {
			if name = strings.TrimSpace(name); isPersonName(name) {
				p := d.entity(LabelPerson, name, n)
				d.fact(RelAttended, p, ev, n, nil)
				if *doc != nil {
					d.fact(RelContributedTo, p, *doc, n, map[string]any{"role": "volunteer", "section": strings.TrimSpace(m[1])})
				}
			}
		}
		return
	}
	for _, name := range actors {
		if !isPersonName(name) {
			continue
		}
		p := d.entity(LabelPerson, name, n)
		d.fact(RelAttended, p, ev, n, nil)
		if *doc != nil && section != "" {
			role := "author"
			if strings.Contains(strings.ToLower(t), "review") {
				role = "reviewer"
			}
			d.fact(RelContributedTo, p, *doc, n, map[string]any{"role": role, "section": section})
		}
	}
}

// workListAbove tells whether line n is an item of a "Review:" or
// "Write:" list: such a line is above it, with only items between.
func workListAbove(d *draft, n int) bool {
	for j := n - 1; j >= max(1, n-6); j-- {
		l := d.lines[j-1]
		if reWorkList.MatchString(l) {
			return true
		}
		if !reWorkItem.MatchString(l) {
			return false
		}
	}
	return false
}

// volunteersAbove tells whether one of the few lines above line n speaks
// of volunteers, so that "Proxy – Michael H." is read as a volunteer list.
func volunteersAbove(d *draft, n int) bool {
	for j := n - 1; j >= max(1, n-6); j-- {
		if strings.Contains(strings.ToLower(d.lines[j-1]), "volunteer") {
			return true
		}
	}
	return false
}

// splitNames splits "Anil and Andrew", "Aradhna and Vishwas", "A, B".
func splitNames(s string) []string {
	var out []string
	for _, part := range regexp.MustCompile(`\s*(?:,|\band\b)\s*`).Split(s, -1) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isPersonName tells whether a captured name can be a person's: not a role
// noun or a capitalised common word.
func isPersonName(s string) bool {
	first := strings.Fields(s)
	if len(first) == 0 || notNames[first[0]] {
		return false
	}
	w := first[0]
	for _, suf := range []string{"ed", "ing", "ies", "tion", "ment", "ity", "ance", "ence", "ship", "ness"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return len(w) >= 3
}

// logPanelist records "Name (Title, Organization)" on a panel.
func logPanelist(d *draft, ev *dent, text, role string, n int) {
	m := rePersonParen.FindStringSubmatch(text)
	if m == nil {
		return
	}
	p := d.entity(LabelPerson, personName(m[1]), n)
	d.fact(RelPresentedAt, p, ev, n, map[string]any{"role": role})
	// "(Global Board of Directors at OWASP and President at InfosecGirls)"
	// or "(Chairman, CSA Bangalore Chapter)".
	for _, part := range strings.Split(m[2], " and ") {
		if at := strings.SplitN(part, " at ", 2); len(at) == 2 {
			org := d.entity(LabelOrganization, at[1], n)
			d.fact(RelMemberOf, p, org, n, map[string]any{"role": strings.ToLower(strings.TrimSpace(at[0]))})
			continue
		}
		if tm := reTitleOrg.FindStringSubmatch(part); tm != nil {
			org := d.entity(LabelOrganization, tm[2], n)
			d.fact(RelMemberOf, p, org, n, map[string]any{"role": strings.ToLower(strings.TrimSpace(tm[1]))})
		}
	}
}

// reSentence tells a heading that is a sentence ("First papers are out")
// from one that is a title.
var reSentence = regexp.MustCompile(`(?i)\b(?:are|is|was|were|have|has|had)\b`)

var (
	reDocFrame = regexp.MustCompile(`(?i)^(?:update for|updates? on|discussion (?:of|on) (?:the )?|review changes to the)\s*|\s*(?:updates and discussion|document discussion|document|– status update|- status update|status update|updates?)\.?$`)
	docWords   = regexp.MustCompile(`(?i)\b(pattern|paper|practices?|document|guide|guidance|whitepaper|charter|standard|\([A-Z]{2,}\))`)
	reParenAcr = regexp.MustCompile(`^(.*?)\s*\(([A-Z]{2,8})\)\s*$`)
)

// bracketDocument reads a "[...]" heading of meeting notes that names the
// document under discussion, or returns nil.
func bracketDocument(d *draft, s string, n int) *dent {
	if !docWords.MatchString(s) || reSentence.MatchString(s) {
		return nil
	}
	name := s
	for prev := ""; prev != name; {
		prev = name
		name = strings.TrimSpace(reDocFrame.ReplaceAllString(name, ""))
	}
	if name == "" || strings.HasPrefix(strings.ToLower(name), "discussion of current papers") {
		return nil
	}
	for _, w := range strings.Fields(name) {
		w = strings.TrimSuffix(w, "s")
		if isAcronym(w) {
			if e := d.find(LabelDocument, w); e != nil {
				e.lines = append(e.lines, n)
				return e
			}
		}
	}
	if strings.Contains(strings.ToLower(name), "current papers") || strings.Contains(name, "Congratulations") {
		return nil
	}
	acr := ""
	if m := reParenAcr.FindStringSubmatch(name); m != nil {
		name, acr = m[1], m[2]
	}
	if isAcronym(name) {
		if e := d.find(LabelDocument, name); e != nil {
			e.lines = append(e.lines, n)
			return e
		}
	}
	doc := d.entity(LabelDocument, name, n)
	if acr != "" {
		doc.alias(acr)
		doc.set("acronym", acr)
	}
	doc.set("kind", documentKind(name))
	return doc
}

// groupInTitle is the working group a meeting or publication title names:
// "<Organization> X-WG ..." names X; without a hyphen, the words after a
// leading organization.
func groupInTitle(d *draft, match, name string) string {
	name = strings.TrimSpace(name)
	if strings.Contains(match, name+"-WG") || strings.Contains(match, name+"-wg") {
		f := strings.Fields(name)
		return f[len(f)-1]
	}
	if rest, owner := stripOwner(d, name); owner != nil && rest != "" {
		return rest
	}
	return name
}
