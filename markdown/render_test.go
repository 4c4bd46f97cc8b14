package markdown_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Findings as a rule set would report them on the Tianhe form, built by
// hand: the markdown package does not depend on the rules.
var tianheFindings = []evaluation.Finding{
	{Rule: "funds.completion-rate", Severity: evaluation.Error, Path: "funds.reported.completion_rate",
		Message: evaluation.Text{Zh: "预算完成率应为 99.98%，表中填报 99.99%"}, Expected: "99.98%", Actual: "99.99%"},
	{Rule: "indicators.no-target", Severity: evaluation.Info, Path: "tasks[1].indicators[0].target",
		Message: evaluation.Text{Zh: "指标“开展综治创新项目及基层社会治理创新示范项目创建工作”未填指标值，无法评估"}},
	{Rule: "narrative.mismatch", Severity: evaluation.Warning, Path: "overall",
		Message: evaluation.Text{Zh: "“2432人积分入学”所述 2432人 与指标“来穗人员子女入学人数”的 2423人次 不一致"}, Expected: "2423人次", Actual: "2432人"},
	{Rule: "key-projects.threshold", Severity: evaluation.Info, Path: "key_projects[0].budget",
		Message: evaluation.Text{Zh: "重点项目未注明预算金额，无法核对是否达到500万元"}},
	{Rule: "funds.sources", Severity: evaluation.Error, Path: "funds.sources",
		Message: evaluation.Text{Zh: "其中各项实际支出数之和超过合计"}, Expected: "≤ 2394.83", Actual: "2400.00"},
	{Rule: "tasks.funds-total", Severity: evaluation.Error, Path: "tasks",
		Message: evaluation.Text{Zh: "任务涉及资金合计超过实际支出数"}},
	{Rule: "custom.whole-form", Severity: evaluation.Warning, Path: "",
		Message: evaluation.Text{Zh: "整表提示 | 含竖线\n和换行"}},
	{Rule: "text.placeholder", Severity: evaluation.Error, Path: "profile",
		Message: evaluation.Text{Zh: "规则配置不在表中"}},
}

var projectFindings = []evaluation.Finding{
	{Rule: "score.indicator", Severity: evaluation.Error, Path: "indicators[3].score",
		Message: evaluation.Text{Zh: "得分应为 4"}, Expected: "4", Actual: "5"},
	{Rule: "score.total", Severity: evaluation.Error, Path: "reported.total_score",
		Message: evaluation.Text{Zh: "总分应为 96.39"}, Expected: "96.39", Actual: "97.39"},
	{Rule: "indicators.dimensions", Severity: evaluation.Error, Path: "indicators",
		Message: evaluation.Text{Zh: "缺少满意度指标"}},
	{Rule: "score.budget", Severity: evaluation.Warning, Path: "funds.reported.score",
		Message: evaluation.Text{Zh: "执行得分"}},
}

func render(t testing.TB, f evaluation.Form, findings []evaluation.Finding) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, markdown.Render(&b, f, findings))
	return b.String()
}

func TestRenderGolden(t *testing.T) {
	tests := []struct {
		golden   string
		form     string
		findings []evaluation.Finding
	}{
		{"tianhe2021.md", tianhePath, nil},
		{"tianhe2021-annotated.md", tianhePath, tianheFindings},
		{"project.md", projectPath, nil},
		{"project-annotated.md", projectPath, projectFindings},
		{"department-rich.md", "testdata/department-rich.yaml", nil},
		{"department-national.md", "testdata/department-national.yaml", nil},
		{"department-both.md", "testdata/department-both.yaml", nil},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			got := render(t, readForm(t, tt.form), tt.findings)
			path := filepath.Join("testdata", "golden", tt.golden)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create the golden files")
			assert.Equal(t, string(want), got)
		})
	}
}

// Import(Render(f)) is f, with and without annotations.
func TestRenderImportRoundTrip(t *testing.T) {
	for _, path := range []string{tianhePath, projectPath, "testdata/department-rich.yaml",
		"testdata/department-national.yaml", "testdata/department-both.yaml"} {
		for _, annotated := range []bool{false, true} {
			t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) {
				f := readForm(t, path)
				var findings []evaluation.Finding
				if annotated {
					findings = append(tianheFindings, projectFindings...)
				}
				got, err := markdown.Import("rendered.md", []byte(render(t, f, findings)))
				require.NoError(t, err)
				assert.Equal(t, f, got)
				assert.Equal(t, encode(t, f), encode(t, got))
			})
		}
	}
}

// The imported seed renders to a document that imports to the same form.
func TestSeedRenderImport(t *testing.T) {
	f := importString(t, readSeed(t))
	assert.Equal(t, f, importString(t, render(t, f, nil)))
}

// Each finding is marked at the cell its path names, or at the nearest
// enclosing block's cell, or only listed.
func TestRenderAnnotationPlacement(t *testing.T) {
	tianhe := readForm(t, tianhePath)
	proj := readForm(t, projectPath)
	tests := []struct {
		name string
		form evaluation.Form
		path string
		sev  evaluation.Severity
		// line is text of the line the marker must be on, just before the marker; "" for the list only.
		line string
	}{
		{"rate", tianhe, "funds.reported.completion_rate", evaluation.Error, "| 99.99% ✖[1] |"},
		{"indicator actual", tianhe, "tasks[1].indicators[0].actual", evaluation.Warning, "| 1个 ⚠[1] |"},
		{"indicator after the break", tianhe, "tasks[1].indicators[3].actual", evaluation.Info, "| 2423人次 ℹ[1] |"},
		{"indicator row", tianhe, "tasks[0].indicators[2]", evaluation.Info, "| 线索办理 ℹ[1] |"},
		{"hidden indicator cell goes to its row", tianhe, "tasks[0].indicators[2].target", evaluation.Info, "| 线索办理 ℹ[1] |"},
		{"task funds", tianhe, "tasks[3].funds", evaluation.Error, "| 45.58 ✖[1] |"},
		{"task indicators", tianhe, "tasks[2].indicators", evaluation.Warning, "| 涉赌警情 ⚠[1] |"},
		{"task out of range goes to the block", tianhe, "tasks[9].funds", evaluation.Error, "| 主要任务 ✖[1] |"},
		{"tasks", tianhe, "tasks", evaluation.Error, "| 主要任务 ✖[1] |"},
		{"sources go to the funds block", tianhe, "funds.sources", evaluation.Error, "| 部门资金情况 ✖[1] |"},
		{"source row", tianhe, "funds.sources[0].actual_expenditure", evaluation.Error, "| 2394.83 ✖[1] | | | |"},
		{"source budget not shown", tianhe, "funds.sources[0].adjusted_budget", evaluation.Error, "| 其中：一般公共预算 ✖[1] |"},
		{"key project budget", tianhe, "key_projects[0].budget", evaluation.Info, "</p> ℹ[1] |"},
		{"key projects", tianhe, "key_projects", evaluation.Error, "| 重点项目绩效情况 ✖[1] |"},
		{"goal item", tianhe, "goals.expected[2]", evaluation.Error, "</p> ✖[1] | |"},
		{"overall", tianhe, "overall", evaluation.Warning, "制定规章制度81项。 ⚠[1] |"},
		{"year", tianhe, "year", evaluation.Error, "| 2021年 ✖[1] |"},
		{"unit", tianhe, "unit", evaluation.Error, "单位：万元 ✖[1]"},
		{"whole form", tianhe, "", evaluation.Error, ""},
		{"profile", tianhe, "profile", evaluation.Error, ""},
		{"project indicator score", proj, "indicators[3].score", evaluation.Error, "| 5 ✖[1] | |"},
		{"project total", proj, "reported.total_score", evaluation.Error, "| 97.39 ✖[1] |"},
		{"project grade", proj, "reported.grade", evaluation.Error, "| 优 ✖[1] |"},
		{"project indicators", proj, "indicators", evaluation.Error, "| 绩效指标 ✖[1] |"},
		{"project execution", proj, "funds.reported.execution_rate", evaluation.Error, "| 95.00% ✖[1] |"},
		{"project year", proj, "year", evaluation.Error, "（2025年度） ✖[1]"},
		{"project weights", proj, "funds.weight", evaluation.Warning, "| 10 ⚠[1] |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, tt.form, []evaluation.Finding{{Rule: "r.x", Severity: tt.sev, Path: tt.path, Message: evaluation.Text{Zh: "说明"}}})
			tables, list, ok := strings.Cut(out, "审核发现：")
			require.True(t, ok)
			assert.Contains(t, list, "1. ")
			assert.Contains(t, list, "`r.x`")
			marks := strings.Count(tables, "[1]")
			if tt.line == "" {
				assert.Zero(t, marks, "no marker in the tables")
				return
			}
			assert.Equal(t, 1, marks, "exactly one marker")
			assert.Contains(t, tables, tt.line)
		})
	}
}

func TestRenderFindingsList(t *testing.T) {
	out := render(t, readForm(t, tianhePath), tianheFindings)
	_, list, ok := strings.Cut(out, "审核发现：\n\n")
	require.True(t, ok)
	lines := strings.Split(strings.TrimSpace(list), "\n")
	require.Len(t, lines, len(tianheFindings))
	assert.Equal(t, "1. ✖ error `funds.completion-rate` 位置：funds.reported.completion_rate：预算完成率应为 99.98%，表中填报 99.99%（应为：99.98%；实为：99.99%）", lines[0])
	assert.Equal(t, "7. ⚠ warning `custom.whole-form` 位置：整表：整表提示 \\| 含竖线 和换行", lines[6])
	assert.Equal(t, "8. ✖ error `text.placeholder` 位置：profile（表中无此单元格）：规则配置不在表中", lines[7])

	empty := render(t, readForm(t, tianhePath), []evaluation.Finding{})
	assert.True(t, strings.HasSuffix(empty, "\n审核发现：无\n"))
	assert.NotContains(t, render(t, readForm(t, tianhePath), nil), "审核发现")
}

func TestRenderErrors(t *testing.T) {
	var b bytes.Buffer
	assert.Error(t, markdown.Render(&b, nil, nil))
	assert.Error(t, markdown.Render(&b, (*evaluation.DepartmentForm)(nil), nil))
	assert.Error(t, markdown.Render(&b, (*evaluation.ProjectForm)(nil), nil))
	assert.Error(t, markdown.Render(failWriter{}, readForm(t, projectPath), nil))
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

// Render neither modifies the form nor the findings.
func TestRenderLeavesInputsAlone(t *testing.T) {
	f := readForm(t, tianhePath)
	before := encode(t, f)
	findings := append([]evaluation.Finding(nil), tianheFindings...)
	render(t, f, findings)
	assert.Equal(t, before, encode(t, f))
	assert.Equal(t, tianheFindings, findings)
}

// An empty form renders the bare layout, which imports to an empty form.
func TestRenderEmptyForms(t *testing.T) {
	for _, f := range []evaluation.Form{&evaluation.DepartmentForm{}, &evaluation.ProjectForm{}} {
		got, err := markdown.Import("empty.md", []byte(render(t, f, nil)))
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
}
