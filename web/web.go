// Package web serves the explorer, a page that draws the graph and talks
// only to the public GraphQL API, and the export endpoint for analysts'
// tools (GraphML, JSON, CSV).
package web

import (
	"context"
	"embed"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"csakg/store"
)

//go:embed static
var static embed.FS

// pageCSP lets the page load only its own scripts and styles and talk only
// to its own server.
const pageCSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'"

// Explorer serves the page at /explore and its files under /explore/.
func Explorer() http.Handler {
	sub, _ := fs.Sub(static, "static")
	files := http.StripPrefix("/explore/", http.FileServer(http.FS(sub)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", pageCSP)
		if r.URL.Path == "/explore" || r.URL.Path == "/explore/" {
			page, _ := fs.ReadFile(sub, "index.html")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// Exporter is what the export endpoint needs of the store.
type Exporter interface {
	Export(ctx context.Context, entityID string, hops int) (store.Export, error)
}

// Export serves GET /export?format=graphml|json|csv[&entity=ID&hops=N]
// [&part=nodes|edges]: the whole graph, or an entity's neighbourhood, with
// every relationship's provenance. CSV comes as two tables, nodes and
// edges, chosen by part.
func Export(st Exporter, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		format := q.Get("format")
		if format == "" {
			format = "json"
		}
		if format != "graphml" && format != "json" && format != "csv" {
			http.Error(w, fmt.Sprintf("format: %q is not graphml, json or csv", format), http.StatusBadRequest)
			return
		}
		part := q.Get("part")
		if format == "csv" && part != "nodes" && part != "edges" {
			http.Error(w, fmt.Sprintf("part: %q is not nodes or edges (CSV comes as two tables)", part), http.StatusBadRequest)
			return
		}
		hops := 1
		if h := q.Get("hops"); h != "" {
			n, err := strconv.Atoi(h)
			if err != nil || n < 1 || n > store.MaxExportHops {
				http.Error(w, fmt.Sprintf("hops: %q is not a number from 1 to %d", h, store.MaxExportHops), http.StatusBadRequest)
				return
			}
			hops = n
		}
		g, err := st.Export(r.Context(), q.Get("entity"), hops)
		switch {
		case errors.Is(err, store.ErrNotFound):
			http.Error(w, fmt.Sprintf("entity: %q is not in the graph", q.Get("entity")), http.StatusNotFound)
			return
		case errors.Is(err, store.ErrUnavailable):
			http.Error(w, "the graph database is unavailable; try again shortly", http.StatusServiceUnavailable)
			return
		case err != nil:
			log.ErrorContext(r.Context(), "export failed", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		name := "csakg"
		if e := q.Get("entity"); e != "" {
			name += "-" + strings.NewReplacer(":", "-", "/", "-").Replace(e)
		}
		if g.Truncated {
			w.Header().Set("X-Csakg-Truncated", strconv.Itoa(store.MaxExport))
		}
		switch format {
		case "graphml":
			w.Header().Set("Content-Type", "application/graphml+xml; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.graphml"`)
			writeGraphML(w, g)
		case "json":
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.json"`)
			writeJSON(w, g)
		case "csv":
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="`+name+"-"+part+`.csv"`)
			writeCSV(w, g, part)
		}
	})
}

func writeJSON(w io.Writer, g store.Export) {
	type node struct {
		ID          string   `json:"id"`
		Label       string   `json:"label"`
		Name        string   `json:"name"`
		Aliases     []string `json:"aliases,omitempty"`
		Description string   `json:"description,omitempty"`
	}
	type edge struct {
		Type    string `json:"type"`
		From    string `json:"from"`
		To      string `json:"to"`
		Role    string `json:"role,omitempty"`
		Source  string `json:"source"`
		Line    int64  `json:"line"`
		Excerpt string `json:"excerpt"`
	}
	out := struct {
		Nodes     []node `json:"nodes"`
		Edges     []edge `json:"edges"`
		Truncated bool   `json:"truncated,omitempty"`
	}{Nodes: []node{}, Edges: []edge{}, Truncated: g.Truncated}
	for _, n := range g.Nodes {
		out.Nodes = append(out.Nodes, node{n.ID, n.Label, n.Name, n.Aliases, n.Description})
	}
	for _, e := range g.Edges {
		out.Edges = append(out.Edges, edge{e.Type, e.From, e.To, e.Role, e.Source, e.Line, e.Excerpt})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

func writeCSV(w io.Writer, g store.Export, part string) {
	cw := csv.NewWriter(w)
	write := func(row ...string) {
		for i, cell := range row {
			row[i] = inertCell(cell)
		}
		cw.Write(row)
	}
	if part == "nodes" {
		write("id", "label", "name", "aliases", "description")
		for _, n := range g.Nodes {
			write(n.ID, n.Label, n.Name, strings.Join(n.Aliases, "; "), n.Description)
		}
	} else {
		write("type", "from", "to", "role", "source", "line", "excerpt")
		for _, e := range g.Edges {
			write(e.Type, e.From, e.To, e.Role, e.Source, strconv.FormatInt(e.Line, 10), e.Excerpt)
		}
	}
	cw.Flush()
}

// inertCell keeps a spreadsheet from reading a cell as a formula: a cell
// that starts with =, +, -, @, a tab or a carriage return gets a leading
// single quote, as OWASP's advice on CSV injection has it. The texts are
// not ours to trust (names, excerpts, even a source's file name).
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// writeGraphML writes g as GraphML, which Gephi and yEd open.
func writeGraphML(w io.Writer, g store.Export) {
	io.WriteString(w, xml.Header)
	io.WriteString(w, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`+"\n")
	for _, k := range []struct{ id, on, name string }{
		{"label", "node", "label"}, {"name", "node", "name"}, {"aliases", "node", "aliases"},
		{"type", "edge", "type"}, {"role", "edge", "role"}, {"source", "edge", "source"},
		{"line", "edge", "line"}, {"excerpt", "edge", "excerpt"},
	} {
		typ := "string"
		if k.id == "line" {
			typ = "int"
		}
		fmt.Fprintf(w, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.on, k.name, typ)
	}
	io.WriteString(w, `  <graph id="csakg" edgedefault="directed">`+"\n")
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	for _, n := range g.Nodes {
		fmt.Fprintf(w, `    <node id="%s"><data key="label">%s</data><data key="name">%s</data><data key="aliases">%s</data></node>`+"\n",
			esc(n.ID), esc(n.Label), esc(n.Name), esc(strings.Join(n.Aliases, "; ")))
	}
	for i, e := range g.Edges {
		fmt.Fprintf(w, `    <edge id="e%d" source="%s" target="%s"><data key="type">%s</data><data key="role">%s</data><data key="source">%s</data><data key="line">%d</data><data key="excerpt">%s</data></edge>`+"\n",
			i, esc(e.From), esc(e.To), esc(e.Type), esc(e.Role), esc(e.Source), e.Line, esc(e.Excerpt))
	}
	io.WriteString(w, "  </graph>\n</graphml>\n")
}
