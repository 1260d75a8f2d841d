package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// devCorpus is the shared development corpus, beside the repository.
var devCorpus = filepath.Join("..", "..", "shared", "corpus", "dev")

// TestDevCorpus scores the loader on the development corpus and checks that
// the report counts everything expect.json lists, once: its denominators
// against counts made here from the JSON itself. The loader's scores are
// not asserted; they change as it does.
func TestDevCorpus(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(devCorpus, ExpectFile))
	if os.IsNotExist(err) {
		t.Skipf("%s: no development corpus", devCorpus)
	}
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]struct {
		Kind         string                       `json:"kind"`
		Must         map[string][]json.RawMessage `json:"must"`
		Aliases      map[string][]string          `json:"aliases"`
		Relations    [][]any                      `json:"relations"`
		NotRelations [][]any                      `json:"not_relations"`
		Traps        []string                     `json:"traps"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}

	c, err := Load(devCorpus, "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Score(c, LoaderBuilder(nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pages) != len(raw) {
		t.Fatalf("%d pages scored, expect.json has %d", len(r.Pages), len(raw))
	}
	var entities, relations, aliases, traps, forbidden, props int
	byLabel, byType := map[string]int{}, map[string]int{}
	for _, p := range r.Pages {
		e, ok := raw[p.File]
		if !ok {
			t.Fatalf("page %q is not in expect.json", p.File)
		}
		var pe, pa int
		for label, names := range e.Must {
			byLabel[label] += len(names)
			pe += len(names)
		}
		for _, forms := range e.Aliases {
			pa += len(forms)
		}
		for _, rel := range e.Relations {
			byType[rel[1].(string)]++
			if len(rel) == 4 {
				props++
			}
		}
		if got := p.EntityTotal().Of; got != pe {
			t.Errorf("%s: %d entities counted, expect.json lists %d", p.File, got, pe)
		}
		if got := p.RelationTotal().Of; got != len(e.Relations) {
			t.Errorf("%s: %d relations counted, expect.json lists %d", p.File, got, len(e.Relations))
		}
		if p.Aliases.Of != pa || p.Traps.Of != len(e.Traps) || p.Forbidden.Of != len(e.NotRelations) || p.Kind != e.Kind {
			t.Errorf("%s: aliases %v traps %v forbidden %v kind %q; expect.json: %d, %d, %d, %q",
				p.File, p.Aliases, p.Traps, p.Forbidden, p.Kind, pa, len(e.Traps), len(e.NotRelations), e.Kind)
		}
		if e.Kind != KindForm && p.Invented != 0 {
			t.Errorf("%s: %d invented on a page of kind %q", p.File, p.Invented, e.Kind)
		}
		entities += pe
		relations += len(e.Relations)
		aliases += pa
		traps += len(e.Traps)
		forbidden += len(e.NotRelations)
	}
	tot := r.Total
	if tot.EntityTotal().Of != entities || tot.RelationTotal().Of != relations || tot.Aliases.Of != aliases ||
		tot.Traps.Of != traps || tot.Forbidden.Of != forbidden {
		t.Errorf("totals: entities %v relations %v aliases %v traps %v forbidden %v; expect.json: %d %d %d %d %d",
			tot.EntityTotal(), tot.RelationTotal(), tot.Aliases, tot.Traps, tot.Forbidden, entities, relations, aliases, traps, forbidden)
	}
	for label, n := range byLabel {
		if tot.Entities[label].Of != n {
			t.Errorf("%s: %v counted, expect.json lists %d", label, tot.Entities[label], n)
		}
	}
	for typ, n := range byType {
		if tot.Relations[typ].Of != n {
			t.Errorf("%s: %v counted, expect.json lists %d", typ, tot.Relations[typ], n)
		}
	}
	if tot.Props.Of > props || tot.Props.Of > tot.RelationTotal().Got {
		t.Errorf("props %v: more than the %d relations with properties or the %d found", tot.Props, props, tot.RelationTotal().Got)
	}
	// Names listed in the must of several pages, Organization and
	// WorkingGroup as one class (08 and 09 share most of theirs).
	pagesOf := map[[2]string]map[string]bool{}
	for file, e := range raw {
		for label, names := range e.Must {
			if label == "Event" {
				continue
			}
			if label == "WorkingGroup" {
				label = "Organization"
			}
			for _, n := range names {
				var name string
				if err := json.Unmarshal(n, &name); err != nil {
					t.Fatal(err)
				}
				k := [2]string{label, name}
				if pagesOf[k] == nil {
					pagesOf[k] = map[string]bool{}
				}
				pagesOf[k][file] = true
			}
		}
	}
	shared := 0
	for _, pages := range pagesOf {
		if len(pages) > 1 {
			shared++
		}
	}
	if r.Identity.Of != shared || shared == 0 {
		t.Errorf("identity checks %v, expect.json has %d names in several pages", r.Identity, shared)
	}
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Total.EntityTotal() != tot.EntityTotal() || back.Identity != r.Identity || len(back.Pages) != len(r.Pages) {
		t.Errorf("JSON report does not read back: %v %v %d", back.Total.EntityTotal(), back.Identity, len(back.Pages))
	}
}
