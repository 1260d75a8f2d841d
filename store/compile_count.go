package store

import "fmt"

// A connection whose edges and page position nobody asked for is read as
// its count alone: no COLLECT, so no edge is built and nothing is sorted.
// Where the graph model fixes the label at the far end (see pattern), the
// count has no label check and Neo4j reads it from the node's degree, one
// read however many neighbours the node has.

// countOnlyList is the edges column of a root list read for its count.
const countOnlyList = "RETURN [] AS edges"

// countOnly compiles a connection read for its count: totalCount when
// asked, else an empty map (the connection's __typename needs nothing).
func (c *compiler) countOnly(match, where string, total bool) string {
	if !total {
		return "{}"
	}
	return fmt.Sprintf("{totalCount: COUNT { MATCH %s%s }}", match, whereClause(where))
}
