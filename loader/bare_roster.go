package loader

import "strings"

// A roster whose label the copy lost: a line that only lists people, right
// beside the meeting's other rosters ("Chair: Ada Wrench", "Scribe: …",
// "Apologies: …"). The people on it attended.

// bareRosterMin is the fewest names a line lists to be read as a roster.
const bareRosterMin = 5

// bareRoster reads an unlabelled line of names next to a roster or role
// field as the meeting's attendees.
func (r *reader) bareRoster(i int) {
	b := &r.p.Blocks[i]
	ev := r.currentEvent()
	if ev == nil || b.Label != "" || r.consumed[i] || b.Kind != BlockParagraph && b.Kind != BlockHeading || r.p.Kind == "listing" || hasCJK(b.Text) {
		return
	}
	if !r.besideRoster(r.prevBlock(i)) && !r.besideRoster(r.nextBlock(i)) {
		return
	}
	parts := splitTop(strings.TrimSuffix(strings.TrimSpace(b.Text), "."), ",")
	if len(parts) < bareRosterMin {
		return
	}
	var names []string
	for _, p := range parts {
		if n := strings.TrimSpace(p); r.isPersonName(n, false) {
			names = append(names, n)
		}
	}
	if len(names)*10 < len(parts)*9 {
		return // a sentence with commas, not a list of people
	}
	r.consumed[i] = true
	for _, n := range names {
		line := b.LineAt(strings.Index(b.Text, n))
		if p := r.person(n, line, rulePersonSlot); p != nil {
			r.d.fact(RelAttended, p, ev, line, relBareRoster, nil)
		}
	}
}

// besideRoster tells a block that is a roster's or a meeting role's field:
// "Apologies: …", "Scribe: …".
func (r *reader) besideRoster(j int) bool {
	if j < 0 {
		return false
	}
	l := r.p.Blocks[j].Label
	if rosterKind(l) != "" {
		return true
	}
	_, _, ok := roleOf(l)
	return ok
}
