package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const cycleCorpus = "../../markdown/testdata/cycle"

// Each published declaration and monitoring form imports with exit status
// 0, and the YAML import writes evaluate reads.
func TestImportCycleCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(cycleCorpus, "[0-9]*.md"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, md := range files {
		t.Run(filepath.Base(md), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "form.yaml")
			code, _, stderr := runCmd("import", "-o", out, md)
			require.Equal(t, exitOK, code, stderr)
			rep := reportOf(t, out)
			assert.Contains(t, []any{"project-declaration", "project-monitoring"}, rep["kind"])
			assert.Nil(t, rep["score"])
		})
	}
	out := filepath.Join(t.TempDir(), "06.yaml")
	code, _, stderr := runCmd("import", "-o", out, filepath.Join(cycleCorpus, "06-hubei-monitoring-2019-huangshi-heritage-bid.md"))
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "1-6月执行数", "the month read from a label is reported")
	rep := reportOf(t, out)
	assert.Equal(t, map[string]any{"execution_rate": "39.80%", "time_elapsed": "50.00%"}, rep["figures"])
}

// A published form with a label misspelt imports with exit status 3,
// still writing the YAML, and names the cell on standard error.
func TestImportCycleMangledExits3(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(cycleCorpus, "03-hunan-declaration-2022-yueyang-farmland.md"))
	require.NoError(t, err)
	doc := strings.Replace(string(data), "| 主管部门 |", "| 主管部们 |", 1)
	require.NotEqual(t, string(data), doc)
	dir := t.TempDir()
	md := filepath.Join(dir, "mangled.md")
	require.NoError(t, os.WriteFile(md, []byte(doc), 0o644))
	out := filepath.Join(dir, "mangled.yaml")
	code, _, stderr := runCmd("import", "-o", out, md)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, stderr, `第 8 行第 1 列 "主管部们"`)
	written, err := os.ReadFile(out)
	require.NoError(t, err, "the YAML is written all the same")
	assert.Contains(t, string(written), "kind: project-declaration")

	code, _, stderr = runCmd("import", "-lang", "en", md)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, stderr, `line 8 column 1 "主管部们"`)
}

// export then import gives back a form that reports as the original does,
// for both kinds; render draws them, annotated.
func TestCycleExportImportRender(t *testing.T) {
	for _, form := range []string{"../../examples/cycle/declaration.yaml", "../../examples/cycle/monitoring.yaml",
		"../../markdown/testdata/monitoring-mistakes.yaml"} {
		t.Run(filepath.Base(form), func(t *testing.T) {
			dir := t.TempDir()
			sheet := filepath.Join(dir, "form.xlsx")
			code, _, stderr := runCmd("export", "-o", sheet, form)
			require.Equal(t, exitOK, code, stderr)
			back := filepath.Join(dir, "back.yaml")
			code, _, stderr = runCmd("import", "-o", back, sheet)
			require.Equal(t, exitOK, code, stderr)
			assert.Equal(t, reportOf(t, form), reportOf(t, back))

			code, out, stderr := runCmd("render", "-format", "html", "-annotate", form)
			require.Equal(t, exitOK, code, stderr)
			assert.Contains(t, out, `data-path="funds`)
			code, out, _ = runCmd("render", "-annotate", form)
			require.Equal(t, exitOK, code)
			assert.Contains(t, out, "审核发现")
		})
	}
	code, out, _ := runCmd("render", "-annotate", "../../markdown/testdata/monitoring-mistakes.yaml")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "| 36.00% ✖[1] |")
}

// A published form with a row of its indicators moved up among the
// header's rows imports with exit status 3 and names the moved row's
// cells; so does one with its first label misspelt.
func TestImportCycleMovedRowExits3(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(cycleCorpus, "[0-9]*.md"))
	require.NoError(t, err)
	for _, md := range files {
		data, err := os.ReadFile(md)
		require.NoError(t, err)
		lines := strings.Split(string(data), "\n")
		first, header := -1, -1
		for i, l := range lines {
			if first < 0 && strings.HasPrefix(l, "|") {
				first = i
			}
			if header < 0 && strings.Contains(l, "| 一级指标 |") {
				header = i
			}
		}
		if header < 0 {
			continue // 宁夏's tree: a row's place is its indentation
		}
		row := header + 1
		if strings.HasPrefix(lines[row], "|---") {
			row++
		}
		moved := lines[row]
		lines = append(lines[:row], lines[row+1:]...)
		at := first + 2
		lines = append(lines[:at], append([]string{moved}, lines[at:]...)...)
		t.Run(filepath.Base(md), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "moved.md")
			require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644))
			code, _, stderr := runCmd("import", "-o", filepath.Join(t.TempDir(), "out.yaml"), path)
			assert.Equal(t, exitInput, code)
			assert.Contains(t, stderr, fmt.Sprintf("未放入: %s: 第 %d 行", path, at+1))
		})
	}
}
