package graph_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"csakg/graph"
	"csakg/store"
)

// TestValuesOnlyAsParameters sends requests with distinctive values in
// every argument and checks none of them is written into the Cypher text:
// each reaches Neo4j as a parameter, so the text of a request shape is the
// same whatever its values and Neo4j's plan cache hits. Paths' maxHops is
// the exception Cypher imposes (a variable-length bound is a literal).
func TestValuesOnlyAsParameters(t *testing.T) {
	a := newAPI(t, factWorld(), graph.Options{})
	tests := []struct {
		name    string
		query   string
		strs    []string // must not be in the text, must be in the parameters
		ints    []int    // each or one more must not be in the text, must be a parameter
		literal []string // written into the text by design
	}{
		{"an entity and its connections", `{ node(id: "wg:rocket") { ... on WorkingGroup { members(first: 37) { edges { evidence(first: 41) { line } node { name } } } } mentions(first: 39) { edges { cursor } } relationships(types: [MEMBER_OF], first: 43) { edges { type } } } }`,
			[]string{"wg:rocket"}, []int{37, 41, 39, 43}, nil},
		{"a filtered list", `{ workingGroups(where: {nameContains: "zqx", nameStartsWith: "anv", region: "emea", relatedTo: "org:acme"}, first: 47) { totalCount edges { node { id } } } }`,
			[]string{"zqx", "anv", "emea", "org:acme"}, []int{47}, nil},
		{"a page after a cursor", `{ people(first: 53, after: "WyJSb2FkIFJ1bm5lciIsInBlcnNvbjpyb2FkIl0") { edges { node { id } } } }`,
			[]string{"Road Runner", "person:road"}, []int{53}, nil},
		{"dates", `{ documents(where: {kind: "whitepaper", dateFrom: "1987-03", dateTo: "2031-07"}, first: 59) { edges { node { id } } } }`,
			[]string{"whitepaper", "1987-03", "2031-07"}, []int{59}, nil},
		{"search", `{ search(text: "rocket", types: [WORKING_GROUP], first: 61) { score } }`, []string{"rocket"}, []int{61}, nil},
		{"paths", `{ paths(from: "person:coyote", to: "org:globex", maxHops: 5, first: 67) { length } }`,
			[]string{"person:coyote", "org:globex"}, []int{67}, []string{"*..5"}},
		{"collaborators", `{ collaborators(of: "wg:rocket", from: "2019-01", to: "2032-02", first: 71) { score } }`,
			[]string{"wg:rocket", "2019-01", "2032-02"}, []int{71}, nil},
		{"timeline", `{ timeline(entity: "wg:rocket", from: "1988-01", to: "2033-01", first: 73) { totalCount edges { date } } }`,
			[]string{"wg:rocket", "1988-01", "2033-01"}, []int{73}, nil},
		{"common", `{ common(a: "person:wile", b: "person:road", first: 79) { entity { id } } }`, []string{"person:wile", "person:road"}, []int{79}, nil},
		{"nodes", `{ nodes(ids: ["wg:rocket", "person:road"]) { id } }`, []string{"wg:rocket", "person:road"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sent []store.QueryInfo
			a.st.OnQuery(func(q store.QueryInfo) { sent = append(sent, q) })
			defer a.st.OnQuery(nil)
			var out map[string]any
			a.query(tt.query, &out)
			if len(sent) != 1 {
				t.Fatalf("%d queries, want 1", len(sent))
			}
			q := sent[0]
			for _, s := range tt.strs {
				if strings.Contains(q.Cypher, s) {
					t.Errorf("the Cypher text has the value %q:\n%s", s, q.Cypher)
				}
				if !inParams(q.Params, func(v any) bool { x, ok := v.(string); return ok && strings.Contains(x, s) }) {
					t.Errorf("no parameter holds %q: %v", s, q.Params)
				}
			}
			for _, n := range tt.ints {
				if re := regexp.MustCompile(fmt.Sprintf(`\b(%d|%d)\b`, n, n+1)); re.MatchString(q.Cypher) {
					t.Errorf("the Cypher text has the value %d (or %d):\n%s", n, n+1, q.Cypher)
				}
				if !inParams(q.Params, func(v any) bool { return v == n || v == n+1 }) {
					t.Errorf("no parameter is %d or %d: %v", n, n+1, q.Params)
				}
			}
			for _, l := range tt.literal {
				if !strings.Contains(q.Cypher, l) {
					t.Errorf("the Cypher text lacks %q", l)
				}
			}
		})
	}
}

// inParams tells whether any parameter value, or an element of a list
// one, satisfies ok.
func inParams(params map[string]any, ok func(any) bool) bool {
	var walk func(v any) bool
	walk = func(v any) bool {
		if l, isList := v.([]any); isList {
			for _, x := range l {
				if walk(x) {
					return true
				}
			}
			return false
		}
		if l, isList := v.([]string); isList {
			for _, x := range l {
				if ok(x) {
					return true
				}
			}
			return false
		}
		return ok(v)
	}
	for _, v := range params {
		if walk(v) {
			return true
		}
	}
	return false
}
