package eval

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"csakg/graphmodel"
	"csakg/loader"
)

// Norm is how names are compared: NFKC, case-folded, whitespace collapsed,
// the typographic hyphens (U+2010, U+2011) read as "-", as the loader
// reads them in texts, and "_" as a space (chat rosters write
// "Kaz_Ashimura" for Kaz Ashimura).
func Norm(s string) string {
	return collapse(cases.Fold().String(hyphens.Replace(norm.NFKC.String(s))))
}

var hyphens = strings.NewReplacer("\u2010", "-", "\u2011", "-", "_", " ")

// accepted returns the node labels that satisfy a must entry of label: a
// body inside an organisation may be read as either, so Organization and
// WorkingGroup accept each other.
func accepted(label string) []string {
	if label == graphmodel.Organization || label == graphmodel.WorkingGroup {
		return []string{graphmodel.Organization, graphmodel.WorkingGroup}
	}
	return []string{label}
}

// index looks a graph's nodes up by normalised name or alias and its edges
// by type and ends.
type index struct {
	nodes  map[string]loader.Node
	byName map[string][]string // Norm(name or alias) -> node ids, sorted
	edges  map[edgeKey][]loader.Edge
	events []loader.Node // sorted by id
}

type edgeKey struct{ typ, from, to string }

func newIndex(g *loader.Graph) *index {
	ix := &index{nodes: map[string]loader.Node{}, byName: map[string][]string{}, edges: map[edgeKey][]loader.Edge{}}
	for _, n := range g.Nodes {
		ix.nodes[n.ID] = n
		for _, name := range append([]string{n.Name}, n.Aliases...) {
			k := Norm(name)
			if k != "" && !slices.Contains(ix.byName[k], n.ID) {
				ix.byName[k] = append(ix.byName[k], n.ID)
			}
		}
		if n.Label == graphmodel.Event {
			ix.events = append(ix.events, n)
		}
	}
	for k := range ix.byName {
		slices.Sort(ix.byName[k])
	}
	slices.SortFunc(ix.events, func(a, b loader.Node) int { return strings.Compare(a.ID, b.ID) })
	for _, e := range g.Edges {
		k := edgeKey{e.Type, e.From, e.To}
		ix.edges[k] = append(ix.edges[k], e)
	}
	return ix
}

// find returns the ids of the nodes of one of labels (any label when
// labels is nil) that have name as their name or an alias.
func (ix *index) find(name string, labels []string) []string {
	var out []string
	for _, id := range ix.byName[Norm(name)] {
		if labels == nil || slices.Contains(labels, ix.nodes[id].Label) {
			out = append(out, id)
		}
	}
	return out
}

// event picks the node of an expected event: an Event whose date is the
// expected one (an expected month takes any day of it), preferring the one
// whose name shares most words with the expected name, then one no earlier
// expected event took, then the smallest id. It returns "" when no event
// has the date.
func (ix *index) event(want EventExpect, taken map[string]bool) string {
	type cand struct {
		id    string
		score int
	}
	var cands []cand
	words := nameWords(want.Name)
	for _, n := range ix.events {
		if dateMatches(want.Date, nodeDate(n)) {
			cands = append(cands, cand{n.ID, shared(words, nameWords(n.Name))})
		}
	}
	if len(cands) == 0 {
		return ""
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return b.score - a.score })
	for _, c := range cands {
		if !taken[c.id] {
			return c.id
		}
	}
	return cands[0].id
}

func nodeDate(n loader.Node) string {
	if d, ok := n.Props["date"]; ok {
		return fmt.Sprint(d)
	}
	return ""
}

func dateMatches(want, got string) bool {
	return got != "" && (got == want || len(want) == len("2006-01") && strings.HasPrefix(got, want+"-"))
}

// nameWords splits a name into its words for comparing event names: runs of
// letters and digits, and for runs of Chinese or Japanese script (which put
// no spaces between words) every pair of adjacent characters.
func nameWords(s string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(Norm(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(w)
		if !slices.ContainsFunc(r, isCJK) {
			if len(r) > 1 || unicode.IsDigit(r[0]) {
				words[w] = true
			}
			continue
		}
		for i := 0; i+1 < len(r); i++ {
			words[string(r[i:i+2])] = true
		}
		if len(r) == 1 {
			words[w] = true
		}
	}
	return words
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func shared(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

// pageMatch resolves a page's expected names against one graph.
type pageMatch struct {
	p       *Page
	ix      *index
	events  map[string]string // expected event name -> node id ("" when missing)
	matched map[string]bool   // node ids that satisfy a must entry or an alias form
}

func newPageMatch(p *Page, g *loader.Graph) *pageMatch {
	m := &pageMatch{p: p, ix: newIndex(g), events: map[string]string{}, matched: map[string]bool{}}
	taken := map[string]bool{}
	for _, ev := range p.Events {
		if _, done := m.events[ev.Name]; done {
			continue
		}
		id := m.ix.event(ev, taken)
		m.events[ev.Name] = id
		if id != "" {
			taken[id] = true
			m.matched[id] = true
		}
	}
	return m
}

// resolve returns the nodes a name of the page stands for: the chosen node
// of an expected event of that name; otherwise nodes with the name or one
// of its listed alias forms, of the labels must lists it under (any label
// when it is not in must; an alias form takes its canonical name's labels).
func (m *pageMatch) resolve(name string) []string {
	labels, inMust := m.p.mustLabels(name)
	var ids []string
	if slices.Contains(labels, graphmodel.Event) {
		if id := m.events[name]; id != "" {
			ids = append(ids, id)
		}
	}
	var accept []string
	for _, l := range labels {
		if l != graphmodel.Event {
			accept = append(accept, accepted(l)...)
		}
	}
	if !inMust {
		for _, a := range m.p.Aliases {
			if slices.Contains(a.Forms, name) {
				canon, _ := m.p.mustLabels(a.Name)
				for _, l := range canon {
					accept = append(accept, accepted(l)...)
				}
			}
		}
	}
	if inMust && accept == nil {
		return ids // an event only
	}
	for _, n := range append([]string{name}, m.p.aliasForms(name)...) {
		for _, id := range m.ix.find(n, accept) {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// edges returns the graph's edges of r's type between nodes r's ends
// resolve to.
func (m *pageMatch) edges(r Relation) []loader.Edge {
	var out []loader.Edge
	for _, from := range m.resolve(r.From) {
		for _, to := range m.resolve(r.To) {
			out = append(out, m.ix.edges[edgeKey{r.Type, from, to}]...)
		}
	}
	return out
}

// hasProps reports whether one of edges carries every property key r gives,
// with a value; the wording is not compared.
func hasProps(r Relation, edges []loader.Edge) bool {
	for _, e := range edges {
		ok := true
		for k := range r.Props {
			if v, has := e.Props[k]; !has || strings.TrimSpace(fmt.Sprint(v)) == "" {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}
