package rules

import (
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
)

// The declaration rules check a 项目支出绩效目标申报表 for what 财预〔2015〕88号
// reviews a target on before the budget is granted: 完整性 (every
// dimension has an indicator, the funds add up), and whether each
// target can be measured later (a number, a deadline or a level, not
// "有效提升").

var declarationFundsBalance = New(Info{
	ID: "declaration.funds-balance", Severity: evaluation.Error,
	Title: text("资金总额 ≠ 财政拨款 + 其他资金（+ 其他来源）", "the total funds ≠ fiscal appropriation + other funds (+ further source rows)"),
	Params: []Param{{Name: "balance_tolerance", Kind: AmountParam, Default: "0", Min: "0",
		Doc: text("资金总额与各来源之和允许的差额（万元）", "how far, in 万元, 资金总额 may be from the sum of its sources")}},
}, func(c *Context) {
	f := declarationOf(c)
	if f == nil || f.Funds.Total == nil {
		return
	}
	sum := f.Funds.SourcesSum(f.Unit)
	if sum == nil {
		return // only a total: nothing to balance
	}
	if f.Funds.Total.Sub(*sum).Abs().Cmp(c.Params().Amount("balance_tolerance")) <= 0 {
		return
	}
	c.Report("funds.total",
		text(fmt.Sprintf("资金总额 %s 与财政拨款、其他资金及其他来源之和 %s 不符", f.Funds.Total, sum),
			fmt.Sprintf("the total funds, %s, differ from the sum of their sources, %s", f.Funds.Total, sum)),
		sum.String(), f.Funds.Total.String())
})

var declarationDimensions = New(Info{
	ID: "declaration.dimensions", Severity: evaluation.Error,
	Title: text("年度绩效指标缺少产出、效益或满意度指标", "the annual indicators lack one of the output, effect and satisfaction dimensions"),
}, func(c *Context) {
	if declarationOf(c) == nil {
		return
	}
	seen := map[indicator.Level]bool{}
	for _, r := range c.Rows {
		if r.LongTerm {
			continue
		}
		seen[r.Level] = true
		// The 财预〔2011〕285号 layout (and Qingshan's 2020 target table)
		// puts 社会公众或服务对象满意度指标 under 效益指标 as a 二级指标: a
		// satisfaction indicator all the same.
		if strings.Contains(r.Level2, "满意度") {
			seen[indicator.Satisfaction] = true
		}
	}
	for _, l := range []indicator.Level{indicator.Output, indicator.Effect, indicator.Satisfaction} {
		if !seen[l] {
			c.Report("indicators", text(fmt.Sprintf("年度绩效指标缺少%s", l), fmt.Sprintf("no annual indicator of the %s dimension", levelEnglish(l))), l.String(), "")
		}
	}
})

var declarationCostIndicator = New(Info{
	ID: "declaration.cost-indicator", Severity: evaluation.Info,
	Title: text("产出指标中没有成本指标", "no cost indicator among the output indicators"),
}, func(c *Context) {
	// Published forms mark 成本指标 as required (石嘴山 2020:
	// "成本指标(必填硬性指标)"); the national rule is not settled, so this is
	// information by default and a profile may raise it.
	if declarationOf(c) == nil {
		return
	}
	outputs := 0
	for _, r := range c.Rows {
		if r.LongTerm || r.Level != indicator.Output {
			continue
		}
		outputs++
		if isDimension(r.Level2, "成本") {
			return
		}
	}
	if outputs > 0 {
		c.Report("indicators", text("产出指标中没有成本指标", "no cost indicator among the output indicators"), "成本指标", "")
	}
})

// A cost target is a ceiling in practice, not by a rule the library has
// seen: templates print "(≤**元/株)" (同心县 2023), forms fill in
// "≤ 30 万元" (大英县 2023) and "项目总成本 ≤90万元" (贵池区 2022). A cost
// target written without a direction ("1600元/亩", "参照政府采购成本控制")
// is common and is not this rule's concern.
var declarationCostDirection = New(Info{
	ID: "declaration.cost-direction", Severity: evaluation.Warning,
	Title: text("成本指标的指标值设了下限（≥）而非上限", "a cost indicator's target sets a floor (≥) rather than a ceiling"),
}, func(c *Context) {
	if declarationOf(c) == nil {
		return
	}
	for _, r := range c.Rows {
		if isDimension(r.Level2, "成本") && r.Target.Operator() == indicator.HigherIsBetter {
			c.Report(r.Path+".target",
				text(fmt.Sprintf("成本指标“%s”的指标值“%s”设的是下限；成本指标通常以上限（≤）约束，请核实方向", r.Name, r.Target.Raw()),
					fmt.Sprintf("cost indicator %q sets a floor, %q; a cost target is usually a ceiling (≤): check its direction", r.Name, r.Target.Raw())),
				"≤", r.Target.Raw())
		}
	}
})

// dayOf orders a date as one number: 2025-12-31 is 20251231.
func dayOf(y, m, d int) int { return y*10000 + m*100 + d }

var declarationPeriod = New(Info{
	ID: "declaration.period", Severity: evaluation.Error,
	Title: text("项目起止时间的结束早于开始", "the project period ends before it starts"),
}, func(c *Context) {
	f := declarationOf(c)
	if f == nil || f.Period.Start.IsZero() || f.Period.End.IsZero() {
		return
	}
	// As written: 2025年3月 to 2025年3月 is the month of March, not an error.
	if dayOf(f.Period.End.Last()) < dayOf(f.Period.Start.First()) {
		c.Report("period.end",
			text(fmt.Sprintf("项目结束时间 %s 早于开始时间 %s", f.Period.End, f.Period.Start),
				fmt.Sprintf("the project ends (%s) before it starts (%s)", f.Period.End, f.Period.Start)),
			"≥ "+f.Period.Start.String(), f.Period.End.String())
	}
})

var declarationDeadlineOutside = New(Info{
	ID: "declaration.deadline-outside", Severity: evaluation.Error,
	Title: text("时效指标的完成时限晚于项目结束时间", "a deadline target falls after the project's end"),
}, func(c *Context) {
	f := declarationOf(c)
	if f == nil || f.Period.End.IsZero() {
		return
	}
	endY, endM, endD := f.Period.End.Last()
	end := dayOf(endY, endM, endD)
	for _, r := range c.Rows {
		y, m, d, ok := r.Target.Deadline()
		if !ok {
			continue
		}
		if y == 0 {
			// 12月底前 on a declaration is of its budget year.
			y = f.Year
			if y == 0 {
				y = endY
			}
		}
		if dayOf(y, m, d) > end {
			c.Report(r.Path+".target",
				text(fmt.Sprintf("指标“%s”的完成时限“%s”晚于项目结束时间 %s", r.Name, r.Target.Raw(), f.Period.End),
					fmt.Sprintf("indicator %q is due %q, after the project ends (%s)", r.Name, r.Target.Raw(), f.Period.End)),
				"≤ "+f.Period.End.String(), r.Target.Raw())
		}
	}
})

// Targets are to be 细化量化: "未设置绩效目标或绩效目标设置不合理、未细化量化的
// 项目不得进入下一步预算编制环节" (a 2017 local notice); "尽量进行定量表述，
// 不能以量化形式表述的，可以采用定性的分级分档形式表述" (a local 绩效评价办法).
// So a number, a deadline or a graded level (优秀, 合格, 达标, 第一名, 是)
// can be checked later, and a bare trend (有效提升) or free text cannot.
var declarationNotMeasurable = New(Info{
	ID: "declaration.not-measurable", Severity: evaluation.Warning,
	Title: text("产出指标的指标值既非数量、时限，也非可判定的定性等级（如“有效提升”）",
		"an output target is neither a quantity, a deadline, nor a recognised qualitative level (a bare \"improve effectively\" is none)"),
}, func(c *Context) {
	if declarationOf(c) == nil {
		return
	}
	for _, r := range c.Rows {
		if r.LongTerm || r.Level != indicator.Output {
			continue
		}
		switch r.Target.Kind() {
		case indicator.Quantity, indicator.Text, indicator.Deadline, indicator.Unparsed:
			// A number, a date; or text that cannot be read, which is
			// text.placeholder's or the reader's concern.
			continue
		case indicator.Empty:
			c.Report(r.Path+".target",
				text(fmt.Sprintf("产出指标“%s”未填指标值，无法衡量", r.Name), fmt.Sprintf("output indicator %q has no target to measure", r.Name)),
				"", "")
			continue
		}
		if isLevel(r.Target) {
			continue
		}
		c.Report(r.Path+".target",
			text(fmt.Sprintf("产出指标“%s”的指标值“%s”不可衡量：应为数量、时限或明确的等级", r.Name, r.Target.Raw()),
				fmt.Sprintf("output indicator %q: %q cannot be measured; state a quantity, a deadline or a definite level", r.Name, r.Target.Raw())),
			"", r.Target.Raw())
	}
})

// growthMarks name a rate of change, which may exceed 100%; shareMarks a
// share of a whole, which may not.
var (
	growthMarks = []string{"增长", "增幅", "涨幅", "提高率", "提升率", "增加率", "上升率", "变动率", "变化率", "收益率", "回报率"}
	shareMarks  = []string{"率", "满意度", "占比", "比例", "比重", "覆盖面"}
)

func isShare(name string) bool {
	for _, m := range growthMarks {
		if strings.Contains(name, m) {
			return false
		}
	}
	for _, m := range shareMarks {
		if strings.Contains(name, m) {
			return true
		}
	}
	return false
}

var declarationPercentRange = New(Info{
	ID: "declaration.percent-range", Severity: evaluation.Warning,
	Title: text("比例类指标（合格率、覆盖率、完成率、满意度等）的指标值超过100%",
		"a percentage target above 100% for a share-type rate (a pass rate, coverage, completion rate, satisfaction, …; not a growth rate)"),
}, func(c *Context) {
	if declarationOf(c) == nil {
		return
	}
	hundred := budget.One().Percent(0)
	for _, r := range c.Rows {
		n, ok := r.Target.Number()
		if !ok || r.Target.Unit() != "%" || n.Cmp(hundred) <= 0 || !isShare(r.Name) {
			continue
		}
		c.Report(r.Path+".target",
			text(fmt.Sprintf("指标“%s”是比例，指标值“%s”超过100%%", r.Name, r.Target.Raw()),
				fmt.Sprintf("indicator %q is a share, yet its target %q exceeds 100%%", r.Name, r.Target.Raw())),
			"≤ 100%", r.Target.Raw())
	}
})

// Recognised 项目属性 and 项目类型, the defaults of the parameters
// project_attributes and project_types: the values the declaration
// template offers (新增项目 / 延续项目, 财预〔2011〕285号 附1-1; 经常性项目 on
// a 2017 绩效目标评审申报表), those of Huangshi's forms (持续性项目 / 新增性项目;
// 常年性项目 / 延续性项目 / 一次性项目), and 一次性项目. Real forms use
// others (滚动项目; 基本建设类 as a 项目类型), so a province lists its own.
// Values are compared without a trailing 项目.
var (
	attributesParam = Param{Name: "project_attributes", Kind: WordsParam, Default: "经常性项目, 一次性项目, 新增项目, 延续项目, 持续性, 新增性",
		Doc: text("公认的项目属性取值", "the recognised values of the project attribute")}
	projectTypesParam = Param{Name: "project_types", Kind: WordsParam, Default: "常年性, 延续性, 一次性",
		Doc: text("公认的项目类型取值", "the recognised values of the project type")}
)

func recognised(v string, known []string) bool {
	t := strings.TrimSuffix(strings.TrimSpace(v), "项目")
	for _, k := range known {
		if t == strings.TrimSuffix(k, "项目") {
			return true
		}
	}
	return false
}

// Boxes of a printed choice, and the marks that tick one: "1、持续性项目 ☑
// 2、新增性项目 □", "常年性项目 □ √", "新增项目□ 延续项目√".
const (
	boxMarks  = "□☐"
	tickMarks = "☑☒■√✓✔"
)

// chosen reads a cell as the filer wrote it: plain text is the value
// itself; a printed choice of boxes gives the options ticked, none when
// nothing is ticked.
func chosen(v string) []string {
	if !strings.ContainsAny(v, boxMarks+tickMarks) {
		return []string{strings.TrimSpace(v)}
	}
	var (
		out     []string
		current strings.Builder
		last    string // the option whose box came last
	)
	option := func(s string) string {
		s = strings.Trim(strings.TrimSpace(s), "、,，;； ")
		// 1、 1. (1) ①: the option's number.
		s = strings.TrimLeft(s, "0123456789.、()（）①②③④⑤⑥⑦⑧⑨ ")
		return strings.TrimSpace(s)
	}
	for _, r := range v {
		switch {
		case strings.ContainsRune(boxMarks, r):
			last = option(current.String())
			current.Reset()
		case strings.ContainsRune(tickMarks, r):
			if o := option(current.String()); o != "" {
				out = append(out, o) // the tick is the option's box
			} else if last != "" {
				out = append(out, last) // the tick follows the box
			}
			current.Reset()
			last = ""
		default:
			current.WriteRune(r)
		}
	}
	return out
}

var declarationAttribute = New(Info{
	ID: "declaration.attribute", Severity: evaluation.Warning,
	Title: text("项目属性或项目类型不是公认的取值（project_attributes、project_types）",
		"the project attribute or project type is not one of the recognised values (project_attributes, project_types)"),
	Params: []Param{attributesParam, projectTypesParam},
}, func(c *Context) {
	f := declarationOf(c)
	if f == nil {
		return
	}
	for _, cell := range []struct {
		path, zh, en, value string
		known               []string
	}{
		{"attribute", "项目属性", "project attribute", f.Attribute, c.Params().Words("project_attributes")},
		{"type", "项目类型", "project type", f.Type, c.Params().Words("project_types")},
	} {
		for _, v := range chosen(cell.value) {
			if v == "" || recognised(v, cell.known) {
				continue
			}
			list := strings.Join(cell.known, "、")
			c.Report(cell.path,
				text(fmt.Sprintf("%s“%s”不是公认的取值（%s）", cell.zh, clip(v), list),
					fmt.Sprintf("the %s %q is not one of the recognised values", cell.en, clip(v))),
				strings.Join(cell.known, " | "), clip(v))
		}
	}
})

// levelEnglish names a dimension in English messages.
func levelEnglish(l indicator.Level) string {
	switch l {
	case indicator.Output:
		return "output"
	case indicator.Effect:
		return "effect"
	case indicator.Satisfaction:
		return "satisfaction"
	}
	return "unknown"
}
