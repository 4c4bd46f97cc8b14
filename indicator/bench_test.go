package indicator

import "testing"

// benchValues are typical cells: targets and actuals of one project form.
var benchValues = []string{
	"98.70%", "≥95%", "3057人次", "0起", "≤5起", "控制在90万元以内", "百分之百", "下降",
	"第一名", "优秀", "达成预期指标", "2021年12月底前", "形成1份完整的天河区社会治理调研报告",
	"扫黑除恶线索办结率100%。", "2,811 人", "严格执行相关制度规定",
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Parse(benchValues[i%len(benchValues)])
	}
}

func BenchmarkParseASCII(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Parse("98.70%")
	}
}

func BenchmarkAssess(b *testing.B) {
	target, actual := Parse("≥95%"), Parse("98.70%")
	b.ReportAllocs()
	for b.Loop() {
		Assess(target, actual, Unspecified)
	}
}
