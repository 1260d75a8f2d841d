package graph

import (
	"fmt"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"csakg/graph/model"
	"csakg/store"
)

// Relationship filters (schema/relfilter.graphqls) are read from a root
// list's where argument as the request gave it, on both the writer's and
// the executor's path, so both filter alike. Each field of a Where input
// that names a relationship field of the entity type is read with that
// field's @rel directive: the filter follows exactly the relationships the
// field lists.

// relEnd is what a relationship field's @rel directive says.
type relEnd struct {
	typ   string
	dir   store.Direction
	label string // the one label at the far end
}

// relFields are, per label, the relationship fields a Where input can
// filter on: those whose @rel names one label.
var relFields = func() map[string]map[string]relEnd {
	out := map[string]map[string]relEnd{}
	for typ, label := range entityTypes {
		def := parsedSchema.Types[typ]
		out[label] = map[string]relEnd{}
		for _, f := range def.Fields {
			d := f.Directives.ForName("rel")
			if d == nil {
				continue
			}
			labels := d.Arguments.ForName("labels")
			if labels == nil || len(labels.Value.Children) != 1 {
				continue
			}
			out[label][f.Name] = relEnd{
				typ:   d.Arguments.ForName("type").Value.Raw,
				dir:   store.Direction(d.Arguments.ForName("direction").Value.Raw),
				label: labels.Value.Children[0].Value.Raw,
			}
		}
	}
	return out
}()

// listRelFilters reads the relationship filters of a root list field.
func listRelFilters(s *selector, field graphql.CollectedField, label string) ([]store.RelFilter, error) {
	return relFilters(label, field.ArgumentMap(s.op.Variables)["where"], "where")
}

// relFilters reads the relationship filters in where, a Where input of
// label's entities; arg is its path, for errors.
func relFilters(label string, where any, arg string) ([]store.RelFilter, error) {
	m, _ := where.(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the same request compiles to the same Cypher
	var out []store.RelFilter
	for _, k := range keys {
		end, ok := relFields[label][k]
		q, isMap := m[k].(map[string]any)
		if !ok || !isMap {
			continue
		}
		fs, err := relFilter(end, q, arg+"."+k)
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	return out, nil
}

// relFilter reads one RelFilter input: one store filter per quantifier.
func relFilter(end relEnd, q map[string]any, arg string) ([]store.RelFilter, error) {
	var out []store.RelFilter
	for _, quant := range []store.Quantifier{store.QuantSome, store.QuantNone, store.QuantEvery} {
		w, ok := q[string(quant)].(map[string]any)
		if !ok {
			continue
		}
		inner, err := innerFilter(end.label, w, arg+"."+string(quant))
		if err != nil {
			return nil, err
		}
		out = append(out, store.RelFilter{Type: end.typ, Dir: end.dir, Labels: []string{end.label}, Quant: quant, Where: inner})
	}
	if c, ok := q["count"].(map[string]any); ok {
		b, err := countFilter(c, arg+".count")
		if err != nil {
			return nil, err
		}
		out = append(out, store.RelFilter{Type: end.typ, Dir: end.dir, Labels: []string{end.label}, Quant: store.QuantCount, Count: b})
	}
	return out, nil
}

// innerFilter reads the Where input of the entities at a relationship's
// far end, its own relationship filters included.
func innerFilter(label string, w map[string]any, arg string) (store.Filter, error) {
	// The executor has checked the input's types and dates already: an
	// error here sends the writer's request to the executor, which
	// reports it as it reports a root filter's.
	f, err := filterArg(w)
	if err != nil {
		return f, err
	}
	f.Rels, err = relFilters(label, w, arg)
	return f, err
}

// countFilter reads a CountFilter input.
func countFilter(c map[string]any, arg string) (store.CountFilter, error) {
	var b store.CountFilter
	for k, dst := range map[string]**int{"eq": &b.Eq, "gt": &b.Gt, "gte": &b.Gte, "lt": &b.Lt, "lte": &b.Lte} {
		if c[k] == nil {
			continue
		}
		n, err := graphql.UnmarshalInt(c[k])
		if err != nil {
			return b, &model.InputError{Arg: arg + "." + k, Msg: fmt.Sprintf("%v is not an integer", c[k])}
		}
		*dst = &n
	}
	return b, nil
}
