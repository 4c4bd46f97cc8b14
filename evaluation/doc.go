// Package evaluation holds the two self-evaluation forms as Go values,
// reads and writes them in the project's file format, computes their
// figures and evaluates them.
//
// # Forms
//
// DepartmentForm is 部门整体支出绩效自评表; ProjectForm is
// 项目支出绩效自评表. Both implement Form. They are plain values holding
// what was filed: indicator targets and actuals stay as written ("≥95%",
// "3057人次") and are interpreted by Evaluate, so a form always
// round-trips to the text it came from.
//
// # Reading
//
// Decode and ReadFile read YAML or JSON with the same keys (a UTF-8 byte
// order mark before either is skipped). Numbers are
// read from their literal text, never through float64, whether written as
// numbers or strings; amounts accept thousands separators. Unknown keys are
// refused (a typo must not drop data silently), a null or missing list is
// an empty list, a single text where a list of texts belongs is a list of
// one. A rate written as a bare number (99.99) is a percentage, as the
// forms print rates. Every error is a *DecodeError with file, line,
// column and key path, wrapping a sentinel such as ErrUnknownKey.
//
// Input is bounded: MaxFileSize, MaxDepth, MaxNodes and MaxAliasBytes
// (the text YAML aliases repeat) and MaxTextBytes, plus the number limits
// of package budget. A YAML alias bomb or a billion-digit exponent is
// refused at once. An error quotes at most a short prefix of the file's
// text, with control characters made visible.
//
// # Evaluating
//
// Evaluate(form, checker) is a pure function: it reads no file, clock or
// global and never modifies the form. It computes Figures:
//
//	年度预算调整数 = |调整预算 − 年初预算|
//	预算完成率     = 实际支出数 / 调整预算
//	预算调整率     = 年度预算调整数 / 年初预算
//	任务涉及资金合计 = Σ 任务涉及资金,  占比 = 合计 / 实际支出数
//	执行率 (project form) = 全年执行数 B / 全年预算数 A
//
// A figure whose denominator is zero or whose amounts are missing is nil:
// undefined, never 0%.
//
// # Scoring
//
// Forms are scored by a Scheme, MOF2020 unless the checker is a Schemer
// with another (rules.Set.WithScheme). MOF2020 is 财预〔2020〕10号,
// 《项目支出绩效评价管理办法》: budget execution 10 points, 产出指标 50, 效益指标
// 30, 满意度指标 10; the execution row scores weight × min(B/A, 1); each
// indicator row scores as indicator.ScoreRow says (proportional for
// quantities, the achievement band 达成 80–100% / 部分达成 60–80% / 未达成 0–60%
// for qualitative rows); every score is rounded half up to two decimals
// and the total is the sum of the rounded scores; grades are 优 ≥ 90,
// 良 ≥ 80, 中 ≥ 60, 差 below.
//
// Decisions the scoring rules leave open: a project form's execution row uses
// funds.weight when printed, else the scheme's; a row without a weight, or
// one that cannot be assessed, is unscored and adds nothing to the total;
// a form with nothing to score has no Score (nil), never a total of 0. A
// printed score is checked at its own precision (9.3 against the exact
// score rounded to one place), within Scheme.Tolerance.
//
// Evaluate then hands a Subject (the form, its
// figures and its interpreted indicators) to the Checker, normally a
// rules.Set, and returns a Report.
package evaluation
