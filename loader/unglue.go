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

// A wiki table copied as text loses the bars between its cells too: its
// header row reads "GroupChairChartered byStatusMeeting Day/Time" and each
// row "TIER Packaging Working GroupJim Jokl, University of Virginia…". A
// line cut at its joins into short capitalised labels, one a column word,
// is such a header; the lines under it cut into as many cells are its
// rows, and a row whose first cell stood on the line above gets it back.

// columnWords are the words a table's header cell starts with.
var columnWords = map[string]bool{
	"group": true, "chair": true, "chairs": true, "co-chairs": true, "contact": true, "name": true, "status": true,
	"role": true, "organization": true, "organisation": true, "affiliation": true, "meeting": true, "date": true,
	"time": true, "chartered": true, "lead": true, "leads": true, "title": true, "description": true,
}

// gluedTables rewrites the glued header and rows of a copied table as
// tab-separated cells, in place.
func gluedTables(ls []rawLine, lower map[string]bool) {
	for i := 0; i < len(ls); i++ {
		cells := gluedHeader(ls[i].text, lower)
		if cells == nil {
			continue
		}
		ls[i].text = strings.Join(cells, "\t")
		i = gluedRows(ls, i+1, len(cells), lower)
	}
}

// gluedHeader is the cells of a glued header line, or nil.
func gluedHeader(t string, lower map[string]bool) []string {
	if len(t) > 100 || strings.Contains(t, "\t") || strings.Contains(t, "|") {
		return nil
	}
	cells := cutAt(t, headerCuts(t))
	if len(cells) < 3 {
		return nil
	}
	column := false
	for _, c := range cells {
		w := strings.Fields(c)
		if len(w) == 0 || len(w) > 3 || !isCapWord(c) {
			return nil
		}
		column = column || columnWords[strings.ToLower(strings.TrimRight(w[0], "/:"))]
	}
	if !column {
		return nil
	}
	return cells
}

// gluedRows rewrites the rows under a glued header, from line i to the
// first line that is no row, and returns the last line it read.
func gluedRows(ls []rawLine, i, n int, lower map[string]bool) int {
	prev := -1        // a line alone above a row: the row's first cell
	afterRow := false // the line above is a row, with no blank between
	for ; i < len(ls); i++ {
		t := ls[i].text
		if t == "" {
			afterRow = false
			continue
		}
		cells := rowCells(t, lower)
		switch {
		case len(cells) == n:
			ls[i].text = strings.Join(cells, "\t")
			prev, afterRow = -1, true
		case len(cells) == n-1 && prev >= 0:
			ls[i].text = ls[prev].text + "\t" + strings.Join(cells, "\t")
			ls[prev].text = ""
			prev, afterRow = -1, true
		case len(cells) == 1 && afterRow:
			// "Fri, 10 am ET" under a row: the end of its last cell.
		case len(cells) == 1 && isHeadingText(t):
			prev = i
		default:
			return i - 1
		}
	}
	return i
}

// reCellGap is a run of spaces that parts two cells.
var reCellGap = regexp.MustCompile(`\s{2,}`)

// rowCells cuts a row's line into its cells, at joins and wide gaps.
func rowCells(t string, lower map[string]bool) []string {
	var out []string
	for _, part := range reCellGap.Split(t, -1) {
		out = append(out, cutAt(part, glueCuts(part, lower))...)
	}
	return out
}

// glueCuts are the joins of a line short or long, word joins included.
func glueCuts(t string, lower map[string]bool) []int {
	cuts, _ := glueJoins(t, lower)
	return cuts
}

func cutAt(t string, cuts []int) []string {
	var out []string
	at := 0
	for _, c := range cuts {
		out = append(out, strings.TrimSpace(t[at:c]))
		at = c
	}
	return append(out, strings.TrimSpace(t[at:]))
}

// headerCuts are the joins of a header's labels: any lower-case letter
// before a capital that starts a word ("Chartered byStatus").
func headerCuts(t string) []int {
	var out []int
	for i := 1; i+1 < len(t); i++ {
		if t[i-1] >= 'a' && t[i-1] <= 'z' && t[i] >= 'A' && t[i] <= 'Z' && t[i+1] >= 'a' && t[i+1] <= 'z' {
			out = append(out, i)
		}
	}
	return out
}
