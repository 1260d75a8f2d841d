package format

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// twoPages is a two-page PDF of English and Japanese text, written by
// testPDF.
func twoPages() []byte {
	return testPDF([][]string{
		{"# Key Management Working Group", "Chair: Ada Example (Example Corp)", "Co-chair: Ben Sample", "- Key Rotation Guide", "- HSM Survey"},
		{"# 鍵管理ワーキンググループ", "日時: 2024年3月5日 19時", "出席者: 山田花子、佐藤一郎", "Minutes taken by Ben Sample"},
	})
}

func TestPDFTwoPages(t *testing.T) {
	d, err := Decode("minutes.pdf", twoPages())
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{"# Key Management Working Group", 1, 1},
		{"", 1, 1},
		{"Chair: Ada Example (Example Corp)", 2, 1},
		{"Co-chair: Ben Sample", 3, 1},
		{"- Key Rotation Guide", 4, 1},
		{"- HSM Survey", 5, 1},
		{"", 5, 1},
		{"# 鍵管理ワーキンググループ", 1, 2},
		{"", 1, 2},
		{"日時: 2024年3月5日 19時", 2, 2},
		{"出席者: 山田花子、佐藤一郎", 3, 2},
		{"Minutes taken by Ben Sample", 4, 2},
	}
	if d.Format != PDF || len(d.Warnings) != 0 {
		t.Errorf("format %q, warnings %q", d.Format, d.Warnings)
	}
	if !slices.Equal(d.Lines, want) {
		t.Errorf("lines\n got %+v\nwant %+v", d.Lines, want)
	}
}

// fpdfDoc is a PDF as a common generator writes it: compressed streams,
// core fonts, a heading, a table of bordered cells, a second page.
func fpdfDoc(t testing.TB) []byte {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.SetFont("Helvetica", "B", 20)
	p.CellFormat(0, 12, "Cloud Controls Working Group", "", 1, "L", false, 0, "")
	p.SetFont("Helvetica", "B", 14)
	p.CellFormat(0, 9, "Leadership", "", 1, "L", false, 0, "")
	p.SetFont("Helvetica", "", 11)
	p.CellFormat(0, 6, "Chair: Dana Placeholder", "", 1, "L", false, 0, "")
	p.CellFormat(0, 6, "Secretary: Eli Fictional", "", 1, "L", false, 0, "")
	p.Ln(4)
	for _, row := range [][]string{{"Release", "Year", "Editor"}, {"Version 3", "2019", "Fay Imaginary"}, {"Version 4", "2021", "Gus Madeup"}} {
		for _, c := range row {
			p.CellFormat(50, 7, c, "1", 0, "L", false, 0, "")
		}
		p.Ln(-1)
	}
	p.AddPage()
	p.SetFont("Helvetica", "", 11)
	p.CellFormat(0, 6, "Contact: ccm@example.org", "", 1, "L", false, 0, "")
	return output(t, p)
}

func output(t testing.TB, p *fpdf.Fpdf) []byte {
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPDFGenerated(t *testing.T) {
	d, err := Decode("charter.pdf", fpdfDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{"# Cloud Controls Working Group", 1, 1},
		{"", 1, 1},
		{"## Leadership", 2, 1},
		{"", 2, 1},
		{"Chair: Dana Placeholder", 3, 1},
		{"Secretary: Eli Fictional", 4, 1},
		{"| Release | Year | Editor |", 5, 1},
		{"| Version 3 | 2019 | Fay Imaginary |", 6, 1},
		{"| Version 4 | 2021 | Gus Madeup |", 7, 1},
		{"", 7, 1},
		{"Contact: ccm@example.org", 1, 2},
	}
	if !slices.Equal(d.Lines, want) {
		t.Errorf("lines\n got %+v\nwant %+v", d.Lines, want)
	}
}

// scanned is a PDF whose pages are pictures only, as a scanner writes.
func scanned(t testing.TB, pages int) []byte {
	img := image.NewGray(image.Rect(0, 0, 40, 20))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	img.Set(3, 3, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, &b)
	for range pages {
		p.AddPage()
		p.ImageOptions("scan", 10, 10, 190, 95, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	return output(t, p)
}

func TestPDFWithoutText(t *testing.T) {
	d, err := Decode("scan.pdf", scanned(t, 2))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lines) != 0 {
		t.Errorf("lines %+v, want none", d.Lines)
	}
	if want := []string{"scan.pdf: no text layer (scanned?); nothing read"}; !slices.Equal(d.Warnings, want) {
		t.Errorf("warnings %q, want %q", d.Warnings, want)
	}

	// A page without text among pages with text is named.
	d, err = Decode("mixed.pdf", testPDF([][]string{{"Page one"}, {}, {"Page three"}}))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"mixed.pdf: page 2: no text layer (scanned?)"}; !slices.Equal(d.Warnings, want) {
		t.Errorf("warnings %q, want %q", d.Warnings, want)
	}
	if want := []Line{{"Page one", 1, 1}, {"", 1, 1}, {"Page three", 1, 3}}; !slices.Equal(d.Lines, want) {
		t.Errorf("lines %+v, want %+v", d.Lines, want)
	}
}

func TestPDFRefused(t *testing.T) {
	locked := fpdf.New("P", "mm", "A4", "")
	locked.SetProtection(fpdf.CnProtectPrint, "secret", "owner")
	locked.AddPage()
	locked.SetFont("Helvetica", "", 11)
	locked.Cell(0, 6, "Hidden text")
	whole := twoPages()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"encrypted", output(t, locked), "locked.pdf: the PDF is encrypted; it needs a password"},
		{"header only", []byte("%PDF-1.7\n"), "locked.pdf: not a PDF that can be read"},
		{"cut short", whole[:len(whole)/3], "locked.pdf: not a PDF that can be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("locked.pdf", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %+v, %v; want error %q", d, err, tt.want)
			}
		})
	}
}

// TestMain lets the tests cache PDFium's compiled code as csakg does:
// a test binary has no build information, so the version of wazero is
// read from go.mod.
func TestMain(m *testing.M) {
	CacheCompiledCodeFor("../../go.mod")
	os.Exit(m.Run())
}
