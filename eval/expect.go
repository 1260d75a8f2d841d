// Package eval scores the loader against expectations written by hand: for
// each page, the entities, aliases and relationships a good loader finds,
// the relationships it must not make and the strings that must not become
// entities. It owns the expectation format (expect.json, described in
// shared/corpus/dev/README.md), the matching rules and the report.
package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"csakg/graphmodel"
)

// Kinds and languages a page may have in an expectation file.
var (
	Kinds = []string{"listing", "log", "report", "agenda", "form"}
	Langs = []string{"en", "ja", "mixed"}
)

// KindForm is the kind whose pages say "nothing else": every entity a
// loader finds beyond the must list is invented.
const KindForm = "form"

// Expectation is one expectation file: what each page should give.
type Expectation struct {
	Path  string  // the file it was read from, for messages
	Pages []*Page // in the file's order
}

// Page is the expectation of one page.
type Page struct {
	File         string              // the page's file name
	Kind         string              // one of Kinds
	Lang         string              // one of Langs
	Must         map[string][]string // label -> names, every label but Event
	Events       []EventExpect
	Aliases      []Alias
	Relations    []Relation
	NotRelations []Relation
	Traps        []string
	Notes        string
}

// EventExpect is an event the page must give: matched on its date.
type EventExpect struct {
	Name string `json:"name"`
	Date string `json:"date"` // YYYY-MM-DD, or YYYY-MM when the text gives a month only
}

// Alias is a canonical name and the other forms the same text uses for it.
type Alias struct {
	Name  string
	Forms []string
}

// Relation is an expected (or forbidden) relationship between two named
// entities, with the properties the text states.
type Relation struct {
	From, Type, To string
	Props          map[string]string
}

func (r Relation) String() string {
	s := fmt.Sprintf("%s -%s-> %s", r.From, r.Type, r.To)
	if len(r.Props) > 0 {
		keys := make([]string, 0, len(r.Props))
		for k := range r.Props {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		s += " {" + strings.Join(keys, ", ") + "}"
	}
	return s
}

// Page returns the expectation of the page with that file name.
func (x *Expectation) Page(file string) (*Page, bool) {
	for _, p := range x.Pages {
		if p.File == file {
			return p, true
		}
	}
	return nil, false
}

// rawPage is a page entry as written; unknown fields are refused.
type rawPage struct {
	Kind         string                     `json:"kind"`
	Lang         string                     `json:"lang"`
	Must         map[string]json.RawMessage `json:"must"`
	Aliases      map[string][]string        `json:"aliases"`
	Relations    []json.RawMessage          `json:"relations"`
	NotRelations []json.RawMessage          `json:"not_relations"`
	Traps        []string                   `json:"traps"`
	Notes        string                     `json:"notes"`
}

// ParseExpectation reads an expectation file. Errors name the file and the
// entry (page, field, index).
func ParseExpectation(path string, data []byte) (*Expectation, error) {
	x := &Expectation{Path: path}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := expectDelim(dec, '{'); err != nil {
		return nil, jsonError(path, data, dec, err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonError(path, data, dec, err)
		}
		file := tok.(string) // object keys are strings
		if _, dup := x.Page(file); dup {
			return nil, fmt.Errorf("%s: page %q is given twice", path, file)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, jsonError(path, data, dec, err)
		}
		p, err := parsePage(file, raw)
		if err != nil {
			return nil, fmt.Errorf("%s: page %q: %w", path, file, err)
		}
		x.Pages = append(x.Pages, p)
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, jsonError(path, data, dec, err)
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("%s:%d: data after the top-level object", path, lineAt(data, dec.InputOffset()))
	}
	if len(x.Pages) == 0 {
		return nil, fmt.Errorf("%s: no pages", path)
	}
	return x, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("want %q, got %v", string(want), tok)
	}
	return nil
}

// jsonError says where in the file the JSON went wrong.
func jsonError(path string, data []byte, dec *json.Decoder, err error) error {
	off := dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	return fmt.Errorf("%s:%d: %v", path, lineAt(data, off), err)
}

func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

var (
	reDate = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`)
	// relKeys are the relationship properties of the graph model that an
	// expectation may state.
	relKeys = []string{"role", "section", "status", "since", "date", "amount"}
)

func parsePage(file string, data []byte) (*Page, error) {
	var raw rawPage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	p := &Page{File: file, Kind: raw.Kind, Lang: raw.Lang, Must: map[string][]string{}, Traps: raw.Traps, Notes: raw.Notes}
	if !slices.Contains(Kinds, p.Kind) {
		return nil, fmt.Errorf("kind: %q is not one of %s", p.Kind, strings.Join(Kinds, ", "))
	}
	if !slices.Contains(Langs, p.Lang) {
		return nil, fmt.Errorf("lang: %q is not one of %s", p.Lang, strings.Join(Langs, ", "))
	}
	if err := p.parseMust(raw.Must); err != nil {
		return nil, err
	}
	for _, name := range sortedKeys(raw.Aliases) {
		if _, ok := p.mustLabels(name); !ok {
			return nil, fmt.Errorf("aliases: %q is not a name of must", name)
		}
		if len(raw.Aliases[name]) == 0 {
			return nil, fmt.Errorf("aliases: %q: no other forms", name)
		}
		for i, f := range raw.Aliases[name] {
			if strings.TrimSpace(f) == "" {
				return nil, fmt.Errorf("aliases: %q[%d]: empty", name, i)
			}
		}
		p.Aliases = append(p.Aliases, Alias{Name: name, Forms: raw.Aliases[name]})
	}
	var err error
	if p.Relations, err = parseRelations("relations", raw.Relations); err != nil {
		return nil, err
	}
	if p.NotRelations, err = parseRelations("not_relations", raw.NotRelations); err != nil {
		return nil, err
	}
	for i, t := range p.Traps {
		if strings.TrimSpace(t) == "" {
			return nil, fmt.Errorf("traps[%d]: empty", i)
		}
	}
	return p, nil
}

func (p *Page) parseMust(must map[string]json.RawMessage) error {
	for _, label := range sortedKeys(must) {
		if !slices.Contains(graphmodel.LabelNames, label) {
			return fmt.Errorf("must: label %q is not one of %s", label, strings.Join(graphmodel.LabelNames, ", "))
		}
		dec := json.NewDecoder(bytes.NewReader(must[label]))
		dec.DisallowUnknownFields()
		if label == graphmodel.Event {
			if err := dec.Decode(&p.Events); err != nil {
				return fmt.Errorf("must.Event: %w", err)
			}
			for i, ev := range p.Events {
				if strings.TrimSpace(ev.Name) == "" {
					return fmt.Errorf("must.Event[%d]: no name", i)
				}
				if !reDate.MatchString(ev.Date) {
					return fmt.Errorf("must.Event[%d] %q: date %q is not YYYY-MM-DD or YYYY-MM", i, ev.Name, ev.Date)
				}
			}
			continue
		}
		var names []string
		if err := dec.Decode(&names); err != nil {
			return fmt.Errorf("must.%s: %w", label, err)
		}
		for i, n := range names {
			if strings.TrimSpace(n) == "" {
				return fmt.Errorf("must.%s[%d]: empty name", label, i)
			}
		}
		p.Must[label] = names
	}
	return nil
}

// parseRelations reads [from, TYPE, to] or [from, TYPE, to, {props}].
func parseRelations(field string, raws []json.RawMessage) ([]Relation, error) {
	var out []Relation
	for i, raw := range raws {
		var parts []json.RawMessage
		if err := json.Unmarshal(raw, &parts); err != nil || len(parts) < 3 || len(parts) > 4 {
			return nil, fmt.Errorf("%s[%d]: %s is not [from, TYPE, to] or [from, TYPE, to, {props}]", field, i, compact(raw))
		}
		var r Relation
		for j, dst := range []*string{&r.From, &r.Type, &r.To} {
			if err := json.Unmarshal(parts[j], dst); err != nil || strings.TrimSpace(*dst) == "" {
				return nil, fmt.Errorf("%s[%d]: element %d of %s is not a non-empty string", field, i, j, compact(raw))
			}
		}
		if !slices.Contains(graphmodel.RelTypes, r.Type) {
			return nil, fmt.Errorf("%s[%d]: type %q is not a relationship type of the graph model", field, i, r.Type)
		}
		if len(parts) == 4 {
			dec := json.NewDecoder(bytes.NewReader(parts[3]))
			if err := dec.Decode(&r.Props); err != nil || r.Props == nil {
				return nil, fmt.Errorf("%s[%d]: properties %s are not an object of strings", field, i, compact(parts[3]))
			}
			for k := range r.Props {
				if !slices.Contains(relKeys, k) {
					return nil, fmt.Errorf("%s[%d]: property %q is not one of %s", field, i, k, strings.Join(relKeys, ", "))
				}
			}
		}
		out = append(out, r)
	}
	return out, nil
}

func compact(raw []byte) string {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw)
	}
	return b.String()
}

// mustLabels returns the labels under which name is listed in must (Event
// included).
func (p *Page) mustLabels(name string) ([]string, bool) {
	var labels []string
	for _, l := range graphmodel.LabelNames {
		if slices.Contains(p.Must[l], name) {
			labels = append(labels, l)
		}
	}
	for _, ev := range p.Events {
		if ev.Name == name && !slices.Contains(labels, graphmodel.Event) {
			labels = append(labels, graphmodel.Event)
		}
	}
	return labels, len(labels) > 0
}

// event returns the expected event of that name.
func (p *Page) event(name string) (EventExpect, bool) {
	for _, ev := range p.Events {
		if ev.Name == name {
			return ev, true
		}
	}
	return EventExpect{}, false
}

// aliasForms returns the other forms listed for a canonical name.
func (p *Page) aliasForms(name string) []string {
	for _, a := range p.Aliases {
		if a.Name == name {
			return a.Forms
		}
	}
	return nil
}

// isAliasForm reports whether name is listed as another form of a name.
func (p *Page) isAliasForm(name string) bool {
	for _, a := range p.Aliases {
		if slices.Contains(a.Forms, name) {
			return true
		}
	}
	return false
}

// CheckText checks the page's names against its text: every must name
// other than an Event's, and every alias form, occurs in it (whitespace
// collapsed), and every relation end is a must name, an alias form or a
// string of the text.
func (x *Expectation) CheckText(p *Page, text []byte) error {
	body := collapse(norm.NFKC.String(string(text)))
	in := func(s string) bool { return strings.Contains(body, collapse(norm.NFKC.String(s))) }
	for _, l := range graphmodel.LabelNames {
		for i, n := range p.Must[l] {
			if !in(n) {
				return fmt.Errorf("%s: page %q: must.%s[%d]: %q does not occur in the page", x.Path, p.File, l, i, n)
			}
		}
	}
	for _, a := range p.Aliases {
		for i, f := range a.Forms {
			if !in(f) {
				return fmt.Errorf("%s: page %q: aliases: %q[%d]: %q does not occur in the page", x.Path, p.File, a.Name, i, f)
			}
		}
	}
	for _, set := range []struct {
		field string
		rels  []Relation
	}{{"relations", p.Relations}, {"not_relations", p.NotRelations}} {
		for i, r := range set.rels {
			for _, end := range []string{r.From, r.To} {
				if _, ok := p.mustLabels(end); !ok && !p.isAliasForm(end) && !in(end) {
					return fmt.Errorf("%s: page %q: %s[%d]: %q is neither a must name nor in the page", x.Path, p.File, set.field, i, end)
				}
			}
		}
	}
	return nil
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
