package loader

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// Japanese morphology, for the one thing the structure cannot tell: whether
// a word written before a role ("山田委員から説明") is a surname. The IPA
// dictionary tags surnames and given names; it is loaded on the first page
// that asks (about a second and 150 MB), so `serve` and English loads never
// pay for it.

var (
	kagomeOnce sync.Once
	kagomeTok  *tokenizer.Tokenizer
	kagomeErr  error
)

func japaneseTokenizer() (*tokenizer.Tokenizer, error) {
	kagomeOnce.Do(func() {
		kagomeTok, kagomeErr = tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	})
	return kagomeTok, kagomeErr
}

// nameParts says what the dictionary reads a word as: whether it starts
// with a surname, and whether it is a surname and a given name together.
type nameParts struct {
	surname  bool // the first token is a surname (人名,姓)
	fullName bool // a surname followed by a given name (人名,名), and nothing else
}

// readName asks the dictionary what s is as a name.
func readName(s string) nameParts {
	tk, err := japaneseTokenizer()
	if err != nil {
		return nameParts{}
	}
	var tags [][]string
	for _, t := range tk.Tokenize(s) {
		f := t.Features()
		if len(f) > 0 && f[0] == "記号" {
			continue // spaces between family and given name
		}
		tags = append(tags, f)
	}
	isSurname := func(f []string) bool { return nameTag(f, "姓") }
	isGiven := func(f []string) bool { return nameTag(f, "名") }
	var p nameParts
	if len(tags) > 0 && isSurname(tags[0]) {
		p.surname = true
		p.fullName = len(tags) == 2 && isGiven(tags[1])
	}
	return p
}

// givenNameEnds are one-character words the dictionary splits off the end
// of a given name ("登美" + "夫").
const givenNameEnds = "夫雄男郎子介助彦美代江枝"

// leadingFullName is the surname and given name the dictionary reads at
// the start of s, when something follows them: "松田学" in "松田学内閣", or "".
func leadingFullName(s string) string {
	tk, err := japaneseTokenizer()
	if err != nil {
		return ""
	}
	toks := tk.Tokenize(s)
	is := func(i int, kind string) bool { return nameTag(toks[i].Features(), kind) }
	if len(toks) < 3 || !is(0, "姓") || !is(1, "名") {
		return ""
	}
	n := 2
	if next := toks[2].Surface; len(toks) > 3 && utf8.RuneCountInString(next) == 1 && strings.Contains(givenNameEnds, next) {
		n = 3
	}
	var b strings.Builder
	for _, t := range toks[:n] {
		b.WriteString(t.Surface)
	}
	return b.String()
}

// isSurname tells whether the dictionary reads s as one surname, whole:
// "和田", not "所和田" (所 is a surname too, and 和田 another).
func isSurname(s string) bool {
	tk, err := japaneseTokenizer()
	if err != nil {
		return false
	}
	toks := tk.Tokenize(s)
	if len(toks) != 1 {
		return false
	}
	return nameTag(toks[0].Features(), "姓")
}

// nameTag tells whether a token's dictionary features say it is a
// person's name of the kind: "姓" a surname, "名" a given name.
func nameTag(f []string, kind string) bool {
	return len(f) > 3 && f[1] == "固有名詞" && f[2] == "人名" && f[3] == kind
}

// surnameThenOffice splits a surname the dictionary reads at the start of
// s from the office words after it, none of them a name: "清水" and "総務"
// of "清水総務" before 審議官; "松田学" gives nothing (学 is a given name).
func surnameThenOffice(s string) (surname, office string) {
	tk, err := japaneseTokenizer()
	if err != nil {
		return "", ""
	}
	toks := tk.Tokenize(s)
	if len(toks) < 2 || !nameTag(toks[0].Features(), "姓") {
		return "", ""
	}
	for _, t := range toks[1:] {
		f := t.Features()
		if len(f) < 2 || f[0] != "名詞" || f[1] == "固有名詞" {
			return "", "" // a given name, a place, or no noun: not an office
		}
	}
	return toks[0].Surface, strings.TrimPrefix(s, toks[0].Surface)
}

// looseFullName tells a full name the dictionary splits oddly: a surname,
// then only one-character words and given names, ending in a given name
// ("多賀" + "谷" + "一" + "照"), six characters at most. A word of two
// characters or more after the surname ("松田学内閣") is an office.
func looseFullName(s string) bool {
	if n := utf8.RuneCountInString(s); n < 3 || n > 6 || !reAllHan.MatchString(s) {
		return false
	}
	tk, err := japaneseTokenizer()
	if err != nil {
		return false
	}
	var toks []tokenizer.Token
	for _, t := range tk.Tokenize(s) {
		if t.Class != tokenizer.DUMMY {
			toks = append(toks, t)
		}
	}
	if len(toks) < 2 || !nameTag(toks[0].Features(), "姓") {
		return false
	}
	for _, t := range toks[1:] {
		if utf8.RuneCountInString(t.Surface) > 1 && !nameTag(t.Features(), "名") {
			return false
		}
	}
	last := toks[len(toks)-1]
	return nameTag(last.Features(), "名") || strings.Contains(givenNameEnds, last.Surface)
}
