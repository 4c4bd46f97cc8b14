package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
)

var keyProjectsMissing = New(Info{
	ID: "key-projects.missing", Severity: evaluation.Error,
	Title: text("部门未开展重点项目绩效评价", "a department form evaluates no key project"),
}, func(c *Context) {
	// The Guangzhou form's note 1: 每个部门至少开展一个重点项目绩效评价.
	if d := c.Department(); d != nil && len(d.KeyProjects) == 0 {
		c.Report("key_projects", text("每个部门至少开展一个重点项目绩效评价，本表没有重点项目绩效情况",
			"every department evaluates at least one key project; this form has none"), "≥ 1", "0")
	}
})

var keyProjectsThreshold = New(Info{
	ID: "key-projects.threshold", Severity: evaluation.Warning,
	Title: text("重点项目预算低于 key_project_threshold 且非自选；未填预算时为提示",
		"a key project's budget is below key_project_threshold and it is not self_selected; info where no budget is stated"),
	Params: []Param{{Name: "key_project_threshold", Kind: AmountParam, Default: "500", Min: "0",
		Doc: text("重点项目的预算金额下限（万元）", "the smallest budget of a key project, in 万元")}},
}, func(c *Context) {
	// The Guangzhou form's note 2: 重点项目是指预算金额500万元以上项目；如果部门
	// 没500万元以上项目，则根据部门职能自选一个重点项目.
	d := c.Department()
	if d == nil {
		return
	}
	limit := c.Params().Amount("key_project_threshold")
	shown := c.Params().Text("key_project_threshold") + "万元" // as configured: 500万元
	for i, k := range d.KeyProjects {
		name := k.Name
		switch {
		case k.Budget == nil && !k.SelfSelected:
			c.ReportAt(evaluation.Info, fmt.Sprintf("key_projects[%d].budget", i),
				text(fmt.Sprintf("重点项目“%s”未填预算金额，无法确认其达到 %s", short(name), shown),
					fmt.Sprintf("key project %q states no budget, so it cannot be confirmed to reach %s", short(name), shown)),
				"≥ "+shown, "")
		case k.Budget != nil && !k.SelfSelected && k.Budget.Cmp(limit) < 0:
			c.Report(fmt.Sprintf("key_projects[%d].budget", i),
				text(fmt.Sprintf("重点项目“%s”预算 %s 低于 %s，且未标注为自选重点项目", short(name), k.Budget.Format(), shown),
					fmt.Sprintf("key project %q has a budget of %s, below %s, and is not marked self_selected", short(name), k.Budget.Format(), shown)),
				"≥ "+shown, k.Budget.Format())
		}
	}
})

var indicatorsNoTarget = New(Info{
	ID: "indicators.no-target", Severity: evaluation.Info,
	Title: text("指标未填指标值，无法评估", "an indicator has no target, so it cannot be assessed"),
}, func(c *Context) {
	missing := 0 // counted, not copied: a result is a large value
	for i := range c.Indicators {
		if c.Indicators[i].Target.Kind() == indicator.Empty {
			missing++
		}
	}
	if missing == 0 {
		return
	}
	// A form whose layout has no target column at all (the Guangzhou
	// department form has 关键指标 and 指标完成情况 only) gets one finding,
	// not one per row: the rows are not at fault, the layout is.
	if missing == len(c.Indicators) && missing > 1 {
		where := "indicators"
		if c.Department() != nil {
			where = "tasks"
		}
		c.Report(where, text(fmt.Sprintf("全部 %d 个指标均未填指标值（年度指标值），无法评估其是否达成", missing),
			fmt.Sprintf("none of the %d indicators states a target, so none can be assessed", missing)), "", "")
		return
	}
	for i := range c.Indicators {
		r := &c.Indicators[i]
		if r.Target.Kind() != indicator.Empty {
			continue
		}
		c.Report(r.Path+".target", text(fmt.Sprintf("指标“%s”未填指标值，无法评估", short(r.Indicator.Name)),
			fmt.Sprintf("indicator %q has no target, so it cannot be assessed", short(r.Indicator.Name))), "", "")
	}
})

var indicatorsUnparsed = New(Info{
	ID: "indicators.unparsed", Severity: evaluation.Info,
	Title: text("指标值或完成值无法解读（或有指标值而未填完成值）", "a target or actual cannot be interpreted (or a target has no actual)"),
}, func(c *Context) {
	for _, r := range c.Indicators {
		for _, cell := range []struct {
			key string
			v   indicator.Value
		}{{"target", r.Target}, {"actual", r.Actual}} {
			if cell.key == "actual" && cell.v.Kind() == indicator.Empty && r.Target.Kind() != indicator.Empty {
				c.Report(r.Path+".actual", text(fmt.Sprintf("指标“%s”未填完成值，无法评估", short(r.Indicator.Name)),
					fmt.Sprintf("indicator %q states no actual value, so it cannot be assessed", short(r.Indicator.Name))), short(r.Target.Raw()), "")
			}
			if cell.key == "actual" && r.Assessment.Status == indicator.Unknown && cell.v.Kind() != indicator.Unparsed &&
				cell.v.Kind() != indicator.Empty && errors.Is(r.Assessment.Reason, indicator.ErrUnparsed) {
				c.Report(r.Path+".actual", text(fmt.Sprintf("指标“%s”的完成值“%s”无法判断是否达到指标值“%s”", short(r.Indicator.Name), short(cell.v.Raw()), short(r.Target.Raw())),
					fmt.Sprintf("indicator %q: actual %q does not say whether the target %q is met", short(r.Indicator.Name), short(cell.v.Raw()), short(r.Target.Raw()))),
					r.Target.Raw(), cell.v.Raw())
			}
			if cell.v.Kind() == indicator.Unparsed {
				c.Report(r.Path+"."+cell.key, text(fmt.Sprintf("指标“%s”的“%s”无法解读", short(r.Indicator.Name), short(cell.v.Raw())),
					fmt.Sprintf("indicator %q: %q cannot be interpreted", short(r.Indicator.Name), short(cell.v.Raw()))), "", short(cell.v.Raw()))
			}
		}
	}
})

var indicatorsUnitMismatch = New(Info{
	ID: "indicators.unit-mismatch", Severity: evaluation.Error,
	Title: text("指标值与完成值的单位无法比较", "target and actual units cannot be compared"),
}, func(c *Context) {
	for _, r := range c.Indicators {
		if errors.Is(r.Assessment.Reason, indicator.ErrUnitMismatch) {
			c.Report(r.Path+".actual",
				text(fmt.Sprintf("指标“%s”的完成值“%s”与指标值“%s”单位不同，无法比较", short(r.Indicator.Name), short(r.Actual.Raw()), short(r.Target.Raw())),
					fmt.Sprintf("indicator %q: actual %q and target %q are in units that cannot be compared", short(r.Indicator.Name), short(r.Actual.Raw()), short(r.Target.Raw()))),
				r.Target.Raw(), r.Actual.Raw())
		}
	}
})

func missed(r evaluation.IndicatorResult) bool {
	return r.Assessment.Status == indicator.PartlyMet || r.Assessment.Status == indicator.NotMet
}

var indicatorsNotMet = New(Info{
	ID: "indicators.not-met", Severity: evaluation.Warning,
	Title: text("指标未达到指标值", "an actual misses its target"),
}, func(c *Context) {
	for _, r := range c.Indicators {
		if !missed(r) {
			continue
		}
		zh, en := "未达成", "not met"
		if r.Assessment.Status == indicator.PartlyMet {
			zh, en = "部分达成", "partly met"
		}
		c.Report(r.Path+".actual",
			text(fmt.Sprintf("指标“%s”%s：完成值 %s，指标值 %s", short(r.Indicator.Name), zh, short(r.Actual.Raw()), short(r.Target.Raw())),
				fmt.Sprintf("indicator %q %s: actual %s against target %s", short(r.Indicator.Name), en, short(r.Actual.Raw()), short(r.Target.Raw()))),
			r.Target.Raw(), r.Actual.Raw())
	}
})

var indicatorsOverachieved = New(Info{
	ID: "indicators.overachieved", Severity: evaluation.Info,
	Title: text("完成值超出指标值 overachievement_ratio 以上：指标值是否偏低（财预〔2020〕10号）",
		"an actual beats its target by more than overachievement_ratio: was the target set too low? (财预〔2020〕10号)"),
	Params: []Param{{Name: "overachievement_ratio", Kind: RateParam, Default: "50%", Min: "0%",
		Doc: text("超额完成的比例阈值", "how far beyond its target an actual must be to be flagged")}},
}, func(c *Context) {
	ratio := c.Params().Rate("overachievement_ratio")
	for _, r := range c.Indicators {
		a := r.Assessment
		if !a.Quantitative || a.Status != indicator.Met || !a.Target.IsPositive() {
			continue
		}
		// Only a floor can be set too low. Coming in far under a ceiling
		// (0起 against ≤1起, a cost of 40 against ≤100) is what a ceiling is
		// for, so lower-is-better rows are not flagged.
		if a.Direction != indicator.HigherIsBetter && a.Direction != indicator.Exact {
			continue
		}
		// excess = (actual − target) / target, compared exactly as a rate.
		excess := a.Actual.Sub(a.Target)
		over, err := budget.NewRate(excess, a.Target)
		if err != nil || over.Cmp(ratio) <= 0 {
			continue
		}
		c.Report(r.Path+".actual",
			text(fmt.Sprintf("指标“%s”完成值 %s 超出指标值 %s 达 %s，请核实指标值是否设定偏低", short(r.Indicator.Name), short(r.Actual.Raw()), short(r.Target.Raw()), over),
				fmt.Sprintf("indicator %q: actual %s beats target %s by %s; was the target set too low?", short(r.Indicator.Name), short(r.Actual.Raw()), short(r.Target.Raw()), over)),
			r.Target.Raw(), r.Actual.Raw())
	}
})

var indicatorsDeviationMissing = New(Info{
	ID: "indicators.deviation-missing", Severity: evaluation.Error,
	Title: text("指标未完成但未填偏差原因分析及改进措施", "an indicator misses its target and 偏差原因 is empty"),
}, func(c *Context) {
	for _, r := range c.Indicators {
		if missed(r) && strings.TrimSpace(r.Indicator.Deviation) == "" {
			c.Report(r.Path+".deviation",
				text(fmt.Sprintf("指标“%s”未完全达成，须填写偏差原因分析及改进措施", short(r.Indicator.Name)),
					fmt.Sprintf("indicator %q misses its target; the deviation analysis is empty", short(r.Indicator.Name))), "", "")
		}
	}
})

var indicatorsDimensions = New(Info{
	ID: "indicators.dimensions", Severity: evaluation.Error,
	Title: text("绩效指标表缺少产出、效益或满意度指标", "a form's 绩效指标 table lacks one of 产出指标 / 效益指标 / 满意度指标"),
}, func(c *Context) {
	// The project form's table, and the national department layout's
	// (top-level indicators); a Guangzhou department form's 关键指标 are
	// per task and name no dimension.
	if d := c.Department(); c.Project() == nil && (d == nil || len(d.Indicators) == 0) {
		return
	}
	seen := map[indicator.Level]bool{}
	for _, r := range c.Indicators {
		if r.Owner.Kind == evaluation.OwnerTable {
			seen[r.Level] = true
		}
	}
	for _, l := range []indicator.Level{indicator.Output, indicator.Effect, indicator.Satisfaction} {
		if !seen[l] {
			c.Report("indicators", text(fmt.Sprintf("缺少%s", l), fmt.Sprintf("no indicator under %s", l)), l.String(), "")
		}
	}
})
