package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"csakg/graphmodel"
)

// This file reads the root lists: a page of the entities of one label,
// filtered and sorted.

// Filter narrows a list of entities. Empty fields do not filter.
type Filter struct {
	NameContains   string
	NameStartsWith string
	Kind           string
	Region         string
	DateFrom       string // ISO date, inclusive
	DateTo         string // ISO date or prefix (2021-06), inclusive
	RelatedTo      string // id of an entity it must be linked to
	Rels           []RelFilter
}

// Set sets the filter of the graph model's name (graphmodel.AllFilters).
func (f *Filter) Set(name, v string) error {
	switch name {
	case graphmodel.FilterNameContains:
		f.NameContains = v
	case graphmodel.FilterNameStartsWith:
		f.NameStartsWith = v
	case graphmodel.FilterKind:
		f.Kind = v
	case graphmodel.FilterRegion:
		f.Region = v
	case graphmodel.FilterDateFrom:
		f.DateFrom = v
	case graphmodel.FilterDateTo:
		f.DateTo = v
	case graphmodel.FilterRelatedTo:
		f.RelatedTo = v
	default:
		return fmt.Errorf("filter %q is not in the graph model", name)
	}
	return nil
}

// Order is a sort order for lists.
type Order string

// Orders. Entities without a date sort after those with one, both ways.
const (
	NameAsc  Order = "NAME_ASC"
	NameDesc Order = "NAME_DESC"
	DateAsc  Order = "DATE_ASC"
	DateDesc Order = "DATE_DESC"
)

// Connection is one page of a list, as the compiled query returns it: each
// edge a map with "cursor" (the sort-key values) and "node" (a Record), at
// most Page.First+1 of them.
type Connection struct {
	Edges      []map[string]any
	TotalCount int64
}

// sortKeys returns the Cypher sort keys of a list of entities bound to v.
// Dates sort with missing ones last; the id makes the order total.
func sortKeys(v string, o Order) ([]string, bool, error) {
	switch o {
	case NameAsc, "":
		return []string{v + ".name", v + ".id"}, false, nil
	case NameDesc:
		return []string{v + ".name", v + ".id"}, true, nil
	case DateAsc:
		return []string{"coalesce(" + v + ".date, '9999')", v + ".id"}, false, nil
	case DateDesc:
		return []string{"coalesce(" + v + ".date, '')", v + ".id"}, true, nil
	}
	return nil, false, fmt.Errorf("order %q", o)
}

// List reads a page of the entities of one label.
func (s *Store) List(ctx context.Context, label string, f Filter, o Order, page Page, total bool, sel *Selection) (Connection, error) {
	if err := validLabels([]string{label}); err != nil {
		return Connection{}, err
	}
	if err := sel.Validate(); err != nil {
		return Connection{}, err
	}
	if err := validRels(f); err != nil {
		return Connection{}, err
	}
	c := newCompiler()
	q, err := c.list(label, f, o, page, total, sel)
	if err != nil {
		return Connection{}, err
	}
	return s.connection(ctx, q, c.params)
}

// list compiles the query of a root list: its "edges" column and, when
// asked, its "total".
func (c *compiler) list(label string, f Filter, o Order, page Page, total bool, sel *Selection) (string, error) {
	match, where, seek := c.listMatch(label, f)
	keys, desc, err := sortKeys("n", o)
	if err != nil {
		return "", err
	}
	order, after := c.listOrder(keys, desc, page.After)
	distinct := ""
	if seek {
		distinct = " WITH DISTINCT n"
	}
	item := fmt.Sprintf("{cursor: [%s], node: %s}", strings.Join(keys, ", "), c.entity("n", sel))
	var q string
	switch {
	case page.CountOnly:
		q = countOnlyList
		if total {
			q += listCount(match, where, seek)
		}
	case total && where != "":
		// The filter scans the candidates once for the page and the count:
		// without one, the count is the label's, which Neo4j keeps.
		q = fmt.Sprintf("MATCH %s%s%s WITH collect(n) AS ns RETURN COLLECT { UNWIND ns AS n%s RETURN %s ORDER BY %s LIMIT %s } AS edges, size(ns) AS total",
			match, whereClause(where), distinct, withWhere("n", after), item, order, c.param(page.First+1))
	default:
		q = fmt.Sprintf("RETURN COLLECT { MATCH %s%s%s RETURN %s ORDER BY %s LIMIT %s } AS edges",
			match, whereClause(and(where, after)), distinct, item, order, c.param(page.First+1))
		if total {
			q += listCount(match, where, seek)
		}
	}
	return q, nil
}

// listOrder compiles the ORDER BY of a list by keys and the condition of
// the items after the cursor after (none when nil).
func (c *compiler) listOrder(keys []string, desc bool, after Cursor) (order, cond string) {
	op := ">"
	order = strings.Join(keys, ", ")
	if desc {
		op, order = "<", strings.Join(keys, " DESC, ")+" DESC"
	}
	if after != nil {
		cond = "[" + strings.Join(keys, ", ") + "] " + op + " " + c.param([]any(after))
	}
	return order, cond
}

// listCount is the total column of a root list's query.
func listCount(match, where string, seek bool) string {
	distinct := ""
	if seek {
		distinct = " RETURN DISTINCT n"
	}
	return fmt.Sprintf(", COUNT { MATCH %s%s%s } AS total", match, whereClause(where), distinct)
}

// withWhere filters the rows of v by cond, if there is one.
func withWhere(v, cond string) string {
	if cond == "" {
		return ""
	}
	return " WITH " + v + " WHERE " + cond
}

func (s *Store) connection(ctx context.Context, q string, params map[string]any) (Connection, error) {
	recs, err := s.query(ctx, q, params)
	if err != nil {
		return Connection{}, err
	}
	return connectionOf(recs[0]), nil
}

// connectionOf reads the "edges" and, if asked for, "total" columns of a
// compiled list query.
func connectionOf(r *neo4j.Record) Connection {
	var out Connection
	edges, _ := r.Get("edges")
	for _, e := range edges.([]any) {
		out.Edges = append(out.Edges, e.(map[string]any))
	}
	if t, ok := r.Get("total"); ok {
		out.TotalCount, _ = t.(int64)
	}
	return out
}

// filter compiles f for the entity bound to v.
func (c *compiler) filter(v string, f Filter) string {
	var cond string
	// Every text filter compares folded text (see fold). The name key (see
	// nameKey) holds the name and aliases, folded, after newlines; no name
	// has one, so text with a newline matches nothing.
	if f.NameContains != "" {
		if strings.Contains(f.NameContains, "\n") {
			return "false"
		}
		cond = and(cond, fmt.Sprintf("%s.nameKey CONTAINS %s", v, fold(c.param(f.NameContains))))
	}
	if f.NameStartsWith != "" {
		if strings.Contains(f.NameStartsWith, "\n") {
			return "false"
		}
		// The name comes first in the key, so it starts with the text when
		// the key does after its first newline.
		cond = and(cond, fmt.Sprintf("%s.nameKey STARTS WITH '\\n' + %s", v, fold(c.param(f.NameStartsWith))))
	}
	if f.Kind != "" {
		cond = and(cond, fmt.Sprintf("%s = %s", fold(v+".kind"), fold(c.param(f.Kind))))
	}
	if f.Region != "" {
		cond = and(cond, fmt.Sprintf("%s = %s", fold(v+".region"), fold(c.param(f.Region))))
	}
	cond = and(cond, c.dateRange(v+".date", f.DateFrom, f.DateTo))
	if f.RelatedTo != "" {
		cond = and(cond, fmt.Sprintf("EXISTS { (%s)--(:Entity {id: %s}) }", v, c.param(f.RelatedTo)))
	}
	return and(cond, c.relFilters(v, f.Rels))
}

// dateRange compiles the bounds from and to (ISO dates or prefixes, both
// inclusive, "" for none) on the date expression d; a null date is out of
// any range.
func (c *compiler) dateRange(d, from, to string) string {
	var cond string
	if from != "" {
		cond = fmt.Sprintf("%s >= %s", d, c.param(from))
	}
	if to != "" {
		// A prefix compare makes "2021-06" include every day of June. The
		// bound below it says the same for ISO dates (whose characters all
		// sort before DEL) in a form the date index can seek on.
		p := c.param(to)
		cond = and(cond, fmt.Sprintf("%s < %s AND left(%s, size(%s)) <= %s", d, c.param(to+"\x7f"), d, p, p))
	}
	return cond
}
