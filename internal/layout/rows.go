package layout

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/vocab"
)

func extraPath(i int) string { return fmt.Sprintf("extra[%d]", i) }

// id is a cell's label, None for nil.
func id(c *In) vocab.ID {
	if c == nil {
		return vocab.None
	}
	return c.m.ID
}

// row reads one table row. Its first cell (in the table's first column)
// says what the row is: a block's label starts the block, an empty cell
// continues the block above, a value opens a task or an indicator row.
func (r *reader) row(row *Row) {
	if len(row.Cells) == 1 && r.lineCell(row, row.Cells[0]) {
		return
	}
	c0 := row.at(r.left[row.Table])
	if c0 != nil && c0.Kind == TextCell && !c0.Literal && isNote(c0.Text) {
		r.cellNote(row)
		return
	}
	// A block's label (or none, or a label of no key of its own) over a
	// row of column headers opens the block the headers name: 年度绩效目标
	// (80分) over 一级指标 | 二级指标 | 三级指标 is the indicators' table.
	id := id(c0)
	blockish := c0 == nil || id == vocab.GoalsBlock || id == vocab.IndicatorsBlock || id == vocab.Keyless ||
		id == vocab.Heading || id == vocab.Level1 || id == vocab.Expected || id == vocab.Achieved
	indHeader := r.rowHas(row, vocab.Level1) && r.rowHas(row, vocab.IndicatorName)
	goalsHeader := r.rowHas(row, vocab.Expected) && r.rowHas(row, vocab.Achieved) && !r.rowHas(row, vocab.IndicatorName, vocab.Level1)
	switch {
	case blockish && indHeader && r.blk != bTasks && r.blk != bKeyProjects:
		r.indicatorsStart(row, c0)
	case blockish && goalsHeader && (r.blk < bGoals || c0 != nil):
		r.goalsStart(row, c0)
	case c0 == nil && r.dept != nil && r.blk < bTasks && r.rowHas(row, vocab.IndicatorName) && r.rowHas(row, vocab.Actual) && !r.rowHas(row, vocab.Level1):
		// A 主要任务 header without its block label.
		r.tasksStart(row, nil)
	case c0 == nil:
		r.continueBlock(row)
	case id == vocab.DepartmentName || id == vocab.ProjectName || id == vocab.Authority ||
		id == vocab.ImplementingUnit || id == vocab.Year || id == vocab.Code:
		r.blk = bHeader
		r.pairs(row, 0)
	case id == vocab.FundsBlock:
		r.fundsStart(row, c0)
	case id == vocab.GoalsBlock:
		r.goalsStart(row, c0)
	case id == vocab.TasksBlock:
		r.tasksStart(row, c0)
	case id == vocab.KeyProjects:
		r.kpStart(row, c0)
	case id == vocab.IndicatorsBlock:
		r.indicatorsStart(row, c0)
	case id == vocab.TotalScore || id == vocab.Grade || id == vocab.FundsTotal && (r.blk == bIndicators || r.blk == bTotals):
		// 合计 under the indicators is their total: 总分.
		r.blk = bTotals
		r.totals(row, c0)
	case id == vocab.Overall || id == vocab.Problems || id == vocab.Improvements:
		r.tailStart(row, c0)
	case id == vocab.ExtraBlock:
		r.label(c0)
		r.blk = bExtra
		r.extraRow(row)
	case id == vocab.IndicatorName && r.blk != bTasks && r.blk != bKeyProjects:
		// A 绩效指标 header without its block label.
		r.indicatorsStart(row, nil)
	case isFundsLabel(id):
		if r.blk != bFundsTable {
			r.blk = bFunds
		}
		r.continueBlock(row)
	case id == vocab.Keyless || id == vocab.Profile || id == vocab.Unit || id == vocab.Computed:
		r.pairs(row, 0)
	case id == vocab.None && r.columnAtLeft():
		// The table has a column of its own at the left (一级指标): the
		// row is one of its rows.
		r.continueBlock(row)
	case id == vocab.None && (r.blk == bTasks || r.blk == bKPTable || r.blk == bExtra):
		r.continueBlock(row)
	default:
		// An unknown text in the first column: read the rest of the row as
		// its block would; what nothing claims is reported unplaced.
		r.continueBlock(row)
	}
}

func isFundsLabel(id vocab.ID) bool {
	switch id {
	case vocab.AdjustedBudget, vocab.InitialBudget, vocab.ActualExpenditure, vocab.Adjustment,
		vocab.CompletionRate, vocab.AdjustmentRate, vocab.Source, vocab.FundsTotal:
		return true
	}
	return false
}

// outside reports the cells of a row right of the form — beyond the
// column after its rightmost label, with no label before them on their
// row — as unplaced: no block of the form reaches there (a cell in column
// XFD of a sheet), and a text above must not absorb them.
func (r *reader) outside(row *Row) {
	extent := r.extent
	labelled := false
	for _, c := range row.Cells {
		if c.m.ID != vocab.None {
			labelled = true
		}
		if !labelled && c.Col > extent+1 && !r.disposed(c.id) {
			r.unplace(c, tx("在表格之外：表格最右一栏之后无栏目", "outside the form's table: no column of it reaches there"))
		}
	}
}

// foreignLabel reports whether a row of a table's body holds the label of
// a field of the form that is no column of the table: a row out of its
// place. A writer's data cells (Literal) are never labels.
func (r *reader) foreignLabel(row *Row) bool {
	var cols map[vocab.ID]int
	switch r.blk {
	case bTasks:
		cols = r.taskCols
	case bIndicators:
		cols = r.indCols
	case bKPTable:
		cols = r.kpCols
	case bKeyProjects, bGoals, bTail, bExtra:
	default:
		return false
	}
	for _, c := range row.Cells {
		if r.disposed(c.id) || c.Literal || c.m.ID == vocab.None {
			continue
		}
		if _, isCol := cols[c.m.ID]; isCol {
			continue
		}
		if r.blk == bGoals && (c.m.ID == vocab.Expected || c.m.ID == vocab.Achieved) {
			continue
		}
		if _, ok := fieldOf(r.fields, c.m.ID); ok || c.m.ID == vocab.Source {
			return true
		}
	}
	return false
}

// columnAtLeft reports whether the current table has a column whose
// header stands in the table's first column.
func (r *reader) columnAtLeft() bool {
	var cols map[vocab.ID]int
	switch r.blk {
	case bIndicators:
		cols = r.indCols
	case bTasks:
		cols = r.taskCols
	case bKPTable:
		cols = r.kpCols
	default:
		return false
	}
	left := r.left[r.in.Rows[r.rowIndex].Table]
	for _, c := range cols {
		if c == left {
			return true
		}
	}
	return false
}

func (r *reader) continueBlock(row *Row) {
	r.outside(row)
	if r.foreignLabel(row) {
		// A row of a table's body holding a field's label (预算完成率
		// below the tasks): read by its labels, wherever it stands.
		r.pairs(row, 0)
		return
	}
	switch r.blk {
	case bFunds:
		r.fundsRow(row)
	case bFundsTable:
		r.fundsTableRow(row)
	case bGoals:
		r.goalsRow(row)
	case bTasks:
		r.taskRow(row)
	case bKeyProjects:
		r.kpRow(row, false)
	case bKPTable:
		r.kpTableRow(row)
	case bIndicators:
		r.nationalIndicatorRow(row)
	case bTail:
		r.tailRow(row)
	case bExtra:
		r.extraRow(row)
	default:
		r.pairs(row, 0)
	}
}

var yearCellRE = regexp.MustCompile(`^[（(]?\s*[0-9０-９]{4}\s*年度?\s*[）)]?$`)

// lineCell reads a row of one cell that is a line of the form rather than
// a table row: the title, the year under it, the unit, a note.
func (r *reader) lineCell(row *Row, c *In) bool {
	if c.Kind != TextCell || c.Literal {
		return false
	}
	t := lineText(c.Text)
	switch {
	case isNote(t):
		r.cellNote(row)
		return true
	case c.m.ID == vocab.Unit:
		r.label(c)
		return true
	}
	if k, ok := vocab.Title(t); ok {
		r.label(c)
		if r.titleYearAt == nil && r.kindOf(k) == r.kind {
			if y, ok := vocab.YearIn(t); ok {
				r.titleYear, r.titleYearAt = y, c
			}
		}
		if r.titleSays(t) {
			r.label(c)
			n := len(*r.extra)
			r.keep(TitleLabel, []*In{c})
			if len(*r.extra) > n {
				r.disp[c.id] = disposition{kind: dExtra, label: TitleLabel, path: extraPath(n)}
			}
		}
		return true
	}
	if yearCellRE.MatchString(t) && !r.yearSet {
		if y, err := ParseYear(t); err == nil {
			r.setYear(c, y)
			return true
		}
	}
	if r.blk == bNone && c.m.ID == vocab.None && r.titleYearAt == nil {
		// A heading row above the form's table: 2020年市本级……
		if y, ok := vocab.YearIn(t); ok {
			if _, isTitle := vocab.Title(t); !isTitle {
				r.titleYear, r.titleYearAt = y, c
				r.label(c)
				return true
			}
		}
	}
	return false
}

func (r *reader) setYear(c *In, y int) {
	if f, ok := fieldOf(r.fields, vocab.Year); ok {
		*f.year = y
		r.yearSet = true
		r.place(c, f.path)
	}
}

// cellNote reads a note printed inside a table (注：…), with the cells
// after it on its row.
func (r *reader) cellNote(row *Row) {
	var ids []int
	var parts []string
	for _, c := range row.Cells {
		if r.disposed(c.id) {
			continue
		}
		ids = append(ids, c.id)
		parts = append(parts, c.Text)
	}
	r.formNote(ids, strings.Join(parts, "\n"))
}

// values returns the cells after index i of the row up to the next label
// (the label's value cells), and the index of that label. A text that
// reads as a label is the value when it stands where the value does and
// is no label this row could hold (an 实施单位 named 得分), or when the
// same label follows it (a 部门名称 named 被评价年度 before 被评价年度).
func (r *reader) values(row *Row, i int) ([]*In, int) {
	var out []*In
	j := i + 1
	for ; j < len(row.Cells); j++ {
		c := row.Cells[j]
		if r.disposed(c.id) {
			continue
		}
		if c.m.ID != vocab.None {
			if len(out) > 0 || r.companion(c.m.ID) && !r.sameLabelNext(row, j) {
				break
			}
		}
		out = append(out, c)
	}
	return out, j
}

// companion reports whether a label may stand on a row of the current
// block beside others: 被评价年度 beside 部门名称, 部门年初预算收入 beside
// 部门调整预算收入.
func (r *reader) companion(id vocab.ID) bool {
	if vocab.OfCycle(id) {
		return true // the cycle's own labels: only its forms print them
	}
	switch id {
	case vocab.DepartmentName, vocab.ProjectName, vocab.Authority, vocab.ImplementingUnit, vocab.Year, vocab.Code,
		vocab.Keyless, vocab.Heading, vocab.Unit, vocab.Computed, vocab.Profile, vocab.TotalScore, vocab.Grade:
		return true
	case vocab.AdjustedBudget, vocab.InitialBudget, vocab.ActualExpenditure, vocab.Adjustment, vocab.CompletionRate,
		vocab.AdjustmentRate, vocab.Weight, vocab.Score, vocab.Source, vocab.FundsTotal:
		return r.blk == bFunds || r.blk == bFundsTable || r.blk == bNone
	}
	return false
}

// sameLabelNext reports whether the next cell after index j holds the
// same label as cell j.
func (r *reader) sameLabelNext(row *Row, j int) bool {
	for k := j + 1; k < len(row.Cells); k++ {
		if c := row.Cells[k]; !r.disposed(c.id) {
			return c.m.ID == row.Cells[j].m.ID
		}
	}
	return false
}

// pairs reads a row of labels each followed by its value, from cell index
// from: 部门名称 | 某局 | 被评价年度 | 2021年. A row of labels alone over a
// row of values (项目名称 | 主管部门 | 实施单位 over their values) is read by
// columns.
func (r *reader) pairs(row *Row, from int) {
	if (r.blk == bHeader || r.blk == bNone) && r.labelsOverValues(row) {
		return
	}
	for i := from; i < len(row.Cells); {
		c := row.Cells[i]
		if r.disposed(c.id) || c.m.ID == vocab.None {
			i++
			continue
		}
		vals, next := r.values(row, i)
		r.pair(c, vals)
		i = next
	}
}

// pair reads one label and its value cells.
func (r *reader) pair(c *In, vals []*In) {
	if r.c != nil && r.cycPair(c, vals) {
		return
	}
	m := c.m
	switch {
	case m.ID == vocab.Keyless || (m.ID == vocab.Source && m.Keyless):
		r.label(c)
		r.keep(labelText(c), vals)
	case m.ID == vocab.Unit:
		r.label(c)
	case m.ID == vocab.Computed:
		// Export's computed rates, and their values when a spreadsheet
		// saved them: not part of the form.
		r.label(c)
		for _, v := range vals {
			r.label(v)
		}
	case m.ID == vocab.Heading:
		r.label(c)
	default:
		f, ok := fieldOf(r.fields, m.ID)
		if !ok {
			// A header label this kind has no key for (部门 on a
			// project's form) is kept with its value; the value of a
			// label out of its place (年度资金总额 without the columns
			// that say which amount) is unplaced.
			r.label(c)
			switch {
			case m.ID == vocab.DepartmentName, m.ID == vocab.ProjectName, m.ID == vocab.Authority, m.ID == vocab.ImplementingUnit,
				m.ID == vocab.Code, r.c != nil:
				// On the cycle's forms every label the kind has no key
				// for (项目执行单位, 项目属性 on a monitoring form) is kept.
				r.keep(labelText(c), vals)
			}
			return
		}
		r.label(c)
		r.setField(f, c, vals)
	}
}

// labelText is a keyless label as printed, for the extra list: without
// its colon, line breaks folded.
func labelText(c *In) string {
	t := strings.TrimSpace(strings.ReplaceAll(c.Text, "\n", ""))
	return strings.TrimRight(t, "：: ")
}

// keep keeps a labelled cell's values in the form's extra list.
func (r *reader) keep(label string, vals []*In) {
	if len(vals) == 0 {
		return // a label alone: nothing to keep
	}
	if len(*r.extra) >= MaxList {
		if len(vals) > 0 {
			r.limit(vals[0], "more than %d extra cells", MaxList)
		}
		return
	}
	var parts []string
	for _, v := range vals {
		parts = append(parts, v.paragraphs()...)
	}
	text := strings.Join(parts, "\n")
	if len(vals) > 0 && !r.fits(vals[0], len(text)) {
		return
	}
	p := extraPath(len(*r.extra))
	*r.extra = append(*r.extra, evaluation.Extra{Label: label, Text: text})
	for _, v := range vals {
		r.disp[v.id] = disposition{kind: dExtra, label: label, path: p}
	}
}

// labelsOverValues reads a row of labels alone (at least two, none with a
// value right of it) over a following row with no label: each value
// belongs to the label in its column or the nearest left of it.
func (r *reader) labelsOverValues(row *Row) bool {
	n := 0
	for _, c := range row.Cells {
		if r.disposed(c.id) {
			continue
		}
		if _, ok := fieldOf(r.fields, c.m.ID); !ok && c.m.ID != vocab.Keyless {
			return false
		}
		n++
	}
	next := r.rowIndex + 1
	if n < 2 || next >= len(r.in.Rows) {
		return false
	}
	below := &r.in.Rows[next]
	if len(below.Cells) == 0 || below.Table != row.Table {
		return false
	}
	for _, c := range below.Cells {
		if c.m.ID != vocab.None {
			return false
		}
	}
	// Both rows are in column order: one walk pairs each value with the
	// last label at or left of its column.
	vals := map[*In][]*In{}
	k := -1
	for _, v := range below.Cells {
		for k+1 < len(row.Cells) && row.Cells[k+1].Col <= v.Col {
			k++
		}
		if k >= 0 {
			vals[row.Cells[k]] = append(vals[row.Cells[k]], v)
		}
	}
	for _, c := range row.Cells {
		if !r.disposed(c.id) {
			r.pair(c, vals[c])
		}
	}
	r.skipRows[next] = true
	return true
}

// setField places the value cells of a labelled field. A text joins its
// cells' paragraphs; a number, rate or year is its first cell, and any
// further cell is reported unplaced.
func (r *reader) setField(f field, lc *In, vals []*In) {
	if len(vals) == 0 {
		return
	}
	what := labelText(lc)
	if f.typ == TextType {
		var parts []string
		for _, v := range vals {
			parts = append(parts, v.paragraphs()...)
		}
		text := strings.Join(parts, "\n")
		if *f.text != "" {
			for _, v := range vals {
				r.unplace(v, tx(what+" 填了两次", what+" given twice"))
			}
			return
		}
		if !r.fits(vals[0], len(text)) {
			return
		}
		*f.text = text
		for _, v := range vals {
			r.place(v, f.path)
		}
		return
	}
	v := vals[0]
	for _, extra := range vals[1:] {
		r.unplace(extra, tx(what+" 只有一个值", what+" has one value"))
	}
	r.setTyped(f, v, what)
}

// setTyped reads a typed value from one cell into its field.
func (r *reader) setTyped(f field, v *In, what string) {
	switch f.typ {
	case AmountType:
		a, note, why := readAmount(v, r.unit)
		r.store(v, f.path, what, why, note, a != nil && *f.amount != nil, func() {
			if a != nil {
				*f.amount = a
			}
		})
		if a != nil {
			r.fundsFound = r.fundsFound || strings.HasPrefix(f.path, "funds.")
		}
	case NumberType:
		d, note, why := readNumber(v)
		r.store(v, f.path, what, why, note, d != nil && *f.number != nil, func() {
			if d != nil {
				*f.number = d
			}
		})
	case RateType:
		rc, why := readRate(v)
		r.store(v, f.path, what, why, nil, (rc.rate != nil || rc.bare != nil) && *f.rate != nil, func() {
			switch {
			case rc.rate != nil:
				*f.rate = rc.rate
			case rc.bare != nil:
				r.rates = append(r.rates, pendingRate{c: v, path: f.path, dst: f.rate, bare: *rc.bare})
				placeholder := budget.Rate{}
				*f.rate = &placeholder
			}
		})
	case YearType:
		if Blank(v.Text) && v.Kind == TextCell {
			r.place(v, f.path)
			return
		}
		y, why := readYear(v)
		r.store(v, f.path, what, why, nil, r.yearSet && why == nil && y != *f.year, func() {
			*f.year = y
			r.yearSet = true
		})
	}
}

// store places a read value, or reports its cell unplaced: when it cannot
// be read (why) or when the field already holds a value (dup). what names
// the value in the report: its label.
func (r *reader) store(v *In, path, what string, why, note *imports.Text, dup bool, set func()) {
	switch {
	case why != nil:
		w := *why
		if what != "" {
			w = tx(what+"："+w.Zh, what+": "+w.En)
		}
		r.unplace(v, w)
	case dup:
		r.unplace(v, tx(what+" 填了两次", what+" given twice"))
	default:
		set()
		r.place(v, path)
		if note != nil {
			r.note(v, path, *note)
		}
	}
}

// Funds.

// fundsStart reads the funds block's label row: label by label (部门资金情况
// | 部门调整预算收入 | 2395.15 | …) or a row of column headers (项目资金 | |
// 年初预算数 | 全年预算数 | …).
func (r *reader) fundsStart(row *Row, c0 *In) {
	r.label(c0)
	r.fundsFound = true
	// 预算执行情况（20分）: the budget row's weight printed in the label.
	for _, n := range c0.m.Notes {
		if w, ok := pointsNote(n); ok && r.blockWeight == nil {
			r.blockWeight, r.blockWeightAt = &w, c0
		}
	}
	r.blk = bFunds
	r.fundsRow(row)
}

// fundsHeader returns the amount columns a row heads, when it heads at
// least two and holds no value.
func (r *reader) fundsHeader(row *Row) map[vocab.ID]int {
	cols := map[vocab.ID]int{}
	for _, c := range row.Cells {
		if r.disposed(c.id) {
			continue
		}
		switch c.m.ID {
		case vocab.InitialBudget, vocab.AdjustedBudget, vocab.ActualExpenditure, vocab.Adjustment,
			vocab.Weight, vocab.CompletionRate, vocab.Score:
			if _, seen := cols[c.m.ID]; !seen {
				cols[c.m.ID] = c.Col
			}
		case vocab.None:
			return nil
		}
	}
	// Two labels alone may be Guangzhou's label-by-label rows left empty
	// (部门调整预算收入 | | 部门年初预算收入 |): a header has three, or a
	// total row under it (合计, 年度资金总额).
	if len(cols) < 2 || len(cols) == 2 && !r.nextRowHas(row, vocab.FundsTotal) {
		return nil
	}
	return cols
}

// nextRowHas reports whether the row after the current one, in the same
// table, holds a label.
func (r *reader) nextRowHas(row *Row, id vocab.ID) bool {
	next := r.rowIndex + 1
	if next >= len(r.in.Rows) || r.in.Rows[next].Table != row.Table {
		return false
	}
	for _, c := range r.in.Rows[next].Cells {
		if c.m.ID == id {
			return true
		}
	}
	return false
}

// rowHas reports whether a row holds an undisposed label.
func (r *reader) rowHas(row *Row, ids ...vocab.ID) bool {
	for _, c := range row.Cells {
		if r.disposed(c.id) {
			continue
		}
		for _, id := range ids {
			if c.m.ID == id {
				return true
			}
		}
	}
	return false
}

// pointsNote reads a weight printed in a label's note: "20分".
func pointsNote(note string) (decimal.Decimal, bool) {
	t, ok := strings.CutSuffix(strings.TrimSpace(note), "分")
	if !ok {
		return decimal.Decimal{}, false
	}
	d, err := budget.ParseNumber(t)
	if err != nil || d.IsNegative() {
		return decimal.Decimal{}, false
	}
	return d, true
}

// fundsRow reads a row of 部门资金情况 given label by label. A 其中 row
// breaks down the row above it: its amount is of the main label above it
// in its column, or the nearest left of it.
func (r *reader) fundsRow(row *Row) {
	if cols := r.fundsHeader(row); cols != nil {
		r.blk, r.fundsCols, r.totalSeen = bFundsTable, cols, false
		r.fundsHeads = map[int]string{}
		for _, c := range row.Cells {
			if !r.disposed(c.id) && c.m.ID != vocab.None {
				r.label(c)
				r.fundsHeads[c.Col] = labelText(c)
			}
		}
		return
	}
	// The main amount labels of a row without a source are the context
	// the 其中 rows below it break down; a source row's own labels are not.
	if !rowHasSource(row) {
		var main []ctxCol
		for _, c := range row.Cells {
			switch c.m.ID {
			case vocab.AdjustedBudget, vocab.InitialBudget, vocab.ActualExpenditure, vocab.Adjustment:
				main = append(main, ctxCol{c.Col, c.m.ID})
			}
		}
		if len(main) > 0 {
			r.fundsCtx = main
		}
	}
	src := -1 // the source this row's amounts belong to, once a 其中 label is met
	for i := 0; i < len(row.Cells); {
		c := row.Cells[i]
		if r.disposed(c.id) || c.m.ID == vocab.None {
			i++
			continue
		}
		vals, next := r.values(row, i)
		switch {
		case c.m.ID == vocab.FundsBlock:
			r.label(c)
		case c.m.ID == vocab.Source && !c.m.Keyless:
			src = r.source(c, vals)
		case src >= 0 && (c.m.ID == vocab.AdjustedBudget || c.m.ID == vocab.InitialBudget || c.m.ID == vocab.ActualExpenditure):
			// 其中：一般公共预算 | 2394.83 | 调整预算 | 2395.15: the source's
			// other columns, labelled on its row.
			r.label(c)
			r.sourceAmount(src, c.m.ID, vals)
		default:
			r.pair(c, vals)
		}
		i = next
	}
}

func rowHasSource(row *Row) bool {
	for _, c := range row.Cells {
		if c.m.ID == vocab.Source {
			return true
		}
	}
	return false
}

// source reads a 其中 label and its amount, which is of the main label
// above it in its column or the nearest left of it; it returns the index
// of the source row.
func (r *reader) source(c *In, vals []*In) int {
	r.label(c)
	kind := c.m.Source
	if kind == "" {
		// 其中 alone: the heading of the source rows.
		for _, v := range vals {
			r.unplace(v, tx("“其中”后未写明资金来源", "其中 names no source"))
		}
		return -1
	}
	under := vocab.ActualExpenditure
	if len(r.fundsCtx) > 0 {
		under = r.fundsCtx[0].id
		for _, m := range r.fundsCtx {
			if m.col <= c.Col {
				under = m.id
			}
		}
	}
	if under == vocab.Adjustment {
		under = vocab.InitialBudget
	}
	if len(vals) == 0 {
		if i, ok := r.srcFirst[kind]; ok {
			return i
		}
		r.appendSource(kind)
		r.placeAt(c, len(r.funds.Sources)-1)
		return len(r.funds.Sources) - 1
	}
	return r.sourceAmountNew(kind, c, under, vals)
}

type srcKey struct {
	kind  budget.SourceKind
	field vocab.ID
}

// appendSource adds a source row.
func (r *reader) appendSource(kind budget.SourceKind) {
	if _, ok := r.srcFirst[kind]; !ok {
		r.srcFirst[kind] = len(r.funds.Sources)
	}
	r.funds.Sources = append(r.funds.Sources, budget.Source{Kind: kind})
}

// placeAt records where a source row's label points.
func (r *reader) placeAt(c *In, i int) {
	p := fmt.Sprintf("funds.sources[%d]", i)
	if _, ok := r.firstAt[p]; !ok {
		r.firstAt[p] = c.Pos
	}
}

func sourceField(s *budget.Source, id vocab.ID) (**budget.Amount, string) {
	switch id {
	case vocab.AdjustedBudget:
		return &s.AdjustedBudget, "adjusted_budget"
	case vocab.InitialBudget:
		return &s.InitialBudget, "initial_budget"
	}
	return &s.ActualExpenditure, "actual_expenditure"
}

// sourceAmountNew reads a source's amount under a main label: into the
// first row of that source whose column is still empty, else a new row.
func (r *reader) sourceAmountNew(kind budget.SourceKind, c *In, under vocab.ID, vals []*In) int {
	// Columns are only ever filled, so the first row of a kind with an
	// empty column only moves on: a cursor per kind and column keeps
	// thousands of source rows linear.
	key := srcKey{kind, under}
	i := r.srcNext[key]
	for ; i < len(r.funds.Sources); i++ {
		s := &r.funds.Sources[i]
		if dst, _ := sourceField(s, under); s.Kind == kind && *dst == nil {
			break
		}
	}
	r.srcNext[key] = i
	idx := i
	if idx == len(r.funds.Sources) {
		r.appendSource(kind)
	}
	r.placeAt(c, idx)
	r.sourceAmount(idx, under, vals)
	return idx
}

// sourceAmount reads one amount of source row idx.
func (r *reader) sourceAmount(idx int, under vocab.ID, vals []*In) {
	if idx < 0 || idx >= len(r.funds.Sources) || len(vals) == 0 {
		return
	}
	what := vocab.SourceText(r.funds.Sources[idx].Kind) + " " + vocab.Text(under, vocab.Guangzhou)
	s := &r.funds.Sources[idx]
	dst, key := sourceField(s, under)
	path := fmt.Sprintf("funds.sources[%d].%s", idx, key)
	for _, extra := range vals[1:] {
		r.unplace(extra, tx("资金来源的一栏只有一个金额", "a source's column holds one amount"))
	}
	v := vals[0]
	a, note, why := readAmount(v, r.unit)
	r.store(v, path, what, why, note, a != nil && *dst != nil, func() {
		if a != nil {
			*dst = a
		}
	})
}

// fundsTableRow reads a row under the funds columns: 年度资金总额 (合计),
// a source row, or a labelled figure (预算调整数, 预算调整率). A figure in
// a column the format has no key for on its row (a source's own 执行率, a
// 原因 column) is kept, labelled by row and column.
func (r *reader) fundsTableRow(row *Row) {
	if cols := r.fundsHeader(row); cols != nil {
		r.fundsCols = cols
		r.fundsHeads = map[int]string{}
		for _, c := range row.Cells {
			if !r.disposed(c.id) {
				r.label(c)
				r.fundsHeads[c.Col] = labelText(c)
			}
		}
		return
	}
	first := 1 << 30
	for _, col := range r.fundsCols {
		first = min(first, col)
	}
	// The row's label: the first text left of the value columns, or a
	// source or total label anywhere on it.
	var lc *In
	for _, c := range row.Cells {
		if r.disposed(c.id) {
			continue
		}
		if c.Col < first && c.Kind == TextCell || c.m.ID == vocab.FundsTotal || c.m.ID == vocab.Source {
			lc = c
			break
		}
	}
	colOf := func(c *In) vocab.ID {
		for id, col := range r.fundsCols {
			if col == c.Col {
				return id
			}
		}
		return vocab.None
	}
	rowLabel := ""
	if lc != nil {
		rowLabel = labelText(lc)
	}
	// keepOther keeps a figure of the row in a column without a key here.
	keepOther := func(c *In) {
		if head, ok := r.fundsHeads[c.Col]; ok && !r.disposed(c.id) {
			if Blank(c.Text) && c.Kind == TextCell {
				r.label(c) // the template's "—" where nothing applies
				return
			}
			r.keep(rowLabel+"（"+head+"）", []*In{c})
		}
	}
	switch {
	case lc != nil && lc.m.ID == vocab.FundsTotal, lc == nil && !r.totalSeen:
		r.label(lc)
		r.totalSeen = true
		for _, c := range row.Cells {
			if c == lc || r.disposed(c.id) {
				continue
			}
			f, ok := fieldOf(r.fields, colOf(c))
			if !ok {
				keepOther(c)
				continue
			}
			r.setTyped(f, c, vocab.Text(colOf(c), vocab.NationalProject))
		}
	case lc != nil && lc.m.ID == vocab.Source && lc.m.Source != "":
		r.label(lc)
		r.appendSource(lc.m.Source)
		idx := len(r.funds.Sources) - 1
		r.placeAt(lc, idx)
		for _, c := range row.Cells {
			if c == lc || r.disposed(c.id) {
				continue
			}
			switch id := colOf(c); id {
			case vocab.InitialBudget, vocab.AdjustedBudget, vocab.ActualExpenditure:
				r.sourceAmount(idx, id, []*In{c})
			default:
				// 分值, 执行率 and 得分 belong to the total row; the template
				// prints "—" in them on source rows.
				keepOther(c)
			}
		}
	case lc != nil && lc.m.ID == vocab.Source && lc.m.Keyless:
		r.label(lc)
		for _, c := range row.Cells {
			if c != lc {
				keepOther(c)
			}
		}
	case lc != nil && lc.m.ID == vocab.Source:
		r.label(lc) // 其中 alone
	}
	// Anything else on the row: labelled figures (预算调整数 | 20).
	r.pairs(row, 0)
}

// Goals.

// goalCols are the columns of the goals block's header.
type goalCols struct{ exp, ach int }

func (r *reader) goalsStart(row *Row, c0 *In) {
	r.label(c0)
	r.blk = bGoals
	r.goalCols = goalCols{-1, -1}
	header := false
	for _, c := range row.Cells {
		if c == c0 {
			continue
		}
		switch c.m.ID {
		case vocab.Expected, vocab.GoalsBlock: // Hunan: 总体目标 | 年度目标 | 年度总体目标完成情况
			if r.goalCols.exp < 0 {
				r.goalCols.exp = c.Col
			}
			r.label(c)
			header = true
		case vocab.Achieved:
			if r.goalCols.ach < 0 {
				r.goalCols.ach = c.Col
			}
			r.label(c)
			header = true
		}
	}
	if !header {
		r.goalsRow(row)
	}
}

// toExpected reports whether a text in column col is 预期目标 (else
// 目标完成情况): it belongs to the nearest header column at or left of it;
// with no header, the first text of a row is the goal and the next what
// was achieved.
func (g goalCols) toExpected(col, seen int) bool {
	if g.exp < 0 && g.ach < 0 {
		return seen == 0
	}
	switch {
	case g.exp >= 0 && g.ach >= 0:
		if g.ach <= col && (g.exp > col || g.ach >= g.exp) {
			return false
		}
		if g.exp <= col {
			return true
		}
		return g.exp < g.ach
	case g.exp >= 0:
		return true
	}
	return false
}

func (r *reader) goalsRow(row *Row) {
	seen := 0
	var exp, ach []*In
	left := r.left[row.Table]
	if r.isHeader(row, vocab.Expected, vocab.Achieved) {
		for _, c := range row.Cells {
			r.label(c) // the header again, on a new page
		}
		return
	}
	for _, c := range row.Cells {
		if r.disposed(c.id) || c.Col == left && c.m.ID != vocab.None {
			continue
		}
		if r.goalCols.toExpected(c.Col, seen) {
			exp = append(exp, c)
		} else {
			ach = append(ach, c)
		}
		seen++
	}
	concat := row.First
	for _, c := range exp {
		paras := c.Paras
		if paras == nil {
			paras = ListItems(c.Text)
		}
		g := &r.goals.Expected
		if concat && len(*g) > 0 && len(paras) > 0 {
			last := &(*g)[len(*g)-1]
			if !r.fits(c, len(*last)+len(paras[0])) {
				return
			}
			*last += paras[0]
			paras = paras[1:]
			concat = false
		}
		if len(*g)+len(paras) > MaxNodes {
			r.limit(c, "more than %d goals", MaxNodes)
			return
		}
		*g = append(*g, paras...)
		r.place(c, "goals.expected")
	}
	for i, c := range ach {
		r.appendText(c, &r.goals.Achieved, "goals.achieved", row.First && i == 0)
	}
	for _, c := range row.Cells {
		if c.m.ID != vocab.None && !r.disposed(c.id) {
			r.pair(c, nil)
		}
	}
}

// appendText adds a cell's paragraphs to a text: continuing its last
// paragraph when the row continues the row before a page break.
func (r *reader) appendText(c *In, dst *string, path string, concat bool) {
	add := strings.Join(c.paragraphs(), "\n")
	if add == "" {
		r.place(c, path)
		return
	}
	if !r.fits(c, len(*dst)+1+len(add)) {
		return
	}
	switch {
	case *dst == "":
		*dst = add
	case concat:
		*dst += add
	default:
		*dst += "\n" + add
	}
	r.place(c, path)
}
