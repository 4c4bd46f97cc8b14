package xlsx_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/xlsx"
)

func exportEvaluation(t testing.TB, f evaluation.Form, rub *rubric.Rubric) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, xlsx.ExportWith(&buf, f, xlsx.ExportOptions{Rubric: rub}))
	return buf.Bytes()
}

// A department evaluation exported with its rubric reads back to the
// same form, every cell placed: the 基础数据表 figure by figure, the
// 评分表's merged level cells, the judgements, the extra cells.
func TestEvaluationRoundTrip(t *testing.T) {
	r, err := rubric.ReadFile("../rubric/testdata/example.yaml")
	require.NoError(t, err)
	for _, path := range []string{"../rubric/testdata/example-form.yaml", "../markdown/testdata/department-evaluation-edge.yaml"} {
		form := readForm(t, path)
		data := exportEvaluation(t, form, &r)
		res, err := xlsx.ImportResultWith("form.xlsx", data, xlsx.ImportOptions{Rubric: &r})
		require.NoError(t, err)
		assert.Empty(t, res.Unplaced, path)
		assert.Empty(t, res.Missing, path)
		assert.Equal(t, form, res.Form, path)
	}
}

// A form that filed no sheet is exported with the sheet its rubric fills
// in (a built-in one, named by the form), and reads back with it filed.
func TestEvaluationExportFillsIn(t *testing.T) {
	form, err := evaluation.Decode("f.yaml", []byte(`kind: department-evaluation
department: 某局
year: 2018
rubric: yueyang-2018
basic:
  staff: {authorized: 143, actual: 150}
  three_public: {budget: 63.46, previous_budget: 32, actual: 44.29, previous_actual: 29.08}
judgements:
  过程/预算管理/管理制度健全性: {checks: [true, true, false]}
`))
	require.NoError(t, err)
	data := exportEvaluation(t, form, nil)
	res, err := xlsx.ImportResult("form.xlsx", data)
	require.NoError(t, err)
	assert.Empty(t, res.Unplaced)
	back := res.Form.(*evaluation.DepartmentEvaluationForm)
	assert.Equal(t, "2.55", back.Reported.Scores["投入/预算配置/财政供养人员控制率"].String())
	assert.Equal(t, "在职人员控制率 104.90%，超过100% 4.9个百分点，扣2.45分", back.Reported.Reasons["投入/预算配置/财政供养人员控制率"])
	assert.Equal(t, "10.55", back.Reported.TotalScore.String())
	// Exported again, the sheet is as filed: the same form once more.
	again, err := xlsx.ImportResult("again.xlsx", exportEvaluation(t, back, nil))
	require.NoError(t, err)
	assert.Equal(t, back, again.Form)
}
