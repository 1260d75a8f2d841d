package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"csakg/graph"
)

// rawPost sends body as it is and returns the status and the first error's
// code.
func (a *api) rawPost(body string) (int, string) {
	a.t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	var resp struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	json.Unmarshal(rec.Body.Bytes(), &resp)
	if len(resp.Errors) == 0 {
		return rec.Code, ""
	}
	c, _ := resp.Errors[0].Extensions["code"].(string)
	if c == "" {
		c = "no code: " + resp.Errors[0].Message
	}
	return rec.Code, c
}

func queryBody(q string, vars map[string]any) string {
	b, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	return string(b)
}

func TestHostileInput(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{MaxBodyBytes: 1 << 20})

	nested50 := "name"
	for range 25 { // 2 levels each
		nested50 = "parentGroups { edges { node { " + nested50 + " } } }"
	}
	aliases := make([]string, 10000)
	for i := range aliases {
		aliases[i] = "a" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "_" + strings.Repeat("b", i/26%5) + ": stats { entities }"
	}
	var batch []map[string]any
	for range 1000 {
		batch = append(batch, map[string]any{"query": "{ stats { entities } }"})
	}
	batchBody, _ := json.Marshal(batch)
	deepVar := any("x")
	for range 10000 {
		deepVar = map[string]any{"x": deepVar}
	}
	deepVarBody, err := json.Marshal(map[string]any{"query": `query($t: String!) { search(text: $t) { score } }`, "variables": map[string]any{"t": deepVar}})
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		body string
		code string
	}{
		{"nested 50 deep", queryBody(`{ node(id: "wg:rocket") { ... on WorkingGroup { `+nested50+` } } }`, nil), "COMPLEXITY_LIMIT"},
		{"complexity bomb", queryBody(`{ workingGroups(first: 100) { edges { node { members(first: 100) { edges { node { workingGroups(first: 100) { edges { node { name } } } } } } } } } }`, nil), "COMPLEXITY_LIMIT"},
		{"same field aliased 10,000 times", queryBody("{ "+strings.Join(aliases, " ")+" }", nil), "GRAPHQL_PARSE_FAILED"},
		{"batch of 1,000 operations", string(batchBody), "no batching"},
		{"deeply nested variables", string(deepVarBody), "GRAPHQL_VALIDATION_FAILED"},
		{"first: 1000000", queryBody(`{ people(first: 1000000) { totalCount } }`, nil), "BAD_USER_INPUT"},
		{"malformed cursor", queryBody(`{ people(after: "%%%") { totalCount } }`, nil), "BAD_USER_INPUT"},
		{"unknown id", queryBody(`{ node(id: "person:nobody-at-all") { id } }`, nil), "NOT_FOUND"},
		{"not JSON", `{"query": `, "bad request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := a.st.Queries()
			status, code := a.rawPost(tt.body)
			switch tt.code {
			case "no batching", "bad request":
				if status != http.StatusBadRequest && status != http.StatusUnprocessableEntity {
					t.Errorf("status %d (code %q), want 400 or 422", status, code)
				}
			default:
				if code != tt.code {
					t.Errorf("status %d, code %q, want %s", status, code, tt.code)
				}
			}
			if tt.code != "NOT_FOUND" && a.st.Queries() != before {
				t.Errorf("a rejected request reached Neo4j")
			}
		})
	}
}

// TestManyAliasesUnderTheTokenLimit checks the field-count limit, for a
// query small enough to parse.
func TestManyAliasesUnderTheTokenLimit(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var b bytes.Buffer
	b.WriteString("{ stats { ")
	for i := range 2000 {
		b.WriteString("e")
		b.WriteString(strings.Repeat("e", i%3))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(string(rune('a' + i/26%26)))
		b.WriteString(": entities ")
	}
	b.WriteString("} }")
	before := a.st.Queries()
	if _, code := a.rawPost(queryBody(b.String(), nil)); code != "COMPLEXITY_LIMIT" {
		t.Errorf("2,000 aliases: code %q, want COMPLEXITY_LIMIT", code)
	}
	if a.st.Queries() != before {
		t.Error("rejected request reached Neo4j")
	}
}
