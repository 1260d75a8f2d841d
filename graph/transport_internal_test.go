package graph

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// BenchmarkResponseEncoding writes an answer of about 20 KB (the size
// of the three-level request's at 100x) once, as postJSON does, and as
// gqlgen's transport does, marshalling it again.
func BenchmarkResponseEncoding(b *testing.B) {
	var items []string
	for i := range 400 {
		items = append(items, fmt.Sprintf(`{"node":{"id":"person:gen-%d","name":"Person %d Cloud"}}`, i, i))
	}
	resp := &graphql.Response{Data: json.RawMessage(`{"node":{"members":{"edges":[` + strings.Join(items, ",") + `]}}}`)}
	b.Run("once", func(b *testing.B) {
		for b.Loop() {
			writeResponse(io.Discard, resp)
		}
	})
	b.Run("gqlgen", func(b *testing.B) {
		for b.Loop() {
			out, err := json.Marshal(resp)
			if err != nil {
				b.Fatal(err)
			}
			io.Discard.Write(out)
		}
	})
}
