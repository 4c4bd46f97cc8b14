// Package evaluation holds the forms as Go values, reads and writes them
// in the file format, computes their figures, scores them, links the
// stages of a project-year and evaluates a form against a rule set.
//
// # Forms
//
// DepartmentForm (部门整体支出绩效自评表) and ProjectForm (项目支出绩效自评表)
// are the self-evaluations; DeclarationForm (项目支出绩效目标申报表) and
// MonitoringForm (项目支出绩效目标执行监控表) the stages before them;
// DepartmentEvaluationForm (部门整体支出绩效评价) the evaluation of a
// department's whole expenditure by a rubric. All implement Form. They
// hold what was filed: targets and actuals stay as written ("≥95%",
// "3057人次") and are interpreted by Evaluate, so a form round-trips to
// the text it came from. docs/file-format.md lists every key.
//
// # Reading and writing
//
// Decode and ReadFile read YAML or JSON with the same keys. Numbers are
// read from their literal text; unknown keys are refused. Every fault of
// a file is reported: a *DecodeError, or DecodeErrors for several, each
// with file, line, column, key path and a message in Chinese and English,
// wrapping a sentinel such as ErrUnknownKey. Input is bounded (MaxFileSize,
// MaxDepth, MaxNodes, MaxAliasBytes, MaxTextBytes). Encode writes the YAML;
// json.Marshal of a form writes the JSON; both read back to an equal form.
//
// # Evaluating
//
// Evaluate(form, checker) is pure: it reads no file, clock or global and
// never modifies the form. It computes the Figures, assesses every
// indicator row, scores the form by a Scheme (MOF2020 unless the checker
// is a Schemer with another) or, for a department evaluation, by a rubric
// (the checker's when it is a RubricHolder with one, else the shipped
// rubric the form names: RubricFor), and hands a Subject to the Checker,
// normally a rules.Set. An undefined figure is nil, never 0%; a score
// that cannot be completed says so (FormScore.Complete, UnscoredWeight)
// and has no grade. docs/scoring.md describes the method.
//
// EvaluateLinked evaluates a form with the earlier stages of its
// project-year; Linker, LinkIndex and LinkAll find them among many forms
// (docs/cycle.md).
//
// # Reports
//
// A Report holds the figures, the score and the findings in one order
// (CompareFindings: severity, cell path, rule ID). json.Marshal of a
// Report is the JSON report object of docs/report.md; its Source and Lang
// are the caller's to set. CellName names a finding's cell as a reader of
// the form does (任务2 · 关键指标4 · 指标完成情况).
package evaluation
