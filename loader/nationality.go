package loader

import (
	"regexp"
	"strings"
)

// A standards body's history names people by the country they stood for:
// "Switzerland (Walter Widmer)", "chaired by Sir Ada Wrench (UK)", "WG 1
// Gears (Bob Sprocket, UK)", "Cyd Gear (GMD, Germany)". The country marks
// the name as a person's; a body before it is theirs, a group just before
// the parenthesis is the one they led.

// The parts of a name and a country as a history writes them: a first
// name with maybe the one its bearer goes by ("Edward (Ted)"), a surname,
// and a country of capitalised words.
const (
	pNatFirst = `\p{Lu}\p{Ll}+(?:\s+\(\p{Lu}\p{Ll}+\))?`
	pNatLast  = `\s+\p{Lu}[\pL'’-]+`
	pCountry  = `([\p{Lu}][\pL .]{1,30})`
)

var (
	// reNameCountry is a name, then a parenthesis that ends with a
	// country: "Denis Willetts (UK)", "Annette Calkin (GMD, Germany)".
	reNameCountry = regexp.MustCompile(`(?:\bSir\s+)?(` + pNatFirst + `(?:\s+\p{Lu}\.|\s+\p{Lu}\p{Ll}+)?` + pNatLast + `)\s*\((?:([^(),]{2,40}),\s*)?` + pCountry + `\)`)
	// reCountryNames is a country, then the people in parentheses who
	// stood for it: "UK (Edward (Ted) Humphreys and Denis Willetts)".
	reCountryNames = regexp.MustCompile(`\b(\p{Lu}[\pL]+(?:\s+\p{Lu}[\pL]+){0,2})\s*\(((?:[^()]|\([^()]*\))+)\)`)
	// reParenNameCountry is a person and their country in parentheses:
	// "(Louis Guillou, France)".
	reParenNameCountry = regexp.MustCompile(`\((` + pNatFirst + `(?:\s+\p{Lu}\.)?` + pNatLast + `),\s*` + pCountry + `\)`)
	// reLedByParen is a person in parentheses after a group, with a country:
	// "WG 2 Public-key Techniques (Louis Guillou, France)".
	reLedByParen = regexp.MustCompile(`^(?:\s+\p{Lu}[\pL-]*){0,4}\s*\((` + pNatFirst + `(?:\s+\p{Lu}\.)?` + pNatLast + `),\s*` + pCountry + `\)`)
)

// nationalPeople reads the people a block names by their country.
func (r *reader) nationalPeople(i int) {
	b := &r.p.Blocks[i]
	if hasCJK(b.Text) || b.Kind == BlockNoise {
		return
	}
	t := b.Text
	for _, m := range reNameCountry.FindAllStringSubmatchIndex(t, -1) {
		if !isCountry(t[m[6]:m[7]]) {
			continue
		}
		p := r.nationalPerson(t[m[2]:m[3]], b.LineAt(m[2]))
		if p == nil || m[4] < 0 {
			continue
		}
		if body := strings.TrimSpace(t[m[4]:m[5]]); isAcronym(body) || headLabel(body) == LabelOrganization {
			o := r.d.findAny(body, LabelOrganization, LabelWorkingGroup)
			if o == nil {
				o = r.d.entity(LabelOrganization, body, b.LineAt(m[4]), ruleOrgSlot)
			}
			r.d.fact(RelMemberOf, p, o, b.LineAt(m[2]), relNational, nil)
		}
	}
	for _, m := range reCountryNames.FindAllStringSubmatchIndex(t, -1) {
		if !isCountry(t[m[2]:m[3]]) {
			continue
		}
		for _, name := range reNameList.Split(t[m[4]:m[5]], -1) {
			r.nationalPerson(strings.TrimSpace(name), b.LineAt(m[4]))
		}
	}
	for _, m := range reParenNameCountry.FindAllStringSubmatchIndex(t, -1) {
		if isCountry(t[m[4]:m[5]]) {
			r.nationalPerson(t[m[2]:m[3]], b.LineAt(m[2]))
		}
	}
	for k, mm := range r.ms[i] {
		if mm.label != LabelWorkingGroup || k >= len(r.ents[i]) {
			continue
		}
		lm := reLedByParen.FindStringSubmatchIndex(t[mm.end:])
		if lm == nil || !isCountry(t[mm.end+lm[4]:mm.end+lm[5]]) {
			continue
		}
		g := r.ents[i][k]
		// "WG 1 Secret-key Techniques (…)": the number's group, titled.
		if title := strings.TrimSpace(t[mm.end : mm.end+strings.Index(t[mm.end:], "(")]); title != "" {
			g.alias(mm.name + " " + title)
		}
		if p := r.nationalPerson(t[mm.end+lm[2]:mm.end+lm[3]], b.LineAt(mm.end+lm[2])); p != nil {
			r.d.fact(RelMemberOf, p, g, b.LineAt(mm.end+lm[2]), relNational, nil)
		}
	}
}

// nationalPerson is the person written name ("Edward (Ted) Humphreys"),
// or nil when it is no person's name.
func (r *reader) nationalPerson(written string, line int) *dent {
	name, nick := written, ""
	if m := reNickname.FindStringSubmatch(written); m != nil {
		name, nick = m[1]+" "+m[3], m[2]
	}
	if !r.isPersonName(name, false) || isCountry(name) {
		return nil
	}
	p := r.person(name, line, rulePersonProse)
	if p != nil && nick != "" {
		p.alias(nick)
		p.alias(written)
	}
	return p
}
