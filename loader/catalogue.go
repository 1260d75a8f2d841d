package loader

import (
	"regexp"
	"strings"
)

// A standards body's catalogue, flattened from its table: one row a line,
// "CODE VERSION TITLE DATE", and the row's status on a line of its own
// after it (".pdf file. GADA Standard", "GADA Informational"). A standard
// is maintained by the body whose page it is; an informational paper is
// published by it, on the row's date.

var (
	// reCatalogueRow is a row: its code, version, title and date (a
	// date cut short gives no date).
	reCatalogueRow = regexp.MustCompile(`^([A-Z]{2,6}[ -]?\d{2,5}[A-Za-z]?)\s+(v?\d+(?:\.\d+){1,3}[a-z]?)\s+(.+?)\s+(\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{2,4}|\d{4}-\d{2}-\d{2})$`)
	// reRowStatus is a row's status line, after its file's kind.
	reRowStatus = regexp.MustCompile(`^(?:\.\w{2,4}\s+file\.\s*)?(.{0,40}?\b(?:Standard|Informational|Work in Progress|Draft|Preliminary|Final)\b.{0,20})$`)
)

// catalogueRow is one row read.
type catalogueRow struct {
	code, version, title, date, status string
	paper                              bool // informational: a Document
}

// readCatalogueRow reads block i as a row and the status under it.
func (r *reader) readCatalogueRow(i int) (catalogueRow, bool) {
	b := &r.p.Blocks[i]
	m := reCatalogueRow.FindStringSubmatch(b.Text)
	if m == nil || b.Label != "" {
		return catalogueRow{}, false
	}
	row := catalogueRow{code: m[1], version: m[2], title: strings.TrimSpace(m[3])}
	if ds := findDates(m[4], 0); len(ds) > 0 && len(ds[0].date) == 10 && strings.Contains(m[4], ds[0].date[:4]) {
		row.date = ds[0].date
	}
	for j := i + 1; j < len(r.p.Blocks) && j <= i+2; j++ {
		if s := reRowStatus.FindStringSubmatch(r.p.Blocks[j].Text); s != nil {
			row.status = strings.TrimSpace(s[1])
			r.consumed[j] = true
			break
		}
	}
	row.paper = strings.Contains(row.status, "Informational") || row.status == "" && headLabel(row.title) == LabelDocument
	return row, true
}

// catalogueMentions makes each row's mention its title, with its code
// as an alias, before the rows' words become names of their own.
func (r *reader) catalogueMentions() {
	for i := range r.p.Blocks {
		row, ok := r.readCatalogueRow(i)
		if !ok {
			continue
		}
		if r.catalogue == nil {
			r.catalogue = map[int]catalogueRow{}
		}
		r.catalogue[i] = row
		label := LabelStandard
		if row.paper {
			label = LabelDocument
		}
		text := r.p.Blocks[i].Text
		start := strings.Index(text, row.title)
		r.ms[i] = []mention{{label: label, name: row.title, alias: row.code, start: start, end: start + len(row.title), rule: ruleCatalogueRow}}
		for j := i + 1; j < len(r.p.Blocks) && j <= i+2; j++ {
			if r.consumed[j] {
				r.ms[j] = nil // the status names a kind of paper, not one
			}
		}
	}
}

// catalogueRow gives a row's standard or paper to the page's body.
func (r *reader) catalogueRow(i int) {
	row, ok := r.catalogue[i]
	if !ok || len(r.ents[i]) == 0 {
		return
	}
	owner := r.org
	if owner == nil {
		owner = r.subject
	}
	e, line := r.ents[i][0], r.p.Blocks[i].Line
	if owner == nil {
		return
	}
	if row.paper {
		props := map[string]any{}
		if row.date != "" {
			props["date"] = row.date
		}
		r.d.fact(RelPublished, owner, e, line, ruleCatalogueRow, props)
		return
	}
	if _, ok := e.props["version"]; !ok {
		e.set("version", row.version)
	}
	status := row.version
	if row.status != "" {
		status = row.status + " (version " + row.version + ")"
	}
	r.d.fact(RelMaintains, owner, e, line, ruleCatalogueRow, map[string]any{"status": status})
}
