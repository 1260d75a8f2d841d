package loader

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A roster line that spaces its parts: the department, the family and
// given names, the post ("政策局政策部 加治 宏 情報公開広聴課長"), or the name
// and then the affiliation and post run together ("湯淺 墾道
// 情報セキュリティ大学院大学副学長"). A role in the group closes the post in
// parentheses: "ICT推進部長(座長)".

// reHanWord is a word of Han characters, as a family or given name is.
var reHanWord = regexp.MustCompile(`^[\p{Han}々]{1,3}$`)

// reDeptEnd is a department's or office's name, Latin letters allowed:
// "総務局ICT推進部".
var reDeptEnd = regexp.MustCompile(`^[\p{Han}\p{Katakana}ーA-Za-z0-9]{1,20}(?:課|室|局|部|係|センター|庁|省)$`)

// spacedName finds the family and given names among a line's words: two
// short Han words the dictionary reads as a full name, or as a surname
// and another word. It returns the index of the family name, or -1.
func spacedName(words []string) int {
	for i := 0; i+1 < len(words); i++ {
		if !reHanWord.MatchString(words[i]) || !reHanWord.MatchString(words[i+1]) {
			continue
		}
		n := readName(words[i] + words[i+1])
		if n.fullName || n.surname && utf8.RuneCountInString(words[i]+words[i+1]) <= 5 {
			return i
		}
	}
	return -1
}

// jaSpacedEntry reads a spaced roster line; it tells whether e was one.
func (r *reader) jaSpacedEntry(e string, line int, absent bool) bool {
	words := strings.Fields(e)
	if len(words) < 3 {
		return false
	}
	i := spacedName(words)
	if i < 0 {
		return false
	}
	dept, post := strings.Join(words[:i], ""), strings.Join(words[i+2:], "")
	if dept != "" && !jaRosterBody(dept) && !reDeptEnd.MatchString(dept) || post != "" && !jaPostLike(post) {
		return false
	}
	p := r.d.entity(LabelPerson, words[i]+" "+words[i+1], line, rulePersonSlot)
	groupRole := r.jaHeader
	if k := strings.LastIndexAny(post, "(（"); k > 0 {
		if inner := strings.Trim(post[k:], "()（） "); jaGroupRole(inner) {
			groupRole, post = inner, strings.TrimSpace(post[:k]) // "ICT推進部長(座長)"
		}
	}
	switch {
	case dept != "":
		o := r.d.entity(LabelOrganization, dept, line, ruleOrgSlot)
		r.d.fact(RelMemberOf, p, o, line, relAffiliation, map[string]any{"role": post})
	case post != "":
		r.affiliations(p, post, line)
	}
	if g := r.subjectGroup(); g != nil && jaGroupSeat(groupRole) {
		r.d.fact(RelMemberOf, p, g, line, relRosterRole, map[string]any{"role": groupRole})
	}
	if !absent {
		r.jaAttended(p, line)
	}
	return true
}

// jaPostLike tells a post after a name: a title, maybe with an
// affiliation before it or a note in parentheses after.
func jaPostLike(s string) bool {
	if k := strings.IndexAny(s, "(（"); k > 0 {
		s = s[:k]
	}
	return jaTitleEnd(s) || strings.HasSuffix(s, "長") || strings.HasSuffix(s, "官") || strings.HasSuffix(s, "代理") ||
		strings.HasSuffix(s, "弁護士") || strings.HasSuffix(s, "担当")
}

// jaGroupSeat tells a role that seats a person in the page's group: a
// group's post ("座長") or a kind of member ("外部専門家").
func jaGroupSeat(role string) bool { return jaGroupRole(role) || jaMemberHeading(role) }

// jaMemberHeading tells a roster heading that names a kind of member:
// "外部専門家", "庁内構成員", "学識経験者".
func jaMemberHeading(h string) bool {
	for _, w := range []string{"委員", "構成員", "専門家", "有識者", "経験者", "メンバー"} {
		if strings.HasSuffix(h, w) {
			return true
		}
	}
	return false
}

// twoSpacedNames splits an entry that runs two spaced names together
// where the list lost its comma between them ("後藤 滋樹 坂田 信夫").
func twoSpacedNames(e string) (a, b string, ok bool) {
	w := strings.Fields(e)
	if len(w) != 4 || spacedName(w[:2]) != 0 || spacedName(w[2:]) != 0 {
		return "", "", false
	}
	return w[0] + " " + w[1], w[2] + " " + w[3], true
}
