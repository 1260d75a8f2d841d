package gen

import (
	"encoding/json"
	"slices"
	"testing"

	"csakg/graphmodel"
)

func TestGraphIsDeterministic(t *testing.T) {
	a, _ := json.Marshal(Graph(7, 2))
	b, _ := json.Marshal(Graph(7, 2))
	c, _ := json.Marshal(Graph(8, 2))
	if string(a) != string(b) {
		t.Error("same seed and scale gave different graphs")
	}
	if string(a) == string(c) {
		t.Error("different seeds gave the same graph")
	}
}

func TestGraphFollowsTheModel(t *testing.T) {
	for _, scale := range []int{1, 10} {
		g := Graph(1, scale)
		ids := map[string]string{}
		for _, n := range g.Nodes {
			if !slices.Contains(graphmodel.LabelNames, n.Label) {
				t.Fatalf("node %s has label %q", n.ID, n.Label)
			}
			if _, dup := ids[n.ID]; dup {
				t.Fatalf("duplicate id %s", n.ID)
			}
			ids[n.ID] = n.Label
			if len(n.Mentions) == 0 {
				t.Fatalf("node %s has no provenance", n.ID)
			}
		}
		degree := map[string]int{}
		for _, e := range g.Edges {
			if !slices.Contains(graphmodel.RelTypes, e.Type) {
				t.Fatalf("edge type %q", e.Type)
			}
			if ids[e.From] == "" || ids[e.To] == "" {
				t.Fatalf("edge %s %s->%s has a missing end", e.Type, e.From, e.To)
			}
			if e.Evidence.Line == 0 || e.Evidence.Source != g.Sources[0].Name {
				t.Fatalf("edge without provenance: %+v", e)
			}
			degree[e.From]++
			degree[e.To]++
		}
		if got, want := len(g.Nodes), scale*(orgsPerScale+groupsPerScale+peoplePerScale+documentsPerScale+eventsPerScale+standardsPerScale+projectsPerScale+topicsPerScale); got != want {
			t.Errorf("scale %d: %d nodes, want %d", scale, got, want)
		}
		// Long tail: the busiest working group has many times the median's members.
		var wg []int
		for id, l := range ids {
			if l == "WorkingGroup" {
				wg = append(wg, degree[id])
			}
		}
		slices.Sort(wg)
		if wg[len(wg)-1] < 4*wg[len(wg)/2] {
			t.Errorf("scale %d: working group degrees not long-tailed: max %d, median %d", scale, wg[len(wg)-1], wg[len(wg)/2])
		}
	}
}
