package graph_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"csakg/graph"
	"csakg/loader"
)

// TestTransportMatchesGQLGen posts the same requests to csakg's POST
// transport, which writes the response once, and to gqlgen's: answers,
// errors, status codes and content types are the same. Only the messages
// of a body that is not a GraphQL request in JSON are csakg's own.
func TestTransportMatchesGQLGen(t *testing.T) {
	g := newWorld()
	g.Nodes = append(g.Nodes, loader.Node{Label: "Topic", ID: "topic:rnd", Name: `R&D <"Lab">`,
		Mentions: []loader.Evidence{{Source: "world.txt", Line: 190, Excerpt: "R&D"}}})
	a := newAPI(t, g, graph.Options{})
	opt := graph.Options{Limits: graph.RequestLimits{Timeout: 10 * time.Second}, GQLGenPOST: true}
	theirs := graph.NewHandler(&graph.Resolver{Store: a.st}, slog.New(slog.NewTextHandler(io.Discard, nil)), opt)
	unknownHash := `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + strings.Repeat("ab", 32) + `"}}}`
	tests := []struct {
		name, body, accept string
		ownMessage         bool // the message is csakg's
	}{
		{"an answer", `{"query": "{ node(id: \"wg:rocket\") { id name ... on WorkingGroup { members(first: 5) { totalCount edges { role node { name } } } } } }"}`, "", false},
		{"text to escape", `{"query": "{ node(id: \"topic:rnd\") { name } }"}`, "", false},
		{"no such entity", `{"query": "{ node(id: \"nope\") { id } }"}`, "", false},
		{"the executor's answer", `{"query": "{ stats { entities } }"}`, "", false},
		{"a syntax error", `{"query": "{ node("}`, "", false},
		{"a syntax error, GraphQL's type", `{"query": "{ node("}`, "application/graphql-response+json", false},
		{"anything accepted", `{"query": "{ nope }"}`, "*/*", false},
		{"another type accepted", `{"query": "{ __typename }"}`, "text/html", false},
		{"a variable of the wrong type", `{"query": "query($n: Int) { workingGroups(first: $n) { totalCount } }", "variables": {"n": "10"}}`, "", false},
		{"a bad argument", `{"query": "{ workingGroups(first: -1) { totalCount } }"}`, "", false},
		{"two operations, none named", `{"query": "query A { __typename } query B { __typename }"}`, "", false},
		{"introspection", `{"query": "{ __schema { types { name } } }"}`, "", false},
		{"a persisted query not known", unknownHash, "", false},
		{"not JSON", `{"query": `, "", true},
		{"not an object", `[1]`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ours, theirs := postAccepting(a.h, tt.body, tt.accept), postAccepting(theirs, tt.body, tt.accept)
			if ours.Code != theirs.Code || ours.Header().Get("Content-Type") != theirs.Header().Get("Content-Type") {
				t.Errorf("status %d, %q; gqlgen's %d, %q", ours.Code, ours.Header().Get("Content-Type"), theirs.Code, theirs.Header().Get("Content-Type"))
			}
			var o, g map[string]any
			if err := json.Unmarshal(ours.Body.Bytes(), &o); err != nil {
				t.Fatalf("%v: %s", err, ours.Body)
			}
			if err := json.Unmarshal(theirs.Body.Bytes(), &g); err != nil {
				t.Fatalf("gqlgen's: %v: %s", err, theirs.Body)
			}
			if tt.ownMessage {
				o, g = withoutMessages(o), withoutMessages(g)
			}
			if !reflect.DeepEqual(o, g) {
				t.Errorf("answers differ:\n%s\ngqlgen's:\n%s", ours.Body, theirs.Body)
			}
		})
	}
}

// postAccepting sends body to h as a JSON POST that accepts accept.
func postAccepting(h http.Handler, body, accept string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// withoutMessages drops the messages of an answer's errors.
func withoutMessages(answer map[string]any) map[string]any {
	errs, _ := answer["errors"].([]any)
	for _, e := range errs {
		delete(e.(map[string]any), "message")
	}
	return answer
}

// TestTransportThroughClient reads an answer with text to escape and an
// error with its extensions through gqlgen's client, as every other test
// of the package does.
func TestTransportThroughClient(t *testing.T) {
	g := newWorld()
	g.Nodes = append(g.Nodes, loader.Node{Label: "Topic", ID: "topic:rnd", Name: `R&D <"Lab">`,
		Mentions: []loader.Evidence{{Source: "world.txt", Line: 190, Excerpt: "R&D"}}})
	a := newAPI(t, g, graph.Options{})
	var out struct{ Node struct{ Name string } }
	a.query(`{ node(id: "topic:rnd") { name } }`, &out)
	if out.Node.Name != `R&D <"Lab">` {
		t.Errorf("name %q", out.Node.Name)
	}
	raw, err := a.c.RawPost(`{ workingGroups(first: -1) { totalCount } }`)
	if err != nil {
		t.Fatal(err)
	}
	var errs []struct{ Extensions map[string]any }
	if err := json.Unmarshal(raw.Errors, &errs); err != nil || len(errs) != 1 {
		t.Fatalf("errors %s (%v)", raw.Errors, err)
	}
	if code := errs[0].Extensions["code"]; code != graph.CodeBadUserInput {
		t.Errorf("code %v, want %s", code, graph.CodeBadUserInput)
	}
}
