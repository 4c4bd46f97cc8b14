package markdown

import (
	"errors"
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/layout"
)

// Sentinel errors of Import. Every *ImportError wraps exactly one of them,
// so callers can sort failures with errors.Is whatever the details.
var (
	// ErrNotAForm: the document is no form: it is empty, binary, holds
	// no table, or its tables carry none of the forms' labels
	// (部门调整预算收入, 项目名称, …).
	ErrNotAForm = layout.ErrNotAForm
	// ErrMalformed: the document is a form, but a cell cannot be read:
	// an amount that is not a number, a year out of range, the same
	// figure given twice, a row with no place in the form.
	ErrMalformed = errors.New("malformed form")
	// ErrLimit: the document exceeds an input limit (MaxFileSize,
	// MaxRows, MaxCells, or a list or text the file format caps).
	ErrLimit = layout.ErrLimit
)

// ImportError reports a document Import cannot read as a form: which
// file, which line (1-based; 0 when the failure has no single line),
// what was looked for and not found, and why. Err wraps one of the
// sentinels ErrNotAForm, ErrMalformed or ErrLimit and, where there is one,
// the underlying error (such as a *budget.NumberError), so errors.Is and
// errors.As work through it.
type ImportError struct {
	File   string // the name given to Import
	Line   int    // 1-based line of the document; 0 if none
	Looked string // what was looked for and not found: "a table with 部门调整预算收入 or 项目名称"; "" if nothing
	Err    error
	// Zh says what is wrong (without the position) in Chinese; "" where
	// only the English is known.
	Zh string
}

// In returns the error in lang: its position, then what is wrong in
// Chinese where the error has the words, else as Error does.
func (e *ImportError) In(lang evaluation.Lang) string {
	if lang == evaluation.English || e.Zh == "" {
		return e.Error()
	}
	name := e.File
	if name == "" {
		name = "<input>"
	}
	if e.Line > 0 {
		name += fmt.Sprintf(":%d", e.Line)
	}
	return name + ": " + e.Zh
}

// Error reads "file:line: message (looked for …)".
func (e *ImportError) Error() string {
	var b strings.Builder
	name := e.File
	if name == "" {
		name = "<input>"
	}
	b.WriteString(name)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("import failed")
	}
	if e.Looked != "" {
		b.WriteString(" (looked for ")
		b.WriteString(e.Looked)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the wrapped error.
func (e *ImportError) Unwrap() error { return e.Err }
