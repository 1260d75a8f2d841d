package loader

import (
	"fmt"
	"strings"
	"testing"
)

// dateStr writes the dates findDates found as "date..until~" (the "~" for a
// date without a year), joined by " ".
func dateStr(ds []dateSpan) string {
	var out []string
	for _, d := range ds {
		s := d.date
		if d.until != "" {
			s += ".." + d.until
		}
		if d.yearless {
			s += "~"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// dateBugs are the inputs of TestDatesFind that findDates reads wrong
// today; their cases are skipped with the reason until the bug is fixed.
var dateBugs = map[string]string{
	// none known
}

func TestDatesFind(t *testing.T) {
	tests := []struct {
		in      string
		refYear int
		want    string
	}{
		// ISO and ISO ranges.
		{"Kickoff on 2023-06-18.", 0, "2023-06-18"},
		{"2023-06-18 to 2023-06-23", 0, "2023-06-18..2023-06-23"},
		{"held in Geneva from 8 to 17 April 2025", 0, "2025-04-08..2025-04-17"},
		{"on April 8 through 10, 2025", 0, "2025-04-08..2025-04-10"},
		{"2023-06-18 – 2023-06-23", 0, "2023-06-18..2023-06-23"},
		{"2023-06-18~2023-06-23", 0, "2023-06-18..2023-06-23"},
		{"2024-02-29 leap day", 0, "2024-02-29"},
		// English month names.
		{"Call held March 29, 2018 online", 0, "2018-03-29"},
		{"March 29th, 2018", 0, "2018-03-29"},
		{"Thu, March 29, 2018", 0, "2018-03-29"},
		{"Thursday 1 September 2016", 0, "2016-09-01"},
		{"Thursday, 1st September 2016", 0, "2016-09-01"},
		{"Sept. 11-12, 2018", 0, "2018-09-11..2018-09-12"},
		{"Oct 3 – 5, 2019", 0, "2019-10-03..2019-10-05"},
		{"25 Sep 2018", 0, "2018-09-25"},
		{"25 sep. 2018", 0, "2018-09-25"},
		{"09-13 April 2018", 0, "2018-04-09..2018-04-13"},
		{"July 2018", 0, "2018-07"},
		{"Jun, 2020 update", 0, "2020-06"},
		// Numeric forms.
		{"09/03/2025", 0, "2025-09-03"},
		{"31/12/2020", 0, "2020-12-31"},
		{"2021/03/03", 0, "2021-03-03"},
		{"2021/3/3", 0, "2021-03-03"},
		{"3/3/21", 0, ""},
		{"(22/4/24) Meeting Minutes", 0, "2024-04-22"},
		{"4/22/98", 0, "1998-04-22"},
		{"11/1 of Study Group 1", 0, ""},
		{"2021.5.10", 0, "2021-05-10"},
		{"2021.5", 0, "2021-05"},
		{"08Jun17", 0, "2017-06-08"},
		{"Thu May 24 16:59:12 UTC 2018", 0, "2018-05-24"},
		{"Mon Jan 7 09:05 2019", 0, "2019-01-07"},
		// Japanese.
		{"2021年3月3日(水)", 0, "2021-03-03"},
		{"2021 年 3 月 3 日", 0, "2021-03-03"},
		{"2020年11月18日(水)-20日(金)", 0, "2020-11-18..2020-11-20"},
		{"2020年11月30日(月)~12月2日(水)", 0, "2020-11-30..2020-12-02"},
		{"2020年12月30日-2021年1月2日", 0, "2020-12-30..2021-01-02"},
		{"2021年3月", 0, "2021-03"},
		{"令和3年4月1日", 0, "2021-04-01"},
		{"令和元年5月1日", 0, "2019-05-01"},
		{"平成20年10月14日(火)", 0, "2008-10-14"},
		{"平成 29 10 月4日(水)", 0, "2017-10-04"}, // a PDF lost the 年
		{"平成元年2月1日", 0, "1989-02-01"},
		{"昭和64年1月7日", 0, "1989-01-07"},
		{"令和3年(2021年)12月2日", 0, "2021-12-02"},
		{"令和四年十一月十四日(月曜日)", 0, "2022-11-14"}, // kanji numerals
		{"平成元年二月一日", 0, "1989-02-01"},
		{"令和三年六月", 0, "2021-06"},
		{"2021年度の計画", 0, ""},
		{"2021年度", 2021, ""},
		// Yearless dates take the reference year.
		{"07 DEC", 2018, "2018-12-07~"},
		{"07 DEC", 0, ""},
		{"11 月", 2020, "2020-11~"},
		{"11月5日", 2020, "2020-11-05~"},
		{"11月5日", 0, ""},
		{"15-16 August", 2019, "2019-08-15..2019-08-16~"},
		{"3 June", 2019, "2019-06-03~"},
		// Several dates, left to right; a full date is not also yearless.
		{"2019-01-02 and 25 Sep 2018", 0, "2019-01-02 2018-09-25"},
		{"25 Sep 2018, then 07 DEC", 2018, "2018-09-25 2018-12-07~"},
		// Not dates.
		{"February 30, 2018", 0, ""},
		{"2018-02-30", 0, ""},
		{"2019-02-29", 0, ""},
		{"2018-13-01", 0, ""},
		{"13/13/2018", 0, ""},
		{"2021年13月1日", 0, ""},
		{"31 April", 2018, ""},
		{"May", 0, ""},
		{"We may meet in May.", 2018, ""},
		{"Room 1151.2", 0, ""},
		{"version 4.0.1", 0, ""},
		{"", 0, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.in, tt.refYear), func(t *testing.T) {
			if bug, ok := dateBugs[tt.in]; ok {
				t.Skip(bug)
			}
			if got := dateStr(findDates(tt.in, tt.refYear)); got != tt.want {
				t.Errorf("findDates(%q, %d) = %q; want %q", tt.in, tt.refYear, got, tt.want)
			}
		})
	}
}

// TestDatesSpan checks the byte offsets of a date, which the rules use to
// cut the date off a line.
func TestKanjiNumber(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{{"九", 9}, {"十", 10}, {"十一", 11}, {"二十", 20}, {"二十三", 23}, {"三十一", 31}, {"", 0}} {
		t.Run(tt.in, func(t *testing.T) {
			if got := kanjiNumber(tt.in); got != tt.want {
				t.Errorf("kanjiNumber(%q) = %d; want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestURLYear(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"https://blog.example.org/2014/08/15/event-wrap/", 2014},
		{"https://example.org/news/2019/gear-day.html", 2019},
		{"https://example.org/doc/2014-08.html", 0},
		{"", 0},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := urlYear(tt.in); got != tt.want {
				t.Errorf("urlYear(%q) = %d; want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestDatesSpan(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Call on 2023-06-18 at noon", "2023-06-18"},
		{"Meeting: Sept. 11-12, 2018 in Oslo", "Sept. 11-12, 2018"},
		{"会合 2021年3月3日(水) 14時", "2021年3月3日(水)"},
		{"at 令和3年(2021年)12月2日 on", "令和3年(2021年)12月2日"},
		{"第2回 11月5日 開催", "11月5日"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ds := findDates(tt.in, 2021)
			if len(ds) != 1 {
				t.Fatalf("findDates(%q) = %d dates; want 1", tt.in, len(ds))
			}
			if got := tt.in[ds[0].start:ds[0].end]; got != tt.want {
				t.Errorf("findDates(%q) spans %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDatesFindTimes(t *testing.T) {
	tests := []struct {
		in, start, end string
	}{
		{"17:00-18:00", "17:00", "18:00"},
		{"9:30 to 10:15 CET", "09:30", "10:15"},
		{"01:00am – 02:00am", "01:00", "02:00"},
		{"06:30pm – 08:00pm", "18:30", "20:00"},
		{"11:30am - 1:00pm", "11:30", "13:00"},
		{"12:00am-12:30AM", "00:00", "00:30"},
		{"16時から17時45分まで", "16:00", "17:45"},
		{"13 時 00 分~ 15 時 40 分", "13:00", "15:40"},
		{"10時-12時", "10:00", "12:00"},
		{"1540 – 1600", "15:40", "16:00"},
		{"0900-1030 GMT", "09:00", "10:30"},
		{"22:00 UTC", "22:00", ""},
		{"starts 7:05 pm sharp", "19:05", ""},
		{"no time here", "", ""},
		{"Room 2460", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			start, end := findTimes(tt.in)
			if start != tt.start || end != tt.end {
				t.Errorf("findTimes(%q) = %q, %q; want %q, %q", tt.in, start, end, tt.start, tt.end)
			}
		})
	}
}

func TestDatesClock(t *testing.T) {
	tests := []struct {
		h, min int
		ampm   string
		want   string
	}{
		{9, 5, "", "09:05"},
		{13, 0, "", "13:00"},
		{1, 30, "pm", "13:30"},
		{1, 30, "PM", "13:30"},
		{12, 0, "pm", "12:00"},
		{12, 15, "am", "00:15"},
		{11, 0, "am", "11:00"},
		{13, 0, "pm", "13:00"},
		{24, 0, "", "24:00"},
		{25, 0, "", ""},
		{9, 60, "", ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d:%d%s", tt.h, tt.min, tt.ampm), func(t *testing.T) {
			if got := clock(tt.h, tt.min, tt.ampm); got != tt.want {
				t.Errorf("clock(%d, %d, %q) = %q; want %q", tt.h, tt.min, tt.ampm, got, tt.want)
			}
		})
	}
}
