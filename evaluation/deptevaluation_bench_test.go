package evaluation_test

import (
	"os"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/report"
	"github.com/perfeval/perfeval/rules"
)

// BenchmarkDecodeDepartmentEvaluation decodes the example department
// evaluation: basic data, judgements and a filed sheet by item path.
func BenchmarkDecodeDepartmentEvaluation(b *testing.B) {
	data, err := os.ReadFile("../examples/deptevaluation/form.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evaluation.Decode("form.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateDepartmentEvaluation evaluates it under the national
// profile by the rubric it names (yueyang-2018).
func BenchmarkEvaluateDepartmentEvaluation(b *testing.B) {
	form, err := evaluation.ReadFile("../examples/deptevaluation/form.yaml")
	if err != nil {
		b.Fatal(err)
	}
	set := rules.NationalProfile()
	b.ReportAllocs()
	for b.Loop() {
		rep := evaluation.Evaluate(form, set)
		if rep.Sheet == nil {
			b.Fatal("not scored")
		}
	}
}

// BenchmarkDepartmentEvaluationJSON writes its JSON report.
func BenchmarkDepartmentEvaluationJSON(b *testing.B) {
	form, err := evaluation.ReadFile("../examples/deptevaluation/form.yaml")
	if err != nil {
		b.Fatal(err)
	}
	rep := evaluation.Evaluate(form, rules.NationalProfile())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.JSON(&rep); err != nil {
			b.Fatal(err)
		}
	}
}
