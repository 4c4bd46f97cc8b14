package budget_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
)

func wan(s string) *budget.Amount {
	a := budget.MustParseAmount(s, budget.TenThousandYuan)
	return &a
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string // decimal text, or "" for an error
		err  error
	}{
		{"2395.15", "2395.15", nil},
		{"2,394.83", "2394.83", nil},
		{"1,234,567.5", "1234567.5", nil},
		{"２３９４．８３", "2394.83", nil},
		{" 16.6 ", "16.6", nil},
		{"-3", "-3", nil},
		{"+3", "3", nil},
		{".5", "0.5", nil},
		{"0", "0", nil},
		{"123456789012345678", "123456789012345678", nil},
		{"0000000000000000000001", "1", nil},
		{"1.123456", "1.123456", nil},
		{"", "", budget.ErrSyntax},
		{"   ", "", budget.ErrSyntax},
		{"2,394.83.5", "", budget.ErrSyntax},
		{"23,94", "", budget.ErrSyntax},
		{",394", "", budget.ErrSyntax},
		{"1e999999999", "", budget.ErrSyntax},
		{"1E5", "", budget.ErrSyntax},
		{"NaN", "", budget.ErrSyntax},
		{"Inf", "", budget.ErrSyntax},
		{"5.", "", budget.ErrSyntax},
		{"-", "", budget.ErrSyntax},
		{"1 000", "", budget.ErrSyntax},
		{"0x10", "", budget.ErrSyntax},
		{"1234567890123456789", "", budget.ErrRange},
		{"1.1234567", "", budget.ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := budget.ParseNumber(tt.in)
			if tt.err != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, tt.err)
				var ne *budget.NumberError
				require.ErrorAs(t, err, &ne)
				assert.Equal(t, tt.in, ne.Value)
				return
			}
			require.NoError(t, err)
			assert.True(t, got.Equal(decimal.RequireFromString(tt.want)), "got %s", got)
		})
	}
}

func TestParseNumberKeepsPlaces(t *testing.T) {
	d, err := budget.ParseNumber("16.60")
	require.NoError(t, err)
	assert.Equal(t, int32(-2), d.Exponent())
}

func TestAmountString(t *testing.T) {
	tests := map[string]string{
		"16.6": "16.60", "89.974": "89.974", "507": "507.00", "0": "0.00", "-1.5": "-1.50", "2,394.83": "2394.83",
	}
	for in, want := range tests {
		assert.Equal(t, want, wan(in).String(), in)
	}
	assert.Equal(t, "507.49万元", wan("507.49").Format())
}

func TestAmountArithmeticIsExactAndPure(t *testing.T) {
	a := budget.MustParseAmount("9999999999999999.99", budget.Yuan)
	b := budget.MustParseAmount("0.01", budget.Yuan)
	sum := a.Add(b)
	assert.Equal(t, "10000000000000000.00", sum.String())
	// Operands are unchanged.
	assert.Equal(t, "9999999999999999.99", a.String())
	assert.Equal(t, "0.01", b.String())

	// Sixteen-digit amounts summed many times stay exact.
	x := budget.MustParseAmount("1234567890123456.78", budget.Yuan)
	total := budget.Sum(budget.Yuan, x, x, x, x, x, x, x, x, x, x)
	assert.Equal(t, "12345678901234567.80", total.String())
}

func TestUnitConversion(t *testing.T) {
	yi := budget.MustParseAmount("1.2345", budget.HundredMillionYuan)
	assert.Equal(t, "12345.00", yi.In(budget.TenThousandYuan).String())
	assert.Equal(t, "123450000.00", yi.In(budget.Yuan).String())
	assert.Equal(t, "0.000000012345", budget.MustParseAmount("1.2345", budget.Yuan).In(budget.HundredMillionYuan).String())

	w := budget.MustParseAmount("1", budget.TenThousandYuan)
	y := budget.MustParseAmount("5000", budget.Yuan)
	s := w.Add(y)
	assert.Equal(t, budget.Yuan, s.Unit(), "a sum takes the finer unit")
	assert.Equal(t, "15000.00", s.String())
	assert.Equal(t, 1, w.Cmp(y))
	assert.True(t, budget.MustParseAmount("10000", budget.Yuan).Equal(w))

	for in, want := range map[string]budget.Unit{"元": budget.Yuan, "万元": budget.TenThousandYuan, "单位：亿元": budget.HundredMillionYuan} {
		u, err := budget.ParseUnit(in)
		require.NoError(t, err)
		assert.Equal(t, want, u)
	}
	_, err := budget.ParseUnit("美元")
	assert.ErrorIs(t, err, budget.ErrUnknownUnit)
	var zero budget.Unit
	assert.Equal(t, "万元", zero.String(), "the zero unit is 万元")
}

func TestPercentParseAndFormat(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		str    string
	}{
		{"99.99%", 2, "99.99%"},
		{"100%", 0, "100%"},
		{"１００％", 0, "100%"},
		{"17.5 %", 1, "17.5%"},
		{"98.70%", 2, "98.70%"},
	}
	for _, tt := range tests {
		r, err := budget.ParsePercent(tt.in)
		require.NoError(t, err, tt.in)
		p, ok := r.Printed()
		assert.True(t, ok)
		assert.Equal(t, tt.places, p, tt.in)
		assert.Equal(t, tt.str, r.String())
	}
	for _, bad := range []string{"99.99", "%", "abc%", "1e5%", "99.99.1%"} {
		_, err := budget.ParsePercent(bad)
		assert.ErrorIs(t, err, budget.ErrSyntax, bad)
	}
}

func TestRateRoundsHalfUpExactly(t *testing.T) {
	tests := []struct {
		num, den string
		places   int32
		want     string
	}{
		{"2394.83", "2395.15", 2, "99.99%"},
		{"2394.83", "2395.15", 0, "100%"},
		{"507.49", "2902.64", 2, "17.48%"},
		{"1", "8", 2, "12.50%"},
		{"1", "8", 1, "12.5%"},
		{"1", "8", 0, "13%"},   // 12.5 → 13: half up, not to even
		{"5", "200", 0, "3%"},  // 2.5 → 3
		{"-1", "8", 0, "-13%"}, // away from zero on a tie
		{"1", "3", 2, "33.33%"},
		{"2", "3", 2, "66.67%"},
		{"0", "5", 2, "0.00%"},
		// 0.1249999…% rounds down to 0.12%: a quotient cut at twenty digits
		// would read 0.125% and round up. One exact rounding, not two.
		{"12499999999999999999", "10000000000000000000000", 2, "0.12%"},
	}
	for _, tt := range tests {
		r, err := budget.NewRate(decimal.RequireFromString(tt.num), decimal.RequireFromString(tt.den))
		require.NoError(t, err)
		assert.Equal(t, tt.want, r.Format(tt.places), "%s/%s", tt.num, tt.den)
	}
}

func TestRateZeroDenominator(t *testing.T) {
	_, err := budget.NewRate(decimal.NewFromInt(1), decimal.Zero)
	assert.ErrorIs(t, err, budget.ErrZeroDenominator)

	f := budget.Funds{AdjustedBudget: wan("0"), ActualExpenditure: wan("5"), InitialBudget: wan("0")}
	_, err = f.CompletionRate()
	assert.ErrorIs(t, err, budget.ErrZeroDenominator)
	var re *budget.RateError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "completion rate", re.Rate)
	_, err = f.AdjustmentRate()
	assert.ErrorIs(t, err, budget.ErrZeroDenominator)

	_, err = budget.Funds{}.ExecutionRate()
	assert.ErrorIs(t, err, budget.ErrMissing)
}

func TestRateMatchesAtPrintedPrecision(t *testing.T) {
	computed, err := budget.NewRate(decimal.RequireFromString("2394.83"), decimal.RequireFromString("2395.15"))
	require.NoError(t, err)
	tests := []struct {
		printed string
		want    bool
	}{
		{"99.99%", true},
		{"100%", true},
		{"100.0%", true},
		{"99.98%", false},
		{"99.9%", false},
		{"99.990%", false}, // 99.9866… rounds to 99.987 at three places
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, computed.Matches(budget.MustParsePercent(tt.printed), decimal.Zero), tt.printed)
	}
	assert.True(t, computed.Matches(budget.MustParsePercent("99.98%"), decimal.RequireFromString("0.01")), "within a tolerance of 0.01 points")
}

func TestRateCompare(t *testing.T) {
	a := budget.MustParsePercent("90%")
	b, _ := budget.NewRate(decimal.NewFromInt(9), decimal.NewFromInt(10))
	assert.True(t, a.Equal(b))
	c, _ := budget.NewRate(decimal.NewFromInt(-1), decimal.NewFromInt(-3))
	assert.Equal(t, "33.33%", c.String(), "a negative denominator is normalised")
	assert.Equal(t, -1, c.Cmp(a))
	assert.Equal(t, c, c.Min(budget.One()))
	var zero budget.Rate
	assert.Equal(t, "0.00%", zero.String())
}

func TestFundsTianhe2021(t *testing.T) {
	f := budget.Funds{
		AdjustedBudget:    wan("2395.15"),
		InitialBudget:     wan("2902.64"),
		ActualExpenditure: wan("2394.83"),
	}
	adj, ok := f.ComputedAdjustment()
	require.True(t, ok)
	assert.Equal(t, "507.49", adj.String())
	cr, err := f.CompletionRate()
	require.NoError(t, err)
	assert.Equal(t, "99.99%", cr.String())
	ar, err := f.AdjustmentRate()
	require.NoError(t, err)
	assert.Equal(t, "17.48%", ar.String())
	// The funds block is not modified by computing its figures.
	assert.Equal(t, "2395.15", f.AdjustedBudget.String())
}

func TestSourceKinds(t *testing.T) {
	kinds := budget.SourceKinds()
	assert.Len(t, kinds, 8)
	kinds[0] = "changed"
	assert.Equal(t, budget.GeneralPublicBudget, budget.SourceKinds()[0], "the list is a copy")
	assert.Equal(t, "一般公共预算", budget.GeneralPublicBudget.Label())
	assert.False(t, budget.SourceKind("bogus").Valid())
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"2395.15", "2,394.83", "1e999999999", "NaN", "-0.5", "２３", "2,394.83.5", "123456789012345678.123456"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := budget.ParseNumber(s)
		if err != nil {
			if !errors.Is(err, budget.ErrSyntax) && !errors.Is(err, budget.ErrRange) {
				t.Fatalf("%q: unexpected error kind %v", s, err)
			}
			return
		}
		// A parsed number prints and parses back to itself.
		back, err := budget.ParseNumber(d.String())
		if err != nil || !back.Equal(d) {
			t.Fatalf("%q → %s → %v, %v", s, d, back, err)
		}
		// And it is what the decimal library reads from the same digits,
		// exponent included, whichever path (int64 or big) parsed it.
		plain := strings.ReplaceAll(strings.TrimSpace(budget.FoldWidth(s)), ",", "")
		if want, err := decimal.NewFromString(plain); err == nil && (!want.Equal(d) || want.Exponent() != d.Exponent()) {
			t.Fatalf("%q: %s (exp %d), the decimal library reads %s (exp %d)", s, d, d.Exponent(), want, want.Exponent())
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"99.99%", "100%", "１００％", "1e9%", "%", "17.5 %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := budget.ParsePercent(s)
		if err != nil {
			return
		}
		back, err := budget.ParsePercent(r.String())
		if err != nil || !back.Equal(r) {
			t.Fatalf("%q → %s → %v, %v", s, r, back, err)
		}
	})
}

func ExampleFunds() {
	wan := func(s string) *budget.Amount {
		a := budget.MustParseAmount(s, budget.TenThousandYuan)
		return &a
	}
	// 天河区委政法委, 2021 (部门整体支出绩效自评表).
	f := budget.Funds{
		AdjustedBudget:    wan("2395.15"),
		InitialBudget:     wan("2902.64"),
		ActualExpenditure: wan("2394.83"),
	}
	adj, _ := f.ComputedAdjustment()
	completion, _ := f.CompletionRate()
	adjustment, _ := f.AdjustmentRate()
	fmt.Println("年度预算调整数", adj.Format())
	fmt.Println("预算完成率", completion)
	fmt.Println("预算调整率", adjustment)
	fmt.Println("at no decimals", completion.Format(0))
	// Output:
	// 年度预算调整数 507.49万元
	// 预算完成率 99.99%
	// 预算调整率 17.48%
	// at no decimals 100%
}

func ExampleRate_Matches() {
	computed, _ := budget.NewRate(decimal.RequireFromString("2394.83"), decimal.RequireFromString("2395.15"))
	for _, printed := range []string{"99.99%", "100%", "99.98%"} {
		fmt.Println(printed, computed.Matches(budget.MustParsePercent(printed), decimal.Zero))
	}
	// Output:
	// 99.99% true
	// 100% true
	// 99.98% false
}

func ExampleNewRate_zeroDenominator() {
	_, err := budget.NewRate(decimal.NewFromInt(5), decimal.Zero)
	fmt.Println(errors.Is(err, budget.ErrZeroDenominator))
	// Output: true
}

func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = budget.ParseNumber("2,394.83")
	}
}

func BenchmarkCompletionRate(b *testing.B) {
	f := budget.Funds{AdjustedBudget: wan("2395.15"), InitialBudget: wan("2902.64"), ActualExpenditure: wan("2394.83")}
	b.ReportAllocs()
	for b.Loop() {
		r, _ := f.CompletionRate()
		_ = r.Format(2)
	}
}

// An amount may carry its money unit as printed; it is converted exactly
// into the form's unit, so the same text means the same sum everywhere.
func TestParseAmountWithUnit(t *testing.T) {
	for _, tc := range []struct {
		in   string
		unit budget.Unit
		want string
	}{
		{"150万", budget.TenThousandYuan, "150"},
		{"150万元", budget.TenThousandYuan, "150"},
		{"620 万元", budget.TenThousandYuan, "620"},
		{"1,500,000元", budget.TenThousandYuan, "150"},
		{"0.015亿元", budget.TenThousandYuan, "150"},
		{"150万", budget.Yuan, "1500000"},
		{"2亿", budget.TenThousandYuan, "20000"},
		{"１５０万元", budget.TenThousandYuan, "150"},
		{"2395.15", budget.TenThousandYuan, "2395.15"},
	} {
		a, err := budget.ParseAmount(tc.in, tc.unit)
		require.NoError(t, err, tc.in)
		assert.True(t, a.Equal(budget.MustParseAmount(tc.want, tc.unit)), "%s in %s = %s, want %s", tc.in, tc.unit, a, tc.want)
		assert.Equal(t, tc.unit, a.Unit())
	}
	// Converted into a coarser unit an amount keeps at most six decimal
	// places: trailing zeros beyond them are dropped, a seventh digit is
	// refused (it could not be written back).
	a, err := budget.ParseAmount("0.000元", budget.TenThousandYuan)
	require.NoError(t, err)
	assert.Equal(t, int32(6), a.Places())
	a, err = budget.ParseAmount("0.01元", budget.TenThousandYuan)
	require.NoError(t, err)
	assert.True(t, a.Equal(budget.MustParseAmount("0.000001", budget.TenThousandYuan)))
	for _, bad := range []string{"150千元", "150美元", "万元", "150万万", "12x", "0.001元"} {
		_, err := budget.ParseAmount(bad, budget.TenThousandYuan)
		require.Error(t, err, bad)
		var ne *budget.NumberError
		require.ErrorAs(t, err, &ne)
		assert.Equal(t, bad, ne.Value)
	}
	num, u, ok := budget.CutUnit("150万")
	assert.Equal(t, "150", num)
	assert.Equal(t, budget.TenThousandYuan, u)
	assert.True(t, ok)
	_, _, ok = budget.CutUnit("150")
	assert.False(t, ok)
}
