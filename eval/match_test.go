package eval

import (
	"testing"

	"csakg/graphmodel"
	"csakg/loader"
)

// page parses one page entry of an expectation, for tests.
func page(t *testing.T, entry string) *Page {
	t.Helper()
	x, err := ParseExpectation("test.json", []byte(`{"p.txt": `+entry+`}`))
	if err != nil {
		t.Fatal(err)
	}
	return x.Pages[0]
}

func node(label, id, name string, aliases ...string) loader.Node {
	return loader.Node{Label: label, ID: id, Name: name, Aliases: aliases}
}

func event(id, name, date string) loader.Node {
	return loader.Node{Label: graphmodel.Event, ID: id, Name: name, Props: map[string]any{"date": date}}
}

func edge(typ, from, to string, props map[string]any) loader.Edge {
	return loader.Edge{Type: typ, From: from, To: to, Props: props}
}

func graph(nodes []loader.Node, edges ...loader.Edge) *loader.Graph {
	return &loader.Graph{Nodes: nodes, Edges: edges}
}

// counts is what a test compares of a page's score.
type counts struct {
	Entities, Relations, Aliases, Props, Traps, Forbidden Ratio
	Invented, Extra                                       int
}

func countsOf(r PageReport) counts {
	return counts{r.EntityTotal(), r.RelationTotal(), r.Aliases, r.Props, r.Traps, r.Forbidden, r.Invented, r.Extra}
}

const (
	org    = graphmodel.Organization
	wg     = graphmodel.WorkingGroup
	person = graphmodel.Person
	topic  = graphmodel.Topic
)

func TestScorePage(t *testing.T) {
	const (
		oneOrg    = `{"kind": "listing", "lang": "en", "must": {"Organization": ["OMG"]}}`
		meeting   = `{"kind": "log", "lang": "en", "must": {"WorkingGroup": ["Liaison AB Subcommittee"], "Event": [{"name": "Liaison ABSC session, 17:00-18:00", "date": "2023-06-21"}]}, "relations": [["Liaison AB Subcommittee", "HELD", "Liaison ABSC session, 17:00-18:00"]]}`
		twoEvents = `{"kind": "form", "lang": "en", "must": {"Event": [{"name": "first", "date": "2023-06-18"}, {"name": "second", "date": "2023-06-18"}]}}`
		tab       = `{"kind": "form", "lang": "en", "must": {"WorkingGroup": ["Technical Advisory Board"]}, "aliases": {"Technical Advisory Board": ["TAB"]}}`
		partOf    = `{"kind": "listing", "lang": "en", "must": {"Organization": ["OASIS"], "WorkingGroup": ["TAB"]}, "relations": [["TAB", "PART_OF", "OASIS"]]}`
		chair     = `{"kind": "listing", "lang": "en", "must": {"Person": ["Ada"], "WorkingGroup": ["KMWG"]}, "relations": [["Ada", "MEMBER_OF", "KMWG", {"role": "chair"}]]}`
		cwg       = `{"kind": "listing", "lang": "en", "must": {"Organization": ["OMG"], "WorkingGroup": ["OMG Cloud Working Group"]}, "aliases": {"OMG Cloud Working Group": ["CWG"]}, "relations": [["OMG Cloud Working Group", "PART_OF", "OMG"]]}`
		regrets   = `{"kind": "log", "lang": "en", "must": {"Event": [{"name": "call", "date": "2016-09-01"}]}, "not_relations": [["Fabrizio", "ATTENDED", "call"]]}`
	)
	ev := func(date string) *loader.Graph { return graph([]loader.Node{event("event:e", "Meeting", date)}) }
	monthly := `{"kind": "listing", "lang": "en", "must": {"Event": [{"name": "JTC 1 plenary", "date": "2018-11"}]}}`
	daily := `{"kind": "listing", "lang": "en", "must": {"Event": [{"name": "kickoff", "date": "2018-09-25"}]}}`
	sessions := []loader.Node{node(wg, "wg:absc", "Liaison AB Subcommittee"), event("event:a-generated", "Generated at", "2023-06-21"), event("event:b-session", "Liaison ABSC session", "2023-06-21")}

	tests := []struct {
		name  string
		entry string
		g     *loader.Graph
		want  counts
	}{
		{"name found", oneOrg, graph([]loader.Node{node(org, "org:omg", "OMG")}), counts{Entities: Ratio{1, 1}}},
		{"NFKC and case folded", oneOrg, graph([]loader.Node{node(org, "org:omg", "ｏｍｇ")}), counts{Entities: Ratio{1, 1}}},
		{"found as an alias", oneOrg, graph([]loader.Node{node(org, "org:omg", "Object Management Group", "OMG")}), counts{Entities: Ratio{1, 1}}},
		{"other label is not found", oneOrg, graph([]loader.Node{node(person, "person:omg", "OMG")}), counts{Entities: Ratio{0, 1}, Extra: 1}},
		{"Organization takes a WorkingGroup", oneOrg, graph([]loader.Node{node(wg, "wg:omg", "OMG")}), counts{Entities: Ratio{1, 1}}},
		{"WorkingGroup takes an Organization", tab, graph([]loader.Node{node(org, "org:tab", "Technical Advisory Board", "TAB")}), counts{Entities: Ratio{1, 1}, Aliases: Ratio{1, 1}}},
		{"white space collapsed", `{"kind": "report", "lang": "en", "must": {"Standard": ["Satellite Command &  Control"]}}`,
			graph([]loader.Node{node(graphmodel.Standard, "std:c2ms", "Satellite Command & Control")}), counts{Entities: Ratio{1, 1}}},
		{"event on its date", daily, ev("2018-09-25"), counts{Entities: Ratio{1, 1}}},
		{"event on another day", daily, ev("2018-09-26"), counts{Entities: Ratio{0, 1}, Extra: 1}},
		{"month takes a day of it", monthly, ev("2018-11-05"), counts{Entities: Ratio{1, 1}}},
		{"month takes the month", monthly, ev("2018-11"), counts{Entities: Ratio{1, 1}}},
		{"month does not take another", monthly, ev("2018-12-01"), counts{Entities: Ratio{0, 1}, Extra: 1}},
		{"day does not take its month", daily, ev("2018-09"), counts{Entities: Ratio{0, 1}, Extra: 1}},
		{"same date: the event sharing words", meeting,
			graph(sessions, edge(graphmodel.Held, "wg:absc", "event:b-session", nil)), counts{Entities: Ratio{2, 2}, Relations: Ratio{1, 1}, Extra: 1}},
		{"same date: not the other event", meeting,
			graph(sessions, edge(graphmodel.Held, "wg:absc", "event:a-generated", nil)), counts{Entities: Ratio{2, 2}, Relations: Ratio{0, 1}, Extra: 1}},
		{"two expected events of a date take two nodes", twoEvents,
			graph([]loader.Node{event("event:x", "x", "2023-06-18"), event("event:y", "y", "2023-06-18")}), counts{Entities: Ratio{2, 2}}},
		{"two expected events, one node", twoEvents,
			graph([]loader.Node{event("event:x", "x", "2023-06-18")}), counts{Entities: Ratio{2, 2}}},
		{"alias on one node", tab, graph([]loader.Node{node(wg, "wg:tab", "Technical Advisory Board", "TAB")}), counts{Entities: Ratio{1, 1}, Aliases: Ratio{1, 1}}},
		{"alias on a separate node is a miss, not invented", tab,
			graph([]loader.Node{node(wg, "wg:tab", "Technical Advisory Board"), node(wg, "wg:tab2", "TAB")}), counts{Entities: Ratio{1, 1}, Aliases: Ratio{0, 1}}},
		{"alias of another label", tab,
			graph([]loader.Node{node(wg, "wg:tab", "Technical Advisory Board"), node(person, "person:tab", "TAB")}), counts{Entities: Ratio{1, 1}, Aliases: Ratio{0, 1}, Invented: 1}},
		{"relation found", partOf,
			graph([]loader.Node{node(org, "org:oasis", "OASIS"), node(wg, "wg:tab", "TAB")}, edge(graphmodel.PartOf, "wg:tab", "org:oasis", nil)), counts{Entities: Ratio{2, 2}, Relations: Ratio{1, 1}}},
		{"relation reversed", partOf,
			graph([]loader.Node{node(org, "org:oasis", "OASIS"), node(org, "org:tab", "TAB")}, edge(graphmodel.PartOf, "org:oasis", "org:tab", nil)), counts{Entities: Ratio{2, 2}, Relations: Ratio{0, 1}}},
		{"relation of another type", partOf,
			graph([]loader.Node{node(org, "org:oasis", "OASIS"), node(wg, "wg:tab", "TAB")}, edge(graphmodel.SubgroupOf, "wg:tab", "org:oasis", nil)), counts{Entities: Ratio{2, 2}, Relations: Ratio{0, 1}}},
		{"relation end through an alias form", cwg,
			graph([]loader.Node{node(org, "org:omg", "OMG"), node(wg, "wg:cwg", "CWG")}, edge(graphmodel.PartOf, "wg:cwg", "org:omg", nil)),
			counts{Entities: Ratio{1, 2}, Relations: Ratio{1, 1}, Aliases: Ratio{0, 1}}},
		{"relation end of the wrong label", partOf,
			graph([]loader.Node{node(org, "org:oasis", "OASIS"), node(person, "person:tab", "TAB")}, edge(graphmodel.PartOf, "person:tab", "org:oasis", nil)),
			counts{Entities: Ratio{1, 2}, Relations: Ratio{0, 1}, Extra: 1}},
		{"props present", chair,
			graph([]loader.Node{node(person, "person:ada", "Ada"), node(wg, "wg:k", "KMWG")}, edge(graphmodel.MemberOf, "person:ada", "wg:k", map[string]any{"role": "Chair of the group"})),
			counts{Entities: Ratio{2, 2}, Relations: Ratio{1, 1}, Props: Ratio{1, 1}}},
		{"props absent", chair,
			graph([]loader.Node{node(person, "person:ada", "Ada"), node(wg, "wg:k", "KMWG")}, edge(graphmodel.MemberOf, "person:ada", "wg:k", nil)),
			counts{Entities: Ratio{2, 2}, Relations: Ratio{1, 1}, Props: Ratio{0, 1}}},
		{"props empty", chair,
			graph([]loader.Node{node(person, "person:ada", "Ada"), node(wg, "wg:k", "KMWG")}, edge(graphmodel.MemberOf, "person:ada", "wg:k", map[string]any{"role": " "})),
			counts{Entities: Ratio{2, 2}, Relations: Ratio{1, 1}, Props: Ratio{0, 1}}},
		{"props on one of two edges", chair,
			graph([]loader.Node{node(person, "person:ada", "Ada"), node(wg, "wg:k", "KMWG", "kmwg")},
				edge(graphmodel.MemberOf, "person:ada", "wg:k", nil), edge(graphmodel.MemberOf, "person:ada", "wg:k", map[string]any{"role": "chair"})),
			counts{Entities: Ratio{2, 2}, Relations: Ratio{1, 1}, Props: Ratio{1, 1}}},
		{"forbidden relation to a name outside must", regrets,
			graph([]loader.Node{event("event:c", "call", "2016-09-01"), node(person, "person:f", "Fabrizio")}, edge(graphmodel.Attended, "person:f", "event:c", nil)),
			counts{Entities: Ratio{1, 1}, Forbidden: Ratio{1, 1}, Extra: 1}},
		{"forbidden relation absent", regrets,
			graph([]loader.Node{event("event:c", "call", "2016-09-01"), node(person, "person:f", "Fabrizio")}),
			counts{Entities: Ratio{1, 1}, Forbidden: Ratio{0, 1}, Extra: 1}},
		{"trap taken as an alias, normalised", `{"kind": "log", "lang": "en", "must": {}, "traps": ["Roll Call", "Regrets"]}`,
			graph([]loader.Node{node(topic, "topic:x", "x", "roll   CALL")}), counts{Traps: Ratio{1, 2}, Extra: 1}},
		{"form: beyond must is invented", `{"kind": "form", "lang": "en", "must": {"Organization": ["OASIS"]}}`,
			graph([]loader.Node{node(org, "org:oasis", "OASIS"), node(person, "person:p", "OASIS President"), node(topic, "topic:t", "liaison")}),
			counts{Entities: Ratio{1, 1}, Invented: 2}},
		{"other kinds: beyond must is extra", `{"kind": "agenda", "lang": "en", "must": {"Organization": ["OASIS"]}}`,
			graph([]loader.Node{node(org, "org:oasis", "OASIS"), node(person, "person:p", "OASIS President")}),
			counts{Entities: Ratio{1, 1}, Extra: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ScorePage(page(t, tt.entry), tt.g)
			if got := countsOf(r); got != tt.want {
				t.Errorf("got %+v\nwant %+v\nmisses %+v", got, tt.want, r.Misses)
			}
		})
	}
}

func TestIdentity(t *testing.T) {
	x, err := ParseExpectation("test.json", []byte(`{
		"a.txt": {"kind": "log", "lang": "ja", "must": {"Person": ["村井純"], "Organization": ["OMG"], "Event": [{"name": "第2回", "date": "2021-12-02"}]}},
		"b.txt": {"kind": "log", "lang": "ja", "must": {"Person": ["村井純", "手塚悟"], "WorkingGroup": ["omg"], "Event": [{"name": "第2回", "date": "2021-12-02"}]}},
		"c.txt": {"kind": "log", "lang": "ja", "must": {"Person": ["手塚悟"]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	murai := node(person, "person:murai", "村井純")
	omg := node(org, "org:omg", "OMG")
	tezuka := node(person, "person:tezuka", "手塚悟")
	tests := []struct {
		name string
		g    *loader.Graph
		want Ratio
	}{
		{"one node each (case differs; Organization and WorkingGroup one class)", graph([]loader.Node{murai, omg, tezuka}), Ratio{3, 3}},
		{"one node by alias", graph([]loader.Node{node(person, "person:murai", "Murai Jun", "村井純"), omg, tezuka}), Ratio{3, 3}},
		{"two nodes", graph([]loader.Node{murai, omg, tezuka, node(person, "person:tezuka-2", "手塚悟")}), Ratio{2, 3}},
		{"two nodes of the class", graph([]loader.Node{murai, omg, node(wg, "wg:omg", "OMG"), tezuka}), Ratio{2, 3}},
		{"no node", graph([]loader.Node{omg}), Ratio{1, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, misses := Identity(x, tt.g)
			if got != tt.want {
				t.Errorf("identity = %v, want %v; misses %+v", got, tt.want, misses)
			}
			if len(misses) != got.Of-got.Got {
				t.Errorf("%d misses for %v", len(misses), got)
			}
		})
	}
}

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"OMG", "omg"},
		{"ＯＭＧ", "omg"},
		{"  Steve \n  MacLaird ", "steve maclaird"},
		{"尾﨑正直", "尾﨑正直"}, // U+FA11 has no decomposition: kept
		{"Straße", "strasse"},
		{"Quantum\u2010safe", "quantum-safe"},
		{"(第4回)", "(第4回)"},
	}
	for _, tt := range tests {
		if got := Norm(tt.in); got != tt.want {
			t.Errorf("Norm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
