package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"csakg/internal/neo4jtest"
	"csakg/store"
)

// TestReadyWaitsForInitialLoad holds serve's initial load back (a test
// double of the load step that waits for the test) and checks that /readyz
// says why it is not ready while the graph is still empty, and is ready
// once the sources are in.
func TestReadyWaitsForInitialLoad(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no source texts")
	}
	cfg := neo4jtest.Config(t)
	neo4jtest.Empty(t)
	g, err := buildGraph(context.Background(), config{Curation: "curation.example.txt"}, []string{seeds}, nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}

	started, release := make(chan struct{}), make(chan struct{})
	loadSources = func(ctx context.Context, c config, st *store.Store, log *slog.Logger) error {
		close(started)
		select {
		case <-release:
		case <-ctx.Done():
			return ctx.Err()
		}
		return loadAtStart(ctx, c, st, log)
	}
	t.Cleanup(func() { loadSources = loadAtStart })

	t.Setenv("NEO4J_PASSWORD", cfg.Password.Reveal())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	logR, logW := io.Pipe()
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--neo4j-uri", cfg.URI, "--neo4j-user", cfg.User,
			"--load", seeds, "--curation", "curation.example.txt"}, io.Discard, logW)
		logW.Close()
	}()
	base := listenAddress(t, logR)
	select {
	case <-started: // Neo4j answered; the load is held back
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start its initial load")
	}

	code, body := get(t, base+"/readyz")
	if code != http.StatusServiceUnavailable || body != reasonLoading+"\n" {
		t.Errorf("/readyz during the load: %d %q, want 503 %q", code, body, reasonLoading)
	}
	if code, _ := get(t, base+"/healthz"); code != http.StatusOK {
		t.Errorf("/healthz during the load: %d, want 200", code)
	}
	if n := entities(t, base); n != 0 {
		t.Errorf("%d entities before the load, want an empty graph", n)
	}

	close(release)
	waitStatus(t, base+"/readyz", http.StatusOK, 120*time.Second)
	if n := entities(t, base); n != len(g.Nodes) {
		t.Errorf("ready with %d entities, want the sources' %d", n, len(g.Nodes))
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v after shutdown", err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// entities asks the server how many entities the graph holds.
func entities(t *testing.T, base string) int {
	t.Helper()
	data, code := graphqlCode(t, base)
	if code != nil {
		t.Fatalf("stats: error %v", code)
	}
	var d struct{ Stats struct{ Entities int } }
	if err := json.Unmarshal([]byte(data), &d); err != nil || !strings.Contains(data, "entities") {
		t.Fatalf("stats: %s (%v)", data, err)
	}
	return d.Stats.Entities
}
