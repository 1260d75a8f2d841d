package loader

import (
	"regexp"
	"strings"
)

// Group tables: a table whose header names a column of groups ("Group",
// "TIER Working Group", "Committee") and one of the people who lead them
// ("Chair", "Chair/Contact", "Co-chairs"). Each row is a group, led by the
// people in its chair cell ("Ada Wrench, Gear University and Bob
// Sprocket, Cog Works"), and chartered by the body its "Chartered by"
// cell names.

var (
	reGroupColumn   = regexp.MustCompile(`(?i)^(?:.*\b(?:group|working group|committee|subcommittee|task force|sig|wg)s?|name)$`)
	reChairColumn   = regexp.MustCompile(`(?i)^(?:chairs?|co-?chairs?|chair\s*/\s*contact|chair\(s\)|leads?|leaders?|convenors?|conveners?|contacts?)$`)
	reCharterColumn = regexp.MustCompile(`(?i)^(?:chartered by|parent|reports to|sponsor|sponsored by)$`)
	reStatusColumn  = regexp.MustCompile(`(?i)^status$`)
)

type groupColumns struct{ group, chair, charter, status int }

// groupHeader reads a group table's header cells; ok is false when they
// name no column of groups and leaders.
func groupHeader(cells []string) (c groupColumns, ok bool) {
	k := headerColumns(cells, "", reGroupColumn, reChairColumn, reCharterColumn, reStatusColumn)
	c = groupColumns{k[0], k[1], k[2], k[3]}
	return c, c.group >= 0 && c.chair >= 0
}

// groupTable reads the rows under a group table's header row i.
func (r *reader) groupTable(i int) {
	b := &r.p.Blocks[i]
	if b.Kind != BlockRow {
		return
	}
	cols, ok := groupHeader(b.Cells)
	if !ok {
		return
	}
	for j := i + 1; j < len(r.p.Blocks); j++ {
		rb := &r.p.Blocks[j]
		if rb.Kind == BlockNoise {
			continue
		}
		if rb.Kind != BlockRow {
			if rb.Kind == BlockHeading || rb.Kind == BlockTitle {
				return
			}
			continue // a cell's overflow on a line of its own
		}
		r.consumed[j] = true
		r.groupRow(rb, cols)
	}
}

// groupRow is one group of a group table.
func (r *reader) groupRow(b *Block, cols groupColumns) {
	cell := func(k int) string {
		if k < 0 || k >= len(b.Cells) {
			return ""
		}
		return strings.TrimSpace(b.Cells[k])
	}
	name := cell(cols.group)
	if name == "" || !isCapWord(name) {
		return
	}
	bare := strings.TrimSpace(reParens.ReplaceAllString(name, ""))
	g := r.d.findAny(bare, LabelWorkingGroup, LabelOrganization)
	if g == nil {
		g = r.d.entity(LabelWorkingGroup, bare, b.Line, ruleGroupList)
	}
	if acr := strings.Trim(strings.TrimSpace(strings.TrimPrefix(name, bare)), "()"); isAcronym(acr) {
		g.alias(acr) // "Program Advisory Group (PAG)"
	}
	role := "chair"
	if st := cell(cols.status); st != "" {
		g.set("status", strings.TrimRight(strings.Fields(st)[0], ".,;"))
	}
	var last *dent
	for _, en := range splitRoster(strings.ReplaceAll(cell(cols.chair), " and ", ", "), b) {
		last = r.chairEntry(g, last, en, role, b.Line)
	}
	if ch := cell(cols.charter); ch != "" {
		ch, _, _ = strings.Cut(ch, ". ")
		ch = strings.TrimSpace(reParens.ReplaceAllString(strings.TrimSuffix(ch, "."), ""))
		if p := r.d.findAny(ch, LabelWorkingGroup, LabelOrganization); p != nil && p != g {
			rel := RelSubgroupOf
			if p.label == LabelOrganization {
				rel = RelPartOf
			}
			r.d.fact(rel, g, p, b.Line, relGroupTable, nil)
		}
	}
}

// chairEntry reads one entry of a chair cell: a person, or the body of
// the person read before it ("Ada Wrench, Gear University"). It returns
// the person read, or nil.
func (r *reader) chairEntry(g, last *dent, en rosterEntry, role string, line int) *dent {
	if !r.isPersonName(en.name, false) {
		if last != nil && (headLabel(en.name) == LabelOrganization || isAcronym(en.name)) {
			o := r.d.entity(LabelOrganization, en.name, line, ruleOrgSlot)
			r.d.fact(RelMemberOf, last, o, line, relAffiliation, nil)
		}
		return nil
	}
	p := r.person(en.name, line, rulePersonRole)
	r.d.fact(RelMemberOf, p, g, line, relGroupTable, map[string]any{"role": role})
	return p
}
