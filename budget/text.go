package budget

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// The value types of this package read and write their printed text, so
// encoding/json, encoding/xml and YAML libraries show them as a form
// prints them ("99.99%", "万元", "general_public_budget") and read them
// back from that text.

// exactText writes d with exactly the decimal places it carries: 16.6 as
// "16.6", 16.60 as "16.60", 500 as "500".
func exactText(d decimal.Decimal) string { return d.StringFixed(places(d)) }

// MarshalText writes the amount exactly as it is held, with the decimal
// places it carries and its unit: "16.6万元", "16.60万元", "1500000元". So
// a round trip through text keeps the unit and the written precision,
// which is the precision a reported amount is checked at. (String pads to
// two decimals for display and leaves the unit out.)
func (a Amount) MarshalText() ([]byte, error) {
	return []byte(exactText(a.value) + a.unit.String()), nil
}

// UnmarshalText reads an amount as MarshalText writes it. Text without a
// unit is in 万元, the forms' default; text with one ("150元", "0.015亿元")
// keeps that unit, unconverted.
func (a *Amount) UnmarshalText(b []byte) error {
	s := string(b)
	num, u, ok := CutUnit(s)
	if !ok {
		u = TenThousandYuan
	}
	d, err := parseNumber("ParseAmount", num)
	if err != nil {
		if ne, isNE := err.(*NumberError); isNE {
			ne.Value = s
		}
		return err
	}
	*a = Amount{value: d, unit: u}
	return nil
}

// Text returns the amount exactly as it is held, without its unit: the
// decimal places it carries and no more ("16.6", "500"). It is how a form
// file writes an amount.
func (a Amount) Text() string { return exactText(a.value) }

// Grouped formats the amount as String does, with thousands separators
// when it has five or more integer digits ("12,345.60", but "2394.83"):
// for a reader of large sums on a page or a terminal. Data for programs
// (JSON, the file format) never carries separators.
func (a Amount) Grouped() string { return groupThousands(a.String()) }

// groupThousands puts a comma between each group of three integer digits
// of a decimal text of five or more integer digits.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if len(intPart) < 5 {
		return sign + s
	}
	var b strings.Builder
	b.Grow(len(s) + len(intPart)/3 + 1)
	b.WriteString(sign)
	first := len(intPart) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(intPart[:first])
	for i := first; i < len(intPart); i += 3 {
		b.WriteByte(',')
		b.WriteString(intPart[i : i+3])
	}
	if hasPoint {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// MarshalText writes the rate as String does: a printed rate as it was
// printed ("100%", "99.99%"), a computed one at two decimals.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a percentage as ParsePercent does. The rate read
// back from a computed rate's text is the printed rate of two decimals
// it was shown as.
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParsePercent(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// MarshalText writes the unit as printed on a form: "元", "万元" or "亿元".
func (u Unit) MarshalText() ([]byte, error) {
	switch u {
	case Yuan, TenThousandYuan, HundredMillionYuan:
		return []byte(u.String()), nil
	}
	return nil, fmt.Errorf("budget: unit %d: %w", int8(u), ErrUnknownUnit)
}

// UnmarshalText reads a unit as ParseUnit does.
func (u *Unit) UnmarshalText(b []byte) error {
	v, err := ParseUnit(string(b))
	if err != nil {
		return err
	}
	*u = v
	return nil
}

// MarshalText writes the source kind's key ("general_public_budget").
// An unknown kind is an error, so a file never holds a row it cannot
// read back.
func (k SourceKind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("budget: source %q: %w", string(k), ErrUnknownSource)
	}
	return []byte(k), nil
}

// UnmarshalText reads a source kind's key, refusing one it does not know.
func (k *SourceKind) UnmarshalText(b []byte) error {
	v := SourceKind(b)
	if !v.Valid() {
		return fmt.Errorf("budget: source %q: %w", string(b), ErrUnknownSource)
	}
	*k = v
	return nil
}

// MustAmount returns a pointer to the amount written s, in 万元 unless s
// carries its unit ("150元"): the form fields that may be absent are
// pointers, and a test or an example fills them from literals. It panics
// on a malformed literal, which is a programming error.
func MustAmount(s string) *Amount {
	var a Amount
	if err := a.UnmarshalText([]byte(s)); err != nil {
		panic(err)
	}
	return &a
}

// MustRate returns a pointer to the percentage written s ("99.99%"), for
// the reported rates of a form literal. It panics on a malformed literal.
func MustRate(s string) *Rate {
	r := MustParsePercent(s)
	return &r
}

// MustNumber returns a pointer to the number written s, for the weights
// and printed scores of a form literal ("10", "9.5"). It panics on a
// malformed literal.
func MustNumber(s string) *decimal.Decimal {
	d, err := ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return &d
}
