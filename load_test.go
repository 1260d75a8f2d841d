package main

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"csakg/internal/neo4jtest"
	"csakg/store"
)

const seeds = "../shared/seeds"

func graphCounts(t *testing.T, st *store.Store) map[string]int64 { return neo4jtest.Counts(t, st) }

func sameCounts(a, b map[string]int64) bool { return maps.Equal(a, b) }

// loadCmd runs `csakg load` with the test Neo4j's settings.
func loadCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cfg := neo4jtest.Config(t)
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USER", cfg.User)
	t.Setenv("NEO4J_PASSWORD", cfg.Password.Reveal())
	var out, errOut bytes.Buffer
	err := run(context.Background(), append([]string{"load"}, args...), &out, &errOut)
	return out.String() + errOut.String(), err
}

func TestLoadSeedsTwiceChangesNothing(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no source texts")
	}
	st := neo4jtest.Empty(t)
	out, err := loadCmd(t, "--curation", "curation.example.txt", seeds)
	if err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	first := graphCounts(t, st)
	if first["WorkingGroup"] < 29 || first["Person"] == 0 || first["MEMBER_OF"] == 0 {
		t.Errorf("after loading the seeds: %v", first)
	}
	if !strings.Contains(out, "sources: 3 (3 new or changed)") {
		t.Errorf("first load summary:\n%s", out)
	}
	out, err = loadCmd(t, "--curation", "curation.example.txt", seeds)
	if err != nil {
		t.Fatalf("second load: %v\n%s", err, out)
	}
	if !strings.Contains(out, "sources: 3 (0 new or changed); nodes created 0, deleted 0; relationships created 0, deleted 0") {
		t.Errorf("second load changed the graph:\n%s", out)
	}
	if second := graphCounts(t, st); !sameCounts(first, second) {
		t.Errorf("counts changed: %v then %v", first, second)
	}
}

// TestLoadBadInput feeds the command each kind of bad input after a good
// load: each fails with an error naming what and where, and the graph stays
// as it was.
func TestLoadBadInput(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no source texts")
	}
	st := neo4jtest.Empty(t)
	if out, err := loadCmd(t, seeds); err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	before := graphCounts(t, st)

	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("binary.txt", []byte("text\n\x00\x01\x02"))
	latin1 := write("latin1.txt", []byte("caf\xe9\n"))
	huge := write("huge.txt", bytes.Repeat([]byte("x"), 8<<20+1))
	badCuration := write("curation.txt", []byte("merge Robot | a | b\n"))
	noTexts := filepath.Join(dir, "none")
	os.Mkdir(noTexts, 0o755)

	tests := []struct {
		name string
		args []string
		want string
		code int
	}{
		{"missing path", []string{seeds, filepath.Join(dir, "nope.txt")}, "nope.txt: no such file or directory", 1},
		{"empty file", []string{seeds, empty}, "empty.txt: empty file", 1},
		{"binary file", []string{seeds, binary}, "binary.txt:2: binary data", 1},
		{"not UTF-8", []string{seeds, latin1}, "latin1.txt:1: cannot tell the text encoding (byte 0xe9 is not UTF-8)", 1},
		{"over the size limit", []string{seeds, huge}, "huge.txt: 8388609 bytes is over the limit", 1},
		{"folder without texts", []string{noTexts}, "none: no text files", 1},
		{"bad curation", []string{"--curation", badCuration, seeds}, "curation.txt:1: label \"Robot\"", 1},
		{"unknown flag", []string{"--frobnicate", seeds}, "flag provided but not defined: -frobnicate", 2},
		{"no paths", nil, "load: no paths given", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := loadCmd(t, tt.args...)
			if err == nil {
				t.Fatalf("load succeeded:\n%s", out)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if c := exitCode(err); c != tt.code {
				t.Errorf("exit code %d, want %d", c, tt.code)
			}
			if after := graphCounts(t, st); !sameCounts(before, after) {
				t.Errorf("graph changed: %v then %v", before, after)
			}
		})
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no source texts")
	}
	st := neo4jtest.Empty(t)
	out, err := loadCmd(t, "--dry-run", seeds)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"nodes"`) || !strings.Contains(out, `"evidence"`) {
		t.Errorf("dry run printed no graph: %.200s", out)
	}
	if n := graphCounts(t, st); len(n) != 0 {
		t.Errorf("dry run wrote %v", n)
	}
}

// TestBlocksShowsWhatWasRead: --blocks prints each file's format and
// encoding and its blocks at their source lines, and writes nothing.
func TestBlocksShowsWhatWasRead(t *testing.T) {
	dir := t.TempDir()
	page := "<!doctype html>\n<html><body><main>\n<h1>Anvil Working Group</h1>\n\n<p>Chair: Ann Berger</p>\n</main></body></html>\n"
	if err := os.WriteFile(filepath.Join(dir, "anvil.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"load", "--blocks", dir}, &out, &errOut); err != nil {
		t.Fatalf("%v: %s", err, errOut.String())
	}
	for _, want := range []string{"anvil.html: html utf-8, ", "    3 title     Anvil Working Group", "    5   paragraph [Chair] Ann Berger"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("--blocks printed\n%s\nwithout %q", out.String(), want)
		}
	}
}
