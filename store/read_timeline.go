package store

import (
	"context"
	"fmt"
	"strings"
)

// This file reads timelines: events and dated documents in date order.

// Timeline reads events and dated documents in date order: those linked
// directly to the entity entityID, or all of them when entityID is empty.
// It returns ErrNotFound when entityID names no entity.
//
// types, with an entity, keeps the items linked to it by relationships of
// those types (all types when empty).
func (s *Store) Timeline(ctx context.Context, entityID string, types []string, from, to string, page Page, total bool, sel *Selection) (Connection, error) {
	if err := sel.Validate(); err != nil {
		return Connection{}, err
	}
	if err := validTypes(types); err != nil {
		return Connection{}, err
	}
	if len(types) > 0 && entityID == "" {
		return Connection{}, fmt.Errorf("relationship types without an entity")
	}
	c := newCompiler()
	match := "(n:Event|Document)"
	prefix := ""
	if entityID != "" {
		prefix = fmt.Sprintf("OPTIONAL MATCH (a:Entity {id: %s}) ", c.param(entityID))
		rels := entityRelPattern
		if len(types) > 0 {
			rels = strings.Join(types, "|")
		}
		match = "(a)-[:" + rels + "]-(n:Event|Document)"
	}
	where := "n.date IS NOT NULL"
	where = and(where, c.filter("n", Filter{DateFrom: from, DateTo: to}))
	keys := []string{"n.date", "n.id"}
	cond := where
	if page.After != nil {
		cond = and(cond, "[n.date, n.id] > "+c.param([]any(page.After)))
	}
	// DISTINCT: an event linked to the entity twice is on its timeline once.
	q := fmt.Sprintf("%sRETURN COLLECT { MATCH %s%s WITH DISTINCT n RETURN {cursor: [%s], date: n.date, node: %s} ORDER BY %s LIMIT %s } AS edges",
		prefix, match, whereClause(cond), strings.Join(keys, ", "), c.entity("n", sel), strings.Join(keys, ", "), c.param(page.First+1))
	if total {
		q += fmt.Sprintf(", COUNT { MATCH %s%s RETURN DISTINCT n } AS total", match, whereClause(where))
	}
	if entityID != "" {
		q += ", a IS NOT NULL AS found"
	}
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return Connection{}, err
	}
	if entityID != "" {
		if ok, _ := recs[0].Get("found"); ok != true {
			return Connection{}, fmt.Errorf("entity %q: %w", entityID, ErrNotFound)
		}
	}
	return connectionOf(recs[0]), nil
}
