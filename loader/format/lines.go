package format

import (
	"iter"
	"sort"
	"strings"
)

// splitLines yields the lines of s without their ends; "\r\n", "\n" and a
// lone "\r" each end a line, as the loader reads texts. A final line end
// does not start another line.
func splitLines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for s != "" {
			i := strings.IndexAny(s, "\r\n")
			if i < 0 {
				yield(s)
				return
			}
			if !yield(s[:i]) {
				return
			}
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			s = s[i+1:]
		}
	}
}

// lineIndex finds the line of a byte offset in a text.
type lineIndex []int // byte offset at which each line starts

func newLineIndex(s string) lineIndex {
	idx := lineIndex{0}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			idx = append(idx, i+1)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			idx = append(idx, i+1)
		}
	}
	return idx
}

// line returns the 1-based line that byte offset off is on.
func (x lineIndex) line(off int) int {
	return sort.Search(len(x), func(i int) bool { return x[i] > off })
}

// builder collects a document's lines, with one blank line at most
// between blocks and none at the start or end.
type builder struct {
	lines []Line
	gap   bool // a blank line is due before the next line
}

// add appends one line of text read from source line src (and page).
// Control characters that character references write (&#27;) become
// spaces: the source passed checkControls, its lines must too.
func (b *builder) add(text string, src, page int) {
	if strings.ContainsFunc(text, isControl) {
		text = strings.Map(func(r rune) rune {
			if isControl(r) {
				return ' '
			}
			return r
		}, text)
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	if b.gap && len(b.lines) > 0 {
		last := b.lines[len(b.lines)-1]
		b.lines = append(b.lines, Line{Line: last.Line, Page: last.Page})
	}
	b.gap = false
	b.lines = append(b.lines, Line{Text: text, Line: src, Page: page})
}

// block ends a block: the next line comes after a blank line.
func (b *builder) block() { b.gap = true }

// isSpace tells white space, as a browser shows it: a no-break space and
// control characters count.
func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' || isControl(r) || r == '\t' }

// isControl tells control characters other than tab.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' || r >= 0x7f && r < 0xa0
}

// collapse joins runs of white space (isSpace) into one space and trims
// the ends, as a browser shows text.
func collapse(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}
