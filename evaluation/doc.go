// Package evaluation holds the self-evaluation forms as Go values, reads
// and writes them in the file format, computes their figures, scores them
// and evaluates them against a rule set.
//
// # Forms
//
// DepartmentForm is 部门整体支出绩效自评表; ProjectForm is
// 项目支出绩效自评表. Both implement Form. They are plain values holding
// what was filed: indicator targets and actuals stay as written ("≥95%",
// "3057人次") and are interpreted by Evaluate, so a form always
// round-trips to the text it came from. DeclarationForm and
// MonitoringForm are the stages before (绩效目标申报表, 绩效运行监控表);
// DepartmentEvaluationForm is the evaluation of a department's whole
// expenditure by a rubric (部门整体支出绩效评价): its basic data, the
// evaluator's judgements and the score sheet as filed, keyed by item path
// (package rubric).
//
// # Reading and writing
//
// Decode and ReadFile read YAML or JSON with the same keys
// (docs/file-format.md lists them; a UTF-8 byte order mark before either
// is skipped). Numbers are read from their literal text, never through
// float64; unknown keys are refused; a missing list is an empty list.
// Every failure of a form is reported, not only the first: a
// *DecodeError, or DecodeErrors for several, each with file, line,
// column, key path and a message in Chinese and English, wrapping a
// sentinel such as ErrUnknownKey, and quoting at most a short prefix of
// the file's text. Input is bounded (MaxFileSize, MaxDepth, MaxNodes,
// MaxAliasBytes for the text YAML aliases repeat, MaxTextBytes and the
// number limits of package budget).
//
// Encode writes the YAML; json.Marshal of a form writes the JSON, which
// Decode and json.Unmarshal read back to an equal form.
//
// # Evaluating
//
// Evaluate(form, checker) is a pure function: it reads no file, clock or
// global and never modifies the form. It computes the Figures
// (年度预算调整数, 预算完成率, 预算调整率, 任务涉及资金 and their share; 执行率
// on the project form), interprets and assesses every indicator row,
// scores the form by a Scheme (MOF2020 unless the checker is a Schemer
// with another), and hands a Subject to the Checker, normally a
// rules.Set. A figure whose denominator is zero or missing is nil:
// undefined, never 0%. docs/scoring.md describes the method.
//
// A department evaluation is scored by a rubric, a value like a Scheme:
// the checker's when it is a RubricHolder carrying one (rules.Set with
// Set.WithRubric), else the built-in rubric the form's rubric: key names
// (RubricFor). Its figures are every measure of its basic data
// (Figures.Measures), its score the rubric's Sheet (Report.Sheet); with no
// rubric it has no sheet, and rule rubric.unscored says so.
//
// A weighted row that cannot be scored leaves the FormScore incomplete:
// Complete is false, UnscoredWeight says what is missing, and the partial
// total has no grade. A form with nothing to score has no score at all.
//
// # Reports
//
// A Report holds the figures, the score and the findings, in one order
// (CompareFindings: severity, cell path, rule ID). json.Marshal of a
// Report is the JSON report object of docs/report.md; its Source and Lang
// are the caller's to set. CellName names a finding's cell as a reader of
// the form does (任务2 · 关键指标4 · 指标完成情况).
package evaluation
