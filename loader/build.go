package loader

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Parse reads one text and returns what it finds, resolved within that text
// only. It returns an error naming the file (and line, where there is one)
// for an empty text, binary or non-UTF-8 bytes, or a text over MaxTextSize.
func Parse(t Text) (*Graph, error) { return Build([]Text{t}, nil) }

// Build parses every text, resolves entities across them (one node per real
// thing), applies the curation (may be nil), dedupes relationships, and
// returns one graph, sorted: nodes by id, edges by type, ends, role and
// section. The same texts always give the same graph.
func Build(texts []Text, cur *Curation) (*Graph, error) {
	seen := map[string]bool{}
	var drafts []*draft
	for _, t := range texts {
		if seen[t.Name] {
			return nil, fmt.Errorf("%s: given twice; sources are known by name", t.Name)
		}
		seen[t.Name] = true
		if err := check(t); err != nil {
			return nil, err
		}
		drafts = append(drafts, parseText(t))
	}
	g := resolve(drafts, cur)
	for i, t := range texts {
		g.Sources = append(g.Sources, Source{Name: t.Name, SHA256: sha(t.Data), Lines: len(drafts[i].lines), Kind: drafts[i].kind})
	}
	return g, nil
}

// parseText picks the parser for the text's kind.
func parseText(t Text) *draft {
	ls := lines(t.Data)
	d := newDraft(t.Name, ls)
	d.kind = detectKind(ls)
	switch d.kind {
	case KindForm:
		parseForm(d)
	case KindListing:
		parseListing(d)
	case KindLog:
		parseLog(d)
	default:
		d.warn(0, "not a form, a listing or an activity log: read with the general rules only")
	}
	parseGeneral(d)
	return d
}

// group is a set of draft entities found to be one real thing.
type group struct {
	members []*dent
	id      string
}

// resolve joins draft entities into nodes and draft facts into edges.
func resolve(drafts []*draft, cur *Curation) *Graph {
	var all []*dent
	order := map[string]int{} // source name -> position
	for i, d := range drafts {
		order[d.src] = i
		all = append(all, d.ents...)
	}
	uf := newUnionFind(all)

	// Same label and a shared name or alias. A one-word person name only
	// joins within its own text: "Mark" in one text is nobody in another.
	byKey := map[string]*dent{}
	for _, e := range all {
		for _, k := range entityKeys(e) {
			if other, ok := byKey[k]; ok {
				uf.union(e, other)
			} else {
				byKey[k] = e
			}
		}
	}
	for _, d := range drafts {
		joinPersonForms(d, uf)
	}
	joinAcronyms(all, uf)
	joinSubtitles(all, uf)
	if cur != nil {
		cur.apply(all, uf)
	}

	groups := uf.groups(all, order)
	g := &Graph{}
	idOf := map[*dent]string{}
	byID := map[string]*Node{}
	var ids []string
	for _, gr := range groups {
		n := buildNode(gr, order)
		if prev, ok := byID[n.ID]; ok {
			// Two groups with the same canonical name are one thing.
			mergeNode(prev, n)
		} else {
			byID[n.ID] = n
			ids = append(ids, n.ID)
		}
		for _, m := range gr.members {
			idOf[m] = n.ID
		}
	}
	addMentions(drafts, byID, groups, idOf)
	sort.Strings(ids)
	for _, id := range ids {
		n := byID[id]
		sortEvidence(n.Mentions, order)
		g.Nodes = append(g.Nodes, *n)
	}
	g.Edges = append(buildEdges(drafts, idOf, order), focusEdges(g.Nodes)...)
	sortEdges(g.Edges)
	for _, d := range drafts {
		g.Warnings = append(g.Warnings, d.warnings...)
	}
	return g
}

// entityKeys are the keys under which e matches other entities.
func entityKeys(e *dent) []string {
	names := append([]string{e.name}, e.aliases...)
	var ks []string
	for _, n := range names {
		k := key(n)
		if e.label == LabelWorkingGroup {
			// "ACM-WG", "ACM WG" and "ACM" name one group.
			k = key(coreName(e.label, n))
		}
		if k == "" {
			continue
		}
		switch {
		case e.label == LabelEvent:
			k += "|" + fmt.Sprint(e.props["date"])
		case e.label == LabelPerson && !strings.Contains(strings.TrimSpace(n), " "):
			k += "|" + e.src
		}
		ks = append(ks, e.label+"|"+k)
	}
	return ks
}

// joinPersonForms joins a one-word person name with the one fuller name in
// the same text that starts with it ("Anil" and "Anil Karmel").
func joinPersonForms(d *draft, uf *unionFind) {
	var short, full []*dent
	for _, e := range d.ents {
		if e.label != LabelPerson {
			continue
		}
		if strings.Contains(e.name, " ") {
			full = append(full, e)
		} else {
			short = append(short, e)
		}
	}
	for _, s := range short {
		var match []*dent
		for _, f := range full {
			if strings.EqualFold(strings.Fields(f.name)[0], s.name) && !slices.ContainsFunc(match, func(m *dent) bool { return uf.find(m) == uf.find(f) }) {
				match = append(match, f)
			}
		}
		if len(match) == 1 {
			uf.union(s, match[0])
		}
	}
}

// joinAcronyms joins an entity named by an acronym ("ACM-WG", "IoT") with
// the one entity of the same label whose words it abbreviates.
func joinAcronyms(all []*dent, uf *unionFind) {
	byInitials := map[string][]*dent{}
	for _, e := range all {
		for _, n := range append([]string{e.name}, e.aliases...) {
			for _, in := range initials(coreName(e.label, n)) {
				byInitials[e.label+"|"+in] = append(byInitials[e.label+"|"+in], e)
			}
		}
	}
	for _, e := range all {
		for _, n := range append([]string{e.name}, e.aliases...) {
			c := coreName(e.label, n)
			if !isAcronym(c) {
				continue
			}
			cands := byInitials[e.label+"|"+strings.ToLower(c)]
			var distinct []*dent
			for _, x := range cands {
				if uf.find(x) != uf.find(e) && !slices.ContainsFunc(distinct, func(m *dent) bool { return uf.find(m) == uf.find(x) }) {
					distinct = append(distinct, x)
				}
			}
			if len(distinct) == 1 {
				uf.union(e, distinct[0])
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
				uf.union(other, e)
			}
		}
	}
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
	if len(words) < 2 {
		return nil
	}
	var all, big strings.Builder
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsLetter(r[0]) && w != "&" {
			return nil
		}
		if w == "&" {
			continue
		}
		all.WriteRune(unicode.ToLower(r[0]))
		if !smallWords[strings.ToLower(w)] {
			big.WriteRune(unicode.ToLower(r[0]))
		}
	}
	if all.String() == big.String() {
		return []string{all.String()}
	}
	return []string{all.String(), big.String()}
}

// isAcronym tells whether s looks like an acronym: one word of 2 to 8
// letters, mostly capitals ("CSA", "IoT", "ACM").
func isAcronym(s string) bool {
	r := []rune(s)
	if len(r) < 2 || len(r) > 8 || strings.ContainsAny(s, " ") {
		return false
	}
	upper := 0
	for _, c := range r {
		if !unicode.IsLetter(c) || c > unicode.MaxASCII {
			return false
		}
		if unicode.IsUpper(c) {
			upper++
		}
	}
	return unicode.IsUpper(r[0]) && upper*2 > len(r)
}

// buildNode makes the node of a group: the fullest name, every other name
// as an alias, the first value of each property in source order.
func buildNode(gr *group, order map[string]int) *Node {
	ms := gr.members
	sort.SliceStable(ms, func(i, j int) bool { return order[ms[i].src] < order[ms[j].src] })
	var names []string
	for _, m := range ms {
		names = append(names, m.name)
		names = append(names, m.aliases...)
	}
	// The fullest name wins; between names alike, the one used most.
	uses := map[string]int{}
	for _, m := range ms {
		uses[key(m.name)] += max(1, len(m.lines))
	}
	best := names[0]
	for _, n := range names[1:] {
		if fuller(n, best, uses) {
			best = n
		}
	}
	n := &Node{Label: ms[0].label, Name: best, Props: map[string]any{}}
	for _, name := range names {
		if key(name) != key(best) && !slices.ContainsFunc(n.Aliases, func(a string) bool { return key(a) == key(name) }) {
			n.Aliases = append(n.Aliases, name)
		}
	}
	for _, m := range ms {
		if n.Description == "" {
			n.Description = m.desc
		}
		for k, v := range m.props {
			if _, ok := n.Props[k]; !ok {
				n.Props[k] = v
			}
		}
	}
	n.ID = idPrefix[n.Label] + ":" + slug(best)
	if n.Label == LabelEvent {
		if d, ok := n.Props["date"].(string); ok {
			n.ID += "-" + d
		}
	}
	if len(n.Props) == 0 {
		n.Props = nil
	}
	gr.id = n.ID
	return n
}

// latin tells whether s is written in Latin script (ASCII letters).
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && r > unicode.MaxLatin1 {
			return false
		}
	}
	return true
}

// fuller tells whether name a is a fuller form than b: never an acronym
// over a name, then more words, then Latin script, then more uses, then
// longer.
func fuller(a, b string, uses map[string]int) bool {
	if isAcronym(coreName("", a)) != isAcronym(coreName("", b)) {
		return !isAcronym(coreName("", a))
	}
	wa, wb := len(strings.Fields(a)), len(strings.Fields(b))
	if wa != wb {
		return wa > wb
	}
	// The API speaks English: between names alike, the Latin-script one.
	if la, lb := latin(a), latin(b); la != lb {
		return la
	}
	if ua, ub := uses[key(a)], uses[key(b)]; ua != ub {
		return ua > ub
	}
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a < b
}

func mergeNode(into, n *Node) {
	for _, a := range append([]string{n.Name}, n.Aliases...) {
		if key(a) != key(into.Name) && !slices.ContainsFunc(into.Aliases, func(x string) bool { return key(x) == key(a) }) {
			into.Aliases = append(into.Aliases, a)
		}
	}
	if into.Description == "" {
		into.Description = n.Description
	}
	for k, v := range n.Props {
		if into.Props == nil {
			into.Props = map[string]any{}
		}
		if _, ok := into.Props[k]; !ok {
			into.Props[k] = v
		}
	}
}

// addMentions records every line that names each entity: the lines its
// parser saw it on, and any other line of its texts with one of its names.
// One-word person names and events are looked for only where a parser
// found them, since a first name or a meeting title recurs for others.
func addMentions(drafts []*draft, byID map[string]*Node, groups []*group, idOf map[*dent]string) {
	type ev struct {
		src  string
		line int
	}
	seen := map[string]map[ev]bool{}
	add := func(id, src string, line int, text string) {
		if seen[id] == nil {
			seen[id] = map[ev]bool{}
		}
		if line < 1 || seen[id][ev{src, line}] {
			return
		}
		seen[id][ev{src, line}] = true
		n := byID[id]
		n.Mentions = append(n.Mentions, Evidence{Source: src, Line: line, Excerpt: excerpt(text)})
	}
	for _, d := range drafts {
		for _, e := range d.ents {
			for _, l := range e.lines {
				add(idOf[e], d.src, l, d.lines[l-1])
			}
		}
	}
	for _, gr := range groups {
		n := byID[gr.id]
		if n.Label == LabelEvent {
			continue
		}
		var names []string
		for _, a := range append([]string{n.Name}, n.Aliases...) {
			if len([]rune(a)) >= 3 || isAcronym(a) {
				names = append(names, a)
			}
		}
		srcs := map[string]bool{}
		for _, m := range gr.members {
			srcs[m.src] = true
		}
		for _, d := range drafts {
			if !srcs[d.src] && n.Label == LabelPerson && !strings.Contains(n.Name, " ") {
				continue
			}
			for i, line := range d.lines {
				for _, name := range names {
					if n.Label == LabelPerson && !strings.Contains(name, " ") && !srcs[d.src] {
						continue
					}
					if containsName(line, name) {
						add(gr.id, d.src, i+1, line)
						break
					}
				}
			}
		}
	}
}

// containsName tells whether line names name as a whole word: case is
// ignored for names longer than an acronym.
func containsName(line, name string) bool {
	h, n := line, name
	if !isAcronym(name) {
		h, n = strings.ToLower(line), strings.ToLower(name)
	}
	for i := 0; ; {
		j := strings.Index(h[i:], n)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(n)
		if wordEdge(h, start, true) && wordEdge(h, end, false) {
			return true
		}
		i = start + 1
	}
}

// wordEdge tells whether position i of s is not inside an ASCII word.
func wordEdge(s string, i int, before bool) bool {
	var c byte
	if before {
		if i == 0 {
			return true
		}
		c = s[i-1]
	} else {
		if i >= len(s) {
			return true
		}
		c = s[i]
	}
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}

// buildEdges turns facts into edges: one per type, ends, role and section,
// with the first line that states it and the number of lines that do.
func buildEdges(drafts []*draft, idOf map[*dent]string, order map[string]int) []Edge {
	type key struct{ typ, from, to, role, section string }
	byKey := map[key]*Edge{}
	lines := map[key]map[string]bool{}
	var keys []key
	for _, d := range drafts {
		for _, f := range d.facts {
			from, to := idOf[f.from], idOf[f.to]
			if from == "" || to == "" || from == to {
				continue
			}
			k := key{f.typ, from, to, fmt.Sprint(f.props["role"]), fmt.Sprint(f.props["section"])}
			ev := Evidence{Source: d.src, Line: f.line, Excerpt: excerpt(d.lines[f.line-1])}
			if e, ok := byKey[k]; ok {
				for pk, pv := range f.props {
					if _, ok := e.Props[pk]; !ok {
						e.Props[pk] = pv
					}
				}
			} else {
				p := map[string]any{}
				for pk, pv := range f.props {
					p[pk] = pv
				}
				byKey[k] = &Edge{Type: f.typ, From: from, To: to, Props: p, Evidence: ev}
				lines[k] = map[string]bool{}
				keys = append(keys, k)
			}
			lines[k][fmt.Sprint(d.src, ":", f.line)] = true
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.typ != b.typ {
			return a.typ < b.typ
		}
		if a.from != b.from {
			return a.from < b.from
		}
		if a.to != b.to {
			return a.to < b.to
		}
		if a.role != b.role {
			return a.role < b.role
		}
		return a.section < b.section
	})
	out := make([]Edge, 0, len(keys))
	for _, k := range keys {
		e := byKey[k]
		e.Props["weight"] = len(lines[k])
		out = append(out, *e)
	}
	return out
}

// focusEdges links a working group, document or project to each topic its
// name names ("Software Defined Perimeter Working Group" focuses on
// Software Defined Perimeter), with the line that names it as evidence.
func focusEdges(nodes []Node) []Edge {
	var topics []Node
	for _, n := range nodes {
		if n.Label == LabelTopic {
			topics = append(topics, n)
		}
	}
	var out []Edge
	for _, n := range nodes {
		if n.Label != LabelWorkingGroup && n.Label != LabelDocument && n.Label != LabelProject {
			continue
		}
		for _, t := range topics {
			ev, ok := namingLine(n, t)
			if ok {
				out = append(out, Edge{Type: RelFocusesOn, From: n.ID, To: t.ID, Props: map[string]any{"weight": 1}, Evidence: ev})
			}
		}
	}
	return out
}

// namingLine finds the first line that names entity n by a name that
// contains one of topic t's names.
func namingLine(n, t Node) (Evidence, bool) {
	for _, name := range append([]string{n.Name}, n.Aliases...) {
		for _, tn := range append([]string{t.Name}, t.Aliases...) {
			if len([]rune(tn)) < 2 || !containsName(name, tn) {
				continue
			}
			for _, m := range n.Mentions {
				if containsName(m.Excerpt, name) {
					return m, true
				}
			}
		}
	}
	return Evidence{}, false
}

func sortEdges(es []Edge) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
}

func sortEvidence(ev []Evidence, order map[string]int) {
	sort.Slice(ev, func(i, j int) bool {
		if ev[i].Source != ev[j].Source {
			return order[ev[i].Source] < order[ev[j].Source]
		}
		return ev[i].Line < ev[j].Line
	})
}

// unionFind groups draft entities.
type unionFind struct {
	parent map[*dent]*dent
}

func newUnionFind(all []*dent) *unionFind {
	uf := &unionFind{parent: make(map[*dent]*dent, len(all))}
	for _, e := range all {
		uf.parent[e] = e
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

// union joins two entities' groups; entities of different labels never
// join.
func (u *unionFind) union(a, b *dent) {
	if a.label != b.label {
		return
	}
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u.parent[rb] = ra
	}
}

// groups lists the groups in a stable order: by their first member's
// source and position.
func (u *unionFind) groups(all []*dent, order map[string]int) []*group {
	byRoot := map[*dent]*group{}
	var out []*group
	for _, e := range all {
		r := u.find(e)
		g, ok := byRoot[r]
		if !ok {
			g = &group{}
			byRoot[r] = g
			out = append(out, g)
		}
		g.members = append(g.members, e)
	}
	return out
}
