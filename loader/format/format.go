// Package format decodes the files users have (plain text, web pages,
// Markdown and PDF, in UTF-8, UTF-16 or a Japanese encoding) into lines of
// text that the loader's structure stage reads as it reads a plain text:
// a heading is a line of its own ("# Title", "## Section") with a blank
// line after it, a list item is "- item" (or "1. item"), indented two
// spaces per level of nesting, a table row is "| cell | cell |", a field
// is "Label: value", and a paragraph is one line. Every line says where in
// the source it comes from, so evidence can point there.
package format

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// Formats Decode reads.
const (
	Text     = "text"
	HTML     = "html"
	Markdown = "markdown"
	PDF      = "pdf"
)

// Document is a source file decoded into lines of text, whatever its
// format.
type Document struct {
	Format   string // Text, HTML, Markdown or PDF
	Encoding string // "utf-8", "utf-16le", "shift_jis", "euc-jp", "iso-2022-jp", ...; "" for PDF
	Lines    []Line
	Warnings []string // each starts with the file name (and line or page)
}

// Line is one line of a document's text.
type Line struct {
	Text string // visible text, structure written as described in the package comment
	Line int    // 1-based line in the source file (for a PDF, the line on its page)
	Page int    // 1-based page of a PDF; 0 for other formats
}

// Strings returns the lines' texts.
func (d *Document) Strings() []string {
	out := make([]string, len(d.Lines))
	for i, l := range d.Lines {
		out[i] = l.Text
	}
	return out
}

// Decode reads the file called name (the name is used for its extension
// and in messages) into lines. The caller checks the file's size.
func Decode(name string, data []byte) (*Document, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: empty file", name)
	}
	f := formatOf(name, data)
	if f == PDF {
		return decodePDF(name, data)
	}
	s, enc, warns, err := decodeText(name, data, f == HTML)
	if err != nil {
		return nil, err
	}
	if err := checkControls(name, s); err != nil {
		return nil, err
	}
	if f == Text && looksHTML(s) && formatByExt(name) == "" {
		f = HTML // content that is HTML, in a file without an extension that says so
	}
	d := &Document{Format: f, Encoding: enc, Warnings: warns}
	switch f {
	case HTML:
		d.Lines, d.Warnings = htmlLines(name, s, d.Warnings)
	case Markdown:
		d.Lines = markdownLines(s)
	default:
		d.Lines = textLines(s)
	}
	return d, nil
}

// formatByExt tells the format from the file name's extension, "" when
// the extension says nothing.
func formatByExt(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".md", ".markdown":
		return Markdown
	case ".pdf":
		return PDF
	case ".txt", ".text":
		return Text
	}
	return ""
}

// formatOf tells the format from the extension or, without one that says,
// from the content: the PDF header (which may follow a little junk, as
// readers allow) or HTML's opening tags.
func formatOf(name string, data []byte) string {
	if f := formatByExt(name); f != "" {
		return f
	}
	if bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return PDF
	}
	if looksHTML(string(data[:min(len(data), 1024)])) {
		return HTML
	}
	return Text
}

// looksHTML tells whether a text starts as an HTML document does.
func looksHTML(s string) bool {
	s = strings.TrimLeft(strings.TrimPrefix(s, "\ufeff"), " \t\r\n")
	head := strings.ToLower(s[:min(len(s), 14)])
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// textLines splits a plain text into its lines, as written.
func textLines(s string) []Line {
	var out []Line
	n := 0
	for line := range splitLines(s) {
		n++
		out = append(out, Line{Text: line, Line: n})
	}
	return out
}
