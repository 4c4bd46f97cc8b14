package customrule_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/examples/customrule"
	"github.com/perfeval/perfeval/rules"
	"github.com/perfeval/perfeval/rules/rulestest"
)

func TestThreeIndicators(t *testing.T) {
	form := rulestest.Department(t, `
		tasks:
		  - name: 任务1
		    indicators: [{name: 专题讲座, actual: 99次}, {name: 党规党纪培训, actual: 2811人}]
		  - name: 任务2
		    indicators: [{name: a, actual: 1个}, {name: b, actual: 2个}, {name: c, actual: 3个}]
	`)
	found := rulestest.Fires(t, customrule.ThreeIndicators, form, "tasks[0].indicators")
	if len(found) != 1 {
		t.Errorf("want one finding, got %d", len(found))
	}
	if got := rulestest.Run(t, customrule.ThreeIndicators, form, "min_task_indicators", "2"); len(got) != 0 {
		t.Errorf("with min 2 the rule should be silent, got %v", got)
	}
}

func TestTianheUnderTheCityProfile(t *testing.T) {
	set, err := customrule.Profile()
	if err != nil {
		t.Fatal(err)
	}
	form, err := evaluation.ReadFile("../tianhe2021/form.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rep := evaluation.Evaluate(form, set)
	var paths []string
	for _, f := range rep.Findings {
		if f.Rule == "city.task-indicators" {
			paths = append(paths, f.Path)
		}
	}
	// 任务3 has two key indicators; the others have three or more.
	if fmt.Sprint(paths) != "[tasks[2].indicators]" {
		t.Errorf("findings at %v", paths)
	}
}

func Example() {
	set, _ := customrule.Profile()
	form, _ := evaluation.ReadFile("../tianhe2021/form.yaml")
	rep := evaluation.Evaluate(form, set)
	for _, f := range rep.Findings {
		if f.Rule == "city.task-indicators" {
			fmt.Println(f.Severity, f.Path, f.Message.Zh)
		}
	}
	// Output:
	// warning tasks[2].indicators 任务3只有 2 个关键指标，至少应有 3 个
}

// The city's 执行率 ≥ 95% agrees with the built-in funds.low-execution at
// 95%: both compare the rate as it is shown, so 94.995/100 (shown 95.00%)
// passes both and 94.994/100 fails both.
func TestExecution95AgreesWithTheBuiltIn(t *testing.T) {
	builtin := ruleByID(t, "funds.low-execution")
	for actual, fires := range map[string]bool{"94.995": false, "94.994": true, "95": false} {
		form := rulestest.Project(t, "funds: {adjusted_budget: 100, actual_expenditure: "+actual+"}")
		custom := rulestest.Run(t, customrule.Execution95, form)
		builtins := rulestest.Run(t, builtin, form, "min_execution_rate", "95%")
		assert.Equal(t, fires, len(custom) == 1, actual)
		assert.Len(t, builtins, len(custom), actual)
	}
	rep := evaluation.Evaluate(rulestest.Project(t, "funds: {adjusted_budget: 100, actual_expenditure: 16.6}"), nil)
	rulestest.EqualRate(t, "16.60%", rep.Figures.Execution())
}

func ruleByID(t *testing.T, id string) rules.Rule {
	for _, r := range rules.Catalogue() {
		if r.Info().ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}
