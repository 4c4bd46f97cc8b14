package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
	"github.com/perfeval/perfeval/rules/rulestest"
)

const tianhePath = "../examples/tianhe2021/form.yaml"

func tianhe(t testing.TB) evaluation.Form {
	t.Helper()
	f, err := evaluation.ReadFile(tianhePath)
	require.NoError(t, err)
	return f
}

func rule(t testing.TB, id string) rules.Rule {
	t.Helper()
	for _, r := range rules.Catalogue() {
		if r.Info().ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}

// A department form that every rule is silent on, to break one cell at a time.
const cleanDepartment = `
department: 某部门
year: 2021
funds:
  adjusted_budget: 1000
  initial_budget: 900
  actual_expenditure: 950
  adjustment: 100
  sources:
    - {source: general_public_budget, actual_expenditure: 900}
    - {source: current_appropriation, actual_expenditure: 950}
  reported: {completion_rate: 95.00%, adjustment_rate: 11.11%}
goals: {expected: [目标一], achieved: 已完成}
tasks:
  - name: 任务1
    expected: 预期
    achieved: 开展专题讲座12次。
    funds: 600
    indicators:
      - {name: 专题讲座, target: ≥10次, actual: 12次}
key_projects:
  - {name: 重点项目, budget: 620, summary: 已完成}
overall: 全年开展专题讲座12次。
problems: 无
improvements: 继续
`

// Every catalogue rule but the score rules fires on a form built to break
// it, at the cell it names.
func TestEachRuleFires(t *testing.T) {
	tests := []struct {
		rule, form, path string
	}{
		{"funds.adjustment", strings.Replace(cleanDepartment, "adjustment: 100", "adjustment: 110", 1), "funds.adjustment"},
		{"funds.completion-rate", strings.Replace(cleanDepartment, "completion_rate: 95.00%", "completion_rate: 95.01%", 1), "funds.reported.completion_rate"},
		{"funds.adjustment-rate", strings.Replace(cleanDepartment, "adjustment_rate: 11.11%", "adjustment_rate: 11.12%", 1), "funds.reported.adjustment_rate"},
		{"funds.sources", strings.Replace(cleanDepartment, "general_public_budget, actual_expenditure: 900", "general_public_budget, actual_expenditure: 951", 1), "funds.sources"},
		{"funds.negative", strings.Replace(cleanDepartment, "funds: 600", "funds: -600", 1), "tasks[0].funds"},
		{"funds.overspend", strings.Replace(cleanDepartment, "actual_expenditure: 950\n", "actual_expenditure: 1000.01\n", 1), "funds.actual_expenditure"},
		{"funds.low-execution", strings.Replace(cleanDepartment, "actual_expenditure: 950\n", "actual_expenditure: 899.9\n", 1), "funds.actual_expenditure"},
		{"funds.large-adjustment", strings.Replace(cleanDepartment, "initial_budget: 900", "initial_budget: 700", 1), "funds.adjustment"},
		{"tasks.funds-total", strings.Replace(cleanDepartment, "funds: 600", "funds: 950.01", 1), "tasks"},
		{"tasks.no-indicators", cleanDepartment + "\n" + "", ""}, // replaced below
		{"key-projects.missing", strings.Replace(cleanDepartment, "key_projects:\n  - {name: 重点项目, budget: 620, summary: 已完成}", "key_projects:", 1), "key_projects"},
		{"key-projects.threshold", strings.Replace(cleanDepartment, "budget: 620", "budget: 499.99", 1), "key_projects[0].budget"},
		{"indicators.no-target", strings.Replace(cleanDepartment, "target: ≥10次, ", "", 1), "tasks[0].indicators[0].target"},
		{"indicators.unparsed", strings.Replace(cleanDepartment, "actual: 12次", "actual: \"1-2次\"", 1), "tasks[0].indicators[0].actual"},
		{"indicators.unit-mismatch", strings.Replace(cleanDepartment, "actual: 12次", "actual: 12%", 1), "tasks[0].indicators[0].actual"},
		{"indicators.not-met", strings.Replace(cleanDepartment, "actual: 12次", "actual: 8次", 1), "tasks[0].indicators[0].actual"},
		{"indicators.overachieved", strings.Replace(cleanDepartment, "actual: 12次", "actual: 16次", 1), "tasks[0].indicators[0].actual"},
		{"indicators.deviation-missing", strings.Replace(cleanDepartment, "actual: 12次", "actual: 8次", 1), "tasks[0].indicators[0].deviation"},
		{"narrative.mismatch", strings.Replace(cleanDepartment, "overall: 全年开展专题讲座12次。", "overall: 全年开展专题讲座21次。", 1), "overall"},
		{"text.missing", strings.Replace(cleanDepartment, "problems: 无", "problems: \"\"", 1), "problems"},
		{"text.placeholder", strings.Replace(cleanDepartment, "improvements: 继续", "improvements: （100字以内）", 1), "improvements"},
	}
	tests[9].form = strings.Replace(cleanDepartment, "    indicators:\n      - {name: 专题讲座, target: ≥10次, actual: 12次}\n", "", 1)
	tests[9].path = "tasks[0].indicators"
	covered := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			r := rule(t, tt.rule)
			found := rulestest.Fires(t, r, rulestest.Department(t, tt.form), tt.path)
			for _, f := range found {
				assert.NotEmpty(t, f.Message.Zh)
				assert.NotEmpty(t, f.Message.En)
				assert.Equal(t, tt.rule, f.Rule)
			}
			rulestest.Silent(t, r, rulestest.Department(t, cleanDepartment))
		})
		covered[tt.rule] = true
	}
	// indicators.dimensions is a project-form rule; see TestDimensions.
	covered["indicators.dimensions"] = true
	covered["funds.title-amount"] = true  // see TestTitleAmount
	covered["funds.sources-short"] = true // see TestSourcesShort
	for _, id := range []string{"score.budget", "score.indicator", "score.estimated", "score.total", "score.grade", "score.unscored", "score.weights"} {
		covered[id] = true // see TestScoreRulesFire
	}
	for _, id := range cycleRuleIDs {
		covered[id] = true // see TestCycleRulesFire
	}
	for _, id := range []string{"rubric.score", "rubric.total", "rubric.weights", "rubric.unscored"} {
		covered[id] = true // see TestRubricRulesFire, TestRubricWeights
	}
	for _, r := range rules.Catalogue() {
		assert.True(t, covered[r.Info().ID], "no test breaks %s", r.Info().ID)
	}
}

func TestDimensions(t *testing.T) {
	r := rule(t, "indicators.dimensions")
	p := rulestest.Project(t, `
		project: 项目
		department: 部门
		indicators:
		  - {level1: 产出指标(50分), name: a, target: ≥1个, actual: 1个}
		  - {level1: 效益指标, name: b, target: 达成, actual: 达成预期指标}
	`)
	found := rulestest.Fires(t, r, p, "indicators")
	require.Len(t, found, 1)
	assert.Equal(t, "满意度指标", found[0].Expected)
	rulestest.Silent(t, r, rulestest.Project(t, `
		indicators:
		  - {level1: 产出指标, name: a}
		  - {level1: 效益指标, name: b}
		  - {level1: "满意度指标（10分）", name: c}
	`))
}

// Boundaries: a rate exactly at a threshold is silent, a reported rate at
// a coarser printed precision that matches is silent.
func TestBoundaries(t *testing.T) {
	at90 := strings.Replace(cleanDepartment, "actual_expenditure: 950\n", "actual_expenditure: 900\n", 1)
	at90 = strings.Replace(at90, "completion_rate: 95.00%", "completion_rate: 90%", 1)
	f := rulestest.Department(t, at90)
	rulestest.Silent(t, rule(t, "funds.low-execution"), f)
	rulestest.Silent(t, rule(t, "funds.completion-rate"), f)

	// An adjustment rate of exactly 30%: |1300 − 1000| / 1000.
	exact := rulestest.Department(t, `
		funds: {adjusted_budget: 1300, initial_budget: 1000, actual_expenditure: 1300, reported: {adjustment_rate: 30%}}
	`)
	rulestest.Silent(t, rule(t, "funds.large-adjustment"), exact)
	rulestest.Silent(t, rule(t, "funds.adjustment-rate"), exact)
	rulestest.Silent(t, rule(t, "funds.overspend"), exact)

	// 2394.83 / 2395.15 printed as 100% (0 places) or 99.99% both match.
	for _, printed := range []string{"100%", "99.99%", "99.990%"} {
		f := rulestest.Department(t, fmt.Sprintf(`
			funds: {adjusted_budget: 2395.15, actual_expenditure: 2394.83, reported: {completion_rate: "%s"}}
		`, printed))
		if printed == "99.990%" {
			rulestest.Fires(t, rule(t, "funds.completion-rate"), f, "funds.reported.completion_rate")
			continue
		}
		rulestest.Silent(t, rule(t, "funds.completion-rate"), f)
	}

	// Exactly at the key-project threshold of 500万元; 5,000,000元 is the same.
	rulestest.Silent(t, rule(t, "key-projects.threshold"), rulestest.Department(t, `key_projects: [{name: x, budget: 500}]`))
	rulestest.Silent(t, rule(t, "key-projects.threshold"), rulestest.Department(t, "unit: 元\nkey_projects: [{name: x, budget: 5000000}]"))
	rulestest.Fires(t, rule(t, "key-projects.threshold"), rulestest.Department(t, "unit: 元\nkey_projects: [{name: x, budget: 4999999.99}]"), "key_projects[0].budget")
	// Self-selected below the threshold is what the note allows.
	rulestest.Silent(t, rule(t, "key-projects.threshold"), rulestest.Department(t, `key_projects: [{name: x, budget: 100, self_selected: true}]`))

	// Overachievement exactly at 50% is silent; beyond it fires.
	rulestest.Silent(t, rule(t, "indicators.overachieved"), rulestest.Department(t, `tasks: [{name: t, indicators: [{name: a, target: ≥10次, actual: 15次}]}]`))
	rulestest.Fires(t, rule(t, "indicators.overachieved"), rulestest.Department(t, `tasks: [{name: t, indicators: [{name: a, target: ≥10次, actual: 15.1次}]}]`), "tasks[0].indicators[0].actual")
}

func TestZeroDenominatorWithPrintedRate(t *testing.T) {
	f := rulestest.Department(t, `funds: {adjusted_budget: 0, actual_expenditure: 0, reported: {completion_rate: 0%}}`)
	found := rulestest.Fires(t, rule(t, "funds.completion-rate"), f, "funds.reported.completion_rate")
	assert.Contains(t, found[0].Message.Zh, "无法计算")
	rulestest.Silent(t, rule(t, "funds.low-execution"), f)
}

func TestSourcesFamilies(t *testing.T) {
	// By budget type and by year are two breakdowns of the same total.
	rulestest.Silent(t, rule(t, "funds.sources"), rulestest.Department(t, `
		funds:
		  actual_expenditure: 100
		  sources:
		    - {source: general_public_budget, actual_expenditure: 100}
		    - {source: current_appropriation, actual_expenditure: 80}
		    - {source: prior_carryover, actual_expenditure: 20}
	`))
	rulestest.Fires(t, rule(t, "funds.sources"), rulestest.Department(t, `
		funds:
		  initial_budget: 100
		  sources:
		    - {source: current_appropriation, initial_budget: 80}
		    - {source: prior_carryover, initial_budget: 20.01}
	`), "funds.sources")
}

func TestKeyProjectBudgetNotStatedIsInfo(t *testing.T) {
	found := rulestest.Run(t, rule(t, "key-projects.threshold"), rulestest.Department(t, `key_projects: [{name: x}]`))
	require.Len(t, found, 1)
	assert.Equal(t, evaluation.Info, found[0].Severity)
}

func TestTianheUnderGuangzhou(t *testing.T) {
	rep := evaluation.Evaluate(tianhe(t), rules.Guangzhou2021Profile())
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s %s %s", f.Severity, f.Rule, f.Path))
	}
	assert.Equal(t, []string{
		"warning narrative.mismatch overall",
		"info key-projects.threshold key_projects[0].budget",
		"info indicators.no-target tasks",
	}, got, "by severity, then path")
	assert.Zero(t, rep.Counts().Error)
	for _, f := range rep.Findings {
		if f.Rule == "narrative.mismatch" {
			assert.Equal(t, "2423人次", f.Expected)
			assert.Contains(t, f.Actual, "2432")
			assert.Contains(t, f.Message.Zh, "来穗人员子女入学人数")
		}
	}
}

// Every rule but the key-project ones is silent on Tianhe beyond the
// findings above: run each alone.
func TestEachRuleOnTianhe(t *testing.T) {
	form := tianhe(t)
	expected := map[string]int{"key-projects.threshold": 1, "indicators.no-target": 1, "narrative.mismatch": 1}
	for _, r := range rules.Catalogue() {
		found := rulestest.Run(t, r, form)
		assert.Len(t, found, expected[r.Info().ID], r.Info().ID)
	}
}

func TestNationalHasNoKeyProjectRules(t *testing.T) {
	for _, r := range rules.NationalProfile().Rules() {
		assert.False(t, strings.HasPrefix(r.ID, "key-projects."), r.ID)
	}
	rep := evaluation.Evaluate(tianhe(t), rules.NationalProfile())
	for _, f := range rep.Findings {
		assert.NotEqual(t, "key-projects.threshold", f.Rule)
	}
	_, err := rules.NationalProfile().WithParam("key_project_threshold", "1000")
	assert.ErrorContains(t, err, "key_project_threshold")
}

func TestSetIsImmutable(t *testing.T) {
	base := rules.Guangzhou2021Profile()
	changed, err := base.WithParam("key_project_threshold", "1000")
	require.NoError(t, err)
	changed, err = changed.Without("narrative.mismatch")
	require.NoError(t, err)
	changed, err = changed.WithSeverity("funds.overspend", evaluation.Error)
	require.NoError(t, err)

	status := func(s rules.Set, id string) rules.RuleStatus {
		for _, r := range s.Rules() {
			if r.ID == id {
				return r
			}
		}
		t.Fatalf("no %s", id)
		return rules.RuleStatus{}
	}
	assert.Equal(t, "500", status(base, "key-projects.threshold").Values["key_project_threshold"])
	assert.Equal(t, "1000", status(changed, "key-projects.threshold").Values["key_project_threshold"])
	assert.True(t, status(base, "narrative.mismatch").Enabled)
	assert.False(t, status(changed, "narrative.mismatch").Enabled)
	assert.Equal(t, evaluation.Warning, status(base, "funds.overspend").Severity)
	assert.Equal(t, evaluation.Error, status(changed, "funds.overspend").Severity)
}

func TestSetRefusesBadConfiguration(t *testing.T) {
	s := rules.Guangzhou2021Profile()
	_, err := s.WithParam("key_project_treshold", "1000")
	assert.ErrorContains(t, err, `did you mean "key_project_threshold"`)
	_, err = s.WithParam("key_project_threshold", "lots")
	assert.ErrorContains(t, err, "amount")
	_, err = s.WithParam("min_execution_rate", "ninety")
	assert.Error(t, err)
	_, err = s.Without("funds.bogus")
	assert.Error(t, err)
	_, err = s.WithSeverity("nope", evaluation.Error)
	assert.Error(t, err)
	_, err = s.With(rules.Catalogue()[0])
	assert.ErrorContains(t, err, "already")
	_, err = s.With(rules.New(rules.Info{ID: "x.y", Params: []rules.Param{{Name: "min_execution_rate", Kind: rules.AmountParam, Default: "1"}}}, func(*rules.Context) {}))
	assert.ErrorContains(t, err, "min_execution_rate")
}

func TestDisableByPrefix(t *testing.T) {
	s, err := rules.Guangzhou2021Profile().Without("key-projects.*")
	require.NoError(t, err)
	rep := evaluation.Evaluate(tianhe(t), s)
	for _, f := range rep.Findings {
		assert.False(t, strings.HasPrefix(f.Rule, "key-projects."))
	}
}

func TestPanickingRuleBecomesFinding(t *testing.T) {
	bad := rules.New(rules.Info{ID: "vendor.buggy", Severity: evaluation.Warning}, func(c *rules.Context) {
		var m map[string]int
		m["x"]++
	})
	s := rules.Guangzhou2021Profile().MustWith(bad)
	rep := evaluation.Evaluate(tianhe(t), s)
	first := rep.Findings[0]
	assert.Equal(t, "vendor.buggy", first.Rule, "an error of the whole form comes first")
	assert.Equal(t, evaluation.Error, first.Severity)
}

func TestRulesFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	good := write("city.yaml", `extends: guangzhou-2021
params:
  key_project_threshold: 1000    # 万元
  min_execution_rate: 85%
disable: [indicators.no-target]
severity:
  narrative.mismatch: error
`)
	set, err := rules.ReadFile(good)
	require.NoError(t, err)
	rep := evaluation.Evaluate(tianhe(t), set)
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Severity.String()+" "+f.Rule)
	}
	assert.Equal(t, []string{"error narrative.mismatch", "info key-projects.threshold"}, got)

	// A key project of 620万元 passes at 500 and fails at 1000.
	form := rulestest.Department(t, `key_projects: [{name: x, budget: 620}]`)
	assert.Empty(t, evaluation.Evaluate(form, mustOnly(t, rules.Guangzhou2021Profile(), "key-projects.threshold")).Findings)
	assert.Len(t, evaluation.Evaluate(form, mustOnly(t, set, "key-projects.threshold")).Findings, 1)

	bad := []struct{ body, want string }{
		{"extends: guangzhou-2021\nparms: {}\n", `2:1: parms: unknown key; did you mean "params"?`},
		{"extends: shanghai-2021\n", "1:10: extends: unknown profile"},
		{"extends: guangzhou-2021\ndisable: [indicators.no-targt]\n", `2:11: disable[0]: no rule "indicators.no-targt" in the set; did you mean "indicators.no-target"?`},
		{"extends: guangzhou-2021\nseverity: {funds.overspend: fatal}\n", `severity.funds.overspend: "fatal"`},
		{"extends: guangzhou-2021\nseverity: {funds.overspent: error}\n", `severity.funds.overspent: no rule`},
		{"extends: national\nparams: {key_project_threshold: 1000}\n", `2:10: params.key_project_threshold: no rule of the set reads a parameter "key_project_threshold"`},
		{"extends: guangzhou-2021\nparams: {min_execution_rate: lots}\n", "params.min_execution_rate: parameter \"min_execution_rate\" is a rate"},
		{"", "empty rules file"},
		{"- a\n", "a rules file is a mapping"},
		{"extends: [\n", "rules.yaml:1:1: did not find expected node content"},
		{"extends: national\nparams:\n  a: 1\n b: 2\n", "rules.yaml:3:1: did not find expected key"},
		{"extends: guangzhou-2021\nextends: national\n", `2:1: extends: given twice`},
		{"params: {min_execution_rate: 85%, min_execution_rate: 80%}\n", "params.min_execution_rate: given twice"},
		{"params: {min_execution_rate: 0.9}\n", "write a rate as a percentage"},
	}
	for _, b := range bad {
		_, err := rules.ParseFile("rules.yaml", []byte(b.body), rules.Profile)
		assert.ErrorContains(t, err, b.want, b.body)
		assert.ErrorContains(t, err, "rules.yaml:", b.body)
	}
}

// mustOnly returns the set with every rule but id disabled.
func mustOnly(t *testing.T, s rules.Set, id string) rules.Set {
	t.Helper()
	for _, r := range s.Rules() {
		if r.ID != id && r.Enabled {
			var err error
			s, err = s.Without(r.ID)
			require.NoError(t, err)
		}
	}
	return s
}

func TestFindingsInStableOrderAndConcurrent(t *testing.T) {
	form := tianhe(t)
	set := rules.Guangzhou2021Profile()
	want := evaluation.Evaluate(form, set).Findings
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.Equal(t, want, evaluation.Evaluate(form, set).Findings)
		}()
	}
	wg.Wait()
}

// Evaluate under a whole profile (every rule run, the scheme, the
// narrative check) leaves the form and the set exactly as they were, for
// both forms, however many goroutines share them.
func TestEvaluateUnderAProfileMutatesNothing(t *testing.T) {
	project, err := evaluation.ReadFile("../examples/project/form.yaml")
	require.NoError(t, err)
	set := rules.Guangzhou2021Profile()
	scheme := set.Scheme()
	for _, form := range []evaluation.Form{tianhe(t), project} {
		before, err := evaluation.Encode(form)
		require.NoError(t, err)
		want := evaluation.Evaluate(form, set)
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got := evaluation.Evaluate(form, set)
				assert.Equal(t, want.Findings, got.Findings)
				assert.Equal(t, want.Score, got.Score)
			}()
		}
		wg.Wait()
		after, err := evaluation.Encode(form)
		require.NoError(t, err)
		assert.Equal(t, string(before), string(after), "the form is unchanged")
	}
	assert.Equal(t, scheme, set.Scheme(), "the set's scheme is unchanged")
}

func TestCatalogueIDsAreUniqueAndDescribed(t *testing.T) {
	var ids []string
	for _, r := range rules.Catalogue() {
		info := r.Info()
		ids = append(ids, info.ID)
		assert.NotEmpty(t, info.Title.Zh, info.ID)
		assert.NotEmpty(t, info.Title.En, info.ID)
	}
	sorted := append([]string(nil), ids...)
	sort.Strings(sorted)
	for i := 1; i < len(sorted); i++ {
		assert.NotEqual(t, sorted[i-1], sorted[i])
	}
}

func ExampleSet_With() {
	// A city rule in a dozen lines: every task has funds stated.
	fundsStated := rules.New(rules.Info{
		ID: "city.task-funds", Severity: evaluation.Warning,
		Title: evaluation.Text{Zh: "任务须填写涉及资金", En: "every task states its funds"},
	}, func(c *rules.Context) {
		if d := c.Department(); d != nil {
			for i, t := range d.Tasks {
				if t.Funds == nil {
					c.Report(fmt.Sprintf("tasks[%d].funds", i), evaluation.Text{Zh: "未填任务涉及资金", En: "no task funds"}, "", "")
				}
			}
		}
	})
	set, _ := rules.Guangzhou2021Profile().With(fundsStated)
	form, _ := evaluation.Decode("f.yaml", []byte("kind: department-self-evaluation\ntasks: [{name: 任务1}]\n"))
	for _, f := range evaluation.Evaluate(form, set).Findings {
		if f.Rule == "city.task-funds" {
			fmt.Println(f.Severity, f.Path, f.Message.Zh)
		}
	}
	// Output:
	// warning tasks[0].funds 未填任务涉及资金
}

func projectExample(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../examples/project/form.yaml")
	require.NoError(t, err)
	return string(data)
}

// The score rules fire on a project form with a mistake in a printed
// score, and stay silent on the clean example.
func TestScoreRulesFire(t *testing.T) {
	clean := projectExample(t)
	tests := []struct {
		rule, old, new, path string
	}{
		{"score.budget", "score: 9.5 ", "score: 9 ", "funds.reported.score"},
		{"score.indicator", "score: 18.89", "score: 18.8", "indicators[4].score"},
		{"score.indicator", "weight: 10\n    score: 9\n", "weight: 10\n    score: 7\n", "indicators[5].score"},
		{"score.estimated", "weight: 10\n    score: 9\n", "weight: 10\n", "indicators[5].score"},
		{"score.total", "total_score: 97.39", "total_score: 97.5", "reported.total_score"},
		{"score.grade", "grade: 优 ", "grade: 良好 ", "reported.grade"},
		{"score.weights", "weight: 10                        # 分值", "weight: 20", "funds.weight"},
		{"score.weights", "    weight: 20\n    score: 20\n", "    weight: 25\n    score: 25\n", "indicators"},
		{"indicators.deviation-missing", "    deviation: 两所学校线路改造因施工许可延期，已列入下年度计划。\n", "", "indicators[4].deviation"},
		{"indicators.dimensions", "level1: 满意度指标（10分）", "level1: 效益指标", "indicators"},
		{"score.unscored", "target: ≥100台", "target: 90%-95%", "indicators[0].target"},
		{"score.unscored", "actual: 100台", "actual: 一百多台吧", "indicators[0].actual"},
		{"score.unscored", "adjusted_budget: 100 ", "adjusted_budget: 0 ", "funds.weight"},
	}
	for _, tt := range tests {
		t.Run(tt.rule+" "+tt.path, func(t *testing.T) {
			require.Contains(t, clean, tt.old)
			broken := rulestest.Project(t, strings.Replace(clean, tt.old, tt.new, 1))
			rulestest.Fires(t, rule(t, tt.rule), broken, tt.path)
			rulestest.Silent(t, rule(t, tt.rule), rulestest.Project(t, clean))
		})
	}
}

func TestScorePrintedPrecision(t *testing.T) {
	clean := projectExample(t)
	// 18.888… printed as 18.9 (one place) or 19 (none) agrees.
	for _, printed := range []string{"18.9", "19", "18.89"} {
		f := rulestest.Project(t, strings.Replace(clean, "score: 18.89", "score: "+printed, 1))
		rulestest.Silent(t, rule(t, "score.indicator"), f)
	}
	// The total printed at one place or three agrees; 9.5 printed as 10
	// (no decimals) agrees, since 9.5 rounds half up to 10.
	for _, printed := range []string{"97.4", "97.390", "97"} {
		f := rulestest.Project(t, strings.Replace(clean, "total_score: 97.39", "total_score: "+printed, 1))
		rulestest.Silent(t, rule(t, "score.total"), f)
	}
	f := rulestest.Project(t, strings.Replace(clean, "score: 9.5 ", "score: 10 ", 1))
	rulestest.Silent(t, rule(t, "score.budget"), f)
}

func TestCleanProjectHasNoErrors(t *testing.T) {
	f := rulestest.Project(t, projectExample(t))
	rep := evaluation.Evaluate(f, rules.NationalProfile())
	assert.Zero(t, rep.Counts().Error, "%v", rep.Findings)
	require.NotNil(t, rep.Score)
	assert.Equal(t, "97.39", rep.Score.Total.StringFixed(2))
	assert.Equal(t, "优", rep.Score.Grade)
}

func TestTianheIsNotScored(t *testing.T) {
	rep := evaluation.Evaluate(tianhe(t), rules.Guangzhou2021Profile())
	assert.Nil(t, rep.Score, "no targets or weights: no score, not 0")
}

func TestWithSchemeIsAValue(t *testing.T) {
	base := rules.NationalProfile()
	s := evaluation.MOF2020()
	s.Name = "other"
	other := base.WithScheme(s)
	s.Grades[0].Name = "changed after the fact"
	assert.Equal(t, "mof-2020", base.Scheme().Name)
	assert.Equal(t, "other", other.Scheme().Name)
	assert.Equal(t, "优", other.Scheme().Grades[0].Name, "the set keeps its own copy")
}

// The national department layout has no 部门整体绩效 / 存在问题 / 改进措施
// cells and a 绩效指标 table of its own: text.missing asks for those texts
// only where the form has 主要任务, and indicators.dimensions checks its
// table as on a project form.
func TestNationalDepartmentLayout(t *testing.T) {
	national := `
		department: 某局
		year: 2023
		goals: {expected: [目标], achieved: 完成}
		indicators:
		  - {level1: 产出指标, level2: 数量指标, name: a, target: ≥1个, actual: 1个, weight: 50}
		  - {level1: 效益指标, level2: 社会效益指标, name: b, target: ≥1个, actual: 1个, weight: 30}
	`
	rulestest.Silent(t, rule(t, "text.missing"), rulestest.Department(t, national))
	found := rulestest.Fires(t, rule(t, "indicators.dimensions"), rulestest.Department(t, national), "indicators")
	require.Len(t, found, 1)
	assert.Equal(t, "满意度指标", found[0].Expected)
	// A Guangzhou-layout form's task indicators name no dimension.
	rulestest.Silent(t, rule(t, "indicators.dimensions"), rulestest.Department(t, cleanDepartment))
}

func TestProjectExpectedGoalRequired(t *testing.T) {
	r := rule(t, "text.missing")
	rulestest.Fires(t, r, rulestest.Project(t, `
		project: 项目
		department: 部门
		goals: {expected: ["  "], achieved: 完成}
	`), "goals.expected")
	rulestest.Silent(t, r, rulestest.Project(t, `
		project: 项目
		department: 部门
		goals: {expected: [完成改造], achieved: 完成}
	`))
}

// On the national department layout the budget row is scored by the
// completion rate: 1140 / 1200 = 95%, 10 × 95% = 9.50.
func TestDepartmentBudgetScore(t *testing.T) {
	form := func(score string) evaluation.Form {
		return rulestest.Department(t, `
			department: 某局
			year: 2023
			funds: {adjusted_budget: 1200, initial_budget: 1000, actual_expenditure: 1140, weight: 10, reported: {score: `+score+`}}
			indicators:
			  - {level1: 产出指标, name: a, target: ≥1个, actual: 1个, weight: 90, score: 90}
			reported: {total_score: 99.5}
		`)
	}
	found := rulestest.Fires(t, rule(t, "score.budget"), form("9.4"), "funds.reported.score")
	assert.Equal(t, "9.50", found[0].Expected)
	rulestest.Silent(t, rule(t, "score.budget"), form("9.5"))
	rulestest.Silent(t, rule(t, "score.budget"), form("10")) // 9.50 printed with no decimals
	rulestest.Silent(t, rule(t, "score.total"), form("9.5"))
}

// funds.title-amount: an amount the title names (kept in extra as 标题 by
// an import) must be one the funds table holds; 236.25万元 in the title of
// a form whose table says 236 is the case a Hunan form showed.
func TestTitleAmount(t *testing.T) {
	r := rule(t, "funds.title-amount")
	form := func(title string) evaluation.Form {
		return rulestest.Project(t, `
			project: 忠烈祠免费开放经费
			department: 某局
			funds: {initial_budget: 236, adjusted_budget: 236, actual_expenditure: 230.5}
			extra:
			  - {label: 标题, text: "`+title+`"}
		`)
	}
	found := rulestest.Fires(t, r, form("2020年忠烈祠免费开放经费236.25万元项目支出绩效自评表"), "extra[0].text")
	assert.Equal(t, "236.25", found[0].Actual)
	assert.Equal(t, "236.00, 230.50", found[0].Expected)
	rulestest.Silent(t, r, form("2020年忠烈祠免费开放经费236万元项目支出绩效自评表"))
	rulestest.Silent(t, r, form("2020年忠烈祠免费开放经费2,360,000元项目支出绩效自评表"))
	rulestest.Silent(t, r, form("2020年忠烈祠免费开放经费项目支出绩效自评表"))
	// Another extra cell's amounts are not the title's.
	rulestest.Silent(t, r, rulestest.Project(t, `
		funds: {adjusted_budget: 236}
		extra: [{label: 备注, text: 含上年结转10万元}]
	`))
}

// funds.sources-short: the breakdown closes with 其他资金 and every row
// states the column, yet the rows add up to less than the total.
func TestSourcesShort(t *testing.T) {
	r := rule(t, "funds.sources-short")
	form := func(other string) evaluation.Form {
		return rulestest.Project(t, `
			funds:
			  adjusted_budget: 100
			  sources:
			    - {source: current_appropriation, adjusted_budget: 70}
			    - {source: prior_carryover, adjusted_budget: 10}
			    - {source: other, adjusted_budget: `+other+`}
		`)
	}
	found := rulestest.Fires(t, r, form("15"), "funds.sources")
	assert.Equal(t, "95.00", found[0].Actual)
	assert.Equal(t, evaluation.Info, found[0].Severity)
	rulestest.Silent(t, r, form("20"))
	rulestest.Silent(t, r, form("25")) // more than the total: funds.sources
	// Without 其他资金 the breakdown may be partial: nothing to say.
	rulestest.Silent(t, r, rulestest.Project(t, `
		funds:
		  adjusted_budget: 100
		  sources: [{source: current_appropriation, adjusted_budget: 70}, {source: prior_carryover, adjusted_budget: 10}]
	`))
	// A row that leaves the column blank: the sum says nothing.
	rulestest.Silent(t, r, rulestest.Project(t, `
		funds:
		  adjusted_budget: 100
		  sources: [{source: current_appropriation, adjusted_budget: 70}, {source: prior_carryover}, {source: other, adjusted_budget: 5}]
	`))
}

// Goals written as bare numbers (预期目标 287, 实际完成情况 171, as a
// Hubei form printed them) state no goal: text.placeholder.
func TestGoalsAsBareNumbers(t *testing.T) {
	r := rule(t, "text.placeholder")
	found := rulestest.Fires(t, r, rulestest.Project(t, `
		project: 购买第三方服务
		department: 市财政局
		goals: {expected: ["287"], achieved: "171"}
	`), "goals.expected[0]", "goals.achieved")
	for _, f := range found {
		if f.Path == "goals.expected[0]" {
			assert.Equal(t, "287", f.Actual)
		}
	}
	rulestest.Fires(t, r, rulestest.Declaration(t, `
		project: 项目
		goals: {annual: ["150万元"]}
	`), "goals.annual[0]")
	rulestest.Silent(t, r, rulestest.Project(t, `
		goals: {expected: [完成287户改造], achieved: 已完成171户}
	`))
}
