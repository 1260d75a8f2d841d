package store

import (
	"fmt"
	"slices"
)

// A list filtered by "some related entity whose name contains a text" is
// cheapest read from the other end: the far label's TEXT index on the
// name key finds the few entities named so, and one expansion from each
// reaches the list's candidates. Checked from the list's end instead (an
// EXISTS per candidate), Neo4j reads every relationship of every candidate
// and the name of every entity it reaches.

// The same holds for a connection filtered so: its rows start from the
// entities the index finds, reach the connection's far entities, and are
// kept when those are linked to the entity whose connection it is.

// seekable returns the index of the first relationship filter of f whose
// inner filter a name index can answer, or -1.
func seekable(f Filter) int {
	return slices.IndexFunc(f.Rels, func(r RelFilter) bool {
		return r.Quant == QuantSome && len(r.Labels) == 1 &&
			(r.Where.NameContains != "" || r.Where.NameStartsWith != "")
	})
}

// listMatch compiles the MATCH pattern and condition of a root list of
// label filtered by f, its entities bound to n. When a relationship
// filter can seek an index (see seekable), the pattern starts from the
// entities it names and seek is true: one candidate may then be reached
// more than once, and the caller keeps DISTINCT ones.
func (c *compiler) listMatch(label string, f Filter) (match, where string, seek bool) {
	i := seekable(f)
	if i < 0 {
		return "(n:" + label + ")", c.filter("n", f), false
	}
	r := f.Rels[i]
	rest := f
	rest.Rels = slices.Delete(slices.Clone(f.Rels), i, i+1)
	far := c.fresh("s")
	left, right := "-", "-"
	switch r.Dir {
	case Out:
		right = "->"
	case In:
		left = "<-"
	}
	match = fmt.Sprintf("(n:%s)%s[:%s]%s(%s:%s)", label, left, r.Type, right, far, r.Labels[0])
	return match, and(c.filter(far, r.Where), c.filter("n", rest)), true
}

// relSeek compiles r from v, with variables rv and m, where the
// relationship filter i of its Where seeks an index: the rows start from
// the entities it names, once each, then are paged and counted (scanOnce).
// The three patterns are MATCHed apart, so that the relationship from v
// may also be the filter's (a member of the one group named so is in it).
func (c *compiler) relSeek(v, rv, m string, r *Rel, i int, sortKeys []string) string {
	f := r.Where.Rels[i]
	rest := r.Where
	rest.Rels = slices.Delete(slices.Clone(r.Where.Rels), i, i+1)
	far := c.fresh("s")
	rows := fmt.Sprintf("MATCH (%s:%s) WHERE %s MATCH %s MATCH %s WITH DISTINCT %s, %s%s",
		far, f.Labels[0], c.filter(far, f.Where), pattern(m, "", far, []string{f.Type}, f.Dir, nil),
		pattern(v, rv, m, []string{r.Type}, r.Dir, r.Labels), rv, m, whereClause(c.filter(m, rest)))
	item := c.edgeItem(rv, sortKeys, r.Edge, "node: "+c.entity(m, r.Node))
	return c.scanOnce(rows, []string{rv, m}, r.Page, sortKeys, item)
}
