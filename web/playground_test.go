package web_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"csakg/web"
)

var configBlock = regexp.MustCompile(`(?s)<script type="application/json" id="playground-config">(.*?)</script>`)

type pageConfig struct {
	Endpoint      string
	Introspection bool
	StyleNonce    string
	Tabs          []string
}

func playgroundPage(t *testing.T, h http.Handler) (pageConfig, string) {
	t.Helper()
	rec := get(h, "/")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	m := configBlock.FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatalf("the page has no configuration block:\n%s", rec.Body)
	}
	var c pageConfig
	if err := json.Unmarshal([]byte(m[1]), &c); err != nil {
		t.Fatalf("configuration %s: %v", m[1], err)
	}
	return c, rec.Header().Get("Content-Security-Policy")
}

// TestPlaygroundPage checks the page's configuration (a query with "</script>"
// in it stays inside the data block) and that its CSP admits no other origin
// and no inline script, with a fresh style nonce per response.
func TestPlaygroundPage(t *testing.T) {
	tabs := []string{`{ stats { entities } }`, `# "</script><script>alert(1)</script>"` + "\n{ __typename }"}
	h := web.Playground(web.PlaygroundOptions{Endpoint: "/graphql", Tabs: tabs, Introspection: true})
	c, csp := playgroundPage(t, h)
	if c.Endpoint != "/graphql" || !c.Introspection || len(c.Tabs) != 2 || c.Tabs[1] != tabs[1] {
		t.Errorf("configuration %+v, want the endpoint, introspection and the tabs as given", c)
	}
	for _, want := range []string{"script-src 'self';", "style-src 'self' 'nonce-" + c.StyleNonce + "';", "connect-src 'self';"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	for _, bad := range []string{"http", "unsafe-inline", "unsafe-eval", "*"} {
		if strings.Contains(csp, bad) {
			t.Errorf("CSP %q has %q", csp, bad)
		}
	}
	if again, _ := playgroundPage(t, h); again.StyleNonce == c.StyleNonce || len(c.StyleNonce) < 20 {
		t.Errorf("style nonces %q and %q: want a fresh, long one per response", c.StyleNonce, again.StyleNonce)
	}
	off, _ := playgroundPage(t, web.Playground(web.PlaygroundOptions{Endpoint: "/graphql"}))
	if off.Introspection || off.Tabs == nil {
		t.Errorf("introspection off: configuration %+v, want introspection false and an empty list of tabs", off)
	}
}

func TestPlaygroundFiles(t *testing.T) {
	h := web.Playground(web.PlaygroundOptions{Endpoint: "/graphql"})
	tests := []struct {
		path     string
		code     int
		typ      string
		contains string
	}{
		{"/playground/graphiql.min.js", http.StatusOK, "text/javascript", "CsakgGraphiQL"},
		{"/playground/graphiql.min.css", http.StatusOK, "text/css", ".graphiql-container"},
		{"/playground/playground.js", http.StatusOK, "text/javascript", "window.CsakgGraphiQL"},
		{"/playground/playground.css", http.StatusOK, "text/css", "#graphiql"},
		{"/playground/index.html", http.StatusNotFound, "", ""},
		{"/playground/../web.go", http.StatusNotFound, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := get(h, tt.path)
			if rec.Code != tt.code {
				t.Fatalf("GET %s = %d, want %d", tt.path, rec.Code, tt.code)
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.typ) || !strings.Contains(rec.Body.String(), tt.contains) {
				t.Errorf("GET %s: %s, %.100q; want %s with %q", tt.path, rec.Header().Get("Content-Type"), rec.Body.String(), tt.typ, tt.contains)
			}
		})
	}
}
