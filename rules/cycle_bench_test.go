package rules_test

import (
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
	"github.com/perfeval/perfeval/rules/rulestest"
)

// BenchmarkCycle evaluates each stage of the clean project-year under the
// national profile, the later stages linked to the earlier ones: what the
// trace rules add to a self-evaluation is the difference between
// self-linked and self-alone.
func BenchmarkCycle(b *testing.B) {
	forms := []evaluation.SourcedForm{
		{Source: "d.yaml", Form: rulestest.Declaration(b, cleanDeclaration)},
		{Source: "m.yaml", Form: rulestest.Monitoring(b, cleanMonitoring)},
		{Source: "s.yaml", Form: rulestest.Project(b, cleanSelf)},
	}
	links := evaluation.LinkAll(forms)
	set := rules.NationalProfile()
	for _, bm := range []struct {
		name  string
		form  evaluation.Form
		links evaluation.Links
	}{
		{"declaration", forms[0].Form, links[0]},
		{"monitoring-linked", forms[1].Form, links[1]},
		{"self-alone", forms[2].Form, evaluation.Links{}},
		{"self-linked", forms[2].Form, links[2]},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = evaluation.EvaluateLinked(bm.form, bm.links, set)
			}
		})
	}
}
