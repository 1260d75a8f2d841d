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
