package loader

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// People: names in the slots where pages write them (rosters, role
// fields, contact blocks, mail headers), and in prose next to a title.

var honorifics = regexp.MustCompile(`^(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sir)\.?\s+`)

// nameConnectors may stand between the capitalised words of a name.
var nameConnectors = map[string]bool{"van": true, "de": true, "von": true, "der": true, "da": true, "di": true, "le": true, "la": true, "del": true, "bin": true, "al": true, "du": true}

// notNameWords are capitalised words that start notes, not names.
var notNameWords = map[string]bool{
	"Authors": true, "Author": true, "Leads": true, "Lead": true, "Leaders": true, "Leadership": true, "Chairs": true,
	"Chair": true, "Contributors": true, "Contributor": true, "Volunteers": true, "Members": true, "Reviewers": true,
	"Editors": true, "Writers": true, "Everyone": true, "All": true, "Anyone": true, "Each": true, "Primary": true,
	"Secondary": true, "New": true, "Next": true, "The": true, "This": true, "Today": true, "Paper": true,
	"Chapter": true, "Section": true, "Meeting": true, "Goal": true, "Offline": true, "Overview": true, "Work": true,
	"Need": true, "Needs": true, "Want": true, "Move": true, "Refer": true, "Reminder": true, "Important": true,
	"Email": true, "Contact": true, "Send": true, "Look": true, "Talk": true, "Reach": true, "Use": true,
	"Make": true, "Keep": true, "Start": true, "Add": true, "Assign": true, "Establish": true, "Introduce": true,
	"Participate": true, "Continue": true, "Provide": true, "Finish": true, "Review": true, "Please": true,
	"Calls": true, "Ideas": true, "Best": true, "Length": true, "Opportunities": true, "Recent": true,
	"Upcoming": true, "Open": true, "Current": true, "Predicted": true, "Anticipated": true, "Focus": true,
	"Going": true, "Holding": true, "Waiting": true, "Careful": true, "Struggling": true, "Quorum": true,
	"Action": true, "Item": true, "Items": true, "Minutes": true, "Draft": true, "Record": true, "Roll": true,
	"Call": true, "Order": true, "Welcome": true, "Approved": true, "Agenda": true, "Regrets": true,
	"Present": true, "Attending": true, "Absent": true, "Notes": true, "Status": true, "Update": true,
	"Updates": true, "Discussion": true, "Timeline": true, "Comment": true, "Comments": true, "Council": true,
	"Board": true, "Group": true, "Working": true, "Liaison": true, "Technical": true, "Committee": true,
	"Thanks": true, "Dear": true, "Regards": true, "Best Regards": true, "Sent": true, "From": true, "To": true,
	"Subject": true, "Cc": true, "Date": true, "Time": true, "Location": true, "Place": true, "Host": true,
	"It": true, "We": true, "They": true, "He": true, "She": true, "You": true, "I": true, "Our": true, "If": true,
	"In": true, "On": true, "At": true, "For": true, "With": true, "Several": true, "Also": true, "Both": true,
	"Last": true, "First": true, "Other": true, "Page": true, "Site": true, "Home": true, "Skip": true,
}

// personName cleans a person's name as a text writes it: titles dropped,
// SHOUTED surnames in their usual case.
func personName(s string) string {
	s = honorifics.ReplaceAllString(cleanName(strings.ReplaceAll(s, "_", " ")), "")
	words := strings.Fields(s)
	for i, w := range words {
		if len(w) > 2 && w == strings.ToUpper(w) && strings.ToLower(w) != w && !strings.Contains(w, ".") {
			words[i] = w[:1] + strings.ToLower(w[1:])
			if k := strings.Index(words[i], "-"); k > 0 && k+1 < len(words[i]) {
				words[i] = words[i][:k+1] + strings.ToUpper(words[i][k+1:k+2]) + words[i][k+2:]
			}
		}
	}
	return strings.Join(words, " ")
}

// isPersonName tells whether s can be a person's name in Latin script: one
// to four capitalised words (connectors and initials allowed), none of them
// a word that starts notes or names a kind of thing.
func (r *reader) isPersonName(s string, oneWord bool) bool {
	s = honorifics.ReplaceAllString(strings.TrimSpace(s), "")
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || len(words) == 1 && !oneWord || hasCJK(s) {
		return false
	}
	caps := 0
	for i, w := range words {
		if nameConnectors[w] && i > 0 && i < len(words)-1 {
			continue
		}
		if notNameWords[w] || leadWords[w] && i == 0 {
			return false
		}
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) || strings.ContainsAny(w, "0123456789/@&:;()") {
			return false
		}
		if len(w) == 2 && w[1] == '.' || len(w) == 1 {
			continue // an initial
		}
		if r.lex.lower[strings.ToLower(strings.Trim(w, ".,"))] && !r.lex.capOnly[strings.ToLower(w)] && len(words) == 1 {
			return false // a word the page also writes in lower case
		}
		caps++
	}
	if caps == 0 || allAcronyms(words) {
		return false // "DHS CISA": two bodies' acronyms, no name
	}
	if last := words[len(words)-1]; len(words) > 1 && len(last) == 1 {
		return false // "Category C", "Annex B"; an initial has its stop ("Vinod B. V.")
	}
	if len(words) == 1 {
		w := words[0]
		if isAcronym(w) || len(w) < 3 || r.d.findAny(w, LabelOrganization, LabelWorkingGroup, LabelStandard, LabelProject, LabelDocument) != nil {
			return false
		}
	}
	if l := headLabel(s); l != "" && l != LabelPerson {
		return false
	}
	return true
}

// reDomainName is a company named by its web domain: "mesur.io".
var reDomainName = regexp.MustCompile(`^[a-z][a-z0-9-]+\.(?:io|ai|com|net|org|co|dev|app)$`)

// allAcronyms tells words that are all acronyms.
func allAcronyms(words []string) bool {
	for _, w := range words {
		if !isAcronym(w) || strings.ToUpper(w) != w {
			return false
		}
	}
	return true
}

// person makes the person a slot names, with a title or honorific noted.
func (r *reader) person(name string, line int, rule string) *dent {
	titled := honorifics.MatchString(strings.TrimSpace(name))
	n := personName(name)
	if n == "" {
		return nil
	}
	p := r.d.entity(LabelPerson, n, line, rule)
	if strings.Contains(name, "_") {
		p.alias(strings.TrimSpace(name)) // "Kaz_Ashimura", as a chat roster writes it
	}
	if titled {
		p.alias(cleanName(name)) // "Dr. Greg White", as the text writes him
	}
	if titled && !strings.Contains(n, " ") {
		p.props["title-only"] = true // "Dr. White": a surname
	}
	return p
}

// isJaPersonName tells whether s can be a Japanese person's name: two to
// eight kanji or kana (a space between family and given name allowed),
// not an organization, a group or a title.
func isJaPersonName(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(strings.ReplaceAll(s, " ", ""))
	if n < 2 || n > 8 || strings.Count(s, " ") > 1 {
		return false
	}
	for _, r := range s {
		if r != ' ' && !isCJK(r) {
			return false
		}
	}
	if jaHeadLabel(s) != "" || isJaRole(s) {
		return false
	}
	return true
}

// Roles a roster or role field gives in a group (MEMBER_OF), and roles
// at an event (PRESENTED_AT).
var (
	groupRoles = map[string]string{
		"chair": "chair", "chairs": "chair", "co-chair": "co-chair", "co-chairs": "co-chair", "cochair": "co-chair",
		"vice-chair": "vice-chair", "vice chair": "vice-chair", "chairman": "chairman", "chairperson": "chair",
		"vice-chairs": "vice-chair", "vice-chairman": "vice-chairman", "vice-chairmen": "vice-chairman", "vice chairmen": "vice-chairman",
		"chairmen": "chairman", "co-chairmen": "co-chairman",
		"secretary": "secretary", "sec": "secretary", "secretariat": "secretariat", "treasurer": "treasurer",
		"convener": "convener", "convenor": "convener", "vice-convener": "vice-convener", "vice convener": "vice-convener",
		"communications officer": "communications officer", "committee manager": "committee manager",
		"staff contact": "staff contact", "staff contacts": "staff contact", "team contact": "team contact", "team contacts": "team contact", "lead": "lead", "leads": "lead", "leader": "leader",
		"co-lead": "co-lead", "rapporteur": "rapporteur", "editor": "editor", "member": "member",
		"members": "member", "observer": "observer", "liaison": "liaison", "president": "president",
		"vice-president": "vice-president", "vice president": "vice-president", "secretary general": "secretary general",
		"secretary-general": "secretary general", "director": "director", "executive director": "executive director",
		"managing director": "managing director", "general manager": "general manager", "ceo": "CEO",
		"主査": "主査", "主査代理": "主査代理", "副主査": "副主査", "座長": "座長", "座長代理": "座長代理", "副座長": "副座長",
		"構成員": "構成員", "委員": "委員", "委員長": "委員長", "副委員長": "副委員長", "オブザーバー": "オブザーバー",
		"リーダー": "リーダー", "サブリーダー": "サブリーダー", "幹事": "幹事", "共同座長": "共同座長", "コンビナ": "コンビナ",
		"コンビーナ": "コンビーナ", "事務局": "事務局", "専門委員": "専門委員", "臨時委員": "臨時委員",
	}
	eventRoles = map[string]string{
		"moderator": "moderator", "panelist": "panelist", "panelists": "panelist", "speaker": "speaker",
		"speakers": "speaker", "presenter": "presenter", "presenters": "presenter", "host": "host",
		"facilitator": "facilitator", "coordinator": "coordinator", "keynote": "keynote speaker",
		"scribe": "scribe", "minutes": "scribe", "演者": "speaker", "講師": "speaker", "司会": "moderator",
		"コーディネーター": "coordinator", "登壇者": "speaker", "パネリスト": "panelist", "モデレーター": "moderator",
	}
)

func isJaRole(s string) bool {
	_, g := groupRoles[s]
	_, e := eventRoles[s]
	return g || e
}

// roleOf reads a role word (or a role with a prefix or time limit, "Chair
// (until 2021-05)") into its canonical form and whether it is a group
// role (else an event role); ok is false for no role.
func roleOf(s string) (role string, group, ok bool) {
	l := strings.ToLower(strings.TrimSpace(strings.Trim(s, ".:()")))
	if g, found := groupRoles[l]; found {
		return g, true, true
	}
	if e, found := eventRoles[l]; found {
		return e, false, true
	}
	return "", false, false
}

// roster kinds.
const (
	rosterAttended  = "attended"
	rosterAbsent    = "absent"
	rosterMembers   = "members"
	rosterObservers = "observers"
	rosterStaff     = "staff" // the organization's staff, at the meeting but not members of the group
)

var rosterWords = map[string]string{
	"present": rosterAttended, "attending": rosterAttended, "attendees": rosterAttended, "attendance": rosterAttended,
	"in attendance": rosterAttended, "participants": rosterAttended, "attended": rosterAttended, "出席者": rosterAttended,
	"出席": rosterAttended, "参加者": rosterAttended, "出席委員": rosterAttended, "regrets": rosterAbsent,
	"apologies": rosterAbsent, "absent": rosterAbsent, "欠席者": rosterAbsent, "欠席": rosterAbsent, "欠席委員": rosterAbsent, "提出委任状": rosterAbsent, "陪席者": rosterAttended, "陪席": rosterAttended, "委任状": rosterAbsent,
	"members": rosterMembers, "co-chairs and members": rosterMembers, "構成員": rosterMembers, "委員名簿": rosterMembers,
	"co-chairs": rosterMembers, "chairs": rosterMembers, "observers": rosterObservers, "guests": rosterObservers,
	"also present": rosterObservers, "also attending": rosterObservers, "staff": rosterStaff,
	"list of attendees": rosterAttended, "attendee list": rosterAttended, "list of participants": rosterAttended,
	"attendance list": rosterAttended, "invited guest": rosterObservers, "invited guests": rosterObservers,
	"出席した委員": rosterAttended, "出席した専門委員": rosterAttended, "出席した臨時委員": rosterAttended,
	"出席した関係職員": rosterAttended, "出席した職員": rosterAttended, "出席した構成員": rosterAttended,
}

// rosterKind tells what list a label heads: attendees, the absent, or
// members.
func rosterKind(label string) string {
	l := strings.ToLower(strings.TrimSpace(strings.Trim(label, ":")))
	if hasCJK(l) {
		// "出席した委員等": "and others" widens the list, not its kind.
		// "出席委員(十一名)": how many, or in what order, is no kind either.
		l = strings.TrimSuffix(strings.ReplaceAll(reJaQualifier.ReplaceAllString(l, ""), " ", ""), "等")
	}
	return rosterWords[l]
}

// reLeadIn is a sentence that introduces a list of people in a role: "The
// co-chairs of the Working Group are, as of March 2021:".
var reLeadIn = regexp.MustCompile(`(?i)\b(co-chairs|chairs|members|leads|editors|officers|leaders)\b[^:]*\b(?:are|include)\b[^:]*:$`)

// reProseRoster is the rest of a sentence whose first word is a roster's
// label: "Apologies were received from A and B."
var reProseRoster = regexp.MustCompile(`^(?:were\s+)?(?:received\s+)?from\s+([^.;:]+?)\.?$`)

// rosterBlock reads a roster: a label ("Present:", "Regrets", "出席者")
// with the names on its line or in the blocks under it.
func (r *reader) rosterBlock(i int) {
	b := &r.p.Blocks[i]
	if hasCJK(b.Label + b.Text) {
		return // a Japanese roster: jaRosterScope reads it
	}
	kind, role := "", ""
	r.rosterBody = nil
	bodyKind := "" // "ICANN Staff": read once, as it sets rosterBody
	switch {
	case b.Label == "" && rosterKind(b.Text) == "":
		bodyKind = r.bodyRoster(b.Text, b.Line)
	case b.Label != "" && b.Text == "" && rosterKind(b.Label) == "":
		bodyKind = r.bodyRoster(b.Label, b.Line) // "ARIN Staff:" over the list
	}
	switch {
	case b.Label != "" && rosterKind(b.Label) != "":
		kind = rosterKind(b.Label)
	case b.Label == "" && rosterKind(b.Text) != "":
		kind = rosterKind(b.Text)
	case bodyKind != "":
		kind = bodyKind
	case b.Label == "" && reLeadIn.MatchString(b.Text):
		kind = rosterMembers
		role, _, _ = roleOf(reLeadIn.FindStringSubmatch(b.Text)[1])
	}
	if kind == "" {
		return
	}
	if kind == rosterMembers && role == "" {
		if _, _, ok := roleOf(b.Label); ok {
			return // "Co-Chairs: …" is a role field: roleField reads it
		}
		// A "Members" heading over names: the group's people, in the
		// role it names or as members.
		if role, _, _ = roleOf(b.Text); role == "" {
			role = "member"
		}
	}
	var entries []rosterEntry
	if b.Label != "" && b.Text != "" {
		text := b.Text
		if m := reProseRoster.FindStringSubmatch(text); m != nil {
			text = strings.ReplaceAll(m[1], " and ", ", ")
		}
		entries = append(entries, splitRoster(text, b)...)
	}
	kids := r.followers(i) // its children, or one name a line under "ATTENDEES"
	kids = append(kids, r.rosterTail(kids)...)
	if len(kids) == 0 && b.Text == "" {
		r.rosterParts(i, kind)
	}
	var last *dent
	for _, en := range entries {
		last = r.rosterEntry(en, kind, role, last)
	}
	for _, j := range kids {
		cb := &r.p.Blocks[j]
		r.consumed[j] = true
		// "GNSO Council Liaisons" inside the staff's list: a new part.
		if k := r.bodyRoster(cb.Text, cb.Line); k != "" && cb.Label == "" {
			kind = k
			continue
		}
		for _, en := range splitRoster(blockText(cb), cb) {
			last = r.rosterEntry(en, kind, role, last)
		}
	}
	r.rosterBody = nil
}

// rosterTail is the lines right under a roster's last entry that the
// structure read as headings of their own, for their shape: one more
// entry each ("Fay Bolt - Senior Policy Director" closing a page).
func (r *reader) rosterTail(kids []int) []int {
	if len(kids) == 0 {
		return nil
	}
	var out []int
	last := kids[len(kids)-1]
	for j := last + 1; j < len(r.p.Blocks) && len(out) < 40; j++ {
		nb, pb := &r.p.Blocks[j], &r.p.Blocks[j-1]
		if nb.Kind != BlockHeading || nb.Lines[0] != pb.Lines[len(pb.Lines)-1]+1 || !personLine(nb.Text) || r.consumed[j] {
			break
		}
		out = append(out, j)
	}
	return out
}

// reBodyRoster is a heading over a body's people: "ICANN Staff",
// "Gadget Council Liaisons".
var reBodyRoster = regexp.MustCompile(`^(\p{Lu}[\w&-]*(?:\s+\p{Lu}[\w&-]*){0,3})\s+(Staff|Liaisons|Members|Observers|Secretariat)$`)

// bodyRoster reads a heading over a body's people: the roster's kind, and
// the body (rosterBody) whose people they are; "" for another line.
func (r *reader) bodyRoster(text string, line int) string {
	m := reBodyRoster.FindStringSubmatch(strings.TrimSpace(strings.TrimSuffix(text, ":")))
	if m == nil {
		return ""
	}
	kind := map[string]string{"Staff": rosterStaff, "Liaisons": rosterAttended, "Members": rosterMembers, "Observers": rosterObservers, "Secretariat": rosterStaff}[m[2]]
	body := r.d.findAny(m[1], LabelOrganization, LabelWorkingGroup)
	if body == nil && isAcronym(m[1]) {
		body = r.d.entity(LabelOrganization, m[1], line, ruleOrgSlot)
	}
	if body == nil {
		return ""
	}
	r.rosterBody = body
	return kind
}

// rosterPartWords are the labels that split a roster into parts:
// "Attendees" over "Voting: …" and "Non-voting: …".
var rosterPartWords = map[string]bool{
	"voting": true, "non-voting": true, "nonvoting": true, "voting members": true, "non-voting members": true,
	"members": true, "in person": true, "in-person": true, "on site": true, "onsite": true, "remote": true,
	"online": true, "by phone": true, "on the phone": true, "on the call": true, "dial-in": true,
}

// rosterParts reads the labelled lines right under an empty roster label
// as parts of it, each in the label's kind unless its own label names
// one ("Staff:", "Observers:").
func (r *reader) rosterParts(i int, kind string) {
	for j := i + 1; j < len(r.p.Blocks) && j <= i+8; j++ {
		b := &r.p.Blocks[j]
		if b.Kind == BlockNoise {
			continue
		}
		part := strings.ToLower(strings.TrimSpace(b.Label))
		if b.Text == "" || !rosterPartWords[part] {
			return
		}
		r.consumed[j] = true
		var last *dent
		for _, en := range splitRoster(b.Text, b) {
			last = r.rosterEntry(en, kind, "", last)
		}
	}
}

// children returns the blocks held by block i (recursively), in order.
func (r *reader) children(i int) []int {
	var out []int
	for j := i + 1; j < len(r.p.Blocks); j++ {
		if r.p.Blocks[j].Kind == BlockNoise {
			continue
		}
		if !r.within(j, i) {
			break
		}
		out = append(out, j)
	}
	return out
}

// within tells whether block j is held by block i.
func (r *reader) within(j, i int) bool {
	for k := r.p.Blocks[j].Parent; k >= 0; k = r.p.Blocks[k].Parent {
		if k == i {
			return true
		}
	}
	return false
}

// reParenRunOn is a parenthesis closed right before the next entry's name.
var reParenRunOn = regexp.MustCompile(`\)(\p{Lu}\p{Ll})`)

// rosterEntry is one person's entry in a roster.
type rosterEntry struct {
	name, paren string
	nick        string // the name a person goes by, written inside theirs: "Zed (Zee) Gear"
	role        string // what follows the name after a slash: an area or office
	title       string // a role word after a comma: "Ada Wrench (Gear Works), Chair"
	initials    string // the person's initials beside the post: "Ada Wrench, Chair (AW)"
	absent      bool
	line        int
}

var (
	reAbsentMark = regexp.MustCompile(`※\s*欠席|\(欠席\)|\b[Aa]bsent\b|\([Rr]egrets\)`)
	reProxyMark  = regexp.MustCompile(`代理出席|\(代理\)`)
)

// reNickname is a first name with the name its bearer goes by after it,
// in parentheses, before the surname: "Zaheduzzaman (Zahed) Sarker".
var reNickname = regexp.MustCompile(`^(\p{Lu}[\pL'-]+)\s+\((\p{Lu}[\pL'-]+)\)\s+(\p{Lu}[\pL'-]+)(\s*(?:[(/].*)?)$`)

// splitRoster splits a roster line into entries: "A, B (Chair), C" or
// "名前(所属)※欠席 - 名前(所属)".
func splitRoster(s string, b *Block) []rosterEntry {
	// "Thomas Keller- Registrars - absent, apologies": one person, the
	// part they sit for, and their absence.
	if name, role, absent, ok := dashEntry(s); ok {
		return []rosterEntry{{name: name, role: role, absent: absent, line: b.LineAt(0)}}
	}
	var out []rosterEntry
	// "Ada Wrench (Cogs)Bob Sprocket (Gears).": a list's end, and two
	// entries run together, keep their names whole.
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	s = reParenRunOn.ReplaceAllString(s, "), $1")
	parts := splitTop(s, ",;、")
	if len(parts) == 1 {
		parts = splitTop(s, "-")
	}
	// "Roman Danyliw (CERT/SEI) / IETF Chair, General Area": one entry,
	// whose roles the comma lists.
	if k := strings.Index(s, " / "); k > 0 && !strings.ContainsAny(s[:k], ",;、") && !hasCJK(s) {
		parts = []string{s}
	}
	off := 0
	for _, part := range parts {
		at := strings.Index(s[off:], part)
		if at >= 0 {
			at += off
			off = at + len(part)
		} else {
			at = 0
		}
		p := strings.TrimSpace(part)
		absent := reAbsentMark.MatchString(p)
		p = strings.TrimSpace(reAbsentMark.ReplaceAllString(p, ""))
		p = strings.TrimSpace(reProxyMark.ReplaceAllString(p, ""))
		p = strings.Trim(p, " -–")
		if p == "" {
			continue
		}
		// "Chair (LS)", "(ED) Policy Analyst": initials beside a post
		// are the person's before it.
		if len(out) > 0 {
			prev := &out[len(out)-1]
			post, inits := cutInitials(p)
			if _, _, ok := roleOf(post); ok && prev.title == "" {
				prev.title, prev.initials = post, inits
				continue
			}
			if prev.role == "" && prev.paren == "" && postPhrase(post) {
				prev.role, prev.initials = post, inits // "Ada Wrench, Chief Customer Officer"
				continue
			}
		}
		nick := ""
		if m := reNickname.FindStringSubmatch(p); m != nil {
			p, nick = m[1]+" "+m[3]+m[4], m[2] // "Zed (Zee) Gear (Cogs)": Zed Gear, called Zee
		}
		name, paren, role := p, "", ""
		// "Mike Bishop (Akamai) / Web and Internet Transport Area".
		if k := strings.Index(p, " / "); k > 0 && !hasCJK(p) {
			p, role = strings.TrimSpace(p[:k]), strings.TrimSpace(p[k+3:])
			name = p
		}
		if k := strings.IndexAny(p, "(（"); k >= 0 {
			name, paren = strings.TrimSpace(p[:k]), strings.TrimSpace(p[k:])
			paren = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(paren, "("), ")"))
		}
		out = append(out, rosterEntry{name: name, nick: nick, paren: paren, role: role, absent: absent, line: b.LineAt(at)})
	}
	return out
}

var (
	// reDashEntry is a name, a dash and what follows it.
	reDashEntry = regexp.MustCompile(`^(\p{Lu}[\pL.'’-]*(?:\s+(?:van|de|von|der|da|di|le|la|\p{Lu}[\pL.'’\x{FFFD}-]*)){1,4})\s*[-–—]\s+(.+)$`)
	// reAbsentTail is an absence written after an entry.
	reAbsentTail = regexp.MustCompile(`(?i)(?:\s*[-.,–])?\s*\b(?:absent|apologies|regrets)\b(?:,?\s*(?:apologies|regrets))?\.?\s*$`)
)

// dashEntry reads a roster line "Name - Part", where the part is what the
// person sits for or their post, not a second name: "Greg Ruth - ISCPC",
// "Denise Michel - Vice President, Policy Development".
func dashEntry(s string) (name, role string, absent, ok bool) {
	s = strings.TrimSpace(s)
	if loc := reAbsentTail.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s, absent = strings.TrimSpace(s[:loc[0]]), true
	}
	m := reDashEntry.FindStringSubmatch(s)
	if m == nil || nameShaped(m[2]) || strings.ContainsAny(m[1], "()") {
		return "", "", false, false
	}
	return m[1], strings.TrimSpace(m[2]), absent, true
}

// reInitials is a person's initials in parentheses at either end of a
// post: "Chair (AW)", "(AW) Policy Analyst".
var reInitials = regexp.MustCompile(`^\(([A-Z]{2,4})\)\s*|\s*\(([A-Z]{2,4})\)$`)

// cutInitials splits initials in parentheses off a post.
func cutInitials(s string) (post, initials string) {
	m := reInitials.FindStringSubmatchIndex(s)
	if m == nil {
		return s, ""
	}
	in := s[max(m[2], m[4]):max(m[3], m[5])]
	return strings.TrimSpace(s[:m[0]] + s[m[1]:]), in
}

// postPhrase tells a post's title written after a name: capitalised
// words, one of them a post's word ("Exec. Coordinator/Scribe", "Director
// of Registration Services").
func postPhrase(s string) bool {
	words := strings.FieldsFunc(s, func(c rune) bool { return c == ' ' || c == '/' })
	post := false
	for _, w := range words {
		w = strings.TrimSuffix(w, ".")
		switch {
		case smallWords[w] || w == "of" || w == "and" || w == "&":
		case !isCapWord(w):
			return false
		default:
			_, _, role := roleOf(w)
			post = post || postWords[w] || role
		}
	}
	return post && len(words) <= 8
}

// nameShaped tells a part shaped like a person's name: two to four
// capitalised words in lower case after their capitals.
func nameShaped(s string) bool {
	w := strings.Fields(s)
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for _, x := range w {
		r := []rune(x)
		if !unicode.IsUpper(r[0]) || len(r) < 2 || !unicode.IsLower(r[1]) || postWords[x] {
			return false
		}
	}
	return headLabel(s) == ""
}

// postWords are words of a post's title, which no name is made of.
var postWords = map[string]bool{
	"President": true, "Vice": true, "Director": true, "Officer": true, "Manager": true, "Liaison": true,
	"Consultant": true, "Chair": true, "Secretary": true, "Editor": true, "Counsel": true, "Coordinator": true,
	"Head": true, "Lead": true, "Analyst": true, "Engineer": true, "Member": true, "Appointee": true,
	"Senior": true, "Chief": true, "Executive": true, "Policy": true, "Services": true, "Staff": true,
	"Advisor": true, "Adviser": true, "Specialist": true, "Researcher": true, "Professor": true,
	"Attorney": true, "Scribe": true, "Treasurer": true, "Administrator": true, "Assistant": true, "Architect": true,
}

// splitTop splits s at any of seps outside parentheses.
func splitTop(s, seps string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range s {
		switch {
		case c == '(' || c == '（':
			depth++
		case c == ')' || c == '）':
			depth--
		case depth == 0 && strings.ContainsRune(seps, c):
			// "-" splits only between entries: " - ".
			if c == '-' && (i == 0 || s[i-1] != ' ') {
				continue
			}
			out = append(out, s[start:i])
			start = i + len(string(c))
		}
	}
	return append(out, s[start:])
}

// rosterEntry records one entry: the person, what the parenthesis says of
// them, and their attendance. An entry that is only a parenthesis adds
// an affiliation to the person before it.
func (r *reader) rosterEntry(en rosterEntry, kind, role string, last *dent) *dent {
	var p *dent
	switch {
	case en.name == "" && en.paren != "" && last != nil:
		r.affiliations(last, en.paren, en.line)
		return last
	case hasCJK(en.name) && isJaPersonName(en.name):
		p = r.d.entity(LabelPerson, en.name, en.line, rulePersonSlot)
	case !hasCJK(en.name) && r.isPersonName(en.name, true):
		p = r.person(en.name, en.line, rulePersonSlot)
	}
	if p == nil {
		// "John Carter, Globex Corporation": the organization after a
		// name is the person's.
		if last != nil && en.paren == "" && !hasCJK(en.name) && headLabel(en.name) == LabelOrganization {
			o := r.d.entity(LabelOrganization, en.name, en.line, ruleOrgSlot)
			r.d.fact(RelMemberOf, last, o, en.line, relAffiliation, nil)
		}
		return last
	}
	if en.nick != "" {
		p.alias(en.nick)
	}
	if en.paren != "" && slices.Contains(initials(en.name), strings.ToLower(en.paren)) {
		en.initials, en.paren = en.paren, "" // "Cy Gear (CG)"
	}
	if en.initials != "" {
		p.alias(en.initials)
	}
	if kind == rosterAbsent || en.absent {
		r.absent[p] = true
	}
	group := r.subjectGroup()
	meetingRole := ""
	if t, inGroup, ok := roleOf(en.title); ok && inGroup && role == "" {
		role = t
	} else if ok {
		meetingRole = t
	}
	if role != "" && group != nil {
		r.d.fact(RelMemberOf, p, group, en.line, relRosterRole, map[string]any{"role": role})
	}
	// Regrets at a working group's meeting come from its members: they
	// were expected.
	if kind == rosterAbsent && role == "" && group != nil && group.label == LabelWorkingGroup && r.currentEvent() != nil {
		r.d.fact(RelMemberOf, p, group, en.line, relRegrets, map[string]any{"role": "member"})
	}
	if en.paren != "" {
		if mr := r.affiliations(p, en.paren, en.line); mr != "" {
			meetingRole = mr
		}
	}
	switch {
	case en.role != "" && r.rosterBody != nil && !r.namesBody(en.role):
		// "Denise Michel - Vice President, Policy Development" under
		// "ICANN Staff": her post at ICANN.
		r.d.fact(RelMemberOf, p, r.rosterBody, en.line, relRosterBody, map[string]any{"role": en.role})
		meetingRole = en.role
	case en.role != "":
		meetingRole = r.slashRole(p, en.role, en.line)
	case r.rosterBody != nil && kind != rosterObservers:
		r.d.fact(RelMemberOf, p, r.rosterBody, en.line, relRosterBody, nil)
	}
	switch {
	case kind == rosterStaff || kind == rosterObservers:
		r.othersListed = true
	case kind == rosterAttended && r.rosterBody == nil && !en.absent:
		r.noteAttendee(p, en.line)
	}
	if (kind == rosterAttended || kind == rosterObservers || kind == rosterStaff) && !en.absent {
		if kind == rosterObservers && meetingRole == "" {
			meetingRole = "observer"
		}
		if kind == rosterStaff && meetingRole == "" {
			meetingRole = "staff"
		}
		if ev := r.currentEvent(); ev != nil {
			r.d.fact(RelAttended, p, ev, en.line, relRoster, map[string]any{"role": meetingRole})
		}
	}
	return p
}

// subjectGroup is the group a page's roles are roles in: the page's
// working group, else its organization.
func (r *reader) subjectGroup() *dent {
	if r.subject != nil {
		return r.subject
	}
	return r.org
}

// currentEvent is the meeting the block being read belongs to.
func (r *reader) currentEvent() *dent {
	if r.cur != nil {
		return r.cur
	}
	return r.event
}

// groupInitials tells an acronym made of the initials of a working group
// the page names: "GSB" on the Gadget Steering Board's page.
func (r *reader) groupInitials(acr string) bool {
	l := strings.ToLower(acr)
	for _, e := range r.d.ents {
		if e.label == LabelWorkingGroup && slices.Contains(initials(e.name), l) {
			return true
		}
	}
	return false
}

// reTermParen is a parenthesis giving a post's term.
var reTermParen = regexp.MustCompile(`(?i)\bterm\b|\b(?:19|20)\d{2}\s*[-–]\s*`)

// reRoleList separates the roles of an affiliation list.
var reRoleList = regexp.MustCompile(`,\s*|\s+and\s+`)

// affiliations reads what a parenthesis after a name says: a role in the
// page's group ("Chair", "主査"), a group ("TAB"), "Title, Company",
// "Title at Org", or a Japanese affiliation ("東京大学大学院教授"). It returns
// the role the person had at the meeting, if any.
func (r *reader) affiliations(p *dent, paren string, line int) string {
	paren = strings.TrimSpace(paren)
	if paren == "" || reTermParen.MatchString(paren) {
		return "" // "(1st three-year term, April 2019 - April 2022)": when, not where
	}
	// "(KDDI, Japan)", "(Russia)": the country a person stands for is no
	// body of theirs.
	if k := strings.LastIndex(paren, ","); k > 0 && isCountry(paren[k+1:]) {
		paren = strings.TrimSpace(paren[:k])
	}
	if isCountry(paren) {
		return ""
	}
	// A role nested inside the affiliation: "内閣総理大臣補佐官(主査)".
	if k := strings.LastIndexAny(paren, "(（"); k > 0 && strings.HasSuffix(paren, ")") {
		inner := strings.Trim(paren[k:], "()（） ")
		if role, group, ok := roleOf(inner); ok && group {
			if g := r.subjectGroup(); g != nil {
				r.d.fact(RelMemberOf, p, g, line, relRosterRole, map[string]any{"role": role})
			}
			paren = strings.TrimSpace(paren[:k])
		}
	}
	if role, group, ok := roleOf(paren); ok {
		if group {
			if g := r.subjectGroup(); g != nil {
				r.d.fact(RelMemberOf, p, g, line, relRosterRole, map[string]any{"role": role})
			}
			return role
		}
		if ev := r.currentEvent(); ev != nil {
			r.d.fact(RelPresentedAt, p, ev, line, relPresenter, map[string]any{"role": role})
		}
		return role
	}
	if hasCJK(paren) {
		for _, a := range splitAffiliation(paren) {
			if a.org == "" {
				continue
			}
			org := r.d.entity(LabelOrganization, a.org, line, ruleOrgSlot)
			r.d.fact(RelMemberOf, p, org, line, relAffiliation, map[string]any{"role": a.role})
		}
		return ""
	}
	if isCountryCode(paren) {
		return ""
	}
	if isAcronym(paren) && !r.knownOrg(paren) {
		// "(AMS)" after a name is where the person works, unless the
		// page knows the acronym as a group's ("(TAB)").
		label := LabelOrganization
		if r.d.findAny(paren, LabelWorkingGroup) != nil || r.groupInitials(paren) {
			label = LabelWorkingGroup
		}
		g := r.d.entity(label, paren, line, ruleOrgSlot)
		r.d.fact(RelMemberOf, p, g, line, relAffiliation, nil)
		return ""
	}
	// "(Intel)", "(Siemens AG)", "(mesur.io)": an organization alone.
	if !strings.ContainsAny(paren, ",") && !strings.Contains(paren, " at ") && (isCapWord(paren) || reDomainName.MatchString(paren)) && len(strings.Fields(paren)) <= 4 && r.d.findAny(paren, LabelPerson) == nil {
		label := LabelOrganization
		if headLabel(paren) == LabelWorkingGroup {
			label = LabelWorkingGroup
		}
		o := r.d.entity(label, paren, line, ruleOrgSlot)
		r.d.fact(RelMemberOf, p, o, line, relAffiliation, nil)
		return ""
	}
	parts := strings.Split(paren, " and ")
	if strings.Count(paren, " at ") > 1 {
		// "Board member at OWASP, President at InfosecGirls": one role
		// and organization a part.
		parts = reRoleList.Split(paren, -1)
	}
	for _, part := range parts {
		title, org := "", ""
		if t, o, ok := strings.Cut(part, " at "); ok {
			title, org = t, o
		} else if k := strings.LastIndex(part, ","); k > 0 {
			title, org = part[:k], part[k+1:]
		}
		org = strings.TrimSpace(org)
		if org == "" || !strings.ContainsFunc(org, unicode.IsUpper) {
			continue
		}
		label := LabelOrganization
		if headLabel(org) == LabelWorkingGroup && !strings.Contains(strings.ToLower(org), "chapter") {
			label = LabelWorkingGroup
		}
		o := r.d.entity(label, org, line, ruleOrgSlot)
		r.d.fact(RelMemberOf, p, o, line, relAffiliation, map[string]any{"role": strings.TrimSpace(title)})
	}
	return ""
}

// isCountryCode tells a two-letter country code ("DE") from an acronym.
func isCountryCode(s string) bool {
	return len(s) == 2 && strings.ToUpper(s) == s && unicode.IsLetter(rune(s[0])) && unicode.IsLetter(rune(s[1]))
}

// roleField reads a role and the people in it: "Chair: Amy Nurnberger",
// "Moderator: Name (Title at Org)", "Panelists:" with the names below,
// "コンビナ:Walter Fumy(DE)".
func (r *reader) roleField(i int) {
	b := &r.p.Blocks[i]
	if b.Label == "" || r.jaRosterOn && hasCJK(b.Label) {
		return // a Japanese roster's group heading: jaRosterScope reads it
	}
	role, group, ok := roleOf(b.Label)
	if !ok && len(strings.Fields(b.Label)) <= 2 {
		// "Narrative Scribe", "Vice Chair".
		if w := lastWord(b.Label); w != "" {
			role, group, ok = roleOf(w)
		}
	}
	// "JTC 1/SC 27 Chairman": a role in the group the label names.
	labelGroup := (*dent)(nil)
	if !ok {
		role, group, labelGroup, ok = r.groupRoleLabel(i)
	}
	if !ok {
		return
	}
	var entries []rosterEntry
	if b.Text != "" {
		entries = append(entries, splitRoster(strings.ReplaceAll(b.Text, " and ", ", "), b)...)
	}
	if b.Text == "" {
		for _, j := range r.followers(i) {
			cb := &r.p.Blocks[j]
			r.consumed[j] = true
			entries = append(entries, splitRoster(cb.Text, cb)...)
		}
	}
	entries = slices.DeleteFunc(entries, func(en rosterEntry) bool { return isCountry(en.name) })
	// "Chair: Noah Williams, Redwood Security": one holder of a role named
	// in the singular, then where they work.
	singular := len(entries) == 2 && b.Text != "" && !strings.HasSuffix(strings.ToLower(strings.TrimSpace(b.Label)), "s") && !strings.Contains(b.Text, " and ") && !hasCJK(b.Text)
	var last, before *dent // the person read last; a body named before the next one ("DIN, Germany, Ada Wrench")
	for k, en := range entries {
		if singular && k == 1 && last != nil && en.paren == "" && !r.knownPerson(en.name) {
			o := r.d.entity(LabelOrganization, en.name, en.line, ruleOrgSlot)
			r.d.fact(RelMemberOf, last, o, en.line, relAffiliation, nil)
			continue
		}
		name := strings.TrimSpace(reUntil.ReplaceAllString(en.name, ""))
		until := ""
		if m := reUntil.FindStringSubmatch(en.name + " " + en.paren); m != nil {
			if ds := findDates(m[0], 0); len(ds) > 0 {
				until = ds[0].date
			}
		}
		var p *dent
		switch {
		case hasCJK(name):
			if n, aff := jaFieldEntry(name); n != "" {
				p = r.d.entity(LabelPerson, n, en.line, rulePersonRole)
				r.affiliations(p, aff, en.line)
			}
		case r.isPersonName(name, true) && (strings.Contains(name, " ") || r.properName(name)):
			// "Chair Election" elects no one called Election.
			p = r.person(name, en.line, rulePersonRole)
		}
		if p == nil {
			// "Chair: Ann Berger, University of Heights, UK": the
			// organization after a name is the person's.
			if last != nil && !hasCJK(name) && headLabel(name) == LabelOrganization {
				o := r.d.entity(LabelOrganization, name, en.line, ruleOrgSlot)
				r.d.fact(RelMemberOf, last, o, en.line, relAffiliation, nil)
			}
			// "Chairman: DIN, Germany, Ada Wrench": the body first.
			if last == nil && !hasCJK(name) && (isAcronym(name) || headLabel(name) == LabelOrganization) {
				before = r.d.entity(LabelOrganization, name, en.line, ruleOrgSlot)
			}
			last = nil
			continue
		}
		last = p
		if before != nil {
			r.d.fact(RelMemberOf, p, before, en.line, relAffiliation, nil)
			before = nil
		}
		if en.paren != "" {
			r.affiliations(p, en.paren, en.line)
		}
		props := map[string]any{"role": role, "until": until}
		if thing := r.cardThing(i); thing != nil {
			// "Chair: Ada Wrench" on a standard's card: she leads its work.
			r.d.fact(RelContributedTo, p, thing, en.line, relRoleField, props)
		} else if group {
			g := labelGroup
			if g == nil {
				g = r.parentGroup(i)
			}
			if g == nil {
				g = r.cardGroup(i)
			}
			if g == nil {
				g = r.headingGroup(i)
			}
			if g == nil {
				g = r.subjectGroup()
			}
			if g != nil {
				r.d.fact(RelMemberOf, p, g, en.line, relRoleField, props)
			}
			if ev := r.currentEvent(); ev != nil && r.p.Kind != "listing" {
				r.d.fact(RelAttended, p, ev, en.line, relRoleField, map[string]any{"role": role})
			}
		} else if ev := r.currentEvent(); ev != nil {
			r.d.fact(RelPresentedAt, p, ev, en.line, relPresenter, props)
		}
	}
}

// groupRoleLabel reads a label that is a group's name and a role in it:
// "JTC 1/SC 27 Vice-chair", "Gadget Council Communications Officer".
func (r *reader) groupRoleLabel(i int) (role string, group bool, g *dent, ok bool) {
	w := strings.Fields(r.p.Blocks[i].Label)
	for n := 2; n >= 1; n-- {
		if len(w) <= n {
			continue
		}
		role, group, ok = roleOf(strings.Join(w[len(w)-n:], " "))
		if !ok || !group {
			continue
		}
		front := strings.Join(w[:len(w)-n], " ")
		for _, m := range r.head[i] {
			if m.label == LabelWorkingGroup && strings.Contains(front, m.name) {
				if g = r.d.findAny(m.name, LabelWorkingGroup); g != nil {
					return role, true, g, true
				}
			}
		}
	}
	return "", false, nil, false
}

// reNameDash is a line of a leadership list: a name, a dash, and what
// the person is ("Ada Wrench — President, Cog Works").
var reNameDash = regexp.MustCompile(`^(` + pName + `)\s+[—–-]\s+(\S.{1,120})$`)

// nameDashLine reads a leadership list's line: the person is a member of
// the section's group (the page's, if the heading names none), in the
// role the line gives when it is a group's role, and of the
// organization after the comma.
func (r *reader) nameDashLine(i int) {
	b := &r.p.Blocks[i]
	if b.Label != "" || r.consumed[i] || b.Kind == BlockTitle || b.Kind == BlockRow {
		return
	}
	m := reNameDash.FindStringSubmatch(strings.TrimSpace(b.Text))
	if m == nil || !r.isPersonName(m[1], false) {
		return
	}
	title, org, _ := strings.Cut(m[2], ",")
	title = strings.TrimSpace(title)
	role, group, isRole := roleOf(title)
	if !isRole && org == "" {
		return // "Ada Wrench - notes on the plan": no list of people
	}
	p := r.person(m[1], b.Line, rulePersonRole)
	if org = strings.TrimSpace(org); org != "" {
		r.affiliations(p, title+", "+org, b.Line)
	}
	if g := r.sectionGroup(i); g != nil && group {
		r.d.fact(RelMemberOf, p, g, b.Line, relRoleField, map[string]any{"role": role})
	}
}

// reInlineRole is a role and its holders written inside a line, after
// what the line says of a group: "…; co-chairs Ada Wrench (Cog) and Bob
// Sprocket", "… profile. Chair: Cyd Gear (Gear Works)".
var reInlineRole = regexp.MustCompile(`(?:[.;]\s+|\s[-–—]\s|,\s+)(?i:(chairs?|co-chairs?|vice-chairs?|convenors?|conveners?|leads?|editors?|secretary))(?::\s*|\s+)(` + pName + `(?:\s*\([^()]{1,60}\))?(?:\s*(?:,|\band\b)\s*` + pName + `(?:\s*\([^()]{1,60}\))?)*)`)

// inlineRoles reads the roles reInlineRole finds in a block: each holder
// is a member of the group the block names first (else the section's),
// in that role, and of the organization in their parenthesis.
func (r *reader) inlineRoles(i int) {
	b := &r.p.Blocks[i]
	if r.consumed[i] || hasCJK(b.Text) {
		return
	}
	if _, _, ok := roleOf(b.Label); ok {
		return // "Chair: …": roleField reads it
	}
	for _, m := range reInlineRole.FindAllStringSubmatchIndex(b.Text, -1) {
		role, _, ok := roleOf(strings.TrimSuffix(strings.ToLower(b.Text[m[2]:m[3]]), "s"))
		if !ok {
			role, _, ok = roleOf(b.Text[m[2]:m[3]])
		}
		var g *dent
		if b.Label != "" {
			// "Attestation WG: develops … Chair: …": the label's group.
			label, _, _ := strings.Cut(b.Label, " (")
			g = r.d.findAny(label, LabelWorkingGroup)
		}
		if g == nil {
			g = r.first(i, LabelWorkingGroup)
		}
		if g == nil {
			g = r.sectionGroup(i)
		}
		if !ok || g == nil {
			continue
		}
		list := b.Text[m[4]:m[5]]
		for _, en := range splitRoster(strings.ReplaceAll(list, " and ", ", "), b) {
			if !r.isPersonName(en.name, false) {
				continue
			}
			line := b.LineAt(m[4])
			p := r.person(en.name, line, rulePersonRole)
			r.d.fact(RelMemberOf, p, g, line, relRoleField, map[string]any{"role": role})
			if en.paren != "" {
				r.affiliations(p, en.paren, line)
			}
		}
	}
}

var reUntil = regexp.MustCompile(`<[^<>]*まで>|\(?until [^)]*\)?`)

// followers returns the blocks a role label heads: its children, or for
// a label with no value, the lines under it that name people.
func (r *reader) followers(i int) []int {
	if kids := r.children(i); len(kids) > 0 {
		// The people come first, blocks of one kind; a heading's later
		// text ("Meetings", "Mailing List" after the list) is none of them.
		for k, j := range kids {
			if k > 0 && (r.p.Blocks[j].Kind == BlockItem) != (r.p.Blocks[kids[0]].Kind == BlockItem) {
				return kids[:k]
			}
		}
		return kids
	}
	b := &r.p.Blocks[i]
	// A label with a name beside it or below it ("Attendees:" over "Ada
	// Wrench (Gear Works), Chair") goes on over the lines right under that
	// one, with no blank line between.
	tight := b.Text != ""
	last := b.Lines[len(b.Lines)-1]
	var out []int
	for j := i + 1; j < len(r.p.Blocks) && len(out) < 40; j++ {
		nb := &r.p.Blocks[j]
		if nb.Kind == BlockNoise {
			if nb.Lines[0] == last+1 {
				last = nb.Lines[len(nb.Lines)-1] // "OBSERVERS", a ruler, then the names
			}
			continue
		}
		next := nb.Lines[0] == last+1
		// A line right under the roster's is no heading, whatever its shape.
		heading := nb.Kind == BlockTitle || nb.Kind == BlockHeading && !next
		if nb.Label != "" || heading || !personLine(nb.Text) || tight && !next {
			break
		}
		last = nb.Lines[len(nb.Lines)-1]
		out = append(out, j)
	}
	return out
}

// personLine tells whether a line can be one roster entry: a name with
// maybe a parenthesis.
var rePersonLine = regexp.MustCompile(`^(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?\p{Lu}[\pL.'’-]*(?:\s+(?:van|de|von|der|da|di|le|la|\p{Lu}[\pL.'’-]*)){0,4}\s*(?:\([^()]*(?:\([^()]*\))?[^()]*\))?(?:\s*/\s*[^/]{1,80})?$`)

func personLine(s string) bool {
	s = strings.TrimSpace(strings.TrimLeft(s, "-–•* "))
	if k := strings.LastIndex(s, ","); k > 0 {
		if _, _, ok := roleOf(s[k+1:]); ok {
			s = strings.TrimSpace(s[:k]) // "Ada Wrench (Gear Works), Vice Chair"
		}
	}
	if m := reNickname.FindStringSubmatch(s); m != nil {
		s = m[1] + " " + m[3] + m[4]
	}
	if name, _, _, ok := dashEntry(s); ok {
		s = name
	}
	return rePersonLine.MatchString(s) || hasCJK(s) && utf8.RuneCountInString(s) < 60
}

// headingGroup is the group whose name is the heading that holds block
// i: "Technical Steering Committee" over "Chair: …".
func (r *reader) headingGroup(i int) *dent {
	p := r.p.Blocks[i].Parent
	for p >= 0 && strings.HasPrefix(r.p.Blocks[p].Text, "(") && r.p.Blocks[p].Kind == BlockHeading {
		p = r.p.Blocks[p].Parent // "(10th three-year term, …)" under the post above
	}
	if p < 0 || r.p.Blocks[p].Kind != BlockHeading {
		return nil
	}
	// The heading, or one just above it that it titles: "ISO/IEC
	// JTC1/SC 27/WG 1" over "Information Security Management Systems".
	for k := p; k >= 0 && k >= p-3; k-- {
		h := &r.p.Blocks[k]
		if h.Kind == BlockNoise || h.Kind == BlockHeading && strings.HasPrefix(h.Text, "(") {
			continue
		}
		if h.Kind != BlockHeading {
			break
		}
		if g := r.first(k, LabelWorkingGroup); g != nil && (key(g.name) == key(h.Text) || strings.HasSuffix(key(h.Text), key(g.name))) {
			return g
		}
	}
	return nil
}

// knownPerson tells whether the page names name as a person elsewhere.
func (r *reader) knownPerson(name string) bool {
	return r.d.findAny(name, LabelPerson) != nil
}

// knownOrg tells whether the page knows name as an organization.
func (r *reader) knownOrg(name string) bool {
	if _, ok := r.lex.orgs[key(name)]; ok {
		return true
	}
	return r.d.findAny(name, LabelOrganization) != nil
}

// slashRole reads the roles a roster writes after a slash, one a comma:
// "IETF Chair" is a role in the IETF, "IETF Secretariat" a seat in the
// group the page names so, and "Security Area" a seat in the group
// whose meeting it is (seats). It returns the first, the person's role
// at the meeting.
func (r *reader) slashRole(p *dent, role string, line int) string {
	parts := strings.Split(role, ",")
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if g := r.d.findAny(part, LabelWorkingGroup); g != nil && strings.Contains(part, " ") {
			r.d.fact(RelMemberOf, p, g, line, relSlashSeat, nil)
			continue
		}
		// "ICANN Board member": a post in a group the page names.
		if g := r.groupAtStart(part); g != nil && !strings.Contains(strings.ToLower(part), "appointee") {
			r.d.fact(RelMemberOf, p, g, line, relSlashSeat, map[string]any{"role": part})
			continue
		}
		// "NCUC": the body itself, by its acronym.
		if isAcronym(part) && len(part) >= 3 && !r.knownOrg(part) {
			g := r.d.findAny(part, LabelWorkingGroup)
			if g == nil {
				g = r.d.entity(LabelWorkingGroup, part, line, ruleOrgSlot)
			}
			r.d.fact(RelMemberOf, p, g, line, relSlashSeat, nil)
			continue
		}
		named := false
		for _, w := range strings.Fields(part) {
			if !isAcronym(w) {
				continue
			}
			if r.knownOrg(w) {
				o := r.d.entity(LabelOrganization, w, line, ruleOrgSlot)
				r.d.fact(RelMemberOf, p, o, line, relAffiliation, map[string]any{"role": part})
			}
			named = true // "IAB Liaison": a seat of another body
			break
		}
		if named || part == "" || meetingTask(part) {
			continue
		}
		r.seats = append(r.seats, seat{p, part, line})
	}
	return strings.TrimSpace(parts[0])
}

// groupAtStart is the working group whose name, of two words or more, a
// post starts with: the ICANN Board of "ICANN Board member". (A group's
// appointee sits in the meeting's group, not in the one that chose them.)
func (r *reader) groupAtStart(post string) *dent {
	return r.startingWith(LabelWorkingGroup, post, func(n string) bool { return strings.Contains(n, " ") })
}

// namesBody tells a post that names its body: "GAC Liaison", "Gadget
// Secretariat", an acronym or a group the page knows.
func (r *reader) namesBody(role string) bool {
	for _, part := range strings.Split(role, ",") {
		part = strings.TrimSpace(part)
		if r.d.findAny(part, LabelWorkingGroup, LabelOrganization) != nil {
			return true
		}
		if slices.ContainsFunc(strings.Fields(part), func(w string) bool { return isAcronym(w) && len(w) >= 2 }) {
			return true
		}
	}
	return false
}

// meetingTask tells a role that is a task at the meeting, not a seat in
// its group: "Scribe", "Narrative Scribe".
func meetingTask(role string) bool {
	w := strings.Fields(role)
	_, inGroup, ok := roleOf(role)
	if !ok && len(w) > 1 {
		_, inGroup, ok = roleOf(w[len(w)-1])
	}
	return ok && !inGroup
}

// seat is a role a roster gives a person in the group whose meeting it
// records, known once the page's meetings have their holders.
type seat struct {
	p    *dent
	role string
	line int
}

// takeSeats makes each seat a membership of the group that held the
// page's meeting.
func (r *reader) takeSeats() {
	if r.event == nil || len(r.seats) == 0 {
		return
	}
	for _, f := range r.d.facts {
		if f.typ != RelHeld || f.to != r.event || f.from.label != LabelWorkingGroup {
			continue
		}
		for _, s := range r.seats {
			r.d.fact(RelMemberOf, s.p, f.from, s.line, relSlashSeat, map[string]any{"role": s.role})
		}
		return
	}
}
