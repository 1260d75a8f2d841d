package graph_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"csakg/graph"
	"csakg/store"
)

// TestNestedConnectionFilters filters the connections of an entity as a
// root list's where filters the list, through the GraphQL client against
// Neo4j: relationship filters (some, none, every, count, nested), field
// filters and variables; the page, its totalCount and a count asked alone
// agree, in one query each.
func TestNestedConnectionFilters(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	tests := []struct {
		name      string
		id, on    string // the entity and its type
		field     string // its connection field
		where     string // the field's where argument, or $w
		whereType string // for $w
		vars      map[string]any
		want      []string // ids, in name order
	}{
		{"some member named", "org:acme", "Organization", "workingGroups", `{members: {some: {nameContains: "wile"}}}`, "", nil, []string{"wg:rocket"}},
		{"no member named", "org:acme", "Organization", "workingGroups", `{members: {none: {nameContains: "wile"}}}`, "", nil, []string{"wg:anvil"}},
		{"every group named", "wg:anvil", "WorkingGroup", "members", `{workingGroups: {every: {nameContains: "anvil"}}}`, "", nil, []string{"person:coyote"}},
		{"at least one subgroup", "org:acme", "Organization", "workingGroups", `{subgroups: {count: {gte: 1}}}`, "", nil, []string{"wg:anvil"}},
		{"a field filter", "wg:rocket", "WorkingGroup", "members", `{nameStartsWith: "W"}`, "", nil, []string{"person:wile"}},
		{"dated", "wg:rocket", "WorkingGroup", "events", `{dateFrom: "2021-02", dateTo: "2021-02"}`, "", nil, []string{"event:rocket-meeting-2021-02-12"}},
		// The filter's relationship may be the connection's own.
		{"the same relationship", "wg:rocket", "WorkingGroup", "members", `{workingGroups: {some: {nameContains: "rocket"}}}`, "", nil, []string{"person:road", "person:wile"}},
		{"seek beside a field filter", "wg:rocket", "WorkingGroup", "members", `{nameContains: "wile", workingGroups: {some: {nameStartsWith: "rocket"}}}`, "", nil, []string{"person:wile"}},
		{"two levels", "person:road", "Person", "workingGroups", `{events: {some: {documents: {some: {nameContains: "rocket"}}}}}`, "", nil, []string{"wg:rocket"}},
		{"nothing meets it", "wg:rocket", "WorkingGroup", "members", `{nameContains: "ugly"}`, "", nil, nil},
		{"from a variable", "wg:anvil", "WorkingGroup", "members", `$w`, "PersonWhere",
			map[string]any{"w": map[string]any{"workingGroups": map[string]any{"count": map[string]any{"gte": 2}}}}, []string{"person:road"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := tt.field + `(where: ` + tt.where + `)`
			page := `{ node(id: "` + tt.id + `") { ... on ` + tt.on + ` { l: ` + conn + ` { totalCount edges { node { id } } } } } }`
			count := `{ node(id: "` + tt.id + `") { ... on ` + tt.on + ` { l: ` + conn + ` { totalCount } } } }`
			if tt.vars != nil {
				page, count = "query($w: "+tt.whereType+") "+page, "query($w: "+tt.whereType+") "+count
			}
			var sent []string
			a.st.OnQuery(func(q store.QueryInfo) { sent = append(sent, q.Cypher) })
			defer a.st.OnQuery(nil)
			var out, alone struct {
				Node struct {
					L struct {
						TotalCount int
						Edges      []struct{ Node struct{ ID string } }
					}
				}
			}
			a.query(page, &out, tt.vars)
			a.query(count, &alone, tt.vars)
			var got []string
			for _, e := range out.Node.L.Edges {
				got = append(got, e.Node.ID)
			}
			if !slices.Equal(got, tt.want) || out.Node.L.TotalCount != len(tt.want) || alone.Node.L.TotalCount != len(tt.want) {
				t.Errorf("got %v (total %d, asked alone %d), want %v", got, out.Node.L.TotalCount, alone.Node.L.TotalCount, tt.want)
			}
			if len(sent) != 2 {
				t.Errorf("%d queries for two requests", len(sent))
			}
		})
	}
}

// TestNestedFilterUnderSharedLevel filters a connection of the level read
// once per distinct entity (store/compile_shared.go): each parent gets
// only the entities that meet the filter, and the level under them.
func TestNestedFilterUnderSharedLevel(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var sent []string
	a.st.OnQuery(func(q store.QueryInfo) { sent = append(sent, q.Cypher) })
	defer a.st.OnQuery(nil)
	var out struct {
		Node struct {
			Members struct {
				Edges []struct {
					Node struct {
						ID            string
						WorkingGroups struct {
							TotalCount int
							Edges      []struct {
								Node struct {
									ID      string
									Members struct {
										Edges []struct{ Node struct{ ID string } }
									}
								}
							}
						}
					}
				}
			}
		}
	}
	a.query(`{ node(id: "wg:rocket") { ... on WorkingGroup { members { edges { node { id
		workingGroups(where: {members: {some: {nameContains: "ugly"}}}) { totalCount edges { node { id members { edges { node { id } } } } } } } } } } } }`, &out)
	got := map[string][]string{}
	for _, m := range out.Node.Members.Edges {
		for _, g := range m.Node.WorkingGroups.Edges {
			var members []string
			for _, x := range g.Node.Members.Edges {
				members = append(members, x.Node.ID)
			}
			got[m.Node.ID] = append(got[m.Node.ID], g.Node.ID+" "+strings.Join(members, ","))
		}
		if m.Node.WorkingGroups.TotalCount != len(got[m.Node.ID]) {
			t.Errorf("%s: totalCount %d for %v", m.Node.ID, m.Node.WorkingGroups.TotalCount, got[m.Node.ID])
		}
	}
	want := map[string][]string{"person:road": {"wg:anvil person:coyote,person:road"}}
	if b, w := must(json.Marshal(got)), must(json.Marshal(want)); string(b) != string(w) {
		t.Errorf("got %s, want %s", b, w)
	}
	if len(sent) != 1 || !strings.Contains(sent[0], "WITH DISTINCT") {
		t.Errorf("want one query reading the groups once each, sent %d:\n%s", len(sent), strings.Join(sent, "\n---\n"))
	}
}

// TestNestedFilterCost checks a nested connection's filter costs as a root
// list's does, once per parent: a two-level filter is answered under one
// parent and refused under a page of twenty.
func TestNestedFilterCost(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	two := `{members: {some: {workingGroups: {some: {nameContains: "rocket"}}}}}`
	tests := []struct {
		name, query string
		code        string // "" for an answer
	}{
		{"under one entity", `{ node(id: "org:acme") { ... on Organization { workingGroups(where: ` + two + `) { totalCount } } } }`, ""},
		{"under a page of twenty", `{ node(id: "wg:rocket") { ... on WorkingGroup { members(first: 20) { edges { node {
			workingGroups(where: ` + two + `) { totalCount } } } } } } }`, graph.CodeComplexityLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": tt.query})
			status, code := a.rawPost(string(body))
			if code != tt.code {
				t.Errorf("status %d, code %q, want %q", status, code, tt.code)
			}
		})
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// TestNestedFilterPages pages through a filtered connection: the cursor
// applies within what meets the filter, and every page counts all of it.
func TestNestedFilterPages(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	q := `query($a: String) { node(id: "wg:anvil") { ... on WorkingGroup { members(first: 1, after: $a, where: {nameContains: "o"}) {
		totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`
	var ids []string
	var after any
	for page := 0; page < 3; page++ {
		var out struct {
			Node struct{ Members listPage }
		}
		a.query(q, &out, map[string]any{"a": after})
		m := out.Node.Members
		if m.TotalCount != 2 {
			t.Errorf("page %d: totalCount %d, want 2", page, m.TotalCount)
		}
		for _, e := range m.Edges {
			ids = append(ids, e.Node.ID)
		}
		if !m.PageInfo.HasNextPage {
			break
		}
		after = *m.PageInfo.EndCursor
	}
	if want := []string{"person:coyote", "person:road"}; !slices.Equal(ids, want) {
		t.Errorf("pages gave %v, want %v", ids, want)
	}
}
