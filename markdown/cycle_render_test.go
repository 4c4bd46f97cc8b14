package markdown_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/layout"
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/rules"
)

// cycleMistakes are a declaration and a monitoring form with the mistakes
// their rules catch.
var cycleMistakes = []string{"testdata/declaration-mistakes.yaml", "testdata/monitoring-mistakes.yaml"}

// The declaration and the monitoring form render in their official
// layouts, plain and annotated with the findings the national profile
// gives them; the annotated rendering reads back to the same form.
func TestCycleRenderGolden(t *testing.T) {
	for _, path := range append(append([]string{}, cycleExamples...), cycleMistakes...) {
		f := readForm(t, path)
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		goldenFile(t, filepath.Join("testdata", "golden", name+".md"), render(t, f, nil))
		if !strings.Contains(name, "mistakes") {
			continue
		}
		rep := evaluation.Evaluate(f, rules.NationalProfile())
		require.NotEmpty(t, rep.Findings, "an annotated example needs findings")
		annotated := render(t, f, rep.Findings)
		goldenFile(t, filepath.Join("testdata", "golden", name+"-annotated.md"), annotated)
		back, err := markdown.Import("annotated.md", []byte(annotated))
		require.NoError(t, err)
		assert.Equal(t, f, back, "the markers and the list of findings are no part of the form")
	}
}

// Every finding the rules give the cycle's forms is marked at a cell the
// layout draws: the cell of its path, or of the nearest enclosing one.
func TestCycleFindingsHaveCells(t *testing.T) {
	var forms []evaluation.Form
	for _, path := range append(append([]string{}, cycleExamples...), cycleMistakes...) {
		forms = append(forms, readForm(t, path))
	}
	paths, err := filepath.Glob("../rules/testdata/cycle/real/*.yaml")
	require.NoError(t, err)
	for _, p := range paths {
		forms = append(forms, readForm(t, p))
	}
	for _, f := range forms {
		doc := layout.Of(f)
		for _, fd := range evaluation.Evaluate(f, rules.NationalProfile()).Findings {
			if fd.Path != "" {
				assert.NotNil(t, doc.CellFor(fd.Path), "%s %s at %s", f.Header().Name, fd.Rule, fd.Path)
			}
		}
	}
	m := readForm(t, "../examples/cycle/monitoring.yaml")
	doc := layout.Of(m)
	assert.Equal(t, "30", doc.CellFor("funds.executed").Text)
	assert.Equal(t, "1-7月执行数", doc.CellFor("as_of").Text, "the month monitored is printed in the labels")
	assert.Equal(t, "有可能", doc.CellFor("indicators[0].likelihood").Text)
	assert.Equal(t, "供应商延期交货", doc.CellFor("indicators[0].deviation.other").Text)
	assert.Equal(t, "设备采购数量", doc.CellFor("indicators[0]").Text)
	d := readForm(t, "../examples/cycle/declaration.yaml")
	doc = layout.Of(d)
	assert.Equal(t, "2025年1月至2025年12月", doc.CellFor("period.end").Text)
	assert.Equal(t, "70", doc.CellFor("funds.fiscal").Text)
	assert.Equal(t, "年度绩效指标", doc.CellFor("indicators").Text)
}
