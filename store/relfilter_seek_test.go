package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"csakg/graphmodel"
	"csakg/internal/neo4jtest"
	"csakg/loader"
	"csakg/store"
)

// hubGraph is a working group with 300 members and groups of some of
// them: two named "cloud" (every 7th and every 11th
// member, the 77th in both, with people outside the hub too), one
// named otherwise, and extra "cloud" groups of one member each (the
// odd ones).
func hubGraph(extra int) *loader.Graph {
	ev := loader.Evidence{Source: "t.txt", Line: 1, Excerpt: "x"}
	g := &loader.Graph{Sources: []loader.Source{{Name: "t.txt", SHA256: "t", Lines: 1, Kind: "general"}}}
	group := func(id, name string) {
		g.Nodes = append(g.Nodes, loader.Node{Label: "WorkingGroup", ID: id, Name: name, Mentions: []loader.Evidence{ev}})
	}
	member := func(person, group string) {
		g.Edges = append(g.Edges, loader.Edge{Type: "MEMBER_OF", From: person, To: group, Evidence: ev})
	}
	group("wg:hub", "Hub")
	group("wg:a", "Cloud A")
	group("wg:b", "Cloud B")
	group("wg:c", "Crypto")
	for i := range 300 {
		p := fmt.Sprintf("person:p%03d", i)
		g.Nodes = append(g.Nodes, loader.Node{Label: "Person", ID: p, Name: fmt.Sprintf("P%03d", i), Mentions: []loader.Evidence{ev}})
		member(p, "wg:hub")
		if i%7 == 0 {
			member(p, "wg:a")
		}
		if i%11 == 0 {
			member(p, "wg:b")
		}
		if i%5 == 0 {
			member(p, "wg:c")
		}
	}
	g.Nodes = append(g.Nodes, loader.Node{Label: "Person", ID: "person:out", Name: "Out", Mentions: []loader.Evidence{ev}})
	member("person:out", "wg:a")
	for i := range extra {
		id := fmt.Sprintf("wg:x%03d", i)
		group(id, fmt.Sprintf("Cloud X%03d", i))
		member(fmt.Sprintf("person:p%03d", (2*i+1)%300), id)
	}
	return g
}

// TestHubConnectionFilter reads the members in a "cloud" group of the hub
// and of a smaller group (60 members) page by page by cursor, where the
// index names few groups (the rows start from them) and where it names
// more than half as many as the group has members (the rows start from
// the group; see store/relfilter_seek.go): each gives every member meeting
// the filter once, in name order, with the right count.
func TestHubConnectionFilter(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	tests := []struct {
		name  string
		extra int // groups of hubGraph
		id    string
		want  func(i int) bool // which of p000..p299 meet the filter
	}{
		{"few groups named", 0, "wg:hub", func(i int) bool { return i%7 == 0 || i%11 == 0 }},
		{"many groups named", 150, "wg:hub", func(i int) bool { return i%7 == 0 || i%11 == 0 || i%2 == 1 }},
		{"a small group, few groups named", 0, "wg:c", func(i int) bool { return i%5 == 0 && (i%7 == 0 || i%11 == 0) }},
		{"a small group, many groups named", 150, "wg:c", func(i int) bool { return i%5 == 0 && (i%7 == 0 || i%11 == 0 || i%2 == 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := st.Wipe(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Load(ctx, hubGraph(tt.extra)); err != nil {
				t.Fatal(err)
			}
			var want []string
			for i := range 300 {
				if tt.want(i) {
					want = append(want, fmt.Sprintf("person:p%03d", i))
				}
			}
			got, total := hubPages(t, st, tt.id, 10)
			if !slices.Equal(got, want) || total != len(want) {
				t.Errorf("got %d members (total %d): %v\nwant %d: %v", len(got), total, got, len(want), want)
			}
		})
	}
}

// hubPages reads the members of id in a group named "cloud", first at a
// time, and returns their ids and the totalCount of each page, which
// must agree.
func hubPages(t *testing.T, st *store.Store, id string, first int) ([]string, int) {
	t.Helper()
	where := store.Filter{Rels: []store.RelFilter{{Type: "MEMBER_OF", Dir: store.Out, Labels: []string{"WorkingGroup"},
		Quant: store.QuantSome, Where: store.Filter{NameContains: "cloud"}}}}
	var ids []string
	total := -1
	var after store.Cursor
	for range 100 {
		sel := &store.Selection{Rels: []store.Rel{{Key: "m", Type: "MEMBER_OF", Dir: store.In, Labels: []string{"Person"}, Where: where,
			Page: store.Page{First: first, After: after}, Total: true, Node: &store.Selection{}, Edge: store.EdgeFields{Cursor: true}}}}
		rec, err := st.Node(context.Background(), id, sel)
		if err != nil {
			t.Fatal(err)
		}
		c := rec[store.FieldKey("m")].(map[string]any)
		if n := int(c["totalCount"].(int64)); total >= 0 && n != total {
			t.Fatalf("totalCount %d after %d", n, total)
		} else {
			total = n
		}
		edges := c["edges"].([]any)
		for i, e := range edges {
			if i < first {
				ids = append(ids, e.(map[string]any)["node"].(map[string]any)[graphmodel.KeyID].(string))
			}
		}
		if len(edges) <= first {
			return ids, total
		}
		after = store.Cursor(edges[first-1].(map[string]any)["cursor"].([]any))
	}
	t.Fatal("more than 100 pages")
	return nil, 0
}
