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
// the level is compiled in steps instead, in the same query: its page;
// the page of the level below of each of its entities (subPages); the
// entities those pages reach, read once each (reached); then the page's
// maps, whose level below finds its page and each entity's map in those
// lists (relRead). The pages under the level below are read once per
// distinct entity.

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

// sharedPage names the lists relShared reads for a relationship field of
// its page's entities: pages holds that field's page of each entity
// ({k: entity, rows: [{r, m}]}), seen the maps of the distinct entities
// those pages reach ({k: entity, v: map}).
type sharedPage struct{ pages, seen string }

// relShared compiles r from v as a page whose far entities' fields deep
// are read once per distinct entity they reach.
func (c *compiler) relShared(v string, r *Rel, deep []*Rel) string {
	rv, m, e, page := c.fresh("r"), c.fresh("m"), c.fresh("e"), c.fresh("page")
	match, sortKeys := relMatch(v, rv, m, r)
	where := c.filter(m, r.Where)
	keys := strings.Join(sortKeys, ", ")
	rows := c.rows(match, c.afterCond(where, r.Page.After, sortKeys), rv, m, keys, r.Page.First)
	var pages, seen, pageVars, vars []string
	for _, sub := range deep {
		sp := sharedPage{pages: c.fresh("pages"), seen: c.fresh("seen")}
		pages = append(pages, fmt.Sprintf("COLLECT { %s } AS %s", c.subPages(page, sub), sp.pages))
		seen = append(seen, fmt.Sprintf("COLLECT { %s } AS %s", c.reached(sp.pages, sub), sp.seen))
		pageVars = append(pageVars, sp.pages)
		vars = append(vars, sp.pages, sp.seen)
		c.shared[sub] = sp
	}
	item := c.edgeItem(rv, sortKeys, r.Edge, "node: "+c.entity(m, r.Node))
	for _, sub := range deep {
		delete(c.shared, sub)
	}
	edges := fmt.Sprintf("COLLECT { WITH %[1]s AS %[2]s WITH %[2]s, %[3]s WITH %[2]s, %[4]s, %[5]s UNWIND %[2]s AS %[6]s WITH %[6]s.r AS %[7]s, %[6]s.m AS %[8]s, %[9]s RETURN %[10]s ORDER BY %[11]s }",
		rows, page, strings.Join(pages, ", "), strings.Join(pageVars, ", "), strings.Join(seen, ", "), e, rv, m, strings.Join(vars, ", "), item, keys)
	return withTotal(edges, match, where, r.Total)
}

// rows compiles the page of a relationship pattern as a list of {r, m}.
func (c *compiler) rows(match, cond, rv, m, keys string, first int) string {
	return fmt.Sprintf("COLLECT { MATCH %s%s RETURN {r: %s, m: %s} ORDER BY %s LIMIT %s }",
		match, whereClause(cond), rv, m, keys, c.param(first+1))
}

// subPages compiles the page of sub of each far entity of the page bound
// to page, as rel would read it there.
func (c *compiler) subPages(page string, sub *Rel) string {
	e, x, y, z := c.fresh("e"), c.fresh("x"), c.fresh("y"), c.fresh("z")
	match, sortKeys := relMatch(x, y, z, sub)
	cond := c.afterCond(c.filter(z, sub.Where), sub.Page.After, sortKeys)
	return fmt.Sprintf("UNWIND %[1]s AS %[2]s WITH %[2]s.m AS %[3]s RETURN {k: %[3]s, rows: %[4]s}",
		page, e, x, c.rows(match, cond, y, z, strings.Join(sortKeys, ", "), sub.Page.First))
}

// reached compiles the map of each distinct entity the pages bound to
// pages reach, once.
func (c *compiler) reached(pages string, sub *Rel) string {
	p, e, z := c.fresh("p"), c.fresh("e"), c.fresh("z")
	return fmt.Sprintf("UNWIND %[1]s AS %[2]s UNWIND %[2]s.rows AS %[3]s WITH DISTINCT %[3]s.m AS %[4]s RETURN {k: %[4]s, v: %[5]s}",
		pages, p, e, z, c.entity(z, sub.Node))
}

// relRead compiles r from v where relShared has read its pages and their
// entities: the page of v is found in the list, and each entity's map.
func (c *compiler) relRead(v string, r *Rel, sp sharedPage) string {
	rv, m, e := c.fresh("r"), c.fresh("m"), c.fresh("e")
	match, sortKeys := relMatch(v, rv, m, r)
	item := c.edgeItem(rv, sortKeys, r.Edge, "node: "+lookup(c.fresh("s"), sp.seen, m, "v"))
	edges := fmt.Sprintf("COLLECT { UNWIND %[1]s AS %[2]s WITH %[2]s.r AS %[3]s, %[2]s.m AS %[4]s, %[5]s RETURN %[6]s ORDER BY %[7]s }",
		lookup(c.fresh("s"), sp.pages, v, "rows"), e, rv, m, sp.seen, item, strings.Join(sortKeys, ", "))
	return withTotal(edges, match, c.filter(m, r.Where), r.Total)
}

// lookup compiles the value under key of the row of list whose k is x.
func lookup(s, list, x, key string) string {
	return fmt.Sprintf("head([%[1]s IN %[2]s WHERE %[1]s.k = %[3]s | %[1]s.%[4]s])", s, list, x, key)
}
