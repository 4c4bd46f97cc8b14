package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
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
		{write("notes.md", []byte("# 会议纪要\n\n今天讨论了预算。\n")), "looked for"},
		{write("table.md", []byte("| a | b |\n|---|---|\n| 1 | 2 |\n")), "looked for"},
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
