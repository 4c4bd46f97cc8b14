package budget

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error this package returns wraps one of them, so a
// caller can test for a kind of failure with errors.Is whatever the details.
var (
	// ErrSyntax: the text is not a number, amount or percentage.
	ErrSyntax = errors.New("invalid syntax")
	// ErrRange: the number has more integer digits or decimal places than
	// the limits of this package allow (see MaxIntegerDigits, MaxDecimalPlaces).
	ErrRange = errors.New("out of range")
	// ErrZeroDenominator: a rate was asked of a zero denominator. The rate is
	// undefined; it is never reported as 0%.
	ErrZeroDenominator = errors.New("zero denominator")
	// ErrUnknownUnit: a currency unit other than 元, 万元 or 亿元.
	ErrUnknownUnit = errors.New("unknown unit")
	// ErrMissing: a figure needs an amount the form does not state.
	ErrMissing = errors.New("amount not stated")
	// ErrUnknownSource: a source row kind this package does not know.
	ErrUnknownSource = errors.New("unknown source")
)

// NumberError records a failed parse of a number, amount or percentage.
type NumberError struct {
	Func  string // the function that failed: "ParseNumber", "ParseAmount", "ParsePercent"
	Value string // the text as given
	Err   error  // ErrSyntax or ErrRange, possibly wrapped with detail
}

func (e *NumberError) Error() string {
	return fmt.Sprintf("budget.%s: %q: %v", e.Func, e.Value, e.Err)
}

func (e *NumberError) Unwrap() error { return e.Err }

// RateError records a rate that cannot be computed.
type RateError struct {
	Rate string // the figure asked for, e.g. "completion rate"
	Err  error  // ErrZeroDenominator
}

func (e *RateError) Error() string { return fmt.Sprintf("budget: %s: %v", e.Rate, e.Err) }

func (e *RateError) Unwrap() error { return e.Err }
