package loader

import (
	"regexp"
	"strings"
)

// Agenda slots: a programme's line that gives a time, what happens then
// and who does it: "09:30 Keynote: Wallets at Scale - Ada Wrench, Cog
// Works". The person speaks at the page's event; a keynote's or a talk's
// title is the talk.

var (
	reSlotTime = regexp.MustCompile(`^\d{1,2}[:.]\d{2}(?:\s*[-–~]\s*\d{1,2}[:.]\d{2})?\s+`)
	reSlotBy   = regexp.MustCompile(`\s+[-–—]\s+`)
	reTalkLead = regexp.MustCompile(`^(?i:(keynote|talk|presentation|lightning talk|invited talk|session))\s*:\s*(\S.*)$`)
)

// agendaSlot reads one timed line of a programme.
func (r *reader) agendaSlot(i int) {
	b := &r.p.Blocks[i]
	ev := r.currentEvent()
	if ev == nil || b.Label != "" || r.consumed[i] || hasCJK(b.Text) {
		return
	}
	t := reSlotTime.FindString(b.Text)
	if t == "" {
		return
	}
	rest := b.Text[len(t):]
	seps := reSlotBy.FindAllStringIndex(rest, -1)
	if len(seps) == 0 {
		return
	}
	cut := seps[len(seps)-1]
	what, who := strings.TrimSpace(rest[:cut[0]]), strings.TrimSpace(rest[cut[1]:])
	name, aff := who, ""
	if k := strings.IndexAny(who, "(,"); k > 0 {
		name, aff = strings.TrimSpace(who[:k]), strings.Trim(strings.TrimSpace(who[k:]), "(), ")
	}
	if !r.isPersonName(name, false) {
		return
	}
	line := b.Line
	p := r.person(name, line, rulePersonRole)
	role := "speaker"
	if m := reTalkLead.FindStringSubmatch(what); m != nil {
		if strings.EqualFold(m[1], "keynote") {
			role = "keynote speaker"
		}
		talk := r.d.entity(LabelDocument, m[2], line, ruleDocTitle)
		talk.set("kind", "talk")
		r.d.fact(RelContributedTo, p, talk, line, relPresenter, map[string]any{"role": role})
	}
	if rr, _, ok := roleOf(lastWord(aff)); ok && aff != "" {
		role, aff = rr, "" // "(Workshop Chair)": the part they play
	}
	r.d.fact(RelPresentedAt, p, ev, line, relPresenter, map[string]any{"role": role})
	r.affiliations(p, aff, line)
}
