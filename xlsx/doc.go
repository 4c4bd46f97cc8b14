// Package xlsx writes a self-evaluation form as an Excel sheet in its
// official layout and reads a form back from an .xlsx workbook. It is a
// package of its own so that a service that only evaluates forms does not
// link Excel code. It imports budget, indicator, evaluation and
// github.com/xuri/excelize/v2; no package on the evaluation road imports it.
//
//	book, err := xlsx.Export(form)       // *excelize.File, one sheet
//	err = xlsx.Write(w, form)            // the same, written as .xlsx
//	form, err := xlsx.Import(name, data) // evaluation.Form, or *ImportError
//
// Import(Export(f)) gives back f: every amount with the decimals it was
// written with, every printed rate and score at its printed precision,
// absent values absent (see Round trip for the few exceptions).
//
// # Layout
//
// The department form (部门整体支出绩效自评表) is laid out as published, in
// six columns A–F: the title merged across, 单位：万元, 部门名称 and
// 被评价年度, the 部门资金情况 block (label | value | label | value:
// 部门调整预算收入, 部门年初预算收入, 实际支出数, 年度预算调整数, one
// "其中：<source>" row per source with its 实际支出数 right of the label,
// 预算完成率, 预算调整率), 年度目标 (预期目标 | 目标完成情况, one row per
// expected goal, 目标完成情况 merged over them), 主要任务 (预期目标 |
// 目标完成情况 | 关键指标 | 指标完成情况 | 任务涉及资金, one row per indicator,
// the task's own cells merged down over its indicator rows),
// 重点项目绩效情况 (a table of the same shape: 项目名称 under the section
// label | 绩效情况 | 关键指标 | 指标完成情况 | 项目预算), 部门整体绩效, 存在问题,
// 改进措施或下一步计划, and 规则配置 (the form's profile) when it has one.
//
// What the official form has no cell for gets a labelled cell of its own,
// only when the form uses it: a source's 调整预算 and 年初预算 right of its
// 实际支出数; columns G… for indicator cells the department form does not
// print (指标值, 指标方向, 分值, 得分, 偏差原因分析及改进措施, 一级指标,
// 二级指标) and for 自选重点项目 (是/否).
//
// The project form (项目支出绩效自评表) takes nine columns A–I: 项目名称;
// 主管部门 | 实施单位 | 评价年度; the 项目资金（万元） table (年初预算数 |
// 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 执行率（计算值）) with the
// 年度资金总额 row and one "其中：<source>" row per source, then
// 年度预算调整数 when the form states one; 年度总体目标 (预期目标 |
// 实际完成情况); 绩效指标 (一级指标 | 二级指标 | 三级指标 | 年度指标值 |
// 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施, and 指标方向 in column J
// when some indicator states one), 一级指标 and 二级指标 merged over their
// runs of rows; 总分 (in the 得分 column); 评价等级; 评价结论, 存在问题,
// 改进措施; 规则配置.
//
// Cells are bordered and wrapped, columns sized for their contents, rows
// heightened for long texts; multi-paragraph texts keep their "\n". The
// page is A4 landscape, one page wide.
//
// # Numbers, printed rates and formulas
//
// Amounts, weights and scores are numeric cells. Their stored text is the
// exact decimal (never a float64 conversion: "2395.15", "16.60") and their
// number format shows the decimals written ("0.00" for 2395.15, "0.0" for
// 16.6, "0" for 24). A value with more than 15 significant digits, more
// than a spreadsheet's binary double keeps, is written as a text cell so
// that no digit is lost. The year is a number shown as 2021年.
//
// A printed rate (预算完成率, 预算调整率, 执行率) stays in its labelled cell
// exactly as the form printed it: the fraction (0.9999) in a percent
// format with the printed decimals ("0.00%" for 99.99%, "0%" for 100%).
// The computed rate is a formula in a cell of its own labelled
// "（计算值）": for the department form in the row below the printed rates
// (预算完成率（计算值） = 实际支出数/部门调整预算收入, 预算调整率（计算值） =
// ABS(调整预算−年初预算)/年初预算), for the project form in column I of the
// 年度资金总额 row (执行率（计算值） = 全年执行数/全年预算数), each blank when
// an amount is missing or the denominator is zero. So the sheet
// recalculates in Excel, a reviewer sees the printed and the computed rate
// side by side, and re-saving the sheet in Excel keeps the printed rate,
// which is what the rules check. (Keeping the printed value as a formula's
// cached result would lose it at the first recalculation.) The formulas
// carry no cached value: excelize stores a formula's cached result only as
// text, so the workbook instead asks the spreadsheet to calculate all
// formulas on load. Import ignores the （计算值） cells.
//
// # Reading a sheet
//
// Import reads the first sheet, in tab order, holding a form, and tells
// the kind from the title or, failing that, the labels (部门调整预算收入,
// 部门名称 … for the department form; 项目名称, 年初预算数, 三级指标 … for
// the project form). Cells are found by their labels, compared after
// folding full-width characters and removing white space, a trailing
// colon, a leading "*" and a trailing note in parentheses
// ("全年预算数（A）", "项目资金（万元）"); common variants are accepted
// ("其中：当年财政拨款", "改进措施", "存在的问题", "金额单位：元").
//
//   - A value is the first non-empty cell right of its label; a label met
//     first means the value is absent. For a label in a row of column
//     headers with nothing to its right, the value is the cell below it,
//     when that row holds no label.
//   - A table (goals, tasks, key projects, the project's funds and
//     indicators) is found by its header row; its columns by their header
//     labels; its rows run from below the header to the next row holding a
//     label. A task or key project starts where its name cell starts
//     (non-empty, or merged down over its rows), or, with an empty name, where
//     one of its own cells starts; further rows are its further indicators.
//   - A merged cell's value is read from its top-left cell and applies to
//     every row the merge covers (一级指标 merged over four indicators).
//   - The key projects as published, one cell right of 重点项目绩效情况
//     holding the project's name on its first line and the summary below,
//     read as one key project.
//   - Text cells are read exactly as stored; a number, date or boolean in
//     a text field as the spreadsheet displays it.
//
// Numbers are read from the cell's stored text through decimal, never
// through float64:
//
//   - A text cell is parsed as the file format parses a value
//     ("2,395.15", full-width digits; a trailing unit equal to the form's
//     unit is dropped). "—", "-", "/" mean not applicable: absent.
//   - A numeric cell stores a binary double, and other writers print it
//     with up to 17 significant digits ("2395.1500000000001"). A stored
//     text of 15 significant digits or fewer is taken exactly as written;
//     one with more is a binary artefact and is rounded half up to 15
//     significant digits, dropping the zeros that leaves
//     (2395.1500000000001 is 2395.15). This package writes no number with
//     more than 15 digits (see above), so its own exports read back
//     exactly.
//   - An amount, weight or score then gets the decimals its number format
//     shows when it carries fewer (16.6 shown as 16.60 reads 16.60, what
//     the form printed) and is rounded half up to 6 decimal places, the
//     file format's limit, when it carries more (a foreign sheet's 1/3).
//     Otherwise no digit is ever dropped: 89.974 shown as 89.97 reads
//     89.974.
//   - A rate in a percent format is the fraction shown at the format's
//     decimals: 0.9999 and 0.99986 in "0.00%" both read 99.99%, as printed.
//     A rate in any other format, or as text without "%", is in percentage
//     points, as the file format reads a bare rate: 99.99 is 99.99%.
//   - A formula's cached result is its value; a formula whose result some
//     writer typed as text but which is a plain number is read as that
//     number.
//
// # Round trip
//
// Import(Export(f)) equals f for every form the file format can hold,
// with these exceptions, none of which changes what Evaluate computes:
// an empty list written as "[]" comes back nil (absent); an expected goal
// or text holding only white space comes back empty; an indicator whose
// cells are all empty is not read as an indicator; a task or key project
// whose own cells are all empty and that spans a single row is read as a
// further indicator row of the one above. Export refuses (wrapping
// ErrUnrepresentable) text a cell cannot give back: more than 32,767
// characters, invalid UTF-8 or control characters other than tab and
// line breaks.
//
// # Errors and limits
//
// Every Import failure is an *ImportError naming the file and, where they
// apply, the sheet and cell, and what was looked for, and wrapping one of
// ErrNotAForm, ErrCorrupt, ErrEncrypted, ErrTooLarge or ErrValue:
//
//	tianhe.xlsx: sheet Sheet1 cell C4: invalid value: 部门调整预算收入: budget.ParseAmount: "abc": invalid syntax
//
// Import refuses data larger than MaxFileSize (16 MiB) and archives that
// unzip to more than MaxUnzippedSize or hold an XML part larger than
// MaxPartSize; it reads at most MaxRows × MaxColumns cells of a sheet and
// MaxMerges merged ranges. A sheet is streamed, never loaded whole
// (excelize's whole-sheet model allocates every row and column up to the
// last cell named, which a small file naming cell XFD1048576 would turn
// into gigabytes), and nothing is spilled to temporary files. A password-
// protected workbook is detected and refused (ErrEncrypted), as is a
// legacy .xls. Import never panics: excelize is third-party code fed
// untrusted input, so a panic inside it is recovered and reported as
// ErrCorrupt. Import and Export are safe for concurrent use.
package xlsx
