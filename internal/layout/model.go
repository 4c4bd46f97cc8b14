package layout

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/vocab"
)

// Type is what a value cell holds, so that a writer can store it as what
// it is (an Excel number with its decimals, a percentage) and not only as
// text.
type Type uint8

const (
	TextType      Type = iota // free text
	ListType                  // a list of texts, one paragraph each (预期目标)
	AmountType                // an amount in the form's unit
	RateType                  // a rate as printed
	NumberType                // a weight or a score
	YearType                  // the year, printed 2021年
	DirectionType             // 指标方向
)

// Cell is one drawn cell of a table: a label of the form or a value of
// it. Positions are columns of the table, counting from 0.
type Cell struct {
	Col     int
	ColSpan int // at least 1
	RowSpan int // at least 1
	// Label is the label a label cell prints; None for a value cell.
	Label vocab.ID
	// Text is what the cell shows, paragraphs separated by "\n".
	Text string
	// Items are a list cell's items (预期目标, one goal each); Text joins
	// them with line breaks.
	Items []string
	Type  Type
	// Paths are the key paths the cell shows, its own first: a finding
	// at any of them is marked in this cell.
	Paths []string
	// The typed value of a value cell, for writers that store numbers as
	// numbers; nil (0) when absent or for text.
	Amount    *budget.Amount
	Rate      *budget.Rate
	Number    *decimal.Decimal
	Year      int
	Direction indicator.Direction
	// Run marks a cell of a run of equal cells in consecutive rows (一级指标
	// and 二级指标): a writer that can merge cells merges the run.
	Run bool
	// Literal marks a value cell that is data whatever its text says (a
	// source's name, which stands where the funds' labels do): a writer
	// marks it as data, as it marks a text NeedsLiteral reports.
	Literal bool
}

// IsLabel reports whether the cell prints a label of the form.
func (c *Cell) IsLabel() bool { return c.Label != vocab.None }

// Path is the cell's own key path; "" for a label that shows none.
func (c *Cell) Path() string {
	if len(c.Paths) == 0 {
		return ""
	}
	return c.Paths[0]
}

// ListText is how a list cell is written where a cell holds plain text
// only (a spreadsheet's): one item a line, or, when an item holds a line
// break itself, items separated by a blank line. ListItems reads it back.
func ListText(items []string) string {
	for _, it := range items {
		if strings.Contains(it, "\n") {
			return strings.Join(items, "\n\n")
		}
	}
	return strings.Join(items, "\n")
}

// ListItems reads a list cell written by ListText.
func ListItems(text string) []string {
	if strings.Contains(text, "\n\n") {
		return strings.Split(text, "\n\n")
	}
	return strings.Split(text, "\n")
}

// Paragraphs are the cell's text split at its line breaks; none for an
// empty cell.
func (c *Cell) Paragraphs() []string {
	if c.Text == "" {
		return nil
	}
	return strings.Split(c.Text, "\n")
}

// Table is a grid of Width columns.
type Table struct {
	Width int
	// Rows hold their cells in column order. A column a cell above spans
	// into, or that no cell covers, holds no cell: a writer draws it
	// empty.
	Rows [][]*Cell
	// BlankHeader: the table opens with a row of empty cells, as the
	// published Guangzhou form's second table does (a Markdown table
	// needs a header row, and this one has no labels to put in it).
	BlankHeader bool
}

// BlockKind tells lines from tables.
type BlockKind uint8

const (
	TitleBlock BlockKind = iota // the form's title
	LineBlock                   // a line under it: the year, the unit
	TableBlock
	NoteBlock // the form's own note, as printed under the tables
)

// Block is a part of the drawn form, in order.
type Block struct {
	Kind  BlockKind
	Line  *Cell  // TitleBlock and LineBlock
	Table *Table // TableBlock
	Note  []string
}

// Doc is a form laid out in its official layout: what every writer
// draws. It is built once per form by Of, and never modified after.
type Doc struct {
	Kind   evaluation.Kind
	Layout vocab.Layout
	Unit   budget.Unit
	Blocks []*Block
	// Profile is the rule profile the form is filed under, when the drawn
	// form does not state it itself (Guangzhou's note stands for
	// guangzhou-2021); "" for none. Each writer keeps it its own way.
	Profile string
	paths   map[string]*Cell
}

// CellFor returns the cell that shows a key path, else the cell of the
// nearest enclosing path the layout shows ("tasks[1].indicators" → the
// task's row); nil when none is drawn, as for "" (the whole form) and
// "profile".
func (d *Doc) CellFor(path string) *Cell {
	for p := path; p != ""; p = Parent(p) {
		if c, ok := d.paths[p]; ok {
			return c
		}
	}
	return nil
}

// Tables returns the document's tables in order.
func (d *Doc) Tables() []*Table {
	var out []*Table
	for _, b := range d.Blocks {
		if b.Kind == TableBlock {
			out = append(out, b.Table)
		}
	}
	return out
}

// builder lays a form out; it registers every cell's paths as it goes.
type builder struct {
	doc *Doc
	u   budget.Unit
	lay vocab.Layout
}

func newBuilder(k evaluation.Kind, l vocab.Layout, u budget.Unit) *builder {
	return &builder{doc: &Doc{Kind: k, Layout: l, Unit: u, paths: map[string]*Cell{}}, u: u, lay: l}
}

func (b *builder) register(c *Cell) *Cell {
	for _, p := range c.Paths {
		if _, taken := b.doc.paths[p]; !taken {
			b.doc.paths[p] = c
		}
	}
	if c.ColSpan < 1 {
		c.ColSpan = 1
	}
	if c.RowSpan < 1 {
		c.RowSpan = 1
	}
	return c
}

// label makes a label cell printing the layout's text for id.
func (b *builder) label(id vocab.ID, paths ...string) *Cell {
	return b.register(&Cell{Label: id, Text: vocab.Text(id, b.lay), Paths: paths})
}

// labelText makes a label cell printing a text of its own.
func (b *builder) labelText(id vocab.ID, text string, paths ...string) *Cell {
	return b.register(&Cell{Label: id, Text: text, Paths: paths})
}

func (b *builder) text(s string, paths ...string) *Cell {
	return b.register(&Cell{Text: s, Paths: paths})
}

func (b *builder) list(items []string, paths ...string) *Cell {
	return b.register(&Cell{Type: ListType, Items: items, Text: strings.Join(items, "\n"), Paths: paths})
}

func (b *builder) amount(a *budget.Amount, path string) *Cell {
	c := &Cell{Type: AmountType, Paths: []string{path}}
	if a != nil {
		v := a.In(b.u)
		c.Amount, c.Text = &v, AmountText(a, b.u)
	}
	return b.register(c)
}

func (b *builder) rate(r *budget.Rate, path string) *Cell {
	return b.register(&Cell{Type: RateType, Rate: r, Text: RateText(r), Paths: []string{path}})
}

func (b *builder) number(d *decimal.Decimal, path string) *Cell {
	return b.register(&Cell{Type: NumberType, Number: d, Text: NumberText(d), Paths: []string{path}})
}

func (b *builder) year(y int, path string) *Cell {
	return b.register(&Cell{Type: YearType, Year: y, Text: YearText(y), Paths: []string{path}})
}

func (b *builder) line(kind BlockKind, c *Cell) {
	b.doc.Blocks = append(b.doc.Blocks, &Block{Kind: kind, Line: c})
}

func (b *builder) table(width int) *tableBuilder {
	t := &Table{Width: width}
	b.doc.Blocks = append(b.doc.Blocks, &Block{Kind: TableBlock, Table: t})
	return &tableBuilder{t: t}
}

// tableBuilder appends rows; cells are given with their columns.
type tableBuilder struct{ t *Table }

// at places c at column col with the given spans and returns it.
func at(col int, c *Cell, spans ...int) *Cell {
	c.Col = col
	if len(spans) > 0 {
		c.ColSpan = max(1, spans[0])
	}
	if len(spans) > 1 {
		c.RowSpan = max(1, spans[1])
	}
	return c
}

// row appends a row of the cells that are not nil, in the order given
// (which must be their column order).
func (tb *tableBuilder) row(cells ...*Cell) {
	var r []*Cell
	for _, c := range cells {
		if c != nil {
			r = append(r, c)
		}
	}
	tb.t.Rows = append(tb.t.Rows, r)
}

// Of lays a form out in its official layout: the department form as
// Guangzhou publishes it or in the national layout (see Department), the
// project form as the Ministry of Finance's template, the declaration and
// the monitoring form as the finance bureaus publish them (declaration.go,
// monitoring.go). It returns nil for a nil form or a kind it does not know.
func Of(f evaluation.Form) *Doc {
	switch f := f.(type) {
	case *evaluation.DepartmentForm:
		if f != nil {
			return department(f)
		}
	case *evaluation.ProjectForm:
		if f != nil {
			return project(f)
		}
	case *evaluation.DeclarationForm:
		if f != nil {
			return declaration(f)
		}
	case *evaluation.MonitoringForm:
		if f != nil {
			return monitoring(f)
		}
	case *evaluation.DepartmentEvaluationForm:
		return OfWith(f, Options{})
	}
	return nil
}

// MergeRuns returns the rows each Run cell spans once runs of equal Run
// cells in consecutive rows of the same column are merged: 0 for a cell a
// run above covers. A writer that can merge cells vertically (HTML, Excel)
// calls it and skips the covered cells; Markdown prints every row.
func (t *Table) MergeRuns() map[*Cell]int {
	type run struct {
		head *Cell
		text string
	}
	spans := map[*Cell]int{}
	runs := map[int]*run{}
	for _, r := range t.Rows {
		seen := map[int]bool{}
		// A run continues while its text is the same and the runs left of
		// it continue too: 二级指标 restarts under a new 一级指标.
		broke := false
		for _, c := range r {
			if !c.Run {
				continue
			}
			seen[c.Col] = true
			if o := runs[c.Col]; !broke && o != nil && o.text == c.Text && c.Text != "" {
				spans[o.head]++
				spans[c] = 0
				continue
			}
			broke = true
			runs[c.Col] = &run{c, c.Text}
			spans[c] = 1
		}
		for col := range runs {
			if !seen[col] {
				delete(runs, col)
			}
		}
	}
	return spans
}

// Grid returns the table as a full grid of Width columns: each cell at
// the row and column it starts in, nil elsewhere (a position a span
// covers, or one no cell fills).
func Grid(t *Table) [][]*Cell {
	g, _ := Spans(t)
	return g
}

// Spans returns Grid and, beside it, which positions a span covers (the
// cell starting there excluded), for writers that draw merged cells once.
// Cells reaching past the table's width or rows are clipped.
func Spans(t *Table) (cells [][]*Cell, covered [][]bool) {
	cells = make([][]*Cell, len(t.Rows))
	covered = make([][]bool, len(t.Rows))
	for i := range t.Rows {
		cells[i] = make([]*Cell, t.Width)
		covered[i] = make([]bool, t.Width)
	}
	for i, r := range t.Rows {
		for _, c := range r {
			if c.Col < 0 || c.Col >= t.Width || covered[i][c.Col] {
				continue
			}
			cells[i][c.Col] = c
			for dr := range max(1, c.RowSpan) {
				for dc := range max(1, c.ColSpan) {
					if (dr > 0 || dc > 0) && i+dr < len(t.Rows) && c.Col+dc < t.Width {
						covered[i+dr][c.Col+dc] = true
					}
				}
			}
		}
	}
	return cells, covered
}
