package graph

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
)

// DefaultQuery is what GraphiQL shows a first-time visitor: a query that
// runs as it is and shows off the graph.
const DefaultQuery = `# csakg: who works with whom on cloud-security standards.
# Press the run button (or Ctrl-Enter); open the Docs pane to explore.
{
  stats {
    entities
    mostConnected(first: 5) { degree entity { id name type } }
  }
  workingGroups(first: 5, where: { nameContains: "cloud" }) {
    totalCount
    edges {
      node {
        id
        name
        acronym
        members(first: 3) { edges { role node { name } } }
      }
    }
  }
  search(text: "serverless", first: 3) {
    score
    snippet
    entity { id name type }
  }
}
`

const playgroundCSP = "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; " +
	"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; font-src https://cdn.jsdelivr.net; " +
	"connect-src 'self'; frame-ancestors 'none'"

// storagePrefix namespaces GraphiQL's local storage for this site.
const storagePrefix = "csakg:"

// Playground returns the GraphiQL page for the endpoint. GraphiQL keeps the
// visitor's own query in local storage; a first visit gets DefaultQuery.
func Playground(endpoint string) http.Handler {
	var page bytes.Buffer
	w := &bufferWriter{header: http.Header{}, body: &page}
	playground.Handler("csakg GraphiQL", endpoint, playground.WithStoragePrefix(storagePrefix)).
		ServeHTTP(w, &http.Request{Method: http.MethodGet})
	q, _ := json.Marshal(DefaultQuery)
	key, _ := json.Marshal(storagePrefix + "graphiql:query")
	seed := []byte("<script>if (localStorage.getItem(" + string(key) + ") === null) localStorage.setItem(" +
		string(key) + ", " + string(q) + ");</script>\n</head>")
	html := bytes.Replace(page.Bytes(), []byte("</head>"), seed, 1)
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		// GraphiQL's page loads React and GraphiQL from a CDN and starts
		// them with inline scripts.
		rw.Header().Set("Content-Security-Policy", playgroundCSP)
		rw.Write(html)
	})
}

// bufferWriter captures a handler's response.
type bufferWriter struct {
	header http.Header
	body   *bytes.Buffer
}

func (b *bufferWriter) Header() http.Header         { return b.header }
func (b *bufferWriter) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferWriter) WriteHeader(int)             {}
