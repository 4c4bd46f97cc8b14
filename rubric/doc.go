// Package rubric scores department-wide performance evaluation
// (部门整体支出绩效评价) by a rubric that is data.
//
// The national framework (财预〔2013〕53号) fixes a tree of indicators
// (投入 / 过程 / 产出 / 效果) and leaves points and scoring standards to each
// province and city. So a Rubric is a value: a finance bureau writes one
// as a rubric file (Parse, ReadFile) or in Go (New); the package ships
// published ones (Builtin, BuiltinNames); and one Rubric scores any number
// of departments, from any number of goroutines.
//
// A rubric is a list of items keyed by path ("投入/预算配置/在职人员控制率"),
// each with a weight, the 评分标准 as published and one scoring block:
// Deduct, Bands, States, Checklist, Violations, Judged, or Absent for a row
// whose points the source does not show. Deduct and Bands score a measure
// computed exactly from the department's basic data (基础数据表, Basic;
// Measures lists them); a measure that cannot be computed is undefined (a
// *MeasureError), never 0%, and its item is unscored.
//
// Rubric.Score is pure and exact and returns a Sheet (评分表): every item
// with its score, status and reason in Chinese and English, the total,
// the grade when the sheet is complete, and the weight left unscored. json.Marshal
// of a Sheet is the score object of the JSON report. ScoreMismatches,
// TotalMismatch, WeightsOff, UnscoredItems and Unplaced compare it with
// the sheet as filed; they are what the rubric.* rules report.
//
// A rubric file or definition that is wrong is refused with a *FileError
// (file, line, column, key path) or a *DefinitionError, each wrapping a
// sentinel (ErrOverlap, ErrGap, ErrUnknownMeasure …) for errors.Is.
//
// docs/rubrics.md describes the rubric file, the measures and how a sheet
// is scored; package rubrictest tests an item in a few lines. All values
// are immutable and safe for concurrent use.
package rubric
