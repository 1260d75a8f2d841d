package format

import (
	"strings"
	"testing"
)

// checkDocument holds for whatever Decode returns: lines point into the
// source, carry no control characters, and pages are 1-based for PDF
// only.
func checkDocument(t *testing.T, d *Document, srcLines int) {
	t.Helper()
	for _, l := range d.Lines {
		if l.Line < 0 || srcLines > 0 && l.Line > srcLines {
			t.Fatalf("line %d of a source of %d lines: %+v", l.Line, srcLines, l)
		}
		if (d.Format == PDF) != (l.Page > 0) {
			t.Fatalf("page %d in a %s document", l.Page, d.Format)
		}
		if strings.ContainsFunc(l.Text, func(r rune) bool { return r < 0x20 && r != '\t' }) {
			t.Fatalf("control character in %q", l.Text)
		}
	}
}

func FuzzDecodeHTML(f *testing.F) {
	for _, name := range []string{"page-nav.html", "page-divs.html", "page-short.html", "page-layout.html"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte("<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table><p>y"))
	f.Add([]byte(`<meta content="charset= "><p>\xe8\xad\xb0`))
	f.Add([]byte("<ul><li>a<ol start=-5><li value=99999999999>b</ul><dl><dd>c<dt>d"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode("fuzz.html", data)
		if err != nil {
			return
		}
		checkDocument(t, d, len(newLineIndex(string(data))))
	})
}

func FuzzDecodeMarkdown(f *testing.F) {
	f.Add(readTestdata(f, "notes.md"))
	f.Add([]byte("---\na: b\n---\n* x\n  * y\n\n| a |\n|---|\n| b |\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode("fuzz.md", data)
		if err != nil {
			return
		}
		checkDocument(t, d, len(newLineIndex(string(data))))
	})
}

func FuzzDecodePDF(f *testing.F) {
	f.Add(twoPages())
	f.Add(fpdfDoc(f))
	f.Add(scanned(f, 1))
	f.Add(testPDF([][]string{{"# A", "b"}, {}}))
	// Start PDFium before fuzzing: compiling it (when it is not in the
	// cache yet) takes longer, with the fuzzer's instrumentation, than the
	// fuzzer waits for one input.
	if _, err := Decode("warm.pdf", twoPages()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode("fuzz.pdf", data)
		if err != nil {
			return
		}
		checkDocument(t, d, 0)
	})
}
