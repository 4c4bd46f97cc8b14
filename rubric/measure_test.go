package rubric_test

import (
	"errors"
	"testing"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rubric/rubrictest"
)

// The basic data of the worked example (a 2018 基础数据表), with the
// figures it does not give filled in for the measures that need them.
const fullBasic = `
basic:
  staff: {authorized: 143, actual: 136}
  three_public: {budget: 63.46, previous_budget: 32, actual: 44.29, previous_actual: 29.08}
  budget: {prior_carryover: 19.8, initial: 1922.76, supplementary: 767.86, adjusted: 2690.62, adjustment: 0, year_end_balance: 19.8}
  key_project_spending: 1200
  project_spending: 1500
  public_expenses: {budget: 18.3, actual: 26.04}
  procurement: {budget: 30.66, actual: 30.66}
  fixed_assets: {in_use: 800, total: 820}
  buildings: {approved_area: 1200, actual_area: 1260}
`

func TestMeasures(t *testing.T) {
	in := rubrictest.Input(t, fullBasic)
	for _, tc := range []struct {
		m    rubric.Measure
		want string // at two decimals of a percentage
	}{
		{rubric.Measure{Name: rubric.StaffControlRate}, "95.10%"},                                 // 136/143
		{rubric.Measure{Name: rubric.ThreePublicChangeRate}, "98.31%"},                            // (63.46−32)/32
		{rubric.Measure{Name: rubric.ThreePublicChangeRate, Basis: rubric.BasisBudget}, "98.31%"}, // the same, named
		{rubric.Measure{Name: rubric.ThreePublicChangeRate, Basis: rubric.BasisActual}, "52.30%"}, // (44.29−29.08)/29.08
		{rubric.Measure{Name: rubric.ThreePublicControlRate}, "69.79%"},                           // 44.29/63.46
		{rubric.Measure{Name: rubric.KeySpendingRate}, "80.00%"},                                  // 1200/1500
		{rubric.Measure{Name: rubric.BudgetCompletionRate}, "99.27%"},                             // 2690.62/2710.42
		{rubric.Measure{Name: rubric.SupplementRate}, "39.94%"},                                   // 767.86/1922.76
		{rubric.Measure{Name: rubric.AdjustmentRate}, "0.00%"},                                    // 0/1922.76
		{rubric.Measure{Name: rubric.CarryoverRate}, "0.73%"},                                     // 19.8/2710.42
		{rubric.Measure{Name: rubric.CarryoverRate, Basis: rubric.BasisSpent}, "0.74%"},           // 19.8/2690.62
		{rubric.Measure{Name: rubric.CarryoverChangeRate}, "0.00%"},                               // (19.8−19.8)/19.8
		{rubric.Measure{Name: rubric.PublicExpenseControlRate}, "142.30%"},                        // 26.04/18.3
		{rubric.Measure{Name: rubric.ProcurementRate}, "100.00%"},                                 // 30.66/30.66
		{rubric.Measure{Name: rubric.FixedAssetUseRate}, "97.56%"},                                // 800/820
		{rubric.Measure{Name: rubric.BuildingAreaControlRate}, "105.00%"},                         // 1260/1200
	} {
		r, err := tc.m.Of(in.Basic)
		if err != nil {
			t.Errorf("%s: %v", tc.m, err)
			continue
		}
		if got := r.Format(2); got != tc.want {
			t.Errorf("%s = %s; want %s", tc.m, got, tc.want)
		}
	}
}

// A measure is exact: its value is the fraction itself, rounded once.
func TestMeasureExact(t *testing.T) {
	in := rubrictest.Input(t, `basic: {staff: {authorized: 3, actual: 2}}`)
	r, err := rubric.Measure{Name: rubric.StaffControlRate}.Of(in.Basic)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := budget.NewRate(decimalOf(2), decimalOf(3)); !r.Equal(want) {
		t.Errorf("2/3 = %s; not exact", r)
	}
	if got := r.Format(4); got != "66.6667%" {
		t.Errorf("2/3 at 4 places = %s", got)
	}
}

func TestMeasureUndefined(t *testing.T) {
	for _, tc := range []struct {
		name     string
		m        rubric.Measure
		basic    string
		sentinel error
		missing  []string
	}{
		{"nothing given", rubric.Measure{Name: rubric.StaffControlRate}, `basic: {}`, budget.ErrMissing, []string{"staff.actual", "staff.authorized"}},
		{"zero denominator", rubric.Measure{Name: rubric.StaffControlRate}, `basic: {staff: {authorized: 0, actual: 3}}`, budget.ErrZeroDenominator, nil},
		{"basis actual needs last year's spending", rubric.Measure{Name: rubric.ThreePublicChangeRate, Basis: rubric.BasisActual},
			`basic: {three_public: {budget: 1, previous_budget: 1, actual: 1}}`, budget.ErrMissing, []string{"three_public.previous_actual"}},
		{"nothing spent", rubric.Measure{Name: rubric.CarryoverRate, Basis: rubric.BasisSpent},
			`basic: {budget: {prior_carryover: 5, initial: 0, supplementary: 0, year_end_balance: 5}}`, budget.ErrZeroDenominator, nil},
		{"no carry-over", rubric.Measure{Name: rubric.CarryoverChangeRate}, `basic: {budget: {prior_carryover: 0, year_end_balance: 5}}`, budget.ErrZeroDenominator, nil},
		{"adjustment without adjusted or supplementary", rubric.Measure{Name: rubric.AdjustmentRate}, `basic: {budget: {initial: 100}}`, budget.ErrMissing, []string{"budget.adjustment"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.m.Of(rubrictest.Input(t, tc.basic).Basic)
			var me *rubric.MeasureError
			if !errors.As(err, &me) || !errors.Is(err, tc.sentinel) {
				t.Fatalf("err = %v; want a *MeasureError wrapping %v", err, tc.sentinel)
			}
			if len(me.Missing) != len(tc.missing) {
				t.Fatalf("missing %q; want %q", me.Missing, tc.missing)
			}
			for i := range tc.missing {
				if me.Missing[i] != tc.missing[i] {
					t.Errorf("missing %q; want %q", me.Missing, tc.missing)
				}
			}
		})
	}
}

// 预算调整数 and 调整后预算 are read by default when not given, and the
// value is the same as when they are given.
func TestAdjustmentDefaults(t *testing.T) {
	m := rubric.Measure{Name: rubric.AdjustmentRate}
	for _, tc := range []struct{ basic, want string }{
		{`basic: {budget: {initial: 200, adjustment: 10}}`, "5.00%"},
		{`basic: {budget: {initial: 200, adjusted: 230}}`, "15.00%"},
		{`basic: {budget: {initial: 200, adjusted: 170}}`, "15.00%"},
		{`basic: {budget: {initial: 200, supplementary: 50}}`, "25.00%"},
		{`basic: {budget: {initial: 200, supplementary: 50, adjusted: 240}}`, "20.00%"},
	} {
		r, err := m.Of(rubrictest.Input(t, tc.basic).Basic)
		if err != nil || r.Format(2) != tc.want {
			t.Errorf("%s: %v, %v; want %s", tc.basic, r, err, tc.want)
		}
	}
}

// Amounts in different units divide exactly.
func TestMeasureUnits(t *testing.T) {
	yuan := budget.MustParseAmount("300000", budget.Yuan)
	wan := budget.MustParseAmount("40", budget.TenThousandYuan)
	b := rubric.Basic{Procurement: rubric.Planned{Budget: &wan, Actual: &yuan}}
	r, err := rubric.Measure{Name: rubric.ProcurementRate}.Of(b)
	if err != nil || r.Format(2) != "75.00%" {
		t.Errorf("30万 of 40万 = %v, %v", r, err)
	}
}

func TestUnknownMeasure(t *testing.T) {
	_, err := rubric.Measure{Name: "staff_contrl_rate"}.Of(rubric.Basic{})
	if !errors.Is(err, rubric.ErrUnknownMeasure) {
		t.Errorf("err = %v", err)
	}
	_, err = rubric.Measure{Name: rubric.StaffControlRate, Basis: rubric.BasisSpent}.Of(rubric.Basic{})
	if !errors.Is(err, rubric.ErrUnknownBasis) {
		t.Errorf("err = %v", err)
	}
}

func TestMeasuresList(t *testing.T) {
	ms := rubric.Measures()
	if len(ms) != 13 {
		t.Fatalf("%d measures", len(ms))
	}
	figs := rubric.Figures(rubrictest.Input(t, fullBasic).Basic)
	if len(figs) != len(ms) {
		t.Fatalf("%d figures for %d measures", len(figs), len(ms))
	}
	for i, m := range ms {
		if m.Label.Zh == "" || m.Label.En == "" || len(m.Bases) == 0 || m.Bases[0] != rubric.BasisBudget {
			t.Errorf("%s: %+v", m.Name, m)
		}
		if figs[i].Measure.Name != m.Name || figs[i].Value == nil {
			t.Errorf("figure %d: %+v", i, figs[i])
		}
	}
	none := rubric.Figures(rubric.Basic{})
	for _, f := range none {
		if f.Value != nil || f.Err == nil {
			t.Errorf("%s of nothing: %v, %v", f.Measure, f.Value, f.Err)
		}
	}
}
