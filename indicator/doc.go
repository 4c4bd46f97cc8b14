// Package indicator reads one performance indicator (绩效指标): what is
// written in its target cell (年度指标值) and its actual cell (实际完成值,
// 指标完成情况), whether the actual meets the target, and the row's score.
//
// Parse turns a cell into a Value and never fails: every text becomes a
// Value of one Kind.
//
//	Quantity     98.70%  ≥95%  3057人次  2,811 人  百分之百  １００％  控制在90万元以内
//	Qualitative  下降  优秀  第一名  达成预期指标  是; free text without a number
//	Deadline     2021年12月底前  12月31日前  2021-12-31  年内
//	Text         形成1份完整的……调研报告 (1份)  扫黑除恶线索办结率100%。 (100%)
//	Empty        a blank cell
//	Unparsed     "*", "XXX", 23,94%, 1e999%, 90%-95%, over MaxValueBytes
//
// Assess compares a target and an actual and returns an Assessment: a
// Status and the exact numbers compared, or Unknown with the reason. The
// operator written with a target gives its Direction (≥ 不低于 以上 …
// HigherIsBetter, ≤ 不超过 以内 … LowerIsBetter, = Exact); a target with
// none is Exact, except a target of 0 (0起), which is a ceiling. A form's
// direction: key (ParseDirection) overrides the wording. Units compare by
// meaning: a bare number takes the other side's unit, scaled units convert
// exactly, units that cannot be compared (台 against %) make the
// Assessment Unknown with a *MismatchError, never a guess. Qualitative
// words compare on their scales (优秀 > 良好 > 合格 > 不合格; 第一名 >
// 第二名); a deadline resolves what it leaves out to the latest date it
// can mean.
//
// ScoreRow turns an Assessment and a weight into the row's score
// (RowScore) by the method of 财预〔2020〕10号 and the Bands of a scheme.
// Scoring a whole form is package evaluation's.
//
// Every number is an exact decimal read by budget.ParseNumber, with its
// limits; nothing passes through float64, and no text can make parsing
// expensive. Failures wrap the sentinels ErrNoTarget, ErrNoActual,
// ErrUnparsed, ErrUnitMismatch and ErrUnknownDirection. All values are
// immutable and safe for concurrent use.
//
// docs/file-format.md ("Indicator values") lists what is understood, and
// docs/scoring.md how a row is scored.
package indicator
