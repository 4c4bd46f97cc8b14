package evaluation_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
)

// header writes the top of a form of kind for a project.
func header(kind evaluation.Kind, code, project, department string, year int) string {
	s := fmt.Sprintf("kind: %s\nproject: %q\ndepartment: %q\nyear: %d\n", kind, project, department, year)
	if code != "" {
		s += fmt.Sprintf("code: %q\n", code)
	}
	return s
}

func sourced(t *testing.T, pairs ...string) []evaluation.SourcedForm {
	t.Helper()
	var out []evaluation.SourcedForm
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, evaluation.SourcedForm{Source: pairs[i], Form: decodeYAML(t, pairs[i+1])})
	}
	return out
}

// linkedSources names what each form was linked to, and its duplicates.
func linkedSources(l evaluation.Links) string {
	s := ""
	if l.Declaration != nil {
		s += "decl=" + l.Declaration.Source + " "
	}
	if l.Monitoring != nil {
		s += "mon=" + l.Monitoring.Source + " "
	}
	for _, d := range l.Duplicates {
		s += fmt.Sprintf("dup(%s×%d %v) ", d.Kind, d.Count, d.Sources)
	}
	return s
}

func TestLinkAll(t *testing.T) {
	const (
		decl = evaluation.Declaration
		mon  = evaluation.Monitoring
		self = evaluation.Project
	)
	tests := []struct {
		name  string
		forms []string // source, YAML, …
		want  []string // linkedSources of each form
	}{
		{"by code, whatever the names",
			[]string{"d", header(decl, "C1", "甲项目", "教育局", 2025), "s", header(self, "C1", "甲项目（改名）", "另一局", 2025)},
			[]string{"", "decl=d "}},
		{"codes that differ do not link, even with the same name",
			[]string{"d", header(decl, "C1", "甲项目", "教育局", 2025), "s", header(self, "C2", "甲项目", "教育局", 2025)},
			[]string{"", ""}},
		{"by name and department where one has no code, widths folded and spaces dropped",
			[]string{"d", header(decl, "C1", "ＡＢ智慧校园 建设", "教育局 ", 2025), "m", header(mon, "", "AB智慧校园建设", "教育局", 2025) + "as_of: 7\n"},
			[]string{"", "decl=d "}},
		{"another department does not link",
			[]string{"d", header(decl, "", "甲项目", "教育局", 2025), "s", header(self, "", "甲项目", "卫健委", 2025)},
			[]string{"", ""}},
		{"another year does not link",
			[]string{"d", header(decl, "C1", "甲项目", "教育局", 2024), "s", header(self, "C1", "甲项目", "教育局", 2025)},
			[]string{"", ""}},
		{"no year links nothing",
			[]string{"d", header(decl, "C1", "甲项目", "教育局", 2025), "s", "kind: project-self-evaluation\ncode: C1\n"},
			[]string{"", ""}},
		{"the self-evaluation takes the monitoring form with the latest month",
			[]string{
				"d", header(decl, "C1", "甲", "局", 2025),
				"m9", header(mon, "C1", "甲", "局", 2025) + "as_of: 9\n",
				"m6", header(mon, "C1", "甲", "局", 2025) + "as_of: 6\n",
				"s", header(self, "C1", "甲", "局", 2025)},
			[]string{"", "decl=d ", "decl=d ", "decl=d mon=m9 "}},
		{"a monitoring form alone is still linked to the self-evaluation",
			[]string{"m", header(mon, "C1", "甲", "局", 2025) + "as_of: 6\n", "s", header(self, "C1", "甲", "局", 2025)},
			[]string{"", "mon=m "}},
		{"two monitoring forms of one month: neither is linked",
			[]string{
				"d", header(decl, "C1", "甲", "局", 2025),
				"m1", header(mon, "C1", "甲", "局", 2025) + "as_of: 9\n",
				"m2", header(mon, "", "甲", "局", 2025) + "as_of: 9\n",
				"s", header(self, "C1", "甲", "局", 2025)},
			[]string{"", "dup(project-monitoring×2 [m1 m2]) ", "dup(project-monitoring×2 [m2 m1]) ", "decl=d dup(project-monitoring×2 [m1 m2]) "}},
		{"two declarations: neither is linked",
			[]string{
				"d1", header(decl, "C1", "甲", "局", 2025),
				"d2", header(decl, "C1", "甲", "局", 2025),
				"m", header(mon, "C1", "甲", "局", 2025) + "as_of: 6\n",
				"s", header(self, "C1", "甲", "局", 2025)},
			[]string{"", "", "dup(project-declaration×2 [d1 d2]) ", "mon=m dup(project-declaration×2 [d1 d2]) "}},
		{"two self-evaluations: neither is linked",
			[]string{
				"d", header(decl, "C1", "甲", "局", 2025),
				"s1", header(self, "C1", "甲", "局", 2025),
				"s2", header(self, "", "甲", "局", 2025),
				"other", header(self, "C9", "乙", "局", 2025)},
			[]string{"", "dup(project-self-evaluation×2 []) ", "dup(project-self-evaluation×2 []) ", ""}},
		{"twin self-evaluations that link to nothing report nothing",
			[]string{"s1", header(self, "C1", "甲", "局", 2025), "s2", header(self, "C1", "甲", "局", 2025)},
			[]string{"", ""}},
		{"department forms are not linked",
			[]string{"d", header(decl, "", "甲", "局", 2025), "dep", "kind: department-self-evaluation\ndepartment: 局\nyear: 2025\n"},
			[]string{"", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forms := sourced(t, tt.forms...)
			links := evaluation.LinkAll(forms)
			require.Len(t, links, len(forms))
			for i, l := range links {
				assert.Equal(t, tt.want[i], linkedSources(l), forms[i].Source)
			}
		})
	}
}

// The index built in a first pass gives each form, met again in the
// second, the same links as LinkAll; the forms' order does not matter.
func TestLinkerMatchesLinkAll(t *testing.T) {
	forms := sourced(t,
		"s", header(evaluation.Project, "C1", "甲", "局", 2025),
		"m", header(evaluation.Monitoring, "C1", "甲", "局", 2025)+"as_of: 7\n",
		"d", header(evaluation.Declaration, "", "甲", "局", 2025),
		"x", header(evaluation.Project, "", "乙", "局", 2025),
	)
	var l evaluation.Linker
	for i := len(forms) - 1; i >= 0; i-- {
		l.Add(forms[i].Source, forms[i].Form)
	}
	x := l.Index()
	assert.Equal(t, 2, x.Len())
	all := evaluation.LinkAll(forms)
	for i, sf := range forms {
		assert.Equal(t, linkedSources(all[i]), linkedSources(x.Links(sf.Source, sf.Form)), sf.Source)
	}
	assert.Equal(t, "decl=d mon=m ", linkedSources(all[0]))
	var nilIndex *evaluation.LinkIndex
	assert.True(t, nilIndex.Links("s", forms[0].Form).IsZero())
}

// A report lists the forms it was checked against, declaration first;
// a declaration's and an unlinked form's list none.
func TestReportLinked(t *testing.T) {
	forms := sourced(t,
		"d.yaml", header(evaluation.Declaration, "C1", "甲", "局", 2025),
		"m.yaml", header(evaluation.Monitoring, "C1", "甲", "局", 2025)+"as_of: 7\n",
		"s.yaml", header(evaluation.Project, "C1", "甲", "局", 2025),
	)
	links := evaluation.LinkAll(forms)
	self := evaluation.EvaluateLinked(forms[2].Form, links[2], nil)
	assert.Equal(t, []evaluation.LinkedForm{{Source: "d.yaml", Kind: evaluation.Declaration}, {Source: "m.yaml", Kind: evaluation.Monitoring}}, self.Linked)
	assert.Nil(t, evaluation.Evaluate(forms[2].Form, nil).Linked)
	// Links handed to a declaration are ignored: nothing comes before it.
	assert.Nil(t, evaluation.EvaluateLinked(forms[0].Form, links[2], nil).Linked)
	assert.Equal(t, []evaluation.LinkedForm{{Source: "d.yaml", Kind: evaluation.Declaration}}, evaluation.EvaluateLinked(forms[1].Form, links[1], nil).Linked)
}

func TestSummarize(t *testing.T) {
	f, err := evaluation.ReadFile(exampleDeclaration)
	require.NoError(t, err)
	s, ok := evaluation.Summarize("d.yaml", f)
	require.True(t, ok)
	assert.Equal(t, "d.yaml", s.Source)
	assert.Equal(t, evaluation.Declaration, s.Kind)
	assert.Equal(t, "100", s.Budget.Decimal().String())
	require.Len(t, s.Indicators, 6)
	row := s.Indicators[4]
	assert.Equal(t, [5]string{"indicators[4]", "效益指标", "教学信息化覆盖率", "≥95%", "效益指标"},
		[5]string{row.Path, row.Level1, row.Name, row.Target, row.Level.String()})
	assert.True(t, row.ParsedTarget().Equal(indicator.Parse("不低于95%")))
	bare := evaluation.SummaryIndicator{Target: "≥95%"}
	assert.True(t, bare.ParsedTarget().Equal(row.ParsedTarget()), "a summary made by hand is read when asked")

	// Without 资金总额 the declared total is the sum of the sources.
	parts := decodeYAML(t, "kind: project-declaration\nfunds: {fiscal: 4.00, other: 1, sources: [{name: 自有资金, amount: 0.5}]}\n")
	s, _ = evaluation.Summarize("", parts)
	assert.Equal(t, "5.50", s.Budget.String())

	_, ok = evaluation.Summarize("", decodeYAML(t, "kind: department-self-evaluation\n"))
	assert.False(t, ok)
}

func TestMatchIndicators(t *testing.T) {
	si := func(level indicator.Level, level1, name string) evaluation.SummaryIndicator {
		return evaluation.SummaryIndicator{Level: level, Level1: level1, Name: name}
	}
	earlier := []evaluation.SummaryIndicator{
		si(indicator.Output, "产出指标", "项目（工程）验收合格率"),
		si(indicator.Output, "产出指标", "设备数量"),
		si(indicator.Output, "产出指标", "设备数量"),
		si(indicator.Effect, "效益指标", "覆盖率"),
		si(indicator.LevelUnknown, "", "培训人次"),
		si(indicator.Satisfaction, "满意度指标", "满意度"),
	}
	later := []evaluation.SummaryIndicator{
		si(indicator.Output, "产出指标", "设备数量"),
		si(indicator.Output, "产出指标", "项目(工程) 验收合格率。"),
		si(indicator.Output, "产出指标", "覆盖率"), // another dimension: not the same indicator
		si(indicator.Effect, "效益指标", "培训人次"),
		si(indicator.Output, "产出指标", "新指标"),
	}
	matched, missing, added := evaluation.MatchIndicators(earlier, later)
	var pairs []string
	for _, m := range matched {
		pairs = append(pairs, m.Later.Name+"="+m.Earlier.Name)
	}
	assert.Equal(t, []string{"设备数量=设备数量", "项目(工程) 验收合格率。=项目（工程）验收合格率", "培训人次=培训人次"}, pairs)
	assert.Same(t, &earlier[1], matched[0].Earlier, "first with first")
	var names []string
	for _, m := range missing {
		names = append(names, m.Name)
	}
	assert.Equal(t, []string{"设备数量", "覆盖率", "满意度"}, names)
	names = nil
	for _, a := range added {
		names = append(names, a.Name)
	}
	assert.Equal(t, []string{"覆盖率", "新指标"}, names)
}

func TestProjectKeyLinks(t *testing.T) {
	k := func(code, project, dept string, year int) evaluation.ProjectKey {
		return evaluation.ProjectKey{Code: code, Project: project, Department: dept, Year: year}
	}
	assert.True(t, k("C", "a", "x", 2025).Links(k("C", "b", "y", 2025)))
	assert.False(t, k("C", "a", "x", 2025).Links(k("D", "a", "x", 2025)))
	assert.True(t, k("C", "a", "x", 2025).Links(k("", "a", "x", 2025)))
	assert.False(t, k("", "a", "x", 2025).Links(k("", "a", "y", 2025)))
	assert.False(t, k("", "a", "x", 0).Links(k("", "a", "x", 0)))
	key, ok := evaluation.KeyOf(decodeYAML(t, header(evaluation.Project, " Ｃ１ ", "智慧 校园", "教育局", 2025)))
	require.True(t, ok)
	assert.Equal(t, k("C1", "智慧校园", "教育局", 2025), key)
}

// The first pass reads a self-evaluation's header only, and finds the
// same project-year as a full decode.
func TestDecodeForLinking(t *testing.T) {
	for _, p := range []string{exampleDeclaration, exampleMonitoring, exampleSelf, tianhe} {
		full, err := evaluation.ReadFile(p)
		require.NoError(t, err)
		f, err := evaluation.ReadFileForLinking(p)
		require.NoError(t, err)
		if full.Kind() == evaluation.Department {
			assert.Nil(t, f)
			continue
		}
		want, _ := evaluation.KeyOf(full)
		got, ok := evaluation.KeyOf(f)
		assert.True(t, ok, p)
		assert.Equal(t, want, got, p)
		if full.Kind() != evaluation.Project {
			assert.Equal(t, full, f, "declarations and monitoring forms are read whole")
		}
	}
	// Only the keys that place it are read: the rest may be wrong.
	f, err := evaluation.DecodeForLinking("s.yaml", []byte("kind: project-self-evaluation\ncode: C1\nyear: 2025年\nfunds: {nonsense: 1}\n"))
	require.NoError(t, err)
	key, ok := evaluation.KeyOf(f)
	require.True(t, ok)
	assert.Equal(t, evaluation.ProjectKey{Code: "C1", Year: 2025}, key)

	for _, bad := range []string{"kind: project-self-evaluation\nyear: 一九\n", "kind: [\n", "kind: project-monitoring\nas_of: 13\n"} {
		_, err := evaluation.DecodeForLinking("bad.yaml", []byte(bad))
		var de *evaluation.DecodeError
		assert.ErrorAs(t, err, &de, bad)
	}
	f, err = evaluation.DecodeForLinking("x.json", []byte(`{"kind":"rubric"}`))
	assert.NoError(t, err)
	assert.Nil(t, f)
}
