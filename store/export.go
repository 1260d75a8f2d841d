package store

import (
	"context"
	"fmt"
)

// ExportNode is an entity in an export.
type ExportNode struct {
	ID, Label, Name, Description string
	Aliases                      []string
}

// ExportEdge is a relationship in an export, with its provenance.
type ExportEdge struct {
	Type, From, To, Role string
	Source, Excerpt      string
	Line                 int64
}

// Export is a piece of the graph for analysts' tools.
type Export struct {
	Nodes     []ExportNode
	Edges     []ExportEdge
	Truncated bool // more nodes than MaxExport matched
}

// MaxExport bounds the nodes of one export.
const MaxExport = 5000

// MaxExportHops bounds the neighbourhood of an export.
const MaxExportHops = 3

// Export returns the whole graph (entityID empty) or the entities within
// hops relationships of entityID, with the relationships among them. It
// returns ErrNotFound when entityID names no entity.
func (s *Store) Export(ctx context.Context, entityID string, hops int) (Export, error) {
	params := map[string]any{"max": MaxExport + 1, "id": entityID}
	var q string
	if entityID == "" {
		q = cypherExportAll
	} else {
		if hops < 1 || hops > MaxExportHops {
			return Export{}, fmt.Errorf("hops %d out of range", hops)
		}
		q = fmt.Sprintf(cypherExportAround, entityRelPattern, hops)
	}
	recs, err := s.query(ctx, q, params)
	if err != nil {
		return Export{}, err
	}
	r := recs[0]
	if found, ok := r.Get("found"); ok && found != true {
		return Export{}, fmt.Errorf("entity %q: %w", entityID, ErrNotFound)
	}
	var out Export
	nodes, _ := r.Get("nodes")
	for _, x := range nodes.([]any) {
		m := x.(map[string]any)
		if len(out.Nodes) == MaxExport {
			out.Truncated = true
			break
		}
		out.Nodes = append(out.Nodes, ExportNode{ID: str(m["id"]), Label: str(m["label"]), Name: str(m["name"]),
			Description: str(m["description"]), Aliases: strs(m["aliases"])})
	}
	keep := make(map[string]bool, len(out.Nodes))
	for _, n := range out.Nodes {
		keep[n.ID] = true
	}
	edges, _ := r.Get("edges")
	for _, x := range edges.([]any) {
		m := x.(map[string]any)
		e := ExportEdge{Type: str(m["type"]), From: str(m["from"]), To: str(m["to"]), Role: str(m["role"]),
			Source: str(m["source"]), Excerpt: str(m["excerpt"])}
		e.Line, _ = m["line"].(int64)
		if keep[e.From] && keep[e.To] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out, nil
}

// Export statements. Nodes come ordered by id so exports are stable.
const (
	exportNode = `{id: n.id, label: head([l IN labels(n) WHERE l <> 'Entity']), name: n.name, aliases: n.aliases, description: n.description}`
	exportEdge = `{type: type(r), from: a.id, to: b.id, role: r.role, source: r.source, line: r.line, excerpt: r.excerpt}`

	cypherExportAll = `
RETURN true AS found,
  COLLECT { MATCH (n:Entity) RETURN ` + exportNode + ` ORDER BY n.id LIMIT $max } AS nodes,
  COLLECT { MATCH (a:Entity)-[r]->(b:Entity) RETURN ` + exportEdge + ` ORDER BY a.id, type(r), b.id } AS edges`

	// cypherExportAround takes the relationship types and the hops.
	cypherExportAround = `
OPTIONAL MATCH (c:Entity {id: $id})
WITH c, COLLECT { MATCH (c)-[:%[1]s*0..%[2]d]-(n:Entity) RETURN DISTINCT n ORDER BY n.id LIMIT $max } AS ns
RETURN c IS NOT NULL AS found,
  [n IN ns | ` + exportNode + `] AS nodes,
  COLLECT { MATCH (a:Entity)-[r]->(b:Entity) WHERE a IN ns AND b IN ns RETURN ` + exportEdge + ` ORDER BY a.id, type(r), b.id } AS edges`
)
