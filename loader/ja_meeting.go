package loader

import (
	"regexp"
	"strings"
)

// Japanese news of a group's meeting: "…委員会(山田太郎委員長)は5月15日、
// 本部で会合を開催し、…から説明を聴いた". The group held a meeting on that
// date, and the name in parentheses after the group leads it.

var (
	// reJaLeaderParen is a name glued to its post in parentheses right
	// after a group: "(和田昭弘主査)".
	reJaLeaderParen = regexp.MustCompile(`^[(（]([\p{Han}々]{2,7}?)(` + altOf(jaLeaderPosts) + `)[)）]`)
	// reJaHeldMeeting is what a group did at a date: "会合を開催".
	reJaHeldMeeting = regexp.MustCompile(`(会合|会議|総会|定例会|例会|懇談会|意見交換会|勉強会)を開催`)
)

// jaLeaderPosts are the posts a group's leader holds, longest first.
var jaLeaderPosts = sortedLongestFirst([]string{"委員長", "部会長", "分科会長", "会長", "主査", "座長", "議長", "代表", "共同主査", "副主査", "副委員長"})

// jaGroupMeetings reads the meetings a group held, by the sentence that
// says so, and the leader written after the group's name.
func (r *reader) jaGroupMeetings(i int) {
	b := &r.p.Blocks[i]
	if !hasCJK(b.Text) || b.Kind == BlockTitle || b.Kind == BlockNoise {
		return
	}
	for k, m := range r.ms[i] {
		if m.label != LabelWorkingGroup && m.label != LabelOrganization {
			continue
		}
		g := r.ents[i][k]
		rest := b.Text[m.end:]
		if lm := reJaLeaderParen.FindStringSubmatchIndex(rest); lm != nil && isJaPersonName(rest[lm[2]:lm[3]]) {
			line := b.LineAt(m.end + lm[2])
			p := r.d.entity(LabelPerson, rest[lm[2]:lm[3]], line, rulePersonProse)
			r.d.fact(RelMemberOf, p, g, line, relTitledPerson, map[string]any{"role": rest[lm[4]:lm[5]]})
			rest = rest[lm[1]:]
		}
		r.jaHeld(b, g, m, rest)
	}
}

// jaHeld reads "は5月15日、…会合を開催" after group g's mention m: the
// meeting, named after the group, on the date the sentence gives.
func (r *reader) jaHeld(b *Block, g *dent, m mention, rest string) {
	topic, ok := strings.CutPrefix(rest, "は")
	if !ok {
		topic, ok = strings.CutPrefix(rest, "が")
	}
	if !ok {
		return
	}
	sentence, _, _ := strings.Cut(topic, "。")
	hm := reJaHeldMeeting.FindStringSubmatchIndex(sentence)
	if hm == nil {
		return
	}
	ds := findDates(sentence[:hm[0]], r.year)
	if len(ds) == 0 || ds[0].start > 3 || len(ds[0].date) != 10 {
		return // the date opens what the group did: "は5月15日、"
	}
	line := b.LineAt(m.start)
	name := g.name + sentence[hm[2]:hm[3]]
	if r.event != nil && r.event.props["date"] == ds[0].date {
		r.d.fact(RelHeld, g, r.event, line, relOwner, nil)
		return
	}
	ev := r.d.event(name, ds[0].date, line, ruleEventProse)
	ev.set("kind", "meeting")
	r.d.fact(RelHeld, g, ev, line, relOwner, nil)
	if r.event == nil {
		r.event = ev // a report of one meeting: who spoke there, spoke at it
	}
}
