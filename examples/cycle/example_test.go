package cycle_test

import (
	"fmt"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
)

// Link the three forms of the project-year and evaluate each against the
// stages before it.
func Example() {
	var set []evaluation.SourcedForm
	for _, p := range []string{"declaration.yaml", "monitoring.yaml", "self-evaluation.yaml"} {
		f, err := evaluation.ReadFile(p)
		if err != nil {
			fmt.Println(err)
			return
		}
		set = append(set, evaluation.SourcedForm{Source: p, Form: f})
	}
	links := evaluation.LinkAll(set)
	for i, sf := range set {
		rep := evaluation.EvaluateLinked(sf.Form, links[i], rules.NationalProfile())
		fmt.Printf("%s, checked against %v\n", sf.Source, rep.Linked)
		for _, f := range rep.Findings {
			fmt.Printf("  %s %s %s: %s\n", f.Severity, f.Rule, f.Path, f.Message.En)
		}
	}
	// Output:
	// declaration.yaml, checked against []
	// monitoring.yaml, checked against [{declaration.yaml project-declaration}]
	//   warning monitoring.behind-schedule funds.executed: the execution rate for months 1-7 is 30.00%, 28.33 percentage points behind the 58.33% of the year elapsed (allowed: 10)
	// self-evaluation.yaml, checked against [{declaration.yaml project-declaration} {monitoring.yaml project-monitoring}]
	//   error trace.target-changed indicators[4].target: indicator "教学信息化覆盖率": target "≥95%" in the declaration (declaration.yaml) became "≥90%": a looser target
}

// A province that holds spending to floors by month, as Sichuan's
// monitoring rules do (1-4月 25%, 1-6月 40%, 1-8月 60%, 1-10月 80%), gives
// the set a schedule; the monitoring form at July is then held to the
// June floor.
func Example_schedule() {
	set, err := rules.NationalProfile().WithParam("schedule", "{4: 25%, 6: 40%, 8: 60%, 10: 80%}")
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := evaluation.ReadFile("monitoring.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := evaluation.Evaluate(f, set)
	fmt.Println("1-X月执行率", rep.Figures.ExecutionRate, "time elapsed", rep.Figures.TimeElapsed)
	for _, f := range rep.Findings {
		fmt.Println(f.Rule, f.Message.Zh)
	}
	// Output:
	// 1-X月执行率 30.00% time elapsed 58.33%
	// monitoring.behind-schedule 1-7月执行率 30.00%，低于截至6月的执行进度下限 40%
}
