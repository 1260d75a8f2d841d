package store

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"

	"csakg/graphmodel"
)

// Selection says what to read of an entity: which properties, and which
// relationships with what of the entities at their other ends. The API
// builds one from a GraphQL request and the store compiles it, all levels at
// once, into a single Cypher query.
//
// Keys are the names the caller wants the values under (GraphQL response
// keys); they only ever become map keys, quoted, never identifiers.
type Selection struct {
	Props    []Prop
	Rels     []Rel
	AnyRels  []AnyRels
	Mentions []Mentions
	// ByLabel holds extra selections for entities of one label, from
	// GraphQL fragments on a concrete type. They are compiled under a CASE
	// on the label and merged by the caller.
	ByLabel map[string]*Selection
}

// Prop reads node property Name under Key.
type Prop struct {
	Key  string
	Name string
}

// Page is a page request: at most First items after the cursor After.
type Page struct {
	First int
	After Cursor // nil for the first page
	// CountOnly says no edge and no page position is asked for: the
	// compiled query reads the count alone (see countOnly) and no edges.
	CountOnly bool
}

// Rel reads the relationships of one type, as a connection.
type Rel struct {
	Key    string
	Type   string
	Dir    Direction
	Labels []string // labels allowed at the other end; empty for any entity
	Where  Filter   // what the entities at the other end must meet
	Page   Page
	Total  bool       // count them all, Where met
	Node   *Selection // what to read of the entity at the other end
	Edge   EdgeFields // what to read of each edge besides its node
}

// EdgeFields says what to read of the edges of a connection: the cursor
// of each, and which facts of the relationship (names of FactFields). What
// is not asked for is not read, so Neo4j does not send it.
type EdgeFields struct {
	Cursor bool
	Facts  []string
	// Evidence is how many lines of evidence to read per edge, when Facts
	// has "evidence".
	Evidence int
}

// FactFields are the facts an edge can show, each with the Cypher
// expression that reads it from the relationship bound to %[1]s.
var FactFields = map[string]string{
	"role": "%[1]s.role", "section": "%[1]s.section", "date": "%[1]s.date", "since": "%[1]s.since",
	"status": "%[1]s.status", "amount": "%[1]s.amount", "weight": "%[1]s.weight",
	// A fact stated of one section has no list.
	"sections": "coalesce(%[1]s.sections, CASE WHEN %[1]s.section IS NULL THEN [] ELSE [toString(%[1]s.section)] END)",
	// Every line, in source and line order; a fact stated on one line, or
	// written by an older csakg, has no lists: its line is the first.
	"evidence": `CASE WHEN %[1]s.evidenceLines IS NULL THEN [{source: %[1]s.source, line: %[1]s.line, excerpt: %[1]s.excerpt, rule: %[1]s.rule}]
    ELSE [%[1]s_i IN range(0, size(%[1]s.evidenceLines) - 1) WHERE %[1]s_i < %[2]s | {source: %[1]s.evidenceSources[%[1]s_i], line: %[1]s.evidenceLines[%[1]s_i],
      excerpt: %[1]s.evidenceExcerpts[%[1]s_i], rule: %[1]s.evidenceRules[%[1]s_i]}] END`,
}

// Merge returns the fields either e or o asks for.
func (e EdgeFields) Merge(o EdgeFields) EdgeFields {
	out := EdgeFields{Cursor: e.Cursor || o.Cursor, Facts: slices.Clone(e.Facts), Evidence: max(e.Evidence, o.Evidence)}
	for _, f := range o.Facts {
		if !slices.Contains(out.Facts, f) {
			out.Facts = append(out.Facts, f)
		}
	}
	return out
}

func (e EdgeFields) validate() error {
	for _, f := range e.Facts {
		if _, ok := FactFields[f]; !ok {
			return fmt.Errorf("edge field %q is not a fact", f)
		}
	}
	return nil
}

// AnyRels reads relationships of any of Types (all entity relationship types
// when empty), as a connection.
type AnyRels struct {
	Key   string
	Types []string
	Dir   Direction
	Page  Page
	Total bool
	Node  *Selection
	Edge  EdgeFields
}

// Mentions reads the lines that mention an entity, as a connection.
type Mentions struct {
	Key   string
	Page  Page
	Total bool
}

// Direction of a relationship, seen from the entity being read.
type Direction string

// Directions.
const (
	Out  Direction = graphmodel.Out
	In   Direction = graphmodel.In
	Both Direction = graphmodel.Both
)

// Cursor is a keyset position: the sort-key values of the last item seen.
// It is opaque to clients.
type Cursor []any

// Encode returns the cursor as an opaque string.
func (c Cursor) Encode() string {
	b, _ := json.Marshal([]any(c))
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses a cursor made by Encode for a list with n sort keys.
func DecodeCursor(s string, n int) (Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("malformed cursor %q", s)
	}
	var vals []any
	if err := json.Unmarshal(b, &vals); err != nil || len(vals) != n {
		return nil, fmt.Errorf("malformed cursor %q", s)
	}
	for i, v := range vals {
		switch x := v.(type) {
		case string:
		case float64:
			// JSON numbers are floats; Neo4j stores our numbers as integers.
			if x != float64(int64(x)) {
				return nil, fmt.Errorf("malformed cursor %q", s)
			}
			vals[i] = int64(x)
		default:
			return nil, fmt.Errorf("malformed cursor %q", s)
		}
	}
	return vals, nil
}

// Validate checks s against the graph model's allow-lists, so that nothing
// outside them can reach Cypher even if a caller made a mistake.
func (s *Selection) Validate() error {
	if s == nil {
		return nil
	}
	for _, p := range s.Props {
		if !isIdent(p.Name) {
			return fmt.Errorf("property %q is not a plain name", p.Name)
		}
	}
	for _, r := range s.Rels {
		if !slices.Contains(graphmodel.RelTypes, r.Type) {
			return fmt.Errorf("relationship type %q is not in the graph model", r.Type)
		}
		if err := validLabels(r.Labels); err != nil {
			return err
		}
		if err := validRels(r.Where); err != nil {
			return err
		}
		if err := validDir(r.Dir); err != nil {
			return err
		}
		if err := r.Edge.validate(); err != nil {
			return err
		}
		if err := r.Node.Validate(); err != nil {
			return err
		}
	}
	for _, r := range s.AnyRels {
		for _, t := range r.Types {
			if !slices.Contains(graphmodel.RelTypes, t) {
				return fmt.Errorf("relationship type %q is not in the graph model", t)
			}
		}
		if err := validDir(r.Dir); err != nil {
			return err
		}
		if err := r.Edge.validate(); err != nil {
			return err
		}
		if err := r.Node.Validate(); err != nil {
			return err
		}
	}
	for l, sub := range s.ByLabel {
		if err := validLabels([]string{l}); err != nil {
			return err
		}
		if err := sub.Validate(); err != nil {
			return err
		}
	}
	return nil
}

func validTypes(ts []string) error {
	for _, t := range ts {
		if !slices.Contains(graphmodel.RelTypes, t) {
			return fmt.Errorf("relationship type %q is not in the graph model", t)
		}
	}
	return nil
}

func validLabels(ls []string) error {
	for _, l := range ls {
		if !slices.Contains(graphmodel.LabelNames, l) {
			return fmt.Errorf("label %q is not in the graph model", l)
		}
	}
	return nil
}

func validDir(d Direction) error {
	switch d {
	case Out, In, Both:
		return nil
	}
	return fmt.Errorf("direction %q", d)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
