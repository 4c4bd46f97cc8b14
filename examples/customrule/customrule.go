// Package customrule shows how a vendor adds a province's own check to a
// profile: a city that requires every task of the department form to carry
// at least three key indicators (关键指标).
package customrule

import (
	"fmt"

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

// Profile is guangzhou-2021 with the city's rule added.
func Profile() (rules.Set, error) {
	return rules.Guangzhou2021Profile().With(ThreeIndicators)
}
