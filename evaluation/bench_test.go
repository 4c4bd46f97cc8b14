package evaluation_test

import (
	"os"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/benchdata"
)

func BenchmarkDecodeYAML(b *testing.B) {
	data := benchdata.ProjectYAML(7)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evaluation.Decode("f.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeJSON(b *testing.B) {
	data := benchdata.ProjectJSON(7)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evaluation.Decode("f.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeTianhe(b *testing.B) {
	data, err := os.ReadFile(tianhe)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evaluation.Decode("f.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateFigures is Evaluate with no rules: figures, indicator
// parsing and assessment, and scoring of a project form.
func BenchmarkEvaluateFigures(b *testing.B) {
	f, err := evaluation.Decode("f.yaml", benchdata.ProjectYAML(7))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = evaluation.Evaluate(f, nil)
	}
}
