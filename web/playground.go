package web

import (
	"bytes"
	"crypto/rand"
	"embed"
	"encoding/base64"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed playground/index.html playground/playground.js playground/playground.css
var playground embed.FS

var playgroundTemplate = template.Must(template.ParseFS(playground, "playground/index.html"))

// playgroundCSP lets the playground load only its own scripts, styles and
// fonts (GraphiQL's fonts are inlined in its style sheet as data: URLs) and
// talk only to its own server. The one <style> element GraphiQL adds, when
// a dialog opens, carries the response's nonce.
func playgroundCSP(nonce string) string {
	return "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-" + nonce + "'; img-src 'self' data:; " +
		"font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
}

// storageNamespace keeps GraphiQL's tabs and settings for this site apart
// in the browser's local storage.
const storageNamespace = "csakg"

// playgroundFiles are the page's files under /playground/, and where each
// is embedded: the bundle that `make web` builds, and csakg's own code.
var playgroundFiles = map[string]struct {
	fs   fs.FS
	path string
}{
	"graphiql.min.js":  {static, "static/vendor/graphiql.min.js"},
	"graphiql.min.css": {static, "static/vendor/graphiql.min.css"},
	"playground.js":    {playground, "playground/playground.js"},
	"playground.css":   {playground, "playground/playground.css"},
}

// PlaygroundOptions configure the playground page.
type PlaygroundOptions struct {
	Endpoint string   // the GraphQL endpoint's path
	Tabs     []string // a first visit's tabs, one query each
	// Introspection says whether the endpoint answers introspection; when
	// it does not, GraphiQL asks for no schema (and shows no docs).
	Introspection bool
}

// playgroundConfig is what the page's script reads from the page.
type playgroundConfig struct {
	Endpoint         string   `json:"endpoint"`
	Introspection    bool     `json:"introspection"`
	StorageNamespace string   `json:"storageNamespace"`
	StyleNonce       string   `json:"styleNonce"`
	Tabs             []string `json:"tabs"`
}

// Playground serves GraphiQL at / and its files under /playground/, all
// from the binary, so the page works on a machine without internet.
func Playground(opt PlaygroundOptions) http.Handler {
	tabs := opt.Tabs
	if tabs == nil {
		tabs = []string{}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			f, ok := playgroundFiles[strings.TrimPrefix(r.URL.Path, "/playground/")]
			if !ok {
				http.NotFound(w, r)
				return
			}
			http.ServeFileFS(w, r, f.fs, f.path)
			return
		}
		nonce := newNonce()
		var page bytes.Buffer
		// The configuration goes in a JSON data block, which
		// html/template escapes as such; no inline script runs.
		if err := playgroundTemplate.Execute(&page, playgroundConfig{opt.Endpoint, opt.Introspection, storageNamespace, nonce, tabs}); err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Security-Policy", playgroundCSP(nonce))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store") // the nonce is this response's only
		w.Write(page.Bytes())
	})
}

// newNonce returns 128 random bits, base64-encoded, for a CSP nonce.
func newNonce() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}
