package format

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names, as Document.Encoding gives them.
const (
	encUTF8     = "utf-8"
	encUTF16LE  = "utf-16le"
	encUTF16BE  = "utf-16be"
	encISO2022  = "iso-2022-jp"
	encShiftJIS = "shift_jis"
	encEUCJP    = "euc-jp"
)

// iso2022Escapes are the escape sequences that switch ISO-2022-JP into a
// Japanese character set; a 7-bit text with one of them is ISO-2022-JP.
var iso2022Escapes = [][]byte{[]byte("\x1b$B"), []byte("\x1b$@"), []byte("\x1b(J"), []byte("\x1b(I")}

// decodeText turns a file's bytes into UTF-8 and names the encoding it
// read. In order: a byte-order mark (UTF-8, UTF-16), ISO-2022-JP's escape
// sequences, valid UTF-8, an HTML page's meta charset, then Shift_JIS or
// EUC-JP, whichever reads as Japanese. A file none of these reads is
// refused with the encodings tried.
func decodeText(name string, data []byte, isHTML bool) (text, enc string, warns []string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
		if !utf8.Valid(data) {
			_, line := firstInvalid(data)
			return "", "", nil, fmt.Errorf("%s:%d: not UTF-8 after a UTF-8 byte-order mark", name, line)
		}
		return string(data), encUTF8, nil, nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeUTF16(name, data, unicode.LittleEndian, encUTF16LE)
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeUTF16(name, data, unicode.BigEndian, encUTF16BE)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", "", nil, fmt.Errorf("%s:%d: binary data (a NUL byte); not a text file", name, bytes.Count(data[:i], []byte{'\n'})+1)
	}
	if is7bit(data) && hasAny(data, iso2022Escapes) {
		if s, ok := strictDecode(japanese.ISO2022JP, data); ok {
			return s, encISO2022, nil, nil
		}
	}
	meta := ""
	if isHTML {
		meta = metaCharset(data)
	}
	if utf8.Valid(data) {
		if meta != "" && meta != encUTF8 && !is7bit(data) {
			warns = append(warns, fmt.Sprintf("%s: the page says its charset is %s, but its bytes are UTF-8; read as UTF-8", name, meta))
		}
		return string(data), encUTF8, warns, nil
	}
	tried := []string{encUTF8, "utf-16 (with a byte-order mark)", encISO2022}
	if meta != "" && meta != encUTF8 && !strings.HasPrefix(meta, "utf-16") {
		if e, err := htmlindex.Get(meta); err == nil {
			if s, ok := strictDecode(e, data); ok {
				return s, meta, nil, nil
			}
		}
		tried = append(tried, meta+" (the page's meta charset)")
	}
	if s, enc, ok := guessJapanese(data); ok {
		return s, enc, nil, nil
	}
	tried = append(tried, encShiftJIS, encEUCJP)
	bad, line := firstInvalid(data)
	return "", "", nil, fmt.Errorf("%s:%d: cannot tell the text encoding (byte 0x%02x is not UTF-8); tried %s",
		name, line, data[bad], strings.Join(tried, ", "))
}

func decodeUTF16(name string, data []byte, order unicode.Endianness, enc string) (string, string, []string, error) {
	s, ok := strictDecode(unicode.UTF16(order, unicode.ExpectBOM), data)
	if !ok {
		return "", "", nil, fmt.Errorf("%s: not UTF-16 after a UTF-16 byte-order mark (a broken character or an odd number of bytes)", name)
	}
	return s, enc, nil, nil
}

// strictDecode decodes data with e, and says whether every byte was part
// of a character: x/text's decoders write U+FFFD for bytes that are not.
func strictDecode(e encoding.Encoding, data []byte) (string, bool) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// guessJapanese decodes data as Shift_JIS and as EUC-JP and keeps the one
// that reads most like Japanese: many byte sequences are valid in both,
// but EUC-JP read as Shift_JIS comes out as half-width katakana and rare
// kanji, and Shift_JIS read as EUC-JP mostly fails.
func guessJapanese(data []byte) (string, string, bool) {
	best, bestEnc, bestScore := "", "", 0
	for _, c := range []struct {
		name string
		enc  encoding.Encoding
	}{{encShiftJIS, japanese.ShiftJIS}, {encEUCJP, japanese.EUCJP}} {
		s, ok := strictDecode(c.enc, data)
		if !ok {
			continue
		}
		if sc := japaneseScore(s); sc > bestScore {
			best, bestEnc, bestScore = s, c.name, sc
		}
	}
	return best, bestEnc, bestScore > 0
}

// japaneseScore rates how much a text reads as Japanese: kana count most,
// common kanji and full-width punctuation too; half-width katakana,
// symbols of the JIS extensions and private-use characters count against.
func japaneseScore(s string) int {
	score := 0
	for _, r := range s {
		switch {
		case r >= 0x3040 && r <= 0x30ff: // hiragana, katakana
			score += 3
		case r >= 0x4e00 && r <= 0x9fff: // CJK unified ideographs
			score++
		case r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xff5e: // punctuation, full-width forms
			score++
		case r >= 0xff61 && r <= 0xff9f: // half-width katakana
			score -= 2
		case r >= 0xe000 && r <= 0xf8ff, r >= 0x2460 && r <= 0x27bf: // private use, dingbats
			score -= 2
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r >= 0x7f && r < 0xa0:
			score -= 10
		}
	}
	return score
}

// metaCharset finds the charset an HTML page declares in its first 1024
// bytes (<meta charset> or <meta http-equiv="Content-Type">), as its
// canonical name, or "".
func metaCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), 1024)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			if string(tag) != "meta" || !hasAttr {
				continue
			}
			var charset, content string
			for {
				k, v, more := z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					charset = string(v)
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if charset == "" {
				// "charset=" may be followed by nothing but spaces.
				_, after, _ := strings.Cut(strings.ToLower(content), "charset=")
				if f := strings.Fields(after); len(f) > 0 {
					charset = strings.Trim(f[0], `"';`)
				}
			}
			if charset == "" {
				continue
			}
			if e, err := htmlindex.Get(charset); err == nil {
				if n, err := htmlindex.Name(e); err == nil {
					return strings.ToLower(n)
				}
			}
		}
	}
}

func is7bit(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func hasAny(data []byte, subs [][]byte) bool {
	for _, s := range subs {
		if bytes.Contains(data, s) {
			return true
		}
	}
	return false
}

// firstInvalid returns the offset of the first byte that is not UTF-8,
// and its line.
func firstInvalid(data []byte) (offset, line int) {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return i, bytes.Count(data[:i], []byte{'\n'}) + 1
}

// checkControls refuses a decoded text with a control character other
// than tab and the line ends (an escape sequence, a form feed, binary
// data), naming the line.
func checkControls(name, s string) error {
	line := 1
	for i, r := range s {
		switch {
		case r == '\n':
			line++
		case r == '\r':
			if i+1 >= len(s) || s[i+1] != '\n' {
				line++
			}
		case r == '\t', r == '\f', r == '\v': // a page break in texts made from PDFs
		case r == 0:
			return fmt.Errorf("%s:%d: binary data (a NUL byte); not a text file", name, line)
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			return fmt.Errorf("%s:%d: control character %U in the text (an escape sequence or binary data)", name, line, r)
		}
	}
	return nil
}
