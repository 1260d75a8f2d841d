package graph

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"csakg/graph/model"
	"csakg/graphmodel"
	"csakg/store"
)

// This file answers the root list fields: one function for every label
// of the graph model.

// list answers a root list field of the graph model (graphmodel.Label.List)
// with the connection build makes of its page. The field's label and
// arguments come from the field itself, as the direct writer reads them.
func list[C any](ctx context.Context, r *Resolver, build func(model.Paged) C) (C, error) {
	l, err := planList(newSelector(ctx), graphql.GetFieldContext(ctx).Field)
	if err != nil {
		var none C
		return none, err
	}
	p, err := l.read(ctx, r.Store)
	if err != nil {
		var none C
		return none, err
	}
	return build(p), nil
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
func planList(s *selector, field graphql.CollectedField) (listRead, error) {
	label, ok := graphmodel.LabelOfList(field.Name)
	if !ok {
		return listRead{}, fmt.Errorf("field %q lists no label of the graph model", field.Name)
	}
	a := model.ArgsOf(s.op, field)
	where, err := a.Map("where")
	if err != nil {
		return listRead{}, err
	}
	f, err := filterOf(label, where)
	if err != nil {
		return listRead{}, err
	}
	order, err := a.String("orderBy")
	if err != nil {
		return listRead{}, err
	}
	n, err := checkFirst("first", a.Value("first"))
	if err != nil {
		return listRead{}, err
	}
	l := listRead{label: label.Name, f: f, order: store.Order(order), page: store.Page{First: n, CountOnly: !s.wantsPage(field)}, total: s.wantsTotal(field)}
	if l.after, err = a.OptString("after"); err != nil {
		return listRead{}, err
	}
	if l.after != nil {
		if l.page.After, err = decodeCursor("after", *l.after, 2); err != nil {
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

// filterOf reads a root list's where argument: the filters of the label's
// Where input (graphmodel.Label.Filters), each a string, dates checked,
// and its relationship filters (see relfilter.go), to any depth.
func filterOf(label graphmodel.Label, where map[string]any) (store.Filter, error) {
	return filterAt(label, where, "where")
}

// filterAt reads w, a Where input of label's entities at path arg. Keys
// are read in order, so one request compiles to one Cypher text.
func filterAt(label graphmodel.Label, w map[string]any, arg string) (store.Filter, error) {
	var f store.Filter
	for _, k := range slices.Sorted(maps.Keys(w)) {
		v := w[k]
		if v == nil {
			continue
		}
		if end, ok := relFields[label.Name][k]; ok {
			q, ok := v.(map[string]any)
			if !ok {
				return f, decodeErr(arg+"."+k, fmt.Sprintf("%v is not a relationship filter", v))
			}
			rels, err := relFilter(end, q, arg+"."+k)
			if err != nil {
				return f, err
			}
			f.Rels = append(f.Rels, rels...)
			continue
		}
		s, ok := v.(string)
		if !ok || !label.HasFilter(k) {
			return f, decodeErr(arg+"."+k, fmt.Sprintf("%v is not a filter of %s", v, label.Where()))
		}
		if slices.Contains(graphmodel.DateFilters, k) {
			if _, err := model.ParseDate(s); err != nil {
				return f, &model.DecodeError{Err: err}
			}
		}
		if err := f.Set(k, s); err != nil {
			return f, err
		}
	}
	return f, nil
}
