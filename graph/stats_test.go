package graph_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"csakg/graph"
	"csakg/graphmodel"
	"csakg/internal/neo4jtest"
	"csakg/loader"
	"csakg/store"
)

func newClient(t *testing.T, st *store.Store) *client.Client {
	t.Helper()
	h := graph.NewHandler(&graph.Resolver{Store: st}, slog.New(slog.NewTextHandler(io.Discard, nil)),
		graph.Options{Limits: graph.RequestLimits{Timeout: 10 * time.Second, MaxBodyBytes: 1 << 20}, Introspection: true})
	return client.New(h)
}

func TestStatsCountsWhatWasLoaded(t *testing.T) {
	st := neo4jtest.Empty(t)
	g := &loader.Graph{
		Sources: []loader.Source{{Name: "t.txt", SHA256: "x", Lines: 3}},
		Nodes: []loader.Node{
			{Label: graphmodel.Organization, ID: "org:o1", Name: "O1", Mentions: []loader.Evidence{{Source: "t.txt", Line: 1}}},
			{Label: graphmodel.Organization, ID: "org:o2", Name: "O2", Mentions: []loader.Evidence{{Source: "t.txt", Line: 2}}},
			{Label: graphmodel.Topic, ID: "topic:t", Name: "T", Mentions: []loader.Evidence{{Source: "t.txt", Line: 3}}},
		},
		Edges: []loader.Edge{{Type: graphmodel.LiaisonWith, From: "org:o1", To: "org:o2",
			Evidence: loader.Evidence{Source: "t.txt", Line: 2}}},
	}
	if _, err := st.Load(context.Background(), g); err != nil {
		t.Fatal(err)
	}

	var resp struct {
		Stats struct {
			Entities int
			Labels   []struct {
				Name  string
				Count int
			}
			Relationships []struct {
				Name  string
				Count int
			}
		}
	}
	newClient(t, st).MustPost(`{ stats { entities labels { name count } relationships { name count } } }`, &resp)

	if resp.Stats.Entities != len(g.Nodes) {
		t.Errorf("entities = %d, want %d", resp.Stats.Entities, len(g.Nodes))
	}
	got := map[string]int{}
	for _, c := range append(resp.Stats.Labels, resp.Stats.Relationships...) {
		got[c.Name] = c.Count
	}
	want := map[string]int{"Organization": 2, "Topic": 1, "Person": 0, "LIAISON_WITH": 1, "MEMBER_OF": 0}
	for k, v := range want {
		if n, ok := got[k]; !ok || n != v {
			t.Errorf("count of %s = %d (present %v), want %d", k, n, ok, v)
		}
	}
	if len(resp.Stats.Labels) != len(graphmodel.LabelNames) || len(resp.Stats.Relationships) != len(graphmodel.RelTypes) {
		t.Errorf("stats list %d labels and %d types, want every one of the model's %d and %d",
			len(resp.Stats.Labels), len(resp.Stats.Relationships), len(graphmodel.LabelNames), len(graphmodel.RelTypes))
	}
}

// TestUnavailableDatabase points the API at a port where nothing listens.
func TestUnavailableDatabase(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	st, err := store.Open(store.Config{URI: "bolt://" + addr, User: "neo4j", Password: "secret-never-shown"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(context.Background())

	resp, err := newClient(t, st).RawPost(`{ stats { entities } }`)
	if err != nil {
		t.Fatal(err)
	}
	var errs []struct {
		Message    string
		Extensions map[string]any
	}
	if err := json.Unmarshal(resp.Errors, &errs); err != nil || len(errs) != 1 {
		t.Fatalf("errors = %s (%v), want one", resp.Errors, err)
	}
	if code := errs[0].Extensions["code"]; code != graph.CodeDatabaseUnavailable {
		t.Errorf("code = %v, want %s", code, graph.CodeDatabaseUnavailable)
	}
	for _, leak := range []string{addr, "bolt", "secret-never-shown", "dial"} {
		if strings.Contains(string(resp.Errors), leak) {
			t.Errorf("error %s leaks %q", resp.Errors, leak)
		}
	}
}
