package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseExpectationErrors(t *testing.T) {
	const ok = `"kind": "log", "lang": "en"`
	tests := []struct {
		name, data, want string
	}{
		{"syntax", "{\n\"p.txt\": {\n\"kind\": \"log\",,\n}}", `x.json:3: invalid character ','`},
		{"not an object", `[]`, `x.json:1: want "{"`},
		{"no pages", `{}`, `x.json: no pages`},
		{"page twice", `{"p.txt": {` + ok + `}, "p.txt": {` + ok + `}}`, `x.json: page "p.txt" is given twice`},
		{"unknown field", `{"p.txt": {` + ok + `, "mustt": {}}}`, `x.json: page "p.txt": json: unknown field "mustt"`},
		{"unknown kind", `{"p.txt": {"kind": "minutes", "lang": "en"}}`, `page "p.txt": kind: "minutes" is not one of`},
		{"unknown lang", `{"p.txt": {"kind": "log", "lang": "fr"}}`, `page "p.txt": lang: "fr" is not one of`},
		{"unknown label", `{"p.txt": {` + ok + `, "must": {"Company": ["X"]}}}`, `page "p.txt": must: label "Company" is not one of`},
		{"names not strings", `{"p.txt": {` + ok + `, "must": {"Person": [1]}}}`, `page "p.txt": must.Person: json: cannot unmarshal number`},
		{"empty name", `{"p.txt": {` + ok + `, "must": {"Person": [" "]}}}`, `page "p.txt": must.Person[0]: empty name`},
		{"event without date", `{"p.txt": {` + ok + `, "must": {"Event": [{"name": "call"}]}}}`, `must.Event[0] "call": date "" is not YYYY-MM-DD or YYYY-MM`},
		{"event bad date", `{"p.txt": {` + ok + `, "must": {"Event": [{"name": "call", "date": "2021-13-01"}]}}}`, `date "2021-13-01" is not`},
		{"event unknown field", `{"p.txt": {` + ok + `, "must": {"Event": [{"name": "call", "date": "2021-12-01", "place": "x"}]}}}`, `must.Event: json: unknown field "place"`},
		{"alias of a name not in must", `{"p.txt": {` + ok + `, "aliases": {"OMG": ["Object Management Group"]}}}`, `page "p.txt": aliases: "OMG" is not a name of must`},
		{"relation too short", `{"p.txt": {` + ok + `, "relations": [["a", "PART_OF"]]}}`, `page "p.txt": relations[0]: ["a","PART_OF"] is not [from, TYPE, to]`},
		{"relation not a list", `{"p.txt": {` + ok + `, "relations": ["a PART_OF b"]}}`, `relations[0]: "a PART_OF b" is not`},
		{"relation end not a string", `{"p.txt": {` + ok + `, "relations": [["a", "PART_OF", 3]]}}`, `relations[0]: element 2 of ["a","PART_OF",3] is not a non-empty string`},
		{"unknown relation type", `{"p.txt": {` + ok + `, "relations": [["a", "MEMBERS_OF", "b"]]}}`, `page "p.txt": relations[0]: type "MEMBERS_OF" is not a relationship type`},
		{"unknown not_relation type", `{"p.txt": {` + ok + `, "not_relations": [["a", "MENTIONED_IN", "b"]]}}`, `not_relations[0]: type "MENTIONED_IN"`},
		{"props not an object", `{"p.txt": {` + ok + `, "relations": [["a", "PART_OF", "b", "chair"]]}}`, `relations[0]: properties "chair" are not an object of strings`},
		{"unknown property", `{"p.txt": {` + ok + `, "relations": [["a", "PART_OF", "b", {"weight": "2"}]]}}`, `relations[0]: property "weight" is not one of role, section, status, since, date, amount`},
		{"empty trap", `{"p.txt": {` + ok + `, "traps": [""]}}`, `page "p.txt": traps[0]: empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseExpectation("x.json", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestCheckText(t *testing.T) {
	const text = "SOURCE: x\nThe Satellite Command &\n  Control Message Specification (C2MS)\nby OMG. Regrets: Fabrizio\n"
	tests := []struct {
		name, entry, want string // want "" is no error
	}{
		{"names in the text, a wrapped one too", `{"kind": "report", "lang": "en", "must": {"Organization": ["OMG"], "Standard": ["Satellite Command & Control Message Specification"]},
			"aliases": {"Satellite Command & Control Message Specification": ["C2MS"]}}`, ""},
		{"event names are exempt", `{"kind": "report", "lang": "en", "must": {"Event": [{"name": "a meeting of nobody", "date": "2018-04-09"}]}}`, ""},
		{"relation end in the text only", `{"kind": "report", "lang": "en", "must": {"Event": [{"name": "call", "date": "2018-04-09"}]}, "not_relations": [["Fabrizio", "ATTENDED", "call"]]}`, ""},
		{"must name not in the text", `{"kind": "report", "lang": "en", "must": {"Organization": ["OMG", "Object Management Group"]}}`,
			`test.json: page "p.txt": must.Organization[1]: "Object Management Group" does not occur in the page`},
		{"case counts", `{"kind": "report", "lang": "en", "must": {"Organization": ["omg"]}}`, `must.Organization[0]: "omg" does not occur`},
		{"alias form not in the text", `{"kind": "report", "lang": "en", "must": {"Organization": ["OMG"]}, "aliases": {"OMG": ["Object Management Group"]}}`,
			`aliases: "OMG"[0]: "Object Management Group" does not occur in the page`},
		{"relation end nowhere", `{"kind": "report", "lang": "en", "must": {"Organization": ["OMG"]}, "relations": [["OMG", "LIAISON_WITH", "CCSDS"]]}`,
			`relations[0]: "CCSDS" is neither a must name nor in the page`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := ParseExpectation("test.json", []byte(`{"p.txt": `+tt.entry+`}`))
			if err != nil {
				t.Fatal(err)
			}
			err = x.CheckText(x.Pages[0], []byte(text))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("err = %v, want none", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Load(filepath.Join(dir, "nope"), ""); err == nil || !strings.Contains(err.Error(), "nope: no such file or directory") {
		t.Errorf("missing folder: err = %v", err)
	}
	if _, err := Load(dir, ""); err == nil || !strings.Contains(err.Error(), "expect.json: no expectation file (give one with --expect FILE)") {
		t.Errorf("no expect.json: err = %v", err)
	}
	write("expect.json", `{"a.txt": {"kind": "log", "lang": "en", "must": {"Person": ["Ada"]}}, "b.txt": {"kind": "log", "lang": "en"}}`)
	write("a.txt", "Ada was there.\n")
	if _, err := Load(dir, ""); err == nil || !strings.Contains(err.Error(), `expect.json: page "b.txt": `+filepath.Join(dir, "b.txt")+`: no such file or directory`) {
		t.Errorf("missing page: err = %v", err)
	}
	write("b.txt", "Nobody.\n")
	write("c.txt", "Not listed.\n")
	write("README.md", "Documentation.\n")
	c, err := Load(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Texts) != 2 || c.Texts[0].Name != "a.txt" || strings.Join(c.Unscored, ",") != "c.txt" {
		t.Errorf("texts %d, first %q, unscored %q", len(c.Texts), c.Texts[0].Name, c.Unscored)
	}
	other := filepath.Join(t.TempDir(), "other.json")
	if err := os.WriteFile(other, []byte(`{"a.txt": {"kind": "log", "lang": "en", "must": {"Person": ["Bob"]}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir, other); err == nil || !strings.Contains(err.Error(), other+`: page "a.txt": must.Person[0]: "Bob" does not occur`) {
		t.Errorf("--expect elsewhere: err = %v", err)
	}
}
