package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/layout"
)

// The lists' limit here is the file format's own: a form of MaxList tasks
// decodes, one of MaxList+1 does not.
func TestLimitsAgree(t *testing.T) {
	form := func(n int) []byte {
		var b strings.Builder
		b.WriteString("kind: department-self-evaluation\ntasks:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - name: t%d\n", i)
		}
		return []byte(b.String())
	}
	_, err := evaluation.Decode("ok.yaml", form(layout.MaxList))
	assert.NoError(t, err)
	_, err = evaluation.Decode("over.yaml", form(layout.MaxList+1))
	assert.Error(t, err)
	assert.Equal(t, evaluation.MaxTextBytes, layout.MaxTextBytes)
}

func TestCheckText(t *testing.T) {
	for _, ok := range []string{"", "text", "tab\there", "line\nbreak", "全角　空格", "emoji 🙂", "\u202e bidi"} {
		assert.NoError(t, layout.CheckText(ok), "%q", ok)
	}
	for s, why := range map[string]string{
		"\x00": "U+0000", "a\x1bb": "U+001B", "cr\r": "U+000D", "\x7f": "U+007F", "\u0085": "U+0085",
		"\uffff": "U+FFFF", "\xff": "not valid UTF-8",
	} {
		err := layout.CheckText(s)
		require.Error(t, err, "%q", s)
		assert.ErrorIs(t, err, layout.ErrText)
		assert.Contains(t, err.Error(), why)
	}
}

func TestNeedsLiteral(t *testing.T) {
	for _, s := range []string{"得分", "项目名称", "注：见附件", "……", "指标1", "附件1", "（2022年度）", "部门整体支出绩效自评表", "其中：上年结转"} {
		assert.True(t, layout.NeedsLiteral(s), s)
	}
	for _, s := range []string{"", "设备采购数量", "95%", "优秀", "2021年12月底前"} {
		assert.False(t, layout.NeedsLiteral(s), s)
	}
}

func TestListText(t *testing.T) {
	for _, items := range [][]string{{"a"}, {"a", "b"}, {"a\nb", "c"}, {"一", "二\n三", "四"}} {
		assert.Equal(t, items, layout.ListItems(layout.ListText(items)))
	}
}

func TestParseYear(t *testing.T) {
	for s, want := range map[string]int{"2021": 2021, "2021年": 2021, "2021年度": 2021, "（2021年度）": 2021, "２０２１年": 2021, " 1949 ": 1949} {
		y, err := layout.ParseYear(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, y, s)
	}
	for _, s := range []string{"", "21年", "1948", "2201", "二〇二一", "20211"} {
		_, err := layout.ParseYear(s)
		assert.Error(t, err, s)
	}
}

// Runs of equal level cells merge; a 二级指标 run restarts under a new
// 一级指标 even where the text repeats.
func TestMergeRuns(t *testing.T) {
	cell := func(col int, text string) *layout.Cell {
		return &layout.Cell{Col: col, Text: text, Run: true, ColSpan: 1, RowSpan: 1}
	}
	a1, a2, b1 := cell(0, "产出"), cell(1, "数量"), cell(0, "产出")
	b2, c1, c2 := cell(1, "数量"), cell(0, "效益"), cell(1, "数量")
	tb := &layout.Table{Width: 2, Rows: [][]*layout.Cell{{a1, a2}, {b1, b2}, {c1, c2}}}
	spans := tb.MergeRuns()
	assert.Equal(t, 2, spans[a1])
	assert.Equal(t, 0, spans[b1])
	assert.Equal(t, 2, spans[a2])
	assert.Equal(t, 0, spans[b2])
	assert.Equal(t, 1, spans[c1])
	assert.Equal(t, 1, spans[c2], "restarts under 效益")
}

// A document that is no form, and one whose form would break the file
// format's limits, are errors naming where; anything else is an account.
func TestReadErrors(t *testing.T) {
	_, err := layout.Read(&layout.Input{})
	assert.ErrorIs(t, err, layout.ErrNotAForm)

	row := func(texts ...string) layout.Row {
		var r layout.Row
		for i, s := range texts {
			if s != "" {
				r.Cells = append(r.Cells, &layout.In{Col: i, Pos: imports.Position{Line: 1, Column: i + 1}, Text: s})
			}
		}
		return r
	}
	in := &layout.Input{Rows: []layout.Row{row("项目名称", "P"), row("绩效指标", "三级指标", "实际完成值")}}
	for i := range layout.MaxList + 1 {
		r := row("", fmt.Sprintf("指标%d名", i), "1")
		r.Cells[0].Pos.Line = i + 3
		in.Rows = append(in.Rows, r)
	}
	_, err = layout.Read(in)
	require.ErrorIs(t, err, layout.ErrLimit)
	var le *layout.Error
	require.ErrorAs(t, err, &le)
	assert.Equal(t, layout.MaxList+3, le.Pos.Line, "the first indicator too many")
}

func TestDecideRateZeroDenominator(t *testing.T) {
	// A form whose budget is 0 has no computed rate: 0.5 is a ratio, 50 a
	// percentage, by the rule for a value on its own.
	in := &layout.Input{Rows: []layout.Row{
		{Cells: []*layout.In{{Col: 0, Text: "项目名称"}, {Col: 1, Text: "P"}}},
		{Cells: []*layout.In{{Col: 0, Text: "项目资金"}, {Col: 2, Text: "全年预算数"}, {Col: 3, Text: "全年执行数"}, {Col: 4, Text: "执行率"}}},
		{Cells: []*layout.In{{Col: 1, Text: "年度资金总额"}, {Col: 2, Text: "0"}, {Col: 3, Text: "0"}, {Col: 4, Text: "0.5"}}},
	}}
	res, err := layout.Read(in)
	require.NoError(t, err)
	p := res.Form.(*evaluation.ProjectForm)
	assert.Equal(t, "50%", p.Funds.Reported.ExecutionRate.String())
	require.NotEmpty(t, res.Readings)
}
