package loader

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// page reads a test text, its lines split at "\n".
func page(text string) *Page {
	return parsePage("test.txt", strings.Split(text, "\n"))
}

// prose opens a test text with a sentence, so the page has no title and
// the line under test is read for what it is.
const prose = "This page opens with a sentence of prose, so it has no title.\n\n"

// blockStr writes the parts of a block a test checks: kind@line, marker,
// head, label, blank, level, parent, then the text or the cells.
func blockStr(b Block) string {
	s := fmt.Sprintf("%s@%d", b.Kind, b.Line)
	if b.Marker != "" {
		s += " m=" + b.Marker
	}
	if b.Head != "" {
		s += " H=" + b.Head
	}
	if b.Label != "" {
		s += " L=" + b.Label
	}
	if b.Blank {
		s += " blank"
	}
	if b.Kind == BlockHeading || b.Kind == BlockTitle {
		s += fmt.Sprintf(" lv=%d", b.Level)
	}
	if b.Parent >= 0 {
		s += fmt.Sprintf(" p=%d", b.Parent)
	}
	if b.Kind == BlockRow {
		return s + " [" + strings.Join(b.Cells, "|") + "]"
	}
	return s + ": " + b.Text
}

func blockStrs(p *Page) []string {
	var out []string
	for _, b := range p.Blocks {
		out = append(out, blockStr(b))
	}
	return out
}

// structureBugs are inputs the structure stage reads wrong today; their
// cases are skipped with the reason until the bug is fixed.
var structureBugs = map[string]string{
	// none known
}

// TestStructureLine checks how one line after a paragraph of prose is
// read: its kind, marker, label and text.
func TestStructureLine(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// List markers.
		{"- Alpha item", "item@3 m=-: Alpha item"},
		{"• Beta item", "item@3 m=•: Beta item"},
		{"・ガンマ部会の報告", "item@3 m=・: ガンマ部会の報告"},
		{"* Delta item", "item@3 m=*: Delta item"},
		{"- 802 Widget Committee - Ada Wrench", "item@3 m=-: 802 Widget Committee - Ada Wrench"},
		{"o Epsilon topic", "item@3 m=o: Epsilon topic"},
		{"1. First step", "item@3 m=1.: First step"},
		{"1) First step", "item@3 m=1): First step"},
		{"(1) First step", "item@3 m=(1): First step"},
		{"3a. Sub step", "item@3 m=3a.: Sub step"},
		{"2a; Sub step", "item@3 m=2a;: Sub step"},
		{"① 第一の項目", "item@3 m=①: 第一の項目"},
		{"2-1-1. Detail of the step", "item@3 m=2-1-1.: Detail of the step"},
		{"b) Second choice", "item@3 m=b): Second choice"},
		{"1.2 Scope of the work", "item@3 m=1.2: Scope of the work"},
		// Not markers.
		{"online sessions were held twice this spring.", "paragraph@3: online sessions were held twice this spring."},
		{"2021.5 was the month the plan was agreed.", "paragraph@3: 2021.5 was the month the plan was agreed."},
		{"1151 Ellis Street, Springfield.", "paragraph@3: 1151 Ellis Street, Springfield."},
		{"-5% growth in members this year", "heading@3 lv=1: -5% growth in members this year"}, // a short line alone, not a list item
		{"--- draft ends here.", "paragraph@3: --- draft ends here."},
		{"1.5 hours were spent on review.", "paragraph@3: 1.5 hours were spent on review."},
		// Fields.
		{"Date: 2023-06-18", "paragraph@3 L=Date: 2023-06-18"},
		{"日時:2021年3月3日(水)", "paragraph@3 L=日時: 2021年3月3日(水)"},
		{"日時：2021年3月3日(水)", "paragraph@3 L=日時: 2021年3月3日(水)"},
		{"1.日時 平成20年10月14日", "item@3 m=1. L=日時: 平成20年10月14日"},
		{"場所 第3会議室", "paragraph@3 L=場所: 第3会議室"},
		{"Call to Order - Chair: Amy Vance", "paragraph@3 H=Call to Order L=Chair: Amy Vance"},
		{"Application submitted by:____", "paragraph@3 L=Application submitted by blank: "},
		{"Signature: ..........", "paragraph@3 L=Signature blank: "},
		{"- Chair: Amy Vance", "item@3 m=- L=Chair: Amy Vance"},
		{"Secretary – Cyd Gear, Cog Works", "paragraph@3 L=Secretary: Cyd Gear, Cog Works"},
		{"Rocket Science - an overview", "heading@3 lv=2: Rocket Science - an overview"},
		{"3 出席者:山田委員", "paragraph@3 L=出席者: 山田委員"},
		{"2 Attendees: Amy Vance", "paragraph@3 L=Attendees: Amy Vance"},
		{"山田委員長、佐藤委員、鈴木委員", "paragraph@3: 山田委員長、佐藤委員、鈴木委員"}, // names, not a heading
		// Not fields.
		{"The call started at 10:30 and ended late.", "paragraph@3: The call started at 10:30 and ended late."},
		{"https://example.org/alpha", "paragraph@3: https://example.org/alpha"},
		{"We read it. Then: we voted on the text.", "paragraph@3: We read it. Then: we voted on the text."},
		{"We agreed on the following three points today: speed and cost.", "paragraph@3: We agreed on the following three points today: speed and cost."},
		{"Web: //example.org/alpha is the new address.", "paragraph@3: Web: //example.org/alpha is the new address."},
		// Noise and tables.
		{"Share Print", "noise@3: Share Print"},
		{"| Amy Vance | Chair |", "row@3 [Amy Vance|Chair]"},
		{"Amy Vance\tChair", "row@3 [Amy Vance|Chair]"},
		{"## Members", "heading@3 lv=2: Members"},
		{"1 日時 平成30年3月22日(木)", "paragraph@3 m=1 L=日時: 平成30年3月22日(木)"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if bug, ok := structureBugs[tt.in]; ok {
				t.Skip(bug)
			}
			p := page(prose + tt.in)
			if len(p.Blocks) != 2 {
				t.Fatalf("%q: %d blocks %q; want 2", tt.in, len(p.Blocks), blockStrs(p))
			}
			if got := blockStr(p.Blocks[1]); got != tt.want {
				t.Errorf("%q:\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

// TestStructurePage checks the blocks of short texts: titles and headings,
// joined lines, labels with their value below, nesting, tables.
func TestStructurePage(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"hash title", "# Alpha Team Notes\n\nThe alpha team met to plan the next drafts.", []string{"title@1 lv=0: Alpha Team Notes", "paragraph@3 p=0: The alpha team met to plan the next drafts."}},
		{"title and headings", "Working Groups\n\nAlpha Working Group\n\nThe alpha group writes guidance for small firms.", []string{"title@1 lv=0: Working Groups", "heading@3 lv=2 p=0: Alpha Working Group", "paragraph@5 p=1: The alpha group writes guidance for small firms."}},
		{"plural heading level", "Alpha Site\n\nOur Projects\n\nBeta Tool\n\nIt is a tool.", []string{"title@1 lv=0: Alpha Site", "heading@3 lv=1 p=0: Our Projects", "heading@5 lv=2 p=1: Beta Tool", "paragraph@7 p=2: It is a tool."}},
		{"prose first: no title", prose + "Alpha Working Group\n\nIt writes guidance.", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "heading@3 lv=2: Alpha Working Group", "paragraph@5 p=1: It writes guidance."}},
		{"heading over a list", prose + "Members\n- Amy Vance\n- Ben Ortiz", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "heading@3 lv=1: Members", "item@4 m=- p=1: Amy Vance", "item@5 m=- p=1: Ben Ortiz"}},
		{"numbered heading", "Alpha Charter\n\n1. Mission\n\nThe group writes guidance for small firms.", []string{"title@1 lv=0: Alpha Charter", "heading@3 m=1. lv=1 p=0: Mission", "paragraph@5 p=1: The group writes guidance for small firms."}},
		{"paragraph joined", prose + "The alpha group meets every second week to review the\nnew drafts of its guidance.", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3: The alpha group meets every second week to review the new drafts of its guidance."}},
		{"ended paragraph not joined", prose + "The alpha group meets every second week to review drafts.\nnext week it meets twice.", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3: The alpha group meets every second week to review drafts.", "paragraph@4: next week it meets twice."}},
		{"item wrapped", prose + "- Review the drafts that the beta group sent in last week and\n  reply to the authors", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "item@3 m=-: Review the drafts that the beta group sent in last week and reply to the authors"}},
		{"item open parenthesis", prose + "- Carol Dunn (Acme\n  Labs)", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "item@3 m=-: Carol Dunn (Acme Labs)"}},
		{"items nested by indent", "- Parent item\n  - Child item\n    - Grandchild item\n- Second item", []string{"item@1 m=-: Parent item", "item@2 m=- p=0: Child item", "item@3 m=- p=1: Grandchild item", "item@4 m=-: Second item"}},
		{"numbered sub-items", prose + "3. Budget\n3a. Travel\n3b. Hosting\n31. Other\n4. Next steps", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "item@3 m=3.: Budget", "item@4 m=3a. p=1: Travel", "item@5 m=3b. p=1: Hosting", "item@6 m=31.: Other", "item@7 m=4.: Next steps"}},
		{"items under a label", "Attendees:\n- Amy Vance\n- Ben Ortiz\n\nThe call began on time and ran for one hour.", []string{"paragraph@1 L=Attendees: ", "item@2 m=- p=0: Amy Vance", "item@3 m=- p=0: Ben Ortiz", "paragraph@5: The call began on time and ran for one hour."}},
		{"indented lines under a label", prose + "Present:\n  Amy Vance\n  Ben Ortiz\n  Carol Dunn\nThe call began on time and ran for one hour.", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3 L=Present: Amy Vance", "paragraph@5 p=1: Ben Ortiz", "paragraph@6 p=1: Carol Dunn", "paragraph@7: The call began on time and ran for one hour."}},
		{"last of a run of names", prose + "OBSERVERS\n\nAmy Vance\nBen Ortiz\nCarol Dunn\n\nThe call began on time.", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "heading@3 lv=2: OBSERVERS", "paragraph@5 p=1: Amy Vance", "paragraph@6 p=1: Ben Ortiz", "paragraph@7 p=1: Carol Dunn", "paragraph@9 p=1: The call began on time."}},
		{"last name before an outer list", prose + "1. Attending\n  Amy Vance\n  Ben Ortiz\n2. Regrets\n  Carol Dunn", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "item@3 m=1. L=Attending: Amy Vance", "paragraph@5 p=1: Ben Ortiz", "item@6 m=2. L=Regrets: Carol Dunn"}},
		{"a form copied from a table", prose + "Source: |\n||\nGadget Guild (GG) |\n||\nDeadline: |\n|||\nJanuary 1, 2005 |\n", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3 L=Source: Gadget Guild (GG)", "paragraph@7 L=Deadline: January 1, 2005"}},
		{"label then value", prose + "Location\nRoom 4B, Main Hall", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3 L=Location: Room 4B, Main Hall"}},
		{"spaced Japanese label", prose + "日 時\n2021年3月3日(水) 14:00", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3 L=日 時: 2021年3月3日(水) 14:00"}},
		{"label above a list keeps no value", prose + "議題\n1. 開会\n2. 報告", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3 L=議題: ", "item@4 m=1. p=1: 開会", "item@5 m=2. p=1: 報告"}},
		{"pipe table", prose + "| Name | Role |\n|---|---|\n| Amy | Chair |", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "row@3 [Name|Role]", "noise@4: |---|---|", "row@5 [Amy|Chair]"}},
		{"pipe separator with letters", prose + "| Name | Role |\n| :-- | :-- |", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "row@3 [Name|Role]", "noise@4: | :-- | :-- |"}},
		{"tab table", prose + "Name\tRole\nAmy\tChair", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "row@3 [Name|Role]", "row@4 [Amy|Chair]"}},
		{"source line", "SOURCE: https://example.org/groups\nAlpha Team\n\nIt meets monthly.", []string{"noise@1 L=SOURCE: SOURCE: https://example.org/groups", "title@2 lv=0: Alpha Team", "paragraph@4 p=1: It meets monthly."}},
		{"short line runs on in lower case", prose + "A range of alpha groups\nwrite guidance for small firms.", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3: A range of alpha groups write guidance for small firms."}},
		{"long prose line stops mid-sentence", prose + "The Alpha Working Group is chartered to keep and support the Alpha Tool Access and Use\nGuidelines 1.0 Note, and to write a second version.", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3: The Alpha Working Group is chartered to keep and support the Alpha Tool Access and Use Guidelines 1.0 Note, and to write a second version."}},
		{"a group's name broken before its head", prose + "The mission of the Beta and Gamma\nWorking Group (BGWG) is to write guidance.", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3: The mission of the Beta and Gamma Working Group (BGWG) is to write guidance."}},
		{"a Japanese list runs on past 、", prose + "委員\n山田 太郎、佐藤 花子、\n鈴木 一郎", []string{"paragraph@1: This page opens with a sentence of prose, so it has no title.", "paragraph@3 L=委員: 山田 太郎、佐藤 花子、 鈴木 一郎"}},
		{"noise skipped in nesting", "Alpha Team\n\nMenu\n- Amy Vance", []string{"title@1 lv=0: Alpha Team", "noise@3: Menu", "item@4 m=- p=0: Amy Vance"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := blockStrs(page(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// wrapped is a paragraph hard-wrapped at about 60 columns, whose lines
// run on whatever their last character.
const wrapped = `Alpha Notes

The alpha group met on a quiet morning to read the drafts that
were sent in by the beta group. It agreed that the first draft
Should be sent back to its authors with a short list of notes,
and that the second draft could go out for public review once
the group also asked its chair to write to the gamma office on
the matter of the shared glossary, which has not been updated.`

func TestStructureWrapped(t *testing.T) {
	p := page(wrapped)
	if len(p.Blocks) != 2 {
		t.Fatalf("%d blocks %q; want a title and one paragraph", len(p.Blocks), blockStrs(p))
	}
	b := p.Blocks[1]
	if b.Kind != BlockParagraph || b.Line != 3 || !slices.Equal(b.Lines, []int{3, 4, 5, 6, 7, 8}) {
		t.Fatalf("paragraph = %s, lines %v; want paragraph@3 over lines 3-8", blockStr(b), b.Lines)
	}
	tests := []struct {
		word string
		want int
	}{
		{"The alpha", 3},
		{"drafts that", 3},
		{"were sent", 4},
		{"Should be", 5},
		{"notes,", 5},
		{"and that", 6},
		{"gamma office", 7},
		{"glossary", 8},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			i := strings.Index(b.Text, tt.word)
			if i < 0 {
				t.Fatalf("%q not in %q", tt.word, b.Text)
			}
			if got := b.LineAt(i); got != tt.want {
				t.Errorf("LineAt(%d) for %q = %d; want %d", i, tt.word, got, tt.want)
			}
		})
	}
}

// TestStructureLineAt checks the offsets of a field's value and of joined
// lines once the label is cut off.
func TestStructureLineAt(t *testing.T) {
	tests := []struct {
		in, word string
		want     int
	}{
		{prose + "- Review the drafts that the beta group sent in last week and\n  reply to the authors", "reply", 4},
		{prose + "- Review the drafts that the beta group sent in last week and\n  reply to the authors", "Review", 3},
		{prose + "Location\nRoom 4B, Main Hall", "Room", 4},
		{prose + "日 時\n2021年3月3日(水)", "2021", 4},
		{prose + "Chair: Amy Vance (Acme\n  Labs)", "Labs", 4},
		{prose + "Chair: Amy Vance (Acme\n  Labs)", "Amy", 3},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			p := page(tt.in)
			b := p.Blocks[len(p.Blocks)-1]
			i := strings.Index(b.Text, tt.word)
			if i < 0 {
				t.Fatalf("%q not in %s", tt.word, blockStr(b))
			}
			if got := b.LineAt(i); got != tt.want {
				t.Errorf("LineAt for %q in %s = %d; want %d", tt.word, blockStr(b), got, tt.want)
			}
		})
	}
}

func TestStructureURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"SOURCE: https://example.org/groups\nAlpha", "https://example.org/groups"},
		{"SOURCE:https://example.org/a \nAlpha", "https://example.org/a"},
		{"SOURCE: https://example.org/a\nSOURCE: https://example.org/b", "https://example.org/a"},
		{"Alpha\nSource: https://example.org/a", ""},
		{"Alpha", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := page(tt.in).URL; got != tt.want {
				t.Errorf("URL of %q = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStructureInlineFields(t *testing.T) {
	tests := []struct{ in, want string }{
		{"会議 日時 : 令和2年3月4日 場所 : 第1会議室 出席者 : 山田委員 佐藤委員欠席者 : 鈴木委員", "会議 | 日時 : 令和2年3月4日 | 場所 : 第1会議室 | 出席者 : 山田委員 佐藤委員 | 欠席者 : 鈴木委員"},
		{"Date: 3 May 2021 Location: Room 4 Present: Ann Berger", "Date: 3 May 2021 | Location: Room 4 | Present: Ann Berger"},
		{"Minutes of the Widget GroupDate: 2016-01-18 Location: Room 4", "Minutes of the Widget Group | Date: 2016-01-18 | Location: Room 4"},
		{"Date: 2016-01-18 Poll of new attendees: 08:11 taken", ""},
		{"日時 : 令和2年3月4日", ""},
		{"We met at the same time: the chair was late.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := strings.Join(inlineFields(tt.in), " | "); got != tt.want {
				t.Errorf("inlineFields(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestColumnCells(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"出席委員(三名)    委員長      山田太郎    副委員長     すずき 花       佐藤次郎", "出席委員(三名) | 委員長 | 山田太郎 | 副委員長 | すずき 花 | 佐藤次郎"},
		{"場  所 第一会議室  出席者    委員長     山田太郎    鈴木花子", "場所 第一会議室 | 出席者 | 委員長 | 山田太郎 | 鈴木花子"},
		{"大野一夫 ◇ ~~~~~~~~ ◇ 本日の会議   次に   その他   以上", "大野一夫 | 本日の会議 | 次に | その他 | 以上"},
		{"Ada Wrench      Gear Works Inc.", "Ada Wrench      Gear Works Inc."}, // one gap: a row of two, not flattened columns
		{"a\tb   c   d   e", "a\tb   c   d   e"}, // tabs: a table
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := strings.Join(columnCells(tt.in), " | "); got != tt.want {
				t.Errorf("columnCells(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSlashCells(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Name / Affiliation / E-mail Address", "Name | Affiliation | E-mail Address"},
		{"Wrench, Ada / Gear Works /", "Wrench, Ada | Gear Works | "},
		{"ISO/TC 42 and SC42/WG20", ""}, // slashes inside words part nothing
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := strings.Join(slashCells(tt.in), " | "); got != tt.want {
				t.Errorf("slashCells(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestColumnsAsParen(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Ada Wrench      Gear Works Inc.", "Ada Wrench (Gear Works Inc.)"},
		{"Ada Wrench", "Ada Wrench"},
		{"Ada Wrench (Gear Works)     Chair", "Ada Wrench (Gear Works)     Chair"},
		{"see annex A", "see annex A"},
		{"東京     会議室", "東京     会議室"},
		{"Monday    10:00", "Monday    10:00"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := columnsAsParen(tt.in); got != tt.want {
				t.Errorf("columnsAsParen(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRosterHeader(t *testing.T) {
	tests := []struct {
		in   string
		want string // name,aff,role,presence columns, or "" for no roster
	}{
		{"| Name | Affiliation | Role |", "0,1,2,-1"},
		{"| Organization | Attendee | Present |", "1,0,-1,2"},
		{"| 氏名 | 所属 |", "0,1,-1,-1"},
		{"| Name | Description |", ""},
		{"| Date | Topic | Notes |", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, ok := rosterHeader(tableCells(tt.in))
			got := ""
			if ok {
				got = fmt.Sprintf("%d,%d,%d,%d", c.name, c.aff, c.role, c.presence)
			}
			if got != tt.want {
				t.Errorf("rosterHeader(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTableCells(t *testing.T) {
	tests := []struct {
		in   string
		want int // cells; -1 for no row
	}{
		{"| Name | Org |", 2},
		{"Ada Wrench\tCog Works\tChair", 3},
		{"1.\tGadget Report No.1: Report on Anvils;", -1},
		{"plain text", -1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := tableCells(tt.in)
			if n := len(got); got == nil && tt.want != -1 || got != nil && n != tt.want {
				t.Errorf("tableCells(%q) = %q; want %d cells", tt.in, got, tt.want)
			}
		})
	}
}
