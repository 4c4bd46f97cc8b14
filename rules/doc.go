// Package rules is the rule catalogue of perfeval: every check with its
// stable ID, default severity, parameters and bilingual messages; the Set
// that composes them; the built-in profiles; and rules files that change
// a profile. docs/rules.md lists the catalogue (generated from it), and
// docs/rules-files.md describes profiles, rules files and custom rules.
//
// # Sets and profiles
//
// A Set implements evaluation.Checker: it is what Evaluate is given.
// NationalProfile is the catalogue with its defaults and no key-project
// rules; Guangzhou2021Profile adds key-projects.missing and
// key-projects.threshold with key_project_threshold = 500 (万元), after the
// Guangzhou form's own note (每个部门至少开展一个重点项目绩效评价；重点项目是指
// 预算金额500万元以上项目；如果部门没500万元以上项目，则根据部门职能自选一个).
// ForForm chooses the set a form names in its profile: key.
//
// Sets are immutable values. With adds rules (and names the set after
// them; Named gives it a name of its own), Without disables them (an ID
// or a prefix such as "key-projects.*"), WithSeverity overrides a
// severity and WithParam sets a parameter; each returns a new Set and
// refuses an unknown rule ID or parameter, a value of the wrong kind or
// outside the parameter's bounds, at once. One Set may be shared by every
// goroutine of a service.
//
// # Custom rules
//
// A rule is anything with Info and Check; New makes one from an Info and
// a function. Check reads the form, its figures, its score and its
// interpreted indicators from the Context and reports findings at cell
// paths:
//
//	var execution95 = rules.New(rules.Info{
//		ID: "city.execution-95", Severity: evaluation.Warning,
//		Title: evaluation.Text{Zh: "执行率应不低于 95%", En: "the execution rate is at least 95%"},
//	}, func(c *rules.Context) {
//		limit := budget.MustParsePercent("95%")
//		if r := c.Figures.Execution(); r != nil && r.Below(limit) {
//			c.Report("funds.actual_expenditure", evaluation.Text{Zh: "执行率低于 95%", En: "below 95%"}, "≥ 95%", r.String())
//		}
//	})
//	set, err := rules.Guangzhou2021Profile().With(execution95)
//
// Rate.Below compares a rate as it is shown, as the built-in rules do, so
// the two agree at printed precision. Package rulestest tests such a rule
// against a form literal in a few lines. A rule that panics does not
// crash the caller: Set.Check reports the failure as an error finding of
// that rule.
//
// # Decisions
//
//   - Evaluate orders the findings of every rule by severity, cell path
//     and rule ID; each rule reports in form order.
//   - A severity override applies to the findings a rule reports at its
//     default severity. key-projects.threshold reports an unstated budget
//     as info whatever the override: it is a question, not a fault.
//   - indicators.no-target reports once for the whole form (at "tasks" or
//     "indicators") when no indicator has a target: the Guangzhou
//     department form has no 指标值 column, so the layout, not each row, is
//     the cause. Where some rows have targets, each row without one is
//     reported.
//   - funds.sources sums the 其中 rows by family: by budget type (一般公共
//     预算, 政府性基金预算, …) and by year (本年财政拨款, 上年结转资金) are two
//     breakdowns of the same total, and a form may print both.
//   - Printed figures are checked at their printed precision;
//     rate_tolerance (percentage points, default 0) widens the check.
//   - A partial score (score.unscored) is not checked against the printed
//     total and grade.
//   - indicators.overachieved compares (actual − target) / target with
//     overachievement_ratio exactly; exactly at the ratio is silent.
//   - text.placeholder errs on the side of silence: only marks that never
//     occur in real content (*, XXX, （100字以内）, 说明……) count.
//   - narrative.mismatch matches an indicator and a narrative figure only
//     when the distinctive terms of the indicator's name stand in the same
//     clause as the figure and the units compare (人 with 人次); see
//     internal/narrative. Precision is preferred to recall: a false alarm on
//     a published form costs more than a miss.
package rules
