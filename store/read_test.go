package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"csakg/internal/neo4jtest"
	"csakg/loader"
	"csakg/store"
)

// TestFiltersSeekIndexes checks the plans of filtered lists: name filters
// read the name key's TEXT index and date bounds the date index, so a
// filter costs the entities it matches, not every entity of the label.
func TestFiltersSeekIndexes(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	g := &loader.Graph{Sources: []loader.Source{{Name: "t.txt", SHA256: "t", Lines: 1, Kind: "general"}}}
	if _, err := st.Load(ctx, g); err != nil { // creates the schema
		t.Fatal(err)
	}
	tests := []struct {
		label string
		f     store.Filter
		want  string // an operator of the plan
	}{
		{"WorkingGroup", store.Filter{NameContains: "Cloud"}, "TEXT INDEX n:WorkingGroup(nameKey) WHERE nameKey CONTAINS"},
		{"Person", store.Filter{NameStartsWith: "wi"}, "TEXT INDEX n:Person(nameKey)"},
		{"Event", store.Filter{DateFrom: "2021-02", DateTo: "2021-02"}, "RANGE INDEX n:Event(date) WHERE date >= $p0 AND date < $p"},
		{"Document", store.Filter{DateTo: "2021"}, "RANGE INDEX n:Document(date) WHERE date < $p"},
		// Groups with a member so named start from the people so named.
		{"WorkingGroup", store.Filter{Rels: []store.RelFilter{{Type: "MEMBER_OF", Dir: store.In, Labels: []string{"Person"},
			Quant: store.QuantSome, Where: store.Filter{NameContains: "wile"}}}}, ":Person(nameKey) WHERE nameKey CONTAINS"},
		{"Organization", store.Filter{Kind: "alliance", Rels: []store.RelFilter{{Type: "PART_OF", Dir: store.In, Labels: []string{"WorkingGroup"},
			Quant: store.QuantSome, Where: store.Filter{NameStartsWith: "cloud"}}}}, ":WorkingGroup(nameKey) WHERE nameKey STARTS WITH"},
	}
	for _, tt := range tests {
		var sent []store.QueryInfo
		st.OnQuery(func(q store.QueryInfo) { sent = append(sent, q) })
		if _, err := st.List(ctx, tt.label, tt.f, store.NameAsc, store.Page{First: 5}, true, nil); err != nil {
			t.Fatal(err)
		}
		st.OnQuery(nil)
		ops, err := st.Plan(ctx, sent[0].Cypher, sent[0].Params)
		if err != nil {
			t.Fatal(err)
		}
		plan := strings.Join(ops, "\n")
		if !strings.Contains(plan, tt.want) {
			t.Errorf("%s %+v: plan lacks %q:\n%s", tt.label, tt.f, tt.want, plan)
		}
		if strings.Contains(plan, "NodeByLabelScan") {
			t.Errorf("%s %+v: plan scans the label:\n%s", tt.label, tt.f, plan)
		}
	}
}

// TestOlderGraphGetsNameKeys checks that entities written before name keys
// existed are found by the name filters once the schema is ensured.
func TestOlderGraphGetsNameKeys(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	g := &loader.Graph{
		Sources: []loader.Source{{Name: "t.txt", SHA256: "t", Lines: 1, Kind: "general"}},
		Nodes: []loader.Node{{Label: "WorkingGroup", ID: "wg:x", Name: "Exemplary Working Group", Aliases: []string{"XWG"},
			Mentions: []loader.Evidence{{Source: "t.txt", Line: 1, Excerpt: "x"}}}},
	}
	if _, err := st.Load(ctx, g); err != nil {
		t.Fatal(err)
	}
	find := func() int {
		c, err := st.List(ctx, "WorkingGroup", store.Filter{NameContains: "xwg"}, store.NameAsc, store.Page{First: 5}, true, nil)
		if err != nil {
			t.Fatal(err)
		}
		return int(c.TotalCount)
	}
	if n := find(); n != 1 {
		t.Fatalf("found %d after a load, want 1", n)
	}
	if err := st.WriteForTest(ctx, "MATCH (n:Entity) REMOVE n.nameKey"); err != nil {
		t.Fatal(err)
	}
	if n := find(); n != 0 {
		t.Fatalf("found %d without name keys, want 0 (the filter reads the key)", n)
	}
	if err := st.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if n := find(); n != 1 {
		t.Errorf("found %d after EnsureSchema, want 1", n)
	}
	// An older csakg lower-cased the key without folding width: such keys
	// are written again.
	if err := st.WriteForTest(ctx, `MATCH (n:Entity) SET n.name = 'Ｅｘｅｍｐｌａｒｙ Group', n.nameKey = '\nｅｘｅｍｐｌａｒｙ group\nxwg'`); err != nil {
		t.Fatal(err)
	}
	count := func(f store.Filter) int {
		c, err := st.List(ctx, "WorkingGroup", f, store.NameAsc, store.Page{First: 5}, true, nil)
		if err != nil {
			t.Fatal(err)
		}
		return int(c.TotalCount)
	}
	if n := count(store.Filter{NameStartsWith: "exemplary"}); n != 0 {
		t.Fatalf("found %d with an unfolded key, want 0", n)
	}
	if err := st.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(store.Filter{NameStartsWith: "exemplary"}); n != 1 {
		t.Errorf("found %d after EnsureSchema folded the key, want 1", n)
	}
}

func TestSearchQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"関西", `("関西" OR 関西*)`},
		{"関西支部 大阪", `"関西支部" AND ("大阪" OR 大阪*)`},
		{"zero-trust", `("zero\-trust" OR zero\-trust*)`},
		{`say "hi"`, `"say" AND ("\"hi\"" OR \"hi\"*)`},
		{"AND", `("and" OR and*)`},
		{"  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := store.SearchQuery(tt.in); got != tt.want {
				t.Errorf("SearchQuery(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// TestOlderGraphGetsSearchIndex checks that EnsureSchema replaces the
// full-text index of older versions (standard analyzer, no locations)
// with the one search reads now.
func TestOlderGraphGetsSearchIndex(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	g := &loader.Graph{
		Sources: []loader.Source{{Name: "t.txt", SHA256: "t", Lines: 1, Kind: "general"}},
		Nodes: []loader.Node{{Label: "Event", ID: "event:x-2019-07-16", Name: "Kansai Meetup", Props: map[string]any{"location": "大阪・梅田", "date": "2019-07-16"},
			Mentions: []loader.Evidence{{Source: "t.txt", Line: 1, Excerpt: "x"}}}},
	}
	if _, err := st.Load(ctx, g); err != nil {
		t.Fatal(err)
	}
	if err := st.WriteForTest(ctx, "DROP INDEX entity_search"); err != nil {
		t.Fatal(err)
	}
	if err := st.WriteForTest(ctx, "CREATE FULLTEXT INDEX entity_text FOR (n:Entity) ON EACH [n.name, n.aliases, n.description]"); err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	hits, err := st.Search(ctx, store.SearchQuery("梅田"), nil, 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Record["__id"] != "event:x-2019-07-16" {
		t.Errorf("hits for a location = %v, want the event", hits)
	}
	if err := st.WriteForTest(ctx, "DROP INDEX entity_text"); err == nil {
		t.Error("the older index is still there")
	}
}

// TestOlderGraphGetsEventNames checks that events written by an older
// csakg (the heading as name, no title) get their title and display name
// when the schema is ensured, and that a repeated load keeps them.
func TestOlderGraphGetsEventNames(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	g := &loader.Graph{
		Sources: []loader.Source{{Name: "t.txt", SHA256: "t", Lines: 1, Kind: "general"}},
		Nodes: []loader.Node{{Label: "Event", ID: "event:m-2021-06-18", Name: "WGグローバルミーティング", Props: map[string]any{"date": "2021-06-18"},
			Mentions: []loader.Evidence{{Source: "t.txt", Line: 1, Excerpt: "x"}}}},
	}
	if _, err := st.Load(ctx, g); err != nil {
		t.Fatal(err)
	}
	name := func() string {
		c, err := st.List(ctx, "Event", store.Filter{NameContains: "(2021-06-18)"}, store.NameAsc, store.Page{First: 5}, false,
			&store.Selection{Props: []store.Prop{{Key: "title", Name: "title"}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Edges) != 1 {
			return ""
		}
		n := c.Edges[0]["node"].(store.Record)
		return n["__name"].(string) + " / " + fmt.Sprint(n[store.FieldKey("title")])
	}
	const want = "WGグローバルミーティング (2021-06-18) / WGグローバルミーティング"
	if got := name(); got != want {
		t.Fatalf("after a load: %q, want %q", got, want)
	}
	if _, err := st.Load(ctx, g); err != nil {
		t.Fatal(err)
	}
	if got := name(); got != want {
		t.Fatalf("after a second load: %q, want %q", got, want)
	}
	if err := st.WriteForTest(ctx, "MATCH (n:Event) SET n.name = n.title REMOVE n.title"); err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if got := name(); got != want {
		t.Errorf("after EnsureSchema on an older graph: %q, want %q", got, want)
	}
}
