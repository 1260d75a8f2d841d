package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"csakg/loader/format"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/japanese"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// goldenTexts are the small texts of testdata, written for these tests, one
// of each kind of page.
var goldenTexts = []string{"listing", "form", "log", "general", "minutes", "ja_roster", "recap", "liaison_mail"}

// TestGolden parses each small text in testdata and compares the whole
// graph with its golden JSON.
func TestGolden(t *testing.T) {
	for _, name := range goldenTexts {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			g, err := Parse(Text{Name: name + ".txt", Data: data})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(g, "", "  ")
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./loader -update to create it)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("graph of %s differs from %s; run with -update after checking the change", name, golden)
			}
		})
	}
}

// TestBadInput checks each kind of text the loader refuses, and that the
// error names the file and, where there is one, the line.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty.txt: empty file"},
		{"blank", []byte(" \n\t\n"), "blank.txt: only white space"},
		{"binary", []byte("line one\nline\x00two\n"), "binary.txt:2: binary data"},
		{"latin1", []byte("ok\nna\xefve\n"), "latin1.txt:2: cannot tell the text encoding (byte 0xef is not UTF-8)"},
		{"huge", bytes.Repeat([]byte("a"), MaxTextSize+1), "huge.txt: 8388609 bytes is over the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build([]Text{{Name: "ok.txt", Data: []byte("fine\n")}, {Name: tt.name + ".txt", Data: tt.data}}, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := Build([]Text{{Name: "a.txt", Data: []byte("x")}, {Name: "a.txt", Data: []byte("y")}}, nil); err == nil {
		t.Error("the same name twice was accepted")
	}
}

// TestFirstBadTextIsReported: texts are read side by side, yet of several
// bad ones the error is always the first one's, as read one by one.
func TestFirstBadTextIsReported(t *testing.T) {
	var texts []Text
	for i := range 40 {
		texts = append(texts, Text{Name: fmt.Sprintf("t%02d.txt", i), Data: []byte("Anvil Working Group\n")})
	}
	texts[7].Data, texts[31].Data = nil, []byte("a\x00b")
	for range 5 {
		_, err := Build(texts, nil)
		if err == nil || !strings.HasPrefix(err.Error(), "t07.txt: ") {
			t.Fatalf("err = %v, want the error of t07.txt", err)
		}
	}
}

// TestNothingRecognised: a text the loader understands nothing of gives a
// warning naming the file, not junk nodes.
func TestNothingRecognised(t *testing.T) {
	g, err := Parse(Text{Name: "weather.txt", Data: []byte("it rained all day and then it stopped raining.\nthe end.\n")})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 0 {
		t.Errorf("nodes = %v, want none", g.Nodes)
	}
	if len(g.Warnings) != 1 || g.Warnings[0].Source != "weather.txt" || !strings.Contains(g.Warnings[0].Message, "nothing recognised") {
		t.Errorf("warnings = %v, want one that names the file", g.Warnings)
	}
}

func TestReadTexts(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("b"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(dir, "skip.bin"), []byte("x"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	// A link to a text is read; one to elsewhere is followed too.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "real.txt"), []byte("c"), 0o644)
	if err := os.Symlink(filepath.Join(other, "real.txt"), filepath.Join(dir, "c.txt")); err != nil {
		t.Fatal(err)
	}
	texts, skipped, err := ReadTexts([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) != 3 || texts[0].Name != "a.md" || texts[1].Name != "b.txt" || texts[2].Name != "c.txt" || string(texts[2].Data) != "c" {
		t.Errorf("texts = %v, want a.md, b.txt and the linked c.txt in order", texts)
	}
	var names []string
	for _, w := range skipped {
		names = append(names, filepath.Base(w.Source))
	}
	if !slices.Equal(names, []string{"empty", "skip.bin"}) {
		t.Errorf("skipped %v; want warnings for the folder and the .bin file", skipped)
	}
	loops := t.TempDir()
	if err := os.Symlink(filepath.Join(loops, "loop.txt"), filepath.Join(loops, "loop.txt")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		paths []string
		want  string
	}{
		{[]string{filepath.Join(dir, "missing.txt")}, "missing.txt: no such file or directory"},
		{[]string{empty}, "no text files"},
		{[]string{loops}, "loop.txt: too many levels of symbolic links"},
	} {
		if _, _, err := ReadTexts(tt.paths); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadTexts(%v) err = %v, want %q", tt.paths, err, tt.want)
		}
	}
}

func TestCuration(t *testing.T) {
	cur, err := ParseCuration("c.txt", []byte("# names\nalias Organization | Desert Gadget Consortium | Gadget Guild\nmerge Person | Bugs Rabbit | Bugs Bunny\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("Notes of the Desert Gadget Consortium (DGC).\n\nPresent: Bugs Rabbit, Bugs Bunny\n")
	g, err := Build([]Text{{Name: "n.txt", Data: text}}, cur)
	if err != nil {
		t.Fatal(err)
	}
	var org, people []Node
	for _, n := range g.Nodes {
		switch n.Label {
		case LabelOrganization:
			org = append(org, n)
		case LabelPerson:
			people = append(people, n)
		}
	}
	if len(org) != 1 || !slices.Contains(org[0].Aliases, "Gadget Guild") {
		t.Errorf("organizations = %+v, want the consortium with the curated alias", org)
	}
	if len(people) != 1 {
		t.Errorf("people = %+v, want the two names merged into one", people)
	}
	if !slices.ContainsFunc(g.Merges, func(m Merge) bool { return strings.HasPrefix(m.Reason, "curation line 3") }) {
		t.Errorf("merges = %+v, want the curation's merge logged with its line", g.Merges)
	}
	for _, tt := range []struct{ in, want string }{
		{"rename Person | a | b", "c.txt:1: unknown directive \"rename\""},
		{"\nalias Person | a", "c.txt:2: alias wants three fields"},
		{"merge Robot | a | b", "c.txt:1: label \"Robot\" is not one of"},
		{"merge Person |  | b", "c.txt:1: empty name"},
	} {
		if _, err := ParseCuration("c.txt", []byte(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseCuration(%q) err = %v, want %q", tt.in, err, tt.want)
		}
	}
}

// TestDeterministic loads the test texts twice, in one Build, and checks
// the same texts give the same graph, with every fact's evidence the line
// it cites and the rule that read it.
func TestDeterministic(t *testing.T) {
	var texts []Text
	raw := map[string][]string{}
	for _, n := range goldenTexts {
		data, _ := os.ReadFile(filepath.Join("testdata", n+".txt"))
		texts = append(texts, Text{Name: n + ".txt", Data: data})
		raw[n+".txt"] = lines(data)
	}
	a, _ := Build(texts, nil)
	b, _ := Build(texts, nil)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Error("two builds of the same texts differ")
	}
	ids := map[string]bool{}
	for _, n := range a.Nodes {
		if ids[n.ID] {
			t.Errorf("duplicate id %s", n.ID)
		}
		ids[n.ID] = true
		if len(n.Mentions) == 0 {
			t.Errorf("%s has no mention", n.ID)
		}
	}
	for _, e := range a.Edges {
		ls := raw[e.Evidence.Source]
		if !ids[e.From] || !ids[e.To] || e.Evidence.Line < 1 || e.Evidence.Line > len(ls) || excerpt(ls[e.Evidence.Line-1]) != e.Evidence.Excerpt || e.Evidence.Rule == "" {
			t.Errorf("edge without ends, evidence or rule: %+v", e)
		}
		if !allowed(e.Type, labelOf(a, e.From), labelOf(a, e.To)) {
			t.Errorf("edge outside the graph model: %+v", e)
		}
	}
}

func labelOf(g *Graph, id string) string {
	for _, n := range g.Nodes {
		if n.ID == id {
			return n.Label
		}
	}
	return ""
}

// TestKnownEntities: a text that names an entity the graph holds joins it,
// keeping its id and canonical name.
func TestKnownEntities(t *testing.T) {
	known := []Known{{Label: LabelOrganization, ID: "org:widget-standards-organization", Name: "Widget Standards Organization", Aliases: []string{"WSO"}}}
	text := []byte("The WSO Rocket Working Group met on its own.\n")
	g, err := BuildWith(context.Background(), []Text{{Name: "w.txt", Data: text}}, Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	var org *Node
	for i, n := range g.Nodes {
		if n.Label == LabelOrganization {
			org = &g.Nodes[i]
		}
	}
	if org == nil || org.ID != known[0].ID || org.Name != known[0].Name {
		t.Fatalf("organization = %+v, want the known one", org)
	}
	if !slices.ContainsFunc(g.Merges, func(m Merge) bool { return m.Reason == mergeGraph && m.Into == known[0].ID }) {
		t.Errorf("merges = %+v, want the join with the graph logged", g.Merges)
	}
	if !slices.ContainsFunc(g.Edges, func(e Edge) bool { return e.Type == RelPartOf && e.To == known[0].ID }) {
		t.Errorf("edges = %+v, want the group part of the known organization", g.Edges)
	}
}

// TestMentions: an entity is mentioned on every line of its text that names
// it, found by the name scan when no rule read it there.
func TestMentions(t *testing.T) {
	text := []byte("The Widget Standards Organization (WSO) met.\n\nLater the WSO ate lunch.\n")
	g, _ := Parse(Text{Name: "m.txt", Data: text})
	for _, n := range g.Nodes {
		if n.Name != "Widget Standards Organization" {
			continue
		}
		var lines []int
		for _, m := range n.Mentions {
			lines = append(lines, m.Line)
			if m.Line == 3 && m.Rule != ruleNameScan && m.Rule != ruleKnownName && m.Rule != ruleOrgOwner {
				t.Errorf("line 3 found by %q", m.Rule)
			}
		}
		if !slices.Equal(lines, []int{1, 3}) {
			t.Errorf("mentions on lines %v, want 1 and 3", lines)
		}
		return
	}
	t.Fatal("no Widget Standards Organization")
}

// TestTruncatedEntries: texts that end in the middle of an entry parse.
func TestTruncatedEntries(t *testing.T) {
	for _, in := range []string{
		"• 2021年1月1日(金)\n• 2021年2月1日(月)\n• 2021年3月1日(月)(公開)",
		"• 2021年1月1日(金)\n• 2021年2月1日(月)\n• 2021年3月1日(月)【東京】",
		"出席者\n山田主査、(欠席:",
		"Present: Ada (",
	} {
		done := make(chan struct{})
		go func() { Parse(Text{Name: "t.txt", Data: []byte(in)}); close(done) }()
		select {
		case <-done:
		case <-time.After(hangAfter):
			t.Fatalf("Parse(%q) does not end", in)
		}
	}
}

// hangAfter tells a parse that does not end from a slow one: inputs here
// are at most 64 KiB, which parse in milliseconds; a bound this far above
// that fails on a loop, not on a busy machine.
const hangAfter = 20 * time.Second

func FuzzParse(f *testing.F) {
	for _, n := range goldenTexts {
		data, _ := os.ReadFile(filepath.Join("testdata", n+".txt"))
		f.Add(data)
	}
	f.Add([]byte("• 2021年99月99日(金)\nJoinLearn more\n1. x?\n"))
	// The first Japanese input loads the dictionary (a second, more on a
	// busy machine); load it before the clock below starts, in every
	// fuzzing worker.
	if _, err := japaneseTokenizer(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		type result struct {
			g   *Graph
			err error
		}
		done := make(chan result, 1)
		go func() {
			g, err := Parse(Text{Name: "fuzz.txt", Data: data})
			done <- result{g, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(hangAfter):
			t.Fatalf("parse of %d bytes did not finish in %s", len(data), hangAfter)
		}
		if r.err != nil {
			return
		}
		ls := lines(data)
		for _, e := range r.g.Edges {
			if e.Evidence.Line < 1 || e.Evidence.Line > len(ls) {
				t.Fatalf("edge evidence outside the text: %+v", e)
			}
		}
	})
}

// TestFormats reads one small text as plain text, as a web page and in
// Shift_JIS: the same entities come out, and evidence names the web
// page's own source lines.
func TestFormats(t *testing.T) {
	const text = "Widget Working Group\n\nChair: Ann Berger (Verilan)\n"
	html := "<!doctype html>\n<html><head><title>x</title></head>\n<body><main>\n<h1>Widget Working Group</h1>\n\n<p>Chair: Ann Berger (Verilan)</p>\n</main></body></html>\n"
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte("ウィジェット部会\n\n主査 山田 太郎(株式会社ウィジェット)\n"))
	if err != nil {
		t.Fatal(err)
	}
	names := func(g *Graph) []string {
		var out []string
		for _, n := range g.Nodes {
			out = append(out, n.Label+":"+n.Name)
		}
		slices.Sort(out)
		return out
	}
	plain, err := Build([]Text{{Name: "w.txt", Data: []byte(text)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	page, err := Build([]Text{{Name: "w.html", Data: []byte(html)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(page), names(plain); !slices.Equal(got, want) || len(want) < 3 {
		t.Errorf("web page gives %v; the text gives %v", got, want)
	}
	members := 0
	for _, e := range page.Edges {
		if e.Type == RelMemberOf {
			members++
			if e.Evidence.Line != 6 {
				t.Errorf("%s evidence at line %d; the page writes it on line 6", e.Type, e.Evidence.Line)
			}
		}
	}
	if members == 0 {
		t.Errorf("no MEMBER_OF read from the web page: %+v", page.Edges)
	}
	jis, err := japanese.ISO2022JP.NewEncoder().Bytes([]byte("ウィジェット部会\n\n主査 山田 太郎(株式会社ウィジェット)\n"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"Shift_JIS": sjis, "ISO-2022-JP": jis} {
		ja, err := Build([]Text{{Name: "j.txt", Data: data}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(ja); !slices.Contains(got, "Person:山田 太郎") {
			t.Errorf("%s text gives %v; want the person 山田 太郎", name, got)
		}
	}
}

// TestCanonicalSpelling: between spellings of one name, the node takes
// the spaced one, whichever the text writes first.
func TestCanonicalSpelling(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Widget Notes\n\n- the Anvil-WG call\n- a new Anvil WG paper\n- the Anvil-WG call again\n", "Anvil WG"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			g, err := Build([]Text{{Name: "t.txt", Data: []byte(tt.in)}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, n := range g.Nodes {
				names = append(names, n.Name)
			}
			if !slices.Contains(names, tt.want) {
				t.Errorf("nodes %q; want one named %q", names, tt.want)
			}
		})
	}
}

// TestBuildStopsWhenCancelled: Ctrl-C stops a parse between blocks, with
// the context's error and no graph.
func TestBuildStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := bytes.Repeat([]byte("The Anvil Working Group met on 3 May 2021.\n"), 1000)
	g, err := BuildWith(ctx, []Text{{Name: "a.txt", Data: data}}, Options{})
	if !errors.Is(err, context.Canceled) || g != nil {
		t.Fatalf("BuildWith on a cancelled context = %v, %v; want context.Canceled and no graph", g, err)
	}
	if !strings.HasPrefix(err.Error(), "a.txt: ") {
		t.Errorf("error %q does not name the text", err)
	}
}

// TestFolderOfFormats loads a folder holding the same small page as plain
// text, a web page, Markdown and a PDF in one run: each gives the facts
// of its plain-text twin.
func TestFolderOfFormats(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"w.txt":  []byte("Anvil Working Group\n\nChair: Ann Berger (Verilan)\n"),
		"w.html": []byte("<!doctype html>\n<html><head><title>x</title></head>\n<body><main>\n<h1>Anvil Working Group</h1>\n<p>Chair: Ann Berger (Verilan)</p>\n</main></body></html>\n"),
		"w.md":   []byte("# Anvil Working Group\n\nChair: Ann Berger (Verilan)\n"),
		"w.pdf":  anvilPDF(t),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	texts, _, err := ReadTexts([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	all, err := Build(texts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Sources) != 4 {
		t.Fatalf("sources = %d; want the 4 files", len(all.Sources))
	}
	facts := func(name string) []string {
		g, err := Build([]Text{{Name: name, Data: files[name]}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]string{}
		for _, n := range g.Nodes {
			ids[n.ID] = n.Name
		}
		var out []string
		for _, e := range g.Edges {
			out = append(out, ids[e.From]+" "+e.Type+" "+ids[e.To])
		}
		slices.Sort(out)
		return out
	}
	want := facts("w.txt")
	if len(want) == 0 {
		t.Fatal("the plain text gives no facts")
	}
	for _, name := range []string{"w.html", "w.md", "w.pdf"} {
		if got := facts(name); !slices.Equal(got, want) {
			t.Errorf("%s gives %q; the plain text gives %q", name, got, want)
		}
	}
}

// anvilPDF is the small page as a PDF, as a common generator writes one.
func anvilPDF(t *testing.T) []byte {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.SetFont("Helvetica", "B", 20)
	p.CellFormat(0, 12, "Anvil Working Group", "", 1, "L", false, 0, "")
	p.SetFont("Helvetica", "", 11)
	p.CellFormat(0, 6, "Chair: Ann Berger (Verilan)", "", 1, "L", false, 0, "")
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestMain caches PDFium's compiled code across test runs, as csakg does.
func TestMain(m *testing.M) {
	format.CacheCompiledCodeFor("../go.mod")
	os.Exit(m.Run())
}

// TestSpellingVariants: names one letter apart are one entity when the
// letter is a typo, two when it is a word of their own.
func TestSpellingVariants(t *testing.T) {
	tests := []struct {
		name, in string
		nodes    int // working groups
	}{
		{"a typo", "Gadget Interoperabilty Working Group met.\n\nThe Gadget Interoperability Working Group agreed.\n", 1},
		{"one kanji apart", "部品協会\n\n部品協会の関東分科会と関西分科会が会合を開いた。\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse(Text{Name: "t.txt", Data: []byte(tt.in)})
			if err != nil {
				t.Fatal(err)
			}
			var groups []string
			for _, n := range g.Nodes {
				if n.Label == LabelWorkingGroup {
					groups = append(groups, n.Name)
				}
			}
			if len(groups) != tt.nodes {
				t.Errorf("working groups %q, want %d", groups, tt.nodes)
			}
		})
	}
}

// TestJoinNumbered: a group written as its project's number and a group
// word is the one group of the text whose full name has the number.
func TestJoinNumbered(t *testing.T) {
	tests := []struct {
		in   string
		want int // groups left
	}{
		{"GZA P9999 Gizmo Working Group Kickoff\n\nThe GZA P9999 WG held its first meeting.\n", 1},
		{"The GZA P9999 Gizmo Working Group and the GZA P9999 Cog Working Group met.\n\nThe GZA P9999 WG chose.\n", 3},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			g, err := Parse(Text{Name: "t.txt", Data: []byte(tt.in)})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, node := range g.Nodes {
				if node.Label == LabelWorkingGroup {
					n++
				}
			}
			if n != tt.want {
				t.Errorf("%d groups; want %d (merges %+v)", n, tt.want, g.Merges)
			}
		})
	}
}
