package budget

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Amount is an exact sum of money in a Unit. It is an immutable value:
// every operation returns a new Amount and leaves its operands unchanged.
// Compare amounts with Equal or Cmp, never with ==, which also compares
// the written precision ("16.6" and "16.60" are Equal but not ==).
//
// The zero Amount is 0 万元.
type Amount struct {
	value decimal.Decimal
	unit  Unit
}

// NewAmount returns the amount d in unit u.
func NewAmount(d decimal.Decimal, u Unit) Amount { return Amount{value: d, unit: u} }

// ParseAmount reads an amount of a form written in unit u, as
// ParseNumber does. The amount may carry its money unit as printed
// ("150万", "150万元", "1,500,000元", "0.015亿元"): it is then converted
// exactly into u, so the same text means the same sum on every form. Any
// other suffix is an error.
func ParseAmount(s string, u Unit) (Amount, error) {
	num, written, ok := CutUnit(s)
	d, err := parseNumber("ParseAmount", num)
	if err != nil {
		if ne, isNE := err.(*NumberError); isNE {
			ne.Value = s
		}
		return Amount{}, err
	}
	if ok {
		d = convert(d, written, u)
		if places(d) > MaxDecimalPlaces {
			// A finer unit shifts the point left: 0.01元 is 0.000001万元,
			// but 0.001元 would be a seventh place, which no form prints
			// and the file format cannot write back. Trailing zeros
			// beyond the limit are dropped (0.000元 is 0.000000万元).
			r := d.Round(MaxDecimalPlaces)
			if !r.Equal(d) {
				return Amount{}, &NumberError{Func: "ParseAmount", Value: s,
					Err: fmt.Errorf("%w: in %s it has more than %d decimal places", ErrRange, u, MaxDecimalPlaces)}
			}
			d = r
		}
	}
	return Amount{value: d, unit: u}, nil
}

// CutUnit splits a money unit printed after a number ("150万", "620万元",
// "1,500,000 元", "0.015亿元") from the number. ok is false, and num is s,
// when s ends in no money unit. 万 alone is 万元 and 亿 alone 亿元, as
// forms write them.
func CutUnit(s string) (num string, u Unit, ok bool) {
	t := strings.TrimRight(s, " \t\u3000")
	for _, suf := range []struct {
		text string
		unit Unit
	}{{"亿元", HundredMillionYuan}, {"万元", TenThousandYuan}, {"元", Yuan}, {"亿", HundredMillionYuan}, {"万", TenThousandYuan}} {
		if strings.HasSuffix(t, suf.text) {
			return strings.TrimSuffix(t, suf.text), suf.unit, true
		}
	}
	return s, 0, false
}

// MustParseAmount is ParseAmount for literals in tests and examples; it
// panics on a malformed literal, which is a programming error.
func MustParseAmount(s string, u Unit) Amount {
	a, err := ParseAmount(s, u)
	if err != nil {
		panic(err)
	}
	return a
}

// Decimal returns the amount's value in its own unit.
func (a Amount) Decimal() decimal.Decimal { return a.value }

// Unit returns the unit the amount is written in.
func (a Amount) Unit() Unit { return a.unit }

// In returns the same sum of money expressed in unit u. It is exact:
// 1 亿元 = 10,000 万元 = 100,000,000 元.
func (a Amount) In(u Unit) Amount { return Amount{value: convert(a.value, a.unit, u), unit: u} }

// align expresses a and b in the same unit: the finer of the two, so no
// digit moves past the point needlessly.
func align(a, b Amount) (decimal.Decimal, decimal.Decimal, Unit) {
	if a.unit == b.unit {
		return a.value, b.value, a.unit
	}
	u := a.unit
	if b.unit.exponent() < u.exponent() {
		u = b.unit
	}
	return convert(a.value, a.unit, u), convert(b.value, b.unit, u), u
}

// Add returns a + b, exactly, in the finer of their units.
func (a Amount) Add(b Amount) Amount {
	x, y, u := align(a, b)
	return Amount{value: x.Add(y), unit: u}
}

// Sub returns a − b, exactly, in the finer of their units.
func (a Amount) Sub(b Amount) Amount {
	x, y, u := align(a, b)
	return Amount{value: x.Sub(y), unit: u}
}

// Abs returns |a|.
func (a Amount) Abs() Amount { return Amount{value: a.value.Abs(), unit: a.unit} }

// Cmp compares a and b as sums of money: -1 if a < b, 0 if equal, +1 if a > b.
func (a Amount) Cmp(b Amount) int {
	x, y, _ := align(a, b)
	return x.Cmp(y)
}

// Equal reports whether a and b are the same sum of money, whatever their
// units or written precision.
func (a Amount) Equal(b Amount) bool { return a.Cmp(b) == 0 }

// IsZero reports whether a is zero.
func (a Amount) IsZero() bool { return a.value.IsZero() }

// IsNegative reports whether a < 0.
func (a Amount) IsNegative() bool { return a.value.IsNegative() }

// Places returns the number of decimal places the amount carries: as
// written for a parsed amount, the larger of the operands' for a sum.
func (a Amount) Places() int32 { return places(a.value) }

// Round returns a rounded half up (四舍五入) to the given decimal places.
func (a Amount) Round(places int32) Amount {
	return Amount{value: a.value.Round(places), unit: a.unit}
}

// String formats the amount without its unit, with at least two decimals
// and never fewer than it carries: "16.60" for 16.6, "89.974" for 89.974.
func (a Amount) String() string { return a.value.StringFixed(max(2, a.Places())) }

// Format formats the amount followed by its unit: "507.49万元".
func (a Amount) Format() string { return a.String() + a.unit.String() }

// Sum returns the exact sum of amounts in unit u (0 in u for none).
func Sum(u Unit, amounts ...Amount) Amount {
	s := Amount{unit: u}
	for _, x := range amounts {
		s = s.Add(x)
	}
	return s.In(u)
}
