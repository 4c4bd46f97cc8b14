package budget_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
)

func TestJSONIsPrintedText(t *testing.T) {
	type row struct {
		Amount *budget.Amount      `json:"amount"`
		Rate   budget.Rate         `json:"rate"`
		Unit   budget.Unit         `json:"unit"`
		Source budget.SourceKind   `json:"source"`
		Points budget.Points       `json:"points"`
		Units  map[budget.Unit]int `json:"units"`
	}
	in := row{
		Amount: budget.MustAmount("16.6"),
		Rate:   budget.MustParsePercent("99.99%"),
		Unit:   budget.Yuan,
		Source: budget.GeneralPublicBudget,
		Points: budget.MustParsePercent("85%").Times(decimal.NewFromInt(20)),
		Units:  map[budget.Unit]int{budget.HundredMillionYuan: 1},
	}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"amount":"16.6万元","rate":"99.99%","unit":"元","source":"general_public_budget","points":"17.00","units":{"亿元":1}}`, string(b))

	var out row
	require.NoError(t, json.Unmarshal(b, &out))
	assert.True(t, out.Amount.Equal(*in.Amount))
	assert.Equal(t, int32(1), out.Amount.Places(), "the written precision survives")
	assert.Equal(t, budget.TenThousandYuan, out.Amount.Unit())
	assert.True(t, out.Rate.Equal(in.Rate))
	places, printed := out.Rate.Printed()
	assert.Equal(t, int32(2), places)
	assert.True(t, printed)
	assert.Equal(t, budget.Yuan, out.Unit)
	assert.Equal(t, budget.GeneralPublicBudget, out.Source)
	assert.Equal(t, "17.00", out.Points.String())
}

func TestAmountTextKeepsUnitAndPlaces(t *testing.T) {
	for _, tt := range []struct{ in, text string }{
		{"150元", "150元"},
		{"0.015亿元", "0.015亿元"},
		{"16.60", "16.60万元"},
		{"-3", "-3万元"},
		{"1,500,000元", "1500000元"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			a := budget.MustAmount(tt.in)
			b, err := a.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(b))
			var back budget.Amount
			require.NoError(t, back.UnmarshalText(b))
			assert.True(t, back.Equal(*a))
			assert.Equal(t, a.Unit(), back.Unit())
			assert.Equal(t, a.Places(), back.Places())
		})
	}
}

func TestTextRefusesNonsense(t *testing.T) {
	var a budget.Amount
	assert.ErrorIs(t, a.UnmarshalText([]byte("12x")), budget.ErrSyntax)
	var r budget.Rate
	assert.ErrorIs(t, r.UnmarshalText([]byte("99.99")), budget.ErrSyntax)
	var u budget.Unit
	assert.ErrorIs(t, u.UnmarshalText([]byte("美元")), budget.ErrUnknownUnit)
	var k budget.SourceKind
	assert.ErrorIs(t, k.UnmarshalText([]byte("lottery")), budget.ErrUnknownSource)
	_, err := budget.SourceKind("lottery").MarshalText()
	assert.ErrorIs(t, err, budget.ErrUnknownSource)
	_, err = budget.Unit(9).MarshalText()
	assert.ErrorIs(t, err, budget.ErrUnknownUnit)
}

func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{
		"2394.83":    "2394.83",
		"12345.6":    "12,345.60",
		"-1234567":   "-1,234,567.00",
		"123456.789": "123,456.789",
		"0.5":        "0.50",
	} {
		assert.Equal(t, want, budget.MustAmount(in).Grouped(), in)
	}
}

// A rate is compared with a limit as it is shown: 94.995/100 is shown
// 95.00%, so it is at least 95% (the built-in funds.low-execution agrees).
func TestRateComparedAsShown(t *testing.T) {
	d := decimal.RequireFromString
	r, err := budget.NewRate(d("94.995"), d("100"))
	require.NoError(t, err)
	limit := budget.MustParsePercent("95%")
	assert.Equal(t, -1, r.Cmp(limit), "exactly, it is below")
	assert.True(t, r.AtLeast(limit))
	assert.False(t, r.Below(limit))
	assert.True(t, r.AtMost(limit))
	assert.False(t, r.Above(limit))

	below, _ := budget.NewRate(d("94.994"), d("100"))
	assert.True(t, below.Below(limit))
	// A limit written finer than two decimals is compared at its places.
	assert.True(t, below.Below(budget.MustParsePercent("94.995%")))
	assert.True(t, r.AtLeast(budget.MustParsePercent("94.995%")))
	// A printed rate is shown as printed.
	assert.True(t, budget.MustParsePercent("95%").AtLeast(limit))
	assert.True(t, budget.MustParsePercent("94.9%").Below(limit))
	// Comparisons leave the operands unchanged.
	assert.Equal(t, "95.00%", r.String())
}

func TestPoints(t *testing.T) {
	d := decimal.RequireFromString
	p, err := budget.NewPoints(d("170"), d("9"))
	require.NoError(t, err)
	assert.Equal(t, "18.89", p.String(), "points, never a percentage")
	assert.True(t, p.Matches(d("18.89"), decimal.Zero))
	assert.True(t, p.Matches(d("19"), decimal.Zero), "printed with no decimals")
	assert.True(t, p.Matches(d("18.9"), decimal.Zero))
	assert.False(t, p.Matches(d("18.8"), decimal.Zero))
	assert.True(t, p.AtLeast(d("18.89")))
	assert.True(t, p.Below(d("18.9")))
	assert.True(t, p.AtLeast(d("18.889")), "18.888… shown at the limit's three places is 18.889")
	_, err = budget.NewPoints(d("1"), decimal.Zero)
	assert.ErrorIs(t, err, budget.ErrZeroDenominator)
	neg, _ := budget.NewPoints(d("1"), d("-4"))
	assert.Equal(t, "-0.25", neg.String())
	assert.True(t, budget.PointsOf(d("10")).Equal(budget.MustParsePercent("100%").Times(d("10"))))
}

func TestMustConstructorsPanicOnBadLiterals(t *testing.T) {
	assert.Panics(t, func() { budget.MustAmount("x") })
	assert.Panics(t, func() { budget.MustRate("50") })
	assert.Panics(t, func() { budget.MustNumber("1e5") })
	assert.Equal(t, "9.5", budget.MustNumber("9.5").String())
	assert.Equal(t, "100%", budget.MustRate("100%").String())
}

func ExampleRate_AtLeast() {
	r, _ := budget.RateOf(*budget.MustAmount("94.995"), *budget.MustAmount("100"))
	fmt.Println(r, r.AtLeast(budget.MustParsePercent("95%")), r.Cmp(budget.MustParsePercent("95%")))
	// Output: 95.00% true -1
}

func ExampleMustAmount() {
	f := budget.Funds{AdjustedBudget: budget.MustAmount("100"), ActualExpenditure: budget.MustAmount("500000元")}
	r, _ := f.ExecutionRate()
	fmt.Println(r)
	// Output: 50.00%
}

// Whatever text an amount reads from, it writes text that reads back to
// the same amount in the same unit at the same precision.
func FuzzAmountText(f *testing.F) {
	for _, s := range []string{"16.6", "16.60万元", "1,500,000元", "0.015亿元", "-3", "２３９４．８３", "150万", "1e5", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var a budget.Amount
		if err := a.UnmarshalText([]byte(s)); err != nil {
			return
		}
		b, err := a.MarshalText()
		if err != nil {
			t.Fatalf("marshal %q: %v", s, err)
		}
		var back budget.Amount
		if err := back.UnmarshalText(b); err != nil {
			t.Fatalf("%q wrote %q, which does not read: %v", s, b, err)
		}
		if !back.Equal(a) || back.Unit() != a.Unit() || back.Places() != a.Places() {
			t.Fatalf("%q → %q → %s%s", s, b, back.Text(), back.Unit())
		}
		if g := a.Grouped(); len(g) < len(a.String()) {
			t.Fatalf("Grouped %q shorter than %q", g, a.String())
		}
	})
}
