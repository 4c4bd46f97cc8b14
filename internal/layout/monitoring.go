package layout

import (
	"fmt"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// monitoringFields are the monitoring form's labelled single values.
func monitoringFields(f *evaluation.MonitoringForm) []field {
	fu := &f.Funds
	return []field{
		{id: vocab.ProjectName, path: "project", text: &f.Project},
		{id: vocab.Authority, path: "department", text: &f.Department},
		{id: vocab.DepartmentName, path: "department", text: &f.Department},
		{id: vocab.Code, path: "code", text: &f.Code},
		{id: vocab.Year, path: "year", typ: YearType, year: &f.Year},
		{id: vocab.InitialBudget, path: "funds.annual_budget", typ: AmountType, amount: &fu.AnnualBudget},
		{id: vocab.AdjustedBudget, path: "funds.adjusted_budget", typ: AmountType, amount: &fu.AdjustedBudget},
		{id: vocab.ExecutedToDate, path: "funds.executed", typ: AmountType, amount: &fu.Executed},
		{id: vocab.FundsForecast, path: "funds.forecast", typ: AmountType, amount: &fu.Forecast},
		{id: vocab.ExecutionRateToDate, path: "funds.reported.execution_rate", typ: RateType, rate: &fu.Reported.ExecutionRate},
		{id: vocab.FormDeviation, path: "deviation", text: &f.Deviation},
		{id: vocab.Measures, path: "measures", text: &f.Measures},
		{id: vocab.Profile, path: "profile", text: &f.Profile},
	}
}

// monColumn is a column of the monitoring form's indicator table.
type monColumn struct {
	id  vocab.ID
	key string // the indicator's key path below it
}

// monColumns are the columns of the monitoring form's 绩效指标 table, the
// five of 偏差原因分析 among them.
var monColumns = []monColumn{
	{vocab.Level1, "level1"}, {vocab.Level2, "level2"}, {vocab.IndicatorName, "name"}, {vocab.Target, "target"},
	{vocab.ProgressToDate, "progress"}, {vocab.IndicatorForecast, "forecast"},
	{vocab.DeviationFunding, "deviation.funding"}, {vocab.DeviationSystem, "deviation.system"},
	{vocab.DeviationStaffing, "deviation.staffing"}, {vocab.DeviationFacilities, "deviation.facilities"},
	{vocab.DeviationOther, "deviation.other"},
	{vocab.Likelihood, "likelihood"}, {vocab.Improvements, "measures"},
}

// deviationCols are the five columns of 偏差原因分析: where they start in
// monColumns, and how many.
const deviationFirst, deviationCols = 6, 5

// monitoring lays out 项目支出绩效目标执行监控表 (财预〔2019〕136号): the
// project's header; 项目资金 in columns — 年初预算数, 调整后预算数 (when the
// form states one), 1-X月执行数, 1-X月执行率, 全年预计执行数 — over 年度资金总额
// and the 其中 rows; 年度总体目标 with its 1-X月执行情况; the 绩效指标 table with
// 偏差原因分析 in its five columns; and the form-level 偏差或不能完成目标原因分析
// and 相关建议或举措 when the form has them. The month monitored, X, is
// printed in the labels (1-7月执行数), as the form prints it; "1-X月" when
// the form does not state it.
func monitoring(f *evaluation.MonitoringForm) *Doc {
	b := newBuilder(evaluation.Monitoring, vocab.MonitoringLayout, f.Unit)
	b.doc.Profile = f.Profile
	fs := fieldsOf(f)
	b.head(vocab.TitleMonitoring, f.Year, f.Unit)
	x := int(f.AsOf)
	fu := &f.Funds

	adjusted := fu.AdjustedBudget != nil
	for _, s := range fu.Sources {
		adjusted = adjusted || s.AdjustedBudget != nil
	}
	amountCols := []vocab.ID{vocab.InitialBudget}
	if adjusted {
		amountCols = append(amountCols, vocab.AdjustedBudget)
	}
	amountCols = append(amountCols, vocab.ExecutedToDate, vocab.ExecutionRateToDate, vocab.FundsForecast)
	width := 2 + len(amountCols)
	t := b.table(width)
	t.row(at(0, b.label(vocab.ProjectName)), at(1, b.field(fs, vocab.ProjectName), width-1))
	if f.Code != "" {
		t.row(at(0, b.label(vocab.Code)), at(1, b.field(fs, vocab.Code), width-1))
	}
	t.row(at(0, b.label(vocab.Authority)), at(1, b.field(fs, vocab.Authority), width-1))

	// 项目资金: the column headers, 年度资金总额, the 其中 rows.
	header := []*Cell{at(0, b.label(vocab.FundsBlock, "funds"), 1, 2+len(fu.Sources))}
	total := []*Cell{at(1, b.label(vocab.FundsTotal))}
	for i, id := range amountCols {
		header = append(header, at(2+i, b.monthLabel(id, x)))
		total = append(total, at(2+i, b.field(fs, id)))
	}
	t.row(header...)
	t.row(total...)
	for i, s := range fu.Sources {
		p := fmt.Sprintf("funds.sources[%d]", i)
		name := b.text(vocab.SourcePrefix+s.Name, p+".name", p)
		name.Literal = true
		r := []*Cell{at(1, name)}
		for j, id := range amountCols {
			var a *budget.Amount
			var key string
			switch id {
			case vocab.InitialBudget:
				a, key = s.AnnualBudget, "annual_budget"
			case vocab.AdjustedBudget:
				a, key = s.AdjustedBudget, "adjusted_budget"
			case vocab.ExecutedToDate:
				a, key = s.Executed, "executed"
			case vocab.FundsForecast:
				a, key = s.Forecast, "forecast"
			default:
				continue // a source row states no rate of its own
			}
			r = append(r, at(2+j, b.amount(a, p+"."+key)))
		}
		t.row(r...)
	}

	// 年度总体目标: 年度目标 | 1-X月执行情况 over their texts.
	half := (width - 1) / 2
	t.row(at(0, b.label(vocab.GoalsBlock, "goals"), 1, 2), at(1, b.labelText(vocab.GoalsBlock, vocab.AnnualGoalText), half),
		at(1+half, b.monthLabel(vocab.ProgressToDate, x), width-1-half))
	t.row(at(1, b.list(f.Goals.Annual, "goals.annual"), half), at(1+half, b.text(f.Goals.Progress, "goals.progress"), width-1-half))

	b.monIndicators(f)
	b.extra(f.Extra)
	return b.doc
}

// monthLabel draws a label that names the months monitored: 1-7月执行数,
// shown at "as_of" too.
func (b *builder) monthLabel(id vocab.ID, x int) *Cell {
	if text := vocab.MonthLabel(id, x); text != "" {
		return b.labelText(id, text, "as_of")
	}
	return b.label(id)
}

// monIndicators draws the 绩效指标 table: a header of two rows (偏差原因分析
// over its five columns), a row per indicator, and the form-level texts
// when the form has them.
func (b *builder) monIndicators(f *evaluation.MonitoringForm) {
	width := 1 + len(monColumns)
	t := b.table(width)
	fs := fieldsOf(f)
	var closing []vocab.ID
	for _, id := range []vocab.ID{vocab.FormDeviation, vocab.Measures} {
		if fd, _ := fieldOf(fs, id); *fd.text != "" {
			closing = append(closing, id)
		}
	}
	x := int(f.AsOf)
	head := []*Cell{at(0, b.label(vocab.IndicatorsBlock, "indicators"), 1, 2+len(f.Indicators))}
	var sub []*Cell
	for i := 0; i < len(monColumns); i++ {
		c := monColumns[i]
		if i == deviationFirst {
			head = append(head, at(1+i, b.label(vocab.Deviation), deviationCols))
			for j := range deviationCols {
				sub = append(sub, at(1+i+j, b.label(monColumns[i+j].id)))
			}
			i += deviationCols - 1
			continue
		}
		head = append(head, at(1+i, b.monthLabel(c.id, x), 1, 2))
	}
	t.row(head...)
	t.row(sub...)
	for i := range f.Indicators {
		ind := &f.Indicators[i]
		prefix := fmt.Sprintf("indicators[%d]", i)
		r := make([]*Cell, len(monColumns))
		for j, c := range monColumns {
			p := prefix + "." + c.key
			var cell *Cell
			switch c.id {
			case vocab.Level1:
				cell = b.levelCell(ind.Level1, p)
			case vocab.Level2:
				cell = b.levelCell(ind.Level2, p)
			case vocab.IndicatorName:
				cell = b.text(ind.Name, prefix, p)
			case vocab.Target:
				cell = b.text(ind.Target, p)
			case vocab.ProgressToDate:
				cell = b.text(ind.Progress, p)
			case vocab.IndicatorForecast:
				cell = b.text(ind.Forecast, p)
			case vocab.DeviationFunding:
				cell = b.text(ind.Deviation.Funding, p, prefix+".deviation")
			case vocab.DeviationSystem:
				cell = b.text(ind.Deviation.System, p)
			case vocab.DeviationStaffing:
				cell = b.text(ind.Deviation.Staffing, p)
			case vocab.DeviationFacilities:
				cell = b.text(ind.Deviation.Facilities, p)
			case vocab.DeviationOther:
				cell = b.text(ind.Deviation.Other, p)
			case vocab.Likelihood:
				cell = b.text(ind.Likelihood.String(), p)
			case vocab.Improvements:
				cell = b.text(ind.Measures, p)
			}
			r[j] = at(1+j, cell)
		}
		t.row(r...)
	}
	for _, id := range closing {
		t.row(at(0, b.label(id)), at(1, b.field(fs, id), width-1))
	}
}
