package graph_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
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
		{`events(where: {kind: "Meeting"})`, "Rocket Meeting (2021-02-12)|Anvil Meeting (2021-03-10)"},
		{`events(where: {kind: "MEETING"})`, "Rocket Meeting (2021-02-12)|Anvil Meeting (2021-03-10)"},
		{`events(where: {kind: "ﾐｰﾃｨﾝｸﾞ"})`, "関西分科会ミーティング (2021-04-01)"},
		{`events(where: {nameContains: "ﾐｰﾃｨﾝｸﾞ"})`, "関西分科会ミーティング (2021-04-01)"},
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

func TestTimelineOfSomeRelationships(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	tests := []struct {
		in, want string
	}{
		{`timeline(entity: "wg:rocket")`, "Rocket Paper|Rocket Meeting (2021-02-12)"},
		{`timeline(entity: "wg:rocket", types: [HELD])`, "Rocket Meeting (2021-02-12)"},
		{`timeline(entity: "wg:rocket", types: [PUBLISHED, FOCUSES_ON])`, "Rocket Paper"},
		{`timeline(entity: "person:road", types: [ATTENDED], from: "2021-02")`, "Rocket Meeting (2021-02-12)"},
		{`timeline(entity: "person:road", types: [PRESENTED_AT])`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			before := a.st.Queries()
			var resp struct {
				Timeline struct {
					TotalCount int
					Edges      []struct{ Node named }
				}
			}
			a.query(`{ timeline: `+tt.in+` { totalCount edges { node { name } } } }`, &resp)
			got := strings.Join(names(resp.Timeline.Edges, func(e struct{ Node named }) string { return e.Node.Name }), "|")
			if got != tt.want || resp.Timeline.TotalCount != len(resp.Timeline.Edges) {
				t.Errorf("got %q (total %d), want %q", got, resp.Timeline.TotalCount, tt.want)
			}
			if n := a.st.Queries() - before; n != 1 {
				t.Errorf("%d queries, want 1", n)
			}
		})
	}
	if code, _ := a.errorCode(`{ timeline(types: [HELD]) { totalCount } }`); code != "BAD_USER_INPUT" {
		t.Errorf("types without an entity: code %q, want BAD_USER_INPUT", code)
	}
}

func TestCollaboratorsInAPeriod(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	tests := []struct {
		in, want string // entity:score/shared kinds
	}{
		{`of: "person:road"`, "Wile Coyote:4/DOCUMENT=1,EVENT=1,WORKING_GROUP=1|Coyote Ugly:1/WORKING_GROUP=1"},
		{`of: "person:road", from: "2021-02", to: "2021-02"`, "Wile Coyote:3/DOCUMENT=1,EVENT=1"},
		{`of: "person:road", from: "2021-02-05"`, "Wile Coyote:1/EVENT=1"},
		{`of: "person:road", to: "2021-02-01"`, "Wile Coyote:2/DOCUMENT=1"},
		{`of: "person:road", from: "2021-03"`, ""},
		// SUBGROUP_OF has a date (since): a direct link in the period counts.
		{`of: "wg:anvil", from: "2021"`, "Anvil Sub Working Group:3/"},
		{`of: "wg:anvil", from: "2022"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			before := a.st.Queries()
			var resp struct {
				Collaborators []struct {
					Entity named
					Score  int
					Shared []struct {
						Type  string
						Count int
					}
				}
			}
			a.query(`{ collaborators(`+tt.in+`) { score entity { name } shared { type count } } }`, &resp)
			var got []string
			for _, c := range resp.Collaborators {
				var kinds []string
				for _, s := range c.Shared {
					kinds = append(kinds, fmt.Sprintf("%s=%d", s.Type, s.Count))
				}
				sort.Strings(kinds)
				got = append(got, fmt.Sprintf("%s:%d/%s", c.Entity.Name, c.Score, strings.Join(kinds, ",")))
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("got  %q\nwant %q", g, tt.want)
			}
			if n := a.st.Queries() - before; n != 1 {
				t.Errorf("%d queries, want 1", n)
			}
		})
	}
	if code, _ := a.errorCode(`{ collaborators(of: "person:road", from: "2022", to: "2021") { score } }`); code != "BAD_USER_INPUT" {
		t.Errorf("a period that ends before it starts: code %q, want BAD_USER_INPUT", code)
	}
}

func TestCommon(t *testing.T) {
	a := newAPI(t, newWorld(), graph.Options{})
	tests := []struct {
		in, want string // shared entity [a's links] [b's links]
	}{
		{`a: "person:wile", b: "person:road"`,
			"Rocket Paper [CONTRIBUTED_TO OUT author world.txt:110] [CONTRIBUTED_TO OUT reviewer world.txt:111]|" +
				"Rocket Meeting (2021-02-12) [ATTENDED OUT  world.txt:115] [ATTENDED OUT  world.txt:116]|" +
				"Rocket Working Group [MEMBER_OF OUT chair world.txt:104] [MEMBER_OF OUT member world.txt:105]"},
		{`a: "person:wile", b: "person:road", types: [EVENT]`,
			"Rocket Meeting (2021-02-12) [ATTENDED OUT  world.txt:115] [ATTENDED OUT  world.txt:116]"},
		{`a: "wg:rocket", b: "wg:anvil", types: [PERSON, ORGANIZATION]`,
			"Acme Alliance [PART_OF OUT  world.txt:101] [PART_OF OUT  world.txt:102]|" +
				"Road Runner [MEMBER_OF IN member world.txt:105] [MEMBER_OF IN member world.txt:106]"},
		{`a: "person:wile", b: "person:coyote"`, ""},
		{`a: "person:wile", b: "person:road", first: 1`,
			"Rocket Paper [CONTRIBUTED_TO OUT author world.txt:110] [CONTRIBUTED_TO OUT reviewer world.txt:111]"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			type link struct {
				Type, Direction string
				Role            *string
				Evidence        []struct {
					Source string
					Line   int
				}
			}
			var resp struct {
				Common []struct {
					Entity named
					A, B   []link
				}
			}
			before := a.st.Queries()
			a.query(`{ common(`+tt.in+`) { entity { name } a { type direction role evidence { source line } } b { type direction role evidence { source line } } } }`, &resp)
			show := func(ls []link) string {
				var out []string
				for _, l := range ls {
					var ev []string
					for _, e := range l.Evidence {
						ev = append(ev, fmt.Sprintf("%s:%d", e.Source, e.Line))
					}
					out = append(out, fmt.Sprintf("%s %s %s %s", l.Type, l.Direction, deref(l.Role), strings.Join(ev, ",")))
				}
				return "[" + strings.Join(out, "; ") + "]"
			}
			var got []string
			for _, c := range resp.Common {
				got = append(got, c.Entity.Name+" "+show(c.A)+" "+show(c.B))
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("got  %q\nwant %q", g, tt.want)
			}
			if n := a.st.Queries() - before; n != 1 {
				t.Errorf("%d queries, want 1", n)
			}
		})
	}
	for q, want := range map[string]string{
		`{ common(a: "person:wile", b: "person:nobody") { entity { id } } }`:           "NOT_FOUND",
		`{ common(a: "person:wile", b: "person:wile") { entity { id } } }`:             "BAD_USER_INPUT",
		`{ common(a: "person:wile", b: "person:road", first: 101) { entity { id } } }`: "BAD_USER_INPUT",
	} {
		if code, _ := a.errorCode(q); code != want {
			t.Errorf("%s: code %q, want %s", q, code, want)
		}
	}
}

// seedGraph is the seeds (../shared/seeds) read by the loader, as csakg
// load reads them; the test is skipped where they are absent.
func seedGraph(t *testing.T) *loader.Graph {
	t.Helper()
	const seeds = "../../shared/seeds"
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no seeds")
	}
	texts, _, err := loader.ReadTexts([]string{seeds})
	if err != nil {
		t.Fatal(err)
	}
	cur, err := os.ReadFile("../curation.example.txt")
	if err != nil {
		t.Fatal(err)
	}
	c, err := loader.ParseCuration("curation.example.txt", cur)
	if err != nil {
		t.Fatal(err)
	}
	g, err := loader.Build(texts, c)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestJapaneseSearch searches the seeds with what a Japanese reader would
// type: a region, a kind of group, a city where events took place, a
// word in half-width katakana.
func TestJapaneseSearch(t *testing.T) {
	a := newAPI(t, seedGraph(t), graph.Options{})
	tests := []struct {
		in      string
		want    []string // ids among the hits
		notWant string   // no hit's id contains this
	}{
		{"関西", []string{"org:csaジャパン関西支部", "wg:関西分科会"}, "関東"}, // two groups, one kanji apart
		{"関西支部", []string{"org:csaジャパン関西支部"}, "例会"},
		{"分科会", []string{"wg:関東分科会", "wg:関西分科会"}, "例会"},
		{"例会", []string{"event:isaca東京支部-2021年3月例会オンラインセミナー-2021-03-31"}, "分科会"},
		{"大阪", []string{"event:kansai-cloud-devsec-meetup-1-2019-07-16", "event:kansai-cloud-devsec-meetup-4-2020-01-10"}, ""},
		{"梅田", []string{"event:kansai-cloud-devsec-meetup-2-2019-09-17"}, "東京"},
		{"ハイデラバード", []string{"event:cloud-security-alliance-hyderabad-summit-2019-2019-09-14"}, ""},
		{"ｸﾞﾛｰﾊﾞﾙﾐｰﾃｨﾝｸﾞ", []string{"event:cloud-security-alliance-serverless-wgグローバルミーティング-2021-06-18"}, ""},
		{"経済産業", []string{"org:経済産業省"}, ""},
		{"kansai meetup", []string{"event:kansai-cloud-devsec-meetup-3-2019-11-12"}, "分科会"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var resp struct {
				Search []struct {
					Snippet string
					Entity  named
				}
			}
			a.query(`query($t: String!) { search(text: $t, first: 50) { snippet entity { id } } }`, &resp, map[string]any{"t": tt.in})
			var ids []string
			for _, h := range resp.Search {
				ids = append(ids, h.Entity.ID)
				if tt.notWant != "" && strings.Contains(h.Entity.ID, tt.notWant) {
					t.Errorf("hit %s contains %q", h.Entity.ID, tt.notWant)
				}
			}
			for _, w := range tt.want {
				if !slices.Contains(ids, w) {
					t.Errorf("hits %v lack %s", ids, w)
				}
			}
		})
	}
}

func TestEventNamesHaveTheirDate(t *testing.T) {
	g := newWorld()
	g.Nodes = append(g.Nodes,
		loader.Node{Label: "Event", ID: "event:summit-2021-05-01", Name: "Summit 2021-05-01", Props: map[string]any{"date": "2021-05-01"},
			Mentions: []loader.Evidence{{Source: "world.txt", Line: 91, Excerpt: "Summit 2021-05-01"}}},
		loader.Node{Label: "Event", ID: "event:undated-meetup", Name: "Undated Meetup",
			Mentions: []loader.Evidence{{Source: "world.txt", Line: 92, Excerpt: "Undated Meetup"}}})
	a := newAPI(t, g, graph.Options{})
	tests := []struct {
		id, want string // name / title
	}{
		{"event:rocket-meeting-2021-02-12", "Rocket Meeting (2021-02-12) / Rocket Meeting"},
		{"event:summit-2021-05-01", "Summit 2021-05-01 / Summit 2021-05-01"},
		{"event:undated-meetup", "Undated Meetup / Undated Meetup"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			var resp struct {
				Node struct{ Name, Title string }
			}
			a.query(`query($id: ID!) { node(id: $id) { name ... on Event { title } } }`, &resp, map[string]any{"id": tt.id})
			if got := resp.Node.Name + " / " + resp.Node.Title; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// The display name is what lists, paths and search show.
	var hits struct {
		Search []struct{ Entity named }
	}
	a.query(`{ search(text: "rocket meeting", types: [EVENT]) { entity { name } } }`, &hits)
	if len(hits.Search) != 1 || hits.Search[0].Entity.Name != "Rocket Meeting (2021-02-12)" {
		t.Errorf("search = %+v", hits.Search)
	}
}

// factWorld is the world with one fact stated on three lines of two
// sources, of two sections, as the loader gives it.
func factWorld() *loader.Graph {
	g := newWorld()
	g.Sources = append(g.Sources, loader.Source{Name: "other.txt", SHA256: "o1", Lines: 10, Kind: "general"})
	for i, e := range g.Edges {
		if e.Type == "CONTRIBUTED_TO" && e.From == "person:road" && e.To == "doc:anvil-guide" {
			g.Edges[i].Props = map[string]any{"role": "author", "section": "2", "sections": []string{"2", "1"}, "weight": 3}
			g.Edges[i].Lines = []loader.Evidence{
				{Source: "other.txt", Line: 4, Excerpt: "Road wrote section 1", Rule: "r2"},
				{Source: "world.txt", Line: 112, Excerpt: e.Evidence.Excerpt},
				{Source: "world.txt", Line: 130, Excerpt: "Road wrote section 2 too", Rule: "r1"},
			}
		}
	}
	return g
}

func TestOneRelationshipPerFactWithEveryLine(t *testing.T) {
	a := newAPI(t, factWorld(), graph.Options{})
	tests := []struct {
		in, want string // edges of Road's contributions: document role weight (the world has none for most facts) sections section [evidence]
	}{
		{`contributions { edges { role weight section sections evidence { source line rule } node { name } } }`,
			"Anvil Guide author 3 [2 1] 2 [other.txt:4:r2 world.txt:112: world.txt:130:r1]|Rocket Paper reviewer 0 [] <nil> [world.txt:111:]"},
		{`contributions { edges { role weight section sections evidence(first: 1) { source line rule } node { name } } }`,
			"Anvil Guide author 3 [2 1] 2 [other.txt:4:r2]|Rocket Paper reviewer 0 [] <nil> [world.txt:111:]"},
		{`contributions: relationships(types: [CONTRIBUTED_TO]) { edges { role weight section sections evidence(first: 2) { source line rule } node { name } } }`,
			"Anvil Guide author 3 [2 1] 2 [other.txt:4:r2 world.txt:112:]|Rocket Paper reviewer 0 [] <nil> [world.txt:111:]"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var resp struct {
				Node struct {
					Contributions struct {
						Edges []struct {
							Role, Section *string
							Weight        int
							Sections      []string
							Evidence      []struct {
								Source string
								Line   int
								Rule   *string
							}
							Node named
						}
					}
				}
			}
			before := a.st.Queries()
			a.query(`{ node(id: "person:road") { ... on Person { `+tt.in+` } } }`, &resp)
			var got []string
			for _, e := range resp.Node.Contributions.Edges {
				var ev []string
				for _, x := range e.Evidence {
					ev = append(ev, fmt.Sprintf("%s:%d:%s", x.Source, x.Line, deref(x.Rule)))
				}
				sec := "<nil>"
				if e.Section != nil {
					sec = *e.Section
				}
				got = append(got, fmt.Sprintf("%s %s %d %v %s [%s]", e.Node.Name, deref(e.Role), e.Weight, e.Sections, sec, strings.Join(ev, " ")))
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
			if n := a.st.Queries() - before; n != 1 {
				t.Errorf("%d queries, want 1", n)
			}
		})
	}
	before := a.st.Queries()
	code, _ := a.errorCode(`{ node(id: "person:road") { ... on Person { contributions { edges { evidence(first: 101) { line } } } } } }`)
	if code != "BAD_USER_INPUT" || a.st.Queries() != before {
		t.Errorf("evidence(first: 101): code %q, %d queries; want BAD_USER_INPUT and none", code, a.st.Queries()-before)
	}
}
