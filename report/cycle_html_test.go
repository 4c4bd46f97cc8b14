package report_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/report"
)

// linkedReports evaluates the cycle's example forms linked, as evaluate
// does over a folder.
func linkedReports(t *testing.T) []evaluation.Report {
	t.Helper()
	var set []evaluation.SourcedForm
	for _, p := range []string{"declaration.yaml", "monitoring.yaml", "self-evaluation.yaml"} {
		f, err := evaluation.ReadFile("../examples/cycle/" + p)
		require.NoError(t, err)
		set = append(set, evaluation.SourcedForm{Source: "cycle/" + p, Form: f})
	}
	links := evaluation.LinkAll(set)
	var out []evaluation.Report
	for i, sf := range set {
		r := evaluation.EvaluateLinked(sf.Form, links[i], nil)
		r.Source = sf.Source
		out = append(out, r)
	}
	return out
}

// The analyst's page shows a monitoring form's 1-X月执行率 beside 序时进度,
// and what each linked form was checked against; the charts count the
// self-evaluations only.
func TestHTMLPageCycle(t *testing.T) {
	for _, lang := range []evaluation.Lang{evaluation.Chinese, evaluation.English} {
		var b strings.Builder
		page := report.NewHTMLPage(&b, lang)
		reps := linkedReports(t)
		for i := range reps {
			reps[i].Lang = lang
			require.NoError(t, page.Add(&reps[i]))
		}
		require.NoError(t, page.Close())
		root, err := html.Parse(strings.NewReader(b.String()))
		require.NoError(t, err)

		decl, mon, self := cellsOf(byID(root, "row-1")), cellsOf(byID(root, "row-2")), cellsOf(byID(root, "row-3"))
		if lang == evaluation.Chinese {
			assert.Equal(t, "项目支出绩效目标申报表", decl[4])
			assert.Equal(t, "智慧校园建设", decl[2], "a declaration is checked against nothing")
			assert.Equal(t, "—", decl[5], "a declaration has no rate")
			assert.Equal(t, "智慧校园建设对照：项目支出绩效目标申报表 cycle/declaration.yaml", mon[2])
			assert.Equal(t, "30.00%序时进度 58.33%", mon[5])
			assert.Equal(t, "智慧校园建设对照：项目支出绩效目标申报表 cycle/declaration.yaml；项目支出绩效目标执行监控表 cycle/monitoring.yaml", self[2])
			grades := textOf(byID(root, "chart-grades"))
			assert.Contains(t, grades, "未评分0", "a declaration and a monitoring form are no self-evaluation left unscored")
			rates := textOf(byID(root, "chart-rates"))
			assert.Contains(t, rates, "无法计算0", "nor a self-evaluation whose rate is undefined")
		} else {
			assert.Equal(t, "30.00%time elapsed 58.33%", mon[5])
			assert.Equal(t, "智慧校园建设checked against: project declaration cycle/declaration.yaml", mon[2])
		}
	}
}
