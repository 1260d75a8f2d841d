package graph

import (
	"strings"
	"unicode"
)

// snippetRadius is how many characters a snippet keeps on each side of the
// match.
const snippetRadius = 60

// snippet returns a short piece of the first text that contains a word of
// the query, cut around that word; without a match, the start of the first
// text.
func snippet(texts []string, query string) string {
	words := strings.FieldsFunc(strings.ToLower(query), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r)
	})
	for _, t := range texts {
		lower := []rune(strings.ToLower(t))
		runes := []rune(t)
		if len(lower) != len(runes) {
			lower = runes // case folding changed the length; match as is
		}
		for _, w := range words {
			if i := runeIndex(lower, []rune(w)); i >= 0 {
				return cut(runes, i, len([]rune(w)))
			}
		}
	}
	if len(texts) == 0 {
		return ""
	}
	return cut([]rune(texts[0]), 0, 0)
}

func runeIndex(s, sub []rune) int {
	if len(sub) == 0 {
		return -1
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		match := true
		for j := range sub {
			if s[i+j] != sub[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// cut returns the runes around [i, i+n), with ellipses where it cut.
func cut(r []rune, i, n int) string {
	start := max(0, i-snippetRadius)
	end := min(len(r), i+n+snippetRadius)
	s := strings.TrimSpace(string(r[start:end]))
	if start > 0 {
		s = "…" + s
	}
	if end < len(r) {
		s += "…"
	}
	return s
}
