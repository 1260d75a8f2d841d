package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits rejects operations that are nested too deep or would cost too
// much, before any resolver runs.
//
// The cost of a field is 1 plus the cost of its children, multiplied by its
// `first` argument where it has one (a list of 20 entities costs 20 times
// what one entity costs). MaxFields bounds the number of fields asked for,
// aliases and fragments included, so the same field aliased 10,000 times is
// refused however cheap each one is.
type Limits struct {
	MaxDepth  int
	MaxCost   int
	MaxFields int // field selections in the operation, fragments expanded
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = Limits{}

// ExtensionName implements graphql.HandlerExtension.
func (Limits) ExtensionName() string { return "Limits" }

// Validate implements graphql.HandlerExtension.
func (Limits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (l Limits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	m := measure(oc.Operation.SelectionSet, oc.Variables)
	depth, cost := m.depth, m.cost
	if m.fields > l.MaxFields {
		return limitError(fmt.Sprintf("the query asks for %d fields; the limit is %d", m.fields, l.MaxFields))
	}
	if depth > l.MaxDepth {
		return limitError(fmt.Sprintf("the query is nested %d levels deep; the limit is %d", depth, l.MaxDepth))
	}
	if cost > l.MaxCost {
		return limitError(fmt.Sprintf("the query would cost %d; the limit is %d (lists cost their `first` times what one item costs)", cost, l.MaxCost))
	}
	return nil
}

func limitError(msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": CodeComplexityLimit}}
}

// costCap keeps the arithmetic of absurd queries from overflowing; anything
// this large is over any limit.
const costCap = 1 << 40

// size is what measure finds.
type size struct{ depth, cost, fields int }

// measure returns the depth, cost and field count of a selection set.
// Fragment cycles cannot occur here: validation rejects them before.
func measure(set ast.SelectionSet, vars map[string]any) size {
	var out size
	for _, sel := range set {
		var s size
		switch x := sel.(type) {
		case *ast.Field:
			c := measure(x.SelectionSet, vars)
			s = size{depth: c.depth + 1, cost: 1 + c.cost*multiplier(x, vars), fields: c.fields + 1}
		case *ast.InlineFragment:
			s = measure(x.SelectionSet, vars)
		case *ast.FragmentSpread:
			if x.Definition != nil {
				s = measure(x.Definition.SelectionSet, vars)
			}
		}
		out.depth = max(out.depth, s.depth)
		out.cost = min(out.cost+s.cost, costCap)
		out.fields = min(out.fields+s.fields, costCap)
	}
	return out
}

// multiplier is the number of items a field may return: its `first`
// argument, or 1.
func multiplier(f *ast.Field, vars map[string]any) int {
	if f.Definition == nil || f.Definition.Arguments.ForName("first") == nil {
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
