package markdown

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// profileNameRE is what a profile name written into a document may look
// like; anything else is left out rather than risk breaking the comment.
var profileNameRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// profileLine writes the form's profile as an HTML comment, invisible when
// the Markdown is displayed, unless the document already says it (the
// Guangzhou note on a department form).
func (l *layout) profileLine(profile string, noted bool) {
	if profile == "" || noted || !profileNameRE.MatchString(profile) {
		return
	}
	l.rawLine(fmt.Sprintf(profileCommentFormat, profile))
}

// departmentColumns are the indicator columns of the department form:
// 关键指标 and 指标完成情况 as published, and 指标值, 分值, 得分 and
// 偏差原因分析及改进措施 when some indicator has them.
func departmentColumns(f *evaluation.DepartmentForm) []indColumn {
	var target, weight, score, deviation bool
	see := func(inds []evaluation.Indicator) {
		for i := range inds {
			target = target || inds[i].Target != ""
			weight = weight || inds[i].Weight != nil
			score = score || inds[i].Score != nil
			deviation = deviation || inds[i].Deviation != ""
		}
	}
	for i := range f.Tasks {
		see(f.Tasks[i].Indicators)
	}
	for i := range f.KeyProjects {
		see(f.KeyProjects[i].Indicators)
	}
	cols := []indColumn{colName}
	if target {
		cols = append(cols, colTarget)
	}
	cols = append(cols, colActual)
	if weight {
		cols = append(cols, colWeight)
	}
	if score {
		cols = append(cols, colScore)
	}
	if deviation {
		cols = append(cols, colDeviation)
	}
	return cols
}

// layoutDepartment lays out 部门整体支出绩效自评表 as the Guangzhou form is
// published: one table from 部门名称 to 重点项目绩效情况, then a two-column
// table of 部门整体绩效, 存在问题 and 改进措施或下一步计划, then the note.
func layoutDepartment(f *evaluation.DepartmentForm) *layout {
	l := newLayout()
	u := f.Unit
	l.line(textDeptTitle)
	l.line("单位："+u.String(), "unit")
	guangzhou := f.Profile == ProfileGuangzhou2021
	l.profileLine(f.Profile, guangzhou)

	cols := departmentColumns(f)
	width := 3 + len(cols) + 1
	fundsCol := width - 1
	t := l.table(width)
	t.row(l.label(lDepartment, false), nil, l.cell(f.Department, "department"), nil,
		l.label(lYear, false), l.cell(year(f.Year), "year"))

	// 部门资金情况. A 其中 row breaks down the row above it: under 部门调整预算收入
	// and 部门年初预算收入 for a source's budgets, under 实际支出数 for its
	// expenditure (the seed's 其中：一般公共预算 row).
	fu := &f.Funds
	t.row(l.label(lFundsBlock, false, "funds"), l.label(lAdjusted, false), l.cell(amount(fu.AdjustedBudget, u), "funds.adjusted_budget"),
		l.label(lInitial, false), l.cell(amount(fu.InitialBudget, u), "funds.initial_budget"))
	sourceLabel := func(i int, s budget.Source) *rcell {
		return l.cell(textSourcePrefix+s.Kind.Label(), fmt.Sprintf("funds.sources[%d]", i))
	}
	for i, s := range fu.Sources {
		if s.AdjustedBudget == nil && s.InitialBudget == nil {
			continue
		}
		p := fmt.Sprintf("funds.sources[%d].", i)
		var left, right *rcell
		if s.AdjustedBudget != nil {
			left = sourceLabel(i, s)
		}
		if s.InitialBudget != nil {
			right = sourceLabel(i, s)
		}
		t.row(nil, left, l.cell(amount(s.AdjustedBudget, u), p+"adjusted_budget"),
			right, l.cell(amount(s.InitialBudget, u), p+"initial_budget"))
	}
	t.row(nil, l.label(lActual, false), l.cell(amount(fu.ActualExpenditure, u), "funds.actual_expenditure"),
		l.label(lAdjustment, false), l.cell(amount(fu.Adjustment, u), "funds.adjustment"))
	for i, s := range fu.Sources {
		if s.ActualExpenditure == nil && (s.AdjustedBudget != nil || s.InitialBudget != nil) {
			continue
		}
		t.row(nil, sourceLabel(i, s), l.cell(amount(s.ActualExpenditure, u), fmt.Sprintf("funds.sources[%d].actual_expenditure", i)))
	}
	t.row(nil, l.label(lCompletionRate, false), l.cell(rate(fu.Reported.CompletionRate), "funds.reported.completion_rate"),
		l.label(lAdjustmentRate, false), l.cell(rate(fu.Reported.AdjustmentRate), "funds.reported.adjustment_rate"))

	// 年度目标.
	t.row(l.label(lGoalsBlock, false, "goals"), l.cell("部门整体支出的预期目标"), nil, l.cell("部门整体支出的目标完成情况"))
	t.row(nil, l.cell(paragraphs(f.Goals.Expected), "goals.expected"), nil, l.cell(f.Goals.Achieved, "goals.achieved"))

	// 主要任务: the task's cells on its first row, one row per indicator.
	header := []*rcell{l.label(lTasksBlock, false, "tasks"), l.label(lExpected, false), l.label(lAchieved, false)}
	for _, c := range cols {
		header = append(header, l.label(c.lb, false))
	}
	t.row(append(header, l.label(lTaskFunds, false))...)
	indicatorRow := func(first []*rcell, cells []*rcell, last *rcell) {
		r := make([]*rcell, width)
		copy(r, first)
		copy(r[3:], cells)
		r[fundsCol] = last
		t.row(r...)
	}
	for i := range f.Tasks {
		task := &f.Tasks[i]
		p := fmt.Sprintf("tasks[%d]", i)
		first := []*rcell{l.cell(task.Name, p, p+".name"), l.cell(task.Expected, p+".expected"), l.cell(task.Achieved, p+".achieved")}
		funds := l.cell(amount(task.Funds, u), p+".funds")
		if len(task.Indicators) == 0 {
			cells := make([]*rcell, len(cols))
			cells[0] = l.cell("", p+".indicators")
			indicatorRow(first, cells, funds)
			continue
		}
		for j := range task.Indicators {
			cells := l.indicatorCells(cols, &task.Indicators[j], fmt.Sprintf("%s.indicators[%d]", p, j))
			if j == 0 {
				l.cells[p+".indicators"] = cells[0]
				indicatorRow(first, cells, funds)
			} else {
				indicatorRow(nil, cells, nil)
			}
		}
	}

	// 重点项目绩效情况: the project's name, then its budget and whether it
	// was self-selected when the form states them, then its summary, all
	// in one cell as published; its indicators, if any, below it.
	if len(f.KeyProjects) == 0 {
		t.row(l.label(lKeyProjects, false, "key_projects"))
	}
	for i := range f.KeyProjects {
		k := &f.KeyProjects[i]
		p := fmt.Sprintf("key_projects[%d]", i)
		paras := []string{k.Name}
		if k.Budget != nil {
			paras = append(paras, keyProjectBudgetPrefix+number(k.Budget.Decimal())+k.Budget.Unit().String())
		}
		if k.SelfSelected {
			paras = append(paras, keyProjectSelfSelected)
		}
		if k.Summary != "" {
			paras = append(paras, k.Summary)
		}
		text := paragraphs(paras)
		var lb *rcell
		if i == 0 {
			lb = l.label(lKeyProjects, false, "key_projects")
		}
		t.row(lb, nil, l.cell(text, p, p+".name", p+".summary", p+".budget", p+".self_selected"))
		for j := range k.Indicators {
			indicatorRow(nil, l.indicatorCells(cols, &k.Indicators[j], fmt.Sprintf("%s.indicators[%d]", p, j)), nil)
		}
	}

	tail := l.table(2)
	tail.row()
	tail.row(l.label(lOverall, false), l.cell(f.Overall, "overall"))
	tail.row(l.label(lProblems, false), l.cell(f.Problems, "problems"))
	tail.row(l.label(lImprovements, false), l.cell(f.Improvements, "improvements"))

	if guangzhou {
		l.rawLine(strings.Join(guangzhouNote, "\n"))
	}
	return l
}

// projectColumns are the indicator columns of 项目支出绩效自评表.
var projectColumns = []indColumn{colLevel1, colLevel2, colName, colTarget, colActual, colWeight, colScore, colDeviation}

// layoutProject lays out 项目支出绩效自评表 as the Ministry of Finance's
// template (财预〔2020〕10号, 附件) has it, with 评价等级 and the closing texts
// (评价结论, 存在问题, 改进措施) as rows under 总分 when the form has them.
func layoutProject(f *evaluation.ProjectForm) *layout {
	l := newLayout()
	u := f.Unit
	l.line(textProjectTitle)
	if f.Year != 0 {
		l.line(fmt.Sprintf("（%d年度）", f.Year), "year")
	}
	l.line("单位："+u.String(), "unit")
	l.profileLine(f.Profile, false)

	const width = 9
	t := l.table(width)
	t.row(l.label(lProject, true), l.cell(f.Project, "project"))
	t.row(l.label(lAuthority, true), l.cell(f.Department, "department"), nil, nil,
		l.label(lImplementingUnit, true), l.cell(f.ImplementingUnit, "implementing_unit"))

	// 项目资金: 年度资金总额 and the 其中 rows under the column headers.
	fu := &f.Funds
	type fundsColumn struct {
		lb  label
		key string
		get func(budget.Source) *budget.Amount
	}
	amounts := []fundsColumn{
		{lInitial, "initial_budget", func(s budget.Source) *budget.Amount { return s.InitialBudget }},
		{lAdjusted, "adjusted_budget", func(s budget.Source) *budget.Amount { return s.AdjustedBudget }},
		{lActual, "actual_expenditure", func(s budget.Source) *budget.Amount { return s.ActualExpenditure }},
	}
	header := []*rcell{l.label(lProjectFunds, true, "funds"), nil}
	total := []*rcell{nil, l.label(lTotalFunds, true)}
	whole := budget.Source{InitialBudget: fu.InitialBudget, AdjustedBudget: fu.AdjustedBudget, ActualExpenditure: fu.ActualExpenditure}
	for _, c := range amounts {
		header = append(header, l.label(c.lb, true))
		total = append(total, l.cell(amount(c.get(whole), u), "funds."+c.key))
	}
	if fu.Adjustment != nil {
		header = append(header, l.label(lAdjustment, true))
		total = append(total, l.cell(amount(fu.Adjustment, u), "funds.adjustment"))
	}
	header = append(header, l.label(lWeight, true), l.label(lCompletionRate, true), l.label(lScore, true))
	total = append(total, l.cell(dec(fu.Weight), "funds.weight"),
		l.cell(rate(fu.Reported.ExecutionRate), "funds.reported.execution_rate"),
		l.cell(dec(fu.Reported.Score), "funds.reported.score"))
	t.row(header...)
	t.row(total...)
	for i, s := range fu.Sources {
		p := fmt.Sprintf("funds.sources[%d]", i)
		r := []*rcell{nil, l.cell(textSourcePrefix+s.Kind.Label(), p)}
		for _, c := range amounts {
			r = append(r, l.cell(amount(c.get(s), u), p+"."+c.key))
		}
		t.row(r...)
	}

	// 年度总体目标.
	t.row(l.label(lGoalsBlock, true, "goals"), l.label(lExpected, true), nil, nil, nil, l.label(lAchieved, true))
	t.row(nil, l.cell(paragraphs(f.Goals.Expected), "goals.expected"), nil, nil, nil, l.cell(f.Goals.Achieved, "goals.achieved"))

	// 绩效指标.
	header = []*rcell{l.label(lIndicatorsBlock, true, "indicators")}
	for _, c := range projectColumns {
		header = append(header, l.label(c.lb, true))
	}
	t.row(header...)
	for i := range f.Indicators {
		t.row(append([]*rcell{nil}, l.indicatorCells(projectColumns, &f.Indicators[i], fmt.Sprintf("indicators[%d]", i))...)...)
	}
	scoreCol := 1 + 6 // the 得分 column of the indicators
	r := make([]*rcell, width)
	r[0] = l.label(lTotalScore, true, "reported")
	r[scoreCol] = l.cell(dec(f.Reported.TotalScore), "reported.total_score")
	t.row(r...)
	t.row(l.label(lGrade, true), l.cell(f.Reported.Grade, "reported.grade"))
	for _, x := range []struct {
		lb   label
		text string
		path string
	}{{lOverall, f.Overall, "overall"}, {lProblems, f.Problems, "problems"}, {lImprovements, f.Improvements, "improvements"}} {
		if x.text != "" {
			t.row(l.label(x.lb, true), l.cell(x.text, x.path))
		}
	}
	return l
}
