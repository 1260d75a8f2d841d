package graph

import (
	"context"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
)

// planCache keeps the writer's plans of the operations it answered, so a
// request asked again (a dashboard's poll, a client's retry, the same
// persisted query with the same variables) skips collecting its fields and
// building its selections. The key is the document, the operation and the
// variables' values: a plan holds the checked arguments, so a plan is only
// reused for the very request it was made for. The Cypher a plan compiles
// has every value as a parameter (see store/compile_params.go), so Neo4j's
// plan cache hits for any values.
type planCache struct {
	plans *lru.LRU[*cachedPlan]
}

// cachedPlan is what of a directPlan does not depend on the request's
// OperationContext: the root fields and what reads and writes each.
type cachedPlan struct {
	roots []graphql.CollectedField
	reads []func(context.Context, *writer) error
}

// Plans are kept for at most planCacheSize operations, each of a key of at
// most maxPlanKey bytes, so the cache holds a few megabytes at most.
const (
	planCacheSize = 1000
	maxPlanKey    = 4096
)

func newPlanCache() *planCache { return &planCache{plans: lru.New[*cachedPlan](planCacheSize)} }

// key returns the cache key of op, or false for an operation too large
// to keep.
func (c *planCache) key(op *graphql.OperationContext) (string, bool) {
	if len(op.RawQuery) > maxPlanKey {
		return "", false
	}
	vars, err := json.Marshal(op.Variables) // map keys sorted: one key per request
	if err != nil || len(op.RawQuery)+len(vars) > maxPlanKey {
		return "", false
	}
	return op.RawQuery + "\x00" + op.OperationName + "\x00" + string(vars), true
}

// get returns the plan of op, made for an earlier request with the same key.
func (c *planCache) get(ctx context.Context, op *graphql.OperationContext, sat map[string][]string) (*directPlan, bool) {
	k, ok := c.key(op)
	if !ok {
		return nil, false
	}
	cp, ok := c.plans.Get(ctx, k)
	if !ok {
		return nil, false
	}
	return &directPlan{op: op, sat: sat, roots: cp.roots, reads: cp.reads}, true
}

// put keeps p for later requests with op's key.
func (c *planCache) put(ctx context.Context, op *graphql.OperationContext, p *directPlan) {
	if k, ok := c.key(op); ok {
		c.plans.Add(ctx, k, &cachedPlan{roots: p.roots, reads: p.reads})
	}
}
