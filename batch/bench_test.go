package batch_test

import (
	"context"
	"fmt"
	"iter"
	"testing"

	"github.com/perfeval/perfeval/batch"
	"github.com/perfeval/perfeval/internal/benchdata"
	"github.com/perfeval/perfeval/rules"
)

// BenchmarkDocuments evaluates 1,000 project forms already in memory on
// all cores: decode, figures, scoring, the national rules; handed to the
// workers one by one and in chunks of 16. Time and allocations are per
// batch of 1,000.
func BenchmarkDocuments(b *testing.B) {
	for _, format := range []string{"yaml", "json"} {
		b.Run(format, func(b *testing.B) {
			docs := make([]batch.Document, 1000)
			for i := range docs {
				data := benchdata.ProjectYAML(i)
				if format == "json" {
					data = benchdata.ProjectJSON(i)
				}
				docs[i] = batch.Document{Name: fmt.Sprintf("f%d.%s", i, format), Data: data}
			}
			seq := func(yield func(batch.Document) bool) {
				for _, d := range docs {
					if !yield(d) {
						return
					}
				}
			}
			for _, chunk := range []int{1, 16} {
				b.Run(fmt.Sprintf("chunk=%d", chunk), func(b *testing.B) {
					opt := batch.Options{Checker: rules.NationalProfile(), Chunk: chunk}
					b.ReportAllocs()
					for b.Loop() {
						for r := range batch.Documents(context.Background(), iter.Seq[batch.Document](seq), opt) {
							if r.Err != nil {
								b.Fatal(r.Err)
							}
						}
					}
				})
			}
		})
	}
}
