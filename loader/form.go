package loader

import (
	"regexp"
	"strings"
)

var (
	reHeader        = regexp.MustCompile(`^\s*([^:]{3,80}):\s*$`)
	reRoleWithin    = regexp.MustCompile(`(?i)^(.+?)\s+within\s+(?:the\s+)?(.+)$`)
	reEmail         = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	rePhone         = regexp.MustCompile(`^\+?[\d][\d ()./-]{6,}\d$`)
	reRatify        = regexp.MustCompile(`(?i)\bliaison\b.*\bratified by\b.*?\b([A-Z]{2,})\b`)
	reManagedPart   = regexp.MustCompile(`\(([A-Z][A-Za-z]{1,9})\),\s+(?:a|an|another)\s+((?:[a-z]+\s+){0,2}(?:program|programme|chapter|member|subsidiary|division|region))\s+of\s+(?:the\s+)?([A-Z][\w]+)`)
	reMaintainsHead = regexp.MustCompile(`^\s*(.+?)\s+maintains:\s*$`)
	reBullet        = regexp.MustCompile(`^\s*[·•*]\s*(.+)$`)
	reStdItem       = regexp.MustCompile(`^(.+?)\s*\(([A-Z][A-Za-z]{1,9})\)(?:,\s*which maps to [^:]*:\s*(.+))?`)
	reDocList       = regexp.MustCompile(`^\s*(\S+)\s+has\s+.*?\b(?:documents|papers|guides)\b[^:]*:\s*(.+)$`)
)

// parseForm reads a questionnaire: the organization's contact block, the
// people named with their roles, the liaison it proposes, and from the
// answers, managed programs, standards (and what they map to) and
// documents.
func parseForm(d *draft) {
	var home *dent // the organization the form is about
	counterpart := ""
	for i := 0; i < len(d.lines); i++ {
		h := reHeader.FindStringSubmatch(d.lines[i])
		if h == nil {
			continue
		}
		head := strings.TrimSpace(h[1])
		block, next := blockAfter(d.lines, i+1)
		switch {
		case strings.Contains(strings.ToLower(head), "contact information") && len(block) > 0:
			home = d.entity(LabelOrganization, d.lines[block[0]], block[0]+1)
			for _, b := range block[1:] {
				l := strings.TrimSpace(d.lines[b])
				switch {
				case reEmail.MatchString(l) && !strings.Contains(l, " "):
					home.set("email", l)
				case reURL.MatchString(l):
					home.set("url", reURL.FindString(l))
				case strings.ContainsAny(l, "0123456789"):
					home.set("address", l)
				}
				home.lines = append(home.lines, b+1)
			}
		case reRoleWithin.MatchString(head) && len(block) > 0:
			m := reRoleWithin.FindStringSubmatch(head)
			role := strings.ToLower(m[1])
			orgName := m[2]
			var org *dent
			if strings.EqualFold(orgName, "organization") || strings.EqualFold(orgName, "the organization") {
				org = home
			} else {
				org = d.entity(LabelOrganization, orgName, i+1)
				counterpart = orgName
			}
			person := d.entity(LabelPerson, personName(d.lines[block[0]]), block[0]+1)
			for _, b := range block[1:] {
				l := strings.TrimSpace(d.lines[b])
				switch {
				case reEmail.MatchString(l) && !strings.Contains(l, " "):
					person.set("email", l)
				case rePhone.MatchString(l):
					person.set("phone", l)
				case reURL.MatchString(l):
				case home != nil && key(l) == key(home.name):
					org = home
				default:
					person.set("title", l)
				}
				person.lines = append(person.lines, b+1)
			}
			if org != nil {
				d.fact(RelMemberOf, person, org, block[0]+1, map[string]any{"role": role})
			}
		}
		i = next - 1
	}
	// The proposal: "a formal liaison ... must be ratified by X".
	for i, l := range d.lines {
		if m := reRatify.FindStringSubmatch(l); m != nil && home != nil {
			other := counterpart
			if other == "" {
				other = m[1]
			}
			d.fact(RelLiaisonWith, home, d.entity(LabelOrganization, other, i+1), i+1, map[string]any{"status": "proposed"})
			break
		}
	}
	parseAnswers(d, home)
}

// parseAnswers reads the facts stated in a form's answers.
func parseAnswers(d *draft, home *dent) {
	// Organizations named with acronyms come first, so that later rules
	// can refer to them.
	namedOrganizations(d)
	for i, l := range d.lines {
		for _, m := range reOrgFor.FindAllStringSubmatch(l, -1) {
			o := d.entity(LabelOrganization, trimNoise(m[1]), i+1)
			o.alias(m[2])
			o.set("acronym", m[2])
		}
		for _, m := range reCouncil.FindAllStringSubmatch(l, -1) {
			c := d.entity(LabelWorkingGroup, trimNoise(m[1]), i+1)
			c.alias(m[2])
			c.set("acronym", m[2])
			c.set("kind", "council")
		}
	}
	for i, l := range d.lines {
		n := i + 1
		for _, m := range reManagedPart.FindAllStringSubmatch(l, -1) {
			part := d.find(LabelOrganization, m[1])
			whole := d.find(LabelOrganization, m[3])
			if part != nil && whole != nil {
				part.set("kind", m[2])
				d.fact(RelPartOf, part, whole, n, map[string]any{"role": m[2]})
			}
		}
		if m := reMaintainsHead.FindStringSubmatch(l); m != nil {
			owner := findAny(d, m[1])
			if owner == nil || owner.label != LabelOrganization {
				continue
			}
			for j := i + 1; j < len(d.lines); j++ {
				b := reBullet.FindStringSubmatch(d.lines[j])
				if b == nil {
					break
				}
				item := strings.TrimSpace(b[1])
				name, _ := stripOwner(d, item)
				sm := reStdItem.FindStringSubmatch(name)
				if sm == nil {
					continue
				}
				std := d.entity(LabelStandard, cleanName(sm[1]), j+1)
				std.alias(sm[2])
				std.set("acronym", sm[2])
				std.set("kind", standardKind(sm[1]))
				d.fact(RelMaintains, owner, std, j+1, nil)
				if sm[3] != "" {
					for _, t := range splitList(sm[3]) {
						other := d.entity(LabelStandard, t, j+1)
						d.fact(RelMapsTo, std, other, j+1, nil)
					}
				}
			}
		}
		if m := reDocList.FindStringSubmatch(l); m != nil {
			owner := findAny(d, m[1])
			for _, item := range strings.Split(m[2], ";") {
				name, _ := stripOwner(d, strings.TrimSpace(item))
				name = cleanName(name)
				if name == "" {
					continue
				}
				doc := d.entity(LabelDocument, name, n)
				doc.set("kind", documentKind(name))
				if owner != nil {
					d.fact(RelPublished, owner, doc, n, nil)
				}
			}
		}
	}
}

var (
	reOrgFor  = regexp.MustCompile(`\b((?:` + orgWords + `)\s+(?:for|of|on)\s+` + capWords + `)\s+\(([A-Z][A-Za-z&]{1,9})\)`)
	reCouncil = regexp.MustCompile(`\b(` + capWords + `\s+Council)\s+\(([A-Z][A-Za-z]{1,9})\)`)
)

// blockAfter returns the line indexes of the first run of non-blank lines
// at or after i, and the index after it.
func blockAfter(ls []string, i int) ([]int, int) {
	for i < len(ls) && strings.TrimSpace(ls[i]) == "" {
		i++
	}
	var out []int
	for i < len(ls) && strings.TrimSpace(ls[i]) != "" {
		if reHeader.MatchString(ls[i]) {
			break
		}
		out = append(out, i)
		i++
	}
	return out, i
}

var honorifics = regexp.MustCompile(`^(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+`)

// personName cleans a person's name as a text writes it: titles dropped,
// SHOUTED surnames in their usual case.
func personName(s string) string {
	s = honorifics.ReplaceAllString(cleanName(s), "")
	words := strings.Fields(s)
	for i, w := range words {
		if len(w) > 2 && w == strings.ToUpper(w) && strings.ToLower(w) != w {
			words[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return strings.Join(words, " ")
}

// standardKind names the kind of a standard from its name.
func standardKind(name string) string {
	l := strings.ToLower(name)
	switch {
	case strings.Contains(l, "certificat") || strings.Contains(l, "knowledge"):
		return "certification"
	case strings.Contains(l, "registry"):
		return "registry"
	case strings.Contains(l, "matrix") || strings.Contains(l, "framework") || strings.Contains(l, "controls"):
		return "framework"
	case strings.Contains(l, "protocol"):
		return "protocol"
	}
	return "standard"
}

// documentKind names the kind of a document from its title.
func documentKind(title string) string {
	l := strings.ToLower(title)
	for _, k := range []struct{ word, kind string }{
		{"charter", "charter"}, {"whitepaper", "whitepaper"}, {"white paper", "whitepaper"},
		{"peer review", "peer review"}, {"position paper", "position paper"}, {"survey", "survey"},
		{"guidance", "guidance"}, {"guide", "guidance"}, {"best practice", "best practices"},
		{"mapping", "mapping"}, {"policy", "policy"}, {"slide", "slides"}, {"translation", "translation"},
		{"paper", "paper"},
	} {
		if strings.Contains(l, k.word) {
			return k.kind
		}
	}
	return "document"
}
