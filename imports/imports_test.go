package imports_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
)

func TestPosition(t *testing.T) {
	for _, tt := range []struct {
		p      imports.Position
		en, zh string
	}{
		{imports.Position{Sheet: "表1", Ref: "B3"}, "sheet 表1 cell B3", "工作表 表1 单元格 B3"},
		{imports.Position{Ref: "B3"}, "cell B3", "单元格 B3"},
		{imports.Position{Line: 12, Column: 3}, "line 12 column 3", "第 12 行第 3 列"},
		{imports.Position{Line: 4}, "line 4", "第 4 行"},
		{imports.Position{}, "the document", "全文"},
	} {
		assert.Equal(t, tt.en, tt.p.String())
		assert.Equal(t, tt.en, tt.p.In(evaluation.English))
		assert.Equal(t, tt.zh, tt.p.In(evaluation.Chinese))
	}
}

func TestComplete(t *testing.T) {
	assert.True(t, (&imports.Result{}).Complete())
	assert.False(t, (&imports.Result{Unplaced: []imports.Unplaced{{}}}).Complete())
	assert.False(t, (&imports.Result{Missing: []imports.Missing{{What: "year"}}}).Complete())
}

// A Result marshals to JSON a service can show: positions as sheet/cell or
// line/column, the form itself left out.
func TestResultJSON(t *testing.T) {
	r := imports.Result{
		Form:     &evaluation.ProjectForm{Project: "P"},
		Placed:   []imports.Placed{{Cell: imports.Cell{Position: imports.Position{Sheet: "S", Ref: "B3"}, Text: "2395.15"}, Path: "funds.adjusted_budget"}},
		Unplaced: []imports.Unplaced{{Cell: imports.Cell{Position: imports.Position{Line: 7, Column: 1}, Text: "备忘"}, Why: imports.Text{Zh: "无", En: "none"}}},
	}
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"labels":null,"placed":[{"sheet":"S","cell":"B3","text":"2395.15","path":"funds.adjusted_budget"}],
		"extra":null,"unplaced":[{"line":7,"column":1,"text":"备忘","why":{"zh":"无","en":"none"}}],
		"readings":null,"skipped":null,"missing":null}`, string(b))
}
