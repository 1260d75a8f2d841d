package store

import (
	"fmt"
	"slices"
	"strings"

	"csakg/graphmodel"
)

// compiler turns a Selection into a Cypher map expression. Every nested
// list becomes a COLLECT subquery with its own ORDER BY and LIMIT, and every
// count a COUNT subquery, so a whole GraphQL request is one query, however
// deep, and Neo4j never returns rows that are not asked for.
//
// User values only ever become parameters ($p0, $p1, ...). Labels and
// relationship types come from the Selection, which Validate has checked
// against the graph model.
type compiler struct {
	params map[string]any
	vars   int
	// shared holds the lists relShared read for a relationship field
	// (see sharedPage), while the field is compiled under them.
	shared map[*Rel]sharedPage
}

func newCompiler() *compiler {
	return &compiler{params: map[string]any{}, shared: map[*Rel]sharedPage{}}
}

// param stores v as a parameter and returns its reference.
func (c *compiler) param(v any) string {
	name := fmt.Sprintf("p%d", len(c.params))
	c.params[name] = v
	return "$" + name
}

// fresh returns a new variable name.
func (c *compiler) fresh(prefix string) string {
	c.vars++
	return fmt.Sprintf("%s%d", prefix, c.vars)
}

// Keys of the maps the compiled queries return. Response keys are stored as
// "f_" + key, so they can never collide with these.
const (
	keyID      = graphmodel.KeyID
	keyLabel   = graphmodel.KeyLabel
	keyName    = graphmodel.KeyName
	keyByLabel = "__t_"
	fieldKey   = "f_"
)

// FieldKey is the map key under which a Selection key's value is returned.
func FieldKey(key string) string { return fieldKey + key }

// ByLabelKey is the map key of the extra fields read for entities of label.
func ByLabelKey(label string) string { return keyByLabel + label }

// labelExpr is Cypher's label of an entity: the one that is not Entity.
func labelExpr(v string) string {
	return fmt.Sprintf("head([l IN labels(%s) WHERE l <> 'Entity'])", v)
}

// entity compiles what to read of the entity bound to v.
func (c *compiler) entity(v string, s *Selection) string {
	parts := []string{
		quote(keyID) + ": " + v + ".id",
		quote(keyLabel) + ": " + labelExpr(v),
		quote(keyName) + ": " + v + ".name",
	}
	parts = append(parts, c.fields(v, s)...)
	if s != nil {
		labels := make([]string, 0, len(s.ByLabel))
		for l := range s.ByLabel {
			labels = append(labels, l)
		}
		slices.Sort(labels)
		for _, l := range labels {
			sub := c.fields(v, s.ByLabel[l])
			if len(sub) == 0 {
				continue
			}
			parts = append(parts, fmt.Sprintf("%s: CASE WHEN %s:%s THEN {%s} END",
				quote(ByLabelKey(l)), v, l, strings.Join(sub, ", ")))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func (c *compiler) fields(v string, s *Selection) []string {
	if s == nil {
		return nil
	}
	var parts []string
	for _, p := range s.Props {
		parts = append(parts, quote(FieldKey(p.Key))+": "+v+"."+quote(p.Name))
	}
	for i := range s.Rels {
		parts = append(parts, quote(FieldKey(s.Rels[i].Key))+": "+c.rel(v, &s.Rels[i]))
	}
	for _, r := range s.AnyRels {
		parts = append(parts, quote(FieldKey(r.Key))+": "+c.anyRels(v, r))
	}
	for _, m := range s.Mentions {
		parts = append(parts, quote(FieldKey(m.Key))+": "+c.mentions(v, m))
	}
	return parts
}

// pattern returns the relationship pattern from v, with variables r and m.
// The entity at the other end is checked for labels only where the graph
// model (graphmodel.Rels) does not already rule the others out: without a
// label check Neo4j reads a count from the node's degree and skips a read
// per neighbour on a page.
func pattern(v, r, m string, types []string, dir Direction, labels []string) string {
	left, right := "-", "-"
	switch dir {
	case Out:
		right = "->"
	case In:
		left = "<-"
	}
	t := ""
	if len(types) > 0 {
		t = ":" + strings.Join(types, "|")
	}
	lab := ""
	switch {
	case len(types) == 0:
		lab = ":Entity" // any relationship, MENTIONED_IN to sources included
	case len(labels) > 0 && !impliedLabels(types, dir, labels):
		lab = ":" + strings.Join(labels, "|")
	}
	return fmt.Sprintf("(%s)%s[%s%s]%s(%s%s)", v, left, r, t, right, m, lab)
}

// impliedLabels tells whether every entity the model lets a relationship of
// types reach, going dir, has one of labels. Every type links entities, so
// with no labels asked for there is nothing to check either.
func impliedLabels(types []string, dir Direction, labels []string) bool {
	if len(types) == 0 {
		return false
	}
	for _, t := range types {
		rel, ok := graphmodel.RelOf(t)
		if !ok {
			return false
		}
		for _, l := range rel.Far(string(dir)) {
			if !slices.Contains(labels, l) {
				return false
			}
		}
	}
	return true
}

// edgeItem is the map of one edge of a connection: its cursor and the
// facts asked for (as FactFields reads them), then extra entries.
func (c *compiler) edgeItem(r string, sortKeys []string, e EdgeFields, extra ...string) string {
	var parts []string
	if e.Cursor {
		parts = append(parts, "cursor: ["+strings.Join(sortKeys, ", ")+"]")
	}
	if len(e.Facts) > 0 {
		var props []string
		for _, f := range e.Facts {
			props = append(props, f+": "+c.fact(f, r, e.Evidence))
		}
		parts = append(parts, "facts: {"+strings.Join(props, ", ")+"}")
	}
	return "{" + strings.Join(append(parts, extra...), ", ") + "}"
}

// connection compiles a page of a list: edges (at most first+1, so the
// caller can tell whether there is a next page) and, when asked, the count
// of the whole list.
func (c *compiler) connection(match, where string, after Cursor, sortKeys []string, item string, page Page, total bool) string {
	if page.CountOnly {
		return c.countOnly(match, where, total)
	}
	edges := fmt.Sprintf("COLLECT { MATCH %s%s RETURN %s ORDER BY %s LIMIT %s }",
		match, whereClause(c.afterCond(where, after, sortKeys)), item, strings.Join(sortKeys, ", "), c.param(page.First+1))
	return withTotal(edges, match, where, total)
}

// scanOnce compiles a filtered connection and its count from one read of
// the candidates, as the filter (an EXISTS per candidate, say) costs more
// than the page: the rows that rows matches, their variables vars, are
// listed once, then paged and counted.
func (c *compiler) scanOnce(rows string, vars []string, page Page, sortKeys []string, item string) string {
	list, e := c.fresh("rows"), c.fresh("e")
	fields, rebind := make([]string, len(vars)), make([]string, len(vars))
	for i, v := range vars {
		fields[i] = v + ": " + v
		rebind[i] = e + "." + v + " AS " + v
	}
	after := c.afterCond("", page.After, sortKeys)
	return fmt.Sprintf("head(COLLECT { WITH COLLECT { %[1]s RETURN {%[2]s} } AS %[3]s "+
		"RETURN {edges: COLLECT { UNWIND %[3]s AS %[4]s WITH %[5]s%[6]s RETURN %[7]s ORDER BY %[8]s LIMIT %[9]s }, totalCount: size(%[3]s)} })",
		rows, strings.Join(fields, ", "), list, e, strings.Join(rebind, ", "), whereClause(after),
		item, strings.Join(sortKeys, ", "), c.param(page.First+1))
}

// afterCond adds to where the condition of the items after the cursor.
func (c *compiler) afterCond(where string, after Cursor, sortKeys []string) string {
	if after == nil {
		return where
	}
	return and(where, "["+strings.Join(sortKeys, ", ")+"] > "+c.param([]any(after)))
}

// withTotal returns the map of a connection's edges and, when asked, the
// count of the whole list.
func withTotal(edges, match, where string, total bool) string {
	out := "{edges: " + edges
	if total {
		out += fmt.Sprintf(", totalCount: COUNT { MATCH %s%s }", match, whereClause(where))
	}
	return out + "}"
}

// rel compiles one relationship field. Edges sort by the other entity's
// name and id, then the relationship's key, which makes the order total and
// the keyset cursor exact.
func (c *compiler) rel(v string, r *Rel) string {
	if sp, ok := c.shared[r]; ok {
		return c.relRead(v, r, sp)
	}
	if deep := sharedRels(r); len(deep) > 0 {
		return c.relShared(v, r, deep)
	}
	rv, m := c.fresh("r"), c.fresh("m")
	match, sortKeys := relMatch(v, rv, m, r)
	if i := seekable(r.Where); i >= 0 && !r.Page.CountOnly {
		return c.relSeek(v, rv, m, r, i, sortKeys)
	}
	where := c.filter(m, r.Where)
	item := c.edgeItem(rv, sortKeys, r.Edge, "node: "+c.entity(m, r.Node))
	if where != "" && r.Total && !r.Page.CountOnly {
		return c.scanOnce("MATCH "+match+" WHERE "+where, []string{rv, m}, r.Page, sortKeys, item)
	}
	return c.connection(match, where, r.Page.After, sortKeys, item, r.Page, r.Total)
}

// relMatch returns the pattern of r from v, with variables rv and m, and
// its sort keys.
func relMatch(v, rv, m string, r *Rel) (string, []string) {
	return pattern(v, rv, m, []string{r.Type}, r.Dir, r.Labels), []string{m + ".name", m + ".id", rv + ".key"}
}

// anyRels compiles the generic relationships field.
func (c *compiler) anyRels(v string, r AnyRels) string {
	rv, m := c.fresh("r"), c.fresh("m")
	types := r.Types
	if len(types) == 0 {
		types = graphmodel.RelTypes
	}
	match := pattern(v, rv, m, types, r.Dir, nil)
	dir := fmt.Sprintf("CASE WHEN startNode(%s) = %s THEN 'OUT' ELSE 'IN' END", rv, v)
	sortKeys := []string{"type(" + rv + ")", m + ".name", m + ".id", rv + ".key"}
	item := c.edgeItem(rv, sortKeys, r.Edge, "type: type("+rv+")", "direction: "+dir, "node: "+c.entity(m, r.Node))
	return c.connection(match, "", r.Page.After, sortKeys, item, r.Page, r.Total)
}

// mentions compiles the lines that mention v, in source and line order.
func (c *compiler) mentions(v string, mn Mentions) string {
	x, s := c.fresh("x"), c.fresh("s")
	match := fmt.Sprintf("(%s)-[%s:MENTIONED_IN]->(%s:Source)", v, x, s)
	sortKeys := []string{s + ".name", x + ".line"}
	item := fmt.Sprintf("{cursor: [%[1]s.name, %[2]s.line], source: %[1]s.name, line: %[2]s.line, excerpt: %[2]s.excerpt, rule: %[2]s.rule}", s, x)
	return c.connection(match, "", mn.Page.After, sortKeys, item, mn.Page, mn.Total)
}

func and(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " AND " + b
}

func whereClause(cond string) string {
	if cond == "" {
		return ""
	}
	return " WHERE " + cond
}

// quote makes s a Cypher identifier or map key, whatever it contains.
func quote(s string) string {
	return "`" + strings.ReplaceAll(s, "`", "``") + "`"
}
