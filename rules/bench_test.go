package rules_test

import (
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/benchdata"
	"github.com/perfeval/perfeval/rules"
)

// BenchmarkEvaluateTianhe is the main job on the reference form: figures,
// indicators, the narrative cross-check and every guangzhou-2021 rule.
func BenchmarkEvaluateTianhe(b *testing.B) {
	f := tianhe(b)
	set := rules.Guangzhou2021Profile()
	b.ReportAllocs()
	for b.Loop() {
		_ = evaluation.Evaluate(f, set)
	}
}

// BenchmarkScoreProject scores a seventy-line project form and runs the
// national rules over it, score.* included.
func BenchmarkScoreProject(b *testing.B) {
	f, err := evaluation.Decode("p.yaml", benchdata.ProjectYAML(7))
	if err != nil {
		b.Fatal(err)
	}
	set := rules.NationalProfile()
	b.ReportAllocs()
	for b.Loop() {
		_ = evaluation.Evaluate(f, set)
	}
}
