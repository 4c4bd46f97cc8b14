package budget

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Input limits. A number on a form has at most MaxIntegerDigits digits
// before the point and MaxDecimalPlaces after it, and never an exponent:
// "1e999999999" would otherwise make the decimal library allocate a number
// with a billion digits. The limits cover any budget in 元 with room to
// spare (10^18 元 is a thousand times China's GDP).
const (
	MaxIntegerDigits = 18
	MaxDecimalPlaces = 6
	maxNumberText    = 64 // runes; longer text is refused before any work
)

// FoldWidth replaces the full-width forms of digits, signs, the decimal
// point, the comma and the percent sign (as typed with a Chinese input
// method) by their ASCII forms, and the ideographic space by a space.
// Other characters are left as they are.
func FoldWidth(s string) string {
	// Fast path: nothing to fold (and no invalid UTF-8 to replace). Every
	// full-width form but the ideographic space and − begins with EF BC.
	if !strings.Contains(s, "\xef\xbc") && !strings.Contains(s, "\u3000") && !strings.Contains(s, "−") && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r == '．':
			r = '.'
		case r == '，':
			r = ','
		case r == '％':
			r = '%'
		case r == '－', r == '−':
			r = '-'
		case r == '＋':
			r = '+'
		case r == '\u3000':
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ParseNumber reads a plain decimal number as written on a form: an
// optional sign, digits with optional thousands separators ("2,394.83",
// grouped by three), an optional fraction. Full-width digits are accepted.
// Exponents, NaN and infinities are refused, as is anything beyond the
// input limits. The result keeps the number of decimal places written
// ("16.60" has two), which is the precision a reported figure is checked at.
func ParseNumber(s string) (decimal.Decimal, error) {
	return parseNumber("ParseNumber", s)
}

func parseNumber(fn, s string) (decimal.Decimal, error) {
	fail := func(err error) (decimal.Decimal, error) {
		return decimal.Decimal{}, &NumberError{Func: fn, Value: s, Err: err}
	}
	if len(s) > 4*maxNumberText {
		return fail(fmt.Errorf("%w: longer than %d characters", ErrRange, maxNumberText))
	}
	t := strings.TrimSpace(FoldWidth(s))
	if t == "" {
		return fail(fmt.Errorf("%w: empty", ErrSyntax))
	}
	neg := false
	switch t[0] {
	case '-':
		neg, t = true, t[1:]
	case '+':
		t = t[1:]
	}
	intPart, frac, hasPoint := strings.Cut(t, ".")
	if hasPoint && frac == "" || intPart == "" && !hasPoint || strings.Contains(frac, ".") {
		return fail(ErrSyntax)
	}
	digits, err := ungroup(intPart)
	if err != nil {
		return fail(err)
	}
	if hasPoint && digits == "" {
		digits = "0" // ".5" is 0.5
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return fail(ErrSyntax)
		}
	}
	if n := len(strings.TrimLeft(digits, "0")); n > MaxIntegerDigits {
		return fail(fmt.Errorf("%w: %d integer digits, at most %d", ErrRange, n, MaxIntegerDigits))
	}
	if len(frac) > MaxDecimalPlaces {
		return fail(fmt.Errorf("%w: %d decimal places, at most %d", ErrRange, len(frac), MaxDecimalPlaces))
	}
	if sig := len(digits) - len(strings.TrimLeft(digits, "0")); len(digits)-sig+len(frac) <= 18 {
		// The integer fast path: at most 18 significant digits fit an
		// int64, so the coefficient is built here, exactly, without the
		// decimal library's parser (internal/exact computes on the same
		// int64 coefficients).
		var c int64
		for _, part := range [2]string{digits[sig:], frac} {
			for i := 0; i < len(part); i++ {
				c = c*10 + int64(part[i]-'0')
			}
		}
		if neg {
			c = -c
		}
		return decimal.New(c, -int32(len(frac))), nil
	}
	text := digits
	if hasPoint {
		text += "." + frac
	}
	if neg {
		text = "-" + text
	}
	// The text is now digits and at most one point, within the limits, so
	// the decimal library's parser does bounded work and cannot fail.
	d, err := decimal.NewFromString(text)
	if err != nil {
		return fail(ErrSyntax)
	}
	return d, nil
}

// ungroup checks the integer part of a number and removes its thousands
// separators. Groups must be of three digits after the first, so
// "2,394" and "2394" pass and "23,94" does not.
func ungroup(s string) (string, error) {
	if !strings.Contains(s, ",") {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return "", ErrSyntax
			}
		}
		return s, nil
	}
	groups := strings.Split(s, ",")
	var b strings.Builder
	for i, g := range groups {
		if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
			return "", fmt.Errorf("%w: misplaced thousands separator", ErrSyntax)
		}
		for j := 0; j < len(g); j++ {
			if g[j] < '0' || g[j] > '9' {
				return "", ErrSyntax
			}
		}
		b.WriteString(g)
	}
	return b.String(), nil
}

// places is the number of decimal places d was written with.
func places(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}
