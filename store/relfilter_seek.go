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

// A connection's own end may be small or a hub. From a small one the
// plain plan is cheapest: each related entity's relationships are read
// and the filter checked (an EXISTS each). From a hub (the biggest working
// group at 100x has 1,203 members), that reads every member's groups and
// their names; starting from the few entities the index finds, reaching
// their neighbours and keeping those linked to the hub reads less than
// half as much. Which side is smaller is known only when the query runs,
// so the compiled rows hold both plans and take one: the index side when
// the hub's degree is over seekDegree and the index names fewer than half
// as many entities (listed up to seekCap, so listing costs little, and
// the list is the one the index side starts from).
const (
	seekDegree = 256
	seekCap    = 1024
)

// relSeek compiles r from v, with variables rv and m, where the
// relationship filter i of its Where can seek an index (see seekable):
// its rows come from the cheaper of the two plans above, once each, then
// are paged and counted (scanOnce).
func (c *compiler) relSeek(v, rv, m string, r *Rel, i int, sortKeys []string) string {
	f := r.Where.Rels[i]
	rest := r.Where
	rest.Rels = slices.Delete(slices.Clone(r.Where.Rels), i, i+1)
	d, named, seek, cand, far := c.fresh("d"), c.fresh("named"), c.fresh("seek"), c.fresh("cand"), c.fresh("s")
	capped := c.param(seekCap)
	own := "MATCH " + pattern(v, rv, m, []string{r.Type}, r.Dir, r.Labels)
	choose := fmt.Sprintf("WITH %[1]s, COUNT { %[2]s } AS %[3]s "+
		"WITH %[1]s, %[3]s, CASE WHEN %[3]s > %[4]s THEN COLLECT { MATCH (%[5]s:%[6]s) WHERE %[7]s RETURN %[5]s LIMIT %[8]s } END AS %[9]s "+
		"WITH %[1]s, %[9]s, coalesce(size(%[9]s) < %[8]s AND 2 * size(%[9]s) < %[3]s, false) AS %[10]s ",
		v, pattern(v, "", "", []string{r.Type}, r.Dir, nil), d, c.param(seekDegree), far, f.Labels[0], c.filter(far, f.Where), capped, named, seek)
	fromIndex := fmt.Sprintf("WITH %[1]s, %[2]s WHERE %[3]s "+
		"WITH %[1]s, COLLECT { UNWIND %[2]s AS %[4]s MATCH %[5]s RETURN DISTINCT %[6]s } AS %[7]s %[8]s WHERE %[9]s RETURN %[10]s, %[6]s",
		v, named, seek, far, pattern(m, "", far, []string{f.Type}, f.Dir, nil), m, cand, own, and(m+" IN "+cand, c.filter(m, rest)), rv)
	fromOwn := fmt.Sprintf("WITH %[1]s WHERE NOT %[2]s %[3]s%[4]s RETURN %[5]s, %[6]s", v, seek, own, whereClause(c.filter(m, r.Where)), rv, m)
	rows := fmt.Sprintf("%sCALL (%s, %s, %s) { %s UNION ALL %s }", choose, v, named, seek, fromIndex, fromOwn)
	item := c.edgeItem(rv, sortKeys, r.Edge, "node: "+c.entity(m, r.Node))
	return c.scanOnce(rows, []string{rv, m}, r.Page, sortKeys, item)
}
