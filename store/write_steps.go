package store

import (
	"fmt"
	"slices"
	"time"

	"csakg/graphmodel"
	"csakg/loader"
)

// This file holds the steps of a write (writer.write), in order.

// writeSources reads which sources the graph has, and with which hashes,
// and makes sure each of the load has its node.
func (w *writer) writeSources(st *loadState) error {
	recs, err := w.run(cypherSourceHashes, map[string]any{"names": st.names})
	if err != nil {
		return err
	}
	st.known = map[string]string{}
	for _, r := range recs {
		name, _ := r.Get("name")
		sum, _ := r.Get("sha256")
		st.known[fmt.Sprint(name)] = fmt.Sprint(sum)
	}
	for _, src := range st.g.Sources {
		if st.known[src.Name] != src.SHA256 {
			w.report.ChangedSources = append(w.report.ChangedSources, src.Name)
		}
		st.sources = append(st.sources, map[string]any{"id": sourceID(src.Name), "name": src.Name, "kind": src.Kind})
	}
	recs, err = w.run(cypherEnsureSources, map[string]any{"rows": st.sources, "now": st.started})
	if err == nil {
		st.keepIDs(recs)
	}
	return err
}

// writeEntities writes the entities, one statement per label. Into a graph
// without entities (a first load, or one after a wipe) they are CREATEd:
// there is no old copy to find. A batched load stopped half-way has
// written some, so the next run MERGEs.
func (w *writer) writeEntities(st *loadState) error {
	t := time.Now()
	recs, err := w.run(cypherHasEntities, nil)
	if err != nil {
		return err
	}
	statements := cypherUpsertNodes
	if has, _ := recs[0].Get("any"); has == false {
		statements = cypherCreateNodes
	}
	nodes := map[string]batches{}
	for _, l := range graphmodel.LabelNames {
		nodes[l] = w.batches(statements[l]).collect(st.keepIDs)
	}
	// An entity given twice is written once, with its properties merged as
	// two MERGEs would leave them (the later wins); CREATE would make two.
	type entity struct{ label, id string }
	props := make(map[entity]map[string]any, len(st.g.Nodes))
	var order []entity
	for _, n := range st.g.Nodes {
		e := entity{n.Label, n.ID}
		p, seen := props[e]
		if !seen {
			props[e] = nodeProps(n)
			order = append(order, e)
			continue
		}
		for k, v := range nodeProps(n) {
			p[k] = v
		}
	}
	for _, e := range order {
		if err := nodes[e.label].add(e.id, map[string]any{"id": e.id, "props": props[e]}); err != nil {
			return err
		}
	}
	for _, l := range graphmodel.LabelNames {
		if err := nodes[l].flush(); err != nil {
			return err
		}
	}
	if err := w.drain(); err != nil {
		return err
	}
	w.phase("entities", len(st.g.Nodes), t)
	return nil
}

// writeRelationships writes the relationships, one statement per type. A
// fact stated twice is written once (CREATE would make two).
func (w *writer) writeRelationships(st *loadState) error {
	t := time.Now()
	// Rows whose ends this load wrote go by element id; a row that ends at
	// an entity only the graph has goes by key.
	all := map[string]batches{}
	for _, typ := range graphmodel.RelTypes {
		all["merge "+typ] = w.batches(cypherUpsertRels[typ])
		all["create "+typ] = w.batches(cypherCreateRels[typ])
		all["merge id "+typ] = w.batches(cypherUpsertRelsByID[typ])
		all["create id "+typ] = w.batches(cypherCreateRelsByID[typ])
	}
	degree := endDegrees(st.g.Edges)
	st.relKeys = make([]string, 0, len(st.g.Edges))
	for _, e := range st.g.Edges {
		k := edgeKey(e)
		if _, dup := st.written[k]; dup {
			continue
		}
		st.written[k] = struct{}{}
		st.relKeys = append(st.relKeys, k)
		st.relCount[e.Evidence.Source]++
		verb := "merge "
		if _, ok := st.known[e.Evidence.Source]; !ok {
			verb = "create "
		}
		from, okFrom := st.nodeID(e.From)
		to, okTo := st.nodeID(e.To)
		if okFrom && okTo {
			verb += "id "
		} else {
			from, to = e.From, e.To
		}
		if err := all[verb+e.Type].add(sparseEnd(e, degree), map[string]any{"from": from, "to": to, "key": k, "props": edgeProps(e)}); err != nil {
			return err
		}
	}
	for _, bs := range all {
		if err := bs.flush(); err != nil {
			return err
		}
	}
	if err := w.drain(); err != nil {
		return err
	}
	w.phase("relationships", len(st.g.Edges), t)
	return nil
}

// endDegrees counts the relationships of the load at each entity.
func endDegrees(edges []loader.Edge) map[string]int {
	d := make(map[string]int, len(edges))
	for _, e := range edges {
		d[e.From]++
		d[e.To]++
	}
	return d
}

// sparseEnd is the end of e with fewer relationships: the one Neo4j locks
// when e is written, which picks e's lane.
func sparseEnd(e loader.Edge, degree map[string]int) string {
	if degree[e.To] < degree[e.From] {
		return e.To
	}
	return e.From
}

// writeMentions writes the lines that mention each entity, and counts the
// entities of each source.
func (w *writer) writeMentions(st *loadState) error {
	t := time.Now()
	mentions := w.batches(cypherUpsertMentions)
	newMentions := w.batches(cypherCreateMentions)
	byID := w.batches(cypherCreateMentionsByID)
	for _, n := range st.g.Nodes {
		seen := map[string]bool{}
		for _, m := range n.Mentions {
			if !seen[m.Source] {
				seen[m.Source] = true
				st.entityCount[m.Source]++
			}
			k := mentionKey(n.ID, m)
			if _, dup := st.written[k]; dup {
				continue
			}
			st.written[k] = struct{}{}
			st.mentionKeys = append(st.mentionKeys, k)
			row := map[string]any{"id": n.ID, "sourceId": sourceID(m.Source), "line": m.Line, "excerpt": m.Excerpt, "rule": m.Rule, "key": k}
			b := mentions
			if _, ok := st.known[m.Source]; !ok {
				b = newMentions
				eid, okN := st.nodeID(n.ID)
				sourceEid, okS := st.nodeID(sourceID(m.Source))
				if okN && okS {
					b, row["eid"], row["sourceEid"] = byID, eid, sourceEid
				}
			}
			if err := b.add(n.ID, row); err != nil {
				return err
			}
		}
	}
	if err := mentions.flush(); err != nil {
		return err
	}
	if err := newMentions.flush(); err != nil {
		return err
	}
	if err := byID.flush(); err != nil {
		return err
	}
	if err := w.drain(); err != nil {
		return err
	}
	w.phase("mentions", len(st.mentionKeys), t)
	return nil
}

// deleteStale deletes what the sources no longer state, and the entities
// no source mentions, and counts the degrees anew. Sources the graph had
// no node for before this load stated nothing in it, so there is nothing
// of theirs to look for.
func (w *writer) deleteStale(st *loadState) error {
	anyKnown := slices.ContainsFunc(st.g.Sources, func(src loader.Source) bool { _, ok := st.known[src.Name]; return ok })
	for _, step := range []struct {
		name            string
		atomic, batched string
		params          map[string]any
		stale           bool // looks for what known sources no longer state
	}{
		{"stale relationships", cypherDeleteStaleRels, cypherDeleteStaleRelsBatched, map[string]any{"names": st.names, "keys": st.relKeys}, true},
		{"stale mentions", cypherDeleteStaleMentions, cypherDeleteStaleMentionsBatched, map[string]any{"names": st.names, "keys": nonNil(st.mentionKeys)}, true},
		{"orphans", cypherDeleteOrphans, cypherDeleteOrphansBatched, nil, false},
		{"degrees", cypherDegrees, cypherDegreesBatched, nil, false},
	} {
		if step.stale && !anyKnown {
			continue
		}
		t := time.Now()
		if err := w.runBulk(step.atomic, step.batched, step.params); err != nil {
			return err
		}
		w.phase(step.name, 0, t)
	}
	return nil
}

// countSources writes each source's hash, length and counts.
func (w *writer) countSources(st *loadState) error {
	for i, src := range st.g.Sources {
		st.sources[i]["sha256"] = src.SHA256
		st.sources[i]["lines"] = src.Lines
		st.sources[i]["entityCount"] = st.entityCount[src.Name]
		st.sources[i]["relationshipCount"] = st.relCount[src.Name]
	}
	_, err := w.run(cypherUpsertSources, map[string]any{"rows": st.sources, "now": st.started})
	return err
}

// recordRun records the run. The record is bookkeeping, not a change to
// the graph: it is not tallied.
func (w *writer) recordRun(st *loadState) error {
	rep := w.report
	_, _, err := w.exec(cypherRecordRun, map[string]any{
		"id": rep.RunID, "startedAt": st.started, "finishedAt": time.Now().UTC(),
		"names": st.names, "changed": nonNil(rep.ChangedSources),
		"nodesCreated": rep.NodesCreated, "nodesDeleted": rep.NodesDeleted,
		"relsCreated": rep.RelsCreated, "relsDeleted": rep.RelsDeleted,
	})
	return err
}
