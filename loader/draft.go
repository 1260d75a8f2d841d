package loader

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// draft is what a parser finds in one text: entities as the text names
// them, and facts between them, each with its line. Build resolves drafts
// into one graph.
type draft struct {
	src      string
	lines    []string
	kind     string
	ents     []*dent
	byKey    map[string]*dent
	facts    []dfact
	warnings []Warning
	// handled lines were read by the text's own parser; the general rules
	// leave them alone.
	handled map[int]bool
}

// dent is an entity as one text names it.
type dent struct {
	label   string
	name    string
	aliases []string
	desc    string
	props   map[string]any
	lines   []int
	src     string
	// person name forms are only joined within a text; this is the text.
}

type dfact struct {
	typ      string
	from, to *dent
	props    map[string]any
	line     int
}

func newDraft(src string, ls []string) *draft {
	return &draft{src: src, lines: ls, byKey: map[string]*dent{}, handled: map[int]bool{}}
}

// entity returns the entity of label named name in this text, creating it;
// line is where the text names it (0 for none).
func (d *draft) entity(label, name string, line int) *dent {
	name = cleanName(name)
	k := label + "|" + key(name)
	e, ok := d.byKey[k]
	if !ok {
		e = &dent{label: label, name: name, props: map[string]any{}, src: d.src}
		d.byKey[k] = e
		d.ents = append(d.ents, e)
	}
	if line > 0 {
		e.lines = append(e.lines, line)
	}
	return e
}

// find returns the entity of label already named name (or with that
// alias) in this text.
func (d *draft) find(label, name string) *dent {
	if e, ok := d.byKey[label+"|"+key(name)]; ok {
		return e
	}
	k := key(name)
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

func (e *dent) alias(a string) {
	a = cleanName(a)
	if a == "" || key(a) == key(e.name) {
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

// fact records a relationship stated on line (1-based).
func (d *draft) fact(typ string, from, to *dent, line int, props map[string]any) {
	if from == nil || to == nil || from == to {
		return
	}
	p := map[string]any{}
	for k, v := range props {
		if s, ok := v.(string); ok && s == "" {
			continue
		}
		p[k] = v
	}
	d.facts = append(d.facts, dfact{typ: typ, from: from, to: to, props: p, line: line})
}

func (d *draft) warn(line int, msg string) {
	d.warnings = append(d.warnings, Warning{Source: d.src, Line: line, Message: msg})
}

// key normalises a name for matching: compatibility forms folded, case
// ignored, "Working Group" and "WG" alike, "&" as "and", punctuation and
// spaces dropped.
func key(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.ReplaceAll(s, "working group", "wg")
	s = strings.ReplaceAll(s, "ワーキンググループ", "wg")
	s = strings.ReplaceAll(s, "&", "and")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var spaces = regexp.MustCompile(`\s+`)

// cleanName trims a name and folds its spacing and odd hyphens.
func cleanName(s string) string {
	s = strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u00a0", " ", "\u3000", " ").Replace(s)
	s = spaces.ReplaceAllString(strings.TrimSpace(s), " ")
	s = strings.Trim(s, " ,;:·•-–")
	// A final full stop goes, but not the one of an initial ("Vinod B. V.").
	if strings.HasSuffix(s, ".") {
		f := strings.Fields(s)
		if last := f[len(f)-1]; len(last) != 2 || !unicode.IsUpper(rune(last[0])) {
			s = strings.TrimSuffix(s, ".")
		}
	}
	return strings.TrimSpace(s)
}

// excerpt is a line as evidence: trimmed, at most MaxExcerpt runes.
func excerpt(line string) string {
	s := strings.TrimSpace(line)
	if utf8.RuneCountInString(s) <= MaxExcerpt {
		return s
	}
	r := []rune(s)
	return string(r[:MaxExcerpt-1]) + "…"
}

// slug makes the name part of an id: lower case, runs of anything but
// letters and digits as one "-".
func slug(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}
