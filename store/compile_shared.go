package store

import (
	"fmt"
	"strings"
)

// A nested level can reach the same entity from many parents: the members
// of a working group share their groups, so "members, their groups, the
// groups' members" reaches the big group once per member, and compiled
// as nested COLLECTs Neo4j sorts its members each time. Where a level's
// far entities read pages of their own (three levels of connections),
// the level is compiled in two steps instead, in the same query: the
// entities the level below reaches from this page, read once each
// (reached), then the page, whose level below finds each one's map in
// that list (node). Reading the level below twice is cheap next to the
// pages under it, which are now read once per distinct entity.

// sharedRels returns the relationship fields of r's far entity whose far
// entities read a page of their own: those entities are read once each.
func sharedRels(r *Rel) []*Rel {
	if r.Page.CountOnly || r.Node == nil {
		return nil
	}
	var out []*Rel
	for i := range r.Node.Rels {
		sub := &r.Node.Rels[i]
		if !sub.Page.CountOnly && readsPage(sub.Node) {
			out = append(out, sub)
		}
	}
	return out
}

// readsPage tells whether s reads the edges of any connection.
func readsPage(s *Selection) bool {
	if s == nil {
		return false
	}
	for _, r := range s.Rels {
		if !r.Page.CountOnly {
			return true
		}
	}
	for _, r := range s.AnyRels {
		if !r.Page.CountOnly {
			return true
		}
	}
	for _, m := range s.Mentions {
		if !m.Page.CountOnly {
			return true
		}
	}
	for _, b := range s.ByLabel {
		if readsPage(b) {
			return true
		}
	}
	return false
}

// relShared compiles r from v as a page whose far entities' fields deep
// are read once per distinct entity they reach.
func (c *compiler) relShared(v string, r *Rel, deep []*Rel) string {
	rv, m, e, page := c.fresh("r"), c.fresh("m"), c.fresh("e"), c.fresh("page")
	match, sortKeys := relMatch(v, rv, m, r)
	where := c.filter(m, r.Where)
	keys := strings.Join(sortKeys, ", ")
	rows := fmt.Sprintf("COLLECT { MATCH %s%s RETURN {r: %s, m: %s} ORDER BY %s LIMIT %s }",
		match, whereClause(c.afterCond(where, r.Page.After, sortKeys)), rv, m, keys, c.param(r.Page.First+1))
	lists, vars := make([]string, len(deep)), make([]string, len(deep))
	for i, sub := range deep {
		vars[i] = c.fresh("seen")
		lists[i] = fmt.Sprintf("COLLECT { %s } AS %s", c.reached(page, sub), vars[i])
	}
	for i, sub := range deep {
		c.shared[sub] = vars[i]
	}
	item := c.edgeItem(rv, sortKeys, r.Edge, "node: "+c.entity(m, r.Node))
	for _, sub := range deep {
		delete(c.shared, sub)
	}
	edges := fmt.Sprintf("COLLECT { WITH %[1]s AS %[2]s WITH %[2]s, %[3]s UNWIND %[2]s AS %[4]s WITH %[4]s.r AS %[5]s, %[4]s.m AS %[6]s, %[7]s RETURN %[8]s ORDER BY %[9]s }",
		rows, page, strings.Join(lists, ", "), e, rv, m, strings.Join(vars, ", "), item, keys)
	return withTotal(edges, match, where, r.Total)
}

// reached compiles the rows {k: entity, v: its map} of the distinct
// entities that sub reaches from the far entities of the page bound to
// page: the same page of sub that rel compiles, from each.
func (c *compiler) reached(page string, sub *Rel) string {
	e, x, y, z := c.fresh("e"), c.fresh("x"), c.fresh("y"), c.fresh("z")
	match, sortKeys := relMatch(x, y, z, sub)
	return fmt.Sprintf("UNWIND %[1]s AS %[2]s WITH %[2]s.m AS %[3]s CALL (%[3]s) { MATCH %[4]s%[5]s WITH %[6]s, %[7]s ORDER BY %[8]s LIMIT %[9]s RETURN %[7]s } WITH DISTINCT %[7]s RETURN {k: %[7]s, v: %[10]s}",
		page, e, x, match, whereClause(c.afterCond(c.filter(z, sub.Where), sub.Page.After, sortKeys)), y, z,
		strings.Join(sortKeys, ", "), c.param(sub.Page.First+1), c.entity(z, sub.Node))
}

// node compiles the map of the far entity m of r: read where it is, or
// found in the list reached read it into, by the entity.
func (c *compiler) node(m string, r *Rel) string {
	list, ok := c.shared[r]
	if !ok {
		return c.entity(m, r.Node)
	}
	s := c.fresh("s")
	return fmt.Sprintf("head([%[1]s IN %[2]s WHERE %[1]s.k = %[3]s | %[1]s.v])", s, list, m)
}
