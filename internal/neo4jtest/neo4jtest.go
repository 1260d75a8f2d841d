// Package neo4jtest connects tests to the real Neo4j named by NEO4J_URI.
//
// Without NEO4J_URI a test is skipped, unless CSAKG_REQUIRE_NEO4J=1, which
// `make test` and CI set: then it fails, so integration tests cannot pass by
// not running.
package neo4jtest

import (
	"context"
	"os"
	"testing"
	"time"

	"csakg/store"
)

// Config returns the Neo4j settings from the environment, or skips or fails t.
func Config(t testing.TB) store.Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CSAKG_REQUIRE_NEO4J") == "1" {
			t.Fatal("NEO4J_URI is not set and CSAKG_REQUIRE_NEO4J=1: integration tests need a Neo4j")
		}
		t.Skip("NEO4J_URI not set; integration test skipped")
	}
	cfg := store.Config{
		URI:      uri,
		User:     os.Getenv("NEO4J_USER"),
		Password: store.Secret(os.Getenv("NEO4J_PASSWORD")),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	if cfg.User == "" {
		cfg.User = "neo4j"
	}
	return cfg
}

// Open returns a Store on the test Neo4j, checked reachable, closed when the
// test ends.
func Open(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(Config(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := st.Ping(ctx); err != nil {
		t.Fatalf("neo4j at %s: %v", os.Getenv("NEO4J_URI"), err)
	}
	return st
}

// Empty returns a Store on an emptied test database.
func Empty(t testing.TB) *store.Store {
	t.Helper()
	st := Open(t)
	if err := st.Wipe(context.Background()); err != nil {
		t.Fatalf("wipe: %v", err)
	}
	return st
}

// Counts returns the non-zero numbers of entities per label and
// relationships per type.
func Counts(t testing.TB, st *store.Store) map[string]int64 {
	t.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int64{}
	for _, c := range append(s.Labels, s.Relationships...) {
		if c.Count > 0 {
			m[c.Name] = c.Count
		}
	}
	return m
}
