package indicator

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error this package returns or records wraps one
// of them, so a caller (a rule, a report) can tell the kinds of failure
// apart with errors.Is whatever the detail.
var (
	// ErrNoTarget: the indicator has no target (年度指标值), so an actual
	// cannot be judged. Rule indicators.no-target reports it.
	ErrNoTarget = errors.New("no target")
	// ErrNoActual: the indicator has a target but no actual value
	// (实际完成值 / 指标完成情况).
	ErrNoActual = errors.New("no actual value")
	// ErrUnparsed: a value could not be interpreted, or (for a qualitative
	// row) the actual does not say whether its target is met. Rule
	// indicators.unparsed reports it.
	ErrUnparsed = errors.New("value not understood")
	// ErrUnitMismatch: target and actual are stated in units, or as kinds
	// of value, that cannot be compared (台 vs %, a date vs a percentage,
	// 优秀 vs 下降). This is a finding about the form (rule
	// indicators.unit-mismatch), never resolved by a guess.
	ErrUnitMismatch = errors.New("units cannot be compared")
	// ErrUnknownDirection: ParseDirection was given a name it does not know.
	ErrUnknownDirection = errors.New("unknown direction")
)

// ParseError records why Parse could not interpret a value. It is what
// Value.Err returns for an Unparsed value; it matches ErrUnparsed and,
// where a number was at fault, the budget package's error as well
// (budget.ErrSyntax, budget.ErrRange).
type ParseError struct {
	Value string // the text as written
	Err   error  // the cause
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("indicator: %q: %v: %v", e.Value, ErrUnparsed, e.Err)
}

// Unwrap returns ErrUnparsed and the cause, so errors.Is finds either.
func (e *ParseError) Unwrap() []error { return []error{ErrUnparsed, e.Err} }

// MismatchError records a target and an actual that cannot be compared.
// Target and Actual describe each side: its unit for a quantity ("台",
// "%", "" for a bare number is never a mismatch), otherwise its kind and
// word ("deadline", "qualitative 优秀").
type MismatchError struct {
	Target, Actual string
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("indicator: target in %s, actual in %s: %v", e.Target, e.Actual, ErrUnitMismatch)
}

// Unwrap returns ErrUnitMismatch.
func (e *MismatchError) Unwrap() error { return ErrUnitMismatch }

// Causes recorded in a ParseError.
var (
	errTooLong   = fmt.Errorf("longer than %d bytes", MaxValueBytes)
	errEncoding  = errors.New("not valid UTF-8")
	errNoMeaning = errors.New("neither a number nor words")
	errNumber    = errors.New("not a number as a form writes one")
	errRange     = errors.New("a range of values, not one target")
	errConflict  = errors.New("operators pointing both ways")
	errBadDate   = errors.New("no such date")
)
