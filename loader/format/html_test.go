package format

import (
	"slices"
	"strings"
	"testing"
)

func TestHTMLGolden(t *testing.T) {
	for _, name := range []string{"page-nav.html", "page-divs.html", "page-short.html", "page-layout.html"} {
		t.Run(name, func(t *testing.T) {
			d, err := Decode(name, readTestdata(t, name))
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, dump(d))
		})
	}
}

// TestHTMLContent checks, apart from the golden files, what the HTML
// reader must do on the page with a nav bar: furniture gone, structure
// written as the text loader reads it, lines of the source.
func TestHTMLContent(t *testing.T) {
	d, err := Decode("page-nav.html", readTestdata(t, "page-nav.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(d.Strings(), "\n")
	for _, gone := range []string{"Membership", "Working Groups", "Related", "IAM WG", "All rights reserved", "dataLayer", "font-family", "Email", "Join"} {
		if strings.Contains(text, gone) {
			t.Errorf("furniture %q is in the text:\n%s", gone, text)
		}
	}
	tests := []struct {
		text string
		line int
	}{
		{"# Key Management Working Group", 22},
		{"The Key Management Working Group writes guidance on managing encryption keys in cloud services.", 23},
		{"Chair: Ada Example (Example Corp)", 25},
		{"Co-chair: Ben Sample", 26},
		{"## Projects", 27},
		{"- Key Rotation Guide", 29},
		{"  - Draft published in 2023", 31},
		{"  - Reviewed by the Controls WG", 32},
		{"- HSM Survey", 35},
		{"| Date | Topic | Attendees |", 39},
		{"| 2024-04-02 | Rotation & escrow | Ada Example; Chen Demo |", 42},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			i := slices.IndexFunc(d.Lines, func(l Line) bool { return l.Text == tt.text })
			if i < 0 {
				t.Fatalf("no line %q in:\n%s", tt.text, text)
			}
			if got := d.Lines[i].Line; got != tt.line {
				t.Errorf("line %d, want %d", got, tt.line)
			}
			if d.Lines[i].Page != 0 {
				t.Errorf("page %d, want 0", d.Lines[i].Page)
			}
		})
	}
	// A heading stands on its own: a blank line follows it.
	for i, l := range d.Lines {
		if strings.HasPrefix(l.Text, "#") && (i+1 >= len(d.Lines) || d.Lines[i+1].Text != "") {
			t.Errorf("heading %q has no blank line after it", l.Text)
		}
	}
}

func TestHTMLMainContent(t *testing.T) {
	tests := []struct {
		name, page string
		want, gone []string
	}{
		{
			name: "main element",
			page: `<html><body><div class="menu"><a href="/">Home</a></div><main><h1>Groups</h1><p>Text</p></main><p>Outside main</p></body></html>`,
			want: []string{"# Groups", "Text"},
			gone: []string{"Home", "Outside main"},
		},
		{
			name: "articles",
			page: `<html><body><p>Site intro</p><article><h2>One</h2><p>First</p></article><article><h2>Two</h2><p>Second</p></article></body></html>`,
			want: []string{"## One", "First", "## Two", "Second"},
			gone: []string{"Site intro"},
		},
		{
			name: "header inside the article stays",
			page: `<html><body><header>Site banner</header><article><header><h1>Minutes</h1></header><p>Body</p><footer>Filed by Ada</footer></article><footer>Site footer</footer></body></html>`,
			want: []string{"# Minutes", "Body", "Filed by Ada"},
			gone: []string{"Site banner", "Site footer"},
		},
		{
			name: "hidden and role furniture",
			page: `<html><body><main><div role="navigation">Skip this</div><p hidden>Hidden</p><p style="display: none">None</p><p aria-hidden="true">Aria</p><p>Kept</p></main></body></html>`,
			want: []string{"Kept"},
			gone: []string{"Skip this", "Hidden", "None", "Aria"},
		},
		{
			name: "title when there is no h1",
			page: `<html><head><title>Charter of the WG</title></head><body><main><p>Scope: keys</p></main></body></html>`,
			want: []string{"# Charter of the WG", "Scope: keys"},
		},
		{
			name: "br and pre",
			page: "<html><body><main><p>Date: 2024-01-02<br>Place: Room 1</p><pre>line one\n  line two</pre></main></body></html>",
			want: []string{"Date: 2024-01-02", "Place: Room 1", "line one", "  line two"},
		},
		{
			name: "control characters from character references",
			page: `<html><body><main><p>a&#27;[31mb&#x81;c</p></main></body></html>`,
			want: []string{"a [31mb c"},
		},
		{
			name: "ordered list with start, colspan",
			page: `<html><body><main><ol start="3"><li>Third</li><li>Fourth</li></ol><table><tr><td colspan="2">Wide</td><td>C</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table></main></body></html>`,
			want: []string{"3. Third", "4. Fourth", "| Wide |  | C |", "| a | b | c |"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("page.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			got := d.Strings()
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("no line %q in %q", w, got)
				}
			}
			all := strings.Join(got, "\n")
			for _, g := range tt.gone {
				if strings.Contains(all, g) {
					t.Errorf("%q is in %q", g, got)
				}
			}
		})
	}
}
