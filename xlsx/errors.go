package xlsx

import (
	"errors"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
)

// Sentinel errors. Every error Import returns is an *ImportError wrapping
// exactly one of them, so a caller can sort failures with errors.Is.
var (
	// ErrNotAForm: the workbook is a readable .xlsx, but no sheet carries
	// the labels of a form.
	ErrNotAForm = errors.New("not a form")
	// ErrCorrupt: the data is not a readable .xlsx workbook: empty, not a
	// zip archive, a zip archive of something else (a .docx), a legacy
	// .xls, or a workbook whose parts cannot be parsed.
	ErrCorrupt = errors.New("not a readable .xlsx workbook")
	// ErrEncrypted: the workbook is password-protected (an encrypted OLE
	// package). Import takes no password; save the file without one.
	ErrEncrypted = errors.New("encrypted workbook")
	// ErrTooLarge: the data or one of its parts exceeds the limits of this
	// package (MaxFileSize, MaxUnzippedSize, MaxPartSize, MaxMerges), or a
	// table of the form runs past MaxRows.
	ErrTooLarge = errors.New("workbook too large")
	// ErrValue: a cell holds what its label cannot take: "abc" as an
	// amount, 20211 as a year, a negative score.
	ErrValue = errors.New("invalid value")
	// ErrUnrepresentable is returned by Export (not Import) for a form
	// value that a cell cannot hold without loss: text longer than an
	// Excel cell takes or holding characters XML cannot carry, or an
	// amount beyond the file format's limits.
	ErrUnrepresentable = errors.New("value cannot be stored in a cell without loss")
)

// ImportError reports a workbook that Import cannot read as a form: which
// file, which sheet and cell (either may be empty when the failure is not
// tied to one), what was looked for and not found, and what is wrong.
// Err wraps one of the sentinel errors and, where there is one, the
// underlying error (a *budget.NumberError, an excelize error), so
// errors.Is and errors.As work through it.
type ImportError struct {
	File   string // the name given to Import
	Sheet  string // the sheet's name; "" when no sheet is at fault
	Cell   string // "B3"; "" when no single cell is at fault
	Looked string // what was looked for and not found: "a cell labelled 部门调整预算收入 or 项目名称"
	Err    error
	// Zh says what is wrong (without the place) in Chinese; "" where only
	// the English is known.
	Zh string
}

// In returns the error in lang: the file, sheet and cell, then what is
// wrong in Chinese where the error has the words, else as Error does.
func (e *ImportError) In(lang evaluation.Lang) string {
	if lang == evaluation.English || e.Zh == "" {
		return e.Error()
	}
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString("：工作表 ")
		b.WriteString(e.Sheet)
	}
	if e.Cell != "" {
		b.WriteString(" 单元格 ")
		b.WriteString(e.Cell)
	}
	b.WriteString("：")
	b.WriteString(e.Zh)
	return b.String()
}

// Error reads "file: sheet Sheet1 cell B3: invalid value: …", leaving out
// the parts that are empty.
func (e *ImportError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString(": sheet ")
		b.WriteString(e.Sheet)
		if e.Cell != "" {
			b.WriteString(" cell ")
			b.WriteString(e.Cell)
		}
	} else if e.Cell != "" {
		b.WriteString(": cell ")
		b.WriteString(e.Cell)
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("unreadable workbook")
	}
	if e.Looked != "" {
		b.WriteString(": looked for ")
		b.WriteString(e.Looked)
	}
	return b.String()
}

// Unwrap returns the wrapped error.
func (e *ImportError) Unwrap() error { return e.Err }
