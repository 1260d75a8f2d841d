package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"csakg/graph/model"
	"csakg/graphmodel"
	"csakg/obs"
	"csakg/store"
)

// directSchema answers a query without gqlgen's executor when it knows
// every root field: node and the root lists, whose entities the store's
// compiled query returns as maps under the response keys, and search,
// paths, collaborators and timeline, whose resolvers' models it walks by
// reflection. The JSON is written straight from those values in selection
// order: no resolver call per field and no goroutine per list element,
// which is most of what the executor costs on a large nested answer.
// Errors are reported as the executor reports them.
//
// Everything else goes to the generated executor: the other root fields
// (stats, sources, loadRuns), introspection, and arguments the writer does
// not convert exactly as the generated code would. TestDirectMatchesExecutor
// checks that both paths give the same bytes, errors included.
type directSchema struct {
	graphql.ExecutableSchema
	r       *Resolver
	log     *slog.Logger
	metrics *obs.Metrics // nil: none
	calls   map[string]rootCall
	plans   *planCache
	// satisfies lists, for each object type, the types whose fragments and
	// fields apply to it (itself and its interfaces), as CollectFields wants.
	satisfies map[string][]string
}

func newDirectSchema(es graphql.ExecutableSchema, r *Resolver, log *slog.Logger, m *obs.Metrics) *directSchema {
	d := &directSchema{ExecutableSchema: es, r: r, log: log, metrics: m, calls: rootCalls(r), plans: newPlanCache(), satisfies: map[string][]string{}}
	for name, def := range es.Schema().Types {
		if def.Kind == ast.Object {
			d.satisfies[name] = append([]string{name}, def.Interfaces...)
		}
	}
	return d
}

// Exec implements graphql.ExecutableSchema. The operation is planned here
// and run when the response is asked for, inside the response middleware,
// as the executor's is.
func (d *directSchema) Exec(ctx context.Context) graphql.ResponseHandler {
	p, ok := d.plan(ctx)
	if !ok {
		d.count("executor")
		return d.ExecutableSchema.Exec(ctx)
	}
	done := false
	return func(ctx context.Context) *graphql.Response {
		if done {
			return nil
		}
		done = true
		data, err := p.run(ctx)
		if err != nil {
			// The writer met a value it cannot write as the executor
			// would, which the tests say should not happen: the executor
			// answers, with one more query.
			d.log.WarnContext(ctx, "direct writer gave way to the executor", "err", err)
			d.count("executor")
			return d.ExecutableSchema.Exec(ctx)(ctx)
		}
		d.count("direct")
		return &graphql.Response{Data: data}
	}
}

func (d *directSchema) count(path string) {
	if d.metrics != nil {
		d.metrics.Answers.WithLabelValues(path).Inc()
	}
}

// errIndirect says the writer cannot answer; the executor will.
var errIndirect = errors.New("not answered directly")

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// directPlan is an operation's root fields, each with what reads and
// writes it.
type directPlan struct {
	op    *graphql.OperationContext
	sat   map[string][]string
	roots []graphql.CollectedField
	reads []func(context.Context, *writer) error
}

// plan returns the plan of the operation in ctx, or false when the
// executor should answer it. Every root field is planned (arguments
// checked, selection built) before any query runs, so a bad argument costs
// no query: the executor reports it.
func (d *directSchema) plan(ctx context.Context) (*directPlan, bool) {
	op := graphql.GetOperationContext(ctx)
	if op == nil || op.Operation == nil || op.Operation.Operation != ast.Query {
		return nil, false
	}
	if p, ok := d.plans.get(ctx, op, d.satisfies); ok {
		return p, true
	}
	p := &directPlan{op: op, sat: d.satisfies, roots: graphql.CollectFields(op, op.Operation.SelectionSet, d.satisfies["Query"])}
	s := &selector{op: op}
	for _, f := range p.roots {
		read, err := d.planField(s, f)
		if err != nil {
			return nil, false
		}
		p.reads = append(p.reads, read)
	}
	d.plans.put(ctx, op, p)
	return p, true
}

// run reads and writes every root field. A store error is reported into
// ctx's response as the executor reports a resolver's error, on the
// field's path; the field is then null (node), or, for a non-null field,
// the whole data. It returns an error when the writer cannot answer.
func (p *directPlan) run(ctx context.Context) (data json.RawMessage, err error) {
	buf := bufs.Get().(*bytes.Buffer)
	defer func() { buf.Reset(); bufs.Put(buf) }()
	defer func() {
		// A bug in the writer must not take the request down: the
		// executor answers instead, with its own panic handling.
		if r := recover(); r != nil {
			data, err = nil, fmt.Errorf("panic: %v", r)
		}
	}()
	w := &writer{ctx: ctx, op: p.op, satisfies: p.sat, buf: buf}
	failed := false
	buf.WriteByte('{')
	for i, f := range p.roots {
		if i > 0 {
			buf.WriteByte(',')
		}
		w.key(f.Alias)
		err := p.reads[i](ctx, w)
		switch {
		case errors.Is(err, errIndirect):
			return nil, err
		case err != nil:
			fctx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query", Field: f, IsMethod: true, IsResolver: true})
			p.op.Error(fctx, graphql.AddFieldLocationToError(fctx, err))
			if f.Definition.Type.NonNull {
				failed = true
			} else {
				// A nullable field is null; the others are answered.
				w.buf.WriteString("null")
			}
		}
	}
	if failed {
		return nil, nil
	}
	buf.WriteByte('}')
	return bytes.Clone(buf.Bytes()), nil
}

// planField checks one root field and returns what reads and writes it.
func (d *directSchema) planField(s *selector, f graphql.CollectedField) (func(context.Context, *writer) error, error) {
	if f.Name == "__typename" {
		return func(_ context.Context, w *writer) error { w.str("Query"); return nil }, nil
	}
	args := model.ArgsOf(s.op, f)
	if f.Name == "node" {
		id, err := nodeOp.decode(args)
		if err != nil {
			return nil, err
		}
		sel, err := s.entity(f.Selections, "Entity")
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context, w *writer) error {
			rec, err := d.r.Store.Node(ctx, id, sel)
			if err != nil {
				return err
			}
			return w.entity(f.Selections, "Entity", rec)
		}, nil
	}
	if root, ok := d.calls[f.Name]; ok {
		call, err := root(args)
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context, w *writer) error {
			// The resolvers read the field's selection from its context.
			fctx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query", Field: f, IsMethod: true, IsResolver: true})
			v, err := call(fctx)
			if err != nil {
				return err
			}
			return w.value(f, f.Definition.Type, reflect.ValueOf(v))
		}, nil
	}
	if _, ok := graphmodel.LabelOfList(f.Name); !ok {
		return nil, errIndirect
	}
	l, err := planList(s, f)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, w *writer) error {
		p, err := l.read(ctx, d.r.Store)
		if err != nil {
			return err
		}
		return w.connection(f, p)
	}, nil
}

// writer writes the JSON of entities, connections and edges from what the
// store read, the way gqlgen's generated marshallers write the same values.
type writer struct {
	ctx       context.Context
	op        *graphql.OperationContext
	satisfies map[string][]string
	buf       *bytes.Buffer
}

func (w *writer) str(s string) { graphql.MarshalString(s).MarshalGQL(w.buf) }

func (w *writer) key(k string) {
	w.str(k)
	w.buf.WriteByte(':')
}

func (w *writer) optStr(s *string) {
	if s == nil {
		w.buf.WriteString("null")
		return
	}
	w.str(*s)
}

func (w *writer) optDate(d *model.Date) {
	if d == nil {
		w.buf.WriteString("null")
		return
	}
	d.MarshalGQL(w.buf)
}

// object writes the fields of set that apply to an object of type typ,
// each with value; __typename is answered here.
func (w *writer) object(set ast.SelectionSet, typ string, value func(f graphql.CollectedField) error) error {
	w.buf.WriteByte('{')
	for i, f := range graphql.CollectFields(w.op, set, w.satisfies[typ]) {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		w.key(f.Alias)
		if f.Name == "__typename" {
			w.str(typ)
			continue
		}
		if err := value(f); err != nil {
			return err
		}
	}
	w.buf.WriteByte('}')
	return nil
}

// entity writes an entity read by the store. typ is the schema's type at
// this position: an entity type, or Entity for the interface, in which
// case the entity's label says which type it is.
func (w *writer) entity(set ast.SelectionSet, typ string, rec store.Record) error {
	label, _ := rec[graphmodel.KeyLabel].(string)
	if !graphmodel.IsLabel(label) {
		return fmt.Errorf("entity with label %q: %w", label, errIndirect)
	}
	if !graphmodel.IsLabel(typ) {
		typ = label
	}
	// Fields asked for in fragments on the entity's type come in a map of
	// their own (see NewEntity).
	extra, _ := rec[store.ByLabelKey(label)].(map[string]any)
	get := func(alias string) any {
		k := store.FieldKey(alias)
		if v, ok := extra[k]; ok {
			return v
		}
		return rec[k]
	}
	return w.object(set, typ, func(f graphql.CollectedField) error {
		switch f.Name {
		case "id":
			id, _ := rec[graphmodel.KeyID].(string)
			w.str(id)
		case "name":
			name, _ := rec[graphmodel.KeyName].(string)
			w.str(name)
		case "type":
			model.TypeOfLabel(label).MarshalGQL(w.buf)
		case "aliases":
			l, _ := get(f.Alias).([]any)
			w.buf.WriteByte('[')
			n := 0
			for _, x := range l {
				if s, ok := x.(string); ok {
					if n > 0 {
						w.buf.WriteByte(',')
					}
					w.str(s)
					n++
				}
			}
			w.buf.WriteByte(']')
		case "mentions", "relationships":
			return w.nested(f, get(f.Alias))
		default:
			if f.Definition.Directives.ForName("rel") != nil {
				return w.nested(f, get(f.Alias))
			}
			if f.Definition.Type.NonNull || f.Definition.Type.Elem != nil {
				return fmt.Errorf("field %q: %w", f.Name, errIndirect)
			}
			switch f.Definition.Type.Name() {
			case "String":
				w.optStr(model.OptString(get(f.Alias)))
			case "Date":
				s := model.OptString(get(f.Alias))
				if s == nil {
					w.optDate(nil)
				} else {
					d := model.Date(*s)
					w.optDate(&d)
				}
			default:
				return fmt.Errorf("field %q: %w", f.Name, errIndirect)
			}
		}
		return nil
	})
}

// nested writes a connection field of an entity from the value the
// compiled query returned for it.
func (w *writer) nested(f graphql.CollectedField, v any) error {
	args := model.ArgsOf(w.op, f)
	first, err := args.Int("first")
	if err != nil {
		return err
	}
	after, err := args.OptString("after")
	if err != nil {
		return err
	}
	return w.connection(f, model.ReadPage(v, first, after))
}

// connection writes a page as the connection type of field f.
func (w *writer) connection(f graphql.CollectedField, p model.Paged) error {
	return w.object(f.Selections, f.Definition.Type.Name(), func(c graphql.CollectedField) error {
		switch c.Name {
		case "totalCount":
			graphql.MarshalInt(p.Total()).MarshalGQL(w.buf)
		case "pageInfo":
			return w.value(c, c.Definition.Type, reflect.ValueOf(p.Info()))
		case "edges":
			edgeType := c.Definition.Type.Name()
			w.buf.WriteByte('[')
			for i, e := range p.Edges() {
				if i > 0 {
					w.buf.WriteByte(',')
				}
				if err := w.edge(c.Selections, edgeType, e); err != nil {
					return err
				}
			}
			w.buf.WriteByte(']')
		default:
			return fmt.Errorf("connection field %q: %w", c.Name, errIndirect)
		}
		return nil
	})
}

// edge writes one edge of a connection: a relationship with the entity at
// its other end, or, for mentions, a line of a source.
func (w *writer) edge(set ast.SelectionSet, typ string, e map[string]any) error {
	if typ == "MentionEdge" {
		return w.object(set, typ, func(f graphql.CollectedField) error {
			switch f.Name {
			case "cursor":
				w.str(model.EdgeCursor(e))
			case "node":
				return w.value(f, f.Definition.Type, reflect.ValueOf(model.EvidenceOf(e)))
			default:
				return fmt.Errorf("mention edge field %q: %w", f.Name, errIndirect)
			}
			return nil
		})
	}
	facts := model.EdgeFacts(e)
	return w.object(set, typ, func(f graphql.CollectedField) error {
		switch f.Name {
		case "cursor":
			w.str(model.EdgeCursor(e))
		case "node":
			return w.entity(f.Selections, f.Definition.Type.Name(), model.EdgeNode(e))
		case "type":
			t, _ := e["type"].(string)
			model.RelationshipType(t).MarshalGQL(w.buf)
		case "direction":
			d, _ := e["direction"].(string)
			model.Direction(d).MarshalGQL(w.buf)
		case "role":
			w.optStr(facts.Role)
		case "section":
			w.optStr(facts.Section)
		case "sections":
			w.buf.WriteByte('[')
			for i, s := range facts.Sections {
				if i > 0 {
					w.buf.WriteByte(',')
				}
				w.str(s)
			}
			w.buf.WriteByte(']')
		case "status":
			w.optStr(facts.Status)
		case "amount":
			w.optStr(facts.Amount)
		case "date":
			w.optDate(facts.Date)
		case "since":
			w.optDate(facts.Since)
		case "weight":
			if facts.Weight == nil {
				w.buf.WriteString("null")
			} else {
				graphql.MarshalInt(*facts.Weight).MarshalGQL(w.buf)
			}
		case "evidence":
			first, err := model.ArgsOf(w.op, f).Int("first")
			if err != nil {
				return err
			}
			return w.value(f, f.Definition.Type, reflect.ValueOf(facts.FirstLines(first)))
		default:
			return fmt.Errorf("edge field %q: %w", f.Name, errIndirect)
		}
		return nil
	})
}

// rootCall decodes a root field's arguments, as its resolver does, and
// returns the call of the resolver with them. An argument it cannot
// decode is found while planning, before any query: the executor then
// reports it.
type rootCall func(args model.Args) (func(ctx context.Context) (any, error), error)

// rootCalls are the root fields answered through their resolvers, whose
// results (models) the writer walks by reflection.
func rootCalls(r *Resolver) map[string]rootCall {
	return map[string]rootCall{
		"nodes":         nodesOp.call(r),
		"search":        searchOp.call(r),
		"paths":         pathsOp.call(r),
		"collaborators": collaboratorsOp.call(r),
		"common":        commonOp.call(r),
		"timeline":      timelineOp.call(r),
	}
}

// recorder is an entity model: the writer writes its record.
type recorder interface{ Record() store.Record }

var marshalerType = reflect.TypeFor[graphql.Marshaler]()

// structFields maps a model struct type's GraphQL field names (its json
// tags) to field indexes.
var structFields sync.Map // reflect.Type -> map[string]int

func fieldIndex(t reflect.Type, name string) (int, bool) {
	m, ok := structFields.Load(t)
	if !ok {
		idx := map[string]int{}
		for i := range t.NumField() {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if tag != "" && tag != "-" {
				idx[tag] = i
			}
		}
		m, _ = structFields.LoadOrStore(t, idx)
	}
	i, ok := m.(map[string]int)[name]
	return i, ok
}

// value writes v, a resolver's result or a part of it, as a value of
// schema type t selected by f: as gqlgen's generated marshallers would.
func (w *writer) value(f graphql.CollectedField, t *ast.Type, v reflect.Value) error {
	for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			if t.NonNull {
				return fmt.Errorf("null for %q: %w", f.Name, errIndirect)
			}
			w.buf.WriteString("null")
			return nil
		}
		if v.Type().Implements(marshalerType) && v.Kind() == reflect.Pointer && v.Elem().Kind() != reflect.Struct {
			break
		}
		if r, ok := v.Interface().(recorder); ok && v.Kind() == reflect.Interface {
			return w.entity(f.Selections, t.Name(), r.Record())
		}
		v = v.Elem()
	}
	if t.Elem != nil {
		if v.Kind() != reflect.Slice {
			return fmt.Errorf("list %q: %w", f.Name, errIndirect)
		}
		if v.IsNil() && !t.NonNull {
			w.buf.WriteString("null")
			return nil
		}
		w.buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			if err := w.value(f, t.Elem, v.Index(i)); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
		return nil
	}
	if v.Type().Implements(marshalerType) {
		v.Interface().(graphql.Marshaler).MarshalGQL(w.buf)
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		w.str(v.String())
	case reflect.Int:
		graphql.MarshalInt(int(v.Int())).MarshalGQL(w.buf)
	case reflect.Bool:
		graphql.MarshalBoolean(v.Bool()).MarshalGQL(w.buf)
	case reflect.Float64:
		if err := graphql.MarshalFloatContext(v.Float()).MarshalGQLContext(w.ctx, w.buf); err != nil {
			return errIndirect
		}
	case reflect.Struct:
		typ := t.Name()
		return w.object(f.Selections, typ, func(c graphql.CollectedField) error {
			i, ok := fieldIndex(v.Type(), c.Name)
			if !ok {
				return fmt.Errorf("field %s.%s: %w", typ, c.Name, errIndirect)
			}
			return w.value(c, c.Definition.Type, v.Field(i))
		})
	default:
		return fmt.Errorf("value of kind %s for %q: %w", v.Kind(), f.Name, errIndirect)
	}
	return nil
}
