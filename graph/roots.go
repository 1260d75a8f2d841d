package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/99designs/gqlgen/graphql"

	"csakg/graph/model"
	"csakg/graphmodel"
	"csakg/store"
)

// This file answers the root fields other than the lists: each reads its
// arguments in a decode function, which the direct writer calls too.

// rootOp is a root field answered through a resolver: decode reads and
// checks its arguments, before any query runs; run answers with them. The
// resolvers and the direct writer both go through decode, reading the
// field's arguments with model.Args (schema defaults included): the typed
// arguments gqlgen passes the resolvers are not read.
type rootOp[In, Out any] struct {
	decode func(model.Args) (In, error)
	run    func(*Resolver, context.Context, In) (Out, error)
}

// answer answers the root field being resolved in ctx with op.
func answer[In, Out any](ctx context.Context, r *Resolver, op rootOp[In, Out]) (Out, error) {
	in, err := op.decode(model.FieldArgs(ctx))
	if err != nil {
		var none Out
		return none, err
	}
	return op.run(r, ctx, in)
}

// call returns op as the direct writer calls it. A value not of its type
// (model.DecodeError) is an error of planning: the executor reports it.
// Any other error of the arguments is the field's, answered directly as
// the resolver answers it, without a query.
func (op rootOp[In, Out]) call(r *Resolver) rootCall {
	return func(a model.Args) (func(context.Context) (any, error), error) {
		in, err := op.decode(a)
		var bad *model.DecodeError
		if errors.As(err, &bad) {
			return nil, err
		}
		if err != nil {
			return func(context.Context) (any, error) { return nil, err }, nil
		}
		return func(ctx context.Context) (any, error) {
			v, err := op.run(r, ctx, in)
			return v, err
		}, nil
	}
}

var nodeOp = rootOp[string, model.Entity]{
	decode: func(a model.Args) (string, error) { return a.String("id") },
	run:    (*Resolver).node,
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

var nodesOp = rootOp[[]string, []model.Entity]{
	decode: func(a model.Args) ([]string, error) {
		ids, err := a.Strings("ids")
		if err == nil && len(ids) > MaxIDs {
			return nil, &model.InputError{Arg: "ids", Msg: fmt.Sprintf("has %d ids; the limit is %d", len(ids), MaxIDs)}
		}
		return ids, err
	},
	run: (*Resolver).nodes,
}

// nodes reads entities by id, in the order asked: nil where there is none.
func (r *Resolver) nodes(ctx context.Context, ids []string) ([]model.Entity, error) {
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

type searchIn struct {
	text   string
	labels []string
	first  int
}

var searchOp = rootOp[searchIn, []*model.SearchHit]{
	decode: func(a model.Args) (in searchIn, err error) {
		if in.first, err = checkFirst("first", a.Value("first")); err != nil {
			return in, err
		}
		if in.text, err = a.String("text"); err != nil {
			return in, err
		}
		if len([]rune(in.text)) > MaxSearchText {
			return in, &model.InputError{Arg: "text", Msg: fmt.Sprintf("is longer than %d characters", MaxSearchText)}
		}
		in.labels, err = labelsArg(a, "types")
		return in, err
	},
	run: (*Resolver).search,
}

// labelsArg reads a list of EntityType values as labels.
func labelsArg(a model.Args, name string) ([]string, error) {
	types, err := a.Strings(name)
	if err != nil {
		return nil, err
	}
	labels := make([]string, len(types))
	for i, t := range types {
		l, ok := graphmodel.LabelOfEnum(t)
		if !ok {
			return nil, &model.DecodeError{Err: &model.InputError{Arg: name, Msg: fmt.Sprintf("%q is not an EntityType", t)}}
		}
		labels[i] = l.Name
	}
	return labels, nil
}

// search runs a full-text search.
func (r *Resolver) search(ctx context.Context, in searchIn) ([]*model.SearchHit, error) {
	q := store.SearchQuery(in.text)
	if q == "" || in.first == 0 {
		return []*model.SearchHit{}, nil
	}
	text, labels, n := in.text, in.labels, in.first
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

type pathsIn struct {
	from, to    string
	hops, first int
}

var pathsOp = rootOp[pathsIn, []*model.Path]{
	decode: func(a model.Args) (in pathsIn, err error) {
		if in.from, err = a.String("from"); err != nil {
			return in, err
		}
		if in.to, err = a.String("to"); err != nil {
			return in, err
		}
		if in.from == in.to {
			return in, &model.InputError{Arg: "to", Msg: "is the same entity as from"}
		}
		if in.hops, err = a.Int("maxHops"); err != nil {
			return in, err
		}
		if in.hops < 1 || in.hops > MaxHops {
			return in, &model.InputError{Arg: "maxHops", Msg: fmt.Sprintf("%d is out of range: 1 to %d", in.hops, MaxHops)}
		}
		in.first, err = checkFirst("first", a.Value("first"))
		return in, err
	},
	run: (*Resolver).paths,
}

// paths finds the shortest paths between two entities.
func (r *Resolver) paths(ctx context.Context, in pathsIn) ([]*model.Path, error) {
	from, to, hops, n := in.from, in.to, in.hops, in.first
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
		if id, _ := p.Nodes[i][graphmodel.KeyID].(string); id != h.From {
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

func date(p *model.Date) string {
	if p == nil {
		return ""
	}
	return string(*p)
}

// period reads and checks the bounds of a period, arguments from and to:
// to may not come before from.
func period(a model.Args) (store.Period, error) {
	from, err := a.Date("from")
	if err != nil {
		return store.Period{}, err
	}
	to, err := a.Date("to")
	if err != nil {
		return store.Period{}, err
	}
	if from != nil && to != nil && *from > *to {
		return store.Period{}, &model.InputError{Arg: "to", Msg: fmt.Sprintf("%q is before from %q", *to, *from)}
	}
	return store.Period{From: date(from), To: date(to)}, nil
}

type collaboratorsIn struct {
	of    string
	in    store.Period
	first int
}

var collaboratorsOp = rootOp[collaboratorsIn, []*model.Collaboration]{
	decode: func(a model.Args) (in collaboratorsIn, err error) {
		if in.of, err = a.String("of"); err != nil {
			return in, err
		}
		if in.first, err = checkFirst("first", a.Value("first")); err != nil {
			return in, err
		}
		in.in, err = period(a)
		return in, err
	},
	run: (*Resolver).collaborators,
}

// collaborators ranks the collaborators of an entity, in a period if
// from or to is given.
func (r *Resolver) collaborators(ctx context.Context, args collaboratorsIn) ([]*model.Collaboration, error) {
	of, in, n := args.of, args.in, args.first
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

type commonIn struct {
	a, b   string
	labels []string
	first  int
}

var commonOp = rootOp[commonIn, []*model.Shared]{
	decode: func(a model.Args) (in commonIn, err error) {
		if in.a, err = a.String("a"); err != nil {
			return in, err
		}
		if in.b, err = a.String("b"); err != nil {
			return in, err
		}
		if in.a == in.b {
			return in, &model.InputError{Arg: "b", Msg: "is the same entity as a"}
		}
		if in.first, err = checkFirst("first", a.Value("first")); err != nil {
			return in, err
		}
		in.labels, err = labelsArg(a, "types")
		return in, err
	},
	run: (*Resolver).common,
}

// common lists what two entities share.
func (r *Resolver) common(ctx context.Context, in commonIn) ([]*model.Shared, error) {
	a, b, labels, n := in.a, in.b, in.labels, in.first
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

type timelineIn struct {
	entity string
	rels   []string
	in     store.Period
	page   store.Page
	after  *string
}

var timelineOp = rootOp[timelineIn, *model.TimelineConnection]{
	decode: func(a model.Args) (in timelineIn, err error) {
		if in.page.First, err = checkFirst("first", a.Value("first")); err != nil {
			return in, err
		}
		if in.after, err = a.OptString("after"); err != nil {
			return in, err
		}
		if in.after != nil {
			if in.page.After, err = decodeCursor("after", *in.after, 2); err != nil {
				return in, err
			}
		}
		if in.in, err = period(a); err != nil {
			return in, err
		}
		if in.rels, err = a.Strings("types"); err != nil {
			return in, err
		}
		for _, t := range in.rels {
			if !graphmodel.IsRelType(t) {
				return in, &model.DecodeError{Err: &model.InputError{Arg: "types", Msg: fmt.Sprintf("%q is not a RelationshipType", t)}}
			}
		}
		if len(in.rels) > 0 && !a.Given("entity") {
			return in, &model.InputError{Arg: "types", Msg: "needs an entity: it limits the relationships to that entity"}
		}
		if in.rels == nil {
			in.rels = []string{}
		}
		in.entity, err = a.String("entity")
		return in, err
	},
	run: (*Resolver).timeline,
}

// timeline reads events and dated documents in date order.
func (r *Resolver) timeline(ctx context.Context, args timelineIn) (*model.TimelineConnection, error) {
	page, in, rels, after, n := args.page, args.in, args.rels, args.after, args.page.First
	s := newSelector(ctx)
	field := graphql.GetFieldContext(ctx).Field
	sel, err := s.connectionNode(field)
	if err != nil {
		return nil, err
	}
	conn, err := r.Store.Timeline(ctx, args.entity, rels, in.From, in.To, page, s.wantsTotal(field), sel)
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
		n, err := checkFirst(f.Alias+".first", model.ArgsOf(s.op, f).Value("first"))
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

var loadRunsOp = rootOp[int, []*model.LoadRun]{
	decode: func(a model.Args) (int, error) { return checkFirst("first", a.Value("first")) },
	run:    (*Resolver).loadRuns,
}

func (r *Resolver) loadRuns(ctx context.Context, n int) ([]*model.LoadRun, error) {
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
