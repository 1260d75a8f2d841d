package web_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"csakg/internal/neo4jtest"
	"csakg/loader"
	"csakg/web"
)

// graph is a chain a -> b -> c -> d of three relationships, and a lone e.
func graph() *loader.Graph {
	g := &loader.Graph{Sources: []loader.Source{{Name: "chain.txt", SHA256: "c", Lines: 9}}}
	for i, id := range []string{"a", "b", "c", "d", "e"} {
		g.Nodes = append(g.Nodes, loader.Node{Label: loader.LabelOrganization, ID: "org:" + id, Name: "Org " + strings.ToUpper(id),
			Mentions: []loader.Evidence{{Source: "chain.txt", Line: i + 1, Excerpt: "Org " + id}}})
	}
	for i, pair := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}} {
		g.Edges = append(g.Edges, loader.Edge{Type: loader.RelPartOf, From: "org:" + pair[0], To: "org:" + pair[1],
			Evidence: loader.Evidence{Source: "chain.txt", Line: 6 + i, Excerpt: pair[0] + " < " + pair[1]}})
	}
	return g
}

func exporter(t *testing.T) http.Handler {
	st := neo4jtest.Empty(t)
	if _, err := st.Load(context.Background(), graph()); err != nil {
		t.Fatal(err)
	}
	return web.Export(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func get(h http.Handler, url string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
	return rec
}

func TestExportFormats(t *testing.T) {
	h := exporter(t)

	// JSON of b's neighbourhood, one hop: a, b, c and the two edges among them.
	rec := get(h, "/export?format=json&entity=org:b&hops=1")
	var j struct {
		Nodes []struct{ ID, Name string }
		Edges []struct {
			Type, From, To, Source, Excerpt string
			Line                            int
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &j); err != nil {
		t.Fatalf("json: %v\n%s", err, rec.Body.String())
	}
	var ids []string
	for _, n := range j.Nodes {
		ids = append(ids, n.ID)
	}
	if !slices.Equal(ids, []string{"org:a", "org:b", "org:c"}) || len(j.Edges) != 2 {
		t.Errorf("one hop around b: nodes %v, %d edges", ids, len(j.Edges))
	}
	if e := j.Edges[0]; e.Source != "chain.txt" || e.Line == 0 || e.Excerpt == "" {
		t.Errorf("edge without provenance: %+v", e)
	}

	// GraphML of the whole graph: five nodes, three edges, keys declared.
	rec = get(h, "/export?format=graphml")
	var gm struct {
		Keys []struct {
			ID string `xml:"id,attr"`
		} `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(rec.Body.Bytes(), &gm); err != nil {
		t.Fatalf("graphml: %v", err)
	}
	if len(gm.Graph.Nodes) != 5 || len(gm.Graph.Edges) != 3 || len(gm.Keys) < 6 {
		t.Errorf("graphml: %d nodes, %d edges, %d keys", len(gm.Graph.Nodes), len(gm.Graph.Edges), len(gm.Keys))
	}

	// CSV, two tables.
	for part, rows := range map[string]int{"nodes": 6, "edges": 4} {
		rec = get(h, "/export?format=csv&part="+part+"&entity=org:a&hops=3")
		recs, err := csv.NewReader(rec.Body).ReadAll()
		if err != nil || len(recs) != rows-map[string]int{"nodes": 1, "edges": 0}[part] {
			t.Errorf("csv %s: %d rows (%v)", part, len(recs), err)
		}
	}
}

func TestExportBadRequests(t *testing.T) {
	h := exporter(t)
	tests := []struct {
		url  string
		code int
		want string
	}{
		{"/export?format=pdf", 400, `format: "pdf"`},
		{"/export?format=csv", 400, `part: ""`},
		{"/export?entity=org:a&hops=9", 400, `hops: "9"`},
		{"/export?entity=org:a&hops=x", 400, `hops: "x"`},
		{"/export?entity=org:nobody", 404, `entity: "org:nobody" is not in the graph`},
	}
	for _, tt := range tests {
		rec := get(h, tt.url)
		if rec.Code != tt.code || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("%s: %d %q, want %d %q", tt.url, rec.Code, rec.Body.String(), tt.code, tt.want)
		}
	}
}

func TestExplorerPage(t *testing.T) {
	h := web.Explorer()
	rec := get(h, "/explore")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "csakg explorer") {
		t.Fatalf("page: %d", rec.Code)
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
	// Every file the page names, and every module its scripts import, is
	// served (a file left out of static/ would break the page only in a
	// browser).
	files := pageRef.FindAllStringSubmatch(rec.Body.String(), -1)
	if len(files) < 5 {
		t.Fatalf("the page names %d files", len(files))
	}
	seen := map[string]bool{}
	for len(files) > 0 {
		f := files[0][1]
		files = files[1:]
		if seen[f] {
			continue
		}
		seen[f] = true
		rec := get(h, f)
		if rec.Code != 200 || rec.Body.Len() == 0 {
			t.Errorf("%s: %d", f, rec.Code)
			continue
		}
		if strings.HasSuffix(f, ".js") {
			for _, m := range moduleRef.FindAllStringSubmatch(rec.Body.String(), -1) {
				files = append(files, []string{"", "/explore/" + m[1]})
			}
		}
	}
	for _, f := range []string{"/explore/vendor/cytoscape-fcose.min.js", "/explore/graph.js", "/explore/timeline.js"} {
		if !seen[f] {
			t.Errorf("%s is not reached from the page", f)
		}
	}
}

var (
	pageRef   = regexp.MustCompile(`(?:src|href)="(/explore/[^"]+)"`)
	moduleRef = regexp.MustCompile(`(?m)^import .* from '\./([^']+)';`)
)

// TestExportCSVFormulasInert exports entities and a relationship whose
// texts start as spreadsheet formulas: every cell that would be read as
// one gets a leading quote, the rest is as it was.
func TestExportCSVFormulasInert(t *testing.T) {
	st := neo4jtest.Empty(t)
	const src = "=HYPERLINK(\"http://x.example\").txt"
	ev := func(line int, excerpt string) loader.Evidence {
		return loader.Evidence{Source: src, Line: line, Excerpt: excerpt}
	}
	g := &loader.Graph{Sources: []loader.Source{{Name: src, SHA256: "f", Lines: 9}}}
	g.Nodes = []loader.Node{
		{Label: loader.LabelOrganization, ID: "org:f", Name: "=HYPERLINK(\"http://x.example\",\"click\")",
			Aliases: []string{"@SUM(1+1)"}, Description: "+cmd|' /C calc'!A0", Mentions: []loader.Evidence{ev(1, "-2+3")}},
		{Label: loader.LabelOrganization, ID: "org:g", Name: "\tTabbed", Description: "\rReturn", Mentions: []loader.Evidence{ev(2, "@x")}},
		{Label: loader.LabelOrganization, ID: "org:h", Name: "Plain - fine = fine", Mentions: []loader.Evidence{ev(3, "plain")}},
	}
	g.Edges = []loader.Edge{{Type: loader.RelPartOf, From: "org:f", To: "org:g", Props: map[string]any{"role": "-role"}, Evidence: ev(4, "=1+1")}}
	if _, err := st.Load(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	h := web.Export(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	var cells []string
	for _, part := range []string{"nodes", "edges"} {
		rec := get(h, "/export?format=csv&part="+part)
		recs, err := csv.NewReader(rec.Body).ReadAll()
		if err != nil {
			t.Fatalf("csv %s: %v", part, err)
		}
		for _, r := range recs {
			cells = append(cells, r...)
		}
	}
	for _, c := range cells {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			t.Errorf("cell %q starts as a formula", c)
		}
	}
	for _, want := range []string{`'=HYPERLINK("http://x.example","click")`, "'@SUM(1+1)", "'+cmd|' /C calc'!A0", "'\tTabbed",
		"'\rReturn", "Plain - fine = fine", "'-role", "'=1+1", `'=HYPERLINK("http://x.example").txt`} {
		if !slices.Contains(cells, want) {
			t.Errorf("no cell %q in %q", want, cells)
		}
	}
}
