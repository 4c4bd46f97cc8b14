package layout

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// The indicator tables of the declaration and the monitoring form.

var (
	// declColumnIDs are the columns a declaration's indicator table may
	// have, in the order its cells are read.
	declColumnIDs = []vocab.ID{vocab.Level1, vocab.Level2, vocab.IndicatorName, vocab.Target, vocab.TargetOperator,
		vocab.TargetUnit, vocab.Basis, vocab.Weight, vocab.Note}
	// monColumnIDs are the monitoring form's; 偏差原因分析 (Deviation) is a
	// column of its own where a form prints no five columns under it.
	monColumnIDs = []vocab.ID{vocab.Level1, vocab.Level2, vocab.IndicatorName, vocab.Target, vocab.TargetOperator,
		vocab.TargetUnit, vocab.ProgressToDate, vocab.IndicatorForecast, vocab.Deviation, vocab.DeviationFunding,
		vocab.DeviationSystem, vocab.DeviationStaffing, vocab.DeviationFacilities, vocab.DeviationOther,
		vocab.Likelihood, vocab.Measures}
)

func (r *reader) cycColumnIDs() []vocab.ID {
	if r.c.decl != nil {
		return declColumnIDs
	}
	return monColumnIDs
}

// colID is the column a header cell names, among the kind's: 改进措施 and
// 相关建议或举措 are the measures' column; 其他 under 偏差原因分析 is its
// fifth column.
func (r *reader) colID(x *In, dev bool) vocab.ID {
	if x.Literal {
		return vocab.None
	}
	id := x.m.ID
	switch {
	case id == vocab.Improvements:
		id = vocab.Measures
	case id == vocab.Source && x.m.Key == "其他" && dev:
		id = vocab.DeviationOther
	}
	if slices.Contains(r.cycColumnIDs(), id) {
		return id
	}
	return vocab.None
}

// devIn reports whether a row, or the table's header so far, names 偏差原因分析
// or one of its columns: then 其他 is its fifth column.
func (r *reader) devIn(row *Row) bool {
	for _, m := range []map[vocab.ID]int{r.c.cols.shared, r.c.cols.annual} {
		for id := range m {
			if id >= vocab.DeviationFunding && id <= vocab.DeviationOther || id == vocab.Deviation {
				return true
			}
		}
	}
	return r.rowHas(row, vocab.Deviation, vocab.DeviationFunding, vocab.DeviationSystem, vocab.DeviationStaffing, vocab.DeviationFacilities)
}

const (
	hShared = iota
	hAnnual
	hLong
)

// horizon is the horizon a column label's note gives it: 二级指标(长期),
// 指标值(年度); hShared for none.
func horizon(x *In) int {
	for _, n := range x.m.Notes {
		k := vocab.KeyOf(n)
		switch {
		case strings.Contains(k, "长期") || strings.Contains(k, "中期"):
			return hLong
		case k == "年度" || k == "当年":
			return hAnnual
		}
	}
	return hShared
}

// cycHeader reads an indicator table's header row: its columns by
// horizon, and the columns the kind has no key for (their cells are kept
// in the form's extra list under the header's text).
func (r *reader) cycHeader(row *Row, into *indCols) {
	dev := r.devIn(row)
	for _, x := range row.Cells {
		if r.disposed(x.id) {
			continue
		}
		id := r.colID(x, dev)
		if id == vocab.None {
			if x.m.ID != vocab.None && !x.Literal {
				r.c.others[x.Col] = labelText(x)
				r.label(x)
			}
			continue
		}
		m := [...]map[vocab.ID]int{into.shared, into.annual, into.long}[horizon(x)]
		// A lower header row, nearer the values, names its columns over
		// the one above (偏差原因分析 over 经费保障 … 其他).
		for _, mm := range []map[vocab.ID]int{into.shared, into.annual, into.long} {
			for other, col := range mm {
				if col == x.Col && other != id {
					delete(mm, other)
				}
			}
		}
		m[id] = x.Col
		delete(r.c.others, x.Col)
		r.label(x)
		r.month(x)
	}
}

func newIndCols() indCols {
	return indCols{shared: map[vocab.ID]int{}, annual: map[vocab.ID]int{}, long: map[vocab.ID]int{}}
}

// cycIsHeader reports whether a row is a header: labels only, at least
// two of them the kind's columns, or one of 偏差原因分析's columns under it.
func (r *reader) cycIsHeader(row *Row) bool {
	dev := r.devIn(row)
	n, sub := 0, false
	for _, x := range row.Cells {
		if r.disposed(x.id) {
			continue
		}
		if x.Literal || x.m.ID == vocab.None {
			return false
		}
		if id := r.colID(x, dev); id != vocab.None {
			n++
			sub = sub || id >= vocab.DeviationFunding && id <= vocab.DeviationOther
		}
	}
	return n >= 2 || n == 1 && sub
}

func (r *reader) cycIndStart(row *Row, c0 *In) {
	c := r.c
	long := c.long && c.blk == cInd
	block := false
	if c0 != nil {
		switch c0.m.ID {
		case vocab.LongTermIndicators:
			long, block = true, true
		case vocab.IndicatorsBlock:
			long, block = false, true
		case vocab.Keyless, vocab.Heading:
			block = true
		}
		if block {
			r.label(c0)
		}
	}
	hasCols, values := false, false
	dev := r.devIn(row)
	for _, x := range row.Cells {
		switch {
		case r.disposed(x.id):
		case r.colID(x, dev) != vocab.None:
			hasCols = true
		case x.Literal || x.m.ID == vocab.None:
			values = true
		}
	}
	switch {
	case c.blk == cInd && block && !hasCols && values && long == c.long:
		// 四川: the block's label printed again on a data row.
		r.cycIndRow(row)
		return
	case c.blk == cInd && hasCols && (c.headerOnly || !block):
		// The header's second row, or the header again after a page
		// break: its columns are read over the ones above.
		r.cycHeader(row, &c.cols)
		return
	}
	c.blk, r.blk = cInd, bIndicators
	c.long = long
	c.lv = [2]levelCtx{}
	c.headerOnly = true
	c.cols, c.others = newIndCols(), map[int]string{}
	r.cycHeader(row, &c.cols)
}

// merge returns the columns of maps, the later ones over the earlier.
func merge(ms ...map[vocab.ID]int) map[vocab.ID]int {
	out := map[vocab.ID]int{}
	for _, m := range ms {
		for id, col := range m {
			out[id] = col
		}
	}
	return out
}

// cells returns the row's undisposed cells in the columns.
func (r *reader) cycCells(row *Row, cols map[vocab.ID]int) map[vocab.ID]*In {
	out := map[vocab.ID]*In{}
	for id, col := range cols {
		if x := row.at(col); x != nil && !r.disposed(x.id) {
			out[id] = x
		}
	}
	return out
}

// cycIndRow reads a row of an indicator table. A declaration's table with
// columns of both horizons (湖北青山: 二级指标(长期) … | 二级指标(年度) …)
// gives a long-term and an annual indicator per row, sharing 一级指标.
func (r *reader) cycIndRow(row *Row) {
	c := r.c
	if r.cycIsHeader(row) {
		r.cycHeader(row, &c.cols)
		return
	}
	c.headerOnly = false
	var name string
	if d := c.decl; d != nil {
		if len(c.cols.long) > 0 && !c.long {
			annual := merge(c.cols.shared, c.cols.annual)
			ac := r.cycCells(row, annual)
			lc := r.cycCells(row, c.cols.long)
			for id, x := range r.cycCells(row, c.cols.shared) {
				shadow := *x
				shadow.id = -1 // read for the long-term row too, accounted for once
				lc[id] = &shadow
			}
			name = r.declIndicator(row, ac, annual, false)
			r.declIndicator(row, lc, merge(c.cols.shared, c.cols.long), true)
		} else {
			cols := merge(c.cols.shared, c.cols.annual, c.cols.long)
			name = r.declIndicator(row, r.cycCells(row, cols), cols, c.long)
		}
	} else {
		cols := merge(c.cols.shared, c.cols.annual, c.cols.long)
		name = r.monIndicator(row, r.cycCells(row, cols), cols)
	}
	for _, x := range row.Cells {
		head, ok := c.others[x.Col]
		if !ok || r.disposed(x.id) {
			continue
		}
		if Blank(x.Text) && x.Kind == TextCell {
			r.label(x)
			continue
		}
		if name != "" {
			head += "（" + name + "）"
		}
		r.keep(head, []*In{x})
	}
}

// indSlot is where an indicator row's values go.
type indSlot struct {
	text       func(vocab.ID) *string
	weight     **decimal.Decimal
	likelihood *evaluation.Likelihood
}

func declText(ind *evaluation.DeclarationIndicator, id vocab.ID) *string {
	switch id {
	case vocab.Level1:
		return &ind.Level1
	case vocab.Level2:
		return &ind.Level2
	case vocab.IndicatorName:
		return &ind.Name
	case vocab.Target:
		return &ind.Target
	case vocab.Basis:
		return &ind.Basis
	case vocab.Note:
		return &ind.Note
	}
	return nil
}

func monText(ind *evaluation.MonitoringIndicator, id vocab.ID) *string {
	switch id {
	case vocab.Level1:
		return &ind.Level1
	case vocab.Level2:
		return &ind.Level2
	case vocab.IndicatorName:
		return &ind.Name
	case vocab.Target:
		return &ind.Target
	case vocab.ProgressToDate:
		return &ind.Progress
	case vocab.IndicatorForecast:
		return &ind.Forecast
	case vocab.DeviationFunding:
		return &ind.Deviation.Funding
	case vocab.DeviationSystem:
		return &ind.Deviation.System
	case vocab.DeviationStaffing:
		return &ind.Deviation.Staffing
	case vocab.DeviationFacilities:
		return &ind.Deviation.Facilities
	case vocab.DeviationOther, vocab.Deviation:
		return &ind.Deviation.Other
	case vocab.Measures:
		return &ind.Measures
	}
	return nil
}

// cycKey is a column's key path below an indicator.
func cycKey(id vocab.ID) string {
	switch id {
	case vocab.Level1:
		return "level1"
	case vocab.Level2:
		return "level2"
	case vocab.IndicatorName:
		return "name"
	case vocab.Target, vocab.TargetOperator, vocab.TargetUnit:
		return "target"
	case vocab.Basis:
		return "basis"
	case vocab.Weight:
		return "weight"
	case vocab.Note:
		return "note"
	case vocab.ProgressToDate:
		return "progress"
	case vocab.IndicatorForecast:
		return "forecast"
	case vocab.DeviationFunding:
		return "deviation.funding"
	case vocab.DeviationSystem:
		return "deviation.system"
	case vocab.DeviationStaffing:
		return "deviation.staffing"
	case vocab.DeviationFacilities:
		return "deviation.facilities"
	case vocab.DeviationOther, vocab.Deviation:
		return "deviation.other"
	case vocab.Likelihood:
		return "likelihood"
	}
	return "measures"
}

// declIndicator reads a declaration's indicator row into its list (the
// long-term one with long) and returns the indicator's name.
func (r *reader) declIndicator(row *Row, cells map[vocab.ID]*In, cols map[vocab.ID]int, long bool) string {
	d := r.c.decl
	list, prefix, lv := &d.Indicators, "indicators", &r.c.lv[0]
	if long {
		list, prefix, lv = &d.LongTermIndicators, "long_term_indicators", &r.c.lv[1]
	}
	slot := func(i int) indSlot {
		ind := &(*list)[i]
		return indSlot{text: func(id vocab.ID) *string { return declText(ind, id) }, weight: &ind.Weight}
	}
	n := len(*list)
	r.cycIndicator(row, cells, cols, lv, n, prefix,
		func() indSlot { *list = append(*list, evaluation.DeclarationIndicator{}); return slot(n) },
		func() indSlot { return slot(n - 1) })
	if len(*list) > n {
		return (*list)[n].Name
	}
	return ""
}

func (r *reader) monIndicator(row *Row, cells map[vocab.ID]*In, cols map[vocab.ID]int) string {
	list := &r.c.mon.Indicators
	slot := func(i int) indSlot {
		ind := &(*list)[i]
		return indSlot{text: func(id vocab.ID) *string { return monText(ind, id) }, likelihood: &ind.Likelihood}
	}
	n := len(*list)
	r.cycIndicator(row, cells, cols, &r.c.lv[0], n, "indicators",
		func() indSlot { *list = append(*list, evaluation.MonitoringIndicator{}); return slot(n) },
		func() indSlot { return slot(n - 1) })
	if len(*list) > n {
		return (*list)[n].Name
	}
	return ""
}

// sortedCells returns the cells in column order, whatever the map's.
func sortedCells(cells map[vocab.ID]*In) []vocab.ID {
	ids := make([]vocab.ID, 0, len(cells))
	for id := range cells {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if cells[ids[i]].Col != cells[ids[j]].Col {
			return cells[ids[i]].Col < cells[ids[j]].Col
		}
		return ids[i] < ids[j]
	})
	return ids
}

// cycIndicator reads one indicator row's cells into a new row of a list
// of n rows, at key path prefix: add appends the row, last is the row
// before. It is the self-evaluation's indicator row, read as that is: a
// row that continues the one before a page break continues it; a blank
// template's row is skipped and reported; a blank 一级指标 (and then
// 二级指标) is the one above where the cell is merged; a target in three
// columns (指标性质 | 指标值 | 度量单位) is read as one.
func (r *reader) cycIndicator(row *Row, cells map[vocab.ID]*In, cols map[vocab.ID]int, lv *levelCtx, n int, prefix string, add, last func() indSlot) {
	if len(cells) == 0 {
		return
	}
	name, l1, l2 := cells[vocab.IndicatorName], cells[vocab.Level1], cells[vocab.Level2]
	if row.First && name == nil && l1 == nil && l2 == nil && n > 0 {
		s := last()
		p := fmt.Sprintf("%s[%d]", prefix, n-1)
		for _, id := range sortedCells(cells) {
			x := cells[id]
			dst := s.text(id)
			if dst == nil {
				r.unplace(x, tx("续在下一页的单元格只能是文字", "only a text continues on the next page"))
				continue
			}
			add := strings.Join(x.paragraphs(), "\n")
			if !r.fits(x, len(*dst)+len(add)) {
				return
			}
			*dst += add
			r.place(x, p+"."+cycKey(id))
		}
		return
	}
	if !anyLiteral(cells) && isTemplate(cells) {
		var ids []int
		for _, id := range sortedCells(cells) {
			if x := cells[id]; x.id >= 0 {
				r.disp[x.id] = disposition{kind: dSkipped}
				ids = append(ids, x.id)
			}
		}
		if len(ids) > 0 {
			r.templates = append(r.templates, ids)
		}
		if l1 != nil {
			*lv = levelCtx{l1: r.levelText(l1, "")}
			if l1.id >= 0 {
				lv.l1Cell = l1
			}
		}
		if l2 != nil {
			lv.l2 = r.levelText(l2, "")
			if l2.id >= 0 {
				lv.l2At = l2
			}
		}
		return
	}
	if !readable(cells) {
		// Nothing on the row can be read (a likelihood that is none):
		// its cells are reported, and no empty indicator is made of it.
		for _, id := range sortedCells(cells) {
			x := cells[id]
			if _, _, why := readNumber(x); id == vocab.Weight && why != nil {
				r.unplace(x, tx("分值："+why.Zh, "分值: "+why.En))
				continue
			}
			r.unplace(x, tx("完成目标可能性应为“确定能”“有可能”或“完全不可能”", "完成目标可能性: want 确定能, 有可能 or 完全不可能"))
		}
		return
	}
	if n >= MaxList {
		r.limit(cells[sortedCells(cells)[0]], "more than %d indicators", MaxList)
		return
	}
	p := fmt.Sprintf("%s[%d]", prefix, n)
	level := func(x *In, path string) string {
		if x.Literal {
			r.place(x, path) // data as its writer wrote it: nothing folded
			return strings.Join(x.paragraphs(), "\n")
		}
		if x.id < 0 {
			return r.levelText(x, "")
		}
		return r.levelText(x, path)
	}
	var level1, level2 string
	if l1 != nil {
		level1 = level(l1, p+".level1")
	}
	if l2 != nil {
		level2 = level(l2, p+".level2")
	}
	merged := func(id vocab.ID) bool {
		col, ok := cols[id]
		return !r.in.Merged || ok && row.covered(col)
	}
	if level1 == "" && merged(vocab.Level1) && !otherDimension(lv.l1, level2) {
		level1 = lv.l1
		if lv.l1Cell != nil && level1 != "" {
			r.place(lv.l1Cell, p+".level1")
			lv.l1Cell = nil
		}
		if level2 == "" && merged(vocab.Level2) {
			level2 = lv.l2
			if lv.l2At != nil && level2 != "" {
				r.place(lv.l2At, p+".level2")
				lv.l2At = nil
			}
		}
	} else if level2 == "" && l1 == nil && merged(vocab.Level2) {
		level2 = lv.l2
	}
	s := add()
	*s.text(vocab.Level1), *s.text(vocab.Level2) = level1, level2
	r.composeTarget(cells, p)
	for _, id := range sortedCells(cells) {
		x := cells[id]
		switch id {
		case vocab.Level1, vocab.Level2, vocab.TargetOperator, vocab.TargetUnit:
			continue
		case vocab.Weight:
			if s.weight != nil {
				d, note, why := readNumber(x)
				r.store(x, p+".weight", "分值", why, note, false, func() { *s.weight = d })
			}
			continue
		case vocab.Likelihood:
			if s.likelihood != nil {
				r.likelihood(x, p+".likelihood", s.likelihood)
			}
			continue
		}
		dst := s.text(id)
		if dst == nil {
			continue
		}
		text := strings.Join(x.paragraphs(), "\n")
		if !r.fits(x, len(text)) {
			return
		}
		*dst = text
		if id == vocab.Deviation && text != "" {
			r.note(x, p+".deviation.other", tx("偏差原因分析只有一栏，读作其中的“其他”", "偏差原因分析 printed in one column, read as its 其他 column"))
		}
		r.place(x, p+"."+cycKey(id))
	}
	*lv = levelCtx{l1: level1, l2: level2}
}

// readable reports whether some cell of an indicator row can be read: a
// text (whatever it says), a weight, or a likelihood that is one.
func readable(cells map[vocab.ID]*In) bool {
	for id, x := range cells {
		switch id {
		case vocab.Weight:
			if _, _, why := readNumber(x); why == nil {
				return true
			}
		case vocab.Likelihood:
			if _, err := evaluation.ParseLikelihood(strings.TrimSpace(x.Text)); err == nil && x.Kind == TextCell {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// anyLiteral reports whether a writer marked a cell of the row as data: a
// row of level names alone that perfeval wrote is a row of the form, not
// a blank template's.
func anyLiteral(cells map[vocab.ID]*In) bool {
	for _, x := range cells {
		if x.Literal {
			return true
		}
	}
	return false
}

// likelihood reads 完成目标可能性: 确定能, 有可能, 完全不可能 or 不可能 (the same,
// as Huangshi's form prints it, and reported so).
func (r *reader) likelihood(x *In, path string, dst *evaluation.Likelihood) {
	t := strings.TrimSpace(x.Text)
	if x.Kind == TextCell && Blank(t) {
		r.place(x, path)
		return
	}
	l, err := evaluation.ParseLikelihood(t)
	if err != nil || x.Kind != TextCell {
		r.unplace(x, tx("完成目标可能性应为“确定能”“有可能”或“完全不可能”", "完成目标可能性: want 确定能, 有可能 or 完全不可能"))
		return
	}
	*dst = l
	r.place(x, path)
	if t != l.String() {
		r.note(x, path, tx("“"+t+"”读作“"+l.String()+"”", quote(t)+" read as "+l.String()))
	}
}
