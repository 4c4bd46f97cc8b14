package markdown_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/perfeval/perfeval/markdown"
)

// bigDeclaration is a declaration of n indicator rows, as a converted PDF
// prints it.
func bigDeclaration(n int) []byte {
	var b strings.Builder
	b.WriteString("项目支出绩效目标申报表\n\n（2025年度）\n\n| 项目名称 | P | | | |\n|---|---|---|---|---|\n| 项目资金申请 | 资金总额 | 100 | | |\n")
	b.WriteString("\n| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|---|\n")
	for i := range n {
		fmt.Fprintf(&b, "| | 产出指标 | 数量指标 | 指标%d名称 | ≥%d台 |\n", i, i)
	}
	return []byte(b.String())
}

func BenchmarkImportCycle(b *testing.B) {
	files, err := filepath.Glob("testdata/cycle/[0-9]*.md")
	if err != nil || len(files) == 0 {
		b.Fatal("no corpus", err)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(path)[:2], func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := markdown.ImportResult("f.md", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, n := range []int{100, 1000} {
		data := bigDeclaration(n)
		b.Run(fmt.Sprintf("rows-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := markdown.Import("f.md", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRenderCycle(b *testing.B) {
	for _, path := range cycleMistakes {
		form := readForm(b, path)
		b.Run(filepath.Base(path), func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := markdown.Render(&buf, form, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
