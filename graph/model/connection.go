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
func (f Facts) Evidence(first *int) []*Evidence {
	n := deref(first, 20)
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

// ReadPage reads a nested connection from the value the compiled query
// returned for it, as the connection fields do.
func ReadPage(v any, first *int, after *string) Paged { return rawPage(v, first, after) }

// EdgeCursor, EdgeFacts and EdgeNode read an edge of a page as the
// connection types do, for writers that do not build them.
func EdgeCursor(e map[string]any) string     { return cursorOf(e) }
func EdgeFacts(e map[string]any) Facts       { return factsOf(e) }
func EdgeNode(e map[string]any) store.Record { return nodeOf(e) }

// OptString is a nullable string property as the API shows it.
func OptString(v any) *string { return optString(v) }

// rawPage reads a nested connection from a field's value.
func rawPage(v any, first *int, after *string) Paged {
	m, _ := v.(map[string]any)
	raw, _ := m["edges"].([]any)
	edges := make([]map[string]any, 0, len(raw))
	for _, e := range raw {
		if em, ok := e.(map[string]any); ok {
			edges = append(edges, em)
		}
	}
	total, _ := m["totalCount"].(int64)
	return Page(edges, total, deref(first, 20), after)
}

func cursorOf(e map[string]any) string {
	vals, _ := e["cursor"].([]any)
	return store.Cursor(vals).Encode()
}

func deref(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
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

// Connections and edges, one pair per kind of entity at the other end.
type (
	OrganizationConnection struct {
		Edges      []*OrganizationEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	OrganizationEdge struct {
		Cursor string
		Node   *Organization
		Facts
	}
	WorkingGroupConnection struct {
		Edges      []*WorkingGroupEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	WorkingGroupEdge struct {
		Cursor string
		Node   *WorkingGroup
		Facts
	}
	PersonConnection struct {
		Edges      []*PersonEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	PersonEdge struct {
		Cursor string
		Node   *Person
		Facts
	}
	DocumentConnection struct {
		Edges      []*DocumentEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	DocumentEdge struct {
		Cursor string
		Node   *Document
		Facts
	}
	ProjectConnection struct {
		Edges      []*ProjectEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	ProjectEdge struct {
		Cursor string
		Node   *Project
		Facts
	}
	StandardConnection struct {
		Edges      []*StandardEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	StandardEdge struct {
		Cursor string
		Node   *Standard
		Facts
	}
	EventConnection struct {
		Edges      []*EventEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	EventEdge struct {
		Cursor string
		Node   *Event
		Facts
	}
	TopicConnection struct {
		Edges      []*TopicEdge
		PageInfo   *PageInfo
		TotalCount int
	}
	TopicEdge struct {
		Cursor string
		Node   *Topic
		Facts
	}
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

func (*OrganizationEdge) IsRelationshipFacts() {}
func (*WorkingGroupEdge) IsRelationshipFacts() {}
func (*PersonEdge) IsRelationshipFacts()       {}
func (*DocumentEdge) IsRelationshipFacts()     {}
func (*ProjectEdge) IsRelationshipFacts()      {}
func (*StandardEdge) IsRelationshipFacts()     {}
func (*EventEdge) IsRelationshipFacts()        {}
func (*TopicEdge) IsRelationshipFacts()        {}
func (*EntityEdge) IsRelationshipFacts()       {}
func (*RelationshipEdge) IsRelationshipFacts() {}

// edges maps the edges of a page with mk.
func edges[E any](p Paged, mk func(cursor string, node store.Record, f Facts) E) []E {
	out := make([]E, len(p.edges))
	for i, e := range p.edges {
		out[i] = mk(cursorOf(e), nodeOf(e), factsOf(e))
	}
	return out
}

// The builders below turn a page into the connection of each kind.

func NewOrganizationConnection(p Paged) *OrganizationConnection {
	return &OrganizationConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n store.Record, f Facts) *OrganizationEdge {
			return &OrganizationEdge{Cursor: c, Node: &Organization{Base{n}}, Facts: f}
		})}
}

func NewWorkingGroupConnection(p Paged) *WorkingGroupConnection {
	return &WorkingGroupConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n store.Record, f Facts) *WorkingGroupEdge {
			return &WorkingGroupEdge{Cursor: c, Node: &WorkingGroup{Base{n}}, Facts: f}
		})}
}

func NewPersonConnection(p Paged) *PersonConnection {
	return &PersonConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n store.Record, f Facts) *PersonEdge {
			return &PersonEdge{Cursor: c, Node: &Person{Base{n}}, Facts: f}
		})}
}

func NewDocumentConnection(p Paged) *DocumentConnection {
	return &DocumentConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n store.Record, f Facts) *DocumentEdge {
			return &DocumentEdge{Cursor: c, Node: &Document{Base{n}}, Facts: f}
		})}
}

func NewProjectConnection(p Paged) *ProjectConnection {
	return &ProjectConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n store.Record, f Facts) *ProjectEdge {
			return &ProjectEdge{Cursor: c, Node: &Project{Base{n}}, Facts: f}
		})}
}

func NewStandardConnection(p Paged) *StandardConnection {
	return &StandardConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n store.Record, f Facts) *StandardEdge {
			return &StandardEdge{Cursor: c, Node: &Standard{Base{n}}, Facts: f}
		})}
}

func NewEventConnection(p Paged) *EventConnection {
	return &EventConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n store.Record, f Facts) *EventEdge {
			return &EventEdge{Cursor: c, Node: &Event{Base{n}}, Facts: f}
		})}
}

func NewTopicConnection(p Paged) *TopicConnection {
	return &TopicConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n store.Record, f Facts) *TopicEdge {
			return &TopicEdge{Cursor: c, Node: &Topic{Base{n}}, Facts: f}
		})}
}

func NewEntityConnection(p Paged) *EntityConnection {
	return &EntityConnection{PageInfo: p.info, TotalCount: p.total,
		Edges: edges(p, func(c string, n store.Record, f Facts) *EntityEdge {
			return &EntityEdge{Cursor: c, Node: NewEntity(n), Facts: f}
		})}
}

// Relationship fields. Each reads the connection the compiled query put
// under the field's response key.

func (b Base) WorkingGroups(ctx context.Context, first *int, after *string) (*WorkingGroupConnection, error) {
	return NewWorkingGroupConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) PartOf(ctx context.Context, first *int, after *string) (*OrganizationConnection, error) {
	return NewOrganizationConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Parts(ctx context.Context, first *int, after *string) (*OrganizationConnection, error) {
	return NewOrganizationConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Liaisons(ctx context.Context, first *int, after *string) (*OrganizationConnection, error) {
	return NewOrganizationConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Members(ctx context.Context, first *int, after *string) (*PersonConnection, error) {
	return NewPersonConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Standards(ctx context.Context, first *int, after *string) (*StandardConnection, error) {
	return NewStandardConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Projects(ctx context.Context, first *int, after *string) (*ProjectConnection, error) {
	return NewProjectConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Funds(ctx context.Context, first *int, after *string) (*ProjectConnection, error) {
	return NewProjectConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Leads(ctx context.Context, first *int, after *string) (*ProjectConnection, error) {
	return NewProjectConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Documents(ctx context.Context, first *int, after *string) (*DocumentConnection, error) {
	return NewDocumentConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Events(ctx context.Context, first *int, after *string) (*EventConnection, error) {
	return NewEventConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Organizations(ctx context.Context, first *int, after *string) (*OrganizationConnection, error) {
	return NewOrganizationConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) ParentGroups(ctx context.Context, first *int, after *string) (*WorkingGroupConnection, error) {
	return NewWorkingGroupConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Subgroups(ctx context.Context, first *int, after *string) (*WorkingGroupConnection, error) {
	return NewWorkingGroupConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) CollaboratesWith(ctx context.Context, first *int, after *string) (*WorkingGroupConnection, error) {
	return NewWorkingGroupConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Topics(ctx context.Context, first *int, after *string) (*TopicConnection, error) {
	return NewTopicConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Contributions(ctx context.Context, first *int, after *string) (*DocumentConnection, error) {
	return NewDocumentConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Attended(ctx context.Context, first *int, after *string) (*EventConnection, error) {
	return NewEventConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) PresentedAt(ctx context.Context, first *int, after *string) (*EventConnection, error) {
	return NewEventConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Contributors(ctx context.Context, first *int, after *string) (*PersonConnection, error) {
	return NewPersonConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) PublishedBy(ctx context.Context, first *int, after *string) (*EntityConnection, error) {
	return NewEntityConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) DiscussedAt(ctx context.Context, first *int, after *string) (*EventConnection, error) {
	return NewEventConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) References(ctx context.Context, first *int, after *string) (*EntityConnection, error) {
	return NewEntityConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) ReferencedBy(ctx context.Context, first *int, after *string) (*DocumentConnection, error) {
	return NewDocumentConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Participants(ctx context.Context, first *int, after *string) (*OrganizationConnection, error) {
	return NewOrganizationConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) FundedBy(ctx context.Context, first *int, after *string) (*OrganizationConnection, error) {
	return NewOrganizationConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) LedBy(ctx context.Context, first *int, after *string) (*OrganizationConnection, error) {
	return NewOrganizationConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) MaintainedBy(ctx context.Context, first *int, after *string) (*OrganizationConnection, error) {
	return NewOrganizationConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) MaintainingGroups(ctx context.Context, first *int, after *string) (*WorkingGroupConnection, error) {
	return NewWorkingGroupConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) MapsTo(ctx context.Context, first *int, after *string) (*StandardConnection, error) {
	return NewStandardConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) MappedFrom(ctx context.Context, first *int, after *string) (*StandardConnection, error) {
	return NewStandardConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) HeldBy(ctx context.Context, first *int, after *string) (*EntityConnection, error) {
	return NewEntityConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Attendees(ctx context.Context, first *int, after *string) (*PersonConnection, error) {
	return NewPersonConnection(rawPage(b.value(ctx), first, after)), nil
}
func (b Base) Presenters(ctx context.Context, first *int, after *string) (*PersonConnection, error) {
	return NewPersonConnection(rawPage(b.value(ctx), first, after)), nil
}

// Mentions are the lines that mention the entity.
func (b Base) Mentions(ctx context.Context, first *int, after *string) (*MentionConnection, error) {
	p := rawPage(b.value(ctx), first, after)
	out := &MentionConnection{PageInfo: p.info, TotalCount: p.total}
	for _, e := range p.edges {
		out.Edges = append(out.Edges, &MentionEdge{Cursor: cursorOf(e), Node: EvidenceOf(e)})
	}
	return out, nil
}

// Relationships are all the entity's relationships, or those asked for.
func (b Base) Relationships(ctx context.Context, types []RelationshipType, direction *Direction, first *int, after *string) (*RelationshipConnection, error) {
	p := rawPage(b.value(ctx), first, after)
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
