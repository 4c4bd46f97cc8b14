package markdown

import (
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// block is the part of a form the rows being read belong to.
type block uint8

const (
	bNone block = iota
	bHeader
	bFunds
	bGoals
	bTasks
	bKeyProjects
	bTail
	bIndicators
	bTotals
)

// ctxCol is a main amount label of the funds block and its column: a 其中
// row below it breaks down the amount of the label above it.
type ctxCol struct {
	col int
	id  label
}

// deptReader reads the rows of 部门整体支出绩效自评表.
type deptReader struct {
	im         *importer
	f          *evaluation.DepartmentForm
	block      block
	recognized bool
	fundsCtx   []ctxCol
	goals      goalsReader
	taskCols   columns // 预期目标, 目标完成情况, 任务涉及资金
	inds       indicatorReader
	kps        [][]string // the paragraphs of each key project's cell
	kpInds     [][]evaluation.Indicator
	tail       *string
}

func (im *importer) department() (evaluation.Form, error) {
	f := &evaluation.DepartmentForm{Unit: im.unit, Profile: im.profile}
	d := &deptReader{im: im, f: f}
	for _, r := range im.doc.rows {
		if err := d.row(r); err != nil {
			return nil, err
		}
	}
	if !d.recognized {
		return nil, im.fail(im.doc.rows[0].line, ErrNotAForm, "a table with 部门名称, 部门调整预算收入 or 主要任务",
			"no row of 部门整体支出绩效自评表 was found")
	}
	if f.Year == 0 {
		f.Year = im.year
	}
	for i, ps := range d.kps {
		f.KeyProjects = append(f.KeyProjects, im.keyProject(ps, d.kpInds[i]))
	}
	return f, nil
}

func rowHas(r *row, ids ...label) bool {
	for i := range r.cells {
		for _, id := range ids {
			if r.cells[i].def.id == id {
				return true
			}
		}
	}
	return false
}

func isFundsLabel(id label) bool {
	switch id {
	case lAdjusted, lInitial, lActual, lAdjustment, lCompletionRate, lAdjustmentRate:
		return true
	}
	return false
}

func (d *deptReader) row(r *row) error {
	c0 := r.at(0)
	id := c0.def.id
	if isNote(c0.text) {
		return nil // read by readProfile
	}
	switch {
	case id == lDepartment || id == lYear || (d.block <= bHeader && rowHas(r, lDepartment, lYear)):
		d.block, d.recognized = bHeader, true
		return d.header(r)
	case id == lGoalsBlock || (c0.text == "" && d.block < bGoals && rowHas(r, lExpected) && rowHas(r, lAchieved) && !rowHas(r, lIndName)):
		d.block, d.recognized = bGoals, true
		d.goals = newGoalsReader(r)
		return nil
	case id == lTasksBlock || (c0.text == "" && d.block < bTasks && rowHas(r, lIndName) && rowHas(r, lIndActual)):
		d.block, d.recognized = bTasks, true
		return d.tasksHeader(r)
	case id == lFundsBlock || isFundsLabel(id) || (d.block == bFunds && (c0.text == "" || id == lSource)):
		d.block, d.recognized = bFunds, true
		return d.funds(r)
	case id == lKeyProjects:
		d.block, d.recognized = bKeyProjects, true
		return d.keyProjectRow(r, true)
	case id == lOverall:
		return d.tailRow(r, &d.f.Overall, "部门整体绩效")
	case id == lProblems:
		return d.tailRow(r, &d.f.Problems, "存在问题")
	case id == lImprovements:
		return d.tailRow(r, &d.f.Improvements, "改进措施或下一步计划")
	case c0.text == "":
		switch d.block {
		case bGoals:
			return d.goals.read(d.im, r, &d.f.Goals)
		case bTasks:
			return d.taskRow(r, false)
		case bKeyProjects:
			return d.keyProjectRow(r, false)
		case bTail:
			return d.im.appendText(r, d.tail, paras(r, allCols(r)), r.first)
		}
	case d.block == bTasks:
		return d.taskRow(r, true)
	}
	// Any other row (a title inside the table, 填报单位, …) is not part of
	// the form value.
	return nil
}

func allCols(r *row) []int {
	out := make([]int, 0, len(r.cells))
	for i := 1; i < len(r.cells); i++ {
		out = append(out, i)
	}
	return out
}

// header reads 部门名称 and 被评价年度.
func (d *deptReader) header(r *row) error {
	for i := range r.cells {
		switch r.cells[i].def.id {
		case lDepartment:
			if v := nextValue(r, i); v != nil {
				if err := d.im.setText(r, &d.f.Department, v.text, "部门名称"); err != nil {
					return err
				}
			}
		case lYear:
			if v := nextValue(r, i); v != nil && !blank(v.text) {
				y, err := parseYear(v.text)
				if err != nil {
					return d.im.wrap(r.line, err, "被评价年度 %q", v.text)
				}
				if d.f.Year != 0 {
					return d.im.fail(r.line, ErrMalformed, "", "被评价年度 given twice")
				}
				d.f.Year = y
			}
		}
	}
	return nil
}

// funds reads a row of 部门资金情况: labels each followed by their value.
func (d *deptReader) funds(r *row) error {
	im, fu := d.im, &d.f.Funds
	var main []ctxCol
	for i := range r.cells {
		switch id := r.cells[i].def.id; id {
		case lAdjusted, lInitial, lActual, lAdjustment:
			main = append(main, ctxCol{i, id})
		}
	}
	if len(main) > 0 {
		d.fundsCtx = main
	}
	for i := range r.cells {
		c := &r.cells[i]
		var err error
		switch c.def.id {
		case lAdjusted:
			err = d.amountOnce(r, i, &fu.AdjustedBudget, "部门调整预算收入")
		case lInitial:
			err = d.amountOnce(r, i, &fu.InitialBudget, "部门年初预算收入")
		case lActual:
			err = d.amountOnce(r, i, &fu.ActualExpenditure, "实际支出数")
		case lAdjustment:
			err = d.amountOnce(r, i, &fu.Adjustment, "年度预算调整数")
		case lCompletionRate:
			var x *budget.Rate
			if x, err = im.rate(r, valueOf(r, i), "预算完成率"); err == nil {
				err = setOnce(im, r, &fu.Reported.CompletionRate, x, "预算完成率")
			}
		case lAdjustmentRate:
			var x *budget.Rate
			if x, err = im.rate(r, valueOf(r, i), "预算调整率"); err == nil {
				err = setOnce(im, r, &fu.Reported.AdjustmentRate, x, "预算调整率")
			}
		case lSource:
			err = d.source(r, i)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// valueOf is nextValue, an empty cell for none.
func valueOf(r *row, i int) *cell {
	if v := nextValue(r, i); v != nil {
		return v
	}
	return &cell{}
}

func (d *deptReader) amountOnce(r *row, i int, dst **budget.Amount, what string) error {
	a, err := d.im.amount(r, valueOf(r, i), what)
	if err != nil {
		return err
	}
	return setOnce(d.im, r, dst, a, what)
}

// sourceField returns the column of a source row that an amount under the
// given main label fills.
func sourceField(id label) func(*budget.Source) **budget.Amount {
	switch id {
	case lAdjusted:
		return func(s *budget.Source) **budget.Amount { return &s.AdjustedBudget }
	case lInitial:
		return func(s *budget.Source) **budget.Amount { return &s.InitialBudget }
	case lActual:
		return func(s *budget.Source) **budget.Amount { return &s.ActualExpenditure }
	}
	return nil
}

// source reads a 其中 row's label at column i and its amount. The amount
// is of the main label above it in the same column or the nearest to its
// left: in the seed, 其中：一般公共预算 sits under 实际支出数, so its amount
// is the source's actual expenditure.
func (d *deptReader) source(r *row, i int) error {
	im, fu := d.im, &d.f.Funds
	c := r.at(i)
	kind := budget.SourceKind(c.src)
	if kind == "" {
		if n, _ := normLabel(c.text); n == "其中" {
			return nil // a 其中 heading above the source rows
		}
		return im.fail(r.line, ErrMalformed, "a source such as 其中：一般公共预算", "unknown source row %q", c.text)
	}
	under := lActual
	if len(d.fundsCtx) > 0 {
		under = d.fundsCtx[0].id
		for _, m := range d.fundsCtx {
			if m.col <= i {
				under = m.id
			}
		}
	}
	v := valueOf(r, i)
	a, err := im.amount(r, v, c.text)
	if err != nil {
		return err
	}
	if a == nil {
		for _, s := range fu.Sources {
			if s.Kind == kind {
				return nil
			}
		}
		fu.Sources = append(fu.Sources, budget.Source{Kind: kind})
		return nil
	}
	field := sourceField(under)
	if field == nil {
		return im.fail(r.line, ErrMalformed, "", "%s: an amount under %s has no place in the form", c.text, labelText(under, false))
	}
	for j := range fu.Sources {
		if s := &fu.Sources[j]; s.Kind == kind && *field(s) == nil {
			*field(s) = a
			return nil
		}
	}
	s := budget.Source{Kind: kind}
	*field(&s) = a
	fu.Sources = append(fu.Sources, s)
	return nil
}

func (d *deptReader) tasksHeader(r *row) error {
	d.taskCols = headerColumns(r, lExpected, lAchieved, lTaskFunds)
	d.inds = indicatorReader{cols: headerColumns(r, indicatorLabels...)}
	if len(d.taskCols) == 0 && !d.inds.has() {
		return d.im.fail(r.line, ErrMalformed, "a 主要任务 header row with 预期目标, 关键指标, 指标完成情况, 任务涉及资金",
			"the 主要任务 row names no column")
	}
	return nil
}

// taskRow reads a row of 主要任务: a task's first row (labeled, its name in
// the first column) or a row below it. A row that opens a table after a
// page break continues the task's texts and indicator.
func (d *deptReader) taskRow(r *row, labeled bool) error {
	im, f := d.im, d.f
	started := false
	if labeled {
		name := r.at(0).text
		// A converter may repeat the task's label on the next page.
		if !(r.first && len(f.Tasks) > 0 && f.Tasks[len(f.Tasks)-1].Name == name) {
			f.Tasks = append(f.Tasks, evaluation.Task{Name: name})
			started = true
		}
	}
	if len(f.Tasks) == 0 {
		if len(d.taskCols) == 0 && !d.inds.any(r) {
			return nil
		}
		return im.fail(r.line, ErrMalformed, "a task label such as 任务1 in the first column", "a 主要任务 row before the first task")
	}
	t := &f.Tasks[len(f.Tasks)-1]
	concat := r.first && !started
	if err := im.appendText(r, &t.Expected, d.taskCols.cell(r, lExpected).paras, concat); err != nil {
		return err
	}
	if err := im.appendText(r, &t.Achieved, d.taskCols.cell(r, lAchieved).paras, concat); err != nil {
		return err
	}
	a, err := im.amount(r, d.taskCols.cell(r, lTaskFunds), t.Name+" 任务涉及资金")
	if err != nil {
		return err
	}
	if err := setOnce(im, r, &t.Funds, a, t.Name+" 任务涉及资金"); err != nil {
		return err
	}
	return d.indicator(r, &t.Indicators, concat)
}

// indicator reads the indicator cells of a row into list, continuing the
// last indicator when the row continues it across a page break.
func (d *deptReader) indicator(r *row, list *[]evaluation.Indicator, concat bool) error {
	return readIndicator(d.im, d.inds, r, list, concat, false)
}

func readIndicator(im *importer, ir indicatorReader, r *row, list *[]evaluation.Indicator, concat, inherit bool) error {
	if !ir.any(r) {
		return nil
	}
	name := ir.cols.cell(r, lIndName).text
	l1, l2 := ir.cols.cell(r, lLevel1).text, ir.cols.cell(r, lLevel2).text
	if concat && name == "" && l1 == "" && l2 == "" && len(*list) > 0 {
		return ir.continueRow(im, r, &(*list)[len(*list)-1])
	}
	ind, err := ir.read(im, r)
	if err != nil {
		return err
	}
	// Merged cells of 一级指标 / 二级指标 print once, on their first row.
	if inherit && len(*list) > 0 {
		prev := &(*list)[len(*list)-1]
		if ind.Level1 == "" {
			ind.Level1 = prev.Level1
			if ind.Level2 == "" {
				ind.Level2 = prev.Level2
			}
		}
	}
	if len(*list) >= maxList {
		return im.fail(r.line, ErrLimit, "", "more than %d indicators", maxList)
	}
	*list = append(*list, ind)
	return nil
}

// keyProjectRow reads a row of 重点项目绩效情况: the project's cell (its
// text columns) and its indicators (the 主要任务 indicator columns).
func (d *deptReader) keyProjectRow(r *row, labeled bool) error {
	var text []int
	for i := 1; i < len(r.cells); i++ {
		if r.cells[i].text != "" && !d.inds.isIndicatorCol(i) {
			text = append(text, i)
		}
	}
	ps := paras(r, text)
	started := false
	if len(ps) > 0 {
		if !labeled && r.first && len(d.kps) > 0 {
			last := &d.kps[len(d.kps)-1]
			if err := d.im.fits(r, len((*last)[len(*last)-1])+len(ps[0])); err != nil {
				return err
			}
			(*last)[len(*last)-1] += ps[0]
			*last = append(*last, ps[1:]...)
		} else {
			if len(d.kps) >= maxList {
				return d.im.fail(r.line, ErrLimit, "", "more than %d key projects", maxList)
			}
			d.kps = append(d.kps, ps)
			d.kpInds = append(d.kpInds, nil)
			started = true
		}
	}
	if !d.inds.any(r) {
		return nil
	}
	if len(d.kps) == 0 {
		return d.im.fail(r.line, ErrMalformed, "the key project's name above its indicators", "an indicator under 重点项目绩效情况 before any project")
	}
	return d.indicator(r, &d.kpInds[len(d.kpInds)-1], r.first && !started)
}

// keyProject builds a key project from its cell's paragraphs: the first is
// the project's name; 项目预算：620万元 and 自选重点项目 may follow (Render
// writes them when the form states them); the rest is the summary.
func (im *importer) keyProject(ps []string, inds []evaluation.Indicator) evaluation.KeyProject {
	k := evaluation.KeyProject{Indicators: inds}
	if len(ps) == 0 {
		return k
	}
	k.Name, ps = ps[0], ps[1:]
	if len(ps) > 0 {
		for _, prefix := range []string{keyProjectBudgetPrefix, "项目预算:", "预算金额：", "预算金额:"} {
			if rest, ok := strings.CutPrefix(ps[0], prefix); ok {
				if a, err := im.amount(&row{}, &cell{text: rest}, "项目预算"); err == nil && a != nil {
					k.Budget, ps = a, ps[1:]
				}
				break
			}
		}
	}
	if len(ps) > 0 {
		if n, _ := normLabel(ps[0]); n == keyProjectSelfSelected || n == "（"+keyProjectSelfSelected+"）" {
			k.SelfSelected, ps = true, ps[1:]
		}
	}
	k.Summary = strings.Join(ps, "\n")
	return k
}

// tailRow reads 部门整体绩效, 存在问题 or 改进措施或下一步计划: the label, then
// the text in the other cells.
func (d *deptReader) tailRow(r *row, dst *string, what string) error {
	d.block, d.recognized, d.tail = bTail, true, dst
	return d.im.setText(r, dst, strings.Join(paras(r, allCols(r)), "\n"), what)
}
