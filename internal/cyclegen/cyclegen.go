// Package cyclegen generates declaration and monitoring forms for the
// round-trip tests of the Markdown and Excel roads. Every text is drawn
// from the vocabulary's labels and the texts a reader treats specially (a
// placeholder, a note, a year line, a month label, a row of tick boxes),
// so that a writer that fails to mark such a text as data, or a reader
// that takes it for a label, is caught: Import(Export(f)) must be f.
//
// The forms fill every indicator's 一级指标, 二级指标 and name: a Markdown
// table prints a merged cell on its first row only, so a blank level
// below a filled one reads as the one above it (see package markdown).
package cyclegen

import (
	"fmt"
	"math/rand/v2"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// special are texts the readers treat specially where they stand, besides
// the labels.
var special = []string{
	"……", "…", "指标1", "指标2：", "XX", "注：见附件", "说明：另附", "附件1", "公开14表", "（2025年度）", "2025年", "2025",
	"审核发现", "项目", "金额", "—", "无", "/", "优", "良好", "1、部门预算项目 □ 2、省直专项 □ 3、省对下转移支付项目 □",
	"其中：", "其中：上级资金", "16", "0.00", "年度资金总额:16", "854万(说明)", "1-7月执行数", "1-X月执行率",
	"半年度指标执行情况", "其他", "确定能", "不可能", "单位：万元", "项目支出绩效目标申报表", "黄石市项目支出绩效监控表",
	"<!-- perfeval profile: x -->", "a|b", "<b>粗</b>", "&amp;", `\`, "≥20台", "2025年11月底前", "设备采购数量",
	"已完成8所学校的设备采购", "供应商延期交货", "[015001]某局", "202001-202012",
}

// Texts are the texts the generated forms draw from: every spelling of
// the vocabulary, then the special texts.
func Texts() []string { return append(vocab.Spellings(), special...) }

// dates are dates as the forms write them.
var dates = []string{"2025年1月", "2025年12月31日", "2025-01-01", "2025.1", "2025/1/1", "202501", "2025", "2026年6月"}

// Gen draws forms from a seeded source.
type Gen struct {
	r     *rand.Rand
	texts []string
}

// New returns a generator whose forms depend on seed alone.
func New(seed uint64) *Gen {
	return &Gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), texts: Texts()}
}

// text is a text of the pool, or "" one time in six.
func (g *Gen) text() string {
	if g.r.IntN(6) == 0 {
		return ""
	}
	return g.some()
}

// some is a text of the pool, never "".
func (g *Gen) some() string { return g.texts[g.r.IntN(len(g.texts))] }

// amount is nil one time in five, else a non-negative amount with up to
// four decimals.
func (g *Gen) amount(u budget.Unit) *budget.Amount {
	if g.r.IntN(5) == 0 {
		return nil
	}
	d := decimal.New(g.r.Int64N(10_000_000), -int32(g.r.IntN(5)))
	a := budget.NewAmount(d, u)
	return &a
}

func (g *Gen) date() evaluation.Date {
	if g.r.IntN(4) == 0 {
		return evaluation.Date{}
	}
	d, err := evaluation.ParseDate(dates[g.r.IntN(len(dates))])
	if err != nil {
		panic(err) // the list above holds dates only
	}
	return d
}

func (g *Gen) common() (unit budget.Unit, year int, profile string, extra []evaluation.Extra) {
	unit = []budget.Unit{budget.TenThousandYuan, budget.Yuan}[g.r.IntN(2)]
	if g.r.IntN(4) > 0 {
		year = 1949 + g.r.IntN(252)
	}
	profile = []string{"", "national", "guangzhou-2021", "x.y-1"}[g.r.IntN(4)]
	for range g.r.IntN(3) {
		extra = append(extra, evaluation.Extra{Label: g.some(), Text: g.some()})
	}
	return
}

// Declaration returns a declaration whose texts are drawn from Texts.
func (g *Gen) Declaration() *evaluation.DeclarationForm {
	u, year, profile, extra := g.common()
	f := &evaluation.DeclarationForm{
		Profile: profile, Project: g.text(), Code: g.text(), Department: g.text(), ImplementingUnit: g.text(),
		Attribute: g.text(), Type: g.text(), Period: evaluation.Period{Start: g.date(), End: g.date()},
		Year: year, Unit: u, Extra: extra,
		Funds: evaluation.DeclarationFunds{Total: g.amount(u), Fiscal: g.amount(u), Other: g.amount(u)},
		Goals: evaluation.DeclarationGoals{LongTerm: g.text()},
	}
	for range g.r.IntN(3) {
		// A source with neither a name nor an amount draws no row.
		a := g.amount(u)
		if a == nil {
			b := budget.NewAmount(decimal.NewFromInt(1), u)
			a = &b
		}
		f.Funds.Sources = append(f.Funds.Sources, evaluation.FundRow{Name: g.text(), Amount: a})
	}
	for range g.r.IntN(3) {
		f.Goals.Annual = append(f.Goals.Annual, g.some())
	}
	f.Indicators = g.declIndicators(g.r.IntN(5))
	if g.r.IntN(2) == 0 {
		f.LongTermIndicators = g.declIndicators(1 + g.r.IntN(3))
	}
	return f
}

func (g *Gen) declIndicators(n int) []evaluation.DeclarationIndicator {
	var out []evaluation.DeclarationIndicator
	for range n {
		ind := evaluation.DeclarationIndicator{Level1: g.some(), Level2: g.some(), Name: g.some(), Target: g.text(),
			Basis: g.text(), Note: g.text()}
		if g.r.IntN(3) == 0 {
			w := decimal.New(g.r.Int64N(1000), -int32(g.r.IntN(3)))
			ind.Weight = &w
		}
		out = append(out, ind)
	}
	return out
}

// Monitoring returns a monitoring form whose texts are drawn from Texts.
func (g *Gen) Monitoring() *evaluation.MonitoringForm {
	u, year, profile, extra := g.common()
	f := &evaluation.MonitoringForm{
		Profile: profile, Project: g.text(), Code: g.text(), Department: g.text(), Year: year,
		AsOf: evaluation.Month(g.r.IntN(13)), Unit: u, Extra: extra,
		Funds: evaluation.MonitoringFunds{AnnualBudget: g.amount(u), AdjustedBudget: g.amount(u), Executed: g.amount(u),
			Forecast: g.amount(u)},
		Goals:     evaluation.MonitoringGoals{Progress: g.text()},
		Deviation: g.text(), Measures: g.text(),
	}
	if g.r.IntN(3) > 0 {
		rt, err := budget.ParsePercent(fmt.Sprintf("%d.%02d%%", g.r.IntN(150), g.r.IntN(100)))
		if err != nil {
			panic(err)
		}
		f.Funds.Reported.ExecutionRate = &rt
	}
	for range g.r.IntN(3) {
		f.Funds.Sources = append(f.Funds.Sources, evaluation.MonitoringFundRow{Name: g.text(),
			AnnualBudget: g.amount(u), AdjustedBudget: g.amount(u), Executed: g.amount(u), Forecast: g.amount(u)})
	}
	for range g.r.IntN(3) {
		f.Goals.Annual = append(f.Goals.Annual, g.some())
	}
	for range g.r.IntN(5) {
		f.Indicators = append(f.Indicators, evaluation.MonitoringIndicator{
			Level1: g.some(), Level2: g.some(), Name: g.some(), Target: g.text(), Progress: g.text(), Forecast: g.text(),
			Likelihood: evaluation.Likelihood(g.r.IntN(4)),
			Deviation: evaluation.Deviation{Funding: g.text(), System: g.text(), Staffing: g.text(), Facilities: g.text(),
				Other: g.text()},
			Measures: g.text(),
		})
	}
	return f
}
