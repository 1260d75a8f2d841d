package store_test

import (
	"context"
	"maps"
	"testing"

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
			{Label: loader.LabelOrganization, ID: "org:acme", Name: "Acme Alliance", Aliases: []string{"AA"},
				Mentions: []loader.Evidence{ev("a.txt", 1), ev("b.txt", 2)}},
			{Label: loader.LabelWorkingGroup, ID: "wg:rockets-working-group", Name: "Rockets Working Group",
				Description: "builds rockets", Props: map[string]any{"acronym": "RWG"},
				Mentions: []loader.Evidence{ev("a.txt", 3)}},
			{Label: loader.LabelPerson, ID: "person:wile-e", Name: "Wile E.",
				Mentions: []loader.Evidence{ev("b.txt", 4)}},
		},
		Edges: []loader.Edge{
			{Type: loader.RelPartOf, From: "wg:rockets-working-group", To: "org:acme", Evidence: ev("a.txt", 3)},
			{Type: loader.RelMemberOf, From: "person:wile-e", To: "wg:rockets-working-group",
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
	g.Nodes = []loader.Node{{Label: loader.LabelOrganization, ID: "org:acme", Name: "Acme Alliance",
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

	// A graph whose last relationship has a type outside the model fails
	// after the nodes were written; none of it may stay.
	g := fixture()
	g.Sources[0].SHA256 = "changed"
	g.Nodes = append(g.Nodes, loader.Node{Label: loader.LabelTopic, ID: "topic:iot", Name: "IoT",
		Mentions: []loader.Evidence{{Source: "a.txt", Line: 9}}})
	g.Edges = append(g.Edges, loader.Edge{Type: "LIKES", From: "person:wile-e", To: "org:acme"})
	if _, err := st.Load(ctx, g); err == nil {
		t.Fatal("load with an unknown relationship type succeeded")
	}
	if got := counts(t, st); !equalCounts(got, before) {
		t.Fatalf("failed load changed the graph: %v, want %v", got, before)
	}
}
