package loader

import (
	"regexp"
	"strings"
	"unicode"
)

// A page flattened out of a PDF or a table loses the breaks between its
// cells: "Radiocommunication Advisory GroupGeneva, 15-17 April 2019Document
// RAG19/4-E". Where a long line has many such joins, it is cut at each, so
// that the cells read as the lines they were.

const (
	gluedLineMin  = 400 // a line shorter than this is a sentence, not a flattened page
	gluedJoinsMin = 4   // and it takes this many joins no brand name makes …
	gluedPerKB    = 3   // … at least this many per thousand bytes
)

// unglue cuts a flattened line at the joins between its cells, or returns
// it whole. lower holds the words the text writes in lower case, which
// tell "RAG|liaison" from "TDAG|Phone".
func unglue(t string, lower map[string]bool) []string {
	if len(t) < gluedLineMin {
		return []string{t}
	}
	cuts, strong := glueJoins(t, lower)
	if strong < gluedJoinsMin || strong*1000 < gluedPerKB*len(t) {
		return []string{t}
	}
	var out []string
	at := 0
	for _, c := range cuts {
		out = append(out, t[at:c])
		at = c
	}
	return append(out, t[at:])
}

// lowerWords are the words of a text written in lower case.
func lowerWords(raw []string) map[string]bool {
	out := map[string]bool{}
	for _, l := range raw {
		for _, w := range strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if strings.ToLower(w) == w {
				out[w] = true
			}
		}
	}
	return out
}

// glueJoins are the offsets in t where one cell's text runs into the next
// with no space: a word into a capitalised word ("GroupGeneva"), a number
// into a word ("2018English"), a word into an acronym ("onlyTDAG"), an
// acronym into a word ("RAGliaison", "TDAGPhone"), a sentence or a
// parenthesis into the next ("2018.Action", "(TDAG)23rd").
//
// Brand names join words too ("GoDaddy", "GlobalSign"), so only the other
// kinds of join (strong) tell a flattened line, and a word runs into a
// capitalised one only after four lower-case letters ("Group|Geneva").
func glueJoins(t string, lower map[string]bool) (cuts []int, strong int) {
	for i := 4; i+4 <= len(t); i++ {
		switch glueAt(t, i, lower) {
		case joinStrong:
			strong++
			cuts = append(cuts, i)
		case joinWord:
			cuts = append(cuts, i)
		}
	}
	return cuts, strong
}

// reGluedLabel is a field's label at the start of a text: "E-mail:".
var reGluedLabel = regexp.MustCompile(`^[A-Z][a-z-]+(?: [a-z]+)?:`)

// The kinds of join glueAt tells.
const (
	joinNone = iota
	joinWord
	joinStrong
)

func glueAt(t string, i int, lower map[string]bool) int {
	lowerRun := func(from, to int) bool {
		for k := from; k < to; k++ {
			if t[k] < 'a' || t[k] > 'z' {
				return false
			}
		}
		return true
	}
	upper := func(k int) bool { return t[k] >= 'A' && t[k] <= 'Z' }
	digit := func(k int) bool { return t[k] >= '0' && t[k] <= '9' }
	letter := func(k int) bool { return upper(k) || t[k] >= 'a' && t[k] <= 'z' }
	wordAt := func(k int) string {
		e := k
		for e < len(t) && t[e] >= 'a' && t[e] <= 'z' {
			e++
		}
		return t[k:e]
	}
	switch {
	case lowerRun(i-4, i) && upper(i) && lowerRun(i+1, i+2):
		return joinWord // "GroupGeneva"
	case digit(i-1) && upper(i) && lowerRun(i+1, i+3):
		return joinStrong // "2018English"
	case lowerRun(i-3, i) && upper(i) && upper(i+1):
		k := i
		for k < len(t) && upper(k) {
			k++
		}
		if k == len(t) || !letter(k) {
			return joinStrong // "onlyTDAG"
		}
	case upper(i-1) && upper(i-2) && lowerRun(i, i+3):
		k := i - 1
		for k > 0 && upper(k-1) {
			k--
		}
		if (k == 0 || !letter(k-1)) && lower[wordAt(i)] {
			return joinStrong // "RAGliaison"
		}
	case upper(i-1) && upper(i-2) && upper(i) && lowerRun(i+1, i+3):
		if w := wordAt(i + 1); !lower[w] || len(w) < 4 {
			return joinStrong // "TDAGPhone", "RAGFor"; not "RA|Gliaison"
		}
	case t[i-1] == '.' && (letter(i-2) || digit(i-2)) && upper(i) && lowerRun(i+1, i+3):
		return joinStrong // "2018.Action"
	case t[i-1] == '.' && letter(i-2) && letter(i-3) && upper(i) && upper(i+1):
		return joinStrong // "ISCT.TDAG"; not "U.S.A"
	case t[i-1] == ')' && (letter(i) || digit(i)):
		return joinStrong // "(TDAG)coordination"
	case upper(i) && !letter(i-1) && t[i-1] != ' ' && reGluedLabel.MatchString(t[i:]):
		return joinStrong // "1489E-mail:", "@Summary:"
	}
	return joinNone
}
