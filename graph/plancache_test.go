package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"csakg/graph"
)

// TestPlanCacheKeepsValuesApart asks the same documents again and again
// with the same and other variables, and checks each answer is the one the
// executor gives that request: a kept plan is never reused for other
// values, skipped fields or another operation of the document.
func TestPlanCacheKeepsValuesApart(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	executor := graph.NewHandler(&graph.Resolver{Store: a.st}, log, graph.Options{Limits: graph.RequestLimits{Timeout: 10 * time.Second}, ExecutorOnly: true})
	doc := `query A($id: ID!, $n: Int, $more: Boolean!) { node(id: $id) { id name ... on WorkingGroup { members(first: $n) { totalCount edges { node { name } } } } }
		workingGroups(first: $n) @include(if: $more) { edges { node { id } } } }
		query B($id: ID!) { node(id: $id) { name } }`
	tests := []struct {
		op   string
		vars map[string]any
	}{
		{"A", map[string]any{"id": "wg:rocket", "n": 1, "more": false}},
		{"A", map[string]any{"id": "wg:rocket", "n": 1, "more": false}},
		{"A", map[string]any{"id": "wg:anvil", "n": 1, "more": false}},
		{"A", map[string]any{"id": "wg:rocket", "n": 2, "more": false}},
		{"A", map[string]any{"id": "wg:rocket", "n": 2, "more": true}},
		{"B", map[string]any{"id": "wg:rocket"}},
		{"A", map[string]any{"id": "wg:rocket", "n": 1, "more": false}},
	}
	post := func(h http.Handler, op string, vars map[string]any) []byte {
		body, _ := json.Marshal(map[string]any{"query": doc, "operationName": op, "variables": vars})
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Body.Bytes()
	}
	for i, tt := range tests {
		got, want := post(a.h, tt.op, tt.vars), post(executor, tt.op, tt.vars)
		if !bytes.Equal(got, want) || bytes.Contains(got, []byte(`"errors"`)) {
			t.Errorf("request %d (%s %v):\n got %s\nwant %s", i, tt.op, tt.vars, got, want)
		}
	}
}
