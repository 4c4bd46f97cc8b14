package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seed = "../../markdown/testdata/tianhe-2021-department-self-evaluation.md"

// reportOf evaluates a file and returns its JSON report without the source.
func reportOf(t *testing.T, path string) map[string]any {
	t.Helper()
	_, out, stderr := runCmd("evaluate", "-format", "json", path)
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &m), stderr)
	delete(m, "source")
	return m
}

func TestImportSeedEvaluatesLikeTheExample(t *testing.T) {
	dir := t.TempDir()
	imported := filepath.Join(dir, "imported.yaml")
	code, _, stderr := runCmd("import", "-o", imported, seed)
	require.Equal(t, 0, code, stderr)
	got := reportOf(t, imported)
	assert.Equal(t, reportOf(t, tianhe), got)
	assert.Equal(t, "507.49", got["figures"].(map[string]any)["adjustment"])
	assert.Equal(t, "574.54", got["figures"].(map[string]any)["task_funds_total"])
}

func TestImportReadsTheDocumentsNumbers(t *testing.T) {
	data, err := os.ReadFile(seed)
	require.NoError(t, err)
	changed := strings.Replace(string(data), "| 部门调整预算收入 | 2395.15 |", "| 部门调整预算收入 | 2400.15 |", 1)
	require.NotEqual(t, string(data), changed)
	dir := t.TempDir()
	md := filepath.Join(dir, "changed.md")
	require.NoError(t, os.WriteFile(md, []byte(changed), 0o644))
	code, out, stderr := runCmd("import", md)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "adjusted_budget: 2400.15")
	yaml := filepath.Join(dir, "changed.yaml")
	require.NoError(t, os.WriteFile(yaml, []byte(out), 0o644))
	figures := reportOf(t, yaml)["figures"].(map[string]any)
	assert.Equal(t, "502.49", figures["adjustment"], "|2400.15 − 2902.64|")
}

func TestExportImportRoundTrip(t *testing.T) {
	for _, form := range []string{tianhe, "../../examples/project/form.yaml"} {
		t.Run(filepath.Base(filepath.Dir(form)), func(t *testing.T) {
			dir := t.TempDir()
			sheet := filepath.Join(dir, "form.xlsx")
			code, _, stderr := runCmd("export", "-o", sheet, form)
			require.Equal(t, 0, code, stderr)
			back := filepath.Join(dir, "back.yaml")
			code, _, stderr = runCmd("import", "-o", back, sheet)
			require.Equal(t, 0, code, stderr)
			assert.Equal(t, reportOf(t, form), reportOf(t, back))
		})
	}
}

func TestRenderCommand(t *testing.T) {
	code, out, stderr := runCmd("render", tianhe)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "部门整体支出绩效自评表")
	assert.Contains(t, out, "| 2395.15 |")

	code, out, _ = runCmd("render", "-format", "html", "-annotate", tianhe)
	require.Equal(t, 0, code)
	assert.Contains(t, out, `data-path="overall"`)
	assert.Contains(t, out, `class="flag-warning"`)
	assert.Contains(t, out, "narrative.mismatch")

	code, out, _ = runCmd("render", "-annotate", "-format", "markdown", tianhe)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "narrative.mismatch")

	code, _, _ = runCmd("render", "-format", "pdf", tianhe)
	assert.Equal(t, 2, code)
	code, _, _ = runCmd("render")
	assert.Equal(t, 2, code)
	code, _, _ = runCmd("render", "testdata/bad/typo.yaml")
	assert.Equal(t, 3, code)
}

func TestEvaluateHTMLFolder(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{"a.yaml": tianhe, "b.yaml": "../../examples/project/form.yaml"} {
		data, err := os.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.yaml"), []byte("kind: x\n"), 0o644))
	code, out, _ := runCmd("evaluate", "-format", "html", dir)
	assert.Equal(t, 3, code)
	assert.True(t, strings.HasPrefix(out, "<!DOCTYPE html>"))
	assert.Contains(t, out, `id="total-forms">3<`)
	assert.Contains(t, out, "97.39")
	assert.Contains(t, out, `class="invalid"`)
}

func TestBadDocuments(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	for _, tc := range []struct {
		path, want string
	}{
		{write("notes.md", []byte("# 会议纪要\n\n今天讨论了预算。\n")), "应有含“部门调整预算收入”或“项目名称”的表格"},
		{write("table.md", []byte("| a | b |\n|---|---|\n| 1 | 2 |\n")), "没有表格含有任何表式的栏目"},
		{write("empty.md", nil), "perfeval:"},
		{write("garbage.xlsx", []byte("\x00\x01 not a zip")), "perfeval:"},
		{write("empty.xlsx", nil), "perfeval:"},
	} {
		code, out, stderr := runCmd("import", tc.path)
		assert.Equal(t, 3, code, tc.path)
		assert.Empty(t, out, tc.path)
		assert.Contains(t, stderr, tc.want, tc.path)
		assert.NotContains(t, stderr, "panic", tc.path)
	}
	code, _, _ := runCmd("import", write("form.pdf", []byte("%PDF")))
	assert.Equal(t, 2, code, "an unknown document type is a usage error")
	code, _, _ = runCmd("export", tianhe)
	assert.Equal(t, 2, code, "export needs -o")
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// import exits 0 when every cell was placed; 3 with the YAML still written
// when a cell was not placed or the name, year or funds are missing; 3
// with nothing written when the document cannot be read; never 1.
func TestImportExitStatus(t *testing.T) {
	data, err := os.ReadFile(seed)
	require.NoError(t, err)
	dir := t.TempDir()
	misspelt := writeFile(t, dir, "misspelt.md", strings.Replace(string(data), "| 部门调整预算收入 |", "| 部门调整预箕收入 |", 1))
	noYear := writeFile(t, dir, "noyear.md", strings.Replace(string(data), "| 被评价年度 | 2021年 |", "| | |", 1))
	for _, tc := range []struct {
		name, path string
		code       int
		written    bool
		stderr     []string
	}{
		{"complete", seed, 0, true, nil},
		{"a label misspelt", misspelt, 3, true, []string{"未放入", "第 9 行第 2 列", `"部门调整预箕收入"`, "第 9 行第 3 列", `"2395.15"`}},
		{"no year", noYear, 3, true, []string{"缺少", "未找到年度"}},
		{"not a form", writeFile(t, dir, "notes.md", "# 会议纪要\n"), 3, false, []string{"不是表单"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".yaml")
			code, _, stderr := runCmd("import", "-o", out, tc.path)
			assert.Equal(t, tc.code, code, stderr)
			_, err := os.Stat(out)
			assert.Equal(t, tc.written, err == nil, "output written")
			for _, s := range tc.stderr {
				assert.Contains(t, stderr, s)
			}
		})
	}
	// The English account, and no lines for a complete import but its
	// readings.
	code, _, stderr := runCmd("import", "-lang", "en", "-o", filepath.Join(dir, "en.yaml"), misspelt)
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr, `perfeval: unplaced: `+misspelt+`: line 9 column 2 "部门调整预箕收入": no label tells what this cell is`)
	assert.Contains(t, stderr, "2 cells not placed, 0 things missing; the YAML written is incomplete")
}

// Readings that are not literal are reported on standard error as info.
func TestImportReportsReadings(t *testing.T) {
	data, err := os.ReadFile(seed)
	require.NoError(t, err)
	md := writeFile(t, t.TempDir(), "wan.md", strings.Replace(string(data), "| 2395.15 |", "| 2395.15万 |", 1))
	code, out, stderr := runCmd("import", "-lang", "en", md)
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "adjusted_budget: 2395.15")
	assert.Contains(t, stderr, "perfeval: info: "+md+": line 9 column 3: 2395.15万 read as 2395.15 万元")
}

// import - reads standard input, and needs -from.
func TestImportStandardInput(t *testing.T) {
	data, err := os.ReadFile(seed)
	require.NoError(t, err)
	code, _, stderr := runCmd("import", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "-from")
	var out, errOut bytes.Buffer
	code = runWith([]string{"import", "-from", "md", "-"}, bytes.NewReader(data), &out, &errOut)
	assert.Equal(t, 0, code, errOut.String())
	assert.Contains(t, out.String(), "# Imported by perfeval from <stdin>.")
	assert.Contains(t, out.String(), "department: 中国共产党广州市天河区委员会政法委员会")
}

// The unplaced cells listed are bounded, each quoted with its control
// characters made visible.
func TestImportListIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("| 项目名称 | 某项目 |\n|---|---|\n")
	for i := range 200 {
		fmt.Fprintf(&b, "| 杂项%d | x\u202ey |\n", i)
	}
	code, _, stderr := runCmd("import", "-lang", "en", writeFile(t, t.TempDir(), "stray.md", b.String()))
	assert.Equal(t, 3, code)
	assert.Equal(t, maxListed, strings.Count(stderr, "perfeval: unplaced: "))
	assert.Contains(t, stderr, "and 350 more not listed")
	assert.NotContains(t, stderr, "\u202e")
	assert.Contains(t, stderr, `x\u202ey`)
}

// A report that cannot be written is an error, never a silent 0.
func TestImportAndRenderWriteErrors(t *testing.T) {
	var stderr bytes.Buffer
	code := run([]string{"import", seed}, failingWriter{os.ErrClosed}, &stderr)
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr.String(), "输出无法写出")
	stderr.Reset()
	code = run([]string{"render", tianhe}, failingWriter{os.ErrClosed}, &stderr)
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr.String(), "输出无法写出")
}

// A FIFO named directly is refused, not read for ever.
func TestImportRefusesAFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, args := range [][]string{{"import", fifo}, {"render", fifo}, {"export", "-o", fifo + ".xlsx", fifo}} {
		code, _, stderr := runCmd(args...)
		assert.Equal(t, 3, code, args)
		assert.Contains(t, stderr, "不是普通文件（命名管道）", args)
	}
}

// An export error names the file, the key path and the cell.
func TestExportErrorNamesFileAndKeyPath(t *testing.T) {
	form := writeFile(t, t.TempDir(), "nul.yaml", "kind: project-self-evaluation\nproject: P\noverall: \"a\\0b\"\n")
	code, _, stderr := runCmd("export", "-o", form+".xlsx", form)
	assert.Equal(t, 3, code)
	assert.Regexp(t, `perfeval: .*nul\.yaml: xlsx: Export: overall \(cell B\d+\): .*control character U\+0000`, stderr)
}

// Under -lang en the same document is refused in English, saying what was
// looked for.
func TestImportNotAFormInEnglish(t *testing.T) {
	p := writeFile(t, t.TempDir(), "notes.md", "# 会议纪要\n")
	code, _, stderr := runCmd("import", "-lang", "en", p)
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr, "not a form: no table (looked for a table with 部门调整预算收入 or 项目名称)")
}
