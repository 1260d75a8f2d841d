package loader

import (
	"regexp"
	"strings"
)

// Liaison tables: a page that lists the organizations its owner keeps
// liaisons with, one row each, under a header row naming the columns
// ("Organization  Activities  Our contact  Liaison contact"). What starts a
// row is an organization, whatever its name's last word ("Access Board",
// "… Systems Committee"), and the page's organization is in liaison with it.

var reLiaisonHeader = regexp.MustCompile(`(?i)^organi[sz]ations?\b.*\b(?:liaisons?|contacts?)\b`)

// liaisonRows are the blocks of the page's liaison tables, by index: the
// blocks after a header row, up to the next heading. A block with a label
// ("SVG: Ada Wrench") goes on the row above.
func liaisonRows(p *Page) map[int]bool {
	rows := map[int]bool{}
	in := false
	for i, b := range p.Blocks {
		switch {
		case b.Kind == BlockNoise:
		case isLiaisonHeader(b.Text):
			in = true
		case b.Kind == BlockTitle || b.Kind == BlockHeading && b.Level <= 1:
			in = false
		case in && b.Label == "":
			rows[i] = true
		}
	}
	return rows
}

func isLiaisonHeader(t string) bool {
	return reLiaisonHeader.MatchString(t) && len(strings.Fields(t)) <= 12 && !strings.Contains(t, ". ")
}

// rowOrganization reads the name that starts a liaison table's row, and
// the acronym in parentheses after it, as an organization.
func rowOrganization(ms []mention) {
	end := -1
	for k := range ms {
		m := &ms[k]
		if m.label == LabelPerson || m.label == LabelEvent || m.label == LabelTopic {
			continue
		}
		if m.start == 0 || end >= 0 && m.start <= end+2 && isAcronym(m.name) {
			m.label = LabelOrganization
			end = max(end, m.end)
		}
	}
}

// liaisonTable links the page's organization to the one each row of its
// liaison tables starts with.
func (r *reader) liaisonTable() {
	if r.org == nil {
		return
	}
	for i := range r.p.Blocks {
		if !r.tableRows[i] {
			continue
		}
		for k, e := range r.ents[i] {
			if r.ms[i][k].start == 0 && e.label == LabelOrganization && e != r.org {
				r.d.fact(RelLiaisonWith, r.org, e, r.p.Blocks[i].Line, relLiaisonTable, nil)
				break
			}
		}
	}
}
