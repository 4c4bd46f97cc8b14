package budget

import (
	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/internal/exact"
)

// Points is an exact score in points (分): weight × min(B/A, 1) for the
// budget-execution row, weight × actual/target for an indicator. Like a
// Rate it is kept as the fraction it was computed as, so that rounding it
// to any printed precision is one exact half-up (四舍五入) rounding; unlike
// a Rate it prints as points ("18.89"), never as a percentage.
//
// Points is an immutable value; compare with Cmp or Equal, never ==.
// The zero Points is 0.
type Points struct {
	num, den decimal.Decimal // den is never negative; a zero den means 1
}

// PointsOf returns d points exactly.
func PointsOf(d decimal.Decimal) Points { return Points{num: d} }

// NewPoints returns the points num/den. A zero denominator yields a
// *RateError wrapping ErrZeroDenominator.
func NewPoints(num, den decimal.Decimal) (Points, error) {
	if den.IsZero() {
		return Points{}, &RateError{Rate: "points", Err: ErrZeroDenominator}
	}
	if den.IsNegative() {
		num, den = num.Neg(), den.Neg()
	}
	return Points{num: num, den: den}, nil
}

// Times returns weight × r in points: the score of a row of that weight
// that achieves the rate r.
func (r Rate) Times(weight decimal.Decimal) Points {
	return Points{num: r.num.Mul(weight), den: r.den}
}

func (p Points) denom() decimal.Decimal {
	if p.den.IsZero() {
		return one
	}
	return p.den
}

// Round returns the points rounded half up to the given decimal places:
// Round(2) of 170/9 is 18.89.
func (p Points) Round(places int32) decimal.Decimal {
	return exact.DivRoundHalfUp(p.num, p.denom(), places)
}

// String formats the points at two decimals, the precision of every score
// on the forms: "18.89", "10.00".
func (p Points) String() string { return p.Round(2).StringFixed(2) }

// Cmp compares two scores exactly: -1 if p < q, 0 if equal, +1 if p > q.
func (p Points) Cmp(q Points) int { return p.num.Mul(q.denom()).Cmp(q.num.Mul(p.denom())) }

// Equal reports whether p and q are exactly the same score.
func (p Points) Equal(q Points) bool { return p.Cmp(q) == 0 }

// Matches reports whether a printed score agrees with p at the precision
// it was printed with: "9.3" is compared with p rounded half up to one
// decimal, "19" with p rounded to none. tolerance, in points, widens the
// check (zero for none).
func (p Points) Matches(printed, tolerance decimal.Decimal) bool {
	return exact.Within(p.Round(places(printed)), printed, tolerance)
}

// AtLeast reports whether p, as it is shown (two decimals, or as many as
// limit is written with when that is more), is at least limit.
func (p Points) AtLeast(limit decimal.Decimal) bool {
	return exact.Cmp(p.Round(max(2, places(limit))), limit) >= 0
}

// Below reports whether p, as it is shown, is below limit: !AtLeast.
func (p Points) Below(limit decimal.Decimal) bool { return !p.AtLeast(limit) }

// MarshalText writes the points as String does.
func (p Points) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a number of points, exactly as written.
func (p *Points) UnmarshalText(b []byte) error {
	d, err := ParseNumber(string(b))
	if err != nil {
		return err
	}
	*p = PointsOf(d)
	return nil
}
