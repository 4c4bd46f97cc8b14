package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
)

// maxExactDigits is how many significant digits a cell's number carries
// exactly: Excel holds numbers as binary doubles and shows 15 digits. An
// amount with more is written as text, so no digit is lost.
const maxExactDigits = 15

// Export writes the form as a workbook of one sheet in the form's official
// layout (部门整体支出绩效自评表 or 项目支出绩效自评表); see the package
// documentation for the layout. The caller owns the returned file and
// should Close it. Export never modifies the form.
//
// An error wraps ErrUnrepresentable when a value cannot be stored in a
// cell without loss, so that Import(Export(f)) always gives back f.
func Export(f evaluation.Form) (book *excelize.File, err error) {
	defer func() {
		// excelize is third-party code; a panic there must become an error.
		if r := recover(); r != nil {
			book, err = nil, fmt.Errorf("xlsx: Export: excelize failure: %v", r)
		}
	}()
	w := &writer{f: excelize.NewFile(), styles: map[styleKey]int{}, need: map[int]float64{}}
	switch form := f.(type) {
	case *evaluation.DepartmentForm:
		if form == nil {
			break
		}
		w.begin(evaluation.Department.Label(), form.Unit)
		w.department(form)
	case *evaluation.ProjectForm:
		if form == nil {
			break
		}
		w.begin(evaluation.Project.Label(), form.Unit)
		w.project(form)
	}
	if w.sheet == "" {
		_ = w.f.Close()
		return nil, errors.New("xlsx: Export: nil form")
	}
	w.finish()
	if w.err != nil {
		_ = w.f.Close()
		return nil, fmt.Errorf("xlsx: Export: %w", w.err)
	}
	return w.f, nil
}

// Write is Export followed by writing the workbook to out.
func Write(out io.Writer, f evaluation.Form) error {
	book, err := Export(f)
	if err != nil {
		return err
	}
	defer book.Close()
	if _, err := book.WriteTo(out); err != nil {
		return fmt.Errorf("xlsx: Write: %w", err)
	}
	return nil
}

// writer lays a form out on one sheet. Columns and rows are 1-based, as
// Excel numbers them. The first error is kept and later calls do nothing.
type writer struct {
	f      *excelize.File
	sheet  string
	width  int // columns the layout spans
	unit   budget.Unit
	colW   []float64
	styles map[styleKey]int
	need   map[int]float64 // row → height in points its text needs
	err    error
}

func (w *writer) fail(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

func cellRef(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return "A1"
	}
	return name
}

func (w *writer) begin(title string, u budget.Unit) {
	w.sheet = title
	w.unit = u
	w.fail(w.f.SetSheetName("Sheet1", title))
	w.fail(w.f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "perfeval", Language: "zh-CN"}))
	full := true
	w.fail(w.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}))
}

// finish sets column widths, the heights long texts need, and the page
// layout (A4 landscape, one page wide).
func (w *writer) finish() {
	for i, cw := range w.colW {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.fail(w.f.SetColWidth(w.sheet, col, col, cw))
	}
	for row, h := range w.need {
		w.fail(w.f.SetRowHeight(w.sheet, row, min(math.Ceil(h), 409)))
	}
	size, orient, one, zero, fit := 9, "landscape", 1, 0, true
	w.fail(w.f.SetPageLayout(w.sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	w.fail(w.f.SetSheetProps(w.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
}

// box styles the rectangle and merges it when it spans more than one cell.
func (w *writer) box(c1, r1, c2, r2 int, kind styleKind, decimals int32) {
	if w.err != nil {
		return
	}
	if c2 < c1 {
		c2 = c1
	}
	tl, br := cellRef(c1, r1), cellRef(c2, r2)
	if tl != br {
		w.fail(w.f.MergeCell(w.sheet, tl, br))
	}
	w.fail(w.f.SetCellStyle(w.sheet, tl, br, w.style(kind, decimals)))
}

func (w *writer) label(c1, r1, c2, r2 int, text string) {
	w.str(c1, r1, text)
	w.box(c1, r1, c2, r2, stLabel, 0)
	w.fit(c1, r1, c2, r2, text)
}

// text writes a text cell; an empty text leaves the cell blank.
func (w *writer) text(c1, r1, c2, r2 int, text string, kind styleKind) {
	w.str(c1, r1, text)
	w.box(c1, r1, c2, r2, kind, 0)
	w.fit(c1, r1, c2, r2, text)
}

func (w *writer) str(col, row int, text string) {
	if w.err != nil || text == "" {
		return
	}
	text = escapeLiteral(text)
	if err := checkText(text); err != nil {
		w.fail(fmt.Errorf("cell %s: %w", cellRef(col, row), err))
		return
	}
	w.fail(w.f.SetCellStr(w.sheet, cellRef(col, row), text))
}

// escapeLiteral protects text that looks like an OOXML escape. A cell's
// text may escape a character as _xHHHH_ (ECMA-376 §22.9.2.19), and
// readers decode it, so a literal "_x0041_" must be written with its
// underscore escaped ("_x005F_x0041_"). excelize v2.11 decodes escapes
// when reading shared strings but does not encode them when writing, so
// it is done here; TestRoundTripEdgeCases checks the pair.
func escapeLiteral(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] == '_' && looksEscaped(s[i:]) {
			b.WriteString("x005F_")
		}
	}
	return b.String()
}

// looksEscaped reports whether s opens with _xHHHH_.
func looksEscaped(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for i := 2; i < 6; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// checkText refuses text that a cell would not give back unchanged:
// invalid UTF-8, characters XML 1.0 cannot carry, or more than an Excel
// cell holds (32,767 UTF-16 units; excelize would silently cut it).
func checkText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: text is not valid UTF-8", ErrUnrepresentable)
	}
	units := 0
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
			return fmt.Errorf("%w: text holds control character %U", ErrUnrepresentable, r)
		}
		units++
		if r >= 0x10000 {
			units++
		}
	}
	if units > excelize.TotalCellChars {
		return fmt.Errorf("%w: text of %d characters; a cell holds at most %d", ErrUnrepresentable, units, excelize.TotalCellChars)
	}
	return nil
}

// number writes an exact decimal as a numeric cell whose format shows the
// decimals it was written with. A value with more significant digits than
// a double keeps is written as text instead.
func (w *writer) number(c1, r1, c2, r2 int, d decimal.Decimal, places int32, kind styleKind, text string) {
	if w.err != nil {
		return
	}
	ref := cellRef(c1, r1)
	raw := d.StringFixed(places)
	if significantDigits(raw) > maxExactDigits {
		w.fail(w.f.SetCellStr(w.sheet, ref, text))
		w.box(c1, r1, c2, r2, stCenter, 0)
		return
	}
	w.fail(w.f.SetCellDefault(w.sheet, ref, raw))
	w.box(c1, r1, c2, r2, kind, places)
}

// significantDigits counts the digits of a plain decimal text from its
// first non-zero digit: "0.9999" has 4, "100.00" has 5.
func significantDigits(s string) int {
	n, started := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		if c != '0' {
			started = true
		}
		if started {
			n++
		}
	}
	return n
}

func places(d decimal.Decimal) int32 { return max(0, -d.Exponent()) }

func (w *writer) amount(c1, r1, c2, r2 int, a *budget.Amount) {
	if a == nil {
		w.box(c1, r1, c2, r2, stCenter, 0)
		return
	}
	d := a.In(w.unit).Decimal()
	p := places(d)
	text := d.StringFixed(p)
	if _, err := budget.ParseAmount(text, w.unit); err != nil {
		w.fail(fmt.Errorf("cell %s: %w: amount %s: %w", cellRef(c1, r1), ErrUnrepresentable, text, err))
		return
	}
	w.number(c1, r1, c2, r2, d, p, stNumber, text)
}

func (w *writer) decimal(c1, r1, c2, r2 int, d *decimal.Decimal) {
	if d == nil {
		w.box(c1, r1, c2, r2, stCenter, 0)
		return
	}
	p := places(*d)
	text := d.StringFixed(p)
	if _, err := budget.ParseNumber(text); err != nil {
		w.fail(fmt.Errorf("cell %s: %w: number %s: %w", cellRef(c1, r1), ErrUnrepresentable, text, err))
		return
	}
	w.number(c1, r1, c2, r2, *d, p, stNumber, text)
}

// rate writes a rate as printed: the fraction (0.9999 for 99.99%) in a
// percent format with the printed decimals ("0.00%"), so the cell shows
// exactly what the form printed and Import reads it back at that precision.
func (w *writer) rate(c1, r1, c2, r2 int, r *budget.Rate) {
	if r == nil {
		w.box(c1, r1, c2, r2, stCenter, 0)
		return
	}
	p, ok := r.Printed()
	if !ok {
		p = 2
	}
	text := r.Format(p)
	if _, err := budget.ParsePercent(text); err != nil {
		w.fail(fmt.Errorf("cell %s: %w: rate %s: %w", cellRef(c1, r1), ErrUnrepresentable, text, err))
		return
	}
	frac := r.Percent(p).Shift(-2)
	if w.err != nil {
		return
	}
	ref := cellRef(c1, r1)
	raw := frac.StringFixed(p + 2)
	if significantDigits(raw) > maxExactDigits {
		w.fail(w.f.SetCellStr(w.sheet, ref, text))
		w.box(c1, r1, c2, r2, stCenter, 0)
		return
	}
	w.fail(w.f.SetCellDefault(w.sheet, ref, raw))
	w.box(c1, r1, c2, r2, stPercent, p)
}

// formula writes a formula cell showing a computed rate. It carries no
// cached value: excelize can store a formula's cached result only as text,
// which a viewer would show unformatted, so the workbook instead asks the
// spreadsheet to calculate every formula when it opens (fullCalcOnLoad).
func (w *writer) formula(col, row int, formula string) {
	if w.err != nil {
		return
	}
	w.fail(w.f.SetCellFormula(w.sheet, cellRef(col, row), formula))
	w.box(col, row, col, row, stComputed, 2)
}

func (w *writer) year(c1, r1, c2, r2, y int) {
	if y != 0 {
		w.fail(w.f.SetCellDefault(w.sheet, cellRef(c1, r1), strconv.Itoa(y)))
	}
	w.box(c1, r1, c2, r2, stYear, 0)
}

// blank borders empty cells c1..c2 of a row, merged into one.
func (w *writer) blank(c1, r, c2 int) {
	if c1 <= c2 {
		w.box(c1, r, c2, r, stCenter, 0)
	}
}

// fit records the row height a wrapped text needs in the rectangle.
func (w *writer) fit(c1, r1, c2, r2 int, text string) {
	if text == "" || c1 < 1 || c2 > len(w.colW) {
		return
	}
	width := 0.0
	for c := c1; c <= c2; c++ {
		width += w.colW[c-1]
	}
	width = max(width-1.5, 4)
	lines := 0.0
	for _, para := range strings.Split(text, "\n") {
		units := 0.0
		for _, r := range para {
			if r < 0x80 {
				units += 1.1
			} else {
				units += 2.05
			}
		}
		lines += max(1, math.Ceil(units/width))
	}
	h := lines*14.5 + 4
	per := h / float64(r2-r1+1)
	for r := r1; r <= r2; r++ {
		if per > w.need[r] && per > 15 {
			w.need[r] = per
		}
	}
}

func (w *writer) title(text string) {
	w.str(1, 1, text)
	w.box(1, 1, w.width, 1, stTitle, 0)
	w.fail(w.f.SetRowHeight(w.sheet, 1, 30))
	w.str(1, 2, "单位："+w.unit.String())
	w.box(1, 2, w.width, 2, stNote, 0)
}

// indField is one cell of an indicator row.
type indField uint8

const (
	fLevel1 indField = iota
	fLevel2
	fName
	fTarget
	fActual
	fDirection
	fWeight
	fScore
	fDeviation
)

// optionalFields are the indicator cells the department form does not
// print; a column for one appears only when some row of its table uses it.
var optionalFields = []indField{fTarget, fDirection, fWeight, fScore, fDeviation, fLevel1, fLevel2}

func fieldLabel(f indField) string {
	switch f {
	case fLevel1:
		return lblLevel1
	case fLevel2:
		return lblLevel2
	case fName:
		return lblLevel3
	case fTarget:
		return lblTarget
	case fActual:
		return lblActualVal
	case fDirection:
		return lblDirection
	case fWeight:
		return lblWeight
	case fScore:
		return lblScore
	}
	return lblDeviation
}

func fieldWidth(f indField) float64 {
	switch f {
	case fDeviation:
		return 30
	case fWeight, fScore:
		return 9
	}
	return 14
}

func fieldUsed(f indField, ind *evaluation.Indicator) bool {
	switch f {
	case fLevel1:
		return ind.Level1 != ""
	case fLevel2:
		return ind.Level2 != ""
	case fName:
		return ind.Name != ""
	case fTarget:
		return ind.Target != ""
	case fActual:
		return ind.Actual != ""
	case fDirection:
		return ind.Direction != indicator.Unspecified
	case fWeight:
		return ind.Weight != nil
	case fScore:
		return ind.Score != nil
	}
	return ind.Deviation != ""
}

// usedFields lists the optional fields some indicator of the lists uses.
func usedFields(lists ...[]evaluation.Indicator) []indField {
	var out []indField
	for _, f := range optionalFields {
	search:
		for _, l := range lists {
			for i := range l {
				if fieldUsed(f, &l[i]) {
					out = append(out, f)
					break search
				}
			}
		}
	}
	return out
}

// indicatorCell writes one cell of an indicator row; ind may be nil (an
// empty row of a task without indicators).
func (w *writer) indicatorCell(col, row int, f indField, ind *evaluation.Indicator) {
	if ind == nil {
		w.box(col, row, col, row, stCenter, 0)
		return
	}
	switch f {
	case fLevel1:
		w.text(col, row, col, row, ind.Level1, stCenter)
	case fLevel2:
		w.text(col, row, col, row, ind.Level2, stCenter)
	case fName:
		w.text(col, row, col, row, ind.Name, stCenter)
	case fTarget:
		w.text(col, row, col, row, ind.Target, stCenter)
	case fActual:
		w.text(col, row, col, row, ind.Actual, stCenter)
	case fDirection:
		d := int(ind.Direction)
		if d < 0 || d >= len(directionLabels) {
			w.fail(fmt.Errorf("cell %s: %w: direction %d", cellRef(col, row), ErrUnrepresentable, d))
			return
		}
		w.text(col, row, col, row, directionLabels[d], stCenter)
	case fWeight:
		w.decimal(col, row, col, row, ind.Weight)
	case fScore:
		w.decimal(col, row, col, row, ind.Score)
	case fDeviation:
		w.text(col, row, col, row, ind.Deviation, stText)
	}
}

func (w *writer) sourceLabel(k budget.SourceKind) string {
	if !k.Valid() {
		w.fail(fmt.Errorf("%w: unknown source %q", ErrUnrepresentable, k))
	}
	return lblSourcePrefix + k.Label()
}

// department lays out 部门整体支出绩效自评表: the official six columns
// (A–F), with columns G… only for cells the official form does not print
// (see the package documentation).
func (w *writer) department(d *evaluation.DepartmentForm) {
	var taskInds, kpInds [][]evaluation.Indicator
	for _, t := range d.Tasks {
		taskInds = append(taskInds, t.Indicators)
	}
	self := false
	for _, k := range d.KeyProjects {
		kpInds = append(kpInds, k.Indicators)
		self = self || k.SelfSelected
	}
	taskOpt, kpOpt := usedFields(taskInds...), usedFields(kpInds...)
	kpExtra := len(kpOpt)
	if self {
		kpExtra++
	}
	w.width = 6 + max(len(taskOpt), kpExtra)
	for _, s := range d.Funds.Sources {
		if s.AdjustedBudget != nil && s.InitialBudget != nil {
			w.width = max(w.width, 7)
		}
	}
	w.colW = []float64{16, 34, 34, 26, 16, 14}
	for c := 7; c <= w.width; c++ {
		cw := 14.0
		if i := c - 7; i < len(taskOpt) {
			cw = max(cw, fieldWidth(taskOpt[i]))
		}
		w.colW = append(w.colW, cw)
	}
	last := w.width

	w.title(evaluation.Department.Label())
	w.label(1, 3, 2, 3, lblDepartment)
	w.text(3, 3, 4, 3, d.Department, stCenter)
	w.label(5, 3, 5, 3, lblYear)
	w.year(6, 3, last, 3, d.Year)

	// 部门资金情况
	r := 4
	fu := &d.Funds
	adjRef, iniRef, actRef := cellRef(3, r), cellRef(5, r), cellRef(3, r+1)
	w.label(2, r, 2, r, lblAdjusted)
	w.amount(3, r, 3, r, fu.AdjustedBudget)
	w.label(4, r, 4, r, lblInitial)
	w.amount(5, r, 5, r, fu.InitialBudget)
	w.blank(6, r, last)
	r++
	w.label(2, r, 2, r, lblActual)
	w.amount(3, r, 3, r, fu.ActualExpenditure)
	w.label(4, r, 4, r, lblAdjustment)
	w.amount(5, r, 5, r, fu.Adjustment)
	w.blank(6, r, last)
	r++
	for _, s := range fu.Sources {
		w.label(2, r, 2, r, w.sourceLabel(s.Kind))
		w.amount(3, r, 3, r, s.ActualExpenditure)
		c := 4
		if s.AdjustedBudget != nil {
			w.label(c, r, c, r, lblSubAdjusted)
			w.amount(c+1, r, c+1, r, s.AdjustedBudget)
			c += 2
		}
		if s.InitialBudget != nil {
			w.label(c, r, c, r, lblSubInitial)
			w.amount(c+1, r, c+1, r, s.InitialBudget)
			c += 2
		}
		w.blank(c, r, last)
		r++
	}
	w.label(2, r, 2, r, lblCompletion)
	w.rate(3, r, 3, r, fu.Reported.CompletionRate)
	w.label(4, r, 4, r, lblAdjustmentRate)
	w.rate(5, r, 5, r, fu.Reported.AdjustmentRate)
	w.blank(6, r, last)
	r++
	// The formulas recompute the two rates from the amounts above; the
	// printed rates stay in the row above them, as filed.
	w.label(2, r, 2, r, lblComputedCompl)
	w.formula(3, r, fmt.Sprintf(`IF(OR(%[1]s="",%[2]s=""),"",IFERROR(%[2]s/%[1]s,""))`, adjRef, actRef))
	w.label(4, r, 4, r, lblComputedAdjRate)
	w.formula(5, r, fmt.Sprintf(`IF(OR(%[1]s="",%[2]s=""),"",IFERROR(ABS(%[1]s-%[2]s)/%[2]s,""))`, adjRef, iniRef))
	w.blank(6, r, last)
	w.label(1, 4, 1, r, lblFundsSection)
	r++

	// 年度目标
	r = w.goals(r, d.Goals, 3, last, lblGoals, lblDeptExpected, lblDeptAchieved)

	// 主要任务
	heads := []string{lblTasks, lblExpected, lblAchieved, lblKeyIndicator, lblIndicatorDone, lblTaskFunds}
	for i, h := range heads {
		w.label(i+1, r, i+1, r, h)
	}
	for i, f := range taskOpt {
		w.label(7+i, r, 7+i, r, fieldLabel(f))
	}
	w.blank(7+len(taskOpt), r, last)
	r++
	for ti := range d.Tasks {
		t := &d.Tasks[ti]
		n := max(1, len(t.Indicators))
		w.text(1, r, 1, r+n-1, t.Name, stCenter)
		w.text(2, r, 2, r+n-1, t.Expected, stText)
		w.text(3, r, 3, r+n-1, t.Achieved, stText)
		w.amount(6, r, 6, r+n-1, t.Funds)
		w.indicatorRows(r, n, last, t.Indicators, 7, taskOpt)
		r += n
	}

	// 重点项目绩效情况
	w.label(1, r, 1, r, lblKeyProjects)
	w.label(2, r, 3, r, lblKPSummary)
	w.label(4, r, 4, r, lblKeyIndicator)
	w.label(5, r, 5, r, lblIndicatorDone)
	w.label(6, r, 6, r, lblKPBudget)
	c := 7
	if self {
		w.label(c, r, c, r, lblKPSelf)
		c++
	}
	for i, f := range kpOpt {
		w.label(c+i, r, c+i, r, fieldLabel(f))
	}
	w.blank(c+len(kpOpt), r, last)
	r++
	for ki := range d.KeyProjects {
		k := &d.KeyProjects[ki]
		n := max(1, len(k.Indicators))
		w.text(1, r, 1, r+n-1, k.Name, stCenter)
		w.text(2, r, 3, r+n-1, k.Summary, stText)
		w.amount(6, r, 6, r+n-1, k.Budget)
		if self {
			yes := "否"
			if k.SelfSelected {
				yes = "是"
			}
			w.text(7, r, 7, r+n-1, yes, stCenter)
		}
		w.indicatorRows(r, n, last, k.Indicators, c, kpOpt)
		r += n
	}

	w.closing(r, last, d.Profile, [3][2]string{
		{lblOverall, d.Overall}, {lblProblems, d.Problems}, {lblImprovements, d.Improvements}})
}

// indicatorRows writes the n rows of a task's or a key project's
// indicators from row r (n is at least one: a block without indicators
// still has its row): name and actual in columns 4 and 5, the optional
// fields opt from column optCol, blank cells to the last column.
func (w *writer) indicatorRows(r, n, last int, inds []evaluation.Indicator, optCol int, opt []indField) {
	for i := range n {
		var ind *evaluation.Indicator
		if i < len(inds) {
			ind = &inds[i]
		}
		w.indicatorCell(4, r+i, fName, ind)
		w.indicatorCell(5, r+i, fActual, ind)
		for j, f := range opt {
			w.indicatorCell(optCol+j, r+i, f, ind)
		}
		w.blank(optCol+len(opt), r+i, last)
	}
}

// closing writes the last rows both forms share: three texts (the
// conclusion, the problems, the improvements) under their labels from row
// r, then the rule profile when the form names one.
func (w *writer) closing(r, last int, profile string, rows [3][2]string) {
	for _, row := range rows {
		w.label(1, r, 1, r, row[0])
		w.text(2, r, last, r, row[1], stText)
		r++
	}
	if profile != "" {
		w.label(1, r, 1, r, lblProfile)
		w.text(2, r, last, r, profile, stText)
	}
}

// project lays out 项目支出绩效自评表 in nine columns (A–I), the tenth
// (指标方向) only when some indicator states a direction.
func (w *writer) project(p *evaluation.ProjectForm) {
	w.width = 9
	for i := range p.Indicators {
		if p.Indicators[i].Direction != indicator.Unspecified {
			w.width = 10
		}
	}
	w.colW = []float64{14, 16, 16, 24, 16, 16, 9, 9, 30, 10}[:w.width]
	last := w.width

	w.title(evaluation.Project.Label())
	w.label(1, 3, 1, 3, lblProject)
	w.text(2, 3, last, 3, p.Project, stText)
	w.label(1, 4, 1, 4, lblSupervisor)
	w.text(2, 4, 3, 4, p.Department, stCenter)
	w.label(4, 4, 4, 4, lblImplementer)
	w.text(5, 4, 6, 4, p.ImplementingUnit, stCenter)
	w.label(7, 4, 7, 4, lblProjectYear)
	w.year(8, 4, last, 4, p.Year)

	// 项目资金: a table, amounts under their column headers.
	r := 5
	top := r
	w.blank(2, r, 2)
	for i, h := range []string{lblPInitial, lblPAdjusted, lblPActual, lblWeight, lblExecRate, lblScore, lblComputedExecRate} {
		w.label(3+i, r, 3+i, r, h)
	}
	w.blank(10, r, last)
	r++
	fu := &p.Funds
	w.label(2, r, 2, r, lblFundsTotal)
	w.amount(3, r, 3, r, fu.InitialBudget)
	w.amount(4, r, 4, r, fu.AdjustedBudget)
	w.amount(5, r, 5, r, fu.ActualExpenditure)
	w.decimal(6, r, 6, r, fu.Weight)
	w.rate(7, r, 7, r, fu.Reported.ExecutionRate)
	w.decimal(8, r, 8, r, fu.Reported.Score)
	a, b := cellRef(4, r), cellRef(5, r)
	w.formula(9, r, fmt.Sprintf(`IF(OR(%[1]s="",%[2]s=""),"",IFERROR(%[2]s/%[1]s,""))`, a, b))
	w.blank(10, r, last)
	r++
	for _, s := range fu.Sources {
		w.label(2, r, 2, r, w.sourceLabel(s.Kind))
		w.amount(3, r, 3, r, s.InitialBudget)
		w.amount(4, r, 4, r, s.AdjustedBudget)
		w.amount(5, r, 5, r, s.ActualExpenditure)
		w.blank(6, r, last)
		r++
	}
	if fu.Adjustment != nil {
		w.label(2, r, 2, r, lblAdjustment)
		w.amount(3, r, 3, r, fu.Adjustment)
		w.blank(4, r, last)
		r++
	}
	w.label(1, top, 1, r-1, lblProjectFunds+"（"+w.unit.String()+"）")

	// 年度总体目标
	r = w.goals(r, p.Goals, 5, last, lblOverallGoal, lblExpected, lblActualDone)

	// 绩效指标
	top = r
	fields := []indField{fLevel1, fLevel2, fName, fTarget, fActual, fWeight, fScore, fDeviation}
	if w.width == 10 {
		fields = append(fields, fDirection)
	}
	for i, f := range fields {
		h := fieldLabel(f)
		if f == fTarget {
			h = lblYearValue
		}
		w.label(2+i, r, 2+i, r, h)
	}
	r++
	first := r
	inds := p.Indicators
	for i := range inds {
		for j, f := range fields[2:] {
			w.indicatorCell(4+j, r, f, &inds[i])
		}
		r++
	}
	// 一级指标 and 二级指标 are merged over their runs of rows.
	for i := 0; i < len(inds); {
		j := i
		for j+1 < len(inds) && inds[j+1].Level1 == inds[i].Level1 {
			j++
		}
		w.text(2, first+i, 2, first+j, inds[i].Level1, stCenter)
		for k := i; k <= j; {
			m := k
			for m+1 <= j && inds[m+1].Level2 == inds[k].Level2 {
				m++
			}
			w.text(3, first+k, 3, first+m, inds[k].Level2, stCenter)
			k = m + 1
		}
		i = j + 1
	}
	if len(inds) == 0 {
		w.blank(2, r, last)
		r++
	}
	w.label(1, top, 1, r-1, lblIndicators)

	w.label(1, r, 6, r, lblTotal)
	w.blank(7, r, 7)
	w.decimal(8, r, 8, r, p.Reported.TotalScore)
	w.blank(9, r, last)
	r++
	w.label(1, r, 6, r, lblGrade)
	w.text(7, r, last, r, p.Reported.Grade, stCenter)
	r++
	w.closing(r, last, p.Profile, [3][2]string{
		{lblConclusion, p.Overall}, {lblProblems, p.Problems}, {lblPImprovements, p.Improvements}})
}

// goals writes a goals block from row r: the section label down column A,
// the expected goals one a row in columns B..split, what was achieved in
// split+1..last. It returns the next free row.
func (w *writer) goals(r int, g evaluation.Goals, split, last int, section, expected, achieved string) int {
	top := r
	w.label(2, r, split, r, expected)
	w.label(split+1, r, last, r, achieved)
	r++
	n := max(1, len(g.Expected))
	for i := range n {
		item := ""
		if i < len(g.Expected) {
			item = g.Expected[i]
		}
		w.text(2, r+i, split, r+i, item, stText)
	}
	w.text(split+1, r, last, r+n-1, g.Achieved, stText)
	r += n
	w.label(1, top, 1, r-1, section)
	return r
}
