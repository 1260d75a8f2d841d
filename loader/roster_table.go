package loader

import (
	"cmp"
	"regexp"
	"strings"
)

// Roster tables: a table whose header row names a column of people
// ("Name", "Attendee", "氏名") and maybe their affiliation, role and
// attendance. Each row below it, up to the table's end, is one person.

// rosterColumns are what a roster table's header cells say.
var (
	reNameColumn     = regexp.MustCompile(`(?i)^(?:name|names|full name|attendee|attendees|participant|participants|member|members|person|representative|氏名|名前|出席者|委員名|構成員)$`)
	reAffColumn      = regexp.MustCompile(`(?i)^(?:affiliation|organi[sz]ation|company|employer|institution|member company|所属|所属・役職|会社名|団体名)$`)
	reRoleColumn     = regexp.MustCompile(`(?i)^(?:role|roles|title|position|office|役職|役割|担当)$`)
	rePresenceColumn = regexp.MustCompile(`(?i)^(?:present|attended|attendance|status|出欠|出席)$`)
	reAbsentCell     = regexp.MustCompile(`(?i)^(?:no|n|absent|regrets|apologies|欠席|×|-)$`)
)

// rosterColumns is where each column of a roster table is; -1 for none.
type rosterColumns struct{ name, aff, role, presence int }

// rosterHeader reads a header row's cells, or ok is false when no
// column names people.
func rosterHeader(cells []string) (c rosterColumns, ok bool) {
	k := headerColumns(cells, "*", reNameColumn, reAffColumn, reRoleColumn, rePresenceColumn)
	c = rosterColumns{k[0], k[1], k[2], k[3]}
	return c, c.name >= 0 && (c.aff >= 0 || c.role >= 0 || c.presence >= 0)
}

// headerColumns finds, for each pattern, the first header cell it matches
// (cut of the characters in cut), -1 for none; a cell is one column, the
// first pattern's it matches that no earlier cell took.
func headerColumns(cells []string, cut string, res ...*regexp.Regexp) []int {
	at := make([]int, len(res))
	for i := range at {
		at[i] = -1
	}
	for k, cell := range cells {
		cell = strings.TrimSpace(strings.Trim(cell, cut))
		for i, re := range res {
			if at[i] < 0 && re.MatchString(cell) {
				at[i] = k
				break
			}
		}
	}
	return at
}

// rosterTable reads the rows under a roster table's header row i.
func (r *reader) rosterTable(i int) {
	b := &r.p.Blocks[i]
	if b.Kind != BlockRow {
		return
	}
	cols, ok := rosterHeader(b.Cells)
	if !ok {
		return
	}
	// "Chairs" or "Tech Leads" over the table: the post of everyone in it.
	post := ""
	if h := r.prevBlock(i); h >= 0 && r.p.Blocks[h].Label == "" && r.p.Blocks[h].Kind != BlockRow {
		if role, group, ok := roleOf(r.p.Blocks[h].Text); ok && group {
			post = role
		} else if role, group, ok := roleOf(lastWord(r.p.Blocks[h].Text)); ok && group && len(strings.Fields(r.p.Blocks[h].Text)) <= 2 {
			post = role
		}
	}
	for j := i + 1; j < len(r.p.Blocks); j++ {
		rb := &r.p.Blocks[j]
		if rb.Kind == BlockNoise {
			continue
		}
		if rb.Kind != BlockRow {
			return
		}
		r.consumed[j] = true
		r.rosterRow(rb, cols, post)
	}
}

// rosterRow is one person of a roster table: their affiliation, their
// role in the page's group or at its meeting, and their attendance.
func (r *reader) rosterRow(b *Block, cols rosterColumns, post string) {
	cell := func(k int) string {
		if k < 0 || k >= len(b.Cells) {
			return ""
		}
		return strings.TrimSpace(b.Cells[k])
	}
	name := cell(cols.name)
	var p *dent
	switch {
	case hasCJK(name) && isJaPersonName(name):
		p = r.d.entity(LabelPerson, name, b.Line, rulePersonSlot)
	case !hasCJK(name) && r.isPersonName(name, false):
		p = r.person(name, b.Line, rulePersonSlot)
	}
	if p == nil {
		return
	}
	role := cmp.Or(cell(cols.role), post)
	if aff := cell(cols.aff); aff != "" {
		org := r.d.entity(LabelOrganization, aff, b.Line, ruleOrgSlot)
		props := map[string]any{}
		if _, group, ok := roleOf(role); role != "" && !(ok && group) {
			props["role"] = role // a title at the company, not in the group
		}
		r.d.fact(RelMemberOf, p, org, b.Line, relAffiliation, props)
	}
	meetingRole := ""
	if gr, group, ok := roleOf(role); ok && group {
		if g := r.subjectGroup(); g != nil {
			r.d.fact(RelMemberOf, p, g, b.Line, relRosterRole, map[string]any{"role": gr})
		}
	} else if ok {
		meetingRole = gr
	}
	ev := r.currentEvent()
	if ev == nil || r.p.Kind == "listing" {
		return
	}
	if pc := cell(cols.presence); cols.presence >= 0 && (pc == "" || reAbsentCell.MatchString(pc)) {
		r.absent[p] = true
		return
	}
	r.d.fact(RelAttended, p, ev, b.Line, relRoster, map[string]any{"role": meetingRole})
}
