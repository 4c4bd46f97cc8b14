package markdown_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/markdown"
)

func importResult(t *testing.T, doc string) *imports.Result {
	t.Helper()
	res, err := markdown.ImportResult("doc.md", []byte(doc))
	require.NoError(t, err)
	return res
}

// notes returns the English notes of the readings at a key path.
func notes(res *imports.Result, path string) []string {
	var out []string
	for _, r := range res.Readings {
		if r.Path == path {
			out = append(out, r.Note.En)
		}
	}
	return out
}

const fundsDoc = `项目支出绩效自评表

（2024年度）

| 项目名称 | 示例项目 | | | | | | |
|---|---|---|---|---|---|---|---|
| 主管部门 | 示例局 | | | 实施单位 | 示例中心 | | |
| 项目资金 | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| | 年度资金总额 | INIT | ADJ | ACT | 10 | RATE | |
`

// Readings that are not literal are made and reported: an amount with a
// unit printed in it, a rate printed without %, told a ratio or a
// percentage by the form's own amounts.
func TestImportReadings(t *testing.T) {
	for _, tt := range []struct {
		name             string
		init, adj, act   string
		rate             string
		wantAdj, wantAct string
		wantRate         string
		note             string // a note at the rate's or the amount's path
	}{
		{"150万 in a 万元 form", "150", "150万", "150", "100%", "150.00", "150.00", "100%", "150万 read as 150 万元"},
		{"元 converted", "150", "1,500,000元", "150", "100%", "150.0000", "150.00", "100%", "1,500,000元 read as 150.0000 万元"},
		{"亿元 converted", "150", "0.015亿元", "150", "100%", "150.00", "150.00", "100%", "0.015亿元 read as 150 万元"},
		{"万元 as the form's unit is literal", "150", "150万元", "150", "100%", "150.00", "150.00", "100%", ""},
		{"a ratio that agrees", "100", "100", "95.8", "0.958", "100.00", "95.80", "95.8%", "0.958 printed without %, read as the ratio 95.8% (agrees with 95.80% computed from the form's amounts)"},
		{"a percentage that agrees", "100", "100", "95", "95", "100.00", "95.00", "95%", "95 printed without %, read as 95% (agrees with 95.00% computed from the form's amounts)"},
		{"1 as a full ratio", "100", "100", "100", "1", "100.00", "100.00", "100%", "1 printed without %, read as the ratio 100% (agrees with 100.00% computed from the form's amounts)"},
		{"1 as one percent", "100", "100", "1", "1", "100.00", "1.00", "1%", "1 printed without %, read as 1% (agrees with 1.00% computed from the form's amounts)"},
		{"neither agrees: at most 1 is a ratio", "29", "29", "27.8", "0.958", "29.00", "27.80", "95.8%", "0.958 printed without %, read as the ratio 95.8% (a value of at most 1 is a ratio)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.NewReplacer("INIT", tt.init, "ADJ", tt.adj, "ACT", tt.act, "RATE", tt.rate).Replace(fundsDoc)
			res := importResult(t, doc)
			assert.Empty(t, res.Unplaced)
			p := project(t, res.Form)
			assert.Equal(t, tt.wantAdj, p.Funds.AdjustedBudget.String())
			assert.Equal(t, tt.wantAct, p.Funds.ActualExpenditure.String())
			assert.Equal(t, tt.wantRate, p.Funds.Reported.ExecutionRate.String())
			all := append(notes(res, "funds.reported.execution_rate"), notes(res, "funds.adjusted_budget")...)
			if tt.note == "" {
				assert.Empty(t, all)
			} else {
				assert.Contains(t, all, tt.note)
			}
		})
	}
}

// The year is taken from a title of any wording, or from a heading row
// above the form's table, and the reading reported.
func TestImportYearFromTitleOrHeading(t *testing.T) {
	body := `| 项目名称 | 文物保护 | | |
|---|---|---|---|
| 项目资金 | | 全年预算数 | 全年执行数 |
| | 年度资金总额 | 29 | 27.8 |
`
	res := importResult(t, "市级文物保护专项经费绩效自评表(2022年度)\n\n"+body)
	p := project(t, res.Form)
	assert.Equal(t, 2022, p.Year)
	// A title that says more than the kind and the year is kept whole.
	assert.Equal(t, []evaluation.Extra{{Label: "标题", Text: "市级文物保护专项经费绩效自评表(2022年度)"}}, p.Extra)
	assert.Equal(t, []string{"the year 2022 taken from the title"}, notes(res, "year"))
	assert.Empty(t, res.Missing)

	res = importResult(t, "| 2020年市本级项目支出绩效自评 |\n|---|\n\n"+body)
	assert.Equal(t, 2020, project(t, res.Form).Year)
	assert.Equal(t, []string{"the year 2020 taken from the heading row"}, notes(res, "year"))

	res = importResult(t, body)
	assert.Equal(t, 0, project(t, res.Form).Year)
	require.Len(t, res.Missing, 1)
	assert.Equal(t, "year", res.Missing[0].What)
}

// A blank template's rows (指标1, ……, level names alone) are skipped and
// reported, never read as indicators; a line break inside a level name is
// folded and reported.
func TestImportTemplateRowsAndFoldedLabels(t *testing.T) {
	doc := `项目支出绩效自评表（2022年度）

| 项目名称 | 示例 | | | | | | |
|---|---|---|---|---|---|---|---|
| 项目资金 | | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |
| | 年度资金总额 | 100 | 100 | 10 | 100% | 10 | |
| 绩效指标 | 一级<br>指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| | 产出指标 | 数量指标 | 完成数 | ≥1个 | 1个 | 50 | 50 |
| | | | 指标2： | | | | |
| | | | …… | | | | |
| | 效益指标 | 经济效益<br>指标 | 指标1 | | | | |
| | | 社会效益<br>指标 | 受益人数 | ≥10人 | 12人 | 30 | 30 |
| | 满意度指标 | | | | | | |
`
	res := importResult(t, doc)
	assert.Empty(t, res.Unplaced)
	p := project(t, res.Form)
	require.Len(t, p.Indicators, 2)
	assert.Equal(t, evaluation.Indicator{Level1: "效益指标", Level2: "社会效益指标", Name: "受益人数", Target: "≥10人", Actual: "12人",
		Weight: p.Indicators[1].Weight, Score: p.Indicators[1].Score}, p.Indicators[1])
	assert.Len(t, res.Skipped, 4, "指标2：, ……, 指标1 and 满意度指标 alone")
	assert.Contains(t, notes(res, "indicators[1].level2"), "the line break or space in “社会效益⏎指标” was folded: 社会效益指标")
	var labelNotes int
	for _, r := range res.Readings {
		if r.Path == "" && strings.Contains(r.Note.En, "一级⏎指标") {
			labelNotes++
		}
	}
	assert.Equal(t, 1, labelNotes, "the folded label is reported")
}

// A control character is refused however a document writes it: raw, or as
// an entity decoded (&#x1b;, &#27;), with the same words.
func TestImportRefusesControlCharactersAlike(t *testing.T) {
	seed := readSeed(t)
	var msgs []string
	for _, esc := range []string{"\x1b", "&#x1b;", "&#27;", "&#X1B;"} {
		doc := strings.Replace(seed, "| 2395.15 |", "| 2395.15 |\n| | x"+esc+"[2J |", 1)
		_, err := markdown.Import("esc.md", []byte(doc))
		require.Error(t, err, "%q", esc)
		assert.ErrorIs(t, err, markdown.ErrNotAForm)
		assert.Contains(t, err.Error(), "control character U+001B")
		msgs = append(msgs, err.Error())
	}
	// The raw one is refused for its line, an entity for its line and column.
	assert.Equal(t, "esc.md:10: not a form: control character U+001B", msgs[0])
	for _, m := range msgs[1:] {
		assert.Equal(t, "esc.md:10: not a form: column 2: control character U+001B", m)
	}
}

// A form whose texts hold control characters renders them as entities,
// which Import refuses as it refuses them raw: no road carries them.
func TestRenderWritesControlCharactersAsEntities(t *testing.T) {
	f := &evaluation.ProjectForm{Project: "a\x1b[2Jb", Overall: "c\x07d"}
	out := render(t, f, nil)
	assert.NotContains(t, out, "\x1b")
	assert.NotContains(t, out, "\x07")
	assert.Contains(t, out, "a&#x1b;[2Jb")
	_, err := markdown.Import("r.md", []byte(out))
	assert.ErrorIs(t, err, markdown.ErrNotAForm)
}

// A cell longer than a form's text may be is refused at import, naming
// its line: what Import writes, evaluate reads.
func TestImportRefusesAnOverlongCell(t *testing.T) {
	doc := strings.Replace(readSeed(t), "| <p>存在问题</p> |", "| <p>存在问题</p> | "+strings.Repeat("字", 25_000)+" |\n| <p>旧问题</p> |", 1)
	_, err := markdown.ImportResult("long.md", []byte(doc))
	var ie *markdown.ImportError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, markdown.ErrLimit)
	assert.Equal(t, 37, ie.Line)
	assert.Contains(t, err.Error(), "longer than 65536 bytes")
}

// A title says the kind: a declaration or a monitoring form is read as
// such, never as a self-evaluation, whatever labels they share.
func TestImportReadsTheKindTheTitleSays(t *testing.T) {
	for title, kind := range map[string]evaluation.Kind{
		"项目支出绩效目标申报表": evaluation.Declaration, "项目绩效目标批复表": evaluation.Declaration,
		"黄石市项目支出绩效监控表": evaluation.Monitoring, "项目支出绩效自评表": evaluation.Project} {
		res, err := markdown.ImportResult("k.md", []byte(title+"\n\n| 项目名称 | 某项目 |\n|---|---|\n"))
		require.NoError(t, err, title)
		assert.Equal(t, kind, res.Form.Kind(), title)
	}
}
