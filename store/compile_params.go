package store

import "fmt"

// Every value a request gives, page sizes and evidence counts included,
// reaches Cypher as a parameter, never as text: the same request shape
// gives the same Cypher text whatever its values, so Neo4j plans it once
// and reuses the plan. The one exception is a path search's hop bound,
// which Cypher takes only as a literal; it is an integer from 1 to
// MaxHops, checked before it is written.

// fact compiles the fact f of the relationship bound to r, with at most
// evidence lines of evidence.
func (c *compiler) fact(f, r string, evidence int) string {
	if f != "evidence" {
		return fmt.Sprintf(FactFields[f], r)
	}
	return fmt.Sprintf(FactFields[f], r, c.param(evidence))
}
