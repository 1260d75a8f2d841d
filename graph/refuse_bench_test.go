package graph_test

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"csakg/graph"
)

// BenchmarkRefuse measures what refusing an oversized document costs the
// server: fragments that each spread the next twice (n deep), the same
// field repeated 14,000 times, and, for scale, a query that is answered
// without Neo4j. Each document differs from the last by a space, as an
// attacker would vary it, so the query cache does not answer.
// No Neo4j is needed: nothing here reaches the store.
func BenchmarkRefuse(b *testing.B) {
	h := graph.NewHandler(&graph.Resolver{}, slog.New(slog.NewTextHandler(io.Discard, nil)), graph.Options{Limits: graph.RequestLimits{MaxBodyBytes: 1 << 20}})
	docs := []struct{ name, query, want string }{
		{"typename", "{ __typename }", `"data"`},
		{"fragments-16", doublingFragments(16, ""), "COMPLEXITY_LIMIT"},
		{"fragments-20", doublingFragments(20, ""), "COMPLEXITY_LIMIT"},
		{"fragments-24", doublingFragments(24, ""), "COMPLEXITY_LIMIT"},
		{"fragments-30", doublingFragments(30, ""), "COMPLEXITY_LIMIT"},
		{"repeated-1000", "{ " + strings.Repeat("__typename ", 1000) + "}", "COMPLEXITY_LIMIT"},
		{"aliased-1000 (accepted)", aliased(1000), `"data"`},
		{"repeated-3500", "{ " + strings.Repeat("__typename ", 3500) + "}", "COMPLEXITY_LIMIT"},
		{"repeated-14000", "{ " + strings.Repeat("__typename ", 14000) + "}", "COMPLEXITY_LIMIT"},
	}
	for _, d := range docs {
		b.Run(d.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				body := queryBody(d.query+strings.Repeat(" ", i%1000)+fmt.Sprint("#", i), nil)
				req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if !bytes.Contains(rec.Body.Bytes(), []byte(d.want)) {
					b.Fatalf("%s: %d %.300s", d.name, rec.Code, rec.Body.String())
				}
			}
		})
	}
}

// aliased is __typename n times, each under its own alias: the largest
// document the field limit lets through.
func aliased(n int) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i := range n {
		fmt.Fprintf(&b, "t%d: __typename ", i)
	}
	b.WriteString("}")
	return b.String()
}
