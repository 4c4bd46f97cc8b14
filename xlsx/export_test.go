package xlsx_test

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/xlsx"
)

func exportExample(t *testing.T, path string) (*excelize.File, string) {
	t.Helper()
	book, err := xlsx.Workbook(readForm(t, path), xlsx.ExportOptions{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = book.Close() })
	return book, book.GetSheetList()[0]
}

func numFmt(t *testing.T, book *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := book.GetCellStyle(sheet, ref)
	require.NoError(t, err)
	st, err := book.GetStyle(id)
	require.NoError(t, err)
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// The department sheet is the layout Render draws (the published
// Guangzhou form): the same rows, merged where Render's cells span.
func TestExportDepartmentLayout(t *testing.T) {
	book, sheet := exportExample(t, examples[0])
	assert.Equal(t, []string{evaluation.Department.Label()}, book.GetSheetList())

	cells := map[string]string{
		"A1": "部门整体支出绩效自评表", "A2": "单位：万元",
		"A3": "部门名称", "C3": "中国共产党广州市天河区委员会政法委员会", "E3": "被评价年度",
		"A4": "部门资金情况", "B4": "部门调整预算收入", "D4": "部门年初预算收入",
		"B5": "实际支出数", "D5": "年度预算调整数", "B6": "其中：一般公共预算",
		"B7": "预算完成率", "D7": "预算调整率",
		"A8": "年度目标", "B8": "部门整体支出的预期目标", "D8": "部门整体支出的目标完成情况",
		"A10": "主要任务", "B10": "预期目标", "C10": "目标完成情况", "D10": "关键指标", "E10": "指标完成情况", "F10": "任务涉及资金",
		"A11": "任务1", "D11": "矛盾纠纷化解率", "E11": "98.70%",
		"A24": "重点项目绩效情况", "A25": "部门整体绩效", "A26": "存在问题", "A27": "改进措施或下一步计划",
		"A29": "预算完成率（计算值）", "A30": "预算调整率（计算值）",
	}
	for ref, want := range cells {
		got, err := book.GetCellValue(sheet, ref)
		require.NoError(t, err)
		assert.Equal(t, want, got, ref)
	}
	goals, err := book.GetCellValue(sheet, "B9")
	require.NoError(t, err)
	assert.Equal(t, 4, len(strings.Split(goals, "\n")), "one goal a line")

	// Amounts and the year are numbers, stored exactly as written, shown
	// with the decimals written.
	for ref, want := range map[string]struct{ raw, format, shown string }{
		"C4":  {"2395.15", "0.00", "2395.15"},
		"E4":  {"2902.64", "0.00", "2902.64"},
		"F11": {"16.6", "0.0", "16.6"},
		"F19": {"24", "0", "24"},
		"F3":  {"2021", `0"年"`, "2021年"},
		"C7":  {"0.9999", "0.00%", "99.99%"},
		"E7":  {"0.1748", "0.00%", "17.48%"},
	} {
		typ, err := book.GetCellType(sheet, ref)
		require.NoError(t, err)
		assert.Contains(t, []excelize.CellType{excelize.CellTypeUnset, excelize.CellTypeNumber}, typ, ref)
		raw, err := book.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		assert.Equal(t, want.raw, raw, ref)
		assert.Equal(t, want.format, numFmt(t, book, sheet, ref), ref)
		shown, err := book.GetCellValue(sheet, ref)
		require.NoError(t, err)
		assert.Equal(t, want.shown, shown, ref)
	}

	// The computed rates are formulas under the form; the printed ones
	// stay values.
	for ref, want := range map[string]string{
		"C29": `IF(OR(C4="",C5=""),"",IFERROR(C5/C4,""))`,
		"C30": `IF(OR(C4="",E4=""),"",IFERROR(ABS(C4-E4)/E4,""))`,
	} {
		got, err := book.GetCellFormula(sheet, ref)
		require.NoError(t, err)
		assert.Equal(t, want, got, ref)
		assert.Equal(t, "0.00%", numFmt(t, book, sheet, ref), ref)
		v, err := book.CalcCellValue(sheet, ref)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"C29": "99.99%", "C30": "17.48%"}[ref], v, ref)
	}
	for _, ref := range []string{"C7", "E7", "C4"} {
		got, err := book.GetCellFormula(sheet, ref)
		require.NoError(t, err)
		assert.Empty(t, got, "the printed value stays a value: %s", ref)
	}

	merges, err := book.GetMergeCells(sheet, true)
	require.NoError(t, err)
	var refs []string
	for _, m := range merges {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, want := range []string{
		"A1:F1", "A3:B3", "C3:D3", "A4:A7", "A8:A9", "D9:F9",
		"A11:A13", "B11:B13", "C11:C13", "F11:F13", // 任务1 over its three indicator rows
		"A14:A18", "F14:F18", "C24:F24", "B25:F25",
	} {
		assert.Contains(t, refs, want)
	}

	// Wrapped text, borders, column widths.
	id, err := book.GetCellStyle(sheet, "B11")
	require.NoError(t, err)
	st, err := book.GetStyle(id)
	require.NoError(t, err)
	assert.True(t, st.Alignment.WrapText)
	assert.Len(t, st.Border, 4)
	w, err := book.GetColWidth(sheet, "B")
	require.NoError(t, err)
	assert.Greater(t, w, 20.0)
	h, err := book.GetRowHeight(sheet, 25)
	require.NoError(t, err)
	assert.Greater(t, h, 30.0, "a long text gets a tall row")
}

func TestExportProjectLayout(t *testing.T) {
	book, sheet := exportExample(t, examples[1])
	for ref, want := range map[string]string{
		"A1": "项目支出绩效自评表", "A2": "（2025年度）", "A3": "单位：万元", "A4": "项目名称", "B4": "智慧校园建设", "A5": "主管部门", "E5": "实施单位",
		"A6": "项目资金", "C6": "年初预算数", "D6": "全年预算数", "E6": "全年执行数", "F6": "分值", "G6": "执行率", "H6": "得分",
		"B7": "年度资金总额", "G7": "95.00%", "H7": "9.5", "B8": "其中：本年财政拨款",
		"A9": "年度总体目标", "B9": "预期目标", "F9": "实际完成情况",
		"A11": "绩效指标", "B11": "一级指标", "C11": "二级指标", "D11": "三级指标", "E11": "年度指标值", "F11": "实际完成值", "G11": "分值", "H11": "得分", "I11": "偏差原因分析及改进措施",
		"B12": "产出指标（50分）", "H16": "18.89",
		"A19": "总分", "H19": "97.39", "A20": "评价等级", "B20": "优", "A24": "规则配置", "B24": "national",
		"A25": "执行率（计算值）",
	} {
		got, err := book.GetCellValue(sheet, ref)
		require.NoError(t, err)
		assert.Equal(t, want, got, ref)
	}
	f, err := book.GetCellFormula(sheet, "C25")
	require.NoError(t, err)
	assert.Equal(t, `IF(OR(D7="",E7=""),"",IFERROR(E7/D7,""))`, f)
	v, err := book.CalcCellValue(sheet, "C25")
	require.NoError(t, err)
	assert.Equal(t, "95.00%", v)
	assert.Equal(t, "0.00%", numFmt(t, book, sheet, "G7"))
	assert.Equal(t, "0.00", numFmt(t, book, sheet, "H16"))
	assert.Equal(t, "0", numFmt(t, book, sheet, "C7"))

	merges, err := book.GetMergeCells(sheet, true)
	require.NoError(t, err)
	var refs []string
	for _, m := range merges {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	// 一级指标 merged over its rows; 二级指标 rows differ, so no merge there.
	assert.Contains(t, refs, "B12:B15")
	assert.Contains(t, refs, "B16:B17")
	assert.Contains(t, refs, "A11:A18")
	assert.Contains(t, refs, "B20:I20")
}

func TestExportRefusesLossyValues(t *testing.T) {
	for name, src := range map[string]string{
		"control character": "kind: department-self-evaluation\noverall: \"a\\x01b\"\n",
		"cell too long":     "kind: department-self-evaluation\noverall: " + string(make([]byte, 0)) + longText(40000) + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			form, err := evaluation.Decode("f.yaml", []byte(src))
			require.NoError(t, err)
			_, err = xlsx.Workbook(form, xlsx.ExportOptions{})
			assert.ErrorIs(t, err, xlsx.ErrUnrepresentable)
		})
	}
	_, err := xlsx.Workbook(nil, xlsx.ExportOptions{})
	assert.Error(t, err)
	err = xlsx.Export(io.Discard, (*evaluation.ProjectForm)(nil))
	assert.Error(t, err)
}

func longText(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'a'
	}
	return string(b)
}
