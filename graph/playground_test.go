package graph_test

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"csakg/graph"
)

func TestPlaygroundSeedsDefaultQuery(t *testing.T) {
	rec := httptest.NewRecorder()
	graph.Playground("/graphql").ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	body, _ := io.ReadAll(rec.Body)
	q, _ := json.Marshal(graph.DefaultQuery)
	if !strings.Contains(string(body), string(q)) || !strings.Contains(string(body), "GraphiQL") {
		t.Errorf("page lacks GraphiQL or the default query:\n%s", body)
	}
}

// TestDefaultQueryRuns checks the playground's default query is valid and
// answers without errors against the real Neo4j.
func TestDefaultQueryRuns(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var resp map[string]any
	a.query(graph.DefaultQuery, &resp)
	if _, ok := resp["stats"]; !ok {
		t.Errorf("default query gave %v", resp)
	}
}
