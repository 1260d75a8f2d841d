package graph

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// checkVariables refuses the variable values that gqlparser coerces more
// loosely than GraphQL allows: a string for an Int or a Float ("10"), and a
// number that is not a whole 32-bit one for an Int (gqlparser says "cannot
// use value 0 as Int" of 1.5). Values are as the transports decode them,
// numbers as json.Number; everything else is left to gqlparser.
func checkVariables(schema *ast.Schema, op *ast.OperationDefinition, vars map[string]any) *gqlerror.Error {
	for _, def := range op.VariableDefinitions {
		v, ok := vars[def.Variable]
		if !ok {
			continue
		}
		c := varChecker{schema: schema, name: def.Variable}
		if err := c.value(def.Type, v, ast.Path{ast.PathName("variable"), ast.PathName(def.Variable)}); err != nil {
			return err
		}
	}
	return nil
}

type varChecker struct {
	schema *ast.Schema
	name   string // the variable's name, for messages
}

func (c varChecker) value(t *ast.Type, v any, path ast.Path) *gqlerror.Error {
	if v == nil {
		return nil
	}
	if t.Elem != nil {
		list, ok := v.([]any)
		if !ok { // one value stands for a list of one
			return c.value(t.Elem, v, path)
		}
		for i, x := range list {
			if err := c.value(t.Elem, x, slices.Concat(path, ast.Path{ast.PathIndex(i)})); err != nil {
				return err
			}
		}
		return nil
	}
	switch t.NamedType {
	case "Int":
		return c.int(v, path)
	case "Float":
		if s, ok := v.(string); ok {
			return c.errorf(path, "%q is a string, not a Float; send the number without quotes", s)
		}
		return nil
	}
	def := c.schema.Types[t.NamedType]
	obj, ok := v.(map[string]any)
	if def == nil || def.Kind != ast.InputObject || !ok {
		return nil
	}
	for _, f := range def.Fields {
		if x, ok := obj[f.Name]; ok {
			if err := c.value(f.Type, x, slices.Concat(path, ast.Path{ast.PathName(f.Name)})); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c varChecker) int(v any, path ast.Path) *gqlerror.Error {
	switch x := v.(type) {
	case string:
		return c.errorf(path, "%q is a string, not an Int; send the number without quotes", x)
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			return c.errorf(path, "%s is not an Int: an Int is a whole number, written without a fraction or exponent", x)
		}
		if n < math.MinInt32 || n > math.MaxInt32 {
			return c.errorf(path, "%s is not an Int: an Int is between %d and %d", x, math.MinInt32, math.MaxInt32)
		}
	}
	return nil
}

func (c varChecker) errorf(path ast.Path, format string, args ...any) *gqlerror.Error {
	err := gqlerror.ErrorPathf(path, "variable $%s: %s", c.name, fmt.Sprintf(format, args...))
	return setValidationCode(err)
}
