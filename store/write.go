package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"csakg/loader"
)

// LoadReport says what a load changed.
type LoadReport struct {
	RunID          string
	Sources        []string // every source in the load
	ChangedSources []string // sources that are new or whose text changed
	NodesCreated   int
	NodesDeleted   int
	RelsCreated    int // entity relationships and mentions
	RelsDeleted    int
}

// batchSize bounds the rows sent in one UNWIND statement.
const batchSize = 2000

// EnsureSchema creates the constraints and indexes csakg relies on, where
// they are missing. Schema changes cannot share a transaction with data, so
// this runs before a load, not inside it.
func (s *Store) EnsureSchema(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4jWrite(s.db))
	defer sess.Close(ctx)
	for _, stmt := range schemaStatements {
		if _, err := sess.Run(ctx, stmt, nil); err != nil {
			return fmt.Errorf("schema: %w", translate(err))
		}
	}
	return nil
}

// Load writes g to the graph in one transaction: all of it or, on any error,
// none of it. For each source in g, facts that the source no longer states
// are removed, and entities that no source mentions any more are deleted;
// facts from other sources are kept. Loading the same texts twice changes
// nothing but the load history.
func (s *Store) Load(ctx context.Context, g *loader.Graph) (LoadReport, error) {
	if err := s.EnsureSchema(ctx); err != nil {
		return LoadReport{}, err
	}
	started := time.Now().UTC()
	rep := LoadReport{RunID: "load:" + started.Format("20060102T150405.000000000Z")}
	for _, src := range g.Sources {
		rep.Sources = append(rep.Sources, src.Name)
	}

	sess := s.driver.NewSession(ctx, neo4jWrite(s.db))
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		// A retried transaction starts again from zero.
		r := rep
		w := &txWriter{ctx: ctx, tx: tx, report: &r}
		if err := w.write(g, started); err != nil {
			return nil, err
		}
		rep = r
		return nil, nil
	}, txTimeout(ctx))
	if err != nil {
		return LoadReport{}, fmt.Errorf("load: %w", translateCtx(ctx, err))
	}
	return rep, nil
}

// txWriter runs the statements of one load inside one transaction and
// tallies what they changed.
type txWriter struct {
	ctx    context.Context
	tx     neo4j.ManagedTransaction
	report *LoadReport
}

func (w *txWriter) run(cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := w.tx.Run(w.ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(w.ctx)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(w.ctx)
	if err != nil {
		return nil, err
	}
	c := sum.Counters()
	w.report.NodesCreated += c.NodesCreated()
	w.report.NodesDeleted += c.NodesDeleted()
	w.report.RelsCreated += c.RelationshipsCreated()
	w.report.RelsDeleted += c.RelationshipsDeleted()
	return recs, nil
}

// runBatches sends rows in slices of batchSize.
func (w *txWriter) runBatches(cypher string, rows []map[string]any) error {
	for len(rows) > 0 {
		n := min(batchSize, len(rows))
		if _, err := w.run(cypher, map[string]any{"rows": rows[:n]}); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func (w *txWriter) write(g *loader.Graph, started time.Time) error {
	names := w.report.Sources
	recs, err := w.run(cypherSourceHashes, map[string]any{"names": names})
	if err != nil {
		return err
	}
	known := map[string]string{}
	for _, r := range recs {
		name, _ := r.Get("name")
		sum, _ := r.Get("sha256")
		known[fmt.Sprint(name)] = fmt.Sprint(sum)
	}
	// Per-source counts, kept on the Source nodes: every fact of a source
	// being loaded is in g.
	entities, rels := map[string]map[string]bool{}, map[string]int{}
	for _, n := range g.Nodes {
		for _, m := range n.Mentions {
			if entities[m.Source] == nil {
				entities[m.Source] = map[string]bool{}
			}
			entities[m.Source][n.ID] = true
		}
	}
	for _, e := range g.Edges {
		rels[e.Evidence.Source]++
	}
	var sources []map[string]any
	for _, src := range g.Sources {
		if known[src.Name] != src.SHA256 {
			w.report.ChangedSources = append(w.report.ChangedSources, src.Name)
		}
		sources = append(sources, map[string]any{
			"id": sourceID(src.Name), "name": src.Name, "sha256": src.SHA256,
			"lines": src.Lines, "kind": src.Kind,
			"entityCount": len(entities[src.Name]), "relationshipCount": rels[src.Name],
		})
	}
	if _, err := w.run(cypherUpsertSources, map[string]any{"rows": sources, "now": started}); err != nil {
		return err
	}

	// Nodes, grouped by label.
	byLabel := map[string][]map[string]any{}
	var mentions []map[string]any
	for _, n := range g.Nodes {
		if _, ok := cypherUpsertNodes[n.Label]; !ok {
			return fmt.Errorf("node %q: label %q is not in the graph model", n.ID, n.Label)
		}
		byLabel[n.Label] = append(byLabel[n.Label], map[string]any{"id": n.ID, "props": nodeProps(n)})
		for _, m := range n.Mentions {
			mentions = append(mentions, map[string]any{
				"id": n.ID, "sourceId": sourceID(m.Source), "line": m.Line, "excerpt": m.Excerpt,
				"key": mentionKey(n.ID, m),
			})
		}
	}
	for _, l := range loader.Labels {
		if err := w.runBatches(cypherUpsertNodes[l], byLabel[l]); err != nil {
			return err
		}
	}

	// Relationships, grouped by type.
	byType := map[string][]map[string]any{}
	keys := make([]string, 0, len(g.Edges))
	for _, e := range g.Edges {
		if _, ok := cypherUpsertRels[e.Type]; !ok {
			return fmt.Errorf("edge %s->%s: type %q is not in the graph model", e.From, e.To, e.Type)
		}
		k := edgeKey(e)
		keys = append(keys, k)
		byType[e.Type] = append(byType[e.Type], map[string]any{
			"from": e.From, "to": e.To, "key": k, "props": edgeProps(e),
		})
	}
	if _, err := w.run(cypherDeleteStaleRels, map[string]any{"names": names, "keys": keys}); err != nil {
		return err
	}
	for _, t := range loader.RelTypes {
		if err := w.runBatches(cypherUpsertRels[t], byType[t]); err != nil {
			return err
		}
	}

	mentionKeys := make([]string, len(mentions))
	for i, m := range mentions {
		mentionKeys[i] = m["key"].(string)
	}
	if _, err := w.run(cypherDeleteStaleMentions, map[string]any{"names": names, "keys": mentionKeys}); err != nil {
		return err
	}
	if err := w.runBatches(cypherUpsertMentions, mentions); err != nil {
		return err
	}
	if _, err := w.run(cypherDeleteOrphans, nil); err != nil {
		return err
	}
	if _, err := w.run(cypherDegrees, nil); err != nil {
		return err
	}

	// The run record is bookkeeping, not a change to the graph: it is not
	// tallied.
	rep := w.report
	res, err := w.tx.Run(w.ctx, cypherRecordRun, map[string]any{
		"id": rep.RunID, "startedAt": started, "finishedAt": time.Now().UTC(),
		"names": names, "changed": nonNil(rep.ChangedSources),
		"nodesCreated": rep.NodesCreated, "nodesDeleted": rep.NodesDeleted,
		"relsCreated": rep.RelsCreated, "relsDeleted": rep.RelsDeleted,
	})
	if err != nil {
		return err
	}
	_, err = res.Consume(w.ctx)
	return err
}

// nodeProps is every property of n, with the model's keys set explicitly so
// that a property dropped from the text is removed from the node (SET += with
// a null value removes it).
func nodeProps(n loader.Node) map[string]any {
	p := make(map[string]any, len(n.Props)+3)
	for k, v := range n.Props {
		p[k] = v
	}
	p["name"] = n.Name
	p["aliases"] = nonNil(n.Aliases)
	if n.Description != "" {
		p["description"] = n.Description
	} else {
		p["description"] = nil
	}
	return p
}

func edgeProps(e loader.Edge) map[string]any {
	p := make(map[string]any, len(e.Props)+3)
	for k, v := range e.Props {
		p[k] = v
	}
	p["source"] = e.Evidence.Source
	p["line"] = e.Evidence.Line
	p["excerpt"] = e.Evidence.Excerpt
	return p
}

// edgeKey identifies a relationship across loads: the same fact read from
// the same source gets the same key, so MERGE finds it again.
func edgeKey(e loader.Edge) string {
	return hashKey(e.Type, e.From, e.To, e.Evidence.Source,
		"role="+propString(e.Props, "role"), "section="+propString(e.Props, "section"))
}

func propString(p map[string]any, k string) string {
	if v, ok := p[k]; ok {
		return fmt.Sprint(v)
	}
	return ""
}

func mentionKey(id string, m loader.Evidence) string {
	return hashKey(id, m.Source, strconv.Itoa(m.Line))
}

func hashKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func sourceID(name string) string { return "source:" + name }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
