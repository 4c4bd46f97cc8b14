package evaluation_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// goldenForms are every form file of the repository: the command's golden
// inputs, the examples and this package's test data.
func goldenForms(t testing.TB) []string {
	var paths []string
	for _, glob := range []string{"../cmd/perfeval/testdata/golden/*.yaml", "../examples/*/form.yaml", "../examples/cycle/*.yaml", "testdata/*.json", "../rules/testdata/cycle/*/*.yaml"} {
		m, err := filepath.Glob(glob)
		require.NoError(t, err)
		paths = append(paths, m...)
	}
	require.GreaterOrEqual(t, len(paths), 9)
	return paths
}

// json.Marshal of a form is the JSON file format: Decode reads it back to
// an equal form, and so does json.Unmarshal into the form's type.
func TestFormJSONRoundTrip(t *testing.T) {
	for _, path := range goldenForms(t) {
		t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) {
			f, err := evaluation.ReadFile(path)
			require.NoError(t, err)
			data, err := json.Marshal(f)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(string(data), `{"kind":"`+string(f.Kind())+`"`), "kind first")

			back, err := evaluation.Decode("back.json", data)
			require.NoError(t, err, string(data))
			assert.Equal(t, f, back)

			switch f := f.(type) {
			case *evaluation.DeclarationForm:
				var u evaluation.DeclarationForm
				require.NoError(t, json.Unmarshal(data, &u))
				assert.Equal(t, f, &u)
			case *evaluation.MonitoringForm:
				var u evaluation.MonitoringForm
				require.NoError(t, json.Unmarshal(data, &u))
				assert.Equal(t, f, &u)
			case *evaluation.DepartmentForm:
				var u evaluation.DepartmentForm
				require.NoError(t, json.Unmarshal(data, &u))
				assert.Equal(t, f, &u)
			case *evaluation.ProjectForm:
				var u evaluation.ProjectForm
				require.NoError(t, json.Unmarshal(data, &u))
				assert.Equal(t, f, &u)
			}

			// The YAML encoding reads back to the same form too.
			y, err := evaluation.Encode(f)
			require.NoError(t, err)
			fromYAML, err := evaluation.Decode("back.yaml", y)
			require.NoError(t, err, string(y))
			assert.Equal(t, f, fromYAML)
		})
	}
}

func TestFormJSONIsExactText(t *testing.T) {
	f := &evaluation.ProjectForm{
		Project: "智慧校园建设", Year: 2025, Unit: budget.Yuan,
		Funds: evaluation.ProjectFunds{
			Funds:    budget.Funds{AdjustedBudget: budget.MustAmount("100.50万元"), ActualExpenditure: budget.MustAmount("950000元")},
			Weight:   budget.MustNumber("10"),
			Reported: evaluation.ProjectReported{ExecutionRate: budget.MustRate("94.5%")},
		},
		Indicators: []evaluation.Indicator{{Name: "a", Target: "≥95%", Weight: budget.MustNumber("9.50")}},
	}
	data, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"project-self-evaluation","project":"智慧校园建设","year":2025,"unit":"元",
		"funds":{"adjusted_budget":"1005000","actual_expenditure":"950000","weight":"10","reported":{"execution_rate":"94.5%"}},
		"indicators":[{"name":"a","target":"≥95%","weight":"9.50"}]}`, string(data))
	back, err := evaluation.Decode("f.json", data)
	require.NoError(t, err)
	r := evaluation.Evaluate(back, nil)
	assert.Equal(t, "94.53%", r.Figures.ExecutionRate.String())

	var wrong evaluation.DepartmentForm
	err = json.Unmarshal(data, &wrong)
	assert.ErrorIs(t, err, evaluation.ErrKind)
}

func TestReportJSONShape(t *testing.T) {
	f, err := evaluation.ReadFile("../examples/project/form.yaml")
	require.NoError(t, err)
	checker := namedChecker{name: "national", findings: []evaluation.Finding{
		{Rule: "b.rule", Severity: evaluation.Warning, Path: "indicators[10].actual", Message: evaluation.Text{Zh: "乙", En: "b"}},
		{Rule: "a.rule", Severity: evaluation.Warning, Path: "indicators[2].actual", Message: evaluation.Text{Zh: "甲", En: "a"}, Expected: "≥1", Actual: "0"},
		{Rule: "c.rule", Severity: evaluation.Error, Path: "reported.total_score", Message: evaluation.Text{Zh: "丙"}},
		{Rule: "a.rule", Severity: evaluation.Info, Path: "", Message: evaluation.Text{Zh: "丁"}},
	}}
	r := evaluation.Evaluate(f, checker)
	r.Source, r.Lang = "form.yaml", evaluation.English
	data, err := json.Marshal(r)
	require.NoError(t, err)

	var keys []string
	dec := json.NewDecoder(strings.NewReader(string(data)))
	_, _ = dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	assert.Equal(t, []string{"source", "kind", "name", "year", "unit", "profile", "figures", "score", "findings", "counts"}, keys)

	var m struct {
		Source, Kind, Name, Unit, Profile string
		Year                              int
		Figures                           map[string]*string
		Score                             map[string]any
		Findings                          []map[string]string
		Counts                            map[string]int
	}
	require.NoError(t, json.Unmarshal(data, &m))
	assert.Equal(t, "form.yaml", m.Source)
	assert.Equal(t, "national", m.Profile, "the checker's name")
	assert.Equal(t, "万元", m.Unit)
	assert.Equal(t, 2025, m.Year)
	assert.Equal(t, "95.00%", *m.Figures["execution_rate"])
	assert.Equal(t, "97.39", m.Score["total"])
	assert.Equal(t, true, m.Score["complete"])
	assert.Equal(t, "0", m.Score["unscored_weight"])
	assert.Equal(t, map[string]int{"error": 1, "warning": 2, "info": 1}, m.Counts)
	// Severity, then path (indexes as numbers), then rule.
	var order []string
	for _, fd := range m.Findings {
		order = append(order, fd["severity"]+" "+fd["path"]+" "+fd["rule"]+" "+fd["message"])
	}
	assert.Equal(t, []string{
		"error reported.total_score c.rule 丙",
		"warning indicators[2].actual a.rule a",
		"warning indicators[10].actual b.rule b",
		"info  a.rule 丁",
	}, order, "English where given, else Chinese")
	assert.Equal(t, "≥1", m.Findings[1]["expected"])
}

type namedChecker struct {
	name     string
	findings []evaluation.Finding
}

func (c namedChecker) Name() string { return c.name }
func (c namedChecker) Check(*evaluation.Subject) []evaluation.Finding {
	return slices.Clone(c.findings)
}

func TestComparePaths(t *testing.T) {
	paths := []string{"tasks[10].name", "", "tasks[2]", "funds.adjustment", "tasks", "tasks[2].indicators[0].actual", "funds", "tasks[2].funds", "[x"}
	slices.SortFunc(paths, evaluation.ComparePaths)
	assert.Equal(t, []string{"", "[x", "funds", "funds.adjustment", "tasks", "tasks[2]", "tasks[2].funds", "tasks[2].indicators[0].actual", "tasks[10].name"}, paths)
}

func TestCellName(t *testing.T) {
	for _, tt := range []struct {
		kind   evaluation.Kind
		path   string
		zh, en string
	}{
		{evaluation.Department, "tasks[1].indicators[3].actual", "任务2 · 关键指标4 · 指标完成情况", "task 2 · key indicator 4 · actual"},
		{evaluation.Department, "tasks[0].indicators", "任务1 · 关键指标", "task 1 · indicators"},
		{evaluation.Department, "key_projects[0].budget", "重点项目1 · 项目预算", "key project 1 · budget"},
		{evaluation.Department, "funds.reported.completion_rate", "部门资金情况 · 预算完成率", "funds · completion rate"},
		{evaluation.Department, "funds.sources[1].actual_expenditure", "部门资金情况 · 其中第2行 · 实际支出", "funds · source row 2 · actual expenditure"},
		{evaluation.Department, "indicators[0].score", "绩效指标1 · 得分", "indicator 1 · score"},
		{evaluation.Project, "funds.adjusted_budget", "项目资金 · 全年预算数", "funds · adjusted budget"},
		{evaluation.Project, "indicators[4].actual", "绩效指标5 · 实际完成值", "indicator 5 · actual"},
		{evaluation.Project, "reported.total_score", "总分", "total score"},
		{evaluation.Project, "goals.expected[0]", "年度总体目标 · 第1项", "goals · item 1"},
		{evaluation.Project, "", "", ""},
		{evaluation.Project, "tasks[0]", "", ""},
		{evaluation.Project, "indicators[x]", "", ""},
		{evaluation.Project, "indicators.actual", "", ""},
		{"kind-of-its-own", "overall", "", ""},
	} {
		assert.Equal(t, tt.zh, evaluation.CellName(tt.kind, tt.path, evaluation.Chinese), tt.path)
		assert.Equal(t, tt.en, evaluation.CellName(tt.kind, tt.path, evaluation.English), tt.path)
	}
}

// Every failure of a form is reported, each positioned and in both
// languages, in file order.
func TestDecodeReportsEveryFailure(t *testing.T) {
	src := `kind: project-self-evaluation
year: 3000
funds:
  adjusted_budget: 12x
  weight: -5
indicators:
  - {name: a, weight: -3}
  - {name: b, wieght: 3}
`
	_, err := evaluation.Decode("v.yaml", []byte(src))
	require.Error(t, err)
	var all evaluation.DecodeErrors
	require.ErrorAs(t, err, &all)
	var zh, en []string
	for _, de := range all {
		assert.Positive(t, de.Line)
		assert.Positive(t, de.Column)
		zh = append(zh, de.In(evaluation.Chinese))
		en = append(en, de.In(evaluation.English))
	}
	assert.Equal(t, []string{
		"v.yaml:2:7: year: 年度必须小于或等于2,200",
		`v.yaml:4:20: funds.adjusted_budget: "12x" 不是金额`,
		"v.yaml:5:11: funds.weight: 分值不能为负数",
		"v.yaml:7:23: indicators[0].weight: 分值不能为负数",
		`v.yaml:8:15: indicators[1].wieght: "wieght" 不是此处的键；是否应为 "weight"？`,
	}, zh)
	assert.Equal(t, "v.yaml:2:7: year: year must be 2,200 or less", en[0])
	for _, m := range append(zh, en...) {
		assert.NotContains(t, m, "budget.Parse", "no Go names")
	}
	assert.ErrorIs(t, err, evaluation.ErrUnknownKey)
	assert.ErrorIs(t, err, budget.ErrSyntax)
	var first *evaluation.DecodeError
	require.ErrorAs(t, err, &first)
	assert.Equal(t, 2, first.Line)
	assert.Len(t, evaluation.DecodeErrorsOf(err), 5)
	assert.Nil(t, evaluation.DecodeErrorsOf(errors.New("other")))
}

// A hostile key is quoted by a short prefix: not echoed whole into a
// message or a path.
func TestHugeKeyIsQuotedShort(t *testing.T) {
	key := strings.Repeat("k", 3<<20)
	_, err := evaluation.Decode("k.json", []byte(`{"kind":"project-self-evaluation","`+key+`":1}`))
	require.Error(t, err)
	var de *evaluation.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Less(t, len(de.Error()), 400)
	assert.Less(t, len(de.In(evaluation.Chinese)), 400)
	assert.Empty(t, de.Path)
	assert.Contains(t, de.Error(), `"kkkk`)
	assert.Contains(t, de.Error(), `…`)
}

// At most so many errors are listed, and then how many more there were.
func TestDecodeErrorsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("kind: project-self-evaluation\nindicators:\n")
	for range 100 {
		b.WriteString("  - {weight: x}\n")
	}
	_, err := evaluation.Decode("many.yaml", []byte(b.String()))
	all := evaluation.DecodeErrorsOf(err)
	require.Len(t, all, 21)
	assert.Equal(t, "80 more errors not listed", all[20].Message(evaluation.English))
	assert.Equal(t, "另有 80 处错误未列出", all[20].Message(evaluation.Chinese))
	// The notice is a count, with no position of a fault it is not.
	assert.ErrorIs(t, all[20], evaluation.ErrMoreErrors)
	assert.Equal(t, 80, all[20].More)
	assert.Equal(t, "many.yaml: 80 more errors not listed", all[20].Error())
}

func TestSeverityAndLangText(t *testing.T) {
	for _, s := range []evaluation.Severity{evaluation.Info, evaluation.Warning, evaluation.Error} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back evaluation.Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	assert.Equal(t, "错误", evaluation.Error.In(evaluation.Chinese))
	assert.Equal(t, "警告", evaluation.Warning.In(""))
	assert.Equal(t, "提示", evaluation.Info.In(evaluation.Chinese))
	assert.Equal(t, "warning", evaluation.Warning.In(evaluation.English))
	_, err := evaluation.Severity(9).MarshalText()
	assert.Error(t, err)
	_, err = evaluation.ParseLang("fr")
	assert.ErrorIs(t, err, evaluation.ErrValue)
}

func TestExecutionFigure(t *testing.T) {
	d := evaluation.Evaluate(readTianhe(t), nil)
	assert.Equal(t, "99.99%", d.Figures.Execution().String(), "预算完成率 on the department form")
	p, err := evaluation.ReadFile("../examples/project/form.yaml")
	require.NoError(t, err)
	assert.Equal(t, "95.00%", evaluation.Evaluate(p, nil).Figures.Execution().String(), "执行率 on the project form")
	assert.Nil(t, evaluation.Figures{}.Execution())
}

func TestIndicatorOwner(t *testing.T) {
	f := decodeString(t, `kind: department-self-evaluation
tasks:
  - {name: t1, indicators: [{name: a}]}
  - {name: t2, indicators: [{name: b}, {name: c}]}
key_projects:
  - {name: k, indicators: [{name: d}]}
indicators: [{name: e}]
`)
	var got []string
	checker := checkerFunc(func(s *evaluation.Subject) []evaluation.Finding {
		for _, r := range s.Indicators {
			got = append(got, r.Path+"="+r.Owner.Path()+"#"+string(rune('0'+r.Index)))
		}
		return nil
	})
	_ = evaluation.Evaluate(f, checker)
	assert.Equal(t, []string{
		"tasks[0].indicators[0]=tasks[0]#0",
		"tasks[1].indicators[0]=tasks[1]#0",
		"tasks[1].indicators[1]=tasks[1]#1",
		"key_projects[0].indicators[0]=key_projects[0]#0",
		"indicators[0]=#0",
	}, got)
}

// A finding with an expected value and no actual one says only what it
// has: never "（应为 ≥ 500万元；实为 ）".
func TestFindingValues(t *testing.T) {
	f := evaluation.Finding{Expected: "≥ 500万元"}
	assert.Equal(t, "应为 ≥ 500万元", f.Values(evaluation.Chinese))
	f.Actual = "480万元"
	assert.Equal(t, "应为 ≥ 500万元；实为 480万元", f.Values(evaluation.Chinese))
	assert.Equal(t, "expected ≥ 500万元; actual 480万元", f.Values(evaluation.English))
	f.Expected = ""
	assert.Equal(t, "actual 480万元", f.Values(evaluation.English))
	assert.Empty(t, evaluation.Finding{}.Values(evaluation.Chinese))
}

func TestScoreRowsAndOwnersMarshal(t *testing.T) {
	f, err := evaluation.ReadFile("../examples/project/form.yaml")
	require.NoError(t, err)
	s := evaluation.Evaluate(f, nil).Score
	b, err := json.Marshal(s.Indicators[4])
	require.NoError(t, err)
	assert.JSONEq(t, `{"path":"indicators[4]","name":"教学信息化覆盖率","weight":"20","score":"18.89","status":"partly-met"}`, string(b))
	b, err = json.Marshal(s.Budget)
	require.NoError(t, err)
	assert.JSONEq(t, `{"weight":"10","score":"9.50"}`, string(b))
	b, err = json.Marshal(evaluation.Owner{Kind: evaluation.OwnerKeyProject, Index: 2})
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"key-project","index":2}`, string(b))
	var o evaluation.Owner
	require.NoError(t, json.Unmarshal(b, &o))
	assert.Equal(t, "key_projects[2]", o.Path())
	assert.Error(t, json.Unmarshal([]byte(`{"kind":"chapter"}`), &o))
}

func BenchmarkCellName(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = evaluation.CellName(evaluation.Department, "tasks[1].indicators[3].actual", evaluation.Chinese)
	}
}

func BenchmarkReportJSON(b *testing.B) {
	f, err := evaluation.ReadFile("../examples/project/form.yaml")
	if err != nil {
		b.Fatal(err)
	}
	r := evaluation.Evaluate(f, namedChecker{name: "national", findings: []evaluation.Finding{
		{Rule: "indicators.not-met", Severity: evaluation.Warning, Path: "indicators[4].actual", Message: evaluation.Text{Zh: "指标“教学信息化覆盖率”部分达成"}, Expected: "≥90%", Actual: "85%"},
	}})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// Whatever form Decode accepts, json.Marshal writes as a file Decode reads
// back to an equal form.
func FuzzFormJSONRoundTrip(f *testing.F) {
	for _, p := range goldenForms(f) {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(filepath.Base(p), data)
	}
	f.Add("x.yaml", []byte("kind: project-self-evaluation\nunit: 元\nfunds: {adjusted_budget: 150万, actual_expenditure: \"1,500,000元\"}\nindicators: [{direction: 反向, weight: 10分}]\n"))
	f.Add("x.json", []byte(`{"kind":"department-self-evaluation","funds":{"sources":[{"source":"other","initial_budget":"0.015亿元"}]}}`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		form, err := evaluation.Decode(name, data)
		if err != nil {
			return
		}
		out, err := json.Marshal(form)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		back, err := evaluation.Decode("back.json", out)
		if err != nil {
			t.Fatalf("decode of the marshalled form: %v\n%s", err, out)
		}
		again, err := json.Marshal(back)
		if err != nil || string(again) != string(out) {
			t.Fatalf("not a fixed point:\n%s\n%s", out, again)
		}
	})
}
