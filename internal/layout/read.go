package layout

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/vocab"
)

// LookedForm is what a document must hold to be read as a form.
const LookedForm = "a table with 部门调整预算收入 or 项目名称"

// FindingsHeading opens the list of findings an annotated rendering
// prints under the tables; Read skips it.
const FindingsHeading = "审核发现"

// ProfileComment is how a Markdown rendering keeps the profile a form is
// filed under, invisible when the document is shown.
const ProfileComment = "<!-- perfeval profile: %s -->"

var profileRE = regexp.MustCompile(`^<!--\s*perfeval\s+profile\s*:\s*([A-Za-z0-9._-]{1,64})\s*-->$`)

// dispKind is what Read did with a cell.
type dispKind uint8

const (
	dNone dispKind = iota
	dLabel
	dPlaced
	dExtra
	dSkipped
	dUnplaced
)

type disposition struct {
	kind  dispKind
	path  string
	label string
	why   imports.Text
}

// Read reads a form from its cells by their labels, whatever their row
// and column, and accounts for every non-empty cell: placed under its key
// path, kept with its label in the form's extra list, skipped as a
// template row, or unplaced. It returns an *Error wrapping ErrNotAForm
// when the input holds no form, and ErrLimit when the form would exceed
// the file format's limits (a text longer than MaxTextBytes, more than
// MaxList indicators): no file could hold it. Read never modifies its
// input.
func Read(in *Input) (*imports.Result, error) {
	r := &reader{in: in, res: &imports.Result{}}
	return r.run()
}

type reader struct {
	in    *Input
	res   *imports.Result
	cells []*In
	lines []*Line
	disp  []disposition // by id: cells first, then lines

	kind evaluation.Kind
	// otherKind names a form of another kind the title says the document
	// is (a declaration, a monitoring form), and where.
	otherKind string
	otherAt   imports.Position
	form      evaluation.Form
	dept      *evaluation.DepartmentForm
	proj      *evaluation.ProjectForm
	c         *cycle // the declaration or the monitoring form being read (cycleread.go)
	fields    []field
	unit      budget.Unit
	funds     *budget.Funds
	goals     *evaluation.Goals
	inds      *[]evaluation.Indicator
	extra     *[]evaluation.Extra

	left     map[int]int // table → its first column
	extent   int         // the column of the rightmost label; -1 for none
	skipRows map[int]bool
	rowIndex int

	// block state
	blk           block
	fundsCtx      []ctxCol                  // main amount labels of the funds block and their columns
	nodes         int                       // cells placed so far
	srcNext       map[srcKey]int            // see sourceAmountNew
	srcFirst      map[budget.SourceKind]int // the first source row of each kind
	fundsCols     map[vocab.ID]int
	fundsHeads    map[int]string   // the funds table's header texts by column
	blockWeight   *decimal.Decimal // a weight printed in the funds block's label
	blockWeightAt *In
	totalSeen     bool
	goalCols      goalCols
	taskCols      map[vocab.ID]int
	indCols       map[vocab.ID]int // of the current indicator table
	headerOnly    bool             // the indicator table has a header and no row yet
	kpCols        map[vocab.ID]int
	tail          *string
	tailPath      string
	levels        levelCtx
	kps           []*kpDraft

	titleYear   int
	titleYearAt *In
	titleLine   *Line
	yearSet     bool
	rates       []pendingRate
	templates   [][]int
	fundsFound  bool
	firstAt     map[string]imports.Position // key path → its first cell
	err         error
}

// block is the part of the form the rows being read belong to.
type block uint8

const (
	bNone block = iota
	bHeader
	bFunds      // label by label: 部门调整预算收入 | 2395.15 | …
	bFundsTable // under column headers: 年初预算数 | 全年预算数 | …
	bGoals
	bTasks
	bKeyProjects
	bKPTable
	bIndicators
	bTotals
	bTail
	bExtra
)

// ctxCol is a main amount label of the funds block and its column: a 其中
// row below it breaks down the amount of the label above it.
type ctxCol struct {
	col int
	id  vocab.ID
}

type pendingRate struct {
	c    *In
	path string
	dst  **budget.Rate
	bare decimal.Decimal
}

func (r *reader) run() (*imports.Result, error) {
	r.index()
	if len(r.in.Rows) == 0 {
		return nil, &Error{Sentinel: ErrNotAForm, Detail: "no table", Looked: LookedForm, Zh: "不是表单：文中没有表格（应有含“部门调整预算收入”或“项目名称”的表格）"}
	}
	if r.isEvaluation() {
		return r.readEvaluation() // a department evaluation: rubricread.go
	}
	r.kind = r.detectKind()
	if r.otherKind != "" {
		return nil, &Error{Pos: r.otherAt, Sentinel: ErrNotAForm, Looked: LookedForm,
			Detail: "the title names " + r.otherKind + ", a kind Read does not read",
			Zh:     "不是可读入的表单：标题所写的“" + r.otherKind + "”不是能读入的表式"}
	}
	if r.kind == "" {
		pos := imports.Position{}
		if len(r.in.Rows[0].Cells) > 0 {
			pos = r.in.Rows[0].Cells[0].Pos
		}
		return nil, &Error{Pos: pos, Sentinel: ErrNotAForm, Detail: "no table holds a label of either form", Looked: LookedForm,
			Zh: "不是表单：没有表格含有任何表式的栏目（应有含“部门调整预算收入”或“项目名称”的表格）"}
	}
	r.unit = r.readUnit()
	switch r.kind {
	case evaluation.Department:
		r.dept = &evaluation.DepartmentForm{Unit: r.unit}
		r.form = r.dept
		r.funds, r.goals, r.inds, r.extra = &r.dept.Funds.Funds, &r.dept.Goals, &r.dept.Indicators, &r.dept.Extra
	case evaluation.Declaration, evaluation.Monitoring:
		r.startCycle()
	default:
		r.proj = &evaluation.ProjectForm{Unit: r.unit}
		r.form = r.proj
		r.funds, r.goals, r.inds, r.extra = &r.proj.Funds.Funds, &r.proj.Goals, &r.proj.Indicators, &r.proj.Extra
	}
	r.fields = fieldsOf(r.form)
	if r.c == nil {
		r.foreignLabels()
	}
	for _, c := range r.cells {
		if c.m.ID == vocab.Heading {
			r.label(c) // a heading names no value: it is placed as it stands
		}
	}
	r.readLines()
	for i := range r.in.Rows {
		if r.err != nil {
			return nil, r.err
		}
		if r.skipRows[i] {
			continue
		}
		r.rowIndex = i
		if r.c != nil {
			r.cycleRow(&r.in.Rows[i])
		} else {
			r.row(&r.in.Rows[i])
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if !r.recognized() {
		pos := imports.Position{}
		if len(r.cells) > 0 {
			pos = r.cells[0].Pos
		}
		looked := "a table with 部门名称, 部门调整预算收入 or 主要任务"
		if r.kind != evaluation.Department {
			looked = "a table with 项目名称, 项目资金 or 绩效指标"
		}
		return nil, &Error{Pos: pos, Sentinel: ErrNotAForm, Looked: looked,
			Detail: "no row of " + r.kind.Label() + " was found",
			Zh:     "不是表单：未找到" + r.kind.Label() + "的任何一行"}
	}
	r.finish()
	if r.err != nil {
		return nil, r.err
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	r.account()
	r.res.Form = r.form
	return r.res, nil
}

// recognized reports whether some cell of the tables was read as a label
// or a value of the form.
func (r *reader) recognized() bool {
	for _, c := range r.cells {
		if k := r.disp[c.id].kind; k == dLabel || k == dPlaced || k == dExtra {
			return true
		}
	}
	return false
}

// index gives every cell and line an id and reads each short cell as a
// label.
func (r *reader) index() {
	r.left = map[int]int{}
	r.extent = -1
	r.srcNext = map[srcKey]int{}
	r.srcFirst = map[budget.SourceKind]int{}
	r.skipRows = map[int]bool{}
	r.firstAt = map[string]imports.Position{}
	wide := map[int]bool{}
	for i := range r.in.Rows {
		row := &r.in.Rows[i]
		for _, c := range row.Cells {
			c.id = len(r.cells)
			r.cells = append(r.cells, c)
			if c.Kind == TextCell && !c.Literal && len(c.Text) <= vocab.MaxLabelBytes {
				c.m = vocab.Lookup(c.Text)
			} else {
				c.m = vocab.Match{}
			}
			if c.m.ID != vocab.None {
				r.extent = max(r.extent, c.Col)
			}
		}
		if len(row.Cells) == 0 {
			continue
		}
		first := row.Cells[0].Col
		// A table's first column is the leftmost column of its rows of two
		// cells or more (a title row above may start elsewhere).
		if l, ok := r.left[row.Table]; !ok || (len(row.Cells) >= 2 && (!wide[row.Table] || first < l)) {
			if len(row.Cells) >= 2 || !ok {
				r.left[row.Table] = first
				wide[row.Table] = wide[row.Table] || len(row.Cells) >= 2
			}
		}
	}
	for i := range r.in.Lines {
		l := &r.in.Lines[i]
		l.id = len(r.cells) + len(r.lines)
		r.lines = append(r.lines, l)
	}
	r.disp = make([]disposition, len(r.cells)+len(r.lines))
}

// detectKind reads the kind from a title, else from the labels the cells
// carry.
func (r *reader) detectKind() evaluation.Kind {
	kindOf := r.kindOf
	other := func(k vocab.Kinds, pos imports.Position) bool {
		names := map[vocab.Kinds]string{vocab.Evaluation: "a 部门整体支出绩效评价 sheet (department-evaluation)"}
		if n, ok := names[k]; ok {
			r.otherKind, r.otherAt = n, pos
			return true
		}
		return false
	}
	for _, l := range r.lines {
		if k, ok := vocab.Title(lineText(l.Text)); ok {
			if kind := kindOf(k); kind != "" {
				return kind
			}
			if other(k, l.Pos) {
				return ""
			}
		}
	}
	var dept, proj, decl, mon int
	for _, c := range r.cells {
		if c.Kind != TextCell {
			continue
		}
		if k, ok := vocab.Title(c.Text); ok && len(c.Text) < 300 {
			if kind := kindOf(k); kind != "" {
				return kind
			}
			if other(k, c.Pos) {
				return ""
			}
		}
		switch c.m.Kinds {
		case vocab.Department:
			dept++
		case vocab.Project:
			proj++
		case vocab.Declaration:
			decl++
		case vocab.Monitoring:
			mon++
		}
	}
	switch {
	case decl+mon >= 2 && decl+mon > dept:
		// Labels only the cycle's forms print (长期目标, 取值依据, 1-7月执行数,
		// 完成目标可能性 …) outweigh a department's.
		if mon > decl {
			return evaluation.Monitoring
		}
		return evaluation.Declaration
	case dept == 0 && proj == 0:
		return ""
	case dept >= proj:
		return evaluation.Department
	}
	return evaluation.Project
}

// lineText is a line outside the tables without a rendering's markers and
// Markdown's list and heading markers.
func lineText(s string) string {
	return strings.TrimSpace(strings.TrimLeft(StripMarkers(s), "-*+># \t"))
}

// readUnit finds 单位：万元 in a line above the tables, else in a cell,
// else in a funds label such as 项目资金（万元）; 万元 by default.
func (r *reader) readUnit() budget.Unit {
	for _, l := range r.lines {
		if l.AfterTable {
			break
		}
		if u, ok := unitIn(lineText(l.Text)); ok {
			return u
		}
	}
	for _, c := range r.cells {
		if c.m.ID == vocab.Unit {
			if u, ok := vocab.UnitOf(c.Text); ok {
				return u
			}
		}
	}
	for _, c := range r.cells {
		if c.m.ID == vocab.FundsBlock && c.m.Note != "" {
			if u, ok := vocab.UnitOf(c.m.Note); ok {
				return u
			}
		}
	}
	return budget.TenThousandYuan
}

var unitInRE = regexp.MustCompile(`单位\s*[：:]\s*(亿元|万元|元)`)

// unitIn finds a unit statement in a line: "单位：万元", "项目单位(盖章)：
// 单位:万元".
func unitIn(s string) (budget.Unit, bool) {
	m := unitInRE.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	return vocab.UnitOf(m[1])
}

// Dispositions.

func (r *reader) disposed(id int) bool { return r.disp[id].kind != dNone }

// label, place and unplace record what Read did with a cell. A cell read
// twice for two rows (a shared 一级指标 read for the long-term row too)
// carries the id -1 the second time, and is accounted for the first.
func (r *reader) label(c *In) {
	if c != nil && c.id >= 0 && !r.disposed(c.id) {
		r.disp[c.id] = disposition{kind: dLabel}
		if c.m.Broken {
			r.note(c, "", tx("标签“"+strings.ReplaceAll(c.Text, "\n", "⏎")+"”中的换行已合并", "the line break in the label "+quote(c.Text)+" was folded"))
		}
	}
}

func (r *reader) place(c *In, path string) {
	if c == nil || c.id < 0 {
		return
	}
	// Every placed cell is at least one value of the form: past the file
	// format's MaxNodes no file could hold it, so stop before building it.
	if r.nodes++; r.nodes > MaxNodes {
		r.limit(c, "more than %d values", MaxNodes)
		return
	}
	r.disp[c.id] = disposition{kind: dPlaced, path: path}
	for p := path; p != ""; p = Parent(p) {
		if _, ok := r.firstAt[p]; ok {
			break
		}
		r.firstAt[p] = c.Pos
	}
}

func (r *reader) unplace(c *In, why imports.Text) {
	if c != nil && c.id >= 0 {
		r.disp[c.id] = disposition{kind: dUnplaced, why: why}
	}
}

func (r *reader) note(c *In, path string, n imports.Text) {
	r.res.Readings = append(r.res.Readings, imports.Reading{Cell: cellOf(c), Path: path, Note: n})
}

func cellOf(c *In) imports.Cell { return imports.Cell{Position: c.Pos, Text: c.Text} }

func quote(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if len([]rune(s)) > 48 {
		s = string([]rune(s)[:48]) + "…"
	}
	return "“" + s + "”"
}

// fail keeps the first error.
func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// limit fails with ErrLimit at a cell.
func (r *reader) limit(c *In, format string, args ...any) {
	pos := imports.Position{}
	if c != nil {
		pos = c.Pos
	}
	r.fail(errorAt(pos, ErrLimit, format, args...))
}

// fits checks the length a text would have.
func (r *reader) fits(c *In, n int) bool {
	if n > MaxTextBytes {
		r.limit(c, "a text longer than %d bytes", MaxTextBytes)
		return false
	}
	return true
}

// account lists every cell by what Read did with it; a cell nothing
// claimed is unplaced.
func (r *reader) account() {
	for _, c := range r.cells {
		d := r.disp[c.id]
		switch d.kind {
		case dLabel:
			r.res.Labels = append(r.res.Labels, cellOf(c))
		case dPlaced:
			r.res.Placed = append(r.res.Placed, imports.Placed{Cell: cellOf(c), Path: d.path})
		case dExtra:
			r.res.Extra = append(r.res.Extra, imports.Extra{Cell: cellOf(c), Label: d.label, Path: d.path})
		case dUnplaced:
			r.res.Unplaced = append(r.res.Unplaced, imports.Unplaced{Cell: cellOf(c), Why: d.why})
		case dNone:
			r.res.Unplaced = append(r.res.Unplaced, imports.Unplaced{Cell: cellOf(c),
				Why: tx("无法从标签判断其含义", "no label tells what this cell is")})
		}
	}
	for _, l := range r.lines {
		d := r.disp[l.id]
		cell := imports.Cell{Position: l.Pos, Text: l.Text}
		switch d.kind {
		case dLabel:
			r.res.Labels = append(r.res.Labels, cell)
		case dPlaced:
			r.res.Placed = append(r.res.Placed, imports.Placed{Cell: cell, Path: d.path})
		case dExtra:
			r.res.Extra = append(r.res.Extra, imports.Extra{Cell: cell, Label: d.label, Path: d.path})
		case dSkipped:
		case dUnplaced:
			r.res.Unplaced = append(r.res.Unplaced, imports.Unplaced{Cell: cell, Why: d.why})
		default:
			r.res.Unplaced = append(r.res.Unplaced, imports.Unplaced{Cell: cell,
				Why: tx("表格外的文字，不属于表中任何栏目", "text outside the tables that belongs to no part of the form")})
		}
	}
	for _, ids := range r.templates {
		var s imports.Skipped
		for _, id := range ids {
			if r.disp[id].kind == dSkipped {
				s.Cells = append(s.Cells, cellOf(r.cells[id]))
			}
		}
		if len(s.Cells) > 0 {
			s.Why = tx("空白模板行（只有……、指标1 或指标层级名称），未作为指标读入",
				"a row of the blank template (……, 指标1 or level names alone), not read as an indicator")
			r.res.Skipped = append(r.res.Skipped, s)
		}
	}
	sort.SliceStable(r.res.Readings, func(i, j int) bool { return less(r.res.Readings[i].Position, r.res.Readings[j].Position) })
}

func less(a, b imports.Position) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	return refLess(a.Ref, b.Ref)
}

// refLess orders cell references by row, then column.
func refLess(a, b string) bool {
	split := func(s string) (string, string) {
		i := strings.IndexAny(s, "0123456789")
		if i < 0 {
			return s, ""
		}
		return s[:i], s[i:]
	}
	ca, ra := split(a)
	cb, rb := split(b)
	if len(ra) != len(rb) {
		return len(ra) < len(rb)
	}
	if ra != rb {
		return ra < rb
	}
	if len(ca) != len(cb) {
		return len(ca) < len(cb)
	}
	return ca < cb
}

// check holds the form to the file format's limits, naming the cell, and
// then proves that what Read returns the file format reads back: the form
// is encoded and decoded, as `perfeval import` then `evaluate` would.
func (r *reader) check() error {
	count := func(what string, n int, path string) error {
		if n > MaxList {
			return errorAt(r.posOf(fmt.Sprintf("%s[%d]", path, MaxList)), ErrLimit, "%d %s, more than %d", n, what, MaxList)
		}
		return nil
	}
	var errs []error
	if d := r.dept; d != nil {
		errs = append(errs, count("tasks (主要任务)", len(d.Tasks), "tasks"), count("key projects (重点项目)", len(d.KeyProjects), "key_projects"))
		for i, t := range d.Tasks {
			errs = append(errs, count("indicators of a task", len(t.Indicators), fmt.Sprintf("tasks[%d].indicators", i)))
		}
		for i, k := range d.KeyProjects {
			errs = append(errs, count("indicators of a key project", len(k.Indicators), fmt.Sprintf("key_projects[%d].indicators", i)))
		}
	}
	if r.c != nil {
		errs = append(errs, r.c.counts(count)...)
	}
	errs = append(errs, count("indicators (绩效指标)", len(*r.inds), "indicators"), count("extra cells", len(*r.extra), "extra"))
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	enc, err := evaluation.Encode(r.form)
	if err == nil {
		_, err = evaluation.Decode("imported.yaml", enc)
	}
	if err != nil {
		// Name the cell: a text too long for the file format (the
		// readers hold texts to it as they go; this is the net under
		// them), else the key path the decoder names.
		for _, c := range evaluation.TextCells(r.form) {
			if len(c.Text) > MaxTextBytes {
				return errorAt(r.posOf(c.Path), ErrLimit, "%s (%s): a text longer than %d bytes", c.Label, c.Path, MaxTextBytes)
			}
		}
		var de *evaluation.DecodeError
		path := ""
		if errors.As(err, &de) {
			path = de.Path
		}
		return &Error{Pos: r.posOf(path), Sentinel: ErrLimit, Detail: "the form read would not be a valid file: " + err.Error()}
	}
	return nil
}

// posOf returns the position of the first cell placed at path or under
// its nearest ancestor that has one.
func (r *reader) posOf(path string) imports.Position {
	for p := path; p != ""; p = Parent(p) {
		if pos, ok := r.firstAt[p]; ok {
			return pos
		}
	}
	return imports.Position{}
}
