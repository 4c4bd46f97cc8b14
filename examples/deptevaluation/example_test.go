package deptevaluation_test

import (
	"context"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/batch"
	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rules"
)

// Score a department by the rubric its form names (a shipped one) and
// check the sheet as filed against it.
func Example() {
	form, err := evaluation.ReadFile("form.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := evaluation.Evaluate(form, rules.NationalProfile())
	for _, is := range rep.Sheet.Items[:4] {
		score := "—"
		if is.Score != nil {
			score = is.Score.StringFixed(2)
		}
		fmt.Printf("%s %s/%s  %s\n", is.Path[2], score, is.Weight, is.Reason.Zh)
	}
	fmt.Println("total", rep.Sheet.Total.StringFixed(2), "complete", rep.Sheet.Complete)
	for _, f := range rep.Findings {
		fmt.Printf("%s %s: %s\n", f.Severity, f.Rule, f.Message.En)
	}
	// Output:
	// 财政供养人员控制率 2.55/5  在职人员控制率 104.90%，超过100% 4.9个百分点，扣2.45分
	// “三公经费”变动率 5.00/5  “三公经费”变动率 -6.25%，未超过0%，得5分
	// 重点支出安排率 4.00/5  重点支出安排率 85.33%，不低于80%且低于90%，得4分
	// 预算调整率 3.00/3  预算调整率 0.00%，等于0%，得3分
	// total 30.05 complete false
	// error rubric.score: "财政供养人员控制率" should score 3 (staff control rate 104.90%, 4.9 percentage points above 100%: 2.45 points deducted); the sheet says 5
	// warning rubric.weights: the weights of rubric "yueyang-2018" sum to 36, not 100: the sheet is not complete and has no grade
}

// A bureau writes its own rubric in Go and gives it to the rule set: it
// scores every department evaluation whatever rubric the form names.
func Example_rubricInGo() {
	pct := func(s string) *budget.Rate { r := budget.MustParsePercent(s); return &r }
	city, err := rubric.New(rubric.Definition{
		Name:  "city-2024",
		Title: "某市部门整体支出绩效评价评分表",
		Items: []rubric.Item{
			{
				Path:     []string{"投入", "预算配置", "在职人员控制率"},
				Weight:   decimal.NewFromInt(50),
				Standard: "以100%为标准，≤100%计50分；每超过一个百分点扣5分，扣完为止。",
				Measure:  rubric.Measure{Name: rubric.StaffControlRate},
				Deduct:   &rubric.Deduct{Above: pct("100%"), Step: *pct("1%"), Points: decimal.NewFromInt(5)},
			},
			{
				Path:     []string{"过程", "预算执行", "预算完成率"},
				Weight:   decimal.NewFromInt(50),
				Standard: "≥95%计50分；90%(含)-95%计40分；低于90%不得分。",
				Measure:  rubric.Measure{Name: rubric.BudgetCompletionRate},
				Bands: []rubric.Band{
					{From: pct("95%"), Score: decimal.NewFromInt(50)},
					{From: pct("90%"), Below: pct("95%"), Score: decimal.NewFromInt(40)},
					{Below: pct("90%"), Score: decimal.Zero},
				},
			},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	form, err := evaluation.ReadFile("form.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := evaluation.Evaluate(form, rules.NationalProfile().WithRubric(city))
	s := rep.Sheet
	for _, is := range s.Items {
		fmt.Printf("%s %s  %s\n", is.Key, is.Score.StringFixed(2), is.Reason.En)
	}
	fmt.Println(s.Rubric, s.Total.StringFixed(2), s.Grade)
	// Output:
	// 投入/预算配置/在职人员控制率 25.50  staff control rate 104.90%, 4.9 percentage points above 100%: 24.5 points deducted
	// 过程/预算执行/预算完成率 50.00  budget completion rate 99.41%, at least 95%: 50 points
	// city-2024 75.50 中
}

// Many departments scored at once with one rubric, on every core, the
// reports in input order: a rubric and a rule set are immutable values
// every goroutine shares.
func Example_manyDepartments() {
	yy, err := rubric.Builtin("yueyang-2018")
	if err != nil {
		fmt.Println(err)
		return
	}
	set := rules.NationalProfile().WithRubric(yy)
	var docs []batch.Document
	for i, actual := range []int{130, 143, 150, 160} {
		docs = append(docs, batch.Document{
			Name: fmt.Sprintf("dept-%d.yaml", i+1),
			Data: fmt.Appendf(nil, "kind: department-evaluation\ndepartment: 部门%d\nyear: 2018\nbasic: {staff: {authorized: 143, actual: %d}}\n", i+1, actual),
		})
	}
	for r := range batch.Documents(context.Background(), slices.Values(docs), batch.Options{Checker: set, Workers: 4}) {
		if r.Err != nil {
			fmt.Println(r.Err)
			continue
		}
		fmt.Println(r.Name, r.Report.Sheet.Items[0].Score.StringFixed(2))
	}
	// Output:
	// dept-1.yaml 5.00
	// dept-2.yaml 5.00
	// dept-3.yaml 2.55
	// dept-4.yaml 0.00
}
