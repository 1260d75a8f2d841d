package model

import "context"

// Stats is the answer to the stats query. The most connected entities are
// read in the same query as the counts, as many as the largest `first`
// asked for.
type Stats struct {
	Labels        []*LabelCount
	Relationships []*LabelCount
	Entities      int
	Top           []*Degree
}

// MostConnected returns the first most connected entities.
func (s *Stats) MostConnected(ctx context.Context, first *int) ([]*Degree, error) {
	n := min(IntOr(ctx, "first", first), len(s.Top))
	return s.Top[:max(n, 0)], nil
}
