// Package perfeval checks China's budget performance self-evaluation forms
// (预算绩效自评表) exactly: the 部门整体支出绩效自评表 every budget unit files
// each year and the 项目支出绩效自评表 it files for each project.
//
// This package holds no code; it is the map. The work is done by:
//
//   - budget: exact money (元/万元/亿元) and rates that round half up
//     (四舍五入) at the precision they are printed with; the funds block
//     and its figures (预算完成率, 预算调整率, 执行率).
//   - indicator: what is written in an indicator's cells (≥95%, 3057人次,
//     下降, 2021年12月底前) and how an actual compares with its target.
//   - evaluation: the two forms as Go values, read from YAML or JSON with
//     positioned errors; Evaluate(form, checker), a pure function returning
//     a Report of figures, score and findings.
//   - rules: the rule catalogue with stable IDs, profiles (national,
//     guangzhou-2021) and rules files; a rules.Set is the checker.
//   - batch: many forms on all cores, in input order, with memory bounded
//     by the number of workers and cancellation through a context.
//   - report: the JSON Lines, text, Markdown and HTML output of the
//     perfeval command.
//   - render, markdown, xlsx: a form in its official layout as HTML or
//     Markdown (with findings at their cells), and import of forms published
//     as Markdown tables or Excel sheets; xlsx is a package of its own so a
//     service that only evaluates does not link Excel code.
//
// A typical service:
//
//	form, err := evaluation.Decode("form.json", body)
//	if err != nil { … } // every fault: file, line, column, key path, zh and en
//	set, err := rules.ForForm(form) // the set its profile: names
//	rep := evaluation.Evaluate(form, set)
//	answer, _ := json.Marshal(rep) // the JSON report object
//
// No amount, rate or score passes through float64. Everything is an
// immutable value safe for concurrent use; nothing reads a clock or a
// global. The command cmd/perfeval runs the same library over files and
// folders. The docs folder of the repository describes the file format
// (docs/file-format.md), the reports (docs/report.md), the command
// (docs/cli.md), the scoring method (docs/scoring.md) and the rule
// catalogue (docs/rules.md, docs/rules-files.md).
package perfeval
