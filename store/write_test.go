package store_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"csakg/graphmodel"
	"csakg/internal/neo4jtest"
	"csakg/loader"
	"csakg/store"
)

// fixture is a small graph written by hand: two sources, three entities.
func fixture() *loader.Graph {
	ev := func(src string, line int) loader.Evidence {
		return loader.Evidence{Source: src, Line: line, Excerpt: "line " + src}
	}
	return &loader.Graph{
		Sources: []loader.Source{
			{Name: "a.txt", SHA256: "aaa", Lines: 10, Kind: "listing"},
			{Name: "b.txt", SHA256: "bbb", Lines: 5, Kind: "form"},
		},
		Nodes: []loader.Node{
			{Label: graphmodel.Organization, ID: "org:acme", Name: "Acme Alliance", Aliases: []string{"AA"},
				Mentions: []loader.Evidence{ev("a.txt", 1), ev("b.txt", 2)}},
			{Label: graphmodel.WorkingGroup, ID: "wg:rockets-working-group", Name: "Rockets Working Group",
				Description: "builds rockets", Props: map[string]any{"acronym": "RWG"},
				Mentions: []loader.Evidence{ev("a.txt", 3)}},
			{Label: graphmodel.Person, ID: "person:wile-e", Name: "Wile E.",
				Mentions: []loader.Evidence{ev("b.txt", 4)}},
		},
		Edges: []loader.Edge{
			{Type: graphmodel.PartOf, From: "wg:rockets-working-group", To: "org:acme", Evidence: ev("a.txt", 3)},
			{Type: graphmodel.MemberOf, From: "person:wile-e", To: "wg:rockets-working-group",
				Props: map[string]any{"role": "chair"}, Evidence: ev("b.txt", 4)},
		},
	}
}

func counts(t *testing.T, st *store.Store) map[string]int64 { return neo4jtest.Counts(t, st) }

func equalCounts(a, b map[string]int64) bool { return maps.Equal(a, b) }

func TestLoadIsIdempotent(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	rep, err := st.Load(ctx, fixture())
	if err != nil {
		t.Fatal(err)
	}
	if rep.NodesCreated != 3+2 { // entities and sources
		t.Errorf("first load created %d nodes, want 5", rep.NodesCreated)
	}
	if len(rep.ChangedSources) != 2 {
		t.Errorf("first load: changed sources %v, want both", rep.ChangedSources)
	}
	want := map[string]int64{"Organization": 1, "WorkingGroup": 1, "Person": 1, "PART_OF": 1, "MEMBER_OF": 1}
	if got := counts(t, st); !equalCounts(got, want) {
		t.Fatalf("after first load: %v, want %v", got, want)
	}

	rep, err = st.Load(ctx, fixture())
	if err != nil {
		t.Fatal(err)
	}
	if rep.NodesCreated != 0 || rep.NodesDeleted != 0 || rep.RelsCreated != 0 || rep.RelsDeleted != 0 {
		t.Errorf("second load changed the graph: %+v", rep)
	}
	if len(rep.ChangedSources) != 0 {
		t.Errorf("second load: changed sources %v, want none", rep.ChangedSources)
	}
	if got := counts(t, st); !equalCounts(got, want) {
		t.Fatalf("after second load: %v, want %v", got, want)
	}
}

func TestLoadReplacesWhatLeftASource(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	if _, err := st.Load(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	// b.txt changes: the person and their membership leave it. a.txt is not
	// part of this load and must keep all it stated.
	g := fixture()
	g.Sources = []loader.Source{{Name: "b.txt", SHA256: "ccc", Lines: 3, Kind: "form"}}
	g.Nodes = []loader.Node{{Label: graphmodel.Organization, ID: "org:acme", Name: "Acme Alliance",
		Mentions: []loader.Evidence{{Source: "b.txt", Line: 1, Excerpt: "Acme"}}}}
	g.Edges = nil
	rep, err := st.Load(ctx, g)
	if err != nil {
		t.Fatal(err)
	}
	if rep.NodesDeleted != 1 {
		t.Errorf("nodes deleted = %d, want 1 (the person)", rep.NodesDeleted)
	}
	want := map[string]int64{"Organization": 1, "WorkingGroup": 1, "PART_OF": 1}
	if got := counts(t, st); !equalCounts(got, want) {
		t.Fatalf("after replacing b.txt: %v, want %v", got, want)
	}
}

func TestLoadIsAllOrNothing(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	if _, err := st.Load(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	before := counts(t, st)

	tests := []struct {
		name   string
		break_ func(g *loader.Graph)
	}{
		// Refused before anything is sent.
		{"unknown relationship type", func(g *loader.Graph) {
			g.Edges = append(g.Edges, loader.Edge{Type: "LIKES", From: "person:wile-e", To: "org:acme"})
		}},
		// Refused by Neo4j itself (a map is not a property value), after the
		// entities and the other relationships were written.
		{"property Neo4j cannot store", func(g *loader.Graph) {
			g.Edges = append(g.Edges, loader.Edge{Type: graphmodel.MemberOf, From: "person:wile-e", To: "org:acme",
				Props: map[string]any{"role": map[string]any{"nested": true}}, Evidence: loader.Evidence{Source: "b.txt", Line: 5}})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := fixture()
			g.Sources[0].SHA256 = "changed"
			g.Nodes = append(g.Nodes, loader.Node{Label: graphmodel.Topic, ID: "topic:iot", Name: "IoT",
				Mentions: []loader.Evidence{{Source: "a.txt", Line: 9}}})
			tt.break_(g)
			if _, err := st.Load(ctx, g); err == nil {
				t.Fatal("load succeeded")
			}
			if got := counts(t, st); !equalCounts(got, before) {
				t.Fatalf("failed load changed the graph: %v, want %v", got, before)
			}
		})
	}
}

// bigFixture is fixture with n more people, each a member of the working
// group and mentioned in b.txt.
func bigFixture(n int) *loader.Graph {
	g := fixture()
	for i := range n {
		id := fmt.Sprintf("person:p%d", i)
		g.Nodes = append(g.Nodes, loader.Node{Label: graphmodel.Person, ID: id, Name: fmt.Sprintf("P %d", i),
			Mentions: []loader.Evidence{{Source: "b.txt", Line: 10 + i, Excerpt: "member"}}})
		g.Edges = append(g.Edges, loader.Edge{Type: graphmodel.MemberOf, From: id, To: "wg:rockets-working-group",
			Evidence: loader.Evidence{Source: "b.txt", Line: 10 + i}})
	}
	return g
}

func TestBatchedLoadMatchesAtomicLoad(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	if _, err := st.Load(ctx, bigFixture(25)); err != nil {
		t.Fatal(err)
	}
	want := counts(t, st)
	if want["Person"] != 26 || want["MEMBER_OF"] != 26 {
		t.Fatalf("atomic load: %v", want)
	}

	st = neo4jtest.Empty(t)
	rep, err := st.LoadWith(ctx, bigFixture(25), store.LoadOptions{TxRows: 4})
	if err != nil {
		t.Fatal(err)
	}
	if got := counts(t, st); !equalCounts(got, want) {
		t.Fatalf("batched load: %v, want %v", got, want)
	}
	if rep.NodesCreated != 30 { // 28 entities and 2 sources
		t.Errorf("nodes created = %d, want 30", rep.NodesCreated)
	}

	// Shrinking b.txt in batches deletes what it no longer states.
	g := bigFixture(5)
	g.Sources[1].SHA256 = "smaller"
	rep, err = st.LoadWith(ctx, g, store.LoadOptions{TxRows: 4})
	if err != nil {
		t.Fatal(err)
	}
	if rep.NodesDeleted != 20 {
		t.Errorf("nodes deleted = %d, want 20", rep.NodesDeleted)
	}
	if got := counts(t, st); got["Person"] != 6 || got["MEMBER_OF"] != 6 {
		t.Errorf("after shrinking: %v, want 6 people and 6 memberships", got)
	}
}

// A batched load into an empty graph writes on several lanes with the
// read indexes dropped, and builds them at the end: the graph is the one
// an atomic load makes, and search (the full-text index) finds it.
func TestBatchedLoadIntoAnEmptyGraphBuildsTheIndexes(t *testing.T) {
	ctx := context.Background()
	st := neo4jtest.Empty(t)
	if _, err := st.Load(ctx, bigFixture(40)); err != nil {
		t.Fatal(err)
	}
	want := counts(t, st)

	for _, writers := range []int{1, 2, 3} {
		t.Run(fmt.Sprintf("writers %d", writers), func(t *testing.T) {
			st := neo4jtest.Empty(t)
			rep, err := st.LoadWith(ctx, bigFixture(40), store.LoadOptions{TxRows: 3, Writers: writers})
			if err != nil {
				t.Fatal(err)
			}
			if got := counts(t, st); !equalCounts(got, want) {
				t.Errorf("counts %v, want %v", got, want)
			}
			if !slices.ContainsFunc(rep.Phases, func(p store.Phase) bool { return p.Name == "indexes" }) {
				t.Errorf("phases %v: no index build", rep.Phases)
			}
			requireIndexes(t, st)
			hits, err := st.Search(ctx, "P 37", nil, 5, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Errorf("search found nothing after the load")
			}
		})
	}
}

// A batched load into an empty graph that stops half-way still leaves
// every index the reads need.
func TestStoppedBatchedLoadLeavesTheIndexes(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx, cancel := context.WithCancel(context.Background())
	var sent int
	st.OnWrite(func() {
		if sent++; sent == 12 {
			cancel()
		}
	})
	defer st.OnWrite(nil)
	if _, err := st.LoadWith(ctx, bigFixture(200), store.LoadOptions{TxRows: 5, Writers: 2}); err == nil {
		t.Fatal("cancelled load succeeded")
	}
	requireIndexes(t, st)
}

func requireIndexes(t *testing.T, st *store.Store) {
	t.Helper()
	have, err := st.IndexNames(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range store.SchemaIndexNames() {
		if !slices.Contains(have, name) {
			t.Errorf("index %s missing after the load", name)
		}
	}
}

func TestBatchedLoadStoppedHalfWay(t *testing.T) {
	st := neo4jtest.Empty(t)
	if _, err := st.Load(context.Background(), fixture()); err != nil {
		t.Fatal(err)
	}
	before := counts(t, st)

	// A load cancelled after some of its batches committed keeps everything
	// the graph had and leaves the source marked as not loaded.
	g := bigFixture(400)
	g.Sources[1].SHA256 = "grown"
	ctx, cancel := context.WithCancel(context.Background())
	var sent int
	st.OnWrite(func() {
		if sent++; sent == 30 {
			cancel()
		}
	})
	if _, err := st.LoadWith(ctx, g, store.LoadOptions{TxRows: 10}); err == nil {
		t.Fatal("cancelled load succeeded")
	}
	st.OnWrite(nil)
	got := counts(t, st)
	for k, v := range before {
		if got[k] < v {
			t.Errorf("%s: %d after the stopped load, %d before", k, got[k], v)
		}
	}
	if got["Person"] <= before["Person"] {
		t.Errorf("no batch committed before the stop: %v", got)
	}
	srcs, err := st.Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		if s.Name == "b.txt" && s.SHA256 == "grown" {
			t.Errorf("b.txt is marked loaded after a stopped load")
		}
	}

	// The next load completes it.
	rep, err := st.LoadWith(context.Background(), g, store.LoadOptions{TxRows: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.ChangedSources) != 1 || rep.ChangedSources[0] != "b.txt" {
		t.Errorf("changed sources = %v, want [b.txt]", rep.ChangedSources)
	}
	if got := counts(t, st); got["Person"] != 401 || got["MEMBER_OF"] != 401 {
		t.Errorf("after the second load: %v, want 401 people and memberships", got)
	}
}

func TestLoadWritesARepeatedFactOnce(t *testing.T) {
	for _, opt := range []store.LoadOptions{{}, {TxRows: 1}} {
		t.Run(fmt.Sprintf("tx-rows %d", opt.TxRows), func(t *testing.T) {
			st := neo4jtest.Empty(t)
			g := fixture()
			g.Edges = append(g.Edges, g.Edges...)
			g.Nodes[0].Mentions = append(g.Nodes[0].Mentions, g.Nodes[0].Mentions...)
			rep, err := st.LoadWith(context.Background(), g, opt)
			if err != nil {
				t.Fatal(err)
			}
			if rep.RelsCreated != 6 {
				t.Errorf("relationships created = %d, want 6 (2 facts, 4 mentions)", rep.RelsCreated)
			}
			want := map[string]int64{"Organization": 1, "WorkingGroup": 1, "Person": 1, "PART_OF": 1, "MEMBER_OF": 1}
			if got := counts(t, st); !equalCounts(got, want) {
				t.Errorf("counts = %v, want %v", got, want)
			}
			srcs, err := st.Sources(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range srcs {
				if s.Name == "a.txt" && s.RelationshipCount != 1 {
					t.Errorf("a.txt states %d relationships, want 1", s.RelationshipCount)
				}
			}
		})
	}
}

// TestLoadRefusesEndsOutsideTheModel checks that an edge between entities
// the graph model does not link that way is refused with where it was read,
// and nothing is written.
func TestLoadRefusesEndsOutsideTheModel(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	ev := loader.Evidence{Source: "t.txt", Line: 7, Excerpt: "x"}
	g := &loader.Graph{
		Sources: []loader.Source{{Name: "t.txt", SHA256: "t", Lines: 9, Kind: "general"}},
		Nodes: []loader.Node{
			{Label: "Document", ID: "doc:d", Name: "D", Mentions: []loader.Evidence{ev}},
			{Label: "WorkingGroup", ID: "wg:w", Name: "W", Mentions: []loader.Evidence{ev}},
		},
		Edges: []loader.Edge{{Type: "MEMBER_OF", From: "doc:d", To: "wg:w", Evidence: ev}},
	}
	_, err := st.Load(ctx, g)
	if err == nil || !strings.Contains(err.Error(), "t.txt:7") || !strings.Contains(err.Error(), "MEMBER_OF from Person") {
		t.Fatalf("load = %v, want an error naming t.txt:7 and the model's MEMBER_OF", err)
	}
	if c := neo4jtest.Counts(t, st); len(c) != 0 {
		t.Errorf("graph after a refused load: %v, want empty", c)
	}
}

// TestLoadWritesARepeatedEntityOnce checks that an entity given twice, into
// a graph without entities (where they are CREATEd) and into one with them
// (MERGEd), becomes one node with the properties of both, the later
// winning.
func TestLoadWritesARepeatedEntityOnce(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx := context.Background()
	ev := loader.Evidence{Source: "t.txt", Line: 1, Excerpt: "x"}
	graph := func(sum string) *loader.Graph {
		return &loader.Graph{
			Sources: []loader.Source{{Name: "t.txt", SHA256: sum, Lines: 1, Kind: "general"}},
			Nodes: []loader.Node{
				{Label: "Person", ID: "person:a", Name: "A", Props: map[string]any{"title": "first", "email": "a@x"}, Mentions: []loader.Evidence{ev}},
				{Label: "Person", ID: "person:a", Name: "A", Props: map[string]any{"title": "second"}, Mentions: []loader.Evidence{ev}},
			},
		}
	}
	for _, sum := range []string{"one", "two"} { // CREATE, then MERGE
		if _, err := st.Load(ctx, graph(sum)); err != nil {
			t.Fatal(err)
		}
		if c := neo4jtest.Counts(t, st); c["Person"] != 1 {
			t.Fatalf("load %s: %v, want one Person", sum, c)
		}
		c, err := st.List(ctx, "Person", store.Filter{}, store.NameAsc, store.Page{First: 5}, false,
			&store.Selection{Props: []store.Prop{{Key: "title", Name: "title"}, {Key: "email", Name: "email"}}})
		if err != nil {
			t.Fatal(err)
		}
		node, _ := c.Edges[0]["node"].(map[string]any)
		if node[store.FieldKey("title")] != "second" || node[store.FieldKey("email")] != "a@x" {
			t.Errorf("load %s: person %v, want title second and email a@x", sum, node)
		}
	}
}
