package loader

import (
	"regexp"
	"strings"
)

// Appositions: a person named with their post in a body set off by
// commas, "Ada Wrench, GADA forum-level liaison to WIDG, asks …". The
// person holds the post in that body; a liaison post joins the two
// bodies.

// reAppositive is a name, a comma, a body, a post in it and what the post
// is to, and the comma or stop that closes the apposition.
var reAppositive = regexp.MustCompile(`(\p{Lu}[\pL'’-]+(?:\s+\p{Lu}[\pL'’.-]*){1,2})\s*,\s+(?:the\s+)?(\p{Lu}[\w&-]*(?:\s+\p{Lu}[\w&-]*){0,3})\s+((?:[a-z][\w-]*\s+){0,3}?(liaison|chair|co-chair|vice-chair|secretary|editor|president|director|representative|rapporteur|convenor|convener|lead)(?:\s+(?:to|with)\s+(?:the\s+)?(\p{Lu}[\w&-]*(?:\s+\p{Lu}[\w&-]*){0,3}))?)\s*[,.;]`)

// appositions reads the appositions of block i.
func (r *reader) appositions(i int) {
	b := &r.p.Blocks[i]
	if hasCJK(b.Text) || b.Kind == BlockTitle || b.Kind == BlockHeading {
		return
	}
	for _, m := range reAppositive.FindAllStringSubmatchIndex(b.Text, -1) {
		name := b.Text[m[2]:m[3]]
		if !r.isPersonName(name, false) || !r.properName(name) {
			continue
		}
		line := b.LineAt(m[2])
		body := r.bodyNamed(b.Text[m[4]:m[5]], line)
		if body == nil {
			continue
		}
		p := r.person(name, line, rulePersonProse)
		r.d.fact(RelMemberOf, p, body, line, relAppositive, map[string]any{"role": b.Text[m[6]:m[7]]})
		if b.Text[m[8]:m[9]] == "liaison" && m[10] >= 0 {
			if a, c := orgOf(body), orgOf(r.bodyNamed(b.Text[m[10]:m[11]], line)); a != nil && c != nil && a != c {
				r.d.fact(RelLiaisonWith, a, c, line, relAppositive, nil)
			}
		}
	}
}

// bodyNamed is the organization or group a name in a post's slot names:
// one the page knows, else an acronym or a name with a body's head word,
// as an organization unless its head says group. Other words give nil.
func (r *reader) bodyNamed(name string, line int) *dent {
	name = strings.TrimSpace(name)
	if e := r.d.findAny(name, LabelOrganization, LabelWorkingGroup); e != nil {
		e.saw(line, ruleOrgSlot)
		return e
	}
	switch l := headLabel(name); {
	case l == LabelWorkingGroup:
		return r.d.entity(LabelWorkingGroup, name, line, ruleOrgSlot)
	case l == LabelOrganization || isAcronym(name) && len(name) >= 2:
		return r.d.entity(LabelOrganization, name, line, ruleOrgSlot)
	}
	return nil
}

// A liaison letter's parties, in its prose: "On behalf of the GADA Wire
// Working Group, I send this liaison letter to the Widget Committee".
var (
	reOnBehalf  = regexp.MustCompile(`\b[Oo]n behalf of (?:the )?`)
	reLiaisonTo = regexp.MustCompile(`\bliaison (?:letter|statement|communication|note)s? (?:is sent |is addressed )?to (?:the )?`)
)

// letterParties reads a liaison letter's sender and addressee: the bodies
// named right after "on behalf of" and "liaison letter to".
func (r *reader) letterParties(i int) {
	b := &r.p.Blocks[i]
	from, to := reOnBehalf.FindStringIndex(b.Text), reLiaisonTo.FindStringIndex(b.Text)
	if from == nil || to == nil {
		return
	}
	// Liaisons are between organizations: a group stands for its own.
	a, c := orgOf(r.bodyFrom(i, from[1])), orgOf(r.bodyFrom(i, to[1]))
	if a != nil && c != nil && a != c {
		r.d.fact(RelLiaisonWith, a, c, b.LineAt(to[0]), relLetterParties, nil)
	}
}

// bodyFrom is the organization or working group named starting at offset
// in block i.
func (r *reader) bodyFrom(i, offset int) *dent {
	for k, m := range r.ms[i] {
		if (m.label == LabelOrganization || m.label == LabelWorkingGroup) && m.start == offset && k < len(r.ents[i]) {
			return r.ents[i][k]
		}
	}
	return nil
}

// orgOf is the organization e is, or the one the group e belongs to.
func orgOf(e *dent) *dent {
	if e != nil && e.label == LabelWorkingGroup {
		e = e.owner
	}
	if e == nil || e.label != LabelOrganization {
		return nil
	}
	return e
}
