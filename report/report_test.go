package report_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/report"
)

func sample(t *testing.T, lang evaluation.Lang) evaluation.Report {
	t.Helper()
	f, err := evaluation.Decode("p.yaml", []byte("kind: project-self-evaluation\nproject: 智慧校园\nyear: 2025\nfunds: {adjusted_budget: 0, actual_expenditure: 0}\n"))
	require.NoError(t, err)
	r := evaluation.Evaluate(f, nil)
	r.Source, r.Profile, r.Lang = "p.yaml", "national", lang
	r.Findings = []evaluation.Finding{
		{Rule: "x.err", Severity: evaluation.Error, Path: "project", Message: evaluation.Text{Zh: "错误"}},
		{Rule: "x.pipe", Severity: evaluation.Warning, Path: "overall", Message: evaluation.Text{Zh: "含|竖线\n换行", En: "has a | pipe"}, Expected: "a<b", Actual: "c&d"},
	}
	return r
}

func TestJSONIsTheReportMarshalled(t *testing.T) {
	r := sample(t, evaluation.Chinese)
	line, err := report.JSON(&r)
	require.NoError(t, err)
	direct, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, string(direct), string(line), "one shape: the command prints json.Marshal(report)")
	assert.NotContains(t, string(line), "\n", "one line per report")
	var m map[string]any
	require.NoError(t, json.Unmarshal(line, &m))
	assert.Equal(t, map[string]any{"execution_rate": nil}, m["figures"], "an undefined rate is null, never 0%")
	assert.Nil(t, m["score"])
	assert.Equal(t, map[string]any{"error": 1.0, "warning": 1.0, "info": 0.0}, m["counts"])
	fs := m["findings"].([]any)
	assert.Equal(t, "a<b", fs[1].(map[string]any)["expected"])

	r.Lang = evaluation.English
	en, err := report.JSON(&r)
	require.NoError(t, err)
	assert.Contains(t, string(en), "has a | pipe")
	assert.Contains(t, string(en), `"message":"错误"`, "falls back to Chinese where no English is given")
}

func TestErrorJSON(t *testing.T) {
	_, err := evaluation.Decode("bad.yaml", []byte("kind: project-self-evaluation\nyear: x\nfunds: {weight: -1}\n"))
	var whole struct {
		Source string
		Error  map[string]any
		Errors []map[string]any
	}
	require.NoError(t, json.Unmarshal(report.ErrorJSON("bad.yaml", err, evaluation.Chinese), &whole))
	assert.Equal(t, "bad.yaml", whole.Source)
	assert.Equal(t, 2.0, whole.Error["line"])
	assert.Equal(t, 7.0, whole.Error["column"])
	assert.Equal(t, "year", whole.Error["path"])
	assert.Equal(t, `"x" 不是年度`, whole.Error["message"])
	require.Len(t, whole.Errors, 2, "every fault of the file")
	assert.Equal(t, "funds.weight", whole.Errors[1]["path"])

	whole.Errors = nil
	require.NoError(t, json.Unmarshal(report.ErrorJSON("gone.yaml", errors.New("open gone.yaml: no such file"), evaluation.English), &whole))
	assert.Equal(t, "open gone.yaml: no such file", whole.Error["message"])
	assert.Empty(t, whole.Errors)
}

func TestMarkdownEscapesCells(t *testing.T) {
	r := sample(t, evaluation.Chinese)
	var b strings.Builder
	require.NoError(t, report.Markdown(&b, &r))
	out := b.String()
	assert.Contains(t, out, `含\|竖线⏎换行`)
	assert.Contains(t, out, "| 执行率 | —（无法计算） |")
	assert.Contains(t, out, "a&lt;b", "no raw HTML from a form")
	assert.Contains(t, out, "| 错误 |", "severities in Chinese")
	assert.Less(t, strings.Index(out, "x.err"), strings.Index(out, "x.pipe"), "errors before warnings")
}

// A form's HTML and Markdown reach the Markdown report as text, and a
// backtick in a file name cannot end its code span.
func TestMarkdownCarriesNoRawHTML(t *testing.T) {
	f, err := evaluation.Decode("p.yaml", []byte("kind: project-self-evaluation\nproject: \"<script>alert(1)</script> <img src=x onerror=alert(1)> **bold** [link](http://x)\"\n"))
	require.NoError(t, err)
	r := evaluation.Evaluate(f, nil)
	r.Source = "evil`name`.yaml"
	r.Findings = []evaluation.Finding{{Rule: "x.html", Severity: evaluation.Info, Path: "project",
		Message: evaluation.Text{Zh: "项目名称“<img src=x onerror=alert(1)>”"}}}
	var b strings.Builder
	require.NoError(t, report.Markdown(&b, &r))
	out := b.String()
	assert.NotContains(t, out, "<script>")
	assert.NotContains(t, out, "<img")
	assert.Contains(t, out, "&lt;script&gt;")
	assert.Contains(t, out, `\*\*bold\*\*`)
	assert.Contains(t, out, "``evil`name`.yaml``", "the fence is longer than any backtick run")
}

func TestText(t *testing.T) {
	r := sample(t, evaluation.English)
	var b strings.Builder
	require.NoError(t, report.Text(&b, &r))
	out := b.String()
	assert.Contains(t, out, "execution rate: — (undefined)")
	assert.Contains(t, out, "1 error, 1 warning, 0 info", "singular where one")
	assert.Contains(t, out, "expected a<b · actual c&d")
	assert.Contains(t, out, "warning  x.pipe  overall\n")
	assert.Contains(t, out, "project self-evaluation")

	r = sample(t, evaluation.Chinese)
	b.Reset()
	require.NoError(t, report.Text(&b, &r))
	out = b.String()
	assert.Contains(t, out, "1 错误，1 警告，0 提示")
	assert.Contains(t, out, "警告  x.pipe  评价结论（overall）")
	assert.Contains(t, out, "含|竖线⏎换行", "a newline in a message cannot forge a line")
	for _, w := range []string{"error", "warning", "info", "expected", "actual", "findings", "undefined", "profile"} {
		assert.NotContains(t, strings.ToLower(strings.ReplaceAll(out, "x.err", "")), w+" ", "no English under zh: %s", w)
	}
}

// Escape sequences, BEL, CR and backspace in a form reach a terminal
// visible, never raw.
func TestTextShowsControlCharacters(t *testing.T) {
	r := sample(t, evaluation.Chinese)
	r.Source = "evil\x1b]0;pwned\a.yaml"
	r.Header.Name = "名称\x1b[2J\r\b"
	r.Findings[0].Message.Zh = "消息\x1b[31m红\n伪造一行"
	r.Findings[0].Actual = "\x1b[0m"
	var b strings.Builder
	require.NoError(t, report.Text(&b, &r))
	out := b.String()
	for _, c := range []string{"\x1b", "\a", "\r", "\b"} {
		assert.NotContains(t, out, c)
	}
	assert.Contains(t, out, `\x1b[2J`)
	assert.Equal(t, 10, strings.Count(out, "\n"), "no forged lines")
	assert.Contains(t, out, "红⏎伪造一行")
}

func TestLargeAmountsGrouped(t *testing.T) {
	f, err := evaluation.Decode("d.yaml", []byte("kind: department-self-evaluation\nfunds: {adjusted_budget: 1234567.5, initial_budget: 1000000}\n"))
	require.NoError(t, err)
	r := evaluation.Evaluate(f, nil)
	var b strings.Builder
	require.NoError(t, report.Text(&b, &r))
	assert.Contains(t, b.String(), "年度预算调整数：234,567.50 万元")
	line, err := report.JSON(&r)
	require.NoError(t, err)
	assert.Contains(t, string(line), `"adjustment":"234567.50"`, "never separators in JSON")
}

// A form with more faults than are listed: the JSON line lists twenty,
// and counts the rest apart, so a client counting "errors" counts faults.
func TestErrorJSONCountsTheUnlisted(t *testing.T) {
	var b strings.Builder
	b.WriteString("kind: project-self-evaluation\nindicators:\n")
	for range 25 {
		b.WriteString("  - {weight: x}\n")
	}
	_, err := evaluation.Decode("many.yaml", []byte(b.String()))
	require.Error(t, err)
	var got struct {
		Errors []struct {
			Message string
			Line    int
		}
		More int `json:"more_errors"`
	}
	require.NoError(t, json.Unmarshal(report.ErrorJSON("many.yaml", err, evaluation.English), &got))
	assert.Len(t, got.Errors, 20)
	assert.Equal(t, 5, got.More)
	for _, e := range got.Errors {
		assert.Positive(t, e.Line)
	}
}
