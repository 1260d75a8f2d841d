package loader

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestRoleLongForms(t *testing.T) {
	tests := []struct {
		roles []string // roles of one person in one organization, in one text
		want  string   // short=long, sorted
	}{
		{[]string{"ED", "Executive Director"}, "ED=Executive Director"},
		{[]string{"Executive Director", "E.D."}, ""}, // dots: not an acronym as the loader knows them
		{[]string{"CTO", "Chief Technology Officer", "Chair"}, "CTO=Chief Technology Officer"},
		{[]string{"VP", "Vice-President"}, "VP=Vice-President"},
		{[]string{"ed", "Executive Director"}, ""},             // lower case is a word, not an abbreviation
		{[]string{"EVP APAC", "Executive Vice President"}, ""}, // two words
		{[]string{"ED"}, ""},
		{[]string{"BoD", "Board of Directors"}, "BoD=Board of Directors"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.roles, ","), func(t *testing.T) {
			p, o := &dent{label: LabelPerson, name: "P"}, &dent{label: LabelOrganization, name: "O"}
			d := &draft{}
			for i, r := range tt.roles {
				d.facts = append(d.facts, dfact{typ: RelMemberOf, from: p, to: o, props: map[string]any{"role": r}, line: i + 1})
			}
			long := roleLongForms(d, map[*dent]string{p: "person:p", o: "org:o"})
			m := long[factEnds{RelMemberOf, "person:p", "org:o"}]
			var got []string
			for _, k := range slices.Sorted(maps.Keys(m)) {
				got = append(got, fmt.Sprintf("%s=%s", k, m[k]))
			}
			if g := strings.Join(got, ","); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

// TestRoleAbbreviationFoldedOnSeeds: the seeds call Eiji Sasahara both "ED"
// and "Executive Director" of CSA Japan Chapter in one text; that is one
// membership, in the long form, stated on two lines.
func TestRoleAbbreviationFoldedOnSeeds(t *testing.T) {
	g, _ := seedGraph(t)
	var got []string
	for _, e := range g.Edges {
		if e.Type == RelMemberOf && e.From == "person:eiji-sasahara" && e.To == "org:csa-japan-chapter" {
			got = append(got, fmt.Sprintf("%v/%v", e.Props["role"], e.Props["weight"]))
		}
	}
	if g := strings.Join(got, "|"); g != "Executive Director/2" {
		t.Errorf("memberships = %q, want one: Executive Director/2", g)
	}
}

// TestOneEdgePerFact checks that a fact read on several lines, of several
// sections, from two texts, is one edge with every line, in source and
// line order, and every section.
func TestOneEdgePerFact(t *testing.T) {
	p, doc, o := &dent{label: LabelPerson, name: "P"}, &dent{label: LabelDocument, name: "D"}, &dent{label: LabelOrganization, name: "O"}
	idOf := map[*dent]string{p: "person:p", doc: "doc:d", o: "org:o"}
	page := func(src string, n int) *Page {
		pg := &Page{Src: src}
		for i := range n {
			pg.Raw = append(pg.Raw, fmt.Sprintf("%s line %d", src, i+1))
		}
		return pg
	}
	b := &draft{src: "b.txt", page: page("b.txt", 9)}
	a := &draft{src: "a.txt", page: page("a.txt", 9)}
	b.facts = []dfact{
		{typ: RelContributedTo, from: p, to: doc, line: 7, rule: "r1", props: map[string]any{"role": "Reviewer", "section": "2"}},
		{typ: RelContributedTo, from: p, to: doc, line: 3, rule: "r1", props: map[string]any{"role": "reviewer", "section": "1"}},
		{typ: RelContributedTo, from: p, to: doc, line: 3, rule: "r2", props: map[string]any{"role": "reviewer", "section": "1"}}, // the same line again
		{typ: RelContributedTo, from: p, to: doc, line: 5, rule: "r1", props: map[string]any{"role": "author"}},
	}
	a.facts = []dfact{
		{typ: RelContributedTo, from: p, to: doc, line: 8, rule: "r3", props: map[string]any{"role": "REVIEWER", "section": "2"}},
		{typ: RelMemberOf, from: p, to: o, line: 1, rule: "r4"},
	}
	var got []string
	for _, e := range buildEdges([]*draft{b, a}, idOf) {
		var lines []string
		for _, l := range e.AllLines() {
			lines = append(lines, fmt.Sprintf("%s:%d/%s", l.Source, l.Line, l.Rule))
		}
		got = append(got, fmt.Sprintf("%s %v section=%v sections=%v weight=%v first=%s:%d lines=%s",
			e.Type, e.Props["role"], e.Props["section"], e.Props["sections"], e.Props["weight"], e.Evidence.Source, e.Evidence.Line, strings.Join(lines, ",")))
	}
	want := []string{
		"CONTRIBUTED_TO Reviewer section=2 sections=[2 1] weight=3 first=b.txt:7 lines=a.txt:8/r3,b.txt:3/r1,b.txt:7/r1",
		"CONTRIBUTED_TO author section=<nil> sections=<nil> weight=1 first=b.txt:5 lines=b.txt:5/r1",
		"MEMBER_OF <nil> section=<nil> sections=<nil> weight=1 first=a.txt:1 lines=a.txt:1/r4",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
