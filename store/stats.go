package store

import (
	"context"
	"fmt"
)

// Count is a number of things of one kind.
type Count struct {
	Name  string
	Count int64
}

// Stats holds counts per label and per relationship type.
type Stats struct {
	Labels        []Count
	Relationships []Count
}

// Stats counts entities per label and relationships per type. The counts
// come from Neo4j's count store, so they cost the same at any size.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	recs, err := s.query(ctx, cypherCounts, nil)
	if err != nil {
		return Stats{}, err
	}
	var st Stats
	for _, r := range recs {
		kind, _ := r.Get("kind")
		name, _ := r.Get("name")
		n, _ := r.Get("count")
		c, ok := n.(int64)
		if !ok {
			return Stats{}, fmt.Errorf("count for %v: unexpected %T", name, n)
		}
		cnt := Count{Name: fmt.Sprint(name), Count: c}
		if kind == "label" {
			st.Labels = append(st.Labels, cnt)
		} else {
			st.Relationships = append(st.Relationships, cnt)
		}
	}
	return st, nil
}

// Wipe deletes every node and relationship. Tests use it to start from an
// empty graph; the server never calls it.
func (s *Store) Wipe(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4jWrite(s.db))
	defer sess.Close(ctx)
	for _, stmt := range cypherWipe {
		res, err := sess.Run(ctx, stmt, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return translate(err)
		}
	}
	return nil
}
