package indicator

import (
	"testing"
	"unicode/utf8"

	"github.com/perfeval/perfeval/budget"
)

var fuzzSeeds = []string{
	"", " ", "98.70%", "１００％", "百分之百", "百分之九十五点五", "3057人次", "0起", "1个", "2,811 人",
	"≤90万元", "≥95%", ">=95%", "≧95%", "不低于95%", "95%以上", "至少20台", "≤5起", "<=5起",
	"不高于5%", "不超过90万元", "5起以内", "控制在90万元以内", "=100%", "100%", "下降", "上升",
	"持平", "第一名", "优秀", "良好", "合格", "达成预期指标", "部分达成", "未达成", "是", "否",
	"2021年12月底前", "12月31日前", "2021年12月31日", "形成1份完整的天河区社会治理调研报告",
	"扫黑除恶线索办结率100%。", "严格执行相关制度规定", "*", "23,94%", "1e999999999", "90%-95%",
	"零事故", "同比下降12%", "全市排名第1", "2021-12-31", "第四季度末", "1万余人次", "2月30日",
	"九千九百九十九万亿亿亿", "百分之", "第", "年", "\xff", "≥", "控制在", "99999999999999999999%",
}

// FuzzParse checks that Parse never panics, keeps the text it was given,
// and returns a consistent Value.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := Parse(s)
		if v.Raw() != s {
			t.Fatalf("Raw() = %q, want %q", v.Raw(), s)
		}
		if v.Kind() < Empty || v.Kind() > Unparsed {
			t.Fatalf("%q: kind %d", s, v.Kind())
		}
		n, hasNum := v.Number()
		if hasNum != (v.Kind() == Quantity || v.Kind() == Text) {
			t.Fatalf("%q: kind %v with number %v", s, v.Kind(), hasNum)
		}
		if hasNum {
			// Every number is within budget.ParseNumber's limits.
			if _, err := budget.ParseNumber(n.String()); err != nil {
				t.Fatalf("%q: number %v out of limits: %v", s, n, err)
			}
		}
		if (v.Err() != nil) != (v.Kind() == Unparsed) {
			t.Fatalf("%q: kind %v with error %v", s, v.Kind(), v.Err())
		}
		y, m, d, ok := v.Deadline()
		if ok != (v.Kind() == Deadline) {
			t.Fatalf("%q: kind %v with deadline %v", s, v.Kind(), ok)
		}
		if ok && (m < 1 || m > 12 || d < 1 || d > daysIn(y, m) || y < 0) {
			t.Fatalf("%q: no such date %d-%d-%d", s, y, m, d)
		}
		if v.Kind() == Qualitative && v.Word() == "" {
			t.Fatalf("%q: qualitative without a word", s)
		}
		if !utf8.ValidString(v.Unit()) || !utf8.ValidString(v.Word()) {
			t.Fatalf("%q: invalid UTF-8 in unit or word", s)
		}
		if !v.Equal(Parse(s)) {
			t.Fatalf("%q: Parse is not deterministic", s)
		}
	})
}

// FuzzAssess checks that Assess never panics and that its result is
// consistent: a reason exactly when the status is unknown, numbers only
// for a quantitative comparison.
func FuzzAssess(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i*7+3)%len(fuzzSeeds)], int8(i%6))
	}
	f.Add("≥95%", "98.70%", int8(0))
	f.Add("≤5起", "10起", int8(0))
	f.Add("0起", "1起", int8(3))
	f.Fuzz(func(t *testing.T, target, actual string, dir int8) {
		a := Assess(Parse(target), Parse(actual), Direction(dir))
		if a.Status < Unknown || a.Status > NotMet {
			t.Fatalf("status %d", a.Status)
		}
		if (a.Status == Unknown) != (a.Reason != nil) {
			t.Fatalf("%q vs %q: status %v with reason %v", target, actual, a.Status, a.Reason)
		}
		if a.Quantitative && a.Status == Unknown {
			t.Fatalf("%q vs %q: quantitative but unknown", target, actual)
		}
		if a.Status != Unknown && !a.Quantitative && a.Direction != QualitativeDirection {
			t.Fatalf("%q vs %q: compared by words in direction %v", target, actual, a.Direction)
		}
		if a.Quantitative && a.Status == Met {
			// Met means the actual reached the target in the direction used.
			c := a.Actual.Cmp(a.Target)
			if a.Direction == LowerIsBetter && c > 0 {
				t.Fatalf("%q vs %q: met with %v > %v lower-is-better", target, actual, a.Actual, a.Target)
			}
			if (a.Direction == HigherIsBetter || a.Direction == Exact) && c < 0 {
				t.Fatalf("%q vs %q: met with %v < %v higher-is-better", target, actual, a.Actual, a.Target)
			}
		}
		b := Assess(Parse(target), Parse(actual), Direction(dir))
		if a.Status != b.Status || a.Direction != b.Direction || !a.Target.Equal(b.Target) || !a.Actual.Equal(b.Actual) {
			t.Fatalf("%q vs %q: Assess is not deterministic", target, actual)
		}
	})
}
