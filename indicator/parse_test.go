package indicator

import (
	"errors"
	"strings"
	"testing"

	"github.com/perfeval/perfeval/budget"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

type parseCase struct {
	in   string
	kind Kind
	num  string // "" for no number
	unit string
	op   Direction
	word string
}

func checkParse(t *testing.T, c parseCase) {
	t.Helper()
	v := Parse(c.in)
	assert.Equal(t, c.in, v.Raw(), "Raw")
	assert.Equal(t, c.kind, v.Kind(), "Kind of %q (err %v)", c.in, v.Err())
	n, ok := v.Number()
	if c.num == "" {
		assert.False(t, ok, "Number of %q = %v, want none", c.in, n)
	} else if assert.True(t, ok, "Number of %q", c.in) {
		assert.True(t, dec(c.num).Equal(n), "Number of %q = %v, want %s", c.in, n, c.num)
	}
	assert.Equal(t, c.unit, v.Unit(), "Unit of %q", c.in)
	assert.Equal(t, c.op, v.Operator(), "Operator of %q", c.in)
	assert.Equal(t, c.word, v.Word(), "Word of %q", c.in)
}

// TestParseSpecTable covers every row of the table of written values in
// docs/file-format.md ("Indicator values").
func TestParseSpecTable(t *testing.T) {
	Q, H, L, E, D := Quantity, HigherIsBetter, LowerIsBetter, Exact, QualitativeDirection
	for _, c := range []parseCase{
		// a percentage
		{"98.70%", Q, "98.70", "%", Unspecified, ""},
		{"１００％", Q, "100", "%", Unspecified, ""},
		{"百分之百", Q, "100", "%", Unspecified, ""},
		// a number with a unit
		{"3057人次", Q, "3057", "人次", Unspecified, ""},
		{"0起", Q, "0", "起", Unspecified, ""},
		{"1个", Q, "1", "个", Unspecified, ""},
		{"2,811 人", Q, "2811", "人", Unspecified, ""},
		{"≤90万元", Q, "90", "万元", L, ""},
		// higher is better (正向)
		{"≥95%", Q, "95", "%", H, ""},
		{">=95%", Q, "95", "%", H, ""},
		{"≧95%", Q, "95", "%", H, ""},
		{"不低于95%", Q, "95", "%", H, ""},
		{"95%以上", Q, "95", "%", H, ""},
		{"至少20台", Q, "20", "台", H, ""},
		// lower is better (反向)
		{"≤5起", Q, "5", "起", L, ""},
		{"<=5起", Q, "5", "起", L, ""},
		{"不高于5%", Q, "5", "%", L, ""},
		{"不超过90万元", Q, "90", "万元", L, ""},
		{"5起以内", Q, "5", "起", L, ""},
		{"控制在90万元以内", Q, "90", "万元", L, ""},
		// exact
		{"=100%", Q, "100", "%", E, ""},
		{"100%", Q, "100", "%", Unspecified, ""},
		// qualitative (定性)
		{"下降", Qualitative, "", "", D, "下降"},
		{"上升", Qualitative, "", "", D, "上升"},
		{"持平", Qualitative, "", "", D, "持平"},
		{"第一名", Qualitative, "", "", D, "第一名"},
		{"优秀", Qualitative, "", "", D, "优秀"},
		{"良好", Qualitative, "", "", D, "良好"},
		{"合格", Qualitative, "", "", D, "合格"},
		{"达成预期指标", Qualitative, "", "", D, "达成预期指标"},
		{"部分达成", Qualitative, "", "", D, "部分达成"},
		{"未达成", Qualitative, "", "", D, "未达成"},
		{"是", Qualitative, "", "", D, "是"},
		{"否", Qualitative, "", "", D, "否"},
		// text with the quantity it states
		{"形成1份完整的天河区社会治理调研报告", Text, "1", "份", Unspecified, ""},
		{"扫黑除恶线索办结率100%。", Text, "100", "%", Unspecified, ""},
	} {
		t.Run(c.in, func(t *testing.T) { checkParse(t, c) })
	}
	// 时效: the deadlines of the table.
	for _, c := range []struct {
		in      string
		y, m, d int
	}{
		{"2021年12月底前", 2021, 12, 31},
		{"12月31日前", 0, 12, 31},
	} {
		v := Parse(c.in)
		require.Equal(t, Deadline, v.Kind(), c.in)
		y, m, d, ok := v.Deadline()
		assert.True(t, ok)
		assert.Equal(t, []int{c.y, c.m, c.d}, []int{y, m, d}, c.in)
	}
}

func TestParseMore(t *testing.T) {
	Q, H, L, E, D := Quantity, HigherIsBetter, LowerIsBetter, Exact, QualitativeDirection
	for _, c := range []parseCase{
		// widths, spaces, signs, Chinese numerals
		{"  ≥ 95 %  ", Q, "95", "%", H, ""},
		{"＞＝９５．５％", Q, "95.5", "%", H, ""},
		{"≥ 95％", Q, "95", "%", H, ""},
		{"百分之九十五", Q, "95", "%", Unspecified, ""},
		{"百分之九十五点五", Q, "95.5", "%", Unspecified, ""},
		{"百分之95", Q, "95", "%", Unspecified, ""},
		{"百分百", Q, "100", "%", Unspecified, ""},
		{"不低于百分之九十", Q, "90", "%", H, ""},
		{"百分之九十以上", Q, "90", "%", H, ""},
		{"95百分比", Q, "95", "%", Unspecified, ""},
		{"三次", Q, "3", "次", Unspecified, ""},
		{"两个", Q, "2", "个", Unspecified, ""},
		{"十二场次", Q, "12", "场次", Unspecified, ""},
		{"-5%", Q, "-5", "%", Unspecified, ""},
		{"2个百分点", Q, "2", "百分点", Unspecified, ""},
		{"1,234,567.89元", Q, "1234567.89", "元", Unspecified, ""},
		{"1.5亿元", Q, "1.5", "亿元", Unspecified, ""},
		{"1万人次", Q, "1", "万人次", Unspecified, ""},
		{"3000余人", Q, "3000", "人", Unspecified, ""},
		{"20台套", Q, "20", "台套", Unspecified, ""},
		{"5 kWh", Q, "5", "kWh", Unspecified, ""},
		{"120元/人", Q, "120", "元/人", Unspecified, ""},
		{"3起案件", Text, "3", "起", Unspecified, ""},
		{"≥2811人次培训", Text, "2811", "人次", H, ""},
		{"3天内", Q, "3", "天", L, ""},
		{"≥50", Q, "50", "", H, ""},
		{"50", Q, "50", "", Unspecified, ""},
		{"大于等于90%", Q, "90", "%", H, ""},
		{"超过10场", Q, "10", "场", H, ""},
		{"低于3%", Q, "3", "%", L, ""},
		{"小于5起", Q, "5", "起", L, ""},
		{"不多于3次", Q, "3", "次", L, ""},
		{"10次以下", Q, "10", "次", L, ""},
		{"≤5%以内", Q, "5", "%", L, ""},
		{"＝100％", Q, "100", "%", E, ""},
		{"==100%", Q, "100", "%", E, ""},
		{"零", Q, "0", "", Unspecified, ""},
		// text
		{"服务满意度≥95%", Text, "95", "%", H, ""},
		{"服务满意度达95%以上", Text, "95", "%", H, ""},
		{"线索办结率达百分之百", Text, "100", "%", H, ""},
		{"帮助3057名来穗人员积分入户", Text, "3057", "名", Unspecified, ""},
		{"截止2021年底线上线下服务来穗人员超1万余人次", Text, "1", "万人次", H, ""},
		{"开展融合行动30余场次", Text, "30", "场次", Unspecified, ""},
		{"（1）人员投入不少于24人", Text, "24", "人", H, ""},
		{"第1季度完成3个项目", Text, "3", "个", Unspecified, ""},
		{"完成1，2，3号楼共5个", Text, "5", "个", Unspecified, ""},
		{"同比下降12.5%", Text, "12.5", "%", Unspecified, "下降"},
		{"较上年提高了5个百分点", Text, "5", "百分点", Unspecified, "上升"},
		{"100%完成", Text, "100", "%", Unspecified, ""},
		{"零事故", Text, "0", "", Unspecified, ""},
		{"零投诉", Text, "0", "", Unspecified, ""},
		// words with modifiers and synonyms
		{"降低", Qualitative, "", "", D, "下降"},
		{"同比下降", Qualitative, "", "", D, "下降"},
		{"呈下降趋势", Qualitative, "", "", D, "下降"},
		{"有效提升", Qualitative, "", "", D, "上升"},
		{"持平或下降", Qualitative, "", "", D, "不上升"},
		{"被评为优秀", Qualitative, "", "", D, "优秀"},
		{"良好以上", Qualitative, "", "", D, "良好"},
		{"全市排名第1", Qualitative, "", "", D, "第一名"},
		{"排名第十二", Qualitative, "", "", D, "第十二名"},
		{"第二十三名", Qualitative, "", "", D, "第二十三名"},
		{"前三名", Qualitative, "", "", D, "前三名"},
		{"已达成", Qualitative, "", "", D, "达成预期指标"},
		{"基本完成", Qualitative, "", "", D, "基本完成"},
		{"按期完成", Qualitative, "", "", D, "按时完成"},
		{"逾期完成", Qualitative, "", "", D, "未按时完成"},
		{"无", Qualitative, "", "", D, "无"},
		{"未发生", Qualitative, "", "", D, "无"},
		{"非常满意", Qualitative, "", "", D, "非常满意"},
		{"十分满意", Qualitative, "", "", D, "非常满意"},
		{"一般", Qualitative, "", "", D, "基本满意"},
		{"优", Qualitative, "", "", D, "优秀"},
		// free text
		{"严格执行相关制度规定", Qualitative, "", "", D, "严格执行相关制度规定"},
		{"全面构建高质量法治服务体系。", Qualitative, "", "", D, "全面构建高质量法治服务体系"},
		{"2017-2020年度平安中国建设示范县", Qualitative, "", "", D, "2017-2020年度平安中国建设示范县"},
		{"一次性完成", Qualitative, "", "", D, "一次性完成"},
		// blank
		{"", Empty, "", "", Unspecified, ""},
		{" \t\u3000\n", Empty, "", "", Unspecified, ""},
	} {
		t.Run(c.in, func(t *testing.T) { checkParse(t, c) })
	}
}

func TestParseDeadline(t *testing.T) {
	for _, c := range []struct {
		in      string
		y, m, d int
	}{
		{"2021年12月底前", 2021, 12, 31},
		{"12月31日前", 0, 12, 31},
		{"2021年12月31日", 2021, 12, 31},
		{"2021年12月31日前完成", 2021, 12, 31},
		{"于2021年11月完成", 2021, 11, 30},
		{"2021年2月底", 2021, 2, 28},
		{"2024年2月底", 2024, 2, 29},
		{"2月底前", 0, 2, 29},
		{"十二月底前", 0, 12, 31},
		{"6月15号前", 0, 6, 15},
		{"2021年底前", 2021, 12, 31},
		{"2021年", 2021, 12, 31},
		{"2021年度内", 2021, 12, 31},
		{"年底前", 0, 12, 31},
		{"年内", 0, 12, 31},
		{"2021-12-31", 2021, 12, 31},
		{"2021/6/30前", 2021, 6, 30},
		{"2021.12.31", 2021, 12, 31},
		{"第三季度末", 0, 9, 30},
		{"2021年第一季度", 2021, 3, 31},
		{"上半年", 0, 6, 30},
		{"10月上旬", 0, 10, 10},
		{"10月下旬", 0, 10, 31},
		{"截至2021年11月30日", 2021, 11, 30},
		{"于2021年11月30日建成投入使用", 2021, 11, 30},
	} {
		v := Parse(c.in)
		require.Equal(t, Deadline, v.Kind(), "%q: %v", c.in, v.Err())
		y, m, d, ok := v.Deadline()
		assert.True(t, ok)
		assert.Equal(t, []int{c.y, c.m, c.d}, []int{y, m, d}, c.in)
		assert.Equal(t, QualitativeDirection, v.Operator())
		_, hasNum := v.Number()
		assert.False(t, hasNum)
	}
	_, _, _, ok := Parse("100%").Deadline()
	assert.False(t, ok, "only a Deadline has a date")
}

func TestParseUnparsed(t *testing.T) {
	for _, c := range []struct {
		in    string
		cause error // also matched, besides ErrUnparsed; nil for none
	}{
		{"*", nil},
		{"XXX", nil},
		{"—", nil},
		{"/", nil},
		{"。", nil},
		{"23,94%", budget.ErrSyntax},
		{"1e999%", nil},
		{"1e999999999", nil},
		{"1234567890123456789012人", budget.ErrRange},
		{"0.1234567%", budget.ErrRange},
		{"90%-95%", nil},
		{"完成率90%~95%", nil},
		{"90-95%", nil},
		{"≥5起以内", nil},
		{"2月30日", nil},
		{"13月", nil},
		{"1 2", nil},
		{strings.Repeat("好", MaxValueBytes), nil},
		{"\xff\xfe", nil},
	} {
		v := Parse(c.in)
		assert.Equal(t, Unparsed, v.Kind(), "%q", c.in)
		assert.Equal(t, c.in, v.Raw())
		err := v.Err()
		require.Error(t, err, c.in)
		assert.ErrorIs(t, err, ErrUnparsed)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, c.in, pe.Value)
		if c.cause != nil {
			assert.ErrorIs(t, err, c.cause, c.in)
		}
		_, ok := v.Number()
		assert.False(t, ok)
	}
	assert.NoError(t, Parse("95%").Err())
}

func TestParseNeverUsesMoreThanLimits(t *testing.T) {
	// Just under the cap still parses; the cap itself is about bytes.
	long := strings.Repeat("很", MaxValueBytes/3-1) + "5个"
	require.LessOrEqual(t, len(long), MaxValueBytes)
	v := Parse(long)
	assert.Equal(t, Text, v.Kind())
	n, _ := v.Number()
	assert.True(t, dec("5").Equal(n))
}

func TestValueEqual(t *testing.T) {
	assert.True(t, Parse("95%").Equal(Parse("９５％")))
	assert.True(t, Parse("2811人").Equal(Parse("2,811 人")))
	assert.True(t, Parse("≥95%").Equal(Parse("不低于95%")))
	assert.True(t, Parse("降低").Equal(Parse("下降")))
	assert.True(t, Parse("16.6万元").Equal(Parse("16.60万元")))
	assert.False(t, Parse("95%").Equal(Parse("≥95%")))
	assert.False(t, Parse("95%").Equal(Parse("95个")))
	assert.False(t, Parse("*").Equal(Parse("XXX")))
	assert.True(t, Parse("*").Equal(Parse("*")))
	assert.True(t, Value{}.Equal(Parse("")), "the zero Value is the blank cell")
	assert.Equal(t, "≥95%", Parse("≥95%").String())
}

func TestZeroValue(t *testing.T) {
	var v Value
	assert.Equal(t, Empty, v.Kind())
	assert.Equal(t, "", v.Raw())
	_, ok := v.Number()
	assert.False(t, ok)
	assert.NoError(t, v.Err())
	a := Assess(v, Parse("5个"), Unspecified)
	assert.Equal(t, Unknown, a.Status)
	assert.ErrorIs(t, a.Reason, ErrNoTarget)
}

func TestHan(t *testing.T) {
	for in, want := range map[string]string{
		"零": "0", "一": "1", "十": "10", "十五": "15", "二十": "20", "九十五": "95",
		"一百": "100", "一百零五": "105", "一千二百三十四": "1234", "两万": "20000",
		"一万二千": "12000", "三亿五千万": "350000000", "九十五点五": "95.5", "二〇二一": "2021",
	} {
		got, n, ok := parseHan(in, true)
		assert.True(t, ok, in)
		assert.Equal(t, len(in), n, in)
		assert.Equal(t, want, got, in)
	}
	_, _, ok := parseHan("九千九百九十九万亿亿亿", false)
	assert.False(t, ok, "overflow is refused")
	for n, want := range map[int]string{1: "一", 10: "十", 12: "十二", 20: "二十", 23: "二十三", 99: "九十九", 100: "100"} {
		assert.Equal(t, want, formatHan(n))
	}
}

func TestKindString(t *testing.T) {
	names := map[Kind]string{Empty: "empty", Quantity: "quantity", Qualitative: "qualitative",
		Deadline: "deadline", Text: "text", Unparsed: "unparsed", Kind(42): "Kind(42)"}
	for k, want := range names {
		assert.Equal(t, want, k.String())
	}
}

func TestErrorsAreDistinct(t *testing.T) {
	all := []error{ErrNoTarget, ErrNoActual, ErrUnparsed, ErrUnitMismatch, ErrUnknownDirection}
	for i, a := range all {
		for j, b := range all {
			assert.Equal(t, i == j, errors.Is(a, b))
		}
	}
}
