package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/exact"
)

// The score rules check the scores printed on a form against the scheme
// (财预〔2020〕10号 by default; see evaluation.Scheme and docs/scoring.md).
// A printed score is checked at the precision it was printed with, within
// the scheme's tolerance.

func fixed(d decimal.Decimal, places int32) string { return d.StringFixed(max(2, places)) }

var scoreBudget = New(Info{
	ID: "score.budget", Severity: evaluation.Error,
	Title: text("填报的预算执行率得分与计算值（分值 × 执行率，执行率超过100%按100%计）不符", "printed execution score ≠ weight × min(B/A, 1)"),
}, func(c *Context) {
	if c.Score == nil || c.Score.Budget == nil || c.Score.Budget.Printed == nil {
		return
	}
	row := c.Score.Budget
	printed := *row.Printed
	rate := c.Figures.Execution()
	if !row.Defined {
		c.Report("funds.reported.score",
			text(fmt.Sprintf("执行率无法计算（全年预算数为零或未填），表中却填报得分 %s", printed),
				fmt.Sprintf("the execution rate is undefined (no full-year budget), yet the form prints a score of %s", printed)),
			"", printed.String())
		return
	}
	if c.Scheme.Agrees(row.Exact, printed) {
		return
	}
	want := fixed(row.Rounded, c.Scheme.Places)
	c.Report("funds.reported.score",
		text(fmt.Sprintf("预算执行率得分应为 %s × %s = %s（执行率超过100%%按100%%计），表中填报 %s", row.Weight, rate.Min(budget.One()), want, printed),
			fmt.Sprintf("the execution score should be %s × min(%s, 100%%) = %s; the form prints %s", row.Weight, rate, want, printed)),
		want, printed.String())
})

var scoreIndicator = New(Info{
	ID: "score.indicator", Severity: evaluation.Error,
	Title: text("填报的指标得分与计算值不符（定性指标：超出其档次区间）", "printed indicator score ≠ computed (outside its band for qualitative)"),
}, func(c *Context) {
	if c.Score == nil {
		return
	}
	for _, is := range c.Score.Indicators {
		if is.Printed == nil || is.Rounded == nil {
			continue
		}
		printed := *is.Printed
		switch {
		case is.Row.OutOfBand:
			b := is.Row.Band
			low, high := b.Low.Mul(*is.Weight), b.High.Mul(*is.Weight)
			closing := "]"
			if b.Open {
				closing = ")"
			}
			band := fmt.Sprintf("[%s, %s%s", low, high, closing)
			c.Report(is.Path+".score",
				text(fmt.Sprintf("指标“%s”%s，得分应在 %s 之间，表中填报 %s", short(is.Name), statusZh(is.Row.Status), band, printed),
					fmt.Sprintf("indicator %q is %s, so its score lies in %s; the form prints %s", short(is.Name), is.Row.Status, band, printed)),
				band, printed.String())
		case !is.Row.ByBand && !c.Scheme.Agrees(is.Row.Value, printed):
			want := fixed(*is.Rounded, c.Scheme.Places)
			c.Report(is.Path+".score",
				text(fmt.Sprintf("指标“%s”得分应为 %s，表中填报 %s", short(is.Name), want, printed),
					fmt.Sprintf("indicator %q should score %s; the form prints %s", short(is.Name), want, printed)),
				want, printed.String())
		}
	}
})

func statusZh(s indicator.Status) string {
	switch s {
	case indicator.Met:
		return "达成"
	case indicator.PartlyMet:
		return "部分达成"
	}
	return "未达成"
}

var scoreEstimated = New(Info{
	ID: "score.estimated", Severity: evaluation.Info,
	Title: text("定性指标未填得分，按其档次下限估算", "a qualitative score was estimated from its band"),
}, func(c *Context) {
	if c.Score == nil {
		return
	}
	for _, is := range c.Score.Indicators {
		if is.Row.Estimated && is.Rounded != nil {
			v := fixed(*is.Rounded, c.Scheme.Places)
			c.Report(is.Path+".score",
				text(fmt.Sprintf("定性指标“%s”%s，未填得分，按档次下限计 %s 分", short(is.Name), statusZh(is.Row.Status), v),
					fmt.Sprintf("qualitative indicator %q is %s and prints no score; its band's lower bound, %s, is used", short(is.Name), is.Row.Status, v)),
				v, "")
		}
	}
})

// formTotal is the total the form's own scores add up to, each row taken
// as the form may fairly print it: its printed score where that agrees
// with the computed one at its precision, lies in its band, or cannot be
// checked (an unscored row); the computed score otherwise. So a form that
// prints 19 for 18.89 and adds its printed scores is not told its total is
// wrong, and one wrong row is one score.indicator error, not three.
func formTotal(c *Context) decimal.Decimal {
	total := decimal.Zero
	if b := c.Score.Budget; b != nil {
		printed := b.Printed
		switch {
		case printed != nil && (!b.Defined || c.Scheme.Agrees(b.Exact, *printed)):
			total = exact.Add(total, *printed)
		case b.Defined:
			total = exact.Add(total, b.Rounded)
		}
	}
	for _, is := range c.Score.Indicators {
		p := is.Printed
		switch {
		case p != nil && is.Rounded == nil:
			total = exact.Add(total, *p)
		case p != nil && is.Row.ByBand && !is.Row.OutOfBand:
			total = exact.Add(total, *p)
		case p != nil && !is.Row.ByBand && c.Scheme.Agrees(is.Row.Value, *p):
			total = exact.Add(total, *p)
		case is.Rounded != nil:
			total = exact.Add(total, *is.Rounded)
		}
	}
	return total
}

var scoreTotal = New(Info{
	ID: "score.total", Severity: evaluation.Error,
	Title: text("填报的总分 ≠ 各项得分之和", "printed total ≠ Σ scores"),
}, func(c *Context) {
	// A partial total (a weighted row could not be scored) is not
	// checked: score.unscored says why it is partial.
	if c.Score == nil || c.Score.PrintedTotal == nil || !c.Score.Complete {
		return
	}
	printed := *c.Score.PrintedTotal
	total := formTotal(c)
	if c.Scheme.Agrees(budget.PointsOf(total), printed) {
		return
	}
	want := fixed(total, c.Scheme.Places)
	c.Report("reported.total_score",
		text(fmt.Sprintf("总分应为各项得分之和 %s，表中填报 %s", want, printed),
			fmt.Sprintf("the total should be the sum of the scores, %s; the form prints %s", want, printed)),
		want, printed.String())
})

// gradeNames maps the ways a grade is printed to the scheme's names.
var gradeNames = map[string]string{"优秀": "优", "良好": "良", "中等": "中", "较差": "差", "不合格": "差"}

var scoreGrade = New(Info{
	ID: "score.grade", Severity: evaluation.Error,
	Title: text("填报的评价等级与总分对应的等级不符", "printed grade ≠ grade of the total"),
}, func(c *Context) {
	if c.Score == nil || strings.TrimSpace(c.Score.PrintedGrade) == "" || !c.Score.Complete {
		return
	}
	printed := strings.TrimSpace(c.Score.PrintedGrade)
	name := printed
	if n, ok := gradeNames[printed]; ok {
		name = n
	}
	// The grade of the total as the form's own scores add up (see formTotal).
	sum := formTotal(c)
	grade := c.Scheme.GradeOf(sum)
	if name == grade {
		return
	}
	total := fixed(sum, c.Scheme.Places)
	c.Report("reported.grade",
		text(fmt.Sprintf("总分 %s 对应等级“%s”，表中填报“%s”", total, grade, printed),
			fmt.Sprintf("a total of %s earns grade %q; the form prints %q", total, grade, printed)),
		grade, printed)
})

var scoreUnscored = New(Info{
	ID: "score.unscored", Severity: evaluation.Warning,
	Title: text("有分值的行无法计分（指标值或完成值无法解读、预算数未填），总分不完整",
		"a weighted row cannot be scored (a target or actual that cannot be read, no budget): the total is partial"),
}, func(c *Context) {
	if c.Score == nil {
		return
	}
	if b := c.Score.Budget; b != nil && !b.Defined && b.Weight.IsPositive() {
		c.Report("funds.weight",
			text(fmt.Sprintf("执行率无法计算（预算数为零或未填），分值 %s 无法计分，总分不完整", b.Weight),
				fmt.Sprintf("the execution rate is undefined (no budget), so its weight of %s cannot be scored; the total is partial", b.Weight)),
			"", "")
	}
	for _, is := range c.Score.Indicators {
		if !is.Unscored() {
			continue
		}
		cell, whyZh, whyEn := unscoredCell(c, is)
		c.Report(is.Path+cell,
			text(fmt.Sprintf("指标“%s”分值 %s 无法计分（%s），总分不完整", short(is.Name), is.Weight, whyZh),
				fmt.Sprintf("indicator %q weighs %s but cannot be scored (%s); the total is partial", short(is.Name), is.Weight, whyEn)),
			"", "")
	}
})

// unscoredCell is the cell that keeps a row from being scored, and why.
func unscoredCell(c *Context, is evaluation.IndicatorScore) (cell, zh, en string) {
	switch {
	case errors.Is(is.Reason, indicator.ErrNoTarget):
		return ".target", "未填指标值", "no target"
	case errors.Is(is.Reason, indicator.ErrNoActual):
		return ".actual", "未填完成值", "no actual value"
	case errors.Is(is.Reason, indicator.ErrUnitMismatch):
		return ".actual", "指标值与完成值单位无法比较", "target and actual units cannot be compared"
	}
	for _, r := range c.Indicators {
		if r.Path != is.Path {
			continue
		}
		if r.Target.Kind() == indicator.Unparsed {
			return ".target", "指标值无法解读", "the target cannot be read"
		}
		if r.Actual.Kind() == indicator.Unparsed {
			return ".actual", "完成值无法解读", "the actual value cannot be read"
		}
	}
	return ".actual", "完成值未说明是否达到指标值", "the actual does not say whether the target is met"
}

var scoreWeights = New(Info{
	ID: "score.weights", Severity: evaluation.Warning,
	Title: text("分值与评分方案不一致（预算执行率10、产出50、效益30、满意度10）", "weights differ from the scheme's (execution 10, 产出 50, 效益 30, 满意度 10)"),
}, func(c *Context) {
	if c.Score == nil {
		return
	}
	if b := c.Score.Budget; b != nil && b.WeightPrinted && !b.Weight.Equal(c.Scheme.BudgetWeight) {
		w := b.Weight
		c.Report("funds.weight",
			text(fmt.Sprintf("预算执行率分值为 %s，评分方案为 %s", w, c.Scheme.BudgetWeight),
				fmt.Sprintf("the execution row weighs %s; the scheme gives %s", w, c.Scheme.BudgetWeight)),
			c.Scheme.BudgetWeight.String(), w.String())
	}
	for _, ls := range c.Score.Dimensions {
		want, _ := c.Scheme.LevelWeight(ls.Level)
		if ls.Weight.Equal(want) {
			continue
		}
		c.Report("indicators",
			text(fmt.Sprintf("%s分值合计 %s，评分方案为 %s", ls.Level, ls.Weight, want),
				fmt.Sprintf("%s rows weigh %s in all; the scheme gives %s", ls.Level, ls.Weight, want)),
			want.String(), ls.Weight.String())
	}
})
