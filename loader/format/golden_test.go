package format

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// dump writes a document's lines one a line: page (PDF only), source
// line, a tab, the text.
func dump(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format: %s, encoding: %s\n", d.Format, d.Encoding)
	for _, w := range d.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	for _, l := range d.Lines {
		if l.Page > 0 {
			fmt.Fprintf(&b, "%d:", l.Page)
		}
		fmt.Fprintf(&b, "%d\t%s\n", l.Line, l.Text)
	}
	return b.String()
}

// checkGolden compares got with testdata/name.golden, or rewrites the
// file with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (go test -update rewrites it):\n--- got\n%s--- want\n%s", name, path, got, want)
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
