package xlsx_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/xlsx"
)

// sheetBuilder writes a sheet by hand, as another tool would.
type sheetBuilder struct {
	t     *testing.T
	f     *excelize.File
	sheet string
}

func newSheet(t *testing.T, name string) *sheetBuilder {
	f := excelize.NewFile()
	if name != "Sheet1" {
		require.NoError(t, f.SetSheetName("Sheet1", name))
	}
	return &sheetBuilder{t: t, f: f, sheet: name}
}

// set writes text cells (strings) by reference.
func (b *sheetBuilder) set(cells map[string]string) {
	for ref, v := range cells {
		require.NoError(b.t, b.f.SetCellStr(b.sheet, ref, v))
	}
}

// num writes a number cell with the stored text as given (raw) and a
// number format code ("" for General).
func (b *sheetBuilder) num(ref, raw, format string) {
	require.NoError(b.t, b.f.SetCellDefault(b.sheet, ref, raw))
	if format != "" {
		style, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &format})
		require.NoError(b.t, err)
		require.NoError(b.t, b.f.SetCellStyle(b.sheet, ref, ref, style))
	}
}

func (b *sheetBuilder) bytes() []byte {
	var buf bytes.Buffer
	_, err := b.f.WriteTo(&buf)
	require.NoError(b.t, err)
	require.NoError(b.t, b.f.Close())
	return buf.Bytes()
}

func amountString(a *budget.Amount) string {
	if a == nil {
		return "<nil>"
	}
	return a.String()
}

// TestImportForeignDepartment reads a department sheet laid out by
// someone else: everything shifted one column and two rows, an extra
// blank column between labels and values, no merges, amounts as text with
// thousands separators, a float artefact, the year as text, a formula in
// the rate cell, the key project as published (one cell).
func TestImportForeignDepartment(t *testing.T) {
	b := newSheet(t, "自评表")
	b.set(map[string]string{
		"B1": "2021年度 部门整体支出绩效自评表",
		"H2": "金额单位：万元",
		"B3": "部门名称", "D3": "某区某局", "F3": "被评价年度", "G3": "2021年",
		"B5": "部门资金情况", "C5": "部门调整预算收入：", "E5": "2,395.15", "F5": "部门 年初预算收入", "H5": "—",
		"C6": "实际支出数", "F6": "年度预算调整数", "H6": "507.49",
		"C7": "其中：一般公共预算",
		"C8": "预算完成率", "F8": "预算调整率", "H8": "17.48%",
		"B10": "年度目标", "C10": "部门整体支出的预期目标", "F10": "部门整体支出的目标完成情况",
		"C11": "目标一", "F11": "完成了",
		"C12": "目标二",
		"B14": "主要任务", "C14": "预期目标", "D14": "目标完成情况", "E14": "关键指标", "F14": "指标完成情况", "G14": "任务涉及资金",
		"B15": "任务1", "C15": "预期1", "D15": "完成1", "E15": "指标1", "F15": "98.70%",
		"E16": "指标2", "F16": "0起",
		"B17": "任务2", "C17": "预期2", "E17": "指标3", "F17": "下降", "G17": "488.36",
		"B19": "重点项目绩效情况", "C19": "项目甲\n5个项目绩效指标均完成。\n主要绩效：……",
		"B20": "部门整体绩效", "C20": "整体情况",
		"B21": "存在问题", "E21": "问题若干",
		"B22": "改进措施或下一步计划", "C22": "改进",
	})
	b.num("E6", "2394.8300000000001", "0.00") // a float artefact from another writer
	b.num("E7", "2394.83", "")
	b.num("G15", "16.6", "0.00") // shown as 16.60: read as printed
	// The rate as a formula with its cached result, as Excel saves it.
	b.num("E8", "0.99986639", "0.00%")
	require.NoError(t, b.f.SetCellFormula(b.sheet, "E8", "E6/E5"))

	form, err := xlsx.Import("foreign.xlsx", b.bytes())
	require.NoError(t, err)
	d, ok := form.(*evaluation.DepartmentForm)
	require.True(t, ok, "a department form, got %T", form)

	assert.Equal(t, "某区某局", d.Department)
	assert.Equal(t, 2021, d.Year)
	assert.Equal(t, budget.TenThousandYuan, d.Unit)
	assert.Equal(t, "2395.15", amountString(d.Funds.AdjustedBudget))
	assert.Nil(t, d.Funds.InitialBudget, "— means not applicable")
	assert.Equal(t, "2394.83", amountString(d.Funds.ActualExpenditure))
	assert.Equal(t, "507.49", amountString(d.Funds.Adjustment))
	require.Len(t, d.Funds.Sources, 1)
	assert.Equal(t, budget.GeneralPublicBudget, d.Funds.Sources[0].Kind)
	assert.Equal(t, "2394.83", amountString(d.Funds.Sources[0].ActualExpenditure))
	require.NotNil(t, d.Funds.Reported.CompletionRate)
	assert.Equal(t, "99.99%", d.Funds.Reported.CompletionRate.String())
	require.NotNil(t, d.Funds.Reported.AdjustmentRate)
	assert.Equal(t, "17.48%", d.Funds.Reported.AdjustmentRate.String())

	assert.Equal(t, []string{"目标一", "目标二"}, d.Goals.Expected)
	assert.Equal(t, "完成了", d.Goals.Achieved)

	require.Len(t, d.Tasks, 2)
	assert.Equal(t, "任务1", d.Tasks[0].Name)
	assert.Equal(t, "预期1", d.Tasks[0].Expected)
	assert.Equal(t, "完成1", d.Tasks[0].Achieved)
	assert.Equal(t, "16.60", amountString(d.Tasks[0].Funds))
	assert.Equal(t, []evaluation.Indicator{{Name: "指标1", Actual: "98.70%"}, {Name: "指标2", Actual: "0起"}}, d.Tasks[0].Indicators)
	assert.Equal(t, "任务2", d.Tasks[1].Name)
	assert.Equal(t, "488.36", amountString(d.Tasks[1].Funds))
	assert.Equal(t, []evaluation.Indicator{{Name: "指标3", Actual: "下降"}}, d.Tasks[1].Indicators)

	require.Len(t, d.KeyProjects, 1)
	assert.Equal(t, "项目甲", d.KeyProjects[0].Name)
	assert.Equal(t, "5个项目绩效指标均完成。\n主要绩效：……", d.KeyProjects[0].Summary)
	assert.Equal(t, "整体情况", d.Overall)
	assert.Equal(t, "问题若干", d.Problems)
	assert.Equal(t, "改进", d.Improvements)

	r := evaluation.Evaluate(d, nil)
	assert.Equal(t, "99.99%", r.Figures.CompletionRate.String())
	assert.Equal(t, "504.96", r.Figures.TaskFundsTotal.String())
}

// TestImportForeignProject reads a project sheet with its header cells as
// column headers over their values, the year in a subtitle, its own merges
// and the official form's "（A）" notes in the funds headers.
func TestImportForeignProject(t *testing.T) {
	b := newSheet(t, "Sheet1")
	b.set(map[string]string{
		"A1": "项目支出绩效自评表", "A2": "（2025年度）",
		"A3": "项目名称", "B3": "主管部门", "C3": "实施单位",
		"A4": "智慧校园", "B4": "教育局", "C4": "信息中心",
		"A6": "项目资金（元）", "C6": "年初预算数", "D6": "全年预算数（A）", "E6": "全年执行数（B）", "F6": "分值", "G6": "执行率（B/A）", "H6": "得分",
		"B7": "年度资金总额",
		"B8": "其中：当年财政拨款",
		"B9": "上年结转资金", "C9": "—", "D9": "—",
		"A11": "年度总体目标", "B11": "预期目标", "E11": "实际完成情况",
		"B12": "完成改造", "E12": "已完成",
		"A14": "绩效指标", "B14": "一级指标", "C14": "二级指标", "D14": "三级指标", "E14": "年度指标值", "F14": "实际完成值", "G14": "分值", "H14": "得分", "I14": "偏差原因分析及改进措施",
		"B15": "产出指标", "C15": "数量指标", "D15": "设备数", "E15": "≥100台", "F15": "100台",
		"C16": "质量指标", "D16": "合格率", "E16": "100%", "F16": "98%", "I16": "个别设备返修",
		"B17": "满意度指标", "C17": "满意度", "D17": "师生满意度", "E17": "≥90%", "F17": "93%",
		"A19": "总分", "H19": "97.39",
		"A20": "评价等级", "B20": "优",
	})
	require.NoError(t, b.f.MergeCell(b.sheet, "B15", "B16"))
	for ref, raw := range map[string]string{"C7": "1000000", "D7": "1000000", "E7": "950000", "F7": "10", "H7": "9.5",
		"C8": "1000000", "D8": "1000000", "E8": "950000", "E9": "0", "G15": "20", "H15": "20", "G16": "15", "H16": "14.7", "G17": "10", "H17": "10"} {
		b.num(ref, raw, "")
	}
	b.num("G7", "0.95", "0.00%")

	form, err := xlsx.Import("foreign-project.xlsx", b.bytes())
	require.NoError(t, err)
	p, ok := form.(*evaluation.ProjectForm)
	require.True(t, ok, "a project form, got %T", form)
	assert.Equal(t, "智慧校园", p.Project)
	assert.Equal(t, "教育局", p.Department)
	assert.Equal(t, "信息中心", p.ImplementingUnit)
	assert.Equal(t, 2025, p.Year)
	assert.Equal(t, budget.Yuan, p.Unit)
	assert.Equal(t, "1000000.00", amountString(p.Funds.InitialBudget))
	assert.Equal(t, "950000.00", amountString(p.Funds.ActualExpenditure))
	assert.Equal(t, budget.Yuan, p.Funds.ActualExpenditure.Unit())
	require.NotNil(t, p.Funds.Weight)
	assert.Equal(t, "10", p.Funds.Weight.String())
	assert.Equal(t, "95.00%", p.Funds.Reported.ExecutionRate.String())
	assert.Equal(t, "9.5", p.Funds.Reported.Score.String())
	require.Len(t, p.Funds.Sources, 2)
	assert.Equal(t, budget.CurrentAppropriation, p.Funds.Sources[0].Kind)
	assert.Equal(t, budget.PriorCarryover, p.Funds.Sources[1].Kind)
	assert.Nil(t, p.Funds.Sources[1].InitialBudget)
	assert.Equal(t, "0.00", amountString(p.Funds.Sources[1].ActualExpenditure))
	assert.Equal(t, evaluation.Goals{Expected: []string{"完成改造"}, Achieved: "已完成"}, p.Goals)
	require.Len(t, p.Indicators, 3)
	assert.Equal(t, "产出指标", p.Indicators[1].Level1, "a merged level cell covers its rows")
	assert.Equal(t, "质量指标", p.Indicators[1].Level2)
	assert.Equal(t, "个别设备返修", p.Indicators[1].Deviation)
	assert.Equal(t, "14.7", p.Indicators[1].Score.String())
	assert.Equal(t, "满意度指标", p.Indicators[2].Level1)
	assert.Equal(t, "97.39", p.Reported.TotalScore.String())
	assert.Equal(t, "优", p.Reported.Grade)

	r := evaluation.Evaluate(p, nil)
	require.NotNil(t, r.Score)
	assert.Equal(t, "95.00%", r.Figures.ExecutionRate.String())
}

// TestImportExportedThenMoved moves every cell of an exported sheet two
// rows down and three columns right (an inserted blank column included):
// labels, not positions, find the values.
func TestImportExportedThenMoved(t *testing.T) {
	for _, path := range examples {
		form := readForm(t, path)
		book, err := xlsx.Workbook(form, xlsx.ExportOptions{})
		require.NoError(t, err)
		sheet := book.GetSheetList()[0]
		require.NoError(t, book.InsertRows(sheet, 1, 2))
		require.NoError(t, book.InsertCols(sheet, "A", 2))
		require.NoError(t, book.InsertCols(sheet, "D", 1))
		var buf bytes.Buffer
		_, err = book.WriteTo(&buf)
		require.NoError(t, err)
		back, err := xlsx.Import("moved.xlsx", buf.Bytes())
		require.NoError(t, err, path)
		assert.Equal(t, form, back, path)
	}
}
