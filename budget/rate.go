package budget

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/internal/exact"
)

// Rate is an exact ratio such as 预算完成率 or 执行率. A computed rate is
// kept as the fraction num/den itself, not as a rounded quotient, so every
// rounding of it is a single, exact half-up (四舍五入) rounding: there is
// no double rounding whatever scale it is shown at. A rate read from a form
// ("99.99%") also remembers the precision it was printed with, which is
// the precision it is checked at (see Matches).
//
// Rate is an immutable value; compare rates with Cmp or Equal, never ==.
// The zero Rate is 0 (printed "0.00%").
type Rate struct {
	num, den decimal.Decimal // den is never negative; a zero den means 1
	places   int32           // percent places printed; -1 for a computed rate
	printed  bool
}

var (
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
)

func (r Rate) denom() decimal.Decimal {
	if r.den.IsZero() {
		return one
	}
	return r.den
}

// NewRate returns the rate num/den. A zero denominator yields a
// *RateError wrapping ErrZeroDenominator: the rate is undefined.
func NewRate(num, den decimal.Decimal) (Rate, error) {
	if den.IsZero() {
		return Rate{}, &RateError{Rate: "rate", Err: ErrZeroDenominator}
	}
	if den.IsNegative() {
		num, den = num.Neg(), den.Neg()
	}
	return Rate{num: num, den: den}, nil
}

// RateOf returns the rate of two amounts, a/b, whatever their units.
func RateOf(a, b Amount) (Rate, error) {
	x, y, _ := align(a, b)
	return NewRate(x, y)
}

// RateFromDecimal returns the rate whose value (a fraction: 0.5 for 50%) is d.
func RateFromDecimal(d decimal.Decimal) Rate { return Rate{num: d} }

// ParsePercent reads a percentage as printed: "99.99%", "100%", "１００％",
// "17.5 %". The number of decimals printed becomes the rate's printed
// precision. Text without a percent sign is refused; indicator values in
// other forms ("百分之百") are the indicator package's concern.
func ParsePercent(s string) (Rate, error) {
	t := strings.TrimSpace(FoldWidth(s))
	numText, ok := strings.CutSuffix(t, "%")
	if !ok {
		return Rate{}, &NumberError{Func: "ParsePercent", Value: s, Err: fmt.Errorf("%w: no percent sign", ErrSyntax)}
	}
	d, err := parseNumber("ParsePercent", numText)
	if err != nil {
		err.(*NumberError).Value = s
		return Rate{}, err
	}
	return Rate{num: d, den: hundred, places: places(d), printed: true}, nil
}

// MustParsePercent is ParsePercent for literals in tests and examples; it
// panics on a malformed literal.
func MustParsePercent(s string) Rate {
	r, err := ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return r
}

// Printed reports the number of percent decimals the rate was printed
// with, and whether it was printed at all (false for a computed rate).
func (r Rate) Printed() (places int32, ok bool) { return r.places, r.printed }

// Round returns the rate as a fraction rounded half up to the given
// number of decimal places: Round(4) of 2394.83/2395.15 is 0.9999.
func (r Rate) Round(places int32) decimal.Decimal {
	return divRoundHalfUp(r.num, r.denom(), places)
}

// Percent returns the rate in percent rounded half up to the given
// number of decimals: Percent(2) of 2394.83/2395.15 is 99.99.
func (r Rate) Percent(places int32) decimal.Decimal {
	// n×100/d rounded at p places is n/d rounded at p+2, moved two places:
	// the same integer quotient, without multiplying n.
	return divRoundHalfUp(r.num, r.denom(), places+2).Shift(2)
}

// Format formats the rate as a percentage rounded half up to the given
// number of decimals: "99.99%".
func (r Rate) Format(places int32) string {
	return r.Percent(places).StringFixed(places) + "%"
}

// String formats a printed rate as it was printed and a computed rate at
// two decimals, the precision of every rate on the forms.
func (r Rate) String() string {
	if r.printed {
		return r.Format(r.places)
	}
	return r.Format(2)
}

// Cmp compares two rates exactly: -1 if r < s, 0 if equal, +1 if r > s.
// A rule comparing a rate with a limit as the form shows it wants
// AtLeast, Below, AtMost or Above instead.
func (r Rate) Cmp(s Rate) int {
	return r.num.Mul(s.denom()).Cmp(s.num.Mul(r.denom()))
}

// Equal reports whether r and s are exactly the same ratio.
func (r Rate) Equal(s Rate) bool { return r.Cmp(s) == 0 }

// Matches reports whether the computed rate r agrees with the printed rate
// p at the precision p was printed with: 99.99% matches 2394.83/2395.15,
// and so does 100%, since the rate rounds to 100 at no decimals. tolerance,
// in percentage points, widens the check (zero for none).
func (r Rate) Matches(p Rate, tolerance decimal.Decimal) bool {
	places := p.places
	if !p.printed {
		places = 2
	}
	return exact.Within(r.Percent(places), p.Percent(places), tolerance)
}

// Mul returns the rate scaled by d (d × r), still exact. (A score is
// weight × rate in points: see Times.)
func (r Rate) Mul(d decimal.Decimal) Rate {
	return Rate{num: r.num.Mul(d), den: r.den}
}

// shownPlaces is the number of percent decimals r is shown with when it
// is compared with limit: as printed for a printed rate, two for a
// computed one, or as many as limit is written with when that is more.
func (r Rate) shownPlaces(limit Rate) int32 {
	p := int32(2)
	if r.printed {
		p = r.places
	}
	if limit.printed {
		p = max(p, limit.places)
	}
	return p
}

// cmpShown compares r, rounded half up to the precision it is shown
// with, with limit exactly.
func (r Rate) cmpShown(limit Rate) int {
	p := r.shownPlaces(limit)
	return Rate{num: divRoundHalfUp(r.num, r.denom(), p+2)}.Cmp(limit)
}

// AtLeast reports whether r, as it is shown, is at least limit: the test
// "执行率 ≥ 95%" as a reader of the form applies it. A computed rate is
// shown rounded half up to two percent decimals (or to as many as limit
// is written with, when that is more), a printed one as printed; so
// 94.995/100, shown 95.00%, is at least 95%, and no finding ever says
// "95.00% is below 95%". The built-in rules compare this way.
func (r Rate) AtLeast(limit Rate) bool { return r.cmpShown(limit) >= 0 }

// Below reports whether r, as it is shown, is below limit: !AtLeast.
func (r Rate) Below(limit Rate) bool { return r.cmpShown(limit) < 0 }

// AtMost reports whether r, as it is shown, is at most limit.
func (r Rate) AtMost(limit Rate) bool { return r.cmpShown(limit) <= 0 }

// Above reports whether r, as it is shown, is above limit: !AtMost.
func (r Rate) Above(limit Rate) bool { return r.cmpShown(limit) > 0 }

// Min returns the smaller of r and s.
func (r Rate) Min(s Rate) Rate {
	if r.Cmp(s) <= 0 {
		return r
	}
	return s
}

// One is the rate 100%.
func One() Rate { return Rate{num: one} }

// divRoundHalfUp returns n/d rounded half up (away from zero on a tie) to
// the given places, exactly whatever the size of the operands; operands
// that fit in 64 bits, as every figure on a form does, take an integer
// path that allocates nothing but the result (see internal/exact).
func divRoundHalfUp(n, d decimal.Decimal, places int32) decimal.Decimal {
	return exact.DivRoundHalfUp(n, d, places)
}
