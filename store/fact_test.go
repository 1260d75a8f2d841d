package store_test

import (
	"context"
	"testing"

	"csakg/internal/neo4jtest"
	"csakg/loader"
	"csakg/store"
)

// TestOneRelationshipPerFact checks that a fact is one relationship with
// every line, that a reload where it has one line left drops the lists,
// and that the relationships an older csakg wrote per section give way to
// the one fact when the same texts are loaded again.
func TestOneRelationshipPerFact(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	graph := func(lines ...int) *loader.Graph {
		g := &loader.Graph{
			Sources: []loader.Source{{Name: "t.txt", SHA256: "t", Lines: 20, Kind: "general"}},
			Nodes: []loader.Node{
				{Label: "Person", ID: "person:p", Name: "P", Mentions: []loader.Evidence{{Source: "t.txt", Line: 1, Excerpt: "P"}}},
				{Label: "Document", ID: "doc:d", Name: "D", Mentions: []loader.Evidence{{Source: "t.txt", Line: 2, Excerpt: "D"}}},
			},
		}
		e := loader.Edge{Type: "CONTRIBUTED_TO", From: "person:p", To: "doc:d", Props: map[string]any{"role": "Reviewer", "section": "1", "weight": len(lines)},
			Evidence: loader.Evidence{Source: "t.txt", Line: lines[0], Excerpt: "first"}}
		if len(lines) > 1 {
			e.Props["sections"] = []string{"1", "2"}
			for _, l := range lines {
				e.Lines = append(e.Lines, loader.Evidence{Source: "t.txt", Line: l, Excerpt: "line"})
			}
		}
		g.Edges = []loader.Edge{e}
		return g
	}
	sel := &store.Selection{Rels: []store.Rel{{Key: "c", Type: "CONTRIBUTED_TO", Dir: store.Out, Page: store.Page{First: 5}, Total: true,
		Edge: store.EdgeFields{Facts: []string{"sections", "evidence", "weight"}, Evidence: 20}}}}
	read := func() (total int64, sections, evidence int) {
		rec, err := st.Node(ctx, "person:p", sel)
		if err != nil {
			t.Fatal(err)
		}
		c := rec[store.FieldKey("c")].(map[string]any)
		total = c["totalCount"].(int64)
		edges := c["edges"].([]any)
		facts := edges[0].(map[string]any)["facts"].(map[string]any)
		return total, len(facts["sections"].([]any)), len(facts["evidence"].([]any))
	}
	tests := []struct {
		name  string
		lines []int
		old   bool // add a relationship as an older csakg wrote it, per section
		want  [3]int
	}{
		{"three lines, two sections", []int{3, 7, 9}, false, [3]int{1, 2, 3}},
		{"an older per-section relationship beside it", []int{3, 7, 9}, true, [3]int{1, 2, 3}},
		{"one line left", []int{3}, false, [3]int{1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.old {
				if err := st.WriteForTest(ctx, `MATCH (a {id: 'person:p'}), (b {id: 'doc:d'})
					CREATE (a)-[:CONTRIBUTED_TO {key: 'older', source: 't.txt', line: 7, excerpt: 'x', role: 'Reviewer', section: '2'}]->(b)`); err != nil {
					t.Fatal(err)
				}
				if n, _, _ := read(); n != 2 {
					t.Fatalf("%d relationships before the reload, want 2", n)
				}
			}
			if _, err := st.Load(ctx, graph(tt.lines...)); err != nil {
				t.Fatal(err)
			}
			n, secs, ev := read()
			if got := [3]int{int(n), secs, ev}; got != tt.want {
				t.Errorf("relationships, sections, lines = %v, want %v", got, tt.want)
			}
		})
	}
}
