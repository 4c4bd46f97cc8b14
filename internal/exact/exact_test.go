package exact

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// The integer path of divRoundHalfUp must give exactly what the big-integer
// path gives, or decline. Edge values (powers of ten, where NumDigits may
// miscount; the int64 limits; ties) and a few hundred thousand random
// operands are checked against divRoundHalfUpBig.
func TestDivRoundHalfUp64MatchesBig(t *testing.T) {
	coeffs := []int64{0, 1, -1, 2, 3, 5, 7, 9, 10, 15, 25, 99, 100, 101, 239483, 239515,
		999_999_999_999_999, 1_000_000_000_000_000, 99_999_999_999_999_999, 100_000_000_000_000_000,
		999_999_999_999_999_999, 1_000_000_000_000_000_000, math.MaxInt64, math.MinInt64, math.MinInt64 + 1,
		1 << 53, 1<<53 + 1, -(1 << 53), 9_007_199_254_740_993}
	exps := []int32{-8, -6, -4, -2, -1, 0, 1, 2, 5, 18}
	check := func(t *testing.T, n, d decimal.Decimal, places int32) {
		t.Helper()
		if d.IsZero() {
			return
		}
		want := divRoundHalfUpBig(n, d, places)
		q, ok := divRoundHalfUp64(n, d, places)
		if !ok {
			return
		}
		if got := decimal.New(q, -places); !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Fatalf("%s / %s at %d places: integer path %s, big path %s", n, d, places, got, want)
		}
	}
	for _, a := range coeffs {
		for _, b := range coeffs {
			for _, ea := range exps {
				for _, eb := range exps {
					for _, p := range []int32{0, 2, 4} {
						check(t, decimal.New(a, ea), decimal.New(b, eb), p)
					}
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	taken := 0
	for range 300_000 {
		a := rng.Int64N(2_000_000_000_000) - 1_000_000_000_000
		b := rng.Int64N(2_000_000_000) - 1_000_000_000
		if rng.IntN(4) == 0 { // ties and near-ties
			b = 2 * (rng.Int64N(1000) + 1)
			a = b*rng.Int64N(1000) + b/2 + rng.Int64N(3) - 1
		}
		n, d := decimal.New(a, -rng.Int32N(7)), decimal.New(b, -rng.Int32N(7))
		p := rng.Int32N(7)
		check(t, n, d, p)
		if _, ok := divRoundHalfUp64(n, d, p); ok {
			taken++
		}
	}
	if taken < 250_000 {
		t.Errorf("the integer path took only %d of 300,000 form-sized operands", taken)
	}
}

// Operands that cannot fit decline the integer path and still round right.
func TestDivRoundHalfUpLargeOperands(t *testing.T) {
	n := decimal.RequireFromString("123456789012345678901234.5")
	d := decimal.RequireFromString("3")
	if _, ok := divRoundHalfUp64(n, d, 2); ok {
		t.Fatal("a 25-digit coefficient took the integer path")
	}
	want := decimal.RequireFromString("41152263004115226300411.50")
	if got := DivRoundHalfUp(n, d, 2); !got.Equal(want) {
		t.Fatalf("got %s, want %s", got, want)
	}
}

func TestMulPow10(t *testing.T) {
	tests := []struct {
		c    int64
		k    int64
		want int64
		ok   bool
	}{
		{0, 400, 0, true},
		{5, 0, 5, true},
		{-5, 3, -5000, true},
		{9, 18, 9_000_000_000_000_000_000, true},
		{10, 18, 0, false},
		{1, 19, 0, false},
		{math.MaxInt64, 1, 0, false},
		{math.MinInt64, 0, 0, false}, // has no int64 negation
		{7, -1, 0, false},
	}
	for _, tt := range tests {
		got, ok := MulPow10(tt.c, tt.k)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("MulPow10(%d, %d) = %d, %v; want %d, %v", tt.c, tt.k, got, ok, tt.want, tt.ok)
		}
	}
}

// Add, Cmp and Within give exactly what the decimal library gives, on
// machine integers or not.
func TestAddCmpWithinMatchLibrary(t *testing.T) {
	vals := []decimal.Decimal{{}, decimal.Zero}
	for _, s := range []string{"0", "0.00", "1", "-1", "0.5", "2394.83", "-2394.830", "100", "1e3", "99.995",
		"9223372036854775807", "-9223372036854775808", "922337203685477580.7", "123456789012345678901234.5",
		"0.000001", "1e-18", "5e17", "-5e17"} {
		vals = append(vals, decimal.RequireFromString(s))
	}
	for _, a := range vals {
		for _, b := range vals {
			if got, want := Add(a, b), a.Add(b); !got.Equal(want) || got.Exponent() != want.Exponent() {
				t.Errorf("Add(%s, %s) = %s (exp %d), want %s (exp %d)", a, b, got, got.Exponent(), want, want.Exponent())
			}
			if got, want := Cmp(a, b), a.Cmp(b); got != want {
				t.Errorf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
			}
			for _, tol := range vals {
				if got, want := Within(a, b, tol), a.Sub(b).Abs().Cmp(tol.Abs()) <= 0; got != want {
					t.Errorf("Within(%s, %s, %s) = %v, want %v", a, b, tol, got, want)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		a := decimal.New(rng.Int64N(2_000_000_000)-1_000_000_000, -rng.Int32N(7))
		b := decimal.New(rng.Int64N(2_000_000_000)-1_000_000_000, -rng.Int32N(7))
		tol := decimal.New(rng.Int64N(1000), -rng.Int32N(4))
		if got, want := Add(a, b), a.Add(b); !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Fatalf("Add(%s, %s) = %s, want %s", a, b, got, want)
		}
		if got, want := Cmp(a, b), a.Cmp(b); got != want {
			t.Fatalf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
		}
		if got, want := Within(a, b, tol), a.Sub(b).Abs().Cmp(tol.Abs()) <= 0; got != want {
			t.Fatalf("Within(%s, %s, %s) = %v, want %v", a, b, tol, got, want)
		}
	}
}

// Small takes coefficients below 10^18 in magnitude at the exponents it
// handles, and nothing else; the zero Decimal and decimal.Zero included.
func TestSmall(t *testing.T) {
	tests := []struct {
		d  decimal.Decimal
		c  int64
		ok bool
	}{
		{decimal.Decimal{}, 0, true},
		{decimal.Zero, 0, true},
		{decimal.New(0, -3), 0, true},
		{decimal.New(999_999_999_999_999_999, -2), 999_999_999_999_999_999, true},
		{decimal.New(-999_999_999_999_999_999, 5), -999_999_999_999_999_999, true},
		{decimal.New(1_000_000_000_000_000_000, -2), 0, false},
		{decimal.New(-1_000_000_000_000_000_000, 0), 0, false},
		{decimal.New(math.MaxInt64, 0), 0, false},
		{decimal.RequireFromString("123456789012345678901234.5"), 0, false},
		{decimal.New(7, 32), 7, true},
		{decimal.New(7, 33), 0, false},
		{decimal.New(7, -33), 0, false},
	}
	for _, tt := range tests {
		c, e, ok := Small(tt.d)
		if ok != tt.ok || ok && (c != tt.c || e != tt.d.Exponent()) {
			t.Errorf("Small(%s) = %d, %d, %v; want %d, %d, %v", tt.d, c, e, ok, tt.c, tt.d.Exponent(), tt.ok)
		}
	}
}
