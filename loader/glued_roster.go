package loader

import (
	"regexp"
	"strings"
	"unicode"
)

// A roll-call table flattened into text loses its cell borders: the header
// "Representation NameAttended" and rows "UMAWG1stEve MalerYes" (group,
// seat, name, attended). The header's glued attendance column says how to
// cut the rows again.

var (
	// reGluedHeader is a header whose last cell, an attendance column, is
	// glued to the cell before it.
	reGluedHeader = regexp.MustCompile(`^\S.*\p{Ll}(Attended|Present|Attendance)$`)
	// reGluedStatus is a row's last cell, glued to the name or its
	// parenthesis.
	reGluedStatus = regexp.MustCompile(`(?:\p{Ll}|\))(Yes|No)$`)
	// reGluedGroup is a row's first cells: a group's code and its seat
	// ("UMAWG1st", "CISWG "), or a body and a dash ("Virtual-").
	reGluedGroup = regexp.MustCompile(`^(\pL+?(?:WG|DG|TF|SG))(1st|2nd|3rd|[4-9]th)?\s*`)
	reGluedBody  = regexp.MustCompile(`^\p{Lu}\pL+-`)
)

// gluedRoster reads the rows under a glued attendance header.
func (r *reader) gluedRoster(i int) {
	if !reGluedHeader.MatchString(strings.TrimSpace(r.p.Blocks[i].Text)) {
		return
	}
	// A page of one meeting that names it only in a list of pages ("Child
	// pages • 2016-12-14 Meeting Minutes"): the roll call is that
	// meeting's.
	if r.currentEvent() == nil {
		if ev := r.onlyEvent(); ev != nil {
			r.cur = ev
			defer func() { r.cur = nil }()
		}
	}
	for j := r.nextBlock(i); j >= 0 && j < i+80; j = r.nextBlock(j) {
		b := &r.p.Blocks[j]
		row, ok := cutGluedRow(strings.TrimSpace(b.Text))
		switch {
		case ok:
			r.gluedRow(row, b)
		case sectionRow(b.Text):
			// "Trust Services Interoperability Groups": a band of the table
		default:
			return
		}
		r.consumed[j] = true
	}
}

// gluedRow is one row of a glued roster, cut into its cells.
type gluedRow struct {
	group, seat, names, status string
}

// cutGluedRow cuts a row: status off the end, group and seat off the
// front. A row of a name alone ("Ken Dagg") is a row too, with no status.
func cutGluedRow(t string) (gluedRow, bool) {
	var row gluedRow
	if m := reGluedStatus.FindStringSubmatchIndex(t); m != nil {
		row.status, t = t[m[2]:m[3]], t[:m[2]]
	}
	if m := reGluedGroup.FindStringSubmatch(t); m != nil {
		row.group, row.seat, t = m[1], m[2], t[len(m[0]):]
	} else if m := reGluedBody.FindString(t); m != "" {
		t = t[len(m):]
	}
	row.names = strings.TrimSpace(t)
	if row.names == "" || !unicode.IsUpper([]rune(row.names)[0]) {
		return row, false
	}
	return row, row.status != "" || row.group != "" || len(strings.Fields(row.names)) <= 3
}

// sectionRow is a band across a table: a few capitalised words ending in
// a plural ("Connected Life Innovation Groups").
func sectionRow(t string) bool {
	ws := strings.Fields(t)
	return len(ws) >= 2 && len(ws) <= 5 && strings.HasSuffix(ws[len(ws)-1], "s") && !strings.ContainsAny(t, "[]()")
}

// gluedRow records a row: each person, a member of the row's group in its
// seat, attended the meeting (Yes) or did not (No); with no status, the
// table does not say.
func (r *reader) gluedRow(row gluedRow, b *Block) {
	kind := rosterMembers
	switch row.status {
	case "Yes":
		kind = rosterAttended
	case "No":
		kind = rosterAbsent
	}
	var g *dent
	if row.group != "" {
		g = r.d.entity(LabelWorkingGroup, row.group, b.Line, ruleGroupSuffix)
	}
	var last *dent
	for _, en := range splitRoster(row.names, b) {
		p := r.rosterEntry(en, kind, "", last)
		if p == nil || p == last {
			continue
		}
		last = p
		if g != nil {
			role := "representative"
			if row.seat != "" {
				role = row.seat + " representative"
			}
			r.d.fact(RelMemberOf, p, g, b.Line, relGluedRoster, map[string]any{"role": role})
		}
	}
}

// onlyEvent is the page's event when it names exactly one.
func (r *reader) onlyEvent() *dent {
	var ev *dent
	for _, e := range r.d.ents {
		if e.label == LabelEvent {
			if ev != nil {
				return nil
			}
			ev = e
		}
	}
	return ev
}
