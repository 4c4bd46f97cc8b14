package vocab_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/internal/vocab"
)

func TestNormalize(t *testing.T) {
	for _, tt := range []struct {
		in       string
		key      string
		notes    []string
		broken   bool
		numbered bool
	}{
		{"部门调整预算收入", "部门调整预算收入", nil, false, false},
		{" 部门 调整预算\n收入： ", "部门调整预算收入", nil, true, false},
		{"**部门名称：**", "部门名称", nil, false, false},
		{"*项目名称", "项目名称", nil, false, false},
		{"全年预算数（A）", "全年预算数", []string{"A"}, false, false},
		{"执行率（B/A）", "执行率", []string{"B/A"}, false, false},
		{"项目资金（万元）", "项目资金", []string{"万元"}, false, false},
		{"预算执行情况(万元)\n(20分)", "预算执行情况", []string{"20分", "万元"}, true, false},
		{"经济效益<br>指标", "经济效益<br>指标", nil, false, false},
		{"经济效益\n指标", "经济效益指标", nil, true, false},
		{"1.项目年度目标完成情况", "项目年度目标完成情况", nil, false, true},
		{"一、部门整体绩效", "部门整体绩效", nil, false, true},
		{"（一）存在问题", "存在问题", nil, false, true},
		{"２０２１年", "2021年", nil, false, false},
		{"1.", "1.", nil, false, false},
	} {
		n := vocab.Normalize(tt.in)
		assert.Equal(t, tt.key, n.Key, tt.in)
		assert.Equal(t, tt.notes, n.Notes, tt.in)
		assert.Equal(t, tt.broken, n.Broken, tt.in)
		assert.Equal(t, tt.numbered, n.Numbered, tt.in)
	}
	assert.Equal(t, vocab.Norm{}, vocab.Normalize(string(make([]byte, vocab.MaxLabelBytes+1))), "too long to be a label")
}

// Every spelling of a label, in every layout, reads as the same label,
// and the spellings the importers once kept apart read alike.
func TestLookup(t *testing.T) {
	for text, want := range map[string]vocab.ID{
		"部门名称": vocab.DepartmentName, "部门（单位）名称": vocab.DepartmentName, "部门": vocab.DepartmentName,
		"被评价年度": vocab.Year, "评价年度": vocab.Year,
		"部门资金情况": vocab.FundsBlock, "资金情况（万元）": vocab.FundsBlock, "预算资金（万元）": vocab.FundsBlock, "项目资金": vocab.FundsBlock,
		"预算执行情况(10分)": vocab.FundsBlock,
		"部门调整预算收入":    vocab.AdjustedBudget, "全年预算数（A）": vocab.AdjustedBudget, "调整后预算数": vocab.AdjustedBudget,
		"部门年初预算收入": vocab.InitialBudget, "年初预算资金总额": vocab.InitialBudget,
		"实际支出数": vocab.ActualExpenditure, "实际投入资金额": vocab.ActualExpenditure, "全年执行数（B）": vocab.ActualExpenditure,
		"预算完成率": vocab.CompletionRate, "执行率（B/A）": vocab.CompletionRate,
		"年度资金总额：": vocab.FundsTotal, "合计": vocab.FundsTotal,
		"年度目标": vocab.GoalsBlock, "总体目标": vocab.GoalsBlock, "年度 总体 目标": vocab.GoalsBlock,
		"部门整体支出的预期目标": vocab.Expected, "年度总体目标完成情况": vocab.Achieved,
		"绩 效 指 标": vocab.IndicatorsBlock, "绩效指标(90分)": vocab.IndicatorsBlock,
		"关键指标": vocab.IndicatorName, "三级指标": vocab.IndicatorName, "指标性质": vocab.TargetOperator, "度量单位": vocab.TargetUnit,
		"预算完成率（计算值）": vocab.Computed,
		"联系电话":       vocab.Keyless, "主管部门编码": vocab.Keyless,
		"单位：万元": vocab.Unit, "金额单位：元": vocab.Unit,
		"矛盾纠纷化解率": vocab.None, "": vocab.None,
	} {
		assert.Equal(t, want, vocab.Lookup(text).ID, text)
	}
}

func TestSources(t *testing.T) {
	for text, want := range map[string]budget.SourceKind{
		"其中：一般公共预算": budget.GeneralPublicBudget, "其中:一般公共预算拨款": budget.GeneralPublicBudget,
		"当年一般公共预算拨款": budget.GeneralPublicBudget, "其中：当年财政 拨款": budget.CurrentAppropriation,
		"财政拨款": budget.CurrentAppropriation, "本年财政拨款": budget.CurrentAppropriation,
		"上年结转": budget.PriorCarryover, "上年结转 资金": budget.PriorCarryover, "其他资金": budget.OtherFunds,
	} {
		m := vocab.Lookup(text)
		assert.Equal(t, vocab.Source, m.ID, text)
		assert.Equal(t, want, m.Source, text)
		assert.False(t, m.Keyless, text)
	}
	for _, text := range []string{"其中：事业收入", "财政资金"} {
		m := vocab.Lookup(text)
		assert.Equal(t, vocab.Source, m.ID, text)
		assert.True(t, m.Keyless, text)
	}
	assert.Equal(t, vocab.None, vocab.Lookup("其中：神秘资金").ID, "an unknown source is no label")
	for _, k := range budget.SourceKinds() {
		got, ok := vocab.SourceOf(vocab.SourceText(k))
		assert.True(t, ok)
		assert.Equal(t, k, got)
	}
}

func TestText(t *testing.T) {
	assert.Equal(t, "部门调整预算收入", vocab.Text(vocab.AdjustedBudget, vocab.Guangzhou))
	assert.Equal(t, "全年预算数", vocab.Text(vocab.AdjustedBudget, vocab.NationalProject))
	assert.Equal(t, "全年预算数", vocab.Text(vocab.AdjustedBudget, vocab.NationalDepartment))
	assert.Equal(t, "预算资金", vocab.Text(vocab.FundsBlock, vocab.NationalDepartment))
	assert.Equal(t, "项目资金", vocab.Text(vocab.FundsBlock, vocab.NationalProject))
	assert.Equal(t, "部门整体绩效", vocab.Text(vocab.Overall, vocab.NationalDepartment))
	assert.Equal(t, "指标值", vocab.Text(vocab.Target, vocab.Guangzhou))
	// Every canonical text reads back as its label.
	for id := vocab.DepartmentName; id < vocab.Keyless; id++ {
		for _, l := range []vocab.Layout{vocab.Guangzhou, vocab.NationalDepartment, vocab.NationalProject} {
			if text := vocab.Text(id, l); text != "" && id != vocab.Source && id != vocab.Unit && id != vocab.Computed {
				assert.Equal(t, id, vocab.Lookup(text).ID, "%s in layout %d", text, l)
			}
		}
	}
}

func TestTitlesAndYears(t *testing.T) {
	for text, want := range map[string]vocab.Kinds{
		"部门整体支出绩效自评表": vocab.Department, "2021年度部门整体支出绩效自评表": vocab.Department,
		"项目支出绩效自评表": vocab.Project, "财政项目支出绩效自评表": vocab.Project, "部门预算项目支出绩效自评表(2023年度)": vocab.Project,
		"市级文物保护专项经费绩效自评表(2022年度)": vocab.Project, "项目支出绩效目标申报表": vocab.Declaration,
		"黄石市项目支出绩效监控表 (申遗)": vocab.Monitoring,
	} {
		k, ok := vocab.Title(text)
		assert.True(t, ok, text)
		assert.Equal(t, want, k, text)
	}
	_, ok := vocab.Title("会议纪要")
	assert.False(t, ok)
	for text, want := range map[string]int{"市级文物保护专项经费绩效自评表(2022年度)": 2022, "2020年市本级项目": 2020, "（２０２１年度）": 2021} {
		y, ok := vocab.YearIn(text)
		assert.True(t, ok, text)
		assert.Equal(t, want, y, text)
	}
	_, ok = vocab.YearIn("编号 12345年")
	assert.False(t, ok)
}

func TestPlaceholdersAndHeadings(t *testing.T) {
	for _, s := range []string{"……", "…", "...", "指标1", "指标 2", "指标2：", "指标1:/", "XX"} {
		assert.True(t, vocab.IsPlaceholder(s), s)
	}
	for _, s := range []string{"指标1:完成中型灌区节水改造项目数量", "完成率", "1"} {
		assert.False(t, vocab.IsPlaceholder(s), s)
	}
	assert.True(t, vocab.IsHeading("附件1"))
	assert.True(t, vocab.IsHeading("公开14表"))
	assert.False(t, vocab.IsHeading("附件说明很长"))
}

func TestUnitOf(t *testing.T) {
	for text, want := range map[string]budget.Unit{"单位：万元": budget.TenThousandYuan, "（单位：元）": budget.Yuan, "金额单位:亿元": budget.HundredMillionYuan, "万元": budget.TenThousandYuan} {
		u, ok := vocab.UnitOf(text)
		assert.True(t, ok, text)
		assert.Equal(t, want, u, text)
	}
	_, ok := vocab.UnitOf("单位：美元")
	assert.False(t, ok)
}

// FuzzLookup: reading any text as a label never panics, and a label's
// canonical text normalises to itself.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{"部门调整预算收入", "执行率（B/A）(%)", "1.（一）其中：一般公共预算：", "((()", "）（", "\x00", "预算执行情况(万元)\n(20分)",
		"1-7月执行数", "1－X月执行率（计算值）", "半年度指标执行情况", "1至13月份完成情况"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := vocab.Lookup(s)
		if m.ID != vocab.None && m.Key == "" {
			t.Fatalf("label %d with an empty key from %q", m.ID, s)
		}
		n := vocab.Normalize(m.Key)
		if m.Key != "" && n.Key == "" {
			t.Fatalf("key %q normalises to nothing", m.Key)
		}
		vocab.Title(s)
		vocab.YearIn(s)
		vocab.UnitOf(s)
		vocab.IsPlaceholder(s)
	})
}
