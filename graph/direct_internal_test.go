package graph

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestDirectRunGivesWay checks that a writer that panics, or meets a value
// it cannot write, hands the request back instead of answering it.
func TestDirectRunGivesWay(t *testing.T) {
	op := &graphql.OperationContext{}
	roots := []graphql.CollectedField{{Field: &ast.Field{Alias: "node", Name: "node"}}}
	tests := []struct {
		name string
		read func(context.Context, *writer) error
	}{
		{"panic", func(context.Context, *writer) error { panic("bug") }},
		{"cannot write", func(context.Context, *writer) error { return errIndirect }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &directPlan{op: op, roots: roots, reads: []func(context.Context, *writer) error{tt.read}}
			data, err := p.run(context.Background())
			if err == nil || data != nil {
				t.Fatalf("run = %q, %v; want no data and an error", data, err)
			}
		})
	}
	p := &directPlan{op: op, roots: roots, reads: []func(context.Context, *writer) error{
		func(_ context.Context, w *writer) error { w.str("x"); return nil },
	}}
	if data, err := p.run(context.Background()); err != nil || string(data) != `{"node":"x"}` {
		t.Errorf("run = %s, %v", data, err)
	}
}
