// Package perfeval checks China's budget performance management forms
// (预算绩效管理) exactly: the self-evaluations every budget unit files
// (部门整体支出绩效自评表, 项目支出绩效自评表), the declaration and the
// monitoring form that come before them in a project's year
// (项目支出绩效目标申报表, 项目支出绩效目标执行监控表), and the evaluation of a
// department's whole expenditure by a rubric (部门整体支出绩效评价).
//
// This package holds no code; it is the map. The work is done by:
//
//   - budget: exact money (元/万元/亿元), rates that round half up
//     (四舍五入) at the precision they are printed with, the funds block.
//   - indicator: what is written in an indicator's cells (≥95%, 3057人次,
//     下降, 2021年12月底前), how an actual compares with its target, one
//     row's score.
//   - rubric: rubrics as data, their measures and score sheets.
//   - evaluation: the forms as Go values, read from YAML or JSON with
//     positioned errors; Evaluate, a pure function returning a Report of
//     figures, score and findings; the linking of a project-year's stages.
//   - rules: the rule catalogue with stable IDs, the profiles (national,
//     guangzhou-2021) and rules files; a rules.Set is the checker.
//   - batch: many forms on all cores, in input order, in bounded memory.
//   - report: the JSON Lines, text, Markdown and HTML reports.
//   - render, markdown, xlsx: a form in its official layout as HTML,
//     Markdown or Excel, and the import of published Markdown tables and
//     Excel sheets, every cell accounted for in an imports.Result.
//
// A typical service:
//
//	form, err := evaluation.Decode("form.json", body) // every fault positioned
//	set, err := rules.ForForm(form)                    // the set its profile: names
//	rep := evaluation.Evaluate(form, set)
//	answer, err := json.Marshal(rep)                   // the JSON report object
//
// No amount, rate or score passes through float64; every value is
// immutable and safe for concurrent use. The command cmd/perfeval runs the
// same library over files and folders. The repository's docs folder
// describes the file format, the reports, the command, the scoring method,
// the performance cycle, imports, rubrics and the rule catalogue.
package perfeval
