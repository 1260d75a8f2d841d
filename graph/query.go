package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/99designs/gqlgen/graphql"

	"csakg/graph/model"
	"csakg/store"
)

// This file holds what the root resolvers share: turning arguments into
// store calls and store results into models.

// list reads one page of a root list of entities of one label.
func (r *Resolver) list(ctx context.Context, label string, f store.Filter, order string, first *int, after *string) (model.Paged, error) {
	l, err := planList(newSelector(ctx), graphql.GetFieldContext(ctx).Field, label, f, order, first, after)
	if err != nil {
		return model.Paged{}, err
	}
	return l.read(ctx, r.Store)
}

// listRead is a root list read with its arguments checked, ready to run.
type listRead struct {
	label string
	f     store.Filter
	order store.Order
	page  store.Page
	total bool
	sel   *store.Selection
	after *string
}

// planList checks a root list's arguments and builds its selection, so
// that a bad argument is reported before any query runs.
func planList(s *selector, field graphql.CollectedField, label string, f store.Filter, order string, first *int, after *string) (listRead, error) {
	n, err := checkFirst("first", deref(first, 20), 20)
	if err != nil {
		return listRead{}, err
	}
	if f.Rels, err = listRelFilters(s, field, label); err != nil {
		return listRead{}, err
	}
	l := listRead{label: label, f: f, order: store.Order(order), page: store.Page{First: n, CountOnly: !s.wantsPage(field)}, total: s.wantsTotal(field), after: after}
	if after != nil {
		if l.page.After, err = decodeCursor("after", *after, 2); err != nil {
			return listRead{}, err
		}
	}
	if l.sel, err = s.connectionNode(field); err != nil {
		return listRead{}, err
	}
	return l, nil
}

func (l listRead) read(ctx context.Context, st *store.Store) (model.Paged, error) {
	conn, err := st.List(ctx, l.label, l.f, l.order, l.page, l.total, l.sel)
	if err != nil {
		return model.Paged{}, err
	}
	return model.Page(conn.Edges, conn.TotalCount, l.page.First, l.after), nil
}

func deref[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

func str(p *string) string { return deref(p, "") }

func date(p *model.Date) string {
	if p == nil {
		return ""
	}
	return string(*p)
}

func orderOf[T ~string](p *T, def T) string { return string(deref(p, def)) }

// Filters, one per kind of entity.

func organizationFilter(w *model.OrganizationWhere) store.Filter {
	if w == nil {
		return store.Filter{}
	}
	return store.Filter{NameContains: str(w.NameContains), NameStartsWith: str(w.NameStartsWith), Kind: str(w.Kind), RelatedTo: str(w.RelatedTo)}
}

func workingGroupFilter(w *model.WorkingGroupWhere) store.Filter {
	if w == nil {
		return store.Filter{}
	}
	return store.Filter{NameContains: str(w.NameContains), NameStartsWith: str(w.NameStartsWith), Region: str(w.Region), RelatedTo: str(w.RelatedTo)}
}

func personFilter(w *model.PersonWhere) store.Filter {
	if w == nil {
		return store.Filter{}
	}
	return store.Filter{NameContains: str(w.NameContains), NameStartsWith: str(w.NameStartsWith), RelatedTo: str(w.RelatedTo)}
}

func documentFilter(w *model.DocumentWhere) store.Filter {
	if w == nil {
		return store.Filter{}
	}
	return store.Filter{NameContains: str(w.NameContains), NameStartsWith: str(w.NameStartsWith), Kind: str(w.Kind),
		DateFrom: date(w.DateFrom), DateTo: date(w.DateTo), RelatedTo: str(w.RelatedTo)}
}

func projectFilter(w *model.ProjectWhere) store.Filter {
	if w == nil {
		return store.Filter{}
	}
	return store.Filter{NameContains: str(w.NameContains), NameStartsWith: str(w.NameStartsWith), Region: str(w.Region), RelatedTo: str(w.RelatedTo)}
}

func standardFilter(w *model.StandardWhere) store.Filter {
	if w == nil {
		return store.Filter{}
	}
	return store.Filter{NameContains: str(w.NameContains), NameStartsWith: str(w.NameStartsWith), Kind: str(w.Kind), RelatedTo: str(w.RelatedTo)}
}

func eventFilter(w *model.EventWhere) store.Filter {
	if w == nil {
		return store.Filter{}
	}
	return store.Filter{NameContains: str(w.NameContains), NameStartsWith: str(w.NameStartsWith), Kind: str(w.Kind),
		DateFrom: date(w.DateFrom), DateTo: date(w.DateTo), RelatedTo: str(w.RelatedTo)}
}

func topicFilter(w *model.TopicWhere) store.Filter {
	if w == nil {
		return store.Filter{}
	}
	return store.Filter{NameContains: str(w.NameContains), NameStartsWith: str(w.NameStartsWith), RelatedTo: str(w.RelatedTo)}
}

// node reads one entity.
func (r *Resolver) node(ctx context.Context, id string) (model.Entity, error) {
	s := newSelector(ctx)
	sel, err := s.entity(fieldSelections(ctx), "Entity")
	if err != nil {
		return nil, err
	}
	rec, err := r.Store.Node(ctx, id, sel)
	if err != nil {
		return nil, err
	}
	return model.NewEntity(rec), nil
}

// nodes reads entities by id, in the order asked: nil where there is none.
func (r *Resolver) nodes(ctx context.Context, ids []string) ([]model.Entity, error) {
	if len(ids) > MaxIDs {
		return nil, &model.InputError{Arg: "ids", Msg: fmt.Sprintf("has %d ids; the limit is %d", len(ids), MaxIDs)}
	}
	s := newSelector(ctx)
	sel, err := s.entity(fieldSelections(ctx), "Entity")
	if err != nil {
		return nil, err
	}
	recs, err := r.Store.Nodes(ctx, ids, sel)
	if err != nil {
		return nil, err
	}
	out := make([]model.Entity, len(recs))
	for i, rec := range recs {
		if rec != nil {
			out[i] = model.NewEntity(rec)
		}
	}
	return out, nil
}

// search runs a full-text search.
func (r *Resolver) search(ctx context.Context, text string, types []model.EntityType, first *int) ([]*model.SearchHit, error) {
	n, err := checkFirst("first", deref(first, 10), 10)
	if err != nil {
		return nil, err
	}
	if len([]rune(text)) > 200 {
		return nil, &model.InputError{Arg: "text", Msg: "is longer than 200 characters"}
	}
	q := store.SearchQuery(text)
	if q == "" || n == 0 {
		return []*model.SearchHit{}, nil
	}
	labels := make([]string, len(types))
	for i, t := range types {
		labels[i] = model.LabelOf(t)
	}
	s := newSelector(ctx)
	sel, err := s.entities(fieldSelections(ctx), "SearchHit", "entity")
	if err != nil {
		return nil, err
	}
	hits, err := r.Store.Search(ctx, q, labels, n, sel)
	if err != nil {
		return nil, err
	}
	out := make([]*model.SearchHit, len(hits))
	for i, h := range hits {
		out[i] = &model.SearchHit{Entity: model.NewEntity(h.Record), Score: h.Score, Snippet: snippet(h.Texts, text)}
	}
	return out, nil
}

// paths finds the shortest paths between two entities.
func (r *Resolver) paths(ctx context.Context, from, to string, maxHops, first *int) ([]*model.Path, error) {
	if from == to {
		return nil, &model.InputError{Arg: "to", Msg: "is the same entity as from"}
	}
	hops := deref(maxHops, 4)
	if hops < 1 || hops > store.MaxHops {
		return nil, &model.InputError{Arg: "maxHops", Msg: fmt.Sprintf("%d is out of range: 1 to %d", hops, store.MaxHops)}
	}
	n, err := checkFirst("first", deref(first, 5), 5)
	if err != nil {
		return nil, err
	}
	s := newSelector(ctx)
	set := fieldSelections(ctx)
	sel, err := s.entities(set, "Path", "nodes")
	if err != nil {
		return nil, err
	}
	for _, h := range s.child(set, "Path", "hops") {
		hs, err := s.entities(h.Selections, "Hop", "from", "to")
		if err != nil {
			return nil, err
		}
		sel = merge(sel, hs)
	}
	paths, err := r.Store.Paths(ctx, from, to, hops, n, sel)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Path, len(paths))
	for i, p := range paths {
		out[i] = pathModel(p)
	}
	return out, nil
}

func pathModel(p store.Path) *model.Path {
	out := &model.Path{Length: len(p.Hops)}
	for _, n := range p.Nodes {
		out.Nodes = append(out.Nodes, model.NewEntity(n))
	}
	for i, h := range p.Hops {
		from, to := out.Nodes[i], out.Nodes[i+1]
		dir := model.DirectionOut
		if id, _ := p.Nodes[i]["__id"].(string); id != h.From {
			dir = model.DirectionIn
		}
		hop := &model.Hop{
			Type: model.RelationshipType(h.Type), Direction: dir, From: from, To: to,
			Evidence: model.EvidenceFrom(h.Evidence),
		}
		if h.Role != "" {
			role := h.Role
			hop.Role = &role
		}
		out.Hops = append(out.Hops, hop)
	}
	return out
}

// period checks the bounds of a period: to may not come before from.
func period(from, to *model.Date) (store.Period, error) {
	if from != nil && to != nil && *from > *to {
		return store.Period{}, &model.InputError{Arg: "to", Msg: fmt.Sprintf("%q is before from %q", *to, *from)}
	}
	return store.Period{From: date(from), To: date(to)}, nil
}

// collaborators ranks the collaborators of an entity, in a period if
// from or to is given.
func (r *Resolver) collaborators(ctx context.Context, of string, from, to *model.Date, first *int) ([]*model.Collaboration, error) {
	n, err := checkFirst("first", deref(first, 10), 10)
	if err != nil {
		return nil, err
	}
	in, err := period(from, to)
	if err != nil {
		return nil, err
	}
	s := newSelector(ctx)
	set := fieldSelections(ctx)
	sel, err := s.entities(set, "Collaboration", "entity")
	if err != nil {
		return nil, err
	}
	via, err := s.entities(set, "Collaboration", "via")
	if err != nil {
		return nil, err
	}
	cols, err := r.Store.Collaborators(ctx, of, in, n, sel, via)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Collaboration, len(cols))
	for i, c := range cols {
		m := &model.Collaboration{Entity: model.NewEntity(c.Record), Score: int(c.Score), Direct: int(c.Direct)}
		for label, count := range c.Shared {
			m.Shared = append(m.Shared, &model.SharedCount{Type: model.TypeOfLabel(label), Count: int(count)})
		}
		sort.Slice(m.Shared, func(a, b int) bool {
			if m.Shared[a].Count != m.Shared[b].Count {
				return m.Shared[a].Count > m.Shared[b].Count
			}
			return m.Shared[a].Type < m.Shared[b].Type
		})
		for _, v := range c.Via {
			m.Via = append(m.Via, model.NewEntity(v))
		}
		if m.Shared == nil {
			m.Shared = []*model.SharedCount{}
		}
		if m.Via == nil {
			m.Via = []model.Entity{}
		}
		out[i] = m
	}
	return out, nil
}

// common lists what two entities share.
func (r *Resolver) common(ctx context.Context, a, b string, types []model.EntityType, first *int) ([]*model.Shared, error) {
	if a == b {
		return nil, &model.InputError{Arg: "b", Msg: "is the same entity as a"}
	}
	n, err := checkFirst("first", deref(first, 20), 20)
	if err != nil {
		return nil, err
	}
	labels := make([]string, len(types))
	for i, t := range types {
		labels[i] = model.LabelOf(t)
	}
	s := newSelector(ctx)
	sel, err := s.entities(fieldSelections(ctx), "Shared", "entity")
	if err != nil {
		return nil, err
	}
	shared, err := r.Store.Common(ctx, a, b, labels, n, sel)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Shared, len(shared))
	for i, x := range shared {
		out[i] = &model.Shared{Entity: model.NewEntity(x.Record), A: linkModels(x.A), B: linkModels(x.B)}
	}
	return out, nil
}

func linkModels(ls []store.Link) []*model.Link {
	out := make([]*model.Link, len(ls))
	for i, l := range ls {
		m := &model.Link{Type: model.RelationshipType(l.Type), Direction: model.DirectionIn, Evidence: make([]*model.Evidence, len(l.Evidence))}
		if l.Out {
			m.Direction = model.DirectionOut
		}
		if l.Role != "" {
			role := l.Role
			m.Role = &role
		}
		for j, e := range l.Evidence {
			m.Evidence[j] = model.EvidenceFrom(e)
		}
		out[i] = m
	}
	return out
}

// timeline reads events and dated documents in date order.
func (r *Resolver) timeline(ctx context.Context, entity *string, types []model.RelationshipType, from, to *model.Date, first *int, after *string) (*model.TimelineConnection, error) {
	n, err := checkFirst("first", deref(first, 20), 20)
	if err != nil {
		return nil, err
	}
	page := store.Page{First: n}
	if after != nil {
		if page.After, err = decodeCursor("after", *after, 2); err != nil {
			return nil, err
		}
	}
	in, err := period(from, to)
	if err != nil {
		return nil, err
	}
	if len(types) > 0 && entity == nil {
		return nil, &model.InputError{Arg: "types", Msg: "needs an entity: it limits the relationships to that entity"}
	}
	rels := make([]string, len(types))
	for i, t := range types {
		rels[i] = string(t)
	}
	s := newSelector(ctx)
	field := graphql.GetFieldContext(ctx).Field
	sel, err := s.connectionNode(field)
	if err != nil {
		return nil, err
	}
	conn, err := r.Store.Timeline(ctx, str(entity), rels, in.From, in.To, page, s.wantsTotal(field), sel)
	if err != nil {
		return nil, err
	}
	p := model.Page(conn.Edges, conn.TotalCount, n, after)
	return model.NewTimelineConnection(p), nil
}

// stats reads the counts and, if asked, the most connected entities.
func (r *Resolver) stats(ctx context.Context) (*model.Stats, error) {
	s := newSelector(ctx)
	top := 0
	var sel *store.Selection
	for _, f := range s.child(fieldSelections(ctx), "Stats", "mostConnected") {
		n, err := checkFirst(f.Alias+".first", f.ArgumentMap(s.op.Variables)["first"], 10)
		if err != nil {
			return nil, err
		}
		top = max(top, n)
		es, err := s.entities(f.Selections, "Degree", "entity")
		if err != nil {
			return nil, err
		}
		sel = merge(sel, es)
	}
	st, degs, err := r.Store.StatsWithTop(ctx, top, sel)
	if err != nil {
		return nil, err
	}
	out := statsModel(st)
	for _, d := range degs {
		out.Top = append(out.Top, &model.Degree{Entity: model.NewEntity(d.Record), Degree: int(d.Degree)})
	}
	return out, nil
}

func (r *Resolver) sources(ctx context.Context) ([]*model.Source, error) {
	srcs, err := r.Store.Sources(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Source, len(srcs))
	for i, s := range srcs {
		kind := s.Kind
		out[i] = &model.Source{ID: s.ID, Name: s.Name, Sha256: s.SHA256, Lines: int(s.Lines), Kind: &kind,
			LoadedAt: s.LoadedAt.UTC().Format("2006-01-02T15:04:05Z"), EntityCount: int(s.EntityCount),
			RelationshipCount: int(s.RelationshipCount)}
	}
	return out, nil
}

func (r *Resolver) loadRuns(ctx context.Context, first *int) ([]*model.LoadRun, error) {
	n, err := checkFirst("first", deref(first, 10), 10)
	if err != nil {
		return nil, err
	}
	runs, err := r.Store.LoadRuns(ctx, n)
	if err != nil {
		return nil, err
	}
	out := make([]*model.LoadRun, len(runs))
	for i, lr := range runs {
		out[i] = &model.LoadRun{ID: lr.ID,
			StartedAt: lr.StartedAt.UTC().Format("2006-01-02T15:04:05.000Z"), FinishedAt: lr.FinishedAt.UTC().Format("2006-01-02T15:04:05.000Z"),
			Sources: lr.Sources, ChangedSources: lr.ChangedSources,
			NodesCreated: int(lr.NodesCreated), NodesDeleted: int(lr.NodesDeleted),
			RelationshipsCreated: int(lr.RelsCreated), RelationshipsDeleted: int(lr.RelsDeleted)}
	}
	return out, nil
}
