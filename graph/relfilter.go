package graph

import (
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"csakg/graph/model"
	"csakg/graphmodel"
	"csakg/store"
)

// Relationship filters (schema/relfilter.graphqls) are the fields of a
// Where input that hold an input object: each names a relationship field
// of the entity type and is read with that field's @rel directive, so the
// filter follows exactly the relationships the field lists. filterOf
// reads them with the other filters, from the request's raw argument, on
// the writer's and the executor's path alike.

// relEnd is what a relationship field's @rel directive says.
type relEnd struct {
	typ   string
	dir   store.Direction
	label string // the one label at the far end
}

// relFields are, per label of the model, the relationship fields a Where
// input can filter on: those whose @rel names one label.
var relFields = func() map[string]map[string]relEnd {
	out := map[string]map[string]relEnd{}
	for _, l := range graphmodel.Labels {
		out[l.Name] = map[string]relEnd{}
		for _, f := range parsedSchema.Types[l.Name].Fields {
			d := f.Directives.ForName("rel")
			if d == nil {
				continue
			}
			labels := d.Arguments.ForName("labels")
			if labels == nil || len(labels.Value.Children) != 1 {
				continue
			}
			out[l.Name][f.Name] = relEnd{
				typ:   d.Arguments.ForName("type").Value.Raw,
				dir:   store.Direction(d.Arguments.ForName("direction").Value.Raw),
				label: labels.Value.Children[0].Value.Raw,
			}
		}
	}
	return out
}()

// relFilter reads q, a RelFilter input on the relationships end says:
// one store filter per quantifier; arg is its path, for errors.
func relFilter(end relEnd, q map[string]any, arg string) ([]store.RelFilter, error) {
	far, ok := graphmodel.LabelOf(end.label)
	if !ok {
		return nil, fmt.Errorf("@rel label %q is not in the graph model", end.label)
	}
	var out []store.RelFilter
	for _, quant := range graphmodel.Quantifiers {
		if q[quant] == nil {
			continue
		}
		w, ok := q[quant].(map[string]any)
		if !ok {
			return nil, decodeErr(arg+"."+quant, fmt.Sprintf("%v is not a %s", q[quant], far.Where()))
		}
		inner, err := filterAt(far, w, arg+"."+quant)
		if err != nil {
			return nil, err
		}
		out = append(out, store.RelFilter{Type: end.typ, Dir: end.dir, Labels: []string{far.Name}, Quant: store.Quantifier(quant), Where: inner})
	}
	if q[graphmodel.RelCount] != nil {
		b, err := countFilter(q[graphmodel.RelCount], arg+"."+graphmodel.RelCount)
		if err != nil {
			return nil, err
		}
		out = append(out, store.RelFilter{Type: end.typ, Dir: end.dir, Labels: []string{far.Name}, Quant: store.QuantCount, Count: b})
	}
	return out, nil
}

// countFilter reads a CountFilter input.
func countFilter(v any, arg string) (store.CountFilter, error) {
	var b store.CountFilter
	c, ok := v.(map[string]any)
	if !ok {
		return b, decodeErr(arg, fmt.Sprintf("%v is not a CountFilter", v))
	}
	for k, dst := range map[string]**int{"eq": &b.Eq, "gt": &b.Gt, "gte": &b.Gte, "lt": &b.Lt, "lte": &b.Lte} {
		if c[k] == nil {
			continue
		}
		n, err := graphql.UnmarshalInt(c[k])
		if err != nil {
			return b, decodeErr(arg+"."+k, fmt.Sprintf("%v is not an integer", c[k]))
		}
		*dst = &n
	}
	return b, nil
}

// decodeErr is an argument value not of its type: the executor, which
// checked the request's types before any resolver ran, reports it.
func decodeErr(arg, msg string) error {
	return &model.DecodeError{Err: &model.InputError{Arg: arg, Msg: msg}}
}
