// Package rubric scores department-wide performance evaluation
// (部门整体支出绩效评价) by a rubric that is data.
//
// The national framework (财预〔2013〕53号, 部门整体支出绩效评价共性指标体系
// 框架) fixes a tree of indicators (投入 / 过程 / 产出 / 效果) and their
// formulas, and leaves points and scoring standards to each province and
// city. So a Rubric is a value: a finance bureau writes one as a rubric
// file (Parse, ReadFile) or in Go (New); the package ships published ones
// (Builtin); and one Rubric scores any number of departments, from any
// number of goroutines.
//
// # Items and blocks
//
// A rubric is a list of items keyed by path ([投入, 预算配置, 在职人员控制率],
// "投入/预算配置/在职人员控制率" as a key). Each has a weight, the 评分标准
// as published, and one scoring block:
//
//   - Deduct: full weight within a standard, less points per step beyond
//     it (“每超过一个百分点扣0.5分，扣完为止”), whole or part steps.
//   - Bands: a table of ranges with explicit ends (equal, above, from,
//     upto, below) and a score each (“80%(含)-90%，计4分”).
//   - States: conditions on basic-data figures, the first that holds wins
//     (资金结余: “无结余，3分；有结余，但不超过上年结转，2分”).
//   - Checklist: points per check met. Violations: points off per
//     violation, never below 0. Judged: the evaluator's score.
//
// An item the published source shows without its points or standard is
// Absent: kept, shown, never scored; no points are invented for it.
//
// # Measures
//
// Deduct and Bands score a measure computed exactly from the basic data
// (基础数据表, Basic): the twelve rates of the framework plus 新建楼堂馆所面积
// 控制率, with the variants published forms use selected by Basis (see the
// MeasureName constants). A measure whose input is not given or whose
// denominator is zero is undefined (a *MeasureError), never 0%.
//
// # Scoring
//
// Score is pure and exact (shopspring decimals and budget.Rate
// fractions; nothing passes through float64):
//
//   - A measure is scored on its value rounded half up to two decimals of
//     a percentage, the value the reason prints. Steps and band ends are in
//     percentage points.
//   - Deduct: within the standard (Above: value ≤ standard; Below: value ≥
//     standard) the item gets its weight. Beyond it, the weight less
//     Points per Step; WholeSteps counts only completed steps, otherwise a
//     part step deducts its part, as one exact fraction. Never below 0.
//   - Bands: the first band holding the value gives its score; a value in
//     no band leaves the item unscored.
//   - An item whose inputs are missing is unscored: its score is nil,
//     never 0, unless the item says WhenUndefined: FullWhenUndefined.
//   - Item scores are rounded half up to two decimals; the total is their
//     sum. A sheet is complete when every item but the absent ones is
//     scored and the weights sum to 100; only then has it a grade.
//
// Every item carries its reason in Chinese and English: “在职人员控制率
// 104.00%，超过100% 4个百分点，扣2分”. A figure read by default rather than
// given (调整后预算 as 年初预算 + 本年追加预算, 预算调整数 as |调整后预算 − 年初
// 预算|) is said in the reason.
//
// # The sheet
//
// A Sheet is the score sheet (评分表): items with score, status and
// reason, total, grade, completeness, the weight left unscored. json.Marshal
// of it is the score object of the JSON report; In chooses the language
// of its reasons. Its comparisons with the sheet as filed are what the
// rubric.* rules check: ScoreMismatches (a reported item score against
// the computed one at the precision it was printed with), TotalMismatch,
// WeightsOff, UnscoredItems. Unplaced lists the judgements and reported
// scores no item took.
//
// # Rubric files
//
// Parse reads a kind: rubric file (see Parse for the format). Whatever is
// wrong is a *FileError with file, line, column and key path, quoting at
// most a short prefix of the input: a malformed or second YAML document,
// an oversized file, an unknown key, bands that overlap or leave a gap
// inside the range they cover, a score above the weight, negative points,
// an unknown measure, an item with more than one block. New refuses the
// same definitions with the same errors (*DefinitionError, by key path),
// and every error wraps a sentinel (ErrOverlap, ErrGap, ErrUnknownMeasure
// …) for errors.Is.
//
// # Decisions
//
//   - A deduction proportional by default: a part step counts its part
//     unless the rubric says partial: false.
//   - A band table with a gap inside its range is refused; values outside
//     its range leave the item unscored.
//   - The weight of an absent item, where the source shows its points,
//     counts in UnscoredWeight and not in Weight.
//   - In a condition, a number is read in the unit of the figure it is
//     compared with; a count is never compared with an amount of money.
//   - Grades: DefaultGrades unless the rubric gives its own; a total below
//     every cut-off gets 差.
//
// All values in this package are immutable and safe for concurrent use.
package rubric
