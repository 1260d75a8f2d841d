package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"csakg/gen"
	"csakg/graph"
	"csakg/internal/neo4jtest"
	"csakg/store"
)

// BenchmarkRequest runs requests of the benchmark's mix through the GraphQL
// handler in process (csakg) and the Cypher each one sends through the bare
// driver (floor), on a generated graph. The difference is what csakg adds;
// `go test -run - -bench Request -cpuprofile cpu.prof ./graph` shows where
// it goes. make bench measures the same over HTTP and at concurrency.
func BenchmarkRequest(b *testing.B) {
	st := neo4jtest.Empty(b)
	ctx := context.Background()
	if _, err := st.Load(ctx, gen.Graph(1, 1)); err != nil {
		b.Fatal(err)
	}
	h := graph.NewHandler(&graph.Resolver{Store: st}, slog.New(slog.NewTextHandler(io.Discard, nil)), graph.Options{Limits: graph.RequestLimits{Timeout: 10 * time.Second}})
	cfg := neo4jtest.Config(b)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, string(cfg.Password), ""))
	if err != nil {
		b.Fatal(err)
	}
	defer driver.Close(ctx)

	requests := []struct{ name, query string }{
		{"search", `{ search(text: "security", first: 10) { score snippet entity { id name type } } }`},
		{"neighbours-3", `{ node(id: "wg:gen-1") { id name ... on WorkingGroup {
			members(first: 10) { totalCount edges { role node { name workingGroups(first: 5) { edges { node { name
			members(first: 5) { edges { node { name } } } } } } } } } } } }`},
		{"paths", `{ paths(from: "person:gen-7", to: "org:gen-3", maxHops: 4, first: 3) { length hops { type direction from { id } to { id } evidence { source line } } } }`},
		{"timeline-month", `{ timeline(from: "2020-06", to: "2020-06", first: 20) { totalCount edges { date node { id name type } } } }`},
		{"list-filtered", `{ workingGroups(first: 20, where: {nameContains: "cloud"}) { totalCount pageInfo { endCursor hasNextPage } edges { node { id name acronym } } } }`},
	}
	for _, r := range requests {
		body, _ := json.Marshal(map[string]string{"query": r.query})
		post := func(tb testing.TB) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
				tb.Fatalf("%s: %d %s", r.name, rec.Code, rec.Body.String())
			}
		}
		var sent []store.QueryInfo
		st.OnQuery(func(q store.QueryInfo) { sent = append(sent, q) })
		post(b)
		st.OnQuery(nil)
		if len(sent) != 1 {
			b.Fatalf("%s sent %d queries, want 1", r.name, len(sent))
		}
		b.Run(r.name+"/csakg", func(b *testing.B) {
			// cypher-ns/op is the part of each request spent in the
			// store's query call; the rest is csakg's own.
			var inQuery time.Duration
			st.OnQuery(func(q store.QueryInfo) { inQuery += q.Duration })
			defer st.OnQuery(nil)
			for b.Loop() {
				post(b)
			}
			b.ReportMetric(float64(inQuery.Nanoseconds())/float64(b.N), "cypher-ns/op")
		})
		b.Run(r.name+"/floor", func(b *testing.B) {
			for b.Loop() {
				// As the store sends it: one auto-commit read.
				sess := driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
				res, err := sess.Run(ctx, sent[0].Cypher, sent[0].Params)
				if err == nil {
					_, err = res.Collect(ctx)
				}
				sess.Close(ctx)
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
