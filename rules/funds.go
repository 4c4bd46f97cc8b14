package rules

import (
	"fmt"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
)

// The funds rules check the 部门资金情况 / 项目资金 block against the
// formulas of docs/scoring.md ("Figures"). Printed figures are checked at
// the precision they were printed with: a printed 100% agrees with 99.99%.

func text(zh, en string) evaluation.Text { return evaluation.Text{Zh: zh, En: en} }

// short is a text of the form as a message quotes it: at most a short
// prefix, its control characters made visible, so that a finding stays
// one bounded line whatever the form holds.
func short(s string) string { return safetext.Clip(s) }

// fundsOf returns the funds block of either form.
func fundsOf(s *evaluation.Subject) budget.Funds {
	switch f := s.Form.(type) {
	case *evaluation.DepartmentForm:
		return f.Funds.Funds
	case *evaluation.ProjectForm:
		return f.Funds.Funds
	}
	return budget.Funds{}
}

var fundsAdjustment = New(Info{
	ID: "funds.adjustment", Severity: evaluation.Error,
	Title: text("填报的年度预算调整数 ≠ |调整预算 − 年初预算|", "reported 年度预算调整数 ≠ |adjusted − initial budget|"),
}, func(c *Context) {
	f := fundsOf(c.Subject)
	computed, ok := f.ComputedAdjustment()
	if f.Adjustment == nil || !ok {
		return
	}
	// At the precision printed: 507.5 reported for 507.49 is a rounding, not an error.
	rounded := computed.Round(f.Adjustment.Places())
	if rounded.Equal(*f.Adjustment) {
		return
	}
	c.Report("funds.adjustment",
		text(fmt.Sprintf("年度预算调整数应为 |%s − %s| = %s，表中填报 %s", f.AdjustedBudget, f.InitialBudget, computed, f.Adjustment),
			fmt.Sprintf("the adjustment should be |%s − %s| = %s; the form reports %s", f.AdjustedBudget, f.InitialBudget, computed, f.Adjustment)),
		rounded.String(), f.Adjustment.String())
})

// checkRate compares a printed rate with the computed one. An undefined
// computed rate (zero or missing denominator) with a printed value is a
// finding too: the form prints a figure that cannot exist.
func checkRate(c *Context, path, zh, en string, printed *budget.Rate, computed *budget.Rate, denomZh, denomEn string) {
	if printed == nil {
		return
	}
	if computed == nil {
		c.Report(path,
			text(fmt.Sprintf("%s无法计算（%s为零或未填），表中却填报 %s", zh, denomZh, printed),
				fmt.Sprintf("the %s is undefined (%s is zero or missing), yet the form reports %s", en, denomEn, printed)),
			"", printed.String())
		return
	}
	tol := c.Params().Number("rate_tolerance")
	if computed.Matches(*printed, tol) {
		return
	}
	places, _ := printed.Printed()
	want := computed.Format(places)
	c.Report(path,
		text(fmt.Sprintf("%s应为 %s，表中填报 %s", zh, want, printed), fmt.Sprintf("the %s should be %s; the form reports %s", en, want, printed)),
		want, printed.String())
}

var rateTolerance = Param{Name: "rate_tolerance", Kind: NumberParam, Default: "0", Min: "0", Max: "100",
	Doc: text("核对填报比率时允许的误差（百分点）", "tolerance, in percentage points, when checking printed rates")}

var fundsCompletionRate = New(Info{
	ID: "funds.completion-rate", Severity: evaluation.Error,
	Title:  text("填报的预算完成率 / 执行率与计算值不符（按填报精度）", "reported completion / execution rate ≠ computed, at its printed precision"),
	Params: []Param{rateTolerance},
}, func(c *Context) {
	switch f := c.Form.(type) {
	case *evaluation.DepartmentForm:
		checkRate(c, "funds.reported.completion_rate", "预算完成率", "completion rate",
			f.Funds.Reported.CompletionRate, c.Figures.CompletionRate, "调整预算", "the adjusted budget")
	case *evaluation.ProjectForm:
		checkRate(c, "funds.reported.execution_rate", "执行率", "execution rate",
			f.Funds.Reported.ExecutionRate, c.Figures.ExecutionRate, "全年预算数", "the full-year budget")
	}
})

var fundsAdjustmentRate = New(Info{
	ID: "funds.adjustment-rate", Severity: evaluation.Error,
	Title:  text("填报的预算调整率与计算值不符（按填报精度）", "reported adjustment rate ≠ computed, at its printed precision"),
	Params: []Param{rateTolerance},
}, func(c *Context) {
	if f, ok := c.Form.(*evaluation.DepartmentForm); ok {
		checkRate(c, "funds.reported.adjustment_rate", "预算调整率", "adjustment rate",
			f.Funds.Reported.AdjustmentRate, c.Figures.AdjustmentRate, "年初预算", "the initial budget")
	}
})

// Source rows are classified two ways on the forms: by budget type
// (一般公共预算, 政府性基金预算, …) and by year (本年财政拨款, 上年结转资金).
// A form may list rows of both; each family is summed on its own, so a
// form that shows both breakdowns is not taken to double its total. 其他资金
// closes either breakdown (the project form prints 当年财政拨款, 上年结转,
// 其他资金), so it counts in both.
func inFamily(k budget.SourceKind, family int) bool {
	if k == budget.OtherFunds {
		return true
	}
	byYear := k == budget.CurrentAppropriation || k == budget.PriorCarryover
	return byYear == (family == 1)
}

// fundColumn is one column of the funds table: its total and, for a
// source row, the row's amount in it.
type fundColumn struct {
	key, zh string
	total   *budget.Amount
	get     func(budget.Source) *budget.Amount
}

func fundColumns(f budget.Funds) []fundColumn {
	return []fundColumn{
		{"initial_budget", "年初预算", f.InitialBudget, func(s budget.Source) *budget.Amount { return s.InitialBudget }},
		{"adjusted_budget", "调整预算", f.AdjustedBudget, func(s budget.Source) *budget.Amount { return s.AdjustedBudget }},
		{"actual_expenditure", "实际支出", f.ActualExpenditure, func(s budget.Source) *budget.Amount { return s.ActualExpenditure }},
	}
}

// familyRows returns the amounts the source rows of one breakdown state
// in a column, whether the breakdown closes with 其他资金, and whether
// every row of it states the column.
func familyRows(f budget.Funds, col fundColumn, family int) (parts []budget.Amount, closed, complete bool) {
	complete = true
	for _, s := range f.Sources {
		if !inFamily(s.Kind, family) {
			continue
		}
		closed = closed || s.Kind == budget.OtherFunds
		if a := col.get(s); a != nil {
			parts = append(parts, *a)
		} else {
			complete = false
		}
	}
	return parts, closed, complete
}

var fundsSources = New(Info{
	ID: "funds.sources", Severity: evaluation.Error,
	Title: text("其中各项资金之和超过合计", "source rows add up to more than the total, in some column"),
}, func(c *Context) {
	f := fundsOf(c.Subject)
	for _, col := range fundColumns(f) {
		if col.total == nil {
			continue
		}
		for family := range 2 {
			parts, _, _ := familyRows(f, col, family)
			if len(parts) == 0 {
				continue
			}
			sum := budget.Sum(col.total.Unit(), parts...)
			if sum.Cmp(*col.total) > 0 {
				c.Report("funds.sources",
					text(fmt.Sprintf("其中各项%s之和 %s 超过合计 %s", col.zh, sum, col.total),
						fmt.Sprintf("source rows of %s add up to %s, more than the total %s", col.key, sum, col.total)),
					"≤ "+col.total.String(), sum.String())
			}
		}
	}
})

var fundsNegative = New(Info{
	ID: "funds.negative", Severity: evaluation.Error,
	Title: text("金额为负数", "an amount is negative"),
}, func(c *Context) {
	check := func(path string, a *budget.Amount) {
		if a != nil && a.IsNegative() {
			c.Report(path, text(fmt.Sprintf("金额不能为负数：%s", a), fmt.Sprintf("an amount cannot be negative: %s", a)), "≥ 0", a.String())
		}
	}
	switch f := c.Form.(type) {
	case *evaluation.DeclarationForm:
		check("funds.total", f.Funds.Total)
		check("funds.fiscal", f.Funds.Fiscal)
		check("funds.other", f.Funds.Other)
		for i, s := range f.Funds.Sources {
			check(fmt.Sprintf("funds.sources[%d].amount", i), s.Amount)
		}
		return
	case *evaluation.MonitoringForm:
		check("funds.annual_budget", f.Funds.AnnualBudget)
		check("funds.adjusted_budget", f.Funds.AdjustedBudget)
		check("funds.executed", f.Funds.Executed)
		check("funds.forecast", f.Funds.Forecast)
		for i, s := range f.Funds.Sources {
			p := fmt.Sprintf("funds.sources[%d].", i)
			check(p+"annual_budget", s.AnnualBudget)
			check(p+"adjusted_budget", s.AdjustedBudget)
			check(p+"executed", s.Executed)
			check(p+"forecast", s.Forecast)
		}
		return
	case *evaluation.DepartmentEvaluationForm:
		// Every amount of the basic data is money held or spent; a
		// negative one would be scored (a negative 年末结余 is "不超过
		// 上年结转") without a word.
		b := &f.Basic
		for _, a := range []struct {
			path string
			v    *budget.Amount
		}{
			{"three_public.budget", b.ThreePublic.Budget}, {"three_public.previous_budget", b.ThreePublic.PreviousBudget},
			{"three_public.actual", b.ThreePublic.Actual}, {"three_public.previous_actual", b.ThreePublic.PreviousActual},
			{"budget.prior_carryover", b.Budget.PriorCarryover}, {"budget.initial", b.Budget.Initial},
			{"budget.supplementary", b.Budget.Supplementary}, {"budget.adjusted", b.Budget.Adjusted},
			{"budget.adjustment", b.Budget.Adjustment}, {"budget.year_end_balance", b.Budget.YearEndBalance},
			{"key_project_spending", b.KeyProjectSpending}, {"project_spending", b.ProjectSpending},
			{"public_expenses.budget", b.PublicExpenses.Budget}, {"public_expenses.actual", b.PublicExpenses.Actual},
			{"procurement.budget", b.Procurement.Budget}, {"procurement.actual", b.Procurement.Actual},
			{"fixed_assets.in_use", b.FixedAssets.InUse}, {"fixed_assets.total", b.FixedAssets.Total},
		} {
			check("basic."+a.path, a.v)
		}
		return
	}
	f := fundsOf(c.Subject)
	check("funds.adjusted_budget", f.AdjustedBudget)
	check("funds.initial_budget", f.InitialBudget)
	check("funds.actual_expenditure", f.ActualExpenditure)
	check("funds.adjustment", f.Adjustment)
	for i, s := range f.Sources {
		p := fmt.Sprintf("funds.sources[%d].", i)
		check(p+"initial_budget", s.InitialBudget)
		check(p+"adjusted_budget", s.AdjustedBudget)
		check(p+"actual_expenditure", s.ActualExpenditure)
	}
	if d := c.Department(); d != nil {
		for i, t := range d.Tasks {
			check(fmt.Sprintf("tasks[%d].funds", i), t.Funds)
		}
		for i, k := range d.KeyProjects {
			check(fmt.Sprintf("key_projects[%d].budget", i), k.Budget)
		}
	}
})

var fundsOverspend = New(Info{
	ID: "funds.overspend", Severity: evaluation.Warning,
	Title: text("实际支出数超过调整预算", "实际支出数 exceeds the adjusted budget"),
}, func(c *Context) {
	f := fundsOf(c.Subject)
	if f.ActualExpenditure == nil || f.AdjustedBudget == nil || f.ActualExpenditure.Cmp(*f.AdjustedBudget) <= 0 {
		return
	}
	c.Report("funds.actual_expenditure",
		text(fmt.Sprintf("实际支出数 %s 超过调整预算 %s", f.ActualExpenditure, f.AdjustedBudget),
			fmt.Sprintf("actual expenditure %s exceeds the adjusted budget %s", f.ActualExpenditure, f.AdjustedBudget)),
		"≤ "+f.AdjustedBudget.String(), f.ActualExpenditure.String())
})

var fundsLowExecution = New(Info{
	ID: "funds.low-execution", Severity: evaluation.Warning,
	Title: text("预算完成率 / 执行率低于 min_execution_rate", "completion / execution rate below min_execution_rate"),
	Params: []Param{{Name: "min_execution_rate", Kind: RateParam, Default: "90%", Min: "0%", Max: "100%",
		Doc: text("预算完成率（执行率）的下限", "the lowest acceptable completion (execution) rate")}},
}, func(c *Context) {
	// A year's execution, on the self-evaluations; a monitoring form's
	// rate to date is monitoring.behind-schedule's.
	if c.Department() == nil && c.Project() == nil {
		return
	}
	rate, zh, en := c.Figures.Execution(), "预算完成率", "completion rate"
	if c.Project() != nil {
		zh, en = "执行率", "execution rate"
	}
	limit := c.Params().Rate("min_execution_rate")
	// Compared as shown (two decimals): 89.999% is 90.00%, and a finding
	// must not say "90.00% is below 90%". A custom rule comparing with
	// Rate.AtLeast agrees with this one.
	if rate == nil || rate.AtLeast(limit) {
		return
	}
	c.Report("funds.actual_expenditure",
		text(fmt.Sprintf("%s %s 低于 %s", zh, rate, limit), fmt.Sprintf("%s %s is below %s", en, rate, limit)),
		"≥ "+limit.String(), rate.String())
})

var fundsLargeAdjustment = New(Info{
	ID: "funds.large-adjustment", Severity: evaluation.Warning,
	Title: text("预算调整率高于 max_adjustment_rate", "adjustment rate above max_adjustment_rate"),
	Params: []Param{{Name: "max_adjustment_rate", Kind: RateParam, Default: "30%", Min: "0%",
		Doc: text("预算调整率的上限", "the highest acceptable adjustment rate")}},
}, func(c *Context) {
	rate := c.Figures.AdjustmentRate
	limit := c.Params().Rate("max_adjustment_rate")
	if rate == nil || rate.AtMost(limit) {
		return
	}
	c.Report("funds.adjustment",
		text(fmt.Sprintf("预算调整率 %s 高于 %s", rate, limit), fmt.Sprintf("adjustment rate %s is above %s", rate, limit)),
		"≤ "+limit.String(), rate.String())
})

var tasksFundsTotal = New(Info{
	ID: "tasks.funds-total", Severity: evaluation.Error,
	Title: text("任务涉及资金合计超过实际支出数", "Σ 任务涉及资金 exceeds 实际支出数"),
}, func(c *Context) {
	d := c.Department()
	total := c.Figures.TaskFundsTotal
	if d == nil || total == nil || d.Funds.ActualExpenditure == nil || total.Cmp(*d.Funds.ActualExpenditure) <= 0 {
		return
	}
	c.Report("tasks",
		text(fmt.Sprintf("任务涉及资金合计 %s 超过实际支出数 %s", total, d.Funds.ActualExpenditure),
			fmt.Sprintf("task funds add up to %s, more than the actual expenditure %s", total, d.Funds.ActualExpenditure)),
		"≤ "+d.Funds.ActualExpenditure.String(), total.String())
})

var tasksNoIndicators = New(Info{
	ID: "tasks.no-indicators", Severity: evaluation.Warning,
	Title: text("任务没有关键指标", "a task has no 关键指标"),
}, func(c *Context) {
	d := c.Department()
	if d == nil {
		return
	}
	for i, t := range d.Tasks {
		if len(t.Indicators) == 0 {
			c.Report(fmt.Sprintf("tasks[%d].indicators", i),
				text(fmt.Sprintf("%s没有关键指标", taskName(t, i)), fmt.Sprintf("%s has no key indicator", taskName(t, i))), "", "")
		}
	}
})

func taskName(t evaluation.Task, i int) string {
	if t.Name != "" {
		return "“" + short(t.Name) + "”"
	}
	return fmt.Sprintf("任务%d", i+1)
}
