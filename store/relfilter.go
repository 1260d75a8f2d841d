package store

import (
	"fmt"
	"strings"

	"csakg/graphmodel"
)

// RelFilter is a condition on the entities that relationships of one type
// lead to from an entity of a list: some, none or every one of them meets
// Where, or their number is within Count. The API builds one from a
// relationship field's @rel directive, so Type, Dir and Labels name the
// same relationships the field lists.
type RelFilter struct {
	Type   string
	Dir    Direction
	Labels []string // labels allowed at the other end; empty for any entity
	Quant  Quantifier
	Where  Filter      // for QuantSome, QuantNone and QuantEvery
	Count  CountFilter // for QuantCount
}

// Quantifier says how many of the related entities must meet a filter.
type Quantifier string

// Quantifiers.
const (
	QuantSome  Quantifier = graphmodel.QuantSome
	QuantNone  Quantifier = graphmodel.QuantNone
	QuantEvery Quantifier = graphmodel.QuantEvery
	QuantCount Quantifier = graphmodel.RelCount
)

// CountFilter bounds a number; nil bounds do not bound.
type CountFilter struct {
	Eq, Gt, Gte, Lt, Lte *int
}

// validRels checks the relationship filters of f, at every level,
// against the graph model.
func validRels(f Filter) error {
	for _, r := range f.Rels {
		if !graphmodel.IsRelType(r.Type) {
			return fmt.Errorf("relationship type %q is not in the graph model", r.Type)
		}
		if err := validLabels(r.Labels); err != nil {
			return err
		}
		if err := validDir(r.Dir); err != nil {
			return err
		}
		switch r.Quant {
		case QuantSome, QuantNone, QuantEvery, QuantCount:
		default:
			return fmt.Errorf("quantifier %q", r.Quant)
		}
		if err := validRels(r.Where); err != nil {
			return err
		}
	}
	return nil
}

// relFilters compiles the relationship filters of the entity bound to v:
// one EXISTS or COUNT subquery each, which Neo4j runs per candidate and
// stops at the first match (EXISTS). The inner filter is the far label's
// own, so a name filter there is index-backed where Neo4j starts from it.
func (c *compiler) relFilters(v string, rs []RelFilter) string {
	var cond string
	for _, r := range rs {
		m := c.fresh("f")
		match := pattern(v, "", m, []string{r.Type}, r.Dir, r.Labels)
		inner := c.filter(m, r.Where)
		switch r.Quant {
		case QuantSome:
			cond = and(cond, fmt.Sprintf("EXISTS { MATCH %s%s }", match, whereClause(inner)))
		case QuantNone:
			cond = and(cond, fmt.Sprintf("NOT EXISTS { MATCH %s%s }", match, whereClause(inner)))
		case QuantEvery:
			if inner != "" {
				cond = and(cond, fmt.Sprintf("NOT EXISTS { MATCH %s WHERE NOT (%s) }", match, inner))
			}
		case QuantCount:
			cond = and(cond, c.countBounds(fmt.Sprintf("COUNT { MATCH %s }", match), r.Count))
		}
	}
	return cond
}

// countBounds compiles the bounds of b on the number n.
func (c *compiler) countBounds(n string, b CountFilter) string {
	var parts []string
	for _, x := range []struct {
		op string
		v  *int
	}{{"=", b.Eq}, {">", b.Gt}, {">=", b.Gte}, {"<", b.Lt}, {"<=", b.Lte}} {
		if x.v != nil {
			parts = append(parts, n+" "+x.op+" "+c.param(*x.v))
		}
	}
	return strings.Join(parts, " AND ")
}
