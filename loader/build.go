package loader

import (
	"context"
	"csakg/graphmodel"
	"csakg/loader/format"
	"fmt"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Options are what a build uses besides the texts.
type Options struct {
	Curation *Curation // names a person knows to be one (may be nil)
	Known    []Known   // entities the graph already holds, for new texts to join
}

// Parse reads one text and returns what it finds, resolved within that text
// only. It returns an error naming the file (and line, where there is one)
// for an empty text, binary data, bytes in no encoding it can tell, or a
// text over MaxTextSize.
func Parse(t Text) (*Graph, error) { return Build([]Text{t}, nil) }

// Build parses every text, resolves entities across them (one node per real
// thing), applies the curation (may be nil), dedupes relationships, and
// returns one graph, sorted: nodes by id, edges by type, ends, role and
// section. The same texts always give the same graph.
func Build(texts []Text, cur *Curation) (*Graph, error) {
	return BuildWith(context.Background(), texts, Options{Curation: cur})
}

// BuildWith is Build with the graph's known entities: a text that names one
// of them (by a name, an alias or an acronym of it) joins it, keeping its
// id and canonical name.
// It stops, with ctx's error, when ctx is done.
func BuildWith(ctx context.Context, texts []Text, opt Options) (*Graph, error) {
	seen := map[string]bool{}
	for _, t := range texts {
		if seen[t.Name] {
			return nil, fmt.Errorf("%s: given twice; sources are known by name", t.Name)
		}
		seen[t.Name] = true
	}
	drafts, err := readAll(ctx, texts)
	if err != nil {
		return nil, err
	}
	all, uf := resolve(drafts, opt.Curation)
	g := assemble(drafts, all, uf, opt.Known)
	for i, t := range texts {
		d := drafts[i]
		g.Sources = append(g.Sources, Source{Name: t.Name, SHA256: sha(t.Data), Lines: len(d.page.Raw), Kind: d.page.Kind,
			Format: d.format, Encoding: d.encoding})
	}
	return g, nil
}

// Blocks is what the structure stage reads in a text, for a person to see
// why a fact was or was not found: the format and encoding it was read in,
// and its blocks, their lines being the source file's.
func Blocks(t Text) (form, encoding string, blocks []Block, err error) {
	if err := checkSize(t); err != nil {
		return "", "", nil, err
	}
	doc, err := format.Decode(t.Name, t.Data)
	if err != nil {
		return "", "", nil, err
	}
	raw, nums := docLines(doc)
	p := parsePage(t.Name, raw)
	p.SrcLines = nums
	for _, b := range p.Blocks {
		b.Line = p.SourceLine(b.Line)
		for k := range b.Lines {
			b.Lines[k] = p.SourceLine(b.Lines[k])
		}
		blocks = append(blocks, b)
	}
	return doc.Format, doc.Encoding, blocks, nil
}

// readAll decodes and reads every text, one per processor at a time: a
// text's stages read nothing of another's. Of several failing texts, the
// error is the first one's in the order given, as a one-by-one read
// would report.
func readAll(ctx context.Context, texts []Text) ([]*draft, error) {
	drafts := make([]*draft, len(texts))
	errs := make([]error, len(texts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(texts)) {
		wg.Go(func() {
			for i := range next {
				drafts[i], errs[i] = readOne(ctx, texts[i])
			}
		})
	}
	for i := range texts {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return drafts, nil
}

// readOne checks, decodes and reads one text.
func readOne(ctx context.Context, t Text) (*draft, error) {
	if err := checkSize(t); err != nil {
		return nil, err
	}
	doc, err := format.Decode(t.Name, t.Data)
	if err != nil {
		return nil, err
	}
	return readText(ctx, t.Name, doc)
}

// readText runs the stages that read one decoded text: structure, then
// the recognisers and relation rules.
func readText(ctx context.Context, name string, doc *format.Document) (*draft, error) {
	raw, nums := docLines(doc)
	p := parsePage(name, raw)
	p.SrcLines = nums
	d := newDraft(p)
	d.format, d.encoding = doc.Format, doc.Encoding
	for _, w := range doc.Warnings {
		d.warnings = append(d.warnings, Warning{Source: name, Message: strings.TrimPrefix(w, name+": ")})
	}
	if err := read(ctx, d); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(d.ents) == 0 {
		d.warn(0, "nothing recognised: no organization, group, person, document, standard, project or event")
	}
	return d, nil
}

// assemble builds the graph from the resolved groups: one node per group,
// its mentions, the edges between nodes, the merges that made them.
func assemble(drafts []*draft, all []*dent, uf *unionFind, known []Known) *Graph {
	order := map[string]int{}
	for i, d := range drafts {
		order[d.src] = i
	}
	groups := uf.groups(all)
	kidx := newKnownIndex(known)
	g := &Graph{}
	idOf := map[*dent]string{}
	byID := map[string]*Node{}
	var ids []string
	var graphMerges []Merge
	for _, gr := range groups {
		n := buildNode(gr, order)
		if k, ok := kidx.match(n); ok {
			graphMerges = append(graphMerges, Merge{Label: n.Label, A: k.Name, B: n.Name, Reason: mergeGraph, Into: k.ID})
			adoptKnown(n, k)
		}
		if prev, ok := byID[n.ID]; ok {
			// Two groups with the same canonical name are one thing.
			mergeNode(prev, n)
		} else {
			byID[n.ID] = n
			ids = append(ids, n.ID)
		}
		for _, m := range gr {
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
	g.Edges = append(buildEdges(drafts, idOf), focusEdges(g.Nodes)...)
	sortEdges(g.Edges)
	for _, m := range uf.log {
		g.Merges = append(g.Merges, Merge{Label: m.a.label, A: m.a.name, B: m.b.name, Reason: m.reason, Into: idOf[m.a]})
	}
	g.Merges = append(g.Merges, graphMerges...)
	for _, d := range drafts {
		g.Warnings = append(g.Warnings, d.warnings...)
	}
	return g
}

// buildNode makes the node of a group: the fullest name, every other name
// as an alias, the first value of each property in source order.
func buildNode(ms []*dent, order map[string]int) *Node {
	sort.SliceStable(ms, func(i, j int) bool { return order[ms[i].src] < order[ms[j].src] })
	var names []string
	for _, m := range ms {
		names = append(names, m.names()...)
		names = append(names, m.forms...)
	}
	// The fullest name wins; between names alike, the one used most.
	uses := map[string]int{}
	for _, m := range ms {
		uses[key(m.name)] += max(1, len(m.seen))
	}
	best := names[0]
	for _, n := range names[1:] {
		if fuller(n, best, uses) {
			best = n
		}
	}
	// "A4Cloud" over "A4Cloud Project": a project is named without the
	// word, when the texts write it so.
	if ms[0].label == LabelProject && strings.HasSuffix(strings.ToLower(best), " project") {
		if short := best[:len(best)-len(" project")]; slices.ContainsFunc(names, func(n string) bool { return key(n) == key(short) }) {
			best = short
		}
	}
	n := &Node{Label: ms[0].label, Name: best, Props: map[string]any{}}
	for _, name := range names {
		n.addAlias(name)
	}
	for _, m := range ms {
		if n.Description == "" {
			n.Description = m.desc
		}
		for k, v := range m.props {
			if _, ok := n.Props[k]; !ok && !strings.HasPrefix(k, "title-only") {
				n.Props[k] = v
			}
		}
	}
	n.ID = graphmodel.PrefixOf(n.Label) + ":" + slug(best)
	if n.Label == LabelEvent {
		if d, ok := n.Props["date"].(string); ok {
			n.ID += "-" + d
		}
	}
	if len(n.Props) == 0 {
		n.Props = nil
	}
	return n
}

// addAlias adds a name unless the node has it already, written alike
// (case, spaces, punctuation) or, for a name of other letters, alike
// once group words are folded: "WP 8A" is an alias of "Working Party
// 8A", "Working-Party 8A" is not.
func (n *Node) addAlias(a string) {
	same := func(x string) bool {
		return sameLetters(x, a) || key(x) == key(a) && len(x) <= len(a)
	}
	if !same(n.Name) && !slices.ContainsFunc(n.Aliases, same) {
		n.Aliases = append(n.Aliases, a)
	}
}

// fuller tells whether name a is a fuller form than b: never an acronym
// over a name, then more words, then Latin script, then more uses, then
// longer.
func fuller(a, b string, uses map[string]int) bool {
	if isAcronym(coreName("", a)) != isAcronym(coreName("", b)) {
		return !isAcronym(coreName("", a))
	}
	// "Eiji Sasahara" over "Dr. Eiji Sasahara": titles are not names.
	if ha, hb := honorifics.MatchString(a), honorifics.MatchString(b); ha != hb {
		return hb
	}
	// "Gadget Report No.1" over its subtitle: a paper's number names it.
	if na, nb := reSeriesNumber.MatchString(a), reSeriesNumber.MatchString(b); na != nb {
		return na
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
	// "Widget Steering Group" over "WIDGET STEERING GROUP": a name in its
	// usual case over the same name shouted in a heading.
	if sa, sb := shouting(a), shouting(b); sa != sb && wa > 1 {
		return sb
	}
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a < b
}

// reSeriesNumber is a paper's number in its series.
var reSeriesNumber = regexp.MustCompile(`\b(?:No|Nr)\.\s?\d`)

// shouting tells a name written all in capitals.
func shouting(s string) bool {
	return !strings.ContainsFunc(s, unicode.IsLower) && strings.ContainsFunc(s, unicode.IsUpper)
}

func mergeNode(into, n *Node) {
	for _, a := range append([]string{n.Name}, n.Aliases...) {
		into.addAlias(a)
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

// knownIndex finds the graph's entities by their names' keys and acronyms.
type knownIndex struct {
	byKey map[string][]Known
}

func newKnownIndex(known []Known) knownIndex {
	ix := knownIndex{byKey: map[string][]Known{}}
	for _, k := range known {
		seen := map[string]bool{}
		for _, n := range append([]string{k.Name}, k.Aliases...) {
			for _, c := range append([]string{key(n)}, initials(n)...) {
				if c != "" && !seen[c] {
					seen[c] = true
					ix.byKey[k.Label+"|"+c] = append(ix.byKey[k.Label+"|"+c], k)
				}
			}
		}
	}
	return ix
}

// match returns the one known entity that node n names, if exactly one.
func (ix knownIndex) match(n *Node) (Known, bool) {
	if len(ix.byKey) == 0 || n.Label == LabelEvent || n.Label == LabelPerson && !strings.Contains(n.Name, " ") && !hasCJK(n.Name) {
		return Known{}, false
	}
	var found []Known
	for _, name := range append([]string{n.Name}, n.Aliases...) {
		c := key(name)
		if isAcronym(name) {
			c = acronymKey(name)
		}
		for _, k := range ix.byKey[n.Label+"|"+c] {
			if !slices.ContainsFunc(found, func(f Known) bool { return f.ID == k.ID }) {
				found = append(found, k)
			}
		}
	}
	if len(found) != 1 {
		return Known{}, false
	}
	return found[0], true
}

// adoptKnown gives node n the known entity's id, and the fuller of the two
// names, keeping every other name as an alias.
func adoptKnown(n *Node, k Known) {
	names := append([]string{n.Name}, n.Aliases...)
	names = append(names, k.Name)
	names = append(names, k.Aliases...)
	best := k.Name
	if fuller(n.Name, k.Name, nil) {
		best = n.Name
	}
	n.ID, n.Name, n.Aliases = k.ID, best, nil
	for _, a := range names {
		n.addAlias(a)
	}
}

// addMentions records every line that names each entity: the lines its
// rules saw it on, and any other line of its own texts with one of its
// names. One-word person names and events are looked for only where a
// rule found them, since a first name or a meeting title recurs for
// others.
func addMentions(drafts []*draft, byID map[string]*Node, groups [][]*dent, idOf map[*dent]string) {
	type place struct {
		src  string
		line int
	}
	seen := map[string]map[place]bool{}
	add := func(id, src string, line int, text, rule string) {
		if seen[id] == nil {
			seen[id] = map[place]bool{}
		}
		if line < 1 || seen[id][place{src, line}] {
			return
		}
		seen[id][place{src, line}] = true
		n := byID[id]
		n.Mentions = append(n.Mentions, Evidence{Source: src, Line: line, Excerpt: excerpt(text), Rule: rule})
	}
	bySrc := map[string]*draft{}
	for _, d := range drafts {
		bySrc[d.src] = d
		for _, e := range d.ents {
			for _, s := range e.seen {
				add(idOf[e], d.src, d.page.SourceLine(s.line), d.page.Raw[s.line-1], s.rule)
			}
		}
	}
	// Scan each text for the names of the entities it holds, through an
	// index of names by their first two characters, so the scan is linear
	// in the text.
	for _, d := range drafts {
		ix := nameIndex{}
		for _, e := range d.ents {
			n := byID[idOf[e]]
			if n.Label == LabelEvent {
				continue
			}
			for _, a := range append([]string{n.Name}, n.Aliases...) {
				if n.Label == LabelPerson && !strings.Contains(a, " ") && !hasCJK(a) {
					continue
				}
				if len([]rune(a)) >= 3 || isAcronym(a) {
					ix.add(a, n.ID)
				}
			}
		}
		for i, line := range d.page.Norm {
			for _, id := range ix.find(line) {
				add(id, d.src, d.page.SourceLine(i+1), d.page.Raw[i], ruleNameScan)
			}
		}
	}
}

// nameIndex finds the names it holds in a line.
type nameIndex map[string][]indexedName

type indexedName struct {
	name, lower, id string
	fold            bool // compare without case
}

func (ix nameIndex) add(name, id string) {
	n := normLine(name)
	fold := !isAcronym(n)
	low := n
	if fold {
		low = strings.ToLower(n)
	}
	r := []rune(low)
	if len(r) < 2 {
		return
	}
	k := string(r[:2])
	ix[k] = append(ix[k], indexedName{name: n, lower: low, id: id, fold: fold})
}

// find returns the ids of the names in line, each once. It looks up the
// two characters at each position, so it is linear in the line.
func (ix nameIndex) find(line string) []string {
	if len(ix) == 0 {
		return nil
	}
	var out []string
	scan := func(s string, fold bool) {
		for i := range s {
			_, n1 := utf8.DecodeRuneInString(s[i:])
			if i+n1 >= len(s) {
				break
			}
			_, n2 := utf8.DecodeRuneInString(s[i+n1:])
			for _, c := range ix[s[i:i+n1+n2]] {
				target := c.name
				if fold {
					target = c.lower
				}
				if c.fold != fold || slices.Contains(out, c.id) || !strings.HasPrefix(s[i:], target) {
					continue
				}
				if wordEdge(s, i, true) && wordEdge(s, i+len(target), false) {
					out = append(out, c.id)
				}
			}
		}
	}
	scan(line, false)
	scan(strings.ToLower(line), true)
	return out
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

// buildEdges turns facts into edges: one per type, ends and role (roles
// compared without case), with the first line that states it, every line
// that does when there are several (Lines, by source and line; weight is
// their number) and, for a
// fact stated of several sections, all of them (sections; section is the
// first).
func buildEdges(drafts []*draft, idOf map[*dent]string) []Edge {
	type ekey struct{ typ, from, to, role string }
	byKey := map[ekey]*Edge{}
	lines := map[ekey]map[string]bool{}
	sections := map[ekey][]string{}
	var keys []ekey
	for _, d := range drafts {
		long := roleLongForms(d, idOf)
		for _, f := range d.facts {
			from, to := idOf[f.from], idOf[f.to]
			if from == "" || to == "" || from == to {
				continue
			}
			if role, ok := f.props["role"].(string); ok {
				if l, ok := long[factEnds{f.typ, from, to}][role]; ok {
					f.props = maps.Clone(f.props)
					f.props["role"] = l
				}
			}
			k := ekey{f.typ, from, to, strings.ToLower(fmt.Sprint(f.props["role"]))}
			ev := Evidence{Source: d.src, Line: d.page.SourceLine(f.line), Excerpt: excerpt(d.page.Raw[f.line-1]), Rule: f.rule}
			e, ok := byKey[k]
			if ok {
				for pk, pv := range f.props {
					if _, ok := e.Props[pk]; !ok {
						e.Props[pk] = pv
					}
				}
			} else {
				e = &Edge{Type: f.typ, From: from, To: to, Props: maps.Clone(f.props), Evidence: ev}
				if e.Props == nil {
					e.Props = map[string]any{}
				}
				byKey[k] = e
				lines[k] = map[string]bool{}
				keys = append(keys, k)
			}
			if sec, ok := f.props["section"]; ok && !slices.Contains(sections[k], fmt.Sprint(sec)) {
				sections[k] = append(sections[k], fmt.Sprint(sec))
			}
			if at := fmt.Sprint(d.src, ":", f.line); !lines[k][at] {
				lines[k][at] = true
				e.Lines = append(e.Lines, ev)
			}
		}
	}
	out := make([]Edge, 0, len(keys))
	for _, k := range keys {
		e := byKey[k]
		e.Props["weight"] = len(lines[k])
		if len(sections[k]) > 1 {
			e.Props["sections"] = sections[k]
		}
		if len(e.Lines) == 1 {
			e.Lines = nil // Evidence says it all
		}
		sort.SliceStable(e.Lines, func(i, j int) bool {
			a, b := e.Lines[i], e.Lines[j]
			if a.Source != b.Source {
				return a.Source < b.Source
			}
			return a.Line < b.Line
		})
		out = append(out, *e)
	}
	return out
}

// factEnds is a relationship's type and ends, without its properties.
type factEnds struct{ typ, from, to string }

// roleLongForms finds, among the facts of one text, the roles written as
// an abbreviation of another role the same text gives for the same
// relationship ("ED" and "Executive Director" for one person in one
// organization), and maps each to its long form, so the two are one fact.
func roleLongForms(d *draft, idOf map[*dent]string) map[factEnds]map[string]string {
	roles := map[factEnds][]string{}
	for _, f := range d.facts {
		r, ok := f.props["role"].(string)
		if !ok {
			continue
		}
		k := factEnds{f.typ, idOf[f.from], idOf[f.to]}
		if !slices.Contains(roles[k], r) {
			roles[k] = append(roles[k], r)
		}
	}
	out := map[factEnds]map[string]string{}
	for k, rs := range roles {
		for _, short := range rs {
			for _, long := range rs {
				if isAcronym(short) && slices.Contains(initials(long), acronymKey(short)) {
					if out[k] == nil {
						out[k] = map[string]string{}
					}
					out[k][short] = long
				}
			}
		}
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
			if ev, ok := namingLine(n, t); ok {
				ev.Rule = ruleTopicInName
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
		if a.To != b.To {
			return a.To < b.To
		}
		ra, rb := fmt.Sprint(a.Props["role"]), fmt.Sprint(b.Props["role"])
		if ra != rb {
			return ra < rb
		}
		return fmt.Sprint(a.Props["section"]) < fmt.Sprint(b.Props["section"])
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
