package evaluation_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/benchdata"
)

// BenchmarkDecodeForLinking is the first pass's read of a project
// self-evaluation: its header only. Compare BenchmarkDecodeYAML.
func BenchmarkDecodeForLinking(b *testing.B) {
	data := benchdata.ProjectYAML(7)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evaluation.DecodeForLinking("f.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLinkIndex builds the index of a folder of 100,000 project
// self-evaluations and 1,000 declarations, 1,000 of the self-evaluations
// of the declared projects, and links every form. index-B is what the
// index holds once built: it grows with the declared projects, not with
// the self-evaluations.
func BenchmarkLinkIndex(b *testing.B) {
	const selves, declared = 100_000, 1_000
	decls := make([]evaluation.Form, declared)
	for i := range decls {
		f, err := evaluation.Decode("d.yaml", []byte(fmt.Sprintf("kind: project-declaration\nproject: 项目%d\ndepartment: 教育局\nyear: 2025\nindicators:\n  - {level1: 产出指标, name: 设备采购数量, target: ≥20台}\n", i)))
		if err != nil {
			b.Fatal(err)
		}
		decls[i] = f
	}
	self := make([]evaluation.Form, selves)
	for i := range self {
		self[i] = &evaluation.ProjectForm{Project: fmt.Sprintf("项目%d", i), Department: "教育局", Year: 2025}
	}
	b.ReportAllocs()
	var indexBytes uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var l evaluation.Linker
		for i, f := range decls {
			l.Add(fmt.Sprintf("d%d.yaml", i), f)
		}
		for i, f := range self {
			l.Add(fmt.Sprintf("s%d.yaml", i), f)
		}
		x := l.Index()
		l = evaluation.Linker{}
		runtime.GC()
		runtime.ReadMemStats(&after)
		indexBytes = after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
		linked := 0
		for i, f := range self {
			if x.Links(fmt.Sprintf("s%d.yaml", i), f).Declaration != nil {
				linked++
			}
		}
		if linked != declared {
			b.Fatalf("%d linked", linked)
		}
		runtime.KeepAlive(x)
	}
	b.ReportMetric(float64(indexBytes), "index-B")
}
