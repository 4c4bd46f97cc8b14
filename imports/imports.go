// Package imports is the account an import gives of a published form:
// where every non-empty cell went. The markdown and xlsx packages return a
// *Result from ImportResult; a service shows it to the person who uploaded
// the form, so that nothing is lost without their knowing.
//
// Every non-empty cell of the document is in exactly one list: a label
// (Labels), a value placed under its key path (Placed), a labelled cell
// the file format has no key for, kept in the form's extra list (Extra),
// a row of a blank template left out (Skipped), or a cell whose meaning
// cannot be told from its labels (Unplaced). Readings lists, besides,
// every value that was not read literally (150万 read as 150 万元, a rate
// printed without %, a year taken from the title), and Missing what the
// form needs and the document does not give (its name, year or funds).
//
// A Result is a plain value: JSON-marshal it to show it elsewhere.
package imports

import (
	"fmt"

	"github.com/perfeval/perfeval/evaluation"
)

// Text is a message in both languages the command speaks.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// In returns the message in a language: English for evaluation.English,
// Chinese otherwise.
func (t Text) In(lang evaluation.Lang) string {
	if lang == evaluation.English && t.En != "" {
		return t.En
	}
	return t.Zh
}

// Position is where a cell is: a line (and, in a table, a column) of a
// Markdown document, or a sheet and cell of a workbook.
type Position struct {
	Sheet string `json:"sheet,omitempty"`
	// Ref is the cell's reference in its sheet: "B3".
	Ref string `json:"cell,omitempty"`
	// Line is the 1-based line of a Markdown document.
	Line int `json:"line,omitempty"`
	// Column is the 1-based column of a Markdown table row; 0 for a line
	// outside the tables.
	Column int `json:"column,omitempty"`
}

// String reads "sheet 自评表 cell B3", "line 12 column 3" or "line 4".
func (p Position) String() string {
	switch {
	case p.Ref != "" && p.Sheet != "":
		return fmt.Sprintf("sheet %s cell %s", p.Sheet, p.Ref)
	case p.Ref != "":
		return "cell " + p.Ref
	case p.Column > 0:
		return fmt.Sprintf("line %d column %d", p.Line, p.Column)
	case p.Line > 0:
		return fmt.Sprintf("line %d", p.Line)
	}
	return "the document"
}

// Cell is one non-empty cell (or line) of the document: where it is and
// what it says, paragraphs joined with "\n".
type Cell struct {
	Position
	Text string `json:"text"`
}

// Placed is a value cell and the key path it was placed under
// ("funds.adjusted_budget", "tasks[0].indicators[2].actual"). A text
// spread over several cells (a paragraph continued on the next page) has
// one Placed per cell, all with the same path.
type Placed struct {
	Cell
	Path string `json:"path"`
}

// Extra is a labelled cell the file format has no key for, kept under the
// form's extra list with its label.
type Extra struct {
	Cell
	Label string `json:"label"`
	// Path is where it is kept: "extra[2]".
	Path string `json:"path"`
}

// Unplaced is a cell whose meaning could not be told from its labels, or
// whose value cannot be read as what its label asks for (an amount that
// is not a number): it is not in the form.
type Unplaced struct {
	Cell
	// Why says what was wrong, in both languages.
	Why Text `json:"why"`
}

// Reading is a value read otherwise than literally.
type Reading struct {
	Cell
	// Path is the key path the value was placed under.
	Path string `json:"path"`
	// Note says how it was read: "150万 read as 150 万元".
	Note Text `json:"note"`
}

// Skipped is a row of a blank template (……, 指标1, level names alone)
// that was left out of the form; Cells are its non-empty cells.
type Skipped struct {
	Cells []Cell `json:"cells"`
	Why   Text   `json:"why"`
}

// Missing is something the form needs that the document does not give.
type Missing struct {
	// What is the key path: "department", "project", "year" or "funds".
	What string `json:"what"`
	Why  Text   `json:"why"`
}

// Result is a form read from a published document, and the account of
// every cell of it.
type Result struct {
	Form     evaluation.Form `json:"-"`
	Labels   []Cell          `json:"labels"`
	Placed   []Placed        `json:"placed"`
	Extra    []Extra         `json:"extra"`
	Unplaced []Unplaced      `json:"unplaced"`
	Readings []Reading       `json:"readings"`
	Skipped  []Skipped       `json:"skipped"`
	Missing  []Missing       `json:"missing"`
}

// Complete reports whether every cell was placed (as a value, a label or
// an extra, or skipped as a template row) and the form has its name, year
// and funds: what `perfeval import` exits 0 for.
func (r *Result) Complete() bool { return len(r.Unplaced) == 0 && len(r.Missing) == 0 }

// In writes the position in a language: "第 12 行第 3 列" under zh.
func (p Position) In(lang evaluation.Lang) string {
	if lang == evaluation.English {
		return p.String()
	}
	switch {
	case p.Ref != "" && p.Sheet != "":
		return fmt.Sprintf("工作表 %s 单元格 %s", p.Sheet, p.Ref)
	case p.Ref != "":
		return "单元格 " + p.Ref
	case p.Column > 0:
		return fmt.Sprintf("第 %d 行第 %d 列", p.Line, p.Column)
	case p.Line > 0:
		return fmt.Sprintf("第 %d 行", p.Line)
	}
	return "全文"
}
