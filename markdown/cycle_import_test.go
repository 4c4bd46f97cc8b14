package markdown_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/markdown"
)

func importCycle(t *testing.T, doc string) *imports.Result {
	t.Helper()
	res, err := markdown.ImportResult("c.md", []byte(doc))
	require.NoError(t, err, doc)
	return res
}

func readings(res *imports.Result) string {
	var b strings.Builder
	for _, r := range res.Readings {
		b.WriteString(r.Path + ": " + r.Note.En + "\n")
	}
	return b.String()
}

func unplaced(res *imports.Result) []string {
	var out []string
	for _, u := range res.Unplaced {
		out = append(out, u.Text)
	}
	return out
}

const declHead = "项目支出绩效目标申报表\n\n（2025年度）\n\n| 项目名称 | P | | |\n|---|---|---|---|\n"

// 项目起止时间 as the forms write it: in one cell, joined by 至 or a hyphen,
// or in two cells.
func TestImportPeriod(t *testing.T) {
	for _, tt := range []struct {
		row, start, end string
		read            bool // a reading is reported
	}{
		{"| 项目起止时间 | 2025年1月至2025年12月 | | |", "2025年1月", "2025年12月", false},
		{"| 项目起止时间 | 202001-202012 | | |", "202001", "202012", true},
		{"| 项目起止时间 | 2025-01-01-2025-12-31 | | |", "2025-01-01", "2025-12-31", true},
		{"| 项目起止时间 | 2025.1~2025.12 | | |", "2025.1", "2025.12", true},
		{"| 项目起止时间 | 2025年1月 | 至 | 2025年12月 |", "2025年1月", "2025年12月", false},
		{"| 项目起止时间 | 至2025年12月 | | |", "", "2025年12月", false},
	} {
		res := importCycle(t, declHead+tt.row+"\n")
		assert.Empty(t, unplaced(res), tt.row)
		d := res.Form.(*evaluation.DeclarationForm)
		assert.Equal(t, tt.start, d.Period.Start.String(), tt.row)
		assert.Equal(t, tt.end, d.Period.End.String(), tt.row)
		assert.Equal(t, tt.read, strings.Contains(readings(res), "period: "), tt.row)
	}
	res := importCycle(t, declHead+"| 项目起止时间 | 2025年13月至2025年12月 | | |\n")
	assert.Equal(t, []string{"2025年13月至2025年12月"}, unplaced(res))
}

// The month monitored is read from the labels that print it; a label that
// prints another month contradicts them and is reported; 监控期间 in a cell
// of its own says it too.
func TestImportMonthMonitored(t *testing.T) {
	const head = "项目支出绩效目标执行监控表\n\n| 项目名称 | P | | |\n|---|---|---|---|\n| 项目资金 | | 年初预算数 | 1-7月执行数 |\n| | 年度资金总额 | 100 | 45 |\n"
	res := importCycle(t, head)
	assert.Equal(t, evaluation.Month(7), res.Form.(*evaluation.MonitoringForm).AsOf)
	assert.Contains(t, readings(res), "as_of: the months monitored, 1-7")

	res = importCycle(t, head+"\n| 绩效指标 | 三级指标 | 年度指标值 | 1-6月执行情况 |\n|---|---|---|---|\n| | a | 1 | 1 |\n")
	assert.Equal(t, []string{"1-6月执行情况"}, unplaced(res))
	assert.Equal(t, evaluation.Month(7), res.Form.(*evaluation.MonitoringForm).AsOf)

	res = importCycle(t, "项目支出绩效目标执行监控表\n\n| 项目名称 | P |\n|---|---|\n| 监控期间 | 1-8月 |\n")
	assert.Empty(t, unplaced(res))
	assert.Equal(t, evaluation.Month(8), res.Form.(*evaluation.MonitoringForm).AsOf)
}

// 完成目标可能性: 不可能 is 完全不可能, reported; what is none of the three
// is reported unplaced and makes no indicator of its own. 偏差原因分析 in one
// column is its 其他.
func TestImportLikelihoodAndDeviation(t *testing.T) {
	res := importCycle(t, "绩效监控表\n\n| 项目名称 | P | | | |\n|---|---|---|---|---|\n"+
		"| 绩效指标 | 三级指标 | 年度指标值 | 偏差原因分析 | 完成目标可能性 |\n"+
		"| | a | 1 | 资金未到位 | 不可能 |\n| | b | 2 | | 能 |\n| | | | | 也许 |\n")
	m := res.Form.(*evaluation.MonitoringForm)
	require.Len(t, m.Indicators, 2)
	assert.Equal(t, evaluation.Impossible, m.Indicators[0].Likelihood)
	assert.Equal(t, "资金未到位", m.Indicators[0].Deviation.Other)
	assert.Equal(t, evaluation.LikelihoodUnstated, m.Indicators[1].Likelihood)
	assert.Equal(t, []string{"能", "也许"}, unplaced(res))
	r := readings(res)
	assert.Contains(t, r, "indicators[0].likelihood: “不可能” read as 完全不可能")
	assert.Contains(t, r, "indicators[0].deviation.other: 偏差原因分析 printed in one column")
}

// Without a title, labels only the cycle's forms print tell the kind.
func TestImportCycleKindByLabels(t *testing.T) {
	res := importCycle(t, "| 项目名称 | P | | |\n|---|---|---|---|\n| 项目资金 | | 年初预算数 | 1-7月执行数 |\n| | 年度资金总额 | 100 | 45 |\n"+
		"| 绩效指标 | 三级指标 | 全年预计完成情况 | 完成目标可能性 |\n| | a | 1 | 确定能 |\n")
	assert.Equal(t, evaluation.Monitoring, res.Form.Kind())
	res = importCycle(t, "| 项目名称 | P | | |\n|---|---|---|---|\n| 总体目标 | 长期目标 | 年度目标 | |\n| | x | y | |\n"+
		"| 年度绩效指标 | 三级指标 | 指标值 | 取值依据 |\n| | a | 1 | 计划标准 |\n")
	assert.Equal(t, evaluation.Declaration, res.Form.Kind())
	assert.Empty(t, unplaced(res))
}

// 主管部门及编码 is the department and its code; a label the declaration has
// no key for (得分) is kept with its value; a self-evaluation keeps the
// cycle's labels (项目属性, 备注) in extra, as it always did.
func TestImportKeylessOnEitherSide(t *testing.T) {
	res := importCycle(t, declHead+"| 主管部门及代码 | [015001]某局 | 得分 | 5 |\n")
	d := res.Form.(*evaluation.DeclarationForm)
	assert.Equal(t, "某局", d.Department)
	assert.Equal(t, []evaluation.Extra{{Label: "主管部门编码", Text: "015001"}, {Label: "得分", Text: "5"}}, d.Extra)
	assert.Empty(t, unplaced(res))

	res = importCycle(t, "项目支出绩效自评表\n\n| 项目名称 | P | 项目属性 | 新增项目 |\n|---|---|---|---|\n| 备注 | 无 | | |\n")
	p := res.Form.(*evaluation.ProjectForm)
	assert.Equal(t, []evaluation.Extra{{Label: "项目属性", Text: "新增项目"}, {Label: "备注", Text: "无"}}, p.Extra)
	assert.Empty(t, unplaced(res))
}
