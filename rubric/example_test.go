package rubric_test

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/rubric"
)

// A rubric built in Go: one item, 在职人员控制率 at 0.5 a point over 100%.
func ExampleNew() {
	pct := func(s string) *budget.Rate { r := budget.MustParsePercent(s); return &r }
	r, err := rubric.New(rubric.Definition{
		Name: "city-2024",
		Items: []rubric.Item{{
			Path:     []string{"投入", "预算配置", "在职人员控制率"},
			Weight:   decimal.NewFromInt(8),
			Standard: "以100%为标准，≤100%计8分；每超过一个百分点扣0.5分，扣完为止。",
			Measure:  rubric.Measure{Name: rubric.StaffControlRate},
			Deduct:   &rubric.Deduct{Above: pct("100%"), Step: *pct("1%"), Points: decimal.RequireFromString("0.5")},
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	authorized, actual := decimal.NewFromInt(50), decimal.NewFromInt(52)
	s := r.Score(rubric.Input{Basic: rubric.Basic{Staff: rubric.Staff{Authorized: &authorized, Actual: &actual}}})
	is := s.Items[0]
	fmt.Println(is.Score.StringFixed(2), is.Reason.Zh)
	fmt.Println(is.Reason.En)
	// Output:
	// 6.00 在职人员控制率 104.00%，超过100% 4个百分点，扣2分
	// staff control rate 104.00%, 4 percentage points above 100%: 2 points deducted
}

// A rubric file; its errors name the line.
func ExampleParse() {
	_, err := rubric.Parse("city.yaml", []byte(`kind: rubric
name: city-2024
items:
  - path: [过程, 预算执行, 预算控制率]
    weight: 8
    measure: supplement_rate
    bands:
      - {equal: 0%, score: 8}
      - {from: 0%, upto: 10%, score: 6}
`))
	fmt.Println(err)
	// Output:
	// city.yaml:9:9: items[0].bands[1]: bands overlap: bands[0] and bands[1] both hold 0%
}

// A shipped rubric scores a department; what the basic data lacks is
// unscored, never 0.
func ExampleBuiltin() {
	r, err := rubric.Builtin("hunan-county-2017")
	if err != nil {
		fmt.Println(err)
		return
	}
	amt := func(s string) *budget.Amount { a := budget.MustParseAmount(s, budget.TenThousandYuan); return &a }
	s := r.Score(rubric.Input{Basic: rubric.Basic{Budget: rubric.Budget{
		PriorCarryover: amt("19.8"), Initial: amt("1922.76"), Supplementary: amt("767.86"), YearEndBalance: amt("19.8"),
	}}})
	for _, is := range s.Items {
		score := "—"
		if is.Score != nil {
			score = is.Score.StringFixed(2)
		}
		fmt.Printf("%-8s %6s  %s\n", is.Status, score, is.Reason.En)
	}
	fmt.Println("total", s.Total.StringFixed(2), "complete", s.Complete)
	// Output:
	// unscored      —  staff control rate undefined (staff in post, authorized staff not given): not scored
	// unscored      —  three-public change rate undefined (this year's three-public budget, last year's three-public budget not given): not scored
	// scored     5.00  budget completion rate 99.27%, 0.73 percentage points below 100%: less than one step (2 points per 5 percentage points), nothing deducted
	// scored     0.00  supplement rate 39.94%, above 30%: 0 points
	// scored     5.00  building area control rate undefined (floor area built, approved floor area not given): full marks by the rubric, 5 points
	// absent        —  the source does not show this row's points or standard: not scored
	// total 10.00 complete false
}

// The sheet as JSON, the score object of the report, with reasons in the
// language asked for.
func ExampleSheet_MarshalJSON() {
	r := rubric.MustNew(rubric.Definition{Name: "example", Items: []rubric.Item{{
		Path: []string{"过程", "预算管理", "资金使用合规性"}, Weight: decimal.NewFromInt(3),
		Violations: &rubric.Violations{PointsEach: decimal.NewFromInt(1)},
	}}})
	one := decimal.NewFromInt(1)
	s := r.Score(rubric.Input{Judgements: map[string]rubric.Judgement{"过程/预算管理/资金使用合规性": {Violations: &one}}})
	b, _ := json.Marshal(s.In(rubric.English))
	fmt.Println(string(b))
	// Output:
	// {"total":"2.00","grade":null,"complete":false,"unscored_weight":"0","rubric":"example","items":[{"path":["过程","预算管理","资金使用合规性"],"weight":"3","measure":null,"value":null,"score":"2.00","status":"scored","reason":"1 violation at 1 point each: 1 point deducted"}]}
}

// A measure computed exactly; an undefined one is an error, never 0%.
func ExampleMeasure_Of() {
	amt := func(s string) *budget.Amount { a := budget.MustParseAmount(s, budget.TenThousandYuan); return &a }
	b := rubric.Basic{ThreePublic: rubric.ThreePublic{Budget: amt("63.46"), PreviousBudget: amt("32"), Actual: amt("44.29")}}
	r, err := rubric.Measure{Name: rubric.ThreePublicChangeRate}.Of(b)
	fmt.Println(r.Format(2), err)
	_, err = rubric.Measure{Name: rubric.ThreePublicChangeRate, Basis: rubric.BasisActual}.Of(b)
	fmt.Println(err)
	// Output:
	// 98.31% <nil>
	// rubric: three_public_change_rate (basis actual): three_public.previous_actual not given
}

// The comparisons the rubric.* rules report.
func ExampleSheet_ScoreMismatches() {
	r := rubric.MustNew(rubric.Definition{Name: "example", Items: []rubric.Item{{
		Path: []string{"投入", "目标设定", "绩效目标合理性"}, Weight: decimal.NewFromInt(2), Judged: true,
	}}})
	score, reported := decimal.RequireFromString("1.25"), decimal.RequireFromString("1.2")
	s := r.Score(rubric.Input{
		Judgements: map[string]rubric.Judgement{"投入/目标设定/绩效目标合理性": {Score: &score}},
		Reported:   rubric.Reported{Scores: map[string]*decimal.Decimal{"投入/目标设定/绩效目标合理性": &reported}},
	})
	for _, m := range s.ScoreMismatches(decimal.Zero) {
		fmt.Println(m.Key, "reported", m.Reported, "computed", m.Computed)
	}
	fmt.Println("weights off:", s.WeightsOff(), "unscored:", len(s.UnscoredItems()))
	// Output:
	// 投入/目标设定/绩效目标合理性 reported 1.2 computed 1.3
	// weights off: true unscored: 0
}
