package loader

import (
	"strings"
)

// A listing of groups written as plain lines, one card a group: its name
// alone on a line, a few lines of what it does, then "Contact: Ada Wrench"
// or "Contacts: Ada Wrench, Bob Sprocket".

// contactLabels are the labels of a card's contacts.
var contactLabels = map[string]bool{"contact": true, "contacts": true}

// cardContacts reads a card's contacts as members of its group.
func (r *reader) cardContacts(i int) {
	b := &r.p.Blocks[i]
	if !contactLabels[strings.ToLower(strings.TrimSpace(b.Label))] || b.Text == "" || r.consumed[i] {
		return
	}
	g := r.lineCard(i)
	if g == nil {
		return
	}
	for _, en := range splitRoster(strings.ReplaceAll(b.Text, " and ", ", "), b) {
		if !r.isPersonName(en.name, false) || !r.properName(en.name) {
			continue
		}
		p := r.person(en.name, en.line, rulePersonRole)
		r.d.fact(RelMemberOf, p, g, en.line, relCardContact, map[string]any{"role": "contact"})
	}
	r.consumed[i] = true
}

// lineCard is the group whose card block i ends: the short line a few
// prose lines above it names the group, as the group the prose names
// starting with those words ("Compound Document Formats" over "The W3C
// Compound Document Formats (CDF) Working Group is …"), or as a group of
// its own when the prose speaks of "the group".
func (r *reader) lineCard(i int) *dent {
	bs := r.p.Blocks
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		t := strings.TrimSpace(bs[j].Text)
		if bs[j].Label != "" || bs[j].Kind == BlockNoise {
			return nil
		}
		if !isHeadingText(t) || len(strings.Fields(t)) > 8 || j == i-1 {
			continue
		}
		name := strings.TrimSpace(reParens.ReplaceAllString(t, ""))
		for k := j; k < i; k++ {
			for n, m := range r.ms[k] {
				if m.label == LabelWorkingGroup && strings.Contains(key(m.name), key(name)) {
					return r.ents[k][n]
				}
			}
		}
		for k := j + 1; k < i; k++ {
			if strings.Contains(strings.ToLower(bs[k].Text), "the group") {
				g := r.d.entity(LabelWorkingGroup, name, bs[j].Line, ruleCardHeading)
				if acr := strings.Trim(strings.TrimSpace(strings.TrimPrefix(t, name)), "()"); isAcronym(acr) {
					g.alias(acr) // "Cascading Style Sheets (CSS)"
				}
				return g
			}
		}
		return nil
	}
	return nil
}
