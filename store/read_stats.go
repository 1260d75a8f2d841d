package store

import (
	"context"
	"fmt"
)

// This file reads the counts of the graph with its most connected
// entities.

// Degree is an entity and its number of relationships to other entities.
type Degree struct {
	Record Record
	Degree int64
}

// StatsWithTop is Stats plus, when top > 0, the top most connected
// entities, in one round trip.
func (s *Store) StatsWithTop(ctx context.Context, top int, sel *Selection) (Stats, []Degree, error) {
	if top <= 0 {
		st, err := s.Stats(ctx)
		return st, nil, err
	}
	if err := sel.Validate(); err != nil {
		return Stats{}, nil, err
	}
	c := newCompiler()
	q := fmt.Sprintf(`CALL () { %s }
WITH collect({kind: kind, name: name, count: count}) AS counts
RETURN counts, COLLECT { MATCH (n:Entity) WHERE n.degree IS NOT NULL
  RETURN {degree: n.degree, node: %s} ORDER BY n.degree DESC, n.name, n.id LIMIT %s } AS top`,
		cypherCounts, c.entity("n", sel), c.param(top))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return Stats{}, nil, err
	}
	var st Stats
	counts, _ := recs[0].Get("counts")
	for _, x := range counts.([]any) {
		m := x.(map[string]any)
		n, _ := m["count"].(int64)
		cnt := Count{Name: str(m["name"]), Count: n}
		if m["kind"] == "label" {
			st.Labels = append(st.Labels, cnt)
		} else {
			st.Relationships = append(st.Relationships, cnt)
		}
	}
	var degs []Degree
	topRaw, _ := recs[0].Get("top")
	for _, x := range topRaw.([]any) {
		m := x.(map[string]any)
		d := Degree{Record: m["node"].(Record)}
		d.Degree, _ = m["degree"].(int64)
		degs = append(degs, d)
	}
	return st, degs, nil
}
