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
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"csakg/graph"
	"csakg/internal/neo4jtest"
	"csakg/loader"
	"csakg/store"
)

// world is a small invented graph whose answers can be worked out by hand:
//
//	Acme Alliance (AA) -LIAISON_WITH-> Globex Consortium
//	Rocket WG, Anvil WG -PART_OF-> Acme;  Anvil Sub WG -SUBGROUP_OF-> Anvil WG
//	Wile (chair) -> Rocket;  Road -> Rocket, Anvil;  Coyote -> Anvil
//	Rocket WG -PUBLISHED-> Rocket Paper (2021-02-01) <-CONTRIBUTED_TO- Wile (author, 1), Road (reviewer)
//	Anvil WG -PUBLISHED-> Anvil Guide (2021-03-05) <-CONTRIBUTED_TO- Road (author)
//	Rocket WG -HELD-> Rocket Meeting (2021-02-12) <-ATTENDED- Wile, Road; it DISCUSSED Rocket Paper
//	Anvil WG -HELD-> Anvil Meeting (2021-03-10) <-ATTENDED- Coyote
//	Acme, Rocket WG -MAINTAINS-> Rocket Standard -MAPS_TO-> ISO Thing;  Rocket WG -FOCUSES_ON-> Propulsion
type world struct{ g loader.Graph }

func (w *world) node(label, id, name string, props map[string]any, aliases ...string) {
	w.g.Nodes = append(w.g.Nodes, loader.Node{Label: label, ID: id, Name: name, Aliases: aliases, Props: props,
		Description: "About " + name,
		Mentions:    []loader.Evidence{{Source: "world.txt", Line: len(w.g.Nodes) + 1, Excerpt: name + " is here"}}})
}

func (w *world) edge(typ, from, to string, props map[string]any) {
	w.g.Edges = append(w.g.Edges, loader.Edge{Type: typ, From: from, To: to, Props: props,
		Evidence: loader.Evidence{Source: "world.txt", Line: 100 + len(w.g.Edges), Excerpt: from + " " + typ + " " + to}})
}

func newWorld() *loader.Graph {
	w := &world{}
	w.g.Sources = []loader.Source{{Name: "world.txt", SHA256: "w1", Lines: 200, Kind: "general"}}
	w.node("Organization", "org:acme", "Acme Alliance", map[string]any{"acronym": "AA", "kind": "alliance"}, "AA")
	w.node("Organization", "org:globex", "Globex Consortium", map[string]any{"kind": "consortium"})
	w.node("WorkingGroup", "wg:rocket", "Rocket Working Group", map[string]any{"region": "EMEA"}, "Rocket WG")
	w.node("WorkingGroup", "wg:anvil", "Anvil Working Group", nil, "Anvil WG")
	w.node("WorkingGroup", "wg:anvil-sub", "Anvil Sub Working Group", nil)
	w.node("Person", "person:wile", "Wile Coyote", map[string]any{"email": "wile@acme.example"}, "Wile")
	w.node("Person", "person:road", "Road Runner", nil, "Road")
	w.node("Person", "person:coyote", "Coyote Ugly", nil)
	w.node("Document", "doc:rocket-paper", "Rocket Paper", map[string]any{"date": "2021-02-01", "kind": "whitepaper"})
	w.node("Document", "doc:anvil-guide", "Anvil Guide", map[string]any{"date": "2021-03-05", "kind": "guidance"})
	w.node("Event", "event:rocket-meeting-2021-02-12", "Rocket Meeting", map[string]any{"date": "2021-02-12", "kind": "meeting"})
	w.node("Event", "event:anvil-meeting-2021-03-10", "Anvil Meeting", map[string]any{"date": "2021-03-10", "kind": "meeting"})
	w.node("Standard", "std:rocket-standard", "Rocket Standard", map[string]any{"acronym": "RS"})
	w.node("Standard", "std:iso-thing", "ISO Thing", nil)
	w.node("Topic", "topic:propulsion", "Propulsion", nil)

	w.edge("LIAISON_WITH", "org:acme", "org:globex", map[string]any{"status": "proposed"})
	w.edge("PART_OF", "wg:rocket", "org:acme", nil)
	w.edge("PART_OF", "wg:anvil", "org:acme", nil)
	w.edge("SUBGROUP_OF", "wg:anvil-sub", "wg:anvil", map[string]any{"since": "2021-10"})
	w.edge("MEMBER_OF", "person:wile", "wg:rocket", map[string]any{"role": "chair"})
	w.edge("MEMBER_OF", "person:road", "wg:rocket", map[string]any{"role": "member"})
	w.edge("MEMBER_OF", "person:road", "wg:anvil", map[string]any{"role": "member"})
	w.edge("MEMBER_OF", "person:coyote", "wg:anvil", map[string]any{"role": "member"})
	w.edge("PUBLISHED", "wg:rocket", "doc:rocket-paper", map[string]any{"date": "2021-02-01"})
	w.edge("PUBLISHED", "wg:anvil", "doc:anvil-guide", nil)
	w.edge("CONTRIBUTED_TO", "person:wile", "doc:rocket-paper", map[string]any{"role": "author", "section": "1"})
	w.edge("CONTRIBUTED_TO", "person:road", "doc:rocket-paper", map[string]any{"role": "reviewer"})
	w.edge("CONTRIBUTED_TO", "person:road", "doc:anvil-guide", map[string]any{"role": "author"})
	w.edge("HELD", "wg:rocket", "event:rocket-meeting-2021-02-12", nil)
	w.edge("HELD", "wg:anvil", "event:anvil-meeting-2021-03-10", nil)
	w.edge("ATTENDED", "person:wile", "event:rocket-meeting-2021-02-12", nil)
	w.edge("ATTENDED", "person:road", "event:rocket-meeting-2021-02-12", nil)
	w.edge("ATTENDED", "person:coyote", "event:anvil-meeting-2021-03-10", nil)
	w.edge("DISCUSSED", "event:rocket-meeting-2021-02-12", "doc:rocket-paper", nil)
	w.edge("MAINTAINS", "org:acme", "std:rocket-standard", nil)
	w.edge("MAINTAINS", "wg:rocket", "std:rocket-standard", nil)
	w.edge("MAPS_TO", "std:rocket-standard", "std:iso-thing", nil)
	w.edge("FOCUSES_ON", "wg:rocket", "topic:propulsion", nil)
	return &w.g
}

// api is a GraphQL client on the real Neo4j loaded with g.
type api struct {
	t  *testing.T
	st *store.Store
	h  http.Handler
	c  *client.Client
}

func newAPI(t *testing.T, g *loader.Graph, opt graph.Options) *api {
	t.Helper()
	st := neo4jtest.Empty(t)
	if _, err := st.Load(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	if opt.Limits.Timeout == 0 {
		opt.Limits.Timeout = 10 * time.Second
	}
	h := graph.NewHandler(&graph.Resolver{Store: st}, slog.New(slog.NewTextHandler(io.Discard, nil)), opt)
	return &api{t: t, st: st, h: h, c: client.New(h)}
}

// query runs q and decodes data into out; it fails the test on errors.
func (a *api) query(q string, out any, vars ...map[string]any) {
	a.t.Helper()
	var opts []client.Option
	for _, v := range vars {
		for k, x := range v {
			opts = append(opts, client.Var(k, x))
		}
	}
	if err := a.c.Post(q, out, opts...); err != nil {
		a.t.Fatalf("query failed: %v\n%s", err, q)
	}
}

// errorCode runs q and returns the code and message of its first error,
// or "" if none.
func (a *api) errorCode(q string) (code, msg string) {
	a.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, req)
	var resp struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		a.t.Fatalf("status %d, body %q: %v", w.Code, w.Body.String(), err)
	}
	if len(resp.Errors) == 0 {
		return "", ""
	}
	c, _ := resp.Errors[0].Extensions["code"].(string)
	return c, resp.Errors[0].Message
}

type named struct {
	ID   string
	Name string
	Type string
}

func names[T any](items []T, get func(T) string) []string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = get(x)
	}
	return out
}

func eq(a, b []string) bool { return strings.Join(a, "|") == strings.Join(b, "|") }

func TestNodeAndRelationshipsBothWays(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var resp struct {
		Node struct {
			ID, Name, Type string
			Aliases        []string
			Region         *string
			Members        struct {
				TotalCount int
				Edges      []struct {
					Role     *string
					Evidence []struct {
						Source string
						Line   int
					}
					Node struct {
						Name     string
						Email    *string
						Attended struct{ Edges []struct{ Node named } }
					}
				}
			}
			Organizations struct{ Edges []struct{ Node named } }
			Documents     struct {
				Edges []struct {
					Date *string
					Node struct {
						Name         string
						Contributors struct {
							Edges []struct {
								Role, Section *string
								Node          named
							}
						}
					}
				}
			}
			Topics struct{ Edges []struct{ Node named } }
		}
	}
	a.query(`{ node(id: "wg:rocket") { id name type aliases ... on WorkingGroup { region
		members { totalCount edges { role evidence { source line } node { name email attended { edges { node { name } } } } } }
		organizations { edges { node { name } } }
		documents { edges { date node { name contributors { edges { role section node { name } } } } } }
		topics { edges { node { name } } } } } }`, &resp)
	n := resp.Node
	if n.ID != "wg:rocket" || n.Name != "Rocket Working Group" || n.Type != "WORKING_GROUP" || !eq(n.Aliases, []string{"Rocket WG"}) {
		t.Errorf("node = %+v", n)
	}
	if n.Region == nil || *n.Region != "EMEA" {
		t.Errorf("region = %v, want EMEA", n.Region)
	}
	if n.Members.TotalCount != 2 || len(n.Members.Edges) != 2 {
		t.Fatalf("members = %+v, want Road and Wile", n.Members)
	}
	road, wile := n.Members.Edges[0], n.Members.Edges[1] // by name
	if road.Node.Name != "Road Runner" || wile.Node.Name != "Wile Coyote" || *wile.Role != "chair" {
		t.Errorf("members = %+v", n.Members.Edges)
	}
	if len(wile.Evidence) != 1 || wile.Evidence[0].Source != "world.txt" || wile.Evidence[0].Line == 0 || *wile.Node.Email != "wile@acme.example" {
		t.Errorf("wile's edge = %+v", wile)
	}
	if len(wile.Node.Attended.Edges) != 1 || wile.Node.Attended.Edges[0].Node.Name != "Rocket Meeting (2021-02-12)" {
		t.Errorf("wile attended %+v", wile.Node.Attended.Edges)
	}
	if len(n.Organizations.Edges) != 1 || n.Organizations.Edges[0].Node.Name != "Acme Alliance" {
		t.Errorf("organizations = %+v", n.Organizations)
	}
	docs := n.Documents.Edges
	if len(docs) != 1 || docs[0].Node.Name != "Rocket Paper" || *docs[0].Date != "2021-02-01" {
		t.Fatalf("documents = %+v", docs)
	}
	got := names(docs[0].Node.Contributors.Edges, func(e struct {
		Role, Section *string
		Node          named
	}) string {
		return fmt.Sprintf("%s/%s/%v", e.Node.Name, *e.Role, deref(e.Section))
	})
	if !eq(got, []string{"Road Runner/reviewer/", "Wile Coyote/author/1"}) {
		t.Errorf("contributors = %v", got)
	}
	if len(n.Topics.Edges) != 1 || n.Topics.Edges[0].Node.Name != "Propulsion" {
		t.Errorf("topics = %+v", n.Topics)
	}

	// The same relationships read from the other end.
	var back struct {
		Node struct {
			WorkingGroups struct {
				Edges []struct {
					Role *string
					Node named
				}
			}
			Contributions struct {
				Edges []struct {
					Role *string
					Node named
				}
			}
		}
	}
	a.query(`{ node(id: "person:road") { ... on Person { workingGroups { edges { role node { name } } } contributions { edges { role node { name } } } } } }`, &back)
	if g := names(back.Node.WorkingGroups.Edges, func(e struct {
		Role *string
		Node named
	}) string {
		return e.Node.Name + "/" + *e.Role
	}); !eq(g, []string{"Anvil Working Group/member", "Rocket Working Group/member"}) {
		t.Errorf("road's groups = %v", g)
	}
	if g := names(back.Node.Contributions.Edges, func(e struct {
		Role *string
		Node named
	}) string {
		return e.Node.Name + "/" + *e.Role
	}); !eq(g, []string{"Anvil Guide/author", "Rocket Paper/reviewer"}) {
		t.Errorf("road's contributions = %v", g)
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func TestEveryRelationshipFieldBothDirections(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	tests := []struct {
		id, field string
		want      []string
	}{
		{"org:acme", "workingGroups", []string{"Anvil Working Group", "Rocket Working Group"}},
		{"org:acme", "liaisons", []string{"Globex Consortium"}},
		{"org:globex", "liaisons", []string{"Acme Alliance"}},
		{"org:acme", "standards", []string{"Rocket Standard"}},
		{"wg:anvil", "subgroups", []string{"Anvil Sub Working Group"}},
		{"wg:anvil-sub", "parentGroups", []string{"Anvil Working Group"}},
		{"wg:anvil", "events", []string{"Anvil Meeting (2021-03-10)"}},
		{"event:rocket-meeting-2021-02-12", "heldBy", []string{"Rocket Working Group"}},
		{"event:rocket-meeting-2021-02-12", "attendees", []string{"Road Runner", "Wile Coyote"}},
		{"event:rocket-meeting-2021-02-12", "documents", []string{"Rocket Paper"}},
		{"doc:rocket-paper", "discussedAt", []string{"Rocket Meeting (2021-02-12)"}},
		{"doc:rocket-paper", "publishedBy", []string{"Rocket Working Group"}},
		{"std:rocket-standard", "maintainedBy", []string{"Acme Alliance"}},
		{"std:rocket-standard", "maintainingGroups", []string{"Rocket Working Group"}},
		{"wg:rocket", "standards", []string{"Rocket Standard"}},
		{"std:rocket-standard", "mapsTo", []string{"ISO Thing"}},
		{"std:iso-thing", "mappedFrom", []string{"Rocket Standard"}},
		{"topic:propulsion", "workingGroups", []string{"Rocket Working Group"}},
		{"person:coyote", "attended", []string{"Anvil Meeting (2021-03-10)"}},
	}
	for _, tt := range tests {
		t.Run(tt.id+"."+tt.field, func(t *testing.T) {
			var resp struct {
				Node map[string]struct {
					Edges []struct{ Node named }
				}
			}
			// A fragment on the interface's implementer is picked by type.
			q := fmt.Sprintf(`{ node(id: %q) { ...on Organization { x: %[2]s { edges { node { name } } } } } }`, tt.id, tt.field)
			typ := map[string]string{"org": "Organization", "wg": "WorkingGroup", "event": "Event", "doc": "Document",
				"std": "Standard", "topic": "Topic", "person": "Person"}[strings.SplitN(tt.id, ":", 2)[0]]
			q = strings.Replace(q, "Organization", typ, 1)
			var raw struct {
				Node struct {
					X struct{ Edges []struct{ Node named } }
				}
			}
			a.query(q, &raw)
			_ = resp
			got := names(raw.Node.X.Edges, func(e struct{ Node named }) string { return e.Node.Name })
			if !eq(got, tt.want) {
				t.Errorf("%s.%s = %v, want %v", tt.id, tt.field, got, tt.want)
			}
		})
	}
}

func TestRelationshipsAndMentions(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var resp struct {
		Node struct {
			Relationships struct {
				TotalCount int
				Edges      []struct {
					Type, Direction string
					Node            named
				}
			}
			Out      struct{ TotalCount int }
			One      struct{ TotalCount int }
			Mentions struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Source  string
						Line    int
						Excerpt string
					}
				}
			}
		}
	}
	a.query(`{ node(id: "person:road") {
		relationships(first: 10) { totalCount edges { type direction node { name } } }
		out: relationships(types: [MEMBER_OF], direction: OUT) { totalCount }
		one: relationships(types: CONTRIBUTED_TO) { totalCount }
		mentions { totalCount edges { node { source line excerpt } } } } }`, &resp)
	r := resp.Node.Relationships
	// Road: 2 MEMBER_OF, 2 CONTRIBUTED_TO, 1 ATTENDED.
	if r.TotalCount != 5 || len(r.Edges) != 5 {
		t.Fatalf("relationships = %+v", r)
	}
	if r.Edges[0].Type != "ATTENDED" || r.Edges[0].Direction != "OUT" {
		t.Errorf("first relationship = %+v, want ATTENDED OUT (sorted by type)", r.Edges[0])
	}
	if resp.Node.Out.TotalCount != 2 {
		t.Errorf("MEMBER_OF OUT = %d, want 2", resp.Node.Out.TotalCount)
	}
	// One type where a list is expected is a list of one, as GraphQL
	// coerces it.
	if resp.Node.One.TotalCount != 2 {
		t.Errorf("types: CONTRIBUTED_TO = %d, want 2", resp.Node.One.TotalCount)
	}
	m := resp.Node.Mentions
	if m.TotalCount != 1 || m.Edges[0].Node.Source != "world.txt" || m.Edges[0].Node.Excerpt != "Road Runner is here" {
		t.Errorf("mentions = %+v", m)
	}
}

type listPage struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage bool
		EndCursor   *string
	}
	Edges []struct {
		Cursor string
		Node   named
	}
}

func TestPaginationHasNoGapsOrDuplicatesAndSurvivesInserts(t *testing.T) {
	g := newWorld()
	for i := range 7 {
		g.Nodes = append(g.Nodes, loader.Node{Label: "Person", ID: fmt.Sprintf("person:p%02d", i), Name: fmt.Sprintf("Person %02d", i),
			Mentions: []loader.Evidence{{Source: "world.txt", Line: 150 + i}}})
	}
	a := newAPI(t, g, graph.Options{})
	const q = `query($after: String) { people(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`

	var seen []string
	var after any
	for page := 0; ; page++ {
		var resp struct{ People listPage }
		a.query(q, &resp, map[string]any{"after": after})
		if want := map[bool]int{true: 10, false: 11}[page == 0]; resp.People.TotalCount != want {
			t.Fatalf("page %d: totalCount = %d, want %d", page, resp.People.TotalCount, want)
		}
		for _, e := range resp.People.Edges {
			seen = append(seen, e.Node.Name)
		}
		if page == 0 {
			// A person who sorts before the cursor arrives between pages:
			// keyset cursors must not shift the next page.
			g2 := newWorld()
			g2.Nodes = append(g.Nodes, loader.Node{Label: "Person", ID: "person:aaa", Name: "Aaron Early",
				Mentions: []loader.Evidence{{Source: "extra.txt", Line: 1}}})
			g2.Sources = []loader.Source{{Name: "extra.txt", SHA256: "e", Lines: 1}}
			g2.Nodes = g2.Nodes[len(g2.Nodes)-1:]
			g2.Edges = nil
			if _, err := a.st.Load(context.Background(), g2); err != nil {
				t.Fatal(err)
			}
		}
		if !resp.People.PageInfo.HasNextPage {
			break
		}
		after = *resp.People.PageInfo.EndCursor
		if page > 10 {
			t.Fatal("pagination does not end")
		}
	}
	want := []string{"Coyote Ugly"}
	for i := range 7 {
		want = append(want, fmt.Sprintf("Person %02d", i))
	}
	want = append(want, "Road Runner", "Wile Coyote")
	if !eq(seen, want) {
		t.Errorf("pages gave %v\nwant %v", seen, want)
	}
}

func TestNestedPagination(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var p1 struct {
		Node struct{ Members listPage }
	}
	a.query(`{ node(id: "wg:rocket") { ... on WorkingGroup { members(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } } }`, &p1)
	m := p1.Node.Members
	if m.TotalCount != 2 || len(m.Edges) != 1 || !m.PageInfo.HasNextPage || m.Edges[0].Node.Name != "Road Runner" {
		t.Fatalf("first page = %+v", m)
	}
	var p2 struct {
		Node struct{ Members listPage }
	}
	a.query(`query($a: String) { node(id: "wg:rocket") { ... on WorkingGroup { members(first: 1, after: $a) { pageInfo { hasNextPage } edges { node { name } } } } } }`,
		&p2, map[string]any{"a": *m.PageInfo.EndCursor})
	if len(p2.Node.Members.Edges) != 1 || p2.Node.Members.Edges[0].Node.Name != "Wile Coyote" || p2.Node.Members.PageInfo.HasNextPage {
		t.Errorf("second page = %+v", p2.Node.Members)
	}
}

func TestFiltersAndOrder(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	tests := []struct {
		name, q string
		want    []string
	}{
		{"name contains, case-insensitive", `{ workingGroups(where: {nameContains: "ANVIL"}) { edges { node { name } } } }`,
			[]string{"Anvil Sub Working Group", "Anvil Working Group"}},
		{"alias contains", `{ organizations(where: {nameContains: "aa"}) { edges { node { name } } } }`, []string{"Acme Alliance"}},
		{"starts with", `{ people(where: {nameStartsWith: "w"}) { edges { node { name } } } }`, []string{"Wile Coyote"}},
		{"starts with: the name, not an alias", `{ workingGroups(where: {nameStartsWith: "rocket wg"}) { edges { node { name } } } }`, []string{}},
		{"starts with: not a later word", `{ people(where: {nameStartsWith: "runner"}) { edges { node { name } } } }`, []string{}},
		{"contains across name and alias", `{ workingGroups(where: {nameContains: "group\nrocket"}) { edges { node { name } } } }`, []string{}},
		{"date up to a day", `{ documents(where: {dateTo: "2021-03-05"}) { edges { node { name } } } }`, []string{"Anvil Guide", "Rocket Paper"}},
		{"date up to the day before", `{ documents(where: {dateTo: "2021-03-04"}) { edges { node { name } } } }`, []string{"Rocket Paper"}},
		{"date up to a year", `{ documents(where: {dateFrom: "2021-02-02", dateTo: "2021"}) { edges { node { name } } } }`, []string{"Anvil Guide"}},
		{"kind", `{ documents(where: {kind: "guidance"}) { edges { node { name } } } }`, []string{"Anvil Guide"}},
		{"region", `{ workingGroups(where: {region: "EMEA"}) { edges { node { name } } } }`, []string{"Rocket Working Group"}},
		{"date range by month", `{ events(where: {dateFrom: "2021-02", dateTo: "2021-02"}) { edges { node { name } } } }`, []string{"Rocket Meeting (2021-02-12)"}},
		{"date desc", `{ events(orderBy: DATE_DESC) { edges { node { name } } } }`, []string{"Anvil Meeting (2021-03-10)", "Rocket Meeting (2021-02-12)"}},
		{"name desc", `{ standards(orderBy: NAME_DESC) { edges { node { name } } } }`, []string{"Rocket Standard", "ISO Thing"}},
		{"related to", `{ people(where: {relatedTo: "wg:anvil"}) { edges { node { name } } } }`, []string{"Coyote Ugly", "Road Runner"}},
		{"documents by date", `{ documents(orderBy: DATE_ASC) { edges { node { name } } } }`, []string{"Rocket Paper", "Anvil Guide"}},
		{"topics", `{ topics { edges { node { name } } } }`, []string{"Propulsion"}},
		{"projects none", `{ projects { edges { node { name } } } }`, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp map[string]struct{ Edges []struct{ Node named } }
			a.query(tt.q, &resp)
			for _, v := range resp {
				got := names(v.Edges, func(e struct{ Node named }) string { return e.Node.Name })
				if !eq(got, tt.want) {
					t.Errorf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestSearch(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var resp struct {
		Search []struct {
			Score   float64
			Snippet string
			Entity  named
		}
	}
	a.query(`{ search(text: "rocket") { score snippet entity { id name type } } }`, &resp)
	if len(resp.Search) == 0 {
		t.Fatal("no hits for rocket")
	}
	for i, h := range resp.Search {
		if !strings.Contains(strings.ToLower(h.Snippet), "rocket") {
			t.Errorf("hit %d snippet %q lacks the match", i, h.Snippet)
		}
		if i > 0 && h.Score > resp.Search[i-1].Score {
			t.Errorf("hits not ranked: %v after %v", h.Score, resp.Search[i-1].Score)
		}
	}
	var typed struct {
		Search []struct{ Entity named }
	}
	a.query(`{ search(text: "rock", types: [DOCUMENT]) { entity { name type } } }`, &typed)
	if len(typed.Search) != 1 || typed.Search[0].Entity.Name != "Rocket Paper" {
		t.Errorf("prefix search for documents = %+v", typed.Search)
	}

	// Text with search-syntax characters is taken literally: never an error.
	for _, text := range []string{`C++ (IoT) "zero trust`, `AND`, `*`, `\`, `a:b OR NOT c~2^3`, `)))`, `/regex/`, `「ゼロトラスト」`, "   "} {
		t.Run(text, func(t *testing.T) {
			var r struct{ Search []struct{ Entity named } }
			vars := map[string]any{"t": text}
			a.query(`query($t: String!) { search(text: $t) { entity { id } } }`, &r, vars)
		})
	}
}

func TestPaths(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var resp struct {
		Paths []struct {
			Length int
			Nodes  []named
			Hops   []struct {
				Type, Direction string
				From, To        named
				Evidence        struct {
					Source  string
					Line    int
					Excerpt string
				}
			}
		}
	}
	a.query(`{ paths(from: "person:wile", to: "org:globex") { length nodes { id name }
		hops { type direction from { id } to { id } evidence { source line excerpt } } } }`, &resp)
	if len(resp.Paths) != 1 {
		t.Fatalf("paths = %+v, want one", resp.Paths)
	}
	p := resp.Paths[0]
	gotNodes := names(p.Nodes, func(n named) string { return n.ID })
	if !eq(gotNodes, []string{"person:wile", "wg:rocket", "org:acme", "org:globex"}) || p.Length != 3 {
		t.Errorf("path nodes = %v (length %d)", gotNodes, p.Length)
	}
	hops := names(p.Hops, func(h struct {
		Type, Direction string
		From, To        named
		Evidence        struct {
			Source  string
			Line    int
			Excerpt string
		}
	}) string {
		return h.From.ID + " " + h.Type + " " + h.Direction + " " + h.To.ID
	})
	if !eq(hops, []string{"person:wile MEMBER_OF OUT wg:rocket", "wg:rocket PART_OF OUT org:acme", "org:acme LIAISON_WITH OUT org:globex"}) {
		t.Errorf("hops = %v", hops)
	}
	if p.Hops[0].Evidence.Source != "world.txt" || !strings.Contains(p.Hops[0].Evidence.Excerpt, "MEMBER_OF") {
		t.Errorf("evidence = %+v", p.Hops[0].Evidence)
	}
	// Walking back: the same relationships, pointing the other way.
	var back struct {
		Paths []struct{ Hops []struct{ Direction string } }
	}
	a.query(`{ paths(from: "org:globex", to: "person:wile") { hops { direction } } }`, &back)
	if len(back.Paths) != 1 || back.Paths[0].Hops[0].Direction != "IN" {
		t.Errorf("reverse path = %+v", back.Paths)
	}
	var none struct{ Paths []struct{ Length int } }
	a.query(`{ paths(from: "person:wile", to: "org:globex", maxHops: 2) { length } }`, &none)
	if len(none.Paths) != 0 {
		t.Errorf("paths within 2 hops = %+v, want none", none.Paths)
	}
}

func TestCollaborators(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var resp struct {
		Collaborators []struct {
			Entity named
			Score  int
			Direct int
			Shared []struct {
				Type  string
				Count int
			}
			Via []named
		}
	}
	a.query(`{ collaborators(of: "wg:rocket") { entity { id } score direct shared { type count } via { id } } }`, &resp)
	// Anvil WG shares Road (a person: 2) and Acme (an organization: 1).
	if len(resp.Collaborators) != 1 {
		t.Fatalf("collaborators = %+v, want Anvil WG only", resp.Collaborators)
	}
	c := resp.Collaborators[0]
	if c.Entity.ID != "wg:anvil" || c.Score != 3 || c.Direct != 0 {
		t.Errorf("collaborator = %+v", c)
	}
	shared := map[string]int{}
	for _, s := range c.Shared {
		shared[s.Type] = s.Count
	}
	if len(shared) != 2 || shared["PERSON"] != 1 || shared["ORGANIZATION"] != 1 {
		t.Errorf("shared = %v", shared)
	}
	via := names(c.Via, func(n named) string { return n.ID })
	sort.Strings(via)
	if !eq(via, []string{"org:acme", "person:road"}) {
		t.Errorf("via = %v", via)
	}

	// People: Wile and Road share Rocket WG (1), Rocket Paper (2) and Rocket Meeting (1).
	a.query(`{ collaborators(of: "person:wile") { entity { id } score direct shared { type count } via { id } } }`, &resp)
	if len(resp.Collaborators) != 1 || resp.Collaborators[0].Entity.ID != "person:road" || resp.Collaborators[0].Score != 4 {
		t.Errorf("wile's collaborators = %+v", resp.Collaborators)
	}
}

func TestTimeline(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	type tl struct {
		Timeline struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   *string
			}
			Edges []struct {
				Date string
				Node named
			}
		}
	}
	get := func(r tl) []string {
		return names(r.Timeline.Edges, func(e struct {
			Date string
			Node named
		}) string {
			return e.Date + " " + e.Node.Name
		})
	}
	var all tl
	a.query(`{ timeline { totalCount edges { date node { name } } } }`, &all)
	if want := []string{"2021-02-01 Rocket Paper", "2021-02-12 Rocket Meeting (2021-02-12)", "2021-03-05 Anvil Guide", "2021-03-10 Anvil Meeting (2021-03-10)"}; !eq(get(all), want) || all.Timeline.TotalCount != 4 {
		t.Errorf("timeline = %v (total %d), want %v", get(all), all.Timeline.TotalCount, want)
	}
	var road tl
	a.query(`{ timeline(entity: "person:road") { totalCount edges { date node { name } } } }`, &road)
	if want := []string{"2021-02-01 Rocket Paper", "2021-02-12 Rocket Meeting (2021-02-12)", "2021-03-05 Anvil Guide"}; !eq(get(road), want) {
		t.Errorf("road's timeline = %v, want %v", get(road), want)
	}
	var march tl
	a.query(`{ timeline(from: "2021-03", to: "2021-03") { edges { date node { name } } } }`, &march)
	if want := []string{"2021-03-05 Anvil Guide", "2021-03-10 Anvil Meeting (2021-03-10)"}; !eq(get(march), want) {
		t.Errorf("march = %v, want %v", get(march), want)
	}
	var p1, p2 tl
	a.query(`{ timeline(first: 3) { pageInfo { hasNextPage endCursor } edges { date node { name } } } }`, &p1)
	a.query(`query($a: String) { timeline(first: 3, after: $a) { pageInfo { hasNextPage } edges { date node { name } } } }`, &p2,
		map[string]any{"a": *p1.Timeline.PageInfo.EndCursor})
	if !p1.Timeline.PageInfo.HasNextPage || !eq(get(p2), []string{"2021-03-10 Anvil Meeting (2021-03-10)"}) || p2.Timeline.PageInfo.HasNextPage {
		t.Errorf("pages = %v / %v", get(p1), get(p2))
	}
}

func TestStatsSourcesAndLoadRuns(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	var resp struct {
		Stats struct {
			Entities      int
			MostConnected []struct {
				Degree int
				Entity named
			}
		}
		Sources []struct {
			Name              string
			Lines             int
			EntityCount       int
			RelationshipCount int
		}
		LoadRuns []struct {
			Sources      []string
			NodesCreated int
		}
	}
	a.query(`{ stats { entities mostConnected(first: 2) { degree entity { id } } }
		sources { name lines entityCount relationshipCount } loadRuns { sources nodesCreated } }`, &resp)
	w := newWorld()
	if resp.Stats.Entities != len(w.Nodes) {
		t.Errorf("entities = %d, want %d", resp.Stats.Entities, len(w.Nodes))
	}
	// Rocket WG: PART_OF, 2 MEMBER_OF, PUBLISHED, HELD, FOCUSES_ON,
	// MAINTAINS = 7; Anvil WG: PART_OF, SUBGROUP_OF, 2 MEMBER_OF, PUBLISHED,
	// HELD = 6.
	mc := resp.Stats.MostConnected
	if len(mc) != 2 || mc[0].Entity.ID != "wg:rocket" || mc[0].Degree != 7 || mc[1].Entity.ID != "wg:anvil" || mc[1].Degree != 6 {
		t.Errorf("most connected = %+v", mc)
	}
	if len(resp.Sources) != 1 || resp.Sources[0].EntityCount != len(w.Nodes) || resp.Sources[0].RelationshipCount != len(w.Edges) || resp.Sources[0].Lines != 200 {
		t.Errorf("sources = %+v", resp.Sources)
	}
	if len(resp.LoadRuns) != 1 || resp.LoadRuns[0].NodesCreated != len(w.Nodes)+1 {
		t.Errorf("load runs = %+v", resp.LoadRuns)
	}
}

func TestErrorCodes(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	deep := "name"
	for range 4 { // 6 levels each
		deep = "members { edges { node { workingGroups { edges { node { " + deep + " } } } } } }"
	}
	deep = `{ node(id: "wg:rocket") { ... on WorkingGroup { ` + deep + " } } }"
	tests := []struct {
		name, q, code string
	}{
		{"unknown id", `{ node(id: "wg:nope") { id } }`, "NOT_FOUND"},
		{"first too large", `{ people(first: 1000000) { edges { node { id } } } }`, "BAD_USER_INPUT"},
		{"negative first", `{ people(first: -1) { edges { node { id } } } }`, "BAD_USER_INPUT"},
		{"nested first too large", `{ node(id: "wg:rocket") { ... on WorkingGroup { members(first: 101) { totalCount } } } }`, "BAD_USER_INPUT"},
		{"malformed cursor", `{ people(after: "not-a-cursor") { edges { node { id } } } }`, "BAD_USER_INPUT"},
		{"malformed nested cursor", `{ node(id: "wg:rocket") { mentions(after: "eyJ4Ijo") { totalCount } } }`, "BAD_USER_INPUT"},
		{"bad date", `{ timeline(from: "last week") { totalCount } }`, "BAD_USER_INPUT"},
		{"path to itself", `{ paths(from: "wg:rocket", to: "wg:rocket") { length } }`, "BAD_USER_INPUT"},
		{"path too long", `{ paths(from: "wg:rocket", to: "org:acme", maxHops: 40) { length } }`, "BAD_USER_INPUT"},
		{"path from nowhere", `{ paths(from: "wg:nope", to: "org:acme") { length } }`, "NOT_FOUND"},
		{"collaborators of nobody", `{ collaborators(of: "person:nobody") { score } }`, "NOT_FOUND"},
		{"timeline of nobody", `{ timeline(entity: "person:nobody") { totalCount } }`, "NOT_FOUND"},
		{"too deep", deep, "COMPLEXITY_LIMIT"},
		{"complexity bomb", `{ workingGroups(first: 100) { edges { node { members(first: 100) { edges { node { attended(first: 100) { edges { node { name } } } } } } } } } }`, "COMPLEXITY_LIMIT"},
		{"unknown field", `{ nope }`, "GRAPHQL_VALIDATION_FAILED"},
		{"syntax error", `{ node(id: `, "GRAPHQL_PARSE_FAILED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := a.st.Queries()
			code, msg := a.errorCode(tt.q)
			if code != tt.code {
				t.Errorf("code = %q (%s), want %s", code, msg, tt.code)
			}
			for _, leak := range []string{"MATCH", "Cypher", "neo4j", "goroutine", ".go:"} {
				if strings.Contains(msg, leak) {
					t.Errorf("message %q leaks %q", msg, leak)
				}
			}
			if tt.code == "BAD_USER_INPUT" || tt.code == "COMPLEXITY_LIMIT" || strings.HasPrefix(tt.code, "GRAPHQL_") {
				if n := a.st.Queries() - before; n != 0 {
					t.Errorf("rejected request still sent %d queries to Neo4j", n)
				}
			}
		})
	}
}

func TestTimeoutCode(t *testing.T) {
	// A microsecond is over before the first query is sent, whatever the
	// machine. That Neo4j itself stops a query at the deadline is
	// store.TestTimedOutQueryEndsOnNeo4j's concern.
	a := newAPI(t, newWorld(), graph.Options{Limits: graph.RequestLimits{Timeout: time.Microsecond}})
	q := `{ a: paths(from: "person:wile", to: "org:globex") { length } b: collaborators(of: "wg:rocket") { score } }`
	if code, msg := a.errorCode(q); code != "TIMEOUT" {
		t.Errorf("code = %q (%s), want TIMEOUT", code, msg)
	}
}

// TestOneRoundTripAtAnySize asks for an entity with its neighbours three
// levels deep, on a small graph and on one with ten times the people, and
// counts the queries sent to Neo4j: one, both times.
func TestOneRoundTripAtAnySize(t *testing.T) {
	const q = `{ node(id: "wg:rocket") { name ... on WorkingGroup {
		members { totalCount edges { role node { name workingGroups { edges { node { name members { edges { node { name } } } } } } } } }
		documents { edges { node { name contributors { edges { node { name } } } } } } } } }`
	for _, extra := range []int{0, 40} {
		g := newWorld()
		for i := range extra {
			id := fmt.Sprintf("person:extra%d", i)
			g.Nodes = append(g.Nodes, loader.Node{Label: "Person", ID: id, Name: fmt.Sprintf("Extra %d", i),
				Mentions: []loader.Evidence{{Source: "world.txt", Line: 300 + i}}})
			g.Edges = append(g.Edges, loader.Edge{Type: "MEMBER_OF", From: id, To: []string{"wg:rocket", "wg:anvil"}[i%2],
				Evidence: loader.Evidence{Source: "world.txt", Line: 300 + i}})
		}
		a := newAPI(t, g, graph.Options{})
		before := a.st.Queries()
		var resp map[string]any
		a.query(q, &resp)
		if n := a.st.Queries() - before; n != 1 {
			t.Errorf("with %d extra people: %d queries, want 1", extra, n)
		}
		// The fields of the analyst pass are one query each too.
		for _, q := range []string{
			`{ nodes(ids: ["wg:rocket", "wg:nope", "person:road"]) { id ... on WorkingGroup { members { edges { evidence { line } sections node { name } } } } } }`,
			`{ common(a: "wg:rocket", b: "wg:anvil") { entity { name } a { evidence { line } } b { type } } }`,
			`{ collaborators(of: "person:road", from: "2021-02", to: "2021-03") { score entity { name } via { name } } }`,
			`{ timeline(entity: "wg:rocket", types: [HELD, PUBLISHED]) { totalCount edges { node { name ... on Event { title } } } } }`,
		} {
			before := a.st.Queries()
			var r map[string]any
			a.query(q, &r)
			if n := a.st.Queries() - before; n != 1 {
				t.Errorf("with %d extra people: %s: %d queries, want 1", extra, q, n)
			}
		}
		members := resp["node"].(map[string]any)["members"].(map[string]any)
		if want := 2 + (extra+1)/2; members["totalCount"] != float64(want) {
			t.Errorf("with %d extra people: %v members, want %d", extra, members["totalCount"], want)
		}
		if n := len(members["edges"].([]any)); n != min(20, 2+(extra+1)/2) {
			t.Errorf("with %d extra people: %d member edges", extra, n)
		}
	}
}

func TestLargeBodyRefused(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{Limits: graph.RequestLimits{MaxBodyBytes: 1 << 20}})
	body := `{"query":"{ stats { entities } }","variables":{"pad":"` + strings.Repeat("x", 10<<20) + `"}}`
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	before := a.st.Queries()
	a.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "BAD_USER_INPUT") {
		t.Errorf("10 MB body: %d %s", rec.Code, rec.Body.String())
	}
	if a.st.Queries() != before {
		t.Error("a refused body reached Neo4j")
	}
}
