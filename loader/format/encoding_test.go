package format

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

var utf16LE = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestJapaneseEncodings saves one Japanese text in each encoding and
// wants the same lines back from every one.
func TestJapaneseEncodings(t *testing.T) {
	src := string(readTestdata(t, "minutes-ja.txt"))
	want := textLines(src)
	tests := []struct {
		enc  string
		data []byte
	}{
		{"utf-8", []byte(src)},
		{"utf-8", append([]byte("\xef\xbb\xbf"), src...)},
		{"shift_jis", encode(t, japanese.ShiftJIS, src)},
		{"euc-jp", encode(t, japanese.EUCJP, src)},
		{"iso-2022-jp", encode(t, japanese.ISO2022JP, src)},
		{"utf-16le", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), src)},
		{"utf-16be", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), src)},
		{"shift_jis", encode(t, japanese.ShiftJIS, strings.ReplaceAll(src, "\n", "\r\n"))},
	}
	for _, tt := range tests {
		t.Run(tt.enc, func(t *testing.T) {
			d, err := Decode("minutes.txt", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tt.enc || d.Format != Text {
				t.Errorf("read as %s %s, want text %s", d.Format, d.Encoding, tt.enc)
			}
			if !slices.Equal(d.Lines, want) {
				t.Errorf("lines\n got %+v\nwant %+v", d.Lines, want)
			}
		})
	}
}

// TestShortJapanese: texts of a few characters, where Shift_JIS and
// EUC-JP bytes are both valid in the other encoding.
func TestShortJapanese(t *testing.T) {
	for _, s := range []string{"会議", "出席者", "議事録です", "鈴木次郎", "です", "ください"} {
		for _, c := range []struct {
			name string
			enc  encoding.Encoding
		}{{"shift_jis", japanese.ShiftJIS}, {"euc-jp", japanese.EUCJP}} {
			t.Run(c.name+" "+s, func(t *testing.T) {
				d, err := Decode("a.txt", encode(t, c.enc, s))
				if err != nil {
					t.Fatal(err)
				}
				if d.Encoding != c.name || len(d.Lines) != 1 || d.Lines[0].Text != s {
					t.Errorf("read %s %+v, want %s %q", d.Encoding, d.Lines, c.name, s)
				}
			})
		}
	}
}

func TestHTMLCharset(t *testing.T) {
	page := func(meta, body string) string {
		return "<!DOCTYPE html>\n<html><head>" + meta + "<title>t</title></head>\n<body><main><p>" + body + "</p></main></body></html>\n"
	}
	tests := []struct {
		name     string
		data     []byte
		enc      string
		want     string
		warnings int
	}{
		{"meta charset shift_jis", encode(t, japanese.ShiftJIS, page(`<meta charset="Shift_JIS">`, "出席者: 山田花子")), "shift_jis", "出席者: 山田花子", 0},
		{"http-equiv euc-jp", encode(t, japanese.EUCJP, page(`<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">`, "場所: 東京")), "euc-jp", "場所: 東京", 0},
		{"meta windows-1252", []byte(page(`<meta charset="windows-1252">`, "Caf\xe9 r\xe9union")), "windows-1252", "Café réunion", 0},
		{"meta iso-8859-1 reads as windows-1252", []byte(page(`<meta charset="iso-8859-1">`, "na\xefve")), "windows-1252", "naïve", 0},
		{"meta says shift_jis, bytes are utf-8", []byte(page(`<meta charset="shift_jis">`, "議題")), "utf-8", "議題", 1},
		{"empty charset= reads by the bytes", []byte(page(`<meta http-equiv="Content-Type" content="text/html; charset= ">`, "議題")), "utf-8", "議題", 0},
		{"no meta, shift_jis by its bytes", encode(t, japanese.ShiftJIS, page("", "用語集の更新")), "shift_jis", "用語集の更新", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("page.html", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tt.enc {
				t.Errorf("encoding %q, want %q", d.Encoding, tt.enc)
			}
			if !slices.Contains(d.Strings(), tt.want) {
				t.Errorf("no line %q in %q", tt.want, d.Strings())
			}
			if len(d.Warnings) != tt.warnings {
				t.Errorf("warnings %q, want %d", d.Warnings, tt.warnings)
			}
		})
	}
}

// TestPageBreaks: texts made from PDFs break pages with a form feed;
// they are read, not refused.
func TestPageBreaks(t *testing.T) {
	d, err := Decode("p.txt", []byte("page one\n\fpage two\v\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(d.Lines); got != 2 {
		t.Errorf("%d lines; want 2", got)
	}
}

func TestRefused(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		want       []string // parts of the error
	}{
		{"latin-1 text", "notes.txt", []byte("R\xe9union du groupe\nCaf\xe9\n"),
			[]string{"notes.txt:1: cannot tell the text encoding (byte 0xe9 is not UTF-8); tried utf-8, utf-16 (with a byte-order mark), iso-2022-jp, shift_jis, euc-jp"}},
		{"html with a meta charset that does not fit", "p.html", append([]byte(`<html><head><meta charset="euc-jp"></head><body>`), 0xe9, ' ', 0xff, ' ', 0x80),
			[]string{"p.html:1: cannot tell the text encoding (byte 0xe9 is not UTF-8); tried", "euc-jp (the page's meta charset)", "shift_jis"}},
		{"escape sequence", "log.txt", []byte("line one\nline two\n\x1b[31mred\x1b[0m\n"),
			[]string{"log.txt:3: control character U+001B"}},
		{"escape in markdown after CRLF lines", "a.md", []byte("# A\r\n\r\nb\x07\r\n"),
			[]string{"a.md:3: control character U+0007"}},
		{"NUL byte", "x.txt", []byte("ok\nbin\x00ary\n"),
			[]string{"x.txt:2: binary data (a NUL byte)"}},
		{"C1 control in utf-8", "c.txt", []byte("a\nb\nc\u0085d\n"),
			[]string{"c.txt:3: control character U+0085"}},
		{"backspace in html", "f.html", []byte("<html><body>\n<p>a\b</p></body></html>"),
			[]string{"f.html:2: control character U+0008"}},
		{"control char in utf-16", "u.txt", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "ok\n\x1b\n"),
			[]string{"u.txt:2: control character U+001B"}},
		{"broken utf-16", "u.txt", []byte("\xff\xfea\x00b"),
			[]string{"u.txt: not UTF-16 after a UTF-16 byte-order mark"}},
		{"broken utf-8 after a BOM", "b.txt", []byte("\xef\xbb\xbfok\n\xff\n"),
			[]string{"b.txt:2: not UTF-8 after a UTF-8 byte-order mark"}},
		{"empty", "e.txt", nil, []string{"e.txt: empty file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(tt.file, tt.data)
			if err == nil {
				t.Fatalf("no error; read %+v", d)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q, want it to say %q", err, w)
				}
			}
		})
	}
}

func TestISO2022NeedsEscapes(t *testing.T) {
	// A 7-bit text without ISO-2022-JP's escapes is ASCII, read as UTF-8.
	d, err := Decode("a.txt", []byte("plain ascii\n"))
	if err != nil || d.Encoding != "utf-8" {
		t.Fatalf("got %v %v, want utf-8", d, err)
	}
	// An escape that is not one of ISO-2022-JP's is a control character.
	if _, err := Decode("a.txt", []byte("x\x1b(Qy")); err == nil || !strings.Contains(err.Error(), "a.txt:1: control character U+001B") {
		t.Errorf("error %v, want a control character at a.txt:1", err)
	}
	if !bytes.Contains(encode(t, japanese.ISO2022JP, "会議"), []byte("\x1b$B")) {
		t.Error("the encoder does not write ESC $ B")
	}
}
