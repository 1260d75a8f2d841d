package format

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/klippa-app/go-pdfium"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFs are read by PDFium (the PDF engine of Chromium) compiled to
// WebAssembly and run by wazero: no cgo, and a fault in PDFium stays in
// its sandbox and comes back as an error.

// pdfMemoryPages bounds PDFium's memory (64 KiB pages): 1 GiB, far more
// than a file of 8 MiB needs, so a hostile file cannot take the machine's.
const pdfMemoryPages = 16384

// pdfWait is how long Decode waits for the PDF reader when other
// goroutines are using it.
const pdfWait = 5 * time.Minute

var pdfReader struct {
	once sync.Once
	pool pdfium.Pool
	err  error
}

// pdfPool starts PDFium once. Compiling its WebAssembly takes seconds, so
// the compiled code is cached in the user's cache folder
// (csakg/wazero/VERSION), where there is one and the binary knows which
// wazero it was built with (test binaries do not): code compiled by
// another version must not be read back.
func pdfPool() (pdfium.Pool, error) {
	pdfReader.once.Do(func() {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(pdfMemoryPages)
		if dir := pdfCacheDir(); dir != "" {
			if c, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				rc = rc.WithCompilationCache(c)
			}
		}
		pdfReader.pool, pdfReader.err = webassembly.Init(webassembly.Config{
			MinIdle: 0, MaxIdle: 1, MaxTotal: 1,
			RuntimeConfig: rc,
			FSConfig:      wazero.NewFSConfig(), // no files: PDFium reads the bytes it is given
			Stdout:        io.Discard,
			Stderr:        io.Discard,
		})
	})
	return pdfReader.pool, pdfReader.err
}

func pdfCacheDir() string {
	dir, err := os.UserCacheDir()
	v := wazeroVersion()
	if err != nil || v == "" {
		return ""
	}
	return filepath.Join(dir, "csakg", "wazero", v)
}

// wazeroVersion is the version of wazero the binary was built with, from
// its build information; tests, whose binaries have none, set it.
var wazeroVersion = func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range info.Deps {
		if m.Path == wazeroModule && m.Version != "" && m.Version != "(devel)" {
			return m.Version
		}
	}
	return ""
}

const wazeroModule = "github.com/tetratelabs/wazero"

// CacheCompiledCodeFor caches PDFium's compiled code under the wazero
// version read from the go.mod at path, for a binary that carries no
// build information (a test binary of a package that reads PDFs): without
// it, every run compiles PDFium again, minutes under -race.
func CacheCompiledCodeFor(goMod string) {
	mod, err := os.ReadFile(goMod)
	if err != nil {
		return
	}
	for _, l := range strings.Split(string(mod), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == wazeroModule {
			v := f[1]
			wazeroVersion = func() string { return v }
		}
	}
}

// decodePDF reads a PDF's text page by page. Lines carry their page and
// their line on the page.
func decodePDF(name string, data []byte) (doc *Document, err error) {
	pool, err := pdfPool()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot start the PDF reader: %w", name, err)
	}
	inst, err := pool.GetInstance(pdfWait)
	if err != nil {
		return nil, fmt.Errorf("%s: the PDF reader is busy: %w", name, err)
	}
	defer inst.Close()
	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	switch {
	case errors.Is(err, pdferrors.ErrPassword) || errors.Is(err, pdferrors.ErrSecurity):
		return nil, fmt.Errorf("%s: the PDF is encrypted; it needs a password", name)
	case err != nil:
		return nil, fmt.Errorf("%s: not a PDF that can be read (%v)", name, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: opened.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: opened.Document})
	if err != nil {
		return nil, fmt.Errorf("%s: not a PDF that can be read (%v)", name, err)
	}
	doc = &Document{Format: PDF}
	var pages [][]pdfRow
	var blank []int
	for i := 0; i < count.PageCount; i++ {
		text, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{
			Page:                   requests.Page{ByIndex: &requests.PageByIndex{Document: opened.Document, Index: i}},
			Mode:                   requests.GetPageTextStructuredModeRects,
			CollectFontInformation: true,
		})
		if err != nil {
			return nil, fmt.Errorf("%s: page %d: cannot read its text (%v)", name, i+1, err)
		}
		rows := pdfRows(text.Rects)
		if len(rows) == 0 {
			blank = append(blank, i+1)
		}
		pages = append(pages, rows)
	}
	switch {
	case len(blank) == len(pages):
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s: no text layer (scanned?); nothing read", name))
	case len(blank) > 0:
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s: page %s: no text layer (scanned?)", name, joinInts(blank)))
	}
	doc.Lines = pdfLines(pages)
	return doc, nil
}

// pdfRow is one line of a page: the text runs that share a baseline.
type pdfRow struct {
	text  string
	size  float64 // the largest font size on the row
	cells bool    // the runs stand apart, as a table's cells do
}

// pdfRows joins a page's text runs, in the order the page draws them,
// into lines: a run on the baseline of the one before continues its line.
// Within a line runs are ordered left to right, and a gap of more than two
// em parts cells.
func pdfRows(rects []*responses.GetPageTextStructuredRect) []pdfRow {
	var rows []pdfRow
	var run []*responses.GetPageTextStructuredRect
	var base, size float64
	flush := func() {
		if r, ok := joinRuns(run); ok {
			rows = append(rows, r)
		}
		run = run[:0]
	}
	for _, r := range rects {
		if cleanPDFText(r.Text) == "" {
			continue
		}
		s := runSize(r)
		if len(run) > 0 && math.Abs(r.PointPosition.Bottom-base) > 0.5*max(s, size) {
			flush()
		}
		if len(run) == 0 {
			base, size = r.PointPosition.Bottom, s
		}
		size = max(size, s)
		run = append(run, r)
	}
	flush()
	return rows
}

func joinRuns(run []*responses.GetPageTextStructuredRect) (pdfRow, bool) {
	sort.SliceStable(run, func(i, j int) bool { return run[i].PointPosition.Left < run[j].PointPosition.Left })
	var cells []string
	var cur strings.Builder
	row := pdfRow{}
	for i, r := range run {
		s := runSize(r)
		row.size = max(row.size, s)
		t := cleanPDFText(r.Text)
		if i > 0 {
			gap := r.PointPosition.Left - run[i-1].PointPosition.Right
			switch {
			case gap > 2*s:
				cells = append(cells, strings.TrimSpace(cur.String()))
				cur.Reset()
			case gap > 0.2*s && !strings.HasSuffix(cur.String(), " ") && !strings.HasPrefix(t, " "):
				cur.WriteByte(' ')
			}
		}
		cur.WriteString(t)
	}
	cells = append(cells, strings.TrimSpace(cur.String()))
	if len(cells) > 1 {
		row.text, row.cells = "| "+strings.Join(cells, " | ")+" |", true
	} else {
		row.text = collapse(cells[0])
	}
	return row, row.text != ""
}

func runSize(r *responses.GetPageTextStructuredRect) float64 {
	if f := r.FontInformation; f != nil && f.Size > 0 {
		return f.Size
	}
	return max(r.PointPosition.Top-r.PointPosition.Bottom, 1)
}

// cleanPDFText drops the control characters PDFium uses for soft hyphens
// and line ends, and turns tabs and no-break spaces into spaces.
func cleanPDFText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\u00a0':
			return ' '
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xfffe || r == 0xffff || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}

// pdfLines writes the pages' rows as lines. A short row set larger than
// the body text is a heading, ranked by its size.
func pdfLines(pages [][]pdfRow) []Line {
	body := bodySize(pages)
	levels := headingSizes(pages, body)
	var b builder
	for p, rows := range pages {
		for i, r := range rows {
			if lv, ok := levels[roundSize(r.size)]; ok && !r.cells && isHeadingRow(r, body) {
				b.block()
				b.add(strings.Repeat("#", lv)+" "+r.text, i+1, p+1)
				b.block()
				continue
			}
			b.add(r.text, i+1, p+1)
		}
		b.block()
	}
	return b.lines
}

// bodySize is the font size most of the text is set in.
func bodySize(pages [][]pdfRow) float64 {
	chars := map[float64]int{}
	for _, rows := range pages {
		for _, r := range rows {
			chars[roundSize(r.size)] += utf8.RuneCountInString(r.text)
		}
	}
	best, n := 0.0, -1
	for s, c := range chars {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

func isHeadingRow(r pdfRow, body float64) bool {
	return body > 0 && r.size >= 1.2*body && utf8.RuneCountInString(r.text) <= 120
}

// headingSizes ranks the sizes headings are set in: the largest is level
// 1; six levels at most.
func headingSizes(pages [][]pdfRow, body float64) map[float64]int {
	seen := map[float64]bool{}
	for _, rows := range pages {
		for _, r := range rows {
			if !r.cells && isHeadingRow(r, body) {
				seen[roundSize(r.size)] = true
			}
		}
	}
	sizes := make([]float64, 0, len(seen))
	for s := range seen {
		sizes = append(sizes, s)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(sizes)))
	levels := map[float64]int{}
	for i, s := range sizes {
		levels[s] = min(i+1, 6)
	}
	return levels
}

// roundSize rounds a font size to half a point, so sizes that differ by
// rounding in the file count as one.
func roundSize(s float64) float64 { return math.Round(s*2) / 2 }

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
