package evaluation

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The two forms of the performance cycle that come before the
// self-evaluation: targets are declared before the budget year and
// watched during it.
const (
	// Declaration is 项目支出绩效目标申报表, the project's performance
	// targets as declared with its budget request (财预〔2015〕88号).
	Declaration Kind = "project-declaration"
	// Monitoring is 项目支出绩效目标执行监控表, the targets and spending
	// watched during the year (财预〔2019〕136号, "双监控").
	Monitoring Kind = "project-monitoring"
)

// Kinds lists every form kind the file format knows, in the order of
// the performance cycle's stages, self-evaluations next to last and the
// evaluation of a department by a rubric last.
func Kinds() []Kind {
	return []Kind{Declaration, Monitoring, Department, Project, DepartmentEvaluation}
}

// Date is a date as a form writes it: 2025年1月, 2025年1月1日,
// 2025-01-01, 2025.1, 2025/1/1, 202501. What the text leaves out stays
// out: a date written with its month only is that whole month, one
// written with its year only that whole year, so First and Last say
// where the written period begins and ends.
//
// The zero Date is the empty cell. A Date is a small immutable value;
// compare dates by First and Last, or by String for the text as written.
type Date struct {
	raw   string
	year  int16
	month int8 // 0 when not written
	day   int8 // 0 when not written
}

// ParseDate reads a date as written on a form. Full-width digits are
// folded; the year must have four digits. A day that its month does not
// have (2025年2月30日) is an error, as is anything that is not a date.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(foldFullWidth(s))
	if t == "" {
		return Date{}, nil
	}
	if len(t) > 32 {
		return Date{}, fmt.Errorf("%q is not a date", clipText(s))
	}
	y, m, d, ok := splitDate(t)
	if !ok {
		return Date{}, fmt.Errorf("%q is not a date; write it as 2025年1月, 2025年1月1日, 2025-01-01, 2025.1 or 2025/1/1", clipText(s))
	}
	if y < 1900 || y > 2200 || m < 0 || m > 12 || d < 0 || (d > 0 && m == 0) || d > daysInMonth(y, m) {
		return Date{}, fmt.Errorf("%q is not a date: no such day", clipText(s))
	}
	return Date{raw: strings.TrimSpace(s), year: int16(y), month: int8(m), day: int8(d)}, nil
}

// splitDate reads year, month and day from the written forms a date
// takes on the forms; month and day are 0 when left out.
func splitDate(t string) (y, m, d int, ok bool) {
	// 202501 and 20250101, as the Hubei declaration forms print
	// 项目起止时间 (202001-202012).
	if isDigits(t) {
		switch len(t) {
		case 4:
			y, _ = strconv.Atoi(t)
			return y, 0, 0, true
		case 6:
			y, _ = strconv.Atoi(t[:4])
			m, _ = strconv.Atoi(t[4:])
			return y, m, 0, true
		case 8:
			y, _ = strconv.Atoi(t[:4])
			m, _ = strconv.Atoi(t[4:6])
			d, _ = strconv.Atoi(t[6:])
			return y, m, d, true
		}
		return 0, 0, 0, false
	}
	var parts []string
	if strings.Contains(t, "年") {
		// 2025年, 2025年1月, 2025年1月1日, 2025年1月1号.
		rest := t
		yt, rest, _ := strings.Cut(rest, "年")
		parts = append(parts, yt)
		if rest != "" {
			mt, after, found := strings.Cut(rest, "月")
			if !found {
				return 0, 0, 0, false
			}
			parts = append(parts, mt)
			if after != "" {
				dt, tail, found := strings.Cut(after, "日")
				if !found {
					dt, tail, found = strings.Cut(after, "号")
				}
				if !found || tail != "" {
					return 0, 0, 0, false
				}
				parts = append(parts, dt)
			}
		}
	} else {
		sep := ""
		for _, s := range []string{"-", ".", "/"} {
			if strings.Contains(t, s) {
				sep = s
				break
			}
		}
		if sep == "" {
			return 0, 0, 0, false
		}
		parts = strings.Split(t, sep)
	}
	if len(parts) == 0 || len(parts) > 3 || len(parts[0]) != 4 {
		return 0, 0, 0, false
	}
	nums := [3]int{}
	for i, p := range parts {
		if !isDigits(p) || len(p) > 4 || (i > 0 && len(p) > 2) {
			return 0, 0, 0, false
		}
		nums[i], _ = strconv.Atoi(p)
	}
	if len(parts) > 1 && nums[1] == 0 || len(parts) > 2 && nums[2] == 0 {
		return 0, 0, 0, false
	}
	return nums[0], nums[1], nums[2], true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// daysInMonth is the number of days in month m of year y; for m == 0 (a
// whole year) it is 31, the last day of December.
func daysInMonth(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// IsZero reports whether the date is the empty cell.
func (d Date) IsZero() bool { return d.year == 0 }

// String returns the date as it was written.
func (d Date) String() string { return d.raw }

// Year, Month and Day return the parts as written; Month and Day are 0
// when the text leaves them out.
func (d Date) Year() int  { return int(d.year) }
func (d Date) Month() int { return int(d.month) }
func (d Date) Day() int   { return int(d.day) }

// First returns the first day the written date can mean (2025年3月 is
// 1 March 2025) as year, month, day.
func (d Date) First() (year, month, day int) {
	m, dd := int(d.month), int(d.day)
	if m == 0 {
		m = 1
	}
	if dd == 0 {
		dd = 1
	}
	return int(d.year), m, dd
}

// Last returns the last day the written date can mean (2025年2月 is 28
// February 2025, 2025年 is 31 December).
func (d Date) Last() (year, month, day int) {
	m, dd := int(d.month), int(d.day)
	if m == 0 {
		m = 12
	}
	if dd == 0 {
		dd = daysInMonth(int(d.year), m)
	}
	return int(d.year), m, dd
}

// UnmarshalText reads a date with ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	x, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// MarshalText writes the date as it was written.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.raw), nil }

// Month is 1-X月 of a monitoring form: the last month monitored, 1 to 12.
// It is written "7", "7月" or "1-7月". The zero Month is "not stated".
type Month int8

// ParseMonth reads a month as a monitoring form writes its period.
func ParseMonth(s string) (Month, error) {
	t := strings.TrimSpace(foldFullWidth(s))
	if t == "" {
		return 0, nil
	}
	t = strings.TrimSuffix(t, "月份")
	t = strings.TrimSuffix(t, "月")
	// 1-7, 1—7, 1～7, 1至7: the period starts in January; its end is X.
	for _, sep := range []string{"-", "—", "–", "~", "～", "至", "到"} {
		if from, to, ok := strings.Cut(t, sep); ok {
			if strings.TrimSpace(from) != "1" {
				return 0, fmt.Errorf("%q: a monitoring period starts in January (1-X月)", clipText(s))
			}
			t = strings.TrimSpace(to)
			break
		}
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 1 || n > 12 {
		return 0, fmt.Errorf("%q is not a month from 1 to 12", clipText(s))
	}
	return Month(n), nil
}

// UnmarshalText reads a month with ParseMonth.
func (m *Month) UnmarshalText(b []byte) error {
	x, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = x
	return nil
}

// MarshalText writes the month as a number; nothing for the zero Month.
func (m Month) MarshalText() ([]byte, error) {
	if m == 0 {
		return nil, nil
	}
	return strconv.AppendInt(nil, int64(m), 10), nil
}

// Likelihood is 完成目标可能性, a monitoring form's judgment of whether an
// indicator's annual target will be reached: 确定能, 有可能 or 完全不可能.
// The zero Likelihood is "not stated".
//
// Layouts differ in the last label: the central form's systems print
// 完全不可能, Huangshi's 2019 monitoring form 不可能; both read as
// Impossible.
type Likelihood int8

const (
	// LikelihoodUnstated: the cell is empty.
	LikelihoodUnstated Likelihood = iota
	// Certain is 确定能.
	Certain
	// Possible is 有可能.
	Possible
	// Impossible is 完全不可能 (不可能).
	Impossible
)

// ParseLikelihood reads 确定能, 有可能, 完全不可能 or 不可能 (also
// certain, possible and impossible); "" is LikelihoodUnstated.
func ParseLikelihood(s string) (Likelihood, error) {
	t := strings.TrimSpace(s)
	switch t {
	case "":
		return LikelihoodUnstated, nil
	case "确定能", "certain":
		return Certain, nil
	case "有可能", "possible":
		return Possible, nil
	case "完全不可能", "不可能", "impossible":
		return Impossible, nil
	}
	return 0, fmt.Errorf("%q: want 确定能, 有可能 or 完全不可能", clipText(s))
}

// String returns the label as the central form prints it: 确定能, 有可能,
// 完全不可能, or "" when not stated.
func (l Likelihood) String() string {
	switch l {
	case Certain:
		return "确定能"
	case Possible:
		return "有可能"
	case Impossible:
		return "完全不可能"
	}
	return ""
}

// Doubtful reports whether the likelihood is 有可能 or 完全不可能: the
// answers that oblige the filer to explain the deviation and say what
// will be done.
func (l Likelihood) Doubtful() bool { return l == Possible || l == Impossible }

// UnmarshalText reads a likelihood with ParseLikelihood.
func (l *Likelihood) UnmarshalText(b []byte) error {
	x, err := ParseLikelihood(string(b))
	if err != nil {
		return err
	}
	*l = x
	return nil
}

// MarshalText writes the likelihood's label.
func (l Likelihood) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// foldFullWidth replaces full-width ASCII forms (ＡＢＣ，１２３，（）) by
// their ASCII forms and the ideographic space by a space, as text typed
// with a Chinese input method mixes the two.
func foldFullWidth(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// clipText shortens a value quoted in an error to a short prefix.
func clipText(s string) string {
	if utf8.RuneCountInString(s) <= 24 {
		return s
	}
	r := []rune(s)
	return string(r[:24]) + "…"
}

// kindNames lists the kinds for an error message: "project-declaration",
// "project-monitoring", ….
func kindNames() string {
	var b strings.Builder
	for i, k := range Kinds() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(string(k)))
	}
	return b.String()
}
