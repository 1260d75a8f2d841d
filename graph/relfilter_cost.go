package graph

import "github.com/vektah/gqlparser/v2/ast"

// filterCost is the cost the relationship filters in a field's where
// argument add. Before validation a field has no definition: it adds
// nothing then, and is measured again after.
func filterCost(f *ast.Field, vars map[string]any) int {
	if f.Definition == nil || f.Definition.Arguments.ForName("where") == nil {
		return 0
	}
	return whereCost(f.ArgumentMap(vars)["where"])
}

// whereCost is the cost of the relationship filters of a Where input:
// after validation, its fields that hold objects are those.
func whereCost(v any) int {
	m, _ := v.(map[string]any)
	cost := 0
	for _, x := range m {
		q, ok := x.(map[string]any)
		if !ok {
			continue
		}
		inner := 0
		for _, w := range q {
			inner = min(inner+whereCost(w), costCap)
		}
		cost = min(cost+RelFilterCost*(1+inner), costCap)
	}
	return cost
}
