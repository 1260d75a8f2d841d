package loader

import (
	"fmt"
	"slices"
	"strings"

	"csakg/graphmodel"
)

// Curation is what a person knows that the rules cannot see: other names of
// an entity, and names that are one entity. It is data, kept in a file the
// user edits:
//
//	# comments and blank lines are ignored
//	alias <Label> | <a name the texts use> | <another name>
//	merge <Label> | <a name the texts use> | <another name the texts use>
//
// alias adds a name (which then also matches other texts); merge joins two
// entities the texts name differently. Labels are those of the graph model.
type Curation struct {
	rules []curationRule
}

type curationRule struct {
	verb, label, a, b string
	line              int
}

// ParseCuration reads a curation file; errors name the file and line.
func ParseCuration(name string, data []byte) (*Curation, error) {
	if err := checkUTF8(Text{Name: name, Data: append(data, '\n')}); err != nil && len(data) > 0 {
		return nil, err
	}
	c := &Curation{}
	for i, l := range lines(data) {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		verb, rest, _ := strings.Cut(l, " ")
		parts := strings.Split(rest, "|")
		if verb != "alias" && verb != "merge" {
			return nil, fmt.Errorf("%s:%d: unknown directive %q: want alias or merge", name, i+1, verb)
		}
		if len(parts) != 3 {
			return nil, fmt.Errorf("%s:%d: %s wants three fields: Label | name | name", name, i+1, verb)
		}
		r := curationRule{verb: verb, label: strings.TrimSpace(parts[0]), a: cleanName(parts[1]), b: cleanName(parts[2]), line: i + 1}
		if !graphmodel.IsLabel(r.label) {
			return nil, fmt.Errorf("%s:%d: label %q is not one of %s", name, i+1, r.label, strings.Join(graphmodel.LabelNames, ", "))
		}
		if r.a == "" || r.b == "" {
			return nil, fmt.Errorf("%s:%d: empty name", name, i+1)
		}
		c.rules = append(c.rules, r)
	}
	return c, nil
}

// apply adds the curation's names and joins to the draft entities.
func (c *Curation) apply(all []*dent, uf *unionFind) {
	reason := func(r curationRule) string { return fmt.Sprintf("curation line %d", r.line) }
	find := func(label, name string) []*dent {
		var out []*dent
		k := key(name)
		for _, e := range all {
			if e.label != label {
				continue
			}
			if key(e.name) == k || slices.ContainsFunc(e.aliases, func(a string) bool { return key(a) == k }) {
				out = append(out, e)
			}
		}
		return out
	}
	for _, r := range c.rules {
		as := find(r.label, r.a)
		switch r.verb {
		case "alias":
			for _, e := range as {
				e.alias(r.b)
			}
			for _, other := range find(r.label, r.b) {
				for _, e := range as {
					uf.union(e, other, reason(r))
				}
			}
		case "merge":
			for _, a := range as {
				for _, b := range find(r.label, r.b) {
					uf.force(a, b, reason(r))
				}
			}
		}
	}
}
