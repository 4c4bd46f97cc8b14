package evaluation_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
)

const (
	exampleDeclaration = "../examples/cycle/declaration.yaml"
	exampleMonitoring  = "../examples/cycle/monitoring.yaml"
	exampleSelf        = "../examples/cycle/self-evaluation.yaml"
)

func decodeYAML(t testing.TB, src string) evaluation.Form {
	t.Helper()
	f, err := evaluation.Decode("f.yaml", []byte(src))
	require.NoError(t, err)
	return f
}

func TestDeclarationKeys(t *testing.T) {
	f, err := evaluation.ReadFile(exampleDeclaration)
	require.NoError(t, err)
	d, ok := f.(*evaluation.DeclarationForm)
	require.True(t, ok)
	assert.Equal(t, evaluation.Declaration, d.Kind())
	assert.Equal(t, "项目支出绩效目标申报表", d.Kind().Label())
	assert.Equal(t, evaluation.Header{Name: "智慧校园建设", Year: 2025, Unit: budget.TenThousandYuan}, d.Header())
	assert.Equal(t, "440106-2025-0012", d.Code)
	assert.Equal(t, "信息中心", d.ImplementingUnit)
	assert.Equal(t, "新增项目", d.Attribute)
	assert.Equal(t, "一次性", d.Type)
	assert.Equal(t, "2025年1月", d.Period.Start.String())
	assert.Equal(t, 12, d.Period.End.Month())
	assert.Equal(t, "100", d.Funds.Total.String()[:3])
	assert.True(t, d.Funds.Fiscal.Equal(budget.MustParseAmount("70", budget.TenThousandYuan)))
	assert.Equal(t, []string{"完成20所学校的信息化改造"}, d.Goals.Annual)
	require.Len(t, d.Indicators, 6)
	assert.Equal(t, evaluation.DeclarationIndicator{Level1: "产出指标", Level2: "数量指标", Name: "设备采购数量", Target: "≥20台", Basis: "计划标准"}, d.Indicators[0])
}

func TestMonitoringKeys(t *testing.T) {
	f, err := evaluation.ReadFile(exampleMonitoring)
	require.NoError(t, err)
	m, ok := f.(*evaluation.MonitoringForm)
	require.True(t, ok)
	assert.Equal(t, "项目支出绩效目标执行监控表", m.Kind().Label())
	assert.Equal(t, evaluation.Month(7), m.AsOf)
	assert.Equal(t, "30.00%", m.Funds.Reported.ExecutionRate.String())
	assert.Nil(t, m.Funds.AdjustedBudget)
	assert.Equal(t, "已完成8所学校的设备采购", m.Goals.Progress)
	row := m.Indicators[0]
	assert.Equal(t, evaluation.Possible, row.Likelihood)
	assert.Equal(t, "供应商延期交货", row.Deviation.Other)
	assert.False(t, row.Deviation.IsEmpty())
	assert.True(t, m.Indicators[1].Deviation.IsEmpty())
	assert.Equal(t, "督促供应商按期交货", row.Measures)
}

// Every key of the monitoring form, in JSON as in YAML.
func TestMonitoringEveryKeyJSON(t *testing.T) {
	src := `{"kind":"project-monitoring","profile":"national","project":"p","code":"c","department":"d","year":2025,
	"as_of":"1-7月","unit":"元","funds":{"annual_budget":"1,000","adjusted_budget":900,"executed":"450","forecast":880,
	"sources":[{"name":"财政拨款","annual_budget":800,"adjusted_budget":700,"executed":400,"forecast":690}],
	"reported":{"execution_rate":"50%"}},"goals":{"annual":"一项目标","progress":"进行中"},
	"indicators":[{"level1":"产出指标","level2":"数量指标","name":"n","target":"≥1个","progress":"0个","forecast":"1个",
	"likelihood":"不可能","deviation":{"funding":"a","system":"b","staffing":"c","facilities":"d","other":"e"},"measures":"m"}],
	"deviation":"x","measures":"y","extra":[{"label":"项目执行单位","text":"u"}]}`
	f, err := evaluation.Decode("m.json", []byte(src))
	require.NoError(t, err)
	m := f.(*evaluation.MonitoringForm)
	assert.Equal(t, evaluation.Month(7), m.AsOf)
	assert.Equal(t, budget.Yuan, m.Unit)
	assert.Equal(t, "1000", m.Funds.AnnualBudget.Decimal().String())
	assert.Equal(t, "900", m.Funds.Budget().Decimal().String())
	assert.Equal(t, evaluation.Impossible, m.Indicators[0].Likelihood)
	assert.Equal(t, "完全不可能", m.Indicators[0].Likelihood.String())
	assert.Equal(t, []string{"一项目标"}, m.Goals.Annual)
	assert.Equal(t, "e", m.Indicators[0].Deviation.Other)
	assert.Equal(t, "u", m.Extra[0].Text)
	rep := evaluation.Evaluate(f, nil)
	assert.Equal(t, "50.00%", rep.Figures.ExecutionRate.String())
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in           string
		first, last  [3]int
		year, mon, d int
	}{
		{"2025年1月", [3]int{2025, 1, 1}, [3]int{2025, 1, 31}, 2025, 1, 0},
		{"2025年1月1日", [3]int{2025, 1, 1}, [3]int{2025, 1, 1}, 2025, 1, 1},
		{"2025-01-01", [3]int{2025, 1, 1}, [3]int{2025, 1, 1}, 2025, 1, 1},
		{"2025.1", [3]int{2025, 1, 1}, [3]int{2025, 1, 31}, 2025, 1, 0},
		{"2025/1/1", [3]int{2025, 1, 1}, [3]int{2025, 1, 1}, 2025, 1, 1},
		{"2024年2月", [3]int{2024, 2, 1}, [3]int{2024, 2, 29}, 2024, 2, 0},
		{"2025年", [3]int{2025, 1, 1}, [3]int{2025, 12, 31}, 2025, 0, 0},
		{"202001", [3]int{2020, 1, 1}, [3]int{2020, 1, 31}, 2020, 1, 0},
		{"20201231", [3]int{2020, 12, 31}, [3]int{2020, 12, 31}, 2020, 12, 31},
		{"２０２５年１２月", [3]int{2025, 12, 1}, [3]int{2025, 12, 31}, 2025, 12, 0},
		{"2025年6月30号", [3]int{2025, 6, 30}, [3]int{2025, 6, 30}, 2025, 6, 30},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := evaluation.ParseDate(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.in, d.String())
			assert.Equal(t, [3]int{tt.year, tt.mon, tt.d}, [3]int{d.Year(), d.Month(), d.Day()})
			y, m, day := d.First()
			assert.Equal(t, tt.first, [3]int{y, m, day})
			y, m, day = d.Last()
			assert.Equal(t, tt.last, [3]int{y, m, day})
		})
	}
	for _, bad := range []string{"明年", "2025年13月", "2025-02-30", "25.1", "2025年1", "2025.1.1.1", "2025年1月1", "1月", "2025/0/1", strings.Repeat("9", 100)} {
		_, err := evaluation.ParseDate(bad)
		assert.Error(t, err, bad)
	}
	d, err := evaluation.ParseDate("  ")
	require.NoError(t, err)
	assert.True(t, d.IsZero())
}

func TestParseMonthAndLikelihood(t *testing.T) {
	for in, want := range map[string]evaluation.Month{"7": 7, "7月": 7, "1-7月": 7, "1—12月": 12, "１－６月": 6, "": 0, "12月份": 12} {
		m, err := evaluation.ParseMonth(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, m, in)
	}
	for _, bad := range []string{"0", "13", "3-7月", "七月", "1-"} {
		_, err := evaluation.ParseMonth(bad)
		assert.Error(t, err, bad)
	}
	for in, want := range map[string]evaluation.Likelihood{"确定能": evaluation.Certain, "有可能": evaluation.Possible,
		"完全不可能": evaluation.Impossible, "不可能": evaluation.Impossible, " 有可能 ": evaluation.Possible, "": evaluation.LikelihoodUnstated} {
		l, err := evaluation.ParseLikelihood(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, l, in)
	}
	assert.True(t, evaluation.Possible.Doubtful())
	assert.True(t, evaluation.Impossible.Doubtful())
	assert.False(t, evaluation.Certain.Doubtful())
	_, err := evaluation.ParseLikelihood("可能")
	assert.Error(t, err)
}

// Bad input in the new kinds is refused with the file, line, column and
// key path, like any other form.
func TestCycleDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src, path string
		line, col       int
		sentinel        error
	}{
		{"likelihood", "kind: project-monitoring\nindicators:\n  - {name: a, likelihood: 也许}\n", "indicators[0].likelihood", 3, 27, evaluation.ErrValue},
		{"as_of", "kind: project-monitoring\nas_of: 13\n", "as_of", 2, 8, evaluation.ErrValue},
		{"date", "kind: project-declaration\nperiod:\n  start: 2025年2月30日\n", "period.start", 3, 10, evaluation.ErrValue},
		{"unknown key", "kind: project-declaration\nfunds: {totl: 1}\n", "funds.totl", 2, 9, evaluation.ErrUnknownKey},
		{"monitoring key on a declaration", "kind: project-declaration\nas_of: 7\n", "as_of", 2, 1, evaluation.ErrUnknownKey},
		{"amount", "kind: project-declaration\nfunds: {total: 1e9}\n", "funds.total", 2, 16, evaluation.ErrValue},
		{"deviation as text", "kind: project-monitoring\nindicators:\n  - deviation: 延期\n", "indicators[0].deviation", 3, 16, evaluation.ErrType},
		{"weight", "kind: project-declaration\nindicators:\n  - {name: a, weight: -1}\n", "indicators[0].weight", 3, 23, evaluation.ErrValue},
		{"year", "kind: project-monitoring\nyear: 1800\n", "year", 2, 7, evaluation.ErrValue},
		{"kind", "kind: project-plan\n", "kind", 1, 7, evaluation.ErrKind},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := evaluation.Decode("f.yaml", []byte(tt.src))
			var de *evaluation.DecodeError
			require.True(t, errors.As(err, &de), "%v", err)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.Equal(t, tt.path, de.Path)
			assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{de.Line, de.Column}, err.Error())
		})
	}
	_, err := evaluation.Decode("f.yaml", []byte("kind: nope\n"))
	assert.ErrorContains(t, err, `"project-declaration", "project-monitoring"`)
}

// Encode writes the new kinds so that Decode reads back the same form,
// and the text is stable.
func TestCycleRoundTrip(t *testing.T) {
	paths := []string{exampleDeclaration, exampleMonitoring}
	real, _ := filepath.Glob("../rules/testdata/cycle/real/*.yaml")
	paths = append(paths, real...)
	require.NotEmpty(t, real)
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			f, err := evaluation.ReadFile(p)
			require.NoError(t, err)
			out, err := evaluation.Encode(f)
			require.NoError(t, err)
			back, err := evaluation.Decode("back.yaml", out)
			require.NoError(t, err, string(out))
			again, err := evaluation.Encode(back)
			require.NoError(t, err)
			assert.Equal(t, string(out), string(again))
			assert.Equal(t, evaluation.TextCells(f), evaluation.TextCells(back))
		})
	}
}

func TestMonitoringFigures(t *testing.T) {
	tests := []struct {
		name, funds   string
		asOf          string
		rate, elapsed string // "" for undefined
	}{
		{"against the annual budget", "{annual_budget: 100, executed: 45}", "7", "45.00%", "58.33%"},
		{"against the adjusted budget", "{annual_budget: 100, adjusted_budget: 90, executed: 45}", "6", "50.00%", "50.00%"},
		{"zero budget is undefined", "{annual_budget: 0, executed: 45}", "12", "", "100.00%"},
		{"no execution", "{annual_budget: 100}", "3", "", "25.00%"},
		{"no month", "{annual_budget: 300, executed: 1}", "", "0.33%", ""},
		{"units mixed by suffix", "{annual_budget: 100, executed: 300000元}", "1", "30.00%", "8.33%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "kind: project-monitoring\nfunds: " + tt.funds + "\n"
			if tt.asOf != "" {
				src += "as_of: " + tt.asOf + "\n"
			}
			rep := evaluation.Evaluate(decodeYAML(t, src), nil)
			assert.Equal(t, tt.rate, rateString(rep.Figures.ExecutionRate))
			assert.Equal(t, tt.elapsed, rateString(rep.Figures.TimeElapsed))
			assert.Nil(t, rep.Score)
		})
	}
}

func rateString(r *budget.Rate) string {
	if r == nil {
		return ""
	}
	return r.String()
}

// A declaration has no figures and no score; its rows are read, and its
// dimensions told from the 二级指标 where the 一级指标 is blank or unknown.
func TestDeclarationSubject(t *testing.T) {
	f := decodeYAML(t, `kind: project-declaration
indicators:
  - {level1: 项目完成指标, level2: 数量指标, name: a, target: 32人}
  - {name: b, target: 覆盖全区所有人员}
  - {level2: 时效指标, name: c, target: 12月底前}
  - {level1: 项目效益指标, level2: 社会效益指标, name: d, target: 明显增加}
  - {level1: 满意度指标, name: e, target: ≥90%}
long_term_indicators:
  - {level1: 产出指标, level2: 数量指标, name: f, target: ≥100个}
`)
	var rows []evaluation.CycleRow
	check := checkerFunc(func(s *evaluation.Subject) []evaluation.Finding { rows = s.Rows; return nil })
	rep := evaluation.Evaluate(f, check)
	assert.Equal(t, evaluation.Figures{}, rep.Figures)
	assert.Nil(t, rep.Score)
	assert.Nil(t, rep.Linked)
	require.Len(t, rows, 6)
	levels := []indicator.Level{indicator.Output, indicator.Output, indicator.Output, indicator.Effect, indicator.Satisfaction, indicator.Output}
	for i, r := range rows {
		assert.Equal(t, levels[i], r.Level, r.Path)
		assert.NotNil(t, r.Declared)
	}
	assert.Equal(t, "项目完成指标", rows[1].Level1)
	assert.Equal(t, "long_term_indicators[0]", rows[5].Path)
	assert.True(t, rows[5].LongTerm)
	assert.Equal(t, indicator.Deadline, rows[2].Target.Kind())
}

func TestCycleTextCells(t *testing.T) {
	f, err := evaluation.ReadFile(exampleMonitoring)
	require.NoError(t, err)
	found := evaluation.FindText(f, func(s string) bool { return s == "供应商延期交货" || s == "已完成8所学校的设备采购" })
	require.Len(t, found, 2)
	assert.Equal(t, evaluation.TextCell{Path: "goals.progress", Label: "执行情况", Text: "已完成8所学校的设备采购"}, found[0])
	assert.Equal(t, evaluation.TextCell{Path: "indicators[0].deviation.other", Label: "其他", Text: "供应商延期交货"}, found[1])
}

// The seeds of FuzzDecodeCycle are the example forms and the real ones.
func cycleSeeds(t testing.TB) map[string][]byte {
	seeds := map[string][]byte{}
	paths := []string{exampleDeclaration, exampleMonitoring, exampleSelf}
	real, _ := filepath.Glob("../rules/testdata/cycle/real/*.yaml")
	for _, p := range append(paths, real...) {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		seeds[p] = data
	}
	return seeds
}

func FuzzDecodeCycle(f *testing.F) {
	for p, data := range cycleSeeds(f) {
		f.Add(p, data)
	}
	f.Add("m.json", []byte(`{"kind":"project-monitoring","as_of":"1-7月","funds":{"annual_budget":"0","executed":"1"},"indicators":[{"likelihood":"不可能"}]}`))
	f.Add("d.yaml", []byte("kind: project-declaration\nperiod: {start: 2025.1, end: 202512}\nindicators: [{target: ≥20台, weight: 5}]\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		form, err := evaluation.Decode(name, data)
		if err != nil {
			var de *evaluation.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("not a DecodeError: %v", err)
			}
			return
		}
		rep := evaluation.Evaluate(form, nil)
		if (form.Kind() == evaluation.Declaration || form.Kind() == evaluation.Monitoring) && rep.Score != nil {
			t.Fatal("a declaration or monitoring form was scored")
		}
		_ = evaluation.LinkAll([]evaluation.SourcedForm{{Source: "a", Form: form}, {Source: "b", Form: form}})
		out, err := evaluation.Encode(form)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		back, err := evaluation.Decode("back.yaml", out)
		if err != nil {
			t.Fatalf("re-decode of encoded form: %v\n%s", err, out)
		}
		again, err := evaluation.Encode(back)
		if err != nil || string(again) != string(out) {
			t.Fatalf("encoding is not stable:\n%s\n%s", out, again)
		}
	})
}
