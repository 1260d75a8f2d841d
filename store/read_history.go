package store

import (
	"context"
	"time"
)

// This file reads what was loaded: the sources and the load runs.

// SourceInfo describes a loaded source text.
type SourceInfo struct {
	ID, Name, SHA256, Kind string
	Lines                  int64
	LoadedAt               time.Time
	EntityCount            int64
	RelationshipCount      int64
}

// Sources lists the loaded source texts by name.
func (s *Store) Sources(ctx context.Context) ([]SourceInfo, error) {
	recs, err := s.query(ctx, cypherSources, nil)
	if err != nil {
		return nil, err
	}
	out := make([]SourceInfo, 0, len(recs))
	for _, r := range recs {
		m, _ := r.Get("s")
		p := m.(map[string]any)
		si := SourceInfo{ID: str(p["id"]), Name: str(p["name"]), SHA256: str(p["sha256"]), Kind: str(p["kind"])}
		si.Lines, _ = p["lines"].(int64)
		si.EntityCount, _ = p["entityCount"].(int64)
		si.RelationshipCount, _ = p["relationshipCount"].(int64)
		si.LoadedAt, _ = p["loadedAt"].(time.Time)
		out = append(out, si)
	}
	return out, nil
}

// LoadRun is one recorded load.
type LoadRun struct {
	ID                         string
	StartedAt, FinishedAt      time.Time
	Sources, ChangedSources    []string
	NodesCreated, NodesDeleted int64
	RelsCreated, RelsDeleted   int64
}

// LoadRuns lists the newest first loads.
func (s *Store) LoadRuns(ctx context.Context, first int) ([]LoadRun, error) {
	recs, err := s.query(ctx, cypherLoadRuns, map[string]any{"first": first})
	if err != nil {
		return nil, err
	}
	out := make([]LoadRun, 0, len(recs))
	for _, r := range recs {
		m, _ := r.Get("r")
		p := m.(map[string]any)
		lr := LoadRun{ID: str(p["id"]), Sources: strs(p["sources"]), ChangedSources: strs(p["changedSources"])}
		lr.StartedAt, _ = p["startedAt"].(time.Time)
		lr.FinishedAt, _ = p["finishedAt"].(time.Time)
		lr.NodesCreated, _ = p["nodesCreated"].(int64)
		lr.NodesDeleted, _ = p["nodesDeleted"].(int64)
		lr.RelsCreated, _ = p["relsCreated"].(int64)
		lr.RelsDeleted, _ = p["relsDeleted"].(int64)
		out = append(out, lr)
	}
	return out, nil
}
