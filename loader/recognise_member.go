package loader

import (
	"regexp"
	"strings"
)

// An organization one can be a member of, named where a text invites to
// join it: "Membership in Acme Works!", "a member of Acme", "Acme
// Membership Application". Such names often have no head noun to tell
// what they are; being joined says it.

var (
	reMemberOf   = regexp.MustCompile(`\b(?:[Mm]embership (?:in|of|with)|[Aa] member of|[Jj]oin) (?:the )?(` + capName + `)`)
	reMemberForm = regexp.MustCompile(`^(` + capName + `) Membership(?: Application| Form)`)
)

// capName is one to four capitalised words, the last maybe with a "!".
const capName = `[A-Z][\p{L}\d&.'-]*(?: (?:of |and |for |the )?[A-Z][\p{L}\d&.'-]*){0,3}!?`

// membershipOrgs finds the organizations s invites to join.
func membershipOrgs(s string) []mention {
	var out []mention
	for _, re := range []*regexp.Regexp{reMemberForm, reMemberOf} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			name := strings.TrimRight(s[m[2]:m[3]], ".'")
			if !joinable(name) {
				continue
			}
			out = append(out, mention{label: LabelOrganization, name: name, start: m[2], end: m[2] + len(name), rule: ruleOrgJoined})
		}
	}
	return out
}

// joinable tells a name one joins from a kind of membership or a
// group's head noun, which other recognisers read.
func joinable(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	if membershipKinds[strings.ToLower(first)] || leadWords[first] || notNameWords[first] {
		return false
	}
	if l := headLabel(name); l != "" && l != LabelOrganization {
		return false
	}
	return len(name) >= 2
}

// Words that qualify a membership, not name what is joined.
var membershipKinds = map[string]bool{
	"institutional": true, "individual": true, "organizational": true, "organisational": true, "associate": true,
	"representative": true, "student": true, "corporate": true, "full": true, "affiliate": true, "our": true,
	"this": true, "that": true, "staff": true, "member": true, "membership": true, "us": true,
	"supporting": true, "sustaining": true, "honorary": true, "founding": true, "partner": true,
}
