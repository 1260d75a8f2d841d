package store

import (
	"context"
	"fmt"
	"strings"

	"csakg/graphmodel"
	"csakg/loader"
)

// This file finds the shortest paths between two entities.

// Hop is one relationship of a path.
type Hop struct {
	Type     string
	From, To string // ids, in the relationship's own direction
	Role     string
	Evidence loader.Evidence
}

// Path is a path between two entities.
type Path struct {
	Nodes []Record
	Hops  []Hop
}

// MaxHops bounds path length.
const MaxHops = 6

// entityRelPattern is every entity relationship type, for variable-length
// patterns, which must not walk through Source nodes.
var entityRelPattern = strings.Join(graphmodel.RelTypes, "|")

// Paths returns up to first shortest paths between two entities, of at most
// maxHops relationships. It returns ErrNotFound when either entity is
// missing.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops, first int, sel *Selection) ([]Path, error) {
	if maxHops < 1 || maxHops > MaxHops {
		return nil, fmt.Errorf("maxHops %d out of range", maxHops)
	}
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	c := newCompiler()
	q := fmt.Sprintf(`OPTIONAL MATCH (a:Entity {id: %s})
OPTIONAL MATCH (b:Entity {id: %s})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[:%s*..%d]-(b))
  WITH p LIMIT %s
  RETURN collect({nodes: [n IN nodes(p) | %s],
    hops: [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role,
      source: r.source, line: r.line, excerpt: r.excerpt, rule: r.rule}]}) AS paths
}
RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasTo, paths`,
		c.param(from), c.param(to), entityRelPattern, maxHops, c.param(first), c.entity("n", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	r := recs[0]
	if ok, _ := r.Get("hasFrom"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", from, ErrNotFound)
	}
	if ok, _ := r.Get("hasTo"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", to, ErrNotFound)
	}
	raw, _ := r.Get("paths")
	var out []Path
	for _, p := range raw.([]any) {
		pm := p.(map[string]any)
		var path Path
		for _, n := range pm["nodes"].([]any) {
			path.Nodes = append(path.Nodes, n.(Record))
		}
		for _, h := range pm["hops"].([]any) {
			hm := h.(map[string]any)
			path.Hops = append(path.Hops, Hop{
				Type: str(hm["type"]), From: str(hm["from"]), To: str(hm["to"]), Role: str(hm["role"]),
				Evidence: evidence(hm),
			})
		}
		out = append(out, path)
	}
	return out, nil
}
