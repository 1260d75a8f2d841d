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

// reRepresented opens a list of the bodies that send people to a group:
// "representatives from Apple, BP and Intel", "vendors are participating:
// Sun, IBM".
var reRepresented = regexp.MustCompile(`\b(?:(?:representatives|experts|delegates|engineers) (?:from|of)|(?:vendors|companies|firms|member organi[sz]ations)\b[^.:;]{0,40}:)\s+`)

// reListItem is one item of such a list, and what parts it from the next.
var reListItem = regexp.MustCompile(`^(?:and\s+)?(` + capName + `)\s*(?:,\s*|\s+and\s+|$)`)

// representedOrgs finds the organizations a list of representatives
// names.
func representedOrgs(s string) []mention {
	var out []mention
	for _, m := range reRepresented.FindAllStringIndex(s, -1) {
		at := m[1]
		for n := 0; n < 30; n++ {
			im := reListItem.FindStringSubmatchIndex(s[at:])
			if im == nil {
				break
			}
			name := strings.TrimRight(s[at+im[2]:at+im[3]], ".'")
			if k := strings.Index(name, " and "); k > 0 {
				// "The Gear Library and Wirefast": two items, the list's last.
				name, im[1] = name[:k], im[2]+k+1
			}
			if bare := strings.TrimPrefix(name, "The "); bare == "" || !joinable(bare) {
				break
			}
			out = append(out, mention{label: LabelOrganization, name: name, start: at + im[2], end: at + im[2] + len(name), rule: ruleOrgRepresented})
			at += im[1]
		}
	}
	return out
}
