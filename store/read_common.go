package store

import (
	"context"
	"fmt"
	"strings"

	"csakg/graphmodel"
	"csakg/loader"
)

// This file lists what two entities share.

// MaxLinkEvidence bounds the lines of evidence read for one link of
// Common.
const MaxLinkEvidence = 100

// Link is a relationship between an entity asked about and another, seen
// from the first.
type Link struct {
	Type     string
	Out      bool // it points from the entity asked about
	Role     string
	Evidence []loader.Evidence
}

// Shared is an entity two others are both linked to, with the links.
type Shared struct {
	Record Record
	A, B   []Link
}

// Common lists the entities of the given labels (any entity when empty)
// that both a and b are directly linked to, by label and name, each with
// the relationships that link it to a and to b, their lines in source and
// line order. It returns ErrNotFound when a or b names no entity.
func (s *Store) Common(ctx context.Context, a, b string, labels []string, first int, sel *Selection) ([]Shared, error) {
	if err := validLabels(labels); err != nil {
		return nil, err
	}
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	shared := graphmodel.EntityLabel
	if len(labels) > 0 {
		shared = strings.Join(labels, "|")
	}
	c := newCompiler()
	links := func(v string) string {
		return fmt.Sprintf(`COLLECT { MATCH (%[1]s)-[r:%[2]s]-(x)
      RETURN {type: type(r), out: startNode(r) = %[1]s, role: r.role, evidence: %[3]s}
      ORDER BY type(r), r.source, r.line, r.key }`, v, entityRelPattern, fmt.Sprintf(FactFields["evidence"], "r", fmt.Sprint(MaxLinkEvidence)))
	}
	q := fmt.Sprintf(`OPTIONAL MATCH (a:Entity {id: %s})
OPTIONAL MATCH (b:Entity {id: %s})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH (a)-[:%[3]s]-(x:%[4]s)-[:%[3]s]-(b)
  WHERE x <> a AND x <> b
  WITH DISTINCT a, b, x
  ORDER BY %[5]s, x.name, x.id
  LIMIT %[6]s
  RETURN collect({node: %[7]s,
    a: %[8]s,
    b: %[9]s}) AS shared
}
RETURN a IS NOT NULL AS hasA, b IS NOT NULL AS hasB, shared`,
		c.param(a), c.param(b), entityRelPattern, shared, labelExpr("x"), c.param(first),
		c.entity("x", sel), links("a"), links("b"))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	r := recs[0]
	if ok, _ := r.Get("hasA"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", a, ErrNotFound)
	}
	if ok, _ := r.Get("hasB"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", b, ErrNotFound)
	}
	raw, _ := r.Get("shared")
	var out []Shared
	for _, x := range raw.([]any) {
		m := x.(map[string]any)
		out = append(out, Shared{Record: m["node"].(Record), A: linksOf(m["a"]), B: linksOf(m["b"])})
	}
	return out, nil
}

func linksOf(v any) []Link {
	l, _ := v.([]any)
	out := make([]Link, 0, len(l))
	for _, x := range l {
		m := x.(map[string]any)
		out = append(out, Link{Type: str(m["type"]), Out: m["out"] == true, Role: str(m["role"]), Evidence: evidenceList(m["evidence"])})
	}
	return out
}

func evidenceList(v any) []loader.Evidence {
	l, _ := v.([]any)
	out := make([]loader.Evidence, 0, len(l))
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			out = append(out, evidence(m))
		}
	}
	return out
}
