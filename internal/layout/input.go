package layout

import (
	"errors"
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/vocab"
	"github.com/perfeval/perfeval/rubric"
)

// Input is a published form cut into what Read reads, whatever it was
// published as: the lines outside its tables (a Markdown document's title,
// unit, notes) and its table rows, each row holding only its non-empty
// cells. A merged cell is its top-left cell; the cells it covers are
// empty, as a PDF converted to Markdown prints them.
type Input struct {
	Lines []Line
	Rows  []Row
	// Merged is true when the input records its merged cells (a
	// spreadsheet): an empty cell is then empty, and only a cell a merge
	// from above covers (Row.Covered) takes the value above it. Without
	// it (Markdown), an empty 一级指标 cell is a merged one.
	Merged bool
	// Rubric maps a department evaluation's 评分表 rows to its items (the
	// command's -rubric); nil for the built-in rubric the document's
	// 评分办法 names, if any.
	Rubric *rubric.Rubric
}

// Line is a line of text outside the tables.
type Line struct {
	Pos  imports.Position
	Text string
	// AfterTable is true when a table came before this line.
	AfterTable bool

	id int
}

// Row is a table row.
type Row struct {
	// Table counts the tables of a document from 0 (a sheet is one).
	Table int
	// First is true for the first row of its table: after a page break it
	// may continue the row before the break.
	First bool
	// Cells are the row's non-empty cells in column order.
	Cells []*In
	// Covered are the columns a cell merged down from a row above covers
	// (with Input.Merged).
	Covered []int
}

// covered reports whether a merge from above covers column col.
func (r *Row) covered(col int) bool {
	for _, c := range r.Covered {
		if c == col {
			return true
		}
	}
	return false
}

// CellKind is what a cell stores.
type CellKind uint8

const (
	TextCell   CellKind = iota
	NumberCell          // a spreadsheet's number
	BoolCell            // a spreadsheet's TRUE or FALSE
	ErrorCell           // a spreadsheet's #DIV/0!
)

// In is one non-empty cell of the input.
type In struct {
	// Col is the cell's column, counting from 0.
	Col int
	Pos imports.Position
	// Text is the cell's text, paragraphs joined with "\n"; for a
	// number, the number as the sheet shows it.
	Text string
	// Paras are the paragraphs of a Markdown cell (<p>, <br>); nil to
	// split Text at its line breaks.
	Paras []string
	Kind  CellKind
	// Num is a spreadsheet's number: its exact value and format.
	Num *Number
	// VMerge is true for the top cell of a vertical merge: a task's name
	// merged down over its indicator rows.
	VMerge bool
	// Literal is true for a cell its writer marked as data, whatever it
	// says (see NeedsLiteral): never a label, a note or a placeholder.
	Literal bool
	// Indent is how far the cell's text was indented (Markdown's leading
	// &nbsp;): in a table of names alone it says what each name is (an
	// indicator tree, see tree.go).
	Indent int

	id int
	m  vocab.Match
}

// Number is a number a spreadsheet stores, read exactly from its text.
type Number struct {
	// Value is the number, exact. A stored binary artefact
	// (2394.8300000000001) is already rounded to the 15 digits a double
	// carries.
	Value decimal.Decimal
	// Stored is the text the sheet stores.
	Stored string
	// MinPlaces and MaxPlaces are the decimals its number format shows
	// always and at most; -1 for General.
	MinPlaces, MaxPlaces int
	// Percent: the format shows the number as a percentage.
	Percent bool
	// Date: the format shows the number as a date; Text shows it so.
	Date bool
}

// paragraphs returns the cell's paragraphs.
func (c *In) paragraphs() []string {
	if c.Paras != nil {
		return c.Paras
	}
	if c.Text == "" {
		return nil
	}
	return splitLines(c.Text)
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// at returns the row's cell in column col, or nil.
func (r *Row) at(col int) *In {
	i := sort.Search(len(r.Cells), func(i int) bool { return r.Cells[i].Col >= col })
	if i < len(r.Cells) && r.Cells[i].Col == col {
		return r.Cells[i]
	}
	return nil
}

// Sentinels of Read's errors.
var (
	// ErrNotAForm: the input holds no form: no table, or no label of a
	// form.
	ErrNotAForm = errors.New("not a form")
	// ErrLimit: the form would exceed a limit of the file format (a
	// text too long, too many indicators), so no file could hold it.
	ErrLimit = errors.New("input limit exceeded")
)

// Error is a failure of Read: where, what was looked for, what is wrong.
type Error struct {
	Pos    imports.Position
	Looked string
	// Sentinel is ErrNotAForm or ErrLimit; Detail says what is wrong
	// without it, for an importer to wrap in its own sentinel.
	Sentinel error
	Detail   string
	// Zh says the whole of it, sentinel, detail and what was looked for,
	// in Chinese; "" where only Detail is known.
	Zh string
}

// Message says what is wrong, without the position, in lang: in Chinese
// where the error has Chinese words, else as Error does.
func (e *Error) Message(lang evaluation.Lang) string {
	if lang != evaluation.English && e.Zh != "" {
		return e.Zh
	}
	s := e.Sentinel.Error() + ": " + e.Detail
	if e.Looked != "" {
		s += " (looked for " + e.Looked + ")"
	}
	return s
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Message(evaluation.English) }

func (e *Error) Unwrap() error { return e.Sentinel }

func errorAt(pos imports.Position, sentinel error, format string, args ...any) *Error {
	return &Error{Pos: pos, Sentinel: sentinel, Detail: fmt.Sprintf(format, args...)}
}
