package loader

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A page laid out in columns and copied as text keeps the columns' gaps
// as runs of spaces on one line: "委員長         おぎのけんじ    副委員長
// ひえしま 進". A single space stays inside a cell (names are written
// "加賀谷 実"); two or more end it.

// minColumnGaps is how many wide gaps make a line a row of columns, not
// prose with a double space somewhere.
const minColumnGaps = 3

var (
	// A gap, or a rule drawn across the page between two parts of it:
	// "◇ ~~~~~~~~ ◇".
	reColumnGap = regexp.MustCompile(`\s*[◇◆□■○●☆★]\s*[~〜～=_-]{3,}\s*[◇◆□■○●☆★]\s*| {2,}|　+`)
	reWideGap   = regexp.MustCompile(` {3,}|　{2,}`)
)

// columnCells cuts a line flattened from columns into its cells, or
// returns it whole. A cell of one character is half of a word spaced out
// to the column's width ("場  所") and joins the next.
func columnCells(t string) []string {
	if len(reWideGap.FindAllStringIndex(t, minColumnGaps)) < minColumnGaps || strings.Contains(t, "\t") {
		return []string{t}
	}
	var out []string
	carry := ""
	for _, c := range reColumnGap.Split(strings.TrimSpace(t), -1) {
		if utf8.RuneCountInString(c) == 1 && hasCJK(c) && carry == "" {
			carry = c
			continue
		}
		out = append(out, carry+c)
		carry = ""
	}
	if carry != "" {
		out = append(out, carry)
	}
	return out
}
