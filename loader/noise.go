package loader

import (
	"regexp"
	"strings"
	"unicode"
)

// Page furniture: the words of menus, buttons and tool bars, which a copied
// web page carries along with its text. A line made only of them is noise,
// also when the words are glued ("JoinLearn more").
var uiWords = map[string]bool{
	"user": true, "site": true, "tools": true, "tool": true, "menu": true, "search": true, "login": true,
	"log": true, "in": true, "out": true, "sign": true, "up": true, "register": true, "share": true, "print": true,
	"download": true, "downloads": true, "view": true, "all": true, "learn": true, "read": true, "more": true,
	"join": true, "contribute": true, "now": true, "back": true, "to": true, "top": true, "home": true,
	"contact": true, "us": true, "subscribe": true, "next": true, "previous": true, "prev": true, "skip": true,
	"content": true, "main": true, "navigation": true, "toggle": true, "close": true, "open": true,
	"copied": true, "protected": true, "n/a": true, "na": true, "cookie": true, "cookies": true, "accept": true,
	"edit": true, "page": true, "recent": true, "changes": true, "media": true, "manager": true, "sitemap": true,
	"trace": true, "you": true, "are": true, "here": true, "breadcrumb": true, "more…": true, "details": true,
	"本文へ移動": true, "メニュー": true, "検索": true, "ログイン": true, "全文": true, "シェア": true, "印刷": true,
	"ホーム": true, "トップ": true, "もっと見る": true, "ツイート": true, "いいね": true, "tweet": true, "詳細": true, "読み込み中": true, "全文を見る": true,
	"検索結果がありません": true, "ページの先頭へ": true, "ページトップ": true, "閉じる": true, "サイトマップ": true,
}

var (
	reFileName = regexp.MustCompile(`(?i)^(?:cid:)?[\w.-]+\.(?:jpe?g|png|gif|svg|webp|bmp|ico)\b`)
	reParens   = regexp.MustCompile(`\([^()]*\)`)
	// reNeedsScript is a browser's notice that the page needs scripts.
	reNeedsScript = regexp.MustCompile(`(?i)^.{0,40}\benable javascript\b.{0,60}$`)
	// reSiteNotice is a site's notice about the page itself: "You're
	// viewing an archived page. It is no longer being updated."
	reSiteNotice = regexp.MustCompile(`(?i)^(?:you(?:'|’)re|you are) viewing an? (?:archived|old|outdated|previous) (?:page|version)\b.{0,80}$|^this (?:page|content) (?:is|has been) (?:archived|no longer (?:being )?(?:updated|maintained))\b.{0,80}$`)
	// reSlug is a page's identifier in its site, one lower-case token
	// of words and numbers joined by hyphens: "minutes-2022-wg-09-00".
	reSlug    = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+){3,}$`)
	reUIToken = regexp.MustCompile(`[A-Z]?[a-z]+|[A-Z]+|\p{Han}+|[\p{Katakana}ー]+|\p{Hiragana}+|[^\s\p{P}\p{S}]+`)
)

// isNoise tells whether a line is page furniture: no letters at all, an
// image's file name, or only the words of menus and buttons.
// reCrumb separates the steps of a breadcrumb trail.
var reCrumb = regexp.MustCompile(` [>›»＞] |＞|›|»`)

func isNoise(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.Count(s, "\uFFFD") >= 3 {
		return true // bytes that did not decode: nothing in them can be read
	}
	if !strings.ContainsFunc(s, unicode.IsLetter) && !rePhone.MatchString(s) {
		return true // page numbers, counters, rules; a phone number is kept
	}
	if reFileName.MatchString(s) || reSlug.MatchString(s) || reNeedsScript.MatchString(s) || reSiteNotice.MatchString(s) {
		return true
	}
	// "To:", "Contact:": a form's label over its value, whatever its word.
	if l, ok := strings.CutSuffix(s, ":"); ok && isFieldLabel(l) && len(strings.Fields(l)) <= 2 {
		return false
	}
	// "Home > Committees > Minutes": the page's place in its site, not
	// its title.
	if len(reCrumb.FindAllString(s, 3)) >= 2 {
		return true
	}
	// "ここからサイトの主なメニューです", "ここから本文です": screen-reader marks.
	if strings.HasPrefix(s, "ここから") && (strings.HasSuffix(s, "です") || strings.HasSuffix(s, "です。")) {
		return true
	}
	if strings.HasPrefix(s, "シェア ") || strings.HasPrefix(s, "Share ") && strings.Count(s, "\"") >= 2 {
		return true // "Share "<title>"": a share button with the page title
	}
	t := strings.ToLower(strings.Trim(reParens.ReplaceAllString(s, ""), ".!…()[] "))
	if uiWords[t] || uiWords[strings.Trim(t, "。.()")] {
		return true
	}
	words := reUIToken.FindAllString(s, -1)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		w = strings.ToLower(w)
		if !uiWords[w] {
			return false
		}
	}
	return true
}
