package budget

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// ParseNumber builds small coefficients itself; the decimal it returns
// must be the one the decimal library's parser gives, exponent included.
func TestParseNumberIntegerPathMatchesLibrary(t *testing.T) {
	for _, s := range []string{
		"0", "-0", "0.0", "-0.00", "007", "16.60", "2394.83", "-2394.83", ".5", "1,234,567.891",
		"123456789012345678", "12345678901234567.8", "1234567890123.456789",
		"999999999999999999", "-999999999999999999", "0.000001", "000000000000000000001.5",
		"123456789012345678.9", "999999999999999999.999999", "-12345678901234567.89", // 19+ digits: library path
	} {
		got, err := ParseNumber(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		clean := strings.ReplaceAll(s, ",", "")
		want := decimal.RequireFromString(clean)
		if !got.Equal(want) || got.Exponent() != want.Exponent() || got.String() != want.String() {
			t.Errorf("%q: got %s (exp %d), want %s (exp %d)", s, got, got.Exponent(), want, want.Exponent())
		}
	}
}
