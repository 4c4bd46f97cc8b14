// Package exact is the integer fast path of the project's decimal
// arithmetic. A figure on a form has at most 24 digits (budget's input
// limits) and nearly always under 18, so its coefficient fits in an int64
// and a rounding, a sum or a comparison can be computed with machine
// integers, exactly, instead of the decimal library's big integers, which
// allocate on every step. Every function here gives exactly what the
// decimal library gives, exponent included; where an operand or an
// intermediate result would not fit, it takes the decimal library's path
// instead. The fast path changes no result, only the cost.
package exact

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// pow10 holds 10^0 … 10^18, every power of ten an int64 holds.
var pow10 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
}

// Small returns d's coefficient and exponent (d = c × 10^e) when the
// coefficient is below 10^18 in magnitude, so that it fits an int64 with
// room for a sum. The check compares d with ±10^18 at d's own exponent,
// which the decimal library does on its big integers without allocating;
// it never converts anything to floating point.
func Small(d decimal.Decimal) (c int64, e int32, ok bool) {
	if d.Sign() == 0 {
		// Also the zero Decimal, whose coefficient is not yet allocated.
		return 0, d.Exponent(), true
	}
	e = d.Exponent()
	if e < -maxExp || e > maxExp {
		return 0, 0, false
	}
	b := &bounds[e+maxExp]
	if d.Cmp(b.hi) >= 0 || d.Cmp(b.lo) <= 0 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), e, true
}

// maxExp bounds the exponents the fast path handles: a form's figures
// have at most 6 decimal places, and rates and scores a few more.
const maxExp = 32

// bounds holds ±10^18 × 10^e for every exponent e the fast path handles,
// built once: immutable values, like pow10.
var bounds = func() (b [2*maxExp + 1]struct{ lo, hi decimal.Decimal }) {
	for i := range b {
		e := int32(i - maxExp)
		b[i].hi = decimal.New(1e18, e)
		b[i].lo = decimal.New(-1e18, e)
	}
	return b
}()

// MulPow10 returns c × 10^k, or ok = false if it does not fit in an int64
// (or is math.MinInt64, which has no negation).
func MulPow10(c int64, k int64) (int64, bool) {
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

// align returns a and b as coefficients of the same exponent, the smaller
// of theirs, as decimal.RescalePair does.
func align(a, b decimal.Decimal) (ca, cb int64, e int32, ok bool) {
	ca, ea, ok := Small(a)
	if !ok {
		return 0, 0, 0, false
	}
	cb, eb, ok := Small(b)
	if !ok {
		return 0, 0, 0, false
	}
	switch {
	case ea > eb:
		ca, ok = MulPow10(ca, int64(ea)-int64(eb))
		return ca, cb, eb, ok
	case eb > ea:
		cb, ok = MulPow10(cb, int64(eb)-int64(ea))
		return ca, cb, ea, ok
	}
	return ca, cb, ea, true
}

// Add returns a + b, as a.Add(b) does: the exponent of the sum is the
// smaller of the two.
func Add(a, b decimal.Decimal) decimal.Decimal {
	if ca, cb, e, ok := align(a, b); ok {
		if s, overflow := addInt64(ca, cb); !overflow {
			return decimal.New(s, e)
		}
	}
	return a.Add(b)
}

func addInt64(a, b int64) (int64, bool) {
	s := a + b
	// Overflow when both operands have the same sign and the sum the other.
	return s, (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0)
}

// Cmp compares a and b: -1, 0 or +1, as a.Cmp(b) does.
func Cmp(a, b decimal.Decimal) int {
	if ca, cb, _, ok := align(a, b); ok {
		switch {
		case ca < cb:
			return -1
		case ca > cb:
			return 1
		}
		return 0
	}
	return a.Cmp(b)
}

// Within reports whether |a − b| ≤ |tol|: whether a printed figure agrees
// with a computed one within a tolerance.
func Within(a, b, tol decimal.Decimal) bool {
	if ca, cb, e, ok := align(a, b); ok && cb != math.MinInt64 {
		if diff, overflow := addInt64(ca, -cb); !overflow {
			if le, ok := leAbs(diff, e, tol); ok {
				return le
			}
		}
	}
	return a.Sub(b).Abs().Cmp(tol.Abs()) <= 0
}

// leAbs reports whether |c × 10^e| ≤ |t|; ok is false when that cannot be
// told in 64 bits.
func leAbs(c int64, e int32, t decimal.Decimal) (le, ok bool) {
	ct, et, ok := Small(t)
	if !ok {
		return false, false
	}
	switch {
	case e > et:
		c, ok = MulPow10(c, int64(e)-int64(et))
	case et > e:
		ct, ok = MulPow10(ct, int64(et)-int64(e))
	}
	if !ok {
		return false, false
	}
	return abs64(c) <= abs64(ct), true
}

// DivRoundHalfUp returns n/d rounded half up (away from zero on a tie, 四舍
// 五入) to the given places, exactly, whatever the size of the operands:
// an integer division and its remainder, on machine integers when they
// fit, else on the decimal library's. d must not be zero.
func DivRoundHalfUp(n, d decimal.Decimal, places int32) decimal.Decimal {
	if q, ok := divRoundHalfUp64(n, d, places); ok {
		return decimal.New(q, -places)
	}
	return divRoundHalfUpBig(n, d, places)
}

var one = decimal.NewFromInt(1)

// divRoundHalfUpBig is DivRoundHalfUp on the decimal library's big
// integers: any size.
func divRoundHalfUpBig(n, d decimal.Decimal, places int32) decimal.Decimal {
	q, r := n.Shift(places).QuoRem(d, 0)
	if r.Abs().Mul(decimal.NewFromInt(2)).Cmp(d.Abs()) >= 0 {
		if n.Sign()*d.Sign() < 0 {
			q = q.Sub(one)
		} else {
			q = q.Add(one)
		}
	}
	return q.Shift(-places)
}

// divRoundHalfUp64 is DivRoundHalfUp on machine integers: the coefficient
// q of the result q × 10^-places, or ok = false when an operand or an
// intermediate product does not fit.
//
// n/d × 10^p = cn × 10^(en+p-ed) / cd, so one side is scaled by a power
// of ten, then divided with its remainder, and the quotient moves one
// away from zero when twice the remainder reaches the divisor.
func divRoundHalfUp64(n, d decimal.Decimal, places int32) (int64, bool) {
	cn, en, ok := Small(n)
	if !ok {
		return 0, false
	}
	cd, ed, ok := Small(d)
	if !ok || cd == 0 {
		return 0, false
	}
	k := int64(en) + int64(places) - int64(ed)
	num, den := cn, cd
	if k >= 0 {
		num, ok = MulPow10(cn, k)
	} else {
		den, ok = MulPow10(cd, -k)
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
