package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
	"github.com/perfeval/perfeval/rules/rulestest"
)

// Forms of one project-year that every rule is silent on, to break one
// cell at a time.
const cleanDeclaration = `
project: 智慧校园建设
code: "C1"
department: 教育局
implementing_unit: 信息中心
attribute: 新增项目
type: 一次性
period: {start: 2025年1月, end: 2025年12月}
year: 2025
funds: {total: 100, fiscal: 70, other: 30}
goals: {long_term: 建成智慧校园, annual: [采购设备20台]}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 设备采购数量, target: ≥20台, weight: 20}
  - {level1: 产出指标, level2: 时效指标, name: 项目完成时间, target: 2025年11月底前}
  - {level1: 产出指标, level2: 成本指标, name: 项目成本, target: ≤100万元}
  - {level1: 效益指标, level2: 社会效益指标, name: 教学信息化覆盖率, target: ≥95%}
  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 师生满意度, target: ≥90%}
`

const cleanMonitoring = `
project: 智慧校园建设
code: "C1"
department: 教育局
year: 2025
as_of: 7
funds: {annual_budget: 100, executed: 60, forecast: 98, reported: {execution_rate: 60.00%}}
goals: {annual: [采购设备20台], progress: 已采购设备12台}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 设备采购数量, target: ≥20台, progress: 12台, forecast: 20台, likelihood: 确定能}
  - {level1: 产出指标, level2: 时效指标, name: 项目完成时间, target: 2025年11月底前, progress: 进行中, forecast: 2025年11月底前, likelihood: 确定能}
  - {level1: 产出指标, level2: 成本指标, name: 项目成本, target: ≤100万元, progress: 60万元, forecast: 98万元, likelihood: 确定能}
  - {level1: 效益指标, level2: 社会效益指标, name: 教学信息化覆盖率, target: ≥95%, progress: 60%, forecast: 95%, likelihood: 有可能, deviation: {funding: 资金到位晚}, measures: 加快支付}
  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 师生满意度, target: ≥90%, progress: 未开展, forecast: 92%, likelihood: 确定能}
`

const cleanSelf = `
project: 智慧校园建设
code: "C1"
department: 教育局
year: 2025
funds: {initial_budget: 100, adjusted_budget: 100, actual_expenditure: 97}
goals: {expected: [采购设备20台], achieved: 已完成}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 设备采购数量, target: ≥20台, actual: 20台, weight: 20}
  - {level1: 产出指标, level2: 时效指标, name: 项目完成时间, target: 2025年11月底前, actual: 2025年11月20日, weight: 10}
  - {level1: 产出指标, level2: 成本指标, name: 项目成本, target: ≤100万元, actual: 97万元, weight: 20}
  - {level1: 效益指标, level2: 社会效益指标, name: 教学信息化覆盖率, target: ≥95%, actual: 96%, weight: 30}
  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 师生满意度, target: ≥90%, actual: 93%, weight: 10}
`

// cycleRuleIDs are the rules of the declaration, monitoring and trace
// families; TestCycleRulesFire breaks each.
var cycleRuleIDs = []string{
	"declaration.funds-balance", "declaration.dimensions", "declaration.cost-indicator", "declaration.cost-direction",
	"declaration.period", "declaration.deadline-outside", "declaration.not-measurable", "declaration.percent-range",
	"declaration.attribute",
	"monitoring.execution-rate", "monitoring.behind-schedule", "monitoring.explanation-missing", "monitoring.forecast-short",
	"trace.indicator-missing", "trace.indicator-added", "trace.target-changed", "trace.weight-changed",
	"trace.budget-changed", "trace.duplicate",
}

func replace(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic("test form has no " + old)
	}
	return strings.Replace(s, old, new, 1)
}

func dropLine(s, containing string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, containing) {
			out = append(out, l)
		}
	}
	if len(out) == len(strings.Split(s, "\n")) {
		panic("test form has no line with " + containing)
	}
	return strings.Join(out, "\n")
}

// stage builds a form of the cycle from its YAML.
type stage struct {
	kind evaluation.Kind
	yaml string
}

func (s stage) form(t *testing.T) evaluation.Form {
	t.Helper()
	switch s.kind {
	case evaluation.Declaration:
		return rulestest.Declaration(t, s.yaml)
	case evaluation.Monitoring:
		return rulestest.Monitoring(t, s.yaml)
	}
	return rulestest.Project(t, s.yaml)
}

func decl(y string) stage { return stage{evaluation.Declaration, y} }
func mon(y string) stage  { return stage{evaluation.Monitoring, y} }
func self(y string) stage { return stage{evaluation.Project, y} }

// Each rule of the new kinds fires on a form built to break it, at the
// cell it names, and is silent on the clean forms (linked to the clean
// earlier stages where the rule traces).
func TestCycleRulesFire(t *testing.T) {
	tests := []struct {
		name, rule string
		form       stage
		earlier    []stage // linked earlier stages
		params     []string
		paths      []string
		severity   evaluation.Severity
	}{
		{"balance", "declaration.funds-balance", decl(replace(cleanDeclaration, "other: 30", "other: 31")), nil, nil, []string{"funds.total"}, evaluation.Error},
		{"balance with a source row", "declaration.funds-balance", decl(replace(cleanDeclaration, "other: 30}", "other: 20, sources: [{name: 事业收入, amount: 9.99}]}")), nil, nil, []string{"funds.total"}, evaluation.Error},
		{"dimensions", "declaration.dimensions", decl(dropLine(cleanDeclaration, "师生满意度")), nil, nil, []string{"indicators"}, evaluation.Error},
		{"cost indicator", "declaration.cost-indicator", decl(dropLine(cleanDeclaration, "项目成本")), nil, nil, []string{"indicators"}, evaluation.Info},
		{"cost direction", "declaration.cost-direction", decl(replace(cleanDeclaration, "≤100万元", "≥100万元")), nil, nil, []string{"indicators[2].target"}, evaluation.Warning},
		{"period", "declaration.period", decl(replace(cleanDeclaration, "end: 2025年12月", "end: 2024.12")), nil, nil, []string{"period.end"}, evaluation.Error},
		{"deadline outside", "declaration.deadline-outside", decl(replace(cleanDeclaration, "end: 2025年12月", "end: 2025-10-31")), nil, nil, []string{"indicators[1].target"}, evaluation.Error},
		{"deadline without a year", "declaration.deadline-outside", decl(replace(replace(cleanDeclaration, "end: 2025年12月", "end: 2025年10月"), "2025年11月底前", "11月底前")), nil, nil, []string{"indicators[1].target"}, evaluation.Error},
		{"not measurable", "declaration.not-measurable", decl(replace(cleanDeclaration, "target: ≥20台", "target: 有效提升")), nil, nil, []string{"indicators[0].target"}, evaluation.Warning},
		{"not measurable: free text", "declaration.not-measurable", decl(replace(cleanDeclaration, "target: ≥20台", "target: 覆盖全区所有人员")), nil, nil, []string{"indicators[0].target"}, evaluation.Warning},
		{"not measurable: empty", "declaration.not-measurable", decl(replace(cleanDeclaration, ", target: ≥20台", "")), nil, nil, []string{"indicators[0].target"}, evaluation.Warning},
		{"percent range", "declaration.percent-range", decl(replace(cleanDeclaration, "name: 教学信息化覆盖率, target: ≥95%", "name: 教学信息化覆盖率, target: ≥105%")), nil, nil, []string{"indicators[3].target"}, evaluation.Warning},
		{"attribute", "declaration.attribute", decl(replace(cleanDeclaration, "attribute: 新增项目", "attribute: 基础建设、修缮类")), nil, nil, []string{"attribute"}, evaluation.Warning},
		{"type", "declaration.attribute", decl(replace(cleanDeclaration, "type: 一次性", "type: 长期")), nil, nil, []string{"type"}, evaluation.Warning},
		{"type ticked", "declaration.attribute", decl(replace(cleanDeclaration, "type: 一次性", "type: 1.基本建设类 □ 2.行政事业类 □ 3.其他专项类 √")), nil, nil, []string{"type"}, evaluation.Warning},

		{"execution rate", "monitoring.execution-rate", mon(replace(cleanMonitoring, "60.00%", "61.00%")), nil, nil, []string{"funds.reported.execution_rate"}, evaluation.Error},
		{"execution rate undefined", "monitoring.execution-rate", mon(replace(cleanMonitoring, "annual_budget: 100", "annual_budget: 0")), nil, nil, []string{"funds.reported.execution_rate"}, evaluation.Error},
		{"behind the time elapsed", "monitoring.behind-schedule", mon(replace(replace(cleanMonitoring, "executed: 60", "executed: 48.32"), "60.00%", "48.32%")), nil, nil, []string{"funds.executed"}, evaluation.Warning},
		{"behind a schedule", "monitoring.behind-schedule", mon(replace(replace(cleanMonitoring, "executed: 60", "executed: 39.99"), "60.00%", "39.99%")), nil,
			[]string{"schedule", "{4: 25%, 6: 40%, 8: 60%, 10: 80%}"}, []string{"funds.executed"}, evaluation.Warning},
		{"behind, the rate as printed", "monitoring.behind-schedule", mon(replace(replace(cleanMonitoring, "executed: 60, ", ""), "60.00%", "40.00%")), nil, nil, []string{"funds.executed"}, evaluation.Warning},
		{"explanation: deviation", "monitoring.explanation-missing", mon(replace(cleanMonitoring, ", deviation: {funding: 资金到位晚}", "")), nil, nil, []string{"indicators[3].deviation"}, evaluation.Error},
		{"explanation: measures", "monitoring.explanation-missing", mon(replace(cleanMonitoring, ", measures: 加快支付", "")), nil, nil, []string{"indicators[3].measures"}, evaluation.Error},
		{"explanation: 不可能", "monitoring.explanation-missing", mon(replace(cleanMonitoring, "likelihood: 确定能}\n  - {level1: 产出指标, level2: 成本指标", "likelihood: 不可能}\n  - {level1: 产出指标, level2: 成本指标")), nil, nil,
			[]string{"indicators[1].deviation", "indicators[1].measures"}, evaluation.Error},
		{"forecast short", "monitoring.forecast-short", mon(replace(cleanMonitoring, "forecast: 20台", "forecast: 18台")), nil, nil, []string{"indicators[0].forecast"}, evaluation.Warning},
		{"forecast late", "monitoring.forecast-short", mon(replace(cleanMonitoring, "forecast: 2025年11月底前", "forecast: 2025年12月底前")), nil, nil, []string{"indicators[1].forecast"}, evaluation.Warning},

		{"missing at self-evaluation", "trace.indicator-missing", self(dropLine(cleanSelf, "项目成本")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators"}, evaluation.Error},
		{"missing at monitoring", "trace.indicator-missing", mon(dropLine(cleanMonitoring, "师生满意度")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators"}, evaluation.Error},
		{"added at self-evaluation", "trace.indicator-added", self(cleanSelf + "  - {level1: 效益指标, level2: 社会效益指标, name: 新增指标, target: ≥1个, actual: 1个}\n"), []stage{decl(cleanDeclaration)}, nil, []string{"indicators[5].name"}, evaluation.Warning},
		{"lowered", "trace.target-changed", self(replace(cleanSelf, "target: ≥95%", "target: ≥90%")), []stage{decl(cleanDeclaration), mon(cleanMonitoring)}, nil, []string{"indicators[3].target"}, evaluation.Error},
		{"lowered at monitoring", "trace.target-changed", mon(replace(cleanMonitoring, "target: ≥95%", "target: 90%以上")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators[3].target"}, evaluation.Error},
		{"raised", "trace.target-changed", self(replace(cleanSelf, "target: ≥95%", "target: ≥96%")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators[3].target"}, evaluation.Info},
		{"ceiling raised", "trace.target-changed", self(replace(cleanSelf, "target: ≤100万元", "target: \"不超过1,200,000元\"")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators[2].target"}, evaluation.Error},
		{"another unit", "trace.target-changed", self(replace(cleanSelf, "target: ≥95%", "target: ≥95所")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators[3].target"}, evaluation.Error},
		{"another direction", "trace.target-changed", self(replace(cleanSelf, "target: ≥95%", "target: ≤95%")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators[3].target"}, evaluation.Error},
		{"not comparable", "trace.target-changed", self(replace(cleanSelf, "target: ≥95%", "target: 明显提升")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators[3].target"}, evaluation.Error},
		{"deadline later", "trace.target-changed", self(replace(cleanSelf, "target: 2025年11月底前", "target: 2025年12月31日前")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators[1].target"}, evaluation.Error},
		{"changed at monitoring, restored at self-evaluation", "trace.target-changed", self(cleanSelf),
			[]stage{decl(cleanDeclaration), mon(replace(cleanMonitoring, "target: ≥95%", "target: ≥90%"))}, nil, []string{"indicators[3].target"}, evaluation.Info},
		{"weight", "trace.weight-changed", self(replace(cleanSelf, "actual: 20台, weight: 20", "actual: 20台, weight: 25")), []stage{decl(cleanDeclaration)}, nil, []string{"indicators[0].weight"}, evaluation.Warning},
		{"budget", "trace.budget-changed", self(replace(cleanSelf, "initial_budget: 100", "initial_budget: 90")), []stage{decl(cleanDeclaration)}, nil, []string{"funds.initial_budget"}, evaluation.Info},
		{"two declarations", "trace.duplicate", self(cleanSelf), []stage{decl(cleanDeclaration), decl(cleanDeclaration)}, nil, []string{""}, evaluation.Warning},
		{"two monitoring forms of a month", "trace.duplicate", mon(cleanMonitoring), []stage{decl(cleanDeclaration), mon(cleanMonitoring)}, nil, []string{""}, evaluation.Warning},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rule(t, tt.rule)
			form := tt.form.form(t)
			var earlier []evaluation.Form
			for _, e := range tt.earlier {
				earlier = append(earlier, e.form(t))
			}
			links := rulestest.Link(form, earlier...)
			found := rulestest.RunLinked(t, r, form, links, tt.params...)
			require.NotEmpty(t, found)
			for _, p := range tt.paths {
				hit := false
				for _, f := range found {
					hit = hit || f.Path == p
				}
				assert.True(t, hit, "no finding at %q: %v", p, found)
			}
			for _, f := range found {
				assert.Equal(t, tt.rule, f.Rule)
				assert.Equal(t, tt.severity, f.Severity, f.Message.Zh)
				assert.NotEmpty(t, f.Message.Zh)
				assert.NotEmpty(t, f.Message.En)
			}
			// Silent on the clean form of the same kind, linked to the
			// clean earlier stages.
			clean := map[evaluation.Kind]string{evaluation.Declaration: cleanDeclaration, evaluation.Monitoring: cleanMonitoring, evaluation.Project: cleanSelf}
			cf := stage{tt.form.kind, clean[tt.form.kind]}.form(t)
			var cleanEarlier []evaluation.Form
			seen := map[evaluation.Kind]bool{tt.form.kind: true}
			for _, e := range tt.earlier {
				if !seen[e.kind] {
					seen[e.kind] = true
					cleanEarlier = append(cleanEarlier, stage{e.kind, clean[e.kind]}.form(t))
				}
			}
			assert.Empty(t, rulestest.RunLinked(t, r, cf, rulestest.Link(cf, cleanEarlier...), tt.params...))
		})
		covered[tt.rule] = true
	}
	for _, id := range cycleRuleIDs {
		assert.True(t, covered[id], "no test breaks %s", id)
	}
}

// Each rule stays silent where its reason does not hold, even on a form
// that is close to breaking it.
func TestCycleRulesSilent(t *testing.T) {
	tests := []struct {
		name, rule string
		form       stage
		earlier    []stage
		params     []string
	}{
		{"balance within the tolerance", "declaration.funds-balance", decl(replace(cleanDeclaration, "other: 30", "other: 30.5")), nil, []string{"balance_tolerance", "0.5"}},
		{"balance with a total only", "declaration.funds-balance", decl(replace(cleanDeclaration, "{total: 100, fiscal: 70, other: 30}", "{total: 100}")), nil, nil},
		{"balance across units", "declaration.funds-balance", decl(replace(cleanDeclaration, "other: 30", "other: 300000元")), nil, nil},
		{"satisfaction as a 二级指标 under 效益 (财预〔2011〕285号 layout)", "declaration.dimensions",
			decl(replace(cleanDeclaration, "level1: 满意度指标, level2: 服务对象满意度指标", "level1: 效益指标, level2: 社会公众或服务对象满意度指标")), nil, nil},
		{"long-term indicators do not count", "declaration.cost-indicator", decl(cleanDeclaration + "long_term_indicators:\n  - {level1: 产出指标, level2: 数量指标, name: x, target: 有效提升}\n"), nil, nil},
		{"cost as a unit price", "declaration.cost-direction", decl(replace(cleanDeclaration, "≤100万元", "1600元/亩")), nil, nil},
		{"a one-month period", "declaration.period", decl(replace(cleanDeclaration, "start: 2025年1月, end: 2025年12月", "start: 2025年3月, end: 2025年3月")), nil, nil},
		{"a deadline on the last day", "declaration.deadline-outside", decl(replace(cleanDeclaration, "2025年11月底前", "12月31日前")), nil, nil},
		{"no period", "declaration.deadline-outside", decl(replace(cleanDeclaration, "period: {start: 2025年1月, end: 2025年12月}\n", "")), nil, nil},
		{"a level and a count in words", "declaration.not-measurable", decl(replace(replace(cleanDeclaration, "target: ≥20台", "target: 合格"), "target: ≤100万元", "target: 形成1份调研报告")), nil, nil},
		{"a trend outside 产出", "declaration.not-measurable", decl(replace(cleanDeclaration, "target: ≥95%", "target: 有效提升")), nil, nil},
		{"a growth rate above 100%", "declaration.percent-range", decl(replace(cleanDeclaration, "name: 教学信息化覆盖率, target: ≥95%", "name: 收入增长率, target: 120%")), nil, nil},
		{"100% is a share", "declaration.percent-range", decl(replace(cleanDeclaration, "target: ≥95%", "target: ≥100%")), nil, nil},
		{"attribute with 项目 or without", "declaration.attribute", decl(replace(replace(cleanDeclaration, "attribute: 新增项目", "attribute: 持续性项目"), "type: 一次性", "type: 常年性项目")), nil, nil},
		{"attribute ticked in a printed choice", "declaration.attribute", decl(replace(replace(cleanDeclaration, "attribute: 新增项目", "attribute: 1、持续性项目 ☑ 2、新增性项目 □"), "type: 一次性", "type: 1、常年性项目 □ √ 2、延续性项目 □ 3、一次性项目 □")), nil, nil},
		{"nothing ticked", "declaration.attribute", decl(replace(cleanDeclaration, "attribute: 新增项目", "attribute: 部门预算 □ 切块预算 □")), nil, nil},
		{"a province's own list", "declaration.attribute", decl(replace(cleanDeclaration, "attribute: 新增项目", "attribute: 滚动项目")), nil, []string{"project_attributes", "新增项目, 延续项目, 滚动项目"}},
		{"rate at its printed precision", "monitoring.execution-rate", mon(replace(replace(cleanMonitoring, "executed: 60", "executed: 60.4"), "60.00%", "60%")), nil, nil},
		{"a gap of exactly 10 points", "monitoring.behind-schedule", mon(replace(replace(cleanMonitoring, "executed: 60", "executed: 48.33"), "60.00%", "48.33%")), nil, nil},
		{"at the schedule's floor", "monitoring.behind-schedule", mon(replace(replace(cleanMonitoring, "executed: 60", "executed: 40"), "60.00%", "40.00%")), nil, []string{"schedule", "{4: 25%, 6: 40%, 8: 60%, 10: 80%}"}},
		{"before the schedule's first month", "monitoring.behind-schedule", mon(replace(replace(replace(cleanMonitoring, "as_of: 7", "as_of: 3"), "executed: 60", "executed: 1"), "60.00%", "1.00%")), nil, []string{"schedule", "{4: 25%}"}},
		{"no month", "monitoring.behind-schedule", mon(replace(replace(cleanMonitoring, "as_of: 7\n", ""), "executed: 60", "executed: 1")), nil, nil},
		{"explained at form level", "monitoring.explanation-missing", mon(replace(replace(cleanMonitoring, ", deviation: {funding: 资金到位晚}, measures: 加快支付", ""), "goals:", "deviation: 资金到位晚\nmeasures: 加快支付\ngoals:")), nil, nil},
		{"forecast short but doubtful", "monitoring.forecast-short", mon(replace(cleanMonitoring, "forecast: 95%", "forecast: 90%")), nil, nil},
		{"no forecast", "monitoring.forecast-short", mon(replace(cleanMonitoring, "forecast: 20台, ", "")), nil, nil},
		{"equivalent wording", "trace.target-changed", self(replace(replace(cleanSelf, "target: ≥95%", "target: 不低于95%"), "target: ≤100万元", "target: \"控制在1,000,000元以内\"")), []stage{decl(cleanDeclaration), mon(cleanMonitoring)}, nil},
		{"unlinked: nothing traced", "trace.target-changed", self(replace(cleanSelf, "target: ≥95%", "target: ≥90%")), nil, nil},
		{"unlinked: another project", "trace.indicator-missing", self(replace(dropLine(cleanSelf, "项目成本"), "code: \"C1\"", "code: \"C2\"")), []stage{decl(cleanDeclaration)}, nil},
		{"names matched after folding", "trace.indicator-added", self(replace(cleanSelf, "name: 设备采购数量", "name: 设备采购数量（台）")), []stage{decl(replace(cleanDeclaration, "name: 设备采购数量", "name: 设备采购数量(台)"))}, nil},
		{"no declared weight", "trace.weight-changed", self(cleanSelf), []stage{decl(replace(cleanDeclaration, ", weight: 20", ""))}, nil},
		{"the same budget in another unit", "trace.budget-changed", self(replace(cleanSelf, "initial_budget: 100", "initial_budget: 1000000元")), []stage{decl(cleanDeclaration)}, nil},
		{"monitoring forms of two months", "trace.duplicate", self(cleanSelf), []stage{decl(cleanDeclaration), mon(cleanMonitoring), mon(replace(cleanMonitoring, "as_of: 7", "as_of: 9"))}, nil},
		{"two declarations, no later form to link", "trace.duplicate", decl(cleanDeclaration), []stage{decl(cleanDeclaration)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := tt.form.form(t)
			var earlier []evaluation.Form
			for _, e := range tt.earlier {
				earlier = append(earlier, e.form(t))
			}
			found := rulestest.RunLinked(t, rule(t, tt.rule), form, rulestest.Link(form, earlier...), tt.params...)
			assert.Empty(t, found)
		})
	}
}

// text.missing, text.placeholder and narrative.mismatch reach the cells
// of the new kinds.
func TestCycleTextRules(t *testing.T) {
	tests := []struct {
		name, rule string
		form       stage
		paths      []string
	}{
		{"declaration names", "text.missing", decl(replace(replace(cleanDeclaration, "project: 智慧校园建设", "project: \"\""), "department: 教育局", "department: \" \"")), []string{"project", "department"}},
		{"declaration goal", "text.missing", decl(replace(cleanDeclaration, "annual: [采购设备20台]", "annual: []")), []string{"goals.annual"}},
		{"implementing unit", "text.missing", decl(dropLine(cleanDeclaration, "implementing_unit")), []string{"implementing_unit"}},
		{"monitoring names", "text.missing", mon(replace(dropLine(cleanMonitoring, "project:"), "department: 教育局", "department: \"\"")), []string{"project", "department"}},
		{"declaration template text", "text.placeholder", decl(replace(cleanDeclaration, "long_term: 建成智慧校园", "long_term: （100字以内）")), []string{"goals.long_term"}},
		{"monitoring placeholder", "text.placeholder", mon(replace(cleanMonitoring, "measures: 加快支付", "measures: XXX")), []string{"indicators[3].measures"}},
		{"declaration goal against the targets", "narrative.mismatch", decl(replace(cleanDeclaration, "annual: [采购设备20台]", "annual: [采购设备25台]")), []string{"goals.annual[0]"}},
		{"monitoring progress against the rows", "narrative.mismatch", mon(replace(cleanMonitoring, "progress: 已采购设备12台", "progress: 已采购设备15台")), []string{"goals.progress"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rule(t, tt.rule)
			found := rulestest.Fires(t, r, tt.form.form(t), tt.paths...)
			for _, f := range found {
				assert.NotEmpty(t, f.Message.En)
			}
			clean := cleanDeclaration
			if tt.form.kind == evaluation.Monitoring {
				clean = cleanMonitoring
			}
			rulestest.Silent(t, r, stage{tt.form.kind, clean}.form(t))
		})
	}
	// 实施单位 is only information.
	found := rulestest.Run(t, rule(t, "text.missing"), rulestest.Declaration(t, dropLine(cleanDeclaration, "implementing_unit")))
	require.Len(t, found, 1)
	assert.Equal(t, evaluation.Info, found[0].Severity)
}

// The whole catalogue is silent on the clean forms of one project-year,
// linked as a run over them would link them.
func TestCleanCycleIsSilent(t *testing.T) {
	forms := []evaluation.SourcedForm{
		{Source: "d.yaml", Form: rulestest.Declaration(t, cleanDeclaration)},
		{Source: "m.yaml", Form: rulestest.Monitoring(t, cleanMonitoring)},
		{Source: "s.yaml", Form: rulestest.Project(t, cleanSelf)},
	}
	links := evaluation.LinkAll(forms)
	for _, profile := range []rules.Set{rules.NationalProfile(), rules.Guangzhou2021Profile()} {
		for i, sf := range forms {
			rep := evaluation.EvaluateLinked(sf.Form, links[i], profile)
			for _, f := range rep.Findings {
				if f.Rule == "score.weights" || f.Rule == "indicators.overachieved" {
					continue // the self-evaluation's weights are not the scheme's; not a cycle rule
				}
				t.Errorf("%s under %s: %s %s %s", sf.Source, profile.Name(), f.Rule, f.Path, f.Message.Zh)
			}
		}
	}
	assert.Len(t, links[2].Declaration.Indicators, 5)
}

func TestScheduleParam(t *testing.T) {
	s, err := rules.ParseSchedule("{4: 25%, 6: 40%, 8: 60%, 10: 80%}")
	require.NoError(t, err)
	assert.Equal(t, "{4: 25%, 6: 40%, 8: 60%, 10: 80%}", s.String())
	for asOf, want := range map[int]string{3: "", 4: "25%", 5: "25%", 7: "40%", 12: "80%"} {
		_, floor, ok := s.Floor(asOf)
		got := ""
		if ok {
			got = floor.String()
		}
		assert.Equal(t, want, got, asOf)
	}
	s, err = rules.ParseSchedule("1-6月：40%，1-4月: 25%")
	require.NoError(t, err)
	assert.Equal(t, "{4: 25%, 6: 40%}", s.String())
	empty, err := rules.ParseSchedule("")
	require.NoError(t, err)
	assert.True(t, empty.IsZero())
	for _, bad := range []string{"{13: 10%}", "{4: 25}", "{4: 25%, 4: 30%}", "{4: 50%, 6: 40%}", "{4}", "{4: 120%}", "{4: -1%}"} {
		_, err := rules.ParseSchedule(bad)
		assert.Error(t, err, bad)
	}
	// A set takes it as a parameter, as a rules file writes it.
	set, err := rules.NationalProfile().WithParam("schedule", "{6: 40%}")
	require.NoError(t, err)
	for _, st := range set.Rules() {
		if st.ID == "monitoring.behind-schedule" {
			assert.Equal(t, "{6: 40%}", st.Values["schedule"])
		}
	}
	_, err = rules.NationalProfile().WithParam("schedule", "40%")
	assert.ErrorContains(t, err, "schedule")
}

// A rules file writes the schedule as a YAML mapping, as the Sichuan
// floors read: {4: 25%, 6: 40%, 8: 60%, 10: 80%}.
func TestScheduleInRulesFile(t *testing.T) {
	src := "extends: national\nparams:\n  schedule: {4: 25%, 6: 40%, 8: 60%, 10: 80%}\n  max_schedule_gap: 5\n"
	set, err := rules.ParseFile("sichuan.yaml", []byte(src), nil)
	require.NoError(t, err)
	f := rulestest.Monitoring(t, replace(replace(replace(cleanMonitoring, "as_of: 7", "as_of: 6"), "executed: 60", "executed: 39.8"), "60.00%", "39.80%"))
	rep := evaluation.Evaluate(f, set)
	var got []string
	for _, x := range rep.Findings {
		got = append(got, x.Rule+" "+x.Expected+" "+x.Actual)
	}
	assert.Contains(t, got, "monitoring.behind-schedule ≥ 40% 39.80%")

	_, err = rules.ParseFile("bad.yaml", []byte("params:\n  schedule: {13: 10%}\n"), nil)
	var fe *rules.FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "params.schedule", fe.Key)
	_, err = rules.ParseFile("bad.yaml", []byte("params:\n  max_schedule_gap: {4: 1}\n"), nil)
	assert.Error(t, err)
}

// A rules file lists a province's own values, as a YAML list.
func TestWordsInRulesFile(t *testing.T) {
	set, err := rules.ParseFile("p.yaml", []byte("params:\n  project_attributes: [经常性项目, 滚动项目]\n"), nil)
	require.NoError(t, err)
	f := rulestest.Declaration(t, replace(cleanDeclaration, "attribute: 新增项目", "attribute: 滚动项目"))
	for _, x := range evaluation.Evaluate(f, set).Findings {
		assert.NotEqual(t, "declaration.attribute", x.Rule, x.Message.Zh)
	}
	f = rulestest.Declaration(t, cleanDeclaration)
	var fired bool
	for _, x := range evaluation.Evaluate(f, set).Findings {
		fired = fired || x.Rule == "declaration.attribute"
	}
	assert.True(t, fired, "新增项目 is not in the province's list")
}

func TestScheduleErrorsInBothLanguages(t *testing.T) {
	_, err := rules.ParseSchedule("{13: 10%}")
	var ve *rules.ValueError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "进度下限“13: 10%”的月份应为 1 至 12", ve.Message(evaluation.Chinese))
	assert.Equal(t, `schedule entry "13: 10%": the month must be 1 to 12`, ve.Message(evaluation.English))
}

// The cycle's tolerances are bounded: a negative tolerance, or a gap
// wider than the whole year, is a typo, never a policy; the set and a
// rules file refuse it, naming the parameter.
func TestCycleParamBounds(t *testing.T) {
	set := rules.NationalProfile()
	for name, value := range map[string]string{"balance_tolerance": "-0.5", "max_schedule_gap": "-1"} {
		_, err := set.WithParam(name, value)
		var re *rules.RangeError
		require.ErrorAs(t, err, &re, name)
		assert.Equal(t, name, re.Name)
	}
	_, err := set.WithParam("max_schedule_gap", "100.5")
	assert.ErrorContains(t, err, `max_schedule_gap "100.5" is out of range (0 – 100)`)
	for name, value := range map[string]string{"balance_tolerance": "0", "max_schedule_gap": "100"} {
		_, err := set.WithParam(name, value)
		assert.NoError(t, err, name)
	}
	_, err = rules.ParseFile("r.yaml", []byte("extends: national\nparams:\n  balance_tolerance: \"-1\"\n"), nil)
	var fe *rules.FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "params.balance_tolerance", fe.Key)
	assert.ErrorContains(t, err, "at least 0")
}

// funds.negative reads every amount of every kind: a declaration's and a
// monitoring form's funds and source rows, and a department evaluation's
// basic data, whose measures would otherwise be scored from a negative
// budget without a word. It is silent on the clean forms.
func TestFundsNegativeEveryKind(t *testing.T) {
	r := rule(t, "funds.negative")
	tests := []struct {
		name string
		form evaluation.Form
		path string
	}{
		{"declaration total", rulestest.Declaration(t, replace(cleanDeclaration, "total: 100", "total: -100")), "funds.total"},
		{"declaration source", rulestest.Declaration(t, replace(cleanDeclaration, "other: 30}", "other: 30, sources: [{name: 自有资金, amount: \"-1万\"}]}")), "funds.sources[0].amount"},
		{"monitoring executed", rulestest.Monitoring(t, replace(cleanMonitoring, "executed: 60", "executed: -60")), "funds.executed"},
		{"monitoring source", rulestest.Monitoring(t, replace(cleanMonitoring, "forecast: 98,", "forecast: 98, sources: [{name: 财政拨款, executed: -1}],")), "funds.sources[0].executed"},
		{"evaluation budget", rulestest.DepartmentEvaluation(t, replace(cleanEvaluation, "initial: 100", "initial: -100")), "basic.budget.initial"},
		{"evaluation three public", rulestest.DepartmentEvaluation(t, replace(cleanEvaluation, "basic:\n", "basic:\n  three_public: {budget: 30, actual: \"-5万\"}\n")),
			"basic.three_public.actual"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := rulestest.Fires(t, r, tt.form, tt.path)
			for _, f := range found {
				assert.Equal(t, evaluation.Error, f.Severity)
			}
		})
	}
	rulestest.Silent(t, r, rulestest.Declaration(t, cleanDeclaration))
	rulestest.Silent(t, r, rulestest.Monitoring(t, cleanMonitoring))
	rulestest.Silent(t, r, rulestest.DepartmentEvaluation(t, cleanEvaluation))
}
