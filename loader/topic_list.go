package loader

import (
	"cmp"
	"regexp"
	"strings"
)

// A list of what a group works on, under a label of its own: "Hot
// topics:", "Focus areas", "主なテーマ". Each short item is a topic the
// page's group focuses on.

var reTopicLabel = regexp.MustCompile(`(?i)^(?:(?:hot|key|main|current|priority|focus)\s+)?(?:topics|themes|focus areas|areas of focus|work areas|areas of work)$|^(?:主な)?(?:テーマ|検討テーマ|活動テーマ|重点分野)$`)

// topicItemMax is the most words a topic item has.
const topicItemMax = 5

// topicList reads the items under a topic label.
func (r *reader) topicList(i int) {
	b := &r.p.Blocks[i]
	label := strings.TrimSpace(strings.TrimSuffix(cmp.Or(b.Label, b.Text), ":"))
	if !reTopicLabel.MatchString(label) || b.Label != "" && b.Text != "" {
		return
	}
	g := r.subjectGroup()
	for j := i + 1; j < len(r.p.Blocks) && j <= i+30; j++ {
		it := &r.p.Blocks[j]
		if it.Kind == BlockNoise {
			continue
		}
		if it.Kind != BlockItem || it.Label != "" {
			return
		}
		for _, name := range strings.Split(it.Text, ",") {
			name = strings.TrimSpace(name)
			if name == "" || len(strings.Fields(name)) > topicItemMax || strings.HasSuffix(name, ".") {
				continue
			}
			t := r.d.entity(LabelTopic, name, it.Line, ruleTopicList)
			if g != nil && g.label == LabelWorkingGroup {
				r.d.fact(RelFocusesOn, g, t, it.Line, relTopicList, nil)
			}
		}
		r.consumed[j] = true
	}
}
