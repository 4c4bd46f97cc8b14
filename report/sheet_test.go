package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/htmltest"
	"github.com/perfeval/perfeval/report"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rules"
)

// sheetReport evaluates a department evaluation by a rubric with weights
// summing to 100 and a text from the form in a reason.
func sheetReport(t *testing.T, lang evaluation.Lang) evaluation.Report {
	t.Helper()
	r, err := rubric.Parse("r.yaml", []byte(`kind: rubric
name: r
items:
  - path: [投入, 预算配置, 在职人员控制率]
    weight: 60
    measure: staff_control_rate
    deduct: {above: 100%, step: 1%, points: 0.5}
  - path: [投入, 目标设定, 绩效目标合理性]
    weight: 40
    judged: true
`))
	require.NoError(t, err)
	f, err := evaluation.Decode("f.yaml", []byte(`kind: department-evaluation
department: "某局\x1b[31m<script>"
year: 2018
basic: {staff: {authorized: 100, actual: 104}}
judgements: {投入/目标设定/绩效目标合理性: {score: 30, note: "<b>目标|不清</b>"}}
reported: {scores: {投入/预算配置/在职人员控制率: 58}}
`))
	require.NoError(t, err)
	rep := evaluation.Evaluate(f, rules.NationalProfile().WithRubric(r))
	rep.Source, rep.Lang = "f.yaml", lang
	return rep
}

func TestSheetInTextAndMarkdown(t *testing.T) {
	rep := sheetReport(t, evaluation.Chinese)
	var b bytes.Buffer
	require.NoError(t, report.Text(&b, &rep))
	out := b.String()
	assert.Contains(t, out, "总分：88.00（良；评分办法 r）")
	assert.Contains(t, out, "投入 · 预算配置 · 在职人员控制率  58.00/60（填报 58）")
	assert.Contains(t, out, "在职人员控制率 104.00%，超过100% 4个百分点，扣2分")
	assert.NotContains(t, out, "\x1b", "no raw escape reaches a terminal")

	b.Reset()
	require.NoError(t, report.Markdown(&b, &rep))
	md := b.String()
	assert.Contains(t, md, "| 投入 | 预算配置 | 在职人员控制率 | 60 | 58.00 | 58 | 在职人员控制率 104.00%，超过100% 4个百分点，扣2分 |")
	assert.Contains(t, md, `评价人评分30分："&lt;b&gt;目标\|不清&lt;/b&gt;"`, "the note escaped: no HTML, no broken table")
	assert.NotContains(t, md, "<b>")

	en := sheetReport(t, evaluation.English)
	b.Reset()
	require.NoError(t, report.Text(&b, &en))
	assert.Contains(t, b.String(), "total score: 88.00 (良, rubric r)")
	assert.Contains(t, b.String(), "58.00/60 (filed 58)")
}

// The HTML page lists a department evaluation with its total and grade,
// and its sheet under its row, every text escaped.
func TestSheetOnHTMLPage(t *testing.T) {
	rep := sheetReport(t, evaluation.Chinese)
	var b bytes.Buffer
	p := report.NewHTMLPage(&b, evaluation.Chinese)
	require.NoError(t, p.Add(&rep))
	require.NoError(t, p.Close())
	root, err := html.Parse(strings.NewReader(b.String()))
	require.NoError(t, err)
	assert.Empty(t, htmltest.Find(root, func(n *html.Node) bool { return n.Data == "script" }))
	row := byID(root, "row-1")
	require.NotNil(t, row)
	cells := cellsOf(row)
	assert.Equal(t, "88.00", cells[6])
	assert.Equal(t, "良", cells[7])
	sheet := byID(root, "sheet-1")
	require.NotNil(t, sheet)
	assert.Contains(t, textOf(sheet), "在职人员控制率 104.00%，超过100% 4个百分点，扣2分")
	assert.Contains(t, textOf(sheet), `"<b>目标|不清</b>"`, "a text of the form, escaped by the template")
	assert.Equal(t, "1", textOf(byID(root, "total-forms")))
}

// A department evaluation's judgements and reported scores are keyed by
// item path, which a form may write with any character an escape can
// spell: the finding's cell and key path must reach a terminal, a
// Markdown table and a page with every control character visible.
func TestItemPathKeysShownSafely(t *testing.T) {
	f, err := evaluation.Decode("f.json", []byte(`{"kind": "department-evaluation", "department": "某局", "year": 2018,
"judgements": {"过程/支付进度\u001b[2J\n伪造\u0007": {"violations": 1}},
"reported": {"scores": {"a\r\u202eb": 1}}}`))
	require.NoError(t, err)
	r, err := rubric.Builtin("yueyang-2018")
	require.NoError(t, err)
	for _, lang := range []evaluation.Lang{evaluation.Chinese, evaluation.English} {
		rep := evaluation.Evaluate(f, rules.NationalProfile().WithRubric(r))
		rep.Source, rep.Lang = "f.json", lang
		var text, md, page bytes.Buffer
		require.NoError(t, report.Text(&text, &rep))
		require.NoError(t, report.Markdown(&md, &rep))
		p := report.NewHTMLPage(&page, lang)
		require.NoError(t, p.Add(&rep))
		require.NoError(t, p.Close())
		for name, out := range map[string]string{"text": text.String(), "markdown": md.String(), "html": page.String()} {
			assert.Contains(t, out, `\x1b[2J`, "%s %s: the key is shown, made visible", lang, name)
			for _, c := range []string{"\x1b", "\a", "\r", "\u202e", "\n伪造"} {
				assert.NotContains(t, out, c, "%s %s: %q raw", lang, name, c)
			}
		}
	}
}
