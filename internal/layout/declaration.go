package layout

import (
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// declarationFields are the declaration's labelled single values. 预算单位
// (DepartmentName) is a spelling of 主管部门 here: Sichuan's declaration
// prints it where the others print 主管部门.
func declarationFields(f *evaluation.DeclarationForm) []field {
	fu := &f.Funds
	return []field{
		{id: vocab.ProjectName, path: "project", text: &f.Project},
		{id: vocab.Authority, path: "department", text: &f.Department},
		{id: vocab.DepartmentName, path: "department", text: &f.Department},
		{id: vocab.ImplementingUnit, path: "implementing_unit", text: &f.ImplementingUnit},
		{id: vocab.Code, path: "code", text: &f.Code},
		{id: vocab.Year, path: "year", typ: YearType, year: &f.Year},
		{id: vocab.Attribute, path: "attribute", text: &f.Attribute},
		{id: vocab.ProjectType, path: "type", text: &f.Type},
		{id: vocab.FundsTotal, path: "funds.total", typ: AmountType, amount: &fu.Total},
		{id: vocab.LongTermGoal, path: "goals.long_term", text: &f.Goals.LongTerm},
		{id: vocab.Profile, path: "profile", text: &f.Profile},
	}
}

// declColumn is a column of a declaration's indicator table.
type declColumn struct {
	id   vocab.ID
	key  string
	used func(*evaluation.DeclarationIndicator) bool
}

var (
	declLevel1 = declColumn{vocab.Level1, "level1", nil}
	declLevel2 = declColumn{vocab.Level2, "level2", nil}
	declName   = declColumn{vocab.IndicatorName, "name", nil}
	declTarget = declColumn{vocab.Target, "target", nil}
	declBasis  = declColumn{vocab.Basis, "basis", func(i *evaluation.DeclarationIndicator) bool { return i.Basis != "" }}
	declWeight = declColumn{vocab.Weight, "weight", func(i *evaluation.DeclarationIndicator) bool { return i.Weight != nil }}
	declNote   = declColumn{vocab.Note, "note", func(i *evaluation.DeclarationIndicator) bool { return i.Note != "" }}
)

// declColumns are the columns of an indicator table: 一级指标 | 二级指标 |
// 三级指标 | 指标值 as published, and 取值依据, 分值 and 备注 when some row of
// the table fills them.
func declColumns(inds []evaluation.DeclarationIndicator) []declColumn {
	cols := []declColumn{declLevel1, declLevel2, declName, declTarget}
	for _, c := range []declColumn{declBasis, declWeight, declNote} {
		for i := range inds {
			if c.used(&inds[i]) {
				cols = append(cols, c)
				break
			}
		}
	}
	return cols
}

// declaration lays out 项目支出绩效目标申报表 as the finance bureaus publish
// it (财预〔2015〕88号, in the layout of 财预〔2011〕285号 附1-1): the project's
// header, 项目资金申请 (资金总额, 其中：财政拨款, 其他资金 and any further
// source), 总体目标 (长期目标 | 年度目标), then 长期绩效指标 (when the form
// has them) and 年度绩效指标 as tables of their own.
func declaration(f *evaluation.DeclarationForm) *Doc {
	b := newBuilder(evaluation.Declaration, vocab.DeclarationLayout, f.Unit)
	b.doc.Profile = f.Profile
	fs := fieldsOf(f)
	b.head(vocab.TitleDeclaration, f.Year, f.Unit)
	const width = 5
	t := b.table(width)
	t.row(at(0, b.label(vocab.ProjectName)), at(1, b.field(fs, vocab.ProjectName), width-1))
	if f.Code != "" {
		t.row(at(0, b.label(vocab.Code)), at(1, b.field(fs, vocab.Code), width-1))
	}
	t.row(at(0, b.label(vocab.Authority)), at(1, b.field(fs, vocab.Authority)),
		at(2, b.label(vocab.ImplementingUnit)), at(3, b.field(fs, vocab.ImplementingUnit), width-3))
	if f.Type != "" {
		t.row(at(0, b.label(vocab.Attribute)), at(1, b.field(fs, vocab.Attribute)),
			at(2, b.label(vocab.ProjectType)), at(3, b.field(fs, vocab.ProjectType), width-3))
	} else {
		t.row(at(0, b.label(vocab.Attribute)), at(1, b.field(fs, vocab.Attribute), width-1))
	}
	t.row(at(0, b.label(vocab.Period)), at(1, b.register(&Cell{Text: PeriodText(f.Period), Paths: []string{"period", "period.start", "period.end"}}), width-1))

	// 项目资金申请: 资金总额, 其中：财政拨款, 其他资金, then the further
	// sources by name.
	fu := &f.Funds
	rows := [][]*Cell{
		{at(1, b.label(vocab.FundsTotal)), at(2, b.field(fs, vocab.FundsTotal), width-2)},
		{at(1, b.labelText(vocab.Source, vocab.FiscalText)), at(2, b.amount(fu.Fiscal, "funds.fiscal"), width-2)},
		{at(1, b.labelText(vocab.Source, vocab.OtherText)), at(2, b.amount(fu.Other, "funds.other"), width-2)},
	}
	for i, s := range fu.Sources {
		// 其中：上级资金, as 湖北青山 prints a further source: a name,
		// whatever it says, never a label.
		p := fmt.Sprintf("funds.sources[%d]", i)
		name := b.text(vocab.SourcePrefix+s.Name, p+".name", p)
		name.Literal = true
		rows = append(rows, []*Cell{at(1, name), at(2, b.amount(s.Amount, p+".amount"), width-2)})
	}
	rows[0] = append([]*Cell{at(0, b.label(vocab.FundsBlock, "funds"), 1, len(rows))}, rows[0]...)
	for _, r := range rows {
		t.row(r...)
	}

	// 总体目标: 长期目标 | 年度目标 over their texts.
	t.row(at(0, b.label(vocab.GoalsBlock, "goals"), 1, 2), at(1, b.label(vocab.LongTermGoal), 2),
		at(3, b.labelText(vocab.GoalsBlock, vocab.AnnualGoalText), width-3))
	t.row(at(1, b.field(fs, vocab.LongTermGoal), 2), at(3, b.list(f.Goals.Annual, "goals.annual"), width-3))

	if len(f.LongTermIndicators) > 0 {
		b.declIndicators(vocab.LongTermIndicators, "long_term_indicators", f.LongTermIndicators)
	}
	b.declIndicators(vocab.IndicatorsBlock, "indicators", f.Indicators)
	b.extra(f.Extra)
	return b.doc
}

// declIndicators draws an indicator table of the declaration: its block
// label down column 0, the column headers, a row per indicator.
func (b *builder) declIndicators(block vocab.ID, key string, inds []evaluation.DeclarationIndicator) {
	cols := declColumns(inds)
	t := b.table(1 + len(cols))
	head := []*Cell{at(0, b.label(block, key), 1, 1+len(inds))}
	for i, c := range cols {
		head = append(head, at(1+i, b.label(c.id)))
	}
	t.row(head...)
	for i := range inds {
		ind := &inds[i]
		prefix := fmt.Sprintf("%s[%d]", key, i)
		var r []*Cell
		for j, c := range cols {
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
			case vocab.Basis:
				cell = b.text(ind.Basis, p)
			case vocab.Weight:
				cell = b.number(ind.Weight, p)
			case vocab.Note:
				cell = b.text(ind.Note, p)
			}
			r = append(r, at(1+j, cell))
		}
		t.row(r...)
	}
}

// levelCell draws a 一级指标 or 二级指标 cell: a run of equal cells is merged.
// A name holding a space or a line break is marked as data, so that it
// reads back as written rather than as a label wrapped in its cell
// (经济效益<br>指标), whose breaks a reader folds.
func (b *builder) levelCell(text, path string) *Cell {
	c := b.text(text, path)
	c.Run = true
	c.Literal = strings.ContainsAny(text, " \u3000\n")
	return c
}

// PeriodText is 项目起止时间 as a declaration prints it in one cell: the
// dates as written, joined by 至 ("2025年1月至2025年12月"); the start alone,
// or 至 and the end alone, when the form states one of them; "" for none.
// ParsePeriod reads it back.
func PeriodText(p evaluation.Period) string {
	switch {
	case p.Start.IsZero() && p.End.IsZero():
		return ""
	case p.End.IsZero():
		return p.Start.String()
	}
	return p.Start.String() + periodSep + p.End.String()
}

const periodSep = "至"
