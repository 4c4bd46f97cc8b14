package rulestest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules/rulestest"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	msgs []string
}

type fatal struct{}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
	panic(fatal{})
}

func record(t *testing.T, fn func(tb testing.TB)) []string {
	r := &recorder{TB: t}
	func() {
		defer func() {
			if p := recover(); p != nil && p != (fatal{}) {
				panic(p)
			}
		}()
		fn(r)
	}()
	return r.msgs
}

// An error in a form literal is reported at the literal's own line: the
// kind: line rulestest adds does not shift it.
func TestLiteralLineNumbers(t *testing.T) {
	msgs := record(t, func(tb testing.TB) {
		rulestest.Department(tb, `
			department: 某部门
			year: 2021
			funds:
			  adjusted_budget: 12x
		`)
	})
	if assert.Len(t, msgs, 1) {
		assert.Contains(t, msgs[0], "literal.yaml:5:")
		assert.Contains(t, msgs[0], "funds.adjusted_budget")
	}
	msgs = record(t, func(tb testing.TB) { rulestest.Project(tb, "{project: x, year: abc}") })
	if assert.Len(t, msgs, 1) {
		assert.Contains(t, msgs[0], "literal.yaml:1:")
	}
	f := rulestest.Project(t, "{}")
	assert.Equal(t, evaluation.Project, f.Kind())
	d := rulestest.Department(t, "department: x")
	assert.Equal(t, "x", d.Department)
}

func TestEqualAmount(t *testing.T) {
	assert.True(t, rulestest.EqualAmount(t, "16.6", budget.MustAmount("16.60")))
	assert.True(t, rulestest.EqualAmount(t, "15000元", budget.MustAmount("1.5")))
	msgs := record(t, func(tb testing.TB) {
		rulestest.EqualAmount(tb, "16.6", budget.MustAmount("16.61"), "task %d", 1)
		rulestest.EqualAmount(tb, "16.6", nil)
	})
	assert.Equal(t, []string{"rulestest: amount 16.61万元; want 16.6 (task 1)", "rulestest: amount is absent; want 16.6"}, msgs)
	msgs = record(t, func(tb testing.TB) { rulestest.EqualAmount(tb, "x", nil) })
	assert.Len(t, msgs, 1)
	assert.True(t, strings.HasPrefix(msgs[0], "rulestest: EqualAmount: want \"x\""))
}

func TestEqualRate(t *testing.T) {
	f := rulestest.Department(t, "funds: {adjusted_budget: 2395.15, actual_expenditure: 2394.83}")
	rep := evaluation.Evaluate(f, nil)
	assert.True(t, rulestest.EqualRate(t, "99.99%", rep.Figures.CompletionRate))
	assert.True(t, rulestest.EqualRate(t, "100%", rep.Figures.CompletionRate), "at the precision printed")
	msgs := record(t, func(tb testing.TB) {
		rulestest.EqualRate(tb, "99.98%", rep.Figures.CompletionRate)
		rulestest.EqualRate(tb, "50%", rep.Figures.AdjustmentRate)
	})
	assert.Equal(t, []string{"rulestest: rate 99.99%; want 99.98%", "rulestest: rate is absent (undefined); want 50%"}, msgs)
}
