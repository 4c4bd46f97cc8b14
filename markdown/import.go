package markdown

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// lookedForm is what a document must have to be a form.
const lookedForm = "a table with 部门调整预算收入 or 项目名称"

// Import reads a form published as Markdown tables: the usual result of
// converting the published PDF (see the package documentation for what it
// tolerates), or Render's output. name is used in errors only. Cells are
// found by their labels, not by position; numbers are read from the
// document with the decimals written, amounts in the document's unit
// (单位：万元 unless it says otherwise).
//
// Any failure is an *ImportError wrapping ErrNotAForm, ErrMalformed or
// ErrLimit. Import never panics and never modifies data.
func Import(name string, data []byte) (evaluation.Form, error) {
	doc, err := parseDocument(name, data)
	if err != nil {
		return nil, err
	}
	im := &importer{file: name, doc: doc}
	return im.run()
}

type importer struct {
	file    string
	doc     *document
	unit    budget.Unit
	profile string
	year    int // from a line such as （2025年度） or the title
}

func (im *importer) fail(line int, sentinel error, looked, format string, args ...any) *ImportError {
	return &ImportError{File: im.file, Line: line, Looked: looked, Err: fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))}
}

func (im *importer) wrap(line int, err error, format string, args ...any) *ImportError {
	return &ImportError{File: im.file, Line: line, Err: fmt.Errorf("%w: %s: %w", ErrMalformed, fmt.Sprintf(format, args...), err)}
}

var (
	unitLineRE  = regexp.MustCompile(`单位\s*[：:]\s*(亿元|万元|元)`)
	unitCellRE  = regexp.MustCompile(`^[（(]?\s*(?:金额)?单位\s*[：:]\s*(亿元|万元|元)\s*[）)]?$`)
	profileRE   = regexp.MustCompile(`<!--\s*perfeval\s+profile\s*:\s*([A-Za-z0-9._-]{1,64})\s*-->`)
	yearLineRE  = regexp.MustCompile(`^[（(]?\s*([0-9０-９]{4})\s*年度?\s*[）)]?$`)
	titleYearRE = regexp.MustCompile(`([0-9０-９]{4})\s*年度`)
)

func (im *importer) run() (evaluation.Form, error) {
	if len(im.doc.rows) == 0 {
		return nil, im.fail(0, ErrNotAForm, lookedForm, "no table")
	}
	kind := im.detectKind()
	if kind == "" {
		return nil, im.fail(im.doc.rows[0].line, ErrNotAForm, lookedForm, "no table holds a label of either form")
	}
	im.readUnit()
	im.readProfile()
	if err := im.readYearLine(); err != nil {
		return nil, err
	}
	var (
		form evaluation.Form
		err  error
	)
	if kind == evaluation.Department {
		form, err = im.department()
	} else {
		form, err = im.project()
	}
	if err != nil {
		return nil, err
	}
	if err := im.checkLimits(form); err != nil {
		return nil, err
	}
	return form, nil
}

// lineText is a line outside the tables without Render's annotations and
// Markdown's list and heading markers.
func lineText(s string) string {
	return strings.TrimSpace(strings.TrimLeft(stripMarkers(s), "-*+># \t"))
}

// detectKind reads the kind from the title (部门整体支出绩效自评表 or
// 项目支出绩效自评表), else from the labels the tables carry.
func (im *importer) detectKind() evaluation.Kind {
	for _, l := range im.doc.lines {
		t := lineText(l.text)
		switch {
		case strings.Contains(t, textDeptTitle):
			return evaluation.Department
		case strings.Contains(t, textProjectTitle):
			return evaluation.Project
		}
	}
	var dept, proj int
	for _, r := range im.doc.rows {
		for i := range r.cells {
			c := &r.cells[i]
			// A title inside a table (a short cell, not a text quoting it).
			n, _ := normLabel(c.text)
			switch {
			case strings.Contains(n, textDeptTitle):
				return evaluation.Department
			case strings.Contains(n, textProjectTitle):
				return evaluation.Project
			}
			switch c.def.hint {
			case deptOnly:
				dept++
			case projectOnly:
				proj++
			}
		}
	}
	switch {
	case dept == 0 && proj == 0:
		return ""
	case dept >= proj:
		return evaluation.Department
	}
	return evaluation.Project
}

func unitOf(s string) budget.Unit {
	u, _ := budget.ParseUnit(s) // only called with 元, 万元 or 亿元
	return u
}

// readUnit finds 单位：万元 in a line above the tables, else in a cell, else
// in a label such as 项目资金（万元）; 万元 by default.
func (im *importer) readUnit() {
	for _, l := range im.doc.lines {
		if l.afterTable {
			break
		}
		if m := unitLineRE.FindStringSubmatch(lineText(l.text)); m != nil {
			im.unit = unitOf(m[1])
			return
		}
	}
	for _, r := range im.doc.rows {
		for i := range r.cells {
			if m := unitCellRE.FindStringSubmatch(r.cells[i].text); m != nil {
				im.unit = unitOf(m[1])
				return
			}
		}
	}
	for _, r := range im.doc.rows {
		for i := range r.cells {
			if r.cells[i].def.id == lProjectFunds || r.cells[i].def.id == lFundsBlock {
				if _, paren := normLabel(r.cells[i].text); paren != "" {
					if u, err := budget.ParseUnit(paren); err == nil {
						im.unit = u
						return
					}
				}
			}
		}
	}
}

// isNote reports whether text opens a note: 注：…
func isNote(text string) bool {
	t := strings.TrimLeft(text, "-*+># \t")
	return strings.HasPrefix(t, "注：") || strings.HasPrefix(t, "注:") || t == "注"
}

var numberedRE = regexp.MustCompile(`^[0-9０-９]+\s*[.．、)）]`)

// readProfile takes the profile from Render's comment, else sets
// guangzhou-2021 when the form's note is Guangzhou's (it mentions 重点项目
// and 500万元).
func (im *importer) readProfile() {
	for _, l := range im.doc.lines {
		if m := profileRE.FindStringSubmatch(l.text); m != nil {
			im.profile = m[1]
			return
		}
	}
	var notes strings.Builder
	lines := im.doc.lines
	for i := 0; i < len(lines); i++ {
		if !isNote(lines[i].text) {
			continue
		}
		notes.WriteString(lines[i].text)
		// The note runs on over the following lines: those that follow
		// without a blank line, and numbered items.
		for i+1 < len(lines) && (lines[i+1].n == lines[i].n+1 || numberedRE.MatchString(lineText(lines[i+1].text))) &&
			!strings.HasPrefix(lineText(lines[i+1].text), findingsHeading) {
			i++
			notes.WriteString(lines[i].text)
		}
	}
	for _, r := range im.doc.rows {
		for i := range r.cells {
			if isNote(r.cells[i].text) {
				notes.WriteString(r.cells[i].text)
			}
		}
	}
	n := notes.String()
	if strings.Contains(n, "重点项目") && strings.Contains(budget.FoldWidth(n), "500万元") {
		im.profile = ProfileGuangzhou2021
	}
}

// readYearLine reads a year printed outside the tables: a line such as
// （2025年度） under the title, or a title such as 2021年度部门整体支出绩效自评表.
func (im *importer) readYearLine() error {
	for _, l := range im.doc.lines {
		if l.afterTable {
			break // the title block is above the tables
		}
		t := lineText(l.text)
		m := yearLineRE.FindStringSubmatch(t)
		if m == nil && (strings.Contains(t, textDeptTitle) || strings.Contains(t, textProjectTitle)) {
			m = titleYearRE.FindStringSubmatch(t)
		}
		if m == nil {
			continue
		}
		y, err := parseYear(m[1])
		if err != nil {
			return im.wrap(l.n, err, "year %q", m[1])
		}
		im.year = y
		return nil
	}
	return nil
}

// Limits of the file format (evaluation's decoder): a form Import returns
// must encode to a file that decodes.
const (
	minYear = 1949
	maxYear = 2200
	maxList = 1000
)

var errYear = fmt.Errorf("not a year between %d and %d", minYear, maxYear)

// parseYear reads 2021, 2021年 or 2021年度.
func parseYear(s string) (int, error) {
	t := strings.TrimSpace(budget.FoldWidth(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "度"), "年")
	t = strings.TrimSpace(t)
	if len(t) != 4 {
		return 0, errYear
	}
	y, err := strconv.Atoi(t)
	if err != nil || y < minYear || y > maxYear {
		return 0, errYear
	}
	return y, nil
}

// blank reports whether a cell says "nothing": empty or a dash.
func blank(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "—", "——", "－", "–", "/", "／", "无":
		return true
	}
	return false
}

// amount reads an amount in the document's unit. A unit written in the
// cell ("620万元") is honoured: the amount is converted, exactly.
func (im *importer) amount(r *row, c *cell, what string) (*budget.Amount, error) {
	t := strings.TrimSpace(c.text)
	if blank(t) {
		return nil, nil
	}
	u := im.unit
	for _, s := range []string{"亿元", "万元", "元"} {
		if rest, ok := strings.CutSuffix(t, s); ok {
			t, u = strings.TrimSpace(rest), unitOf(s)
			break
		}
	}
	a, err := budget.ParseAmount(t, u)
	if err != nil {
		return nil, im.wrap(r.line, err, "%s", what)
	}
	if u != im.unit {
		a = a.In(im.unit)
		// Converting may carry the amount past the file format's limits.
		if _, err := budget.ParseNumber(number(a.Decimal())); err != nil {
			return nil, im.wrap(r.line, err, "%s in %s", what, im.unit)
		}
	}
	return &a, nil
}

// rate reads a rate as printed; a bare number is a percentage, as the
// forms print rates.
func (im *importer) rate(r *row, c *cell, what string) (*budget.Rate, error) {
	t := strings.TrimSpace(budget.FoldWidth(c.text))
	if blank(t) {
		return nil, nil
	}
	if !strings.HasSuffix(t, "%") {
		t += "%"
	}
	x, err := budget.ParsePercent(t)
	if err != nil {
		return nil, im.wrap(r.line, err, "%s", what)
	}
	return &x, nil
}

// score reads a weight or score (分值, 得分): a non-negative number, "分"
// allowed after it.
func (im *importer) score(r *row, c *cell, what string) (*decimal.Decimal, error) {
	t := strings.TrimSpace(c.text)
	if blank(t) {
		return nil, nil
	}
	t = strings.TrimSpace(strings.TrimSuffix(t, "分"))
	d, err := budget.ParseNumber(t)
	if err != nil {
		return nil, im.wrap(r.line, err, "%s", what)
	}
	if d.IsNegative() {
		return nil, im.fail(r.line, ErrMalformed, "", "%s %q is negative", what, c.text)
	}
	return &d, nil
}

// setOnce stores v in *dst unless *dst is already set: the same figure
// given twice is an error, not a silent choice.
func setOnce[T any](im *importer, r *row, dst **T, v *T, what string) error {
	if v == nil {
		return nil
	}
	if *dst != nil {
		return im.fail(r.line, ErrMalformed, "", "%s given twice", what)
	}
	*dst = v
	return nil
}

func (im *importer) setText(r *row, dst *string, v string, what string) error {
	if v == "" {
		return nil
	}
	if *dst != "" {
		return im.fail(r.line, ErrMalformed, "", "%s given twice", what)
	}
	*dst = v
	return nil
}

// nextValue returns the value cell after the label at column i: the next
// cell with text, unless that is another label (then the label has no
// value).
func nextValue(r *row, i int) *cell {
	for j := i + 1; j < len(r.cells); j++ {
		c := &r.cells[j]
		if c.text == "" {
			continue
		}
		if c.def.id != lNone {
			return nil
		}
		return c
	}
	return nil
}

// appendText adds paragraphs to a text. A row that continues the row
// before it across a page break (concat) continues its last paragraph;
// any other row adds paragraphs. A text may not grow past
// evaluation.MaxTextBytes, which also keeps the joining linear.
func (im *importer) appendText(r *row, dst *string, paras []string, concat bool) error {
	if len(paras) == 0 {
		return nil
	}
	add := strings.Join(paras, "\n")
	if err := im.fits(r, len(*dst)+1+len(add)); err != nil {
		return err
	}
	switch {
	case *dst == "":
		*dst = add
	case concat:
		*dst += add
	default:
		*dst += "\n" + add
	}
	return nil
}

func (im *importer) appendItems(r *row, dst *[]string, paras []string, concat bool) error {
	if concat && len(*dst) > 0 && len(paras) > 0 {
		last := &(*dst)[len(*dst)-1]
		if err := im.fits(r, len(*last)+len(paras[0])); err != nil {
			return err
		}
		*last += paras[0]
		paras = paras[1:]
	}
	if len(*dst)+len(paras) > maxList {
		return im.fail(r.line, ErrLimit, "", "more than %d paragraphs in one list", maxList)
	}
	*dst = append(*dst, paras...)
	return nil
}

// fits checks the length a text would have.
func (im *importer) fits(r *row, n int) error {
	if n > evaluation.MaxTextBytes {
		return im.fail(r.line, ErrLimit, "", "a text longer than %d bytes", evaluation.MaxTextBytes)
	}
	return nil
}

// columns maps labels of a header row to their columns.
type columns map[label]int

func headerColumns(r *row, want ...label) columns {
	cols := columns{}
	for i := range r.cells {
		id := r.cells[i].def.id
		for _, w := range want {
			if id == w {
				if _, seen := cols[id]; !seen {
					cols[id] = i
				}
			}
		}
	}
	return cols
}

func (cols columns) cell(r *row, l label) *cell {
	i, ok := cols[l]
	if !ok {
		return &cell{}
	}
	return r.at(i)
}

// paras collects the paragraphs of the given cells of a row.
func paras(r *row, cols []int) []string {
	var out []string
	for _, i := range cols {
		out = append(out, r.at(i).paras...)
	}
	return out
}

// goals reads the 年度目标 / 年度总体目标 block: a header row naming the
// 预期目标 and 目标完成情况 columns, then rows of text. A text cell belongs to
// the nearest header column at or left of it.
type goalsReader struct {
	expCol, achCol int
}

func newGoalsReader(r *row) goalsReader {
	g := goalsReader{expCol: -1, achCol: -1}
	for i := 1; i < len(r.cells); i++ {
		switch r.cells[i].def.id {
		case lExpected:
			if g.expCol < 0 {
				g.expCol = i
			}
		case lAchieved:
			if g.achCol < 0 {
				g.achCol = i
			}
		}
	}
	return g
}

// toExpected reports whether the text in column i is 预期目标 (else
// 目标完成情况); seen is the number of texts before it on its row.
func (g goalsReader) toExpected(i, seen int) bool {
	if g.expCol < 0 && g.achCol < 0 {
		return seen == 0 // no header: the first text is the goal, the next what was achieved
	}
	best, bestCol := false, -1
	lowest, lowestCol := false, int(^uint(0)>>1)
	for _, c := range []struct {
		col int
		exp bool
	}{{g.expCol, true}, {g.achCol, false}} {
		if c.col < 0 {
			continue
		}
		if c.col <= i && c.col > bestCol {
			best, bestCol = c.exp, c.col
		}
		if c.col < lowestCol {
			lowest, lowestCol = c.exp, c.col
		}
	}
	if bestCol >= 0 {
		return best
	}
	return lowest
}

func (g goalsReader) read(im *importer, r *row, goals *evaluation.Goals) error {
	var exp, ach []int
	seen := 0
	for i := 1; i < len(r.cells); i++ {
		if r.cells[i].text == "" {
			continue
		}
		toExp := g.toExpected(i, seen)
		if toExp {
			exp = append(exp, i)
		} else {
			ach = append(ach, i)
		}
		seen++
	}
	if err := im.appendItems(r, &goals.Expected, paras(r, exp), r.first); err != nil {
		return err
	}
	return im.appendText(r, &goals.Achieved, paras(r, ach), r.first)
}

// indicatorReader reads indicator rows by the columns of their header.
type indicatorReader struct {
	cols columns
}

var indicatorLabels = []label{lLevel1, lLevel2, lIndName, lIndTarget, lIndActual, lWeight, lScore, lDeviation}

func (ir indicatorReader) has() bool { return len(ir.cols) > 0 }

// isIndicatorCol reports whether column i is one of the indicator columns.
func (ir indicatorReader) isIndicatorCol(i int) bool {
	for _, c := range ir.cols {
		if c == i {
			return true
		}
	}
	return false
}

func (ir indicatorReader) any(r *row) bool {
	for _, i := range ir.cols {
		if !r.empty(i) {
			return true
		}
	}
	return false
}

// read returns the indicator on row r.
func (ir indicatorReader) read(im *importer, r *row) (evaluation.Indicator, error) {
	ind := evaluation.Indicator{
		Level1:    ir.cols.cell(r, lLevel1).text,
		Level2:    ir.cols.cell(r, lLevel2).text,
		Name:      ir.cols.cell(r, lIndName).text,
		Target:    ir.cols.cell(r, lIndTarget).text,
		Actual:    ir.cols.cell(r, lIndActual).text,
		Deviation: ir.cols.cell(r, lDeviation).text,
	}
	var err error
	if ind.Weight, err = im.score(r, ir.cols.cell(r, lWeight), "分值"); err != nil {
		return ind, err
	}
	if ind.Score, err = im.score(r, ir.cols.cell(r, lScore), "得分"); err != nil {
		return ind, err
	}
	return ind, nil
}

// continueRow adds a row that continues ind across a page break: its text
// cells continue ind's, its numbers fill ind's empty ones.
func (ir indicatorReader) continueRow(im *importer, r *row, ind *evaluation.Indicator) error {
	next, err := ir.read(im, r)
	if err != nil {
		return err
	}
	for _, x := range []struct{ dst, add *string }{{&ind.Level1, &next.Level1}, {&ind.Level2, &next.Level2},
		{&ind.Name, &next.Name}, {&ind.Target, &next.Target}, {&ind.Actual, &next.Actual}, {&ind.Deviation, &next.Deviation}} {
		if err := im.fits(r, len(*x.dst)+len(*x.add)); err != nil {
			return err
		}
		*x.dst += *x.add
	}
	if err := setOnce(im, r, &ind.Weight, next.Weight, "分值"); err != nil {
		return err
	}
	return setOnce(im, r, &ind.Score, next.Score, "得分")
}

// checkLimits keeps the form within what the file format accepts, so that
// the form encodes to a file that evaluation.Decode reads back.
func (im *importer) checkLimits(f evaluation.Form) error {
	tooMany := func(what string, n int) error {
		if n > maxList {
			return im.fail(0, ErrLimit, "", "%d %s, more than %d", n, what, maxList)
		}
		return nil
	}
	var lists []struct {
		what string
		n    int
	}
	add := func(what string, n int) {
		lists = append(lists, struct {
			what string
			n    int
		}{what, n})
	}
	switch f := f.(type) {
	case *evaluation.DepartmentForm:
		add("tasks (主要任务)", len(f.Tasks))
		add("key projects (重点项目)", len(f.KeyProjects))
		add("goals (预期目标)", len(f.Goals.Expected))
		for _, t := range f.Tasks {
			add("indicators of "+t.Name, len(t.Indicators))
		}
		for _, k := range f.KeyProjects {
			add("indicators of "+k.Name, len(k.Indicators))
		}
	case *evaluation.ProjectForm:
		add("indicators (绩效指标)", len(f.Indicators))
		add("goals (预期目标)", len(f.Goals.Expected))
	}
	for _, l := range lists {
		if err := tooMany(l.what, l.n); err != nil {
			return err
		}
	}
	for _, c := range evaluation.TextCells(f) {
		if len(c.Text) > evaluation.MaxTextBytes {
			return im.fail(0, ErrLimit, "", "%s (%s) longer than %d bytes", c.Label, c.Path, evaluation.MaxTextBytes)
		}
	}
	return nil
}
