package layout

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// ProfileNameRE is what a profile name kept in a drawn form may look
// like; anything else is left out rather than risk breaking the document.
var ProfileNameRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// national reports whether a department form fills the national layout's
// parts: the budget row's weight or score, scored indicators, a total.
func national(f *evaluation.DepartmentForm) bool {
	return len(f.Indicators) > 0 || f.Funds.Weight != nil || f.Funds.Reported.Score != nil ||
		f.Reported.TotalScore != nil || f.Reported.Grade != ""
}

// guangzhou reports whether a department form fills Guangzhou's parts (or
// none of the national ones): tasks, key projects, the funds label by
// label.
func guangzhou(f *evaluation.DepartmentForm) bool {
	return !national(f) || len(f.Tasks) > 0 || len(f.KeyProjects) > 0 || f.Funds.Reported.AdjustmentRate != nil
}

// department lays out 部门整体支出绩效自评表: as Guangzhou publishes it
// (the Tianhe 2021 form) when the form has Guangzhou's parts, in the
// Ministry of Finance's national layout when it has only the national
// ones, and as Guangzhou's with the national parts added (the budget
// row's 分值 and 得分 in 部门资金情况, the 绩效指标 table and 总分 after
// 重点项目绩效情况) when it has both.
func department(f *evaluation.DepartmentForm) *Doc {
	if !guangzhou(f) {
		return nationalDepartment(f)
	}
	b := newBuilder(evaluation.Department, vocab.Guangzhou, f.Unit)
	fs := fieldsOf(f)
	b.line(TitleBlock, b.text(vocab.TitleDepartment))
	b.line(LineBlock, b.text(UnitLine(f.Unit), "unit"))
	noted := f.Profile == ProfileGuangzhou2021
	if !noted {
		b.doc.Profile = f.Profile
	}

	// The indicator columns: 关键指标 and 指标完成情况 as published, the
	// others when some indicator fills them.
	var lists [][]evaluation.Indicator
	for i := range f.Tasks {
		lists = append(lists, f.Tasks[i].Indicators)
	}
	for i := range f.KeyProjects {
		lists = append(lists, f.KeyProjects[i].Indicators)
	}
	cols := []column{colName}
	for _, c := range []column{colTarget, colActual, colWeight, colScore, colDeviation, colDirection, colLevel1, colLevel2} {
		if c.id == vocab.Actual || c.usedBy(lists...) {
			cols = append(cols, c)
		}
	}
	width := 3 + len(cols) + 1
	fundsCol := width - 1
	t := b.table(width)
	t.row(at(0, b.label(vocab.DepartmentName), 2), at(2, b.field(fs, vocab.DepartmentName), 2),
		at(4, b.label(vocab.Year)), at(5, b.field(fs, vocab.Year), width-5))
	if f.Code != "" {
		t.row(at(0, b.label(vocab.Code), 2), at(2, b.field(fs, vocab.Code), width-2))
	}

	// 部门资金情况. A 其中 row breaks down the row above it: under 部门调整预算收入
	// and 部门年初预算收入 for a source's budgets, under 实际支出数 for its
	// expenditure (the seed's 其中：一般公共预算 row).
	fu := &f.Funds
	var rows [][]*Cell
	rows = append(rows, []*Cell{at(1, b.label(vocab.AdjustedBudget)), at(2, b.field(fs, vocab.AdjustedBudget)),
		at(3, b.label(vocab.InitialBudget)), at(4, b.field(fs, vocab.InitialBudget), width-4)})
	source := func(i int, s budget.Source) *Cell {
		return b.labelText(vocab.Source, vocab.SourceText(s.Kind), fmt.Sprintf("funds.sources[%d]", i))
	}
	// A source is read back where its first row stands: when a source
	// without budgets comes before one with them, every source gets a
	// budget row, so the rows keep the form's order.
	every := false
	for i, s := range fu.Sources {
		if s.AdjustedBudget == nil && s.InitialBudget == nil {
			for _, t := range fu.Sources[i+1:] {
				every = every || t.AdjustedBudget != nil || t.InitialBudget != nil
			}
		}
	}
	for i, s := range fu.Sources {
		if s.AdjustedBudget == nil && s.InitialBudget == nil && !every {
			continue
		}
		p := fmt.Sprintf("funds.sources[%d].", i)
		var r []*Cell
		if s.AdjustedBudget != nil || s.InitialBudget == nil {
			r = append(r, at(1, source(i, s)))
		}
		r = append(r, at(2, b.amount(s.AdjustedBudget, p+"adjusted_budget")))
		if s.InitialBudget != nil {
			r = append(r, at(3, source(i, s)))
		}
		r = append(r, at(4, b.amount(s.InitialBudget, p+"initial_budget"), width-4))
		rows = append(rows, r)
	}
	rows = append(rows, []*Cell{at(1, b.label(vocab.ActualExpenditure)), at(2, b.field(fs, vocab.ActualExpenditure)),
		at(3, b.label(vocab.Adjustment)), at(4, b.field(fs, vocab.Adjustment), width-4)})
	for i, s := range fu.Sources {
		if s.ActualExpenditure == nil && (s.AdjustedBudget != nil || s.InitialBudget != nil) {
			continue
		}
		rows = append(rows, []*Cell{at(1, source(i, s)),
			at(2, b.amount(s.ActualExpenditure, fmt.Sprintf("funds.sources[%d].actual_expenditure", i)), width-2)})
	}
	rows = append(rows, []*Cell{at(1, b.label(vocab.CompletionRate)), at(2, b.field(fs, vocab.CompletionRate)),
		at(3, b.label(vocab.AdjustmentRate)), at(4, b.field(fs, vocab.AdjustmentRate), width-4)})
	if fu.Weight != nil || fu.Reported.Score != nil {
		rows = append(rows, []*Cell{at(1, b.label(vocab.Weight)), at(2, b.field(fs, vocab.Weight)),
			at(3, b.label(vocab.Score)), at(4, b.field(fs, vocab.Score), width-4)})
	}
	rows[0] = append([]*Cell{at(0, b.label(vocab.FundsBlock, "funds"), 1, len(rows))}, rows[0]...)
	for _, r := range rows {
		t.row(r...)
	}

	// 年度目标.
	t.row(at(0, b.label(vocab.GoalsBlock, "goals"), 1, 2),
		at(1, b.labelText(vocab.Expected, vocab.DepartmentExpected), 2), at(3, b.labelText(vocab.Achieved, vocab.DepartmentAchieved), width-3))
	t.row(at(1, b.list(f.Goals.Expected, "goals.expected"), 2), at(3, b.text(f.Goals.Achieved, "goals.achieved"), width-3))

	// 主要任务: the task's cells span its indicator rows.
	head := []*Cell{at(0, b.label(vocab.TasksBlock, "tasks")), at(1, b.label(vocab.Expected)), at(2, b.label(vocab.Achieved))}
	head = append(head, b.headers(cols, 3)...)
	t.row(append(head, at(fundsCol, b.label(vocab.TaskFunds)))...)
	for i := range f.Tasks {
		task := &f.Tasks[i]
		p := fmt.Sprintf("tasks[%d]", i)
		n := max(1, len(task.Indicators))
		first := []*Cell{at(0, b.text(task.Name, p, p+".name"), 1, n), at(1, b.text(task.Expected, p+".expected"), 1, n),
			at(2, b.text(task.Achieved, p+".achieved"), 1, n)}
		funds := at(fundsCol, b.amount(task.Funds, p+".funds"), 1, n)
		if len(task.Indicators) == 0 {
			t.row(append(first, at(3, b.text("", p+".indicators")), funds)...)
			continue
		}
		for j := range task.Indicators {
			cells := b.indicatorCells(cols, &task.Indicators[j], fmt.Sprintf("%s.indicators[%d]", p, j), 3)
			if j == 0 {
				b.doc.paths[p+".indicators"] = cells[0]
				t.row(append(append(first, cells...), funds)...)
			} else {
				t.row(cells...)
			}
		}
	}

	// 重点项目绩效情况: one cell per project holding its name, its budget and
	// whether it was self-selected when the form states them, and its
	// summary, as published; its indicators, if any, in rows below it.
	kpRows := 0
	for i := range f.KeyProjects {
		kpRows += 1 + len(f.KeyProjects[i].Indicators)
	}
	kpLabel := at(0, b.label(vocab.KeyProjects, "key_projects"), 1, max(1, kpRows))
	if len(f.KeyProjects) == 0 {
		t.row(kpLabel)
	}
	for i := range f.KeyProjects {
		k := &f.KeyProjects[i]
		p := fmt.Sprintf("key_projects[%d]", i)
		cell := at(2, b.text(strings.Join(KeyProjectParas(k), "\n"), p, p+".name", p+".summary", p+".budget", p+".self_selected"), width-2)
		if i == 0 {
			t.row(kpLabel, cell)
		} else {
			t.row(cell)
		}
		for j := range k.Indicators {
			t.row(b.indicatorCells(cols, &k.Indicators[j], fmt.Sprintf("%s.indicators[%d]", p, j), 3)...)
		}
	}

	// The national parts, when the form has them as well.
	if national(f) {
		// Drawn as the national layout draws them.
		b.lay = vocab.NationalDepartment
		nt := b.table(len(projectColumns) + 1)
		b.indicatorTable(nt, f.Indicators, projectColumns)
		b.totals(nt, fs, len(projectColumns)+1)
		b.lay = vocab.Guangzhou
	}

	tail := b.table(2)
	tail.t.BlankHeader = true
	for _, id := range []vocab.ID{vocab.Overall, vocab.Problems, vocab.Improvements} {
		tail.row(at(0, b.label(id)), at(1, b.field(fs, id)))
	}
	b.extra(f.Extra)
	if noted {
		b.doc.Blocks = append(b.doc.Blocks, &Block{Kind: NoteBlock, Note: GuangzhouNote})
	}
	return b.doc
}

// nationalDepartment lays out the department form in the Ministry of
// Finance's national layout: 部门名称, 预算资金 (年初预算数 | 全年预算数 |
// 全年执行数 | 分值 | 执行率 | 得分), 年度总体目标, 绩效指标, 总分 and
// 评价等级, and the closing texts where the form has them.
func nationalDepartment(f *evaluation.DepartmentForm) *Doc {
	b := newBuilder(evaluation.Department, vocab.NationalDepartment, f.Unit)
	b.doc.Profile = f.Profile
	fs := fieldsOf(f)
	b.head(vocab.TitleDepartment, f.Year, f.Unit)
	const width = 9
	t := b.table(width)
	t.row(at(0, b.label(vocab.DepartmentName)), at(1, b.field(fs, vocab.DepartmentName), width-1))
	if f.Code != "" {
		t.row(at(0, b.label(vocab.Code)), at(1, b.field(fs, vocab.Code), width-1))
	}
	b.fundsTable(t, fs, &f.Funds.Funds, width, f.Funds.Reported.AdjustmentRate != nil)
	b.goals(t, &f.Goals, width)
	b.indicatorTable(t, f.Indicators, projectColumns)
	b.totals(t, fs, width)
	b.closing(t, fs, width)
	b.extra(f.Extra)
	return b.doc
}
