package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/vektah/gqlparser/v2/ast"

	"csakg/graph"
	"csakg/internal/neo4jtest"
	"csakg/obs"
	"csakg/store"
)

// everyField returns a selection of every field of object type typ, with
// connections, edges and the entities under them down to depth levels.
func everyField(s *ast.Schema, typ string, depth int) string {
	def := s.Types[typ]
	var b strings.Builder
	b.WriteString("__typename")
	for _, f := range def.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		t := s.Types[f.Type.Name()]
		switch {
		case t.Kind == ast.Scalar || t.Kind == ast.Enum:
			b.WriteString(" " + f.Name)
		case strings.HasSuffix(t.Name, "Connection"):
			if depth == 0 {
				continue
			}
			b.WriteString(fmt.Sprintf(" %s(first: 2) { %s }", f.Name, everyField(s, t.Name, depth-1)))
		case t.Kind == ast.Interface: // Entity under an edge
			b.WriteString(" " + f.Name + " { __typename id name type ... on Event { date } }")
		default:
			b.WriteString(fmt.Sprintf(" %s { %s }", f.Name, everyField(s, t.Name, depth)))
		}
	}
	return b.String()
}

// TestDirectMatchesExecutor sends the same requests to a handler with the
// direct writer and to one that always uses gqlgen's executor, and checks
// the responses are byte for byte the same, errors included, and that the
// requests the writer should answer were answered by it.
func TestDirectMatchesExecutor(t *testing.T) {
	st := neo4jtest.Empty(t)
	if _, err := st.Load(context.Background(), factWorld()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	m := obs.NewMetrics()
	// Limits high enough for the requests that ask for every field.
	// Neo4j plans the every-field Cypher for seconds the first time on a
	// loaded machine: the time limit is generous.
	opt := graph.Options{Limits: graph.RequestLimits{Timeout: time.Minute, MaxFields: 100000, MaxCost: 1 << 30}}
	direct := graph.NewHandler(&graph.Resolver{Store: st}, log, graph.Options{Limits: opt.Limits, Metrics: m})
	opt.ExecutorOnly = true
	executor := graph.NewHandler(&graph.Resolver{Store: st}, log, opt)
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()

	type req struct {
		name   string
		query  string
		vars   map[string]any
		direct bool // answered by the writer, not the executor
		fails  bool // answered with an error
	}
	var reqs []req
	ids := map[string]string{
		"Organization": "org:acme", "WorkingGroup": "wg:rocket", "Person": "person:road", "Document": "doc:rocket-paper",
		"Project": "", "Standard": "std:rocket-standard", "Event": "event:rocket-meeting-2021-02-12", "Topic": "topic:propulsion",
	}
	for typ, id := range ids {
		if id == "" {
			continue // the world has no project
		}
		reqs = append(reqs, req{"every field of " + typ,
			fmt.Sprintf(`{ node(id: %q) { id ... on %s { %s } } }`, id, typ, everyField(schema, typ, 2)), nil, true, false})
	}
	reqs = append(reqs,
		req{"root lists, every field", fmt.Sprintf(`{ __typename
			organizations { %s } workingGroups(first: 2) { %s } people(orderBy: NAME_DESC) { %s }
			documents(orderBy: DATE_DESC) { %s } events { %s } standards { %s } topics { %s } projects { totalCount edges { cursor } } }`,
			everyField(schema, "OrganizationConnection", 1), everyField(schema, "WorkingGroupConnection", 1),
			everyField(schema, "PersonConnection", 1), everyField(schema, "DocumentConnection", 1),
			everyField(schema, "EventConnection", 1), everyField(schema, "StandardConnection", 1),
			everyField(schema, "TopicConnection", 1)), nil, true, false},
		req{"filters and a cursor from a variable",
			`query($w: WorkingGroupWhere, $a: String) { workingGroups(where: $w, first: 1, after: $a) {
				totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } } } }`,
			map[string]any{"w": map[string]any{"nameContains": "anvil", "relatedTo": "org:acme"}, "a": "WyJBbnZpbCBTdWIgV29ya2luZyBHcm91cCIsIndnOmFudmlsLXN1YiJd"}, true, false},
		req{"relationship filters", `query($w: WorkingGroupWhere) { workingGroups(where: $w) { totalCount edges { node { id } } }
			people(where: {workingGroups: {some: {members: {count: {gte: 2}}}}, contributions: {none: {kind: "guidance"}}}) { totalCount edges { node { id } } } }`,
			map[string]any{"w": map[string]any{"members": map[string]any{"some": map[string]any{"nameContains": "road"}}, "events": map[string]any{"count": map[string]any{"gte": 1}}}}, true, false},
		req{"nested filters", `query($w: PersonWhere) { node(id: "org:acme") { ... on Organization {
			workingGroups(where: {members: {some: {nameContains: "wile"}}}) { totalCount edges { node { id members(where: $w) { totalCount edges { role node { id } } } } } } } } }`,
			map[string]any{"w": map[string]any{"nameStartsWith": "w"}}, true, false},
		req{"dates", `{ documents(where: {dateFrom: "2021-03", dateTo: "2021"}) { edges { node { name ... on Document { date } } } }
			events(where: {kind: "meeting"}, orderBy: DATE_DESC) { edges { node { name date } } } }`, nil, true, false},
		req{"aliases, fragments and skip", `query($no: Boolean!) { a: node(id: "wg:rocket") { ...wg n: name }
			b: node(id: "person:road") { ... on Person { x: workingGroups(first: 1) { edges { node { id } } } y: workingGroups { totalCount } } }
			c: node(id: "wg:anvil") @skip(if: $no) { id } }
			fragment wg on WorkingGroup { members(first: 1) { edges { role node { name } } } m2: members @include(if: $no) { totalCount } }`,
			map[string]any{"no": true}, true, false},
		req{"relationships by type and direction, and mentions",
			`{ node(id: "person:road") { relationships(types: [MEMBER_OF, CONTRIBUTED_TO], direction: OUT, first: 3) {
				totalCount pageInfo { endCursor hasNextPage } edges { type direction role node { __typename id ... on Document { date } } } }
				mentions { totalCount edges { cursor node { source line excerpt } } } } }`, nil, true, false},
		req{"a fact of several lines and sections", `query($n: Int) { node(id: "person:road") { ... on Person {
			contributions { edges { weight section sections evidence { source line excerpt rule } e1: evidence(first: 1) { line } e2: evidence(first: $n) { line } } }
			relationships(types: [CONTRIBUTED_TO]) { edges { sections evidence(first: 2) { source line } } } } } }`, map[string]any{"n": 2}, true, false},
		req{"evidence, first too large", `{ node(id: "person:road") { ... on Person { contributions { edges { evidence(first: 101) { line } } } } } }`, nil, false, true},
		req{"an unknown id", `{ node(id: "wg:none") { id } }`, nil, true, true},
		req{"an unknown id among known ones", `{ a: node(id: "wg:rocket") { id } b: node(id: "wg:none") { id } c: node(id: "org:acme") { name } }`, nil, true, true},
		req{"nodes", fmt.Sprintf(`{ nodes(ids: ["wg:rocket", "wg:none", "person:road"]) { __typename id ... on WorkingGroup { %s } } }`,
			everyField(schema, "WorkingGroup", 1)), nil, true, false},
		req{"nodes of one id, not a list", `query($i: [ID!]!) { nodes(ids: $i) { id } }`, map[string]any{"i": "wg:rocket"}, true, false},
		req{"a page too large", `{ workingGroups(first: 1000) { totalCount } }`, nil, false, true},
		req{"a nested page too large", `{ node(id: "wg:rocket") { ... on WorkingGroup { members(first: 101) { totalCount } } } }`, nil, false, true},
		req{"a bad cursor", `{ people(after: "nope") { totalCount } }`, nil, false, true},
		req{"a bad date", `{ events(where: {dateFrom: "June"}) { totalCount } }`, nil, false, true},
		// The schema's default applies to a null as to an argument not given,
		// on both paths.
		req{"an explicit null order", `{ events(orderBy: null) { edges { node { name } } } }`, nil, true, false},
		req{"search", `{ search(text: "rocket", types: [WORKING_GROUP, DOCUMENT], first: 5) { __typename score snippet
			entity { __typename id name type ... on WorkingGroup { members { totalCount edges { role node { name } } } } } } }`, nil, true, false},
		req{"search for one type", `{ search(text: "road", types: PERSON) { score } }`, nil, true, false},
		req{"paths", `{ paths(from: "person:coyote", to: "org:globex", maxHops: 5, first: 3) { __typename length
			nodes { id name ... on Person { email } } hops { type direction role from { id } to { id type } evidence { source line excerpt } } } }`, nil, true, false},
		req{"paths, bad hops", `{ paths(from: "person:coyote", to: "org:globex", maxHops: 9) { length } }`, nil, true, true},
		req{"collaborators", `{ collaborators(of: "wg:rocket", first: 3) { __typename score direct shared { type count }
			entity { id name } via { __typename id ... on Person { title } } } }`, nil, true, false},
		req{"timeline", `query($e: ID) { timeline(entity: $e, from: "2021", to: "2021-02", first: 1) { totalCount
			pageInfo { hasNextPage endCursor } edges { cursor date node { id name type } } } }`, map[string]any{"e": "wg:rocket"}, true, false},
		req{"timeline of some relationships", `{ timeline(entity: "person:road", types: [ATTENDED, CONTRIBUTED_TO], from: "2021-02") { totalCount
			edges { date node { id ... on Event { location } } } } }`, nil, true, false},
		req{"timeline, one type not in a list", `query($t: [RelationshipType!]) { timeline(entity: "wg:rocket", types: $t) { edges { node { id } } } }`,
			map[string]any{"t": "HELD"}, true, false},
		req{"timeline, types without an entity", `{ timeline(types: [HELD]) { totalCount } }`, nil, true, true},
		req{"collaborators in a period", `{ collaborators(of: "person:road", from: "2021-02", to: "2021-02-28") { score direct shared { type count }
			entity { id } via { id name } } }`, nil, true, false},
		req{"collaborators, period upside down", `{ collaborators(of: "person:road", from: "2022", to: "2021") { score } }`, nil, true, true},
		req{"common", fmt.Sprintf(`{ common(a: "person:wile", b: "person:road", types: [DOCUMENT, EVENT, WORKING_GROUP], first: 5) { __typename
			entity { __typename id name type ... on Document { date kind } ... on WorkingGroup { %s } }
			a { __typename type direction role evidence { __typename source line excerpt rule } } b { type direction role evidence { line } } } }`,
			everyField(schema, "WorkingGroup", 1)), nil, true, false},
		req{"common of an unknown id", `{ common(a: "person:wile", b: "person:nobody") { entity { id } } }`, nil, true, true},
		req{"timeline, bad date", `{ timeline(from: "2021-13") { totalCount } }`, nil, false, true},
		req{"stats go to the executor", `{ stats { entities } }`, nil, false, false},
		req{"mixed roots go to the executor", `{ node(id: "wg:rocket") { id } stats { entities } }`, nil, false, false},
	)

	nonEmpty := map[string]string{
		"search":                               `"snippet":"`,
		"a fact of several lines and sections": `"sections":["2","1"],"evidence":[{"source":"other.txt","line":4,"excerpt":"Road wrote section 1","rule":"r2"},`,
		"common":                               `"a":[{"__typename":"Link","type":"CONTRIBUTED_TO","direction":"OUT","role":"author","evidence":[{"__typename":"Evidence","source":"world.txt"`,
		"collaborators in a period":            `"shared":[{"type":`,
		"timeline of some relationships":       `"edges":[{"date":`,
		"timeline, one type not in a list":     `"edges":[{"node":{"id":"event:rocket-meeting-2021-02-12"}}]`,
		"an unknown id among known ones":       `"b":null`,
		"nodes":                                `null,{"__typename":"Person"`,
		"search for one type":                  `"score":`,
		"paths":                                `"evidence":{"source":"world.txt"`,
		"collaborators":                        `"shared":[{"type":`,
		"timeline":                             `"edges":[{"cursor":`,
		"dates":                                `"date":"2021-03-05"`,
		"relationship filters":                 `"totalCount":2,"edges":[{"node":{"id":"wg:anvil"}}`,
		"nested filters":                       `{"totalCount":1,"edges":[{"node":{"id":"wg:rocket","members":{"totalCount":1,"edges":[{"role":"chair","node":{"id":"person:wile"}}]}}}]}`,
		"aliases, fragments and skip":          `"x":{"edges":[{"node":{"id":`,
		"relationships by type and direction, and mentions": `"type":"CONTRIBUTED_TO","direction":"OUT"`,
		"filters and a cursor from a variable":              `"hasPreviousPage":true`,
	}
	post := func(h http.Handler, r req) []byte {
		body, _ := json.Marshal(map[string]any{"query": r.query, "variables": r.vars})
		rec := httptest.NewRecorder()
		hr := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		hr.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, hr)
		return rec.Body.Bytes()
	}
	for _, r := range reqs {
		t.Run(r.name, func(t *testing.T) {
			before := testutil.ToFloat64(m.Answers.WithLabelValues("direct"))
			got := post(direct, r)
			answered := testutil.ToFloat64(m.Answers.WithLabelValues("direct")) - before
			want := post(executor, r)
			if !bytes.Equal(got, want) {
				t.Fatalf("direct and executor differ\ndirect:   %s\nexecutor: %s", got, want)
			}
			if answered != map[bool]float64{true: 1, false: 0}[r.direct] {
				t.Errorf("answered directly %v times, want direct=%v", answered, r.direct)
			}
			if failed := bytes.Contains(got, []byte(`"errors"`)); failed != r.fails || len(got) < 20 {
				t.Errorf("answer %s, want an error: %v", got, r.fails)
			}
			// Answers that are equal because both are empty prove little.
			if want, ok := nonEmpty[r.name]; ok && !bytes.Contains(got, []byte(want)) {
				t.Errorf("answer %s lacks %s", got, want)
			}
		})
	}
	if !slices.ContainsFunc(reqs, func(r req) bool { return r.direct }) {
		t.Fatal("no request for the writer")
	}
}

// TestReadsOnlyWhatIsAsked checks the compiled Cypher asks Neo4j for the
// cursors and facts of edges only when the request wants them.
func TestReadsOnlyWhatIsAsked(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	tests := []struct {
		query        string
		want, absent []string
	}{
		{`{ node(id: "wg:rocket") { ... on WorkingGroup { members { edges { node { name } } } } } }`,
			nil, []string{"cursor:", "facts:", "excerpt"}},
		{`{ node(id: "wg:rocket") { ... on WorkingGroup { members { edges { role node { name } } } } } }`,
			[]string{"facts: {role:"}, []string{"cursor:", "excerpt"}},
		{`{ node(id: "wg:rocket") { ... on WorkingGroup { members { pageInfo { endCursor } edges { evidence { line } } } } } }`,
			[]string{"cursor:", "excerpt"}, []string{"role:"}},
		{`{ node(id: "wg:rocket") { relationships { edges { cursor type } } } }`,
			[]string{"cursor:"}, []string{"facts:"}},
		// Only people are members, by the graph model: no label check, so
		// Neo4j counts from the degree. Organizations and working groups
		// are both PART_OF an organization: the label is checked.
		{`{ node(id: "wg:rocket") { ... on WorkingGroup { members { totalCount } } } }`,
			[]string{"]-(m"}, []string{":Person"}},
		{`{ node(id: "org:acme") { ... on Organization { workingGroups { totalCount } } } }`,
			[]string{":WorkingGroup)"}, nil},
		// A count costs a count: no edge list is built, nothing sorted.
		{`{ node(id: "wg:rocket") { ... on WorkingGroup { members { totalCount } events { totalCount } } } }`,
			[]string{"totalCount: COUNT {"}, []string{"ORDER BY", "COLLECT", "LIMIT"}},
		{`{ node(id: "person:road") { relationships { totalCount } mentions { totalCount } } }`,
			[]string{"totalCount: COUNT {"}, []string{"ORDER BY", "COLLECT"}},
		{`{ workingGroups(where: {nameContains: "rocket"}) { totalCount } }`,
			[]string{"COUNT {"}, []string{"ORDER BY", "COLLECT"}},
		// Edges asked for under one fragment and not the other: edges.
		{`{ node(id: "wg:rocket") { ... on WorkingGroup { members { totalCount } } ... on WorkingGroup { members { edges { node { id } } } } } }`,
			[]string{"ORDER BY", "COLLECT"}, nil},
		// pageInfo needs the page.
		{`{ node(id: "wg:rocket") { ... on WorkingGroup { members { totalCount pageInfo { hasNextPage } } } } }`,
			[]string{"ORDER BY", "COLLECT"}, nil},
	}
	for _, tt := range tests {
		var sent []string
		a.st.OnQuery(func(q store.QueryInfo) { sent = append(sent, q.Cypher) })
		var out map[string]any
		a.query(tt.query, &out)
		a.st.OnQuery(nil)
		if len(sent) != 1 {
			t.Fatalf("%s: %d queries", tt.query, len(sent))
		}
		for _, w := range tt.want {
			if !strings.Contains(sent[0], w) {
				t.Errorf("%s: Cypher lacks %q:\n%s", tt.query, w, sent[0])
			}
		}
		for _, w := range tt.absent {
			if strings.Contains(sent[0], w) {
				t.Errorf("%s: Cypher has %q:\n%s", tt.query, w, sent[0])
			}
		}
	}
}
