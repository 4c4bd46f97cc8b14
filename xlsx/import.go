package xlsx

import (
	"errors"
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/layout"
	"github.com/perfeval/perfeval/internal/safetext"
	"github.com/perfeval/perfeval/internal/vocab"
	"github.com/perfeval/perfeval/rubric"
)

// looked is what Import looks for to tell a form from other sheets.
const looked = "a title " + vocab.TitleDepartment + ", " + vocab.TitleProject + ", " + vocab.TitleDeclaration + " or " +
	vocab.TitleMonitoring + ", or a cell labelled 部门调整预算收入 or 项目名称"

// ImportResult reads a form from an .xlsx workbook and accounts for every
// non-empty cell of the sheet it reads (see package imports). name is the
// file name used in errors; data is not modified. It reads the first
// sheet, in tab order, that holds a form, and tells the form's kind from
// its title or labels.
//
// Cells are located by their labels, never by position: a value is the
// cell right of its label (or, under a row of labels, below it), and the
// rows of a table are those under its header row. A merged cell's value is
// read from its top-left cell. So Import reads back what Export wrote, and
// a sheet laid out by someone else with the same labels. Numbers are read
// from the cells' stored text, never through float64; see the package
// documentation for the rules.
//
// An error is an *ImportError: the workbook cannot be read (ErrCorrupt,
// ErrEncrypted, ErrTooLarge), holds no form (ErrNotAForm), or a cell holds
// what no form can (ErrValue: a control character; ErrTooLarge: a text
// longer than a form's cell). A cell that cannot be placed is not an
// error: it is listed in the result's Unplaced. ImportResult never panics.
func ImportResult(name string, data []byte) (*imports.Result, error) {
	return ImportResultWith(name, data, ImportOptions{})
}

// ImportOptions are what an import needs besides the workbook.
type ImportOptions struct {
	// Rubric maps a department evaluation's 评分表 rows to its items by
	// path; nil for the built-in rubric its 评分办法 names, if any.
	Rubric *rubric.Rubric
}

// ImportResultWith is ImportResult with the options: a department
// evaluation (部门整体支出绩效评价) read by the rubric given.
func ImportResultWith(name string, data []byte, opt ImportOptions) (res *imports.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, &ImportError{File: name, Err: fmt.Errorf("%w: the workbook could not be read (recovered from a failure in the reader: %v)", ErrCorrupt, r)}
		}
	}()
	if err := precheck(name, data); err != nil {
		return nil, err
	}
	p, err := openPackage(data)
	if err != nil {
		return nil, &ImportError{File: name, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
	}
	bk, err := readBook(p)
	if err != nil {
		return nil, corrupt(name, "", err)
	}
	if len(bk.sheets) == 0 {
		return nil, &ImportError{File: name, Looked: "a worksheet", Err: fmt.Errorf("%w: the workbook has no worksheet", ErrNotAForm),
			Zh: "不是表单：工作簿中没有工作表"}
	}
	var sst []string
	if b, ok, err := p.part(bk.shared); err != nil {
		return nil, corrupt(name, "", err)
	} else if ok {
		if sst, err = readShared(b); err != nil {
			return nil, corrupt(name, "", fmt.Errorf("shared strings: %w", err))
		}
	}
	var styles []numFmt
	if b, ok, err := p.part(bk.styles); err != nil {
		return nil, corrupt(name, "", err)
	} else if ok {
		if styles, err = readStyles(b); err != nil {
			return nil, corrupt(name, "", fmt.Errorf("styles: %w", err))
		}
	}
	var notForm error
	for _, sp := range bk.sheets {
		data, ok, err := p.part(sp.path)
		if err != nil {
			return nil, corrupt(name, sp.name, err)
		}
		if !ok {
			return nil, corrupt(name, sp.name, fmt.Errorf("no part %s for the sheet", sp.path))
		}
		cells, merges, err := scanSheet(data, sst)
		if err != nil {
			return nil, corrupt(name, sp.name, err)
		}
		in, err := sheetInput(sp.name, cells, merges, styles, bk)
		if err != nil {
			var ie *ImportError
			if errors.As(err, &ie) {
				ie.File = name
				return nil, ie
			}
			return nil, corrupt(name, sp.name, err)
		}
		if !holdsForm(in) {
			continue
		}
		in.Rubric = opt.Rubric
		res, err := layout.Read(in)
		if err == nil {
			return res, nil
		}
		var le *layout.Error
		if !errors.As(err, &le) {
			return nil, corrupt(name, sp.name, err)
		}
		e := &ImportError{File: name, Sheet: sp.name, Cell: le.Pos.Ref, Looked: le.Looked, Zh: le.Message(evaluation.Chinese)}
		if errors.Is(err, layout.ErrLimit) {
			e.Err = fmt.Errorf("%w: %s", ErrTooLarge, le.Detail)
			return nil, e
		}
		e.Err = fmt.Errorf("%w: %s", ErrNotAForm, le.Detail)
		if notForm == nil {
			notForm = e
		}
	}
	if notForm != nil && len(bk.sheets) == 1 {
		return nil, notForm
	}
	e := &ImportError{File: name, Looked: looked, Err: ErrNotAForm}
	if len(bk.sheets) == 1 {
		e.Sheet = bk.sheets[0].name
	} else {
		names := make([]string, len(bk.sheets))
		for i, s := range bk.sheets {
			names[i] = s.name
		}
		e.Looked += fmt.Sprintf(" in any of the %d sheets (%s)", len(bk.sheets), strings.Join(names, ", "))
	}
	return nil, e
}

// holdsForm reports whether a sheet carries a title or a label of a form.
func holdsForm(in *layout.Input) bool {
	for _, r := range in.Rows {
		for _, c := range r.Cells {
			if c.Kind != layout.TextCell {
				continue
			}
			if k, ok := vocab.Title(c.Text); ok && k&(vocab.Either|vocab.Cycle|vocab.Evaluation) != 0 {
				return true
			}
			switch vocab.Lookup(c.Text).Kinds {
			case vocab.Department, vocab.Project, vocab.Declaration, vocab.Monitoring:
				return true
			}
		}
	}
	return false
}

func corrupt(name, sheet string, err error) *ImportError {
	if errors.Is(err, ErrTooLarge) {
		return &ImportError{File: name, Sheet: sheet, Err: err}
	}
	return &ImportError{File: name, Sheet: sheet, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
}

// Import reads a form as ImportResult does, and returns it only when every
// cell of the sheet was placed: otherwise an *ImportError wrapping
// ErrValue names the first cell that was not (use ImportResult for the
// whole account, and for the form read despite them).
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
		return nil, &ImportError{File: name, Sheet: u.Sheet, Cell: u.Ref,
			Err: fmt.Errorf("%w: %s: %s%s", ErrValue, safetext.Quote(u.Text), u.Why.En, more)}
	}
	return res.Form, nil
}
