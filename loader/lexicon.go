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

// The lexicon is what a page says about its own names before the rules
// read it line by line: the acronyms it defines, the organizations it
// writes as owners of other names, its site's and mail domains, and which
// capitalised words it never writes in lower case (names, not sentence
// openers).
type lexicon struct {
	defs    []definition
	orgs    map[string]string // key of an organization's short name -> the name as written
	capOnly map[string]bool   // words the page writes only capitalised
	lower   map[string]bool   // words the page writes in lower case
	site    string            // the page's site acronym, upper case ("NCA" for nca.gr.jp)
	theRuns []string          // capitalised runs the page writes after a capital "The" mid-sentence
}

// reMidThe is a capital "The" after a lower-case word or a comma: the
// article is part of the name after it ("members of The Open Group").
var reMidThe = regexp.MustCompile(`(?:[a-z]|,)\s+The\s+((?:[A-Z][\w&'’-]*)(?:\s+[A-Z][\w&'’-]*){0,5})`)

// theName is name with the article the page writes as part of it: "The
// Open Group" for "Open Group".
func (lx *lexicon) theName(name string) string {
	for _, run := range lx.theRuns {
		if run == name || strings.HasPrefix(run, name+" ") {
			return "The " + name
		}
	}
	return name
}

// definition is an acronym and the long form the text gives it.
type definition struct {
	short, long string
	label       string // from the long form's head noun; "" when it has none
	line        int
}

var (
	reParenShort     = regexp.MustCompile(`\(\s*(?:or\s+)?([A-Za-z][A-Za-z0-9&/.\- ]{0,10}?)(?:\s+for short)?\s*\)`)
	reShortParenLong = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,9})\s*\(((?:\p{Lu}[\pL-]*|of|for|and|the|on)(?:[ ](?:\p{Lu}[\pL-]*|of|for|and|the|on)){1,8})\)`)
	reAcronymFor     = regexp.MustCompile(`\b([A-Z][A-Za-z0-9]{1,10}),?\s+(?:which|that)\s+(?:is|stands)\s+(?:an?\s+acronym\s+|short\s+)?for\s+(.+?),\s`)
	reNameRunEnd     = regexp.MustCompile(`(` + nameRun + `)\s*$`)
	reShortDash      = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,7})\s+[-–]\s+(` + nameRun + `)`)
	reActorAcr       = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,7}|[A-Z][a-z]+[A-Z][A-Za-z]*)(?:’s|'s|\s+(?:also\s+)?(?:maintains|holds|provides|facilitates|operates|hosts|hosted|offers|publishes|obtaining|obtains|members?|staff|president|board|chair))\b`)
	reBetween        = regexp.MustCompile(`\bbetween\s+(?:the\s+)?([A-Z][\w-]+)\s+and\s+(?:the\s+)?([A-Z][\w-]+)\b`)
	reDashPair       = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,7})-([A-Z][A-Z0-9]{1,7})\s+[Ll]iaison\b`)
	reXLiaison       = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,7})\s+(?:[Ll]iaison|[Rr]elationship|MoU)\b`)
	rePrepAcr        = regexp.MustCompile(`\b(?:with|by|from|between|and|join|joined|joining)\s+(?:the\s+)?([A-Z]{3,6})(?:[.,;:)]|\s+(?:if|and|or|in|to|for|as|on|at|is|was|will|has)\b|\s*$)`)
	// "relevant WPs within ITU-R", "the groups of ISO": a body that groups
	// are within.
	reGroupsWithin = regexp.MustCompile(`(?i:\b(?:groups?|wgs?|wps?|sgs?|committees?|subcommittees?|bodies|working groups?|study groups?|working parties|task forces?))\s+(?:within|of|in|under)\s+(?:the\s+)?([A-Z][A-Z0-9]{1,7}(?:-[A-Z])?)\b`)
	reOwnerOfToken = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,7})\s+[A-Z][A-Z0-9]{0,6}(?:WG|TC|SC)\b`)
	rePluralHead   = regexp.MustCompile(`\b([A-Z][A-Za-z0-9]{1,7})\s+(?:Working Groups|Work Groups|Committees|Task Forces|Councils|Boards|Subcommittees|Members|Chapters)\b`)
)

// reAddress is a web or mail address.
var reAddress = regexp.MustCompile(`https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)

// scanLexicon reads a page's own names.
func scanLexicon(p *Page) lexicon {
	lx := lexicon{orgs: map[string]string{}, capOnly: map[string]bool{}, lower: map[string]bool{}}
	seenCap, seenDef := map[string]bool{}, map[string]bool{}
	for i, line := range p.Norm {
		// An address is written in lower case whatever it names:
		// "japan.zdnet.com" says nothing of how the page writes ZDNet.
		words := reAddress.ReplaceAllString(line, " ")
		for _, w := range strings.FieldsFunc(words, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
			if isCapWord(w) {
				seenCap[strings.ToLower(w)] = true
			} else {
				lx.lower[strings.ToLower(w)] = true
			}
		}
		for _, d := range findDefinitions(line, i+1) {
			// A definition counts once, where the page first gives it:
			// every block is searched for each.
			if k := d.short + "|" + d.long; !seenDef[k] {
				seenDef[k] = true
				lx.defs = append(lx.defs, d)
			}
		}
		for _, m := range reMidThe.FindAllStringSubmatch(line, -1) {
			lx.theRuns = append(lx.theRuns, m[1])
		}
		for _, m := range reActorAcr.FindAllStringSubmatch(line, -1) {
			if isAcronym(m[1]) && !notOrgAcronyms[m[1]] {
				lx.orgs[key(m[1])] = m[1]
			}
		}
		for _, re := range []*regexp.Regexp{reBetween, reDashPair} {
			for _, m := range re.FindAllStringSubmatch(line, -1) {
				for _, a := range m[1:] {
					if isAcronym(a) && !notOrgAcronyms[a] {
						lx.orgs[key(a)] = a
					}
				}
			}
		}
		// "the OASIS Board of Directors", "OMG Cloud Working Group": an
		// acronym that starts a group's name is its organization.
		for _, m := range reGroupName.FindAllStringSubmatch(line, -1) {
			name, _ := trimLead(m[1], 0)
			// "SC 2 Secretariat": a numbered group's designator, no body.
			numbered := reGroupNumber.FindStringIndex(name)
			if w := firstWord(name); isAcronym(w) && strings.ToUpper(w) == w && !notOrgAcronyms[w] && len(strings.Fields(name)) > 1 && (numbered == nil || numbered[0] != 0) {
				lx.orgs[key(w)] = w
			}
		}
		// "DMTF CMWG": an acronym before a group's acronym owns it.
		for _, m := range reOwnerOfToken.FindAllStringSubmatch(line, -1) {
			if isAcronym(m[1]) && !notOrgAcronyms[m[1]] {
				lx.orgs[key(m[1])] = m[1]
			}
		}
		for _, m := range rePluralHead.FindAllStringSubmatch(line, -1) {
			if isAcronym(m[1]) && !notOrgAcronyms[m[1]] {
				lx.orgs[key(m[1])] = m[1]
			}
		}
		for _, m := range reGroupsWithin.FindAllStringSubmatch(line, -1) {
			if isAcronym(m[1]) && !notOrgAcronyms[m[1]] {
				lx.orgs[key(m[1])] = m[1]
			}
		}
		for _, m := range reXLiaison.FindAllStringSubmatch(line, -1) {
			if !notOrgAcronyms[m[1]] {
				lx.orgs[key(m[1])] = m[1]
			}
		}
	}
	// An acronym the page writes after "with", "by", "from" at least twice
	// and on its own elsewhere: an organization ("status with ISO",
	// "adopted by ISO").
	all := strings.Join(p.Norm, "\n")
	for _, m := range rePrepAcr.FindAllStringSubmatch(all, -1) {
		if !notOrgAcronyms[m[1]] && len(findWord(all, m[1])) >= 2 {
			lx.orgs[key(m[1])] = m[1]
		}
	}
	for w := range seenCap {
		if !lx.lower[w] {
			lx.capOnly[w] = true
		}
	}
	defined := map[string]bool{}
	for _, d := range lx.defs {
		defined[d.short] = true
	}
	for _, w := range reTaskForceBody.FindAllString(all, -1) {
		if !defined[w] {
			lx.orgs[key(w)] = w
		}
	}
	for _, d := range lx.defs {
		switch d.label {
		case LabelOrganization:
			lx.orgs[key(d.short)] = d.short
		case LabelWorkingGroup:
		default:
			// "Microservices Architecture Pattern (MAP)": the page says
			// what the acronym stands for, and it is no organization.
			delete(lx.orgs, key(d.short))
		}
	}
	lx.site = siteAcronym(p.URL)
	if w := siteWord(all, lx.site); w != "" {
		lx.site = w
		if !notOrgAcronyms[w] {
			lx.orgs[key(w)] = w
		}
	}
	return lx
}

// siteWord is the acronym the page writes for its site's organization, at
// least three times: the site's own name ("IETF" of ietf.org) or that name
// and one more letter or digit ("W3C" of w3.org).
func siteWord(all, site string) string {
	if site == "" {
		return ""
	}
	best, n := "", 1
	for _, w := range reCapsWord.FindAllString(all, -1) {
		if !strings.EqualFold(w, site) && !(len(w) == len(site)+1 && strings.EqualFold(w[:len(site)], site)) {
			continue
		}
		if c := len(findWord(all, w)); c > n {
			best, n = w, c
		}
	}
	return best
}

// reTaskForceBody is an acronym ending in TF: a body named a task force
// ("IETF", "ITTF"), which the page need not spell out; one it defines is
// read as defined.
var reTaskForceBody = regexp.MustCompile(`\b[A-Z]{2,4}TF\b`)

var reCapsWord = regexp.MustCompile(`\b[A-Z][A-Z0-9]{1,7}\b`)

// notOrgAcronyms are capitalised abbreviations that name a kind of thing or
// a unit, never an organization.
var notOrgAcronyms = map[string]bool{
	"RFC": true, "POC": true, "MOU": true, "MoU": true, "PDF": true, "URL": true, "FAQ": true, "WG": true,
	"SWG": true, "TBD": true, "UTC": true, "EDT": true, "EST": true, "PST": true, "PDT": true, "CET": true,
	"JST": true, "GMT": true, "CEO": true, "CTO": true, "CIO": true, "CFO": true, "AM": true, "PM": true,
	"FY": true, "USA": true, "API": true, "APIs": true, "IT": true, "ICT": true, "AI": true, "IoT": true,
	"NOTICE": true, "ACTION": true, "ITEM": true, "NOT": true, "TC": true, "SIG": true, "DTF": true, "OK": true,
	"TOC": true, "ToR": true, "Q&A": true, "SDO": true, "SDOs": true, "ED": true, "EVP": true,
}

// findDefinitions finds the acronyms a line defines: "Full Name (ACR)",
// "(or ACR for short)", "ACR - Full Name".
func findDefinitions(line string, n int) []definition {
	var out []definition
	for _, m := range reParenShort.FindAllStringSubmatchIndex(line, -1) {
		short := strings.TrimSpace(line[m[2]:m[3]])
		if !shortForm(short) {
			continue
		}
		before := tail(line[:m[0]], 512)
		long := longForm(short, before)
		if strings.HasPrefix(strings.TrimSpace(line[m[0]+1:min(len(line), m[0]+8)]), "or ") {
			// "the Cloud Accountability Project (or A4Cloud for short)"
			long = lastNameRun(before)
		}
		if long == "" {
			continue
		}
		d := definition{short: short, long: long, label: headLabel(long), line: n}
		// "a Technical Committee (TC)": the page names a kind of body and
		// its short form, no body.
		if k := strings.LastIndex(before, long); k >= 0 && reIndefinite.MatchString(before[:k]) {
			d.label = ""
		}
		// A long form in lower case names a kind of thing ("publicly
		// available specification (PAS)"), except a body ("organizational
		// assembly (OA)").
		if !isCapWord(long) && d.label != LabelWorkingGroup {
			d.label = ""
		}
		// "Value & Engagement (V&E) document": the head after the
		// parenthesis names the kind, and belongs to the name.
		if w := firstWord(line[m[1]:]); d.label == "" && w != "" {
			if l := headLabel("x " + w); l != "" && (!isCapWord(w) || l == LabelStandard) {
				d.label = l
				d.long = long + " (" + short + ") " + w
			}
		}
		out = append(out, d)
	}
	for _, m := range reAcronymFor.FindAllStringSubmatch(line, -1) {
		out = append(out, definition{short: m[1], long: cleanName(m[2]), line: n})
	}
	// "APWG (Anti-Phishing Working Group)": the short form first, its
	// long form in the parenthesis, when the initials say so.
	for _, m := range reShortParenLong.FindAllStringSubmatch(line, -1) {
		long := cleanName(m[2])
		// "AG (Advisory Group)" defines a kind of group, none by name.
		if l := headLabel(long); shortForm(m[1]) && slices.Contains(initials(long), strings.ToLower(m[1])) && (l == "" || !genericName(long, l)) && !contains(groupHeads, long) {
			out = append(out, definition{short: m[1], long: long, label: headLabel(long), line: n})
		}
	}
	for _, m := range reShortDash.FindAllStringSubmatch(line, -1) {
		if l := headLabel(m[2]); l == LabelOrganization && shortForm(m[1]) {
			out = append(out, definition{short: m[1], long: cleanName(m[2]), label: l, line: n})
		}
	}
	return out
}

func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if k := strings.IndexFunc(s, unicode.IsSpace); k >= 0 {
		s = s[:k]
	}
	return strings.Trim(s, ".,;:")
}

// tail is the end of s, at most n bytes of it: what a rule that looks
// back from a point needs, whatever the length of the line.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	k := len(s) - n
	for k < len(s) && !utf8.RuneStart(s[k]) {
		k++
	}
	return s[k:]
}

// shortForm tells whether s can be an acronym: one or two words, a capital
// letter, not a year or a number.
func shortForm(s string) bool {
	if len(strings.Fields(s)) > 2 || len(s) < 2 {
		return false
	}
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 1 && unicode.IsLetter(rune(s[0])) && !(strings.ToLower(s) == s)
}

// longForm finds the long form that short abbreviates at the end of
// before, by the algorithm of Schwartz and Hearst (2003): match the
// short form's letters right to left, the first at a word's start; then
// take in the capitalised words of the name just before it.
func longForm(short, before string) string {
	words := strings.Fields(before)
	limit := min(len(short)+5, len(short)*2)
	if len(words) > limit {
		words = words[len(words)-limit:]
	}
	cand := []rune(strings.Join(words, " "))
	s := []rune(strings.ToLower(short))
	l := []rune(strings.ToLower(string(cand)))
	if len(l) != len(cand) {
		return ""
	}
	si, li := len(s)-1, len(l)-1
	for si >= 0 {
		c := s[si]
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			si--
			continue
		}
		for li >= 0 && (l[li] != c || si == 0 && li > 0 && (unicode.IsLetter(l[li-1]) || unicode.IsDigit(l[li-1]))) {
			li--
		}
		if li < 0 {
			return ""
		}
		li--
		si--
	}
	start := 0
	for k := li; k >= 0; k-- {
		if cand[k] == ' ' {
			start = k + 1
			break
		}
	}
	long := strings.Trim(string(cand[start:]), " ,;:“”\"‘’")
	// Capitalised words just before belong to the name ("US Federal
	// Trade Commission (FTC)"), up to a possessive or a leading word.
	prefix := strings.Fields(string(cand[:start]))
	for k := len(prefix) - 1; k >= 0; k-- {
		w := prefix[k]
		if !isCapWord(w) || leadWords[w] || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.ContainsAny(w, ",;:.()") {
			break
		}
		long = w + " " + long
	}
	if len([]rune(long)) <= len([]rune(short)) || !isCapWord(long) && !hasLowerWords(long) {
		return ""
	}
	// "in August (WP8F) and September (WP8A)": the letters came from
	// another short form, not from a name.
	if strings.ContainsAny(long, "()") {
		return ""
	}
	return long
}

func hasLowerWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if w == strings.ToLower(w) && len(w) > 3 {
			return true
		}
	}
	return false
}

// siteAcronym is the upper-cased first label of a page's host name, when
// it can be an organization's acronym ("nca.gr.jp" gives NCA); "" for
// common hosting sites.
func siteAcronym(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	parts := strings.Split(strings.TrimPrefix(u.Hostname(), "www."), ".")
	// "lists.w3.org", "portal.etsi.org": a service's name before the
	// body's domain.
	if len(parts) > 2 && serviceHosts[parts[0]] {
		parts = parts[1:]
	}
	if len(parts) < 2 || len(parts[0]) < 2 || len(parts[0]) > 6 || hostingSites[parts[0]] || hostingSites[parts[len(parts)-2]] {
		return ""
	}
	return strings.ToUpper(parts[0])
}

// serviceHosts are the host names a body gives its services under its own
// domain.
var serviceHosts = map[string]bool{
	"lists": true, "mailman": true, "archive": true, "portal": true, "datatracker": true, "wiki": true,
	"community": true, "members": true, "member": true, "www2": true, "web": true, "docs": true, "news": true,
	"blog": true, "events": true, "ftp": true, "mail": true,
}

// siteLike tells whether w is the site's acronym, or that and one more
// letter or digit ("W3C" of w3.org).
func siteLike(w, site string) bool {
	return site != "" && (strings.EqualFold(w, site) || len(w) == len(site)+1 && strings.EqualFold(w[:len(site)], site))
}

// knownNames finds, in s, the names the lexicon holds: the acronyms and
// long forms the page defines, and the organizations it writes as owners.
func (r *reader) knownNames(s string) []mention {
	var out []mention
	add := func(name, label, rule string) {
		for _, m := range findWord(s, name) {
			if strings.HasPrefix(s[m+len(name):], "(") || hyphenGoesOn(s, m, m+len(name)) {
				continue // "OA(B)" and "ITU-D" are other names than "OA" and "ITU"
			}
			out = append(out, mention{label: label, name: name, start: m, end: m + len(name), rule: rule})
		}
	}
	for _, d := range r.lex.defs {
		if d.label == "" {
			continue
		}
		add(d.short, d.label, ruleKnownName)
	}
	keys := make([]string, 0, len(r.lex.orgs))
	for k := range r.lex.orgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		add(r.lex.orgs[k], LabelOrganization, ruleOrgOwner)
	}
	return out
}

// findWord returns the byte offsets where word occurs in s as a whole word.
func findWord(s, word string) []int {
	var out []int
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], word)
		if j < 0 {
			break
		}
		at := i + j
		if wordEdge(s, at, true) && wordEdge(s, at+len(word), false) {
			out = append(out, at)
		}
		i = at + len(word)
	}
	return out
}

// lastNameRun is the run of capitalised words that ends s.
func lastNameRun(s string) string {
	m := reNameRunEnd.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	n, _ := trimLead(m[1], 0)
	return n
}

// hostingSites host other people's pages: their names are no page owner's.
var hostingSites = map[string]bool{
	"github": true, "gitlab": true, "google": true, "docs": true, "sites": true, "medium": true, "wordpress": true,
	"blogspot": true, "archive": true, "web": true, "lists": true, "mailman": true, "groups": true, "slideshare": true,
	"scribd": true, "vdocuments": true, "123deta": true, "pdfslide": true, "dokumen": true, "wikipedia": true,
	"youtube": true, "linkedin": true, "twitter": true, "facebook": true, "atlassian": true, "notion": true,
}

// hyphenGoesOn tells whether the word at s[start:end] is part of a
// hyphenated name: "ITU" of "ITU-D", "D" of "ITU-D".
func hyphenGoesOn(s string, start, end int) bool {
	if end+1 < len(s) && s[end] == '-' && isAlnum(rune(s[end+1])) {
		return true
	}
	return start >= 2 && s[start-1] == '-' && isAlnum(rune(s[start-2]))
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
