package loader

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The recognisers: names of organizations, groups, standards, documents,
// projects and topics, found in a block's text by their form. People and
// events depend on where they are written, so the relation stage finds
// them in their slots (rosters, role fields, dated entries).

// mention is a name a recogniser found in a text.
type mention struct {
	label      string
	name       string
	acr        string // an acronym the text gives it
	alias      string // another form of the name written there ("A4Cloud Project")
	owner      string // the organization written before it ("OMG" in "OMG Cloud WG")
	ownerLabel string // the owner's label, when not an organization (a group's parent group)
	start, end int    // byte offsets in the text
	rule       string
	inside     string // an organization named inside the name, not its owner
}

// Words that end names of each kind: the head noun.
var (
	groupHeads = []string{
		"Working Group", "Work Group", "Task Force", "Domain Task Force", "Special Interest Group", "Subcommittee",
		"Subgroup", "Sub-group", "Sub-Group",
		"Sub-committee", "Sub-Committee", "Steering Committee", "Committee", "Council", "Board of Directors", "Board",
		"Advisory Group", "Steering Group", "Focus Group", "Task Group", "Study Group", "Secretariat", "Assembly", "Working Party", "Expert Group", "Team", "Group",
	}
	orgHeads = []string{
		"Alliance", "Consortium", "Association", "Foundation", "University", "College", "Agency", "Ministry", "Commission",
		"Institute", "Organization", "Organisation", "Society", "Federation", "Union", "Inc.", "Inc", "Corp.",
		"Corporation", "Ltd.", "Ltd", "LLC", "GmbH", "Company", "Bureau", "Department", "Authority",
		"Administration", "Laboratory", "Laboratories", "Center", "Centre", "Initiative", "Partners", "Group", "Technologies",
		"Technology", "Labs", "Systems", "Networks", "Solutions", "Consulting", "Limited", "Holdings", "Co.", "Corp", "Office",
		"Chapter", "Branch", "Region", "Club", "Coalition", "Forum", "AISBL", "ASBL", "e.V.", "AG", "SA", "NV", "BV", "PLC", "plc", "S.A.",
	}
	standardHeads = []string{
		"Specification", "Specifications", "Framework", "Matrix", "Registry", "Protocol", "Standard", "Standards",
		"Stack", "Profile", "Criteria", "Certification", "Regulation", "Directive", "Benchmark", "Services", "Format", "Knowledge",
	}
	documentHeads = []string{
		"Whitepaper", "White Paper", "Paper", "Position Paper", "Report", "Guide", "Guidance", "Charter", "Handbook",
		"Plan", "Roadmap", "Survey", "Document", "Translation", "Glossary", "Primer", "Overview",
		"Best Practices", "Recommendations", "Recommendation", "Analysis", "Note", "Template", "Policy", "Proposal",
		"Reports", "Papers", "Guides", "Liaison Statement", "Guidelines", "Guideline", "Register", "Manual", "Toolkit", "Playbook", "Checklist",
	}
	eventHeads = []string{
		"Meeting", "Meetings", "Call", "Conference", "Summit", "Workshop", "Webinar", "Seminar", "Roundtable",
		"Plenary", "Congress", "Symposium", "Session", "Kickoff", "Kick-off", "Forum", "Expo", "Meetup",
		"Hackathon", "Teleconference", "Telecon", "Teleconf", "Week", "Days",
	}
)

// capWord is a word as names write it: capitalised, an acronym, a number.
const capWord = `(?:[A-Z][\w'’&/-]*(?:\.[A-Za-z][\w'’&/-]*)*|[A-Z][A-Za-z]{0,3}\.|[0-9][\w.-]*)`

// nameRun is a run of capitalised words, with the small words that join
// them ("of", "and", "&", "for", "the", "on", "in").
var nameRun = capWord + `(?:[ \t]+(?:(?:of|and|&|for|the|on|in|to|de|du|des|für|as[ \t]+a)[ \t]+)*` + capWord + `)*`

// Leading words that are not part of a name.
var leadWords = map[string]bool{
	"The": true, "A": true, "An": true, "Our": true, "Their": true, "Its": true, "His": true, "Her": true,
	"This": true, "These": true, "That": true, "Those": true, "Both": true, "Each": true, "Every": true,
	"Any": true, "All": true, "Welcome": true, "To": true, "Of": true, "In": true, "On": true, "For": true,
	"At": true, "By": true, "With": true, "From": true, "And": true, "Or": true, "If": true, "As": true,
	"Dear": true, "Hi": true, "Hello": true, "Thanks": true, "Mr.": true, "Ms.": true, "Dr.": true, "Prof.": true,
	"New": true, "Next": true, "Other": true, "Another": true, "Current": true, "Recent": true, "Upcoming": true,
	"Including": true, "Only": true, "Some": true, "Several": true, "Many": true, "Most": true, "Such": true,
	"When": true, "Where": true, "While": true, "Why": true, "How": true, "What": true, "Who": true, "Which": true,
	"Also": true, "Then": true, "Since": true, "Please": true, "Its.": true, "Note": true, "See": true,
	"Request": true, "Approval": true, "News": true, "Update": true, "Updates": true, "Status": true,
	"Between": true, "Among": true, "Unless": true, "Until": true, "Upon": true, "Under": true, "Within": true,
	"Without": true, "After": true, "Before": true, "During": true, "Via": true, "Per": true, "Based": true,
	"Although": true, "Though": true, "Because": true, "Once": true, "Whether": true, "Regarding": true,
	"Concerning": true, "Following": true, "Against": true, "Across": true, "Towards": true, "Toward": true,
	"Into": true, "About": true, "Through": true, "Throughout": true, "Except": true, "Beyond": true, "Despite": true,
}

// indefinites before a name make it a kind, not a thing: "a Technical
// Committee".
var reIndefinite = regexp.MustCompile(`(?i)(?:^|\s)(?:a|an|any|each|every|another|other|no|some|such|per)\s+$`)

// headRE builds a pattern for a run of capitalised words ending in one of
// heads (longest heads first).
func headRE(heads []string, tail string) *regexp.Regexp {
	hs := append([]string(nil), heads...)
	sort.Slice(hs, func(i, j int) bool { return len(hs[i]) > len(hs[j]) })
	for i, h := range hs {
		hs[i] = regexp.QuoteMeta(h)
		if !strings.HasSuffix(h, ".") {
			hs[i] += `\b` // "Inc." ends itself
		}
	}
	return regexp.MustCompile(`\b((?:` + nameRun + `[ \t]+)?(?:` + strings.Join(hs, "|") + `))` + tail)
}

// version is the edition written after a standard's or a document's
// name: "Metadata Specification 2.0", "Criteria v2.1".
// docNumber is a paper's number in its series: "Report No.1", "Paper #2".
const docNumber = `(?:[ \t]+(?:No\.|no\.|Nr\.|#)[ \t]?\d{1,3}\b)?`

const version = `(?:[ \t]+(?:v|V|version[ \t]|Version[ \t])?\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\b|[ \t]+v\d{1,2}\b)?`

var (
	reGroupName = headRE(groupHeads, `(?:[ \t]+(?:of|on|for)[ \t]+(`+nameRun+`))?(?:[ \t]+(\d{1,3}(?:\.\d{1,2})?[A-F]?)\b)?`)
	reOrgName   = headRE(orgHeads, `(?:[ \t]+(?:of|for)[ \t]+(`+nameRun+`(?:(?:,[ \t]+`+nameRun+`)+,?[ \t]+and[ \t]+`+nameRun+`)?))?`)
	reStdName   = headRE(standardHeads, `(?:[ \t]+(?:of|for|on)[ \t]+(`+nameRun+`))?`+version)
	reDocName   = headRE(documentHeads, `(?:[ \t]+(?:of|for|on|in|to)[ \t]+(`+nameRun+`))?`+version+docNumber)
	// "P3WG", "P3-WG", "ACM-WG", "Serverless-WG", "IoT WG", "CSIRT 人材 SWG".
	reGroupToken = regexp.MustCompile(`\b((?:[A-Z][\w&/+.]*|\d+)(?:[ -](?:(?:of|and|for|the|on|&) )*(?:[A-Z][\w&/+.]*|\([A-Z][\w&]{1,9}\)))*)[ -]?(S?WG|SIG|TF|DTF|CG|IG|BG|TC|RG|XG|TAC|TSC|PMC)\b`)
	// "JTC 1/WG 13", "SC 27", "ITU-T SG16", "WP 8A", "WP 1/4" (of SG 4), "TC-11", "Wg 11.1",
	// "802.18 TAG": a designator and its number, after the acronym of the
	// body that owns it.
	reGroupNumber = regexp.MustCompile(`\b(?:[A-Z]{2,5}(?:[/-][A-Z]{1,4})?[\s-]|[A-Z]{2,5}/)?(?:WP\s?\d{1,2}/\d{1,2}\b|JTC\s?1/[A-Z]{3,6}\b|(?:JTC|SC|WG|Wg|SG|AHG|AG|TC|PC|JWG|TF|SWG|WP|TG|TAG)(?:\s|-\s?)?\d{1,3}(?:\.\d{1,2})?[A-F]?(?:/(?:SC|WG|SG|AG|JWG|TF|SWG|WP|TG)\s?\d{1,3}[A-F]?)*|\d{3}(?:\.\d{1,2})?\s(?:TAG|WG|TG|SG))\b`)
	// ISO and IEC numbers, NIST publications, ITU-T recommendations,
	// project stages ("PWI5957"), acronyms with versions ("CCM v4").
	reStdNumber = regexp.MustCompile(`\b(?:ISO(?:/IEC)?(?:[\s/]?(?:(?:NP|AWI|PWI)\s)?(?:TS|TR|PAS|DIS|FDIS|IS|DTS|DTR))?[\s-]?\d{3,5}(?:[-:]\d{1,4})*|NIST\s?(?:SP|IR|FIPS)?\s?\d{3}[.-]\d{1,3}(?:-\d{1,2})?[A-Za-z]?(?:\s?[Rr]ev(?:ision)?\.?\s?\d)?|FIPS\s?\d{3}(?:-\d)?|ITU-T\s+[A-Z]\.\d{1,4}(?:\.\d+)?|(?:PWI|NWIP|NP|WD|CD|DIS|FDIS|DTR|DTS|AWI)\s?\d{4,5}|RFC\s?\d{3,5}|[A-Z]{2,6}\s?v\d+(?:\.\d+)*|IEEE\s+(?:Std\.?\s+)?P?\d{3,5}(?:\.\d{1,2})?[a-z]?(?:-\d{4})?|P\d{4}(?:\.\d{1,2})?)\b`)
	// OMG-style document numbers: "liaison/23-03-01".
	// "liaison/23-03-01"; "w3c/process#1151", an issue or pull request.
	reDocNumber = regexp.MustCompile(`\b([a-z]{2,12}/\d{2}-\d{2}-\d{2}|[a-z][\w.-]{1,38}/[\w.-]{1,99}#\d{1,6})\b`)
)

// recognise finds the names in s, left to right, longest first where two
// overlap.
func (r *reader) recognise(s string) []mention {
	var ms []mention
	ms = append(ms, r.definitions(s)...)
	ms = append(ms, numberedGroups(s)...)
	ms = append(ms, dashedGroups(s)...)
	ms = append(ms, standardNumbers(s)...)
	ms = append(ms, documentNumbers(s)...)
	ms = append(ms, liaisonTitles(s)...)
	// Organizations before groups: "Object Management Group" is one,
	// "JAG Group on Trustworthiness" (longer) a group.
	ms = append(ms, headNames(s, reOrgName, LabelOrganization, ruleOrgSuffix)...)
	ms = append(ms, headNames(s, reGroupName, LabelWorkingGroup, ruleGroupSuffix)...)
	ms = append(ms, lowerHeadGroups(s)...)
	ms = append(ms, innerAcronymGroups(s)...)
	ms = append(ms, groupTokens(s)...)
	ms = append(ms, prefixedGroups(s)...)
	ms = append(ms, headNames(s, reStdName, LabelStandard, ruleStdSuffix)...)
	ms = append(ms, r.acronymStandards(s)...)
	ms = append(ms, headNames(s, reDocName, LabelDocument, ruleDocTitle)...)
	ms = append(ms, projectNames(s)...)
	ms = append(ms, orgUnits(s)...)
	ms = append(ms, quotedTitles(s)...)
	ms = append(ms, membershipOrgs(s)...)
	ms = append(ms, representedOrgs(s)...)
	ms = append(ms, jaDocuments(s)...)
	ms = append(ms, jaReports(s)...)
	ms = append(ms, jaDrafts(s)...)
	ms = append(ms, jaPlans(s)...)
	if hasCJK(s) {
		ms = append(ms, jaNames(s)...)
	}
	ms = append(ms, r.knownNames(s)...)
	return pick(r.withOwners(s, preferDefined(numberedTitles(dropPlaceholders(dropNumberLed(ms))))))
}

var reLongNumber = regexp.MustCompile(`\d{4}`)

// dropNumberLed drops the bodies whose name starts with a standard's
// number: "ISO/IEC DTS 23167 Common Technologies" is the standard and its
// title, no company of Technologies.
func dropNumberLed(ms []mention) []mention {
	out := ms[:0:0]
	for _, m := range ms {
		if m.label == LabelOrganization || m.label == LabelWorkingGroup {
			// A body's number ("IEEE 802 Executive Committee") has fewer
			// digits than a standard's.
			if k := reStdNumber.FindStringIndex(m.name); k != nil && k[0] == 0 && k[1] < len(m.name) && reLongNumber.MatchString(m.name[:k[1]]) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// reAcronymStd is an acronym before a word for what a standard is, in
// lower case: "the CIM schema", "CIM model", "an XYZ specification".
var reAcronymStd = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,7})\s+(?:schema|model|specification|protocol|standard)\b`)

// acronymStandards finds the standards named by acronym before such a
// word; the acronym of a body the page knows is no standard.
func (r *reader) acronymStandards(s string) []mention {
	var out []mention
	for _, m := range reAcronymStd.FindAllStringSubmatchIndex(s, -1) {
		acr := s[m[2]:m[3]]
		if r.knownOrg(acr) || r.d.findAny(acr, LabelWorkingGroup) != nil || isCountryCode(acr) {
			continue
		}
		out = append(out, mention{label: LabelStandard, name: acr, start: m[2], end: m[3], rule: ruleStdSuffix})
	}
	return out
}

// placeholderWords are the words of a template's blanks: "(FULL DOCUMENT
// TITLE)", "[NAME OF ORGANIZATION]".
var placeholderWords = map[string]bool{"TITLE": true, "NAME": true, "DATE": true, "INSERT": true, "ENTER": true, "YOUR": true}

// dropPlaceholders drops names that are a template's blanks: a few
// capitalised words in brackets, one of them a blank's word.
func dropPlaceholders(ms []mention) []mention {
	return slices.DeleteFunc(ms, func(m mention) bool { return isPlaceholder(m.name) })
}

func isPlaceholder(name string) bool {
	t := strings.TrimSpace(name)
	if t == "" || !strings.ContainsAny(t[:1], "([<{") || strings.ToUpper(t) != t {
		return false
	}
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if placeholderWords[w] {
			return true
		}
	}
	return false
}

// preferDefined drops a name that runs on before a long form the page
// defines: "Notes of the Desert Gadget Consortium (DGC)" names the Desert
// Gadget Consortium.
func preferDefined(ms []mention) []mention {
	var out []mention
	for _, m := range ms {
		longer := false
		for _, d := range ms {
			if d.rule == ruleAcronymDef && d.end == m.end && d.start > m.start && m.rule != ruleAcronymDef {
				longer = true
				break
			}
		}
		if !longer {
			out = append(out, m)
		}
	}
	return out
}

// withOwners finds the owner of each name of a group, event, document or
// standard: an organization written just before it ("Cloud Security
// Alliance ACM-WG", "CSA’s IoT Working Group") or as its first word
// ("OMG Cloud Working Group"). A multi-word owner or a possessive is taken
// off the name; an acronym stays in it, as such names are written.
func (r *reader) withOwners(s string, ms []mention) []mention {
	var orgs, dropped []mention
	for _, m := range ms {
		if m.label == LabelOrganization {
			orgs = append(orgs, m)
		}
	}
	for i := range ms {
		m := &ms[i]
		// "GADA’s Gizmo Initiative": an organization's own program.
		possOrg := m.label == LabelOrganization && rePossessiveOwner.MatchString(m.name)
		if m.label == LabelPerson || m.label == LabelTopic || m.label == LabelOrganization && !orgUnit(m.name) && !possOrg {
			continue
		}
		for _, o := range orgs {
			switch {
			case o.start == m.start && o.end < m.end && ownAcronym(o.name, s[o.end:m.end]):
				// "CMWG Cloud Management Working Group": the group's own
				// acronym before its name, no owner.
				dropped = append(dropped, o)
				m.start = o.end + len(s[o.end:m.end]) - len(strings.TrimLeft(s[o.end:m.end], " "))
				m.name, m.acr = cleanName(s[m.start:m.end]), o.name
			case o.start == m.start && o.end < m.end:
				rest := s[o.end:m.end]
				if r := strings.TrimSpace(strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(rest, "’s"), "'s"), " -")); m.label == LabelWorkingGroup && headLabel(r) != LabelWorkingGroup && !reGroupToken.MatchString(r) && !hasCJK(r) {
					continue // "Study Group 5": the head is not an owner
				}
				if hasCJK(rest) && bareGroupWords(strings.TrimLeft(rest, " の")) {
					// "推進機構分科会": a 分科会 about the body, named by it,
					// not a part of it; the body is named all the same.
					m.inside = o.name
					continue
				}
				poss := strings.HasPrefix(rest, "’s ") || strings.HasPrefix(rest, "'s ")
				if !poss && !strings.HasPrefix(rest, " ") && !strings.HasPrefix(rest, "-") && !hasCJK(rest) {
					continue
				}
				m.owner = o.name
				// "ACRL’s Strategic Plan" keeps its owner: without it, a
				// title of two words is anyone's plan.
				keep := poss && m.label == LabelDocument && len(strings.Fields(rest)) <= 3
				// "GGC 1部品対応小委員会": a Latin name glued to the Japanese
				// words after it is written as part of the name.
				keep = keep || !hasCJK(o.name) && hasCJK(rest) && !strings.HasPrefix(rest, " ") && !strings.HasPrefix(rest, "の")
				// "JTC 1 Secretariat": a head alone after the owner names
				// the owner's body of that kind, by both.
				keep = keep || !poss && m.label == LabelWorkingGroup && (contains(groupHeads, strings.TrimSpace(rest)) || reWordDesignator.MatchString(rest))
				if (poss || !isAcronym(o.name) || hasCJK(rest)) && !keep {
					cut := len(rest) - len(strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(rest, "’s"), "'s"), " -の"))
					m.start = o.end + cut
					m.name = cleanName(s[m.start:m.end])
				}
			case o.end <= m.start && m.start-o.end <= 4 && strings.Trim(strings.TrimPrefix(strings.TrimPrefix(s[o.end:m.start], "’s"), "'s"), " の") == "":
				m.owner = o.name
			}
			if m.owner != "" {
				break
			}
		}
		if m.owner == "" {
			// A known organization as the first word: "OMG Cloud WG".
			w, _, ok := strings.Cut(m.name, " ")
			w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
			_, known := r.lex.orgs[key(w)]
			if ok && (known || siteLike(w, r.lex.site) && isAcronym(w)) && key(w) != key(m.name) {
				m.owner = w
			}
		}
	}
	return slices.DeleteFunc(ms, func(m mention) bool {
		return slices.ContainsFunc(dropped, func(o mention) bool { return o.start == m.start && o.end == m.end && o.label == m.label })
	})
}

// rePossessiveOwner is an acronym's possessive opening a name.
var rePossessiveOwner = regexp.MustCompile(`^[A-Z][A-Za-z0-9&-]*[A-Z][A-Za-z0-9&-]*(?:’s|'s) \p{Lu}`)

// ownAcronym tells an acronym written before the name it stands for:
// "CMWG" before "Cloud Management Working Group".
func ownAcronym(acr, rest string) bool {
	rest = strings.TrimSpace(rest)
	return isAcronym(acr) && slices.Contains(initials(rest), strings.ToLower(acr))
}

// pick keeps, of overlapping mentions, the one that starts first, then the
// longest, then the one of the more specific rule.
func pick(ms []mention) []mention {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end-ms[i].start > ms[j].end-ms[j].start
	})
	var out []mention
	for _, m := range ms {
		if len(out) > 0 && m.start == out[len(out)-1].start && m.end == out[len(out)-1].end {
			// One name read by two rules: keep what each knows.
			last := &out[len(out)-1]
			if last.owner == "" {
				last.owner = m.owner
			}
			if last.acr == "" {
				last.acr = m.acr
			}
			continue
		}
		if len(out) > 0 && m.start < out[len(out)-1].end {
			last := &out[len(out)-1]
			// A longer name that starts inside the last one (the owner
			// "OMG" before "OMG Cloud WG" was taken first) replaces it.
			if m.end-m.start > last.end-last.start && m.start == last.start {
				*last = m
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// headNames finds names ending in a head noun with re, whose first group
// is the name (and second an "of ..." tail, third a number).
func headNames(s string, re *regexp.Regexp, label, rule string) []mention {
	var out []mention
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		start, end := m[2], m[1]
		if m[4] >= 0 && reDatedTail.MatchString(s[m[4]:]) {
			// "Security Task Force on 5 March 2019": the tail is a date.
			end = strings.LastIndex(s[:m[4]], " ")
			end = strings.LastIndex(s[:end], " ")
			if end <= start {
				continue
			}
		}
		name := s[start:end]
		name, start = afterSentenceEnd(name, start)
		name, start = trimLead(name, start)
		if label == LabelOrganization {
			name, start = afterTitledSlash(s, name, start)
		}
		if label == LabelOrganization || label == LabelWorkingGroup {
			name, start = afterPersonOf(name, start)
			name, start = afterPersonDash(name, start)
			name, start = trimRecordWords(name, start)
			name, start = afterJoint(name, start)
		}
		if name == "" || genericName(name, label) || reIndefinite.MatchString(s[:start]) || label == LabelStandard && postTitle(name) {
			continue
		}
		// "AG 15 Standards & Regulations": a numbered group and its
		// title, no standard.
		if label != LabelWorkingGroup && label != LabelOrganization {
			if g := reGroupNumber.FindStringIndex(name); g != nil && g[0] == 0 {
				continue
			}
		}
		name = strings.TrimRight(name, " ,;:")
		if strings.HasSuffix(name, ".") && !legalAbbrev[strings.ToLower(lastWord(name)+".")] && !strings.HasSuffix(name, "e.V.") {
			name = strings.TrimSuffix(name, ".")
		}
		// "Senior Policy Analyst": a document's head before a title
		// word is part of the title.
		if label == LabelDocument || label == LabelStandard {
			if w := firstWord(s[start+len(name):]); w != "" && reTitleWord.MatchString(w) {
				continue
			}
		}
		// "IoT Security Controls Framework guide": a lower-case document
		// word after the name makes it a document.
		if w := firstWord(s[start+len(name):]); label == LabelStandard && w != "" && !isCapWord(w) && contains(lowerDocWords, w) {
			out = append(out, mention{label: LabelDocument, name: cleanName(name + " " + w), start: start, end: start + len(name) + 1 + len(w), rule: ruleDocTitle})
			continue
		}
		// "Object Management Group" is an organization, "OMG Cloud
		// Working Group" a group: the longest head decides.
		if h := headLabel(name); h != "" && h != label {
			continue
		}
		// "Standards Secretariat and International Standardisation
		// Council": two names joined by "and".
		for _, part := range splitAnd(name, start) {
			out = append(out, mention{label: headLabel(part.name), name: cleanName(part.name), start: part.start, end: part.start + len(part.name), rule: rule})
			if out[len(out)-1].label == "" {
				out[len(out)-1].label = label
			}
		}
	}
	return out
}

var lowerDocWords = []string{"guide", "guidance", "paper", "whitepaper", "document", "report", "charter", "handbook"}

type namePart struct {
	name  string
	start int
}

// splitAnd splits a name at " and " where the words before it already end
// in a head noun of their own.
func splitAnd(name string, start int) []namePart {
	k := strings.Index(name, " and ")
	if k < 0 || strings.HasSuffix(name[:k], ",") {
		return []namePart{{name, start}} // "Business, Innovation, and Employment" is one list
	}
	left := name[:k]
	if headLabel(left) == "" || genericName(left, headLabel(left)) && suffixLabel(left) != "" {
		return []namePart{{name, start}}
	}
	// "… Alliance and the Open Gear Alliance": the second name starts
	// after its article.
	right, at := trimLead(name[k+5:], start+k+5)
	// "Institute for Genomics and Systems Biology": what the head is for
	// goes on past the "and".
	if suffixLabel(left) == "" && headLabel(right) == "" {
		return []namePart{{name, start}}
	}
	return append([]namePart{{left, start}}, splitAnd(right, at)...)
}

// reJoint is where a title-case phrase joins two things: "Liaison Between
// SC 2 and the World Wide Web Consortium", "Agreement With the Gear Guild".
var reJoint = regexp.MustCompile(` (?:Between|With|Among|Amongst|To|From|Via|Through|Towards|and the) `)

// afterJoint keeps, of a name a title-case phrase runs into, what follows
// its last joint: the body at the end.
func afterJoint(name string, start int) (string, int) {
	ks := reJoint.FindAllStringIndex(name, -1)
	if ks == nil {
		return name, start
	}
	last := ks[len(ks)-1]
	if name[last[0]:last[1]] == " and the " && headLabel(name[:last[0]]) != "" {
		return name, start // "… Flight Center and the Gear Consortium": splitAnd's two names
	}
	return trimLead(name[last[1]:], start+last[1])
}

// trimLead drops leading words that are not part of a name, and moves
// start past them.
func trimLead(name string, start int) (string, int) {
	// "2018-07-12 Gear Working Group Minutes": the date is the meeting's.
	if d := reISODate.FindStringIndex(name); d != nil && d[0] == 0 && d[1] < len(name) {
		rest := strings.TrimLeft(name[d[1]:], " ")
		start += len(name) - len(rest)
		name = rest
	}
	// "PART I. General Assembly", "Section 2. Working Groups": a
	// document's part before what it is about.
	if m := rePartLead.FindString(name); m != "" && len(m) < len(name) {
		start += len(m)
		name = name[len(m):]
	}
	for {
		w, rest, ok := strings.Cut(name, " ")
		// "Minutes of the X Working Group" names the group, not the record;
		// "Question 11/1 of ITU-D Study Group 1" a question of the group.
		record := (recordLead[w] || titleLead[w] || reQuestionNo.MatchString(w)) && strings.HasPrefix(rest, "of ") ||
			addressLead[w] && reAddressed.MatchString(rest)
		if !ok || !leadWords[w] && !smallWords[w] && w != "as" && !record {
			return name, start
		}
		start += len(w) + 1
		name = strings.TrimLeft(rest, " ")
		start += len(rest) - len(name)
	}
}

// afterSentenceEnd is the part of a name after the last sentence end
// inside it: "FTAM and ODA. The Regional Workshop Committee" names the
// committee. An abbreviation's stop ("U.S. Department", "St. Louis") ends
// no sentence.
func afterSentenceEnd(name string, start int) (string, int) {
	k := strings.LastIndex(name, ". ")
	if k < 0 {
		return name, start
	}
	w := name[strings.LastIndexAny(name[:k], " ")+1 : k]
	if len(w) < 2 || strings.Contains(w, ".") || abbrevWords[w] || !strings.ContainsFunc(w, unicode.IsLetter) {
		return name, start
	}
	return name[k+2:], start + k + 2
}

// reHonorificEnd is a courtesy title right before a name.
var reHonorificEnd = regexp.MustCompile(`\b(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+$`)

// afterTitledSlash is the part of an organization's name after a titled
// person's surname and a slash: "Dr. Rannenberg/Goethe University" names
// Goethe University.
func afterTitledSlash(s, name string, start int) (string, int) {
	sur, rest, ok := strings.Cut(name, "/")
	if !ok || strings.Contains(sur, " ") || !reHonorificEnd.MatchString(s[:start]) {
		return name, start
	}
	return rest, start + len(sur) + 1
}

// abbrevWords end with a stop that ends no sentence.
var abbrevWords = map[string]bool{"Inc": true, "Co": true, "Corp": true, "Ltd": true, "St": true, "Dr": true, "Mr": true, "Ms": true, "Mrs": true, "No": true, "Jr": true, "Sr": true, "Prof": true, "Dept": true, "Univ": true, "vs": true, "Std": true, "Vol": true, "Rev": true, "Ed": true}

// rePrefixedGroup is a group named with its kind first, as open-source
// foundations name theirs: "TAG Security and Compliance", "SIG Auth".
var rePrefixedGroup = regexp.MustCompile(`\b(?:TAG|SIG)\s+(\p{Lu}[\w-]*(?:\s+(?:and|&)\s+\p{Lu}[\w-]*|\s+\p{Lu}[\w-]*){0,3})`)

// prefixedGroups finds the groups rePrefixedGroup names; a post or a
// meeting after the kind ("SIG Chairs", "TAG Meetings") names none.
func prefixedGroups(s string) []mention {
	var out []mention
	for _, m := range rePrefixedGroup.FindAllStringSubmatchIndex(s, -1) {
		first := firstWord(s[m[2]:m[3]])
		if _, _, ok := roleOf(first); ok || meetingWords[strings.ToLower(first)] {
			continue
		}
		end := m[1]
		for w := lastWord(s[m[0]:end]); meetingWords[strings.ToLower(w)] && end-len(w) > m[2]; w = lastWord(s[m[0]:end]) {
			end = strings.LastIndex(s[:end], " ") // "TAG Security Meetings" is the TAG's meetings
		}
		out = append(out, mention{label: LabelWorkingGroup, name: s[m[0]:end], start: m[0], end: end, rule: ruleGroupSuffix})
	}
	return out
}

// meetingWords are words for a group's meetings and papers, not a part
// of its name.
var meetingWords = map[string]bool{"meeting": true, "meetings": true, "call": true, "calls": true, "minutes": true, "agenda": true, "notes": true, "members": true, "charter": true}

// reQuestionNo is the number of a question or item a group studies:
// "11/1", "3".
var reQuestionNo = regexp.MustCompile(`^\d+(?:/\d+)?$`)

// reTitleWord is a word that ends a person's title.
var reTitleWord = regexp.MustCompile(`^(?:Analyst|Officer|Manager|Director|Advisor|Adviser|Lead|Leader|Architect|Engineer|Specialist|Counsel|Consultant|Strategist|Coordinator|Expert)$`)

// reDatedTail is a date where a name's "on …" or "of …" tail would be.
var reDatedTail = regexp.MustCompile(`^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|^\d{1,4}[-/.]\d{1,2}\b|^\d{1,2}\s*$`)

// rePersonOf is a person's name and "of" before the body they are of:
// "Ada Wrench of the Gear Working Group".
var rePersonOf = regexp.MustCompile(`^(?:Dr\.?\s+|Prof\.?\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+(?:of|from)\s+(?:the\s+)?`)

// afterPersonOf cuts a person's name and "of" off the front of a name.
// The cut is made only where the front has no head word of its own,
// so "University of Gears" keeps its whole name.
func afterPersonOf(name string, start int) (string, int) {
	m := rePersonOf.FindString(name)
	if m == "" || len(m) == len(name) || headLabel(strings.TrimSpace(strings.Fields(m)[0])) != "" {
		return name, start
	}
	front := strings.Fields(m)
	for _, w := range front {
		if slices.Contains(orgHeads, w) || slices.Contains(groupHeads, w) || slices.Contains(standardHeads, w) || slices.Contains(documentHeads, w) {
			return name, start
		}
	}
	return name[len(m):], start + len(m)
}

// afterPersonDash drops a person's name and the dash after it from the
// front of a body's name: "Olga Cavalli- Nominating Committee", a roster
// line, names the Nominating Committee.
func afterPersonDash(name string, start int) (string, int) {
	k := strings.Index(name, "- ")
	if k <= 0 || !nameShaped(strings.TrimSpace(name[:k])) {
		return name, start
	}
	cut := k + len("- ")
	return name[cut:], start + cut
}

// postTitle tells a post's title ending in a standard's head word:
// "Senior Vice President Services" is a post, no standard.
func postTitle(name string) bool {
	w := strings.Fields(name)
	return len(w) > 1 && !slices.ContainsFunc(w[:len(w)-1], func(x string) bool { return !postWords[x] })
}

// rePartLead is a numbered part of a document.
var rePartLead = regexp.MustCompile(`^(?:PART|Part|SECTION|Section|CHAPTER|Chapter|ANNEX|Annex)\s+(?:[IVX]{1,5}|\d{1,2}|[A-H])[.:]?\s+`)

// titleLead are the roles written before the body they are a role of:
// "Chair of the Widget Group" names the group.
var titleLead = map[string]bool{
	"Chair": true, "Chairman": true, "Chairwoman": true, "Chairperson": true, "Co-Chair": true, "Vice-Chair": true,
	"President": true, "Director": true, "Secretary": true, "Treasurer": true, "Member": true, "Members": true,
	"Head": true, "Leader": true, "Convener": true, "Convenor": true, "Editor": true, "Liaison": true,
	"Partners": true, "Sponsors": true, "Participants": true,
}

// recordLead are the records a title may name before what it is about.
// trimRecordWords drops the words of a record's title before a body's
// name: "Meeting Narrative Minutes Internet Engineering Steering Group" is
// the minutes of the Internet Engineering Steering Group.
func trimRecordWords(name string, start int) (string, int) {
	words := strings.Fields(name)
	n := 0
	for n < len(words) && (recordLead[words[n]] || words[n] == "Meeting" || words[n] == "Narrative") {
		n++
	}
	if n == 0 || !slices.Contains(words[:n], "Minutes") && !slices.Contains(words[:n], "Agenda") || len(words)-n < 2 {
		return name, start
	}
	at := strings.Index(name, words[n])
	return name[at:], start + at
}

var recordLead = map[string]bool{
	"Minutes": true, "Agenda": true, "Notes": true, "Summary": true, "Record": true, "Proceedings": true,
	"Review": true, "Discussion": true, "Meeting": true, "Meetings": true, "Report": true, "Session": true,
}

// addressLead are the kinds of message named after the body they go to
// or come from: "Liaison to the Data Task Force" names the task force.
var addressLead = map[string]bool{
	"Liaison": true, "Letter": true, "Reply": true, "Response": true, "Statement": true, "Message": true,
	"Invitation": true, "Comments": true, "Contribution": true,
}

var reAddressed = regexp.MustCompile(`^(?:to|from|with)\s`)

// genericName tells a kind from a name: "Working Group", "Task Force",
// "Special Interest Group", "Board" alone name no group.
func genericName(name, label string) bool {
	words := strings.Fields(name)
	heads := map[string][]string{LabelWorkingGroup: groupHeads, LabelOrganization: orgHeads, LabelStandard: standardHeads, LabelDocument: documentHeads}[label]
	rest, head := name, ""
	for _, h := range heads {
		if strings.HasSuffix(rest, h) {
			rest, head = strings.TrimSpace(strings.TrimSuffix(rest, h)), h
			break
		}
	}
	if rest == "" {
		return true
	}
	if len(words) < 2 {
		return true
	}
	// "GADA Standard", "GADA Specifications": a body's standards as a
	// kind (a status, a section), none by name.
	if label == LabelStandard && isAcronym(rest) && (head == "Standard" || strings.HasSuffix(head, "s")) {
		return true
	}
	// "Joint Committee", "Regional Board": a word that says which kind of
	// body, not which body. "a Technical Committee" is refused for its
	// article, by the caller.
	// "Supporting Organisation", "Associate Member": a kind of
	// membership a form offers.
	return genericModifiers[strings.ToLower(rest)] || membershipKinds[strings.ToLower(rest)]
}

var genericModifiers = map[string]bool{
	"organizing": true, "organising": true, "new": true, "other": true, "relevant": true, "special": true,
	"special interest": true, "domain": true, "working": true, "joint": true, "sub": true, "local": true,
	"regional": true, "related": true, "existing": true, "formal": true, "informal": true, "member": true,
	"respective": true, "appropriate": true, "first": true, "final": true, "single": true, "common": true,
	"each": true, "parent": true, "standing": true, "permanent": true, "ad hoc": true, "international": true,
	"target": true, "external": true, "partner": true, "peer": true, "host": true, "sponsoring": true,
	"active": true, "current": true, "approved": true, "published": true, "archived": true, "withdrawn": true,
	"superseded": true, "inactive": true, "our": true, "all": true, "upcoming": true, "past": true,
}

// numberedGroups finds groups named by their committee numbers.
func numberedGroups(s string) []mention {
	var out []mention
	for _, m := range reGroupNumber.FindAllStringIndex(s, -1) {
		name := s[m[0]:m[1]]
		label := LabelWorkingGroup
		if bare := designator(name); !strings.Contains(bare, "/") && strings.HasPrefix(bare, "JTC") {
			label = LabelOrganization // a joint technical committee is a body of its own
		}
		mm := mention{label: label, name: name, start: m[0], end: m[1], rule: ruleGroupNumber}
		// "ITU-T SG16", "IEEE 802.18 TAG": the body's acronym before the
		// number is its owner.
		if bare := designator(name); label == LabelWorkingGroup && bare != name && !strings.Contains(bare, "/") {
			mm.owner = strings.TrimRight(strings.TrimSuffix(name, bare), "/ ")
		}
		out = append(out, mm)
	}
	return out
}

// reInnerGroupWord is a group word inside a run, before "and": where a
// second group's name starts.
var reInnerGroupWord = regexp.MustCompile(`(?:S?WG|SIG|TF|DTF) (?:and|&|or|of) `)

// designator drops the owning body's acronym from a numbered group:
// "ISO/IEC JTC 1" is "JTC 1".
func designator(name string) string {
	if i := strings.IndexByte(name, ' '); i > 0 && reAcronymWord.MatchString(name[:i]) && !unicode.IsDigit(rune(name[i+1])) {
		return name[i+1:]
	}
	if reOwnerSlash.MatchString(name) {
		return name[strings.IndexByte(name, '/')+1:] // "ISO/TC 215" is "TC 215" of ISO
	}
	return name
}

// reOwnerSlash is a body's acronym a slash joins to its committee's
// number: the "ISO/" of "ISO/TC 215".
var reOwnerSlash = regexp.MustCompile(`^[A-Z]{2,5}/(?:TC|SC|JTC)`)

var reAcronymWord = regexp.MustCompile(`^[A-Z]{2,5}(?:[/-][A-Z]{1,4})?$`)

// groupTokens finds groups written with a short group word: "P3WG",
// "ACM-WG", "IoT WG".
func groupTokens(s string) []mention {
	var out []mention
	for _, m := range reGroupToken.FindAllStringSubmatchIndex(s, -1) {
		start, end := m[2], m[1]
		name := s[start:end]
		// "P3WG and ACM-WG" are two groups.
		if ks := reInnerGroupWord.FindAllStringIndex(name, -1); ks != nil {
			cut := ks[len(ks)-1][1]
			for _, mm := range groupTokens(s[start : start+strings.LastIndex(name[:cut-1], " ")]) {
				mm.start, mm.end = mm.start+start, mm.end+start
				out = append(out, mm)
			}
			name, start = name[cut:], start+cut
		}
		name, start = trimLead(name, start)
		if name == "" || name == s[m[4]:m[5]] {
			continue
		}
		if genericBefore(s[:start]) {
			continue // "the relevant OMG TC" is whichever TC it is
		}
		if separateOnly[s[m[4]:m[5]]] && strings.HasPrefix(s[m[5]:], "-") {
			continue // "CG-AISEC-STRAT" is a name of its own
		}
		if glued := m[4] > 0 && s[m[4]-1] != ' ' && s[m[4]-1] != '-' && !longerGroupWord(s, m[4], m[5]); glued && separateOnly[s[m[4]:m[5]]] {
			continue // "ETC", "BIG": no group word
		}
		if gluedTaskForce(s, m[4], m[5]) {
			continue // the lexicon's: "IETF" (taskForceBodies)
		}
		out = append(out, mention{label: LabelWorkingGroup, name: name, start: start, end: end, rule: ruleGroupSuffix})
	}
	return out
}

// genericBefore tells a name that an article or a modifier before it makes
// a kind: "a W3C CG", "the relevant OMG TC".
func genericBefore(before string) bool {
	f := strings.Fields(before)
	return reIndefinite.MatchString(before) || len(f) > 0 && whicheverWords[strings.ToLower(f[len(f)-1])]
}

// whicheverWords before a group's name say it is whichever group of that
// kind the case needs.
var whicheverWords = map[string]bool{
	"relevant": true, "appropriate": true, "respective": true, "responsible": true, "corresponding": true, "competent": true,
}

// reWordDesignator is a group numbered in words: "Study Group 17", whose
// owner stays in its name ("ITU-T Study Group 17"), as the number alone
// says nothing.
var reWordDesignator = regexp.MustCompile(`^\s*(?:Study Group|Working Group|Working Party|Technical Committee|Subcommittee|Task Group|Focus Group|Work Group|Expert Group)\s+\d`)

// separateOnly are the short group words that name a group only as a word
// of their own: "Process CG" (a community group), "SAML TC", "Crypto RG".
var separateOnly = map[string]bool{"CG": true, "IG": true, "BG": true, "TC": true, "RG": true, "XG": true}

// reInnerAcronymGroup is a group named after a thing with the thing's
// acronym inside: "Open Science Data Cloud (OSDC) Working Group".
var reInnerAcronymGroup = func() *regexp.Regexp {
	hs := append([]string(nil), groupHeads...)
	sort.Slice(hs, func(i, j int) bool { return len(hs[i]) > len(hs[j]) })
	for i, h := range hs {
		hs[i] = regexp.QuoteMeta(h)
	}
	return regexp.MustCompile(`\b(` + nameRun + `)\s+\(([A-Z][A-Za-z0-9&-]{1,9})\)\s+(` + strings.Join(hs, "|") + `)\b`)
}()

// innerAcronymGroups finds the groups reInnerAcronymGroup names, with the
// acronym in the name as the text writes it and the name without it as an
// alias.
func innerAcronymGroups(s string) []mention {
	var out []mention
	for _, m := range reInnerAcronymGroup.FindAllStringSubmatchIndex(s, -1) {
		name, start := trimLead(s[m[2]:m[1]], m[2])
		thing, _ := trimLead(s[m[2]:m[3]], m[2])
		if thing == "" || genericName(thing+" "+s[m[6]:m[7]], LabelWorkingGroup) {
			continue
		}
		out = append(out, mention{label: LabelWorkingGroup, name: name, alias: thing + " " + s[m[6]:m[7]], start: start, end: m[1], rule: ruleGroupSuffix})
	}
	return out
}

// numberedTitles reads a document's title that starts with a standard's
// number ("IEEE Std. 2301-2020 Guide for Cloud Portability …") as the
// standard, with the words after the number as its title.
func numberedTitles(ms []mention) []mention {
	for k, m := range ms {
		if m.label != LabelDocument {
			continue
		}
		loc := reStdNumber.FindStringIndex(m.name)
		if loc == nil || loc[0] != 0 || loc[1] == len(m.name) {
			continue
		}
		title := strings.TrimSpace(m.name[loc[1]:])
		ms[k] = mention{label: LabelStandard, name: m.name[:loc[1]], alias: title, start: m.start, end: m.end, rule: ruleStdNumber}
	}
	return ms
}

// gluedTaskForce tells a "TF" run into the word before it: "IETF" is a
// body's acronym, where "P3WG" and "ACM-WG" are groups.
func gluedTaskForce(s string, at, end int) bool {
	return s[at:end] == "TF" && at > 0 && s[at-1] != ' ' && s[at-1] != '-' && !longerGroupWord(s, at, end)
}

// longerGroupWord tells a group word whose first letter the regexp gave to
// the name before it: "Security DTF", "Cloud SIG", "Gadget SWG".
func longerGroupWord(s string, at, end int) bool {
	if at < 2 || s[at-2] != ' ' && s[at-2] != '-' {
		return false
	}
	switch s[at-1 : end] {
	case "DTF", "SIG", "SWG":
		return true
	}
	return false
}

func standardNumbers(s string) []mention {
	var out []mention
	for _, m := range reStdNumber.FindAllStringIndex(s, -1) {
		name := s[m[0]:m[1]]
		if strings.HasPrefix(name, "RFC") && len(name) <= 4 {
			continue
		}
		out = append(out, mention{label: LabelStandard, name: name, start: m[0], end: m[1], rule: ruleStdNumber})
	}
	return out
}

func documentNumbers(s string) []mention {
	var out []mention
	for _, re := range []*regexp.Regexp{reDocNumber, reRegisterNumber} {
		for _, m := range re.FindAllStringIndex(s, -1) {
			out = append(out, mention{label: LabelDocument, name: s[m[0]:m[1]], start: m[0], end: m[1], rule: ruleDocNumber})
		}
	}
	return out
}

// reRegisterNumber is a document of a standards committee's register,
// numbered after the committee: "ISO/IEC JTC 1 N 6040", "SC 2 N 3402",
// "JTC 1/SC 27 N1234", "WG 20 N 812", "ISO/IEC JTC1/SGFS/N755", "SGFS/N733".
var reRegisterNumber = regexp.MustCompile(`\b(?:ISO(?:/IEC)?\s+)?(?:(?:JTC\s?1|SC\s?\d{1,2}|WG\s?\d{1,2}|TC\s?\d{1,3})(?:\s?/\s?(?:SC\s?\d{1,2}|WG\s?\d{1,2}|[A-Z]{3,6}))*(?:\s+|/)|[A-Z]{3,6}/)N\s?\d{2,6}\b`)

// reLiaisonTitle is a liaison statement's title, which by custom starts
// with "LS": "LS on the progress of ...", "Reply LS to ...".
var reLiaisonTitle = regexp.MustCompile(`^\s*((?:Reply\s+)?(?:LS|Liaison [Ss]tatement)(?:/r)?\s+(?:on|to|from|regarding)\s+\S.{6,}?)\s*$`)

// liaisonTitles finds a line that is a liaison statement's title.
func liaisonTitles(s string) []mention {
	m := reLiaisonTitle.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	return []mention{{label: LabelDocument, name: s[m[2]:m[3]], start: m[2], end: m[3], rule: ruleDocTitle}}
}

// lowerHeads are the head nouns of every label, lower-cased once, in the
// order headLabel weighs them (a longer head wins; on a tie, the first).
var lowerHeads = func() []struct{ label, head, orig string } {
	var out []struct{ label, head, orig string }
	for _, set := range []struct {
		label string
		heads []string
	}{{LabelOrganization, orgHeads}, {LabelWorkingGroup, groupHeads}, {LabelStandard, standardHeads}, {LabelDocument, documentHeads}, {LabelEvent, eventHeads}} {
		for _, h := range set.heads {
			out = append(out, struct{ label, head, orig string }{set.label, strings.ToLower(h), h})
		}
	}
	return out
}()

// suffixLabel is the label a name's head noun at its end gives it.
func suffixLabel(name string) string {
	n := strings.TrimSpace(name)
	for _, set := range []struct {
		label string
		heads []string
	}{{LabelOrganization, orgHeads}, {LabelWorkingGroup, groupHeads}, {LabelStandard, standardHeads}, {LabelDocument, documentHeads}} {
		for _, h := range set.heads {
			if strings.HasSuffix(n, " "+h) {
				return set.label
			}
		}
	}
	return ""
}

// headLabel is the label a name's last words give it, or "".
func headLabel(name string) string {
	n := strings.TrimSpace(name)
	lower := strings.ToLower(n)
	best, bestLen := "", 0
	for _, h := range lowerHeads {
		if len(h.head) > bestLen && (lower == h.head && n == h.orig || strings.HasSuffix(lower, " "+h.head)) {
			best, bestLen = h.label, len(h.head)
		}
	}
	// "Organization for the Advancement of … Standards": a body's head
	// first outweighs the kind of thing it is for.
	if w := strings.Fields(n); (best == LabelStandard || best == LabelDocument) && len(w) >= 3 && (w[1] == "for" || w[1] == "of") && contains(orgHeads, w[0]) {
		return LabelOrganization
	}
	if best == "" {
		// "Consortium for IT Software Quality", "Certification of Cloud
		// Security Knowledge": the head first, then what it is of.
		if w := strings.Fields(n); len(w) >= 3 && (w[1] == "for" || w[1] == "of" || w[1] == "on") {
			for _, set := range []struct {
				label string
				heads []string
			}{{LabelOrganization, orgHeads}, {LabelWorkingGroup, groupHeads}, {LabelStandard, standardHeads}, {LabelDocument, documentHeads}} {
				if contains(set.heads, w[0]) {
					return set.label
				}
			}
		}
		if reGroupToken.MatchString(n) && reGroupToken.FindString(n) == n {
			return LabelWorkingGroup
		}
		if l := jaHeadLabel(n); l != "" {
			return l
		}
		if strings.HasSuffix(strings.ToLower(n), " project") {
			return LabelProject
		}
	}
	return best
}

// isCapWord tells whether w starts with a capital letter.
func isCapWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// reLowerHead finds a group whose head the text writes in lower case after
// a capitalised name: "Finance subcommittee", "Audit committee".
var reLowerHead = regexp.MustCompile(`\b((?:[A-Z][\w&-]*[ \t]+){1,3}(?:subcommittee|sub-committee|committee|working group|task force|council))\b`)

func lowerHeadGroups(s string) []mention {
	var out []mention
	for _, m := range reLowerHead.FindAllStringSubmatchIndex(s, -1) {
		name, start := trimLead(s[m[2]:m[3]], m[2])
		if name == "" || len(strings.Fields(name)) < 2 || reIndefinite.MatchString(s[:start]) || bareGroupWord(name) {
			continue // "This working group develops": which one, the page says elsewhere
		}
		out = append(out, mention{label: LabelWorkingGroup, name: name, start: start, end: m[3], rule: ruleGroupSuffix})
	}
	return out
}

// reDashedGroup is a line that names a group in words, then, after a
// dash, by its number: "Web services working group – WG 1".
var reDashedGroup = regexp.MustCompile(`^\s*([A-Z][\w ,&/'-]{2,60}?\s(?i:working group|study group|task group|task force|sub-?committee))\s*[–—-]\s*((?:WG|SG|TG|TF|SC|AG)\s?\d{1,3}[A-F]?)\s*$`)

// dashedGroups finds the group such a line names, its number as its
// short form.
func dashedGroups(s string) []mention {
	m := reDashedGroup.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	return []mention{{label: LabelWorkingGroup, name: s[m[2]:m[3]], acr: s[m[4]:m[5]], start: m[2], end: m[5], rule: ruleGroupDashed}}
}

// definitions finds the long forms the page defines acronyms for.
func (r *reader) definitions(s string) []mention {
	var out []mention
	for _, d := range r.lex.defs {
		if d.label == "" {
			continue
		}
		for _, at := range findWord(s, d.long) {
			if reIndefinite.MatchString(s[:at]) {
				continue // "a Technical Committee (TC)": a kind of body
			}
			out = append(out, mention{label: d.label, name: d.long, acr: d.short, start: at, end: at + len(d.long), rule: ruleAcronymDef})
		}
	}
	return out
}

// reProjectName is a project named with the word: "the CIRRUS project",
// "A4Cloud Project".
var (
	reProjectName   = regexp.MustCompile(`\b((?:` + nameRun + `))[ \t]+[Pp]roject\b`)
	reProjectPrefix = regexp.MustCompile(`\bProject[ \t]+([A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+){0,2})`)
)

func projectNames(s string) []mention {
	var out []mention
	for _, m := range reProjectName.FindAllStringSubmatchIndex(s, -1) {
		name, start := trimLead(s[m[2]:m[3]], m[2])
		// "NFV/SDN Position Paper Project Charter": a document's title.
		if name == "" || genericModifiers[strings.ToLower(name)] || strings.HasSuffix(name, "Charter") || headLabel("x "+firstWord(s[m[1]:])) == LabelDocument && isCapWord(firstWord(s[m[1]:])) {
			continue
		}
		out = append(out, mention{label: LabelProject, name: name, alias: s[start:m[1]], start: start, end: m[3], rule: ruleProjectName})
	}
	// "Project Matsu".
	for _, m := range reProjectPrefix.FindAllStringSubmatchIndex(s, -1) {
		if w := s[m[2]:m[3]]; !genericModifiers[strings.ToLower(w)] && !leadWords[w] && headLabel(w) == "" {
			out = append(out, mention{label: LabelProject, name: s[m[0]:m[1]], start: m[0], end: m[1], rule: ruleProjectName})
		}
	}
	return out
}

// Documents by their titles in quotes: “Serverless Computing in 2021”
// paper, the document "X", 『...』報告書.
var (
	reQuoted    = regexp.MustCompile(`[“"‘'「『]([^“”"‘’'「」『』]{4,160})[”"’'‘」』]`)
	reDocNounAt = regexp.MustCompile(`(?i)^\s*(?:paper|document|report|draft|specification|guide|guidance|whitepaper|white paper|deliverable|publication|note|letter|statement|presentation|slides|survey|charter|報告書|資料|ガイドライン|案|レポート|白書)`)
	reDocVerbAt = regexp.MustCompile(`(?i)(?:paper|document|report|draft|whitepaper|publication|titled|entitled|called|published|released|drafted|reviewed|approved|presented|read|資料|報告書|講演)\s*[:：]?\s*$`)
)

func quotedTitles(s string) []mention {
	var out []mention
	for _, m := range reQuoted.FindAllStringSubmatchIndex(s, -1) {
		title := strings.TrimSpace(s[m[2]:m[3]])
		open := s[m[0]:m[2]]
		if (open == "'" || open == "‘") && !strings.Contains(title, " ") {
			continue // an apostrophe, not a quote
		}
		after, before := s[m[1]:], s[:m[0]]
		// "「…」https://…": a title and its link, on a line of their own.
		after = reURLs.ReplaceAllString(after, "")
		capWords := 0
		for _, w := range strings.Fields(title) {
			if isCapWord(w) {
				capWords++
			}
		}
		cjk := hasCJK(title)
		standalone := strings.TrimSpace(before) == "" && strings.TrimSpace(after) == ""
		switch {
		case reDocNounAt.MatchString(after), reDocVerbAt.MatchString(before), reHandoutAt.MatchString(before):
		case standalone && (cjk || capWords >= 2):
		case cjk && (reJaDocHead.MatchString(title) || reJaIssuedAfter.MatchString(after) || strings.HasPrefix(after, "と題")):
		case !cjk && capWords >= 3 && capWords*2 >= len(strings.Fields(title)):
		default:
			continue
		}
		out = append(out, mention{label: LabelDocument, name: title, start: m[2], end: m[3], rule: ruleDocTitle})
	}
	return out
}

// reJaIssuedAfter is a verb of publishing right after a quoted title:
// 「…」を2022年に公開しました.
var reJaIssuedAfter = regexp.MustCompile(`^(?:を|の)(?:\d{4}\s?年(?:\s?\d{1,2}\s?月)?(?:\s?\d{1,2}\s?日)?に?)?(?:公開|発行|策定|刊行|公表|発表|作成|改訂|改定|出版|取りまとめ|とりまとめ)`)

// reJaDocHead ends a Japanese title that names a kind of document:
// 「…に関するガイドライン」 is one wherever it is quoted.
var reJaDocHead = regexp.MustCompile(`(?:ガイドライン|ガイドブック|ハンドブック|マニュアル|チェックリスト|指針|手引き?|報告書|白書|計画|戦略|方針|基準|要綱|要領|規程|提言|答申)$`)

// reJaPlan is a government's or a body's plan or policy named in prose,
// with its edition: "第1次情報セキュリティ基本計画", "サイバー行動計画".
var reJaPlan = regexp.MustCompile(`(?:第\d+次)?[\p{Han}\p{Katakana}ー・]{2,}(?:基本計画|行動計画|実施計画|推進計画|基本方針|基本戦略)`)

func jaPlans(s string) []mention {
	var out []mention
	for _, m := range reJaPlan.FindAllStringIndex(s, -1) {
		out = append(out, mention{label: LabelDocument, name: s[m[0]:m[1]], start: m[0], end: m[1], rule: ruleDocTitle})
	}
	return out
}

// reJaReport is a report or guideline named after "の" in prose:
// "経済産業省のDX(デジタルトランスフォーメーション)レポートは" names the
// ministry's DX report.
var reJaReport = regexp.MustCompile(`の(([A-Za-z0-9]+|[\p{Katakana}ー\p{Han}]+)(?:[(（][^()（）]{1,24}[)）])?(?:レポート|報告書|白書|ガイドライン))(?:[はがをにで、。]|$)`)

// reJaDraft is a draft put before a meeting, named with its mark (案):
// "中間とりまとめ(案)", "基本計画(案)".
var reJaDraft = regexp.MustCompile(`((?:[\p{Han}\p{Katakana}ー・々A-Za-z0-9]|とりまとめ|まとめ|あり方|在り方)+)\(案\)`)

func jaDrafts(s string) []mention {
	var out []mention
	for _, m := range reJaDraft.FindAllStringSubmatchIndex(s, -1) {
		if utf8.RuneCountInString(s[m[2]:m[3]]) < 2 {
			continue
		}
		out = append(out, mention{label: LabelDocument, name: s[m[2]:m[1]], start: m[2], end: m[1], rule: ruleDocTitle})
	}
	return out
}

func jaReports(s string) []mention {
	var out []mention
	for _, m := range reJaReport.FindAllStringSubmatchIndex(s, -1) {
		// "中間報告書", "年次報告書": a kind of report, not the title of one.
		if w := s[m[4]:m[5]]; reAllHan.MatchString(w) && utf8.RuneCountInString(w) < 3 {
			continue
		}
		out = append(out, mention{label: LabelDocument, name: s[m[2]:m[3]], start: m[2], end: m[3], rule: ruleDocTitle})
	}
	return out
}

// reHandoutAt ends the words before a quoted title that number it among a
// meeting's papers: "資料1「…」", "資料2がカラー刷りのもので「…」", "参考資料2が「…」".
var reHandoutAt = regexp.MustCompile(`(?:参考)?資料\s*\d+(?:[-−‐]\d+)?[^「」。、]{0,16}$`)

// Japanese papers of a meeting: "資料1:包括的データ戦略の検討の方向性(PDF/3,887KB)",
// "資料2-1 報告書案", "参考資料3 ...".
var reJaDoc = regexp.MustCompile(`^(?:参考)?資料\s*\d+(?:[-−ー‐]\d+)?\s*[:：\s]\s*(.+?)\s*(?:\((?:PDF|pdf|Word|Excel|PowerPoint)[^)]*\))?$`)

func jaDocuments(s string) []mention {
	m := reJaDoc.FindStringSubmatchIndex(strings.TrimSpace(s))
	if m == nil {
		return nil
	}
	off := len(s) - len(strings.TrimLeft(s, " "))
	title := strings.TrimSpace(s[off+m[2] : off+m[3]])
	if title == "" {
		return nil
	}
	return []mention{{label: LabelDocument, name: title, start: off + m[2], end: off + m[2] + len(title), rule: ruleDocTitle}}
}

// reOrgUnit is a unit of an organization written in lower case after its
// acronym: "CSA EMEA research team", "ISACA local chapter".
var reOrgUnit = regexp.MustCompile(`\b([A-Z][A-Z0-9]{1,7})((?:\s+[A-Z][A-Z0-9]{1,7})*)\s+(?:research|regional|local|national|technical|standards)\s+(?:team|office|chapter|branch|division)\b`)

func orgUnits(s string) []mention {
	var out []mention
	for _, m := range reOrgUnit.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, mention{label: LabelOrganization, name: s[m[0]:m[1]], owner: s[m[2]:m[3]], start: m[0], end: m[1], rule: ruleOrgSuffix})
	}
	return out
}

// orgUnit tells whether an organization's name is a unit of another: a
// chapter, branch, region, office ("CSA Bangalore Chapter").
func orgUnit(name string) bool {
	for _, h := range []string{" Chapter", " Branch", " Region", " Office", " Division", " team", " chapter", "支部", "支社"} {
		if strings.HasSuffix(name, h) {
			return true
		}
	}
	return false
}
