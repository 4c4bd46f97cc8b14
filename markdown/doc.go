// Package markdown reads and writes the forms as Markdown tables — the
// self-evaluations, the declaration and the monitoring form: Render prints
// a form in its official layout; ImportResult reads a published form
// (usually a PDF converted to Markdown) and accounts for every cell of it;
// Import is its strict, form-only form. Both sides use
// the one vocabulary of labels and the one layout model that the HTML
// page and the Excel sheet use too (internal/vocab, internal/layout), so
// Import reads Render's output back to the same form, whatever text its
// cells hold.
//
// The package imports budget, evaluation and imports; a service that only
// evaluates forms links it only if it asks for Markdown.
//
// # Layout
//
// 部门整体支出绩效自评表 is laid out as Guangzhou publishes it (the Tianhe
// 2021 form in testdata/ is the reference): the title, 单位：万元, one table
// from 部门名称 | 被评价年度 through 部门资金情况, 年度目标 and 主要任务 to
// 重点项目绩效情况, then a two-column table of 部门整体绩效, 存在问题 and
// 改进措施或下一步计划, then Guangzhou's note for a form filed under the
// guangzhou-2021 profile. A department form that fills only the Ministry of
// Finance's national parts (分值 and 得分 of the budget row, scored
// 绩效指标, 总分) is laid out in the national layout (部门名称, 预算资金,
// 年度总体目标, 绩效指标, 总分, 评价等级); one that fills both gets the national
// parts after its Guangzhou table.
//
// 项目支出绩效自评表 is laid out as the Ministry of Finance's template
// (财预〔2020〕10号): 项目名称, 主管部门 | 实施单位, 项目资金, 年度总体目标,
// 绩效指标, 总分, 评价等级, and 评价结论, 存在问题, 改进措施 when the form has
// them.
//
// 项目支出绩效目标申报表 is laid out as the finance bureaus publish it: the
// project's header (项目属性, 项目起止时间 "2025年1月至2025年12月"), 项目资金申请
// with 资金总额, 其中：财政拨款, 其他资金 and further sources by name
// (其中：自有资金), 总体目标 as 长期目标 | 年度目标, then the 长期绩效指标 (when
// the form has them) and 年度绩效指标 tables. 项目支出绩效目标执行监控表 prints
// its funds in columns (年初预算数, 调整后预算数 when stated, 1-X月执行数,
// 1-X月执行率, 全年预计执行数), 年度总体目标 with its 1-X月执行情况, and the
// 绩效指标 table with 偏差原因分析 over its five columns, the month monitored
// printed in the labels (1-7月执行数).
//
// Cells the published forms have no place for (a source's budgets on
// the Guangzhou form, 指标值 and 分值 of department indicators, 部门编码, the
// extra cells under 其他栏目) get places of their own, only when the form
// uses them; a profile other than guangzhou-2021 is kept as an HTML
// comment, invisible when the document is shown.
//
// Amounts print with the decimals they were written with (16.6 stays
// 16.6), rates as printed. Text escapes "|", "\", "&", "<" and ">", and
// writes control characters as character references; a value that would
// read as a label, a note or a placeholder where it stands (an indicator
// named 得分) has its first character written as a character reference, so
// it shows the same and reads back as data. A goal holding a line break
// reads back as two goals, and texts are trimmed. A blank 一级指标 or
// 二级指标 under a filled one reads back as the one above it: Markdown has
// no merged cells, and a converted PDF prints a merged cell on its first
// row only (the Excel sheet, which merges, keeps such a blank).
//
// # Annotations
//
// Render with findings marks each finding in the cell its Path names (" ✖[1]"
// an error, " ⚠[2]" a warning, " ℹ[3]" info), or in the nearest enclosing
// cell the layout draws, and lists the findings under the tables. Import
// ignores the markers and the list.
//
// # Import
//
// Import finds cells by their labels, never by fixed positions, and reads
// every layout the vocabulary knows: Guangzhou's, the national department
// and project layouts, and the provinces' (Hunan's 资金情况 with 年初预算资金总额
// and 实际投入资金额, Sichuan's 部门预算项目支出绩效自评表 with 指标性质 | 指标值 |
// 度量单位, Shanghai's 财政项目支出绩效自评表 in 元, Yunnan's and Hubei's), and
// the declarations and monitoring forms testdata/cycle holds: Hubei's
// 主管部门及编码 and side-by-side 长期 | 年度 indicator columns, a label and
// its figure in one cell (年度资金总额:16), Sichuan's numbered source rows,
// Ningxia's 批复表 whose indentation alone says what each name is, and
// Huangshi's 半年度 monitoring form. The title tells the kind, else the
// labels only one kind prints.
// It copes with what converting a PDF does: a table split across pages
// (the row after the break continues the one before it), empty columns,
// merged cells printed on their first row only, <p> and <br> inside cells,
// entities, emphasis, full-width forms, line breaks and notes inside labels
// (经济效益<br>指标, 项目资金（万元）, 产出指标（50分）).
//
// Every non-empty cell is accounted for in the *imports.Result: placed
// under its key path, kept with its label in the form's extra list (联系电话,
// 项目类别, a figure of the funds table the format has no key for),
// skipped (a blank template's rows: ……, 指标1, level names alone), or
// unplaced with its line, column and why. A reading that is not literal is
// reported: 150万 read as 150 万元, a rate printed without % read as a ratio
// or a percentage (whichever the form's own amounts agree with; otherwise
// a value of at most 1 is a ratio), a year taken from the title or a
// heading row, a target read from three columns, a line break folded.
//
// # Errors and limits
//
// ImportResult fails only when the document holds no form (ErrNotAForm:
// empty, binary, a control character however written, no label of a
// form) or exceeds a limit (ErrLimit): MaxFileSize, MaxLines, MaxRows,
// MaxCells per row, and the file format's own limits (1,000 tasks,
// indicators or key projects; texts of at most evaluation.MaxTextBytes),
// so that every form it returns is one evaluation.Decode reads back.
// Import fails besides with ErrMalformed, naming the first cell not placed.
// Every failure is an *ImportError with the file and line. Neither ever
// panics.
package markdown
