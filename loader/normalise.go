package loader

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalisation: the recognisers read a line in its NFKC form (full-width
// letters and digits as ASCII, "：" as ":"), with odd spaces and hyphens
// folded; evidence keeps the line as the text writes it.

var lineFolds = strings.NewReplacer(
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2212", "-",
	"\u00a0", " ", "\u3000", " ", "\u200b", "", "\ufeff", "",
	"\u2018", "‘", "\u2019", "’", // kept: quotes are read as such
)

// normLine is a line as the recognisers read it. Character references
// left in a text export ("Douglas&#x20;", "R&amp;D") read as the
// characters they stand for.
func normLine(s string) string {
	if strings.Contains(s, "&") && strings.Contains(s, ";") {
		s = html.UnescapeString(s)
	}
	return lineFolds.Replace(norm.NFKC.String(s))
}

// variantKanji folds the variant forms of kanji that names are written
// with either way (尾﨑 and 尾崎 are one surname). Display keeps the text's
// form; only matching folds.
var variantKanji = strings.NewReplacer(
	"﨑", "崎", "嵜", "崎", "髙", "高", "邊", "辺", "邉", "辺", "齊", "斉", "齋", "斎",
	"濵", "浜", "濱", "浜", "德", "徳", "惠", "恵", "澤", "沢", "櫻", "桜", "廣", "広",
	"國", "国", "會", "会", "學", "学", "眞", "真", "冨", "富",
)

// key normalises a name for matching: compatibility forms and variant
// kanji folded, case ignored, the long and short forms of group words
// alike ("Working Group" and "WG"), "&" as "and", punctuation and spaces
// dropped.
func key(s string) string {
	s = strings.ToLower(normLine(s))
	s = variantKanji.Replace(s)
	s = reGroupWords.ReplaceAllStringFunc(s, func(w string) string { return groupShort[w] })
	s = strings.ReplaceAll(strings.ReplaceAll(s, "ワーキング・グループ", "wg"), "ワーキンググループ", "wg")
	s = strings.ReplaceAll(s, "&", "and")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// groupShort gives the short form of each group word a text may write
// in full; key folds each to its short form, as whole words only
// ("Network Group" is no "Net WG").
var groupShort = map[string]string{
	"working group": "wg", "work group": "wg", "special interest group": "sig", "domain task force": "dtf",
	"task force": "tf", "subcommittee": "sc", "sub-committee": "sc", "working party": "wp", "study group": "sg",
	"task group": "tg", "technical committee": "tc",
}

var reGroupWords = regexp.MustCompile(`\b(?:working group|work group|special interest group|domain task force|task force|subcommittee|sub-committee|working party|study group|task group|technical committee)\b`)

var spaces = regexp.MustCompile(`\s+`)

// cleanName trims a name and folds its spacing and odd hyphens.
func cleanName(s string) string {
	s = spaces.ReplaceAllString(strings.TrimSpace(lineFolds.Replace(s)), " ")
	s = strings.Trim(s, " ,;:·•-–—")
	// "ISO's": the possessive is no part of the name.
	if t, ok := strings.CutSuffix(s, "'s"); ok && strings.Contains(t, " ") {
		s = t
	} else if t, ok := strings.CutSuffix(s, "’s"); ok && strings.Contains(t, " ") {
		s = t
	}
	// A final full stop goes, but not the one of an initial ("Vinod B. V.")
	// or of an abbreviation the name ends with ("Inc.").
	if strings.HasSuffix(s, ".") {
		f := strings.Fields(s)
		last := f[len(f)-1]
		if !(len(last) == 2 && unicode.IsUpper(rune(last[0]))) && !legalAbbrev[strings.ToLower(last)] {
			s = strings.TrimSuffix(s, ".")
		}
	}
	return strings.TrimSpace(s)
}

// legalAbbrev are abbreviations that end company names with their stop.
var legalAbbrev = map[string]bool{"inc.": true, "corp.": true, "ltd.": true, "co.": true, "llc.": true, "jr.": true}

// excerpt is a line as evidence: trimmed, at most MaxExcerpt runes. A
// long line is cut without counting all of it.
func excerpt(line string) string {
	s := strings.TrimSpace(line)
	if len(s) <= MaxExcerpt {
		return s
	}
	n, cut := 0, -1
	for i := range s {
		if n == MaxExcerpt-1 {
			cut = i
			break
		}
		n++
	}
	if cut < 0 {
		return s
	}
	if _, size := utf8.DecodeRuneInString(s[cut:]); cut+size == len(s) {
		return s // exactly MaxExcerpt runes
	}
	return s[:cut] + "…"
}

// slug makes the name part of an id: lower case, runs of anything but
// letters and digits as one "-".
func slug(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// isCJK tells whether r is a Japanese or Chinese character (kanji, kana).
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' || r == '々'
}

// hasCJK tells whether s holds a Japanese or Chinese character.
func hasCJK(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

// latin tells whether s is written in Latin script (no letters beyond
// Latin-1).
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && r > unicode.MaxLatin1 {
			return false
		}
	}
	return true
}
