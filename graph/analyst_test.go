package graph_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"csakg/graph"
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
