package loader

import (
	"regexp"
	"strings"
)

// A letter's addressees, one a line after "To:" or "CC:" and on the lines
// under it: "To: Ada Wrench, GIA", ". Bob Sprocket, Chair, WSO". Each is a
// person of the body after the last comma, in the post between.

// reAddressLabel is the label of a letter's addressees.
var reAddressLabel = regexp.MustCompile(`^(?i:to|cc|copy|copies|attn|attention)$`)

// reEntryBullet is the mark a list of addressees may set before each.
var reEntryBullet = regexp.MustCompile(`^[.\-•*·]\s*`)

// addressees reads the addressees of the block labelled "To:" or "CC:" at
// i, and of the unlabelled lines of the same shape under it.
func (r *reader) addressees(i int) {
	b := &r.p.Blocks[i]
	if !reAddressLabel.MatchString(strings.TrimSpace(b.Label)) {
		return
	}
	if !r.addressee(b) {
		return
	}
	for j := i + 1; j < len(r.p.Blocks) && j <= i+8; j++ {
		n := &r.p.Blocks[j]
		if n.Label != "" || n.Kind == BlockNoise || !r.addressee(n) {
			return
		}
		r.consumed[j] = true
	}
}

// addressee reads one "Name, Post, Body" line; it tells whether the line
// was one.
func (r *reader) addressee(b *Block) bool {
	t := strings.TrimSpace(reEntryBullet.ReplaceAllString(strings.TrimSpace(b.Text), ""))
	parts := splitTop(t, ",")
	if len(parts) < 2 || len(parts) > 4 {
		return false
	}
	name, body := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[len(parts)-1])
	if !r.isPersonName(name, false) || !isAcronym(strings.ReplaceAll(body, " ", "")) && headLabel(body) != LabelOrganization && headLabel(body) != LabelWorkingGroup {
		return false
	}
	line := b.LineAt(strings.Index(b.Text, name))
	p := r.person(name, line, rulePersonSlot)
	label := LabelOrganization
	if headLabel(body) == LabelWorkingGroup {
		label = LabelWorkingGroup
	}
	org := r.d.findAny(body, LabelOrganization, LabelWorkingGroup, LabelStandard)
	if org == nil || org.label == LabelStandard {
		org = r.d.entity(label, body, line, ruleOrgSlot) // "IEEE 802" as a body, not its standard
	}
	var role []string
	for _, m := range parts[1 : len(parts)-1] {
		role = append(role, strings.TrimSpace(m))
	}
	props := map[string]any{}
	if len(role) > 0 {
		props["role"] = strings.Join(role, ", ")
	}
	if p != nil {
		r.d.fact(RelMemberOf, p, org, line, relAddressee, props)
	}
	return true
}
