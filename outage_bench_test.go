package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"csakg/internal/neo4jtest"
)

// BenchmarkQueryDuringOutage measures a query's answer while Neo4j is down
// and /readyz already says so: the server behind a proxy to the test Neo4j,
// the proxy cut. Each answer is DATABASE_UNAVAILABLE.
func BenchmarkQueryDuringOutage(b *testing.B) {
	cfg := neo4jtest.Config(b)
	px := newProxy(b, strings.TrimPrefix(strings.TrimPrefix(cfg.URI, "bolt://"), "neo4j://"))
	b.Setenv("NEO4J_PASSWORD", cfg.Password.Reveal())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	logR, logW := io.Pipe()
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--rate-limit", "0", "--neo4j-uri", "bolt://" + px.addr, "--neo4j-user", cfg.User}, io.Discard, logW)
		logW.Close()
	}()
	defer func() { cancel(); <-done }()
	base := listenAddress(b, logR)
	waitStatus(b, base+"/readyz", http.StatusOK, 30*time.Second)
	px.cut()
	waitStatus(b, base+"/readyz", http.StatusServiceUnavailable, 10*time.Second)
	for b.Loop() {
		if _, code := graphqlCode(b, base); code != "DATABASE_UNAVAILABLE" {
			b.Fatalf("code %v, want DATABASE_UNAVAILABLE", code)
		}
	}
}
