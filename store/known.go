package store

import (
	"context"

	"csakg/loader"
)

// cypherKnown lists the entities the graph holds, with their names, for a
// load to resolve new texts against: a page that names "CSA" joins the
// Cloud Security Alliance an earlier load wrote.
const cypherKnown = `
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
  coalesce(n.aliases, []) AS aliases`

// Known returns every entity of the graph with its label, name and aliases.
func (s *Store) Known(ctx context.Context) ([]loader.Known, error) {
	recs, err := s.query(ctx, cypherKnown, nil)
	if err != nil {
		return nil, err
	}
	out := make([]loader.Known, 0, len(recs))
	for _, r := range recs {
		k := loader.Known{ID: str(get(r, "id")), Label: str(get(r, "label")), Name: str(get(r, "name"))}
		if as, ok := get(r, "aliases").([]any); ok {
			for _, a := range as {
				k.Aliases = append(k.Aliases, str(a))
			}
		}
		out = append(out, k)
	}
	return out, nil
}

func get(r interface{ Get(string) (any, bool) }, k string) any {
	v, _ := r.Get(k)
	return v
}
