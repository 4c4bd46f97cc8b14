package markdown

import (
	"errors"
	"fmt"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/layout"
	"github.com/perfeval/perfeval/internal/safetext"
	"github.com/perfeval/perfeval/rubric"
)

// ImportResult reads a form published as Markdown tables — the usual
// result of converting the published PDF, or Render's output — and
// accounts for every non-empty cell of it (see package imports): placed
// under its key, kept with its label in the form's extra list, skipped as
// a blank template row, or unplaced. name is used in errors only. Cells are
// found by their labels, not by position (see the package documentation
// for what is tolerated); numbers are read from the document with the
// decimals written, amounts in the document's unit (单位：万元 unless it
// says otherwise).
//
// An error is returned only when the document cannot be read as a form at
// all: an *ImportError wrapping ErrNotAForm or ErrLimit. A cell that
// cannot be placed is not an error: it is listed in the result's
// Unplaced. ImportResult never panics and never modifies data.
func ImportResult(name string, data []byte) (*imports.Result, error) {
	return ImportResultWith(name, data, ImportOptions{})
}

// ImportOptions are what an import needs besides the document.
type ImportOptions struct {
	// Rubric maps a department evaluation's 评分表 rows to its items by
	// path; nil for the built-in rubric its 评分办法 names, if any.
	Rubric *rubric.Rubric
}

// ImportResultWith is ImportResult with the options: a department
// evaluation (部门整体支出绩效评价) read by the rubric given.
func ImportResultWith(name string, data []byte, opt ImportOptions) (*imports.Result, error) {
	in, err := parseDocument(name, data)
	if err != nil {
		return nil, err
	}
	in.Rubric = opt.Rubric
	res, err := layout.Read(in)
	if err != nil {
		var le *layout.Error
		if errors.As(err, &le) {
			return nil, &ImportError{File: name, Line: le.Pos.Line, Looked: le.Looked, Err: fmt.Errorf("%w: %s", le.Sentinel, le.Detail),
				Zh: le.Message(evaluation.Chinese)}
		}
		return nil, &ImportError{File: name, Err: fmt.Errorf("%w: %w", ErrMalformed, err)}
	}
	return res, nil
}

// Import reads a form as ImportResult does, and returns it only when every
// cell of the document was placed: otherwise an *ImportError wrapping
// ErrMalformed names the first cell that was not (use ImportResult for the
// whole account, and for the form read despite them). A document that is
// no form is an *ImportError wrapping ErrNotAForm or ErrLimit.
func Import(name string, data []byte) (evaluation.Form, error) {
	res, err := ImportResult(name, data)
	if err != nil {
		return nil, err
	}
	if len(res.Unplaced) > 0 {
		u := res.Unplaced[0]
		more := ""
		if n := len(res.Unplaced) - 1; n > 0 {
			more = fmt.Sprintf(" (and %d more)", n)
		}
		col := ""
		if u.Column > 0 {
			col = fmt.Sprintf("column %d ", u.Column)
		}
		return nil, &ImportError{File: name, Line: u.Line,
			Err: fmt.Errorf("%w: %s%s: %s%s", ErrMalformed, col, safetext.Quote(u.Text), u.Why.En, more)}
	}
	return res.Form, nil
}
