package loader

import (
	"regexp"
	"strings"
)

// A roster flattened into a long line, its entries run together: "…
// Attendees: Ada Wrench, Manager for Standards of GIA Bob Sprocket, Chair
// of the Cog Forum Cyd Gear - Leader of WSO Discussion of …: …". Each
// full name followed by a comma or a dash starts an entry; what follows it,
// up to the next name, is the person's post and body.

var (
	reFlatRosterLabel = regexp.MustCompile(`(?i)\b(?:attendees|present|participants|attending)\s*:\s*`)
	reFlatName        = regexp.MustCompile(`(\p{Lu}\p{Ll}+(?:\s+(?:\p{Lu}\.|\p{Lu}\p{Ll}+)){1,2})\s*(?:,|\s[-–])\s`)
)

// flatRosterMin is the length of a line that is a flattened page.
const flatRosterMin = 300

// flatRoster reads a roster run together inside a long line.
func (r *reader) flatRoster(i int) {
	b := &r.p.Blocks[i]
	if len(b.Text) < flatRosterMin || r.consumed[i] || hasCJK(b.Text) {
		return
	}
	lm := reFlatRosterLabel.FindStringIndex(b.Text)
	if lm == nil || lm[0] == 0 {
		return // a roster at a line's start is the roster rules' to read
	}
	value := b.Text[lm[1]:]
	if k := strings.Index(value, ":"); k > 0 {
		value = value[:k] // the next field ends the roster
	}
	ms := reFlatName.FindAllStringSubmatchIndex(value, -1)
	var names [][]int
	for _, m := range ms {
		// "… of the Gear Alliance Cyd Gear,": the body's name is no part
		// of the next person's.
		for _, mm := range r.ms[i] {
			if at := lm[1] + m[2]; mm.start <= at && at < mm.end && mm.end < lm[1]+m[3] {
				m[2] = mm.end - lm[1] + len(value[mm.end-lm[1]:]) - len(strings.TrimLeft(value[mm.end-lm[1]:], " "))
			}
		}
		if n := value[m[2]:m[3]]; r.isPersonName(n, false) && r.properName(n) {
			names = append(names, m)
		}
	}
	if len(names) < 3 {
		return
	}
	ev := r.currentEvent()
	for k, m := range names {
		at := lm[1] + m[2]
		line := b.LineAt(at)
		p := r.person(value[m[2]:m[3]], line, rulePersonSlot)
		if p == nil {
			continue
		}
		if ev != nil {
			r.d.fact(RelAttended, p, ev, line, relFlatRoster, nil)
		}
		end := len(value)
		if k+1 < len(names) {
			end = names[k+1][0]
		}
		r.flatPost(b, p, lm[1]+m[1], lm[1]+end, line)
	}
}

// flatPost reads an entry's post: "Manager for Standards of GIA": the
// first body the entry names, and the words before it as the role.
func (r *reader) flatPost(b *Block, p *dent, from, to, line int) {
	i := r.blockIndex(b)
	for k, mm := range r.ms[i] {
		if mm.start < from || mm.end > to || mm.label != LabelOrganization && mm.label != LabelWorkingGroup {
			continue
		}
		role := strings.TrimSpace(b.Text[from:mm.start])
		role = strings.TrimSuffix(strings.TrimSuffix(role, " the"), " of") // "Chairman of the"
		props := map[string]any{}
		if role != "" {
			props["role"] = role
		}
		r.d.fact(RelMemberOf, p, r.ents[i][k], line, relFlatRoster, props)
		return
	}
}
