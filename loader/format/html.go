package format

import (
	"fmt"
	nurl "net/url"
	"slices"
	"strconv"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlLines reads a web page: the page is parsed, its furniture
// (navigation, menus, headers and footers, forms, scripts) dropped, its
// main content found, and that content written as lines.
func htmlLines(name, s string, warns []string) ([]Line, []string) {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil { // html.Parse fails only when reading fails
		return nil, append(warns, fmt.Sprintf("%s: %v", name, err))
	}
	lines := sourceLines(doc, s)
	body := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		body = doc
	}
	dropFurniture(body, false)
	content, warn := mainContent(doc, body, name)
	if warn != "" {
		warns = append(warns, warn)
	}
	r := &htmlRenderer{src: lines}
	if !slices.ContainsFunc(content, hasH1) {
		if t := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
			r.heading(t, 1)
		}
	}
	for _, c := range content {
		r.node(c)
	}
	r.flushLine()
	return r.b.lines, warns
}

// sourceLines finds the source line of each text node of a parsed page.
// The parser keeps no positions, so the page is tokenized as well (the
// tokens' raw lengths add up to byte offsets) and the parser's text nodes
// are matched, in order, to the tokenizer's text tokens.
func sourceLines(doc *html.Node, s string) map[*html.Node]int {
	idx := newLineIndex(s)
	type tok struct {
		line int
		text string // trimmed
	}
	var toks []tok
	z := html.NewTokenizer(strings.NewReader(s))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		n := len(raw)
		if tt == html.TextToken {
			lead := len(raw) - len(strings.TrimLeft(string(raw), " \t\r\n\f"))
			if t := strings.TrimSpace(string(z.Text())); t != "" {
				toks = append(toks, tok{idx.line(off + lead), t})
			}
		}
		off += n
	}
	out := map[*html.Node]int{}
	next, last := 0, 1
	const window = 64 // how far ahead a node's token may be; keeps this linear
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			if t := strings.TrimSpace(n.Data); t != "" {
				for k := next; k < min(len(toks), next+window); k++ {
					if samePrefix(t, toks[k].text) {
						last, next = toks[k].line, k+1
						break
					}
				}
				out[n] = last
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// samePrefix tells whether a and b start alike (one may hold more text
// than the other: the parser joins adjacent text).
func samePrefix(a, b string) bool {
	n := min(len(a), len(b), 24)
	return a[:n] == b[:n]
}

// Page furniture: elements dropped with everything in them.
var furnitureTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Menu: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Dialog: true, atom.Object: true,
}

var furnitureRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "menu": true, "menubar": true,
	"search": true, "complementary": true, "dialog": true, "alert": true,
}

// furnitureWords are the parts of class and id names ("site-nav",
// "main_menu", "breadcrumbs") that mark navigation and the like.
var furnitureWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "menubar": true,
	"breadcrumb": true, "breadcrumbs": true, "sidebar": true, "cookie": true, "cookies": true,
	"skip": true, "share": true, "social": true, "pagination": true, "pager": true,
}

// dropFurniture removes navigation, menus, forms, scripts and hidden
// elements under n; a header or footer goes too, unless it is an
// article's or section's own (inContent).
func dropFurniture(n *html.Node, inContent bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode {
			n.RemoveChild(c)
		} else if c.Type == html.ElementNode {
			if isFurniture(c, inContent) {
				n.RemoveChild(c)
			} else {
				dropFurniture(c, inContent || c.DataAtom == atom.Article || c.DataAtom == atom.Main || c.DataAtom == atom.Section)
			}
		}
		c = next
	}
}

func isFurniture(n *html.Node, inContent bool) bool {
	if furnitureTags[n.DataAtom] {
		return true
	}
	if (n.DataAtom == atom.Header || n.DataAtom == atom.Footer) && !inContent {
		return true
	}
	for _, a := range n.Attr {
		v := strings.ToLower(a.Val)
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if v == "true" {
				return true
			}
		case "role":
			if furnitureRoles[v] {
				return true
			}
		case "style":
			if strings.Contains(strings.ReplaceAll(v, " ", ""), "display:none") {
				return true
			}
		case "class", "id":
			for _, w := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
				if furnitureWords[w] {
					return true
				}
			}
		}
	}
	return false
}

func hasH1(n *html.Node) bool {
	return findFirst(n, func(n *html.Node) bool { return n.DataAtom == atom.H1 }) != nil
}

// mainContent finds the parts of the page that hold its content: the
// <main> element (or role="main"), else its articles, else what
// readability finds. Readability rewrites the tree it reads (it
// drops tables and lists it thinks are links, turns divs into
// paragraphs), so it reads a copy, and only tells which of the page's own
// elements hold the content: the nearest element that holds them all is
// then written out as it is.
func mainContent(doc, body *html.Node, name string) ([]*html.Node, string) {
	if m := findFirst(body, func(n *html.Node) bool { return n.DataAtom == atom.Main || attr(n, "role") == "main" }); m != nil {
		return []*html.Node{m}, ""
	}
	var articles []*html.Node
	findAll(body, func(n *html.Node) bool { return n.DataAtom == atom.Article }, &articles)
	if len(articles) > 0 {
		return articles, ""
	}
	n, err := readabilityContent(doc, body, name)
	if err != nil {
		return []*html.Node{body}, fmt.Sprintf("%s: no main content found (%v); read the whole page", name, err)
	}
	return []*html.Node{n}, ""
}

// markAttr numbers the page's elements for readability's copy.
const markAttr = "data-csakg-node"

func readabilityContent(doc, body *html.Node, name string) (n *html.Node, err error) {
	var nodes []*html.Node
	mark(body, &nodes)
	defer unmark(nodes)
	defer func() {
		if p := recover(); p != nil {
			n, err = nil, fmt.Errorf("readability failed: %v", p)
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = maxReadabilityElems
	p.DisableJSONLD = true
	art, err := p.ParseDocument(doc, &nurl.URL{Scheme: "file", Path: "/" + name})
	if err != nil {
		return nil, err
	}
	if art.Node == nil {
		return nil, fmt.Errorf("readability found none")
	}
	var kept []*html.Node
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if i, err := strconv.Atoi(attr(c, markAttr)); err == nil && i >= 0 && i < len(nodes) {
			kept = append(kept, nodes[i])
			return // its descendants are within it
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(art.Node)
	if len(kept) == 0 {
		return nil, fmt.Errorf("readability kept none of the page's elements")
	}
	return commonAncestor(kept), nil
}

// maxReadabilityElems bounds readability's work; a larger page is read
// whole.
const maxReadabilityElems = 100_000

func mark(n *html.Node, nodes *[]*html.Node) {
	if n.Type == html.ElementNode {
		n.Attr = append(n.Attr, html.Attribute{Key: markAttr, Val: strconv.Itoa(len(*nodes))})
		*nodes = append(*nodes, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		mark(c, nodes)
	}
}

func unmark(nodes []*html.Node) {
	for _, n := range nodes {
		n.Attr = n.Attr[:len(n.Attr)-1]
	}
}

// commonAncestor returns the nearest element that holds all of ns.
func commonAncestor(ns []*html.Node) *html.Node {
	anc := ns[0]
	for _, n := range ns[1:] {
		for !holds(anc, n) {
			anc = anc.Parent
		}
	}
	return anc
}

func holds(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, match); f != nil {
			return f
		}
	}
	return nil
}

// findAll collects the outermost elements that match.
func findAll(n *html.Node, match func(*html.Node) bool, out *[]*html.Node) {
	if n.Type == html.ElementNode && match(n) {
		*out = append(*out, n)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		findAll(c, match, out)
	}
}
