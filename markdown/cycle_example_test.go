package markdown_test

import (
	"fmt"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
)

// A monitoring form as Huangshi publishes it: the month monitored is read
// from the funds' labels, the form-level deviation rows are its own, and
// every reading that is not literal is in the account.
func ExampleImportResult_monitoring() {
	doc := `黄石市项目支出绩效监控表

(2019年度)

| 项目名称 | 申遗经费 | | | |
|---|---|---|---|---|
| 主管部门 | 黄石市文化和旅游局 | | | |
| 项目资金 (万元) | | 年初预算数 | 1-6月执行数 | 全年预计执行数 |
| | 年度资金总额: | 220 | 87.57 | |
| 绩效指标 | 一级指标 | 指标名称 | 指标值 | 完成目标可能性 |
| | 产出指标 | 成本 | 年度预算220万元 | 不可能 |
| 偏差或不能完成目标原因分析 | 审批延迟 | | | |
| 相关建议或举措 | 加快审批 | | | |
`
	res, err := markdown.ImportResult("huangshi.md", []byte(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	m := res.Form.(*evaluation.MonitoringForm)
	fmt.Printf("%s (%d, months 1-%d): %s of %s spent\n", m.Project, m.Year, m.AsOf, m.Funds.Executed, m.Funds.AnnualBudget)
	fmt.Println(m.Indicators[0].Name, m.Indicators[0].Likelihood, "|", m.Deviation, "|", m.Measures)
	for _, r := range res.Readings {
		fmt.Println(r.Path+":", r.Note.En)
	}
	fmt.Println("unplaced:", len(res.Unplaced))
	// Output:
	// 申遗经费 (2019, months 1-6): 87.57 of 220.00 spent
	// 成本 完全不可能 | 审批延迟 | 加快审批
	// as_of: the months monitored, 1-6, taken from the label “1-6月执行数”
	// indicators[0].likelihood: “不可能” read as 完全不可能
	// unplaced: 0
}
