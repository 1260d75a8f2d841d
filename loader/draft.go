package loader

import (
	"slices"
	"strings"
	"unicode"

	"csakg/graphmodel"
)

// draft is what the rules find in one text: entities as the text names
// them, and facts between them, each with its line and the rule that
// found it. Resolution joins drafts into one graph.
type draft struct {
	src      string
	page     *Page
	ents     []*dent
	byKey    map[string]*dent
	facts    []dfact
	format   string // how the text was read: text, html, markdown, pdf
	encoding string
	warnings []Warning
}

// dent is an entity as one text names it.
type dent struct {
	label   string
	name    string
	aliases []string
	forms   []string // other spellings of name (same key) the text uses
	desc    string
	props   map[string]any
	seen    []sighting // where the text names it, and by which rule
	src     string
	// owner is the organization (or group) the name belongs to, where
	// the text says: "OMG" for "OMG Cloud Working Group". Groups of one
	// name but different owners are different groups.
	owner *dent
}

// sighting is a line that names an entity.
type sighting struct {
	line int
	rule string
}

type dfact struct {
	typ      string
	from, to *dent
	props    map[string]any
	line     int
	rule     string
}

func newDraft(p *Page) *draft {
	return &draft{src: p.Src, page: p, byKey: map[string]*dent{}}
}

// entity returns the entity of label named name in this text, creating it;
// line is where the text names it (0 for none) and rule the rule that
// read it there.
func (d *draft) entity(label, name string, line int, rule string) *dent {
	name = cleanName(name)
	k := label + "|" + key(name)
	e, ok := d.byKey[k]
	if !ok {
		if e = d.find(label, name); e == nil {
			e = &dent{label: label, name: name, props: map[string]any{}, src: d.src}
			if kind := documentKind(name); label == LabelDocument && kind != "document" {
				e.props["kind"] = kind // what its name says it is; a rule may know better
			}
			d.byKey[k] = e
			d.ents = append(d.ents, e)
		}
	}
	// "Serverless WG" where "Serverless-WG" came first, "WP 8A" where
	// "Working Party 8A" did: one name, written another way (a longer
	// form does not displace the name the page gave first).
	if ok {
		e.form(name)
	}
	e.saw(line, rule)
	return e
}

// form records another way the text writes the entity's name.
func (e *dent) form(name string) {
	if name != e.name && (sameLetters(name, e.name) || len(name) < len(e.name)) && !slices.Contains(e.forms, name) {
		e.forms = append(e.forms, name)
	}
}

// event returns the event named name on date; events with the same title
// on other dates are other events.
func (d *draft) event(name, date string, line int, rule string) *dent {
	name = cleanName(name)
	k := LabelEvent + "|" + key(name) + "|" + date
	e, ok := d.byKey[k]
	if !ok {
		e = &dent{label: LabelEvent, name: name, props: map[string]any{"date": date}, src: d.src}
		d.byKey[k] = e
		d.ents = append(d.ents, e)
	}
	e.saw(line, rule)
	return e
}

// sameLetters tells two spellings that differ only in case, spacing and
// punctuation ("Serverless WG", "Serverless-WG").
func sameLetters(a, b string) bool {
	letters := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, normLine(s))
	}
	return letters(a) == letters(b)
}

func (e *dent) saw(line int, rule string) {
	if line <= 0 {
		return
	}
	for _, s := range e.seen {
		if s.line == line {
			return
		}
	}
	e.seen = append(e.seen, sighting{line, rule})
}

// find returns the entity of label already named name (or with that
// alias) in this text.
func (d *draft) find(label, name string) *dent {
	k := key(name)
	if k == "" {
		return nil
	}
	if e, ok := d.byKey[label+"|"+k]; ok {
		return e
	}
	for _, e := range d.ents {
		if e.label != label {
			continue
		}
		for _, a := range e.aliases {
			if key(a) == k {
				return e
			}
		}
	}
	return nil
}

// findAny returns the entity of any of labels (all when none are given)
// that the text already knows by name.
func (d *draft) findAny(name string, labels ...string) *dent {
	if len(labels) == 0 {
		labels = graphmodel.LabelNames
	}
	for _, l := range labels {
		if e := d.find(l, name); e != nil {
			return e
		}
	}
	return nil
}

func (e *dent) alias(a string) {
	a = cleanName(a)
	if a == "" || key(a) == key(e.name) || key(a) == "" {
		return
	}
	for _, x := range e.aliases {
		if key(x) == key(a) {
			return
		}
	}
	e.aliases = append(e.aliases, a)
}

// set records a property; the first value a text gives wins.
func (e *dent) set(k string, v any) {
	if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
		return
	}
	if _, ok := e.props[k]; !ok {
		e.props[k] = v
	}
}

func (e *dent) describe(s string) {
	if e.desc == "" {
		e.desc = strings.TrimSpace(s)
	}
}

// names is the entity's name and aliases.
func (e *dent) names() []string { return append([]string{e.name}, e.aliases...) }

// fact records a relationship stated on line (1-based), found by rule. An
// edge the graph model does not allow between the two labels is not
// recorded: rules propose, the model decides.
func (d *draft) fact(typ string, from, to *dent, line int, rule string, props map[string]any) bool {
	if from == nil || to == nil || from == to || !allowed(typ, from.label, to.label) {
		return false
	}
	p := map[string]any{}
	for k, v := range props {
		if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
			continue
		}
		p[k] = v
	}
	d.facts = append(d.facts, dfact{typ: typ, from: from, to: to, props: p, line: line, rule: rule})
	return true
}

// allowed tells whether the graph model lets a relationship of typ go from
// an entity of label from to one of label to.
func allowed(typ, from, to string) bool {
	r, ok := graphmodel.RelOf(typ)
	return ok && r.Allows(from, to)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (d *draft) warn(line int, msg string) {
	if line > 0 {
		line = d.page.SourceLine(line)
	}
	d.warnings = append(d.warnings, Warning{Source: d.src, Line: line, Message: msg})
}

// hasFact tells whether a relationship of typ from one entity to the
// other is already recorded.
func (d *draft) hasFact(typ string, from, to *dent) bool {
	for _, f := range d.facts {
		if f.typ == typ && f.from == from && f.to == to {
			return true
		}
	}
	return false
}
