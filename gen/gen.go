// Package gen makes synthetic graphs of csakg's model, for benchmarks and
// scale tests. A graph is a pure function of its seed and scale.
//
// Scale 1 is about the size of the three source texts (a few hundred
// entities); scale 1000 is a thousand times that. Shapes follow what the
// texts show, long-tailed: a few large working groups and many small ones,
// people in several groups, documents with a handful of contributors,
// meetings with attendees, organizations with chapters and standards.
package gen

import (
	"fmt"
	"math"
	"math/rand/v2"

	"csakg/graphmodel"
	"csakg/loader"
)

// Sizes at scale 1.
const (
	orgsPerScale      = 20
	groupsPerScale    = 40
	peoplePerScale    = 120
	documentsPerScale = 60
	eventsPerScale    = 60
	standardsPerScale = 10
	projectsPerScale  = 10
	topicsPerScale    = 12
)

// SourceName is the name of the source text a generated graph claims.
func SourceName(seed uint64, scale int) string {
	return fmt.Sprintf("generated-s%d-x%d.txt", seed, scale)
}

// Graph returns the generated graph for seed and scale (at least 1).
func Graph(seed uint64, scale int) *loader.Graph {
	scale = max(scale, 1)
	g := &generator{
		rnd: rand.New(rand.NewPCG(seed, uint64(scale))),
		src: SourceName(seed, scale),
	}
	g.build(scale)
	g.out.Sources = []loader.Source{{
		Name:   g.src,
		SHA256: fmt.Sprintf("generated:%d:%d", seed, scale),
		Lines:  g.line,
		Kind:   "generated",
	}}
	return &g.out
}

type generator struct {
	rnd  *rand.Rand
	src  string
	line int
	out  loader.Graph
}

// evidence makes up the line a fact came from.
func (g *generator) evidence(text string) loader.Evidence {
	g.line++
	return loader.Evidence{Source: g.src, Line: g.line, Excerpt: text}
}

func (g *generator) node(label string, i int, name string, props map[string]any) string {
	id := fmt.Sprintf("%s:gen-%d", graphmodel.PrefixOf(label), i)
	g.out.Nodes = append(g.out.Nodes, loader.Node{
		Label: label, ID: id, Name: name, Props: props,
		Description: "Generated " + name + ".",
		Mentions:    []loader.Evidence{g.evidence(name)},
	})
	return id
}

func (g *generator) edge(typ, from, to string, props map[string]any) {
	g.out.Edges = append(g.out.Edges, loader.Edge{Type: typ, From: from, To: to, Props: props,
		Evidence: g.evidence(from + " " + typ + " " + to)})
}

// zipf picks an index in [0, n) with a long tail: low indexes are picked
// far more often, as the large groups and busy people of real data are.
func (g *generator) zipf(n int) int {
	// Inverse transform of a power law with exponent ~1.2.
	u := g.rnd.Float64()
	i := int(float64(n) * math.Pow(u, 3))
	return min(i, n-1)
}

var words = []string{"Cloud", "Security", "Data", "Identity", "Privacy", "Trust", "Audit", "Container",
	"Serverless", "Quantum", "Network", "Mobile", "Health", "Finance", "Telecom", "Threat", "Incident",
	"Governance", "Assurance", "Crypto", "Edge", "Supply", "Chain", "Zero", "Access", "Risk"}

func (g *generator) words(n int) string {
	s := ""
	for i := range n {
		if i > 0 {
			s += " "
		}
		s += words[g.rnd.IntN(len(words))]
	}
	return s
}

func (g *generator) build(scale int) {
	n := func(per int) int { return per * scale }
	var orgs, groups, people, docs, events, stds, projects, topics []string
	for i := range n(topicsPerScale) {
		topics = append(topics, g.node(graphmodel.Topic, i, fmt.Sprintf("%s Topic %d", g.words(1), i), nil))
	}
	for i := range n(orgsPerScale) {
		kinds := []string{"alliance", "consortium", "chapter", "company", "university", "ministry"}
		orgs = append(orgs, g.node(graphmodel.Organization, i, fmt.Sprintf("%s Organization %d", g.words(2), i),
			map[string]any{"kind": kinds[g.rnd.IntN(len(kinds))], "acronym": fmt.Sprintf("O%d", i)}))
		if i > 0 && g.rnd.IntN(3) == 0 {
			g.edge(graphmodel.PartOf, orgs[i], orgs[g.zipf(i)], nil)
		}
		if i > 0 && g.rnd.IntN(10) == 0 {
			g.edge(graphmodel.LiaisonWith, orgs[i], orgs[g.zipf(i)], map[string]any{"status": "proposed"})
		}
	}
	for i := range n(groupsPerScale) {
		groups = append(groups, g.node(graphmodel.WorkingGroup, i, fmt.Sprintf("%s Working Group %d", g.words(2), i),
			map[string]any{"acronym": fmt.Sprintf("WG%d", i)}))
		g.edge(graphmodel.PartOf, groups[i], orgs[g.zipf(len(orgs))], nil)
		g.edge(graphmodel.FocusesOn, groups[i], topics[g.rnd.IntN(len(topics))], nil)
		if i > 0 && g.rnd.IntN(5) == 0 {
			g.edge(graphmodel.SubgroupOf, groups[i], groups[g.zipf(i)], map[string]any{"since": "2021-10"})
		}
		if i > 0 && g.rnd.IntN(4) == 0 {
			g.edge(graphmodel.CollaboratesWith, groups[i], groups[g.rnd.IntN(i)], nil)
		}
	}
	roles := []string{"member", "member", "member", "contributor", "lead", "chair"}
	for i := range n(peoplePerScale) {
		people = append(people, g.node(graphmodel.Person, i, fmt.Sprintf("Person %d %s", i, g.words(1)), nil))
		// Most people are in one or two groups, a few in many.
		for k := 0; k < 1+g.zipf(6); k++ {
			g.edge(graphmodel.MemberOf, people[i], groups[g.zipf(len(groups))], map[string]any{"role": roles[g.rnd.IntN(len(roles))]})
		}
		if g.rnd.IntN(8) == 0 {
			g.edge(graphmodel.MemberOf, people[i], orgs[g.zipf(len(orgs))], map[string]any{"role": "director"})
		}
	}
	docKinds := []string{"whitepaper", "charter", "guidance", "slides", "survey", "peer review"}
	for i := range n(documentsPerScale) {
		date := fmt.Sprintf("%d-%02d-%02d", 2013+g.rnd.IntN(9), 1+g.rnd.IntN(12), 1+g.rnd.IntN(28))
		docs = append(docs, g.node(graphmodel.Document, i, fmt.Sprintf("%s Paper %d", g.words(3), i),
			map[string]any{"kind": docKinds[g.rnd.IntN(len(docKinds))], "date": date}))
		g.edge(graphmodel.Published, groups[g.zipf(len(groups))], docs[i], map[string]any{"date": date})
		for k := 0; k < 1+g.rnd.IntN(5); k++ {
			role := []string{"author", "reviewer", "editor"}[g.rnd.IntN(3)]
			g.edge(graphmodel.ContributedTo, people[g.zipf(len(people))], docs[i],
				map[string]any{"role": role, "section": fmt.Sprintf("%d.%d", 1+g.rnd.IntN(6), k)})
		}
		g.edge(graphmodel.FocusesOn, docs[i], topics[g.rnd.IntN(len(topics))], nil)
	}
	for i := range n(standardsPerScale) {
		stds = append(stds, g.node(graphmodel.Standard, i, fmt.Sprintf("%s Standard %d", g.words(2), i),
			map[string]any{"kind": "framework", "acronym": fmt.Sprintf("S%d", i)}))
		g.edge(graphmodel.Maintains, orgs[g.zipf(len(orgs))], stds[i], nil)
		if i > 0 {
			g.edge(graphmodel.MapsTo, stds[i], stds[g.rnd.IntN(i)], nil)
		}
	}
	for i := range docs {
		if g.rnd.IntN(3) == 0 {
			g.edge(graphmodel.References, docs[i], stds[g.rnd.IntN(len(stds))], nil)
		}
	}
	for i := range n(projectsPerScale) {
		projects = append(projects, g.node(graphmodel.Project, i, fmt.Sprintf("%s Project %d", g.words(1), i),
			map[string]any{"region": []string{"EMEA", "APAC", "Americas"}[g.rnd.IntN(3)]}))
		g.edge(graphmodel.ParticipatesIn, orgs[g.zipf(len(orgs))], projects[i], map[string]any{"role": "partner"})
		g.edge(graphmodel.FundedBy, projects[i], orgs[g.rnd.IntN(len(orgs))], nil)
		g.edge(graphmodel.LedBy, projects[i], orgs[g.rnd.IntN(len(orgs))], nil)
	}
	for i := range n(eventsPerScale) {
		date := fmt.Sprintf("%d-%02d-%02d", 2019+g.rnd.IntN(3), 1+g.rnd.IntN(12), 1+g.rnd.IntN(28))
		events = append(events, g.node(graphmodel.Event, i, fmt.Sprintf("%s Meeting %d", g.words(1), i),
			map[string]any{"kind": "meeting", "date": date}))
		g.edge(graphmodel.Held, groups[g.zipf(len(groups))], events[i], nil)
		for k := 0; k < 2+g.rnd.IntN(6); k++ {
			g.edge(graphmodel.Attended, people[g.zipf(len(people))], events[i], nil)
		}
		if g.rnd.IntN(4) == 0 {
			g.edge(graphmodel.PresentedAt, people[g.zipf(len(people))], events[i], map[string]any{"role": "speaker"})
		}
		if g.rnd.IntN(2) == 0 {
			g.edge(graphmodel.Discussed, events[i], docs[g.rnd.IntN(len(docs))], nil)
		}
	}
	g.dedupe()
}

// dedupe keeps the first of edges that repeat a fact (type, from, to,
// role), as the loader makes one edge per fact.
func (g *generator) dedupe() {
	seen := map[string]bool{}
	out := g.out.Edges[:0]
	for _, e := range g.out.Edges {
		k := fmt.Sprint(e.Type, "|", e.From, "|", e.To, "|", e.Props["role"])
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	g.out.Edges = out
}
