package xlsx_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/xlsx"
)

// labelTexts are texts every reader knows as labels. A cell holding one
// is still data where the layout puts data.
var labelTexts = []string{"得分", "分值", "年初预算数", "项目名称", "部门名称", "主要任务", "一级指标", "三级指标",
	"合计", "总分", "评价等级", "存在问题", "绩效指标", "预期目标", "实际完成情况", "其中：一般公共预算", "注：见附件", "……", "指标1"}

// TestLabelTextsRoundTrip: export then import gives back the same form
// whatever text its cells hold, a label's included (an indicator named
// 得分, an actual 年初预算数, overall: 项目名称), in Excel and in Markdown.
func TestLabelTextsRoundTrip(t *testing.T) {
	base := readForm(t, "../examples/project/form.yaml").(*evaluation.ProjectForm)
	dept := readForm(t, "../examples/tianhe2021/form.yaml").(*evaluation.DepartmentForm)
	for _, text := range labelTexts {
		p := *base
		p.Indicators = append([]evaluation.Indicator(nil), base.Indicators...)
		p.Indicators[1].Name = text
		p.Indicators[2].Actual = text
		p.Indicators[3].Target = text
		p.Indicators[4].Deviation = text
		p.Overall, p.Problems = text, text
		p.ImplementingUnit = text
		p.Goals = evaluation.Goals{Expected: []string{text}, Achieved: text}
		d := *dept
		d.Tasks = append([]evaluation.Task(nil), dept.Tasks...)
		d.Tasks[1].Expected = text
		d.Tasks[2].Achieved = text
		d.Tasks[0].Indicators = append([]evaluation.Indicator(nil), dept.Tasks[0].Indicators...)
		d.Tasks[0].Indicators[1].Name = text
		d.Tasks[0].Indicators[2].Actual = text
		d.Overall, d.Improvements = text, text
		d.Goals = evaluation.Goals{Expected: []string{text, "二"}, Achieved: text}
		for _, f := range []evaluation.Form{&p, &d} {
			t.Run(string(f.Kind())+"/"+text, func(t *testing.T) {
				back, err := xlsx.Import("labels.xlsx", writeBytes(t, f))
				require.NoError(t, err)
				assert.Equal(t, f, back, "Excel")
				var md bytes.Buffer
				require.NoError(t, markdown.Render(&md, f, nil))
				back, err = markdown.Import("labels.md", md.Bytes())
				require.NoError(t, err)
				assert.Equal(t, f, back, "Markdown")
			})
		}
	}
}
