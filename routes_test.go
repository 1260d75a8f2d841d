package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"csakg/internal/neo4jtest"
	"csakg/obs"
	"csakg/store"
)

func testRoutes(t *testing.T, mutate func(*config)) http.Handler {
	t.Helper()
	st := neo4jtest.Open(t)
	cfg, _, err := parseConfig("serve", nil, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Limits.Timeout = 10 * time.Second
	if mutate != nil {
		mutate(&cfg)
	}
	m := obs.NewMetrics()
	st.OnQuery(func(q store.QueryInfo) { m.ObserveQuery(q.Duration, q.Err) })
	h, err := routes(cfg, st, m, &readiness{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func do(h http.Handler, method, path, body string, headers map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestCORSAllowsOnlyConfiguredOrigins(t *testing.T) {
	h := testRoutes(t, func(c *config) { c.CORSOrigins = []string{"https://app.example"} })
	tests := []struct {
		origin string
		want   string
	}{
		{"https://app.example", "https://app.example"},
		{"https://evil.example", ""},
	}
	for _, tt := range tests {
		rec := do(h, http.MethodOptions, "/graphql", "", map[string]string{
			"Origin": tt.origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type",
		})
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tt.want {
			t.Errorf("preflight from %s: Allow-Origin %q, want %q", tt.origin, got, tt.want)
		}
	}
	// By default no other origin is allowed.
	def := testRoutes(t, nil)
	rec := do(def, http.MethodOptions, "/graphql", "", map[string]string{"Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
	if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("default config allows %q", got)
	}
}

func TestProductionSwitches(t *testing.T) {
	h := testRoutes(t, func(c *config) { c.Playground = false; c.Introspection = false; c.Metrics = false })
	if rec := do(h, http.MethodGet, "/", "", nil); rec.Code != http.StatusNotFound {
		t.Errorf("playground off: GET / = %d, want 404", rec.Code)
	}
	if rec := do(h, http.MethodGet, "/playground/graphiql.min.js", "", nil); rec.Code != http.StatusNotFound {
		t.Errorf("playground off: GET /playground/graphiql.min.js = %d, want 404", rec.Code)
	}
	if rec := do(h, http.MethodGet, "/metrics", "", nil); rec.Code != http.StatusNotFound {
		t.Errorf("metrics off: GET /metrics = %d, want 404", rec.Code)
	}
	rec := do(h, http.MethodPost, "/graphql", `{"query":"{ __schema { types { name } } }"}`, nil)
	if !strings.Contains(rec.Body.String(), "introspection is turned off") || !strings.Contains(rec.Body.String(), "BAD_USER_INPUT") || strings.Contains(rec.Body.String(), `"types"`) {
		t.Errorf("introspection off: %s", rec.Body.String())
	}
	on := testRoutes(t, nil)
	if rec := do(on, http.MethodGet, "/", "", nil); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "GraphiQL") {
		t.Errorf("playground on: GET / = %d", rec.Code)
	}
}

func TestMetricsAndRequestIDs(t *testing.T) {
	h := testRoutes(t, nil)
	rec := do(h, http.MethodPost, "/graphql", `{"query":"query Counts { stats { entities } }","operationName":"Counts"}`, map[string]string{"X-Request-ID": "req-123"})
	if rec.Header().Get("X-Request-ID") != "req-123" {
		t.Errorf("request id not echoed: %v", rec.Header())
	}
	if id := do(h, http.MethodGet, "/healthz", "", map[string]string{"X-Request-ID": "bad id\n"}).Header().Get("X-Request-ID"); id == "" || strings.Contains(id, " ") {
		t.Errorf("an unsafe request id was not replaced: %q", id)
	}
	do(h, http.MethodPost, "/graphql", `{"query":"{ node(id: \"x:none\") { id } }"}`, nil)
	body := do(h, http.MethodGet, "/metrics", "", nil).Body.String()
	for _, want := range []string{
		`csakg_graphql_requests_total{operation="Counts",outcome="ok"} 1`,
		`csakg_graphql_errors_total{code="NOT_FOUND"} 1`,
		`csakg_cypher_queries_total{outcome="ok"} 2`,
		`csakg_graphql_request_seconds_bucket`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if !bytes.Contains([]byte(body), []byte("go_goroutines")) {
		t.Error("metrics lack the runtime's")
	}
}
