package rules

import (
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
)

// The monitoring rules check a 项目支出绩效目标执行监控表: the "双监控" of
// 中发〔2018〕34号 watches both 预算执行进度 and 绩效目标实现程度, and a form
// that says 确定能 while money sits unspent is what it is meant to catch.

var monitoringExecutionRate = New(Info{
	ID: "monitoring.execution-rate", Severity: evaluation.Error,
	Title:  text("填报的1-X月执行率与计算值不符（按填报精度）", "the printed execution rate to date ≠ computed, at its printed precision"),
	Params: []Param{rateTolerance},
}, func(c *Context) {
	if f := monitoringOf(c); f != nil {
		checkRate(c, "funds.reported.execution_rate", "1-X月执行率", "execution rate to date",
			f.Funds.Reported.ExecutionRate, c.Figures.ExecutionRate, "调整后预算数", "the adjusted budget")
	}
})

var monitoringBehindSchedule = New(Info{
	ID: "monitoring.behind-schedule", Severity: evaluation.Warning,
	Title: text("1-X月执行率落后于序时进度 X/12 超过 max_schedule_gap 个百分点；配置了 schedule 时，低于截至该月的进度下限",
		"the execution rate to date (months 1-X) trails the time elapsed, X/12, by more than max_schedule_gap percentage points; with a schedule, it is below the floor for the month"),
	Params: []Param{
		{Name: "max_schedule_gap", Kind: NumberParam, Default: "10", Min: "0", Max: "100",
			Doc: text("执行率可落后于序时进度的百分点数", "how many percentage points execution may trail the time elapsed")},
		{Name: "schedule", Kind: ScheduleParam, Default: "",
			Doc: text("按月的执行进度下限，如 {4: 25%, 6: 40%, 8: 60%, 10: 80%}；为空时按序时进度",
				"floors of execution by month, such as {4: 25%, 6: 40%, 8: 60%, 10: 80%}; empty to use the time elapsed")},
	},
}, func(c *Context) {
	f := monitoringOf(c)
	if f == nil || f.AsOf == 0 {
		return
	}
	rate := c.Figures.ExecutionRate
	if rate == nil {
		// No amounts to compute it from: the rate as printed is what the
		// form says of itself.
		rate = f.Funds.Reported.ExecutionRate
	}
	if rate == nil {
		return
	}
	x := int(f.AsOf)
	got := rate.Percent(2)
	shown := got.StringFixed(2) + "%"
	if sched := c.Params().Schedule("schedule"); !sched.IsZero() {
		month, floor, ok := sched.Floor(x)
		if !ok || got.Cmp(floor.Percent(2)) >= 0 {
			return
		}
		c.Report("funds.executed",
			text(fmt.Sprintf("1-%d月执行率 %s，低于截至%d月的执行进度下限 %s", x, shown, month, floor),
				fmt.Sprintf("the execution rate for months 1-%d is %s, below the floor of %s set for month %d", x, shown, floor, month)),
			"≥ "+floor.String(), shown)
		return
	}
	elapsed, _ := evaluation.TimeElapsed(f.AsOf)
	want := elapsed.Percent(2)
	gap := want.Sub(got)
	allowed := c.Params().Number("max_schedule_gap")
	if gap.Cmp(allowed) <= 0 {
		return
	}
	c.Report("funds.executed",
		text(fmt.Sprintf("1-%d月执行率 %s，落后序时进度 %s%% 达 %s 个百分点（允许 %s 个百分点）", x, shown, want.StringFixed(2), gap.StringFixed(2), allowed),
			fmt.Sprintf("the execution rate for months 1-%d is %s, %s percentage points behind the %s%% of the year elapsed (allowed: %s)", x, shown, gap.StringFixed(2), want.StringFixed(2), allowed)),
		"≥ "+want.Sub(allowed).StringFixed(2)+"%", shown)
})

var monitoringExplanationMissing = New(Info{
	ID: "monitoring.explanation-missing", Severity: evaluation.Error,
	Title: text("完成目标可能性为“有可能”或“完全不可能”，却未填偏差原因或改进措施（指标或表级）",
		"the likelihood of reaching the target is \"possible\" or \"impossible\" and the deviation reason or the measures are empty (indicator or form level)"),
}, func(c *Context) {
	// Huangshi's form, note 2: 如“完成目标可能性”出现“有可能”、“不可能”选项，
	// 请分别在“偏差或不能完成目标原因分析”与“相关建议或举措”栏填写. A layout
	// with form-level rows only explains every indicator there.
	f := monitoringOf(c)
	if f == nil {
		return
	}
	formDeviation := strings.TrimSpace(f.Deviation) != ""
	formMeasures := strings.TrimSpace(f.Measures) != ""
	for i, row := range f.Indicators {
		if !row.Likelihood.Doubtful() {
			continue
		}
		path := fmt.Sprintf("indicators[%d]", i)
		if row.Deviation.IsEmpty() && !formDeviation {
			c.Report(path+".deviation",
				text(fmt.Sprintf("指标“%s”完成目标可能性为“%s”，未填偏差原因分析", row.Name, row.Likelihood),
					fmt.Sprintf("indicator %q is marked %s to reach its target, but no reason for the deviation is given", row.Name, likelihoodEnglish(row.Likelihood))),
				"", "")
		}
		if strings.TrimSpace(row.Measures) == "" && !formMeasures {
			c.Report(path+".measures",
				text(fmt.Sprintf("指标“%s”完成目标可能性为“%s”，未填改进措施", row.Name, row.Likelihood),
					fmt.Sprintf("indicator %q is marked %s to reach its target, but no measures are given", row.Name, likelihoodEnglish(row.Likelihood))),
				"", "")
		}
	}
})

var monitoringForecastShort = New(Info{
	ID: "monitoring.forecast-short", Severity: evaluation.Warning,
	Title: text("全年预计完成情况达不到年度指标值，完成目标可能性却为“确定能”",
		"the forecast misses the target while the likelihood says it will certainly be reached"),
}, func(c *Context) {
	if monitoringOf(c) == nil {
		return
	}
	for _, r := range c.Rows {
		if r.Monitored.Likelihood != evaluation.Certain || r.Forecast.Kind() == indicator.Empty {
			continue
		}
		a := indicator.Assess(r.Target, r.Forecast, indicator.Unspecified)
		if a.Status != indicator.PartlyMet && a.Status != indicator.NotMet {
			continue
		}
		c.Report(r.Path+".forecast",
			text(fmt.Sprintf("指标“%s”全年预计 %s，达不到年度指标值 %s，完成目标可能性却为“确定能”", r.Name, r.Forecast.Raw(), r.Target.Raw()),
				fmt.Sprintf("indicator %q is forecast at %s, short of its target %s, yet marked certain to reach it", r.Name, r.Forecast.Raw(), r.Target.Raw())),
			r.Target.Raw(), r.Forecast.Raw())
	}
})

// likelihoodEnglish names a likelihood in English messages.
func likelihoodEnglish(l evaluation.Likelihood) string {
	switch l {
	case evaluation.Certain:
		return "certain"
	case evaluation.Possible:
		return "possible"
	case evaluation.Impossible:
		return "impossible"
	}
	return "unstated"
}
