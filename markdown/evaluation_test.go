package markdown_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/rubric"
)

const (
	exampleRubricPath = "../rubric/testdata/example.yaml"
	exampleEvaluation = "../rubric/testdata/example-form.yaml"
	edgeEvaluation    = "testdata/department-evaluation-edge.yaml"
	workedRubricPath  = "../rubric/testdata/worked/wanglu-2018-rubric.yaml"
)

func readRubric(t testing.TB, path string) *rubric.Rubric {
	t.Helper()
	r, err := rubric.ReadFile(path)
	require.NoError(t, err)
	return &r
}

func renderEvaluation(t testing.TB, f evaluation.Form, rub *rubric.Rubric, findings []evaluation.Finding) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, markdown.RenderWith(&b, f, markdown.RenderOptions{Rubric: rub, Findings: findings}))
	return b.Bytes()
}

// A department evaluation whose sheet is filed is drawn as filed and read
// back to the same form, every cell placed, whatever its cells hold;
// annotated too.
func TestEvaluationRoundTrip(t *testing.T) {
	rub := readRubric(t, exampleRubricPath)
	for _, path := range []string{exampleEvaluation, edgeEvaluation} {
		form, err := evaluation.ReadFile(path)
		require.NoError(t, err)
		rep := evaluation.Evaluate(form, nil)
		for _, findings := range [][]evaluation.Finding{nil, rep.Findings, {{Rule: "x", Path: "reported.scores.投入/预算配置/在职人员控制率"}, {Rule: "y", Path: "rubric"}}} {
			doc := renderEvaluation(t, form, rub, findings)
			res, err := markdown.ImportResultWith("form.md", doc, markdown.ImportOptions{Rubric: rub})
			require.NoError(t, err, string(doc))
			assert.Empty(t, res.Unplaced, string(doc))
			assert.Empty(t, res.Missing)
			assert.Equal(t, form, res.Form, string(doc))
		}
	}
}

// A form that filed no sheet is drawn as its rubric fills it in, and
// reads back with the sheet filed: the scores and reasons the rubric
// gives, which its rules then find right.
func TestEvaluationFilledIn(t *testing.T) {
	rub := readRubric(t, exampleRubricPath)
	form, err := evaluation.ReadFile(exampleEvaluation)
	require.NoError(t, err)
	unfiled := *form.(*evaluation.DepartmentEvaluationForm)
	unfiled.Reported = rubric.Reported{}
	doc := renderEvaluation(t, &unfiled, rub, nil)
	assert.Contains(t, string(doc), "| 投入 | 预算配置 | 在职人员控制率 | 以100%为标准，≤100%计10分；每超过一个百分点扣0.5分，扣完为止。 | 10 | 10.00 | 在职人员控制率 95.10%，未超过100%，得10分 |")
	res, err := markdown.ImportResultWith("form.md", doc, markdown.ImportOptions{Rubric: rub})
	require.NoError(t, err)
	assert.Empty(t, res.Unplaced)
	back := res.Form.(*evaluation.DepartmentEvaluationForm)
	sheet := rub.Score(unfiled.Input)
	for _, is := range sheet.Items {
		if is.Score != nil {
			assert.True(t, back.Reported.Scores[is.Key].Equal(*is.Score), is.Key)
		}
		assert.Equal(t, is.Reason.Zh, back.Reported.Reasons[is.Key], is.Key)
	}
	assert.Equal(t, sheet.Total.StringFixed(2), back.Reported.TotalScore.StringFixed(2))
	assert.Empty(t, sheet.ScoreMismatches(rub.Weight().Sub(rub.Weight())), "the filled-in sheet agrees with itself")
	// Drawn again, the filled-in sheet is drawn as filed: the same page.
	assert.Equal(t, string(doc), string(renderEvaluation(t, back, rub, nil)))
}

// A sheet as a department publishes it: merged level cells left blank,
// 指标说明 for the reasons, the basic data as group | figure | value
// rows, a line naming the department. The rubric maps its rows to items;
// a row it has no item for is unplaced, a standard it words otherwise is
// kept in extra.
func TestEvaluationPublishedSheet(t *testing.T) {
	const doc = `部门整体支出绩效评价基础数据表

填报单位：某局

| 财政供养人员情况 | 编制数 | 143 |
|---|---|---|
| | 实际在职人数 | 136人 |
| “三公”经费 | 本年预算数 | 63.46 |
| | 上年预算数 | 32 |
| 部门整体支出预算 | 年初结余 | 19.8 |
| | 年初预算 | 1922.76 |
| | 本年追加预算 | 767.86 |
| | 年末结余数 | 19.8 |

2018年度部门整体支出绩效评价指标表

| 一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 得分 | 指标说明 |
|---|---|---|---|---|---|---|
| 投入 | 预算配置 | 在职人员控制率 | 以100%为标准。在职人员控制率≤100%，计8分；每超过一个百分点扣0.5分，扣完为止。 | 8 | 8 | 比率为95.10%。 |
| | | “三公经费”变动率 | “三公经费”变动率≤0，计8分；超过的每个百分点扣0.8分。 | 8 | 0 | (63.46-32)÷32=98.31% |
| 过程 | 预算执行 | 预算完成率 | 100%计满分，每低于5%扣2分，扣完为止。 | 8分 | 8 | 99.27% |
| | | 预算控制率 | 预算控制率=0，计8分；0-10%(含)，计6分；10-20%(含)，计4分；20-30%(含)，计2分；大于30%不得分 | 8 | — | |
| 产出 | 职责履行 | 实际完成率 | 未公布 | 5 | 5 | |
`
	rub := readRubric(t, workedRubricPath)
	res, err := markdown.ImportResultWith("sheet.md", []byte(doc), markdown.ImportOptions{Rubric: rub})
	require.NoError(t, err)
	f := res.Form.(*evaluation.DepartmentEvaluationForm)
	assert.Equal(t, "某局", f.Department)
	assert.Equal(t, 2018, f.Year)
	assert.Equal(t, "136", f.Basic.Staff.Actual.String())
	assert.Equal(t, "19.8", f.Basic.Budget.PriorCarryover.Text())
	assert.Equal(t, "19.8", f.Basic.Budget.YearEndBalance.Text())
	scores := map[string]string{}
	for k, v := range f.Reported.Scores {
		scores[k] = v.String()
	}
	assert.Equal(t, map[string]string{"投入/预算配置/在职人员控制率": "8", "投入/预算配置/“三公经费”变动率": "0", "过程/预算执行/预算完成率": "8",
		"产出/职责履行/实际完成率": "5"}, scores)
	assert.Equal(t, "(63.46-32)÷32=98.31%", f.Reported.Reasons["投入/预算配置/“三公经费”变动率"])

	assert.Empty(t, res.Unplaced)
	var notes []string
	for _, r := range res.Readings {
		notes = append(notes, r.Text+": "+r.Note.Zh)
	}
	assert.Contains(t, notes, "实际完成率: 评分办法中没有这一项，按其指标层级记为“产出/职责履行/实际完成率”")
	var kept []string
	for _, x := range f.Extra {
		kept = append(kept, x.Label)
	}
	assert.Equal(t, []string{"评分标准：投入/预算配置/“三公经费”变动率", "评分标准：产出/职责履行/实际完成率", "分值：产出/职责履行/实际完成率"}, kept,
		"a standard worded otherwise is kept, and those of a row the rubric has not")
	assert.Empty(t, res.Missing)

	// Scored by its rubric, the sheet as filed agrees with it, and the row
	// the rubric has not is said.
	rep := evaluation.Evaluate(f, rubricHolder{*rub})
	require.NotNil(t, rep.Sheet)
	assert.Empty(t, rep.Sheet.ScoreMismatches(rep.Sheet.Total.Sub(rep.Sheet.Total)))
	require.Len(t, rep.Sheet.Unplaced, 1)
	assert.Equal(t, "reported.scores.产出/职责履行/实际完成率", rep.Sheet.Unplaced[0].Key)

	// Without the rubric, the rows are keyed by their own levels and
	// their standards and weights are kept in extra; nothing is lost.
	res, err = markdown.ImportResult("sheet.md", []byte(doc))
	require.NoError(t, err)
	assert.Empty(t, res.Unplaced)
	f = res.Form.(*evaluation.DepartmentEvaluationForm)
	assert.Contains(t, f.Reported.Scores, "产出/职责履行/实际完成率")
	assert.Len(t, f.Extra, 10)
}

// A blank sheet (the layout drawn from nothing) is a department
// evaluation that misses its name, year and basic data.
func TestEvaluationBlankSheet(t *testing.T) {
	form, err := evaluation.Decode("x.yaml", []byte("kind: department-evaluation\nrubric: yueyang-2018\n"))
	require.NoError(t, err)
	doc := renderEvaluation(t, form, nil, nil)
	res, err := markdown.ImportResult("blank.md", doc)
	require.NoError(t, err)
	var missing []string
	for _, m := range res.Missing {
		missing = append(missing, m.What)
	}
	assert.Equal(t, []string{"department", "year", "basic"}, missing)
	assert.Empty(t, res.Unplaced)
	f := res.Form.(*evaluation.DepartmentEvaluationForm)
	assert.Equal(t, "yueyang-2018", f.Rubric)
	assert.NotEmpty(t, f.Reported.Reasons, "the rubric's reasons for what it cannot score")
	assert.True(t, strings.Contains(string(doc), "| 基础数据表 | 财政供养人员情况 | 编制数 | |"), string(doc))
}

type rubricHolder struct{ r rubric.Rubric }

func (h rubricHolder) Check(*evaluation.Subject) []evaluation.Finding { return nil }
func (h rubricHolder) Rubric() (rubric.Rubric, bool)                  { return h.r, true }

// A department evaluation whose texts equal the labels only this kind
// prints (评分办法, 基础数据表, 编制数, 说明 …) reads back as it was: the
// renderer marks each such value as data, as it does the labels of the
// other kinds.
func TestEvaluationLabelTextsRoundTrip(t *testing.T) {
	rub := readRubric(t, exampleRubricPath)
	for _, s := range vocab.EvaluationSpellings() {
		form := &evaluation.DepartmentEvaluationForm{
			Department: s, Code: s, Year: 2018, Unit: budget.TenThousandYuan, Rubric: "test-example",
			Input: rubric.Input{
				Judgements: map[string]rubric.Judgement{"投入/目标设定/绩效目标合理性": {Note: s}},
				Reported:   rubric.Reported{Reasons: map[string]string{"投入/预算配置/在职人员控制率": s}},
			},
			Extra: []evaluation.Extra{{Label: "联系电话", Text: s}},
		}
		one := decimal.NewFromInt(1)
		form.Basic.Staff.Authorized = &one
		doc := renderEvaluation(t, form, rub, nil)
		res, err := markdown.ImportResultWith("form.md", doc, markdown.ImportOptions{Rubric: rub})
		require.NoError(t, err, s)
		assert.Empty(t, res.Unplaced, s)
		assert.Empty(t, res.Missing, s)
		assert.Equal(t, evaluation.Form(form), res.Form, s)
	}
}

// A second 评价年度 that says another year is reported, not read over the
// first: a year is one figure, and the one dropped must be said.
func TestEvaluationYearGivenTwice(t *testing.T) {
	const doc = `部门整体支出绩效评价评分表

| 部门名称 | 某局 | 评价年度 | 2018年 |
|---|---|---|---|
| 评价年度 | 2019年 | | |
| 评价年度 | 2018 | | |

| 基础数据表 | 财政供养人员情况 | 编制数 | 143 |
|---|---|---|---|
`
	res, err := markdown.ImportResult("year.md", []byte(doc))
	require.NoError(t, err)
	assert.Equal(t, 2018, res.Form.(*evaluation.DepartmentEvaluationForm).Year)
	require.Len(t, res.Unplaced, 1, "the other year is said; the same year again is not")
	assert.Equal(t, "2019年", res.Unplaced[0].Text)
	assert.Equal(t, 5, res.Unplaced[0].Line)
	assert.False(t, res.Complete())
}
