package loader

import (
	"regexp"
	"strings"
)

// A roster copied from a table whose cells a slash parts: a header
// "Name / Affiliation / E-mail Address" and rows "Blobel, Bernd / HL7
// Germany /", the last cell left empty. The slashes inside a cell's words
// ("ISO/TC 215") have no space beside them.

var reSlashCell = regexp.MustCompile(`\s+/\s*|\s*/\s+|\s*/$`)

// slashCells splits a line at its spaced slashes, or returns nil when it
// has none.
func slashCells(t string) []string {
	if !reSlashCell.MatchString(t) {
		return nil
	}
	cells := reSlashCell.Split(t, -1)
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

// slashTables writes a slash-parted roster, its header and the rows under
// it with as many cells, as a table of tab-parted cells.
func slashTables(ls []rawLine) {
	for i := 0; i < len(ls); i++ {
		head := slashCells(ls[i].text)
		if len(head) < 2 {
			continue
		}
		if _, ok := rosterHeader(head); !ok {
			continue
		}
		ls[i].text = strings.Join(head, "\t")
		for i+1 < len(ls) {
			if ls[i+1].text == "" {
				i++
				continue
			}
			cells := slashCells(ls[i+1].text)
			if len(cells) != len(head) {
				break
			}
			ls[i+1].text = strings.Join(cells, "\t")
			i++
		}
	}
}
