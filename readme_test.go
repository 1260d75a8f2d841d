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
	g, err := buildGraph(context.Background(), config{Curation: "curation.example.txt"}, []string{seeds}, nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Load(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	c := client.New(graph.NewHandler(&graph.Resolver{Store: st}, slog.New(slog.NewTextHandler(io.Discard, nil)),
		graph.Options{Limits: graph.RequestLimits{Timeout: 10 * time.Second}}))
	// The playground's tabs are examples too, titled and named.
	tabs, err := playgroundTabs(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	for _, tab := range tabs {
		blocks = append(blocks, []string{"", tab})
	}
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

func TestPlaygroundTabs(t *testing.T) {
	tabs, err := playgroundTabs(readme)
	if err != nil {
		t.Fatal(err)
	}
	if len(tabs) != len(playgroundExamples) {
		t.Fatalf("%d tabs, want %d", len(tabs), len(playgroundExamples))
	}
	for i, e := range playgroundExamples {
		if !strings.Contains(tabs[i], "\nquery "+e.name+" {\n") || !strings.HasPrefix(tabs[i], "# ") {
			t.Errorf("tab %d is not titled and named %s:\n%s", i, e.name, tabs[i])
		}
	}
	if !strings.HasPrefix(tabs[0], playgroundHint) {
		t.Errorf("the first tab lacks the hint:\n%s", tabs[0])
	}

	bad := []struct{ name, readme, wantErr string }{
		{"missing example", "1. Only one.\n\n```graphql\n{ stats { entities } }\n```\n", "README has no example query 10"},
		{"named already", strings.Replace(readme, "```graphql\n{\n  stats", "```graphql\nquery Stats {\n  stats", 1),
			`README example 10 does not start with "{"`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := playgroundTabs(tt.readme); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}
