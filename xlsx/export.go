package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/layout"
	"github.com/perfeval/perfeval/internal/vocab"
	"github.com/perfeval/perfeval/rubric"
)

// maxExactDigits is how many significant digits a cell's number carries
// exactly: Excel holds numbers as binary doubles and shows 15 digits. An
// amount with more is written as text, so no digit is lost.
const maxExactDigits = 15

// Export writes the form to out as an .xlsx workbook of one sheet in the
// form's official layout (部门整体支出绩效自评表, 项目支出绩效自评表, …),
// the layout Render and the HTML page draw; see the package
// documentation. Export never modifies the form.
//
// An error wraps ErrUnrepresentable when a value cannot be stored in a
// cell without loss, and names the value's key path and cell, so that
// Import of what Export wrote always gives back the form.
func Export(out io.Writer, f evaluation.Form) error { return ExportWith(out, f, ExportOptions{}) }

// ExportOptions say what to draw besides the form.
type ExportOptions struct {
	// Rubric draws a department evaluation's 评分表: its items, standards
	// and weights, and the scores it gives where the form filed none; nil
	// for the built-in rubric the form names. Import reads the sheet back
	// with the same rubric.
	Rubric *rubric.Rubric
}

// ExportWith is Export with the options.
func ExportWith(out io.Writer, f evaluation.Form, opt ExportOptions) error {
	book, err := Workbook(f, opt)
	if err != nil {
		return err
	}
	defer book.Close()
	if _, err := book.WriteTo(out); err != nil {
		return fmt.Errorf("xlsx: Export: %w", err)
	}
	return nil
}

// Workbook lays the form out as Export does and returns the workbook
// itself, an excelize file, for a caller who styles or extends it before
// writing it. The caller owns the file and should Close it.
func Workbook(f evaluation.Form, opt ExportOptions) (book *excelize.File, err error) {
	if f == nil || reflect.ValueOf(f).IsNil() {
		return nil, errors.New("xlsx: Export: nil form")
	}
	doc := layout.OfWith(f, layout.Options{Rubric: opt.Rubric})
	if doc == nil {
		return nil, fmt.Errorf("xlsx: Export: unsupported form %T", f)
	}
	defer func() {
		// excelize is third-party code; a panic there must become an error.
		if r := recover(); r != nil {
			book, err = nil, fmt.Errorf("xlsx: Export: excelize failure: %v", r)
		}
	}()
	w := &writer{f: excelize.NewFile(), styles: map[styleKey]int{}, need: map[int]float64{}, refs: map[string]string{}, unit: doc.Unit}
	w.write(doc, f)
	if w.err != nil {
		_ = w.f.Close()
		return nil, fmt.Errorf("xlsx: Export: %w", w.err)
	}
	return w.f, nil
}

// writer lays a laid-out form on one sheet. Columns and rows are 1-based,
// as Excel numbers them. The first error is kept and later calls do
// nothing.
type writer struct {
	f      *excelize.File
	sheet  string
	width  int // columns the sheet's tables span
	unit   budget.Unit
	colW   []float64
	styles map[styleKey]int
	need   map[int]float64   // row → height in points its text needs
	refs   map[string]string // key path → the cell showing it
	err    error
}

func (w *writer) fail(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

// write draws the document: the title and the lines under it merged
// across the sheet, each table's rows in turn (a narrower table's last
// column widened to the sheet's width), the rule profile, the note, and
// the computed rates.
func (w *writer) write(doc *layout.Doc, f evaluation.Form) {
	w.sheet = doc.Kind.Label()
	w.fail(w.f.SetSheetName("Sheet1", w.sheet))
	w.fail(w.f.SetDocProps(&excelize.DocProperties{Title: w.sheet, Creator: "perfeval", Language: "zh-CN"}))
	w.width = 6
	for _, t := range doc.Tables() {
		w.width = max(w.width, t.Width)
	}
	w.colW = make([]float64, w.width)
	for _, t := range doc.Tables() {
		w.measure(t)
	}
	r := 1
	for _, blk := range doc.Blocks {
		switch blk.Kind {
		case layout.TitleBlock:
			w.str(1, r, blk.Line.Text, "")
			w.box(1, r, w.width, r, stTitle, 0)
			w.fail(w.f.SetRowHeight(w.sheet, r, 30))
			r++
		case layout.LineBlock:
			w.str(1, r, blk.Line.Text, blk.Line.Path())
			w.box(1, r, w.width, r, stNote, 0)
			r++
		case layout.TableBlock:
			r = w.table(r, blk.Table)
		case layout.NoteBlock:
			if doc.Profile != "" {
				r = w.profile(r, doc.Profile)
			}
			note := strings.Join(blk.Note, "\n")
			w.str(1, r, note, "")
			w.box(1, r, w.width, r, stNoteLeft, 0)
			w.fit(1, r, w.width, r, note)
			r++
		}
	}
	if doc.Profile != "" && !hasNote(doc) {
		r = w.profile(r, doc.Profile)
	}
	w.computed(r, f)
	w.finish()
}

func hasNote(doc *layout.Doc) bool {
	for _, b := range doc.Blocks {
		if b.Kind == layout.NoteBlock {
			return true
		}
	}
	return false
}

// profile writes the rule profile the form is filed under: 规则配置 | name.
func (w *writer) profile(r int, name string) int {
	w.label(1, r, 1, r, vocab.Text(vocab.Profile, vocab.Guangzhou))
	w.text(2, r, w.width, r, name, stValue, "profile")
	return r + 1
}

// table writes a table from row r and returns the next free row. A
// merged cell is merged; a run of equal level cells is merged; every
// position of the table is bordered.
func (w *writer) table(r int, t *layout.Table) int {
	cells, covered := layout.Spans(t)
	runs := t.MergeRuns()
	for i, row := range cells {
		for j, c := range row {
			if covered[i][j] {
				continue
			}
			col := j + 1
			if c == nil {
				w.box(col, r+i, col, r+i, stCenter, 0)
				continue
			}
			if c.Run && runs[c] == 0 {
				continue
			}
			c1 := col + c.ColSpan - 1
			if j+c.ColSpan == t.Width {
				c1 = w.width // the table's last column reaches the sheet's edge
			}
			r2 := r + i + c.RowSpan - 1
			if c.Run {
				r2 = r + i + max(1, runs[c]) - 1
			}
			w.cell(col, r+i, c1, r2, c)
		}
		// Positions right of a narrower table are bordered too.
		if t.Width < w.width && cells[i][t.Width-1] == nil && !covered[i][t.Width-1] {
			w.box(t.Width+1, r+i, w.width, r+i, stCenter, 0)
		}
	}
	return r + len(cells)
}

// cell writes one laid-out cell over the rectangle, as what it holds.
func (w *writer) cell(c1, r1, c2, r2 int, c *layout.Cell) {
	if w.err != nil {
		return
	}
	p := c.Path()
	if p != "" {
		for _, x := range c.Paths {
			if _, ok := w.refs[x]; !ok {
				w.refs[x] = cellRef(c1, r1)
			}
		}
	}
	if r1 == r2 && c2 > c1 && c.Type != layout.TextType && c.Type != layout.ListType && !c.IsLabel() {
		// A figure needs no width beyond its own cell: the rest of its
		// span is bordered, not merged, which keeps a sheet of thousands
		// of source rows quick to write (each merge is checked against
		// every other).
		for c := c1 + 1; c <= c2; c++ {
			w.box(c, r1, c, r1, stCenter, 0)
		}
		c2 = c1
	}
	switch {
	case c.IsLabel():
		w.label(c1, r1, c2, r2, c.Text)
	case c.Type == layout.AmountType:
		w.amount(c1, r1, c2, r2, c.Amount, p)
	case c.Type == layout.RateType:
		w.rate(c1, r1, c2, r2, c.Rate, p)
	case c.Type == layout.NumberType:
		w.decimal(c1, r1, c2, r2, c.Number, p)
	case c.Type == layout.YearType:
		w.year(c1, r1, c2, r2, c.Year)
	default:
		text := c.Text
		if c.Type == layout.ListType {
			text = layout.ListText(c.Items)
		}
		kind := stValueCenter
		if strings.Contains(text, "\n") || utf8.RuneCountInString(text) > 24 {
			kind = stValue
		}
		w.text(c1, r1, c2, r2, text, kind, p)
	}
}

// measure widens the columns for the texts that sit in one column.
func (w *writer) measure(t *layout.Table) {
	for _, row := range t.Rows {
		for _, c := range row {
			if c.ColSpan != 1 || c.Col >= len(w.colW) {
				continue
			}
			units := 0.0
			for _, line := range strings.Split(c.Text, "\n") {
				units = max(units, textUnits(line))
			}
			w.colW[c.Col] = max(w.colW[c.Col], min(units+2, 34))
		}
	}
	for i := range w.colW {
		w.colW[i] = max(w.colW[i], 9)
	}
}

func textUnits(s string) float64 {
	u := 0.0
	for _, r := range s {
		if r < 0x80 {
			u += 1.1
		} else {
			u += 2.05
		}
	}
	return u
}

// computed writes the rates computed from the amounts as formulas (预算完成率
// and 预算调整率, 执行率, 1-X月执行率), under the form and labelled
// "（计算值）", so a reviewer sees the printed rate and
// the computed one side by side and the sheet recalculates in Excel. The
// printed rates stay values in their own cells: a formula's cached result
// would be lost at the first recalculation, and the rules check what was
// printed. The formulas carry no cached value (excelize stores one only as
// text); the workbook asks the spreadsheet to calculate them on load.
func (w *writer) computed(r int, f evaluation.Form) {
	ratio := func(num, den string) string {
		return fmt.Sprintf(`IF(OR(%[1]s="",%[2]s=""),"",IFERROR(%[2]s/%[1]s,""))`, den, num)
	}
	type formula struct {
		label string
		text  string
	}
	var fs []formula
	adj, ini, act := w.refs["funds.adjusted_budget"], w.refs["funds.initial_budget"], w.refs["funds.actual_expenditure"]
	switch f := f.(type) {
	case *evaluation.DepartmentForm:
		if adj != "" && act != "" {
			fs = append(fs, formula{"预算完成率（计算值）", ratio(act, adj)})
			if ini != "" {
				fs = append(fs, formula{"预算调整率（计算值）", fmt.Sprintf(`IF(OR(%[1]s="",%[2]s=""),"",IFERROR(ABS(%[1]s-%[2]s)/%[2]s,""))`, adj, ini)})
			}
		}
	case *evaluation.ProjectForm:
		if adj != "" && act != "" {
			fs = append(fs, formula{"执行率（计算值）", ratio(act, adj)})
		}
	case *evaluation.MonitoringForm:
		// 1-X月执行率 = 1-X月执行数 / 调整后预算数, 年初预算数 where the form
		// states no adjusted budget.
		exe, den := w.refs["funds.executed"], w.refs["funds.annual_budget"]
		if adj != "" {
			den = fmt.Sprintf(`IF(%[1]s="",%[2]s,%[1]s)`, adj, den)
		}
		if exe != "" && den != "" {
			fs = append(fs, formula{vocab.MonthLabel(vocab.ExecutionRateToDate, int(f.AsOf)) + "（计算值）", ratio(exe, den)})
		}
	}
	if len(fs) == 0 {
		return
	}
	full := true
	w.fail(w.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}))
	for i, x := range fs {
		w.label(1, r+i, 2, r+i, x.label)
		w.fail(w.f.SetCellFormula(w.sheet, cellRef(3, r+i), x.text))
		w.box(3, r+i, 3, r+i, stComputed, 2)
	}
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
	c2, r2 = max(c1, c2), max(r1, r2)
	tl, br := cellRef(c1, r1), cellRef(c2, r2)
	if tl != br {
		w.fail(w.f.MergeCell(w.sheet, tl, br))
	}
	w.fail(w.f.SetCellStyle(w.sheet, tl, br, w.style(kind, decimals)))
}

func (w *writer) label(c1, r1, c2, r2 int, text string) {
	w.str(c1, r1, text, "")
	w.box(c1, r1, c2, r2, stLabel, 0)
	w.fit(c1, r1, c2, r2, text)
}

// text writes a text cell; an empty text leaves the cell blank.
func (w *writer) text(c1, r1, c2, r2 int, text string, kind styleKind, path string) {
	w.str(c1, r1, text, path)
	w.box(c1, r1, c2, r2, kind, 0)
	w.fit(c1, r1, c2, r2, text)
}

// str writes text into a cell. path names the value for an error.
func (w *writer) str(col, row int, text, path string) {
	if w.err != nil || text == "" {
		return
	}
	if err := layout.CheckText(text); err != nil {
		w.fail(w.unrepresentable(col, row, path, err))
		return
	}
	if n := utf16Len(text); n > excelize.TotalCellChars {
		w.fail(w.unrepresentable(col, row, path, fmt.Errorf("text of %d characters; a cell holds at most %d", n, excelize.TotalCellChars)))
		return
	}
	w.fail(w.f.SetCellStr(w.sheet, cellRef(col, row), escapeLiteral(text)))
}

// unrepresentable is the error of a value no cell can hold: it names the
// value's key path and its cell.
func (w *writer) unrepresentable(col, row int, path string, err error) error {
	where := "cell " + cellRef(col, row)
	if path != "" {
		where = path + " (" + where + ")"
	}
	return fmt.Errorf("%s: %w: %w", where, ErrUnrepresentable, err)
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
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

func (w *writer) amount(c1, r1, c2, r2 int, a *budget.Amount, path string) {
	if a == nil {
		w.box(c1, r1, c2, r2, stCenter, 0)
		return
	}
	d := a.In(w.unit).Decimal()
	p := places(d)
	text := d.StringFixed(p)
	if _, err := budget.ParseAmount(text, w.unit); err != nil {
		w.fail(w.unrepresentable(c1, r1, path, fmt.Errorf("amount %s: %w", text, err)))
		return
	}
	w.number(c1, r1, c2, r2, d, p, stNumber, text)
}

func (w *writer) decimal(c1, r1, c2, r2 int, d *decimal.Decimal, path string) {
	if d == nil {
		w.box(c1, r1, c2, r2, stCenter, 0)
		return
	}
	p := places(*d)
	text := d.StringFixed(p)
	if _, err := budget.ParseNumber(text); err != nil {
		w.fail(w.unrepresentable(c1, r1, path, fmt.Errorf("number %s: %w", text, err)))
		return
	}
	w.number(c1, r1, c2, r2, *d, p, stNumber, text)
}

// rate writes a rate as printed: the fraction (0.9999 for 99.99%) in a
// percent format with the printed decimals ("0.00%"), so the cell shows
// exactly what the form printed and Import reads it back at that precision.
func (w *writer) rate(c1, r1, c2, r2 int, r *budget.Rate, path string) {
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
		w.fail(w.unrepresentable(c1, r1, path, fmt.Errorf("rate %s: %w", text, err)))
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

func (w *writer) year(c1, r1, c2, r2, y int) {
	if y != 0 {
		w.fail(w.f.SetCellDefault(w.sheet, cellRef(c1, r1), strconv.Itoa(y)))
	}
	w.box(c1, r1, c2, r2, stYear, 0)
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
		lines += max(1, math.Ceil(textUnits(para)/width))
	}
	h := lines*14.5 + 4
	per := h / float64(r2-r1+1)
	for r := r1; r <= r2; r++ {
		if per > w.need[r] && per > 15 {
			w.need[r] = per
		}
	}
}
