package report_test

import (
	"io"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/report"
	"github.com/perfeval/perfeval/rules"
)

// BenchmarkFormats writes the report of the Tianhe form, with its
// findings, in each output format the command streams per form.
func BenchmarkFormats(b *testing.B) {
	form, err := evaluation.ReadFile("../examples/tianhe2021/form.yaml")
	if err != nil {
		b.Fatal(err)
	}
	rep := evaluation.Evaluate(form, rules.Guangzhou2021Profile())
	rep.Source = "form.yaml"
	b.Run("text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := report.Text(io.Discard, &rep); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("markdown", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := report.Markdown(io.Discard, &rep); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := report.JSON(&rep); err != nil {
				b.Fatal(err)
			}
		}
	})
}
