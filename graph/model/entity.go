// Package model holds the Go types behind csakg's GraphQL schema. An
// entity wraps the map that the store's compiled query returned for it and
// answers each field from it, by the field's response key, so nested
// fields never query Neo4j again. What entities and connections do is
// written here by hand; their types, one set per label of the graph model,
// are generated into entities_gen.go (internal/modelgen), and everything
// else by gqlgen into models_gen.go.
package model

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"csakg/graphmodel"
	"csakg/store"
)

// Base is what every entity type embeds: the entity's data as read.
type Base struct {
	rec store.Record
}

// NewEntity returns the GraphQL type for an entity read by the store. The
// fields read for its label only (from fragments on its type) are merged
// in.
func NewEntity(rec store.Record) Entity {
	label, _ := rec[graphmodel.KeyLabel].(string)
	if extra, ok := rec[store.ByLabelKey(label)].(map[string]any); ok {
		merged := make(store.Record, len(rec)+len(extra))
		for k, v := range rec {
			merged[k] = v
		}
		for k, v := range extra {
			merged[k] = v
		}
		rec = merged
	}
	if mk, ok := newOfLabel[label]; ok {
		return mk(Base{rec: rec})
	}
	// The store only returns entities of the model's labels; anything else
	// is a bug, shown as an internal error by the field that meets it.
	return &Unknown{Base{rec: rec}}
}

// Unknown is an entity whose label the API does not know. The entity
// types of the model's labels are generated (entities_gen.go).
type Unknown struct{ Base }

func (*Unknown) IsEntity() {}

// value returns what was read for the field being resolved.
func (b Base) value(ctx context.Context) any {
	return b.rec[store.FieldKey(graphql.GetFieldContext(ctx).Field.Alias)]
}

func (b Base) str(ctx context.Context) *string {
	switch v := b.value(ctx).(type) {
	case nil:
		return nil
	case string:
		return &v
	default:
		s := fmt.Sprint(v)
		return &s
	}
}

// Record is the entity's data as the store read it (fields of fragments on
// its type merged in).
func (b Base) Record() store.Record { return b.rec }

// ID is the entity's id.
func (b Base) ID() string { s, _ := b.rec[graphmodel.KeyID].(string); return s }

// Name is the entity's canonical name.
func (b Base) Name() string { s, _ := b.rec[graphmodel.KeyName].(string); return s }

// Label is the entity's label in the graph model.
func (b Base) Label() string { s, _ := b.rec[graphmodel.KeyLabel].(string); return s }

// Type is the entity's kind.
func (b Base) Type() (EntityType, error) {
	t, ok := typeOfLabel[b.Label()]
	if !ok {
		return "", fmt.Errorf("entity %q has unknown label %q", b.ID(), b.Label())
	}
	return t, nil
}

// Aliases are the entity's other names.
func (b Base) Aliases(ctx context.Context) []string {
	l, _ := b.value(ctx).([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// Description is the text that describes the entity. Each label's own
// properties are methods of its type (entities_gen.go).
func (b Base) Description(ctx context.Context) *string { return b.str(ctx) }

// typeOfLabel maps each label of the graph model to its EntityType.
var typeOfLabel = func() map[string]EntityType {
	m := make(map[string]EntityType, len(graphmodel.Labels))
	for _, l := range graphmodel.Labels {
		m[l.Name] = EntityType(l.Enum)
	}
	return m
}()

// TypeOfLabel returns the entity type of a graph model label.
func TypeOfLabel(label string) EntityType { return typeOfLabel[label] }

// LabelOf returns the graph model's label for an entity type.
func LabelOf(t EntityType) string {
	l, _ := graphmodel.LabelOfEnum(string(t))
	return l.Name
}

// Date is an ISO 8601 date: a year, a month or a day.
type Date string

var datePattern = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// ParseDate checks s is an ISO 8601 date.
func ParseDate(s string) (Date, error) {
	if !datePattern.MatchString(s) {
		return "", &InputError{Arg: "date", Msg: fmt.Sprintf("%q is not an ISO 8601 date (2021, 2021-06 or 2021-06-18)", s)}
	}
	return Date(s), nil
}

// UnmarshalGQL implements graphql.Unmarshaler.
func (d *Date) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return &InputError{Arg: "date", Msg: fmt.Sprintf("%v is not a string", v)}
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// MarshalGQL implements graphql.Marshaler.
func (d Date) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Quote(string(d))) }

func toDate(s *string) *Date {
	if s == nil {
		return nil
	}
	d := Date(*s)
	return &d
}

// InputError is a problem with what the client sent. It is shown to the
// client with the code BAD_USER_INPUT.
type InputError struct {
	Arg string // the argument or field at fault
	Msg string
}

func (e *InputError) Error() string { return e.Arg + ": " + e.Msg }
