package rubric_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rubric/rubrictest"
)

func rubrictestInput(t testing.TB, yaml string) rubric.Input { return rubrictest.Input(t, yaml) }

func decimalOf(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func pct(s string) *budget.Rate {
	r := budget.MustParsePercent(s)
	return &r
}

// parse reads a rubric file, failing the test on an error.
func parse(t testing.TB, yaml string) rubric.Rubric {
	t.Helper()
	r, err := rubric.Parse("test.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func rubricRate(n, d int64) (budget.Rate, error) { return budget.NewRate(decimalOf(n), decimalOf(d)) }
