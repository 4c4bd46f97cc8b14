package vocab_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/perfeval/perfeval/internal/vocab"
)

// The cycle's labels in every spelling the published forms use.
func TestLookupCycle(t *testing.T) {
	for text, want := range map[string]vocab.ID{
		"项目属性": vocab.Attribute, "项目类型": vocab.ProjectType, "项目起止时间": vocab.Period, "项目期": vocab.Period,
		"长期目标": vocab.LongTermGoal, "中期目标（2025-2027年）": vocab.LongTermGoal, "中长期目标": vocab.LongTermGoal,
		"长期绩效指标": vocab.LongTermIndicators, "取值依据": vocab.Basis, "备注": vocab.Note,
		"1-7月执行数": vocab.ExecutedToDate, "1－6月执行数": vocab.ExecutedToDate, "1-X月执行数": vocab.ExecutedToDate,
		"1-7月执行率": vocab.ExecutionRateToDate, "1—7月预算执行率": vocab.ExecutionRateToDate,
		"1-7月执行情况": vocab.ProgressToDate, "半年度指标执行情况": vocab.ProgressToDate, "1至8月份实际完成情况": vocab.ProgressToDate,
		"1-7月执行率（计算值）": vocab.Computed,
		"全年预计执行数":      vocab.FundsForecast, "全年预计完成情况": vocab.IndicatorForecast,
		"完成目标可能性(确定能、有可能、不可能)": vocab.Likelihood,
		"经费保障": vocab.DeviationFunding, "制度保障": vocab.DeviationSystem, "人员保障": vocab.DeviationStaffing,
		"硬件条件保障": vocab.DeviationFacilities, "硬件保障": vocab.DeviationFacilities, "其他原因": vocab.DeviationOther,
		"相关建议或举措": vocab.Measures, "偏差或不能完成目标原因分析": vocab.FormDeviation,
		"项目资金申请": vocab.FundsBlock, "绩效金额": vocab.FundsTotal, "项目主管部门": vocab.Authority,
		"指标内容": vocab.IndicatorName, "当年资金总额:": vocab.Keyless, "金额(万元)": vocab.Heading,
		"1-7月": vocab.None, "1-7月预算": vocab.None, "1-13月执行数": vocab.ExecutedToDate,
	} {
		assert.Equal(t, want, vocab.Lookup(text).ID, text)
	}
	for _, id := range []vocab.ID{vocab.Attribute, vocab.ExecutedToDate, vocab.FormDeviation} {
		assert.True(t, vocab.OfCycle(id))
	}
	for _, id := range []vocab.ID{vocab.None, vocab.ProjectName, vocab.Keyless, vocab.FundsTotal} {
		assert.False(t, vocab.OfCycle(id))
	}
}

// The month monitored, as a label prints it, and back.
func TestMonths(t *testing.T) {
	for text, want := range map[string]int{"1-7月执行数": 7, "1－12月执行率": 12, "1-X月执行情况": 0, "半年度指标执行情况": 6, "上半年执行数": 6, "1至8月份执行数": 8} {
		x, ok := vocab.MonthIn(text)
		assert.True(t, ok, text)
		assert.Equal(t, want, x, text)
	}
	for _, text := range []string{"执行数", "1-13月执行数", "1-7月", "年初预算数"} {
		_, ok := vocab.MonthIn(text)
		assert.False(t, ok, text)
	}
	for x := range 13 {
		for _, id := range []vocab.ID{vocab.ExecutedToDate, vocab.ExecutionRateToDate, vocab.ProgressToDate} {
			text := vocab.MonthLabel(id, x)
			got, ok := vocab.MonthIn(text)
			assert.True(t, ok, text)
			assert.Equal(t, x, got, text)
			assert.Equal(t, id, vocab.Lookup(text).ID, text)
		}
	}
	assert.Equal(t, "", vocab.MonthLabel(vocab.Target, 7))
}

// The titles of the cycle's forms, and the titles that say no more than
// the kind.
func TestCycleTitles(t *testing.T) {
	for text, want := range map[string]vocab.Kinds{
		"项目支出绩效目标表": vocab.Declaration, "绩效目标申报表(基础设施建设类)": vocab.Declaration,
		"石嘴山市疾病预防控制中心2020年项目绩效目标批复表": vocab.Declaration, "项目支出绩效目标执行监控表": vocab.Monitoring,
	} {
		k, ok := vocab.Title(text)
		assert.True(t, ok, text)
		assert.Equal(t, want, k, text)
	}
	assert.True(t, vocab.GenericTitle(vocab.Declaration, "项目支出绩效目标表"))
	assert.True(t, vocab.GenericTitle(vocab.Monitoring, "项目支出绩效监控表"))
	assert.False(t, vocab.GenericTitle(vocab.Monitoring, "黄石市项目支出绩效监控表(申遗)"))
	assert.False(t, vocab.GenericTitle(vocab.Declaration, "项目支出绩效监控表"))
	assert.True(t, vocab.IsTickBoxes("1、部门预算项目 □ 2、省直专项 □ 3、省对下转移支付项目 □"))
	assert.False(t, vocab.IsTickBoxes("部门预算项目"))
}

// Every canonical text of the cycle's layouts reads back as its label,
// but 其他: under 偏差原因分析 the reader takes it for the fifth column, and
// elsewhere it names a source of funds.
func TestCycleTexts(t *testing.T) {
	for _, l := range []vocab.Layout{vocab.DeclarationLayout, vocab.MonitoringLayout} {
		for id := vocab.DepartmentName; id <= vocab.FormDeviation; id++ {
			text := vocab.Text(id, l)
			if text == "" || id == vocab.Source || id == vocab.Unit || id == vocab.Computed || id == vocab.DeviationOther {
				continue
			}
			if id > vocab.Keyless && !vocab.OfCycle(id) {
				continue
			}
			assert.Equal(t, id, vocab.Lookup(text).ID, "%s in layout %d", text, l)
		}
	}
	assert.Equal(t, "其他", vocab.Text(vocab.DeviationOther, vocab.MonitoringLayout))
	assert.Equal(t, "项目实施单位", vocab.Text(vocab.ImplementingUnit, vocab.DeclarationLayout))
	assert.Equal(t, "实施单位", vocab.Text(vocab.ImplementingUnit, vocab.NationalProject), "the other layouts are unchanged")
}
