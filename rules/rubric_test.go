package rules_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rules"
	"github.com/perfeval/perfeval/rules/rulestest"
)

// testRubric is a rubric of three blocks whose weights sum to 100.
func testRubric(t testing.TB) rubric.Rubric {
	t.Helper()
	r, err := rubric.Parse("test.yaml", []byte(`kind: rubric
name: test
items:
  - path: [投入, 预算配置, 在职人员控制率]
    weight: 40
    measure: staff_control_rate
    deduct: {above: 100%, step: 1%, points: 0.5}
  - path: [过程, 预算执行, 预算完成率]
    weight: 40
    measure: budget_completion_rate
    deduct: {below: 100%, step: 5%, points: 2, partial: false}
  - path: [过程, 预算管理, 资金使用合规性]
    weight: 20
    violations: {points_each: 1}
`))
	require.NoError(t, err)
	return r
}

// A department evaluation every rubric rule is silent on: every item
// scored, its written scores and total right.
const cleanEvaluation = `
department: 某局
year: 2018
basic:
  staff: {authorized: 100, actual: 104}
  budget: {prior_carryover: 0, initial: 100, supplementary: 0, year_end_balance: 5}
judgements:
  过程/预算管理/资金使用合规性: {violations: 1}
reported:
  scores:
    投入/预算配置/在职人员控制率: 38
    过程/预算执行/预算完成率: 38
    过程/预算管理/资金使用合规性: 19
  total_score: 95
`

func TestRubricRulesFire(t *testing.T) {
	rub := testRubric(t)
	tests := []struct {
		rule, form string
		paths      []string
	}{
		// 104% is 4 points over: 40 − 2 = 38; 37.5 is a slip.
		{"rubric.score", strings.Replace(cleanEvaluation, "在职人员控制率: 38", "在职人员控制率: 37.5", 1),
			[]string{"reported.scores.投入/预算配置/在职人员控制率"}},
		// A score written as 38.0 is compared at one decimal: 38.0 agrees.
		{"rubric.total", strings.Replace(cleanEvaluation, "total_score: 95", "total_score: 96", 1), []string{"reported.total_score"}},
		{"rubric.unscored", strings.Replace(cleanEvaluation, "  staff: {authorized: 100, actual: 104}\n", "", 1),
			[]string{"reported.scores.投入/预算配置/在职人员控制率"}},
		// A judgement keyed by a path the rubric has no item for is said.
		{"rubric.unscored", strings.Replace(cleanEvaluation, "{violations: 1}", "{violations: 1}\n  过程/预算管理/管理制度健全性: {checks: [true]}", 1),
			[]string{"judgements.过程/预算管理/管理制度健全性"}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			r := rule(t, tt.rule)
			found := rulestest.FiresRubric(t, r, rulestest.DepartmentEvaluation(t, tt.form), rub, tt.paths...)
			for _, f := range found {
				assert.Equal(t, tt.rule, f.Rule)
				assert.NotEmpty(t, f.Message.Zh)
				assert.NotEmpty(t, f.Message.En)
				assert.False(t, hasLatinWord(f.Message.Zh), "zh message %q", f.Message.Zh)
			}
			rulestest.SilentRubric(t, r, rulestest.DepartmentEvaluation(t, cleanEvaluation), rub)
		})
	}
}

// rubric.score names the computed score and why, in each language.
func TestRubricScoreMessage(t *testing.T) {
	form := rulestest.DepartmentEvaluation(t, strings.Replace(cleanEvaluation, "在职人员控制率: 38", "在职人员控制率: 40", 1))
	found := rulestest.RunRubric(t, rule(t, "rubric.score"), form, testRubric(t))
	require.Len(t, found, 1)
	f := found[0]
	assert.Equal(t, evaluation.Error, f.Severity)
	assert.Equal(t, "38", f.Expected)
	assert.Equal(t, "40", f.Actual)
	assert.Equal(t, "“在职人员控制率”得分应为 38（在职人员控制率 104.00%，超过100% 4个百分点，扣2分），表中填报 40", f.Message.Zh)
	assert.Contains(t, f.Message.En, `"在职人员控制率" should score 38 (staff control rate 104.00%`)

	// Checked at the precision written: 38.0 agrees with 38, 38.2 does not.
	for written, fires := range map[string]bool{"38.0": false, "38.00": false, "38.2": true} {
		form := rulestest.DepartmentEvaluation(t, strings.Replace(cleanEvaluation, "在职人员控制率: 38", "在职人员控制率: "+written, 1))
		got := rulestest.RunRubric(t, rule(t, "rubric.score"), form, testRubric(t))
		assert.Equal(t, fires, len(got) > 0, written)
	}
	// Within a set's tolerance a score agrees.
	sc := evaluation.MOF2020()
	sc.Tolerance = decimal.RequireFromString("0.5")
	set := rules.Set{}.MustWith(rule(t, "rubric.score")).WithScheme(sc).WithRubric(testRubric(t))
	rep := evaluation.Evaluate(rulestest.DepartmentEvaluation(t, strings.Replace(cleanEvaluation, "在职人员控制率: 38", "在职人员控制率: 38.5", 1)), set)
	assert.Empty(t, rep.Findings)
}

// rubric.weights: a rubric whose weights do not sum to 100 leaves every
// sheet it scores incomplete.
func TestRubricWeights(t *testing.T) {
	r := rule(t, "rubric.weights")
	yy, err := rubric.Builtin("yueyang-2018")
	require.NoError(t, err)
	form := rulestest.DepartmentEvaluation(t, cleanEvaluation)
	found := rulestest.FiresRubric(t, r, form, yy, "rubric")
	assert.Equal(t, evaluation.Warning, found[0].Severity)
	assert.Equal(t, "100", found[0].Expected)
	assert.Equal(t, yy.Weight().String(), found[0].Actual)
	assert.Contains(t, found[0].Message.Zh, "yueyang-2018")
	rulestest.SilentRubric(t, r, form, testRubric(t))
}

// A sheet that cannot be scored at all is a finding, not a panic: no
// rubric given and none named, or one named that is not built in.
func TestRubricMissing(t *testing.T) {
	r := rule(t, "rubric.unscored")
	rulestest.Fires(t, r, rulestest.DepartmentEvaluation(t, cleanEvaluation), "rubric")
	found := rulestest.Fires(t, r, rulestest.DepartmentEvaluation(t, cleanEvaluation+"rubric: nowhere-2018\n"), "rubric")
	assert.Contains(t, found[0].Message.Zh, "nowhere-2018")
	assert.Equal(t, "nowhere-2018", found[0].Actual)
	// A built-in rubric named by the form scores it.
	for _, f := range rulestest.Run(t, r, rulestest.DepartmentEvaluation(t, cleanEvaluation+"rubric: yueyang-2018\n")) {
		assert.NotEqual(t, "rubric", f.Path, f.Message.Zh)
	}
	// The rubric rules say nothing of other kinds.
	for _, id := range []string{"rubric.score", "rubric.total", "rubric.weights", "rubric.unscored"} {
		rulestest.Silent(t, rule(t, id), tianhe(t))
	}
}

func TestTextMissingDepartmentEvaluation(t *testing.T) {
	r := rule(t, "text.missing")
	form := strings.Replace(strings.Replace(cleanEvaluation, "department: 某局\n", "", 1), "year: 2018\n", "", 1)
	rulestest.Fires(t, r, rulestest.DepartmentEvaluation(t, form), "department", "year")
	rulestest.Silent(t, r, rulestest.DepartmentEvaluation(t, cleanEvaluation))
}

// text.placeholder reads the reasons written on the sheet and the
// judgements' notes, by item path.
func TestPlaceholderInSheet(t *testing.T) {
	r := rule(t, "text.placeholder")
	form := cleanEvaluation + "  reasons: {投入/预算配置/在职人员控制率: （100字以内）}\n"
	rulestest.Fires(t, r, rulestest.DepartmentEvaluation(t, form), "reported.reasons.投入/预算配置/在职人员控制率")
	form = strings.Replace(cleanEvaluation, "{violations: 1}", "{violations: 1, note: XXX}", 1)
	rulestest.Fires(t, r, rulestest.DepartmentEvaluation(t, form), "judgements.过程/预算管理/资金使用合规性.note")
	rulestest.Silent(t, r, rulestest.DepartmentEvaluation(t, cleanEvaluation))
}

// The rubric rules are in both built-in profiles, and a set carries its
// rubric through every change.
func TestProfilesHoldRubricRules(t *testing.T) {
	for _, name := range rules.Profiles() {
		set, err := rules.Profile(name)
		require.NoError(t, err)
		ids := map[string]bool{}
		for _, st := range set.Rules() {
			ids[st.ID] = st.Enabled
		}
		for _, id := range []string{"rubric.score", "rubric.total", "rubric.weights", "rubric.unscored"} {
			assert.True(t, ids[id], "%s lacks %s", name, id)
		}
		_, ok := set.Rubric()
		assert.False(t, ok, "a built-in profile carries no rubric")
		with := set.WithRubric(testRubric(t))
		got, ok := with.Rubric()
		assert.True(t, ok)
		assert.Equal(t, "test", got.Name())
		_, ok = set.Rubric()
		assert.False(t, ok, "WithRubric leaves the receiver as it was")
		without, err := with.Without("rubric.weights")
		require.NoError(t, err)
		_, ok = without.Rubric()
		assert.True(t, ok, "the rubric survives Without")
	}
}

// A whole evaluation under the national profile: the published slip
// found, the clean form clean.
func TestEvaluateDepartmentEvaluationUnderProfile(t *testing.T) {
	set := rules.NationalProfile().WithRubric(testRubric(t))
	rep := evaluation.Evaluate(rulestest.DepartmentEvaluation(t, cleanEvaluation), set)
	assert.Empty(t, rep.Findings)
	require.NotNil(t, rep.Sheet)
	assert.True(t, rep.Sheet.Complete)
	assert.Equal(t, "95.00", rep.Sheet.Total.StringFixed(2))
	assert.Equal(t, "优", rep.Sheet.Grade)
}

func hasLatinWord(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			letters++
			if letters >= 3 {
				return true
			}
		} else {
			letters = 0
		}
	}
	return false
}
