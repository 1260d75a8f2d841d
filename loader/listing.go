package loader

import (
	"regexp"
	"strings"
	"unicode"
)

// A listing page is a run of short paragraphs: section headings, each with
// an introduction; items, each a heading line, an optional blurb and a
// closing line ("Join / Learn more", "Learn more", or "<date> Contribute
// now" in a table of initiatives).

var (
	reSection    = regexp.MustCompile(`^(?:(\S+)\s+)?(?:Research\s+)?(Working Groups|Groups|Projects|Initiatives)$|Date Opened$`)
	reDatedClose = regexp.MustCompile(`^(.*?)\s*Contribute now\s*$`)
	reOwnerIntro = regexp.MustCompile(`^The\s+([A-Z][A-Za-z]{1,9})\b(?:\s+([A-Z]{2,})\s+research team)?`)
	reFounded    = regexp.MustCompile(`(?i)\b(?:founded|launched|formed|created)\b(?:\s+by\s+the\s+(?:\S+\s+)?(\S+)\s+region)?\s+in\s+([A-Z][a-z]+ \d{4})`)
	reFunding    = regexp.MustCompile(`((?:[A-Z]{2,3}\s?)?[$€£][\d.,]+\s*(?:million|billion|m|bn)?)`)
	reFundedBy   = regexp.MustCompile(`\bfunded by (?:the\s+)?([A-Z][^.]+?)\.`)
	reLedBy      = regexp.MustCompile(`\b[Ll]ed by (?:the\s+)?([A-Z][^,.]+)`)
	reBegan      = regexp.MustCompile(`\b(?:began|started|begun) in ([A-Z][a-z]+ \d{4})`)
	reForShort   = regexp.MustCompile(`\b(` + capWords + `)\s+\(or\s+(\S+)\s+for short\)`)
	reAcronymFor = regexp.MustCompile(`\b([A-Z]{2,}), which is an acronym for (.+?), is\b`)
	rePartOfCons = regexp.MustCompile(`\b([A-Z]{2,})\s+is\s+part\s+of\s+the\s+consortium`)
	reVersion    = regexp.MustCompile(`\s+(v\d+(?:\.\d+)*|[Vv]ersion \d+(?:\.\d+)*)$`)
)

type para struct {
	text string
	line int // 1-based
}

func paragraphs(ls []string) []para {
	var out []para
	for i, l := range ls {
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, para{t, i + 1})
		}
	}
	return out
}

func isCloser(s string) bool {
	l := strings.ToLower(strings.ReplaceAll(s, " ", ""))
	return l == "joinlearnmore" || l == "learnmore" || reDatedClose.MatchString(s)
}

// isHeading tells whether a paragraph reads as a heading: short, no final
// full stop.
func isHeading(s string) bool {
	return len(strings.Fields(s)) <= 14 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "…") && !isCloser(s)
}

// parseListing reads a listing page.
func parseListing(d *draft) {
	ps := paragraphs(d.lines)
	section := ""   // "groups", "projects" or "initiatives"
	region := ""    // of the current section
	var owner *dent // organization the section belongs to
	ownerLine := 0
	var item []para // paragraphs of the item being read
	closeItem := func(closer para) {
		defer func() { item = nil }()
		var head, blurb *para
		switch {
		case len(item) >= 2:
			head, blurb = &item[0], &item[len(item)-1]
		case len(item) == 1 && isHeading(item[0].text):
			head = &item[0]
		case len(item) == 1:
			blurb = &item[0]
		default:
			return
		}
		switch section {
		case "groups":
			listingGroup(d, head, blurb, owner, ownerLine)
		case "projects":
			listingProject(d, head, blurb, owner, ownerLine, region)
		case "initiatives":
			listingInitiative(d, head, blurb, closer)
		}
	}
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if m := reSection.FindStringSubmatch(p.text); m != nil && isHeading(p.text) {
			item = nil
			switch {
			case strings.HasSuffix(p.text, "Date Opened") || m[2] == "Initiatives":
				section = "initiatives"
			case m[2] == "Projects":
				section = "projects"
			default:
				section = "groups"
			}
			region = m[1]
			// The introduction names the section's organization.
			if i+1 < len(ps) && !isHeading(ps[i+1].text) {
				if om := reOwnerIntro.FindStringSubmatch(ps[i+1].text); om != nil {
					owner = d.entity(LabelOrganization, om[1], ps[i+1].line)
					ownerLine = ps[i+1].line
					if om[2] != "" {
						region = om[2]
					}
				}
				i++
			}
			continue
		}
		if isCloser(p.text) {
			closeItem(p)
			continue
		}
		item = append(item, p)
	}
}

// listingGroup records a working group: its heading, its blurb.
func listingGroup(d *draft, head, blurb *para, owner *dent, ownerLine int) {
	if head == nil {
		return
	}
	wg := d.entity(LabelWorkingGroup, head.text, head.line)
	if blurb == nil {
		return
	}
	desc := strings.TrimPrefix(blurb.text, "Mission Statement: ")
	wg.describe(desc)
	wg.lines = append(wg.lines, blurb.line)
	if owner != nil {
		d.fact(RelPartOf, wg, owner, ownerLine, nil)
	}
	if m := reFounded.FindStringSubmatch(desc); m != nil {
		wg.set("founded", findMonth(m[2]))
		if m[1] != "" {
			wg.set("region", m[1])
		}
	}
}

// listingProject records a research project.
func listingProject(d *draft, head, blurb *para, owner *dent, ownerLine int, region string) {
	var name string
	line := 0
	switch {
	case head != nil:
		name = strings.TrimSuffix(head.text, " Project")
		line = head.line
	case blurb != nil:
		name = leadingName(blurb.text)
		line = blurb.line
	}
	if name == "" {
		if blurb != nil {
			d.warn(blurb.line, "a project blurb without a heading or a name at its start")
		}
		return
	}
	p := d.entity(LabelProject, name, line)
	if region != "" {
		p.set("region", region)
	}
	if owner != nil {
		d.fact(RelParticipatesIn, owner, p, ownerLine, map[string]any{"role": "research partner"})
	}
	if blurb == nil {
		return
	}
	t := blurb.text
	p.describe(t)
	p.lines = append(p.lines, blurb.line)
	// The blurb may spell out the name the heading abbreviates.
	for _, m := range reOrgAcronymAny.FindAllStringSubmatch(t, -1) {
		if key(m[2]) == key(name) {
			p.alias(trimNoise(m[1]))
			p.set("acronym", m[2])
		}
	}
	// "Certification, Internationalisation and ... (CIRRUS) project": a
	// blurb that opens with the name spelled out.
	if m := reOpensWithName.FindStringSubmatch(t); m != nil && key(m[2]) == key(name) && len(p.aliases) == 0 {
		p.alias(trimNoise(m[1]))
		p.set("acronym", m[2])
	}
	if m := reForShort.FindStringSubmatch(t); m != nil && key(m[2]) == key(name) {
		p.alias(trimNoise(m[1]))
		p.set("acronym", m[2])
	}
	if m := reAcronymFor.FindStringSubmatch(t); m != nil && key(m[1]) == key(name) {
		p.alias(strings.TrimSpace(m[2]))
		p.set("acronym", m[1])
	}
	if m := reFunding.FindStringSubmatch(t); m != nil {
		p.set("funding", strings.TrimSpace(m[1]))
	}
	if m := reFundedBy.FindStringSubmatch(t); m != nil {
		org := d.entity(LabelOrganization, m[1], blurb.line)
		amount := ""
		if f, ok := p.props["funding"].(string); ok {
			amount = f
		}
		d.fact(RelFundedBy, p, org, blurb.line, map[string]any{"amount": amount})
	}
	if m := reLedBy.FindStringSubmatch(t); m != nil {
		d.fact(RelLedBy, p, d.entity(LabelOrganization, m[1], blurb.line), blurb.line, nil)
	}
	if m := reBegan.FindStringSubmatch(t); m != nil {
		p.set("started", findMonth(m[1]))
	}
	if m := rePartOfCons.FindStringSubmatch(t); m != nil {
		if org := d.find(LabelOrganization, m[1]); org != nil {
			d.fact(RelParticipatesIn, org, p, blurb.line, map[string]any{"role": "consortium member"})
		}
	}
}

// reOrgAcronymAny is a spelled-out name before its acronym, short lower-case
// words allowed between its capitalised ones.
var reOpensWithName = regexp.MustCompile(`^([A-Z][^()]{8,140}?)\s+\(([A-Z][A-Za-z0-9]{1,12})\)`)

var reOrgAcronymAny = regexp.MustCompile(`\b((?:[A-Z][\w-]*)(?:\s+(?:[A-Z][\w-]*|[a-z]{1,5}))*?)\s+\(([A-Z][A-Za-z0-9]{1,12})\)`)

// leadingName is the name a blurb starts with: its first capitalised
// words ("CUMULUS framework will ..." names CUMULUS).
func leadingName(s string) string {
	var words []string
	for _, w := range strings.Fields(s) {
		w = strings.TrimRight(w, ",.;:")
		r := []rune(w)
		if len(r) == 0 || !unicode.IsUpper(r[0]) || len(words) == 3 {
			break
		}
		words = append(words, w)
		if strings.ContainsAny(w, ",.;:") {
			break
		}
	}
	if len(words) == 1 && !isAcronym(words[0]) && !strings.ContainsAny(words[0], "0123456789") {
		// One ordinary capitalised word starts many sentences.
		return ""
	}
	return strings.Join(words, " ")
}

// listingInitiative records an open initiative: a document with the date
// it was opened, and the group it belongs to.
func listingInitiative(d *draft, head, blurb *para, closer para) {
	if head == nil {
		return
	}
	title := head.text
	doc := d.entity(LabelDocument, title, head.line)
	doc.set("kind", documentKind(title))
	doc.set("status", "open for contribution")
	date, _ := findDate(closer.text)
	if date != "" {
		doc.set("date", date)
		doc.lines = append(doc.lines, closer.line)
	} else {
		d.warn(closer.line, "an initiative's closing line without a readable date")
	}
	if m := reVersion.FindStringSubmatch(title); m != nil {
		doc.set("version", strings.TrimPrefix(strings.TrimPrefix(m[1], "v"), "Version "))
		doc.alias(strings.TrimSpace(title[:len(title)-len(m[0])]))
	}
	if blurb != nil && blurb != head {
		doc.describe(blurb.text)
		doc.lines = append(doc.lines, blurb.line)
	}
	// Who publishes it: a group its title or blurb names, or the group
	// whose name (two words or more) the title starts with.
	var pubs []*dent
	for _, p := range []*para{head, blurb} {
		if p == nil {
			continue
		}
		for _, m := range reWG.FindAllStringSubmatch(p.text, -1) {
			name, _ := stripOwner(d, trimNoise(m[1]))
			if wg := d.find(LabelWorkingGroup, name+" Working Group"); wg != nil {
				pubs = append(pubs, wg)
			}
		}
		if len(pubs) > 0 {
			break
		}
	}
	if len(pubs) == 0 {
		for _, e := range d.ents {
			core := coreName(LabelWorkingGroup, e.name)
			if e.label == LabelWorkingGroup && len(strings.Fields(core)) >= 2 && strings.HasPrefix(key(title), key(core)) {
				pubs = append(pubs, e)
				break
			}
		}
	}
	for _, wg := range pubs {
		d.fact(RelPublished, wg, doc, head.line, map[string]any{"date": date})
	}
}
