package loader

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Japanese rosters as government and association minutes write them: a
// label (出席者, 出席委員), group headings ("(1) 委員", "【説明者】", "(総務省)"),
// and entries by full name ("青木 節子"), by surname and role ("梅津委員",
// "橘川部会長"), with an office before the surname ("消費者庁日下部審議官") or a
// department between ("山根情報通信政策局総務課長"), the absent in parentheses
// ("(欠席:浜委員、渡邉委員)") or marked ("※欠席").

// jaTitles are the roles and titles that end a roster entry, longest
// first.
var jaTitles = sortedLongestFirst([]string{
	"委員長代理", "分科会長代理", "部会長代理", "会長代理", "座長代理", "主査代理", "部会長", "分科会長", "委員長", "副委員長", "副会長",
	"会長", "副座長", "座長", "副主査", "主査", "専門委員", "臨時委員", "特別委員", "委員", "構成員", "オブザーバー",
	"幹事", "顧問", "補佐", "副主幹", "主幹", "主任", "事務局長", "審議官", "参事官", "企画官", "調査官", "審理官", "統括官", "総括室長", "室長", "課長補佐",
	"課長", "局長", "部長", "次長", "所長", "センター長", "政務官", "大臣政務官", "副大臣", "大臣", "事務次官", "次官",
	"官房長", "理事長", "理事", "教授", "准教授", "代表", "社長", "会員", "係長", "専門官", "課長代理", "議員",
	"長官", "官房長官", "議長", "副議長", "本部長", "副本部長", "知事", "市長", "総裁", "副総裁", "会頭", "総理大臣",
	"参事", "副参事", "区長", "副区長", "副市長", "町長", "副町長", "村長", "副知事",
})

// Group headings of a roster that say what the people under them are.
var jaRosterGroups = map[string]bool{
	"委員": true, "説明者": true, "事務局": true, "構成員": true, "オブザーバー": true, "専門委員": true,
	"臨時委員": true, "幹事": true, "有識者": true, "関係者": true, "政府": true, "出席委員": true, "委員等": true,
	"招へい者": true, "招聘者": true, "ヒアリング": true, "事務方": true, "関係省庁": true, "参考人": true,
	"事務局職員": true, "説明員": true, "出席説明員": true,
}

func sortedLongestFirst(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if utf8.RuneCountInString(out[j]) > utf8.RuneCountInString(out[i]) {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

var (
	reJaHeading   = regexp.MustCompile(`^(?:[(（]\s*\d+\s*[)）]|\d+[.)])?\s*[(（【<〈\[［]?\s*([^()（）【】<>〈〉\[\]［］、,:：]{1,14}?)\s*[)）】>〉\]］]?\s*(?:[(（][^()（）]*[)）])?$`)
	reJaQualifier = regexp.MustCompile(`[(（][^()（）]*(?:敬称略|五十音順|順不同)[^()（）]*[)）]|[(（]\s*[\d一二三四五六七八九十〇]+\s*名\s*[)）]`)
	// "(以上、日本電信電話(株))": the organization of the entries before it.
	reJaAbove     = regexp.MustCompile(`[(（]以上[、,，\s]*(.+?)[)）]$`)
	reJaCount     = regexp.MustCompile(`^[(（]以上\s*\d+\s*名[)）]$`)
	reJaAbsentGrp = regexp.MustCompile(`^[(（]\s*欠席\s*[:：]\s*(.+?)\s*[)）]$`)
	reJaProxyFor  = regexp.MustCompile(`^([^()（）]+)[(（]\s*([^()（）]+?)\s*代理(?:出席)?\s*[)）]$`)
	reJaLeadParen = regexp.MustCompile(`^[(（]([^()（）]{1,10})[)）]\s*`)
	reJaSpeakerAt = regexp.MustCompile(`^[○◯●◎]\s*([\p{Han}々]{1,4})(` + altOf(jaTitles) + `)(?:\s|$)`)
)

// jaRosterScope reads the blocks of a Japanese roster: from its label to
// the next label or section.
func (r *reader) jaRosterScope(i int) {
	b := &r.p.Blocks[i]
	t := strings.TrimSpace(reJaQualifier.ReplaceAllString(b.Text, ""))
	if n := strings.TrimSpace(reJaSectionNo.ReplaceAllString(t, "")); b.Label == "" && rosterKind(n) != "" {
		t = n // "第2 出席した委員(敬称略)"
	}
	if k := rosterKind(b.Label); k != "" && hasCJK(b.Label) || b.Label == "" && hasCJK(t) && rosterKind(t) != "" {
		r.jaRosterOn, r.jaHeader, r.jaHeaderOrg, r.jaPending = true, "", nil, nil
		l := b.Label // "出席者: 後藤委員長": the label says who the list is, not its first entry
		if l == "" || strings.HasPrefix(t, "委員") {
			l += t // "出席者: 委員 山田、佐藤": the value's first word names them
		}
		if (strings.Contains(l, "委員") || strings.Contains(l, "委任状")) && !strings.Contains(l, "職員") {
			// "出席した委員": the members, the role the list gives them;
			// "提出委任状": members who sent a proxy in their place.
			r.jaHeader = "委員"
		}
		r.jaRosterMk = markerStyle(b)
		r.jaAbsent = rosterKind(b.Label) == rosterAbsent || b.Label == "" && rosterKind(t) == rosterAbsent
		if reSeparateSheet.MatchString(t) {
			r.jaRosterOn = false // "出席者:[別紙]": the list is elsewhere
			return
		}
		if b.Label != "" && t != "" {
			r.jaRosterLine(i, t)
		}
		return
	}
	if !r.jaRosterOn || !hasCJK(t+b.Label) {
		return
	}
	if h := strings.TrimSpace(b.Label); h != "" && jaRosterGroups[strings.ReplaceAll(h, " ", "")] {
		r.jaPending = nil
		r.jaAbsent = false // "事務局:" after "欠席者:": those present again
		r.jaHeader, r.jaHeaderOrg = strings.ReplaceAll(h, " ", ""), nil
		if t != "" {
			r.jaRosterLine(i, t)
		}
		return
	}
	// "(3) 総務省" read as a heading: a group of the roster all the same.
	if m := reJaHeading.FindStringSubmatch(t); m != nil && b.Kind == BlockHeading && b.Marker != "" && !strings.ContainsAny(t, "、,") &&
		r.jaGroupHeading(strings.ReplaceAll(m[1], " ", ""), t, b.Line) {
		return
	}
	// "(1)委員(敬称略)", "(2)部品省": the roster's parts, numbered.
	if b.Kind == BlockItem && !strings.ContainsAny(t, "、,") && utf8.RuneCountInString(t) <= 20 && r.jaGroupHeading(strings.ReplaceAll(t, " ", ""), t, b.Line) {
		return
	}
	if b.Kind == BlockItem && jaOfficesHeading(t) {
		// "(1) 総務副大臣、大臣政務官及び大臣官房": the offices whose people
		// follow, a part of the roster and not its end.
		r.jaPending = nil
		r.jaHeader, r.jaHeaderOrg = "", nil
		return
	}
	if r.endsRoster(b, t) {
		r.jaRosterOn = false
		return
	}
	r.jaRosterLine(i, t)
}

// reSeparateSheet is a roster's value that says the list is on another
// sheet.
var reSeparateSheet = regexp.MustCompile(`^[\[［(（【]?\s*(?:別紙|別添|別記|別表)[^\]］)）】]{0,6}[\]］)）】]?$`)

// markerStyle is the shape of a numbered item's marker, digits aside: "9."
// for "3.", "(9)" for "(1)"; "" for none.
func markerStyle(b *Block) string {
	if b.Kind != BlockItem || !numbered(b.Marker) {
		return ""
	}
	return reDigits.ReplaceAllString(b.Marker, "9")
}

var reDigits = regexp.MustCompile(`\d+`)

// endsRoster tells whether a block ends a roster: another label, a
// numbered section, a heading, or prose.
func (r *reader) endsRoster(b *Block, t string) bool {
	if reJaSectionNo.MatchString(t) && rosterKind(reJaSectionNo.ReplaceAllString(t, "")) == "" {
		return true // "第4 議題" after "第3 出席した関係職員等"
	}
	t = strings.ReplaceAll(strings.TrimPrefix(t, reLabelNumber.FindString(t)), " ", "") // "4 議 題"
	switch {
	case r.jaRosterMk != "" && markerStyle(b) == r.jaRosterMk:
		return true // "4.会議の模様" after "3.出席者"
	case b.Label != "" && rosterKind(b.Label) == "" && !jaRosterGroups[strings.TrimSpace(b.Label)]:
		return true
	case b.Kind == BlockHeading && b.Level <= 1 && !strings.Contains(t, "、"), b.Kind == BlockTitle:
		return true // a line of entries ("山川審議官、鈴木局長") is no heading
	case knownLabel(t) || strings.HasPrefix(t, "議") && !jaTitleEnd(t) || strings.HasPrefix(t, "配付資料") || strings.HasPrefix(t, "配布資料") || strings.Contains(t, "付した事件"):
		return true
	case strings.Count(t, "。") >= 2 || reJaSpeakerAt.MatchString(t):
		return true
	}
	return b.Kind == BlockItem && numbered(b.Marker) && !reJaHeading.MatchString(t)
}

// jaRosterLine reads one line of a roster: a group heading or entries.
func (r *reader) jaRosterLine(i int, t string) {
	b := &r.p.Blocks[i]
	if reJaCount.MatchString(t) {
		return
	}
	if r.consumed[i] || reJaRosterEntry.MatchString(t) {
		return // full names with roles and affiliations: jaRoster reads them
	}
	if b.Column && r.jaColumnCell(i, t) {
		return
	}
	if m := reJaHeading.FindStringSubmatch(t); m != nil && !strings.ContainsAny(t, "、,") {
		r.jaPending = nil // "(SG3関連会合出席者)": a new group
		if r.jaGroupHeading(strings.ReplaceAll(m[1], " ", ""), t, b.Line) {
			return
		}
	}
	r.consumed[i] = true
	absent := r.jaAbsent
	if m := reJaLeadParen.FindStringSubmatch(t); m != nil && strings.Contains(m[1], "欠席") {
		absent, t = true, t[len(m[0]):] // "(欠席)加藤 進、原健一郎": the whole line
	}
	off := 0
	var parts []string
	for _, part := range splitTop(t, "、,，-") {
		parts = append(parts, splitTitled(part)...)
	}
	for _, part := range parts {
		at := strings.Index(b.Text[min(off, len(b.Text)):], strings.TrimSpace(part))
		line := b.Line
		if at >= 0 {
			line = b.LineAt(off + at)
			off += at + len(strings.TrimSpace(part))
		}
		r.jaEntryText(part, line, absent)
	}
}

// reTitledRun is a run of surnames with their titles, with or without
// spaces between: "柘植会長 阿部議員 黒田議員伊澤委員".
var (
	reTitledOne = regexp.MustCompile(`[\p{Han}々]{1,4}?(?:` + altOf(jaTitles) + `)`)
	reTitledRun = regexp.MustCompile(`^(?:[\p{Han}々]{1,4}?(?:` + altOf(jaTitles) + `)\s*){2,}$`)
)

// splitTitled splits a run of titled surnames into entries; any other
// entry stays whole.
func splitTitled(part string) []string {
	if !reTitledRun.MatchString(strings.TrimSpace(part)) {
		return []string{part}
	}
	return reTitledOne.FindAllString(part, -1)
}

// jaGroupHeading reads a roster's group heading h, as written; it returns
// false for a line that is not one. A kind of member is a heading only in
// brackets: "(外部専門家)", where "梅津委員" alone is an entry.
func (r *reader) jaGroupHeading(h, written string, line int) bool {
	switch {
	case jaRosterGroups[h] || jaMemberHeading(h) && utf8.RuneCountInString(h) <= 8 && strings.IndexAny(strings.TrimSpace(written), "(（【[［<〈") == 0:
		r.jaPending = nil
		r.jaHeader, r.jaHeaderOrg = h, nil
		if jaStaffHeading(h) {
			r.jaAbsent = false // "事務局職員" after "欠席委員": those present again
		}
	case jaHeadLabel(h) == LabelOrganization || strings.HasSuffix(h, "省") || strings.HasSuffix(h, "庁") || strings.HasSuffix(h, "府") || jaOffice(h) ||
		reUnitEnd.MatchString(h) && !jaTitleEnd(h):
		r.jaPending = nil
		r.jaHeader, r.jaHeaderOrg = "", r.d.entity(LabelOrganization, h, line, ruleOrgSlot)
	case isPlaceWord(h):
		// "(会議室)", "(テレビ会議)": where the people under it sat.
	default:
		return false
	}
	return true
}

// jaStaffHeading tells a roster heading over the staff and officials who
// came to explain or to serve the meeting, never its absent members.
func jaStaffHeading(h string) bool {
	return strings.HasPrefix(h, "事務局") || strings.HasSuffix(h, "説明員") || h == "説明者" || h == "事務方"
}

// reJaAnd joins the last two of a list of offices: "大臣政務官及び大臣官房".
var reJaAnd = regexp.MustCompile(`、|及び|並びに`)

// jaOfficesHeading tells a line that only lists offices and posts, no
// one by name: "総務副大臣、大臣政務官及び大臣官房".
func jaOfficesHeading(t string) bool {
	parts := reJaAnd.Split(strings.ReplaceAll(t, " ", ""), -1)
	if len(parts) < 2 || utf8.RuneCountInString(t) > 40 {
		return false
	}
	for _, p := range parts {
		if !jaOffice(p) && !jaTitleEnd(p) && !strings.HasSuffix(p, "官房") {
			return false
		}
	}
	return true
}

// jaOffice tells an office or body a roster lists where it lists people:
// a name ending in a kind of body or in 室 or 局, which no room is.
func jaOffice(e string) bool {
	n := utf8.RuneCountInString(e)
	if n < 3 || n > 20 || strings.ContainsAny(e, " ()（）:：") || isPlaceWord(e) || jaGenericGroup(e) {
		return false
	}
	return jaHeadLabel(e) == LabelOrganization || strings.HasSuffix(e, "室") || strings.HasSuffix(e, "局")
}

func isPlaceWord(h string) bool {
	for _, w := range []string{"会議室", "テレビ会議", "オンライン", "Web", "ウェブ", "会場", "リモート"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// reUnitEnd ends the name of a department or office.
var reUnitEnd = regexp.MustCompile(`^[\p{Han}\p{Katakana}ーA-Z]{1,12}(?:課|室|局|部|係|センター)$`)

// jaTitleEnd tells a word that ends in a title: "企画課長", "主査".
func jaTitleEnd(w string) bool {
	for _, t := range jaTitles {
		if strings.HasSuffix(w, t) {
			return true
		}
	}
	return false
}

// jaEntry is a roster entry waiting for the "(以上、Org)" that may follow.
type jaEntry struct {
	p    *dent
	role string
}

// jaEntryText reads one roster entry; an entry that ends "(以上、Org)"
// gives Org to itself and the entries before it.
func (r *reader) jaEntryText(e string, line int, absent bool) {
	e = strings.TrimSpace(strings.Trim(e, "、,"))
	// "川口参事官他", "川口参事官ほか": and others, unnamed.
	if rest, ok := strings.CutSuffix(e, "他"); ok && utf8.RuneCountInString(rest) >= 3 {
		e = rest
	} else if rest, ok := strings.CutSuffix(e, "ほか"); ok && utf8.RuneCountInString(rest) >= 3 {
		e = rest
	}
	// "鈴木一郎(佐藤花子代理出席)": the one who came, and in parentheses
	// the member they stood in for.
	if m := reJaProxyFor.FindStringSubmatch(e); m != nil && isJaPersonName(strings.TrimSpace(m[1])) {
		r.jaEntryText(m[2], line, true)
		p := r.d.entity(LabelPerson, strings.TrimSpace(m[1]), line, rulePersonSlot)
		if ev := r.currentEvent(); ev != nil && !absent {
			r.d.fact(RelAttended, p, ev, line, relRoster, map[string]any{"role": "代理出席"})
		}
		return
	}
	// "佐藤花子(観光協会長)代理出席 鈴木一郎": the member sent someone in
	// their place; the one who came attended, by proxy.
	if member, proxy, ok := strings.Cut(e, "代理出席"); ok && strings.TrimSpace(member) != "" && strings.TrimSpace(proxy) != "" {
		r.jaEntryText(member, line, true)
		if name := strings.TrimSpace(strings.Trim(proxy, " :：")); isJaPersonName(name) {
			p := r.d.entity(LabelPerson, name, line, rulePersonSlot)
			if ev := r.currentEvent(); ev != nil && !absent {
				r.d.fact(RelAttended, p, ev, line, relRoster, map[string]any{"role": "代理出席"})
			}
		}
		return
	}
	// "JPNIC 前村昌紀", "総務省 五十嵐大和、内藤めい": a line of a roster
	// that starts with the body its people come from.
	if a, b, ok := twoSpacedNames(e); ok {
		r.jaEntryText(a, line, absent)
		r.jaEntryText(b, line, absent)
		return
	}
	if r.jaSpacedEntry(e, line, absent) || r.jaBodyEntry(e, line, absent) {
		return
	}
	// "企画課 渡辺主査": the department, then the entry.
	if unit, rest, ok := strings.Cut(e, " "); ok && reUnitEnd.MatchString(unit) && strings.TrimSpace(rest) != "" && !strings.Contains(strings.TrimSpace(rest), " ") {
		r.jaEntryText(rest, line, absent)
		return
	}
	// "企画課長 伊藤": an office's title, then the surname.
	if title, sur, ok := strings.Cut(e, " "); ok && !strings.Contains(sur, " ") && jaTitleEnd(title) && isJaPersonName(sur) && utf8.RuneCountInString(sur) <= 4 {
		p := r.d.entity(LabelPerson, sur, line, rulePersonSlot)
		if ev := r.currentEvent(); ev != nil && !absent {
			r.d.fact(RelAttended, p, ev, line, relRoster, map[string]any{"role": title})
		}
		return
	}
	if m := reJaAbove.FindStringSubmatchIndex(e); m != nil {
		org := strings.TrimSpace(e[m[2]:m[3]])
		if rest := strings.TrimSpace(e[:m[0]]); rest != "" {
			r.jaEntryText(rest, line, absent)
		}
		o := r.d.entity(LabelOrganization, org, line, ruleOrgSlot)
		for _, en := range r.jaPending {
			r.d.fact(RelMemberOf, en.p, o, line, relAffiliation, map[string]any{"role": en.role})
		}
		r.jaPending = nil
		return
	}
	if reAbsentMark.MatchString(e) {
		absent = true
		e = strings.TrimSpace(reAbsentMark.ReplaceAllString(e, ""))
	}
	if m := reJaAbsentGrp.FindStringSubmatch(e); m != nil {
		for _, part := range splitTop(m[1], "、,") {
			r.jaEntryText(part, line, true)
		}
		return
	}
	for {
		m := reJaLeadParen.FindStringSubmatch(e)
		if m == nil {
			break
		}
		if strings.Contains(m[1], "欠席") {
			absent = true
		}
		e = strings.TrimSpace(e[len(m[0]):])
	}
	// "内閣内政審議室、IT担当室、総務庁": the offices a roster lists.
	if jaOffice(e) {
		r.d.entity(LabelOrganization, e, line, ruleOrgSlot)
		return
	}
	// "林一司氏(ニフティ株式会社部長)": the honorific is no part of the name.
	if m := reJaNameHonorific.FindStringSubmatch(e); m != nil && jaFullName(m[1]) {
		e = m[1] + m[2]
	}
	name, role, org, aff := r.splitJaEntry(e)
	if name == "" {
		return
	}
	r.jaPerson(e, name, role, org, aff, line, absent)
}

// reJaNameHonorific is a name with an honorific after it, maybe an
// affiliation in parentheses after that.
var reJaNameHonorific = regexp.MustCompile(`^([\p{Han}\p{Hiragana}\p{Katakana}々ー]{2,8})(?:氏|様|さん)\s*([(（].*)?$`)

// jaPerson writes one roster entry, as written (e) and as split: the
// person, their memberships and their attendance.
func (r *reader) jaPerson(e, name, role, org, aff string, line int, absent bool) {
	p := r.d.entity(LabelPerson, name, line, rulePersonSlot)
	if aff == "" && org == "" {
		r.jaPending = append(r.jaPending, jaEntry{p, role})
	} else {
		r.jaPending = nil
	}
	if written := strings.ReplaceAll(e, " ", ""); role != "" && !strings.Contains(written, "(") && strings.HasPrefix(e, org) && !jaFullName(name) {
		p.alias(strings.TrimSpace(strings.TrimPrefix(e, org))) // "梅津委員", as the roster writes him
	}
	if k := strings.IndexAny(name, "(（"); k > 0 {
		p.alias(name[:k]) // "岡田(恒)" is an 岡田
	}
	if aff != "" {
		r.affiliations(p, aff, line)
	}
	switch {
	case org != "":
		label := LabelOrganization
		if jaHeadLabel(org) != LabelOrganization && !strings.HasSuffix(org, "省") && !strings.HasSuffix(org, "庁") {
			label = LabelWorkingGroup // a department: "新未来創造戦略本部"
		}
		o := r.d.entity(label, org, line, ruleOrgSlot)
		if r.jaHeaderOrg != nil && o != r.jaHeaderOrg {
			r.d.fact(RelPartOf, o, r.jaHeaderOrg, line, relOwnerOf, nil)
		}
		r.d.fact(RelMemberOf, p, o, line, relAffiliation, map[string]any{"role": role})
	case r.jaHeaderOrg != nil:
		if role == "" && jaTitleEnd(aff) {
			role = aff // "竹田 義行(電波部長)" under "(3) 総合通信基盤局"
		}
		r.d.fact(RelMemberOf, p, r.jaHeaderOrg, line, relAffiliation, map[string]any{"role": role})
	case r.jaHeader == "" || r.jaHeader == "出席委員" || jaMemberHeading(r.jaHeader):
		if role == "" {
			role = r.jaHeader
		}
		if jaGroupSeat(role) {
			if g := r.subjectGroup(); g != nil {
				r.d.fact(RelMemberOf, p, g, line, relRosterRole, map[string]any{"role": role})
			}
		} else if g := r.subjectGroup(); role == "議員" && g != nil && g.owner != nil {
			// A 議員 sits on the council that owns the group: "総合科学技術会議
			// 評価専門調査会" lists the council's 議員 beside its own 委員.
			r.d.fact(RelMemberOf, p, g.owner, line, relRosterRole, map[string]any{"role": role})
		}
	}
	if !absent {
		r.jaAttended(p, line)
	}
}

// splitJaEntry splits an entry into the person's name, their role, the
// organization written before the name and an affiliation in parentheses.
func (r *reader) splitJaEntry(e string) (name, role, org, aff string) {
	// "楠正憲(デジタル": a line cut inside its parenthesis still names
	// the person before it.
	if k := strings.IndexAny(e, "(（"); k > 0 && !strings.ContainsAny(e[k:], ")）") {
		e = strings.TrimSpace(e[:k])
	}
	if k := strings.IndexAny(e, "(（"); k > 0 && (strings.HasSuffix(e, ")") || strings.HasSuffix(e, "）")) {
		_, w := utf8.DecodeLastRuneInString(e)
		inner := strings.TrimSpace(e[k+len(string(e[k])) : len(e)-w])
		if e[k] != '(' {
			inner = strings.TrimSpace(e[k+len("（") : len(e)-w])
		}
		// "岡田(恒)委員" keeps its mark; "山田 太郎(東京大学教授)" has an
		// affiliation; "佐藤 明雄(主査)" a role.
		switch {
		case slices.Contains(jaTitles, inner):
			e, role = strings.TrimSpace(e[:k]), inner
		case utf8.RuneCountInString(inner) > 2:
			e, aff = strings.TrimSpace(e[:k]), inner
		}
	}
	// A body and a title before a full name: "原子力委員会委員長近藤駿介".
	if m := reRoleThenName.FindStringSubmatch(e); m != nil && readName(m[3]).fullName && aff == "" {
		return m[3], m[2], m[1], ""
	}
	// A full name, then another body or an office, then a title:
	// "堀部政男個人情報保護検討部会座長", "松田学内閣審議官".
	if full := leadingFullName(e); full != "" && aff == "" && org == "" {
		rest := strings.TrimPrefix(e, full)
		for _, t := range jaTitles {
			if body, ok := strings.CutSuffix(rest, t); ok && body != "" {
				if label := jaHeadLabel(body); label != "" {
					return full, t, body, ""
				}
				return full, rest, "", ""
			}
		}
	}
	// An office first: "消費者庁日下部審議官".
	for _, m := range jaNames(e) {
		if m.label == LabelOrganization && m.start == 0 && m.end < len(e) {
			org, e = m.name, strings.TrimSpace(e[m.end:])
			break
		}
	}
	for _, t := range jaTitles {
		if role == "" && strings.HasSuffix(e, t) && len(e) > len(t) {
			role, e = t, strings.TrimSpace(strings.TrimSuffix(e, t))
			break
		}
	}
	// "小黒官": a surname and the bare title of an official, in a roster
	// only (in prose too many words end in 官).
	if sur, ok := strings.CutSuffix(e, "官"); ok && role == "" && readName(sur).surname {
		role, e = "官", sur
	}
	// "清水総務審議官": the office's words between the surname and the
	// title belong to the title.
	if role != "" && !strings.Contains(e, " ") && utf8.RuneCountInString(e) >= 3 {
		if sur, office := surnameThenOffice(e); sur != "" {
			return sur, office + role, org, aff
		}
	}
	switch {
	case isJaPersonName(e) && (strings.Contains(e, " ") || role != "" && utf8.RuneCountInString(e) <= 4 || readName(e).fullName || utf8.RuneCountInString(e) <= 5 && role == ""):
		return e, role, org, aff
	case strings.Contains(e, "(") && role != "":
		return e, role, org, aff // "岡田(恒)"
	case role != "" && looseFullName(e):
		return e, role, org, aff // "多賀谷一照委員"
	case role != "" && utf8.RuneCountInString(e) == 1 && reAllHan.MatchString(e) && !strings.Contains(notSurnames, e):
		return e, role, org, aff // "浜委員": a surname of one character
	case role != "":
		// "山根情報通信政策局総務課長": the surname, then the department,
		// when the dictionary reads a surname first (else "総務" would be
		// read as the surname after the bureau).
		if s := leadingSurname(e); s != "" {
			return s, strings.TrimPrefix(e, s) + role, org, aff
		}
		// "新未来創造戦略本部石川": the department, then the surname.
		if dept, sur := splitUnit(e); sur != "" {
			return sur, role, dept, aff
		}
	}
	return "", "", "", ""
}

// notSurnames are characters that, before a title, say which ("各委員",
// "同委員", "前会長"), not who.
const notSurnames = "各同本全副元前新旧当他両"

// reRoleThenName is a body, a title and a full name.
var reRoleThenName = regexp.MustCompile(`^(.{2,}?)(` + altOf(jaTitles) + `)([\p{Han}々]{3,5})$`)

// reUnitThenName is a department or office followed by a surname:
// "新未来創造戦略本部石川".
var reUnitThenName = regexp.MustCompile(`^(.{2,}?(?:本部|局|部|課|室|センター|研究所|事務所|省|庁))([\p{Han}々]{1,4})$`)

func splitUnit(s string) (unit, surname string) {
	m := reUnitThenName.FindStringSubmatch(s)
	if m == nil {
		return "", ""
	}
	return m[1], m[2]
}

// leadingSurname is the surname the dictionary reads at the start of s.
func leadingSurname(s string) string {
	tk, err := japaneseTokenizer()
	if err != nil {
		return ""
	}
	toks := tk.Tokenize(s)
	if len(toks) < 2 {
		return ""
	}
	if nameTag(toks[0].Features(), "姓") {
		return toks[0].Surface
	}
	return ""
}

// jaSpeakers reads people that Japanese minutes name by surname and role
// as they speak: "○後藤委員長 本日は", "橘川部会長" on its own line, "【山田主査】",
// "山田委員から説明があった"; "生駒委員、星野委員は、御欠席です" names the absent.
var reJaSpeaker = regexp.MustCompile(`(?:^|[【\s、。(（○◯]|\p{Hiragana})([\p{Han}々]{1,3})(` + altOf(jaTitles) + `)(?:】|[)）]|から|より|が|は|、|:|:|\s|$)`)

// jaSpeakerMatches finds every speaker of s, a match starting where the
// one before ended its role, so that "A委員、B委員" gives both.
func jaSpeakerMatches(s string) [][]int {
	var out [][]int
	for at := 0; at < len(s); {
		m := reJaSpeaker.FindStringSubmatchIndex(s[at:])
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += at
			}
		}
		out = append(out, m)
		at = m[5]
	}
	return out
}

// reJaResigned says a member has left the group: "…委員が辞任されました".
var reJaResigned = regexp.MustCompile(`(?:辞任|退任)`)

// reJaBracket is a speaker's label in brackets at the start of a line.
var reJaBracket = regexp.MustCompile(`^【([^】]{2,24})】`)

// bracketSpeaker reads a speaker's label: "【松山委員】" gives 松山 and
// 委員; "【嶋田情報処理振興課長】" 嶋田 and 情報処理振興課長, by the
// surname the dictionary reads first. "【事務局】" gives nothing.
func bracketSpeaker(t string) (surname, role string) {
	m := reJaBracket.FindStringSubmatch(t)
	if m == nil {
		return "", ""
	}
	for _, title := range jaTitles {
		rest, ok := strings.CutSuffix(m[1], title)
		if !ok || rest == "" {
			continue
		}
		if n := utf8.RuneCountInString(rest); n <= 3 && reAllHan.MatchString(rest) {
			return rest, title
		}
		if s := leadingSurname(rest); s != "" {
			return s, strings.TrimPrefix(rest, s) + title
		}
		return "", ""
	}
	return "", ""
}

var reAllHan = regexp.MustCompile(`^[\p{Han}々]+$`)

func (r *reader) jaSpeakers(i int) {
	b := &r.p.Blocks[i]
	if !hasCJK(b.Text) || r.consumed[i] || r.jaRosterOn {
		return
	}
	if surname, role := bracketSpeaker(b.Text); surname != "" {
		r.speaker(surname, role, b.LineAt(len("【")), false)
	}
	for _, s := range sentences(b.Text) {
		absent := strings.Contains(s.text, "欠席")
		resigned := reJaResigned.MatchString(s.text)
		for _, m := range jaSpeakerMatches(s.text) {
			surname, role := s.text[m[2]:m[3]], s.text[m[4]:m[5]]
			if s.start == 0 && m[2] <= len("【") && strings.HasPrefix(b.Text, "【") {
				continue // read above
			}
			// "(道川補佐) 本日は…", "○山田委員 …": a speaker's label opening
			// a paragraph needs no dictionary to say it is a name.
			label := s.start == 0 && m[2] <= len("（") && m[2] > 0
			if r.d.findAny(surname+role, LabelPerson) == nil && !readName(surname).surname && !label {
				continue
			}
			// The speaker of "(道川補佐) 本日は…が欠席です" is there.
			p := r.speaker(surname, role, b.LineAt(s.start+m[2]), (absent || resigned) && !label)
			if resigned && !label && jaGroupRole(role) {
				r.resigned(p, role, b.LineAt(s.start+m[2]))
			}
		}
	}
}

// jaGroupRole tells a role in the page's group ("委員", "分科会長",
// "委員長代理") from an office's ("課長", "局長").
func jaGroupRole(role string) bool {
	if _, group, ok := roleOf(role); ok && group {
		return true
	}
	if !strings.HasSuffix(role, "長") && !strings.HasSuffix(role, "長代理") {
		return false
	}
	for _, office := range []string{"課長", "局長", "室長", "部長", "官房長", "次長", "所長", "社長", "理事長", "学長", "市長", "町長", "村長", "院長", "センター長"} {
		if strings.HasSuffix(role, office) {
			return false
		}
	}
	return true
}

// speaker is a person named by surname and role as they speak or are
// spoken of: a member of the page's group for a group's role, at the
// meeting unless absent.
func (r *reader) speaker(surname, role string, line int, absent bool) *dent {
	p := r.d.findAny(surname+role, LabelPerson)
	if p == nil {
		p = r.surnamePerson(surname, line)
	} else {
		p.saw(line, rulePersonRef)
	}
	p.alias(surname + role)
	if jaGroupRole(role) {
		if g := r.subjectGroup(); g != nil {
			r.d.fact(RelMemberOf, p, g, line, relRosterRole, map[string]any{"role": role})
		}
	}
	if ev := r.currentEvent(); ev != nil && !absent {
		props := map[string]any{"role": role}
		if r.attended(p, ev) {
			props = nil // one more line for the roster's fact
		}
		r.d.fact(RelAttended, p, ev, line, rulePersonRef, props)
	}
	return p
}

// attended tells whether the draft already has p at ev.
func (r *reader) attended(p, ev *dent) bool {
	for _, f := range r.d.facts {
		if f.typ == RelAttended && f.from == p && f.to == ev {
			return true
		}
	}
	return false
}

// resigned marks a member who has left the page's group, and keeps them
// from the meeting where that is announced.
func (r *reader) resigned(p *dent, role string, line int) {
	r.absent[p] = true
	g := r.subjectGroup()
	if g == nil {
		return
	}
	for _, f := range r.d.facts {
		if f.typ == RelMemberOf && f.from == p && f.to == g {
			f.props["status"] = "resigned"
			return
		}
	}
	r.d.fact(RelMemberOf, p, g, line, relRosterRole, map[string]any{"role": role, "status": "resigned"})
}

// surnamePerson returns the person of the text the surname names: one
// named by it already, or the one whose full name starts with it; else a
// person named by the surname.
func (r *reader) surnamePerson(surname string, line int) *dent {
	if e := r.d.find(LabelPerson, surname); e != nil {
		e.saw(line, rulePersonRef)
		return e
	}
	var found *dent
	for _, e := range r.d.ents {
		if e.label == LabelPerson && hasCJK(e.name) && strings.HasPrefix(strings.ReplaceAll(e.name, " ", ""), surname) {
			if found != nil {
				found = nil
				break
			}
			found = e
		}
	}
	if found != nil {
		found.saw(line, rulePersonRef)
		return found
	}
	return r.d.entity(LabelPerson, surname, line, rulePersonRef)
}

// reJaHonorific is the courtesy a Japanese list writes after a name.
var reJaHonorific = regexp.MustCompile(`\s*(?:氏|様|さん|先生|殿)$`)

// jaFieldEntry reads one Japanese list entry of a role field: a name alone, or
// the affiliation and title before the name ("部品株式会社 主任 山田 太郎
// 氏"). It returns "" when no name ends the entry.
func jaFieldEntry(s string) (name, aff string) {
	s = strings.TrimSpace(reJaHonorific.ReplaceAllString(strings.TrimSpace(s), ""))
	if isJaPersonName(s) {
		return s, ""
	}
	f := strings.Fields(s)
	n := len(f)
	if n >= 3 && utf8.RuneCountInString(f[n-2]) <= 4 && utf8.RuneCountInString(f[n-1]) <= 4 && !endsInJaTitle(f[n-2]) {
		if name := f[n-2] + " " + f[n-1]; isJaPersonName(name) {
			return name, strings.Join(f[:n-2], " ")
		}
	}
	if n >= 2 && utf8.RuneCountInString(f[n-1]) >= 3 && isJaPersonName(f[n-1]) {
		return f[n-1], strings.Join(f[:n-1], " ")
	}
	return "", ""
}

// endsInJaTitle tells "教授", "主任研究員" and "部長" from a family name.
func endsInJaTitle(s string) bool {
	ends := func(w string) bool { return strings.HasSuffix(s, w) }
	return slices.ContainsFunc(jaTitles, ends) || slices.ContainsFunc(jaRoleWords, ends)
}

// reJaProseName is a person named in a Japanese sentence with a courtesy
// after the name ("森田 亜紀 氏"); reJaTitledName with a title
// ("木村正樹理事"), tried only in a sentence that says what they did, as
// its many titles make it slow.
var (
	jaNameRun      = `([\p{Han}々]{1,4}\s?[\p{Han}\p{Hiragana}\p{Katakana}々ー]{1,4})\s?`
	reJaProseName  = regexp.MustCompile(jaNameRun + `(氏|様|先生)`)
	reJaTitledName = regexp.MustCompile(jaNameRun + `(氏|様|先生|` + altOf(sortedLongestFirst(append(append([]string(nil), jaTitles...), jaRoleWords...))) + `)`)
)

// reJaListened is a sentence that says its topic heard a talk from others.
var reJaListened = regexp.MustCompile(`から[^。]*(?:説明|報告|講演)を(?:聴|聞|受け)`)

// jaActVerbs are what a person did at the meeting, by the verb after them.
type jaAct struct{ verb, role string }

var jaActVerbs = []jaAct{
	{"基調講演", "keynote speaker"}, {"講演", "speaker"}, {"発表", "presenter"}, {"報告", "presenter"},
	{"説明", "presenter"}, {"挨拶", "speaker"}, {"あいさつ", "speaker"}, {"司会", "moderator"}, {"モデレーター", "moderator"},
}

// jaProsePeople reads people a Japanese sentence names with a courtesy or
// title: the organization written before them with の is theirs, and a
// talk, report or greeting after them is their part in the meeting.
func (r *reader) jaProsePeople(i int) {
	b := &r.p.Blocks[i]
	if !hasCJK(b.Text) || r.consumed[i] || r.jaRosterOn || b.Label != "" {
		return
	}
	for _, s := range sentences(b.Text) {
		re := reJaProseName
		if slices.ContainsFunc(jaActVerbs, func(v jaAct) bool { return strings.Contains(s.text, v.verb) }) {
			re = reJaTitledName
		}
		if re == reJaProseName && !strings.ContainsAny(s.text, "氏様生") {
			continue
		}
		var lastOrg *dent
		lastEnd := -1
		for _, m := range re.FindAllStringSubmatchIndex(s.text, -1) {
			start := m[2]
			name := s.text[m[2]:m[3]]
			if k := strings.LastIndex(name, "の"); k >= 0 {
				start += k + len("の")
				name = name[k+len("の"):]
			}
			name = strings.TrimSpace(name)
			if !isJaPersonName(name) || !readName(name).surname {
				continue
			}
			line := b.LineAt(s.start + start)
			p := r.d.entity(LabelPerson, name, line, rulePersonProse)
			title := s.text[m[4]:m[5]]
			o := r.orgEndingAt(i, s.start+start)
			if o == nil && lastOrg != nil && lastEnd >= 0 && (s.text[lastEnd:start] == "と" || s.text[lastEnd:start] == "、") {
				o = lastOrg // "準備室の奥田参事官と谷澤企画官": both of the office
			}
			lastOrg, lastEnd = o, m[5]
			if o != nil {
				props := map[string]any{}
				if title != "氏" && title != "様" && title != "先生" {
					props["role"] = title
				}
				r.d.fact(RelMemberOf, p, o, line, relAffiliation, props)
			}
			// "…委員が辞任されましたのでご報告": the speaker reports it.
			// "…(和田主査)は…から説明を聴いた": the one who listened.
			listener := strings.HasPrefix(strings.TrimLeft(s.text[m[5]:], ")）"), "は") && reJaListened.MatchString(s.text)
			if ev := r.currentEvent(); ev != nil && !listener && !reJaResigned.MatchString(s.text) && !strings.Contains(s.text, "欠席") {
				rest := s.text[m[5]:]
				for _, v := range jaActVerbs {
					if strings.Contains(rest, v.verb) {
						r.d.fact(RelPresentedAt, p, ev, line, relPresenter, map[string]any{"role": v.role})
						break
					}
				}
			}
		}
	}
}

// orgEndingAt is the organization block i names right before offset at,
// joined to it by の (or a parenthesis closing its acronym).
func (r *reader) orgEndingAt(i, at int) *dent {
	t := r.p.Blocks[i].Text
	for k, m := range r.ms[i] {
		if m.label != LabelOrganization || m.end > at {
			continue
		}
		gap := reLeadAcr.ReplaceAllString(t[m.end:at], "")
		if gap == "の" || strings.TrimSpace(gap) == "の" {
			return r.ents[i][k]
		}
	}
	return nil
}

// jaBodyEntry reads a roster entry written "Body Name" (or, after one on
// its line, "Name" alone), a person of that body; it tells whether e was
// one.
func (r *reader) jaBodyEntry(e string, line int, absent bool) bool {
	body, name, ok := strings.Cut(strings.TrimSpace(e), " ")
	name = strings.TrimSpace(name)
	var org *dent
	switch {
	case ok && jaRosterBody(body) && jaFullName(name):
		bare := cmp.Or(bareOrg(body), body) // "(株)Xinova" is Xinova
		org = r.d.findAny(bare, LabelOrganization, LabelWorkingGroup)
		if org == nil {
			org = r.d.entity(LabelOrganization, bare, line, ruleOrgSlot)
		}
		r.jaLineOrg, r.jaLineAt = org, line
	case r.jaLineOrg != nil && r.jaLineAt == line && jaFullName(e):
		org, name = r.jaLineOrg, strings.TrimSpace(e)
	default:
		return false
	}
	p := r.d.entity(LabelPerson, name, line, rulePersonSlot)
	r.d.fact(RelMemberOf, p, org, line, relAffiliation, nil)
	if !absent {
		r.jaAttended(p, line)
	}
	return true
}

// jaRosterBody tells the body a roster line starts with: a company or
// office by its suffix or legal form, or a name in Latin letters
// ("JPNIC", "(株)Bizmobile", "メルカリ").
func jaRosterBody(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 30 || jaTitleEnd(s) || isJaPersonName(s) && !jaOffice(s) && jaHeadLabel(s) == "" {
		return isKatakanaWord(s) // "メルカリ": a company's name, no person's
	}
	return jaHeadLabel(s) == LabelOrganization || jaOffice(s) || strings.HasPrefix(s, "(株)") || strings.HasPrefix(s, "(一社)") || !hasCJK(s) && isCapWord(s)
}

// jaFullName tells a Japanese person's full name, spaced or not.
func jaFullName(s string) bool {
	n := utf8.RuneCountInString(strings.ReplaceAll(s, " ", ""))
	return n >= 3 && n <= 7 && isJaPersonName(s) && !jaTitleEnd(s)
}

func isKatakanaWord(s string) bool {
	for _, c := range s {
		if !unicode.In(c, unicode.Katakana) && c != 'ー' {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 2
}

// jaAttended records that roster entry p attended the meeting, in the
// part of the roster its heading names ("説明者"), if any.
func (r *reader) jaAttended(p *dent, line int) {
	ev := r.currentEvent()
	if ev == nil {
		return
	}
	props := map[string]any{}
	if r.jaHeader != "" && r.jaHeader != "委員" {
		props["role"] = r.jaHeader
	}
	r.d.fact(RelAttended, p, ev, line, relRoster, props)
}
