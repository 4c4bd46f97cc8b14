package evaluation_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
)

type schemeChecker struct{ s evaluation.Scheme }

func (c schemeChecker) Check(*evaluation.Subject) []evaluation.Finding { return nil }
func (c schemeChecker) Scheme() evaluation.Scheme                      { return c.s }

func decodeString(t *testing.T, src string) evaluation.Form {
	t.Helper()
	f, err := evaluation.Decode("f.yaml", []byte(src))
	require.NoError(t, err)
	return f
}

func TestDepartmentScoredOnlyWithWeights(t *testing.T) {
	unweighted := decodeString(t, "kind: department-self-evaluation\ntasks: [{name: t, indicators: [{name: a, target: ≥10次, actual: 12次}]}]\n")
	assert.Nil(t, evaluation.Evaluate(unweighted, nil).Score)

	weighted := decodeString(t, "kind: department-self-evaluation\ntasks: [{name: t, indicators: [{name: a, target: ≥10次, actual: 5次, weight: 10}]}]\n")
	s := evaluation.Evaluate(weighted, nil).Score
	require.NotNil(t, s)
	assert.Nil(t, s.Budget, "the department form has no execution row")
	assert.Equal(t, "5.00", s.Total.StringFixed(2))
	assert.Equal(t, "tasks[0].indicators[0]", s.Indicators[0].Path)
	assert.Equal(t, "partly-met", s.Indicators[0].Status())
}

func TestProjectScoring(t *testing.T) {
	f := decodeString(t, `kind: project-self-evaluation
funds: {adjusted_budget: 100, actual_expenditure: 120}
indicators:
  - {level1: 产出指标, name: a, target: ≥10台, actual: 10台, weight: 50}
  - {level1: 效益指标, name: b, target: 下降, actual: 下降, weight: 30, score: 28}
  - {level1: 满意度指标, name: c, target: ≥90%, actual: 45%, weight: 10}
  - {level1: 满意度指标, name: d, weight: 5}
`)
	s := evaluation.Evaluate(f, nil).Score
	require.NotNil(t, s)
	// Execution 120%: weight × min(B/A, 1) = 10.
	assert.Equal(t, "10.00", s.Budget.Rounded.StringFixed(2))
	assert.True(t, s.Budget.Weight.Equal(decimal.NewFromInt(10)), "the scheme's weight when the form gives none")
	assert.Equal(t, "28", s.Indicators[1].Rounded.String(), "a printed score inside its band is kept")
	assert.Equal(t, "5.00", s.Indicators[2].Rounded.StringFixed(2))
	assert.Equal(t, "unscored", s.Indicators[3].Status())
	assert.Equal(t, "93.00", s.Total.StringFixed(2), "the rows that could be scored")
	assert.False(t, s.Complete, "row d weighs 5 and cannot be scored")
	assert.Equal(t, "5", s.UnscoredWeight.String())
	assert.Empty(t, s.Grade, "a partial total earns no grade")
	require.Len(t, s.Dimensions, 3)
	assert.Equal(t, "15", s.Dimensions[2].Weight.String())

	// A zero budget leaves the execution row undefined: no score, not 0.
	z := decodeString(t, "kind: project-self-evaluation\nfunds: {adjusted_budget: 0, actual_expenditure: 0}\nindicators: [{level1: 产出指标, name: a, target: ≥1个, actual: 1个, weight: 50}]\n")
	zs := evaluation.Evaluate(z, nil).Score
	require.NotNil(t, zs)
	assert.False(t, zs.Budget.Defined)
	assert.Equal(t, "50.00", zs.Total.StringFixed(2))
	assert.False(t, zs.Complete)
	assert.Equal(t, "10", zs.UnscoredWeight.String(), "the budget row's weight")
}

// A target that cannot be read used to drop its row's weight silently:
// the example project's 97.39 became 77.39, graded 中. The total is now
// partial, says what weight is missing, and has no grade.
func TestUnreadableTargetLeavesScorePartial(t *testing.T) {
	data, err := os.ReadFile("../examples/project/form.yaml")
	require.NoError(t, err)
	full := evaluation.Evaluate(decodeString(t, string(data)), nil).Score
	require.True(t, full.Complete)
	assert.Equal(t, "97.39", full.Total.StringFixed(2))
	assert.Equal(t, "优", full.Grade)

	broken := strings.Replace(string(data), "target: ≥100台", "target: 90%-95%", 1)
	require.NotEqual(t, string(data), broken)
	s := evaluation.Evaluate(decodeString(t, broken), nil).Score
	assert.False(t, s.Complete)
	assert.Equal(t, "20", s.UnscoredWeight.String())
	assert.Equal(t, "77.39", s.Total.StringFixed(2))
	assert.Empty(t, s.Grade)
	assert.Equal(t, "unscored", s.Indicators[0].Status())
	assert.True(t, s.Indicators[0].Unscored())
	assert.ErrorIs(t, s.Indicators[0].Reason, indicator.ErrUnparsed)

	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"total":"77.39","grade":null,"complete":false,"unscored_weight":"20"`)
}

func TestGradeBoundaries(t *testing.T) {
	s := evaluation.MOF2020()
	for total, want := range map[string]string{"100": "优", "90": "优", "89.99": "良", "80": "良", "79.99": "中", "60": "中", "59.99": "差", "0": "差"} {
		assert.Equal(t, want, s.GradeOf(decimal.RequireFromString(total)), total)
	}
}

func TestEvaluateUsesTheCheckersScheme(t *testing.T) {
	f := decodeString(t, "kind: project-self-evaluation\nfunds: {adjusted_budget: 100, actual_expenditure: 50}\nindicators: [{level1: 产出指标, name: a, target: ≥1个, actual: 1个, weight: 50}]\n")
	s := evaluation.MOF2020()
	s.Name, s.BudgetWeight = "twenty", decimal.NewFromInt(20)
	sc := evaluation.Evaluate(f, schemeChecker{s}).Score
	assert.Equal(t, "twenty", sc.Scheme)
	assert.Equal(t, "10.00", sc.Budget.Rounded.StringFixed(2))
}

func TestNoWeightsNoScore(t *testing.T) {
	f := decodeString(t, "kind: project-self-evaluation\nfunds: {adjusted_budget: 100, actual_expenditure: 100}\nindicators: [{level1: 产出指标, name: a, target: ≥1个, actual: 1个}]\n")
	assert.Nil(t, evaluation.Evaluate(f, nil).Score, "a form that prints no 分值 is not graded 差")
}

func TestBlankLevelOneCarriesForward(t *testing.T) {
	f := decodeString(t, `kind: project-self-evaluation
indicators:
  - {level1: 产出指标, level2: 数量指标, name: a, target: ≥1个, actual: 1个, weight: 25}
  - {level1: "", level2: 质量指标, name: b, target: ≥1个, actual: 1个, weight: 25}
  - {level2: 社会效益指标, name: c, target: ≥1个, actual: 1个, weight: 30}
  - {level1: 满意度指标, name: d, target: ≥1个, actual: 1个, weight: 10}
`)
	s := evaluation.Evaluate(f, nil).Score
	require.Len(t, s.Dimensions, 3)
	assert.Equal(t, "50", s.Dimensions[0].Weight.String(), "the blank 一级指标 is the row above's")
	assert.Equal(t, "30", s.Dimensions[1].Weight.String(), "inferred from 社会效益指标")
}

func TestEvaluateNilForm(t *testing.T) {
	assert.NotPanics(t, func() {
		_ = evaluation.Evaluate(nil, nil)
		_ = evaluation.Evaluate((*evaluation.ProjectForm)(nil), nil)
	})
}
