package graph

import "github.com/99designs/gqlgen/graphql"

// wantsPage tells whether a connection field asks for its edges or its
// page position: when it asks for neither, the store reads the count alone.
func (s *selector) wantsPage(f graphql.CollectedField) bool {
	typ := f.Definition.Type.Name()
	return len(s.child(f.Selections, typ, "edges")) > 0 || len(s.child(f.Selections, typ, "pageInfo")) > 0
}
