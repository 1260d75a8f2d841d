package store

import (
	"context"
	"fmt"
)

// This file ranks the collaborators of an entity.

// Collaboration is one collaborator of an entity.
type Collaboration struct {
	Record Record
	Score  int64
	Direct int64
	Shared map[string]int64 // label -> count
	Via    []Record
}

// MaxVia bounds the shared entities returned per collaborator.
const MaxVia = 20

// Period bounds what counts: ISO dates or prefixes, both inclusive; ""
// for no bound.
type Period struct{ From, To string }

func (p Period) any() bool { return p.From != "" || p.To != "" }

// Collaborators ranks the entities of the same label as id that are one or
// two relationships away. score = 3 per direct relationship + 2 per shared
// Person, Document or Project + 1 per other shared entity. With a period,
// only shared events and documents dated in it count, and direct
// relationships whose date (or since) falls in it.
func (s *Store) Collaborators(ctx context.Context, id string, in Period, first int, sel, viaSel *Selection) ([]Collaboration, error) {
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	if err := viaSel.Validate(); err != nil {
		return nil, err
	}
	c := newCompiler()
	aParam := c.param(id)
	// What counts: with a period, shared events and documents dated in it,
	// and direct relationships dated in it; without one, everything.
	sharedCond, directCond, keep := "", "", ""
	if in.any() {
		sharedCond = " AND (x:Event OR x:Document) AND " + c.dateRange("x.date", in.From, in.To)
		directCond = " WHERE " + c.dateRange("coalesce(r.date, r.since)", in.From, in.To)
		keep = "\n  WHERE direct > 0 OR size(xs) > 0"
	}
	// One expansion finds every candidate with the entities it shares with
	// a, so the cost grows with a's two-hop neighbourhood, not with its
	// square; the second branch adds neighbours that share nothing.
	q := fmt.Sprintf(`OPTIONAL MATCH (a:Entity {id: %s})
CALL (a) {
  WITH a WHERE a IS NOT NULL
  CALL (a) {
    MATCH (a)-[:%s]-(x:Entity)-[:%[2]s]-(b:Entity)
    WHERE b <> a AND x <> a AND x <> b%[3]s
    RETURN b, x
    UNION
    MATCH (a)-[:%[2]s]-(b:Entity)
    WHERE b <> a
    RETURN b, null AS x
  }
  WITH a, b, x
  WHERE [l IN labels(b) WHERE l <> 'Entity'] = [l IN labels(a) WHERE l <> 'Entity']
  WITH a, b, collect(DISTINCT x) AS xs
  WITH a, b, xs, COUNT { (a)-[r:%[2]s]-(b)%[4]s } AS direct%[5]s
  WITH b, xs, direct,
    direct * 3 + reduce(t = 0, x IN xs | t + CASE WHEN x:Person OR x:Document OR x:Project THEN 2 ELSE 1 END) AS score
  ORDER BY score DESC, b.name, b.id
  LIMIT %[6]s
  RETURN collect({score: score, direct: direct,
    shared: [x IN xs | %[7]s],
    via: [x IN xs[0..%[8]d] | %[9]s],
    node: %[10]s}) AS collabs
}
RETURN a IS NOT NULL AS found, collabs`,
		aParam, entityRelPattern, sharedCond, directCond, keep, c.param(first), labelExpr("x"), MaxVia, c.entity("x", viaSel), c.entity("b", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	if ok, _ := recs[0].Get("found"); ok != true {
		return nil, fmt.Errorf("entity %q: %w", id, ErrNotFound)
	}
	raw, _ := recs[0].Get("collabs")
	var out []Collaboration
	for _, x := range raw.([]any) {
		m := x.(map[string]any)
		col := Collaboration{Record: m["node"].(Record), Shared: map[string]int64{}}
		col.Score, _ = m["score"].(int64)
		col.Direct, _ = m["direct"].(int64)
		for _, l := range m["shared"].([]any) {
			col.Shared[str(l)]++
		}
		for _, v := range m["via"].([]any) {
			col.Via = append(col.Via, v.(Record))
		}
		out = append(out, col)
	}
	return out, nil
}
