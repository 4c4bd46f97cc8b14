// Package render draws a form in its official layout as a standalone HTML
// page: the department form as the published 部门整体支出绩效自评表, the
// project form as 项目支出绩效自评表 with its 项目资金, 年度总体目标 and 绩效指标
// blocks. The page needs no external assets and no script, and prints on
// A4 landscape.
//
// With findings, each finding is shown at the cell its key path names
// (funds.reported.completion_rate, tasks[1].indicators[0].actual), so a
// reviewer sees the mistake where it is; a path that names no drawn cell
// is shown at the nearest enclosing one (tasks[1].indicators → the task),
// and a finding about the whole form above the table. With a score, an
// inline SVG chart compares score with weight for each level-one
// dimension (产出, 效益, 满意度) and the budget-execution row.
//
// The layout is built as a table model (rows of cells with key paths)
// first and written second, so annotation is one lookup per cell and the
// same model serves both forms.
package render
