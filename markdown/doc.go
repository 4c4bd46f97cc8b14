// Package markdown reads and writes the two self-evaluation forms as
// Markdown tables: Render prints a form in its official layout, Import
// reads a published form (usually a PDF converted to Markdown) back into
// a form value. The two sides share one vocabulary of labels, so Import
// reads Render's output back to the same form.
//
// The package imports budget and evaluation only; a service that
// evaluates forms links it only if it asks for Markdown.
//
// # Layout
//
// 部门整体支出绩效自评表 is laid out as Guangzhou publishes it (the Tianhe
// 2021 form in testdata/ is the reference): the title, 单位：万元, then one
// table with 部门名称 | 被评价年度, the 部门资金情况 rows (部门调整预算收入 |
// 部门年初预算收入, 实际支出数 | 年度预算调整数, the 其中 rows, 预算完成率 |
// 预算调整率), the 年度目标 rows, the 主要任务 header (预期目标 | 目标完成情况
// | 关键指标 | 指标完成情况 | 任务涉及资金) with one row per indicator and the
// task's own cells on its first row only, and 重点项目绩效情况; then a
// two-column table of 部门整体绩效, 存在问题 and 改进措施或下一步计划; then,
// for a form filed under the guangzhou-2021 profile, the form's note
// (注：1. 每个部门至少开展一个重点项目绩效评价 …).
//
// 项目支出绩效自评表 is laid out as the Ministry of Finance's template: the
// title, （2025年度）, 单位, then 项目名称, 主管部门 | 实施单位, 项目资金 (年初预算数
// | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, the 年度资金总额 row and one
// row per source), 年度总体目标 (预期目标 | 实际完成情况), 绩效指标 (一级指标 |
// 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
// 偏差原因分析及改进措施), 总分, 评价等级, and 评价结论, 存在问题 and 改进措施
// when the form has them.
//
// Decisions where the published layouts have no cell for a value of the
// form, so that Import(Render(f)) gives f back:
//
//   - A 其中 row breaks down the row above it. A source's 调整预算 and 年初预算
//     print on a row under 部门调整预算收入 | 部门年初预算收入, its 实际支出数 on
//     a row under 实际支出数 (as in the seed, where 其中：一般公共预算 sits under
//     实际支出数). Import reads a 其中 amount as the amount of the main label
//     in its column or the nearest to its left, and merges rows of the same
//     source.
//   - A key project's cell holds its name (first paragraph), then
//     项目预算：620万元 and 自选重点项目 when the form states them, then its
//     summary, as the seed's cell holds name then summary.
//   - Department indicators show 关键指标 and 指标完成情况 as published; the
//     columns 指标值, 分值, 得分 and 偏差原因分析及改进措施 are added when some
//     indicator has them. Key projects' indicators print as rows under the
//     project, in the same columns.
//   - A profile other than guangzhou-2021 (which the note stands for) is
//     written as an HTML comment, <!-- perfeval profile: national -->,
//     invisible when the Markdown is displayed.
//   - Amounts print in the form's unit with the decimals they were written
//     with (16.6 stays 16.6); rates as printed (99.99%); weights and scores
//     likewise.
//   - Text with line breaks prints as <p>…</p> paragraphs, as the seed's
//     cells do; 预期目标 prints one paragraph per goal. Cell text escapes
//     "|", "\", "&", "<" and ">" so that no text can break the table.
//
// Not shown, hence not read back: an indicator's direction (指标方向), and
// the 一级/二级指标 of department indicators. Import trims cell text, so
// leading and trailing spaces of a text are not kept, and a goal cannot
// hold a line break (each paragraph is a goal).
//
// # Annotations
//
// Render with findings marks each finding in the cell its Path names: " ✖[1]"
// for an error, " ⚠[2]" for a warning, " ℹ[3]" for info, and lists the
// numbered findings (severity, rule ID, cell, message, expected and actual)
// under the tables. A path the layout does not show goes to the nearest
// enclosing path that it shows ("funds.sources" to 部门资金情况,
// "tasks[0].indicators" to the task's first 关键指标 cell, "tasks" to
// 主要任务, "key_projects[0].budget" to the project's cell); a path with
// none ("", "profile") is listed only. The mapping lives in one place:
// cells register the key paths they show as the layout is built.
// Import ignores the markers and the list.
//
// # Import
//
// Import finds cells by their labels, never by fixed positions: a value
// is the next non-empty cell after its label, a column is the column of
// its header label, and a row's block (部门资金情况, 年度目标, 主要任务, 重点项目绩效情况,
// …) is named in its first cell. It accepts the labels of other templates
// too (全年预算数（A）, 执行率（B/A）, 三级指标, 年度指标值, 当年财政拨款, …) and
// copes with what converting a PDF does:
//
//   - a table split across pages: a row opening the next table whose label
//     cells are empty continues the row before the break, its text cells
//     continuing the texts ("…持续提" + "供更全面更有力保障。"); indicator rows
//     after the break belong to the task above; a task label repeated on
//     the next page is the same task;
//   - empty columns, a header row of empty cells, ragged rows;
//   - <p>, <br> and <div> inside cells (paragraphs, joined with "\n"),
//     inline tags such as <b> (dropped), HTML entities and Markdown
//     backslash escapes, Markdown emphasis and full-width colons in labels;
//   - merged 一级指标 / 二级指标 cells printed on their first row only;
//   - "—", "-" or "/" for an amount not stated; amounts with thousands
//     separators or a unit written in the cell (620万元);
//   - the title line (it sets the kind; without one the labels do),
//     单位：元 / 万元 / 亿元 (the unit; 万元 by default), （2025年度） under
//     the title, and notes under the table (注：…): a note mentioning
//     重点项目 and 500万元 is Guangzhou's, and sets the profile
//     guangzhou-2021.
//
// Numbers are read from the document only: amounts with
// budget.ParseAmount in the form's unit, keeping the written decimals;
// printed rates with budget.ParsePercent; the year from 2021年. A figure
// given twice, an amount that is not a number, a year outside 1949–2200, a
// negative weight or score or an unknown source row is an error, never a
// silent choice.
//
// # Errors and limits
//
// Every failure is an *ImportError with the file, the 1-based line (0 when
// there is none), what was looked for and not found, and an error
// wrapping ErrNotAForm (empty, binary, no table, no label of either form),
// ErrMalformed (a cell that cannot be read) or ErrLimit. Input is bounded:
// MaxFileSize (4 MiB), MaxLines, MaxRows, MaxCells per row, and the limits of the
// file format (1,000 tasks, indicators or key projects; texts of at most
// evaluation.MaxTextBytes), so that every form Import returns encodes
// with evaluation.Encode to a file evaluation.Decode reads back. Import
// never panics, whatever the input.
package markdown
