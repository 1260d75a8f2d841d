package loader

import (
	"regexp"
	"strings"
)

// Appointments and honorifics in prose: "Ms Ada Wrench and Mr Bob Sprocket
// were appointed WSO representatives to the GIA", "thanked Mr Bigi".

var (
	// reHonorName is a name after a courtesy title with or without its
	// dot: "Ms Ada Wrench", "Mr Bigi".
	reHonorName = regexp.MustCompile(`\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})\b`)
	// reAppointed is what people were appointed: a post of a group, or a
	// body's representatives to a group.
	reAppointed = regexp.MustCompile(`\b(?:was|were|has been|have been)\s+(?:re-?)?(?:appointed|elected|named|designated)\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?((?:[A-Z][\w-]*\s+)?(?i:representatives?|chairs?|chairman|chairwoman|chairperson|co-chairs?|vice-chairs?|rapporteurs?|conveners?|convenors?|liaisons?|liaison officers?|editors?|secretary|members?))\s+(?:to|of|for|in)\s+(?:the\s+)?`)
)

// reToLead is a person's taking on a group: "thanked Mr Bigi for agreeing
// to lead the ISCT".
var reToLead = regexp.MustCompile(`\b(?:agree(?:d|ing|s)?|accept(?:ed|ing|s)?|volunteer(?:ed|ing|s)?)\s+to\s+(lead|chair|co-chair|convene)\s+(?:the\s+)?`)

// honorNames makes a person of each name a sentence writes after a
// courtesy title.
func (r *reader) honorNames(b *Block, s sentence) []*dent {
	var out []*dent
	for _, m := range reHonorName.FindAllStringSubmatchIndex(s.text, -1) {
		name := s.text[m[2]:m[3]]
		if r.d.findAny(name, LabelOrganization, LabelWorkingGroup, LabelStandard, LabelDocument) != nil || headLabel(name) != "" {
			continue
		}
		if p := r.person(name, b.LineAt(s.start+m[2]), rulePersonProse); p != nil {
			out = append(out, p)
			// "Dr. Rannenberg/Goethe University": the body after the slash.
			if strings.HasPrefix(s.text[m[1]:], "/") {
				if o := r.bodyFrom(r.blockIndex(b), s.start+m[1]+1); o != nil {
					r.d.fact(RelMemberOf, p, o, b.LineAt(s.start+m[2]), relAffiliation, nil)
				}
			}
		}
	}
	return out
}

// appointed reads "A and B were appointed X representatives to G": each
// person named before the verb is a member of G in that post.
func (r *reader) appointed(b *Block, s sentence, people []*dent) {
	m := reAppointed.FindStringSubmatchIndex(s.text)
	if m == nil {
		m = reToLead.FindStringSubmatchIndex(s.text)
	}
	if m == nil {
		return
	}
	g := r.bodyFrom(r.blockIndex(b), s.start+m[1])
	if acr := strings.TrimRight(firstWord(s.text[m[1]:]), ".,;:"); g == nil && isAcronym(acr) && !isCountryCode(acr) {
		// "representatives to ISCT": a body known only by its acronym.
		g = r.d.findAny(acr, LabelOrganization, LabelWorkingGroup)
		if g == nil {
			g = r.d.entity(LabelWorkingGroup, acr, b.LineAt(s.start+m[1]), ruleGroupSuffix)
		}
	}
	if g == nil {
		return
	}
	role := strings.TrimSpace(s.text[m[2]:m[3]])
	for _, p := range people {
		if at := strings.Index(s.text, lastWord(p.name)); at >= 0 && at < m[0] {
			r.d.fact(RelMemberOf, p, g, b.LineAt(s.start+at), relAppointed, map[string]any{"role": role})
		}
	}
}

// reThanked is an acknowledgement: "I thank Ada Wrench and Bob Sprocket
// for their edits to the draft".
var reThanked = regexp.MustCompile(`\bthank(?:s|ed)?\s+((?:` + pName + `)(?:\s*,\s*(?:` + pName + `))*(?:,?\s+and\s+(?:` + pName + `))?)\s+for\s+(?:their|his|her)\b[^.]*?\b(edits|editing|contributions?|comments|input|drafting|review|work)\b`)

// thanked reads the people a sentence thanks for their work on something
// and, when it names a document after, their part in it.
func (r *reader) thanked(b *Block, s sentence) {
	m := reThanked.FindStringSubmatchIndex(s.text)
	if m == nil {
		return
	}
	var doc *dent
	i := r.blockIndex(b)
	for k, mm := range r.ms[i] {
		if mm.label == LabelDocument && mm.start >= s.start+m[1] && mm.start < s.start+len(s.text) {
			doc = r.ents[i][k]
			break
		}
	}
	for _, name := range reNameList.Split(s.text[m[2]:m[3]], -1) {
		name = strings.TrimSpace(name)
		if !r.isPersonName(name, false) {
			continue
		}
		p := r.person(name, b.LineAt(s.start+m[2]), rulePersonProse)
		if p != nil && doc != nil {
			r.d.fact(RelContributedTo, p, doc, b.LineAt(s.start+m[2]), relThanked, map[string]any{"role": s.text[m[4]:m[5]]})
		}
	}
}
