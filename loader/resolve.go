package loader

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
)

// The resolution stage: one entity per real thing, within a text, across
// texts, and against what the graph already holds. The rules run in order
// (exact and normalised names, a person's short forms, acronyms and long
// forms, a group named with and without its owner, subtitles, misspellings,
// the curation file, the graph), and every join is logged with its reason.

// Merge records that two names were found to be one entity, and why.
type Merge struct {
	Label  string `json:"label"`
	A      string `json:"a"`
	B      string `json:"b"`
	Reason string `json:"reason"`
	Into   string `json:"into"` // the id of the entity they became
}

// Known is an entity the graph already holds, which new texts may name.
type Known struct {
	Label   string   `json:"label"`
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
}

// Reasons for a merge.
const (
	mergeSameName  = "same name"
	mergeShortName = "short form of a person's name"
	mergeSurname   = "surname with a title"
	mergeAcronym   = "acronym of the name"
	mergeDefined   = "acronym defined in the text"
	mergeOwner     = "the group named without its owner"
	mergeSubtitle  = "title without its subtitle"
	mergeSpelling  = "spelling variant"
	mergeNumber    = "the group's number with its group word"
	mergeGraph     = "already in the graph"
)

// unionFind groups draft entities and logs why.
type unionFind struct {
	parent map[*dent]*dent
	owner  map[*dent]*dent // of each group's root: what the group belongs to
	log    []pendingMerge
}

type pendingMerge struct {
	a, b   *dent
	reason string
}

func newUnionFind(all []*dent) *unionFind {
	uf := &unionFind{parent: make(map[*dent]*dent, len(all)), owner: map[*dent]*dent{}}
	for _, e := range all {
		uf.parent[e] = e
		if e.owner != nil {
			uf.owner[e] = e.owner
		}
	}
	return uf
}

func (u *unionFind) find(e *dent) *dent {
	for u.parent[e] != e {
		u.parent[e] = u.parent[u.parent[e]]
		e = u.parent[e]
	}
	return e
}

func (u *unionFind) same(a, b *dent) bool { return u.find(a) == u.find(b) }

// union joins two entities' groups, unless their labels differ or they
// belong to different owners (a chapter's group is not headquarters'
// group of the same name).
func (u *unionFind) union(a, b *dent, reason string) bool {
	if a.label != b.label || u.same(a, b) || u.ownersDiffer(a, b) {
		return false
	}
	return u.force(a, b, reason)
}

// force joins two groups whatever their owners: the curation file wins
// over the rules.
func (u *unionFind) force(a, b *dent, reason string) bool {
	if a.label != b.label || u.same(a, b) {
		return false
	}
	ra, rb := u.find(a), u.find(b)
	u.parent[rb] = ra
	if u.owner[ra] == nil && u.owner[rb] != nil {
		u.owner[ra] = u.owner[rb]
	}
	u.log = append(u.log, pendingMerge{a, b, reason})
	return true
}

// ownersDiffer tells whether the groups of a and b hold entities owned by
// two different things.
func (u *unionFind) ownersDiffer(a, b *dent) bool {
	oa, ob := u.ownerOf(a), u.ownerOf(b)
	return oa != nil && ob != nil && !u.same(oa, ob)
}

func (u *unionFind) ownerOf(e *dent) *dent { return u.owner[u.find(e)] }

// groups lists the groups in a stable order: by their first member's
// position.
func (u *unionFind) groups(all []*dent) [][]*dent {
	byRoot := map[*dent]int{}
	var out [][]*dent
	for _, e := range all {
		r := u.find(e)
		i, ok := byRoot[r]
		if !ok {
			i = len(out)
			byRoot[r] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], e)
	}
	return out
}

// resolve joins the drafts' entities into groups, one per real thing.
func resolve(drafts []*draft, cur *Curation) ([]*dent, *unionFind) {
	var all []*dent
	for _, d := range drafts {
		all = append(all, d.ents...)
	}
	// Organizations first: whether two groups are one depends on whether
	// their owners are.
	sort.SliceStable(all, func(i, j int) bool { return labelRank(all[i].label) < labelRank(all[j].label) })
	uf := newUnionFind(all)
	joinSameNames(all, uf)
	for _, d := range drafts {
		joinPersonForms(d.ents, uf)
	}
	joinAcronyms(all, uf)
	joinOwnerless(all, uf)
	joinSubtitles(all, uf)
	joinNumbered(all, uf)
	joinSpellings(all, uf)
	if cur != nil {
		cur.apply(all, uf)
	}
	return all, uf
}

func labelRank(l string) int {
	switch l {
	case LabelOrganization:
		return 0
	case LabelWorkingGroup:
		return 1
	}
	return 2
}

// entityKeys are the keys under which e matches other entities.
func entityKeys(e *dent) []string {
	var ks []string
	for _, n := range e.names() {
		k := key(n)
		if e.label == LabelWorkingGroup {
			// "ACM-WG", "ACM WG" and "ACM Working Group" name one group.
			k = key(coreName(e.label, n))
		}
		if e.label == LabelOrganization && strings.HasSuffix(n, "本部") && len(n) > len("本部")+1 {
			k = key(strings.TrimSuffix(n, "本部")) // "CSA本部" is CSA's headquarters: CSA
		}
		if k == "" {
			continue
		}
		if b := brandOf(e.label, n); b != "" {
			ks = append(ks, e.label+"|"+key(b)) // "Cisco Systems" is the Cisco of the next line
		}
		switch {
		case e.label == LabelEvent:
			k += "|" + fmt.Sprint(e.props["date"])
		case e.label == LabelPerson && !strings.Contains(strings.TrimSpace(n), " ") && !hasCJK(n):
			// "Mark" in one text is nobody in another.
			k += "|" + e.src
		}
		ks = append(ks, e.label+"|"+k)
	}
	return ks
}

// companyWords end a company's name after its brand.
var companyWords = map[string]bool{
	"Inc.": true, "Inc": true, "Corp.": true, "Corp": true, "Corporation": true, "Ltd.": true, "Ltd": true,
	"LLC": true, "GmbH": true, "AG": true, "plc": true, "PLC": true, "Systems": true, "Networks": true,
	"Technologies": true, "Labs": true,
}

// brandOf is a company's one-word brand, its name without the company
// word after it ("Cisco" of "Cisco Systems", "Acme" of "Acme, Inc."), or "".
func brandOf(label, name string) string {
	w := strings.Fields(name)
	if label != LabelOrganization || len(w) != 2 || !companyWords[w[1]] || isAcronym(w[0]) && len(w[0]) < 3 {
		return ""
	}
	return strings.TrimSuffix(w[0], ",")
}

// joinSameNames joins entities of a label that share a name or alias.
func joinSameNames(all []*dent, uf *unionFind) {
	byKey := map[string][]*dent{}
	for _, e := range all {
		for _, k := range entityKeys(e) {
			for _, other := range byKey[k] {
				uf.union(other, e, mergeSameName)
			}
			byKey[k] = append(byKey[k], e)
		}
	}
}

// joinPersonForms joins, within one text, a person named by a first name,
// a surname or a misspelt first name with the one fuller name that fits:
// "Anil" and "Anil Karmel", "Dr. White" and "Greg White", "Britta" and
// "Brita Glade".
func joinPersonForms(ents []*dent, uf *unionFind) {
	var short, full []*dent
	for _, e := range ents {
		if e.label != LabelPerson || hasCJK(e.name) {
			continue
		}
		if len(strings.Fields(e.name)) > 1 {
			full = append(full, e)
		} else {
			short = append(short, e)
		}
	}
	match := func(s *dent, fits func(words []string) bool, reason string) bool {
		var found []*dent
		for _, f := range full {
			if fits(strings.Fields(f.name)) && !slices.ContainsFunc(found, func(m *dent) bool { return uf.same(m, f) }) {
				found = append(found, f)
			}
		}
		if len(found) == 1 {
			return uf.union(found[0], s, reason)
		}
		return false
	}
	for _, s := range short {
		name := s.name
		titled := s.props["title-only"] == true // "Dr. White": a surname
		switch {
		case !titled && match(s, func(w []string) bool { return strings.EqualFold(w[0], name) }, mergeShortName):
		case match(s, func(w []string) bool { return strings.EqualFold(w[len(w)-1], name) }, mergeSurname):
		case !titled && len(name) >= 4 && match(s, func(w []string) bool {
			return len(w[0]) >= 4 && levenshtein.ComputeDistance(strings.ToLower(w[0]), strings.ToLower(name)) == 1
		}, mergeSpelling):
		}
	}
	// "Michael H." and "Michael Hart", "Steve MacLaird" and "Steven A.
	// MacLaird": the same surname (or initial) and a first name that one
	// starts the other.
	for i, a := range full {
		for _, b := range full[i+1:] {
			if sameFullName(a.name, b.name) {
				uf.union(a, b, mergeShortName)
			}
		}
	}
}

// sameFullName tells whether two full names are one person's: the same
// surname (or the one's surname initial), and first names of which one
// starts the other.
func sameFullName(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	fa, fb := strings.ToLower(wa[0]), strings.ToLower(wb[0])
	la, lb := strings.ToLower(wa[len(wa)-1]), strings.ToLower(wb[len(wb)-1])
	if !(strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa)) || min(len(fa), len(fb)) < 3 {
		return false
	}
	initial := func(x, y string) bool { return len(x) == 2 && x[1] == '.' && strings.HasPrefix(y, x[:1]) }
	return la == lb || initial(la, lb) || initial(lb, la)
}

// joinAcronyms joins an entity named by an acronym ("ACM-WG", "IoT",
// "ISAO SO") with the one entity of the same label whose words it
// abbreviates.
func joinAcronyms(all []*dent, uf *unionFind) {
	byInitials := map[string][]*dent{}
	for _, e := range all {
		for _, n := range e.names() {
			for _, in := range initials(coreName(e.label, n)) {
				byInitials[e.label+"|"+in] = append(byInitials[e.label+"|"+in], e)
			}
			for _, in := range initials(n) {
				byInitials[e.label+"|"+in] = append(byInitials[e.label+"|"+in], e)
			}
		}
	}
	for _, e := range all {
		for _, n := range e.names() {
			for _, c := range []string{coreName(e.label, n), n} {
				if !isAcronym(strings.ReplaceAll(c, " ", "")) {
					continue
				}
				var distinct []*dent
				for _, x := range byInitials[e.label+"|"+acronymKey(c)] {
					if !uf.same(x, e) && !slices.ContainsFunc(distinct, func(m *dent) bool { return uf.same(m, x) }) {
						distinct = append(distinct, x)
					}
				}
				if len(distinct) == 1 {
					uf.union(distinct[0], e, mergeAcronym)
				}
			}
		}
	}
}

// acronymKey is an acronym as initials compare with it: lower case, with
// parentheses, hyphens and spaces dropped ("OA(B)" is "oab").
func acronymKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// joinOwnerless joins a group or event named without its owner ("Cloud
// Working Group") with the one entity of its text named with an owner
// before it ("OMG Cloud Working Group").
func joinOwnerless(all []*dent, uf *unionFind) {
	bySrc := map[string][]*dent{}
	for _, e := range all {
		if e.label == LabelWorkingGroup || e.label == LabelOrganization {
			bySrc[e.src] = append(bySrc[e.src], e)
		}
	}
	for _, es := range bySrc {
		for _, short := range es {
			sk := key(short.name)
			if len(sk) < 4 {
				continue
			}
			var found []*dent
			for _, long := range es {
				if long == short || long.label != short.label || uf.same(long, short) {
					continue
				}
				for _, n := range long.names() {
					lk := key(n)
					if len(lk) > len(sk) && strings.HasSuffix(lk, sk) && wordBoundaryBefore(n, short.name) {
						if !slices.ContainsFunc(found, func(m *dent) bool { return uf.same(m, long) }) {
							found = append(found, long)
						}
						break
					}
				}
			}
			if len(found) == 1 {
				uf.union(found[0], short, mergeOwner)
			}
		}
	}
}

// wordBoundaryBefore tells whether short ends long after a word boundary
// ("OMG Cloud Working Group" ends with "Cloud Working Group"; "日本シーサート
// 協議会" with "シーサート協議会").
func wordBoundaryBefore(long, short string) bool {
	l, s := strings.ToLower(normLine(long)), strings.ToLower(normLine(short))
	i := strings.LastIndex(l, s)
	if i <= 0 {
		return hasCJK(short) && i == -1 && strings.HasSuffix(key(long), key(short))
	}
	return l[i-1] == ' ' || l[i-1] == '/' || hasCJK(short)
}

// reProjectNumber is a standards project's number, which names the group
// that writes it: "P2302", "802.16".
var reProjectNumber = regexp.MustCompile(`\b(?:P\d{3,5}(?:\.\d{1,2})?|\d{3}\.\d{1,2}[a-z]?)\b`)

// joinNumbered joins a group written as its project's number and a group
// word ("IEEE P2302 WG") with the one group of the text whose full name has
// that number ("IEEE P2302 Inter-Cloud Working Group").
func joinNumbered(all []*dent, uf *unionFind) {
	bySrc := map[string][]*dent{}
	for _, e := range all {
		if e.label == LabelWorkingGroup {
			bySrc[e.src] = append(bySrc[e.src], e)
		}
	}
	for _, es := range bySrc {
		for _, short := range es {
			num := reProjectNumber.FindString(short.name)
			words := strings.Fields(short.name)
			if num == "" || len(words) > 3 || !bareGroupWord(words[len(words)-1]) {
				continue
			}
			var found []*dent
			for _, long := range es {
				if long != short && !uf.same(long, short) && len(long.name) > len(short.name) && slices.Contains(reProjectNumber.FindAllString(long.name, -1), num) &&
					!slices.ContainsFunc(found, func(m *dent) bool { return uf.same(m, long) }) {
					found = append(found, long)
				}
			}
			if len(found) == 1 {
				uf.union(found[0], short, mergeNumber)
			}
		}
	}
}

// joinSubtitles joins a document titled "<title> – <subtitle>" with the
// document of the same text titled "<title>".
func joinSubtitles(all []*dent, uf *unionFind) {
	byTitle := map[string]*dent{}
	for _, e := range all {
		if e.label == LabelDocument {
			byTitle[e.src+"|"+key(e.name)] = e
		}
	}
	for _, e := range all {
		if e.label != LabelDocument {
			continue
		}
		for _, sep := range []string{" – ", " - ", ": "} {
			head, _, ok := strings.Cut(e.name, sep)
			if !ok || len(strings.Fields(head)) < 2 {
				continue
			}
			if other, ok := byTitle[e.src+"|"+key(head)]; ok && other != e {
				uf.union(other, e, mergeSubtitle)
			}
		}
	}
}

// joinSpellings joins names of one label that differ by one letter in a
// long name ("Organisational" and "Organizational"). Names are bucketed by
// label, first letter and length, so the comparison stays near linear.
func joinSpellings(all []*dent, uf *unionFind) {
	type bucket struct {
		label string
		first byte
		n     int
	}
	buckets := map[bucket][]*dent{}
	for _, e := range all {
		k := key(e.name)
		// One kanji apart is another word, not a typo: 関東分科会 and
		// 関西分科会 are two groups (variant forms are normalised before).
		if e.label == LabelPerson || e.label == LabelEvent || len(k) < 10 || isAcronym(e.name) || hasCJK(e.name) {
			continue
		}
		b := bucket{e.label, k[0], len(k)}
		buckets[b] = append(buckets[b], e)
	}
	keys := make([]bucket, 0, len(buckets))
	for b := range buckets {
		keys = append(keys, b)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.label != b.label {
			return a.label < b.label
		}
		if a.first != b.first {
			return a.first < b.first
		}
		return a.n < b.n
	})
	for _, b := range keys {
		es := buckets[b]
		for _, n := range []int{b.n, b.n + 1} {
			others := buckets[bucket{b.label, b.first, n}]
			for i, a := range es {
				ka := key(a.name)
				for j, c := range others {
					if n == b.n && j <= i || uf.same(a, c) {
						continue
					}
					kc := key(c.name)
					if levenshtein.ComputeDistance(ka, kc) == 1 && !digitsDiffer(ka, kc) {
						uf.union(a, c, mergeSpelling)
					}
				}
			}
		}
	}
}

// digitsDiffer tells names that differ in a number apart ("WG 13" and
// "WG 14" are two groups).
func digitsDiffer(a, b string) bool {
	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
	}
	return digits(a) != digits(b)
}

// coreName strips what does not take part in an acronym: a working group's
// "Working Group" or "WG".
func coreName(label, name string) string {
	n := cleanName(name)
	if label == LabelWorkingGroup {
		for _, suf := range []string{" Working Group", "-WG", " WG", "ワーキンググループ", "WG"} {
			if len(n) > len(suf) && strings.HasSuffix(strings.ToLower(n), strings.ToLower(suf)) {
				n = strings.TrimSpace(n[:len(n)-len(suf)])
				break
			}
		}
	}
	return n
}

// smallWords do not always give a letter to an acronym.
var smallWords = map[string]bool{"and": true, "&": true, "of": true, "the": true, "for": true, "in": true, "on": true, "to": true, "a": true}

// initials returns the lower-case initials of a multi-word name, with and
// without its small words ("Internet of Things": "iot" and "it").
func initials(name string) []string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '/' })
	if len(words) == 1 {
		return camelInitials(words[0])
	}
	if len(words) < 2 {
		return nil
	}
	var all, big, caps strings.Builder
	for _, w := range words {
		r := []rune(w)
		if w == "&" {
			continue
		}
		if !unicode.IsLetter(r[0]) && !unicode.IsDigit(r[0]) {
			return nil
		}
		all.WriteRune(unicode.ToLower(r[0]))
		if !smallWords[strings.ToLower(w)] {
			big.WriteRune(unicode.ToLower(r[0]))
		}
		// "OpenID Foundation": OIDF, the capitals inside a word too.
		if strings.ContainsFunc(w, unicode.IsLower) {
			for _, c := range w {
				if unicode.IsUpper(c) {
					caps.WriteRune(unicode.ToLower(c))
				}
			}
		} else {
			caps.WriteRune(unicode.ToLower(r[0]))
		}
	}
	out := []string{all.String()}
	for _, v := range []string{big.String(), caps.String()} {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// camelInitials returns the initials of the words run together in one
// ("CooperationWorks": "cw"), or nil for a word that is not so made.
func camelInitials(w string) []string {
	var in strings.Builder
	prev := ' '
	for i, r := range w {
		if unicode.IsUpper(r) && (i == 0 || unicode.IsLower(prev)) {
			in.WriteRune(unicode.ToLower(r))
		}
		prev = r
	}
	if in.Len() < 2 || isAcronym(w) {
		return nil
	}
	return []string{in.String()}
}

// isAcronym tells whether s looks like an acronym: one word of 2 to 8
// letters, mostly capitals ("CSA", "IoT", "ACM", "OA(B)").
func isAcronym(s string) bool {
	s = strings.NewReplacer("(", "", ")", "", "-", "", "&", "").Replace(s)
	r := []rune(s)
	if len(r) < 2 || len(r) > 8 || strings.ContainsAny(s, " ") {
		return false
	}
	upper := 0
	for _, c := range r {
		if (!unicode.IsLetter(c) && !unicode.IsDigit(c)) || c > unicode.MaxASCII {
			return false
		}
		if unicode.IsUpper(c) {
			upper++
		}
	}
	return unicode.IsUpper(r[0]) && upper*2 > len(r)
}
