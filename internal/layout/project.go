package layout

import (
	"fmt"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// project lays out 项目支出绩效自评表 as the Ministry of Finance's template
// (财预〔2020〕10号, 附件) has it, with 评价等级 and the closing texts
// (评价结论, 存在问题, 改进措施) as rows under 总分 when the form has them.
func project(f *evaluation.ProjectForm) *Doc {
	b := newBuilder(evaluation.Project, vocab.NationalProject, f.Unit)
	b.doc.Profile = f.Profile
	fs := fieldsOf(f)
	b.head(vocab.TitleProject, f.Year, f.Unit)
	cols := projectColumns
	if colDirection.usedBy(f.Indicators) {
		cols = append(cols[:len(cols):len(cols)], colDirection)
	}
	width := 1 + len(cols)
	t := b.table(width)
	t.row(at(0, b.label(vocab.ProjectName)), at(1, b.field(fs, vocab.ProjectName), width-1))
	if f.Code != "" {
		t.row(at(0, b.label(vocab.Code)), at(1, b.field(fs, vocab.Code), width-1))
	}
	t.row(at(0, b.label(vocab.Authority)), at(1, b.field(fs, vocab.Authority), 3),
		at(4, b.label(vocab.ImplementingUnit)), at(5, b.field(fs, vocab.ImplementingUnit), width-5))
	b.fundsTable(t, fs, &f.Funds.Funds, width, false)
	b.goals(t, &f.Goals, width)
	b.indicatorTable(t, f.Indicators, cols)
	b.totals(t, fs, width)
	b.closing(t, fs, width)
	b.extra(f.Extra)
	return b.doc
}

// head draws the title, the year under it and the unit.
func (b *builder) head(title string, year int, u budget.Unit) {
	b.line(TitleBlock, b.text(title))
	if year != 0 {
		b.line(LineBlock, b.text(YearLine(year), "year"))
	}
	b.line(LineBlock, b.text(UnitLine(u), "unit"))
}

// fundsTable draws the national 项目资金 (预算资金) block: the column headers
// 年初预算数 | 全年预算数 | 全年执行数 | (预算调整数) | 分值 | 执行率 | 得分,
// the 年度资金总额 row, one row per source, and 预算调整率 when the form
// states one (the department form).
func (b *builder) fundsTable(t *tableBuilder, fs []field, fu *budget.Funds, width int, adjRate bool) {
	amounts := []struct {
		id  vocab.ID
		key string
		get func(budget.Source) *budget.Amount
	}{
		{vocab.InitialBudget, "initial_budget", func(s budget.Source) *budget.Amount { return s.InitialBudget }},
		{vocab.AdjustedBudget, "adjusted_budget", func(s budget.Source) *budget.Amount { return s.AdjustedBudget }},
		{vocab.ActualExpenditure, "actual_expenditure", func(s budget.Source) *budget.Amount { return s.ActualExpenditure }},
	}
	n := 2 + len(fu.Sources)
	if adjRate {
		n++
	}
	header := []*Cell{at(0, b.label(vocab.FundsBlock, "funds"), 1, n)}
	total := []*Cell{at(1, b.label(vocab.FundsTotal))}
	col := 2
	for _, a := range amounts {
		header = append(header, at(col, b.label(a.id)))
		total = append(total, at(col, b.field(fs, a.id)))
		col++
	}
	if fu.Adjustment != nil {
		header = append(header, at(col, b.label(vocab.Adjustment)))
		total = append(total, at(col, b.field(fs, vocab.Adjustment)))
		col++
	}
	for _, id := range []vocab.ID{vocab.Weight, vocab.CompletionRate, vocab.Score} {
		header = append(header, at(col, b.label(id)))
		total = append(total, at(col, b.field(fs, id)))
		col++
	}
	t.row(header...)
	t.row(total...)
	for i, s := range fu.Sources {
		p := fmt.Sprintf("funds.sources[%d]", i)
		r := []*Cell{at(1, b.labelText(vocab.Source, vocab.SourceText(s.Kind), p))}
		for j, a := range amounts {
			r = append(r, at(2+j, b.amount(a.get(s), p+"."+a.key)))
		}
		t.row(r...)
	}
	if adjRate {
		t.row(at(1, b.label(vocab.AdjustmentRate)), at(2, b.field(fs, vocab.AdjustmentRate)))
	}
}

// goals draws 年度总体目标: 预期目标 | 实际完成情况 over their texts.
func (b *builder) goals(t *tableBuilder, g *evaluation.Goals, width int) {
	t.row(at(0, b.label(vocab.GoalsBlock, "goals"), 1, 2), at(1, b.label(vocab.Expected), 4), at(5, b.label(vocab.Achieved), width-5))
	t.row(at(1, b.list(g.Expected, "goals.expected"), 4), at(5, b.text(g.Achieved, "goals.achieved"), width-5))
}

// totals draws 总分, in the indicators' 得分 column, and 评价等级.
func (b *builder) totals(t *tableBuilder, fs []field, width int) {
	scoreCol := 1 + 6 // the 得分 column of the 绩效指标 table
	t.row(at(0, b.label(vocab.TotalScore, "reported")), at(scoreCol, b.field(fs, vocab.TotalScore)))
	t.row(at(0, b.label(vocab.Grade)), at(1, b.field(fs, vocab.Grade), width-1))
}

// closing draws the closing texts the form has (评价结论, 存在问题, 改进措施).
func (b *builder) closing(t *tableBuilder, fs []field, width int) {
	for _, id := range []vocab.ID{vocab.Overall, vocab.Problems, vocab.Improvements} {
		if f, _ := fieldOf(fs, id); *f.text != "" {
			t.row(at(0, b.label(id)), at(1, b.field(fs, id), width-1))
		}
	}
}

// extra draws the labelled cells the format has no key for, in a table
// of their own: 其他栏目 | label | text.
func (b *builder) extra(xs []evaluation.Extra) {
	if len(xs) == 0 {
		return
	}
	t := b.table(3)
	for i, x := range xs {
		p := fmt.Sprintf("extra[%d]", i)
		var head *Cell
		if i == 0 {
			head = at(0, b.label(vocab.ExtraBlock, "extra"), 1, len(xs))
		}
		t.row(head, at(1, b.text(x.Label, p+".label", p)), at(2, b.text(x.Text, p+".text")))
	}
}
