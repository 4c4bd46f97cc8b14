package markdown_test

import (
	"fmt"
	"os"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
)

// Import a small published form and compute its figures.
func ExampleImport() {
	doc := `部门整体支出绩效自评表

单位：万元

| 部门名称 | | 示例区财政局 | | 被评价年度 | 2024年 |
|---|---|---|---|---|---|
| 部门资金情况 | 部门调整预算收入 | 1,250.40 | 部门年初预算收入 | 1000 | |
| | 实际支出数 | 1200.2 | 年度预算调整数 | 250.4 | |
| | 其中：一般公共预算 | 1200.2 | | | |
| | 预算完成率 | 95.99% | 预算调整率 | 25.04% | |
| 主要任务 | 预期目标 | 目标完成情况 | 关键指标 | 指标完成情况 | 任务涉及资金 |
| 任务1 | 完成预算评审 | 已完成 | 评审项目数 | 120个 | 300.5 |
`
	form, err := markdown.Import("example.md", []byte(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := form.(*evaluation.DepartmentForm)
	fmt.Println(d.Department, d.Year, d.Unit)
	fmt.Println("部门调整预算收入", d.Funds.AdjustedBudget.Format())
	fmt.Println("其中", d.Funds.Sources[0].Kind.Label(), d.Funds.Sources[0].ActualExpenditure.Format())

	r := evaluation.Evaluate(form, nil)
	fmt.Println("年度预算调整数", r.Figures.Adjustment.Format())
	fmt.Println("预算完成率", r.Figures.CompletionRate)
	fmt.Println("预算调整率", r.Figures.AdjustmentRate)
	fmt.Println("任务资金占实际支出", r.Figures.TaskFundsShare)
	// Output:
	// 示例区财政局 2024 万元
	// 部门调整预算收入 1250.40万元
	// 其中 一般公共预算 1200.20万元
	// 年度预算调整数 250.40万元
	// 预算完成率 95.99%
	// 预算调整率 25.04%
	// 任务资金占实际支出 25.04%
}

// A document that is not a form is an *ImportError saying what was looked for.
func ExampleImport_notAForm() {
	_, err := markdown.Import("notes.md", []byte("# 会议纪要\n\n| 时间 | 地点 |\n|---|---|\n| 周一 | 三楼 |\n"))
	fmt.Println(err)
	// Output:
	// notes.md:3: not a form: no table holds a label of either form (looked for a table with 部门调整预算收入 or 项目名称)
}

// Render a form with a finding marked at its cell.
func ExampleRender() {
	form := &evaluation.ProjectForm{Project: "示例项目", Department: "示例局", Year: 2024}
	findings := []evaluation.Finding{{
		Rule: "text.missing", Severity: evaluation.Error, Path: "implementing_unit",
		Message: evaluation.Text{Zh: "实施单位未填写"},
	}}
	if err := markdown.Render(os.Stdout, form, findings); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 项目支出绩效自评表
	//
	// （2024年度）
	//
	// 单位：万元
	//
	// | 项目名称 | 示例项目 | | | | | | | |
	// |---|---|---|---|---|---|---|---|---|
	// | 主管部门 | 示例局 | | | 实施单位 | ✖[1] | | | |
	// | 项目资金 | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |
	// | | 年度资金总额 | | | | | | | |
	// | 年度总体目标 | 预期目标 | | | | 实际完成情况 | | | |
	// | | | | | | | | | |
	// | 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
	// | 总分 | | | | | | | | |
	// | 评价等级 | | | | | | | | |
	//
	// 审核发现：
	//
	// 1. ✖ error `text.missing` 位置：implementing_unit：实施单位未填写
}

// ImportResult accounts for every cell: here a rate printed as a ratio is
// read by the form's own amounts, and a cell no label names is reported.
func ExampleImportResult() {
	doc := `项目支出绩效自评表（2024年度）

| 项目名称 | 示例项目 | | | | | |
|---|---|---|---|---|---|---|
| 项目资金 | | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| | 年度资金总额 | 29 | 27.84 | 10 | 0.96 | 9.6 |
| 备忘 | 另附说明 | | | | | |
`
	res, err := markdown.ImportResult("example.md", []byte(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := res.Form.(*evaluation.ProjectForm)
	fmt.Println(p.Project, p.Year, p.Funds.Reported.ExecutionRate)
	for _, r := range res.Readings {
		fmt.Println("reading:", r.Position, r.Note.En)
	}
	for _, u := range res.Unplaced {
		fmt.Printf("unplaced: %s %q: %s\n", u.Position, u.Text, u.Why.En)
	}
	fmt.Println("complete:", res.Complete())
	// Output:
	// 示例项目 2024 96%
	// reading: line 1 the year 2024 taken from the title
	// reading: line 6 column 6 0.96 printed without %, read as the ratio 96% (agrees with 96.00% computed from the form's amounts)
	// unplaced: line 7 column 1 "备忘": no label tells what this cell is
	// unplaced: line 7 column 2 "另附说明": no label tells what this cell is
	// complete: false
}
