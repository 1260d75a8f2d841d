package store

import (
	"testing"

	"csakg/loader"
)

func TestLaneOf(t *testing.T) {
	for _, tc := range []struct {
		key string
		n   int
	}{{"person:ada", 1}, {"person:ada", 2}, {"wg:cloud", 3}, {"", 2}} {
		t.Run(tc.key, func(t *testing.T) {
			got := laneOf(tc.key, tc.n)
			if got < 0 || got >= tc.n {
				t.Fatalf("laneOf(%q, %d) = %d, outside [0, %d)", tc.key, tc.n, got, tc.n)
			}
			if again := laneOf(tc.key, tc.n); again != got {
				t.Errorf("laneOf(%q, %d) = %d, then %d", tc.key, tc.n, got, again)
			}
		})
	}
	// Keys spread over the lanes.
	seen := map[int]bool{}
	for _, k := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		seen[laneOf(k, 2)] = true
	}
	if len(seen) != 2 {
		t.Errorf("eight keys all went to lanes %v of 2", seen)
	}
}

func TestSparseEnd(t *testing.T) {
	degree := map[string]int{"person:ada": 1, "wg:cloud": 40, "person:bo": 1}
	for _, tc := range []struct {
		name     string
		from, to string
		want     string
	}{
		{"member of a big group", "person:ada", "wg:cloud", "person:ada"},
		{"group to a person", "wg:cloud", "person:bo", "person:bo"},
		{"equal degrees keep the start", "person:ada", "person:bo", "person:ada"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sparseEnd(loader.Edge{From: tc.from, To: tc.to}, degree); got != tc.want {
				t.Errorf("sparseEnd(%s -> %s) = %s, want %s", tc.from, tc.to, got, tc.want)
			}
		})
	}
}

func TestEndDegrees(t *testing.T) {
	got := endDegrees([]loader.Edge{{From: "a", To: "b"}, {From: "a", To: "c"}})
	want := map[string]int{"a": 2, "b": 1, "c": 1}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("degree of %s = %d, want %d (all: %v)", k, got[k], v, got)
		}
	}
}
