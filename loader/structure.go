package loader

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The structure stage: a text in, blocks out. A block is a title, a
// heading, a paragraph, a list item or a table row, with the lines it
// spans; any block may also be a field ("Label: value"). Navigation and
// page furniture are noise blocks, which the later stages skip.

// BlockKind says what a block is.
type BlockKind uint8

// Kinds of block.
const (
	BlockParagraph BlockKind = iota
	BlockTitle
	BlockHeading
	BlockItem
	BlockRow
	BlockNoise
)

var blockKindNames = [...]string{"paragraph", "title", "heading", "item", "row", "noise"}

func (k BlockKind) String() string { return blockKindNames[k] }

// Block is one unit of a page's structure.
type Block struct {
	Kind   BlockKind `json:"kind"`
	Line   int       `json:"line"`  // 1-based first line
	Lines  []int     `json:"lines"` // the line each part of Text starts on, in order
	Text   string    `json:"text"`  // normalised content, marker and field label removed
	Label  string    `json:"label,omitempty"`
	Head   string    `json:"head,omitempty"`  // words before a field's label on its line
	Blank  bool      `json:"blank,omitempty"` // a form's field left to fill in ("Label:____")
	Marker string    `json:"marker,omitempty"`
	Indent int       `json:"indent"`
	Level  int       `json:"level"`  // headings: 1 for a main heading, more for sub-headings
	Parent int       `json:"parent"` // index of the enclosing heading, item or field block; -1 for none
	Cells  []string  `json:"cells,omitempty"`
	Column bool      `json:"column,omitempty"` // a cell of a line flattened from columns (columnCells)
	// offs[i] is where the part of Text that starts on Lines[i] begins.
	offs []int
}

// LineAt returns the line that byte offset i of the block's Text is on.
func (b *Block) LineAt(i int) int {
	line := b.Line
	for k, o := range b.offs {
		if o <= i {
			line = b.Lines[k]
		}
	}
	return line
}

// Page is a text read into blocks.
type Page struct {
	Src    string
	Raw    []string // the lines as written
	Norm   []string // the lines as the recognisers read them
	Blocks []Block
	URL    string // the page's own address, where the text gives it
	Kind   string // what the page reads as: listing, log, report or form
	// SrcLines gives the source file's line for each line, where the
	// text is decoded from a file whose lines are not the text's (a
	// web page); nil when line n is the file's line n.
	SrcLines []int
}

// SourceLine is the source file's line that the page's line n (1-based)
// comes from.
func (p *Page) SourceLine(n int) int {
	if p.SrcLines == nil || n < 1 || n > len(p.SrcLines) {
		return n
	}
	return p.SrcLines[n-1]
}

// rawLine is one line with its measurements.
type rawLine struct {
	n      int // 1-based
	text   string
	indent int
	piece  bool // a part of its line, split off at an inline field
	column bool // a cell of a line flattened from columns
}

var (
	// List markers: "-", "•", "・", "*", "o", "1.", "1)", "(1)", "a.",
	// "3a.", "2a;", "①".
	reMarker = regexp.MustCompile(`^(?:([-–*•・·○●■□◆◇▪▸►]|o\s)\s*|(\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[a-z]?[.)]|\d{1,2}(?:-\d{1,2})+\.|\d{1,2}[a-z][;:]|[a-z][.)]|[①-⑳]|参考\s?\d{1,2}(?:-\d{1,2})?[.．])\s*)`)
	// A field: a short label, a colon, the value (maybe empty).
	reField = regexp.MustCompile(`^([^:：]{1,40}?)\s*:\s*(.*)$`)
	// Markdown headings.
	reHashHeading = regexp.MustCompile(`^(#{1,6})\s+(.+?)\s*#*$`)
	reUnderscores = regexp.MustCompile(`_{3,}|\.{6,}`)
)

// edgeBars drops the bars a table copied as text leaves at the edges of
// its cells ("Source: |", "||"); a row with bars inside stays a row.
func edgeBars(t string) string {
	inner := strings.TrimSpace(strings.Trim(t, "|"))
	if strings.Contains(inner, "|") {
		return t
	}
	return inner
}

// parsePage reads a text's lines into blocks.
func parsePage(src string, raw []string) *Page {
	p := &Page{Src: src, Raw: raw, Norm: make([]string, len(raw))}
	var ls []rawLine
	lower := lowerWords(raw)
	for i, r := range raw {
		n := normLine(r)
		p.Norm[i] = n
		t := edgeBars(strings.TrimSpace(n))
		cols := columnCells(t)
		var pieces []string
		for _, col := range cols {
			for _, cell := range unglue(col, lower) {
				if fs := inlineFields(cell); len(fs) >= 2 {
					pieces = append(pieces, fs...)
				} else {
					pieces = append(pieces, cell)
				}
			}
		}
		var cut []string
		for _, t := range pieces {
			cut = append(cut, splitLong(t)...)
		}
		for _, t := range cut {
			ls = append(ls, rawLine{n: i + 1, text: t, indent: indentOf(n), piece: len(cut) > 1, column: len(cols) > 1})
		}
	}
	gluedTables(ls, lower)
	slashTables(ls)
	p.Blocks = groupBlocks(p, ls)
	nestBlocks(p.Blocks)
	return p
}

// indentOf measures leading white space: a tab is four columns.
func indentOf(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// groupBlocks turns lines into blocks: one block per line, except that a
// paragraph's hard-wrapped lines join, an item's wrapped lines join the
// item, and a field's label alone on a line takes the line below as its
// value.
func groupBlocks(p *Page, ls []rawLine) []Block {
	var out []Block
	wrap := wrapWidth(ls)
	titled := false
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if l.text == "" {
			continue
		}
		b := classifyLine(p, ls, i, wrap)
		if b.Kind == BlockNoise {
			out = append(out, b)
			continue
		}
		if b.Label != "" && b.Text == "" && !b.Blank {
			// "Source:" with its value a line (or a blank line) below: a
			// form's label, or one of the known ones over anything.
			if j := nextNonBlank(ls, i); j > 0 && valueLine(ls[j].text) && (knownLabel(b.Label) || formValue(ls, j)) {
				b.Text = ls[j].text
				b.offs[0] = 0
				b.Lines[0] = ls[j].n
				i = j
			}
		}
		for b.Kind == BlockParagraph || b.Kind == BlockItem {
			j := i + 1
			if j >= len(ls) || !continues(b, ls[i], ls[j], wrap) {
				break
			}
			b.offs = append(b.offs, len(b.Text)+1)
			b.Lines = append(b.Lines, ls[j].n)
			b.Text += " " + ls[j].text
			i = j
		}
		if !titled && dateTitle(b) {
			// "Gizmo WG Kickoff Meeting: July 15, 2011" is a title, not a field.
			b.Label, b.Text, b.offs[0] = "", l.text, 0
			b.Kind, b.Level = BlockTitle, 0
			titled = true
		} else if !titled && b.Text != "" && titleLabels[strings.ToLower(b.Label)] {
			// "Minutes: Widget WG Telecon 13 May 2026" titles the page.
			b.Kind, b.Level = BlockTitle, 0
			titled = true
		} else if !titled && (b.Kind == BlockHeading || b.Kind == BlockParagraph && isHeadingText(b.Text)) && b.Label == "" {
			b.Kind, b.Level = BlockTitle, 0
			titled = true
		} else if b.Kind != BlockNoise && (len(b.Text) > 40 || isDateLabel(b.Label)) {
			titled = true // a page that starts with prose or its date has no title
		}
		out = append(out, b)
	}
	return out
}

// dateTitle tells a page's first line written "Name of a meeting: date":
// a label of several words whose value is only a date.
func dateTitle(b Block) bool {
	if b.Label == "" || len(b.Lines) != 1 || len(strings.Fields(b.Label)) < 3 || knownLabel(b.Label) {
		return false
	}
	ds := findDates(b.Text, 0)
	return len(ds) == 1 && ds[0].start == 0 && strings.TrimSpace(b.Text[ds[0].end:]) == ""
}

// titleLabels are the labels whose value, on a page's first lines, is the
// page's title.
var titleLabels = map[string]bool{
	"minutes": true, "agenda": true, "subject": true, "title": true, "meeting": true, "recap": true,
	"report": true, "summary": true, "meeting notes": true, "meeting report": true,
}

// wrapWidth is the width a text was hard-wrapped at, or 0 for a text whose
// paragraphs are one line each: most long lines end within a few columns
// of the longest.
func wrapWidth(ls []rawLine) int {
	var long []int
	for _, l := range ls {
		if n := utf8.RuneCountInString(l.text) + l.indent; n > 40 {
			long = append(long, n)
		}
	}
	// A line far longer than the rest is a paragraph of one line in a
	// wrapped page, not its width.
	long = slices.DeleteFunc(long, func(n int) bool { return n > 100 })
	if len(long) < 5 {
		return 0
	}
	w := 0
	for _, n := range long {
		w = max(w, n)
	}
	near := 0
	for _, n := range long {
		if n >= w-15 {
			near++
		}
	}
	if near*2 < len(long) {
		return 0
	}
	return w
}

func nextNonBlank(ls []rawLine, i int) int {
	for j := i + 1; j < len(ls); j++ {
		if ls[j].text != "" {
			return j
		}
	}
	return -1
}

// valueLine tells whether a line can be the value of a label above it: not
// a list item, a field or another label.
// formValue tells a line that stands alone, short, between blank lines
// (or the end): a form's value under its label, not a list.
func formValue(ls []rawLine, j int) bool {
	return (j+1 >= len(ls) || ls[j+1].text == "") && utf8.RuneCountInString(ls[j].text) <= 120 && !strings.HasSuffix(ls[j].text, ":")
}

func valueLine(s string) bool {
	if reMarker.MatchString(s) || isNoise(s) || strings.ContainsAny(s[:1], "【<[") {
		return false
	}
	if m := reField.FindStringSubmatch(s); m != nil && isFieldLabel(strings.TrimSpace(m[1])) {
		return false
	}
	return !knownLabel(s)
}

// fieldLabels are the labels of meeting pages and forms that may stand on
// a line of their own, with the value on the next.
var fieldLabels = map[string]bool{
	"date": true, "time": true, "date and time": true, "location": true, "venue": true, "place": true,
	"present": true, "attendees": true, "attending": true, "participants": true, "regrets": true,
	"apologies": true, "absent": true, "chair": true, "agenda": true, "when": true, "where": true,
	"日時": true, "開催日時": true, "開催日": true, "日程": true, "場所": true, "開催場所": true, "会場": true,
	"出席者": true, "出席": true, "欠席者": true, "欠席": true, "参加者": true, "議題": true, "議事": true,
	"配布資料": true, "主催": true, "共催": true, "講師": true, "委員": true, "臨時委員": true, "専門委員": true,
	"特別委員": true, "構成員": true, "オブザーバー": true, "説明者": true, "事務局": true,
}

// maxPiece is the longest run of text read as one block: a longer line
// (a whole page flattened onto one line) is cut at sentence ends, so
// that every rule's work on a block stays bounded and the loader linear.
const maxPiece = 2048

// splitLong cuts s into pieces of at most maxPiece bytes, each ending at
// a sentence's end where there is one, else at a space.
func splitLong(s string) []string {
	var out []string
	for len(s) > maxPiece {
		head := s[:maxPiece]
		cut := max(strings.LastIndex(head, "。")+len("。"), strings.LastIndex(head, ". ")+1, strings.LastIndex(head, "; ")+1)
		if cut < maxPiece/4 {
			cut = strings.LastIndex(head, " ")
		}
		if cut < maxPiece/4 {
			cut = maxPiece
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
	return append(out, s)
}

// inlineLabels are the labels a flattened record writes one after another
// on a line: "日時 : … 場所 : … 出席者 : … 事務局 : …".
var inlineLabels = func() *regexp.Regexp {
	var ls []string
	for l := range fieldLabels {
		ls = append(ls, l)
	}
	ls = append(ls, "事務局", "招聘者", "説明者", "陪席者", "オブザーバー", "出席委員", "欠席委員", "提出委任状", "傍聴者",
		"Vice-Chair", "Vice Chair", "Co-Chair", "Co-Chairs", "Secretary", "Officers")
	ls = sortedLongestFirst(ls)
	for i, l := range ls {
		if hasCJK(l) {
			// "事 務 局 :": a label spaced out to the width of its column.
			ls[i] = strings.Join(strings.Split(regexp.QuoteMeta(l), ""), `\s?`)
			continue
		}
		ls[i] = regexp.QuoteMeta(l)
	}
	// A Latin label starts a word; a Japanese one may follow the last
	// entry without a space ("虫明委員欠席者 :").
	return regexp.MustCompile(`(?i)(` + strings.Join(ls, "|") + `)(?:\s?\([^()]{1,20}\))?\s*[:：]`)
}()

// numberedLabels are the Japanese labels a flattened record numbers
// instead of ending with a colon: "1 日 時 … 2 場 所 … 3 出席者(敬称略) …", a
// space allowed between their characters.
var numberedLabels = func() *regexp.Regexp {
	var ls []string
	for l := range fieldLabels {
		if hasCJK(l) {
			ls = append(ls, strings.Join(strings.Split(regexp.QuoteMeta(l), ""), `\s?`))
		}
	}
	sort.Slice(ls, func(i, j int) bool { return len(ls[i]) > len(ls[j]) })
	return regexp.MustCompile(`(?:^|\s)\d{1,2}\s+((?:` + strings.Join(ls, "|") + `)(?:\([^()]{1,20}\))?)\s+`)
}()

// numberedFields writes "1 日 時 平成29年… 2 場 所 金融庁" as fields with
// colons ("日時: 平成29年…"), which inlineFields then splits.
func numberedFields(s string) string {
	ms := numberedLabels.FindAllStringSubmatchIndex(s, -1)
	if len(ms) < 2 {
		return s
	}
	var b strings.Builder
	at := 0
	for _, m := range ms {
		b.WriteString(s[at:m[0]])
		b.WriteString(" " + strings.ReplaceAll(s[m[2]:m[3]], " ", "") + ": ")
		at = m[1]
	}
	b.WriteString(s[at:])
	return strings.TrimSpace(b.String())
}

// inlineFields splits a line that holds several fields ("日時 : 平成18年7月13日
// 場所 : 会議室 出席者 : 柘植会長 …") into one piece per field, with what comes
// before the first; a line with fewer than two stays whole.
func inlineFields(s string) []string {
	if strings.ContainsAny(s, "0123456789") {
		s = numberedFields(s)
	}
	if strings.Count(s, ":")+strings.Count(s, "：") < 2 {
		return nil // fields end in colons; the patterns are many
	}
	ms := inlineLabels.FindAllStringSubmatchIndex(s, -1)
	var starts []int
	for _, m := range ms {
		// A Latin label inside a line is capitalised: "new attendees:
		// 08:11" is a sentence.
		if lab := s[m[2]:m[3]]; hasCJK(lab) || m[2] == 0 || s[m[2]-1] == ' ' && unicode.IsUpper(rune(lab[0])) || gluedAt(s, m[2]) {
			starts = append(starts, m[2])
		}
	}
	if len(starts) < 2 {
		return nil
	}
	var out []string
	if t := strings.TrimSpace(s[:starts[0]]); t != "" {
		out = append(out, t)
	}
	for k, st := range starts {
		end := len(s)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		out = append(out, strings.TrimSpace(s[st:end]))
	}
	return out
}

// gluedAt tells whether a capitalised word starts at k right after the
// end of another, as text copied from a table or a slide runs its cells
// together: "Full Working GroupDate: 2016-01-18".
func gluedAt(s string, k int) bool {
	if k == 0 || k >= len(s) || s[k] < 'A' || s[k] > 'Z' {
		return false
	}
	prev := s[k-1]
	return prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9' || prev == ')'
}

// knownLabel tells whether s is one of the fieldLabels (spaces inside a
// Japanese label ignored: "日 時").
func knownLabel(s string) bool {
	s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), ":"))
	if hasCJK(s) {
		s = strings.ReplaceAll(s, " ", "")
	}
	return fieldLabels[s]
}

// classifyLine reads line i as a block of one line.
func classifyLine(p *Page, ls []rawLine, i, wrap int) Block {
	l := ls[i]
	b := Block{Line: l.n, Lines: []int{l.n}, offs: []int{0}, Text: l.text, Indent: l.indent, Parent: -1, Column: l.column}
	if u, ok := strings.CutPrefix(l.text, "SOURCE:"); ok && p.URL == "" {
		p.URL = strings.TrimSpace(u)
		b.Kind, b.Label = BlockNoise, "SOURCE"
		return b
	}
	if isNoise(l.text) {
		b.Kind = BlockNoise
		return b
	}
	if m := reHashHeading.FindStringSubmatch(l.text); m != nil {
		b.Kind, b.Level, b.Text = BlockHeading, len(m[1]), m[2]
		return b
	}
	if cells := tableCells(l.text); cells != nil {
		b.Kind, b.Cells = BlockRow, cells
		if strings.Contains(b.Text, "\t") && !strings.Contains(b.Text, "|") {
			// No name runs across a tab into the next cell.
			b.Text = strings.ReplaceAll(b.Text, "\t", " | ")
		}
		return b
	}
	text := l.text
	// "①": NFKC makes it a "1"; the raw line still shows the marker.
	if r, size := utf8.DecodeRuneInString(strings.TrimSpace(p.Raw[l.n-1])); r >= '①' && r <= '⑳' && !l.piece {
		b.Kind, b.Marker = BlockItem, string(r)
		rest := strings.TrimSpace(strings.TrimSpace(p.Raw[l.n-1])[size:])
		b.Text = normLine(rest)
		b.offs[0] = len(l.text) - len(b.Text)
		splitField(&b)
		return b
	}
	if m := reMarker.FindStringSubmatch(text); m != nil && len(m[0]) < len(text) && markerFits(m, text) {
		b.Kind = BlockItem
		b.Marker = strings.TrimSpace(m[0])
		text = strings.TrimSpace(text[len(m[0]):])
		b.offs[0] = len(l.text) - len(text)
		if isNoise(text) {
			b.Kind = BlockNoise
			return b
		}
	} else {
		b.Kind = BlockParagraph
		if headingLine(ls, i, wrap) {
			b.Kind, b.Level = BlockHeading, headingLevel(text)
		}
	}
	b.Text = text
	splitField(&b)
	// "From Group ITU-T SG17": a liaison record's label and value, with
	// no colon between them.
	if l := bareLabel(b.Text); l != "" && b.Label == "" {
		v := strings.TrimSpace(b.Text[len(l):])
		b.offs[0] += len(b.Text) - len(v)
		b.Label, b.Text = l, v
		if b.Kind == BlockHeading {
			b.Kind = BlockParagraph
		}
	}
	// "Secretary – Chen Wei, Orbit Networks": a role and its holder.
	if m := reDashRole.FindStringSubmatchIndex(b.Text); m != nil && b.Label == "" {
		if _, _, ok := roleOf(b.Text[m[2]:m[3]]); ok {
			b.offs[0] += m[4]
			b.Label, b.Text = b.Text[m[2]:m[3]], b.Text[m[4]:]
			if b.Kind == BlockHeading {
				b.Kind = BlockParagraph
			}
		}
	}
	// "3 出席者", "1 日時 平成30年3月22日": a section's number before a
	// known label; the number is the section's marker.
	if m := reSectionNumber.FindString(b.Text); m != "" && b.Label == "" && b.Marker == "" {
		rest := b.Text[len(m):]
		if k, _, _ := strings.Cut(rest, " "); knownLabel(k) || knownLabel(rest) {
			b.offs[0] += len(m)
			b.Text, b.Marker = rest, strings.TrimSpace(m)
		}
	}
	// "日時 平成20年10月14日": a label and its value with only a space.
	if k, v, ok := strings.Cut(b.Text, " "); ok && b.Label == "" && knownLabel(k) && strings.TrimSpace(v) != "" {
		b.Label, b.Text = k, strings.TrimSpace(v)
		b.offs[0] += len(k) + (len(v) - len(strings.TrimLeft(v, " "))) + 1
		if b.Kind == BlockHeading {
			b.Kind = BlockParagraph
		}
	}
	if knownLabel(b.Text) && b.Label == "" {
		b.Label, b.Text = strings.TrimSuffix(b.Text, ":"), ""
		b.offs[0] = len(l.text)
		if b.Kind == BlockHeading {
			b.Kind = BlockParagraph
		}
	}
	if b.Kind == BlockItem && b.Label == "" && numbered(b.Marker) && isHeadingText(b.Text) && standsAlone(ls, i) {
		// "1. Mission" with a paragraph below is a numbered heading.
		if next := nextText(ls, i); next != "" && !reMarker.MatchString(next) && !isHeadingText(next) {
			b.Kind, b.Level = BlockHeading, 1
		}
	}
	return b
}

// reSectionNumber is a section's bare number before its label: "3 ".
var reSectionNumber = regexp.MustCompile(`^\d{1,2}\s+`)

// reDashRole is a role word, a dash and what follows it.
var reDashRole = regexp.MustCompile(`^(\p{Lu}[\pL-]*(?: [\pL-]+){0,2})\s+[-–—]\s+(\S.*)$`)

// bareLabels are the labels a liaison record writes before its values
// with only a space: a table of two columns copied as text.
var bareLabels = []string{
	"From Groups", "From Group", "From Contacts", "From Contact", "To Groups", "To Group", "To Contacts",
	"To Contact", "Submitted Date", "Response Contacts", "Response Contact", "Technical Contacts",
	"Technical Contact", "Action Holder Contacts", "Liaison Contacts",
}

// bareLabel is the bare label s starts with, or "".
func bareLabel(s string) string {
	for _, l := range bareLabels {
		if strings.HasPrefix(s, l+" ") {
			return l
		}
	}
	return ""
}

// headingLine tells whether line i is a heading: heading text with a blank
// line (or a list) below it, and not a line of a hard-wrapped paragraph.
func headingLine(ls []rawLine, i, wrap int) bool {
	t := ls[i].text
	if !isHeadingText(t) {
		return false
	}
	if wrap > 0 && utf8.RuneCountInString(t)+ls[i].indent >= wrap-20 {
		return false
	}
	if i+1 >= len(ls) || ls[i+1].text == "" {
		// The last of a run of lines alike ("Bob Hinden\nGreg Wood\n\n")
		// ends the run; it heads nothing.
		return !endsRun(ls, i)
	}
	// A short label right above a list heads the list; a list further
	// out is not under it ("Bob Sprocket" ending a roster, then "2. Regrets").
	next := ls[i+1].text
	return reMarker.MatchString(next) && ls[i+1].indent >= ls[i].indent && (utf8.RuneCountInString(t) <= 12 || len(strings.Fields(t)) <= 4)
}

// headingLevel ranks a heading: one that names a kind of thing in the
// plural ("Working Groups", "EMEA Research Projects") heads a section of a
// listing (1); others head one item of it (2).
func headingLevel(s string) int {
	for _, w := range strings.Fields(s) {
		if pluralHeads[strings.ToLower(strings.Trim(w, ".:,()"))] {
			return 1
		}
	}
	if strings.HasSuffix(s, "一覧") || strings.Contains(s, "Date Opened") {
		return 1
	}
	return 2
}

var pluralHeads = map[string]bool{
	"groups": true, "projects": true, "initiatives": true, "committees": true, "councils": true,
	"members": true, "programs": true, "programmes": true, "activities": true, "meetings": true,
	"events": true, "publications": true, "documents": true, "papers": true, "standards": true,
	"liaisons": true, "chapters": true, "subcommittees": true, "forces": true, "boards": true, "details": true,
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".:,()")
}

// markerFits refuses markers that are the start of a word or number:
// "o" must be alone, "1." must not start a decimal or a date.
func markerFits(m []string, text string) bool {
	rest := text[len(m[0]):]
	if m[2] != "" && strings.ContainsAny(m[2], ".") && rest != "" && unicode.IsDigit(rune(rest[0])) {
		return false
	}
	// "1.5 hours were spent": a number in a sentence, not a section.
	if mk := strings.TrimSpace(m[2]); strings.Contains(mk, ".") && !strings.HasSuffix(mk, ".") && rest != "" && unicode.IsLower(rune(rest[0])) {
		return false
	}
	if m[1] == "-" && (strings.HasPrefix(rest, "-") || m[0] == "-" && rest != "" && unicode.IsDigit(rune(rest[0]))) {
		return false // "--", "-5%"; "- 802 Committee" is an item
	}
	return true
}

func numbered(marker string) bool {
	return marker != "" && (unicode.IsDigit(rune(marker[0])) || marker[0] == '(')
}

// splitField reads "Label: value" (or "Label:" with the value below) into
// the block's Label and Text.
func splitField(b *Block) {
	m := reField.FindStringSubmatchIndex(b.Text)
	if m == nil {
		return
	}
	label := strings.TrimSpace(b.Text[m[2]:m[3]])
	value := strings.TrimSpace(b.Text[m[4]:m[5]])
	// "Call to Order - Chair: Amy": the label is the last part.
	for _, sep := range []string{" - ", " – ", " — "} {
		if k := strings.LastIndex(label, sep); k >= 0 {
			b.Head = strings.TrimSpace(label[:k])
			label = strings.TrimSpace(label[k+len(sep):])
		}
	}
	if !isFieldLabel(label) || strings.HasPrefix(value, "//") || value != "" && leadInSentence(label) {
		return
	}
	// "3 出席者:", "2. Attendees:": the section's number is not the label.
	if n := reLabelNumber.FindString(label); n != "" && n != label {
		label = label[len(n):]
	}
	if reUnderscores.MatchString(value) && strings.Trim(value, "_. ") == "" {
		value = "" // "Label:____": an empty field of a blank form
		b.Blank = true
	}
	b.Label = label
	shift := m[4]
	if value == "" {
		shift = len(b.Text)
	}
	b.offs[0] += shift
	for k := 1; k < len(b.offs); k++ {
		b.offs[k] -= shift
	}
	b.Text = value
	if !strings.Contains(value, "\n") {
		b.Text = columnsAsParen(value)
	}
	if b.Kind == BlockHeading {
		b.Kind = BlockParagraph
	}
}

// leadInSentence tells a sentence that introduces the list after its colon
// ("Partners of the Gizmo Project include: …") from a label: it ends in
// its verb.
func leadInSentence(label string) bool {
	w := strings.Fields(label)
	if len(w) < 3 {
		return false
	}
	switch strings.ToLower(w[len(w)-1]) {
	case "include", "includes", "included", "are", "were", "is", "was", "comprise", "comprises", "follow", "follows", "as":
		return true
	}
	return false
}

// reColumns is the gap between the columns of a field laid out as a
// table: "Chairman:      Ada Wrench      Gear Works".
var reColumns = regexp.MustCompile(`\S(\s{3,})\S`)

// columnsAsParen writes a person's name and organization laid out in two
// columns as a name with its affiliation: "Ada Wrench (Gear Works)".
func columnsAsParen(s string) string {
	t := strings.TrimSpace(s)
	ms := reColumns.FindAllStringSubmatchIndex(t, -1)
	if len(ms) != 1 || strings.ContainsAny(t, "(),") {
		return s
	}
	gap := ms[0]
	name, org := t[:gap[2]], t[gap[3]:]
	if hasCJK(t) || len(strings.Fields(name)) < 2 || !rePersonLine.MatchString(name) || !unicode.IsLetter([]rune(org)[0]) {
		return s // only a person's name has an organization beside it
	}
	return name + " (" + org + ")"
}

// reLabelNumber is a section number before a field's label.
var reLabelNumber = regexp.MustCompile(`^(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})(?:[.．、)）]\s*|\s+)`)

// isFieldLabel tells a field's label from the start of a sentence that has
// a colon in it: a few words, no sentence inside, not a clock time.
func isFieldLabel(s string) bool {
	if s == "" || strings.ContainsAny(s, ".。?!\"“”") || unicode.IsDigit(rune(s[len(s)-1])) {
		return false
	}
	if hasCJK(s) {
		return utf8.RuneCountInString(s) <= 16 && !strings.ContainsAny(s, "、。")
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return false
	}
	return strings.ToLower(s) != "http" && strings.ToLower(s) != "https" && strings.ToLower(s) != "mailto"
}

// continues tells whether line next carries on block b, begun on line cur:
// a hard-wrapped line runs on into the next; an item goes on with deeper
// unmarked lines while its parenthesis is open or its sentence runs on.
func continues(b Block, cur, next rawLine, wrap int) bool {
	if next.piece && next.n == cur.n {
		return false // the parts of one line were split apart on purpose
	}
	if next.text == "" || isNoise(next.text) || reMarker.MatchString(next.text) && !strings.HasPrefix(next.text, "/") {
		return false
	}
	if strings.Count(b.Text, "(") > strings.Count(b.Text, ")") && next.indent <= cur.indent+8 {
		return true
	}
	if b.Label != "" && b.Text == "" {
		return false
	}
	if lm := reField.FindStringSubmatch(next.text); lm != nil && isFieldLabel(strings.TrimSpace(lm[1])) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(b.Text)
	if last == '、' {
		return true // a Japanese list runs on past a line's end
	}
	ended := strings.ContainsRune(".。!?:;)」』", last) || bodyLines(cur.text, next.text)
	if n := utf8.RuneCountInString(cur.text) + cur.indent; wrap > 0 && n >= wrap-20 && n <= wrap && !ended {
		return true
	}
	r, _ := utf8.DecodeRuneInString(next.text)
	if !strings.Contains(next.text, " ") && (strings.Contains(next.text, "@") || strings.Contains(next.text, "://")) {
		return false // an address or a link on a line of its own
	}
	if b.Kind == BlockParagraph {
		// "…the Authoring Tool Accessibility" over "Guidelines 1.0 W3C
		// Recommendation, and …": a long line of prose stops mid-sentence.
		if !ended && next.indent <= cur.indent && midSentence(cur.text) && !isHeadingText(next.text) && !hasCJK(cur.text) {
			return true
		}
		// "The mission of the Education and Outreach" over "Working Group
		// (EOWG) is to …": a group's name broken before its head word.
		if !ended && next.indent <= cur.indent && len(strings.Fields(cur.text)) >= 4 && startsWithGroupHead(next.text) && lowerCaseWords(next.text) >= 2 {
			return true
		}
		return next.indent <= cur.indent && !ended && unicode.IsLower(r) && len(b.Text) > 15
	}
	return next.indent > cur.indent && !ended && unicode.IsLower(r) && len(b.Text) > 40
}

// startsWithGroupHead tells a line that starts with the head words of a
// group's name ("Working Group (EOWG) is …").
func startsWithGroupHead(t string) bool {
	for _, h := range groupHeads {
		if strings.HasPrefix(t, h+" ") || strings.HasPrefix(t, h+",") {
			return true
		}
	}
	return false
}

// lowerCaseWords counts the words of t that start in lower case.
func lowerCaseWords(t string) int {
	n := 0
	for _, w := range strings.Fields(t) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			n++
		}
	}
	return n
}

// midSentence tells a long line of prose that stops without ending its
// sentence: many words, a third of them or more in lower case.
func midSentence(t string) bool {
	w := len(strings.Fields(t))
	if len(t) < 80 || w < 10 {
		return false
	}
	lower := lowerCaseWords(t)
	return lower >= 4 && lower*3 >= w
}

// bodyLines tells two lines that each name a body, one a line: a list
// of the parties ("… Cloud Management Working Group" over "Organization
// for the Advancement of …"), not a name wrapped.
func bodyLines(cur, next string) bool {
	w := strings.Fields(cur)
	if len(w) < 2 || hasCJK(cur) {
		return false
	}
	tail := strings.Join(w[max(0, len(w)-2):], " ")
	isBody := func(s string) bool {
		l := headLabel(s)
		// "Organization for the Advancement of … Standards": the head first.
		if f := strings.Fields(s); len(f) >= 3 && (f[1] == "for" || f[1] == "of") && (contains(orgHeads, f[0]) || contains(groupHeads, f[0])) {
			return true
		}
		return l == LabelOrganization || l == LabelWorkingGroup
	}
	nextName := strings.TrimSpace(reParens.ReplaceAllString(next, ""))
	return (isBody(tail) || isBody(w[len(w)-1])) && isCapWord(next) && isBody(nextName)
}

// endsRun tells whether line i is the last of two or more lines alike
// above a blank line: the same indent, each short enough to be a heading.
func endsRun(ls []rawLine, i int) bool {
	if i < 2 || ls[i-1].text == "" || ls[i-2].text == "" {
		return false
	}
	for _, j := range []int{i - 1, i - 2} {
		if ls[j].indent != ls[i].indent || !isHeadingText(ls[j].text) {
			return false
		}
	}
	return true
}

// isHeadingText tells whether s reads as a heading or title: short, with
// no final full stop, not starting in lower case.
func isHeadingText(s string) bool {
	if s == "" || !strings.ContainsFunc(s, unicode.IsLetter) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".。,、;:…", last) {
		return false
	}
	if hasCJK(s) {
		// "園部委員長、上谷委員、高芝委員" is a list of names.
		return utf8.RuneCountInString(s) <= 60 && !strings.ContainsRune(s, '。') && strings.Count(s, "、") < 2
	}
	return len(strings.Fields(s)) <= 12
}

// standsAlone tells whether line i has a blank line or the start of the
// text above or below it, as headings do.
func standsAlone(ls []rawLine, i int) bool {
	above := i == 0 || ls[i-1].text == ""
	below := i+1 >= len(ls) || ls[i+1].text == ""
	return above || below
}

func nextText(ls []rawLine, i int) string {
	for j := i + 1; j < len(ls); j++ {
		if ls[j].text != "" {
			return ls[j].text
		}
	}
	return ""
}

// tableCells splits a table row written with pipes or tabs, or returns nil.
func tableCells(s string) []string {
	var parts []string
	switch {
	case strings.Count(s, "|") >= 2:
		parts = strings.Split(strings.Trim(s, "|"), "|")
	case strings.Count(s, "\t") == 1 && reMarker.MatchString(s):
		return nil // "1.<tab>Report": a numbered item, the tab after its number
	case strings.Count(s, "\t") >= 1:
		parts = strings.Split(s, "\t")
	default:
		return nil
	}
	var cells []string
	for _, c := range parts {
		cells = append(cells, strings.TrimSpace(c))
	}
	if strings.Trim(strings.Join(cells, ""), "-: ") == "" {
		return []string{} // a Markdown separator row
	}
	return cells
}

// nestBlocks sets each block's parent: an item or field belongs to the
// nearest block above it with less indent (or, at the left margin, to the
// nearest heading); a heading belongs to the nearest heading of a higher
// level.
func nestBlocks(bs []Block) {
	deep := map[int]bool{} // label blocks that hold deeper-indented blocks
	var stack []int        // indexes of open blocks, outermost first
	for i := range bs {
		b := &bs[i]
		if b.Kind == BlockNoise {
			continue
		}
		if b.Kind == BlockTitle || b.Kind == BlockHeading {
			for len(stack) > 0 {
				top := &bs[stack[len(stack)-1]]
				if (top.Kind == BlockHeading || top.Kind == BlockTitle) && top.Level < b.Level {
					break
				}
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				b.Parent = stack[len(stack)-1]
			}
			stack = append(stack, i)
			continue
		}
		for len(stack) > 0 {
			t := stack[len(stack)-1]
			top := &bs[t]
			if top.Kind == BlockTitle || top.Kind == BlockHeading || encloses(top, b) && !(deep[t] && b.Indent <= top.Indent) {
				break
			}
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			b.Parent = stack[len(stack)-1]
			if b.Indent > bs[b.Parent].Indent {
				deep[b.Parent] = true
			}
		}
		stack = append(stack, i)
	}
}

// encloses tells whether block top holds block b below it: b is indented
// deeper, or top is a field whose value is below it, or a numbered item
// whose number b's number extends ("3." holds "3a.").
func encloses(top, b *Block) bool {
	if b.Indent > top.Indent {
		return top.Kind == BlockItem || top.Label != "" || top.Kind == BlockParagraph && (isHeadingText(top.Text) || strings.HasSuffix(top.Text, ":"))
	}
	if top.Label != "" && top.Text == "" && b.Indent >= top.Indent && (b.Kind == BlockItem || b.Indent > top.Indent) {
		return true
	}
	if top.Kind == BlockItem && b.Kind == BlockItem && numbered(top.Marker) && numbered(b.Marker) {
		t, s := strings.TrimRight(top.Marker, ".);:"), strings.TrimRight(b.Marker, ".);:")
		return len(s) > len(t) && strings.HasPrefix(s, t) && !unicode.IsDigit(rune(s[len(t)]))
	}
	return false
}
