package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"csakg/loader"
)

// Record is one entity as a compiled query returns it: its id, label and
// name under reserved keys, and every selected field under FieldKey(key).
type Record = map[string]any

// Node reads the entity with the given id. It returns ErrNotFound when there
// is none.
func (s *Store) Node(ctx context.Context, id string, sel *Selection) (Record, error) {
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	c := newCompiler()
	q := fmt.Sprintf("MATCH (n:Entity {id: %s}) RETURN %s AS e", c.param(id), c.entity("n", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("entity %q: %w", id, ErrNotFound)
	}
	e, _ := recs[0].Get("e")
	return e.(Record), nil
}

// Nodes reads the entities with the given ids, in the order of ids, in one
// query: nil where an id names no entity.
func (s *Store) Nodes(ctx context.Context, ids []string, sel *Selection) ([]Record, error) {
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	out := make([]Record, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	c := newCompiler()
	p := c.param(ids)
	q := fmt.Sprintf(`UNWIND range(0, size(%[1]s) - 1) AS i
OPTIONAL MATCH (n:Entity {id: %[1]s[i]})
RETURN i, CASE WHEN n IS NULL THEN null ELSE %[2]s END AS e`, p, c.entity("n", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		i, _ := r.Get("i")
		e, _ := r.Get("e")
		n, ok := i.(int64)
		if rec, isRec := e.(Record); ok && isRec && n >= 0 && int(n) < len(out) {
			out[n] = rec
		}
	}
	return out, nil
}

// Filter narrows a list of entities. Empty fields do not filter.
type Filter struct {
	NameContains   string
	NameStartsWith string
	Kind           string
	Region         string
	DateFrom       string // ISO date, inclusive
	DateTo         string // ISO date or prefix (2021-06), inclusive
	RelatedTo      string // id of an entity it must be linked to
	Rels           []RelFilter
}

// Order is a sort order for lists.
type Order string

// Orders. Entities without a date sort after those with one, both ways.
const (
	NameAsc  Order = "NAME_ASC"
	NameDesc Order = "NAME_DESC"
	DateAsc  Order = "DATE_ASC"
	DateDesc Order = "DATE_DESC"
)

// Connection is one page of a list, as the compiled query returns it: each
// edge a map with "cursor" (the sort-key values) and "node" (a Record), at
// most Page.First+1 of them.
type Connection struct {
	Edges      []map[string]any
	TotalCount int64
}

// sortKeys returns the Cypher sort keys of a list of entities bound to v.
// Dates sort with missing ones last; the id makes the order total.
func sortKeys(v string, o Order) ([]string, bool, error) {
	switch o {
	case NameAsc, "":
		return []string{v + ".name", v + ".id"}, false, nil
	case NameDesc:
		return []string{v + ".name", v + ".id"}, true, nil
	case DateAsc:
		return []string{"coalesce(" + v + ".date, '9999')", v + ".id"}, false, nil
	case DateDesc:
		return []string{"coalesce(" + v + ".date, '')", v + ".id"}, true, nil
	}
	return nil, false, fmt.Errorf("order %q", o)
}

// List reads a page of the entities of one label.
func (s *Store) List(ctx context.Context, label string, f Filter, o Order, page Page, total bool, sel *Selection) (Connection, error) {
	if err := validLabels([]string{label}); err != nil {
		return Connection{}, err
	}
	if err := sel.Validate(); err != nil {
		return Connection{}, err
	}
	if err := validRels(f); err != nil {
		return Connection{}, err
	}
	c := newCompiler()
	match, where, seek := c.listMatch(label, f)
	keys, desc, err := sortKeys("n", o)
	if err != nil {
		return Connection{}, err
	}
	cond := where
	if page.After != nil {
		op := ">"
		if desc {
			op = "<"
		}
		cond = and(cond, "["+strings.Join(keys, ", ")+"] "+op+" "+c.param([]any(page.After)))
	}
	order := strings.Join(keys, ", ")
	if desc {
		order = strings.Join(keys, " DESC, ") + " DESC"
	}
	distinct, count := "", ""
	if seek {
		distinct, count = " WITH DISTINCT n", " RETURN DISTINCT n"
	}
	q := fmt.Sprintf("RETURN COLLECT { MATCH %s%s%s RETURN {cursor: [%s], node: %s} ORDER BY %s LIMIT %s } AS edges",
		match, whereClause(cond), distinct, strings.Join(keys, ", "), c.entity("n", sel), order, c.param(page.First+1))
	if page.CountOnly {
		q = countOnlyList
	}
	if total {
		q += fmt.Sprintf(", COUNT { MATCH %s%s%s } AS total", match, whereClause(where), count)
	}
	return s.connection(ctx, q, c.params)
}

func (s *Store) connection(ctx context.Context, q string, params map[string]any) (Connection, error) {
	recs, err := s.query(ctx, q, params)
	if err != nil {
		return Connection{}, err
	}
	return connectionOf(recs[0]), nil
}

// connectionOf reads the "edges" and, if asked for, "total" columns of a
// compiled list query.
func connectionOf(r *neo4j.Record) Connection {
	var out Connection
	edges, _ := r.Get("edges")
	for _, e := range edges.([]any) {
		out.Edges = append(out.Edges, e.(map[string]any))
	}
	if t, ok := r.Get("total"); ok {
		out.TotalCount, _ = t.(int64)
	}
	return out
}

// filter compiles f for the entity bound to v.
func (c *compiler) filter(v string, f Filter) string {
	var cond string
	// Every text filter compares folded text (see fold). The name key (see
	// nameKey) holds the name and aliases, folded, after newlines; no name
	// has one, so text with a newline matches nothing.
	if f.NameContains != "" {
		if strings.Contains(f.NameContains, "\n") {
			return "false"
		}
		cond = and(cond, fmt.Sprintf("%s.nameKey CONTAINS %s", v, fold(c.param(f.NameContains))))
	}
	if f.NameStartsWith != "" {
		if strings.Contains(f.NameStartsWith, "\n") {
			return "false"
		}
		// The name comes first in the key, so it starts with the text when
		// the key does after its first newline.
		cond = and(cond, fmt.Sprintf("%s.nameKey STARTS WITH '\\n' + %s", v, fold(c.param(f.NameStartsWith))))
	}
	if f.Kind != "" {
		cond = and(cond, fmt.Sprintf("%s = %s", fold(v+".kind"), fold(c.param(f.Kind))))
	}
	if f.Region != "" {
		cond = and(cond, fmt.Sprintf("%s = %s", fold(v+".region"), fold(c.param(f.Region))))
	}
	cond = and(cond, c.dateRange(v+".date", f.DateFrom, f.DateTo))
	if f.RelatedTo != "" {
		cond = and(cond, fmt.Sprintf("EXISTS { (%s)--(:Entity {id: %s}) }", v, c.param(f.RelatedTo)))
	}
	return and(cond, c.relFilters(v, f.Rels))
}

// dateRange compiles the bounds from and to (ISO dates or prefixes, both
// inclusive, "" for none) on the date expression d; a null date is out of
// any range.
func (c *compiler) dateRange(d, from, to string) string {
	var cond string
	if from != "" {
		cond = fmt.Sprintf("%s >= %s", d, c.param(from))
	}
	if to != "" {
		// A prefix compare makes "2021-06" include every day of June. The
		// bound below it says the same for ISO dates (whose characters all
		// sort before DEL) in a form the date index can seek on.
		p := c.param(to)
		cond = and(cond, fmt.Sprintf("%s < %s AND left(%s, size(%s)) <= %s", d, c.param(to+"\x7f"), d, p, p))
	}
	return cond
}

// Hit is one search result.
type Hit struct {
	Score  float64
	Texts  []string // name, aliases, description and location, for the snippet
	Record Record
}

// Search runs a full-text query (already in Lucene syntax, see
// SearchQuery) and returns the best hits of the given labels (all when
// empty).
func (s *Store) Search(ctx context.Context, lucene string, labels []string, first int, sel *Selection) ([]Hit, error) {
	if err := validLabels(labels); err != nil {
		return nil, err
	}
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	c := newCompiler()
	typeCond := ""
	if len(labels) > 0 {
		typeCond = fmt.Sprintf(" WHERE any(l IN labels(node) WHERE l IN %s)", c.param(labels))
	}
	// The page is cut before the entities are read, so a word that
	// matches thousands of entities costs a sort of their scores, not
	// thousands of entity reads.
	q := fmt.Sprintf(`CALL db.index.fulltext.queryNodes('%s', %s) YIELD node, score%s
WITH node, score ORDER BY score DESC, node.id LIMIT %s
RETURN score, %s AS texts, %s AS e
ORDER BY score DESC, node.id`, searchIndex, c.param(lucene), typeCond, c.param(first), searchTexts, c.entity("node", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(recs))
	for _, r := range recs {
		score, _ := r.Get("score")
		texts, _ := r.Get("texts")
		e, _ := r.Get("e")
		h := Hit{Record: e.(Record)}
		h.Score, _ = score.(float64)
		for _, t := range texts.([]any) {
			if s, ok := t.(string); ok {
				h.Texts = append(h.Texts, s)
			}
		}
		out = append(out, h)
	}
	return out, nil
}

// searchTexts is the list of the texts searchIndex covers, for snippets.
var searchTexts = func() string {
	parts := make([]string, len(searchProps))
	for i, p := range searchProps {
		if p == "aliases" {
			parts[i] = "coalesce(node.aliases, [])"
		} else {
			parts[i] = "coalesce([node." + p + "], [])"
		}
	}
	return strings.Join(parts, " + ")
}()

// Bounds on a search: Lucene builds an automaton per prefix term, and a
// huge one fails the query.
const (
	maxSearchWords    = 10
	maxSearchWordRune = 40
)

// SearchQuery turns text a person typed into a Lucene query that matches
// it literally: every word is a phrase, every character with a meaning in
// Lucene's syntax is escaped, and the last word also matches as a prefix.
// Words are cut to 40 characters and only the first 10 count. It returns
// "" when the text has no word to search for.
func SearchQuery(text string) string {
	text = strings.ToValidUTF8(text, "")
	words := strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	})
	var terms []string
	for _, w := range words {
		if len(terms) == maxSearchWords {
			break
		}
		if r := []rune(w); len(r) > maxSearchWordRune {
			w = string(r[:maxSearchWordRune])
		}
		e := luceneEscape(w)
		if e == "" {
			continue
		}
		terms = append(terms, e)
	}
	if len(terms) == 0 {
		return ""
	}
	// Each word is a phrase: the index cuts Japanese text into pairs of
	// characters, and a phrase wants them all, in order (関西支部 finds
	// 関西支部, not every 支部). A Latin word is one term either way.
	for i, t := range terms {
		if i < len(terms)-1 {
			terms[i] = `"` + t + `"`
		}
	}
	last := terms[len(terms)-1]
	terms[len(terms)-1] = `("` + last + `" OR ` + last + "*)"
	return strings.Join(terms, " AND ")
}

func luceneEscape(w string) string {
	var b strings.Builder
	for _, r := range w {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	s := b.String()
	// AND, OR and NOT are operators only in upper case.
	switch s {
	case "AND", "OR", "NOT":
		s = strings.ToLower(s)
	}
	if strings.Trim(s, `\`) == "" {
		return ""
	}
	return s
}

// Hop is one relationship of a path.
type Hop struct {
	Type     string
	From, To string // ids, in the relationship's own direction
	Role     string
	Evidence loader.Evidence
}

// Path is a path between two entities.
type Path struct {
	Nodes []Record
	Hops  []Hop
}

// MaxHops bounds path length.
const MaxHops = 6

// entityRelPattern is every entity relationship type, for variable-length
// patterns, which must not walk through Source nodes.
var entityRelPattern = strings.Join(loader.RelTypes, "|")

// Paths returns up to first shortest paths between two entities, of at most
// maxHops relationships. It returns ErrNotFound when either entity is
// missing.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops, first int, sel *Selection) ([]Path, error) {
	if maxHops < 1 || maxHops > MaxHops {
		return nil, fmt.Errorf("maxHops %d out of range", maxHops)
	}
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	c := newCompiler()
	q := fmt.Sprintf(`OPTIONAL MATCH (a:Entity {id: %s})
OPTIONAL MATCH (b:Entity {id: %s})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[:%s*..%d]-(b))
  WITH p LIMIT %s
  RETURN collect({nodes: [n IN nodes(p) | %s],
    hops: [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role,
      source: r.source, line: r.line, excerpt: r.excerpt, rule: r.rule}]}) AS paths
}
RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasTo, paths`,
		c.param(from), c.param(to), entityRelPattern, maxHops, c.param(first), c.entity("n", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	r := recs[0]
	if ok, _ := r.Get("hasFrom"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", from, ErrNotFound)
	}
	if ok, _ := r.Get("hasTo"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", to, ErrNotFound)
	}
	raw, _ := r.Get("paths")
	var out []Path
	for _, p := range raw.([]any) {
		pm := p.(map[string]any)
		var path Path
		for _, n := range pm["nodes"].([]any) {
			path.Nodes = append(path.Nodes, n.(Record))
		}
		for _, h := range pm["hops"].([]any) {
			hm := h.(map[string]any)
			path.Hops = append(path.Hops, Hop{
				Type: str(hm["type"]), From: str(hm["from"]), To: str(hm["to"]), Role: str(hm["role"]),
				Evidence: evidence(hm),
			})
		}
		out = append(out, path)
	}
	return out, nil
}

// Collaboration is one collaborator of an entity.
type Collaboration struct {
	Record Record
	Score  int64
	Direct int64
	Shared map[string]int64 // label -> count
	Via    []Record
}

// MaxVia bounds the shared entities returned per collaborator.
const MaxVia = 20

// Period bounds what counts: ISO dates or prefixes, both inclusive; ""
// for no bound.
type Period struct{ From, To string }

func (p Period) any() bool { return p.From != "" || p.To != "" }

// Collaborators ranks the entities of the same label as id that are one or
// two relationships away. score = 3 per direct relationship + 2 per shared
// Person, Document or Project + 1 per other shared entity. With a period,
// only shared events and documents dated in it count, and direct
// relationships whose date (or since) falls in it.
func (s *Store) Collaborators(ctx context.Context, id string, in Period, first int, sel, viaSel *Selection) ([]Collaboration, error) {
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	if err := viaSel.Validate(); err != nil {
		return nil, err
	}
	c := newCompiler()
	aParam := c.param(id)
	// What counts: with a period, shared events and documents dated in it,
	// and direct relationships dated in it; without one, everything.
	sharedCond, directCond, keep := "", "", ""
	if in.any() {
		sharedCond = " AND (x:Event OR x:Document) AND " + c.dateRange("x.date", in.From, in.To)
		directCond = " WHERE " + c.dateRange("coalesce(r.date, r.since)", in.From, in.To)
		keep = "\n  WHERE direct > 0 OR size(xs) > 0"
	}
	// One expansion finds every candidate with the entities it shares with
	// a, so the cost grows with a's two-hop neighbourhood, not with its
	// square; the second branch adds neighbours that share nothing.
	q := fmt.Sprintf(`OPTIONAL MATCH (a:Entity {id: %s})
CALL (a) {
  WITH a WHERE a IS NOT NULL
  CALL (a) {
    MATCH (a)-[:%s]-(x:Entity)-[:%[2]s]-(b:Entity)
    WHERE b <> a AND x <> a AND x <> b%[3]s
    RETURN b, x
    UNION
    MATCH (a)-[:%[2]s]-(b:Entity)
    WHERE b <> a
    RETURN b, null AS x
  }
  WITH a, b, x
  WHERE [l IN labels(b) WHERE l <> 'Entity'] = [l IN labels(a) WHERE l <> 'Entity']
  WITH a, b, collect(DISTINCT x) AS xs
  WITH a, b, xs, COUNT { (a)-[r:%[2]s]-(b)%[4]s } AS direct%[5]s
  WITH b, xs, direct,
    direct * 3 + reduce(t = 0, x IN xs | t + CASE WHEN x:Person OR x:Document OR x:Project THEN 2 ELSE 1 END) AS score
  ORDER BY score DESC, b.name, b.id
  LIMIT %[6]s
  RETURN collect({score: score, direct: direct,
    shared: [x IN xs | %[7]s],
    via: [x IN xs[0..%[8]d] | %[9]s],
    node: %[10]s}) AS collabs
}
RETURN a IS NOT NULL AS found, collabs`,
		aParam, entityRelPattern, sharedCond, directCond, keep, c.param(first), labelExpr("x"), MaxVia, c.entity("x", viaSel), c.entity("b", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	if ok, _ := recs[0].Get("found"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", id, ErrNotFound)
	}
	raw, _ := recs[0].Get("collabs")
	var out []Collaboration
	for _, x := range raw.([]any) {
		m := x.(map[string]any)
		col := Collaboration{Record: m["node"].(Record), Shared: map[string]int64{}}
		col.Score, _ = m["score"].(int64)
		col.Direct, _ = m["direct"].(int64)
		for _, l := range m["shared"].([]any) {
			col.Shared[str(l)]++
		}
		for _, v := range m["via"].([]any) {
			col.Via = append(col.Via, v.(Record))
		}
		out = append(out, col)
	}
	return out, nil
}

// Timeline reads events and dated documents in date order: those linked
// directly to the entity entityID, or all of them when entityID is empty.
// It returns ErrNotFound when entityID names no entity.
//
// types, with an entity, keeps the items linked to it by relationships of
// those types (all types when empty).
func (s *Store) Timeline(ctx context.Context, entityID string, types []string, from, to string, page Page, total bool, sel *Selection) (Connection, error) {
	if err := sel.Validate(); err != nil {
		return Connection{}, err
	}
	if err := validTypes(types); err != nil {
		return Connection{}, err
	}
	if len(types) > 0 && entityID == "" {
		return Connection{}, fmt.Errorf("relationship types without an entity")
	}
	c := newCompiler()
	match := "(n:Event|Document)"
	prefix := ""
	if entityID != "" {
		prefix = fmt.Sprintf("OPTIONAL MATCH (a:Entity {id: %s}) ", c.param(entityID))
		rels := entityRelPattern
		if len(types) > 0 {
			rels = strings.Join(types, "|")
		}
		match = "(a)-[:" + rels + "]-(n:Event|Document)"
	}
	where := "n.date IS NOT NULL"
	where = and(where, c.filter("n", Filter{DateFrom: from, DateTo: to}))
	keys := []string{"n.date", "n.id"}
	cond := where
	if page.After != nil {
		cond = and(cond, "[n.date, n.id] > "+c.param([]any(page.After)))
	}
	// DISTINCT: an event linked to the entity twice is on its timeline once.
	q := fmt.Sprintf("%sRETURN COLLECT { MATCH %s%s WITH DISTINCT n RETURN {cursor: [%s], date: n.date, node: %s} ORDER BY %s LIMIT %s } AS edges",
		prefix, match, whereClause(cond), strings.Join(keys, ", "), c.entity("n", sel), strings.Join(keys, ", "), c.param(page.First+1))
	if total {
		q += fmt.Sprintf(", COUNT { MATCH %s%s RETURN DISTINCT n } AS total", match, whereClause(where))
	}
	if entityID != "" {
		q += ", a IS NOT NULL AS found"
	}
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return Connection{}, err
	}
	if entityID != "" {
		if ok, _ := recs[0].Get("found"); ok != true {
			return Connection{}, fmt.Errorf("entity %q: %w", entityID, ErrNotFound)
		}
	}
	return connectionOf(recs[0]), nil
}

// MaxLinkEvidence bounds the lines of evidence read for one link of
// Common.
const MaxLinkEvidence = 100

// Link is a relationship between an entity asked about and another, seen
// from the first.
type Link struct {
	Type     string
	Out      bool // it points from the entity asked about
	Role     string
	Evidence []loader.Evidence
}

// Shared is an entity two others are both linked to, with the links.
type Shared struct {
	Record Record
	A, B   []Link
}

// Common lists the entities of the given labels (any entity when empty)
// that both a and b are directly linked to, by label and name, each with
// the relationships that link it to a and to b, their lines in source and
// line order. It returns ErrNotFound when a or b names no entity.
func (s *Store) Common(ctx context.Context, a, b string, labels []string, first int, sel *Selection) ([]Shared, error) {
	if err := validLabels(labels); err != nil {
		return nil, err
	}
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	shared := loader.LabelEntity
	if len(labels) > 0 {
		shared = strings.Join(labels, "|")
	}
	c := newCompiler()
	links := func(v string) string {
		return fmt.Sprintf(`COLLECT { MATCH (%[1]s)-[r:%[2]s]-(x)
      RETURN {type: type(r), out: startNode(r) = %[1]s, role: r.role, evidence: %[3]s}
      ORDER BY type(r), r.source, r.line, r.key }`, v, entityRelPattern, fmt.Sprintf(FactFields["evidence"], "r", fmt.Sprint(MaxLinkEvidence)))
	}
	q := fmt.Sprintf(`OPTIONAL MATCH (a:Entity {id: %s})
OPTIONAL MATCH (b:Entity {id: %s})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH (a)-[:%[3]s]-(x:%[4]s)-[:%[3]s]-(b)
  WHERE x <> a AND x <> b
  WITH DISTINCT a, b, x
  ORDER BY %[5]s, x.name, x.id
  LIMIT %[6]s
  RETURN collect({node: %[7]s,
    a: %[8]s,
    b: %[9]s}) AS shared
}
RETURN a IS NOT NULL AS hasA, b IS NOT NULL AS hasB, shared`,
		c.param(a), c.param(b), entityRelPattern, shared, labelExpr("x"), c.param(first),
		c.entity("x", sel), links("a"), links("b"))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	r := recs[0]
	if ok, _ := r.Get("hasA"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", a, ErrNotFound)
	}
	if ok, _ := r.Get("hasB"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", b, ErrNotFound)
	}
	raw, _ := r.Get("shared")
	var out []Shared
	for _, x := range raw.([]any) {
		m := x.(map[string]any)
		out = append(out, Shared{Record: m["node"].(Record), A: linksOf(m["a"]), B: linksOf(m["b"])})
	}
	return out, nil
}

func linksOf(v any) []Link {
	l, _ := v.([]any)
	out := make([]Link, 0, len(l))
	for _, x := range l {
		m := x.(map[string]any)
		out = append(out, Link{Type: str(m["type"]), Out: m["out"] == true, Role: str(m["role"]), Evidence: evidenceList(m["evidence"])})
	}
	return out
}

func evidenceList(v any) []loader.Evidence {
	l, _ := v.([]any)
	out := make([]loader.Evidence, 0, len(l))
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			out = append(out, evidence(m))
		}
	}
	return out
}

// Degree is an entity and its number of relationships to other entities.
type Degree struct {
	Record Record
	Degree int64
}

// StatsWithTop is Stats plus, when top > 0, the top most connected
// entities, in one round trip.
func (s *Store) StatsWithTop(ctx context.Context, top int, sel *Selection) (Stats, []Degree, error) {
	if top <= 0 {
		st, err := s.Stats(ctx)
		return st, nil, err
	}
	if err := sel.Validate(); err != nil {
		return Stats{}, nil, err
	}
	c := newCompiler()
	q := fmt.Sprintf(`CALL () { %s }
WITH collect({kind: kind, name: name, count: count}) AS counts
RETURN counts, COLLECT { MATCH (n:Entity) WHERE n.degree IS NOT NULL
  RETURN {degree: n.degree, node: %s} ORDER BY n.degree DESC, n.name, n.id LIMIT %s } AS top`,
		cypherCounts, c.entity("n", sel), c.param(top))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return Stats{}, nil, err
	}
	var st Stats
	counts, _ := recs[0].Get("counts")
	for _, x := range counts.([]any) {
		m := x.(map[string]any)
		n, _ := m["count"].(int64)
		cnt := Count{Name: str(m["name"]), Count: n}
		if m["kind"] == "label" {
			st.Labels = append(st.Labels, cnt)
		} else {
			st.Relationships = append(st.Relationships, cnt)
		}
	}
	var degs []Degree
	topRaw, _ := recs[0].Get("top")
	for _, x := range topRaw.([]any) {
		m := x.(map[string]any)
		d := Degree{Record: m["node"].(Record)}
		d.Degree, _ = m["degree"].(int64)
		degs = append(degs, d)
	}
	return st, degs, nil
}

// SourceInfo describes a loaded source text.
type SourceInfo struct {
	ID, Name, SHA256, Kind string
	Lines                  int64
	LoadedAt               time.Time
	EntityCount            int64
	RelationshipCount      int64
}

// Sources lists the loaded source texts by name.
func (s *Store) Sources(ctx context.Context) ([]SourceInfo, error) {
	recs, err := s.query(ctx, cypherSources, nil)
	if err != nil {
		return nil, err
	}
	out := make([]SourceInfo, 0, len(recs))
	for _, r := range recs {
		m, _ := r.Get("s")
		p := m.(map[string]any)
		si := SourceInfo{ID: str(p["id"]), Name: str(p["name"]), SHA256: str(p["sha256"]), Kind: str(p["kind"])}
		si.Lines, _ = p["lines"].(int64)
		si.EntityCount, _ = p["entityCount"].(int64)
		si.RelationshipCount, _ = p["relationshipCount"].(int64)
		si.LoadedAt, _ = p["loadedAt"].(time.Time)
		out = append(out, si)
	}
	return out, nil
}

// LoadRun is one recorded load.
type LoadRun struct {
	ID                         string
	StartedAt, FinishedAt      time.Time
	Sources, ChangedSources    []string
	NodesCreated, NodesDeleted int64
	RelsCreated, RelsDeleted   int64
}

// LoadRuns lists the newest first loads.
func (s *Store) LoadRuns(ctx context.Context, first int) ([]LoadRun, error) {
	recs, err := s.query(ctx, cypherLoadRuns, map[string]any{"first": first})
	if err != nil {
		return nil, err
	}
	out := make([]LoadRun, 0, len(recs))
	for _, r := range recs {
		m, _ := r.Get("r")
		p := m.(map[string]any)
		lr := LoadRun{ID: str(p["id"]), Sources: strs(p["sources"]), ChangedSources: strs(p["changedSources"])}
		lr.StartedAt, _ = p["startedAt"].(time.Time)
		lr.FinishedAt, _ = p["finishedAt"].(time.Time)
		lr.NodesCreated, _ = p["nodesCreated"].(int64)
		lr.NodesDeleted, _ = p["nodesDeleted"].(int64)
		lr.RelsCreated, _ = p["relsCreated"].(int64)
		lr.RelsDeleted, _ = p["relsDeleted"].(int64)
		out = append(out, lr)
	}
	return out, nil
}

func evidence(m map[string]any) loader.Evidence {
	line, _ := m["line"].(int64)
	return loader.Evidence{Source: str(m["source"]), Line: int(line), Excerpt: str(m["excerpt"]), Rule: str(m["rule"])}
}

func str(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		out = append(out, str(x))
	}
	return out
}
