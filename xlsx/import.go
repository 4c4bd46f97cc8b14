package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/perfeval/perfeval/evaluation"
)

// looked is what Import looks for to tell a form from other sheets.
const looked = "a title " + titleDepartment + " or " + titleProject +
	", or a cell labelled " + lblAdjusted + " or " + lblProject

// Import reads a form from an .xlsx workbook. name is the file name used
// in errors; data is not modified. It reads the first sheet, in tab order,
// that holds a form, and tells the form's kind from its title or labels.
//
// Cells are located by their labels, never by position: a value is the
// first non-empty cell right of its label (or, under a row of column
// headers, below it), and the rows of a table are those under its header
// row down to the next label. A merged cell's value is read from its
// top-left cell. So Import reads back what Export wrote, and a sheet laid
// out by someone else with the same labels. Numbers are read from the
// cells' stored text, never through float64; see the package
// documentation for the rules.
//
// Any failure is an *ImportError. Import never panics: a panic inside
// excelize is recovered and reported as ErrCorrupt.
func Import(name string, data []byte) (form evaluation.Form, err error) {
	defer func() {
		if r := recover(); r != nil {
			form, err = nil, &ImportError{File: name, Err: fmt.Errorf("%w: the workbook could not be read (recovered from a failure in the xlsx reader: %v)", ErrCorrupt, r)}
		}
	}()
	if err := precheck(name, data); err != nil {
		return nil, err
	}
	xf, err := excelize.OpenReader(bytes.NewReader(data), openOptions)
	if err != nil {
		return nil, openError(name, err)
	}
	defer xf.Close()
	sheets, err := worksheets(xf)
	if err != nil {
		return nil, &ImportError{File: name, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
	}
	if len(sheets) == 0 {
		return nil, &ImportError{File: name, Looked: "a worksheet", Err: fmt.Errorf("%w: the workbook has no worksheet", ErrNotAForm)}
	}
	for _, sp := range sheets {
		raw, err := readValues(xf, sp.name, true)
		if err != nil {
			return nil, &ImportError{File: name, Sheet: sp.name, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
		}
		kind := detect(raw)
		if kind == "" {
			continue
		}
		g, err := buildGrid(name, xf, sp, raw)
		if err != nil {
			sentinel := ErrCorrupt
			if errors.Is(err, ErrTooLarge) {
				sentinel = ErrTooLarge
			}
			if errors.Is(err, sentinel) {
				return nil, &ImportError{File: name, Sheet: sp.name, Err: err}
			}
			return nil, &ImportError{File: name, Sheet: sp.name, Err: fmt.Errorf("%w: %w", sentinel, err)}
		}
		// A typed nil must not become a non-nil Form.
		if kind == evaluation.Project {
			p, err := g.project()
			if err != nil {
				return nil, err
			}
			return p, nil
		}
		d, err := g.department()
		if err != nil {
			return nil, err
		}
		return d, nil
	}
	e := &ImportError{File: name, Looked: looked, Err: ErrNotAForm}
	if len(sheets) == 1 {
		e.Sheet = sheets[0].name
	} else {
		names := make([]string, len(sheets))
		for i, s := range sheets {
			names[i] = s.name
		}
		e.Looked += fmt.Sprintf(" in any of the %d sheets (%s)", len(sheets), strings.Join(names, ", "))
	}
	return nil, e
}
