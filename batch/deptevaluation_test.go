package batch_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/batch"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rules"
)

const workedRubric = "../rubric/testdata/worked/wanglu-2018-rubric.yaml"

// A rubric file kept among the forms a folder walk finds is skipped: no
// report, no error. Named on its own, it is an input error.
func TestFolderWalkSkipsRubrics(t *testing.T) {
	dir := t.TempDir()
	rub, err := os.ReadFile(workedRubric)
	require.NoError(t, err)
	writeFile(t, filepath.Join(dir, "a-rubric.yaml"), rub)
	writeFile(t, filepath.Join(dir, "b.yaml"), []byte("kind: department-evaluation\ndepartment: 某局\nyear: 2018\nrubric: yueyang-2018\n"))
	var got []string
	for r := range batch.Inputs(context.Background(), batch.Walk([]string{dir}), batch.Options{CheckerFor: batch.ByProfile}) {
		s := filepath.Base(r.Name)
		switch {
		case r.Skipped:
			s += " skipped"
			assert.NoError(t, r.Err)
			assert.Nil(t, r.Form)
		case r.Err != nil:
			s += " !"
		}
		got = append(got, s)
	}
	assert.Equal(t, []string{"a-rubric.yaml skipped", "b.yaml"}, got)

	named := filepath.Join(dir, "a-rubric.yaml")
	for r := range batch.Inputs(context.Background(), batch.Walk([]string{named}), batch.Options{}) {
		assert.False(t, r.Skipped)
		assert.True(t, errors.Is(r.Err, evaluation.ErrRubricFile), "%v", r.Err)
	}
}

// A department evaluation naming a rubric that is not built in is an
// input error at its rubric: key, unless the checker carries a rubric,
// which overrides it. Naming none leaves the report to say it cannot be
// scored.
func TestUnknownRubricIsPositioned(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.yaml")
	writeFile(t, p, []byte("kind: department-evaluation\ndepartment: 某局\nrubric: wanglu-2018\n"))
	for r := range batch.Files(context.Background(), slices.Values([]string{p}), batch.Options{CheckerFor: batch.ByProfile}) {
		var de *evaluation.DecodeError
		require.ErrorAs(t, r.Err, &de)
		assert.Equal(t, 3, de.Line)
		assert.Equal(t, 9, de.Column)
		assert.Equal(t, "rubric", de.Path)
		assert.Contains(t, de.In(evaluation.Chinese), "评分办法 \"wanglu-2018\" 不存在")
		assert.Contains(t, de.Error(), `unknown rubric "wanglu-2018"`)
		assert.True(t, errors.Is(r.Err, rubric.ErrUnknownRubric))
	}

	worked, err := rubric.ReadFile(workedRubric)
	require.NoError(t, err)
	opt := batch.Options{Checker: rules.NationalProfile().WithRubric(worked)}
	for r := range batch.Files(context.Background(), slices.Values([]string{p}), opt) {
		require.NoError(t, r.Err)
		require.NotNil(t, r.Report.Sheet)
		assert.Equal(t, "wanglu-2018", r.Report.Sheet.Rubric)
	}

	stdin := batch.Options{Checker: rules.NationalProfile(), Stdin: strings.NewReader("kind: department-evaluation\ndepartment: 某局\n")}
	for r := range batch.Inputs(context.Background(), slices.Values([]batch.Input{{Path: "-"}}), stdin) {
		require.NoError(t, r.Err)
		assert.Nil(t, r.Report.Sheet)
		var ids []string
		for _, f := range r.Report.Findings {
			ids = append(ids, f.Rule+"@"+f.Path)
		}
		assert.Contains(t, ids, "rubric.unscored@rubric")
	}
}
