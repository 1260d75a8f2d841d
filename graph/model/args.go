package model

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Args reads the arguments of one field as the schema gives them: the
// request's values with variables substituted (checked against their
// types by gqlgen before any resolver runs), and, for an argument not
// given or given as null, the default the schema writes for it. The
// resolvers, the entity fields and the direct writer all read arguments
// through it, so no default is written twice.
type Args struct {
	def  *ast.FieldDefinition
	vals map[string]any
}

// ArgsOf returns the arguments of field f of the operation op.
func ArgsOf(op *graphql.OperationContext, f graphql.CollectedField) Args {
	var vars map[string]any
	if op != nil {
		vars = op.Variables
	}
	return Args{def: f.Definition, vals: f.ArgumentMap(vars)}
}

// FieldArgs returns the arguments of the field being resolved in ctx.
func FieldArgs(ctx context.Context) Args {
	return ArgsOf(graphql.GetOperationContext(ctx), graphql.GetFieldContext(ctx).Field)
}

// Value returns argument name's value, or its default when it is null.
func (a Args) Value(name string) any {
	if v := a.vals[name]; v != nil {
		return v
	}
	return Default(a.def, name)
}

// Given tells whether the request gave argument name a value (not null).
func (a Args) Given(name string) bool { return a.vals[name] != nil }

// Default returns the schema's default value of argument name of field
// def: nil when it has none.
func Default(def *ast.FieldDefinition, name string) any {
	if def == nil {
		return nil
	}
	arg := def.Arguments.ForName(name)
	if arg == nil || arg.DefaultValue == nil {
		return nil
	}
	v, err := arg.DefaultValue.Value(nil)
	if err != nil {
		return nil
	}
	return v
}

// DecodeError is an argument value not of its type. gqlgen's executor
// reports such a value, in its own words, before any resolver runs; the
// direct writer leaves the request to it.
type DecodeError struct{ Err error }

func (e *DecodeError) Error() string { return e.Err.Error() }
func (e *DecodeError) Unwrap() error { return e.Err }

func decodeError(name, msg string) error {
	return &DecodeError{Err: &InputError{Arg: name, Msg: msg}}
}

// Int reads an Int argument.
func (a Args) Int(name string) (int, error) {
	switch x := a.Value(name).(type) {
	case int:
		return x, nil
	case int64:
		return int(x), nil
	case nil:
		return 0, decodeError(name, "is missing and has no default")
	default:
		n, err := graphql.UnmarshalInt(x)
		if err != nil {
			return 0, decodeError(name, fmt.Sprintf("%v is not an integer", x))
		}
		return n, nil
	}
}

// String reads a String or ID argument ("" when null without default).
func (a Args) String(name string) (string, error) {
	switch x := a.Value(name).(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	default:
		return "", decodeError(name, fmt.Sprintf("%v is not a string", x))
	}
}

// OptString reads a nullable String or ID argument.
func (a Args) OptString(name string) (*string, error) {
	if a.Value(name) == nil {
		return nil, nil
	}
	s, err := a.String(name)
	return &s, err
}

// Strings reads a list of strings, IDs or enum values. A single value
// where a list is expected is a list of one, as GraphQL coerces it.
func (a Args) Strings(name string) ([]string, error) {
	var l []any
	switch x := a.Value(name).(type) {
	case nil:
		return nil, nil
	case []string:
		return x, nil
	case []any:
		l = x
	default:
		l = []any{x}
	}
	out := make([]string, len(l))
	for i, v := range l {
		s, ok := v.(string)
		if !ok {
			return nil, decodeError(name, fmt.Sprintf("%v is not a string", v))
		}
		out[i] = s
	}
	return out, nil
}

// Date reads a nullable Date argument.
func (a Args) Date(name string) (*Date, error) {
	v := a.Value(name)
	if v == nil {
		return nil, nil
	}
	var d Date
	if err := d.UnmarshalGQL(v); err != nil {
		return nil, &DecodeError{Err: err}
	}
	return &d, nil
}

// Map reads an input object argument.
func (a Args) Map(name string) (map[string]any, error) {
	switch x := a.Value(name).(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return x, nil
	default:
		return nil, decodeError(name, fmt.Sprintf("%v is not an input object", x))
	}
}

// IntOr is an Int argument as gqlgen passed it to a field method: v, or
// the schema's default for the field being resolved when v is null.
func IntOr(ctx context.Context, name string, v *int) int {
	if v != nil {
		return *v
	}
	n, _ := Args{def: graphql.GetFieldContext(ctx).Field.Definition}.Int(name)
	return n
}
