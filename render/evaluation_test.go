package render_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/htmltest"
	"github.com/perfeval/perfeval/render"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rules"
)

// The worked 2018 sheet as the HTML page draws it by its own rubric, its
// findings marked at their cells: the 基础数据表, then the 评分表 with
// 评分标准, 分值, the scores as filed and their 扣分原因.
func TestEvaluationGolden(t *testing.T) {
	r, err := rubric.ReadFile("../rubric/testdata/worked/wanglu-2018-rubric.yaml")
	require.NoError(t, err)
	f := read(t, "../rubric/testdata/worked/wanglu-2018.yaml")
	rep := evaluation.Evaluate(f, rules.NationalProfile().WithRubric(r))
	var b bytes.Buffer
	require.NoError(t, render.HTML(&b, f, render.Options{Findings: rep.Findings, Rubric: &r}))
	golden := "testdata/department-evaluation.html"
	if *update {
		require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update")
	assert.Equal(t, string(want), b.String())

	root := doc(t, b.String())
	assert.Equal(t, "8", text(cellAt(t, root, "reported.scores.投入/预算配置/在职人员控制率")))
	assert.Contains(t, text(cellAt(t, root, "reported.reasons.投入/预算配置/“三公经费”变动率")), "98.31%")
	heads := htmltest.Find(root, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "th" })
	var names []string
	for _, h := range heads {
		names = append(names, text(h))
	}
	assert.Subset(t, names, []string{"一级指标", "二级指标", "三级指标", "评分标准", "分值", "得分", "扣分原因", "基础数据表", "编制数"})
}

// A form with no sheet filed is drawn as its built-in rubric fills it
// in, every deduction in words.
func TestEvaluationFilledIn(t *testing.T) {
	f, err := evaluation.Decode("f.yaml", []byte("kind: department-evaluation\ndepartment: \"<b>某局</b>\"\nrubric: yueyang-2018\nbasic: {staff: {authorized: 143, actual: 150}}\n"))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, render.HTML(&b, f, render.Options{}))
	root := doc(t, b.String())
	assert.Equal(t, "2.55", text(cellAt(t, root, "reported.scores.投入/预算配置/财政供养人员控制率")))
	assert.Equal(t, "在职人员控制率 104.90%，超过100% 4.9个百分点，扣2.45分", text(cellAt(t, root, "reported.reasons.投入/预算配置/财政供养人员控制率")))
	assert.Equal(t, "<b>某局</b>", text(cellAt(t, root, "department")), "escaped, not markup")
	assert.Empty(t, htmltest.Find(root, func(n *html.Node) bool { return n.Data == "b" }))
}
