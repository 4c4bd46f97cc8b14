package xlsx_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/perfeval/perfeval/xlsx"
)

func BenchmarkCycle(b *testing.B) {
	for _, path := range []string{"../markdown/testdata/declaration-mistakes.yaml", "../markdown/testdata/monitoring-mistakes.yaml"} {
		form := readForm(b, path)
		data := writeBytes(b, form)
		b.Run("export/"+filepath.Base(path), func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := xlsx.Export(&buf, form); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("import/"+filepath.Base(path), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := xlsx.Import("f.xlsx", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
