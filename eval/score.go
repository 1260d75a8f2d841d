package eval

import (
	"fmt"
	"slices"
	"strings"

	"csakg/graphmodel"
	"csakg/loader"
)

// Ratio is a count out of a total: found of expected, or taken of listed.
type Ratio struct {
	Got int `json:"got"`
	Of  int `json:"of"`
}

func (r *Ratio) add(o Ratio) { r.Got += o.Got; r.Of += o.Of }

// count adds one item to the total, and to Got when hit.
func (r *Ratio) count(hit bool) {
	r.Of++
	if hit {
		r.Got++
	}
}

// Percent is Got as a percentage of Of; 100 when nothing is expected.
func (r Ratio) Percent() float64 {
	if r.Of == 0 {
		return 100
	}
	return 100 * float64(r.Got) / float64(r.Of)
}

// Miss kinds, as -v lists them.
const (
	MissEntity    = "entity"    // a must entity not found
	MissAlias     = "alias"     // a form that is not on its canonical name's node
	MissRelation  = "relation"  // an expected relationship not found
	MissProps     = "props"     // found without the properties the text states
	MissTrap      = "trap"      // a trap string that became an entity
	MissInvented  = "invented"  // an entity of a form page beyond must
	MissForbidden = "forbidden" // a relationship the page must not give
	MissIdentity  = "identity"  // a name shared by pages that is not one node
)

// Miss is one fault of the loader, for the verbose listing.
type Miss struct {
	Kind   string `json:"kind"`
	What   string `json:"what"`             // label or relationship type
	Name   string `json:"name"`             // the expected name or relation
	Detail string `json:"detail,omitempty"` // what the graph has instead
}

// Scores are the counts of one page or of all of them.
type Scores struct {
	Entities  map[string]Ratio `json:"entities"`  // per label: found of must
	Relations map[string]Ratio `json:"relations"` // per type: found of expected
	Aliases   Ratio            `json:"aliases"`   // forms on their canonical node
	Props     Ratio            `json:"props"`     // found relations carrying the expected keys, of those expecting some
	Traps     Ratio            `json:"traps"`     // traps taken, of listed
	Forbidden Ratio            `json:"forbidden"` // not_relations present, of listed
	Invented  int              `json:"invented"`  // entities of form pages beyond must
	Extra     int              `json:"extra"`     // entities of other pages beyond must (not a fault)
}

func newScores() Scores {
	return Scores{Entities: map[string]Ratio{}, Relations: map[string]Ratio{}}
}

// EntityTotal is the entities found of all expected, every label together.
func (s Scores) EntityTotal() Ratio { return sum(s.Entities) }

// RelationTotal is the relationships found of all expected.
func (s Scores) RelationTotal() Ratio { return sum(s.Relations) }

func sum(m map[string]Ratio) Ratio {
	var t Ratio
	for _, r := range m {
		t.add(r)
	}
	return t
}

func (s *Scores) add(o Scores) {
	for k, r := range o.Entities {
		v := s.Entities[k]
		v.add(r)
		s.Entities[k] = v
	}
	for k, r := range o.Relations {
		v := s.Relations[k]
		v.add(r)
		s.Relations[k] = v
	}
	s.Aliases.add(o.Aliases)
	s.Props.add(o.Props)
	s.Traps.add(o.Traps)
	s.Forbidden.add(o.Forbidden)
	s.Invented += o.Invented
	s.Extra += o.Extra
}

// PageReport is the score of one page, built on its own.
type PageReport struct {
	File   string `json:"file"`
	Kind   string `json:"kind"`
	Scores `json:"scores"`
	Misses []Miss `json:"misses"`
}

// ScorePage scores the graph g of one page against the page's expectation.
func ScorePage(p *Page, g *loader.Graph) PageReport {
	m := newPageMatch(p, g)
	r := PageReport{File: p.File, Kind: p.Kind, Scores: newScores(), Misses: []Miss{}}
	miss := func(kind, what, name, detail string) {
		r.Misses = append(r.Misses, Miss{Kind: kind, What: what, Name: name, Detail: detail})
	}
	for _, l := range graphmodel.LabelNames {
		for _, name := range p.Must[l] {
			ids := m.ix.find(name, accepted(l))
			for _, id := range ids {
				m.matched[id] = true
			}
			bump(r.Entities, l, len(ids) > 0)
			if len(ids) == 0 {
				miss(MissEntity, l, name, m.otherLabels(name))
			}
		}
	}
	for _, ev := range p.Events {
		id := m.events[ev.Name]
		bump(r.Entities, graphmodel.Event, id != "")
		if id == "" {
			miss(MissEntity, graphmodel.Event, ev.Name+" @ "+ev.Date, "no event of that date")
		}
	}
	r.scoreAliases(m, miss)
	r.scoreRelations(m, miss)
	for _, t := range p.Traps {
		ids := m.ix.find(t, nil)
		r.Traps.count(len(ids) > 0)
		if len(ids) > 0 {
			miss(MissTrap, m.ix.nodes[ids[0]].Label, t, strings.Join(ids, ", "))
		}
	}
	for _, n := range g.Nodes {
		switch {
		case m.matched[n.ID]:
		case p.Kind == KindForm:
			r.Invented++
			miss(MissInvented, n.Label, n.Name, n.ID)
		default:
			r.Extra++
		}
	}
	return r
}

func bump(m map[string]Ratio, key string, hit bool) {
	v := m[key]
	v.count(hit)
	m[key] = v
}

// scoreRelations counts the expected relationships found (and those found
// with their properties) and the forbidden ones present.
func (r *PageReport) scoreRelations(m *pageMatch, miss func(kind, what, name, detail string)) {
	for _, rel := range m.p.Relations {
		edges := m.edges(rel)
		bump(r.Relations, rel.Type, len(edges) > 0)
		if len(edges) == 0 {
			miss(MissRelation, rel.Type, rel.String(), m.endsDetail(rel))
			continue
		}
		if len(rel.Props) > 0 {
			ok := hasProps(rel, edges)
			r.Props.count(ok)
			if !ok {
				miss(MissProps, rel.Type, rel.String(), "found without them")
			}
		}
	}
	for _, rel := range m.p.NotRelations {
		taken := len(m.edges(rel)) > 0
		r.Forbidden.count(taken)
		if taken {
			miss(MissForbidden, rel.Type, rel.String(), "")
		}
	}
}

// scoreAliases counts each canonical -> form pair found when both names
// reach one node; the nodes of forms count as matched.
func (r *PageReport) scoreAliases(m *pageMatch, miss func(kind, what, name, detail string)) {
	for _, a := range m.p.Aliases {
		labels, _ := m.p.mustLabels(a.Name)
		var accept []string
		for _, l := range labels {
			accept = append(accept, accepted(l)...)
		}
		// The canonical name's own nodes: not resolve, which goes through
		// the forms being checked.
		canon := m.ix.find(a.Name, accept)
		if id := m.events[a.Name]; id != "" {
			canon = append(canon, id)
		}
		for _, form := range a.Forms {
			forms := m.ix.find(form, accept)
			for _, id := range forms {
				m.matched[id] = true
			}
			one := slices.ContainsFunc(forms, func(id string) bool { return slices.Contains(canon, id) })
			r.Aliases.count(one)
			if !one {
				detail := "no node has the form"
				if len(canon) == 0 {
					detail = "no node has the canonical name"
				} else if len(forms) > 0 {
					detail = "a separate node: " + strings.Join(forms, ", ")
				}
				miss(MissAlias, strings.Join(labels, "|"), a.Name+" = "+form, detail)
			}
		}
	}
}

// otherLabels says where a missed name went instead, if anywhere.
func (m *pageMatch) otherLabels(name string) string {
	ids := m.ix.find(name, nil)
	if len(ids) == 0 {
		return ""
	}
	var s []string
	for _, id := range ids {
		s = append(s, m.ix.nodes[id].Label)
	}
	return "found as " + strings.Join(s, ", ")
}

// endsDetail says which end of a missed relation has no node.
func (m *pageMatch) endsDetail(r Relation) string {
	var s []string
	for _, end := range []string{r.From, r.To} {
		if len(m.resolve(end)) > 0 {
			continue
		}
		if ev, ok := m.p.event(end); ok {
			s = append(s, fmt.Sprintf("no event on %s for %q", ev.Date, end))
		} else {
			s = append(s, fmt.Sprintf("no node for %q", end))
		}
	}
	if len(s) == 0 {
		return "both ends found, no " + r.Type + " edge between them"
	}
	return strings.Join(s, "; ")
}
