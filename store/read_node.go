package store

import (
	"context"
	"fmt"
)

// This file reads entities by id.

// Record is one entity as a compiled query returns it: its id, label and
// name under reserved keys, and every selected field under FieldKey(key).
type Record = map[string]any

// Node reads the entity with the given id. It returns ErrNotFound when there
// is none.
func (s *Store) Node(ctx context.Context, id string, sel *Selection) (Record, error) {
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	c := newCompiler()
	q := fmt.Sprintf("MATCH (n:Entity {id: %s}) RETURN %s AS e", c.param(id), c.entity("n", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("entity %q: %w", id, ErrNotFound)
	}
	e, _ := recs[0].Get("e")
	return e.(Record), nil
}

// Nodes reads the entities with the given ids, in the order of ids, in one
// query: nil where an id names no entity.
func (s *Store) Nodes(ctx context.Context, ids []string, sel *Selection) ([]Record, error) {
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	out := make([]Record, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	c := newCompiler()
	p := c.param(ids)
	q := fmt.Sprintf(`UNWIND range(0, size(%[1]s) - 1) AS i
OPTIONAL MATCH (n:Entity {id: %[1]s[i]})
RETURN i, CASE WHEN n IS NULL THEN null ELSE %[2]s END AS e`, p, c.entity("n", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		i, _ := r.Get("i")
		e, _ := r.Get("e")
		n, ok := i.(int64)
		if rec, isRec := e.(Record); ok && isRec && n >= 0 && int(n) < len(out) {
			out[n] = rec
		}
	}
	return out, nil
}
