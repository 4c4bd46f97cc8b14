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

func sample(t *testing.T) evaluation.Report {
	t.Helper()
	f, err := evaluation.Decode("p.yaml", []byte("kind: project-self-evaluation\nproject: 智慧校园\nyear: 2025\nfunds: {adjusted_budget: 0, actual_expenditure: 0}\n"))
	require.NoError(t, err)
	r := evaluation.Evaluate(f, nil)
	r.Findings = []evaluation.Finding{
		{Rule: "x.pipe", Severity: evaluation.Warning, Path: "overall", Message: evaluation.Text{Zh: "含|竖线\n换行", En: "has a | pipe"}, Expected: "a<b", Actual: "c&d"},
		{Rule: "x.err", Severity: evaluation.Error, Path: "project", Message: evaluation.Text{Zh: "错误"}},
	}
	return r
}

func TestJSONShape(t *testing.T) {
	r := sample(t)
	line, err := report.JSON(report.Meta{Source: "p.yaml", Profile: "national"}, &r)
	require.NoError(t, err)
	assert.NotContains(t, string(line), "\n", "one line per report")
	assert.Contains(t, string(line), `"expected":"a<b","actual":"c&d"`, "no HTML escaping")
	var m map[string]any
	require.NoError(t, json.Unmarshal(line, &m))
	assert.Equal(t, map[string]any{"execution_rate": nil}, m["figures"], "an undefined rate is null, never 0%")
	assert.Nil(t, m["score"])
	assert.Equal(t, map[string]any{"error": 1.0, "warning": 1.0, "info": 0.0}, m["counts"])
	keys := []string{}
	dec := json.NewDecoder(strings.NewReader(string(line)))
	_, _ = dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		_ = dec.Decode(&skip)
	}
	assert.Equal(t, []string{"source", "kind", "name", "year", "unit", "profile", "figures", "score", "findings", "counts"}, keys)

	en, err := report.JSON(report.Meta{Source: "p.yaml", Lang: evaluation.English}, &r)
	require.NoError(t, err)
	assert.Contains(t, string(en), "has a | pipe")
	assert.Contains(t, string(en), `"message":"错误"`, "falls back to Chinese where no English is given")
}

func TestErrorJSON(t *testing.T) {
	_, err := evaluation.Decode("bad.yaml", []byte("kind: project-self-evaluation\nyear: x\n"))
	var m map[string]map[string]any
	var probe struct{ Source string }
	require.NoError(t, json.Unmarshal(report.ErrorJSON("bad.yaml", err), &probe))
	assert.Equal(t, "bad.yaml", probe.Source)
	m = map[string]map[string]any{}
	var whole struct{ Error map[string]any }
	require.NoError(t, json.Unmarshal(report.ErrorJSON("bad.yaml", err), &whole))
	m["error"] = whole.Error
	assert.Equal(t, 2.0, m["error"]["line"])
	assert.Equal(t, 7.0, m["error"]["column"])
	assert.Equal(t, "year", m["error"]["path"])

	require.NoError(t, json.Unmarshal(report.ErrorJSON("gone.yaml", errors.New("open gone.yaml: no such file")), &whole))
	m["error"] = whole.Error
	assert.Equal(t, "open gone.yaml: no such file", m["error"]["message"])
}

func TestMarkdownEscapesCells(t *testing.T) {
	r := sample(t)
	var b strings.Builder
	require.NoError(t, report.Markdown(&b, report.Meta{Source: "p.yaml", Profile: "national"}, &r))
	out := b.String()
	assert.Contains(t, out, `含\|竖线 换行`)
	assert.Contains(t, out, "| 执行率 | —（无法计算） |")
	// Errors are listed before warnings.
	assert.Less(t, strings.Index(out, "x.err"), strings.Index(out, "x.pipe"))
}

func TestText(t *testing.T) {
	r := sample(t)
	var b strings.Builder
	require.NoError(t, report.Text(&b, report.Meta{Source: "p.yaml", Profile: "national", Lang: evaluation.English}, &r))
	out := b.String()
	assert.Contains(t, out, "execution rate: — (undefined)")
	assert.Contains(t, out, "1 errors, 1 warnings, 0 info")
	assert.Contains(t, out, "expected a<b · actual c&d")
}
