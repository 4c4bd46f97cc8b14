package rubric_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
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

// decodeForm reads a department-evaluation form file with the file
// format's decoder.
func decodeForm(name string, data []byte) (*evaluation.DepartmentEvaluationForm, error) {
	f, err := evaluation.Decode(name, data)
	if err != nil {
		return nil, err
	}
	de, ok := f.(*evaluation.DepartmentEvaluationForm)
	if !ok {
		return nil, fmt.Errorf("%s: a %s, not a department evaluation", name, f.Kind())
	}
	return de, nil
}
