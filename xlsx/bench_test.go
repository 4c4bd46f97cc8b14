package xlsx_test

import (
	"io"
	"testing"

	"github.com/perfeval/perfeval/xlsx"
)

func BenchmarkExport(b *testing.B) {
	form := readForm(b, examples[0])
	b.ReportAllocs()
	for b.Loop() {
		if err := xlsx.Export(io.Discard, form); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImport(b *testing.B) {
	data := writeBytes(b, readForm(b, examples[0]))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := xlsx.Import("tianhe.xlsx", data); err != nil {
			b.Fatal(err)
		}
	}
}
