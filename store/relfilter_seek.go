package store

import (
	"fmt"
	"slices"
	"strings"
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

// A connection's own end may be small or a hub, and its filter may name
// few entities or many. Where the index names fewer entities than the
// connection has relationships, starting from them is cheapest: reach
// their neighbours and keep those linked to the connection's entity (the
// biggest working group at 100x has 1,203 members, 315 groups are named
// "cloud": 12,360 db hits from the members, 5,336 from the groups).
// Otherwise each related entity's relationships are read and the filter
// checked. Which is known only when the query runs, so the compiled rows
// hold both plans and take one. The index is read first for at most half
// as many entities as the connection's degree, rounded down to a power of
// two (seekLimits), so reading it never costs more than the other plan
// would; the index side is taken when it named fewer than that.
var seekLimits = []int{1024, 512, 256, 128, 64, 32, 16, 8}

// relSeek compiles r from v, with variables rv and m, where the
// relationship filter i of its Where can seek an index (see seekable):
// its rows come from the cheaper of the two plans above, once each, then
// are paged and counted (scanOnce).
func (c *compiler) relSeek(v, rv, m string, r *Rel, i int, sortKeys []string) string {
	f := r.Where.Rels[i]
	rest := r.Where
	rest.Rels = slices.Delete(slices.Clone(r.Where.Rels), i, i+1)
	named, seek, cand, far := c.fresh("named"), c.fresh("seek"), c.fresh("cand"), c.fresh("s")
	index := fmt.Sprintf("MATCH (%s:%s) WHERE %s", far, f.Labels[0], c.filter(far, f.Where))
	own := "MATCH " + pattern(v, rv, m, []string{r.Type}, r.Dir, r.Labels)
	toFar := "MATCH " + pattern(m, "", far, []string{f.Type}, f.Dir, nil)
	fromIndex := fmt.Sprintf("WITH %[1]s, %[2]s WHERE %[3]s "+
		"WITH %[1]s, COLLECT { UNWIND %[2]s AS %[4]s %[5]s RETURN DISTINCT %[6]s } AS %[7]s %[8]s WHERE %[9]s RETURN %[10]s, %[6]s",
		v, named, seek, far, toFar, m, cand, own, and(m+" IN "+cand, c.filter(m, rest)), rv)
	fromOwn := fmt.Sprintf("WITH %[1]s WHERE NOT %[2]s %[3]s %[4]s %[5]s WITH DISTINCT %[6]s, %[7]s%[8]s RETURN %[6]s, %[7]s",
		v, seek, index, toFar, own, rv, m, whereClause(c.filter(m, rest)))
	rows := fmt.Sprintf("%sCALL (%s, %s, %s) { %s UNION ALL %s }",
		c.seekChoice(v, pattern(v, "", "", []string{r.Type}, r.Dir, nil), index, far, named, seek), v, named, seek, fromIndex, fromOwn)
	item := c.edgeItem(rv, sortKeys, r.Edge, "node: "+c.entity(m, r.Node))
	return c.scanOnce(rows, []string{rv, m}, r.Page, sortKeys, item)
}

// seekChoice compiles the choice between relSeek's two plans from v, whose
// relationships deg matches: the entities index binds to far, read up to
// the limit of v's degree (seekLimits), bound to named, and seek, true when
// they are fewer than the limit.
func (c *compiler) seekChoice(v, deg, index, far, named, seek string) string {
	d, limit := c.fresh("d"), c.fresh("limit")
	var lists, limits strings.Builder
	for _, l := range seekLimits {
		fmt.Fprintf(&lists, "WHEN %s > %d THEN COLLECT { %s RETURN %s LIMIT %d } ", d, 2*l, index, far, l)
		fmt.Fprintf(&limits, "WHEN %s > %d THEN %d ", d, 2*l, l)
	}
	return fmt.Sprintf("WITH %[1]s, COUNT { %[2]s } AS %[3]s "+
		"WITH %[1]s, CASE %[4]sEND AS %[5]s, CASE %[6]sEND AS %[7]s "+
		"WITH %[1]s, %[5]s, coalesce(size(%[5]s) < %[7]s, false) AS %[8]s ",
		v, deg, d, lists.String(), named, limits.String(), limit, seek)
}
