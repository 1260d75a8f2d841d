package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const miniCorpus = "eval/testdata/mini"

// evalCmd runs `csakg eval` and returns its output, stderr and exit status.
func evalCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), append([]string{"eval"}, args...), &out, &errOut)
	code := 0
	if err != nil {
		code = exitCode(err)
		errOut.WriteString(err.Error())
	}
	return out.String(), errOut.String(), code
}

func TestEvalCommand(t *testing.T) {
	unfindable := filepath.Join(t.TempDir(), "expect.json")
	if err := os.WriteFile(unfindable, []byte(`{"01_group.txt": {"kind": "log", "lang": "en", "must": {"Event": [{"name": "x", "date": "1999-01-01"}]}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string // substrings of stdout and stderr
	}{
		{name: "report", args: []string{miniCorpus}, out: "cross-file identity: "},
		{name: "verbose lists misses", args: []string{"-v", miniCorpus}, out: "  - entity "},
		{name: "json", args: []string{"--json", miniCorpus}, out: `"identity": {`},
		{name: "with a curation", args: []string{"--curation", "curation.example.txt", miniCorpus}, out: "total"},
		{name: "expectation elsewhere", args: []string{"--expect", miniCorpus + "/expect.json", miniCorpus}, out: "total"},
		{name: "thresholds of zero pass", args: []string{"--min-entities", "0", "--min-relations", "0", miniCorpus}},
		{name: "maximums met", args: []string{"--max-traps", "1000", "--max-invented", "1000", miniCorpus}},
		// No text says 1999: no loader finds that event.
		{name: "below a minimum", args: []string{"--expect", unfindable, "--min-entities", "1", miniCorpus}, code: 1, out: "total", err: "entity recall 0.0% is below the minimum 1%"},
		{name: "no folder", code: 2, err: "want one folder DIR, got 0 arguments"},
		{name: "two folders", args: []string{miniCorpus, miniCorpus}, code: 2, err: "want one folder DIR, got 2"},
		{name: "flag after the folder", args: []string{miniCorpus, "-v"}, code: 2, err: `flags go before DIR`},
		{name: "bad threshold", args: []string{"--min-entities", "lots", miniCorpus}, code: 2, err: `"lots" is not a number`},
		{name: "threshold out of range", args: []string{"--min-relations", "101", miniCorpus}, code: 2, err: "min-relations: 101 is not a percentage"},
		{name: "negative maximum", args: []string{"--max-traps", "-1", miniCorpus}, code: 2, err: "max-traps: -1 is negative"},
		{name: "missing folder", args: []string{"no/such/dir"}, code: 1, err: "eval: no/such/dir: no such file or directory"},
		{name: "no expect.json", args: []string{"eval"}, code: 1, err: "eval/expect.json: no expectation file"},
		{name: "missing curation", args: []string{"--curation", "no-such.txt", miniCorpus}, code: 1, err: "curation: open no-such.txt"},
		{name: "help tells the rules", args: []string{"-h"}, code: 2, err: "micro-averaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := evalCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.err) {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
		})
	}
}

func TestEvalJSONReadsBack(t *testing.T) {
	out, errOut, code := evalCmd(t, "--json", miniCorpus)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Pages []struct {
			File string `json:"file"`
		} `json:"pages"`
		Total struct {
			Traps struct{ Of int } `json:"traps"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Pages) != 2 || rep.Pages[0].File != "01_group.txt" || rep.Total.Traps.Of != 6 {
		t.Errorf("report %+v", rep)
	}
}
