package format

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkDecode reads each kind of file at two sizes: the time per
// byte should not grow with the size (Decode is linear in its input).
func BenchmarkDecode(b *testing.B) {
	nav := readTestdata(b, "page-nav.html")
	md := readTestdata(b, "notes.md")
	ja := readTestdata(b, "minutes-ja.txt")
	for _, n := range []int{10, 1000} {
		for _, c := range []struct {
			name string
			data []byte
		}{
			{"page.html", bytes.Replace(nav, []byte("<main>"), bytes.Repeat(nav[bytes.Index(nav, []byte("<main>")):bytes.Index(nav, []byte("</main>"))], n), 1)},
			{"notes.md", bytes.Repeat(md, n)},
			{"minutes.txt", bytes.Repeat(ja, n)},
		} {
			b.Run(fmt.Sprintf("%s/x%d", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(c.data)))
				for b.Loop() {
					if _, err := Decode(c.name, c.data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkDecodePDF reads a two-page PDF with PDFium started.
func BenchmarkDecodePDF(b *testing.B) {
	pdf := twoPages()
	if _, err := Decode("warm.pdf", pdf); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Decode("two.pdf", pdf); err != nil {
			b.Fatal(err)
		}
	}
}
