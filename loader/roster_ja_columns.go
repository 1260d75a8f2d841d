package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Japanese roster laid out in columns and flattened (columnCells) gives
// one block per cell: a post, then the name it belongs to ("委員長",
// "おぎのけんじ"), or a name alone, or a department over the posts below
// it ("政策経営部", "部長", "加賀谷 実").

// jaColumnCell reads block i, a cell of a flattened roster, and tells
// whether it was one this reader knows.
func (r *reader) jaColumnCell(i int, t string) bool {
	b := &r.p.Blocks[i]
	t = strings.TrimSpace(t)
	next := ""
	if i+1 < len(r.p.Blocks) && r.p.Blocks[i+1].Column {
		next = strings.TrimSpace(r.p.Blocks[i+1].Text)
	}
	switch {
	case jaCellPost(t):
		r.jaCellPost = ""
		if jaCellName(next) {
			r.jaCellPost = t
		}
	case jaCellName(t):
		role := r.jaCellPost
		r.jaCellPost = ""
		r.jaPerson(t, t, role, "", "", b.Line, r.jaAbsent)
	default:
		r.jaCellPost = ""
		return false
	}
	r.consumed[i] = true
	return true
}

// jaCellPost tells a cell that holds a post and no name: "委員長",
// "政策企画課長", "副参事".
func jaCellPost(t string) bool {
	return utf8.RuneCountInString(t) <= 12 && !strings.Contains(t, " ") && jaTitleEnd(t)
}

// jaCellName tells a cell that holds a person's name and nothing else:
// two to ten characters of Japanese script, with at most one space
// between family and given name ("ひえしま 進"), neither a post nor a
// department nor a roster's heading.
func jaCellName(t string) bool {
	n := utf8.RuneCountInString(t)
	if n < 2 || n > 10 || strings.Count(t, " ") > 1 || jaTitleEnd(t) || reUnitEnd.MatchString(t) ||
		jaRosterGroups[t] || rosterKind(t) != "" || isPlaceWord(t) || jaHeadLabel(t) != "" {
		return false
	}
	for _, c := range t {
		if c != ' ' && c != 'ー' && c != '々' && !unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return false
		}
	}
	return true
}
