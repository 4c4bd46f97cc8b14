package indicator

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type assessCase struct {
	target, actual string
	dir            Direction // override given to Assess
	status         Status
	eff            Direction // effective direction reported
	// For quantitative outcomes: the numbers compared and their unit.
	t, a, unit string
}

func checkAssess(t *testing.T, c assessCase) {
	t.Helper()
	target, actual := Parse(c.target), Parse(c.actual)
	got := Assess(target, actual, c.dir)
	assert.Equal(t, c.status, got.Status, "%q vs %q: %v", c.target, c.actual, got.Reason)
	assert.Equal(t, c.eff, got.Direction, "direction of %q vs %q", c.target, c.actual)
	assert.NoError(t, got.Reason)
	if c.t == "" {
		assert.False(t, got.Quantitative, "%q vs %q should compare by words", c.target, c.actual)
		return
	}
	require.True(t, got.Quantitative, "%q vs %q should compare numbers", c.target, c.actual)
	assert.True(t, dec(c.t).Equal(got.Target), "target %v, want %s", got.Target, c.t)
	assert.True(t, dec(c.a).Equal(got.Actual), "actual %v, want %s", got.Actual, c.a)
	assert.Equal(t, c.unit, got.Unit)
	// Assess must not change its operands.
	assert.True(t, target.Equal(Parse(c.target)))
	assert.True(t, actual.Equal(Parse(c.actual)))
}

func TestAssessQuantity(t *testing.T) {
	H, L, E, Q, U := HigherIsBetter, LowerIsBetter, Exact, QualitativeDirection, Unspecified
	for _, c := range []assessCase{
		// higher is better: at, above, below, zero
		{"≥95%", "98.70%", U, Met, H, "95", "98.70", "%"},
		{"≥95%", "95%", U, Met, H, "95", "95", "%"},
		{"≥95%", "95.00%", U, Met, H, "95", "95", "%"},
		{"≥95%", "94.99%", U, PartlyMet, H, "95", "94.99", "%"},
		{"≥95%", "0%", U, NotMet, H, "95", "0", "%"},
		{"≥95%", "-1%", U, NotMet, H, "95", "-1", "%"},
		{"不低于95%", "百分之百", U, Met, H, "95", "100", "%"},
		{"95%以上", "９６％", U, Met, H, "95", "96", "%"},
		{">95%", "95%", U, Met, H, "95", "95", "%"}, // strict read as non-strict
		{"至少20台", "20台", U, Met, H, "20", "20", "台"},
		{"至少20台", "19台", U, PartlyMet, H, "20", "19", "台"},
		{"≥0", "0", U, Met, H, "0", "0", ""},
		// a bare actual takes the target's unit, and the other way round
		{"≥50个", "50", U, Met, H, "50", "50", "个"},
		{"≥50", "49个", U, PartlyMet, H, "50", "49", "个"},
		// lower is better: at, between, at 2×, beyond, target 0
		{"≤5起", "0起", U, Met, L, "5", "0", "起"},
		{"≤5起", "5起", U, Met, L, "5", "5", "起"},
		{"≤5起", "6起", U, PartlyMet, L, "5", "6", "起"},
		{"≤5起", "9.99起", U, PartlyMet, L, "5", "9.99", "起"},
		{"≤5起", "10起", U, NotMet, L, "5", "10", "起"},
		{"≤5起", "11起", U, NotMet, L, "5", "11", "起"},
		{"≤0起", "0起", U, Met, L, "0", "0", "起"},
		{"≤0起", "1起", U, NotMet, L, "0", "1", "起"},
		{"≤0起", "-1起", U, Met, L, "0", "-1", "起"},
		{"<=5起", "3起", U, Met, L, "5", "3", "起"},
		{"5起以内", "7起", U, PartlyMet, L, "5", "7", "起"},
		{"不超过90万元", "89.99万元", U, Met, L, "90", "89.99", "万元"},
		{"控制在90万元以内", "180万元", U, NotMet, L, "90", "180", "万元"},
		// exact: as higher-is-better
		{"=100%", "100%", U, Met, E, "100", "100", "%"},
		{"=100%", "101%", U, Met, E, "100", "101", "%"},
		{"=100%", "98.70%", U, PartlyMet, E, "100", "98.70", "%"},
		{"100%", "98.70%", U, PartlyMet, E, "100", "98.70", "%"},
		{"100%", "0%", U, NotMet, E, "100", "0", "%"},
		// a zero target with no operator is a ceiling
		{"0起", "0起", U, Met, L, "0", "0", "起"},
		{"0起", "2起", U, NotMet, L, "0", "2", "起"},
		{"零事故", "0起", U, Met, L, "0", "0", "起"},
		{"零事故", "1起", U, NotMet, L, "0", "1", "起"},
		{"0起", "无", U, Met, L, "0", "0", "起"},
		{"≤5起", "未发生", U, Met, L, "5", "0", "起"},
		// the override
		{"100%", "98%", L, Met, L, "100", "98", "%"},
		{"100%", "150%", L, PartlyMet, L, "100", "150", "%"},
		{"≤5起", "3起", H, PartlyMet, H, "5", "3", "起"},
		{"≥95%", "90%", Q, PartlyMet, Q, "95", "90", "%"},
		{"0起", "1起", Q, NotMet, Q, "0", "1", "起"},
		{"≥95%", "96%", E, Met, E, "95", "96", "%"},
		{"0起", "1起", E, NotMet, L, "0", "1", "起"},
		{"≥95%", "96%", Direction(99), Met, H, "95", "96", "%"}, // unknown override ignored
		// units: people, occasions, scales, money
		{"≥3000人", "3057人次", U, Met, H, "3000", "3057", "人"},
		{"≥3000人次", "2,811 人", U, PartlyMet, H, "3000", "2811", "人次"},
		{"≥100名", "120人", U, Met, H, "100", "120", "名"},
		{"≥10场次", "12次", U, Met, H, "10", "12", "场次"},
		{"≥10场", "9场次", U, PartlyMet, H, "10", "9", "场"},
		{"≤90万元", "900000元", U, Met, L, "900000", "900000", "元"},
		{"≤90万元", "900001元", U, PartlyMet, L, "900000", "900001", "元"},
		{"≥1.5亿元", "15000万元", U, Met, H, "15000", "15000", "万元"},
		{"≥1万人次", "9999人次", U, PartlyMet, H, "10000", "9999", "人次"},
		{"≥1万人次", "1万余人次", U, Met, H, "1", "1", "万人次"},
		{"≤10公里", "9000米", U, Met, L, "10000", "9000", "米"},
		{"≥3万", "30000人", U, Met, H, "30000", "30000", "人"},
		// text on either side
		{"≥95%", "扫黑除恶线索办结率100%。", U, Met, H, "95", "100", "%"},
		{"形成1份调研报告", "形成1份完整的天河区社会治理调研报告", U, Met, E, "1", "1", "份"},
		{"≥2份", "形成1份完整的天河区社会治理调研报告", U, PartlyMet, H, "2", "1", "份"},
		{"服务满意度≥95%", "满意度达96%", U, Met, H, "95", "96", "%"},
		// changes with a trend word
		{"同比下降5%", "同比下降6%", U, Met, E, "5", "6", "%"},
		{"同比下降5%", "下降3%", U, PartlyMet, E, "5", "3", "%"},
		{"同比下降5%", "上升3%", U, NotMet, E, "5", "-3", "%"},
		{"下降5%", "3%", U, PartlyMet, E, "5", "3", "%"},
		// 无 as a target of a count
		{"无", "0起", U, Met, L, "0", "0", "起"},
		{"无", "2起", U, NotMet, L, "0", "2", "起"},
	} {
		t.Run(c.target+"|"+c.actual, func(t *testing.T) { checkAssess(t, c) })
	}
}

func TestAssessWords(t *testing.T) {
	U, Q := Unspecified, QualitativeDirection
	for _, c := range []assessCase{
		// grades
		{"优秀", "优秀", U, Met, Q, "", "", ""},
		{"良好", "优秀", U, Met, Q, "", "", ""},
		{"优秀", "良好", U, PartlyMet, Q, "", "", ""},
		{"优秀", "合格", U, PartlyMet, Q, "", "", ""},
		{"优秀", "不合格", U, NotMet, Q, "", "", ""},
		{"合格", "不合格", U, NotMet, Q, "", "", ""},
		{"良好以上", "被评为优秀", U, Met, Q, "", "", ""},
		{"优", "良", U, PartlyMet, Q, "", "", ""},
		// satisfaction
		{"满意", "非常满意", U, Met, Q, "", "", ""},
		{"非常满意", "基本满意", U, PartlyMet, Q, "", "", ""},
		{"满意", "不满意", U, NotMet, Q, "", "", ""},
		// ranks
		{"第一名", "第一名", U, Met, Q, "", "", ""},
		{"第一名", "第二名", U, NotMet, Q, "", "", ""},
		{"第二名", "第一名", U, Met, Q, "", "", ""},
		{"前三名", "全市排名第3", U, Met, Q, "", "", ""},
		{"前三名", "第四名", U, NotMet, Q, "", "", ""},
		// trends
		{"下降", "下降", U, Met, Q, "", "", ""},
		{"下降", "降低", U, Met, Q, "", "", ""},
		{"下降", "上升", U, NotMet, Q, "", "", ""},
		{"下降", "持平", U, PartlyMet, Q, "", "", ""},
		{"上升", "有效提升", U, Met, Q, "", "", ""},
		{"持平", "持平", U, Met, Q, "", "", ""},
		{"持平", "下降", U, PartlyMet, Q, "", "", ""},
		{"持平或下降", "持平", U, Met, Q, "", "", ""},
		{"持平或下降", "下降", U, Met, Q, "", "", ""},
		{"不上升", "上升", U, NotMet, Q, "", "", ""},
		{"不下降", "上升", U, Met, Q, "", "", ""},
		{"不下降", "下降", U, NotMet, Q, "", "", ""},
		{"下降", "不上升", U, PartlyMet, Q, "", "", ""},
		{"不上升", "持平或下降", U, Met, Q, "", "", ""},
		{"下降", "同比下降12%", U, Met, Q, "", "", ""},
		{"下降", "同比上升12%", U, NotMet, Q, "", "", ""},
		// yes / no
		{"是", "是", U, Met, Q, "", "", ""},
		{"是", "否", U, NotMet, Q, "", "", ""},
		{"否", "否", U, Met, Q, "", "", ""},
		{"有", "是", U, Met, Q, "", "", ""},
		{"无", "无", U, Met, Q, "", "", ""},
		{"无", "有", U, NotMet, Q, "", "", ""},
		// achievement words against any target
		{"严格执行相关制度规定", "达成预期指标", U, Met, Q, "", "", ""},
		{"严格执行相关制度规定", "部分达成", U, PartlyMet, Q, "", "", ""},
		{"严格执行相关制度规定", "未达成", U, NotMet, Q, "", "", ""},
		{"严格执行相关制度规定", "严格执行相关制度规定。", U, Met, Q, "", "", ""},
		{"达成预期指标", "已完成", U, Met, Q, "", "", ""},
		{"优秀", "达成预期指标", U, Met, Q, "", "", ""},
		{"下降", "未达成", U, NotMet, Q, "", "", ""},
		{"≥95%", "达成预期指标", U, Met, Q, "", "", ""},
		{"≥95%", "基本完成", U, PartlyMet, Q, "", "", ""},
		{"≤5起", "未完成", U, NotMet, Q, "", "", ""},
		{"≥95%", "达成预期指标", Direction(3), Met, Q, "", "", ""},
		{"同比下降5%", "上升", U, NotMet, Q, "", "", ""},
	} {
		t.Run(c.target+"|"+c.actual, func(t *testing.T) { checkAssess(t, c) })
	}
}

func TestAssessDeadline(t *testing.T) {
	U, Q := Unspecified, QualitativeDirection
	for _, c := range []assessCase{
		{"2021年12月底前", "2021年12月31日", U, Met, Q, "", "", ""},
		{"2021年12月底前", "2021年11月", U, Met, Q, "", "", ""},
		{"2021年12月底前", "2022年1月1日", U, NotMet, Q, "", "", ""},
		{"2021年12月底前", "2020年12月31日", U, Met, Q, "", "", ""},
		{"12月31日前", "2021年12月31日", U, Met, Q, "", "", ""},
		{"12月31日前", "12月31日", U, Met, Q, "", "", ""},
		{"6月30日前", "7月1日", U, NotMet, Q, "", "", ""},
		{"2月底前", "2021年2月28日", U, Met, Q, "", "", ""},
		{"2024年2月28日", "2月底", U, NotMet, Q, "", "", ""},
		{"2021年2月28日", "2月底", U, Met, Q, "", "", ""},
		{"年底前", "2021年11月30日", U, Met, Q, "", "", ""},
		{"2021年", "2021-12-31", U, Met, Q, "", "", ""},
		{"第三季度末", "10月上旬", U, NotMet, Q, "", "", ""},
		{"2021年12月底前", "按时完成", U, Met, Q, "", "", ""},
		{"2021年12月底前", "已完成", U, Met, Q, "", "", ""},
		{"2021年12月底前", "逾期完成", U, NotMet, Q, "", "", ""},
		{"2021年12月底前", "基本完成", U, PartlyMet, Q, "", "", ""},
		{"2021年12月底前", "是", U, Met, Q, "", "", ""},
		{"2021年12月底前", "否", U, NotMet, Q, "", "", ""},
		{"2021年12月底前", "2021年11月", HigherIsBetter, Met, Q, "", "", ""},
	} {
		t.Run(c.target+"|"+c.actual, func(t *testing.T) { checkAssess(t, c) })
	}
}

func TestAssessUnknown(t *testing.T) {
	for _, c := range []struct {
		target, actual string
		reason         error
	}{
		// no target: the Guangzhou form prints none
		{"", "98.70%", ErrNoTarget},
		{"   ", "下降", ErrNoTarget},
		{"", "", ErrNoTarget},
		{"≥95%", "", ErrNoActual},
		{"*", "98%", ErrUnparsed},
		{"≥95%", "XXX", ErrUnparsed},
		{"≥95%", "90%-95%", ErrUnparsed},
		// units that cannot be compared: a finding, not a guess
		{"≥20台", "95%", ErrUnitMismatch},
		{"≥95%", "20台", ErrUnitMismatch},
		{"≥10人", "12次", ErrUnitMismatch},
		{"≥10个", "10项", ErrUnitMismatch},
		{"≤90万元", "90%", ErrUnitMismatch},
		{"≥95%", "2个百分点", ErrUnitMismatch},
		{"2021年12月底前", "100%", ErrUnitMismatch},
		{"≥95%", "2021年12月31日", ErrUnitMismatch},
		{"≥95%", "优秀", ErrUnitMismatch},
		{"优秀", "下降", ErrUnitMismatch},
		{"第一名", "优秀", ErrUnitMismatch},
		{"优秀", "95%", ErrUnitMismatch},
		{"下降", "5起", ErrUnitMismatch},
		{"是", "2021年12月31日", ErrUnitMismatch},
		// an actual that does not say whether the target is met
		{"严格执行相关制度规定", "全面构建高质量法治服务体系", ErrUnparsed},
		{"严格执行相关制度规定", "100%", ErrUnparsed},
		{"严格执行相关制度规定", "优秀", ErrUnparsed},
		{"达成预期指标", "优秀", ErrUnparsed},
		{"优秀", "全面构建高质量法治服务体系", ErrUnparsed},
		{"≥95%", "全面构建高质量法治服务体系", ErrUnparsed},
		{"2021年12月底前", "全面构建高质量法治服务体系", ErrUnparsed},
		{"同比下降5%", "下降", ErrUnparsed},
	} {
		t.Run(c.target+"|"+c.actual, func(t *testing.T) {
			got := Assess(Parse(c.target), Parse(c.actual), Unspecified)
			assert.Equal(t, Unknown, got.Status)
			require.Error(t, got.Reason)
			assert.ErrorIs(t, got.Reason, c.reason, got.Reason.Error())
			assert.False(t, got.Quantitative)
			for _, other := range []error{ErrNoTarget, ErrNoActual, ErrUnparsed, ErrUnitMismatch} {
				if other != c.reason {
					assert.NotErrorIs(t, got.Reason, other)
				}
			}
		})
	}
}

func TestMismatchError(t *testing.T) {
	got := Assess(Parse("≥20台"), Parse("95%"), Unspecified)
	var me *MismatchError
	require.ErrorAs(t, got.Reason, &me)
	assert.Equal(t, `"台"`, me.Target)
	assert.Equal(t, `"%"`, me.Actual)
	assert.Equal(t, HigherIsBetter, got.Direction)
	assert.Contains(t, got.Reason.Error(), "units cannot be compared")

	got = Assess(Parse("优秀"), Parse("下降"), Unspecified)
	require.ErrorAs(t, got.Reason, &me)
	assert.Equal(t, `grade word "优秀"`, me.Target)
	assert.Equal(t, `trend word "下降"`, me.Actual)
}

func TestAssessDoesNotMutate(t *testing.T) {
	target, actual := Parse("同比下降5%"), Parse("上升3%")
	a := Assess(target, actual, Unspecified)
	require.True(t, a.Quantitative)
	assert.True(t, dec("-3").Equal(a.Actual))
	n, _ := actual.Number()
	assert.True(t, dec("3").Equal(n), "the actual still states 3")
}

func TestParseError(t *testing.T) {
	err := Parse("23,94%").Err()
	assert.Contains(t, err.Error(), `"23,94%"`)
	assert.True(t, errors.Is(err, ErrUnparsed))
}
