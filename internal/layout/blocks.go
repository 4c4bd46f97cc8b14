package layout

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/vocab"
)

// indicatorIDs are the labels of an indicator table's columns.
var indicatorIDs = []vocab.ID{vocab.Level1, vocab.Level2, vocab.IndicatorName, vocab.Target, vocab.Actual,
	vocab.Weight, vocab.Score, vocab.Deviation, vocab.Direction, vocab.TargetOperator, vocab.TargetUnit}

// header reads the columns a header row names, among ids, and places its
// labels.
func (r *reader) header(row *Row, ids ...vocab.ID) map[vocab.ID]int {
	cols := map[vocab.ID]int{}
	for _, c := range row.Cells {
		for _, id := range ids {
			if c.m.ID == id {
				if _, seen := cols[id]; !seen {
					cols[id] = c.Col
				}
				r.label(c)
			}
		}
	}
	return cols
}

// isHeader reports whether a row holds at least two labels among ids and
// no value: a header (repeated on a new page, or opening a table).
func (r *reader) isHeader(row *Row, ids ...vocab.ID) bool {
	n := 0
	for _, c := range row.Cells {
		if r.disposed(c.id) {
			continue
		}
		if c.m.ID == vocab.None {
			return false
		}
		for _, id := range ids {
			if c.m.ID == id {
				n++
			}
		}
	}
	return n >= 2
}

// Tasks.

func (r *reader) tasksStart(row *Row, c0 *In) {
	r.label(c0)
	r.blk = bTasks
	r.levels = levelCtx{}
	r.taskCols = r.header(row, append([]vocab.ID{vocab.Expected, vocab.Achieved, vocab.TaskFunds, vocab.TaskName}, indicatorIDs...)...)
}

// taskRow reads a row of 主要任务: a task's first row (its name in the
// first column) or a further indicator row of the task above. A row that
// opens a table after a page break continues the task's texts and its
// last indicator.
func (r *reader) taskRow(row *Row) {
	if r.isHeader(row, append([]vocab.ID{vocab.Expected, vocab.Achieved, vocab.TaskFunds}, indicatorIDs...)...) {
		r.taskCols = r.header(row, append([]vocab.ID{vocab.Expected, vocab.Achieved, vocab.TaskFunds, vocab.TaskName}, indicatorIDs...)...)
		return
	}
	d := r.dept
	if d == nil {
		return // a project form has no tasks: the row is reported unplaced
	}
	nameCol := r.left[row.Table]
	if c, ok := r.taskCols[vocab.TaskName]; ok {
		nameCol = c
	}
	started := false
	if c0 := row.at(nameCol); c0 != nil && !r.disposed(c0.id) {
		name := strings.Join(c0.paragraphs(), "\n")
		// A converter may repeat the task's name on the next page.
		if !(row.First && len(d.Tasks) > 0 && d.Tasks[len(d.Tasks)-1].Name == name) {
			if len(d.Tasks) >= MaxList {
				r.limit(c0, "more than %d tasks", MaxList)
				return
			}
			if !r.fits(c0, len(name)) {
				return
			}
			d.Tasks = append(d.Tasks, evaluation.Task{Name: name})
			started = true
			r.levels = levelCtx{}
		}
		r.place(c0, fmt.Sprintf("tasks[%d].name", len(d.Tasks)-1))
	}
	if !started && !row.First && (r.at(row, r.taskCols, vocab.Expected) != nil || r.at(row, r.taskCols, vocab.Achieved) != nil ||
		r.at(row, r.taskCols, vocab.TaskFunds) != nil) && (len(d.Tasks) == 0 || row.at(nameCol) == nil) {
		// A task's own cells print on its first row only: a row holding
		// them starts a task, one without a name.
		if len(d.Tasks) >= MaxList {
			r.limit(row.Cells[0], "more than %d tasks", MaxList)
			return
		}
		d.Tasks = append(d.Tasks, evaluation.Task{})
		started = true
		r.levels = levelCtx{}
	}
	if len(d.Tasks) == 0 {
		return // cells before the first task: reported unplaced
	}
	i := len(d.Tasks) - 1
	t := &d.Tasks[i]
	p := fmt.Sprintf("tasks[%d]", i)
	concat := row.First && !started
	if c := r.at(row, r.taskCols, vocab.Expected); c != nil {
		r.appendText(c, &t.Expected, p+".expected", concat)
	}
	if c := r.at(row, r.taskCols, vocab.Achieved); c != nil {
		r.appendText(c, &t.Achieved, p+".achieved", concat)
	}
	if c := r.at(row, r.taskCols, vocab.TaskFunds); c != nil {
		a, note, why := readAmount(c, r.unit)
		r.store(c, p+".funds", "任务涉及资金", why, note, a != nil && t.Funds != nil, func() {
			if a != nil {
				t.Funds = a
			}
		})
	}
	r.readIndicator(row, r.taskCols, &t.Indicators, p+".indicators", concat, false)
}

// at returns the row's undisposed cell in the column of a label.
func (r *reader) at(row *Row, cols map[vocab.ID]int, id vocab.ID) *In {
	col, ok := cols[id]
	if !ok {
		return nil
	}
	c := row.at(col)
	if c == nil || r.disposed(c.id) {
		return nil
	}
	return c
}

// Indicators.

// levelCtx is the level-one and level-two name above the current row:
// merged cells print once, on their first row, and a blank template row
// may carry them alone.
type levelCtx struct {
	l1, l2       string
	l1Cell, l2At *In // a template row's level cells, placed when a row below takes them
}

// readIndicator reads the indicator cells of a row into list (at key path
// prefix). A row that continues the one before a page break continues its
// last indicator; a row of a blank template (……, 指标1, level names alone)
// is skipped and reported. With inherit, a blank 一级指标 (and then 二级指标)
// is the one above: a merged cell.
func (r *reader) readIndicator(row *Row, cols map[vocab.ID]int, list *[]evaluation.Indicator, prefix string, concat, inherit bool) {
	cells := map[vocab.ID]*In{}
	for _, id := range indicatorIDs {
		if c := r.at(row, cols, id); c != nil {
			cells[id] = c
		}
	}
	if len(cells) == 0 {
		return
	}
	name, l1, l2 := cells[vocab.IndicatorName], cells[vocab.Level1], cells[vocab.Level2]
	if concat && name == nil && l1 == nil && l2 == nil && len(*list) > 0 {
		r.continueIndicator(cells, &(*list)[len(*list)-1], fmt.Sprintf("%s[%d]", prefix, len(*list)-1))
		return
	}
	if isTemplate(cells) {
		var ids []int
		for _, id := range indicatorIDs { // in column order: a map's order would change from run to run
			if c := cells[id]; c != nil {
				r.disp[c.id] = disposition{kind: dSkipped}
				ids = append(ids, c.id)
			}
		}
		slices.Sort(ids)
		r.templates = append(r.templates, ids)
		if l1 != nil {
			r.levels = levelCtx{l1: r.levelText(l1, ""), l1Cell: l1}
		}
		if l2 != nil {
			r.levels.l2, r.levels.l2At = r.levelText(l2, ""), l2
		}
		return
	}
	i := len(*list)
	if i >= MaxList {
		var first *In // the row's leftmost cell, whatever the map's order
		for _, c := range cells {
			if first == nil || c.id < first.id {
				first = c
			}
		}
		r.limit(first, "more than %d indicators", MaxList)
		return
	}
	p := fmt.Sprintf("%s[%d]", prefix, i)
	var ind evaluation.Indicator
	if l1 != nil {
		ind.Level1 = r.levelText(l1, p+".level1")
	}
	if l2 != nil {
		ind.Level2 = r.levelText(l2, p+".level2")
	}
	merged := func(id vocab.ID) bool {
		col, ok := cols[id]
		return !r.in.Merged || ok && row.covered(col)
	}
	if inherit && ind.Level1 == "" && merged(vocab.Level1) && !otherDimension(r.levels.l1, ind.Level2) {
		ind.Level1 = r.levels.l1
		if r.levels.l1Cell != nil && ind.Level1 != "" {
			r.place(r.levels.l1Cell, p+".level1")
			r.levels.l1Cell = nil
		}
		if ind.Level2 == "" && merged(vocab.Level2) {
			ind.Level2 = r.levels.l2
			if r.levels.l2At != nil && ind.Level2 != "" {
				r.place(r.levels.l2At, p+".level2")
				r.levels.l2At = nil
			}
		}
	} else if inherit && ind.Level2 == "" && l1 == nil && merged(vocab.Level2) {
		ind.Level2 = r.levels.l2
	}
	r.composeTarget(cells, p)
	for id, dst := range map[vocab.ID]*string{vocab.IndicatorName: &ind.Name, vocab.Target: &ind.Target,
		vocab.Actual: &ind.Actual, vocab.Deviation: &ind.Deviation} {
		if c := cells[id]; c != nil {
			text := strings.Join(c.paragraphs(), "\n")
			if !r.fits(c, len(text)) {
				return
			}
			*dst = text
			if c.id >= 0 {
				r.place(r.cells[c.id], p+"."+indicatorKey(id))
			}
		}
	}
	for id, dst := range map[vocab.ID]**decimal.Decimal{vocab.Weight: &ind.Weight, vocab.Score: &ind.Score} {
		if c := cells[id]; c != nil {
			d, note, why := readNumber(c)
			r.store(c, p+"."+indicatorKey(id), vocab.Text(id, vocab.Guangzhou), why, note, false, func() { *dst = d })
		}
	}
	if c := cells[vocab.Direction]; c != nil {
		if Blank(c.Text) {
			r.place(c, p+".direction")
		} else {
			dir, why := readDirection(c)
			r.store(c, p+".direction", "指标方向", why, nil, false, func() { ind.Direction = dir })
		}
	}
	*list = append(*list, ind)
	r.levels = levelCtx{l1: ind.Level1, l2: ind.Level2}
}

// otherDimension reports whether a row's 二级指标 names a dimension other
// than the 一级指标 above it (社会效益指标 under 产出指标): the blank 一级指标
// is then no merged cell of the one above, and is left blank for the
// 二级指标 to say (evaluation reads a blank 一级指标 from its 二级指标).
func otherDimension(level1Above, level2 string) bool {
	l2 := indicator.LevelOfDimension(level2)
	l1, _, _, _ := indicator.ParseLevel(level1Above)
	return l2 != indicator.LevelUnknown && l1 != indicator.LevelUnknown && l1 != l2
}

// composeTarget reads a target printed in three columns, 指标性质 | 指标值
// | 度量单位 (≧ | 735 | 人次), as one: ≥735人次, the reading reported. The
// composed text replaces the 指标值 cell's in cells.
func (r *reader) composeTarget(cells map[vocab.ID]*In, p string) {
	op, unit := cells[vocab.TargetOperator], cells[vocab.TargetUnit]
	if op == nil && unit == nil {
		return
	}
	t := cells[vocab.Target]
	var parts [3]string
	if op != nil {
		parts[0] = operatorText(strings.TrimSpace(op.Text))
		r.place(op, p+".target")
	}
	if t != nil {
		parts[1] = strings.TrimSpace(t.Text)
	}
	if unit != nil {
		parts[2] = strings.TrimSpace(unit.Text)
		r.place(unit, p+".target")
	}
	composed := parts[0] + parts[1] + parts[2]
	at := t
	if at == nil {
		at = op
		if at == nil {
			at = unit
		}
	}
	r.note(at, p+".target", tx(fmt.Sprintf("指标性质“%s”、指标值“%s”、度量单位“%s”合读作年度指标值 %s", textOf(op), textOf(t), textOf(unit), composed),
		fmt.Sprintf("指标性质 %q, 指标值 %q and 度量单位 %q read as the target %s", textOf(op), textOf(t), textOf(unit), composed)))
	cells[vocab.Target] = &In{Col: at.Col, Pos: at.Pos, Text: composed, id: at.id, m: at.m}
	if t == nil {
		cells[vocab.Target].id = -1
	}
}

func textOf(c *In) string {
	if c == nil {
		return ""
	}
	return strings.TrimSpace(c.Text)
}

// operatorText reads an operator printed in 指标性质: the box-drawing ═ and
// the small ﹦ a converted PDF gives for = are =.
func operatorText(s string) string {
	switch s {
	case "═", "＝", "﹦":
		return "="
	}
	return s
}

func indicatorKey(id vocab.ID) string {
	switch id {
	case vocab.Level1:
		return "level1"
	case vocab.Level2:
		return "level2"
	case vocab.IndicatorName:
		return "name"
	case vocab.Target:
		return "target"
	case vocab.Actual:
		return "actual"
	case vocab.Weight:
		return "weight"
	case vocab.Score:
		return "score"
	case vocab.Direction:
		return "direction"
	}
	return "deviation"
}

// levelText reads a level cell: a line break inside the name, where the
// cell wrapped it (经济效益<br>指标), is folded and the reading reported.
func (r *reader) levelText(c *In, path string) string {
	t := strings.Join(c.paragraphs(), "\n")
	if strings.ContainsAny(t, "\n \u3000") && strings.TrimSpace(t) != "" {
		folded := strings.Map(func(r rune) rune {
			if r == '\n' || r == ' ' || r == '\u3000' {
				return -1
			}
			return r
		}, t)
		if path != "" {
			r.note(c, path, tx("“"+strings.ReplaceAll(t, "\n", "⏎")+"”中的换行和空格已合并为“"+folded+"”",
				"the line break or space in "+quote(t)+" was folded: "+folded))
		}
		t = folded
	}
	if path != "" {
		r.place(c, path)
	}
	return t
}

// continueIndicator adds a row that continues ind across a page break:
// its text cells continue ind's, its numbers fill ind's empty ones.
func (r *reader) continueIndicator(cells map[vocab.ID]*In, ind *evaluation.Indicator, p string) {
	for id, dst := range map[vocab.ID]*string{vocab.Target: &ind.Target, vocab.Actual: &ind.Actual, vocab.Deviation: &ind.Deviation} {
		if c := cells[id]; c != nil {
			add := strings.Join(c.paragraphs(), "\n")
			if !r.fits(c, len(*dst)+len(add)) {
				return
			}
			*dst += add
			r.place(c, p+"."+indicatorKey(id))
		}
	}
	for id, dst := range map[vocab.ID]**decimal.Decimal{vocab.Weight: &ind.Weight, vocab.Score: &ind.Score} {
		if c := cells[id]; c != nil {
			d, note, why := readNumber(c)
			r.store(c, p+"."+indicatorKey(id), vocab.Text(id, vocab.Guangzhou), why, note, d != nil && *dst != nil, func() {
				if d != nil {
					*dst = d
				}
			})
		}
	}
	if c := cells[vocab.Direction]; c != nil {
		r.unplace(c, tx("指标方向续在下一页", "a direction continued on the next page"))
	}
}

// isTemplate reports a row of a blank template: its name empty or a
// placeholder (指标1, ……), and every other cell but the level names empty,
// a dash or a placeholder.
func isTemplate(cells map[vocab.ID]*In) bool {
	for id, c := range cells {
		t := strings.TrimSpace(c.Text)
		if c.Literal {
			t = "literal" // data, whatever it says
		}
		switch id {
		case vocab.Level1, vocab.Level2, vocab.TargetOperator, vocab.TargetUnit:
			continue
		case vocab.IndicatorName:
			if !vocab.IsPlaceholder(t) {
				return false
			}
		default:
			if !vocab.IsPlaceholder(t) && !Blank(t) {
				return false
			}
		}
	}
	return true
}

// The national 绩效指标 table.

func (r *reader) indicatorsStart(row *Row, c0 *In) {
	r.label(c0)
	if r.blk == bIndicators && r.headerOnly {
		r.mergeHeader(row)
		return
	}
	r.blk = bIndicators
	r.levels = levelCtx{}
	r.headerOnly = true
	r.indCols = r.header(row, indicatorIDs...)
}

// mergeHeader reads a second header row under the first: its columns
// are added, and where both name a column the lower row's, nearer the
// values, wins (年度指标值 over 指标性质 | 指标值 | 度量单位).
func (r *reader) mergeHeader(row *Row) {
	for id, col := range r.header(row, indicatorIDs...) {
		for other, c := range r.indCols {
			if c == col && other != id {
				delete(r.indCols, other)
			}
		}
		r.indCols[id] = col
	}
}

func (r *reader) nationalIndicatorRow(row *Row) {
	if r.isHeader(row, indicatorIDs...) {
		if r.headerOnly {
			r.mergeHeader(row)
		} else {
			r.indCols = r.header(row, indicatorIDs...)
		}
		return
	}
	r.headerOnly = false
	r.readIndicator(row, r.indCols, r.inds, "indicators", row.First, true)
}

// Key projects.

// kpDraft is a key project as read, built once the rows are read.
type kpDraft struct {
	paras []string // the published cell: name, 项目预算：…, 自选重点项目, summary
	cell  *In
	table bool // read from a table with its own columns (the cells below)
	k     evaluation.KeyProject
}

var kpTableIDs = []vocab.ID{vocab.KeyProjectName, vocab.KeyProjectText, vocab.KeyProjectFunds, vocab.SelfSelected}

func (r *reader) kpStart(row *Row, c0 *In) {
	r.label(c0)
	if r.dept == nil {
		return
	}
	// A table of key projects with columns of its own (绩效情况 | 项目预算 | …).
	n := 0
	for _, c := range row.Cells {
		for _, id := range kpTableIDs {
			if c.m.ID == id {
				n++
			}
		}
	}
	if n > 0 {
		r.blk = bKPTable
		r.kpCols = r.header(row, append(append([]vocab.ID{}, kpTableIDs...), indicatorIDs...)...)
		return
	}
	r.blk = bKeyProjects
	r.kpRow(row, true)
}

// kpRow reads a row of 重点项目绩效情况 as Guangzhou publishes it: the
// project's cell (its text columns) and its indicators (in the 主要任务
// indicator columns).
func (r *reader) kpRow(row *Row, labeled bool) {
	if r.dept == nil {
		return
	}
	var texts []*In
	for _, c := range row.Cells {
		if r.disposed(c.id) || r.indicatorColumn(c.Col) {
			continue
		}
		texts = append(texts, c)
	}
	started := false
	if len(texts) > 0 {
		var paras []string
		for _, c := range texts {
			paras = append(paras, c.paragraphs()...)
		}
		if !labeled && row.First && len(r.kps) > 0 && !r.kps[len(r.kps)-1].table {
			last := r.kps[len(r.kps)-1]
			n := len(last.paras) - 1
			if n >= 0 && len(paras) > 0 {
				if !r.fits(texts[0], len(last.paras[n])+len(paras[0])) {
					return
				}
				last.paras[n] += paras[0]
				paras = paras[1:]
			}
			last.paras = append(last.paras, paras...)
		} else {
			if len(r.kps) >= MaxList {
				r.limit(texts[0], "more than %d key projects", MaxList)
				return
			}
			r.kps = append(r.kps, &kpDraft{paras: paras, cell: texts[0]})
			started = true
		}
		for _, c := range texts {
			r.place(c, fmt.Sprintf("key_projects[%d]", len(r.kps)-1))
		}
	}
	if len(r.kps) == 0 {
		return
	}
	i := len(r.kps) - 1
	r.readIndicator(row, r.taskCols, &r.kps[i].k.Indicators, fmt.Sprintf("key_projects[%d].indicators", i), row.First && !started, false)
}

// indicatorColumn reports whether col is one of the 主要任务 indicator
// columns.
func (r *reader) indicatorColumn(col int) bool {
	for _, id := range indicatorIDs {
		if c, ok := r.taskCols[id]; ok && c == col {
			return true
		}
	}
	return false
}

// kpTableRow reads a row of a key-project table with its own columns.
func (r *reader) kpTableRow(row *Row) {
	if r.isHeader(row, append(append([]vocab.ID{}, kpTableIDs...), indicatorIDs...)...) {
		r.kpCols = r.header(row, append(append([]vocab.ID{}, kpTableIDs...), indicatorIDs...)...)
		return
	}
	nameCol := r.left[row.Table]
	if c, ok := r.kpCols[vocab.KeyProjectName]; ok {
		nameCol = c
	}
	if c := row.at(nameCol); c != nil && !r.disposed(c.id) {
		if len(r.kps) >= MaxList {
			r.limit(c, "more than %d key projects", MaxList)
			return
		}
		r.kps = append(r.kps, &kpDraft{table: true, cell: c, k: evaluation.KeyProject{Name: strings.Join(c.paragraphs(), "\n")}})
		r.place(c, fmt.Sprintf("key_projects[%d].name", len(r.kps)-1))
		r.levels = levelCtx{}
	}
	if len(r.kps) == 0 {
		return
	}
	i := len(r.kps) - 1
	k := &r.kps[i].k
	p := fmt.Sprintf("key_projects[%d]", i)
	if c := r.at(row, r.kpCols, vocab.KeyProjectText); c != nil {
		r.appendText(c, &k.Summary, p+".summary", false)
	}
	if c := r.at(row, r.kpCols, vocab.KeyProjectFunds); c != nil {
		a, note, why := readAmount(c, r.unit)
		r.store(c, p+".budget", "项目预算", why, note, a != nil && k.Budget != nil, func() {
			if a != nil {
				k.Budget = a
			}
		})
	}
	if c := r.at(row, r.kpCols, vocab.SelfSelected); c != nil {
		b, why := readBool(c)
		r.store(c, p+".self_selected", "自选重点项目", why, nil, false, func() { k.SelfSelected = k.SelfSelected || b })
	}
	r.readIndicator(row, r.kpCols, &k.Indicators, p+".indicators", false, false)
}

// keyProject builds a key project from its published cell's paragraphs:
// the first is the project's name; 项目预算：620万元 and 自选重点项目 may
// follow (the renderers write them when the form states them); the rest
// is the summary.
func (r *reader) keyProject(d *kpDraft, i int) evaluation.KeyProject {
	if d.table {
		return d.k
	}
	k := evaluation.KeyProject{Indicators: d.k.Indicators}
	ps := d.paras
	if len(ps) == 0 {
		return k
	}
	k.Name, ps = ps[0], ps[1:]
	if len(ps) > 0 {
		for _, prefix := range []string{KeyProjectBudgetPrefix, "项目预算:", "预算金额：", "预算金额:"} {
			if rest, ok := strings.CutPrefix(ps[0], prefix); ok {
				a, note, why := readAmount(&In{Text: rest, Kind: TextCell}, r.unit)
				if why == nil && a != nil {
					k.Budget, ps = a, ps[1:]
					if note != nil {
						r.note(d.cell, fmt.Sprintf("key_projects[%d].budget", i), *note)
					}
				}
				break
			}
		}
	}
	if len(ps) > 0 {
		if n := vocab.KeyOf(ps[0]); n == KeyProjectSelfSelected || n == "("+KeyProjectSelfSelected+")" {
			k.SelfSelected, ps = true, ps[1:]
		}
	}
	k.Summary = strings.Join(ps, "\n")
	return k
}

// Totals and the closing rows.

// totals reads 总分 (合计 under the indicators: c0) — the figure in the
// indicators' 得分 column, else the next figure on the row — and
// 评价等级. The row's other figures stand under other columns of the
// indicators (the weights' sum under 分值): they are kept, labelled by row
// and column; a grade printed on the row (优) is the form's grade.
func (r *reader) totals(row *Row, c0 *In) {
	for i := 0; i < len(row.Cells); {
		c := row.Cells[i]
		if r.disposed(c.id) || c.m.ID == vocab.None {
			i++
			continue
		}
		vals, next := r.values(row, i)
		total := c.m.ID == vocab.TotalScore || c == c0 && c.m.ID == vocab.FundsTotal
		if !total {
			r.pair(c, vals)
			i = next
			continue
		}
		f, _ := fieldOf(r.fields, vocab.TotalScore)
		r.label(c)
		var v *In
		if col, ok := r.indCols[vocab.Score]; ok && col > c.Col {
			v = r.at(row, r.indCols, vocab.Score) // nil when the 得分 column is empty
		}
		if v == nil {
			// No figure under 得分: the total is the row's first figure
			// that is no grade and stands under no 分值 (总分(100分) | 100 |
			// 自评等级 | 优, printed at the left of a Hubei-style form).
			for _, x := range vals {
				if !vocab.IsGrade(x.Text) && r.columnOf(x.Col) != vocab.Weight {
					v = x
					break
				}
			}
		}
		if v != nil {
			r.setTyped(f, v, labelText(c))
		}
		for _, x := range vals {
			if x == v || r.disposed(x.id) {
				continue
			}
			if g, ok := fieldOf(r.fields, vocab.Grade); ok && vocab.IsGrade(x.Text) && *g.text == "" {
				*g.text = strings.TrimSpace(x.Text)
				r.place(x, g.path)
				r.note(x, g.path, tx("总分行中的“"+strings.TrimSpace(x.Text)+"”读作评价等级", quote(x.Text)+" on the total's row read as the grade"))
				continue
			}
			if id := r.columnOf(x.Col); id != vocab.None {
				r.keep(labelText(c)+"（"+vocab.Text(id, vocab.NationalProject)+"）", []*In{x})
			}
		}
		i = next
	}
}

// columnOf returns the indicator column at col.
func (r *reader) columnOf(col int) vocab.ID {
	for id, c := range r.indCols {
		if c == col {
			return id
		}
	}
	return vocab.None
}

func (r *reader) tailStart(row *Row, c0 *In) {
	f, _ := fieldOf(r.fields, c0.m.ID)
	r.label(c0)
	r.blk, r.tail, r.tailPath = bTail, f.text, f.path
	var vals []*In
	for _, c := range row.Cells {
		if !r.disposed(c.id) {
			vals = append(vals, c)
		}
	}
	r.setField(f, c0, vals)
}

func (r *reader) tailRow(row *Row) {
	for i, c := range row.Cells {
		if !r.disposed(c.id) {
			r.appendText(c, r.tail, r.tailPath, row.First && i == 0)
		}
	}
}

// extraRow reads a row of 其他栏目: a label, then its text.
func (r *reader) extraRow(row *Row) {
	var cells []*In
	for _, c := range row.Cells {
		if !r.disposed(c.id) {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return
	}
	lc := cells[0]
	n := len(*r.extra)
	r.keep(strings.Join(lc.paragraphs(), "\n"), cells[1:])
	if len(*r.extra) > n {
		r.disp[lc.id] = disposition{kind: dExtra, label: (*r.extra)[n].Label, path: extraPath(n)}
	}
}

// finish builds what needs the whole form: the key projects, the rates
// printed without %, the year from a title; and says what is missing.
func (r *reader) finish() {
	if r.c != nil {
		r.finishCycle()
	}
	if r.dept != nil {
		for i, d := range r.kps {
			r.dept.KeyProjects = append(r.dept.KeyProjects, r.keyProject(d, i))
		}
	}
	r.decideRates()
	if r.blockWeight != nil {
		if f, ok := fieldOf(r.fields, vocab.Weight); ok && *f.number == nil {
			*f.number = r.blockWeight
			r.note(r.blockWeightAt, f.path, tx("分值 "+AsWritten(*r.blockWeight)+" 取自标签“"+strings.ReplaceAll(r.blockWeightAt.Text, "\n", "")+"”",
				"the weight "+AsWritten(*r.blockWeight)+" taken from the label "+quote(r.blockWeightAt.Text)))
		}
	}
	if !r.yearSet {
		if f, ok := fieldOf(r.fields, vocab.Year); ok {
			switch {
			case r.titleLine != nil:
				if y, ok := vocab.YearIn(lineText(r.titleLine.Text)); ok {
					*f.year = y
					r.res.Readings = append(r.res.Readings, r.yearReading(r.titleLine.Pos, r.titleLine.Text, y, "标题", "the title"))
				}
			case r.titleYearAt != nil:
				*f.year = r.titleYear
				r.res.Readings = append(r.res.Readings, r.yearReading(r.titleYearAt.Pos, r.titleYearAt.Text, r.titleYear, "表头", "the heading row"))
			}
		}
	}
	name, namePath := "", ""
	switch {
	case r.dept != nil:
		name, namePath = r.dept.Department, "department"
	case r.proj != nil:
		name, namePath = r.proj.Project, "project"
	case r.c != nil:
		name, namePath = r.c.project(), "project"
	}
	if name == "" {
		r.res.Missing = append(r.res.Missing, imports.Missing{What: namePath, Why: tx("未找到名称（部门名称或项目名称）", "no name (部门名称 or 项目名称) was found")})
	}
	if f, ok := fieldOf(r.fields, vocab.Year); ok && *f.year == 0 {
		r.res.Missing = append(r.res.Missing, imports.Missing{What: "year", Why: tx("未找到年度", "no year was found")})
	}
	if !r.fundsFound {
		r.res.Missing = append(r.res.Missing, imports.Missing{What: "funds", Why: tx("未找到资金情况", "no funds block was found")})
	}
}

func (r *reader) yearReading(pos imports.Position, text string, y int, zh, en string) imports.Reading {
	return imports.Reading{Cell: imports.Cell{Position: pos, Text: text}, Path: "year",
		Note: tx(fmt.Sprintf("年度 %d 取自%s", y, zh), fmt.Sprintf("the year %d taken from %s", y, en))}
}

// decideRates reads the rates printed without %: as ratios or
// percentages, whichever the form's own amounts agree with.
func (r *reader) decideRates() {
	for _, p := range r.rates {
		var computed *budget.Rate
		var rt budget.Rate
		var err error
		switch {
		case r.c != nil && r.c.mon != nil:
			rt, err = monitoringRate(&r.c.mon.Funds)
		case strings.HasSuffix(p.path, "adjustment_rate"):
			rt, err = r.funds.AdjustmentRate()
		default:
			rt, err = r.funds.CompletionRate()
		}
		if err == nil {
			computed = &rt
		}
		v, note, ok := decideRate(p.bare, computed)
		if !ok {
			*p.dst = nil
			r.unplace(p.c, tx("不是比率", "not a rate"))
			continue
		}
		*p.dst = &v
		r.note(p.c, p.path, note)
	}
}
