// Command gqlgen runs gqlgen's generator as `go tool gqlgen generate`
// does, with one plugin more: the resolver of each root list field of the
// graph model (graphmodel.Label.List) is written by it, the same one line
// for every label, so a new label needs no hand-written resolver. Other
// resolvers keep their bodies, as gqlgen keeps them.
package main

import (
	"fmt"
	"log"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"

	"csakg/graphmodel"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gqlgen: ")
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		log.Fatal(err)
	}
	if err := api.Generate(cfg, api.AddPlugin(rootLists{})); err != nil {
		log.Fatal(err)
	}
}

// rootLists writes the bodies of the root list resolvers.
type rootLists struct{}

func (rootLists) Name() string { return "csakg-root-lists" }

// Implement returns the body of f's resolver: prev, what the resolver
// file has, except for root lists of the model.
func (rootLists) Implement(prev string, f *codegen.Field) string {
	if l, ok := graphmodel.LabelOfList(f.Name); ok && f.Object.Root {
		return fmt.Sprintf("return list(ctx, r.Resolver, model.New%s)", l.Connection())
	}
	if prev != "" {
		return prev
	}
	// gqlgen's own body for a resolver not written yet.
	return fmt.Sprintf("panic(fmt.Errorf(%q))", "not implemented: "+f.GoFieldName+" - "+f.Name)
}
