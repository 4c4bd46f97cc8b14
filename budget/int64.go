package budget

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// The integer fast path. A figure on a form has at most 24 digits (see
// MaxIntegerDigits) and nearly always under 18, so its coefficient fits in
// an int64 and a rate or a rounding can be computed with machine integers,
// exactly, instead of the decimal library's big integers, which allocate
// on every step. Every function here reports ok = false rather than
// overflow, and the caller then takes the big-integer path: the fast path
// changes no result, only the cost.

// pow10 holds 10^0 … 10^18, every power of ten an int64 holds.
var pow10 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
}

// small returns d's coefficient and exponent (d = c × 10^e) when the
// coefficient has at most 18 digits. NumDigits counts without allocating
// for coefficients up to 2^53 and may count one digit too few just at a
// power of ten, hence a bound of 17: the true count is then at most 18,
// and 10^18 < 2^63.
func small(d decimal.Decimal) (c int64, e int32, ok bool) {
	if d.NumDigits() > 17 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), d.Exponent(), true
}

// mulPow10 returns c × 10^k, or ok = false if it does not fit in an int64.
func mulPow10(c int64, k int64) (int64, bool) {
	if c == 0 {
		return 0, true
	}
	if k < 0 || k >= int64(len(pow10)) {
		return 0, false
	}
	hi, lo := bits.Mul64(abs64(c), pow10[k])
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if c < 0 {
		return -int64(lo), true
	}
	return int64(lo), true
}

// abs64 is |c| as a uint64, exact even for math.MinInt64.
func abs64(c int64) uint64 {
	if c < 0 {
		return uint64(-(c + 1)) + 1
	}
	return uint64(c)
}

// divRoundHalfUp64 is divRoundHalfUp on machine integers: the coefficient
// q of the result q × 10^-places, or ok = false when an operand or an
// intermediate product does not fit.
//
// n/d × 10^p = cn × 10^(en+p-ed) / cd, so one side is scaled by a power
// of ten, then divided with its remainder, and the quotient moves one
// away from zero when twice the remainder reaches the divisor (四舍五入).
func divRoundHalfUp64(n, d decimal.Decimal, places int32) (int64, bool) {
	cn, en, ok := small(n)
	if !ok {
		return 0, false
	}
	cd, ed, ok := small(d)
	if !ok || cd == 0 {
		return 0, false
	}
	k := int64(en) + int64(places) - int64(ed)
	num, den := cn, cd
	if k >= 0 {
		num, ok = mulPow10(cn, k)
	} else {
		den, ok = mulPow10(cd, -k)
	}
	if !ok || num == math.MinInt64 || den == math.MinInt64 {
		return 0, false
	}
	q, r := num/den, num%den
	if 2*abs64(r) >= abs64(den) { // |r| < |den| < 2^63: no overflow
		if (num < 0) != (den < 0) {
			q--
		} else {
			q++
		}
	}
	return q, true
}
