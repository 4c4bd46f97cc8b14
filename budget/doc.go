// Package budget holds money and rates for budget performance
// self-evaluation (预算绩效自评): exact amounts in 元, 万元 or 亿元, rates
// that round half up (四舍五入) at the precision they are printed with, and
// the funds block of both forms with its figures.
//
// # Representation
//
// An Amount is a decimal number (github.com/shopspring/decimal) and a
// Unit. Nothing passes through float64. Conversion between units is a
// shift of the decimal point, so it is exact. Sums are exact.
//
// A Rate is a ratio kept as its numerator and denominator. Rounding it is
// one exact integer division with remainder, so 2394.83/2395.15 shows as
// 99.99% at two places and 100% at none, with no double rounding.
//
// # Precision of printed figures
//
// Forms print rates at two decimals (99.99%) or none (100%), and amounts
// at the precision the filer chose. A printed figure is checked at the
// precision it was printed with: Rate.Matches compares a computed rate
// with a printed one after rounding the computed rate to the printed
// places, and ParseNumber keeps the number of places written. A rate is
// compared with a limit as it is shown (Rate.AtLeast, Below, AtMost,
// Above), so "执行率 ≥ 95%" holds for 94.995/100, shown 95.00%.
//
// Scores are Points: exact fractions like rates, printed as points
// ("18.89"), never as percentages.
//
// Computed amounts print with at least two decimals and never lose digits:
// 16.6 prints as "16.60", 89.974 as "89.974".
//
// # Text and JSON
//
// Amount, Rate, Points, Unit and SourceKind implement
// encoding.TextMarshaler and TextUnmarshaler, so encoding/json writes them
// as a form prints them. An amount's text is exact, with its unit
// ("16.6万元"): read back, it is the same amount at the same precision.
//
// # Literals
//
// MustAmount, MustRate and MustNumber return pointers, for the optional
// fields of a form literal in a test or an example.
//
// # Limits
//
// A number has at most MaxIntegerDigits (18) integer digits and
// MaxDecimalPlaces (6) decimal places, and never an exponent. This keeps
// every computation bounded whatever the input: "1e999999999" is refused
// at once rather than expanded.
//
// # Errors
//
// Errors are typed (*NumberError, *RateError) and wrap the sentinels
// ErrSyntax, ErrRange, ErrZeroDenominator, ErrMissing and ErrUnknownUnit,
// so callers can use errors.Is. A zero denominator makes a rate undefined:
// it is an error, never a panic and never 0%.
//
// # Figures
//
// Funds computes the figures of the funds block (财预〔2020〕10号 and the
// forms' own definitions):
//
//	年度预算调整数 = |调整预算 − 年初预算|
//	预算完成率     = 实际支出数 / 调整预算   (执行率 B/A on the project form)
//	预算调整率     = 年度预算调整数 / 年初预算
//
// All values in this package are immutable and safe for concurrent use.
package budget
