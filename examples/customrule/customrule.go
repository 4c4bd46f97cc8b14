// Package customrule shows how a vendor adds a province's own checks to a
// profile: a city that requires every task of the department form to carry
// at least three key indicators (关键指标), and an execution rate of at
// least 95% on either form.
package customrule

import (
	"fmt"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
)

// ThreeIndicators fires for each task with fewer than min_task_indicators
// key indicators (default 3).
var ThreeIndicators = rules.New(rules.Info{
	ID:       "city.task-indicators",
	Severity: evaluation.Warning,
	Title:    evaluation.Text{Zh: "每项任务至少设置三个关键指标", En: "every task carries at least three key indicators"},
	Params:   []rules.Param{{Name: "min_task_indicators", Kind: rules.NumberParam, Default: "3"}},
}, func(c *rules.Context) {
	d := c.Department()
	if d == nil {
		return
	}
	least := c.Params().Number("min_task_indicators")
	for i, t := range d.Tasks {
		if n := len(t.Indicators); least.IntPart() > int64(n) {
			c.Report(fmt.Sprintf("tasks[%d].indicators", i),
				evaluation.Text{Zh: fmt.Sprintf("%s只有 %d 个关键指标，至少应有 %s 个", t.Name, n, least),
					En: fmt.Sprintf("%s has %d key indicators; at least %s are required", t.Name, n, least)},
				"≥ "+least.String(), fmt.Sprint(n))
		}
	}
})

// Execution95 fires when the execution figure (执行率, or 预算完成率 on the
// department form) is below 95%. It compares the rate as the form shows
// it (Rate.Below, half up at two decimals), as funds.low-execution does:
// 94.995/100 is shown 95.00% and passes both.
var Execution95 = rules.New(rules.Info{
	ID:       "city.execution-95",
	Severity: evaluation.Warning,
	Title:    evaluation.Text{Zh: "执行率应不低于 95%", En: "the execution rate is at least 95%"},
}, func(c *rules.Context) {
	limit := budget.MustParsePercent("95%")
	if rate := c.Figures.Execution(); rate != nil && rate.Below(limit) {
		c.Report("funds.actual_expenditure",
			evaluation.Text{Zh: fmt.Sprintf("执行率 %s 低于 %s", rate, limit), En: fmt.Sprintf("execution rate %s is below %s", rate, limit)},
			"≥ "+limit.String(), rate.String())
	}
})

// Profile is guangzhou-2021 with the city's rules added, under the city's
// own name.
func Profile() (rules.Set, error) {
	set, err := rules.Guangzhou2021Profile().With(ThreeIndicators, Execution95)
	return set.Named("city-2025"), err
}
