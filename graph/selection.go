package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"csakg/graph/model"
	"csakg/graphmodel"
	"csakg/store"
)

// selector turns the GraphQL selection under a root field into a
// store.Selection, which the store compiles into one Cypher query. It reads
// the schema's @rel and @prop directives to know which relationship or
// property each field reads; argument values are checked here, before any
// query runs.
type selector struct {
	op *graphql.OperationContext
}

func newSelector(ctx context.Context) *selector {
	return &selector{op: graphql.GetOperationContext(ctx)}
}

// fieldSelections returns the sub-selection of the field being resolved.
func fieldSelections(ctx context.Context) ast.SelectionSet {
	return graphql.GetFieldContext(ctx).Field.Selections
}

// child returns the sub-selections of every field named name in set (as
// seen from type typeName), merged: a field may be asked for more than once,
// under aliases.
func (s *selector) child(set ast.SelectionSet, typeName, name string) []graphql.CollectedField {
	var out []graphql.CollectedField
	for _, f := range graphql.CollectFields(s.op, set, []string{typeName}) {
		if f.Name == name {
			out = append(out, f)
		}
	}
	return out
}

// entity builds the selection for a position of GraphQL type typeName:
// one of the entity types, or the Entity interface.
func (s *selector) entity(set ast.SelectionSet, typeName string) (*store.Selection, error) {
	if graphmodel.IsLabel(typeName) {
		return s.fields(set, []string{typeName, "Entity"})
	}
	base, err := s.fields(set, []string{"Entity"})
	if err != nil {
		return nil, err
	}
	baseCount := len(graphql.CollectFields(s.op, set, []string{"Entity"}))
	for t := range s.typeConditions(set, nil) {
		// An entity type is named as its label (graphmodel.Label.Name).
		label, ok := t, graphmodel.IsLabel(t)
		if !ok || len(graphql.CollectFields(s.op, set, []string{t, "Entity"})) == baseCount {
			continue // no fields for this type beyond the interface's
		}
		sub, err := s.fields(set, []string{t, "Entity"})
		if err != nil {
			return nil, err
		}
		if base.ByLabel == nil {
			base.ByLabel = map[string]*store.Selection{}
		}
		base.ByLabel[label] = sub
	}
	return base, nil
}

// typeConditions adds to seen the types named by the fragments in set, at
// this level (fragments within fragments included, fields not): only
// those types can have fields of their own here.
func (s *selector) typeConditions(set ast.SelectionSet, seen map[string]bool) map[string]bool {
	if seen == nil {
		seen = map[string]bool{}
	}
	for _, sel := range set {
		switch x := sel.(type) {
		case *ast.InlineFragment:
			seen[x.TypeCondition] = true
			s.typeConditions(x.SelectionSet, seen)
		case *ast.FragmentSpread:
			if f := s.op.Doc.Fragments.ForName(x.Name); f != nil && !seen["fragment "+x.Name] {
				seen["fragment "+x.Name] = true // a fragment used twice is read once
				seen[f.TypeCondition] = true
				s.typeConditions(f.SelectionSet, seen)
			}
		}
	}
	return seen
}

// fields builds the selection of the fields in set that apply to an
// object satisfying the given types.
func (s *selector) fields(set ast.SelectionSet, satisfies []string) (*store.Selection, error) {
	sel := &store.Selection{}
	for _, f := range graphql.CollectFields(s.op, set, satisfies) {
		switch f.Name {
		case "__typename", "id", "name", "type":
			// Always read: id, label and name come with every entity.
			continue
		case "mentions":
			page, err := s.page(f, 2)
			if err != nil {
				return nil, err
			}
			sel.Mentions = append(sel.Mentions, store.Mentions{Key: f.Alias, Page: page, Total: s.wantsTotal(f)})
			continue
		case "relationships":
			r, err := s.anyRels(f)
			if err != nil {
				return nil, err
			}
			sel.AnyRels = append(sel.AnyRels, r)
			continue
		}
		if d := f.Definition.Directives.ForName("rel"); d != nil {
			r, err := s.rel(f, d)
			if err != nil {
				return nil, err
			}
			sel.Rels = append(sel.Rels, r)
			continue
		}
		if len(f.Selections) > 0 {
			return nil, fmt.Errorf("field %q has a selection but no compiler rule", f.Name)
		}
		prop := f.Name
		if d := f.Definition.Directives.ForName("prop"); d != nil {
			prop = d.Arguments.ForName("name").Value.Raw
		}
		sel.Props = append(sel.Props, store.Prop{Key: f.Alias, Name: prop})
	}
	return sel, nil
}

// rel builds a relationship field from its @rel directive.
func (s *selector) rel(f graphql.CollectedField, d *ast.Directive) (store.Rel, error) {
	r := store.Rel{
		Key:  f.Alias,
		Type: d.Arguments.ForName("type").Value.Raw,
		Dir:  store.Direction(d.Arguments.ForName("direction").Value.Raw),
	}
	if a := d.Arguments.ForName("labels"); a != nil {
		for _, c := range a.Value.Children {
			r.Labels = append(r.Labels, c.Value.Raw)
		}
	}
	var err error
	if r.Where, err = s.relWhere(f, r.Labels); err != nil {
		return r, err
	}
	if r.Page, err = s.page(f, 3); err != nil {
		return r, err
	}
	r.Total = s.wantsTotal(f)
	if r.Edge, err = s.edgeFields(f); err != nil {
		return r, err
	}
	r.Node, err = s.connectionNode(f)
	return r, err
}

// relWhere reads the where argument of a relationship field, a Where
// input of the one label at its far end, as a root list's is read
// (filterAt): relationship filters included, to any depth.
func (s *selector) relWhere(f graphql.CollectedField, labels []string) (store.Filter, error) {
	if f.Definition.Arguments.ForName("where") == nil {
		return store.Filter{}, nil
	}
	where, err := model.ArgsOf(s.op, f).Map("where")
	if err != nil || where == nil {
		return store.Filter{}, err
	}
	far, ok := graphmodel.LabelOf(labels[0])
	if len(labels) != 1 || !ok {
		return store.Filter{}, fmt.Errorf("field %q has a where argument but not one label", f.Name)
	}
	return filterAt(far, where, f.Alias+".where")
}

// edgeFields says what a connection field asks of its edges besides the
// node: cursors (for edges or pageInfo) and the relationship's facts, with
// how many lines of evidence (checked here, before any query).
func (s *selector) edgeFields(f graphql.CollectedField) (store.EdgeFields, error) {
	var e store.EdgeFields
	for _, c := range graphql.CollectFields(s.op, f.Selections, []string{f.Definition.Type.Name()}) {
		switch c.Name {
		case "pageInfo":
			for _, p := range graphql.CollectFields(s.op, c.Selections, []string{"PageInfo"}) {
				if p.Name == "startCursor" || p.Name == "endCursor" {
					e.Cursor = true
				}
			}
		case "edges":
			for _, x := range graphql.CollectFields(s.op, c.Selections, []string{c.Definition.Type.Name(), "RelationshipFacts"}) {
				switch x.Name {
				case "cursor":
					e.Cursor = true
				case "node", "type", "direction", "__typename":
				default:
					if x.Name == "evidence" {
						n, err := checkFirst(f.Alias+"."+x.Alias+".first", model.ArgsOf(s.op, x).Value("first"))
						if err != nil {
							return e, err
						}
						e.Evidence = max(e.Evidence, n)
					}
					if !slices.Contains(e.Facts, x.Name) {
						e.Facts = append(e.Facts, x.Name)
					}
				}
			}
		}
	}
	return e, nil
}

// anyRels builds the generic relationships field.
func (s *selector) anyRels(f graphql.CollectedField) (store.AnyRels, error) {
	args := model.ArgsOf(s.op, f)
	r := store.AnyRels{Key: f.Alias}
	dir, err := args.String("direction")
	if err != nil {
		return r, err
	}
	r.Dir = store.Direction(dir)
	if r.Types, err = args.Strings("types"); err != nil {
		return r, err
	}
	if r.Page, err = s.page(f, 4); err != nil {
		return r, err
	}
	r.Total = s.wantsTotal(f)
	if r.Edge, err = s.edgeFields(f); err != nil {
		return r, err
	}
	r.Node, err = s.connectionNode(f)
	return r, err
}

// connectionNode builds the selection of the entities at the end of a
// connection field: what is asked under edges { node { ... } }.
func (s *selector) connectionNode(f graphql.CollectedField) (*store.Selection, error) {
	connType := f.Definition.Type.Name()
	var out *store.Selection
	for _, e := range s.child(f.Selections, connType, "edges") {
		edgeType := e.Definition.Type.Name()
		for _, n := range s.child(e.Selections, edgeType, "node") {
			sel, err := s.entity(n.Selections, n.Definition.Type.Name())
			if err != nil {
				return nil, err
			}
			out = merge(out, sel)
		}
	}
	return out, nil
}

// entities builds the merged selection of every field named name in set
// (of type typeName) that holds an entity or a list of them.
func (s *selector) entities(set ast.SelectionSet, typeName string, names ...string) (*store.Selection, error) {
	var out *store.Selection
	for _, name := range names {
		for _, f := range s.child(set, typeName, name) {
			sel, err := s.entity(f.Selections, f.Definition.Type.Name())
			if err != nil {
				return nil, err
			}
			out = merge(out, sel)
		}
	}
	return out, nil
}

// wantsTotal tells whether a connection field asks for totalCount.
func (s *selector) wantsTotal(f graphql.CollectedField) bool {
	return len(s.child(f.Selections, f.Definition.Type.Name(), "totalCount")) > 0
}

// page reads and checks first and after; keys is the number of sort keys
// in the list's cursors.
func (s *selector) page(f graphql.CollectedField, keys int) (store.Page, error) {
	args := model.ArgsOf(s.op, f)
	first, err := checkFirst(f.Alias+".first", args.Value("first"))
	if err != nil {
		return store.Page{}, err
	}
	p := store.Page{First: first, CountOnly: !s.wantsPage(f)}
	after, err := args.OptString("after")
	if err != nil || after == nil {
		return p, err
	}
	if p.After, err = decodeCursor(f.Alias+".after", *after, keys); err != nil {
		return store.Page{}, err
	}
	return p, nil
}

// checkFirst checks a page size argument's value, the schema's default
// where the request gives none (model.Args.Value).
func checkFirst(arg string, v any) (int, error) {
	var n int
	switch x := v.(type) {
	case nil:
		return 0, &model.InputError{Arg: arg, Msg: "is missing and has no default"}
	case int:
		n = x
	case int64:
		n = int(x)
	case *int:
		if x != nil {
			n = *x
		}
	default:
		return 0, &model.InputError{Arg: arg, Msg: fmt.Sprintf("%v is not an integer", v)}
	}
	if n < 0 || n > MaxFirst {
		return 0, &model.InputError{Arg: arg, Msg: fmt.Sprintf("%d is out of range: ask for 0 to %d items", n, MaxFirst)}
	}
	return n, nil
}

func decodeCursor(arg, s string, keys int) (store.Cursor, error) {
	c, err := store.DecodeCursor(s, keys)
	if err != nil {
		return nil, &model.InputError{Arg: arg, Msg: err.Error()}
	}
	return c, nil
}

// merge combines two selections of the same entity. Fields under the same
// key (a field asked for twice through different edges) are merged too.
func merge(a, b *store.Selection) *store.Selection {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	out := &store.Selection{Props: a.Props}
	for _, p := range b.Props {
		if !slices.ContainsFunc(out.Props, func(q store.Prop) bool { return q.Key == p.Key }) {
			out.Props = append(out.Props, p)
		}
	}
	out.Mentions = slices.Clone(a.Mentions)
	for _, m := range b.Mentions {
		if i := slices.IndexFunc(out.Mentions, func(q store.Mentions) bool { return q.Key == m.Key }); i >= 0 {
			out.Mentions[i].Total = out.Mentions[i].Total || m.Total
			out.Mentions[i].Page.CountOnly = out.Mentions[i].Page.CountOnly && m.Page.CountOnly
			continue
		}
		out.Mentions = append(out.Mentions, m)
	}
	out.Rels = append([]store.Rel(nil), a.Rels...)
	for _, r := range b.Rels {
		if i := slices.IndexFunc(out.Rels, func(q store.Rel) bool { return q.Key == r.Key }); i >= 0 {
			out.Rels[i].Node = merge(out.Rels[i].Node, r.Node)
			out.Rels[i].Total = out.Rels[i].Total || r.Total
			out.Rels[i].Page.CountOnly = out.Rels[i].Page.CountOnly && r.Page.CountOnly
			out.Rels[i].Edge = out.Rels[i].Edge.Merge(r.Edge)
			continue
		}
		out.Rels = append(out.Rels, r)
	}
	out.AnyRels = append([]store.AnyRels(nil), a.AnyRels...)
	for _, r := range b.AnyRels {
		if i := slices.IndexFunc(out.AnyRels, func(q store.AnyRels) bool { return q.Key == r.Key }); i >= 0 {
			out.AnyRels[i].Node = merge(out.AnyRels[i].Node, r.Node)
			out.AnyRels[i].Total = out.AnyRels[i].Total || r.Total
			out.AnyRels[i].Page.CountOnly = out.AnyRels[i].Page.CountOnly && r.Page.CountOnly
			out.AnyRels[i].Edge = out.AnyRels[i].Edge.Merge(r.Edge)
			continue
		}
		out.AnyRels = append(out.AnyRels, r)
	}
	if len(a.ByLabel)+len(b.ByLabel) > 0 {
		out.ByLabel = map[string]*store.Selection{}
		for l, s := range a.ByLabel {
			out.ByLabel[l] = s
		}
		for l, s := range b.ByLabel {
			out.ByLabel[l] = merge(out.ByLabel[l], s)
		}
	}
	return out
}
