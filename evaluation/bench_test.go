package evaluation_test

import (
	"os"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/benchdata"
)

// BenchmarkDecodeYAML decodes a project form written in block style;
// the Flow and Quoted benchmarks decode the same form in the other
// styles people write, which should cost about as much.
func BenchmarkDecodeYAML(b *testing.B) { benchmarkDecode(b, benchdata.Block) }

func BenchmarkDecodeYAMLFlow(b *testing.B) { benchmarkDecode(b, benchdata.Flow) }

func BenchmarkDecodeYAMLQuoted(b *testing.B) { benchmarkDecode(b, benchdata.Quoted) }

func BenchmarkDecodeJSON(b *testing.B) { benchmarkDecode(b, benchdata.JSON) }

func benchmarkDecode(b *testing.B, s benchdata.Style) {
	data := benchdata.ProjectForm(7, s)
	name := "f" + s.Ext()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evaluation.Decode(name, data); err != nil {
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
