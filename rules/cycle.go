package rules

import (
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/narrative"
)

// The rules of the performance cycle: declaration.* (declaration.go),
// monitoring.* (monitoring.go) and trace.* (trace.go), and what
// text.missing and narrative.mismatch check on the two new kinds (the
// helpers below, which text.go and narrative.go call).
//
// Decisions where the contract is silent:
//
//   - text.missing reports an empty 实施单位 as info: several published
//     layouts name only a 预算单位 or 项目执行单位.
//   - declaration.dimensions counts a 二级指标 naming 满意度 as a
//     satisfaction indicator: the 财预〔2011〕285号 layout puts
//     社会公众或服务对象满意度指标 under 效益指标.
//   - declaration.not-measurable looks at the annual 产出 rows; an empty
//     target is not measurable, a target that cannot be read at all is
//     left to text.placeholder.
//   - declaration.deadline-outside checks every deadline target, annual
//     and long-term; a deadline without a year (12月底前) is of the form's
//     year.
//   - declaration.percent-range takes a name with 率, 满意度, 占比, 比例,
//     比重 or 覆盖面 for a share, unless it names a change (增长, 增幅, 提高率,
//     变动率, 收益率 …).
//   - declaration.attribute reads the ticked options of a printed choice,
//     and says nothing of a choice left unticked; the recognised values are
//     the parameters project_attributes and project_types.
//   - monitoring.behind-schedule uses the rate computed from the amounts,
//     else the rate as printed; with a schedule, a month before its first
//     floor is not checked, and the rate is compared with the floor at two
//     decimals.
//   - monitoring.explanation-missing: a form-level 偏差 or 举措 row (the
//     Huangshi layout) explains every indicator.
//   - The trace rules hold later stages to the declaration (see trace.go);
//     trace.target-changed reports a stricter target as info, and a
//     severity override of the set applies to its error findings only.

// cycleTextMissing reports the required texts of a declaration (项目名称,
// 主管部门, 年度目标; 实施单位 as info, since several published layouts name
// only a 预算单位) and of a monitoring form (项目名称, 主管部门). empty
// reports a blank text at the rule's severity. It does nothing for
// other kinds.
func cycleTextMissing(c *Context, empty func(path, zh, en, v string)) {
	switch f := c.Form.(type) {
	case *evaluation.DeclarationForm:
		empty("project", "项目名称", "the project name", f.Project)
		empty("department", "主管部门", "the department", f.Department)
		if strings.TrimSpace(strings.Join(f.Goals.Annual, "")) == "" {
			c.Report("goals.annual", text("年度目标未填写", "the annual goal is empty"), "", "")
		}
		if strings.TrimSpace(f.ImplementingUnit) == "" {
			c.ReportAt(evaluation.Info, "implementing_unit", text("项目实施单位未填写", "the implementing unit is empty"), "", "")
		}
	case *evaluation.MonitoringForm:
		empty("project", "项目名称", "the project name", f.Project)
		empty("department", "主管部门", "the department", f.Department)
	}
}

// cycleNarrative runs narrative.mismatch over a declaration (its 年度目标
// against the annual indicators' targets) or a monitoring form (its
// 执行情况 against the indicators' 1-X月执行情况), and reports whether the
// form was one of the two.
func cycleNarrative(c *Context) bool {
	var (
		sections []narrative.Section
		cell     string
		value    func(r *evaluation.CycleRow) indicator.Value
	)
	switch f := c.Form.(type) {
	case *evaluation.DeclarationForm:
		for i, g := range f.Goals.Annual {
			sections = append(sections, narrative.Section{Path: fmt.Sprintf("goals.annual[%d]", i), Text: g})
		}
		cell, value = "target", func(r *evaluation.CycleRow) indicator.Value { return r.Target }
	case *evaluation.MonitoringForm:
		sections = append(sections, narrative.Section{Path: "goals.progress", Text: f.Goals.Progress})
		cell, value = "progress", func(r *evaluation.CycleRow) indicator.Value { return r.Progress }
	default:
		return false
	}
	var claims []narrative.Claim
	for i := range c.Rows {
		r := &c.Rows[i]
		v := value(r)
		if r.LongTerm || (v.Kind() != indicator.Quantity && v.Kind() != indicator.Text) {
			continue
		}
		if n, ok := v.Number(); ok {
			claims = append(claims, narrative.Claim{Path: r.Path + "." + cell, Name: r.Name, Value: n, Unit: v.Unit()})
		}
	}
	for _, m := range narrative.FindForYear(c.Form.Header().Year, sections, claims) {
		var table string
		for i := range c.Rows {
			if c.Rows[i].Path+"."+cell == m.Claim.Path {
				table = value(&c.Rows[i]).Raw()
				break
			}
		}
		c.Report(m.Section,
			text(fmt.Sprintf("“%s”所述 %s 与指标“%s”（%s）的 %s 不一致", m.Clause, m.Text, m.Claim.Name, m.Claim.Path, table),
				fmt.Sprintf("%q states %s, but the indicator %q (%s) says %s", m.Clause, m.Text, m.Claim.Name, m.Claim.Path, table)),
			table, m.Text)
	}
	return true
}

// declarationOf and monitoringOf return the form of the subject when it
// is of that kind, else nil.
func declarationOf(c *Context) *evaluation.DeclarationForm {
	f, _ := c.Form.(*evaluation.DeclarationForm)
	return f
}

func monitoringOf(c *Context) *evaluation.MonitoringForm {
	f, _ := c.Form.(*evaluation.MonitoringForm)
	return f
}

// isDimension reports whether a 二级指标 names the dimension: "成本" for
// 成本指标 (also 经济成本指标, 社会成本指标, 生态环境成本指标, as 财预〔2021〕101号
// splits it), "时效" for 时效指标.
func isDimension(level2, dim string) bool {
	return strings.Contains(strings.ReplaceAll(level2, " ", ""), dim)
}

// levelWords are the canonical words (indicator.Value.Word) of the
// qualitative scales that state a level a result can be checked against:
// grades, satisfaction, achievement, yes and no. Trends (上升, 下降,
// 持平) state a direction but no level, and free text states neither.
var levelWords = map[string]bool{
	"达成预期指标": true, "已完成": true, "按时完成": true, "部分达成": true, "基本完成": true,
	"未达成": true, "未完成": true, "未按时完成": true,
	"优秀": true, "良好": true, "合格": true, "中等": true, "不合格": true, "差": true,
	"非常满意": true, "满意": true, "基本满意": true, "不满意": true,
	"是": true, "有": true, "否": true, "无": true,
}

// isLevel reports whether a qualitative value is a recognised level:
// a word of levelWords or a rank (第一名, 前三名).
func isLevel(v indicator.Value) bool {
	if v.Kind() != indicator.Qualitative {
		return false
	}
	w := v.Word()
	if levelWords[w] {
		return true
	}
	return (strings.HasPrefix(w, "第") || strings.HasPrefix(w, "前")) && strings.HasSuffix(w, "名")
}
