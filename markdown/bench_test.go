package markdown_test

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
)

func BenchmarkImport(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := markdown.Import("seed.md", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	form, err := evaluation.ReadFile(tianhePath)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := markdown.Render(&buf, form, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if err := markdown.Render(io.Discard, form, nil); err != nil {
			b.Fatal(err)
		}
	}
}
