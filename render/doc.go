// Package render draws a form in its official layout as an HTML page: the
// department form as the published 部门整体支出绩效自评表 (Guangzhou's layout,
// or the Ministry of Finance's national one), the project form as
// 项目支出绩效自评表, the declaration as 项目支出绩效目标申报表, the
// monitoring form as 项目支出绩效目标执行监控表 and a department evaluation as
// its 基础数据表 and its rubric's 评分表. It draws the layout the Markdown
// rendering and the Excel sheet draw, with html/template on the page
// frame and stylesheet every perfeval page shares; the page needs no
// external assets and no script, and prints on A4 landscape. HTML writes
// the page; Fragment writes the form alone, for a page of one's own that
// carries Style.
//
// With findings, each finding is shown at the cell its key path names
// (funds.reported.completion_rate, tasks[1].indicators[0].actual); a path
// the layout does not draw is shown at the nearest enclosing cell it does,
// and a finding about the whole form above the tables. With a score, an
// inline SVG chart compares score with weight for the budget-execution row
// and each level-one dimension (产出, 效益, 满意度).
package render
