package indicator

import (
	"strconv"
	"strings"
)

// Deadlines (时效指标).
//
// A deadline names a year, a month and a day, any of which may be left
// out: 2021年12月31日, 12月31日前, 2021年12月底前, 2021年底, 年内, 2021-12-31,
// 第四季度末, 上半年. What is left out resolves to the latest date it can
// mean, because a deadline is met by finishing on or before it:
//
//   - 底, 末, 份 or a month without a day: the month's last day;
//   - a year alone (2021年, 2021年底, 年内): 31 December;
//   - a quarter or half year: the last day of its last month;
//   - 上旬 the 10th, 中旬 the 20th, 下旬 the month's end;
//   - no year: the date in an unnamed year, compared with the other side
//     by month and day.
//
// 前, 之前, 以前, 以内, 止 and a closing verb (完成, 办结 …) may follow; 于,
// 在, 截至, 截止 may precede. A date inside running text that states no
// other quantity (于2021年11月30日建成投入使用) is a Deadline too.

type date struct {
	y, m, d  int  // d 0: the month's last day
	yearOnly bool // only a year was written (2021年)
}

var (
	datePrefixes  = sortedLongestFirst([]string{"截至", "截止到", "截止", "于", "在", "到", "须于", "应于", "计划于", "预计"})
	dateOps       = sortedLongestFirst([]string{"之前", "以前", "前", "以内", "之内", "内", "为止", "止"})
	dateVerbs     = sortedLongestFirst([]string{"完成", "全部完成", "完工", "办结", "实施完毕", "完成建设"})
	monthEndWords = []string{"底", "末", "份"}
	yearEndWords  = []string{"底", "末"}
)

// parseDeadline interprets a cell that is nothing but a date.
func (v *Value) parseDeadline(t string) bool {
	_, rest := cutAny(t, datePrefixes)
	dt, n, ok, err := parseDate(rest)
	if !ok {
		return false
	}
	tail := rest[n:]
	_, tail = cutAny(tail, dateOps)
	_, tail = cutAny(tail, dateVerbs)
	if tail != "" {
		return false
	}
	if err != nil {
		*v = v.unparsed(err)
		return true
	}
	v.setDate(dt)
	return true
}

// embeddedDate finds the first date in running text that names at least
// a month or a year's end; a year alone (2021年度) is not a date here.
func (v *Value) embeddedDate(t string) bool {
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) || i > 0 && isDigit(t[i-1]) {
			continue
		}
		dt, _, ok, err := parseDate(t[i:])
		if ok && err == nil && dt.m != 0 && !dt.yearOnly {
			v.setDate(dt)
			return true
		}
	}
	return false
}

func (v *Value) setDate(dt date) {
	v.kind, v.op = Deadline, QualitativeDirection
	v.year, v.month, v.day = int16(dt.y), int8(dt.m), int8(dt.d)
}

// parseDate reads a date at the start of s. ok says a date was written;
// err (with ok) says it names no real day (2月30日).
func parseDate(s string) (dt date, n int, ok bool, err error) {
	if dt, n, ok := isoDate(s); ok {
		if dt.m < 1 || dt.m > 12 || dt.d < 1 || dt.d > daysIn(dt.y, dt.m) {
			return dt, n, true, errBadDate
		}
		return dt, n, true, nil
	}
	i := 0
	hasYear, yearWord := false, false
	if len(s) >= 4 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) &&
		strings.HasPrefix(s[4:], "年") && isYear(s[:4]) {
		dt.y, _ = strconv.Atoi(s[:4])
		i, hasYear = 4+len("年"), true
	} else if strings.HasPrefix(s, "年") {
		i, yearWord = len("年"), true
	}
	if hasYear && strings.HasPrefix(s[i:], "度") {
		dt.m, dt.yearOnly = 12, true // 2021年度: the budget year
		return dt, i + len("度"), true, nil
	}
	if hasYear || yearWord {
		if w, _ := cutAny(s[i:], yearEndWords); w != "" {
			dt.m = 12
			return dt, i + len(w), true, nil
		}
		if yearWord {
			w, _ := cutAny(s[i:], []string{"度内", "内"})
			if w == "" {
				return dt, 0, false, nil
			}
			if w == "度内" {
				i += len("度")
			}
			dt.m = 12
			return dt, i, true, nil // 内 is left for dateOps
		}
	}
	if w, _ := cutAny(s[i:], []string{"上半年", "下半年"}); w != "" {
		dt.m = 6
		if w == "下半年" {
			dt.m = 12
		}
		i += len(w)
		w2, _ := cutAny(s[i:], yearEndWords)
		return dt, i + len(w2), true, nil
	}
	if q, n, ok := quarter(s[i:]); ok {
		dt.m = 3 * q
		i += n
		w2, _ := cutAny(s[i:], yearEndWords)
		return dt, i + len(w2), true, nil
	}
	if m, n, ok := parseSmallInt(s[i:]); ok && strings.HasPrefix(s[i+n:], "月") {
		if m < 1 || m > 12 {
			return dt, i + n + len("月"), true, errBadDate
		}
		dt.m = m
		i += n + len("月")
		if w, _ := cutAny(s[i:], monthEndWords); w != "" {
			return dt, i + len(w), true, nil
		}
		switch {
		case strings.HasPrefix(s[i:], "上旬"):
			dt.d = 10
			return dt, i + len("上旬"), true, nil
		case strings.HasPrefix(s[i:], "中旬"):
			dt.d = 20
			return dt, i + len("中旬"), true, nil
		case strings.HasPrefix(s[i:], "下旬"):
			return dt, i + len("下旬"), true, nil
		}
		if d, n, ok := parseSmallInt(s[i:]); ok {
			if w, _ := cutAny(s[i+n:], []string{"日", "号"}); w != "" {
				if d < 1 || d > daysIn(dt.y, dt.m) {
					return dt, i + n + len(w), true, errBadDate
				}
				dt.d = d
				i += n + len(w)
			}
		}
		return dt, i, true, nil
	}
	if hasYear {
		dt.m, dt.yearOnly = 12, true // 2021年: by the end of 2021
		return dt, i, true, nil
	}
	return dt, 0, false, nil
}

// isoDate reads 2021-12-31, 2021/12/31 or 2021.12.31.
func isoDate(s string) (date, int, bool) {
	if len(s) < 8 || !isYear(s[:4]) || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[2]) || !isDigit(s[3]) {
		return date{}, 0, false
	}
	sep := s[4]
	if sep != '-' && sep != '/' && sep != '.' {
		return date{}, 0, false
	}
	i := 5
	m, n := digits2(s[i:])
	if n == 0 || i+n >= len(s) || s[i+n] != sep {
		return date{}, 0, false
	}
	i += n + 1
	d, n := digits2(s[i:])
	if n == 0 || i+n < len(s) && isDigit(s[i+n]) {
		return date{}, 0, false
	}
	y, _ := strconv.Atoi(s[:4])
	return date{y: y, m: m, d: d}, i + n, true
}

func digits2(s string) (int, int) {
	n := 0
	for n < len(s) && n < 2 && isDigit(s[n]) {
		n++
	}
	if n < len(s) && isDigit(s[n]) {
		return 0, 0 // three digits: not a month or day
	}
	v, _ := strconv.Atoi(s[:n])
	return v, n
}

// quarter reads 第一季度, 四季度, 第4季度 and Q4: the quarter and the bytes read.
func quarter(s string) (int, int, bool) {
	if len(s) >= 2 && (s[0] == 'Q' || s[0] == 'q') && s[1] >= '1' && s[1] <= '4' {
		return int(s[1] - '0'), 2, true
	}
	i := 0
	if strings.HasPrefix(s, "第") {
		i = len("第")
	}
	q, n, ok := parseSmallInt(s[i:])
	if !ok || q < 1 || q > 4 || !strings.HasPrefix(s[i+n:], "季度") {
		return 0, 0, false
	}
	return q, i + n + len("季度"), true
}
