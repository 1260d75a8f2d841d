package format

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var markdownParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

// markdownLines reads a Markdown text (CommonMark with GitHub's tables)
// into lines. A YAML front matter block is kept as its lines, which are
// "key: value" fields.
func markdownLines(s string) []Line {
	src := []byte(s)
	r := &mdRenderer{src: src, idx: newLineIndex(s)}
	if end := frontMatterEnd(src); end > 0 {
		n := 0
		for l := range splitLines(s[:end]) {
			n++
			if n > 1 && strings.TrimSpace(l) != "---" && strings.TrimSpace(l) != "..." {
				r.b.add(l, n, 0)
			}
		}
		r.b.block()
		blanked := bytes.Clone(src)
		for i := 0; i < end; i++ {
			if blanked[i] != '\n' && blanked[i] != '\r' {
				blanked[i] = ' ' // offsets and lines stay as they were
			}
		}
		src = blanked
		r.src = src
	}
	doc := markdownParser.Parse(text.NewReader(src))
	r.blocks(doc)
	r.flushLine()
	return r.b.lines
}

// frontMatterEnd returns the offset after a front matter block ("---" on
// the first line, up to the next "---" or "..." line), or 0.
func frontMatterEnd(src []byte) int {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return 0
	}
	off := bytes.IndexByte(src, '\n') + 1
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		l := string(bytes.TrimSpace(src[off : off+end]))
		off += end + 1
		if l == "---" || l == "..." {
			return min(off, len(src))
		}
	}
	return 0
}

// mdRenderer writes a Markdown tree as lines, as htmlRenderer does a page.
type mdRenderer struct {
	src []byte
	idx lineIndex
	b   builder

	buf     strings.Builder
	bufLine int

	prefix, cont string
	depth        int
}

func (r *mdRenderer) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.block(c)
	}
}

func (r *mdRenderer) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		r.endBlock()
		if t := r.inlineText(n); t != "" {
			r.b.add(strings.Repeat("#", n.Level)+" "+t, r.lineOf(n), 0)
		}
		r.b.block()
	case *ast.Paragraph:
		r.inlines(n)
		r.endBlock()
	case *ast.TextBlock:
		r.inlines(n)
		r.flushLine()
	case *ast.List:
		r.list(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		r.endBlock()
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			r.b.add(r.cont+strings.TrimRight(string(seg.Value(r.src)), "\r\n"), r.idx.line(seg.Start), 0)
		}
		r.endBlock()
	case *east.Table:
		r.table(n)
	case *ast.HTMLBlock, *ast.ThematicBreak:
		r.endBlock()
	default: // blockquotes, and blocks of extensions
		r.endBlock()
		r.blocks(n)
		r.endBlock()
	}
}

func (r *mdRenderer) flushLine() {
	if r.buf.Len() > 0 {
		r.b.add(r.prefix+collapse(r.buf.String()), r.bufLine, 0)
		r.prefix = r.cont
		r.buf.Reset()
	}
}

func (r *mdRenderer) endBlock() {
	r.flushLine()
	if r.depth == 0 {
		r.b.block()
	}
}

func (r *mdRenderer) list(n *ast.List) {
	r.flushLine()
	r.depth++
	num := n.Start
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		marker := "- "
		if n.IsOrdered() {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		indent := strings.Repeat("  ", min(r.depth-1, maxIndent))
		outer := r.cont
		r.prefix, r.cont = indent+marker, indent+strings.Repeat(" ", len(marker))
		r.blocks(c)
		r.flushLine()
		r.prefix, r.cont = outer, outer
	}
	r.depth--
	r.endBlock()
}

func (r *mdRenderer) table(n *east.Table) {
	r.endBlock()
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		empty := true
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			t := r.inlineText(c)
			empty = empty && t == ""
			cells = append(cells, t)
		}
		if !empty {
			r.b.add(r.cont+"| "+strings.Join(cells, " | ")+" |", r.lineOf(row), 0)
		}
	}
	r.endBlock()
}

// inlines adds a paragraph's text to the line being gathered; a hard line
// break ends the line, a soft one is a space.
func (r *mdRenderer) inlines(n ast.Node) {
	r.walkInlines(n, r.add, r.flushLine)
}

// walkInlines calls text for each piece of a block's inline text (with its
// byte offset, or -1 when it has none) and brk for each line break that
// is kept (a hard one, or <br>).
func (r *mdRenderer) walkInlines(n ast.Node, text func(string, int), brk func()) {
	var walk func(ast.Node, bool)
	walk = func(c ast.Node, raw bool) {
		switch c := c.(type) {
		case *ast.Text:
			text(r.textValue(c.Segment.Value(r.src), raw || c.IsRaw()), c.Segment.Start)
			if c.HardLineBreak() {
				brk()
			} else if c.SoftLineBreak() {
				text(" ", -1)
			}
			return
		case *ast.String:
			text(string(c.Value), -1)
			return
		case *ast.AutoLink:
			text(string(c.Label(r.src)), -1)
			return
		case *ast.RawHTML:
			if isBreakTag(c, r.src) {
				brk()
			}
			return
		case *ast.Image: // its alt text describes a picture; pages' images are skipped
			return
		case *ast.CodeSpan:
			raw = true
		}
		for k := c.FirstChild(); k != nil; k = k.NextSibling() {
			walk(k, raw)
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		walk(c, false)
	}
}

// add appends text read at byte offset off (-1: where the line is).
func (r *mdRenderer) add(s string, off int) {
	if strings.TrimSpace(s) == "" {
		if r.buf.Len() > 0 {
			r.buf.WriteString(s)
		}
		return
	}
	if r.buf.Len() == 0 && off >= 0 {
		r.bufLine = r.idx.line(off)
	}
	r.buf.WriteString(s)
}

func (r *mdRenderer) textValue(v []byte, raw bool) string {
	if !raw {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
	}
	return string(v)
}

// inlineText is a block's text on one line, line breaks as spaces.
func (r *mdRenderer) inlineText(n ast.Node) string {
	var sb strings.Builder
	r.walkInlines(n, func(s string, _ int) { sb.WriteString(s) }, func() { sb.WriteByte(' ') })
	return collapse(sb.String())
}

// lineOf is the source line of a node's first text.
func (r *mdRenderer) lineOf(n ast.Node) int {
	if b, ok := n.(interface{ Lines() *text.Segments }); ok && n.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
		return r.idx.line(b.Lines().At(0).Start)
	}
	var line int
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			line = r.idx.line(t.Segment.Start)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return line
}

func isBreakTag(n *ast.RawHTML, src []byte) bool {
	var sb strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		s := n.Segments.At(i)
		sb.Write(s.Value(src))
	}
	t := strings.ToLower(strings.ReplaceAll(sb.String(), " ", ""))
	return t == "<br>" || t == "<br/>"
}
