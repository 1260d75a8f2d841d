package eval

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"csakg/graphmodel"
	"csakg/loader"
)

// ExpectFile is the expectation's file name inside a corpus folder.
const ExpectFile = "expect.json"

// pageExts are the files of a folder that are pages (Markdown files there
// are documentation).
var pageExts = []string{".txt", ".text"}

// Corpus is a folder of pages and its expectation.
type Corpus struct {
	Dir      string
	Expect   *Expectation
	Texts    []loader.Text // the pages, in the expectation's order
	Unscored []string      // pages of the folder the expectation does not list
}

// Load reads the expectation (expectPath, or DIR/expect.json when empty)
// and the pages it lists from dir, and checks the expectation's names
// against the pages.
func Load(dir, expectPath string) (*Corpus, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, pathErr(err))
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s: not a folder", dir)
	}
	if expectPath == "" {
		expectPath = filepath.Join(dir, ExpectFile)
	}
	data, err := os.ReadFile(expectPath)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no expectation file (give one with --expect FILE)", expectPath)
		}
		return nil, fmt.Errorf("%s: %w", expectPath, pathErr(err))
	}
	x, err := ParseExpectation(expectPath, data)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Dir: dir, Expect: x}
	var paths []string
	for _, p := range x.Pages {
		if p.File != filepath.Base(p.File) {
			return nil, fmt.Errorf("%s: page %q: not a file name", expectPath, p.File)
		}
		path := filepath.Join(dir, p.File)
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("%s: page %q: %s: %w", expectPath, p.File, path, pathErr(err))
		}
		paths = append(paths, path)
	}
	if c.Texts, _, err = loader.ReadTexts(paths); err != nil {
		return nil, err
	}
	for i, p := range x.Pages {
		if err := x.CheckText(p, c.Texts[i].Data); err != nil {
			return nil, err
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, pathErr(err))
	}
	for _, e := range entries {
		if _, listed := x.Page(e.Name()); !listed && e.Type().IsRegular() && slices.Contains(pageExts, strings.ToLower(filepath.Ext(e.Name()))) {
			c.Unscored = append(c.Unscored, e.Name())
		}
	}
	return c, nil
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Report is the evaluation of a corpus.
type Report struct {
	Dir      string       `json:"dir"`
	Expect   string       `json:"expect"`
	Pages    []PageReport `json:"pages"`
	Total    Scores       `json:"total"`    // micro-averaged: sums of found over sums of expected
	Identity Ratio        `json:"identity"` // names shared by pages that are one node when built together
	// IdentityMisses are the shared names that are not one node.
	IdentityMisses []Miss   `json:"identity_misses"`
	Unscored       []string `json:"unscored"` // pages of the folder not in the expectation
}

// Builder turns texts into a graph: the loader, with its curation.
type Builder func([]loader.Text) (*loader.Graph, error)

// LoaderBuilder is loader.Build with the curation cur (nil for none).
func LoaderBuilder(cur *loader.Curation) Builder {
	return func(texts []loader.Text) (*loader.Graph, error) { return loader.Build(texts, cur) }
}

// Score builds each page of the corpus on its own and scores it, then
// builds all pages together to check that a name several pages list under
// one label is one node.
func Score(c *Corpus, build Builder) (*Report, error) {
	r := &Report{Dir: c.Dir, Expect: c.Expect.Path, Total: newScores(), Pages: []PageReport{}, IdentityMisses: []Miss{}, Unscored: c.Unscored}
	if r.Unscored == nil {
		r.Unscored = []string{}
	}
	for i, p := range c.Expect.Pages {
		g, err := build([]loader.Text{c.Texts[i]})
		if err != nil {
			return nil, err
		}
		pr := ScorePage(p, g)
		r.Total.add(pr.Scores)
		r.Pages = append(r.Pages, pr)
	}
	g, err := build(c.Texts)
	if err != nil {
		return nil, err
	}
	r.Identity, r.IdentityMisses = Identity(c.Expect, g)
	return r, nil
}

// Identity checks the graph of all pages built together: every name listed
// in the must of several pages under one label (Organization and
// WorkingGroup counting as one) must be exactly one node of that label.
// Events are left out: their names are descriptions, and each page's
// meeting is its own.
func Identity(x *Expectation, g *loader.Graph) (Ratio, []Miss) {
	type key struct{ class, name string }
	type shared struct {
		label, name string
		pages       []string
	}
	var order []key
	seen := map[key]*shared{}
	for _, p := range x.Pages {
		for _, l := range graphmodel.LabelNames {
			for _, name := range p.Must[l] {
				k := key{strings.Join(accepted(l), "|"), Norm(name)}
				s, ok := seen[k]
				if !ok {
					s = &shared{label: l, name: name}
					seen[k] = s
					order = append(order, k)
				}
				if !slices.Contains(s.pages, p.File) {
					s.pages = append(s.pages, p.File)
				}
			}
		}
	}
	ix := newIndex(g)
	var r Ratio
	misses := []Miss{}
	for _, k := range order {
		s := seen[k]
		if len(s.pages) < 2 {
			continue
		}
		ids := ix.find(s.name, accepted(s.label))
		r.count(len(ids) == 1)
		switch {
		case len(ids) == 0:
			misses = append(misses, Miss{Kind: MissIdentity, What: k.class, Name: s.name, Detail: "no node; pages " + strings.Join(s.pages, ", ")})
		case len(ids) > 1:
			misses = append(misses, Miss{Kind: MissIdentity, What: k.class, Name: s.name, Detail: fmt.Sprintf("%d nodes: %s", len(ids), strings.Join(ids, ", "))})
		}
	}
	return r, misses
}
