package deptevaluation_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/batch"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rules"
)

// departmentYAML is department n: different basic data, judgements and
// filed scores for each n.
func departmentYAML(n int) []byte {
	return fmt.Appendf(nil, `kind: department-evaluation
department: 部门%[1]d
year: 2018
basic:
  staff: {authorized: 100, actual: %[2]d}
  three_public: {budget: %[3]d, previous_budget: 52, actual: %[4]d}
  budget: {prior_carryover: 10, initial: 1000, supplementary: %[5]d, year_end_balance: %[6]d}
  key_project_spending: %[7]d
  project_spending: 1000
judgements:
  过程/预算执行/支付进度: {violations: %[8]d}
  过程/预算管理/管理制度健全性: {checks: [%[9]t, true, %[10]t]}
reported:
  scores: {投入/预算配置/财政供养人员控制率: %[11]d}
`, n, 90+n%20, 50+n%7, 40+n%9, n%400, n%15, 500+n%500, n%3, n%2 == 0, n%3 == 0, n%6)
}

// One rubric and one rule set score many departments from many
// goroutines (go test -race): each report is the one its department gets
// alone, in input order.
func TestManyDepartmentsConcurrently(t *testing.T) {
	yy, err := rubric.Builtin("yueyang-2018")
	require.NoError(t, err)
	set := rules.NationalProfile().WithRubric(yy)
	const n = 300
	docs := make([]batch.Document, n)
	want := make([][]byte, n)
	for i := range docs {
		docs[i] = batch.Document{Name: fmt.Sprintf("dept-%03d.yaml", i), Data: departmentYAML(i)}
		form, err := evaluation.Decode(docs[i].Name, docs[i].Data)
		require.NoError(t, err)
		rep := evaluation.Evaluate(form, set)
		rep.Source = docs[i].Name
		want[i], err = json.Marshal(rep)
		require.NoError(t, err)
	}
	i := 0
	for r := range batch.Documents(context.Background(), slices.Values(docs), batch.Options{Checker: set, Workers: 8, Chunk: 4}) {
		require.NoError(t, r.Err)
		got, err := json.Marshal(r.Report)
		require.NoError(t, err)
		assert.Equal(t, string(want[i]), string(got), r.Name)
		i++
	}
	assert.Equal(t, n, i)

	// The same rubric value from plain goroutines, sheets compared.
	var wg sync.WaitGroup
	sheets := make([][]byte, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			form, err := evaluation.Decode("d.yaml", departmentYAML(i))
			if err != nil {
				return
			}
			sheets[i], _ = json.Marshal(yy.Score(form.(*evaluation.DepartmentEvaluationForm).Input))
		}()
	}
	wg.Wait()
	for i := range n {
		form, err := evaluation.Decode("d.yaml", departmentYAML(i))
		require.NoError(t, err)
		alone, _ := json.Marshal(yy.Score(form.(*evaluation.DepartmentEvaluationForm).Input))
		assert.Equal(t, string(alone), string(sheets[i]))
	}
}
