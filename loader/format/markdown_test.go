package format

import (
	"slices"
	"testing"
)

func TestMarkdownGolden(t *testing.T) {
	for _, name := range []string{"notes.md"} {
		t.Run(name, func(t *testing.T) {
			d, err := Decode(name, readTestdata(t, name))
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, dump(d))
		})
	}
}

func TestMarkdownLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Line
	}{
		{
			name: "headings and paragraphs",
			in:   "# Title\n\nA paragraph\nwrapped over\nthree lines.\n\n## Part\nText.\n",
			want: []Line{{"# Title", 1, 0}, {"", 1, 0}, {"A paragraph wrapped over three lines.", 3, 0}, {"", 3, 0}, {"## Part", 7, 0}, {"", 7, 0}, {"Text.", 8, 0}},
		},
		{
			name: "nested and ordered lists",
			in:   "* one\n* two\n    1. sub a\n    2. sub b\n* three\n",
			want: []Line{{"- one", 1, 0}, {"- two", 2, 0}, {"  1. sub a", 3, 0}, {"  2. sub b", 4, 0}, {"- three", 5, 0}},
		},
		{
			name: "loose list item with two paragraphs",
			in:   "- first\n\n  more of first\n- second\n",
			want: []Line{{"- first", 1, 0}, {"  more of first", 3, 0}, {"- second", 4, 0}},
		},
		{
			name: "table",
			in:   "| Name | Role |\n|------|------|\n| Ada | chair |\n| Ben | `scribe` |\n",
			want: []Line{{"| Name | Role |", 1, 0}, {"| Ada | chair |", 3, 0}, {"| Ben | scribe |", 4, 0}},
		},
		{
			name: "hard break and escapes",
			in:   "Chair: Ada\\\nScribe: Ben &amp; Chen \\*not emphasis\\*<br>Next\n",
			want: []Line{{"Chair: Ada", 1, 0}, {"Scribe: Ben & Chen *not emphasis*", 2, 0}, {"Next", 2, 0}},
		},
		{
			name: "code block kept line by line",
			in:   "Intro\n\n```\nx := 1\n  y\n```\n",
			want: []Line{{"Intro", 1, 0}, {"", 1, 0}, {"x := 1", 4, 0}, {"  y", 5, 0}},
		},
		{
			name: "front matter as fields",
			in:   "---\ntitle: Notes\nchair: Ada\n---\nBody\n",
			want: []Line{{"title: Notes", 2, 0}, {"chair: Ada", 3, 0}, {"", 3, 0}, {"Body", 5, 0}},
		},
		{
			name: "images skipped, control characters from references",
			in:   "See ![a chart](c.png) here &#27;x\n",
			want: []Line{{"See here x", 1, 0}},
		},
		{
			name: "html block dropped",
			in:   "<!-- a comment -->\n\nText\n",
			want: []Line{{"Text", 3, 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("page.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != Markdown {
				t.Errorf("format %q, want markdown", d.Format)
			}
			if !slices.Equal(d.Lines, tt.want) {
				t.Errorf("lines\n got %+v\nwant %+v", d.Lines, tt.want)
			}
		})
	}
}
