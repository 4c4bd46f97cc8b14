// Package budget holds money and rates for budget performance management
// (预算绩效管理): exact amounts in 元, 万元 or 亿元, rates that round half
// up (四舍五入) at the precision they are printed with, and the funds block
// of the self-evaluation forms with its figures.
//
// An Amount is a decimal number (github.com/shopspring/decimal) and a
// Unit; converting between units shifts the decimal point, so it is
// exact, and nothing passes through float64. Computed amounts print with
// at least two decimals and never lose one (16.6 prints as "16.60").
//
// A Rate is a ratio kept as its numerator and denominator, so rounding it
// is one exact division: 2394.83/2395.15 shows as 99.99% at two places and
// 100% at none, with no double rounding. A printed figure is checked at
// the precision it was printed with (Rate.Matches; ParseNumber keeps the
// places written), and a rate is compared with a limit as it is shown
// (Rate.AtLeast, Below, AtMost, Above), as the built-in rules do. Scores
// are Points: exact fractions printed as points ("18.89").
//
// Funds computes the figures of the funds block (财预〔2020〕10号 and the
// forms' own definitions):
//
//	年度预算调整数 = |调整预算 − 年初预算|
//	预算完成率     = 实际支出数 / 调整预算   (执行率 B/A on the project form)
//	预算调整率     = 年度预算调整数 / 年初预算
//
// A zero or missing denominator makes a rate undefined: an error wrapping
// ErrZeroDenominator or ErrMissing, never a panic and never 0%. Other
// errors are typed (*NumberError, *RateError) and wrap ErrSyntax, ErrRange
// or ErrUnknownUnit. A number has at most MaxIntegerDigits (18) integer
// digits and MaxDecimalPlaces (6) decimal places and never an exponent, so
// "1e999999999" is refused at once and every computation stays bounded.
//
// Amount, Rate, Points, Unit and SourceKind read and write their printed
// text (encoding.TextMarshaler), so encoding/json shows them as a form
// prints them. MustAmount, MustRate and MustNumber return pointers for the
// optional fields of a form literal in a test. All values are immutable
// and safe for concurrent use. docs/scoring.md describes the figures.
package budget
