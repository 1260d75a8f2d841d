package loader

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Japanese names of organizations and groups: a legal form before the name
// (株式会社, 一般社団法人, ...) or a kind of body after it (大学, 省, 庁, 協会,
// ワーキンググループ, 委員会, ...). A name runs over kanji, katakana and Latin
// letters; hiragana are the particles between names, so a name stops there.

const (
	jaNameChars  = `[\p{Han}\p{Katakana}ー・々&A-Za-z0-9]`
	jaGroupChars = `(?:[\p{Han}\p{Katakana}ー・々&A-Za-z0-9/]|-[A-Za-z0-9]|` + jaLinks + `)` // "JTC 1/WG 13 小委員会", "ITU-R部会"
	// jaLinks are the particles names of committees have inside them:
	// "防災分野の研究開発に関する委員会".
	jaLinks = `の|に関する|における|に向けた|のための|による|に係る|に関わる`
)

var (
	jaOrgPrefixes = []string{
		"国立研究開発法人", "独立行政法人", "一般社団法人", "公益社団法人", "一般財団法人", "公益財団法人",
		"特定非営利活動法人", "国立大学法人", "学校法人", "社会福祉法人", "医療法人", "監査法人", "弁護士法人",
		"NPO法人", "株式会社", "有限会社", "合同会社", "NPO",
		// The short forms of the legal forms: "(株)構造計画研究所".
		"(株)", "(有)", "(一社)", "(公社)", "(一財)", "(公財)", "(独)", "(国研)", "(特非)",
	}
	jaOrgSuffixes = []string{
		"株式会社", "大学院大学", "大学", "省", "庁", "協会", "協議会", "連合会", "連盟", "推進会議", "会議", "機構",
		"研究所", "事務所", "準備室", "推進室", "対策室", "担当室", "銀行", "本社", "財団", "公社", "学会", "評議会", "区議会", "市議会", "町議会", "村議会", "都議会", "道議会", "府議会", "県議会", "支部", "センター", "組合", "法人", "本部", "ジャパン",
		"(株)", "(有)",
	}
	jaGroupSuffixes = []string{
		"サブワーキンググループ", "ワーキンググループ", "ワーキング・グループ", "サブグループ", "タスクフォース", "分科会", "小委員会",
		"専門委員会", "委員会", "作業部会", "部会", "研究会", "検討会", "懇談会", "専門調査会", "調査会", "審議会", "検討チーム", "SWG", "WG",
	}
)

var (
	reJaOrgPrefix = regexp.MustCompile(`(` + altOf(jaOrgPrefixes) + `)\s?(` + jaNameChars + `+(?: [A-Za-z][A-Za-z0-9&]*)*)`)
	reJaOrgSuffix = regexp.MustCompile(`(` + jaNameChars + `+(?: ` + jaNameChars + `+)?)(` + altOf(jaOrgSuffixes) + `)`)
	reJaGroup     = regexp.MustCompile(`(` + jaGroupChars + `+(?: ` + jaGroupChars + `+)*)\s?(` + altOf(jaGroupSuffixes) + `)(?:\((?:略称:)?([A-Za-z][A-Za-z0-9&/\- ]{1,30})\))?`)
	reJaAcronym   = regexp.MustCompile(`^\((?:略称:)?([A-Za-z][A-Za-z0-9&/\- ]{1,30})\)`)
)

func altOf(xs []string) string {
	qs := make([]string, len(xs))
	for i, x := range xs {
		qs[i] = regexp.QuoteMeta(x)
	}
	return strings.Join(qs, "|")
}

// jaNames finds the Japanese names of organizations and groups in s.
func jaNames(s string) []mention {
	var out []mention
	var before *mention // the organization that ends where this segment's meeting number starts
	for _, seg := range jaSegments(s) {
		groups := jaGroups(s, seg[0], seg[1])
		// "総合科学技術会議第57回評価専門調査会": the body before the
		// meeting number owns the group right after it.
		if before != nil && len(groups) > 0 && groups[0].owner == "" && strings.TrimSpace(s[seg[0]:groups[0].start]) == "" {
			groups[0].owner, groups[0].ownerLabel = before.name, before.label
		}
		out = append(out, groups...)
		orgs := jaOrgs(s, seg[0], seg[1])
		out = append(out, orgs...)
		before = nil
		if n := len(orgs); n > 0 && strings.TrimSpace(s[orgs[n-1].end:seg[1]]) == "" && reOrdinal.MatchString(s[seg[1]:min(seg[1]+16, len(s))]) {
			before = &orgs[n-1]
		}
	}
	return out
}

// reOrdinal is a meeting's number inside a name ("第6回"): a boundary
// between the names around it.
var reOrdinal = regexp.MustCompile(`第\s*\d+\s*回`)

// reJaRecordWord is a word for a meeting's record: a boundary too, or
// "委員会議事録" would read as a 会議.
var reJaRecordWord = regexp.MustCompile(`議事(?:録|要旨|概要|次第)|会議録`)

// reJaBoundary is what no name runs over.
var reJaBoundary = regexp.MustCompile(reOrdinal.String() + `|` + reJaRecordWord.String() + `|第?[\d一二三四五六七八九十]+号|(?:参考)?資料\s*\d+(?:-\d+)*`)

// jaSegments splits s at meeting numbers and record words, so no name
// runs over one.
func jaSegments(s string) [][2]int {
	cuts := reJaBoundary.FindAllStringIndex(s, -1)
	for _, d := range findDates(s, 0) {
		cuts = append(cuts, []int{d.start, d.end}) // "令和 4年 11月 …委員会": a date starts no name
	}
	slices.SortFunc(cuts, func(a, b []int) int { return a[0] - b[0] })
	var out [][2]int
	at := 0
	for _, m := range cuts {
		if m[0] < at {
			continue
		}
		out = append(out, [2]int{at, m[0]})
		at = m[1]
	}
	return append(out, [2]int{at, len(s)})
}

// jaGroups finds the groups in s[from:to]: the longest run of name
// characters that ends in a group word. A group written after its
// organization ("...連絡会議情報セキュリティワーキンググループ") starts after it; a
// group inside a larger one ("独立行政法人評価委員会石油...部会") is its parent.
func jaGroups(s string, from, to int) []mention {
	var out []mention
	for _, m := range reJaGroup.FindAllStringSubmatchIndex(s[from:to], -1) {
		for k := range m {
			if m[k] >= 0 {
				m[k] += from
			}
		}
		start, end := m[2], m[5]
		// "部会長", "委員会室": the group word is part of another word.
		if next, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && strings.ContainsRune("長員室", next) {
			continue
		}
		// "本部会合": 会 starts another word (a meeting, a hall, a firm).
		if next, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && strings.HasSuffix(s[m[4]:m[5]], "会") && strings.ContainsRune("合場館社計話見期", next) {
			continue
		}
		// "検討会議" is a meeting; "委員会議事録" the group's record.
		if strings.HasSuffix(s[m[4]:m[5]], "会") && strings.HasPrefix(s[end:], "議") && !strings.HasPrefix(s[end:], "議事") {
			continue
		}
		// A name starts with a name, not a particle: "...WG のサブワーキンググループ".
		for {
			lead := reJaLeadLink.FindString(s[start:end])
			if lead == "" {
				break
			}
			start += len(lead)
		}
		// "CSA本部のApplication Containers WG": an organization and の
		// before a group own it; a name written in Latin letters has no
		// particles inside.
		if k := strings.LastIndex(s[start:m[3]], "の"); k >= 0 && (jaHeadLabel(strings.TrimSpace(s[start:start+k])) == LabelOrganization || strings.TrimSpace(s[start+k+len("の"):m[3]]) != "" && !hasCJK(s[start+k+len("の"):m[3]])) {
			start += k + len("の")
		}
		// "堀部政男個人情報保護検討部会座長": a person's full name glued
		// before the group is not part of it.
		if full := leadingFullName(s[start:m[3]]); full != "" && jaHeadLabel(s[start+len(full):end]) != "" {
			start += len(full)
		}
		core := strings.TrimSpace(s[start:m[3]])
		name := strings.TrimSpace(s[start:end])
		if reJaDocPrefix.MatchString(name) {
			continue // "資料1 作業部会の運営について" is a document
		}
		suffix := s[m[4]:m[5]]
		// "DevSecOps WGのサブグループ": "a sub-group of", not a name.
		relation := strings.HasSuffix(core, "の") && !strings.HasSuffix(core, "のための") && strings.HasPrefix(suffix, "サブ")
		if lp := lastLinkPart(core); relation || lp != core && lp != "" && jaGenericGroup(lp) {
			// "シーサート WG のサブワーキンググループ": the group named before
			// the particle, if any.
			if k := strings.LastIndex(s[:m[3]], lp); k > start {
				if pre := reJaLinkEnd.FindStringIndex(s[start:k]); pre != nil {
					out = append(out, jaGroups(s, start, start+pre[0])...)
				}
			}
			continue
		}
		if core == "" || jaGenericGroup(core) || bareGroupWords(name) || contains(jaGroupSuffixes, core) {
			continue
		}
		// "部品協議会 ワーキンググループ": a page of the body's groups.
		if k := strings.LastIndex(name, " "); k > 0 && bareGroupWords(name[k+1:]) && jaHeadLabel(name[:k]) == LabelOrganization {
			continue
		}
		// "情報通信審議会 情報通信技術分科会 ITU-R部会": a space after a group's
		// name starts the next one, a part of it.
		parent, parentLabel := "", ""
		for _, w := range jaChain(core) {
			out = append(out, mention{label: jaHeadLabel(w.name), name: w.name, start: start + w.start, end: start + w.start + len(w.name), rule: ruleGroupSuffix, owner: parent, ownerLabel: parentLabel})
			parent, parentLabel = w.name, jaHeadLabel(w.name)
		}
		if parent != "" {
			k := strings.LastIndex(core, " ")
			start += k + 1
			core, name = strings.TrimSpace(s[start:m[3]]), strings.TrimSpace(s[start:end])
		}
		if k := lastOrgSuffixEnd(core); k > 0 && k < len(core) && jaProperCore(core[k:], s[m[4]:m[5]]) {
			start += k
			name = strings.TrimSpace(s[start:end])
		}
		mm := mention{label: LabelWorkingGroup, name: name, start: start, end: end, rule: ruleGroupSuffix}
		if m[6] >= 0 {
			mm.acr = strings.TrimSpace(s[m[6]:m[7]])
			mm.end = m[1]
		}
		if p := innerGroup(name); p != "" {
			out = append(out, mention{label: LabelWorkingGroup, name: p, start: start, end: start + len(p), rule: ruleGroupSuffix})
			mm.owner, mm.ownerLabel = p, LabelWorkingGroup
			// "…委員会サイバーセキュリティ強化ワーキング・グループ": the group's
			// own name follows its parent's; the whole is another form.
			mm.name, mm.alias, mm.start = strings.TrimSpace(name[len(p):]), name, start+len(p)
		} else if parent != "" {
			mm.owner, mm.ownerLabel = parent, parentLabel
		}
		out = append(out, mm)
	}
	return out
}

var (
	reJaLeadLink  = regexp.MustCompile(`^(?:` + jaLinks + `|[\p{Hiragana}]+)`)
	reJaLinkEnd   = regexp.MustCompile(`\s*(?:` + jaLinks + `)\s*$`)
	reJaDocPrefix = regexp.MustCompile(`^(?:参考)?資料\s*\d`)
)

// jaChain splits the leading groups off a name that writes a chain of
// them with spaces between: "情報通信審議会 情報通信技術分科会 ITU-R" gives the
// first two, at their offsets in core; the last part is the name's own.
func jaChain(core string) []struct {
	name  string
	start int
} {
	var out []struct {
		name  string
		start int
	}
	from := 0
	for {
		k := strings.Index(core[from:], " ")
		if k <= 0 {
			break
		}
		w := core[from : from+k]
		if !hasCJK(w) || jaHeadLabel(w) == "" || strings.HasSuffix(w, "WG") {
			break
		}
		out = append(out, struct {
			name  string
			start int
		}{w, from})
		from += k + 1
	}
	return out
}

// lastLinkPart is what follows the last particle of a group's name: "サブ"
// in "シーサート WG のサブ".
func lastLinkPart(core string) string {
	parts := regexp.MustCompile(jaLinks).Split(core, -1)
	return strings.TrimSpace(parts[len(parts)-1])
}

// jaProperCore tells whether what is left of a group's name after an
// organization is a name of its own, not the group word alone.
func jaProperCore(rest, suffix string) bool {
	return utf8.RuneCountInString(strings.TrimSpace(rest)) >= 2 && !contains(jaGroupSuffixes, strings.TrimSpace(rest)+suffix)
}

// innerGroup returns the group a group's name starts with, when the name
// goes on after it with a name of its own: 独立行政法人評価委員会 in
// 独立行政法人評価委員会石油天然ガス・金属鉱物資源機構部会.
func innerGroup(name string) string {
	for _, suf := range []string{"委員会", "審議会", "協議会", "研究会", "分科会"} {
		k := strings.Index(name, suf)
		if k <= 0 || k+len(suf) >= len(name) {
			continue
		}
		rest := name[k+len(suf):]
		if utf8.RuneCountInString(rest) >= 4 && jaHeadLabel(rest) == LabelWorkingGroup {
			return name[:k+len(suf)]
		}
	}
	return ""
}

var reLeadNumber = regexp.MustCompile(`^\d+ `)

// reAffSlash separates the affiliations of one person: "東京大学 / 部品協会".
var reAffSlash = regexp.MustCompile(`\s*/\s*`)

// bareOrg is an organization's name without the short form of its legal
// form, "産業技術総合研究所" for "(国研) 産業技術総合研究所"; "" when it has none.
func bareOrg(name string) string {
	name = strings.TrimSpace(name)
	for _, f := range jaOrgPrefixes {
		if !strings.HasPrefix(f, "(") {
			continue
		}
		if rest, ok := strings.CutPrefix(name, f); ok {
			return strings.TrimSpace(rest)
		}
		if rest, ok := strings.CutSuffix(name, f); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// jaOrgs finds the organizations in s[from:to]: a legal form and the name
// after it, or a name ending in a kind of body.
func jaOrgs(s string, from, to int) []mention {
	var out []mention
	seg := s[from:to]
	for _, m := range reJaOrgPrefix.FindAllStringSubmatchIndex(seg, -1) {
		whole := seg[m[0]:m[1]]
		// "独立行政法人評価委員会": a committee about such bodies, not one.
		if hasGroupWord(whole[len(seg[m[2]:m[3]]):]) {
			continue
		}
		name := cutAtRole(whole, len(seg[m[2]:m[3]]))
		// "一般社団法人日本経済団体連合会サイバーセキュリティ委員長": the name
		// ends at its kind of body.
		if sm := reJaOrgSuffix.FindStringSubmatchIndex(name[len(seg[m[2]:m[3]]):]); sm != nil {
			name = name[:len(seg[m[2]:m[3]])+sm[5]]
		}
		rest := name[len(seg[m[2]:m[3]]):]
		if utf8.RuneCountInString(rest) < 2 {
			continue
		}
		out = append(out, mention{label: LabelOrganization, name: strings.TrimSpace(name), alias: bareOrg(name), start: from + m[0], end: from + m[0] + len(name), rule: ruleOrgSuffix})
	}
	out = append(out, latinCompanies(s, from, to)...)
	for _, m := range reJaOrgSuffix.FindAllStringSubmatchIndex(seg, -1) {
		start, end := from+m[2], from+m[5]
		// "1 総合科学技術会議": a page number before the name.
		if n := reLeadNumber.FindString(s[start:end]); n != "" {
			start += len(n)
		}
		// "会議室" is a room, "大学院" a school, "協会員" a member; a
		// shorter name may end before ("アルファ大学大学院": アルファ大学).
		if next, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && strings.ContainsRune("室院員", next) {
			if from+m[3] > from+m[2] {
				out = append(out, jaOrgSuffixes2(s, from+m[2], from+m[3])...)
			}
			continue
		}
		// The organization starts after a group or body inside the run:
		// "...委員会石油天然ガス・金属鉱物資源機構".
		if k := lastBoundary(s[start : from+m[3]]); k > 0 {
			before := s[start : start+k]
			start += k
			// "IT戦略会議・IT戦略本部": two bodies, one after the other.
			if strings.HasPrefix(s[start:], "・") {
				if jaHeadLabel(before) == LabelOrganization && !jaGenericGroup(before) {
					out = append(out, mention{label: LabelOrganization, name: before, start: start - k, end: start, rule: ruleOrgSuffix})
				}
				start += len("・")
			}
		}
		// "深谷 聖治 委員 東日本旅客鉄道株式会社": a roster's title before
		// the name is no word of it.
		if first, rest, ok := strings.Cut(s[start:from+m[3]], " "); ok && slices.Contains(jaTitles, first) {
			start += len(first) + len(" ") + len(rest) - len(strings.TrimLeft(rest, " "))
		}
		// "湯淺 墾道 情報セキュリティ大学院大学": a given name before the space
		// ends the person's name, not a word of the body's.
		if first, rest, ok := strings.Cut(s[start:from+m[3]], " "); ok && spacedName([]string{lastWord(s[:start]), first}) == 0 {
			start += len(first) + len(" ") + len(rest) - len(strings.TrimLeft(rest, " "))
		}
		stem := s[start : from+m[3]]
		if utf8.RuneCountInString(strings.TrimSpace(stem)) < 2 || jaGenericGroup(stem) {
			continue
		}
		for _, pre := range jaOrgPrefixes {
			if strings.HasSuffix(s[:start], pre) {
				start -= len(pre) // a legal form before the name is part of it
				break
			}
		}
		// "経済産業省等関係省庁": the ministry, and others like it.
		if k := strings.Index(s[start:end], "等"); k > 0 && jaHeadLabel(s[start:start+k]) == LabelOrganization {
			end = start + k
		}
		// "…推進協議会会議の公開": the council's meeting, and the council.
		if body, ok := strings.CutSuffix(s[start:end], "会議"); ok && strings.HasSuffix(body, "会") && utf8.RuneCountInString(body) >= 3 {
			end = start + len(body)
		}
		mm := mention{label: LabelOrganization, name: strings.TrimSpace(s[start:end]), alias: bareOrg(s[start:end]), start: start, end: end, rule: ruleOrgSuffix}
		// "米国立標準技術研究所(NIST)": the acronym in parentheses.
		if a := reJaAcronym.FindStringSubmatch(s[end:]); a != nil && isAcronym(strings.ReplaceAll(a[1], " ", "")) {
			mm.acr = a[1]
		}
		out = append(out, mm)
	}
	return out
}

// reLatinCompany is a company named in Latin letters, a space, then its
// legal form: "KDDI 株式会社".
var reLatinCompany = regexp.MustCompile(`(?:^|[^A-Za-z0-9])([A-Z][A-Za-z0-9&.\-]{1,30} (?:株式会社|合同会社|有限会社))`)

// latinCompanies finds the companies reLatinCompany names in s[from:to].
func latinCompanies(s string, from, to int) []mention {
	var out []mention
	for _, m := range reLatinCompany.FindAllStringSubmatchIndex(s[from:to], -1) {
		out = append(out, mention{label: LabelOrganization, name: s[from+m[2] : from+m[3]], start: from + m[2], end: from + m[3], rule: ruleOrgSuffix})
	}
	return out
}

// hasGroupWord tells whether s holds a group word.
func hasGroupWord(s string) bool {
	for _, suf := range jaGroupSuffixes {
		if len(suf) > 3 && strings.Contains(s, suf) {
			return true
		}
	}
	return false
}

// lastBoundary returns where the last group or body word inside s ends,
// or 0.
func lastBoundary(s string) int {
	best := 0
	for _, w := range []string{"委員会", "審議会", "部会", "分科会", "研究会", "協議会", "会議", "省", "庁"} {
		if k := strings.LastIndex(s, w); k > 0 && k+len(w) < len(s) && k+len(w) > best {
			best = k + len(w)
		}
	}
	return best
}

// jaGenericGroup tells a kind of group from a group: "サブ", "本", "各", a
// number, or a word that only says which group ("同", "当").
func jaGenericGroup(core string) bool {
	core = strings.TrimSpace(core)
	switch core {
	case "サブ", "本", "各", "同", "当", "他の", "他", "小", "専門", "第1種専門", "全体", "親", "日本", "国内", "海外",
		"オンライン", "ハイブリッド", "Web", "WEB", "web", "定例", "臨時", "合同", "特別", "共用第2特別", "本会議", "関係":
		return true
	}
	if strings.HasPrefix(core, "第") && strings.ContainsAny(core, "0123456789") {
		return true
	}
	// "前回分科会", "本日の分科会": a meeting's group named by when;
	// "以下のワーキンググループ": groups the text points at.
	for _, w := range []string{"前回", "今回", "次回", "本日", "当日", "以下", "上記", "下記", "前記", "これら", "その他", "各種", "複数", "全て", "すべて"} {
		if c := strings.TrimSuffix(strings.TrimPrefix(core, w), "の"); c != core && c == "" {
			return true
		}
	}
	// "各省", "関係省": every ministry, or those concerned; none by name.
	for _, w := range []string{"各", "関係", "同", "両"} {
		if rest, ok := strings.CutPrefix(core, w); ok && utf8.RuneCountInString(rest) == 1 {
			return true
		}
	}
	return utf8.RuneCountInString(core) < 2 && !strings.ContainsAny(core, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

// bareGroupWords tells a name made of group words only: "委員会",
// "審議会・研究会" (a menu's category).
func bareGroupWords(name string) bool {
	for _, part := range strings.Split(name, "・") {
		if !contains(jaGroupSuffixes, strings.TrimSpace(part)) {
			return false
		}
	}
	return true
}

// lastOrgSuffixEnd returns where the last organization name inside s ends
// (0 for none).
func lastOrgSuffixEnd(s string) int {
	best := 0
	for _, suf := range []string{"会議", "協議会", "協会", "株式会社", "大学", "省", "庁", "機構"} {
		if k := strings.LastIndex(s, suf); k > 0 && k+len(suf) > best {
			best = k + len(suf)
		}
	}
	return best
}

// jaHeadLabel is the label a Japanese name's last word gives it.
func jaHeadLabel(name string) string {
	for _, suf := range jaGroupSuffixes {
		if strings.HasSuffix(name, suf) && name != suf {
			return LabelWorkingGroup
		}
	}
	for _, suf := range jaOrgSuffixes {
		if strings.HasSuffix(name, suf) && name != suf {
			return LabelOrganization
		}
	}
	for _, pre := range jaOrgPrefixes {
		if strings.HasPrefix(name, pre) && name != pre {
			return LabelOrganization
		}
	}
	return ""
}

// Titles and roles that follow an affiliation in Japanese rosters. An
// affiliation is the organization, then these: "東京大学大学院教授" is 東京大学
// and 大学院教授.
var jaRoleWords = []string{
	"代表取締役", "取締役", "執行役員", "会長", "副会長", "社長", "副社長", "理事長", "代表理事", "理事", "専務",
	"常務", "監査役", "常勤監査役", "顧問", "特別顧問", "参与", "参事役", "参事", "部長", "課長", "室長", "局長",
	"本部長", "センター長", "所長", "事務局長", "学長", "総長", "教授", "准教授", "助教", "講師", "研究員",
	"主任研究員", "フェロー", "委員長", "副委員長", "委員", "論説委員", "主査", "座長", "審議官", "統括官", "統括",
	"補佐官", "政策部長", "CEO", "CTO", "CIO", "CISO", "CA", "大学院", "研究科", "学部", "本部", "部門",
	"未来ビジョン研究センター", "政策企画部長", "デジタル監", "情報セキュリティフェロー", "情報化統括責任者",
}

// cutAtRole cuts a prefix-form organization name ("株式会社New Stories代表
// 取締役") where a role word begins, after at least min bytes.
func cutAtRole(name string, min int) string {
	best := len(name)
	for _, w := range jaRoleWords {
		k := strings.Index(name[min:], w)
		if k < 0 {
			continue
		}
		// "CA" in "株式会社ACADEMIA" is no role: a Latin role word stands
		// apart from Latin letters.
		if at := min + k; !hasCJK(w) && (at > 0 && isLatinLetter(name[at-1]) || at+len(w) < len(name) && isLatinLetter(name[at+len(w)])) {
			continue
		}
		if min+k < best {
			best = min + k
		}
	}
	return strings.TrimSpace(name[:best])
}

// splitAffiliation splits a Japanese affiliation into its organizations
// and the role at each: "LINE株式会社執行役員AIカンパニーカンパニーCEO" is
// LINE株式会社 with role 執行役員AIカンパニーカンパニーCEO; parts split at
// "/" and "・" are affiliations of their own.
func splitAffiliation(s string) []affiliation {
	var out []affiliation
	for _, part := range reAffSlash.Split(s, -1) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		ms := jaNames(part)
		var org *mention
		for k := range ms {
			m := &ms[k]
			if m.label == LabelOrganization && (org == nil || m.start < org.start || m.start == org.start && m.end > org.end) {
				org = m
			}
		}
		if org == nil || org.start > 0 && strings.TrimSpace(part[:org.start]) != "" && !strings.HasPrefix(part, "(") {
			// No organization first: the part is a title ("デジタル大臣").
			out = append(out, affiliation{role: part})
			continue
		}
		name := org.name
		// The shortest name that ends in a suffix: "東京大学" of
		// "東京大学大学院教授"; "情報セキュリティ大学院大学" stays whole.
		role := strings.TrimSpace(part[org.end:])
		name, role = shortestOrg(name, role)
		out = append(out, affiliation{org: name, role: role})
	}
	return out
}

type affiliation struct{ org, role string }

// shortestOrg moves a school or department that a suffix match took in
// back to the role: "東京大学大学院" is 東京大学 and 大学院.
func shortestOrg(name, role string) (string, string) {
	// The legal form before the name is no end of it: "独立行政法人…機構".
	from := 0
	for _, pre := range jaOrgPrefixes {
		if strings.HasPrefix(name, pre) {
			from = len(pre)
			break
		}
	}
	for _, suf := range []string{"大学", "株式会社", "銀行", "本社", "機構", "協会"} {
		if k := strings.Index(name[from:], suf) + from; k > from && k+len(suf) < len(name) {
			rest := name[k+len(suf):]
			if !strings.HasPrefix(rest, "院大学") || strings.HasPrefix(rest, "大学院") {
				return name[:k+len(suf)], strings.TrimSpace(rest + role)
			}
		}
	}
	return name, role
}

func isLatinLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// jaOrgSuffixes2 finds organizations named by a kind of body within
// s[from:to] only.
func jaOrgSuffixes2(s string, from, to int) []mention {
	var out []mention
	for _, m := range jaOrgs(s[:to], from, to) {
		if m.end <= to {
			out = append(out, m)
		}
	}
	return out
}
