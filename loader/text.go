package loader

import (
	"bytes"
	"crypto/sha256"
	"csakg/loader/format"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// Text is one input text.
type Text struct {
	Name string // file name, used in evidence
	Data []byte
}

// MaxTextSize is the largest text the loader reads.
const MaxTextSize = 8 << 20

// textExts are the file kinds read from folders.
var textExts = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf"}

// ReadTexts reads the files at paths; a folder contributes its text files
// (plain text, Markdown, web pages, PDF: textExts), sorted by name, not recursing. This is the package's
// only I/O.
// A file in a folder that is not one of those kinds, a folder in it, or
// a link to neither, is skipped with a warning; a link to a text is read.
func ReadTexts(paths []string) ([]Text, []Warning, error) {
	var files []string
	var skipped []Warning
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		n := 0
		for _, e := range entries {
			f := filepath.Join(p, e.Name())
			info, err := os.Stat(f) // follows a link
			switch {
			case err != nil:
				return nil, nil, fmt.Errorf("%s: %w", f, unwrapPathError(err))
			case info.IsDir():
				skipped = append(skipped, Warning{Source: f, Message: "a folder: skipped (folders are not read recursively)"})
			case !info.Mode().IsRegular():
				skipped = append(skipped, Warning{Source: f, Message: "not a regular file: skipped"})
			case !slices.Contains(textExts, strings.ToLower(filepath.Ext(e.Name()))):
				skipped = append(skipped, Warning{Source: f, Message: "not a kind of file the loader reads (" + strings.Join(textExts, ", ") + "): skipped"})
			default:
				files = append(files, f)
				n++
			}
		}
		if n == 0 {
			return nil, nil, fmt.Errorf("%s: no text files (%s) in the folder", p, strings.Join(textExts, ", "))
		}
	}
	var texts []Text
	seen := map[string]string{}
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f, unwrapPathError(err))
		}
		if info.Size() > MaxTextSize {
			return nil, nil, fmt.Errorf("%s: %d bytes is over the limit of %d", f, info.Size(), MaxTextSize)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f, unwrapPathError(err))
		}
		name := filepath.Base(f)
		if other, ok := seen[name]; ok && other != f {
			return nil, nil, fmt.Errorf("%s: same file name as %s; sources are known by name", f, other)
		}
		seen[name] = f
		texts = append(texts, Text{Name: name, Data: data})
	}
	return texts, skipped, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkSize refuses an empty text and one over the limit; the format
// package refuses what it cannot decode.
func checkSize(t Text) error {
	switch {
	case len(t.Data) == 0:
		return fmt.Errorf("%s: empty file", t.Name)
	case len(t.Data) > MaxTextSize:
		return fmt.Errorf("%s: %d bytes is over the limit of %d", t.Name, len(t.Data), MaxTextSize)
	case len(bytes.TrimSpace(t.Data)) == 0:
		return fmt.Errorf("%s: only white space", t.Name)
	}
	return nil
}

// checkUTF8 refuses a file the loader reads as it is (a curation file)
// that is not UTF-8 text.
func checkUTF8(t Text) error {
	if err := checkSize(t); err != nil {
		return err
	}
	if i := bytes.IndexByte(t.Data, 0); i >= 0 {
		return fmt.Errorf("%s:%d: binary data (a NUL byte); not a text file", t.Name, lineOf(t.Data, i))
	}
	if !utf8.Valid(t.Data) {
		i := 0
		for i < len(t.Data) {
			r, size := utf8.DecodeRune(t.Data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return fmt.Errorf("%s:%d: not UTF-8 (invalid byte 0x%02x)", t.Name, lineOf(t.Data, i), t.Data[i])
	}
	return nil
}

func lineOf(data []byte, offset int) int { return bytes.Count(data[:offset], []byte{'\n'}) + 1 }

func sha(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// docLines gives a decoded document's lines, and the source line of each
// where the source has lines (a PDF's lines are counted through the file).
func docLines(doc *format.Document) ([]string, []int) {
	raw := make([]string, len(doc.Lines))
	var nums []int
	if doc.Format != format.PDF {
		nums = make([]int, len(doc.Lines))
	}
	for i, l := range doc.Lines {
		raw[i] = typographic.Replace(l.Text)
		if nums != nil {
			nums[i] = l.Line
		}
	}
	return raw, nums
}

// Typographic hyphens read as hyphens; page breaks as white space.
var typographic = strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u00a0", " ", "\f", " ", "\v", " ")

// lines splits a text into lines, without line ends; a UTF-8 byte-order
// mark is dropped.
func lines(data []byte) []string {
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = typographic.Replace(s)
	ls := strings.Split(s, "\n")
	if len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}
