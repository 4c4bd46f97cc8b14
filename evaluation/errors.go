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
	// ErrMoreErrors marks the notice that ends a list of faults cut short:
	// its More says how many were not listed. It is no fault of its own,
	// and has no position.
	ErrMoreErrors = errors.New("more errors not listed")
)

// sentinelText is what each sentinel means to a reader, in both
// languages: the message of an error that carries no Msg of its own.
var sentinelText = map[error]Text{
	ErrSyntax:     {"不是合法的 YAML 或 JSON", "malformed document: not YAML or JSON"},
	ErrEmpty:      {"文件中没有表", "the file holds no form"},
	ErrLimit:      {"超出输入限制（文件大小、嵌套层数、值的个数或文本长度）", "input limit exceeded (file size, nesting, number of values or length of a text)"},
	ErrKind:       {"表式（kind）缺失或无法识别", "unknown form kind"},
	ErrUnknownKey: {"没有这个键", "unknown key"},
	ErrType:       {"类型不对", "wrong type"},
	ErrValue:      {"值无法读取", "invalid value"},
	ErrDuplicate:  {"键重复", "duplicate key"},
	ErrMoreErrors: {"另有错误未列出", "more errors not listed"},
}

// DecodeError reports input that cannot be read as a form: which file,
// where in it (1-based line and column; column 0 when the parser gave
// none), which key path, and what is wrong. It wraps one of the sentinel
// errors above and, where there is one, the underlying error (such as a
// *budget.NumberError), so errors.Is and errors.As work through it.
//
// Msg says what is wrong in words for a reader, in Chinese and English,
// quoting at most a short prefix of the input; an error without one is
// described by its sentinel. Error gives the English text with the
// position; In gives it in either language.
type DecodeError struct {
	File   string
	Line   int
	Column int
	Path   string // key path of the value, as in findings: "funds.sources[0].actual_expenditure"
	Err    error
	Msg    Text
	// More is, on the notice that ends a list cut short (ErrMoreErrors),
	// how many faults were not listed; 0 otherwise.
	More int
}

// Error returns the position and the English message:
// "form.yaml:3:18: funds.adjusted_budget: "12x" is not an amount".
func (e *DecodeError) Error() string { return e.In(English) }

// In returns the position and the message in lang. The file name is as
// given: a caller showing it on a terminal makes its control characters
// visible (internal/safetext does for the perfeval command).
func (e *DecodeError) In(lang Lang) string {
	var b strings.Builder
	b.WriteString(e.Position())
	b.WriteByte(' ')
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Message(lang))
	return b.String()
}

// Position returns "file:line:column:" ("file:line:" without a column).
func (e *DecodeError) Position() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line == 0 && e.Column == 0 && e.File != "" {
		return b.String() // a notice about the whole file has no line
	}
	fmt.Fprintf(&b, "%d:", e.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, "%d:", e.Column)
	}
	return b.String()
}

// Message returns what is wrong, without the position, in lang.
func (e *DecodeError) Message(lang Lang) string {
	if e.Msg.Zh != "" || e.Msg.En != "" {
		return e.Msg.In(lang)
	}
	if lang != English {
		for s, t := range sentinelText {
			if errors.Is(e.Err, s) {
				return t.Zh
			}
		}
		return "无法读取"
	}
	if e.Err == nil {
		return "cannot be read"
	}
	return e.Err.Error()
}

func (e *DecodeError) Unwrap() error { return e.Err }

// DecodeErrors is every failure Decode found in one file, in file order,
// when there is more than one: each value that does not read, each key
// that is unknown, each check of the format that fails. errors.As finds
// the first *DecodeError in it; errors.Is any sentinel of any of them.
type DecodeErrors []*DecodeError

// Error returns each error's English text on a line of its own.
func (es DecodeErrors) Error() string { return es.In(English) }

// In returns each error's text in lang on a line of its own.
func (es DecodeErrors) In(lang Lang) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.In(lang)
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the errors, so errors.Is and errors.As see each.
func (es DecodeErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// DecodeErrorsOf returns the *DecodeError values an error holds: the one
// of a *DecodeError, every one of a DecodeErrors, none for any other
// error.
func DecodeErrorsOf(err error) []*DecodeError {
	var es DecodeErrors
	if errors.As(err, &es) {
		return es
	}
	var de *DecodeError
	if errors.As(err, &de) {
		return []*DecodeError{de}
	}
	return nil
}

func forEachDecodeError(err error, fn func(*DecodeError)) {
	for _, de := range DecodeErrorsOf(err) {
		fn(de)
	}
}

// joinDecodeErrors returns nil for none, the error for one, and a
// DecodeErrors for several.
func joinDecodeErrors(es []*DecodeError) error {
	switch len(es) {
	case 0:
		return nil
	case 1:
		return es[0]
	}
	return DecodeErrors(es)
}
