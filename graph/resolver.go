// Package graph holds csakg's GraphQL resolvers. Resolvers stay thin: they
// check input, call the store and map the result; the mapping helpers live in
// this file and its siblings, never in *.resolvers.go.
package graph

import "csakg/store"

// Resolver is the root resolver; it holds what every resolver needs.
type Resolver struct {
	Store *store.Store
}
