package loader

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden parses each small text in testdata (written for these tests,
// one of each kind) and compares the whole graph with its golden JSON.
func TestGolden(t *testing.T) {
	for _, name := range []string{"listing", "form", "log", "general"} {
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

func TestDetectKind(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Groups\n\nA\n\nJoinLearn more\n\nB\n\nJoinLearn more\n\nC\n\nLearn more\n", KindListing},
		{"T\n\nApril 1, 2020 Contribute now\nMay 1, 2020 Contribute now\nJune 1, 2020 Contribute now\n", KindListing},
		{"1. What?\n2a Why?\n3. Who?\n", KindForm},
		{"  • 2021年1月1日(金)\n  • 2021年2月1日(月)\n  • 2021年3月1日(月)\n", KindLog},
		{"just some prose\nwith two lines\n", KindGeneral},
	}
	for _, tt := range tests {
		if got := detectKind(lines([]byte(tt.in))); got != tt.want {
			t.Errorf("detectKind(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"April 18, 2016 Contribute now", "2016-04-18"},
		{"2021年2月12日(金)03:00am", "2021-02-12"},
		{"on 2019-05-01 we met", "2019-05-01"},
		{"Sept 3, 2019", "2019-09-03"},
		{"Smarch 40, 2019", ""},
		{"2021年13月1日", ""},
		{"no date here", ""},
	}
	for _, tt := range tests {
		if got, _ := findDate(tt.in); got != tt.want {
			t.Errorf("findDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{{"in November 2014", "2014-11"}, {"2021年10月より", "2021-10"}, {"May", ""}} {
		if got := findMonth(tt.in); got != tt.want {
			t.Errorf("findMonth(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClock(t *testing.T) {
	tests := []struct{ hm, ampm, want string }{
		{"03:00", "am", "03:00"}, {"04:20", "pm", "16:20"}, {"12:00", "am", "00:00"}, {"12:30", "pm", "12:30"}, {"14:55", "", "14:55"},
	}
	for _, tt := range tests {
		if got := clock(tt.hm, tt.ampm); got != tt.want {
			t.Errorf("clock(%s %s) = %s, want %s", tt.hm, tt.ampm, got, tt.want)
		}
	}
}

func TestKeyJoinsSpellings(t *testing.T) {
	same := [][2]string{
		{"ACM-WG", "ACM WG"},
		{"Serverless-WG", "Serverless  WG"},
		{"Big Data Working Group", "big data WG"},
		{"Quantum‐safe Security", "Quantum-safe Security"},
		{"A & B", "A and B"},
		{"ＣＳＡ", "CSA"},
	}
	for _, p := range same {
		if key(p[0]) != key(p[1]) {
			t.Errorf("key(%q) = %q, key(%q) = %q: want equal", p[0], key(p[0]), p[1], key(p[1]))
		}
	}
	if key("Mobile WG") == key("Mobile") {
		t.Error("key drops WG; coreName is for that")
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Anti-Bot Working Group", "anti-bot-working-group"},
		{"DevSecOps/サーバーレス WG", "devsecops-サーバーレス-wg"},
		{"  Vinod B. V. ", "vinod-b-v"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAcronyms(t *testing.T) {
	for _, s := range []string{"CSA", "IoT", "ACM", "BDWG"} {
		if !isAcronym(s) {
			t.Errorf("isAcronym(%q) = false", s)
		}
	}
	for _, s := range []string{"Mark", "Blockchain", "A", "ISO 27001", "ＣＳＡ"} {
		if isAcronym(s) {
			t.Errorf("isAcronym(%q) = true", s)
		}
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"Internet of Things", []string{"iot", "it"}},
		{"Application Containers & Microservice", []string{"acm"}},
		{"Single", nil},
	}
	for _, tt := range tests {
		if got := initials(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("initials(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestPersonName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Dr. Eiji SASAHARA", "Eiji Sasahara"},
		{"Vinod B. V.", "Vinod B. V."},
		{"  John  Smith ", "John Smith"},
	}
	for _, tt := range tests {
		if got := personName(tt.in); got != tt.want {
			t.Errorf("personName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsPersonName(t *testing.T) {
	for _, s := range []string{"Marina", "Anil Karmel", "Mark Y."} {
		if !isPersonName(s) {
			t.Errorf("isPersonName(%q) = false", s)
		}
	}
	for _, s := range []string{"Authors", "Leadership", "Discussed", "Opportunities", "Integration", "Want", "Ed"} {
		if isPersonName(s) {
			t.Errorf("isPersonName(%q) = true", s)
		}
	}
}

func TestSplitListAndAcronym(t *testing.T) {
	items := splitList("Artificial Intelligence (AI/ML), Blockchain, IoT, and Software Defined Perimeter (SDP).")
	if want := []string{"Artificial Intelligence (AI/ML)", "Blockchain", "IoT", "Software Defined Perimeter (SDP)"}; !slices.Equal(items, want) {
		t.Errorf("splitList = %q, want %q", items, want)
	}
	tests := []struct{ in, name, acr string }{
		{"Artificial Intelligence (AI/ML)", "Artificial Intelligence", "AI/ML"},
		{"APIs (primarily REST and secondarily SOAP)", "APIs", ""},
		{"Zero Trust", "Zero Trust", ""},
	}
	for _, tt := range tests {
		if n, a := splitAcronym(tt.in); n != tt.name || a != tt.acr {
			t.Errorf("splitAcronym(%q) = %q, %q; want %q, %q", tt.in, n, a, tt.name, tt.acr)
		}
	}
}

func TestContainsName(t *testing.T) {
	tests := []struct {
		line, name string
		want       bool
	}{
		{"The CSA maintains", "CSA", true},
		{"CSAs and csa", "CSA", false},
		{"Marked as done", "Mark", false},
		{"email Mark.", "Mark", true},
		{"the big data working group", "Big Data Working Group", true},
	}
	for _, tt := range tests {
		if got := containsName(tt.line, tt.name); got != tt.want {
			t.Errorf("containsName(%q, %q) = %v, want %v", tt.line, tt.name, got, tt.want)
		}
	}
}

func TestLeadingName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CUMULUS framework will bring users together.", "CUMULUS"},
		{"STRATUS project, a six-year project.", "STRATUS"},
		{"Helix Nebula was a partnership.", "Helix Nebula"},
		{"Modern encryption methods are", ""},
	}
	for _, tt := range tests {
		if got := leadingName(tt.in); got != tt.want {
			t.Errorf("leadingName(%q) = %q, want %q", tt.in, got, tt.want)
		}
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
		{"latin1", []byte("ok\nna\xefve\n"), "latin1.txt:2: not UTF-8 (invalid byte 0xef)"},
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

func TestReadTexts(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("b"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(dir, "skip.bin"), []byte("x"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	texts, err := ReadTexts([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) != 2 || texts[0].Name != "a.md" || texts[1].Name != "b.txt" {
		t.Errorf("texts = %v, want a.md and b.txt in order", texts)
	}
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{filepath.Join(dir, "missing.txt")}, "missing.txt: no such file or directory"},
		{[]string{empty}, "no text files"},
		{[]string{filepath.Join(dir, "b.txt"), filepath.Join(empty, "..", "b.txt")}, ""},
	}
	for _, tt := range tests {
		_, err := ReadTexts(tt.paths)
		if tt.want == "" {
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadTexts(%v) err = %v, want %q", tt.paths, err, tt.want)
		}
	}
}

func TestCuration(t *testing.T) {
	cur, err := ParseCuration("c.txt", []byte("# names\nalias Organization | Desert Gadget Consortium | Gadget Guild\nmerge Person | Bugs | Bugs Bunny\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("Notes of the Desert Gadget Consortium (DGC).\n")
	g, err := Build([]Text{{Name: "n.txt", Data: text}}, cur)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 1 || !slices.Contains(g.Nodes[0].Aliases, "Gadget Guild") {
		t.Errorf("nodes = %+v, want the consortium with the curated alias", g.Nodes)
	}
	bad := []struct{ in, want string }{
		{"rename Person | a | b", "c.txt:1: unknown directive \"rename\""},
		{"\nalias Person | a", "c.txt:2: alias wants three fields"},
		{"merge Robot | a | b", "c.txt:1: label \"Robot\" is not one of"},
		{"merge Person |  | b", "c.txt:1: empty name"},
	}
	for _, tt := range bad {
		if _, err := ParseCuration("c.txt", []byte(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseCuration(%q) err = %v, want %q", tt.in, err, tt.want)
		}
	}
}

// TestDeterministic loads the test texts twice, in one Build, and checks
// the same texts give the same graph.
func TestDeterministic(t *testing.T) {
	var texts []Text
	for _, n := range []string{"listing", "form", "log", "general"} {
		data, _ := os.ReadFile(filepath.Join("testdata", n+".txt"))
		texts = append(texts, Text{Name: n + ".txt", Data: data})
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
		if !ids[e.From] || !ids[e.To] || e.Evidence.Line == 0 || e.Evidence.Excerpt == "" {
			t.Errorf("edge without ends or evidence: %+v", e)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, n := range []string{"listing", "form", "log", "general"} {
		data, _ := os.ReadFile(filepath.Join("testdata", n+".txt"))
		f.Add(data)
	}
	f.Add([]byte("• 2021年99月99日(金)\nJoinLearn more\n1. x?\n"))
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
		case <-time.After(2 * time.Second):
			t.Fatalf("parse of %d bytes did not finish in 2s", len(data))
		}
		g, err := r.g, r.err
		if err != nil {
			return
		}
		for _, e := range g.Edges {
			if e.Evidence.Line < 1 {
				t.Fatalf("edge evidence without a line: %+v", e)
			}
		}
	})
}

func TestLastCapRun(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Notes of the Desert Gadget Consortium", "Desert Gadget Consortium"},
		{"The Cloud Security Alliance", "Cloud Security Alliance"},
		{"Health and Human Services Agency", "Health and Human Services Agency"},
	}
	for _, tt := range tests {
		if got := lastCapRun(tt.in); got != tt.want {
			t.Errorf("lastCapRun(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTruncatedEntries: texts that end in the middle of an entry parse.
func TestTruncatedEntries(t *testing.T) {
	for _, in := range []string{
		"• 2021年1月1日(金)\n• 2021年2月1日(月)\n• 2021年3月1日(月)(公開)",
		"• 2021年1月1日(金)\n• 2021年2月1日(月)\n• 2021年3月1日(月)【東京】",
		"• 2021年1月1日(金)\n• 2021年2月1日(月)\n• 2021年3月1日(月)",
	} {
		done := make(chan struct{})
		go func() { Parse(Text{Name: "t.txt", Data: []byte(in)}); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Parse(%q) does not end", in)
		}
	}
}
