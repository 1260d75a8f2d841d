package loader

import (
	"slices"
	"testing"
)

func TestRelEndsCoverTheModel(t *testing.T) {
	for _, typ := range RelTypes {
		ends, ok := RelEnds[typ]
		if !ok || len(ends.From) == 0 || len(ends.To) == 0 {
			t.Errorf("%s: no ends", typ)
		}
		for _, l := range append(append([]string{}, ends.From...), ends.To...) {
			if !slices.Contains(Labels, l) {
				t.Errorf("%s: %q is not a label", typ, l)
			}
		}
	}
	if len(RelEnds) != len(RelTypes) {
		t.Errorf("%d ends for %d types", len(RelEnds), len(RelTypes))
	}
}

func TestLabelOfID(t *testing.T) {
	tests := []struct {
		id, want string
		ok       bool
	}{
		{"wg:cloud-security", LabelWorkingGroup, true},
		{"person:a-b", LabelPerson, true},
		{"std:iso-27001", LabelStandard, true},
		{"event:x:y", LabelEvent, true},
		{"nope:x", "", false},
		{"wg", "", false},
	}
	for _, tt := range tests {
		if got, ok := LabelOfID(tt.id); got != tt.want || ok != tt.ok {
			t.Errorf("LabelOfID(%q) = %q, %v; want %q, %v", tt.id, got, ok, tt.want, tt.ok)
		}
	}
}
