package graph_test

import (
	"testing"

	"csakg/graph"
)

// TestCountOnlyCountsTheSame checks a count read alone (no edges asked
// for) equals the count read beside a page of edges.
func TestCountOnlyCountsTheSame(t *testing.T) {
	a := newAPI(t, factWorld(), graph.Options{})
	tests := []struct {
		name, alone, paged string
	}{
		{"members", `{ node(id: "wg:rocket") { ... on WorkingGroup { c: members { totalCount } } } }`,
			`{ node(id: "wg:rocket") { ... on WorkingGroup { c: members(first: 1) { totalCount edges { cursor } } } } }`},
		{"working groups of an organization", `{ node(id: "org:acme") { ... on Organization { c: workingGroups { totalCount } } } }`,
			`{ node(id: "org:acme") { ... on Organization { c: workingGroups(first: 1) { totalCount pageInfo { hasNextPage } } } } }`},
		{"relationships", `{ node(id: "person:road") { c: relationships(direction: OUT) { totalCount } } }`,
			`{ node(id: "person:road") { c: relationships(direction: OUT, first: 1) { totalCount edges { type } } } }`},
		{"mentions", `{ node(id: "person:road") { c: mentions { totalCount } } }`,
			`{ node(id: "person:road") { c: mentions(first: 1) { totalCount edges { cursor } } } }`},
		{"a filtered root list", `{ node: workingGroups(where: {nameContains: "anvil"}) { c: totalCount } }`,
			`{ node: workingGroups(where: {nameContains: "anvil"}, first: 1) { c: totalCount edges { cursor } } }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var alone, paged map[string]map[string]any
			a.query(tt.alone, &alone)
			a.query(tt.paged, &paged)
			got, want := totalOf(alone), totalOf(paged)
			if got != want || want == 0 {
				t.Errorf("count alone %v, beside a page %v (want equal, not 0)", got, want)
			}
		})
	}
}

// totalOf finds the count under node.c, nested or not.
func totalOf(out map[string]map[string]any) float64 {
	switch c := out["node"]["c"].(type) {
	case float64:
		return c
	case map[string]any:
		n, _ := c["totalCount"].(float64)
		return n
	}
	return -1
}
