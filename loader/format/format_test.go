package format

import (
	"slices"
	"testing"
)

func TestFormatOf(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"a.html", "<p>x</p>", HTML},
		{"A.HTM", "x", HTML},
		{"notes.md", "# x", Markdown},
		{"notes.markdown", "x", Markdown},
		{"c.pdf", "%PDF-1.7", PDF},
		{"a.txt", "<!doctype html><p>x", Text}, // the extension decides
		{"a.text", "x", Text},
		{"page", "<!DOCTYPE html>\n<html>", HTML},
		{"page", "\n  <HTML lang=en>", HTML},
		{"page", "\ufeff<html>", HTML},
		{"scan", "%PDF-1.4\n", PDF},
		{"scan", "junk\r\n%PDF-1.4\n", PDF},
		{"README", "# Title", Text},
		{"page.php", "<html>", HTML},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.data, func(t *testing.T) {
			if got := formatOf(tt.name, []byte(tt.data)); got != tt.want {
				t.Errorf("formatOf = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Line
	}{
		{"lf", "a\n\nb\n", []Line{{"a", 1, 0}, {"", 2, 0}, {"b", 3, 0}}},
		{"crlf", "a\r\nb\r\n", []Line{{"a", 1, 0}, {"b", 2, 0}}},
		{"lone cr", "a\rb", []Line{{"a", 1, 0}, {"b", 2, 0}}},
		{"no final newline, tabs kept", "a\tb", []Line{{"a\tb", 1, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("a.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(d.Lines, tt.want) {
				t.Errorf("lines %+v, want %+v", d.Lines, tt.want)
			}
		})
	}
}

// TestHTMLByContent: a page without an HTML extension, saved as UTF-16,
// is found to be HTML once decoded.
func TestHTMLByContent(t *testing.T) {
	data := encode(t, utf16LE, "<!DOCTYPE html><html><body><main><h1>Groups</h1></main></body></html>")
	d, err := Decode("index", data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != HTML || d.Encoding != "utf-16le" || !slices.Contains(d.Strings(), "# Groups") {
		t.Errorf("read %s %s %q", d.Format, d.Encoding, d.Strings())
	}
}

func TestLineIndex(t *testing.T) {
	s := "ab\ncd\r\nef\rg"
	idx := newLineIndex(s)
	for off, want := range []int{1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4} {
		if got := idx.line(off); got != want {
			t.Errorf("line(%d) = %d, want %d", off, got, want)
		}
	}
}
