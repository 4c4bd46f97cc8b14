package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	workedForm   = "../../rubric/testdata/worked/wanglu-2018.yaml"
	workedRubric = "../../rubric/testdata/worked/wanglu-2018-rubric.yaml"
)

// The published 2018 sheet, decoded as a department-evaluation file and
// evaluated through the command by its own rubric, gives the published
// item scores; its report is the golden one.
func TestWorkedSheetEndToEnd(t *testing.T) {
	code, out, stderr := runCmd("evaluate", "-format", "json", "-rubric", workedRubric, workedForm)
	// The copy leaves the department's name blank: text.missing, exit 1.
	require.Equal(t, exitFinding, code, stderr)
	var rep struct {
		Kind  string
		Score struct {
			Rubric string
			Items  []struct {
				Path   []string
				Value  *string
				Score  *string
				Status string
			}
		}
		Findings []struct{ Rule, Path string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "department-evaluation", rep.Kind)
	assert.Equal(t, "wanglu-2018", rep.Score.Rubric)
	published := []struct{ value, score string }{{"95.10%", "8.00"}, {"98.31%", "0.00"}, {"99.27%", "8.00"}, {"39.94%", "0.00"}}
	require.Len(t, rep.Score.Items, len(published))
	for i, p := range published {
		it := rep.Score.Items[i]
		assert.Equal(t, p.value, *it.Value, strings.Join(it.Path, "/"))
		assert.Equal(t, p.score, *it.Score, strings.Join(it.Path, "/"))
	}
	var ids []string
	for _, f := range rep.Findings {
		ids = append(ids, f.Rule+" "+f.Path)
	}
	assert.Equal(t, []string{"text.missing department", "rubric.weights rubric"}, ids, "no published score is a slip")

	for _, format := range []string{"json", "text", "markdown"} {
		_, out, _ := runCmd("evaluate", "-format", format, "-rubric", workedRubric, workedForm)
		if format == "json" {
			var pretty bytes.Buffer
			require.NoError(t, json.Indent(&pretty, []byte(out), "", "  "))
			out = pretty.String()
		}
		golden := filepath.Join("testdata/worked", "wanglu-2018."+map[string]string{"json": "json", "text": "txt", "markdown": "md"}[format])
		if *update {
			require.NoError(t, os.MkdirAll("testdata/worked", 0o755))
			require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err, "run go test -update to create it")
		assert.Equal(t, string(want), out, format)
	}
}

// The yueyang golden form's slips are found, in every format.
func TestDepartmentEvaluationSlips(t *testing.T) {
	in := "testdata/golden/department-evaluation-yueyang.yaml"
	code, out, stderr := runCmd("evaluate", "-format", "json", in)
	require.Equal(t, exitFinding, code, stderr)
	assert.Contains(t, out, `"rule":"rubric.score","severity":"error","path":"reported.scores.投入/预算配置/财政供养人员控制率"`)
	assert.Contains(t, out, `"expected":"3","actual":"4"`, "compared at the precision written: 2.55 is 3")
	assert.NotContains(t, out, `"rule":"rubric.total"`, "a partial total is not checked")
	_, out, _ = runCmd("evaluate", "-lang", "en", in)
	assert.Contains(t, out, "should score 3 (staff control rate 104.90%")
	assert.Contains(t, out, "score sheet")
}

// -rubric: a rubric that cannot be read is a usage error before any
// output; a form naming a rubric that is not built in is an input error
// at its rubric: key (exit 3 after the other inputs); -rubric overrides
// the form's rubric:.
func TestRubricFlag(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("kind: rubric\nname: x\nitems: [{path: [a], weight: 5, bands: [{from: 0%, score: 6}], measure: staff_control_rate}]\n"), 0o644))
	for _, args := range [][]string{
		{"evaluate", "-rubric", bad, workedForm},
		{"evaluate", "-rubric", filepath.Join(dir, "none.yaml"), workedForm},
		{"evaluate", "-rubric", workedForm, workedForm}, // a form, not a rubric
		{"render", "-rubric", bad, workedForm},
		{"export", "-rubric", bad, "-o", filepath.Join(dir, "x.xlsx"), workedForm},
		{"import", "-rubric", bad, "x.md"},
	} {
		code, out, stderr := runCmd(args...)
		assert.Equal(t, exitUsage, code, "%v: %s", args, stderr)
		assert.Empty(t, out, args)
		assert.Contains(t, stderr, "-rubric", args)
	}
	_, _, stderr := runCmd("evaluate", "-rubric", bad, workedForm)
	assert.Contains(t, stderr, "bad.yaml:3:", "the rubric's line is named")

	// wanglu-2018 is not built in: without -rubric the form is an input
	// error at its rubric: key, and the other inputs are still evaluated.
	code, out, stderr := runCmd("evaluate", "-format", "json", workedForm, tianhe)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, stderr, "wanglu-2018.yaml:6:9: rubric: 评分办法 \"wanglu-2018\" 不存在")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], `"error":{"message":"评分办法 \"wanglu-2018\" 不存在`)
	assert.Contains(t, lines[1], `"kind":"department-self-evaluation"`)
	// A -profile does not make it known either.
	code, _, _ = runCmd("evaluate", "-profile", "national", workedForm)
	assert.Equal(t, exitInput, code)

	// -rubric overrides the form's rubric: key, even a built-in one.
	code, out, stderr = runCmd("evaluate", "-format", "json", "-rubric", workedRubric, "testdata/golden/department-evaluation-yueyang.yaml")
	require.NotEqual(t, exitInput, code, stderr)
	assert.Contains(t, out, `"rubric":"wanglu-2018"`)
}

// A rubric kept among the forms of a folder is skipped; named on its
// own it is an input error saying to give it with -rubric.
func TestRubricFilesInFolders(t *testing.T) {
	dir := t.TempDir()
	rub, err := os.ReadFile(workedRubric)
	require.NoError(t, err)
	form, err := os.ReadFile(workedForm)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a-rubric.yaml"), rub, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.yaml"), form, 0o644))
	code, out, stderr := runCmd("evaluate", "-format", "json", "-rubric", workedRubric, dir)
	assert.Equal(t, exitFinding, code, stderr)
	assert.Equal(t, 1, strings.Count(out, "\n"), "one report, for the form")
	assert.Contains(t, out, `"source":"`+filepath.Join(dir, "b.yaml")+`"`)
	assert.Empty(t, stderr)

	code, _, stderr = runCmd("evaluate", filepath.Join(dir, "a-rubric.yaml"))
	assert.Equal(t, exitInput, code)
	assert.Contains(t, stderr, "请用 -rubric 指定")
}

// render, export and import carry the sheet by -rubric: the published
// sheet exported to Excel and imported back is the same form, every cell
// placed (exit 3 only because the copy has no department name).
func TestRubricRenderExportImport(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := runCmd("render", "-rubric", workedRubric, workedForm)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "| 投入 | 预算配置 | 在职人员控制率 | 以100%为标准。在职人员控制率≤100%，计8分；每超过一个百分点扣0.5分，扣完为止。 | 8 | 8 |")

	x := filepath.Join(dir, "w.xlsx")
	code, _, stderr = runCmd("export", "-rubric", workedRubric, "-o", x, workedForm)
	require.Equal(t, exitOK, code, stderr)
	y := filepath.Join(dir, "w.yaml")
	code, _, stderr = runCmd("import", "-rubric", workedRubric, "-o", y, x)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, stderr, "未找到部门名称")
	assert.NotContains(t, stderr, "未放入：")
	code, out, stderr = runCmd("evaluate", "-format", "json", "-rubric", workedRubric, y)
	require.Equal(t, exitFinding, code, stderr)
	_, want, _ := runCmd("evaluate", "-format", "json", "-rubric", workedRubric, workedForm)
	assert.Equal(t, strings.Replace(want, workedForm, y, 1), out, "the imported form reports as the original")
}

// render and export say why a form cannot be read in the language of
// the command (render's -lang, Chinese for export), as evaluate does.
func TestRenderExportDecodeErrorsInTheirLanguage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.yaml")
	require.NoError(t, os.WriteFile(path, []byte("kind: department-evaluation\ndepartment: 某局\nyear: 2018\nbasic: {staff: {authorized: -1}}\n"), 0o644))
	for _, tc := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"render", path}, "编制数不能为负数", "must not"},
		{[]string{"render", "-lang", "en", path}, "authorized must not be negative", "不能为负数"},
		{[]string{"render", "-format", "html", path}, "编制数不能为负数", "must not"},
		{[]string{"export", "-o", filepath.Join(dir, "f.xlsx"), path}, "编制数不能为负数", "must not"},
	} {
		code, _, stderr := runCmd(tc.args...)
		assert.Equal(t, exitInput, code, tc.args)
		assert.Contains(t, stderr, tc.want, tc.args)
		assert.NotContains(t, stderr, tc.not, tc.args)
	}
}
