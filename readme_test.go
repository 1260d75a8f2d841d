package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"csakg/graph"
	"csakg/internal/neo4jtest"
)

// TestReadmeExamples runs every graphql block of the README against the
// loaded sources: each must answer without errors, with data in it.
func TestReadmeExamples(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no source texts")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 10 {
		t.Fatalf("README has %d example queries, want at least 10", len(blocks))
	}
	st := neo4jtest.Empty(t)
	g, err := buildGraph(config{Curation: "curation.example.txt"}, []string{seeds}, nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Load(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	c := client.New(graph.NewHandler(&graph.Resolver{Store: st}, slog.New(slog.NewTextHandler(io.Discard, nil)),
		graph.Options{Timeout: 10 * time.Second}))
	for i, b := range blocks {
		resp, err := c.RawPost(b[1])
		if err != nil {
			t.Errorf("example %d: %v", i+1, err)
			continue
		}
		if len(resp.Errors) > 0 && string(resp.Errors) != "null" {
			t.Errorf("example %d: errors %s", i+1, resp.Errors)
			continue
		}
		data, _ := json.Marshal(resp.Data)
		if strings.Count(string(data), `"name":"`) == 0 {
			t.Errorf("example %d answered no names: %.300s", i+1, data)
		}
	}
}
