package indicator

import (
	"github.com/shopspring/decimal"
)

// MaxValueBytes is the longest text Parse interprets. A cell of an
// indicator row holds a few words; text beyond this (a pasted paragraph,
// hostile input) is Unparsed at once, so parsing costs at most a bounded
// amount of work whatever it is given.
const MaxValueBytes = 4096

// Value is what is written in one indicator cell: a target (年度指标值) or
// an actual (实际完成值 / 指标完成情况), as interpreted by Parse.
//
// A Value is immutable and safe to share between goroutines. Compare values
// with Equal, not ==, which would compare the decimal's internals.
// The zero Value is the blank cell, the same as Parse("").
type Value struct {
	raw  string
	num  decimal.Decimal
	unit string
	word string
	err  error

	kind   Kind
	op     Direction
	hasNum bool

	// Qualitative words: their scale and position on it (see words.go).
	scale scale
	rank  int16
	zero  bool // 无, 未发生: the word states a count of zero

	// Deadlines: year 0 when not written; day 0 for the end of the month.
	year  int16
	month int8
	day   int8
}

// Raw returns the text exactly as it was given to Parse.
func (v Value) Raw() string { return v.raw }

// String returns the text as written, so a Value prints as on the form.
func (v Value) String() string { return v.raw }

// Kind returns the kind of value the text states.
func (v Value) Kind() Kind { return v.kind }

// Number returns the quantity the value states, exactly as written
// ("98.70%" is 98.70 with unit "%", "2,811 人" is 2811), and whether there
// is one. Quantity and Text values have a number; others do not.
func (v Value) Number() (decimal.Decimal, bool) {
	if !v.hasNum {
		return decimal.Decimal{}, false
	}
	return v.num, true
}

// Unit returns the normalized unit of the number: "%" (also for 百分比 and
// 百分之…), "人次", "起", "个", "万元", "百分点" (for 个百分点), or "" for a
// bare number or a value with no number. Scaled units keep their scale as
// written ("万元", "万人次"); Assess converts between them exactly.
func (v Value) Unit() string { return v.unit }

// Operator returns the direction the wording implies: HigherIsBetter for
// ≥, 不低于, 以上 …; LowerIsBetter for ≤, 不超过, 以内 …; Exact for "=";
// QualitativeDirection for Qualitative and Deadline values; Unspecified for
// a number written without an operator. Parse cannot know whether a cell
// is a target or an actual, so a bare target such as "100%" reports
// Unspecified here and Assess treats it as Exact.
func (v Value) Operator() Direction { return v.op }

// Word returns the normalized word of a Qualitative value: the canonical
// spelling of a vocabulary word (降低 → 下降, 排名第1 → 第一名, 已达成 →
// 达成预期指标) or, for free text, the text with widths folded and
// whitespace and closing punctuation removed. A Text value whose quantity
// is a change (同比下降12%) returns its trend word (下降). Otherwise "".
func (v Value) Word() string { return v.word }

// Deadline returns the date of a Deadline value. year is 0 when the text
// gives none (12月31日前). A month written without a day, or with 底/末
// (月底, 年底), resolves to the month's last day: 31 for "12月底前", 30 for
// "2021年11月"; February without a known year resolves to the 29th, the
// latest the deadline can fall. ok is false for any other kind.
func (v Value) Deadline() (year, month, day int, ok bool) {
	if v.kind != Deadline {
		return 0, 0, 0, false
	}
	y, m, d := int(v.year), int(v.month), int(v.day)
	if d == 0 {
		d = daysIn(y, m)
	}
	return y, m, d, true
}

// Err returns why an Unparsed value could not be interpreted, as a
// *ParseError wrapping ErrUnparsed; nil for every other kind.
func (v Value) Err() error { return v.err }

// Equal reports whether v and w state the same thing: the same kind,
// operator, unit, word and date, and numerically equal numbers. So
// "95%" and "９５％" are Equal, and so are "2811人" and "2,811 人"; two
// Unparsed values are Equal only if they were written the same way.
func (v Value) Equal(w Value) bool {
	if v.kind != w.kind || v.op != w.op || v.unit != w.unit || v.word != w.word ||
		v.hasNum != w.hasNum || v.scale != w.scale || v.rank != w.rank || v.zero != w.zero ||
		v.year != w.year || v.month != w.month || v.day != w.day {
		return false
	}
	if v.hasNum && !v.num.Equal(w.num) {
		return false
	}
	if v.kind == Unparsed {
		return v.raw == w.raw
	}
	return true
}

// daysIn is the number of days in month m of year y; year 0 (unknown)
// counts as a leap year, so an unknown February ends on the 29th.
func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y == 0 || (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
			return 29
		}
		return 28
	}
	return 31
}
