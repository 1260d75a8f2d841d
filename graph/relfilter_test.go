package graph_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"csakg/graph"
	"csakg/store"
)

// TestRelationshipFilters filters root lists across relationships, through
// the GraphQL client, against Neo4j: some, none, every and count, nested,
// beside a field filter and from a variable.
func TestRelationshipFilters(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	tests := []struct {
		name  string
		list  string // root list field
		where string // its where argument, or $w
		vars  map[string]any
		want  []string // ids, in name order
	}{
		{"some member named", "workingGroups", `{members: {some: {nameContains: "wile"}}}`, nil, []string{"wg:rocket"}},
		{"some member, two groups", "workingGroups", `{members: {some: {nameContains: "ROAD"}}}`, nil, []string{"wg:anvil", "wg:rocket"}},
		{"some member, each group once", "workingGroups", `{members: {some: {nameContains: "o"}}}`, nil, []string{"wg:anvil", "wg:rocket"}},
		{"some member by the start of the name", "workingGroups", `{members: {some: {nameStartsWith: "coyote"}}}`, nil, []string{"wg:anvil"}},
		{"no member named", "workingGroups", `{members: {none: {nameContains: "road"}}}`, nil, []string{"wg:anvil-sub"}},
		{"every member, none without", "workingGroups", `{members: {every: {nameContains: "o"}}}`, nil, []string{"wg:anvil-sub", "wg:anvil", "wg:rocket"}},
		{"every member, one fails", "workingGroups", `{members: {every: {nameContains: "coyote"}}}`, nil, []string{"wg:anvil-sub"}},
		{"at least two members", "workingGroups", `{members: {count: {gte: 2}}}`, nil, []string{"wg:anvil", "wg:rocket"}},
		{"no member at all", "workingGroups", `{members: {count: {eq: 0}}}`, nil, []string{"wg:anvil-sub"}},
		{"between bounds", "workingGroups", `{members: {count: {gt: 0, lte: 1}}}`, nil, nil},
		{"a member of two groups", "workingGroups", `{members: {some: {workingGroups: {count: {gte: 2}}}}}`, nil, []string{"wg:anvil", "wg:rocket"}},
		{"two levels", "people", `{workingGroups: {some: {events: {some: {nameContains: "rocket"}}}}}`, nil, []string{"person:road", "person:wile"}},
		{"beside a field filter", "workingGroups", `{nameContains: "anvil", members: {some: {nameContains: "coyote"}}}`, nil, []string{"wg:anvil"}},
		{"two relationships", "workingGroups", `{members: {some: {nameContains: "road"}}, events: {none: {nameContains: "anvil"}}}`, nil, []string{"wg:rocket"}},
		{"from a variable", "workingGroups", `$w`, map[string]any{"w": map[string]any{"members": map[string]any{"count": map[string]any{"gte": 2}, "none": map[string]any{"nameContains": "wile"}}}}, []string{"wg:anvil"}},
		{"organizations by their groups' region", "organizations", `{workingGroups: {some: {region: "emea"}}}`, nil, []string{"org:acme"}},
		{"documents every contributor", "documents", `{contributors: {every: {nameContains: "road"}}}`, nil, []string{"doc:anvil-guide"}},
		{"events by a dated document", "events", `{documents: {some: {dateFrom: "2021-02", dateTo: "2021-02"}}}`, nil, []string{"event:rocket-meeting-2021-02-12"}},
	}
	typeOf := map[string]string{"workingGroups": "WorkingGroupWhere", "people": "PersonWhere", "organizations": "OrganizationWhere", "documents": "DocumentWhere", "events": "EventWhere"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := `{ l: ` + tt.list + `(where: ` + tt.where + `, orderBy: NAME_ASC) { totalCount edges { node { id } } } }`
			if tt.vars != nil {
				q = "query($w: " + typeOf[tt.list] + ") " + q
			}
			var sent []string
			a.st.OnQuery(func(q store.QueryInfo) { sent = append(sent, q.Cypher) })
			defer a.st.OnQuery(nil)
			var out struct {
				L struct {
					TotalCount int
					Edges      []struct{ Node struct{ ID string } }
				}
			}
			a.query(q, &out, tt.vars)
			var got []string
			for _, e := range out.L.Edges {
				got = append(got, e.Node.ID)
			}
			if !slices.Equal(got, tt.want) || out.L.TotalCount != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, out.L.TotalCount, tt.want)
			}
			// A subquery per filter, or a name filter seeking from the far end.
			if len(sent) != 1 || !strings.Contains(sent[0], "EXISTS {") && !strings.Contains(sent[0], "COUNT { MATCH (n)") && !strings.Contains(sent[0], "WITH DISTINCT n") {
				t.Errorf("want one query with a subquery per filter, sent %d:\n%s", len(sent), strings.Join(sent, "\n---\n"))
			}
		})
	}
}

// TestRelationshipFilterCost checks the request cost counts every level of
// a relationship filter: the default limit takes two levels, not three.
func TestRelationshipFilterCost(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	two := `{members: {some: {workingGroups: {some: {nameContains: "rocket"}}}}}`
	three := `{members: {some: {workingGroups: {some: {members: {count: {gte: 1}}}}}}}`
	tests := []struct {
		name, where string
		code        string // "" for an answer
	}{
		{"one level", `{members: {count: {gte: 1}}}`, ""},
		{"two levels", two, ""},
		{"three levels", three, graph.CodeComplexityLimit},
		{"many filters of one level", `{members: {count: {gte: 1}}, events: {count: {gte: 1}}, topics: {count: {gte: 1}}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": `{ workingGroups(first: 1, where: ` + tt.where + `) { totalCount } }`})
			status, code := a.rawPost(string(body))
			if code != tt.code {
				t.Errorf("status %d, code %q, want %q", status, code, tt.code)
			}
		})
	}
}
