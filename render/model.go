package render

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// cell is one drawn cell of the form's table.
type cell struct {
	text    string // shown as is (escaped); "\n" separates paragraphs
	path    string // key path of the form value shown, "" for a label
	label   bool   // a printed label of the form, not a value
	colspan int
	rowspan int
	num     bool // right-aligned figure
}

type table struct {
	cols  int
	rows  [][]*cell
	paths map[string]*cell
}

func newTable(cols int) *table { return &table{cols: cols, paths: map[string]*cell{}} }

func (t *table) row(cells ...*cell) {
	for _, c := range cells {
		if c.path != "" {
			if _, dup := t.paths[c.path]; !dup {
				t.paths[c.path] = c
			}
		}
	}
	t.rows = append(t.rows, cells)
}

func label(text string) *cell { return &cell{text: text, label: true} }

func value(path, text string) *cell { return &cell{text: text, path: path} }

func figure(path, text string) *cell { return &cell{text: text, path: path, num: true} }

func (c *cell) span(cols, rows int) *cell {
	c.colspan, c.rowspan = cols, rows
	return c
}

// as gives a label cell a path, so findings about a whole block show there.
func (c *cell) as(path string) *cell {
	c.path = path
	return c
}

func amount(a *budget.Amount) string {
	if a == nil {
		return ""
	}
	// As written on the form: 16.6 stays 16.6.
	d := a.Decimal()
	return d.StringFixed(max(0, -d.Exponent()))
}

func rate(r *budget.Rate) string {
	if r == nil {
		return ""
	}
	return r.String()
}

func number(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.StringFixed(max(0, -d.Exponent()))
}

func departmentTable(f *evaluation.DepartmentForm) *table {
	t := newTable(6)
	year := ""
	if f.Year != 0 {
		year = fmt.Sprintf("%d年", f.Year)
	}
	t.row(label("部门名称"), value("department", f.Department).span(3, 1), label("被评价年度"), value("year", year))

	funds := f.Funds
	fundRows := 3 + len(funds.Sources)
	t.row(label("部门资金情况").as("funds").span(1, fundRows),
		label("部门调整预算收入"), figure("funds.adjusted_budget", amount(funds.AdjustedBudget)),
		label("部门年初预算收入"), figure("funds.initial_budget", amount(funds.InitialBudget)).span(2, 1))
	t.row(label("实际支出数"), figure("funds.actual_expenditure", amount(funds.ActualExpenditure)),
		label("年度预算调整数"), figure("funds.adjustment", amount(funds.Adjustment)).span(2, 1))
	for i, s := range funds.Sources {
		p := fmt.Sprintf("funds.sources[%d]", i)
		t.row(label("其中："+s.Kind.Label()).as(p), figure(p+".actual_expenditure", amount(s.ActualExpenditure)),
			sourceBudgets(p, s).span(3, 1))
	}
	t.row(label("预算完成率"), figure("funds.reported.completion_rate", rate(funds.Reported.CompletionRate)),
		label("预算调整率"), figure("funds.reported.adjustment_rate", rate(funds.Reported.AdjustmentRate)).span(2, 1))

	t.row(label("年度目标").as("goals").span(1, 2), label("部门整体支出的预期目标").span(2, 1), label("部门整体支出的目标完成情况").span(3, 1))
	t.row(value("goals.expected", strings.Join(f.Goals.Expected, "\n")).span(2, 1), value("goals.achieved", f.Goals.Achieved).span(3, 1))

	t.row(label("主要任务").as("tasks"), label("预期目标"), label("目标完成情况"), label("关键指标"), label("指标完成情况"), label("任务涉及资金"))
	for i, task := range f.Tasks {
		p := fmt.Sprintf("tasks[%d]", i)
		n := max(1, len(task.Indicators))
		first := []*cell{
			label(task.Name).as(p).span(1, n),
			value(p+".expected", task.Expected).span(1, n),
			value(p+".achieved", task.Achieved).span(1, n),
		}
		fundsCell := figure(p+".funds", amount(task.Funds)).span(1, n)
		if len(task.Indicators) == 0 {
			t.row(append(first, value(p+".indicators", "").span(2, 1), fundsCell)...)
			continue
		}
		for j, ind := range task.Indicators {
			ip := fmt.Sprintf("%s.indicators[%d]", p, j)
			cells := []*cell{value(ip, indicatorName(ind)), value(ip+".actual", ind.Actual)}
			if j == 0 {
				cells = append(append(first, cells...), fundsCell)
			}
			t.row(cells...)
		}
	}

	kp := max(1, len(f.KeyProjects))
	for i := range kp {
		var cells []*cell
		if i == 0 {
			cells = append(cells, label("重点项目绩效情况").as("key_projects").span(1, kp))
		}
		if len(f.KeyProjects) == 0 {
			cells = append(cells, value("key_projects[0]", "").span(5, 1))
		} else {
			k := f.KeyProjects[i]
			p := fmt.Sprintf("key_projects[%d]", i)
			head := k.Name
			if k.Budget != nil {
				head += fmt.Sprintf("（预算 %s%s）", amount(k.Budget), f.Unit)
			}
			if k.SelfSelected {
				head += "（自选）"
			}
			cells = append(cells, value(p, head).span(2, 1), value(p+".summary", k.Summary).span(3, 1))
			t.paths[p+".budget"] = cells[len(cells)-2]
		}
		t.row(cells...)
	}
	t.row(label("部门整体绩效"), value("overall", f.Overall).span(5, 1))
	t.row(label("存在问题"), value("problems", f.Problems).span(5, 1))
	t.row(label("改进措施或下一步计划"), value("improvements", f.Improvements).span(5, 1))
	return t
}

// sourceBudgets shows a source row's budget columns, which the published
// layout has no cells for, so that none of the filed data is hidden.
func sourceBudgets(p string, s budget.Source) *cell {
	var parts []string
	if s.AdjustedBudget != nil {
		parts = append(parts, "调整预算 "+amount(s.AdjustedBudget))
	}
	if s.InitialBudget != nil {
		parts = append(parts, "年初预算 "+amount(s.InitialBudget))
	}
	return value(p+".adjusted_budget", strings.Join(parts, "；"))
}

func indicatorName(ind evaluation.Indicator) string {
	if ind.Target != "" {
		return ind.Name + "（指标值：" + ind.Target + "）"
	}
	return ind.Name
}

func projectTable(f *evaluation.ProjectForm) *table {
	t := newTable(8)
	year := ""
	if f.Year != 0 {
		year = fmt.Sprintf("%d年", f.Year)
	}
	t.row(label("项目名称"), value("project", f.Project).span(5, 1), label("年度"), value("year", year))
	t.row(label("主管部门"), value("department", f.Department).span(3, 1), label("实施单位"), value("implementing_unit", f.ImplementingUnit).span(3, 1))

	funds := f.Funds
	t.row(label("项目资金（"+f.Unit.String()+"）").as("funds").span(1, 2+len(funds.Sources)),
		label(""), label("年初预算数"), label("全年预算数（A）"), label("全年执行数（B）"), label("分值"), label("执行率（B/A）"), label("得分"))
	t.row(label("年度资金总额"),
		figure("funds.initial_budget", amount(funds.InitialBudget)),
		figure("funds.adjusted_budget", amount(funds.AdjustedBudget)),
		figure("funds.actual_expenditure", amount(funds.ActualExpenditure)),
		figure("funds.weight", number(funds.Weight)),
		figure("funds.reported.execution_rate", rate(funds.Reported.ExecutionRate)),
		figure("funds.reported.score", number(funds.Reported.Score)))
	for i, s := range funds.Sources {
		p := fmt.Sprintf("funds.sources[%d]", i)
		t.row(label(s.Kind.Label()).as(p),
			figure(p+".initial_budget", amount(s.InitialBudget)),
			figure(p+".adjusted_budget", amount(s.AdjustedBudget)),
			figure(p+".actual_expenditure", amount(s.ActualExpenditure)),
			label("—"), label("—"), label("—"))
	}

	t.row(label("年度总体目标").as("goals").span(1, 2), label("预期目标").span(4, 1), label("实际完成情况").span(3, 1))
	t.row(value("goals.expected", strings.Join(f.Goals.Expected, "\n")).span(4, 1), value("goals.achieved", f.Goals.Achieved).span(3, 1))

	t.row(label("一级指标").as("indicators"), label("二级指标"), label("三级指标"), label("年度指标值"), label("实际完成值"), label("分值"), label("得分"), label("偏差原因分析及改进措施"))
	// Level-one and level-two cells are merged over consecutive rows that
	// share them, as the printed form does.
	for i := 0; i < len(f.Indicators); i++ {
		ind := f.Indicators[i]
		p := fmt.Sprintf("indicators[%d]", i)
		var cells []*cell
		if i == 0 || f.Indicators[i-1].Level1 != ind.Level1 {
			n := 1
			for n+i < len(f.Indicators) && f.Indicators[n+i].Level1 == ind.Level1 {
				n++
			}
			cells = append(cells, value(p+".level1", ind.Level1).span(1, n))
		}
		if i == 0 || f.Indicators[i-1].Level2 != ind.Level2 || f.Indicators[i-1].Level1 != ind.Level1 {
			n := 1
			for n+i < len(f.Indicators) && f.Indicators[n+i].Level2 == ind.Level2 && f.Indicators[n+i].Level1 == ind.Level1 {
				n++
			}
			cells = append(cells, value(p+".level2", ind.Level2).span(1, n))
		}
		cells = append(cells,
			value(p, ind.Name), value(p+".target", ind.Target), value(p+".actual", ind.Actual),
			figure(p+".weight", number(ind.Weight)), figure(p+".score", number(ind.Score)), value(p+".deviation", ind.Deviation))
		t.row(cells...)
	}
	t.row(label("总分").as("reported"), figure("reported.total_score", number(f.Reported.TotalScore)).span(4, 1),
		label("评价等级"), value("reported.grade", f.Reported.Grade).span(2, 1))
	t.row(label("评价结论"), value("overall", f.Overall).span(7, 1))
	t.row(label("存在问题"), value("problems", f.Problems).span(7, 1))
	t.row(label("改进措施"), value("improvements", f.Improvements).span(7, 1))
	return t
}

// cellFor returns the drawn cell that shows a key path, or the nearest
// drawn ancestor's; nil when no ancestor is drawn.
func (t *table) cellFor(path string) *cell {
	for p := path; p != ""; p = parent(p) {
		if c, ok := t.paths[p]; ok {
			return c
		}
	}
	return nil
}

// parent strips the last segment of a key path: "a.b[2].c" → "a.b[2]" →
// "a.b" → "a" → "".
func parent(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}
