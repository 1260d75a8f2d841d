package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"csakg/loader"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixtureBuilder gives the hand-written graphs of testdata/mini.graphs: a
// page's own (NAME.json) or, for all pages together, joint.json. The report
// is then that of known graphs, whatever the loader does today.
func fixtureBuilder(t *testing.T) Builder {
	return func(texts []loader.Text) (*loader.Graph, error) {
		name := "joint.json"
		if len(texts) == 1 {
			name = texts[0].Name + ".json"
		}
		data, err := os.ReadFile(filepath.Join("testdata", "mini.graphs", name))
		if err != nil {
			return nil, err
		}
		var g loader.Graph
		if err := json.Unmarshal(data, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return &g, nil
	}
}

func TestReportGolden(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "mini"), "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Score(c, fixtureBuilder(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		golden string
		write  func(*bytes.Buffer) error
	}{
		{"mini.txt", func(b *bytes.Buffer) error { return r.WriteText(b, false) }},
		{"mini-v.txt", func(b *bytes.Buffer) error { return r.WriteText(b, true) }},
		{"mini.json", func(b *bytes.Buffer) error { return r.WriteJSON(b) }},
	} {
		t.Run(f.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.write(&b); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", f.golden)
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./eval -update to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("report differs from %s; run with -update after checking the change:\n%s", golden, b.String())
			}
		})
	}
}

// TestReportMiniSums checks the report's sums on the fixture graphs by
// hand: what testdata/mini.graphs gives against testdata/mini/expect.json.
func TestReportMiniSums(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "mini"), "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Score(c, fixtureBuilder(t))
	if err != nil {
		t.Fatal(err)
	}
	got := countsOf(PageReport{Scores: r.Total})
	want := counts{
		// 01: HSC, 3 people, the event; the WG only as "Key Management WG"
		// and the standard missing. 02: both, the desk as an Organization.
		Entities: Ratio{5 + 2, 7 + 2},
		// 01: PART_OF through the KMWG form, both MEMBER_OF, HELD, Ada's
		// ATTENDED; Ben's ATTENDED and MAINTAINS missing. 02: PART_OF.
		Relations: Ratio{5 + 1, 7 + 1},
		Aliases:   Ratio{1, 2}, // HSC on its node; KMWG a node of its own
		Props:     Ratio{1, 2}, // Ben's role present, Ada's absent
		Traps:     Ratio{2, 6}, // "Contact us" in 01, "Contact person" in 02
		Forbidden: Ratio{1, 1}, // Cara's ATTENDED
		Invented:  2,           // 02's "other organization" and "Contact person"
		Extra:     3,           // 01's two topics and its "Key Management WG"
	}
	if got != want {
		t.Errorf("totals %+v\nwant %+v", got, want)
	}
	if r.Identity != (Ratio{0, 1}) || len(r.IdentityMisses) != 1 {
		t.Errorf("identity %v, misses %+v; want 0/1: two nodes named Harbor Standards Consortium", r.Identity, r.IdentityMisses)
	}
}

func TestThresholds(t *testing.T) {
	r := &Report{Total: Scores{
		Entities:  map[string]Ratio{"Person": {3, 4}, "Organization": {1, 4}},
		Relations: map[string]Ratio{"ATTENDED": {1, 2}},
		Traps:     Ratio{2, 9},
		Invented:  1,
	}}
	f := func(v float64) *float64 { return &v }
	n := func(v int) *int { return &v }
	tests := []struct {
		name string
		th   Thresholds
		want int // failures
	}{
		{"none", Thresholds{}, 0},
		{"all met", Thresholds{MinEntities: f(50), MinRelations: f(50), MaxTraps: n(2), MaxInvented: n(1)}, 0},
		{"entities below", Thresholds{MinEntities: f(50.1)}, 1},
		{"relations below", Thresholds{MinRelations: f(51)}, 1},
		{"too many traps", Thresholds{MaxTraps: n(1)}, 1},
		{"too many invented", Thresholds{MaxInvented: n(0)}, 1},
		{"all missed", Thresholds{MinEntities: f(90), MinRelations: f(90), MaxTraps: n(0), MaxInvented: n(0)}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Check(tt.th); len(got) != tt.want {
				t.Errorf("failures %q, want %d", got, tt.want)
			}
		})
	}
}

// TestMiniWithLoader runs the real loader on the mini corpus: whatever it
// finds, every expectation is counted once.
func TestMiniWithLoader(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "mini"), "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Score(c, LoaderBuilder(nil))
	if err != nil {
		t.Fatal(err)
	}
	if e, rel := r.Total.EntityTotal(), r.Total.RelationTotal(); e.Of != 9 || rel.Of != 8 || r.Total.Traps.Of != 6 || r.Identity.Of != 1 {
		t.Errorf("denominators: entities %v, relations %v, traps %v, identity %v", e, rel, r.Total.Traps, r.Identity)
	}
}
