package store

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
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
	return s.column(ctx, "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery AS v")
}

// column returns the column v of cypher's records, as text.
func (s *Store) column(ctx context.Context, cypher string) ([]string, error) {
	recs, err := s.query(ctx, cypher, nil)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range recs {
		v, _ := r.Get("v")
		out = append(out, fmt.Sprint(v))
	}
	return out, nil
}

// Plan returns the operators (with their details) of the plan Neo4j makes
// for cypher, which it runs.
func (s *Store) Plan(ctx context.Context, cypher string, params map[string]any) ([]string, error) {
	sess := s.driver.NewSession(ctx, neo4jWrite(s.db))
	defer sess.Close(ctx)
	// PROFILE, not EXPLAIN: the driver gives the children of an EXPLAIN
	// plan's two-sided operators (RollUpApply) as the last child twice.
	res, err := sess.Run(ctx, "PROFILE "+cypher, params)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	var ops []string
	var visit func(p neo4j.ProfiledPlan)
	visit = func(p neo4j.ProfiledPlan) {
		ops = append(ops, fmt.Sprint(p.Operator(), " ", p.Arguments()["Details"]))
		for _, c := range p.Children() {
			visit(c)
		}
	}
	visit(sum.Profile())
	return ops, nil
}

// WriteForTest runs a write statement outside any load.
func (s *Store) WriteForTest(ctx context.Context, cypher string) error {
	sess := s.driver.NewSession(ctx, neo4jWrite(s.db))
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, cypher, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return err
}

// IndexNames returns the names of the indexes Neo4j has, online or not.
func (s *Store) IndexNames(ctx context.Context) ([]string, error) {
	return s.column(ctx, "SHOW INDEXES YIELD name RETURN name AS v")
}

// SchemaIndexNames are the indexes a batched load into an empty graph
// builds at its end.
func SchemaIndexNames() []string {
	var out []string
	for _, x := range schemaIndexes {
		out = append(out, x.name)
	}
	return out
}
