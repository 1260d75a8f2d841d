package loader

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var (
	reEnDate      = regexp.MustCompile(`\b([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})\b`)
	reEnMonthYear = regexp.MustCompile(`\b(?:in )?([A-Z][a-z]{2,8}) (\d{4})\b`)
	reISODate     = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reJaDate      = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日`)
	reJaMonth     = regexp.MustCompile(`(\d{4})年(\d{1,2})月`)
)

// isoDate returns y-m-d as ISO 8601, or "" if it is no date.
func isoDate(y, m, d int) string {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 0 || d > 31 {
		return ""
	}
	if d == 0 {
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// findDate returns the first date in s (English "April 18, 2016",
// Japanese "2021年2月12日" or ISO) as ISO 8601, with its position.
func findDate(s string) (string, int) {
	best, at := "", -1
	try := func(iso string, i int) {
		if iso != "" && (at < 0 || i < at) {
			best, at = iso, i
		}
	}
	if m := reEnDate.FindStringSubmatchIndex(s); m != nil {
		mon := months[strings.ToLower(s[m[2]:m[3]])]
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		try(isoDate(y, mon, d), m[0])
	}
	if m := reJaDate.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mon, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		try(isoDate(y, mon, d), m[0])
	}
	if m := reISODate.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mon, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		try(isoDate(y, mon, d), m[0])
	}
	return best, at
}

// findMonth returns the first "Month YYYY" or "YYYY年M月" in s as ISO
// year-month.
func findMonth(s string) string {
	if m := reEnMonthYear.FindStringSubmatch(s); m != nil {
		if mon, ok := months[strings.ToLower(m[1])]; ok {
			y, _ := strconv.Atoi(m[2])
			return isoDate(y, mon, 0)
		}
	}
	if m := reJaMonth.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mon, _ := strconv.Atoi(m[2])
		return isoDate(y, mon, 0)
	}
	return ""
}

// parseDatedLines is the general rule for texts of no known kind: a line
// with a date and words besides is an event on that date.
func parseDatedLines(d *draft) {
	for i, l := range d.lines {
		date, at := findDate(l)
		if date == "" {
			continue
		}
		rest := strings.TrimSpace(reURL.ReplaceAllString(l[:at]+" "+l[at:], ""))
		rest = strings.TrimSpace(reEnDate.ReplaceAllString(rest, ""))
		rest = strings.TrimSpace(reJaDate.ReplaceAllString(rest, ""))
		rest = strings.TrimSpace(reISODate.ReplaceAllString(rest, ""))
		rest = cleanName(rest)
		if len([]rune(rest)) < 3 {
			continue
		}
		ev := d.event(rest, date, i+1)
		ev.set("kind", "dated entry")
		if u := reURL.FindString(l); u != "" {
			ev.set("url", u)
		}
	}
}

// event returns the event named name on date; events with the same title
// on other dates are other events.
func (d *draft) event(name, date string, line int) *dent {
	name = cleanName(name)
	k := LabelEvent + "|" + key(name) + "|" + date
	e, ok := d.byKey[k]
	if !ok {
		e = &dent{label: LabelEvent, name: name, props: map[string]any{"date": date}, src: d.src}
		d.byKey[k] = e
		d.ents = append(d.ents, e)
	}
	if line > 0 {
		e.lines = append(e.lines, line)
	}
	return e
}
