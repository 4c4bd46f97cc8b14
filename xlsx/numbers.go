package xlsx

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
)

// numFmt is what a cell's number format says about how a number is shown.
type numFmt struct {
	min, max int // decimals always shown ("0.0#": 1) and at most shown (2); -1, -1 for General
	percent  bool
	date     bool
	text     bool // the text format "@"
}

var general = numFmt{min: -1, max: -1}

// maxFormatCode is the longest number format code honoured: Excel's own
// limit. A longer code (a crafted "0." and a million zeros) reads as
// General, so no format costs more than a short one to read.
const maxFormatCode = 255

// builtinFormats are the built-in number formats (ECMA-376 §18.8.30) that
// show numbers with fixed decimals, as percentages or as dates; every
// other built-in id reads as General for our purpose.
var builtinFormats = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
	14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "yyyy-mm-dd h:mm",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
	49: "@", 57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
}

// parseFormat reads the decimals, the percent sign and whether a number
// format code shows a date, from the code's first section, skipping quoted
// literals, escapes, [colour] and padding. Scientific and text formats
// read as General. It is linear in the code, which is at most
// maxFormatCode bytes.
func parseFormat(code string) numFmt {
	if code == "" || len(code) > maxFormatCode || strings.EqualFold(code, "General") {
		return general
	}
	if strings.TrimSpace(code) == "@" {
		return numFmt{min: -1, max: -1, text: true}
	}
	var b strings.Builder
	inQuote := false
loop:
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case inQuote:
			inQuote = ch != '"'
		case ch == '"':
			inQuote = true
		case ch == '\\', ch == '_', ch == '*':
			i++
		case ch == '[':
			for i < len(code) && code[i] != ']' {
				i++
			}
		case ch == ';':
			break loop
		default:
			b.WriteByte(ch)
		}
	}
	s := b.String()
	lower := strings.ToLower(s)
	if strings.Contains(lower, "general") || strings.ContainsAny(lower, "e@") {
		return general
	}
	if strings.ContainsAny(lower, "ymdhs") {
		return numFmt{min: -1, max: -1, date: true}
	}
	f := numFmt{percent: strings.Contains(s, "%")}
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		if !strings.ContainsAny(s, "0#?") {
			return general
		}
		return f
	}
	zeros := true
	for _, ch := range s[dot+1:] {
		if ch != '0' && ch != '#' && ch != '?' {
			break
		}
		if ch != '0' {
			zeros = false
		}
		if zeros {
			f.min++
		}
		f.max++
	}
	return f
}

// exactNumber reads the number a numeric cell stores, from its text and
// never through float64.
//
// A cell's number is a binary double, and writers print it in their own
// ways: "2395.15" from this package, "2395.1500000000001" from a tool
// that prints 17 significant digits. A double carries 15 significant
// decimal digits reliably (Excel shows no more), so a stored text with
// more than 15 significant digits is rounded half up to 15 and the zeros
// that leaves at the end are dropped: 2395.1500000000001 is 2395.15,
// 0.30000000000000004 is 0.3. A text of 15 digits or fewer is taken
// exactly as written, trailing zeros included ("16.60" keeps two places).
func exactNumber(raw string) (decimal.Decimal, error) {
	s := strings.TrimSpace(raw)
	if s == "" || len(s) > 64 {
		return decimal.Decimal{}, errors.New("not a number")
	}
	mant, exp, hasExp := strings.Cut(strings.ToUpper(s), "E")
	mant = strings.TrimPrefix(strings.TrimPrefix(mant, "-"), "+")
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart+frac == "" || !digits(intPart) || !digits(frac) {
		return decimal.Decimal{}, fmt.Errorf("%q is not a number", s)
	}
	if hasExp {
		e, err := strconv.Atoi(exp)
		if err != nil || e < -40 || e > 40 {
			return decimal.Decimal{}, fmt.Errorf("%q is not a number in range", s)
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q is not a number", s)
	}
	if n := coefficientDigits(d); n > maxExactDigits {
		d = d.Round(-d.Exponent() - int32(n-maxExactDigits))
		d = trimZeros(d)
	}
	return d, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func coefficientDigits(d decimal.Decimal) int {
	return len(strings.TrimLeft(d.Coefficient().String(), "-"))
}

// trimZeros drops the zeros at the end of a decimal's fraction.
func trimZeros(d decimal.Decimal) decimal.Decimal {
	t, err := decimal.NewFromString(d.String())
	if err != nil {
		return d
	}
	return t
}

// fitDecimals writes d with at least minPlaces decimals (capped at
// budget.MaxDecimalPlaces), rounding half up to that cap when d has more.
func fitDecimals(d decimal.Decimal, minPlaces int) string {
	if places(d) > budget.MaxDecimalPlaces {
		d = trimZeros(d.Round(budget.MaxDecimalPlaces))
	}
	p := max(places(d), min(int32(minPlaces), budget.MaxDecimalPlaces))
	return d.StringFixed(p)
}

// shown is a number as its format shows it, for a text cell of the form
// that holds a number: 98.7 in "0.00" is "98.70", 0.987 in "0.0%" is
// "98.7%", a date serial is the date it shows ("2021-11-20").
func shown(d decimal.Decimal, f numFmt, date1904 bool) string {
	switch {
	case f.date:
		if t, ok := serialDate(d, date1904); ok {
			if t.Hour() != 0 || t.Minute() != 0 {
				return t.Format("2006-01-02 15:04")
			}
			return t.Format("2006-01-02")
		}
	case f.percent:
		p := d.Shift(2)
		if f.max >= 0 && places(p) > int32(f.max) {
			p = p.Round(int32(f.max))
		}
		return fitDecimals(p, f.min) + "%"
	}
	return fitDecimals(d, f.min)
}

// serialDate converts a spreadsheet's date serial to the date it shows:
// days since 1899-12-30 (Excel's 1900 system, its phantom 1900-02-29
// included), or since 1904-01-01.
func serialDate(d decimal.Decimal, date1904 bool) (time.Time, bool) {
	if d.IsNegative() || d.Cmp(decimal.NewFromInt(2958465)) > 0 {
		return time.Time{}, false
	}
	days := d.IntPart()
	minutes := d.Sub(decimal.NewFromInt(days)).Mul(decimal.NewFromInt(1440)).Round(0).IntPart()
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days < 60:
		base = base.AddDate(0, 0, 1)
	}
	return base.AddDate(0, 0, int(days)).Add(time.Duration(minutes) * time.Minute), true
}
