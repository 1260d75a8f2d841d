package model

import (
	"context"
	"fmt"

	"csakg/loader"
	"csakg/store"
)

// Facts are the properties of the relationship an edge follows.
type Facts struct {
	Role     *string
	Section  *string
	Sections []string
	Date     *Date
	Since    *Date
	Status   *string
	Amount   *string
	Weight   *int
	// Lines is the evidence read: at most as many lines as the largest
	// evidence(first:) of the request.
	Lines []*Evidence
}

// Evidence is the first lines of the evidence, as the field shows them.
// It takes no context, so that gqlgen's executor does not resolve it in a
// goroutine of its own; the default of first comes from the schema
// through modelgen (evidenceFirst, entities_gen.go).
func (f Facts) Evidence(first *int) []*Evidence {
	if first == nil {
		return f.FirstLines(evidenceFirst)
	}
	return f.FirstLines(*first)
}

// FirstLines is the first n lines of the evidence.
func (f Facts) FirstLines(n int) []*Evidence {
	if n < len(f.Lines) {
		return f.Lines[:n]
	}
	if f.Lines == nil {
		return []*Evidence{}
	}
	return f.Lines
}

// Paged is a connection as the store returned it, cut to the page asked for.
type Paged struct {
	edges []map[string]any
	info  *PageInfo
	total int
}

// Page cuts a connection read by the store to first edges. The store reads
// one edge more than asked, which tells whether a next page exists.
func Page(edges []map[string]any, total int64, first int, after *string) Paged {
	p := Paged{total: int(total), info: &PageInfo{HasPreviousPage: after != nil}}
	if len(edges) > first {
		edges = edges[:first]
		p.info.HasNextPage = true
	}
	p.edges = edges
	if len(edges) > 0 {
		start, end := cursorOf(edges[0]), cursorOf(edges[len(edges)-1])
		p.info.StartCursor, p.info.EndCursor = &start, &end
	}
	return p
}

// Edges are the page's edges as the store read them.
func (p Paged) Edges() []map[string]any { return p.edges }

// Info is the page's position in the list.
func (p Paged) Info() *PageInfo { return p.info }

// Total is the length of the whole list, when it was counted.
func (p Paged) Total() int { return p.total }

// ReadPage reads a nested connection of first edges from the value the
// compiled query returned for it, as the connection fields do.
func ReadPage(v any, first int, after *string) Paged { return rawPage(v, first, after) }

// EdgeCursor, EdgeFacts and EdgeNode read an edge of a page as the
// connection types do, for writers that do not build them.
func EdgeCursor(e map[string]any) string     { return cursorOf(e) }
func EdgeFacts(e map[string]any) Facts       { return factsOf(e) }
func EdgeNode(e map[string]any) store.Record { return nodeOf(e) }

// OptString is a nullable string property as the API shows it.
func OptString(v any) *string { return optString(v) }

// rawPage reads a nested connection from a field's value.
func rawPage(v any, first int, after *string) Paged {
	m, _ := v.(map[string]any)
	raw, _ := m["edges"].([]any)
	edges := make([]map[string]any, 0, len(raw))
	for _, e := range raw {
		if em, ok := e.(map[string]any); ok {
			edges = append(edges, em)
		}
	}
	total, _ := m["totalCount"].(int64)
	return Page(edges, total, first, after)
}

func cursorOf(e map[string]any) string {
	vals, _ := e["cursor"].([]any)
	return store.Cursor(vals).Encode()
}

func factsOf(e map[string]any) Facts {
	m, _ := e["facts"].(map[string]any)
	if m == nil {
		return Facts{}
	}
	f := Facts{
		Role:    optString(m["role"]),
		Section: optString(m["section"]),
		Date:    toDate(optString(m["date"])),
		Since:   toDate(optString(m["since"])),
		Status:  optString(m["status"]),
		Amount:  optString(m["amount"]),
	}
	if w, ok := m["weight"].(int64); ok {
		n := int(w)
		f.Weight = &n
	}
	if l, ok := m["sections"].([]any); ok {
		f.Sections = make([]string, 0, len(l))
		for _, x := range l {
			if s := optString(x); s != nil {
				f.Sections = append(f.Sections, *s)
			}
		}
	}
	if l, ok := m["evidence"].([]any); ok {
		f.Lines = make([]*Evidence, 0, len(l))
		for _, x := range l {
			if em, ok := x.(map[string]any); ok {
				f.Lines = append(f.Lines, EvidenceOf(em))
			}
		}
	}
	return f
}

func optString(v any) *string {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return &x
	default:
		s := fmt.Sprint(x)
		return &s
	}
}

func nodeOf(e map[string]any) store.Record {
	n, _ := e["node"].(map[string]any)
	return n
}

// Connections and edges of mixed kinds, of any relationship, and of
// mentions. Those of each label are generated (entities_gen.go).
type (
	EntityConnection struct {
		Edges      []*EntityEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	EntityEdge struct {
		Cursor string
		Node   Entity
		Facts
	}
	RelationshipConnection struct {
		Edges      []*RelationshipEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	RelationshipEdge struct {
		Cursor    string
		Type      RelationshipType
		Direction Direction
		Node      Entity
		Facts
	}
	MentionConnection struct {
		Edges      []*MentionEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	MentionEdge struct {
		Cursor string
		Node   *Evidence
	}
)

func (*EntityEdge) IsRelationshipFacts()       {}
func (*RelationshipEdge) IsRelationshipFacts() {}

// edges maps the edges of a page with mk.
func edges[E any](p Paged, mk func(cursor string, node Base, f Facts) E) []E {
	out := make([]E, len(p.edges))
	for i, e := range p.edges {
		out[i] = mk(cursorOf(e), Base{nodeOf(e)}, factsOf(e))
	}
	return out
}

// page reads the connection the compiled query put under the response key
// of the relationship field being resolved.
func (b Base) page(ctx context.Context, first *int, after *string) Paged {
	return rawPage(b.value(ctx), IntOr(ctx, "first", first), after)
}

// NewEntityConnection turns a page of entities of mixed kinds into its
// connection.
func NewEntityConnection(p Paged) *EntityConnection {
	return &EntityConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n Base, f Facts) *EntityEdge {
			return &EntityEdge{Cursor: c, Node: NewEntity(n.rec), Facts: f}
		})}
}

// Mentions are the lines that mention the entity.
func (b Base) Mentions(ctx context.Context, first *int, after *string) (*MentionConnection, error) {
	p := b.page(ctx, first, after)
	out := &MentionConnection{PageInfo: p.info, TotalCount: p.total}
	for _, e := range p.edges {
		out.Edges = append(out.Edges, &MentionEdge{Cursor: cursorOf(e), Node: EvidenceOf(e)})
	}
	return out, nil
}

// Relationships are all the entity's relationships, or those asked for.
func (b Base) Relationships(ctx context.Context, types []RelationshipType, direction *Direction, first *int, after *string) (*RelationshipConnection, error) {
	p := b.page(ctx, first, after)
	out := &RelationshipConnection{PageInfo: p.info, TotalCount: p.total}
	for _, e := range p.edges {
		t, _ := e["type"].(string)
		d, _ := e["direction"].(string)
		out.Edges = append(out.Edges, &RelationshipEdge{
			Cursor: cursorOf(e), Type: RelationshipType(t), Direction: Direction(d),
			Node: NewEntity(nodeOf(e)), Facts: factsOf(e),
		})
	}
	return out, nil
}

// NewTimelineConnection turns a page of the timeline into its connection.
func NewTimelineConnection(p Paged) *TimelineConnection {
	out := &TimelineConnection{PageInfo: p.info, TotalCount: p.total, Edges: []*TimelineEdge{}}
	for _, e := range p.edges {
		d, _ := e["date"].(string)
		out.Edges = append(out.Edges, &TimelineEdge{Cursor: cursorOf(e), Date: Date(d), Node: NewEntity(nodeOf(e))})
	}
	return out
}

// EvidenceFrom is the API's form of the loader's evidence.
func EvidenceFrom(e loader.Evidence) *Evidence {
	ev := &Evidence{Source: e.Source, Line: e.Line, Excerpt: e.Excerpt}
	if e.Rule != "" {
		r := e.Rule
		ev.Rule = &r
	}
	return ev
}

// EvidenceOf reads the evidence of a fact or mention from the compiled
// query's map: source, line, excerpt and the rule that found it.
func EvidenceOf(m map[string]any) *Evidence {
	src, _ := m["source"].(string)
	line, _ := m["line"].(int64)
	ex, _ := m["excerpt"].(string)
	ev := &Evidence{Source: src, Line: int(line), Excerpt: ex}
	if r, ok := m["rule"].(string); ok && r != "" {
		ev.Rule = &r
	}
	return ev
}
