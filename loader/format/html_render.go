package format

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlRenderer writes a page's content as lines. Inline text gathers in
// buf until a block ends; list items get their marker and indent from
// prefix (the item's first line) and cont (its further lines).
type htmlRenderer struct {
	src map[*html.Node]int // source line of each text node
	b   builder

	buf     strings.Builder
	bufLine int
	pending bool // white space is due before the next text

	prefix, cont string
	depth        int // lists open
}

// maxIndent bounds the indent of nested list items (in levels), so a
// page of lists nested thousands deep stays linear in its size.
const maxIndent = 12

var headingLevels = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// blockTags are written as blocks of their own: what comes before and
// after them is on other lines.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Address: true, atom.Figure: true, atom.Figcaption: true,
	atom.Center: true, atom.Details: true, atom.Summary: true, atom.Fieldset: true, atom.Legend: true,
	atom.Blockquote: true, atom.Body: true, atom.Html: true, atom.Hr: true, atom.Caption: true,
	atom.Dt: true, atom.Dd: true, atom.Li: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

func (r *htmlRenderer) blocks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
}

func (r *htmlRenderer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, r.src[n])
		return
	case html.ElementNode:
	default:
		return
	}
	if level, ok := headingLevels[n.DataAtom]; ok {
		r.heading(n, level)
		return
	}
	switch n.DataAtom {
	case atom.Br:
		r.flushLine()
	case atom.Ul, atom.Ol:
		r.list(n)
	case atom.Li: // an item outside a list
		r.item(n, "- ")
	case atom.Table:
		r.table(n)
	case atom.Dl:
		r.defList(n)
	case atom.Pre:
		r.pre(n)
	case atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Canvas, atom.Head:
	default:
		if blockTags[n.DataAtom] {
			r.endBlock()
			r.blocks(n)
			r.endBlock()
			return
		}
		r.blocks(n) // inline: its text runs on
	}
}

// text adds inline text, white space collapsed.
func (r *htmlRenderer) text(s string, line int) {
	for _, c := range s {
		if isSpace(c) {
			r.pending = true
			continue
		}
		if r.buf.Len() == 0 {
			r.bufLine = line
		} else if r.pending {
			r.buf.WriteByte(' ')
		}
		r.pending = false
		r.buf.WriteRune(c)
	}
}

// flushLine writes the text gathered so far as a line.
func (r *htmlRenderer) flushLine() {
	if r.buf.Len() > 0 {
		r.b.add(r.prefix+r.buf.String(), r.bufLine, 0)
		r.prefix = r.cont
		r.buf.Reset()
	}
	r.pending = false
}

// endBlock ends a block: outside lists, a blank line follows it.
func (r *htmlRenderer) endBlock() {
	r.flushLine()
	if r.depth == 0 {
		r.b.block()
	}
}

func (r *htmlRenderer) heading(n *html.Node, level int) {
	r.endBlock()
	if t := innerText(n); t != "" {
		r.b.add(strings.Repeat("#", level)+" "+t, firstLine(n, r.src), 0)
	}
	r.b.block()
}

func (r *htmlRenderer) list(n *html.Node) {
	r.flushLine()
	r.depth++
	num := 1
	if s, err := strconv.Atoi(attr(n, "start")); err == nil {
		num = s
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			r.node(c) // a list directly in a list, or stray text
			r.flushLine()
			continue
		}
		marker := "- "
		if n.DataAtom == atom.Ol {
			if v, err := strconv.Atoi(attr(c, "value")); err == nil {
				num = v
			}
			marker = strconv.Itoa(num) + ". "
			num++
		}
		r.item(c, marker)
	}
	r.depth--
	r.endBlock()
}

func (r *htmlRenderer) item(n *html.Node, marker string) {
	r.flushLine()
	indent := strings.Repeat("  ", min(max(r.depth-1, 0), maxIndent))
	outer := r.cont
	r.prefix, r.cont = indent+marker, indent+strings.Repeat(" ", len(marker))
	r.blocks(n)
	r.flushLine()
	r.prefix, r.cont = outer, outer
}

func (r *htmlRenderer) pre(n *html.Node) {
	r.endBlock()
	line := firstLine(n, r.src)
	var sb strings.Builder
	textContent(n, &sb)
	i := 0
	for l := range splitLines(strings.TrimLeft(sb.String(), "\n")) {
		r.b.add(r.cont+l, line+i, 0)
		i++
	}
	r.endBlock()
}

// defList writes a definition list as fields: "term: definition", or,
// for a term with several definitions, "term:" and an item for each.
func (r *htmlRenderer) defList(n *html.Node) {
	r.endBlock()
	var term *html.Node
	var defs []*html.Node
	emit := func() {
		switch {
		case term != nil && len(defs) == 1:
			r.b.add(r.cont+label(innerText(term))+" "+innerText(defs[0]), firstLine(term, r.src), 0)
		case term != nil:
			r.b.add(r.cont+label(innerText(term)), firstLine(term, r.src), 0)
			for _, d := range defs {
				r.b.add(r.cont+"  - "+innerText(d), firstLine(d, r.src), 0)
			}
		default:
			for _, d := range defs {
				r.b.add(r.cont+innerText(d), firstLine(d, r.src), 0)
			}
		}
		term, defs = nil, nil
	}
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Dt:
				if term != nil || len(defs) > 0 {
					emit()
				}
				term = c
			case atom.Dd:
				defs = append(defs, c)
			case atom.Div: // a group of terms and definitions
				walk(c)
			}
		}
	}
	walk(n)
	emit()
	r.endBlock()
}

// label makes a term a field label: it ends in a colon.
func label(s string) string {
	if strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：") {
		return s
	}
	return s + ":"
}

// table writes a data table's rows as "| cell | cell |" lines. A table
// used for layout (a heading or another table in a cell, or cells of many
// blocks) is read as the blocks in its cells instead.
func (r *htmlRenderer) table(n *html.Node) {
	var rows []*html.Node
	tableRows(n, &rows)
	if isLayoutTable(rows) {
		for _, tr := range rows {
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
					r.endBlock()
					r.blocks(c)
					r.endBlock()
				}
			}
		}
		return
	}
	r.endBlock()
	if c := findFirst(n, func(c *html.Node) bool { return c.DataAtom == atom.Caption }); c != nil {
		r.b.add(r.cont+innerText(c), firstLine(c, r.src), 0)
	}
	for _, tr := range rows {
		var cells []string
		empty := true
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			t := innerText(c)
			empty = empty && t == ""
			cells = append(cells, t)
			if span, err := strconv.Atoi(attr(c, "colspan")); err == nil {
				for k := 1; k < min(span, 64); k++ {
					cells = append(cells, "")
				}
			}
		}
		if !empty {
			r.b.add(r.cont+"| "+strings.Join(cells, " | ")+" |", firstLine(tr, r.src), 0)
		}
	}
	r.endBlock()
}

// tableRows collects a table's own rows (not those of tables within it).
func tableRows(n *html.Node, rows *[]*html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			*rows = append(*rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			tableRows(c, rows)
		}
	}
}

func isLayoutTable(rows []*html.Node) bool {
	for _, tr := range rows {
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			if findFirst(c, func(n *html.Node) bool {
				_, h := headingLevels[n.DataAtom]
				return h || n.DataAtom == atom.Table
			}) != nil {
				return true
			}
			blocks := 0
			for k := c.FirstChild; k != nil; k = k.NextSibling {
				switch k.DataAtom {
				case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Dl, atom.Blockquote, atom.Pre:
					blocks++
				}
			}
			if blocks >= 3 {
				return true
			}
		}
	}
	return false
}

// innerText is an element's text on one line, white space collapsed;
// list items and lines broken by <br> or blocks are parted by "; ".
func innerText(n *html.Node) string {
	var parts []string
	var sb strings.Builder
	cut := func() {
		if t := collapse(sb.String()); t != "" {
			parts = append(parts, t)
		}
		sb.Reset()
	}
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		switch {
		case c.Type == html.TextNode:
			sb.WriteString(c.Data)
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.Br:
			cut()
		case blockTags[c.DataAtom] || c.DataAtom == atom.Ul || c.DataAtom == atom.Ol:
			cut()
			for k := c.FirstChild; k != nil; k = k.NextSibling {
				walk(k)
			}
			cut()
		default:
			for k := c.FirstChild; k != nil; k = k.NextSibling {
				walk(k)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	cut()
	return strings.Join(parts, "; ")
}

func textContent(n *html.Node, sb *strings.Builder) {
	if n.Type == html.TextNode {
		sb.WriteString(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		textContent(c, sb)
	}
}

// firstLine is the source line of an element's first text.
func firstLine(n *html.Node, src map[*html.Node]int) int {
	if l, ok := src[n]; ok {
		return l
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if l := firstLine(c, src); l > 0 {
			return l
		}
	}
	return 0
}
