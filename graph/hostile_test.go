package graph_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

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
	a := newAPI(t, newWorld(), graph.Options{Limits: graph.RequestLimits{MaxBodyBytes: 1 << 20}})

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

// doublingFragments is a query whose fragments each spread the next one
// twice, n deep: 2^(n-1) fields once expanded, in a text of a few hundred
// bytes. tail goes into the last fragment.
func doublingFragments(n int, tail string) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range n - 1 {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename %s }\n", n-1, tail)
	return b.String()
}

// TestRefusedBeforeValidation sends documents whose validation, or a limit
// check that follows every spread, would take seconds of CPU: they are
// refused by the field limit, and before validation, which is why a
// document that also has an unknown field gets COMPLEXITY_LIMIT, not
// GRAPHQL_VALIDATION_FAILED. graph.TestMeasureIsLinear checks that the
// check visits each selection once; BenchmarkRefuse measures the CPU.
func TestRefusedBeforeValidation(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{Limits: graph.RequestLimits{MaxBodyBytes: 1 << 20}})
	repeated := strings.Repeat("__typename ", 14000)
	tests := []struct{ name, query string }{
		{"fragments spread twice, 30 deep", doublingFragments(30, "")},
		{"fragments spread twice, 30 deep, an unknown field", doublingFragments(30, "noSuchField")},
		{"__typename 14,000 times", "{ " + repeated + "}"},
		{"__typename 14,000 times, an unknown field", "{ noSuchField " + repeated + "}"},
		{"an unused fragment of 14,000 fields", "{ __typename } fragment U on Query { " + repeated + "}"},
		{"__typename 33 times", "{ " + strings.Repeat("__typename ", graph.DefaultLimits.MaxRepeats+1) + "}"},
		{"__typename 33 times through a fragment", "{ ...F ...F ...F } fragment F on Query { " + strings.Repeat("__typename ", 11) + "}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := a.st.Queries()
			if status, code := a.rawPost(queryBody(tt.query, nil)); code != "COMPLEXITY_LIMIT" {
				t.Errorf("status %d, code %q, want COMPLEXITY_LIMIT", status, code)
			}
			if a.st.Queries() != before {
				t.Error("a refused request reached Neo4j")
			}
		})
	}
}

// errorOf posts body with the content type and returns the status and the
// first error.
func (a *api) errorOf(req *http.Request) (int, string, string) {
	a.t.Helper()
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	var resp struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		a.t.Fatalf("status %d, not JSON: %v\n%s", rec.Code, err, rec.Body.String())
	}
	if len(resp.Errors) == 0 {
		return rec.Code, "", string(resp.Data)
	}
	c, _ := resp.Errors[0].Extensions["code"].(string)
	return rec.Code, c, resp.Errors[0].Message
}

// TestRequestEdges covers what reaches the endpoint malformed: each gets its
// status and a coded error, with a message that says what is wrong.
func TestRequestEdges(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{Limits: graph.RequestLimits{MaxBodyBytes: 1 << 10}})
	post := func(contentType string, body io.Reader) *http.Request {
		req := httptest.NewRequest(http.MethodPost, "/graphql", body)
		req.Header.Set("Content-Type", contentType)
		return req
	}
	chunked := post("application/json", strings.NewReader(queryBody(`{ stats { entities } }`+strings.Repeat(" ", 2000), nil)))
	chunked.ContentLength = -1 // as a chunked request arrives
	varQuery := `query($n: Int) { people(first: $n) { totalCount } }`
	tests := []struct {
		name    string
		req     *http.Request
		status  int
		code    string
		message string // a part of it
	}{
		{"chunked body over the limit", chunked, http.StatusRequestEntityTooLarge, "BAD_USER_INPUT", "larger than 1024 bytes"},
		{"not JSON", post("text/plain", strings.NewReader(`{ stats { entities } }`)), http.StatusUnsupportedMediaType, "BAD_USER_INPUT", `not "text/plain"`},
		{"form", post("application/x-www-form-urlencoded", strings.NewReader(`query=x`)), http.StatusUnsupportedMediaType, "BAD_USER_INPUT", "must be JSON"},
		{"PUT", httptest.NewRequest(http.MethodPut, "/graphql", nil), http.StatusMethodNotAllowed, "BAD_USER_INPUT", "use GET or POST"},
		{`"10" as an Int`, post("application/json", strings.NewReader(queryBody(varQuery, map[string]any{"n": "10"}))),
			http.StatusUnprocessableEntity, "GRAPHQL_VALIDATION_FAILED", `variable $n: "10" is a string, not an Int`},
		{"1.5 as an Int", post("application/json", strings.NewReader(queryBody(varQuery, map[string]any{"n": 1.5}))),
			http.StatusUnprocessableEntity, "GRAPHQL_VALIDATION_FAILED", "variable $n: 1.5 is not an Int: an Int is a whole number"},
		{"2^31 as an Int", post("application/json", strings.NewReader(queryBody(varQuery, map[string]any{"n": 1 << 31}))),
			http.StatusUnprocessableEntity, "GRAPHQL_VALIDATION_FAILED", "variable $n: 2147483648 is not an Int"},
		{"10 as an Int", post("application/json", strings.NewReader(queryBody(varQuery, map[string]any{"n": 10}))), http.StatusOK, "", `"totalCount":3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, code, msg := a.errorOf(tt.req)
			if status != tt.status || code != tt.code || !strings.Contains(msg, tt.message) {
				t.Errorf("status %d, code %q, message %q; want %d, %q, %q", status, code, msg, tt.status, tt.code, tt.message)
			}
		})
	}
}

// TestSlowBodyShowsNoAddresses sends the headers of a request and half its
// body, then stops: the server's read times out, and the answer says so
// without the socket addresses in the read error.
func TestSlowBodyShowsNoAddresses(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{Limits: graph.RequestLimits{MaxBodyBytes: 1 << 20}})
	srv := httptest.NewUnstartedServer(a.h)
	srv.Config.ReadTimeout = 300 * time.Millisecond
	srv.Start()
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"query":"{ stats { entities } }"}`
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:10])
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	host, _, _ := net.SplitHostPort(srv.Listener.Addr().String())
	if resp.StatusCode != http.StatusRequestTimeout || !bytes.Contains(got, []byte(`"code":"BAD_USER_INPUT"`)) || bytes.Contains(got, []byte(host)) {
		t.Errorf("status %d, body %s; want 408, a coded error, no address", resp.StatusCode, got)
	}
}

// TestGoneClientStopsWork cancels a request before it is parsed, as when
// the client hangs up: nothing is parsed, validated or sent to Neo4j.
func TestGoneClientStopsWork(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", strings.NewReader(queryBody(`{ stats { entities } }`, nil)))
	req.Header.Set("Content-Type", "application/json")
	before := a.st.Queries()
	if status, code, msg := a.errorOf(req); code != "TIMEOUT" {
		t.Errorf("status %d, code %q (%s), want TIMEOUT", status, code, msg)
	}
	if a.st.Queries() != before {
		t.Error("a cancelled request reached Neo4j")
	}
}
