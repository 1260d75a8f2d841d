package graph_test

import (
	"encoding/json"

	"strings"
	"testing"

	"csakg/gen"
	"csakg/graph"
	"csakg/store"
)

// TestSharedLevelAnswersAsAlone checks that a nested level read once per
// distinct entity (store/compile_shared.go) gives every parent the page
// that entity gives when asked on its own: the generated graph's groups
// share members, so the same group is reached from many of them.
func TestSharedLevelAnswersAsAlone(t *testing.T) {
	// Five levels of connections are 17 deep.
	a := newAPI(t, gen.Graph(1, 1), graph.Options{Limits: graph.RequestLimits{MaxDepth: 20}})
	third := `members(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor role node { id name
		workingGroups(first: 2) { edges { node { id } } } } } }`
	// Five levels: the fourth is read once per distinct entity too, within
	// the lists that read the third.
	fourth := `members(first: 3) { edges { node { id workingGroups(first: 2) { totalCount edges { node { id
		members(first: 2) { edges { node { id } } } } } } } } }`
	tests := []struct {
		name, query, third string
		shared             int // levels read once per distinct entity
	}{
		{"three levels", `{ node(id: "wg:gen-1") { ... on WorkingGroup { members(first: 10) { totalCount edges { role node { id
			workingGroups(first: 5) { pageInfo { hasNextPage } edges { cursor node { id ` + third + ` } } } } } } } } }`, third, 1},
		{"after a cursor, under a fragment", `query($after: String) { node(id: "wg:gen-0") { ... on WorkingGroup { members(first: 4, after: $after) { edges { node { id
			... on Person { workingGroups(first: 3) { edges { node { id name ` + third + ` } } } } } } } } } }`, third, 1},
		{"five levels", `{ node(id: "wg:gen-1") { ... on WorkingGroup { members(first: 6) { edges { node { id
			workingGroups(first: 4) { edges { node { id ` + fourth + ` } } } } } } } } }`, fourth, 2},
	}
	var first struct {
		Node struct {
			Members struct{ PageInfo struct{ EndCursor string } }
		}
	}
	a.query(`{ node(id: "wg:gen-0") { ... on WorkingGroup { members(first: 2) { pageInfo { endCursor } } } } }`, &first)
	after := map[string]any{"after": first.Node.Members.PageInfo.EndCursor}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sent []string
			a.st.OnQuery(func(q store.QueryInfo) { sent = append(sent, q.Cypher) })
			var got map[string]any
			a.query(tt.query, &got, after)
			a.st.OnQuery(nil)
			if len(sent) != 1 || strings.Count(sent[0], "WITH DISTINCT") != tt.shared {
				t.Fatalf("%d queries, want 1 that reads %d levels once per entity:\n%s", len(sent), tt.shared, sent)
			}
			groups := reachedGroups(got)
			ids := map[any]bool{}
			for _, g := range groups {
				ids[g["id"]] = true
			}
			if len(ids) == len(groups) {
				t.Fatalf("the request reaches no group twice (%d groups): it tests nothing", len(groups))
			}
			for _, g := range groups {
				var alone map[string]any
				a.query(`query($id: ID!) { node(id: $id) { ... on WorkingGroup { `+tt.third+` } } }`, &alone, map[string]any{"id": g["id"]})
				want, _ := json.Marshal(alone["node"].(map[string]any)["members"])
				if have, _ := json.Marshal(g["members"]); string(have) != string(want) {
					t.Errorf("%s: members %s\nwant (asked alone) %s", g["id"], have, want)
				}
			}
		})
	}
}

// reachedGroups returns the groups the second level of an answer reaches,
// once per parent that reaches them.
func reachedGroups(answer map[string]any) []map[string]any {
	var out []map[string]any
	for _, e := range edgesOf(answer["node"], "members") {
		for _, g := range edgesOf(e["node"], "workingGroups") {
			out = append(out, g["node"].(map[string]any))
		}
	}
	return out
}

func edgesOf(node any, field string) []map[string]any {
	conn, _ := node.(map[string]any)[field].(map[string]any)
	var out []map[string]any
	for _, e := range conn["edges"].([]any) {
		out = append(out, e.(map[string]any))
	}
	return out
}
