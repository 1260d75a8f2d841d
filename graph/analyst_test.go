package graph_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"csakg/graph"
	"csakg/loader"
)

// partial runs q through gqlgen's client and returns the data as JSON and
// the codes of the errors, in order; unlike api.query it does not fail on
// errors, which a partial answer has.
func (a *api) partial(q string, vars ...map[string]any) (data string, codes []string) {
	a.t.Helper()
	var opts []client.Option
	for _, v := range vars {
		for k, x := range v {
			opts = append(opts, client.Var(k, x))
		}
	}
	var out any
	err := a.c.Post(q, &out, opts...)
	var raw client.RawJsonError
	switch {
	case errors.As(err, &raw):
		var errs []struct{ Extensions map[string]any }
		if jerr := json.Unmarshal(raw.RawMessage, &errs); jerr != nil {
			a.t.Fatalf("errors %s: %v", raw.RawMessage, jerr)
		}
		for _, e := range errs {
			c, _ := e.Extensions["code"].(string)
			codes = append(codes, c)
		}
	case err != nil:
		a.t.Fatalf("query failed: %v\n%s", err, q)
	}
	b, _ := json.Marshal(out) // keys in name order
	return string(b), codes
}

func TestNodeIsNullableAndNodesKeepsOrder(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	tests := []struct {
		name, in  string
		want      string
		wantCodes string
	}{
		{"an unknown id is null, the other parts are answered",
			`{ a: node(id: "wg:rocket") { name } b: node(id: "wg:nope") { name } c: node(id: "org:acme") { id } }`,
			`{"a":{"name":"Rocket Working Group"},"b":null,"c":{"id":"org:acme"}}`, "NOT_FOUND"},
		{"a known id has no error",
			`{ node(id: "person:road") { id } }`, `{"node":{"id":"person:road"}}`, ""},
		{"nodes keeps the order of ids, null for unknown ones, no error",
			`{ nodes(ids: ["person:wile", "wg:nope", "org:acme", "person:wile"]) { id ... on Organization { acronym } } }`,
			`{"nodes":[{"id":"person:wile"},null,{"acronym":"AA","id":"org:acme"},{"id":"person:wile"}]}`, ""},
		{"nodes of no ids",
			`{ nodes(ids: []) { id } }`, `{"nodes":[]}`, ""},
		{"nodes with nested fields",
			`{ nodes(ids: ["wg:anvil"]) { ... on WorkingGroup { members { totalCount } } } }`,
			`{"nodes":[{"members":{"totalCount":2}}]}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := a.st.Queries()
			data, codes := a.partial(tt.in)
			if data != tt.want {
				t.Errorf("data = %s\nwant   %s", data, tt.want)
			}
			if got := strings.Join(codes, ","); got != tt.wantCodes {
				t.Errorf("error codes = %q, want %q", got, tt.wantCodes)
			}
			if strings.HasPrefix(tt.in, "{ nodes") && !strings.Contains(tt.in, "[]") {
				if n := a.st.Queries() - before; n != 1 {
					t.Errorf("%d queries, want 1", n)
				}
			}
		})
	}
}

func TestNodesLimitIsCheckedFirst(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	ids := make([]string, graph.MaxIDs+1)
	for i := range ids {
		ids[i] = fmt.Sprintf("%q", fmt.Sprintf("person:p%d", i))
	}
	before := a.st.Queries()
	code, msg := a.errorCode(`{ nodes(ids: [` + strings.Join(ids, ",") + `]) { id } }`)
	if code != "BAD_USER_INPUT" || !strings.Contains(msg, fmt.Sprint(graph.MaxIDs)) {
		t.Errorf("code %q (%s), want BAD_USER_INPUT naming the limit", code, msg)
	}
	if n := a.st.Queries() - before; n != 0 {
		t.Errorf("%d queries sent for a refused request", n)
	}
}

func TestTextFiltersIgnoreCaseAndWidth(t *testing.T) {
	g := newWorld()
	g.Nodes = append(g.Nodes, loader.Node{Label: "Event", ID: "event:kansai-2021-04-01", Name: "関西分科会ミーティング",
		Props:    map[string]any{"date": "2021-04-01", "kind": "ミーティング"},
		Mentions: []loader.Evidence{{Source: "world.txt", Line: 90, Excerpt: "関西分科会ミーティング"}}})
	a := newAPI(t, g, graph.Options{})
	tests := []struct {
		in   string
		want string // names found, in order
	}{
		{`workingGroups(where: {region: "emea"})`, "Rocket Working Group"},
		{`workingGroups(where: {region: "ＥＭＥＡ"})`, "Rocket Working Group"},
		{`workingGroups(where: {region: "Emea", nameStartsWith: "ｒｏｃｋ"})`, "Rocket Working Group"},
		{`events(where: {kind: "Meeting"})`, "Rocket Meeting|Anvil Meeting"},
		{`events(where: {kind: "MEETING"})`, "Rocket Meeting|Anvil Meeting"},
		{`events(where: {kind: "ﾐｰﾃｨﾝｸﾞ"})`, "関西分科会ミーティング"},
		{`events(where: {nameContains: "ﾐｰﾃｨﾝｸﾞ"})`, "関西分科会ミーティング"},
		{`organizations(where: {kind: "Alliance"})`, "Acme Alliance"},
		{`documents(where: {kind: "WhitePaper"})`, "Rocket Paper"},
		{`people(where: {nameContains: "ＲＯＡＤ"})`, "Road Runner"},
		{`workingGroups(where: {region: "apac"})`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var resp map[string]struct {
				Edges []struct{ Node named }
			}
			a.query(`{ list: `+tt.in+` { edges { node { name } } } }`, &resp)
			got := strings.Join(names(resp["list"].Edges, func(e struct{ Node named }) string { return e.Node.Name }), "|")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
