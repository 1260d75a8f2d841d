package store

import (
	"context"
	"fmt"
)

// OnWrite sets a function called before each write statement of a load, so
// a test can stop a load at a chosen point.
func (s *Store) OnWrite(f func()) { s.onWrite = f }

// QueryForTest runs cypher the way the store runs its reads.
func (s *Store) QueryForTest(ctx context.Context, cypher string) error {
	_, err := s.query(ctx, cypher, nil)
	return err
}

// RunningQueries returns the text of every query Neo4j is running.
func (s *Store) RunningQueries(ctx context.Context) ([]string, error) {
	recs, err := s.query(ctx, "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery", nil)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range recs {
		q, _ := r.Get("currentQuery")
		out = append(out, fmt.Sprint(q))
	}
	return out, nil
}
