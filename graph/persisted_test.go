package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"csakg/graph"
	"csakg/internal/neo4jtest"
)

func post(t *testing.T, h http.Handler, body map[string]any) (code string, data string) {
	t.Helper()
	b, _ := json.Marshal(body)
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp struct {
		Data   json.RawMessage
		Errors []struct{ Extensions map[string]any }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	if len(resp.Errors) > 0 {
		c, _ := resp.Errors[0].Extensions["code"].(string)
		return c, string(resp.Data)
	}
	return "", string(resp.Data)
}

func TestPersistedOnly(t *testing.T) {
	st := neo4jtest.Empty(t)
	known := `{ stats { entities } }`
	file := filepath.Join(t.TempDir(), "queries.json")
	os.WriteFile(file, []byte(`["`+known+`"]`), 0o644)
	p, err := graph.LoadPersisted(file)
	if err != nil {
		t.Fatal(err)
	}
	h := graph.NewHandler(&graph.Resolver{Store: st}, slog.New(slog.NewTextHandler(io.Discard, nil)), graph.Options{Persisted: &p})
	hashOnly := func(h string) map[string]any {
		return map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": h}}}
	}
	tests := []struct {
		name string
		body map[string]any
		code string
	}{
		{"known query text", map[string]any{"query": known}, ""},
		{"known query by hash", hashOnly(graph.QueryHash(known)), ""},
		{"unknown query text", map[string]any{"query": `{ sources { name } }`}, "PERSISTED_QUERY_NOT_ALLOWED"},
		{"unknown hash", hashOnly(graph.QueryHash("{ x }")), "PERSISTED_QUERY_NOT_FOUND"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, data := post(t, h, tt.body); code != tt.code {
				t.Errorf("code = %q (data %s), want %q", code, data, tt.code)
			}
		})
	}
}

func TestAutomaticPersistedQueries(t *testing.T) {
	st := neo4jtest.Empty(t)
	h := graph.NewHandler(&graph.Resolver{Store: st}, slog.New(slog.NewTextHandler(io.Discard, nil)), graph.Options{})
	q := `{ stats { entities } }`
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": graph.QueryHash(q)}}
	if code, _ := post(t, h, map[string]any{"extensions": ext}); code != "PERSISTED_QUERY_NOT_FOUND" {
		t.Errorf("hash before registration: code %q, want PERSISTED_QUERY_NOT_FOUND", code)
	}
	if code, _ := post(t, h, map[string]any{"query": q, "extensions": ext}); code != "" {
		t.Errorf("registration: code %q", code)
	}
	if code, data := post(t, h, map[string]any{"extensions": ext}); code != "" || data == "" {
		t.Errorf("hash after registration: code %q, data %s", code, data)
	}
}
