package graphmodel

import (
	"slices"
	"testing"
)

func TestRelsAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rels {
		t.Run(r.Type, func(t *testing.T) {
			if seen[r.Type] {
				t.Errorf("declared twice")
			}
			seen[r.Type] = true
			if len(r.From) == 0 || len(r.To) == 0 {
				t.Errorf("no ends: from %v, to %v", r.From, r.To)
			}
			for _, l := range append(slices.Clone(r.From), r.To...) {
				if !IsLabel(l) {
					t.Errorf("end %q is not a label", l)
				}
			}
			for _, f := range r.Facts {
				if !slices.Contains(Facts, f) {
					t.Errorf("fact %q is not one of %v", f, Facts)
				}
			}
			if r.Symmetric && !slices.Equal(r.From, r.To) {
				t.Errorf("symmetric, but from %v is not to %v", r.From, r.To)
			}
		})
	}
	if IsRelType(MentionedIn) {
		t.Errorf("%s is declared as a relationship between entities", MentionedIn)
	}
}

func TestLabelsAreWellFormed(t *testing.T) {
	names, prefixes, enums, lists := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, l := range Labels {
		t.Run(l.Name, func(t *testing.T) {
			for _, x := range []struct {
				what, v string
				seen    map[string]bool
			}{{"name", l.Name, names}, {"prefix", l.Prefix, prefixes}, {"enum", l.Enum, enums}, {"list", l.List, lists}} {
				if x.v == "" || x.seen[x.v] {
					t.Errorf("%s %q is empty or another label's", x.what, x.v)
				}
				x.seen[x.v] = true
			}
			for _, f := range l.Filters {
				if !slices.Contains(AllFilters, f) || slices.Contains(CommonFilters, f) {
					t.Errorf("filter %q is not one of %v beyond %v", f, AllFilters, CommonFilters)
				}
			}
			for _, p := range l.Props {
				if slices.Contains(EntityFields, p) {
					t.Errorf("property %q is a field of every entity", p)
				}
			}
		})
	}
	if names[EntityLabel] {
		t.Errorf("%s is declared as an entity label", EntityLabel)
	}
}

func TestLabelOfID(t *testing.T) {
	tests := []struct {
		id, want string
		ok       bool
	}{
		{"wg:cloud-security", WorkingGroup, true},
		{"person:a-b", Person, true},
		{"std:iso-27001", Standard, true},
		{"event:x:y", Event, true},
		{"nope:x", "", false},
		{"wg", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if got, ok := LabelOfID(tt.id); got != tt.want || ok != tt.ok {
				t.Errorf("LabelOfID(%q) = %q, %v; want %q, %v", tt.id, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFar(t *testing.T) {
	r, _ := RelOf(Maintains)
	tests := []struct {
		dir  string
		want []string
	}{
		{Out, []string{Standard}},
		{In, []string{Organization, WorkingGroup}},
		{Both, []string{Organization, WorkingGroup, Standard}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			if got := r.Far(tt.dir); !slices.Equal(got, tt.want) {
				t.Errorf("Far(%s) = %v, want %v", tt.dir, got, tt.want)
			}
		})
	}
}
