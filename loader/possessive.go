package loader

import (
	"regexp"
	"strings"
)

// A person's possessive before a document names its author: "Ada Wrench's
// Widget liaison report", "Bob Sprocket's Anvil Safety Whitepaper".

// rePossessive is a name of two or three capitalised words with 's.
var rePossessive = regexp.MustCompile(`\b(\p{Lu}[\pL.-]+(?:\s+\p{Lu}[\pL.-]+){1,2})['’]s\s+`)

// reOwnedDocument is the document a possessive is followed by, when the
// recognisers did not name it: the words up to a document word (a dot
// only inside a number, "802.11").
var reOwnedDocument = regexp.MustCompile(`^((?:[^.:;,]|\.\d){2,80}?\b(?:report|paper|whitepaper|presentation|slides|document|draft))\b`)

// possessiveDocuments cuts the owner's possessive off a document's name
// before the entities are made: the person is not part of the title.
func (r *reader) possessiveDocuments() {
	for i := range r.ms {
		text := r.p.Blocks[i].Text
		for k, m := range r.ms[i] {
			if m.label != LabelDocument {
				continue
			}
			if p := rePossessive.FindStringSubmatchIndex(text[m.start:m.end]); p != nil && p[0] == 0 && r.isPersonName(text[m.start+p[2]:m.start+p[3]], false) {
				r.ms[i][k].start = m.start + p[1]
				r.ms[i][k].name = strings.TrimSpace(text[r.ms[i][k].start:m.end])
			}
		}
	}
}

// subtitledDocuments joins a paper's numbered name and the title after its
// colon: "Gadget Report No.1: Report on Anvils" is one paper, by two
// names.
func (r *reader) subtitledDocuments() {
	for i := range r.ms {
		ms, text := r.ms[i], r.p.Blocks[i].Text
		if len(ms) < 2 || ms[0].label != LabelDocument || ms[1].label != LabelDocument {
			continue
		}
		gap := text[ms[0].end:ms[1].start]
		if strings.TrimSpace(gap) != ":" {
			continue
		}
		ms[0].alias = ms[1].name
		r.ms[i] = append(ms[:1], ms[2:]...)
	}
}

// possessiveAuthor makes the person whose possessive stands before a
// document a contributor to it, as its author.
func (r *reader) possessiveAuthor(i int) {
	b := r.p.Blocks[i]
	for _, p := range rePossessive.FindAllStringSubmatchIndex(b.Text, -1) {
		name := b.Text[p[2]:p[3]]
		if !r.isPersonName(name, false) {
			continue
		}
		doc := r.documentAt(i, p[1])
		if doc == nil {
			continue
		}
		if who := r.person(name, b.LineAt(p[2]), rulePersonProse); who != nil {
			r.d.fact(RelContributedTo, who, doc, b.LineAt(p[2]), relPossessive, map[string]any{"role": "author"})
		}
	}
}

// documentAt is the document named at offset in block i: one the
// recognisers found there, or one the page names elsewhere written in
// other case ("liaison report" for the heading's "Liaison Report").
func (r *reader) documentAt(i, offset int) *dent {
	for k, m := range r.ms[i] {
		if m.label == LabelDocument && m.start == offset && k < len(r.ents[i]) {
			return r.ents[i][k]
		}
	}
	if m := reOwnedDocument.FindStringSubmatch(r.p.Blocks[i].Text[offset:]); m != nil {
		return r.d.findAny(m[1], LabelDocument)
	}
	return nil
}
