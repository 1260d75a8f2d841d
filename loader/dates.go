package loader

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Dates in the forms working-group pages write them: ISO, "March 29,
// 2018", "Thursday 1 September 2016", "Sept. 11-12, 2018", "25 Sep 2018",
// "09/03/2025", "08Jun17", "Thu May 24 16:59:12 UTC 2018", "July 2018",
// "2021年3月3日(水)", era years ("令和3年(2021年)12月2日", "平成20年10月14日"),
// and dates without a year ("07 DEC", "11 月"), which take the year of the
// page's last full date.
//
// go-dateparser was measured for this (2.2 ms a string with one parser and
// one locale, and it reads the verb "May" as a date); these patterns find
// the dates in a line and read them in one pass.

// dateSpan is a date found in a text.
type dateSpan struct {
	start, end int    // byte offsets of the match
	date       string // ISO 8601: YYYY-MM-DD, or YYYY-MM when the text gives only a month
	until      string // the last day of a range
	yearless   bool   // the year was not written
}

const (
	enMonth   = `(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))`
	enWeekday = `(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)`
	ordinal   = `(?:st|nd|rd|th)?`
	dayTo     = `(?:\s*[-–]\s*|\s+(?:to|until|through|thru)\s+)` // "8-17", "8 to 17"
)

var (
	reISODate   = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:\s*(?:to|–|-|~|〜)\s*(\d{4})-(\d{2})-(\d{2}))?\b`)
	reEnMDY     = regexp.MustCompile(`\b` + enWeekday + `?` + enMonth + `\.?\s+(\d{1,2})` + ordinal + `(?:` + dayTo + `(\d{1,2})` + ordinal + `)?,?\s+(\d{4})\b`)
	reEnDMY     = regexp.MustCompile(`\b` + enWeekday + `?(\d{1,2})` + ordinal + `(?:` + dayTo + `(\d{1,2})` + ordinal + `)?\s+` + enMonth + `\.?,?\s+(\d{4})\b`)
	reEnAsctime = regexp.MustCompile(`\b` + enWeekday + enMonth + `\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[A-Z]{2,5})?\s+(\d{4})\b`)
	reEnDMonYY  = regexp.MustCompile(`\b(\d{2})(` + `(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)` + `)(\d{2})\b`)
	reSlashDate = regexp.MustCompile(`\b(\d{1,4})/(\d{1,2})/(\d{1,4})\b`)
	reEnMonthY  = regexp.MustCompile(`\b` + enMonth + `\.?,?\s+(\d{4})\b`)
	reEnDMon    = regexp.MustCompile(`\b(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+(JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC|January|February|March|April|June|July|August|September|October|November|December)\b`)
	reJaDate    = regexp.MustCompile(`(?:(令和|平成|昭和)\s*(\d{1,2}|元)(?:\s*年|\s+)\s*(?:\(\s*(\d{4})\s*年\s*\))?|(\d{4})\s*年)\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:\s*\([月火水木金土日祝]\))?(?:\s*[-~〜–]\s*(?:(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*\([月火水木金土日祝]\))?)?`)
	reJaMonth   = regexp.MustCompile(`(?:^|[^\d年.])(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?`)
	reDotDate   = regexp.MustCompile(`\b(\d{4})\.(\d{1,2})(?:\.(\d{1,2}))?\b`)
	reJaYearDo  = regexp.MustCompile(`^\s*度`)
)

var monthNum = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

func month(s string) int { return monthNum[strings.ToLower(s)[:3]] }

// reJaKanjiDate is an era date in kanji numerals: "令和四年十一月十四日".
var reJaKanjiDate = regexp.MustCompile(`(令和|平成|昭和)\s*(元|[一二三四五六七八九十]{1,3})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?(?:\s*\([月火水木金土日](?:曜日?)?\))?`)

// kanjiNumber reads a number below 100 written in kanji: "十一", "二十三",
// "九"; 0 for none.
func kanjiNumber(s string) int {
	const digits = "〇一二三四五六七八九"
	n, cur := 0, 0
	for _, c := range s {
		if c == '十' {
			n += max(cur, 1) * 10
			cur = 0
			continue
		}
		cur = strings.IndexRune(digits, c) / len("一")
	}
	return n + cur
}

// eraStart is the first year of each Japanese era.
var eraStart = map[string]int{"令和": 2019, "平成": 1989, "昭和": 1926}

// isoDate returns y-m-d as ISO 8601 (y-m when d is 0), or "" if it is no
// date.
func isoDate(y, m, d int) string {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 0 || d > daysIn(y, m) {
		return ""
	}
	if d == 0 {
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// findDates returns the dates in s, left to right; a date without a year
// takes refYear (none when refYear is 0).
func findDates(s string, refYear int) []dateSpan {
	// Every date this finds has a digit (texts are NFKC by now); most
	// blocks have none, and the patterns are many.
	if !strings.ContainsAny(s, "0123456789") && !strings.Contains(s, "月") {
		return nil
	}
	var out []dateSpan
	taken := func(a, b int) bool {
		for _, d := range out {
			if a < d.end && b > d.start {
				return true
			}
		}
		return false
	}
	add := func(m []int, date, until string, yearless bool) {
		if date == "" || taken(m[0], m[1]) {
			return
		}
		out = append(out, dateSpan{start: m[0], end: m[1], date: date, until: until, yearless: yearless})
	}
	sub := func(m []int, k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return s[m[2*k]:m[2*k+1]]
	}
	for _, m := range reJaDate.FindAllStringSubmatchIndex(s, -1) {
		if reJaYearDo.MatchString(s[m[1]:]) {
			continue
		}
		y := atoi(sub(m, 4))
		if era := sub(m, 1); era != "" {
			y = atoi(sub(m, 3))
			if y == 0 {
				n := 1
				if e := sub(m, 2); e != "元" {
					n = atoi(e)
				}
				y = eraStart[era] + n - 1
			}
		}
		mo, d := atoi(sub(m, 5)), atoi(sub(m, 6))
		until := ""
		if dd := sub(m, 9); dd != "" {
			uy, um := y, mo
			if v := sub(m, 7); v != "" {
				uy = atoi(v)
			}
			if v := sub(m, 8); v != "" {
				um = atoi(v)
			}
			until = isoDate(uy, um, atoi(dd))
		}
		add(m, isoDate(y, mo, d), until, false)
	}
	for _, m := range reJaKanjiDate.FindAllStringSubmatchIndex(s, -1) {
		// "令和四年十一月十四日": minutes printed in the official style
		// write the numbers in kanji.
		y := kanjiNumber(sub(m, 2))
		if sub(m, 2) == "元" {
			y = 1
		}
		add(m, isoDate(eraStart[sub(m, 1)]+y-1, kanjiNumber(sub(m, 3)), kanjiNumber(sub(m, 4))), "", false)
	}
	for _, m := range reISODate.FindAllStringSubmatchIndex(s, -1) {
		until := ""
		if sub(m, 4) != "" {
			until = isoDate(atoi(sub(m, 4)), atoi(sub(m, 5)), atoi(sub(m, 6)))
		}
		add(m, isoDate(atoi(sub(m, 1)), atoi(sub(m, 2)), atoi(sub(m, 3))), until, false)
	}
	for _, m := range reEnAsctime.FindAllStringSubmatchIndex(s, -1) {
		add(m, isoDate(atoi(sub(m, 3)), month(sub(m, 1)), atoi(sub(m, 2))), "", false)
	}
	for _, m := range reEnMDY.FindAllStringSubmatchIndex(s, -1) {
		y, mo := atoi(sub(m, 4)), month(sub(m, 1))
		add(m, isoDate(y, mo, atoi(sub(m, 2))), rangeEnd(y, mo, sub(m, 3)), false)
	}
	for _, m := range reEnDMY.FindAllStringSubmatchIndex(s, -1) {
		y, mo := atoi(sub(m, 4)), month(sub(m, 3))
		add(m, isoDate(y, mo, atoi(sub(m, 1))), rangeEnd(y, mo, sub(m, 2)), false)
	}
	for _, m := range reEnDMonYY.FindAllStringSubmatchIndex(s, -1) {
		add(m, isoDate(2000+atoi(sub(m, 3)), month(sub(m, 2)), atoi(sub(m, 1))), "", false)
	}
	for _, m := range reSlashDate.FindAllStringSubmatchIndex(s, -1) {
		a, b, c := atoi(sub(m, 1)), atoi(sub(m, 2)), atoi(sub(m, 3))
		switch {
		case len(sub(m, 1)) == 4: // 2021/3/3
			add(m, isoDate(a, b, c), "", false)
		case len(sub(m, 3)) == 4 && a > 12: // 31/12/2020
			add(m, isoDate(c, b, a), "", false)
		case len(sub(m, 3)) == 4: // 09/03/2025, read as the US write it
			add(m, isoDate(c, a, b), "", false)
		case len(sub(m, 3)) == 2 && a > 12 && b <= 12: // 22/4/24: only a day comes first
			add(m, isoDate(century(c), b, a), "", false)
		case len(sub(m, 3)) == 2 && b > 12 && a <= 12: // 4/22/24
			add(m, isoDate(century(c), a, b), "", false)
		}
	}
	for _, m := range reEnMonthY.FindAllStringSubmatchIndex(s, -1) {
		add(m, isoDate(atoi(sub(m, 2)), month(sub(m, 1)), 0), "", false)
	}
	for _, m := range reDotDate.FindAllStringSubmatchIndex(s, -1) {
		add(m, isoDate(atoi(sub(m, 1)), atoi(sub(m, 2)), atoi(sub(m, 3))), "", false)
	}
	if refYear > 0 {
		for _, m := range reEnDMon.FindAllStringSubmatchIndex(s, -1) {
			mo := month(sub(m, 3))
			add(m, isoDate(refYear, mo, atoi(sub(m, 1))), rangeEnd(refYear, mo, sub(m, 2)), true)
		}
		for _, m := range reJaMonth.FindAllStringSubmatchIndex(s, -1) {
			m[0] = m[2] // the match begins with the character before the number
			add(m, isoDate(refYear, atoi(sub(m, 1)), atoi(sub(m, 2))), "", true)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// rangeEnd is the last day of "11-12" ranges within one month.
func rangeEnd(y, mo int, day string) string {
	if day == "" {
		return ""
	}
	return isoDate(y, mo, atoi(day))
}

// yearOf returns the year of an ISO date.
func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	return atoi(date[:4])
}

// Times of day: "17:00-18:00", "01:00am – 02:00am", "16時から17時45分まで",
// "13 時 00 分~ 15 時 40 分", "1540 – 1600", "22:00 UTC".
var (
	reClockRange = regexp.MustCompile(`(?i)\b(\d{1,2}):(\d{2})\s*(am|pm)?\s*(?:[-–~〜]|to)\s*(\d{1,2}):(\d{2})\s*(am|pm)?`)
	reJaClock    = regexp.MustCompile(`(\d{1,2})\s*時\s*(?:(\d{1,2})\s*分)?\s*(?:から|[-~〜–])\s*(\d{1,2})\s*時\s*(?:(\d{1,2})\s*分)?`)
	reMilRange   = regexp.MustCompile(`\b([01]\d|2[0-3])([0-5]\d)\s*[-–]\s*([01]\d|2[0-3])([0-5]\d)\b`)
	reClock      = regexp.MustCompile(`(?i)\b(\d{1,2}):(\d{2})\s*(am|pm)?\b`)
)

// findTimes returns the start and end time of day written in s, as HH:MM.
func findTimes(s string) (start, end string) {
	if m := reClockRange.FindStringSubmatch(s); m != nil {
		return clock(atoi(m[1]), atoi(m[2]), m[3]), clock(atoi(m[4]), atoi(m[5]), m[6])
	}
	if m := reJaClock.FindStringSubmatch(s); m != nil {
		return clock(atoi(m[1]), atoi(m[2]), ""), clock(atoi(m[3]), atoi(m[4]), "")
	}
	if m := reMilRange.FindStringSubmatch(s); m != nil && !(m[1] == "19" || m[1] == "20") {
		return clock(atoi(m[1]), atoi(m[2]), ""), clock(atoi(m[3]), atoi(m[4]), "") // "2023-2024" are years
	}
	if m := reClock.FindStringSubmatch(s); m != nil {
		return clock(atoi(m[1]), atoi(m[2]), m[3]), ""
	}
	return "", ""
}

// clock writes a time of day as HH:MM on a 24-hour clock.
func clock(h, min int, ampm string) string {
	switch strings.ToLower(ampm) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	if h > 24 || min > 59 {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", h, min)
}

// century gives a two-digit year its century: "24" is 2024, "98" 1998.
func century(yy int) int {
	if yy < 70 {
		return 2000 + yy
	}
	return 1900 + yy
}

// reURLYear is a year as a segment of a page's address, as blogs and
// news sites file their posts: "/2014/08/15/".
var reURLYear = regexp.MustCompile(`/((?:19|20)\d\d)/(?:\d{1,2}/)?`)

// urlYear is the year a page's address files it under, or 0.
func urlYear(u string) int {
	if m := reURLYear.FindStringSubmatch(u); m != nil {
		return atoi(m[1])
	}
	return 0
}
