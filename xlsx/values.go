package xlsx

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
)

// numFmt is what a cell's number format says about how a number is shown.
type numFmt struct {
	min, max int // decimals always shown ("0.0#": 1) and at most shown (2); -1, -1 for General
	percent  bool
}

var general = numFmt{min: -1, max: -1}

// builtinFormats are the codes of the built-in number formats that show
// numbers with fixed decimals (ECMA-376 §18.8.30); every other built-in id
// reads as General for our purpose.
var builtinFormats = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
}

// parseFormat reads the decimals and the percent sign of a number format
// code's first section, skipping quoted literals, escapes, [colour] and
// padding. Scientific, date and text formats read as General.
func parseFormat(code string) numFmt {
	if code == "" || strings.EqualFold(code, "General") {
		return general
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
	if strings.ContainsAny(lower, "eymdhs@") || strings.Contains(lower, "general") {
		return general
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

// numFmt returns the number format of a cell style. A style excelize
// cannot read (a malformed style table) reads as General.
func (g *grid) numFmt(style int) (f numFmt) {
	if f, ok := g.fmts[style]; ok {
		return f
	}
	f = general
	defer func() {
		if r := recover(); r != nil {
			f = general
		}
		g.fmts[style] = f
	}()
	st, err := g.xf.GetStyle(style)
	if err != nil || st == nil {
		return general
	}
	if st.CustomNumFmt != nil {
		return parseFormat(*st.CustomNumFmt)
	}
	return parseFormat(builtinFormats[st.NumFmt])
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
	mant = strings.TrimLeft(mant, "+-")
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

// isDash reports a cell that says "not applicable" rather than a number:
// official forms print "—" in cells that do not apply.
func isDash(s string) bool {
	switch s {
	case "—", "——", "-", "－", "/", "／", "–":
		return true
	}
	return false
}

// numberText returns the decimal text of a numeric value's cell, or
// absent. A number is given as many decimals as its number format shows,
// when that is more than it carries (16.6 shown as 16.60 reads 16.60: what
// the form printed) and rounded half up to budget.MaxDecimalPlaces when it
// carries more (a foreign sheet's 1/3); it never loses a digit otherwise.
// Text is returned trimmed, for the budget parsers (which take thousands
// separators and full-width digits).
func (g *grid) numberText(r, c int) (text string, absent bool, err error) {
	cl := g.at(r, c)
	s := strings.TrimSpace(cl.raw)
	if s == "" || isDash(s) {
		return "", true, nil
	}
	switch cl.typ {
	case typeNumber:
		d, err := exactNumber(s)
		if err != nil {
			return "", false, err
		}
		return fitDecimals(d, g.numFmt(cl.style).min), false, nil
	case typeString:
		return s, false, nil
	}
	return "", false, fmt.Errorf("a %s cell (%q) where a number belongs", typeName(cl.typ), s)
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

func typeName(t byte) string {
	switch t {
	case typeBool:
		return "boolean"
	case typeError:
		return "error"
	case typeDate:
		return "date"
	}
	return "text"
}

func (g *grid) valueError(r, c int, what string, err error) *ImportError {
	return g.errorAt(r, c, fmt.Errorf("%w: %s: %w", ErrValue, what, err))
}

// amountAt reads the amount in a cell, in the form's unit; nil when empty.
func (g *grid) amountAt(r, c int, u budget.Unit, what string) (*budget.Amount, error) {
	text, absent, err := g.numberText(r, c)
	if err != nil {
		return nil, g.valueError(r, c, what, err)
	}
	if absent {
		return nil, nil
	}
	if g.at(r, c).typ == typeString {
		text = strings.TrimSpace(strings.TrimSuffix(text, u.String()))
	}
	a, err := budget.ParseAmount(text, u)
	if err != nil {
		return nil, g.valueError(r, c, what, err)
	}
	return &a, nil
}

// numberAt reads a weight or score: a number that may not be negative.
func (g *grid) numberAt(r, c int, what string) (*decimal.Decimal, error) {
	text, absent, err := g.numberText(r, c)
	if err != nil {
		return nil, g.valueError(r, c, what, err)
	}
	if absent {
		return nil, nil
	}
	d, err := budget.ParseNumber(text)
	if err != nil {
		return nil, g.valueError(r, c, what, err)
	}
	if d.IsNegative() {
		return nil, g.valueError(r, c, what, fmt.Errorf("%s must not be negative", text))
	}
	return &d, nil
}

// rateAt reads a rate as printed. A number in a percent format is a
// fraction shown at the format's decimals, and that is what the form
// printed: 0.9999 in "0.00%" is 99.99%, 0.99986 in "0.00%" is 99.99% too.
// A number in any other format, like text without a percent sign, is
// percentage points, as the file format reads a bare rate: 99.99 is 99.99%.
func (g *grid) rateAt(r, c int, what string) (*budget.Rate, error) {
	cl := g.at(r, c)
	s := strings.TrimSpace(cl.raw)
	if s == "" || isDash(s) {
		return nil, nil
	}
	var text string
	switch cl.typ {
	case typeNumber:
		d, err := exactNumber(s)
		if err != nil {
			return nil, g.valueError(r, c, what, err)
		}
		f := g.numFmt(cl.style)
		if f.percent {
			d = d.Shift(2)
			if f.max >= 0 && places(d) > int32(f.max) {
				d = d.Round(min(int32(f.max), budget.MaxDecimalPlaces))
			}
		}
		text = fitDecimals(d, f.min) + "%"
	case typeString:
		text = budget.FoldWidth(s)
		if !strings.HasSuffix(text, "%") {
			text += "%"
		}
	default:
		return nil, g.valueError(r, c, what, fmt.Errorf("a %s cell (%q) where a rate belongs", typeName(cl.typ), s))
	}
	rt, err := budget.ParsePercent(text)
	if err != nil {
		return nil, g.valueError(r, c, what, err)
	}
	return &rt, nil
}

// yearAt reads a year: 2021, "2021年", "2021年度".
func (g *grid) yearAt(r, c int) (int, error) {
	cl := g.at(r, c)
	s := strings.TrimSpace(budget.FoldWidth(cl.raw))
	if s == "" {
		return 0, nil
	}
	var y int
	switch cl.typ {
	case typeNumber:
		d, err := exactNumber(s)
		if err != nil || !d.IsInteger() || d.Abs().Cmp(decimal.NewFromInt(1_000_000)) > 0 {
			return 0, g.valueError(r, c, lblYear, fmt.Errorf("%q is not a year", s))
		}
		y = int(d.IntPart())
	case typeString:
		t := strings.TrimSuffix(strings.TrimPrefix(normalize(s), "("), ")")
		t = strings.TrimSuffix(strings.TrimSuffix(t, "年度"), "年")
		n, err := strconv.Atoi(t)
		if err != nil {
			return 0, g.valueError(r, c, lblYear, fmt.Errorf("%q is not a year", s))
		}
		y = n
	default:
		return 0, g.valueError(r, c, lblYear, fmt.Errorf("a %s cell (%q) where a year belongs", typeName(cl.typ), s))
	}
	// The file format's range (evaluation's validation): 1949 to 2200.
	if y != 0 && (y < 1949 || y > 2200) {
		return 0, g.valueError(r, c, lblYear, fmt.Errorf("%d is out of range (1949 to 2200)", y))
	}
	return y, nil
}

// textAt returns a text cell's value exactly as stored; a number, date or
// boolean as displayed (a date typed into 实际完成值 reads as Excel shows it).
func (g *grid) textAt(r, c int) string {
	cl := g.at(r, c)
	if cl.typ == typeString || cl.text == "" {
		return cl.raw
	}
	return cl.text
}

// boolAt reads 自选重点项目: 是/否, true/false, 1/0, √/×; empty is false.
func (g *grid) boolAt(r, c int, what string) (bool, error) {
	s := strings.ToLower(strings.TrimSpace(g.textAt(r, c)))
	switch s {
	case "", "否", "false", "0", "n", "no", "×", "x", "-", "—":
		return false, nil
	case "是", "true", "1", "y", "yes", "√", "✓", "✔":
		return true, nil
	}
	return false, g.valueError(r, c, what, fmt.Errorf("%q; want 是 or 否", s))
}

// directionAt reads 指标方向: 正向/反向/等于/定性, or the file format's
// higher/lower/exact/qualitative; empty is Unspecified.
func (g *grid) directionAt(r, c int) (indicator.Direction, error) {
	s := strings.TrimSpace(g.textAt(r, c))
	for i, l := range directionLabels {
		if s == l {
			return indicator.Direction(i), nil
		}
	}
	d, err := indicator.ParseDirection(s)
	if err != nil {
		return 0, g.valueError(r, c, lblDirection, err)
	}
	return d, nil
}
