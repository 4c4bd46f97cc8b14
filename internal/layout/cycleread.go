package layout

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// Reading the declaration and the monitoring form. They share the reader's
// accounting (every cell placed, kept in extra, skipped or unplaced), its
// lines (title, year, unit, notes), its label-by-label pairs and its
// readings of amounts, rates and years with the self-evaluation forms; the
// blocks below are their own: the declaration's 项目资金申请 given label by
// label with further sources by name, the monitoring form's funds in
// columns, goals with 长期目标 or 1-X月执行情况 beside the annual ones, and
// indicator tables with a horizon (长期 | 年度) or 偏差原因分析's five
// columns.

// cycle is the state of reading a declaration or a monitoring form.
type cycle struct {
	decl *evaluation.DeclarationForm
	mon  *evaluation.MonitoringForm
	blk  cblock

	// The declaration's 项目资金申请: the label columns of its first row,
	// and whether a row numbered (一) has been read (rows numbered 1、
	// below it break it down).
	segs   []fundsSeg
	listed bool
	// The monitoring form's funds table: its amount columns and their
	// headers' texts.
	fundsCols  map[vocab.ID]int
	fundsHeads map[int]string
	totalSeen  bool

	// goalCols are the goals block's header columns: LongTermGoal,
	// GoalsBlock (the annual goals) or ProgressToDate.
	goalCols map[int]vocab.ID

	// The indicator table.
	cols       indCols
	others     map[int]string // columns the kind has no key for: their headers
	long       bool           // the table is 长期绩效指标
	headerOnly bool           // the table has a header and no row yet
	lv         [2]levelCtx    // the level names above, annual and long-term

	// asOf is X of 1-X月 as the labels print it; 0 until one does.
	asOf   int
	asOfAt *In

	tree *treeDraft
}

// cblock is the part of a cycle form the rows being read belong to.
type cblock uint8

const (
	cNone cblock = iota
	cHeader
	cFunds      // the declaration's, label by label
	cFundsTable // the monitoring form's, in columns
	cGoals
	cInd
	cTail
	cExtra
	cTree
)

// indCols are an indicator table's columns: those of both horizons, and
// those a label's note gives to one (二级指标(长期) | 二级指标(年度)).
type indCols struct{ shared, annual, long map[vocab.ID]int }

func (r *reader) startCycle() {
	r.c = &cycle{}
	r.inds = new([]evaluation.Indicator) // the self-evaluations' list: empty here
	if r.kind == evaluation.Declaration {
		r.c.decl = &evaluation.DeclarationForm{Unit: r.unit}
		r.form, r.extra = r.c.decl, &r.c.decl.Extra
		return
	}
	r.c.mon = &evaluation.MonitoringForm{Unit: r.unit}
	r.form, r.extra = r.c.mon, &r.c.mon.Extra
}

func (c *cycle) project() string {
	if c.decl != nil {
		return c.decl.Project
	}
	return c.mon.Project
}

// counts holds the cycle's lists to the file format's limits.
func (c *cycle) counts(count func(what string, n int, path string) error) []error {
	if d := c.decl; d != nil {
		return []error{count("indicators (年度绩效指标)", len(d.Indicators), "indicators"),
			count("long-term indicators (长期绩效指标)", len(d.LongTermIndicators), "long_term_indicators"),
			count("source rows", len(d.Funds.Sources), "funds.sources")}
	}
	return []error{count("indicators (绩效指标)", len(c.mon.Indicators), "indicators"),
		count("source rows", len(c.mon.Funds.Sources), "funds.sources")}
}

func kindBit(k evaluation.Kind) vocab.Kinds {
	switch k {
	case evaluation.Department:
		return vocab.Department
	case evaluation.Project:
		return vocab.Project
	case evaluation.Declaration:
		return vocab.Declaration
	case evaluation.Monitoring:
		return vocab.Monitoring
	}
	return 0
}

// foreignLabels reads, on a self-evaluation form, the cycle's own labels
// (项目属性, 备注, 长期目标 …) as labels the file format has no key for
// there: their values are kept in the form's extra list.
func (r *reader) foreignLabels() {
	for _, c := range r.cells {
		if vocab.OfCycle(c.m.ID) {
			c.m.ID, c.m.Keyless = vocab.Keyless, true
		}
	}
}

// monitoringRate is 1-X月执行数 / 调整后预算数 (年初预算数 when no adjusted
// budget is given): the rate a bare number printed as 1-X月执行率 is
// checked against.
func monitoringRate(f *evaluation.MonitoringFunds) (budget.Rate, error) {
	b := f.Budget()
	if b == nil || f.Executed == nil {
		return budget.Rate{}, errors.New("no amounts to compute the rate from")
	}
	return budget.RateOf(*f.Executed, *b)
}

// cycleRow reads one table row of a declaration or a monitoring form.
// Its first cell says what it is, as on the self-evaluation forms: a
// block's label starts the block, an empty cell continues it.
func (r *reader) cycleRow(row *Row) {
	c := r.c
	if c.tree != nil {
		if row.Table == c.tree.table {
			r.treeRow(row)
			return
		}
		r.finishTree()
	}
	if len(row.Cells) == 1 && r.lineCell(row, row.Cells[0]) {
		return
	}
	if r.blk == bNone {
		r.blk = bHeader // the table has begun: a row of one text is no heading
	}
	c0 := row.at(r.left[row.Table])
	if c0 != nil && c0.Kind == TextCell && !c0.Literal && isNote(c0.Text) {
		r.cellNote(row)
		return
	}
	if r.tickBoxes(row, c0) || r.treeStart(row) {
		return
	}
	id := vocab.None
	if c0 != nil && !r.disposed(c0.id) {
		id = c0.m.ID
	}
	indHeader := r.rowHas(row, vocab.Level1) && r.rowHas(row, vocab.Level2, vocab.IndicatorName) ||
		r.rowHas(row, vocab.IndicatorName) && r.rowHas(row, vocab.Target)
	switch {
	case indHeader && (c0 == nil || id == vocab.IndicatorsBlock || id == vocab.LongTermIndicators || id == vocab.Level1 ||
		id == vocab.Keyless || id == vocab.Heading):
		r.cycIndStart(row, c0)
	case c0 == nil || id == vocab.None:
		r.cycContinue(row)
	case id == vocab.IndicatorsBlock || id == vocab.LongTermIndicators:
		r.cycIndStart(row, c0)
	case id == vocab.FundsBlock:
		r.cycFundsStart(row, c0)
	case id == vocab.GoalsBlock:
		r.cycGoalsStart(row, c0)
	case id == vocab.FormDeviation || id == vocab.Measures || id == vocab.Improvements && c.mon != nil:
		r.cycTailStart(row, c0)
	case id == vocab.ExtraBlock:
		r.label(c0)
		c.blk = cExtra
		r.extraRow(row)
	case cycFundsLabel(id):
		if c.blk != cFunds && c.blk != cFundsTable {
			r.cycFundsStart(row, nil) // a funds block without its label
			return
		}
		r.cycContinue(row)
	default:
		c.blk = cHeader
		r.blk = bHeader
		r.pairs(row, 0)
	}
}

// cycFundsLabel reports a label that opens or continues the funds block.
func cycFundsLabel(id vocab.ID) bool {
	switch id {
	case vocab.FundsTotal, vocab.Source, vocab.InitialBudget, vocab.AdjustedBudget, vocab.ExecutedToDate,
		vocab.ExecutionRateToDate, vocab.FundsForecast:
		return true
	}
	return false
}

// cycContinue reads a row that continues the block above it.
func (r *reader) cycContinue(row *Row) {
	r.outside(row)
	switch r.c.blk {
	case cFunds:
		if r.c.decl != nil {
			r.declFundsRow(row)
		} else {
			r.pairs(row, 0)
		}
	case cFundsTable:
		r.monFundsRow(row)
	case cGoals:
		r.cycGoalsRow(row)
	case cInd:
		r.cycIndRow(row)
	case cTail:
		r.tailRow(row)
	case cExtra:
		r.extraRow(row)
	default:
		r.pairs(row, 0)
	}
}

// tickBoxes reads a row of tick boxes printed without a label (Hubei's
// "1、部门预算项目 □ 2、省直专项 □ 3、省对下转移支付项目 □"): the project's
// 项目类别, as the same province's self-evaluation labels it. It is kept in
// the form's extra list, the reading reported.
func (r *reader) tickBoxes(row *Row, c0 *In) bool {
	if c0 == nil || c0.m.ID != vocab.None || c0.Literal || c0.Kind != TextCell || !vocab.IsTickBoxes(c0.Text) {
		return false
	}
	for _, x := range row.Cells {
		if x != c0 && !r.disposed(x.id) {
			return false
		}
	}
	n := len(*r.extra)
	r.keep(tickBoxLabel, []*In{c0})
	if len(*r.extra) > n {
		r.note(c0, extraPath(n), tx("无标签的勾选行按“"+tickBoxLabel+"”保留", "a row of tick boxes without a label kept as "+tickBoxLabel))
	}
	return true
}

const tickBoxLabel = "项目类别"

// cycPair reads the cycle's own labels among a row's pairs: 项目起止时间,
// 监控期间, 主管部门及编码, and the labels that state the month monitored. It
// reports whether it read the pair.
func (r *reader) cycPair(c *In, vals []*In) bool {
	switch c.m.ID {
	case vocab.Period:
		r.label(c)
		if r.c.decl != nil {
			r.readPeriod(c, vals)
		} else {
			r.keep(labelText(c), vals)
		}
		return true
	case vocab.AsOf:
		r.label(c)
		if r.c.mon != nil {
			r.readAsOf(c, vals)
		} else {
			r.keep(labelText(c), vals)
		}
		return true
	case vocab.ExecutedToDate, vocab.ExecutionRateToDate, vocab.ProgressToDate:
		r.month(c)
	case vocab.Keyless:
		if k := c.m.Key; k == "主管部门及编码" || k == "主管部门及代码" {
			r.label(c)
			r.authorityWithCode(c, vals)
			return true
		}
	}
	return false
}

// month reads the X a label of the months monitored prints (1-7月执行数;
// 半年度 is 6): the form's as_of. A label printing another X than the
// labels before it contradicts them and is reported unplaced.
func (r *reader) month(c *In) {
	if r.c.mon == nil || c == nil || c.Literal {
		return
	}
	x, ok := vocab.MonthIn(c.Text)
	if !ok || x == 0 {
		return
	}
	switch {
	case r.c.asOfAt == nil:
		r.c.asOf, r.c.asOfAt = x, c
		r.firstAt["as_of"] = c.Pos
		r.note(c, "as_of", tx(fmt.Sprintf("监控期间 1-%d月取自标签“%s”", x, labelText(c)),
			fmt.Sprintf("the months monitored, 1-%d, taken from the label %s", x, quote(c.Text))))
	case x != r.c.asOf && c != r.c.asOfAt:
		r.unplace(c, tx(fmt.Sprintf("标签中的 1-%d月与前面标签中的 1-%d月不一致", x, r.c.asOf),
			fmt.Sprintf("1-%d in this label contradicts 1-%d in the labels before it", x, r.c.asOf)))
	}
}

// readAsOf reads 监控期间 given in a cell: 7, 7月, 1-7月.
func (r *reader) readAsOf(c *In, vals []*In) {
	if len(vals) == 0 {
		return
	}
	v := vals[0]
	for _, x := range vals[1:] {
		r.unplace(x, tx("监控期间只有一个值", "监控期间 has one value"))
	}
	m, err := evaluation.ParseMonth(v.Text)
	switch {
	case err != nil:
		r.unplace(v, tx("监控期间应为 1 至 12 月（如 7、7月、1-7月）", "监控期间: "+err.Error()))
	case r.c.asOfAt != nil && int(m) != r.c.asOf:
		r.unplace(v, tx(fmt.Sprintf("监控期间 %d 与标签中的 1-%d月不一致", m, r.c.asOf),
			fmt.Sprintf("监控期间 %d contradicts 1-%d in the labels", m, r.c.asOf)))
	default:
		if m != 0 && r.c.asOfAt == nil {
			r.c.asOf, r.c.asOfAt = int(m), v
		}
		r.place(v, "as_of")
	}
}

// codeNameRE reads 主管部门及编码 as Hubei prints it: "[015001]武汉市青山区教育局".
var codeNameRE = regexp.MustCompile(`^\s*[\[［【(（]\s*([0-9A-Za-z][0-9A-Za-z-]{0,31})\s*[\]］】)）]\s*(\S.*)$`)

// authorityWithCode reads 主管部门及编码: the department's name is 主管部门,
// its code is kept in the form's extra list as 主管部门编码 (it is no
// project's 项目编码), the reading reported. A text of another shape is
// kept whole.
func (r *reader) authorityWithCode(c *In, vals []*In) {
	if len(vals) != 1 {
		r.keep(labelText(c), vals)
		return
	}
	v := vals[0]
	f, _ := fieldOf(r.fields, vocab.Authority)
	m := codeNameRE.FindStringSubmatch(v.Text)
	if m == nil || *f.text != "" || v.Literal {
		r.keep(labelText(c), vals)
		return
	}
	name := strings.TrimSpace(m[2])
	if !r.fits(v, len(name)) {
		return
	}
	*f.text = name
	r.place(v, f.path)
	if len(*r.extra) < MaxList {
		*r.extra = append(*r.extra, evaluation.Extra{Label: "主管部门编码", Text: m[1]})
	}
	r.note(v, f.path, tx(fmt.Sprintf("主管部门及编码“%s”读作主管部门“%s”，编码 %s 作为“主管部门编码”保留", v.Text, name, m[1]),
		fmt.Sprintf("主管部门及编码 %s read as the department %s; its code %s kept as 主管部门编码", quote(v.Text), name, m[1])))
}

// readPeriod reads 项目起止时间: one cell ("2025年1月至2025年12月",
// "202001-202012") or two (start and end, a 至 between them allowed).
func (r *reader) readPeriod(c *In, vals []*In) {
	var dates []*In
	for _, v := range vals {
		switch strings.TrimSpace(v.Text) {
		case "至", "到", "-", "—", "～", "~":
			r.label(v)
			continue
		}
		dates = append(dates, v)
	}
	if len(dates) == 0 {
		return
	}
	d := r.c.decl
	if !d.Period.Start.IsZero() || !d.Period.End.IsZero() {
		for _, v := range dates {
			r.unplace(v, tx("项目起止时间 填了两次", "项目起止时间 given twice"))
		}
		return
	}
	if len(dates) == 2 && dates[0].Kind == TextCell && dates[1].Kind == TextCell {
		start, err1 := evaluation.ParseDate(dates[0].Text)
		end, err2 := evaluation.ParseDate(dates[1].Text)
		if err1 == nil && err2 == nil {
			d.Period = evaluation.Period{Start: start, End: end}
			r.place(dates[0], "period.start")
			r.place(dates[1], "period.end")
			return
		}
	}
	v := dates[0]
	for _, x := range dates[1:] {
		r.unplace(x, tx("项目起止时间 只有一个值", "项目起止时间 has one value"))
	}
	if v.Kind != TextCell {
		r.unplace(v, tx("项目起止时间：此处应为日期", "项目起止时间: a date belongs here"))
		return
	}
	p, literal, err := ParsePeriod(v.Text)
	if err != nil {
		r.unplace(v, tx("项目起止时间无法读作起止日期（如 2025年1月至2025年12月、202501-202512）", "项目起止时间: "+err.Error()))
		return
	}
	d.Period = p
	r.place(v, "period")
	if !literal {
		r.note(v, "period", tx(fmt.Sprintf("项目起止时间“%s”读作开始 %s、结束 %s", v.Text, orNone(p.Start.String()), orNone(p.End.String())),
			fmt.Sprintf("项目起止时间 %s read as start %s, end %s", quote(v.Text), orNone(p.Start.String()), orNone(p.End.String()))))
	}
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// ParsePeriod reads 项目起止时间 written in one cell: two dates joined by 至
// (as PeriodText writes them), 到, ～, ~, — or -, or a date alone (the
// start). A hyphen may stand inside a date too (2025-01-01), so the text
// is cut at the one hyphen that leaves a date on both sides. literal is
// true for PeriodText's own writing: dates joined by 至, or none.
func ParsePeriod(s string) (p evaluation.Period, literal bool, err error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return evaluation.Period{}, true, nil
	}
	if len(t) > 80 {
		return evaluation.Period{}, false, fmt.Errorf("%s is not a period", quote(t))
	}
	both := func(a, b string) (evaluation.Period, error) {
		start, err := evaluation.ParseDate(a)
		if err != nil {
			return evaluation.Period{}, err
		}
		end, err := evaluation.ParseDate(b)
		if err != nil {
			return evaluation.Period{}, err
		}
		return evaluation.Period{Start: start, End: end}, nil
	}
	for _, sep := range []string{periodSep, "到", "～", "~", "—", "–", "－"} {
		if a, b, ok := strings.Cut(t, sep); ok {
			p, err := both(a, b)
			return p, sep == periodSep && err == nil, err
		}
	}
	var found []evaluation.Period
	for i := 0; i < len(t); i++ {
		if t[i] != '-' || i == 0 || i == len(t)-1 {
			continue
		}
		if p, err := both(t[:i], t[i+1:]); err == nil && !p.Start.IsZero() && !p.End.IsZero() {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 1:
		return found[0], false, nil
	case 0:
	default:
		return evaluation.Period{}, false, fmt.Errorf("%s can be cut into two dates in more than one way", quote(t))
	}
	d, err := evaluation.ParseDate(t)
	if err != nil {
		return evaluation.Period{}, false, err
	}
	return evaluation.Period{Start: d}, true, nil
}

// Goals.

func (r *reader) cycGoalsStart(row *Row, c0 *In) {
	r.label(c0)
	c := r.c
	c.blk, r.blk = cGoals, bHeader
	c.goalCols = map[int]vocab.ID{}
	header := false
	for _, x := range row.Cells {
		if x == c0 || r.disposed(x.id) {
			continue
		}
		if id := r.goalColumn(x); id != vocab.None {
			if _, seen := c.goalCols[x.Col]; !seen {
				c.goalCols[x.Col] = id
			}
			r.label(x)
			r.month(x)
			header = true
		}
	}
	if !header {
		r.cycGoalsRow(row)
	}
}

// goalColumn is the goals column a header label names: 长期目标, the annual
// goals (年度目标, 年初设定目标) or, on the monitoring form, what was done
// (1-X月执行情况).
func (r *reader) goalColumn(x *In) vocab.ID {
	if x.Literal {
		return vocab.None
	}
	switch x.m.ID {
	case vocab.LongTermGoal:
		if r.c.decl != nil {
			return vocab.LongTermGoal
		}
	case vocab.GoalsBlock, vocab.Expected:
		return vocab.GoalsBlock
	case vocab.ProgressToDate, vocab.Achieved:
		if r.c.mon != nil {
			return vocab.ProgressToDate
		}
	}
	return vocab.None
}

// goalFor is the column a goal text in column col belongs to: the nearest
// header column at or left of it (the leftmost when it stands left of
// them all); without a header the first text is the annual goals and, on
// the monitoring form, the next is what was done.
func (c *cycle) goalFor(col, seen int) vocab.ID {
	best, bestCol, left, leftCol := vocab.None, -1, vocab.None, 1<<30
	for hc, id := range c.goalCols {
		if hc <= col && hc > bestCol {
			best, bestCol = id, hc
		}
		if hc < leftCol {
			left, leftCol = id, hc
		}
	}
	switch {
	case best != vocab.None:
		return best
	case left != vocab.None:
		return left
	case seen > 0 && c.mon != nil:
		return vocab.ProgressToDate
	}
	return vocab.GoalsBlock
}

func (r *reader) cycGoalsRow(row *Row) {
	c := r.c
	// A header again (a new page), or a label with a key of its own
	// (长期目标 | …) given label by label.
	labels, values := 0, 0
	for _, x := range row.Cells {
		if r.disposed(x.id) {
			continue
		}
		if r.goalColumn(x) != vocab.None {
			labels++
		} else {
			values++
		}
	}
	if labels > 0 && values == 0 {
		for _, x := range row.Cells {
			r.label(x)
			r.month(x)
		}
		return
	}
	left := r.left[row.Table]
	seen := 0
	concat := row.First
	for _, x := range row.Cells {
		if r.disposed(x.id) {
			continue
		}
		if x.m.ID != vocab.None && !x.Literal {
			if _, ok := fieldOf(r.fields, x.m.ID); ok || x.m.ID == vocab.Keyless || x.Col == left {
				r.pairs(row, 0)
				return
			}
		}
		switch c.goalFor(x.Col, seen) {
		case vocab.LongTermGoal:
			r.appendText(x, &c.decl.Goals.LongTerm, "goals.long_term", concat)
		case vocab.ProgressToDate:
			r.appendText(x, &c.mon.Goals.Progress, "goals.progress", concat)
		default:
			if c.decl != nil {
				r.appendGoals(x, &c.decl.Goals.Annual, concat)
			} else {
				r.appendGoals(x, &c.mon.Goals.Annual, concat)
			}
		}
		seen++
	}
}

// appendGoals adds a cell's paragraphs to a list of goals, one goal each;
// a row that continues the one before a page break continues the last.
func (r *reader) appendGoals(x *In, g *[]string, concat bool) {
	paras := x.Paras
	if paras == nil {
		paras = ListItems(x.Text)
	}
	if concat && len(*g) > 0 && len(paras) > 0 {
		last := &(*g)[len(*g)-1]
		if !r.fits(x, len(*last)+len(paras[0])) {
			return
		}
		*last += paras[0]
		paras = paras[1:]
	}
	for _, p := range paras {
		if !r.fits(x, len(p)) {
			return
		}
	}
	if len(*g)+len(paras) > MaxNodes {
		r.limit(x, "more than %d goals", MaxNodes)
		return
	}
	*g = append(*g, paras...)
	r.place(x, "goals.annual")
}

// The form-level texts: 偏差或不能完成目标原因分析, 相关建议或举措.

func (r *reader) cycTailStart(row *Row, c0 *In) {
	id := c0.m.ID
	if id == vocab.Improvements {
		id = vocab.Measures
	}
	f, ok := fieldOf(r.fields, id)
	if !ok {
		r.r0Pairs(row)
		return
	}
	r.label(c0)
	r.c.blk, r.blk = cTail, bTail
	r.tail, r.tailPath = f.text, f.path
	var vals []*In
	for _, x := range row.Cells {
		if x != c0 && !r.disposed(x.id) {
			vals = append(vals, x)
		}
	}
	r.setField(f, c0, vals)
}

// r0Pairs reads a row as label-value pairs, in the header's block.
func (r *reader) r0Pairs(row *Row) {
	r.c.blk, r.blk = cHeader, bHeader
	r.pairs(row, 0)
}

// finishCycle builds what needs the whole form: an indicator tree read
// to its end, and the month monitored.
func (r *reader) finishCycle() {
	if r.c.tree != nil {
		r.finishTree()
	}
	if r.c.mon != nil {
		r.c.mon.AsOf = evaluation.Month(r.c.asOf)
	}
}
