package format

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// testPDF writes a small PDF by hand: one page per element of pages, one
// text line per string, top to bottom. ASCII lines use Helvetica; a line
// with other characters uses a composite (Type0) font whose ToUnicode map
// gives each character a two-byte code, so a text extractor can read
// Japanese without any font file. A line that starts with "# " is set
// larger, as a heading. A page with no lines gets a filled rectangle only,
// as a scan without a text layer would.
func testPDF(pages [][]string) []byte {
	cids := map[rune]int{}
	for _, p := range pages {
		for _, l := range p {
			if isASCII(l) {
				continue
			}
			for _, r := range l {
				if _, ok := cids[r]; !ok {
					cids[r] = len(cids) + 1
				}
			}
		}
	}
	var objs []string // objs[i] is object i+1
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("") // filled in below
	pagesObj := add("")
	f1 := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	desc := add("<< /Type /FontDescriptor /FontName /TestMincho /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
	cidFont := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /TestMincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>", desc))
	toUni := add(stream(toUnicodeCMap(cids)))
	f2 := add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestMincho /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cidFont, toUni))
	var kids []string
	for _, p := range pages {
		content := add(stream(pageContent(p, cids)))
		pg := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, f1, f2, content))
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, xref)
	return b.Bytes()
}

func stream(data string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(data), data)
}

func pageContent(lines []string, cids map[rune]int) string {
	if len(lines) == 0 {
		return "0.5 g 72 300 450 400 re f"
	}
	var b strings.Builder
	y := 780
	for _, l := range lines {
		size := 11
		if t, ok := strings.CutPrefix(l, "# "); ok {
			l, size = t, 18
		}
		if isASCII(l) {
			r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
			fmt.Fprintf(&b, "BT /F1 %d Tf 72 %d Td (%s) Tj ET\n", size, y, r.Replace(l))
		} else {
			fmt.Fprintf(&b, "BT /F2 %d Tf 72 %d Td <", size, y)
			for _, c := range l {
				fmt.Fprintf(&b, "%04X", cids[c])
			}
			b.WriteString("> Tj ET\n")
		}
		y -= size * 2
	}
	return b.String()
}

func toUnicodeCMap(cids map[rune]int) string {
	rs := make([]rune, 0, len(cids))
	for r := range cids {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return cids[rs[i]] < cids[rs[j]] })
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
	b.WriteString("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
	b.WriteString("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(rs); i += 100 {
		chunk := rs[i:min(i+100, len(rs))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, r := range chunk {
			u := utf16Hex(r)
			fmt.Fprintf(&b, "<%04X> <%s>\n", cids[r], u)
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
}

func utf16Hex(r rune) string {
	if r < 0x10000 {
		return fmt.Sprintf("%04X", r)
	}
	r -= 0x10000
	return fmt.Sprintf("%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
