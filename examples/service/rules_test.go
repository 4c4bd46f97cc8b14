package service_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
	"github.com/perfeval/perfeval/rules/rulestest"
)

// Two rules of the bureau's own, tested with testify: 执行率 ≥ 95%, and
// 预算调整率 ≤ 20%. Both compare the rate as the form shows it, as the
// built-ins funds.low-execution and funds.large-adjustment do, so they
// agree with them at the same limits.
var execution95 = rules.New(rules.Info{ID: "bureau.execution-95", Severity: evaluation.Warning,
	Title: evaluation.Text{Zh: "执行率不低于95%", En: "execution rate at least 95%"}}, func(c *rules.Context) {
	if r, min := c.Figures.Execution(), budget.MustParsePercent("95%"); r != nil && r.Below(min) {
		c.Report("funds.actual_expenditure", evaluation.Text{Zh: fmt.Sprintf("执行率 %s 低于 95%%", r), En: fmt.Sprintf("execution %s below 95%%", r)}, "≥ 95%", r.String())
	}
})

var adjustment20 = rules.New(rules.Info{ID: "bureau.adjustment-20", Severity: evaluation.Warning,
	Title: evaluation.Text{Zh: "预算调整率不高于20%", En: "adjustment rate at most 20%"}}, func(c *rules.Context) {
	if r, max := c.Figures.AdjustmentRate, budget.MustParsePercent("20%"); r != nil && r.Above(max) {
		c.Report("funds.adjustment", evaluation.Text{Zh: fmt.Sprintf("预算调整率 %s 高于 20%%", r), En: fmt.Sprintf("adjustment %s above 20%%", r)}, "≤ 20%", r.String())
	}
})

func builtin(t *testing.T, id string) rules.Rule {
	for _, r := range rules.Catalogue() {
		if r.Info().ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}

func TestBureauRulesAgreeWithTheBuiltIns(t *testing.T) {
	for actual, fires := range map[string]bool{"94.995": false, "94.994": true, "95": false, "100": false} {
		form := rulestest.Project(t, "funds: {adjusted_budget: 100, actual_expenditure: "+actual+"}")
		assert.Len(t, rulestest.Run(t, execution95, form), map[bool]int{true: 1}[fires], actual)
		assert.Len(t, rulestest.Run(t, builtin(t, "funds.low-execution"), form, "min_execution_rate", "95%"), map[bool]int{true: 1}[fires], actual)
	}
	for adjusted, fires := range map[string]bool{"120.004": false, "120.005": true, "80": false} {
		form := rulestest.Department(t, "funds: {initial_budget: 100, adjusted_budget: "+adjusted+"}")
		assert.Len(t, rulestest.Run(t, adjustment20, form), map[bool]int{true: 1}[fires], adjusted)
		assert.Len(t, rulestest.Run(t, builtin(t, "funds.large-adjustment"), form, "max_adjustment_rate", "20%"), map[bool]int{true: 1}[fires], adjusted)
	}
}
