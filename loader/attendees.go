package loader

// A meeting's roster that sets its attendees apart from the staff, the
// observers or the guests ("Attendees: …" then "ARIN Staff: …") lists the
// body's own people first: they sit on it, the others serve or visit it.

// setApart is an attendee waiting for the page to show a roster of others.
type setApart struct {
	p    *dent
	line int
}

// noteAttendee keeps an attendee of an attendance roster for
// attendeesSetApart.
func (r *reader) noteAttendee(p *dent, line int) {
	r.attendees = append(r.attendees, setApart{p, line})
}

// attendeesSetApart makes the attendees members of the page's group when
// the page also lists staff, observers or guests apart from them.
func (r *reader) attendeesSetApart() {
	g := r.subjectGroup()
	if !r.othersListed || g == nil || g.label != LabelWorkingGroup {
		return
	}
	for _, a := range r.attendees {
		if r.absent[a.p] || r.d.hasFact(RelMemberOf, a.p, g) {
			continue
		}
		r.d.fact(RelMemberOf, a.p, g, a.line, relSetApart, map[string]any{"role": "member"})
	}
}
