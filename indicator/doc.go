// Package indicator reads one performance indicator (绩效指标) of a
// self-evaluation form: what is written in its target cell (年度指标值) and
// its actual cell (实际完成值 on the project form, 指标完成情况 on the
// department form), and whether the actual meets the target.
//
// It is the layer between the form's text and its score. Parse turns a
// cell into a Value; Assess compares two Values and returns an Assessment
// with a Status and the exact numbers compared; ScoreRow turns an
// Assessment and a weight into the row's score (a RowScore). Scoring a
// whole form (the budget row, the total, the grade) is the evaluation
// package's; docs/scoring.md describes the method.
//
// # Values
//
// Parse never fails: every text becomes a Value of one Kind.
//
//	Quantity     98.70%  ≥95%  3057人次  2,811 人  百分之百  １００％  控制在90万元以内
//	Qualitative  下降  优秀  第一名  达成预期指标  是; free text without a number
//	Deadline     2021年12月底前  12月31日前  2021-12-31  年内
//	Text         形成1份完整的……调研报告 (1份)  扫黑除恶线索办结率100%。 (100%)
//	Empty        a blank cell
//	Unparsed     "*", "XXX", 23,94%, 1e999%, 90%-95%, over MaxValueBytes
//
// Parse cannot tell a target from an actual, so it records what the
// wording says and leaves the rest to Assess: a number with no operator
// has Operator Unspecified, which Assess reads as Exact when it is a
// target.
//
// # Numbers
//
// Every number is an exact decimal.Decimal read by budget.ParseNumber,
// with its limits (18 integer digits, 6 decimal places, no exponent), so
// no value passes through float64 and no text can make parsing expensive.
// Full-width digits and signs are folded (budget.FoldWidth); thousands
// separators must group by three ("2,811"; "23,94" is Unparsed, not 2394).
// Chinese numerals are read in percentages (百分之九十五点五), ranks (第十二名),
// dates (十二月底) and a cell that is only a count (三次); not in running
// text, where 一 begins too many ordinary words (一般, 一起, 一次性).
// Percentages keep the number as written: 98.70% is 98.70 with unit "%".
//
// # Units
//
// A unit is normalized (百分比 → %, 个百分点 → 百分点) and compared by
// meaning (docs/file-format.md, "Indicator values"):
//
//   - a bare number takes the other side's unit: "50" against "≥50个";
//   - scaled units convert exactly by moving the point: 万元, 元 and 亿元
//     (as budget.Unit does), 万人次 and 人次, 千米 and 米;
//   - 人, 人次, 名 and 位 are all counts of people; 次, 场 and 场次 counts
//     of occasions; the two are not compared with each other;
//   - anything else that differs (台 against %) is not compared: the
//     Assessment is Unknown with a *MismatchError (ErrUnitMismatch). It is a
//     finding about the form, never a guess.
//
// # Directions
//
// The operator written with a target gives its Direction: ≥ > 不低于 至少
// 以上 … are HigherIsBetter (正向); ≤ < 不超过 控制在 以内 … LowerIsBetter
// (反向); = is Exact. A strict operator (>, 超过) is read as non-strict,
// since the scoring of 财预〔2020〕10号 gives full marks to an actual that
// reaches its target. A target with no operator is Exact, scored as
// higher-is-better, with one exception: a target of 0 (0起,
// 零事故) is a ceiling and is assessed as LowerIsBetter, because "at
// least 0" would be met by any count. A form's `direction:` key
// (ParseDirection) overrides the wording, as for a 控制率 target "100%".
//
// # Words and deadlines
//
// Qualitative words lie on scales: grades (优秀 > 良好 > 合格 > 不合格),
// satisfaction (非常满意 > 满意 > 基本满意 > 不满意), ranks (第一名 > 第二名;
// 前三名), trends (下降, 上升, 持平, 不上升 …), yes/no (是, 否, 有, 无), and the
// achievement words of 财预〔2020〕10号's three qualitative bands (达成预期指标,
// 部分达成, 未达成, with 已完成, 按时完成 … as synonyms). Synonyms share one
// spelling, which Value.Word returns (降低 → 下降, 排名第1 → 第一名). See
// Assess for how words compare.
//
// A deadline resolves what it leaves out to the latest date it can mean
// (12月底 is 31 December, 2021年 is 31 December 2021, a February without a
// year ends on the 29th); see Value.Deadline.
//
// # Errors
//
// Each failure wraps a sentinel error for errors.Is: ErrNoTarget,
// ErrNoActual, ErrUnparsed, ErrUnitMismatch, ErrUnknownDirection.
// Value.Err gives a *ParseError for an Unparsed value; an Assessment's
// Reason says why its Status is Unknown.
//
// # Performance
//
// Parse is on the path of every indicator of every form, so it uses no
// regular expressions: it folds the text once and scans it with prefix
// tables built at package initialisation (and never modified). Input is
// capped at MaxValueBytes; all values are immutable and safe for
// concurrent use.
package indicator
