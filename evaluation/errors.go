package evaluation

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors of decoding. A *DecodeError wraps exactly one of them.
var (
	ErrSyntax     = errors.New("malformed document")   // not YAML or JSON
	ErrEmpty      = errors.New("empty document")       // nothing in the file
	ErrLimit      = errors.New("input limit exceeded") // too large, too deep, too many values
	ErrKind       = errors.New("unknown form kind")    // kind: missing or not a known form
	ErrUnknownKey = errors.New("unknown key")          // a key the format does not have (a typo)
	ErrType       = errors.New("wrong type")           // a list where a value belongs, …
	ErrValue      = errors.New("invalid value")        // a number, rate, unit, year … that cannot be read
	ErrDuplicate  = errors.New("duplicate key")        // the same key twice in one mapping
)

// DecodeError reports input that cannot be read as a form: which file,
// where in it (1-based line and column; column 0 when the parser gave
// none), which key path, and what is wrong. It wraps one of the sentinel
// errors above and, where there is one, the underlying error (such as a
// *budget.NumberError), so errors.Is and errors.As work through it.
type DecodeError struct {
	File   string
	Line   int
	Column int
	Path   string // key path of the value, as in findings: "funds.sources[0].actual_expenditure"
	Err    error
}

func (e *DecodeError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	fmt.Fprintf(&b, "%d:", e.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, "%d:", e.Column)
	}
	b.WriteByte(' ')
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *DecodeError) Unwrap() error { return e.Err }
