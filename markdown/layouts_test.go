package markdown_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
)

// The Ministry of Finance's national department layout, as departments
// print it: 部门 and 预算资金（万元） with 分值 and 得分, 绩效指标 一级·二级·三级
// with 分值 and 得分, 总分. Every cell is placed under the national keys.
func TestImportNationalDepartment(t *testing.T) {
	const doc = `部门整体支出绩效自评表

（2021年度）

| 部门 | 某市统计局 | | | | | | | |
|---|---|---|---|---|---|---|---|---|
| 预算资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |
| | 年度资金总额 | 1,000 | 1,200 | 1,140 | 10 | 95% | 9.5 | |
| | 其中：本年财政拨款 | 1,000 | 1,100 | 1,050 | — | — | — | |
| | 上年结转资金 | | 100 | 90 | — | — | — | |
| 年度总体目标 | 预期目标 | | | | 实际完成情况 | | | |
| | 完成统计调查任务 | | | | 全部完成 | | | |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| | 产出指标 | 数量指标 | 调查项目数 | ≥12项 | 12项 | 50 | 50 | |
| | 效益指标 | 社会效益指标 | 数据发布及时率 | 100% | 100% | 30 | 30 | |
| | 满意度指标 | 服务对象满意度指标 | 用户满意度 | ≥90% | 95% | 10 | 10 | |
| 总分 | | | | | | 100 | 99.5 | 优 |
`
	res := importResult(t, doc)
	assert.Empty(t, res.Unplaced)
	assert.Empty(t, res.Missing)
	d := department(t, res.Form)
	assert.Equal(t, "某市统计局", d.Department)
	assert.Equal(t, 2021, d.Year)
	assert.Equal(t, "1200.00", d.Funds.AdjustedBudget.String())
	assert.Equal(t, "95%", d.Funds.Reported.CompletionRate.String())
	assert.Equal(t, "10", d.Funds.Weight.String())
	assert.Equal(t, "9.5", d.Funds.Reported.Score.String())
	require.Len(t, d.Funds.Sources, 2)
	assert.Equal(t, budget.PriorCarryover, d.Funds.Sources[1].Kind)
	require.Len(t, d.Indicators, 3)
	assert.Equal(t, "用户满意度", d.Indicators[2].Name)
	assert.Equal(t, "99.5", d.Reported.TotalScore.String())
	assert.Equal(t, "优", d.Reported.Grade)
	assert.Equal(t, []evaluation.Extra{{Label: "总分（分值）", Text: "100"}}, d.Extra)

	r := evaluation.Evaluate(d, nil)
	require.NotNil(t, r.Score, "scored like a project form")
	assert.Equal(t, "99.50", r.Score.Total.StringFixed(2))
}

// Hunan's department layout: 资金情况 with 年初预算资金总额 / 实际投入资金额
// / 合计; 总体目标 | 年度目标 | 年度总体目标完成情况; 绩效指标 without 分值.
func TestImportHunanDepartment(t *testing.T) {
	const doc = `部门整体支出绩效自评表

（2020年度）

填报单位（盖章）：某县农业农村局

| 部门（单位）名称 | 某县农业农村局 | | | | |
|---|---|---|---|---|---|
| 资金情况（万元） | | 年初预算资金总额 | 实际投入资金额 | | |
| | 合计 | 3,250.6 | 3,180.2 | | |
| | 其中：一般公共预算 | 3,000 | 2,950.2 | | |
| | 其他资金 | 250.6 | 230 | | |
| 总体目标 | 年度目标 | | 年度总体目标完成情况 | | |
| | 完成农田建设任务 | | 完成高标准农田2万亩 | | |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 |
| | 产出指标 | 数量指标 | 高标准农田建设面积 | ≥2万亩 | 2万亩 |
| | 效益指标 | 经济效益指标 | 亩均增产 | ≥50公斤 | 60公斤 |
| | 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% | 93% |
`
	res := importResult(t, doc)
	assert.Empty(t, res.Unplaced)
	d := department(t, res.Form)
	assert.Equal(t, "某县农业农村局", d.Department)
	assert.Equal(t, 2020, d.Year)
	assert.Equal(t, "3250.60", d.Funds.InitialBudget.String())
	assert.Equal(t, "3180.20", d.Funds.ActualExpenditure.String())
	assert.Nil(t, d.Funds.AdjustedBudget)
	require.Len(t, d.Funds.Sources, 2)
	assert.Equal(t, "2950.20", d.Funds.Sources[0].ActualExpenditure.String())
	assert.Equal(t, budget.OtherFunds, d.Funds.Sources[1].Kind)
	assert.Equal(t, evaluation.Goals{Expected: []string{"完成农田建设任务"}, Achieved: "完成高标准农田2万亩"}, d.Goals)
	require.Len(t, d.Indicators, 3)
	assert.Equal(t, "≥50公斤", d.Indicators[1].Target)
	assert.Nil(t, d.Indicators[1].Weight)
	assert.Equal(t, []evaluation.Extra{{Label: "填报单位（盖章）", Text: "某县农业农村局"}}, d.Extra)
}

// A mangled copy of the seed — a label misspelt, a row moved where its
// cells mean nothing — imports with the cells it cannot place reported,
// by line and column, and the simple entry point refuses it. A row moved
// with its labels is read by them wherever it stands.
func TestImportMangledSeed(t *testing.T) {
	seed := readSeed(t)
	indicatorRow := "| | | | 党规党纪培训 | 2811人 | |\n"
	for _, tt := range []struct {
		name string
		edit func(string) string
		text []string // the cells reported unplaced
	}{
		{"label misspelt", func(s string) string {
			return strings.Replace(s, "| 部门调整预算收入 |", "| 部门调整预箕收入 |", 1)
		}, []string{"部门调整预箕收入", "2395.15"}},
		{"indicator row moved into the funds", func(s string) string {
			s = strings.Replace(s, indicatorRow, "", 1)
			return strings.Replace(s, "| | 实际支出数 |", strings.TrimSuffix(indicatorRow, "\n")+"\n| | 实际支出数 |", 1)
		}, []string{"党规党纪培训", "2811人"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.edit(seed)
			require.NotEqual(t, seed, doc)
			res := importResult(t, doc)
			var texts []string
			for _, u := range res.Unplaced {
				texts = append(texts, u.Text)
				assert.Positive(t, u.Line)
				assert.Positive(t, u.Column)
			}
			assert.Equal(t, tt.text, texts)
			assert.False(t, res.Complete())
			_, err := markdown.Import("mangled.md", []byte(doc))
			assert.ErrorIs(t, err, markdown.ErrMalformed)
		})
	}

	// The rates' row moved below the tasks is still read by its labels.
	rates := "| | 预算完成率 | 99.99% | 预算调整率 | 17.48% | |\n"
	doc := strings.Replace(seed, rates, "", 1)
	doc = strings.Replace(doc, "| 重点项目绩效情况 |", strings.TrimSuffix(rates, "\n")+"\n| 重点项目绩效情况 |", 1)
	res := importResult(t, doc)
	assert.Empty(t, res.Unplaced)
	assert.Equal(t, "99.99%", department(t, res.Form).Funds.Reported.CompletionRate.String())
}
