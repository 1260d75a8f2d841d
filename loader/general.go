package loader

import (
	"regexp"
	"strings"
)

// Kinds of text, by the parser that reads them.
const (
	KindForm    = "form"    // a questionnaire: contact blocks and numbered questions
	KindListing = "listing" // headings with blurbs and "Learn more" / "Contribute now" lines
	KindLog     = "log"     // dated entries: 2021年2月12日(金) ...
	KindGeneral = "general" // anything else: only the general rules
)

var (
	numberedQuestion = regexp.MustCompile(`^\s*\d+[a-z]?\.?\s+\S.*\?\s*$`)
	listingMarker    = regexp.MustCompile(`(?i)^\s*(join\s*learn more|learn more|.*\bcontribute now)\s*$`)
	jaDateLine       = regexp.MustCompile(`^\s*(?:•\s*)?\d{4}年\d{1,2}月\d{1,2}日`)
)

// detectKind tells which parser reads a text, by its structure.
func detectKind(ls []string) string {
	var q, m, j int
	for _, l := range ls {
		switch {
		case numberedQuestion.MatchString(l):
			q++
		case listingMarker.MatchString(l):
			m++
		case jaDateLine.MatchString(l):
			j++
		}
	}
	switch {
	case j >= 3 && j >= m:
		return KindLog
	case m >= 3:
		return KindListing
	case q >= 3:
		return KindForm
	}
	return KindGeneral
}

// Words that end the names of kinds of entity.
var (
	orgWords = `Alliance|Consortium|Organization|Organisation|Association|Institute|Agency|Ministry|University|Foundation|Forum|Society|Board|Federation|Commission`
	stdWords = `Matrix|Registry|Framework|Protocol|Standard|Specification|Regulation|Certification|Knowledge`
	// capWords is a run of capitalised words (with "of", "and", "&"
	// between them), as names are written.
	capWords = `(?:[A-Z][\w/'’.-]*|[A-Z]{2,})(?:\s+(?:of|and|&|for|the|in|[A-Z][\w/'’.-]*))*?`

	reOrgAcronym = regexp.MustCompile(`\b(` + capWords + `\s+(?:` + orgWords + `))\s+\(([A-Z][A-Za-z&]{1,9})\)`)
	reStdAcronym = regexp.MustCompile(`\b(` + capWords + `\s+(?:` + stdWords + `))\s+\(([A-Z][A-Za-z]{1,9})\)`)
	reWGAcronym  = regexp.MustCompile(`\b(` + capWords + `)\s+[Ww]orking [Gg]roup\s+\(([A-Z][A-Za-z]{1,9}(?:[ -]WG)?)\)`)
	reWG         = regexp.MustCompile(`\b((?:[A-Z][\w&/'’.-]*|&)(?:[\s-]+(?:[A-Z][\w&/'’.-]*|&|of|and|for|as|a))*?)[\s-]+(?:[Ww]orking [Gg]roup|WG)\b`)
	reWGJa       = regexp.MustCompile(`([\p{Katakana}ー&/・A-Za-z][\p{Katakana}ー&/・A-Za-z ]*?)(?:\(([A-Za-z][\w-]*)\))?[・ ]?ワーキンググループ(?:\((?:略称:)?([^)]+)\))?`)
	reWithin     = regexp.MustCompile(`\(([A-Z][A-Za-z]{1,9})\)\s+within\s+(?:the\s+)?([A-Z][^(,.;]*?)(?:\s+\(|[,.;]|$)`)
	reDomains    = regexp.MustCompile(`(?i)\bdomains?\b[^:]*:\s*(.+)$`)
	reURL        = regexp.MustCompile(`https?://[^\s<>"'」）)]+`)
)

var reSentenceEnd = regexp.MustCompile(`[.!?。]\s+`)

// leading words that are not part of a name.
var nameNoise = []string{"The ", "the ", "A ", "An ", "Our ", "Both ", "This "}

// trimNoise drops a leading article from a captured name.
func trimNoise(s string) string {
	if s == "The" || s == "the" || s == "A" || s == "An" {
		return ""
	}
	for changed := true; changed; {
		changed = false
		for _, n := range nameNoise {
			if strings.HasPrefix(s, n) {
				s = strings.TrimPrefix(s, n)
				changed = true
			}
		}
	}
	return s
}

// parseGeneral applies the rules every text gets: named organizations,
// standards and working groups (with their acronyms and owners), lists of
// domains of work, and, for texts of no known kind, dated lines.
func parseGeneral(d *draft) {
	namedOrganizations(d)
	for i, l := range d.lines {
		n := i + 1
		for _, m := range reStdAcronym.FindAllStringSubmatch(l, -1) {
			name, owner := stripOwner(d, trimNoise(m[1]))
			std := d.entity(LabelStandard, name, n)
			std.alias(m[2])
			std.set("acronym", m[2])
			if owner != nil {
				d.fact(RelMaintains, owner, std, n, nil)
			}
		}
	}
	for i, l := range d.lines {
		n := i + 1
		for _, m := range reWithin.FindAllStringSubmatch(l, -1) {
			// "Council (ISC) within the Alliance (CSA)": the part belongs
			// to the whole.
			part := findAny(d, m[1])
			whole := findAny(d, trimNoise(m[2]))
			if part != nil && whole != nil && whole.label == LabelOrganization {
				d.fact(RelPartOf, part, whole, n, nil)
			}
		}
		for _, m := range reWGAcronym.FindAllStringSubmatch(l, -1) {
			name, owner := stripOwner(d, trimNoise(m[1]))
			wg := d.entity(LabelWorkingGroup, name+" Working Group", n)
			wg.alias(m[2])
			wg.set("acronym", m[2])
			if owner != nil {
				d.fact(RelPartOf, wg, owner, n, nil)
			}
		}
		var wgs [][]string
		if !d.handled[n] {
			for _, sentence := range reSentenceEnd.Split(l, -1) {
				wgs = append(wgs, reWG.FindAllStringSubmatch(sentence, -1)...)
			}
		}
		for _, m := range wgs {
			core := trimNoise(m[1])
			if core == "" || strings.HasSuffix(m[0], "Groups") {
				continue
			}
			name, owner := stripOwner(d, core)
			if name == "" || !strings.ContainsAny(name[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				continue
			}
			full := name + " Working Group"
			if strings.HasSuffix(m[0], "WG") {
				full = name + " WG"
			}
			wg := d.entity(LabelWorkingGroup, full, n)
			if owner != nil {
				d.fact(RelPartOf, wg, owner, n, nil)
			}
		}
		for _, m := range reWGJa.FindAllStringSubmatch(l, -1) {
			name := strings.TrimSpace(strings.Trim(m[1], "・ "))
			if name == "" {
				continue
			}
			wg := d.entity(LabelWorkingGroup, name+"ワーキンググループ", n)
			if m[2] != "" {
				wg.alias(m[2])
			}
			if m[3] != "" {
				wg.alias(m[3])
			}
		}
		if m := reDomains.FindStringSubmatch(l); m != nil {
			for _, item := range splitList(m[1]) {
				name, acr := splitAcronym(item)
				if name == "" || len(strings.Fields(name)) > 4 {
					continue
				}
				t := d.entity(LabelTopic, name, n)
				if acr != "" {
					t.alias(acr)
				}
			}
		}
	}
	if d.kind == KindGeneral {
		parseDatedLines(d)
	}
}

// namedOrganizations records the organizations a text names with their
// acronyms ("the Industrial Internet Consortium (IIC)"). Other rules refer
// to them by either name, so this pass comes first; running it again finds
// the same ones.
func namedOrganizations(d *draft) {
	for i, l := range d.lines {
		for _, m := range reOrgAcronym.FindAllStringSubmatch(l, -1) {
			if strings.HasSuffix(m[1], "Working Group") {
				continue
			}
			org := d.entity(LabelOrganization, lastCapRun(m[1]), i+1)
			org.alias(m[2])
			org.set("acronym", m[2])
		}
	}
}

// lastCapRun keeps the last run of capitalised words of a name ("Notes of
// the Desert Gadget Consortium" is the Desert Gadget Consortium's notes).
func lastCapRun(s string) string {
	words := strings.Fields(trimNoise(s))
	i := len(words) - 1
	for i > 0 {
		w := words[i-1]
		if w == "&" || w == "and" || strings.ToUpper(w[:1]) == w[:1] && strings.ToLower(w[:1]) != w[:1] {
			i--
			continue
		}
		break
	}
	for i < len(words)-1 && (words[i] == "&" || words[i] == "and") {
		i++
	}
	return strings.Join(words[i:], " ")
}

// stripOwner splits a leading organization off a name: "CSA's IoT" is the
// "IoT" of the organization CSA. The owner must already be known in the
// text.
func stripOwner(d *draft, name string) (string, *dent) {
	words := strings.Fields(name)
	for k := min(len(words)-1, 4); k >= 1; k-- {
		head := strings.Join(words[:k], " ")
		head = strings.TrimSuffix(strings.TrimSuffix(head, "'s"), "’s")
		if o := d.find(LabelOrganization, head); o != nil {
			return strings.Join(words[k:], " "), o
		}
		// An organization's full name ("... Alliance") or an acronym
		// leading a longer name is its owner too.
		if reOrgWordEnd.MatchString(head) || (k == 1 && isAcronym(head) && strings.ToUpper(head) == head && len(head) <= 5) {
			return strings.Join(words[k:], " "), d.entity(LabelOrganization, head, 0)
		}
	}
	return name, nil
}

var reOrgWordEnd = regexp.MustCompile(`\s(?:` + orgWords + `)$`)

// findAny returns the entity of any label the text knows by name.
func findAny(d *draft, name string) *dent {
	for _, l := range Labels {
		if e := d.find(l, name); e != nil {
			return e
		}
	}
	return nil
}

// splitList splits "A, B (x, y), and C)." into its items, minding
// parentheses.
func splitList(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "."), ";")
	if strings.Count(s, ")") > strings.Count(s, "(") {
		s = s[:strings.LastIndex(s, ")")]
	}
	var items []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',', ';':
			if depth == 0 {
				items = append(items, s[start:i])
				start = i + 1
			}
		}
	}
	items = append(items, s[start:])
	var out []string
	for _, it := range items {
		it = strings.TrimSpace(it)
		it = strings.TrimPrefix(it, "and ")
		it = strings.TrimPrefix(it, "or ")
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}

var reTrailingParen = regexp.MustCompile(`^(.*?)\s*\(([^()]*)\)$`)

// splitAcronym splits "Artificial Intelligence (AI/ML)" into the name and
// its acronym; a parenthesis that is not an acronym is dropped.
func splitAcronym(s string) (name, acr string) {
	m := reTrailingParen.FindStringSubmatch(s)
	if m == nil {
		return cleanName(s), ""
	}
	a := strings.TrimSpace(m[2])
	if !strings.Contains(a, " ") && len(a) <= 10 && strings.ToUpper(a[:1]) == a[:1] {
		return cleanName(m[1]), a
	}
	return cleanName(m[1]), ""
}
