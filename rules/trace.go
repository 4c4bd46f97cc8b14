package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
)

// The trace rules compare a later stage with the earlier-stage forms it
// was linked to (evaluation.EvaluateLinked): a monitoring form with the
// project-year's declaration, a self-evaluation with the declaration and
// the latest monitoring form. "绩效目标确定后，一般不予调整" (财预〔2015〕88号
// 第二十八条): a target changed, dropped or added after the declaration is
// what they report. A form nothing was linked to gets no trace finding.
//
// The declaration is the reference. The monitoring form is compared with
// too, for what the declaration cannot tell: an indicator the monitoring
// form added and the self-evaluation dropped, a target the monitoring form
// changed. Where no declaration is linked, the monitoring form is the
// reference.

// stageName names a linked form in messages: 申报表（decl.yaml）.
func stageName(s *evaluation.Summary) evaluation.Text {
	switch s.Kind {
	case evaluation.Declaration:
		return text("申报表（"+s.Source+"）", "the declaration ("+s.Source+")")
	case evaluation.Monitoring:
		return text(fmt.Sprintf("1-%d月监控表（%s）", s.AsOf, s.Source), fmt.Sprintf("the monitoring form for months 1-%d (%s)", s.AsOf, s.Source))
	}
	return text(s.Source, s.Source)
}

// declared reports whether an indicator of the monitoring form is also
// one of the declaration's.
func declared(decl *evaluation.Summary, ind *evaluation.SummaryIndicator) bool {
	if decl == nil {
		return false
	}
	m, _, _ := evaluation.MatchIndicators(decl.Indicators, []evaluation.SummaryIndicator{*ind})
	return len(m) > 0
}

func levelName(ind *evaluation.SummaryIndicator) string {
	if ind.Level != indicator.LevelUnknown {
		return ind.Level.String()
	}
	return ind.Level1
}

var traceIndicatorMissing = New(Info{
	ID: "trace.indicator-missing", Severity: evaluation.Error,
	Title: text("申报的指标在后续阶段的表中缺失", "a declared indicator is absent from a later stage"),
}, func(c *Context) {
	for _, tr := range c.Traces {
		e := tr.Earlier
		for _, m := range tr.Missing {
			if e.Kind == evaluation.Monitoring && declared(c.Links.Declaration, m) {
				continue // reported against the declaration
			}
			where := stageName(e)
			c.Report("indicators",
				text(fmt.Sprintf("%s的指标“%s”（%s）在本表中缺失", where.Zh, m.Name, levelName(m)),
					fmt.Sprintf("indicator %q (%s) of %s is missing here", m.Name, levelName(m), where.En)),
				m.Name, "")
		}
	}
})

var traceIndicatorAdded = New(Info{
	ID: "trace.indicator-added", Severity: evaluation.Warning,
	Title: text("后续阶段的表中有未经申报的指标", "a later stage has an indicator that was never declared"),
}, func(c *Context) {
	if len(c.Traces) == 0 {
		return
	}
	// The declaration where linked, else the monitoring form.
	tr := c.Traces[0]
	where := stageName(tr.Earlier)
	for _, a := range tr.Added {
		c.Report(a.Path+".name",
			text(fmt.Sprintf("指标“%s”（%s）不在%s中", a.Name, levelName(a), where.Zh),
				fmt.Sprintf("indicator %q (%s) is not in %s", a.Name, levelName(a), where.En)),
			"", a.Name)
	}
})

// targetChange is how a later target compares with the declared one.
type targetChange int8

const (
	sameTarget     targetChange = iota // the same meaning, however worded
	stricterTarget                     // harder to reach
	looserTarget                       // easier to reach
	otherUnit                          // stated in a unit that does not compare
	otherDirection                     // a floor become a ceiling, a rise a fall
	notComparable                      // different kinds of statement, or free text changed
)

// effectiveDirection is the way a quantity target points: its operator,
// a bare number counting as a floor (an exact target is scored as
// higher is better), a bare 0 as a ceiling, as indicator.Assess reads them.
func effectiveDirection(v indicator.Value, override indicator.Direction) indicator.Direction {
	d := override
	if d == indicator.Unspecified || d == indicator.QualitativeDirection {
		d = v.Operator()
	}
	switch d {
	case indicator.Unspecified, indicator.Exact, indicator.QualitativeDirection:
		if n, ok := v.Number(); ok && n.IsZero() {
			return indicator.LowerIsBetter
		}
		return indicator.HigherIsBetter
	}
	return d
}

// compareTargets compares a later target with an earlier one by what
// they mean: ≥95% and 不低于95% are the same target; ≥96% is stricter,
// ≥90% looser; ≤5起 after ≥5起 changes direction; 台 after % changes unit.
// dir is the later row's direction override, which stands for both rows.
func compareTargets(e, l indicator.Value, dir indicator.Direction) targetChange {
	if e.Equal(l) || (e.Kind() == indicator.Empty && l.Kind() == indicator.Empty) {
		return sameTarget
	}
	ek, lk := e.Kind(), l.Kind()
	quantity := func(k indicator.Kind) bool { return k == indicator.Quantity || k == indicator.Text }
	switch {
	case quantity(ek) && quantity(lk):
		_, eok := e.Number()
		_, lok := l.Number()
		if !eok || !lok {
			return notComparable
		}
		if e.Word() != l.Word() {
			// 下降5% against 上升5%, or a trend against none.
			if e.Word() != "" && l.Word() != "" {
				return otherDirection
			}
			return notComparable
		}
		ed, ld := effectiveDirection(e, dir), effectiveDirection(l, dir)
		a := indicator.Assess(e, l, ed)
		if errors.Is(a.Reason, indicator.ErrUnitMismatch) {
			return otherUnit
		}
		if !a.Quantitative {
			return notComparable
		}
		if ed != ld {
			return otherDirection
		}
		cmp := a.Actual.Cmp(a.Target)
		if ed == indicator.LowerIsBetter {
			cmp = -cmp
		}
		switch {
		case cmp == 0:
			return sameTarget
		case cmp > 0:
			return stricterTarget
		}
		return looserTarget
	case ek == indicator.Deadline && lk == indicator.Deadline:
		ey, em, ed, _ := e.Deadline()
		ly, lm, ld, _ := l.Deadline()
		if ey == 0 || ly == 0 {
			ey, ly = 0, 0 // compared by month and day, as indicator.Assess does
		}
		switch a, b := dayOf(ly, lm, ld), dayOf(ey, em, ed); {
		case a == b:
			return sameTarget
		case a < b:
			return stricterTarget
		}
		return looserTarget
	case ek == indicator.Qualitative && lk == indicator.Qualitative:
		if e.Word() == l.Word() {
			return sameTarget
		}
		// On an ordered scale the later word meets the earlier one, or
		// the other way round: 优秀 after 良好 is stricter. Words of
		// different scales, or changed free text, meet neither way.
		fwd := indicator.Assess(e, l, indicator.Unspecified).Status
		back := indicator.Assess(l, e, indicator.Unspecified).Status
		switch {
		case fwd == indicator.Met && back == indicator.Met:
			return sameTarget
		case fwd == indicator.Met && back != indicator.Unknown:
			return stricterTarget
		case back == indicator.Met && fwd != indicator.Unknown:
			return looserTarget
		case fwd == indicator.NotMet && back == indicator.NotMet:
			return otherDirection // 上升 against 下降
		}
		return notComparable
	case ek == indicator.Unparsed && lk == indicator.Unparsed:
		if normalizeText(e.Raw()) == normalizeText(l.Raw()) {
			return sameTarget
		}
	}
	return notComparable
}

func normalizeText(s string) string { return strings.Join(strings.Fields(s), "") }

var traceTargetChanged = New(Info{
	ID: "trace.target-changed", Severity: evaluation.Error,
	Title: text("后续阶段的指标值与申报的不同：措辞不同而含义相同不报；更严为提示；放宽、改单位、改方向或无法比较为错误",
		"the later target, parsed, differs from the declared one: equivalent wording is silent, stricter is info, looser, another unit or direction, or not comparable is an error"),
}, func(c *Context) {
	decl := c.Links.Declaration
	var declMatched map[*evaluation.SummaryIndicator]*evaluation.SummaryIndicator // later row → declared row
	for _, tr := range c.Traces {
		if tr.Earlier == decl {
			declMatched = make(map[*evaluation.SummaryIndicator]*evaluation.SummaryIndicator, len(tr.Matched))
			for _, m := range tr.Matched {
				declMatched[m.Later] = m.Earlier
			}
		}
		for _, m := range tr.Matched {
			if tr.Earlier != decl {
				// Against the monitoring form only where it changed the
				// declared target, or where nothing was declared: else
				// the comparison with the declaration said it all.
				if d, ok := declMatched[m.Later]; ok && compareTargets(d.ParsedTarget(), m.Earlier.ParsedTarget(), m.Later.Direction) == sameTarget {
					continue
				}
			}
			reportTargetChange(c, tr.Earlier, m)
		}
	}
})

func reportTargetChange(c *Context, e *evaluation.Summary, m evaluation.IndicatorMatch) {
	change := compareTargets(m.Earlier.ParsedTarget(), m.Later.ParsedTarget(), m.Later.Direction)
	if change == sameTarget {
		return
	}
	where := stageName(e)
	var zh, en string
	sev := evaluation.Error
	switch change {
	case stricterTarget:
		zh, en, sev = "标准提高", "a stricter target", evaluation.Info
	case looserTarget:
		zh, en = "标准降低", "a looser target"
	case otherUnit:
		zh, en = "计量单位改变，无法比较", "another unit, which does not compare"
	case otherDirection:
		zh, en = "指标方向改变", "the direction is reversed"
	default:
		zh, en = "含义不同，无法比较", "a different statement that cannot be compared"
	}
	later, earlier := m.Later.Target, m.Earlier.Target
	c.ReportAt(sev, m.Later.Path+".target",
		text(fmt.Sprintf("指标“%s”的指标值由%s的“%s”改为“%s”：%s", m.Later.Name, where.Zh, earlier, later, zh),
			fmt.Sprintf("indicator %q: target %q in %s became %q: %s", m.Later.Name, earlier, where.En, later, en)),
		earlier, later)
}

var traceWeightChanged = New(Info{
	ID: "trace.weight-changed", Severity: evaluation.Warning,
	Title: text("后续阶段的分值与申报的不同", "a declared weight differs at a later stage"),
}, func(c *Context) {
	for _, tr := range c.Traces {
		e := tr.Earlier
		for _, m := range tr.Matched {
			if m.Earlier.Weight == nil || m.Later.Weight == nil || m.Earlier.Weight.Equal(*m.Later.Weight) {
				continue
			}
			where := stageName(e)
			c.Report(m.Later.Path+".weight",
				text(fmt.Sprintf("指标“%s”的分值由%s的 %s 改为 %s", m.Later.Name, where.Zh, m.Earlier.Weight, m.Later.Weight),
					fmt.Sprintf("indicator %q: weight %s in %s became %s", m.Later.Name, m.Earlier.Weight, where.En, m.Later.Weight)),
				m.Earlier.Weight.String(), m.Later.Weight.String())
		}
	}
})

var traceBudgetChanged = New(Info{
	ID: "trace.budget-changed", Severity: evaluation.Info,
	Title: text("自评表的年初预算数与申报的资金总额不同", "the self-evaluation's initial budget differs from the declared total funds"),
}, func(c *Context) {
	p := c.Project()
	decl := c.Links.Declaration
	if p == nil || decl == nil || decl.Budget == nil || p.Funds.InitialBudget == nil {
		return
	}
	if p.Funds.InitialBudget.Cmp(*decl.Budget) == 0 {
		return
	}
	where := stageName(decl)
	c.Report("funds.initial_budget",
		text(fmt.Sprintf("年初预算数 %s 与%s的资金总额 %s 不同", p.Funds.InitialBudget.Format(), where.Zh, decl.Budget.Format()),
			fmt.Sprintf("the initial budget, %s, differs from the total funds declared in %s, %s", p.Funds.InitialBudget.Format(), where.En, decl.Budget.Format())),
		decl.Budget.Format(), p.Funds.InitialBudget.Format())
})

var traceDuplicate = New(Info{
	ID: "trace.duplicate", Severity: evaluation.Warning,
	Title: text("同一项目年度同一阶段有两份以上的表，均不予关联", "two forms of the same stage for one project-year; neither is linked"),
}, func(c *Context) {
	for _, d := range c.Links.Duplicates {
		sources := ""
		if len(d.Sources) > 0 {
			sources = strings.Join(d.Sources, "、")
		}
		zh := fmt.Sprintf("同一项目年度有 %d 份%s", d.Count, d.Kind.Label())
		en := fmt.Sprintf("the project-year has %d forms of kind %s", d.Count, d.Kind)
		if sources != "" {
			zh += "（" + sources + "）"
			en += " (" + strings.Join(d.Sources, ", ") + ")"
		}
		c.Report("", text(zh+"，均不予关联比对", en+"; none of them is linked"), "1", fmt.Sprint(d.Count))
	}
})
