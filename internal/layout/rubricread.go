package layout

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/vocab"
	"github.com/perfeval/perfeval/rubric"
)

// Reading a department evaluation (部门整体支出绩效评价): its header, its
// 基础数据表 label by label, its 评分表 under its column heads, the
// evaluator's judgements and the extra cells, every cell accounted for as
// the self-evaluations' cells are (Read).
//
// The rubric maps the sheet's rows to items: a row is the item whose path
// its 一级, 二级 and 三级 cells spell (a level left blank, as a merged
// cell converted from a PDF is, is the one above), else the one item
// whose 三级指标 it names (reported as a reading). Its 得分 and 扣分原因
// land in reported; its 评分标准 and 分值, the rubric's own, are labels
// when they agree with the rubric and kept in extra when they do not. A
// row the rubric has no item for is kept under the path its levels spell,
// with a reading saying so (the evaluation then reports that no item
// takes it), so that nothing filed is lost. The rubric is Input.Rubric
// (the command's -rubric), else the built-in one the document's 评分办法
// names; with neither, a row is keyed by its own levels and its 评分标准
// and 分值 are kept in extra.

// isEvaluation reports whether the document is a department evaluation:
// its first title says so (…评分表, …基础数据表, …评价指标表), or, with no
// title, a cell labels its 基础数据表 or its 评分标准 and 扣分原因 columns.
func (r *reader) isEvaluation() bool {
	for _, l := range r.lines {
		t := lineText(l.Text)
		if _, ok := vocab.Title(t); ok || vocab.IsEvaluationTitle(t) {
			return vocab.IsEvaluationTitle(t)
		}
	}
	var standard, reason bool
	for _, c := range r.cells {
		if c.Kind != TextCell || c.Literal || len(c.Text) >= 300 {
			continue
		}
		if _, ok := vocab.Title(c.Text); ok || vocab.IsEvaluationTitle(c.Text) {
			return vocab.IsEvaluationTitle(c.Text)
		}
		switch vocab.LookupEvaluation(c.Text).ID {
		case vocab.BasicBlock:
			return true
		case vocab.Standard:
			standard = true
		case vocab.Reason:
			reason = true
		}
	}
	return standard && reason
}

// evalMode is the part of the document the rows being read belong to.
type evalMode uint8

const (
	emHeader evalMode = iota
	emBasic
	emSheet
	emJudgements
	emExtra
)

// evalReader is the state of reading a department evaluation.
type evalReader struct {
	*reader
	form    *evaluation.DepartmentEvaluationForm
	rub     *rubric.Rubric
	m       []vocab.Match // by cell id
	mode    evalMode
	group   int // the basic data's group of the rows being read; -1 for none
	cols    map[vocab.ID]int
	l1, l2  string
	basics  int // figures of the basic data placed
	seen    map[string]bool
	jseen   map[string]bool
	yearSet bool
}

func (r *reader) readEvaluation() (*imports.Result, error) {
	f := &evaluation.DepartmentEvaluationForm{}
	e := &evalReader{reader: r, form: f, group: -1, seen: map[string]bool{}, jseen: map[string]bool{}}
	r.form = f
	r.extra = &f.Extra
	r.inds = &[]evaluation.Indicator{}
	r.unit = r.readUnit()
	f.Unit = r.unit
	e.m = make([]vocab.Match, len(r.cells))
	for _, c := range r.cells {
		if c.Kind == TextCell && !c.Literal && len(c.Text) <= vocab.MaxLabelBytes {
			e.m[c.id] = vocab.LookupEvaluation(c.Text)
		}
	}
	e.rub = r.in.Rubric
	if e.rub == nil {
		e.rub = sheetRubric(e.documentRubric(), nil)
	}
	e.readLines()
	for i := range r.in.Rows {
		if r.err != nil {
			return nil, r.err
		}
		e.row(&r.in.Rows[i])
	}
	if r.err != nil {
		return nil, r.err
	}
	e.finish()
	if err := r.check(); err != nil {
		return nil, err
	}
	r.account()
	r.res.Form = f
	return r.res, nil
}

// documentRubric is the name the document's 评分办法 cell gives.
func (e *evalReader) documentRubric() string {
	for i := range e.in.Rows {
		cells := e.in.Rows[i].Cells
		for j, c := range cells {
			if e.m[c.id].ID == vocab.RubricName && j+1 < len(cells) {
				return strings.TrimSpace(cells[j+1].Text)
			}
		}
	}
	return ""
}

// readLines reads the lines outside the tables: the title, the unit, the
// year, the profile a rendering keeps, an annotated rendering's findings.
func (e *evalReader) readLines() {
	inFindings := false
	for _, l := range e.lines {
		t := lineText(l.Text)
		switch {
		case inFindings:
			e.disp[l.id] = disposition{kind: dSkipped}
		case strings.HasPrefix(t, FindingsHeading):
			inFindings = true
			e.disp[l.id] = disposition{kind: dSkipped}
		case profileRE.MatchString(strings.TrimSpace(l.Text)):
			e.form.Profile = profileRE.FindStringSubmatch(strings.TrimSpace(l.Text))[1]
			e.disp[l.id] = disposition{kind: dLabel}
		case vocab.IsEvaluationTitle(t):
			e.disp[l.id] = disposition{kind: dLabel}
			if y, ok := vocab.YearIn(t); ok && e.form.Year == 0 {
				e.form.Year = y
				e.res.Readings = append(e.res.Readings, e.yearReading(l.Pos, l.Text, y, "标题", "the title"))
			}
		default:
			if _, ok := unitIn(t); ok {
				e.disp[l.id] = disposition{kind: dLabel}
				continue
			}
			if m := yearLineRE.FindStringSubmatch(t); m != nil {
				if y, err := ParseYear(m[1]); err == nil && !e.yearSet {
					e.form.Year, e.yearSet = y, true
					e.disp[l.id] = disposition{kind: dPlaced, path: "year"}
					e.firstAt["year"] = l.Pos
				}
				continue
			}
			e.labelLine(l, t)
		}
	}
}

// labelLine reads a line "label：value" above or below the tables
// (填报单位：某局, 评价年度：2018年): a header label's value is placed, any
// other kept in extra; a label with nothing after it is a label.
func (e *evalReader) labelLine(l *Line, t string) {
	label, value, ok := cutLabel(t)
	if !ok {
		return // left unplaced: text outside the tables
	}
	id := vocab.LookupEvaluation(label).ID
	if label == "填报单位" || label == "被评价单位" {
		id = vocab.DepartmentName
	}
	switch {
	case value == "":
		e.disp[l.id] = disposition{kind: dLabel}
	case id == vocab.DepartmentName && e.form.Department == "":
		e.form.Department = value
		e.disp[l.id] = disposition{kind: dPlaced, path: "department"}
		e.firstAt["department"] = l.Pos
	case id == vocab.Year && !e.yearSet:
		if y, err := ParseYear(value); err == nil {
			e.form.Year, e.yearSet = y, true
			e.disp[l.id] = disposition{kind: dPlaced, path: "year"}
			e.firstAt["year"] = l.Pos
			return
		}
		e.keepLine(l, label, value)
	case id == vocab.RubricName && e.form.Rubric == "":
		e.form.Rubric = value
		e.disp[l.id] = disposition{kind: dPlaced, path: "rubric"}
		e.firstAt["rubric"] = l.Pos
	default:
		e.keepLine(l, label, value)
	}
}

// lab returns the cell's label; the zero Match for a value.
func (e *evalReader) lab(c *In) vocab.Match {
	if c == nil {
		return vocab.Match{}
	}
	return e.m[c.id]
}

// row reads one table row: what it is follows from its labels, else from
// the part of the document it stands in.
func (e *evalReader) row(row *Row) {
	if len(row.Cells) == 0 {
		return
	}
	first := e.lab(row.Cells[0]).ID
	has := map[vocab.ID]bool{}
	for _, c := range row.Cells {
		has[e.lab(c).ID] = true
	}
	switch {
	case has[vocab.IndicatorName] && (has[vocab.Score] || has[vocab.Standard] || has[vocab.Reason]):
		e.heads(row, emSheet)
		e.l1, e.l2 = "", ""
	case has[vocab.JudgementItem] && (has[vocab.Checks] || has[vocab.Violations] || has[vocab.JudgedScore]):
		e.heads(row, emJudgements)
	case first == vocab.BasicBlock:
		e.mode, e.group = emBasic, -1
		e.reader.label(row.Cells[0])
		e.basic(row.Cells[1:])
	case first == vocab.BasicGroup && (e.mode == emHeader || e.mode == emBasic || row.First):
		// A 基础数据表 printed without its block label: its rows open
		// with their groups.
		e.mode = emBasic
		e.basic(row.Cells)
	case first == vocab.ExtraBlock:
		e.mode = emExtra
		e.reader.label(row.Cells[0])
		e.extraRow(row.Cells[1:])
	case first == vocab.TotalScore:
		e.total(row)
	case first == vocab.SheetBlock && len(row.Cells) == 1:
		// The title, as a spreadsheet prints it: a cell of its own.
		e.reader.label(row.Cells[0])
		if y, ok := vocab.YearIn(row.Cells[0].Text); ok && e.form.Year == 0 {
			e.form.Year = y
			e.res.Readings = append(e.res.Readings, e.yearReading(row.Cells[0].Pos, row.Cells[0].Text, y, "标题", "the title"))
		}
	case isHeaderLabel(first):
		e.pairs(row.Cells)
	default:
		switch e.mode {
		case emBasic:
			e.basic(row.Cells)
		case emSheet:
			e.sheetRow(row)
		case emJudgements:
			e.judgement(row)
		case emExtra:
			e.extraRow(row.Cells)
		}
	}
}

func isHeaderLabel(id vocab.ID) bool {
	switch id {
	case vocab.DepartmentName, vocab.Year, vocab.Code, vocab.RubricName, vocab.Profile, vocab.Unit:
		return true
	}
	return false
}

// heads reads a row of column heads and enters the part they head.
func (e *evalReader) heads(row *Row, mode evalMode) {
	e.mode = mode
	e.cols = map[vocab.ID]int{}
	for _, c := range row.Cells {
		id := e.lab(c).ID
		switch id {
		case vocab.None:
			continue
		case vocab.JudgementsBlock:
			e.reader.label(c)
			continue
		}
		if _, dup := e.cols[id]; !dup {
			e.cols[id] = c.Col
		}
		e.reader.label(c)
	}
}

// pairs reads label | value pairs of the header: 部门名称, 评价年度,
// 部门编码, 评分办法, 规则配置, 单位.
func (e *evalReader) pairs(cells []*In) {
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		id := e.lab(c).ID
		if !isHeaderLabel(id) {
			continue
		}
		e.reader.label(c)
		if id == vocab.Unit {
			continue // 单位：万元 is read with the unit
		}
		if i+1 >= len(cells) || isHeaderLabel(e.lab(cells[i+1]).ID) {
			continue
		}
		i++
		v := cells[i]
		text := strings.TrimSpace(strings.Join(v.paragraphs(), "\n"))
		switch id {
		case vocab.DepartmentName:
			e.setText(v, &e.form.Department, "department", text)
		case vocab.Code:
			e.setText(v, &e.form.Code, "code", text)
		case vocab.RubricName:
			e.setText(v, &e.form.Rubric, "rubric", text)
		case vocab.Profile:
			e.setText(v, &e.form.Profile, "profile", text)
		case vocab.Year:
			y, why := readYear(v)
			if why != nil {
				e.unplace(v, *why)
				continue
			}
			if e.yearSet && y != e.form.Year {
				// Another year: reported, not read over the first.
				e.unplace(v, tx("评价年度 填了两次", "评价年度 given twice"))
				continue
			}
			e.form.Year, e.yearSet = y, true
			e.place(v, "year")
		}
	}
}

func (e *evalReader) setText(c *In, dst *string, path, text string) {
	if *dst != "" {
		e.unplace(c, tx("重复："+path+" 已读入", "given twice: "+path+" was read already"))
		return
	}
	if !e.fits(c, len(text)) {
		return
	}
	*dst = text
	e.place(c, path)
}

// basic reads a row of the 基础数据表: [group] figure value. A group's
// label stands on its first row (a merged cell) or on every row.
func (e *evalReader) basic(cells []*In) {
	ptrs := basicPointers(&e.form.Basic)
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		if c.Kind == TextCell && !c.Literal {
			if g, ok := vocab.BasicGroupOf(c.Text); ok {
				e.group = g
				e.reader.label(c)
				continue
			}
		}
		leaf, ok := vocab.BasicLeafOf(e.group, c.Text)
		if c.Kind != TextCell || c.Literal || !ok {
			continue // left unplaced: no label says what it is
		}
		e.reader.label(c)
		if i+1 >= len(cells) {
			continue // a figure not given
		}
		i++
		v := cells[i]
		path := "basic." + leaf.Key
		p := ptrs[leaf.Key]
		if (p.amount != nil && *p.amount != nil) || (p.count != nil && *p.count != nil) {
			e.unplace(v, tx("重复："+leaf.Label+" 已读入", "given twice: "+leaf.Label+" was read already"))
			continue
		}
		if Blank(v.Text) && v.Kind == TextCell {
			e.reader.label(v) // printed “—”: not given
			continue
		}
		if p.amount != nil {
			a, note, why := readAmount(v, e.unit)
			if why != nil {
				e.unplace(v, *why)
				continue
			}
			*p.amount = a
			if note != nil {
				e.note(v, path, *note)
			}
		} else {
			d, note, why := readCount(v)
			if why != nil {
				e.unplace(v, *why)
				continue
			}
			*p.count = d
			if note != nil {
				e.note(v, path, *note)
			}
		}
		e.basics++
		e.place(v, path)
	}
}

// readCount reads a count of the basic data (编制数, 批准建设面积): a
// non-negative number, "人" or "平方米" allowed after it.
func readCount(c *In) (*decimal.Decimal, *imports.Text, *imports.Text) {
	if c.Kind == TextCell {
		t := strings.TrimSpace(c.Text)
		for _, u := range []string{"平方米", "㎡", "人"} {
			t = strings.TrimSpace(strings.TrimSuffix(t, u))
		}
		d, err := budget.ParseNumber(t)
		if err != nil {
			w := tx("不是数值："+err.Error(), "not a number: "+err.Error())
			return nil, nil, &w
		}
		if d.IsNegative() {
			w := tx("不能为负", "cannot be negative")
			return nil, nil, &w
		}
		return &d, nil, nil
	}
	return readNumber(c)
}

// item is the rubric's item a row of the sheet (or of the judgements)
// names: by its path, else by its 三级指标 alone when one item has it.
// key is the item's key; without a rubric, the path the row spells. ok
// is false when the rubric has no such item.
func (e *evalReader) item(levels []string) (key string, it *rubric.Item, byLeaf bool, ok bool) {
	var parts []string
	for _, l := range levels {
		if l != "" {
			parts = append(parts, l)
		}
	}
	key = strings.Join(parts, "/")
	if e.rub == nil {
		return key, nil, false, key != ""
	}
	if x, found := e.rub.Item(key); found {
		return key, &x, false, true
	}
	if len(parts) == 0 {
		return key, nil, false, false
	}
	leaf := vocab.KeyOf(parts[len(parts)-1])
	var match *rubric.Item
	n := 0
	for _, x := range e.rub.Items() {
		if len(x.Path) > 0 && vocab.KeyOf(x.Path[len(x.Path)-1]) == leaf {
			x := x
			match = &x
			n++
		}
	}
	if n == 1 {
		return match.Key(), match, true, true
	}
	return key, nil, false, false
}

// cellText is a value cell's text, paragraphs joined by line breaks.
func cellText(c *In) string { return strings.Join(c.paragraphs(), "\n") }

// sheetRow reads a row of the 评分表 under its column heads.
func (e *evalReader) sheetRow(row *Row) {
	at := func(id vocab.ID) *In {
		col, ok := e.cols[id]
		if !ok {
			return nil
		}
		return row.at(col)
	}
	l1, l2, l3 := at(vocab.Level1), at(vocab.Level2), at(vocab.IndicatorName)
	if l3 == nil {
		return // no 三级指标: no item; its cells are unplaced
	}
	// A level cell left blank is the one above merged over it: in a
	// spreadsheet, where merges are recorded, only when a merge covers it.
	carried := func(id vocab.ID) bool {
		col, ok := e.cols[id]
		return ok && (!e.in.Merged || row.covered(col))
	}
	switch {
	case l1 != nil:
		e.l1 = strings.TrimSpace(cellText(l1))
		e.l2 = ""
		if l2 != nil {
			e.l2 = strings.TrimSpace(cellText(l2))
		}
	case !carried(vocab.Level1):
		e.l1, e.l2 = "", ""
		if l2 != nil {
			e.l2 = strings.TrimSpace(cellText(l2))
		}
	case l2 != nil:
		e.l2 = strings.TrimSpace(cellText(l2))
	case !carried(vocab.Level2):
		e.l2 = ""
	}
	name := strings.TrimSpace(cellText(l3))
	key, it, byLeaf, ok := e.item([]string{e.l1, e.l2, name})
	switch {
	case !ok && key != "" && len(key) <= maxMapKey:
		// A row the rubric has no item for is kept under the path its
		// levels spell: nothing filed is lost, and the report says that no
		// item of the rubric takes it.
		e.note(l3, "reported.scores."+key, tx("评分办法中没有这一项，按其指标层级记为“"+key+"”",
			"the rubric has no such item; kept under the path its levels spell, "+quote(key)))
	case !ok:
		why := tx("无法判断是哪一项指标", "no item can be told from this row")
		for _, c := range []*In{l3, at(vocab.Standard), at(vocab.Weight), at(vocab.Score), at(vocab.Reason)} {
			e.unplace(c, why)
		}
		return
	}
	if e.seen[key] {
		why := tx("重复：“"+key+"”已读入", "given twice: "+quote(key)+" was read already")
		for _, c := range []*In{l3, at(vocab.Standard), at(vocab.Weight), at(vocab.Score), at(vocab.Reason)} {
			e.unplace(c, why)
		}
		return
	}
	e.seen[key] = true
	for _, c := range []*In{l1, l2, l3} {
		if c != nil {
			e.reader.label(c)
		}
	}
	if byLeaf {
		e.note(l3, "reported.scores."+key, tx("按三级指标对应评分办法的“"+key+"”", "matched to the rubric's "+quote(key)+" by its 三级指标"))
	}
	if c := at(vocab.Standard); c != nil {
		if it != nil && sameText(cellText(c), it.Standard) {
			e.reader.label(c)
		} else {
			e.keepCell(c, "评分标准："+key)
		}
	}
	if c := at(vocab.Weight); c != nil {
		d, _, why := readNumber(c)
		switch {
		case why == nil && d == nil:
			e.reader.label(c)
		case why == nil && it != nil && d.Equal(it.Weight):
			e.reader.label(c)
		default:
			e.keepCell(c, "分值："+key)
		}
	}
	if c := at(vocab.Score); c != nil {
		path := "reported.scores." + key
		d, note, why := readNumber(c)
		switch {
		case why != nil:
			e.unplace(c, *why)
		case d == nil:
			e.reader.label(c) // printed “—”: no score
		default:
			if e.form.Reported.Scores == nil {
				e.form.Reported.Scores = map[string]*decimal.Decimal{}
			}
			e.form.Reported.Scores[key] = d
			e.place(c, path)
			if note != nil {
				e.note(c, path, *note)
			}
		}
	}
	if c := at(vocab.Reason); c != nil {
		text := cellText(c)
		if e.fits(c, len(text)) {
			if e.form.Reported.Reasons == nil {
				e.form.Reported.Reasons = map[string]string{}
			}
			e.form.Reported.Reasons[key] = text
			e.place(c, "reported.reasons."+key)
		}
	}
}

// sameText compares two texts as printed: white space and widths aside.
func sameText(a, b string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\n' || r == '\u3000' {
				return -1
			}
			return r
		}, vocab.Fold(s))
	}
	return norm(a) == norm(b)
}

// keepCell keeps a cell the form has no key for in extra, with a label
// saying what it was.
func (e *evalReader) keepCell(c *In, label string) {
	e.keep(label, []*In{c})
}

// total reads 总分 and the total beside it.
func (e *evalReader) total(row *Row) {
	e.reader.label(row.Cells[0])
	for _, c := range row.Cells[1:] {
		if e.disposed(c.id) {
			continue
		}
		if e.form.Reported.TotalScore != nil {
			e.unplace(c, tx("重复：总分已读入", "given twice: the total was read already"))
			continue
		}
		d, note, why := readNumber(c)
		switch {
		case why != nil:
			e.unplace(c, *why)
		case d == nil:
			e.reader.label(c)
		default:
			e.form.Reported.TotalScore = d
			e.place(c, "reported.total_score")
			if note != nil {
				e.note(c, "reported.total_score", *note)
			}
		}
	}
}

// judgement reads a row of the evaluator's judgements.
func (e *evalReader) judgement(row *Row) {
	at := func(id vocab.ID) *In {
		col, ok := e.cols[id]
		if !ok {
			return nil
		}
		return row.at(col)
	}
	kc := at(vocab.JudgementItem)
	if kc == nil {
		return
	}
	written := strings.TrimSpace(cellText(kc))
	key, _, byLeaf, ok := e.item(strings.Split(written, "/"))
	if !ok && e.rub != nil {
		// A judgement keyed by a path the rubric does not have is kept as
		// written: the report says no item takes it.
		key, ok = written, written != ""
	}
	others := []*In{at(vocab.Checks), at(vocab.Violations), at(vocab.JudgedScore), at(vocab.JudgementNote)}
	if !ok || e.jseen[key] || len(key) > maxMapKey {
		why := tx("无法判断是哪一项指标", "no item can be told from this cell")
		if e.jseen[key] {
			why = tx("重复：“"+key+"”已读入", "given twice: "+quote(key)+" was read already")
		}
		e.unplace(kc, why)
		for _, c := range others {
			e.unplace(c, why)
		}
		return
	}
	e.jseen[key] = true
	p := "judgements." + key
	var j rubric.Judgement
	e.place(kc, p)
	if byLeaf {
		e.note(kc, p, tx("按三级指标对应评分办法的“"+key+"”", "matched to the rubric's "+quote(key)+" by its 三级指标"))
	}
	if c := others[0]; c != nil {
		checks, why := readChecks(cellText(c))
		if why != nil {
			e.unplace(c, *why)
		} else {
			j.Checks = checks
			e.place(c, p+".checks")
		}
	}
	for i, dst := range []**decimal.Decimal{&j.Violations, &j.Score} {
		c := others[1+i]
		if c == nil {
			continue
		}
		d, note, why := readNumber(c)
		switch {
		case why != nil:
			e.unplace(c, *why)
		case d == nil:
			e.reader.label(c)
		default:
			*dst = d
			path := p + []string{".violations", ".score"}[i]
			e.place(c, path)
			if note != nil {
				e.note(c, path, *note)
			}
		}
	}
	if c := others[3]; c != nil {
		text := cellText(c)
		if e.fits(c, len(text)) {
			j.Note = text
			e.place(c, p+".note")
		}
	}
	if e.form.Judgements == nil {
		e.form.Judgements = map[string]rubric.Judgement{}
	}
	e.form.Judgements[key] = j
}

// maxMapKey is the longest item path a judgement or a score may be kept
// under (the file format's limit on a map's key).
const maxMapKey = 512

// readChecks reads a checklist's answers: 是 or 否 (√ ×, true false, 1
// 0) for each check, separated by 、, commas or spaces.
func readChecks(s string) ([]bool, *imports.Text) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == ' ' || r == '\n' || r == '\t'
	})
	if len(fields) > MaxList {
		w := tx(fmt.Sprintf("检查项超过 %d 项", MaxList), fmt.Sprintf("more than %d checks", MaxList))
		return nil, &w
	}
	out := make([]bool, 0, len(fields))
	for _, f := range fields {
		switch strings.ToLower(f) {
		case "是", "符合", "√", "✓", "✔", "true", "1", "y", "yes":
			out = append(out, true)
		case "否", "不符合", "×", "✗", "✘", "x", "false", "0", "n", "no":
			out = append(out, false)
		default:
			w := tx("检查项应为“是”或“否”："+quote(f), "a check is 是 or 否: "+quote(f))
			return nil, &w
		}
	}
	return out, nil
}

// extraRow reads a row of the extra cells: label | text.
func (e *evalReader) extraRow(cells []*In) {
	if len(cells) < 2 {
		return
	}
	label := strings.TrimSpace(cellText(cells[0]))
	if !e.fits(cells[0], len(label)) {
		return
	}
	e.reader.label(cells[0])
	e.keep(label, cells[1:])
}

// finish says what the form misses: its name, its year, its basic data.
func (e *evalReader) finish() {
	if strings.TrimSpace(e.form.Department) == "" {
		e.res.Missing = append(e.res.Missing, imports.Missing{What: "department", Why: tx("未找到部门名称", "no 部门名称 was found")})
	}
	if e.form.Year == 0 {
		e.res.Missing = append(e.res.Missing, imports.Missing{What: "year", Why: tx("未找到评价年度", "no year was found")})
	}
	if e.basics == 0 {
		e.res.Missing = append(e.res.Missing, imports.Missing{What: "basic", Why: tx("未找到基础数据表中的数据", "no figure of the 基础数据表 was found")})
	}
}
