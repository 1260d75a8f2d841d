package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Limits rejects operations that are nested too deep or would cost too
// much, before any resolver runs.
//
// The cost of a field is 1 plus the cost of its children, multiplied by its
// `first` argument where it has one (a list of 20 entities costs 20 times
// what one entity costs), plus RelFilterCost for each level of each
// relationship filter in its where argument. MaxFields bounds the number of fields asked for,
// aliases and fragments included, so the same field aliased 10,000 times is
// refused however cheap each one is.
//
// The checks run twice. Before gqlparser validates a document (some of its
// rules take time quadratic in the fields of a selection, or exponential in
// fragments that spread each other), the document as parsed is measured for
// fields and depth; a document the query cache holds passed this already.
// After validation, the chosen operation is measured again with its
// variables, for the cost. Both walks take time linear in the document's
// length: a fragment is measured once, at its first spread.
type Limits struct {
	MaxDepth   int
	MaxCost    int
	MaxFields  int // field selections in the operation, fragments expanded
	MaxRepeats int // fields that give one response key (see shape)
	Schema     *ast.Schema
	// Cache is the executor's query cache: the documents in it were
	// measured and validated before.
	Cache graphql.Cache[*ast.QueryDocument]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
} = Limits{}

// ExtensionName implements graphql.HandlerExtension.
func (Limits) ExtensionName() string { return "Limits" }

// Validate implements graphql.HandlerExtension.
func (Limits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters implements graphql.OperationParameterMutator:
// the checks that run before the document is validated.
func (l Limits) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	if err := ctxError(ctx); err != nil {
		return err
	}
	doc, cached := l.Cache.Get(ctx, params.Query)
	if !cached {
		var err error
		doc, err = parser.ParseQueryWithTokenLimit(&ast.Source{Input: params.Query}, MaxTokens)
		if err != nil {
			// gqlgen parses again and reports the error with its code.
			return nil
		}
		m := newMeasure(doc, nil)
		if err := l.check(m.document(), "document"); err != nil {
			return err
		}
		// Only now: the shape costs what the expansion does, which the
		// field limit has just bounded.
		if key, n := m.repeats(); n > l.MaxRepeats {
			return limitError(fmt.Sprintf("%d fields give the response key %q; the limit is %d", n, key, l.MaxRepeats))
		}
	}
	if op := doc.Operations.ForName(params.OperationName); op != nil && l.Schema != nil {
		if err := checkVariables(l.Schema, op, params.Variables); err != nil {
			return err
		}
	}
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator: the
// checks of the validated operation, with its variables.
func (l Limits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if err := ctxError(ctx); err != nil {
		return err
	}
	if oc.Operation == nil {
		return nil
	}
	m := newMeasure(oc.Doc, oc.Variables)
	return l.check(m.set(oc.Operation.SelectionSet), "query")
}

func (l Limits) check(s size, what string) *gqlerror.Error {
	if s.fields > l.MaxFields {
		return limitError(fmt.Sprintf("the %s asks for %d fields, fragments expanded; the limit is %d", what, s.fields, l.MaxFields))
	}
	if s.depth > l.MaxDepth {
		return limitError(fmt.Sprintf("the %s is nested %d levels deep; the limit is %d", what, s.depth, l.MaxDepth))
	}
	if s.cost > l.MaxCost {
		return limitError(fmt.Sprintf("the %s would cost %d; the limit is %d (lists cost their `first` times what one item costs)", what, s.cost, l.MaxCost))
	}
	return nil
}

// ctxError stops the work on a request whose deadline has passed or whose
// client has gone.
func ctxError(ctx context.Context) *gqlerror.Error {
	switch err := ctx.Err(); {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		return &gqlerror.Error{Message: "the request took too long and was cancelled", Extensions: map[string]any{"code": CodeTimeout}}
	default:
		return &gqlerror.Error{Message: "the request was cancelled", Extensions: map[string]any{"code": CodeTimeout}}
	}
}

func limitError(msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": CodeComplexityLimit}}
}

// costCap keeps the arithmetic of absurd queries from overflowing; anything
// this large is over any limit.
const costCap = 1 << 40

// size is what a measure finds.
type size struct{ depth, cost, fields int }

// measure walks the selections of one document. A fragment's size is
// worked out at its first spread and reused at the others, so a document
// whose fragments each spread the next twice costs its length to measure,
// not its expansion.
type measure struct {
	doc    *ast.QueryDocument
	vars   map[string]any
	frags  map[string]size // by fragment name; zero while being measured
	visits int             // selections walked, for tests
}

func newMeasure(doc *ast.QueryDocument, vars map[string]any) *measure {
	return &measure{doc: doc, vars: vars, frags: map[string]size{}}
}

// document measures a document as parsed, before validation: the fields of
// all its operations and of the fragments that none of them spreads (the
// validator walks those too), and the deepest nesting of any.
func (m *measure) document() size {
	var out size
	add := func(s size) {
		out.depth = max(out.depth, s.depth)
		out.cost = min(out.cost+s.cost, costCap)
		out.fields = min(out.fields+s.fields, costCap)
	}
	for _, op := range m.doc.Operations {
		add(m.set(op.SelectionSet))
	}
	for _, f := range m.doc.Fragments {
		if _, seen := m.frags[f.Name]; !seen {
			add(m.fragment(f.Name, f))
		}
	}
	return out
}

// set returns the depth, cost and field count of a selection set.
func (m *measure) set(set ast.SelectionSet) size {
	var out size
	for _, sel := range set {
		m.visits++
		var s size
		switch x := sel.(type) {
		case *ast.Field:
			c := m.set(x.SelectionSet)
			s = size{depth: c.depth + 1, cost: min(1+c.cost*multiplier(x, m.vars)+filterCost(x, m.vars), costCap), fields: c.fields + 1}
		case *ast.InlineFragment:
			s = m.set(x.SelectionSet)
		case *ast.FragmentSpread:
			s = m.fragment(x.Name, x.Definition)
		}
		out.depth = max(out.depth, s.depth)
		out.cost = min(out.cost+s.cost, costCap)
		out.fields = min(out.fields+s.fields, costCap)
	}
	return out
}

// fragment returns the size of the named fragment, measured once. Before
// validation a spread has no definition yet and one is looked up by name;
// a fragment that spreads itself counts nothing the second time (the
// validator refuses the cycle).
func (m *measure) fragment(name string, def *ast.FragmentDefinition) size {
	if s, ok := m.frags[name]; ok {
		return s
	}
	if def == nil {
		def = m.doc.Fragments.ForName(name)
	}
	m.frags[name] = size{}
	if def == nil {
		return size{}
	}
	s := m.set(def.SelectionSet)
	m.frags[name] = s
	return s
}

// shape is the response a selection set gives once fields of one response
// key are merged, as GraphQL merges them: for each key, how many fields
// give it and the merged shape of their selections. gqlparser's rule that
// fields of one key can be merged compares every pair of them, so its work
// grows with the square of those counts.
type shape map[string]*shapeNode

type shapeNode struct {
	fields int
	sub    shape
}

// merge adds src to dst, copying: src may be a fragment's shape, kept for
// its other spreads.
func (dst shape) merge(src shape) {
	for key, n := range src {
		d := dst.node(key)
		d.fields += n.fields
		if len(n.sub) > 0 {
			if d.sub == nil {
				d.sub = shape{}
			}
			d.sub.merge(n.sub)
		}
	}
}

func (dst shape) node(key string) *shapeNode {
	d := dst[key]
	if d == nil {
		d = &shapeNode{}
		dst[key] = d
	}
	return d
}

// most returns the key given by the most fields, anywhere in the shape.
func (s shape) most() (string, int) {
	key, n := "", 0
	for k, x := range s {
		if x.fields > n {
			key, n = k, x.fields
		}
		if k2, n2 := x.sub.most(); n2 > n {
			key, n = k2, n2
		}
	}
	return key, n
}

// repeats returns the response key given by the most fields, merged as in
// shape, in any operation or unused fragment of the document. A fragment's
// shape is built once and copied into each spread's; the copies cost what
// the expansion does.
func (m *measure) repeats() (string, int) {
	shapes := map[string]shape{}
	key, n := "", 0
	top := func(s shape) {
		if k, c := s.most(); c > n {
			key, n = k, c
		}
	}
	for _, op := range m.doc.Operations {
		top(m.shape(op.SelectionSet, shapes))
	}
	for _, f := range m.doc.Fragments {
		if _, seen := shapes[f.Name]; !seen {
			top(m.fragmentShape(f.Name, shapes))
		}
	}
	return key, n
}

func (m *measure) shape(set ast.SelectionSet, shapes map[string]shape) shape {
	out := shape{}
	for _, sel := range set {
		switch x := sel.(type) {
		case *ast.Field:
			key := x.Alias
			if key == "" {
				key = x.Name
			}
			d := out.node(key)
			d.fields++
			if len(x.SelectionSet) > 0 {
				if d.sub == nil {
					d.sub = shape{}
				}
				d.sub.merge(m.shape(x.SelectionSet, shapes))
			}
		case *ast.InlineFragment:
			out.merge(m.shape(x.SelectionSet, shapes))
		case *ast.FragmentSpread:
			out.merge(m.fragmentShape(x.Name, shapes))
		}
	}
	return out
}

// fragmentShape returns the named fragment's shape, built once; a
// fragment that spreads itself adds nothing the second time.
func (m *measure) fragmentShape(name string, shapes map[string]shape) shape {
	if s, ok := shapes[name]; ok {
		return s
	}
	shapes[name] = nil
	def := m.doc.Fragments.ForName(name)
	if def == nil {
		return nil
	}
	s := m.shape(def.SelectionSet, shapes)
	shapes[name] = s
	return s
}

// multiplier is the number of items a field may return: its `first`
// argument, the number of its `ids`, or 1. Before validation a field has no definition and counts 1.
func multiplier(f *ast.Field, vars map[string]any) int {
	if f.Definition == nil {
		return 1
	}
	if f.Definition.Arguments.ForName("ids") != nil {
		// nodes(ids:): one entity per id. More than MaxIDs is refused by
		// the field itself.
		if l, ok := f.ArgumentMap(vars)["ids"].([]any); ok {
			return min(max(len(l), 1), MaxIDs)
		}
		return 1
	}
	if f.Definition.Arguments.ForName("first") == nil {
		return 1
	}
	// A first above MaxFirst is refused by the field itself, with a clearer
	// message than a cost would give.
	switch v := f.ArgumentMap(vars)["first"].(type) {
	case int64:
		return int(min(max(v, 1), MaxFirst))
	case int:
		return min(max(v, 1), MaxFirst)
	}
	return 1
}

// setValidationCode marks err as gqlgen marks its own validation errors.
func setValidationCode(err *gqlerror.Error) *gqlerror.Error {
	errcode.Set(err, errcode.ValidationFailed)
	return err
}
