package xlsx_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/xlsx"
)

func exportExample(t *testing.T, path string) (*excelize.File, string) {
	t.Helper()
	book, err := xlsx.Export(readForm(t, path))
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

func TestExportDepartmentLayout(t *testing.T) {
	book, sheet := exportExample(t, examples[0])
	assert.Equal(t, []string{evaluation.Department.Label()}, book.GetSheetList())

	cells := map[string]string{
		"A1": "部门整体支出绩效自评表", "A2": "单位：万元",
		"A3": "部门名称", "C3": "中国共产党广州市天河区委员会政法委员会", "E3": "被评价年度",
		"A4": "部门资金情况", "B4": "部门调整预算收入", "D4": "部门年初预算收入",
		"B5": "实际支出数", "D5": "年度预算调整数", "B6": "其中：一般公共预算",
		"B7": "预算完成率", "D7": "预算调整率", "B8": "预算完成率（计算值）", "D8": "预算调整率（计算值）",
		"A9": "年度目标", "B9": "部门整体支出的预期目标", "D9": "部门整体支出的目标完成情况",
		"A14": "主要任务", "B14": "预期目标", "C14": "目标完成情况", "D14": "关键指标", "E14": "指标完成情况", "F14": "任务涉及资金",
		"A15": "任务1", "D15": "矛盾纠纷化解率", "E15": "98.70%",
		"A28": "重点项目绩效情况", "A30": "部门整体绩效", "A31": "存在问题", "A32": "改进措施或下一步计划",
	}
	for ref, want := range cells {
		got, err := book.GetCellValue(sheet, ref)
		require.NoError(t, err)
		assert.Equal(t, want, got, ref)
	}

	// Amounts and the year are numbers, stored exactly as written, shown
	// with the decimals written.
	for ref, want := range map[string]struct{ raw, format, shown string }{
		"C4":  {"2395.15", "0.00", "2395.15"},
		"E4":  {"2902.64", "0.00", "2902.64"},
		"F15": {"16.6", "0.0", "16.6"},
		"F23": {"24", "0", "24"},
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

	// The computed rates are formulas next to the printed ones.
	for ref, want := range map[string]string{
		"C8": `IF(OR(C4="",C5=""),"",IFERROR(C5/C4,""))`,
		"E8": `IF(OR(C4="",E4=""),"",IFERROR(ABS(C4-E4)/E4,""))`,
	} {
		got, err := book.GetCellFormula(sheet, ref)
		require.NoError(t, err)
		assert.Equal(t, want, got, ref)
		assert.Equal(t, "0.00%", numFmt(t, book, sheet, ref), ref)
		v, err := book.CalcCellValue(sheet, ref)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"C8": "99.99%", "E8": "17.48%"}[ref], v, ref)
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
		"A1:F1", "A3:B3", "C3:D3", "A4:A8", "A9:A13", "D10:F13",
		"A15:A17", "B15:B17", "C15:C17", "F15:F17", // 任务1 over its three indicator rows
		"A18:A22", "F18:F22", "B29:C29", "B30:F30",
	} {
		assert.Contains(t, refs, want)
	}

	// Wrapped text, borders, column widths.
	id, err := book.GetCellStyle(sheet, "B15")
	require.NoError(t, err)
	st, err := book.GetStyle(id)
	require.NoError(t, err)
	assert.True(t, st.Alignment.WrapText)
	assert.Len(t, st.Border, 4)
	w, err := book.GetColWidth(sheet, "B")
	require.NoError(t, err)
	assert.Greater(t, w, 20.0)
	h, err := book.GetRowHeight(sheet, 30)
	require.NoError(t, err)
	assert.Greater(t, h, 30.0, "a long text gets a tall row")
}

func TestExportProjectLayout(t *testing.T) {
	book, sheet := exportExample(t, examples[1])
	for ref, want := range map[string]string{
		"A1": "项目支出绩效自评表", "A3": "项目名称", "B3": "智慧校园建设", "A4": "主管部门", "D4": "实施单位", "G4": "评价年度",
		"A5": "项目资金（万元）", "C5": "年初预算数", "D5": "全年预算数", "E5": "全年执行数", "F5": "分值", "G5": "执行率", "H5": "得分", "I5": "执行率（计算值）",
		"B6": "年度资金总额", "G6": "95.00%", "H6": "9.5", "B7": "其中：本年财政拨款",
		"A8": "年度总体目标", "B8": "预期目标", "F8": "实际完成情况",
		"A10": "绩效指标", "B10": "一级指标", "C10": "二级指标", "D10": "三级指标", "E10": "年度指标值", "F10": "实际完成值", "G10": "分值", "H10": "得分", "I10": "偏差原因分析及改进措施",
		"B11": "产出指标（50分）", "H15": "18.89",
		"A18": "总分", "H18": "97.39", "A19": "评价等级", "G19": "优",
	} {
		got, err := book.GetCellValue(sheet, ref)
		require.NoError(t, err)
		assert.Equal(t, want, got, ref)
	}
	f, err := book.GetCellFormula(sheet, "I6")
	require.NoError(t, err)
	assert.Equal(t, `IF(OR(D6="",E6=""),"",IFERROR(E6/D6,""))`, f)
	v, err := book.CalcCellValue(sheet, "I6")
	require.NoError(t, err)
	assert.Equal(t, "95.00%", v)
	assert.Equal(t, "0.00%", numFmt(t, book, sheet, "G6"))
	assert.Equal(t, "0.00", numFmt(t, book, sheet, "H15"))
	assert.Equal(t, "0", numFmt(t, book, sheet, "C6"))

	merges, err := book.GetMergeCells(sheet, true)
	require.NoError(t, err)
	var refs []string
	for _, m := range merges {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	// 一级指标 merged over its rows; 二级指标 rows differ, so no merge there.
	assert.Contains(t, refs, "B11:B14")
	assert.Contains(t, refs, "B15:B16")
	assert.Contains(t, refs, "A10:A17")
	assert.Contains(t, refs, "A18:F18")
}

func TestExportRefusesLossyValues(t *testing.T) {
	for name, src := range map[string]string{
		"control character": "kind: department-self-evaluation\noverall: \"a\\x01b\"\n",
		"cell too long":     "kind: department-self-evaluation\noverall: " + string(make([]byte, 0)) + longText(40000) + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			form, err := evaluation.Decode("f.yaml", []byte(src))
			require.NoError(t, err)
			_, err = xlsx.Export(form)
			assert.ErrorIs(t, err, xlsx.ErrUnrepresentable)
		})
	}
	_, err := xlsx.Export(nil)
	assert.Error(t, err)
	_, err = xlsx.Export((*evaluation.ProjectForm)(nil))
	assert.Error(t, err)
}

func longText(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'a'
	}
	return string(b)
}
