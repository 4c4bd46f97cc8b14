// Package benchdata generates realistic project forms for benchmarks and
// for measuring the command over large folders. The forms vary by index
// (amounts, actuals, a few mistakes) so that no cache flatters a run, and
// each can be written in any of the styles people write forms in, all of
// them decoding to the same form.
package benchdata

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Style is a way of writing a form file.
type Style string

const (
	// Block is YAML in block style, every text plain unless it needs
	// quotes: what an editor writes by hand.
	Block Style = "block"
	// Flow is YAML with flow collections where people put them: the goals
	// as a list in brackets, each source and indicator row and each
	// reported block as a mapping in braces.
	Flow Style = "flow"
	// Quoted is YAML with every text in double quotes (the full stops
	// written as escapes), keys plain, and the conclusion a folded block
	// scalar: what many generators write.
	Quoted Style = "quoted"
	// JSON is the same form in JSON, numbers as JSON numbers where the
	// YAML has them.
	JSON Style = "json"
)

// YAMLStyles are the YAML styles, in the order reports list them.
var YAMLStyles = []Style{Block, Flow, Quoted}

// Styles are every style.
var Styles = []Style{Block, Flow, Quoted, JSON}

// Ext is the file extension of a style.
func (s Style) Ext() string {
	if s == JSON {
		return ".json"
	}
	return ".yaml"
}

// ProjectYAML returns project form number i in block-style YAML, about
// seventy lines, like a real 项目支出绩效自评表.
func ProjectYAML(i int) []byte { return ProjectForm(i, Block) }

// ProjectJSON returns the same form as ProjectYAML in JSON.
func ProjectJSON(i int) []byte { return ProjectForm(i, JSON) }

// row is one indicator row; score and deviation are optional.
type row struct{ l1, l2, name, target, actual, weight, score, dev string }

// form holds the values of project form number i.
type form struct {
	i, budget, spent int
	rows             []row
}

func newForm(i int) form {
	budget := 100 + i%900
	spent := budget - i%13
	return form{i: i, budget: budget, spent: spent, rows: []row{
		{"产出指标（50分）", "数量指标", "设备采购数量", "≥100台", fmt.Sprintf("%d台", 95+i%10), "20", "", ""},
		{"产出指标（50分）", "质量指标", "设备验收合格率", "=100%", "100%", "15", "15", ""},
		{"产出指标（50分）", "时效指标", "项目完成时间", "2025年12月底前", fmt.Sprintf("2025年%d月20日", 6+i%6), "10", "10", ""},
		{"产出指标（50分）", "成本指标", "项目成本", fmt.Sprintf("不超过%d万元", budget), fmt.Sprintf("%d万元", spent), "5", "5", ""},
		{"效益指标（30分）", "社会效益指标", "教学信息化覆盖率", "≥90%", fmt.Sprintf("%d%%", 80+i%15), "20", "", "部分学校线路改造延期，已列入下年度计划。"},
		{"效益指标（30分）", "可持续影响指标", "运行维护机制", "建立健全运维管理制度", "达成预期指标", "10", "9", ""},
		{"满意度指标（10分）", "服务对象满意度指标", "师生满意度", "≥90%", fmt.Sprintf("%d.%d%%", 88+i%10, i%10), "10", "", ""},
	}}
}

const (
	goal         = "完成全区中小学校园网络和多媒体教室信息化改造"
	achieved     = "采购并安装教学设备，验收合格率100%。"
	overall      = "项目按期完成，设备运行稳定。"
	problems     = "个别学校线路改造滞后。"
	improvements = "提前办理施工许可，加强进度管理。"
)

// ProjectForm returns project form number i written in style s.
func ProjectForm(i int, s Style) []byte {
	f := newForm(i)
	switch s {
	case JSON:
		return f.json()
	case Flow:
		return f.flow()
	case Quoted:
		return f.quoted()
	}
	return f.block()
}

func (f form) block() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "kind: project-self-evaluation\nprofile: national\nproject: 智慧校园建设（第%d批）\ndepartment: 某区教育局\nimplementing_unit: 第%d中学\nyear: 2025\nunit: 万元\n", f.i, f.i%500)
	fmt.Fprintf(&b, "funds:\n  initial_budget: %d\n  adjusted_budget: %d\n  actual_expenditure: %d\n  weight: 10\n", f.budget, f.budget, f.spent)
	fmt.Fprintf(&b, "  sources:\n    - source: current_appropriation\n      adjusted_budget: %d\n      actual_expenditure: %d\n", f.budget, f.spent)
	fmt.Fprintf(&b, "  reported:\n    execution_rate: \"%d.00%%\"\n    score: 9.8\n", f.spent*100/f.budget)
	fmt.Fprintf(&b, "goals:\n  expected:\n    - %s\n  achieved: %s\nindicators:\n", goal, achieved)
	for _, r := range f.rows {
		fmt.Fprintf(&b, "  - level1: %s\n    level2: %s\n    name: %s\n    target: \"%s\"\n    actual: \"%s\"\n    weight: %s\n", r.l1, r.l2, r.name, r.target, r.actual, r.weight)
		if r.score != "" {
			fmt.Fprintf(&b, "    score: %s\n", r.score)
		}
		if r.dev != "" {
			fmt.Fprintf(&b, "    deviation: %s\n", r.dev)
		}
	}
	fmt.Fprintf(&b, "reported:\n  total_score: %d\n  grade: 优\noverall: %s\nproblems: %s\nimprovements: %s\n", 90+f.i%10, overall, problems, improvements)
	return []byte(b.String())
}

func (f form) flow() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "kind: project-self-evaluation\nprofile: national\nproject: 智慧校园建设（第%d批）\ndepartment: 某区教育局\nimplementing_unit: 第%d中学\nyear: 2025\nunit: 万元\n", f.i, f.i%500)
	fmt.Fprintf(&b, "funds:\n  initial_budget: %d\n  adjusted_budget: %d\n  actual_expenditure: %d\n  weight: 10\n", f.budget, f.budget, f.spent)
	fmt.Fprintf(&b, "  sources:\n    - {source: current_appropriation, adjusted_budget: %d, actual_expenditure: %d}\n", f.budget, f.spent)
	fmt.Fprintf(&b, "  reported: {execution_rate: \"%d.00%%\", score: 9.8}\n", f.spent*100/f.budget)
	fmt.Fprintf(&b, "goals:\n  expected: [%s]\n  achieved: %s\nindicators:\n", goal, achieved)
	for _, r := range f.rows {
		fmt.Fprintf(&b, "  - {level1: %s, level2: %s, name: %s, target: \"%s\", actual: \"%s\", weight: %s", r.l1, r.l2, r.name, r.target, r.actual, r.weight)
		if r.score != "" {
			fmt.Fprintf(&b, ", score: %s", r.score)
		}
		if r.dev != "" {
			fmt.Fprintf(&b, ", deviation: %s", r.dev)
		}
		b.WriteString("}\n")
	}
	fmt.Fprintf(&b, "reported: {total_score: %d, grade: 优}\noverall: %s\nproblems: %s\nimprovements: %s\n", 90+f.i%10, overall, problems, improvements)
	return []byte(b.String())
}

// q double-quotes a text for YAML, writing the full stop of a sentence
// as an escape, as some generators write every character past ASCII.
func q(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `"`, `\"`), "。", `\u3002`) + `"`
}

func (f form) quoted() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "kind: \"project-self-evaluation\"\nprofile: \"national\"\nproject: %s\ndepartment: %s\nimplementing_unit: %s\nyear: 2025\nunit: \"万元\"\n",
		q(fmt.Sprintf("智慧校园建设（第%d批）", f.i)), q("某区教育局"), q(fmt.Sprintf("第%d中学", f.i%500)))
	fmt.Fprintf(&b, "funds:\n  initial_budget: %d\n  adjusted_budget: %d\n  actual_expenditure: %d\n  weight: 10\n", f.budget, f.budget, f.spent)
	fmt.Fprintf(&b, "  sources:\n    - source: \"current_appropriation\"\n      adjusted_budget: %d\n      actual_expenditure: %d\n", f.budget, f.spent)
	fmt.Fprintf(&b, "  reported:\n    execution_rate: \"%d.00%%\"\n    score: 9.8\n", f.spent*100/f.budget)
	fmt.Fprintf(&b, "goals:\n  expected:\n    - %s\n  achieved: %s\nindicators:\n", q(goal), q(achieved))
	for _, r := range f.rows {
		fmt.Fprintf(&b, "  - level1: %s\n    level2: %s\n    name: %s\n    target: %s\n    actual: %s\n    weight: %s\n", q(r.l1), q(r.l2), q(r.name), q(r.target), q(r.actual), r.weight)
		if r.score != "" {
			fmt.Fprintf(&b, "    score: %s\n", r.score)
		}
		if r.dev != "" {
			fmt.Fprintf(&b, "    deviation: %s\n", q(r.dev))
		}
	}
	// The conclusion as a folded block scalar, stripped of its line break.
	fmt.Fprintf(&b, "reported:\n  total_score: %d\n  grade: \"优\"\noverall: >-\n  %s\nproblems: %s\nimprovements: %s\n", 90+f.i%10, overall, q(problems), q(improvements))
	return []byte(b.String())
}

func (f form) json() []byte {
	m := map[string]any{}
	m["kind"] = "project-self-evaluation"
	m["profile"] = "national"
	m["project"] = fmt.Sprintf("智慧校园建设（第%d批）", f.i)
	m["department"] = "某区教育局"
	m["implementing_unit"] = fmt.Sprintf("第%d中学", f.i%500)
	m["year"] = 2025
	m["unit"] = "万元"
	m["funds"] = map[string]any{
		"initial_budget": json.Number(fmt.Sprint(f.budget)), "adjusted_budget": json.Number(fmt.Sprint(f.budget)),
		"actual_expenditure": json.Number(fmt.Sprint(f.spent)), "weight": json.Number("10"),
		"sources":  []any{map[string]any{"source": "current_appropriation", "adjusted_budget": json.Number(fmt.Sprint(f.budget)), "actual_expenditure": json.Number(fmt.Sprint(f.spent))}},
		"reported": map[string]any{"execution_rate": fmt.Sprintf("%d.00%%", f.spent*100/f.budget), "score": json.Number("9.8")},
	}
	m["goals"] = map[string]any{"expected": []string{goal}, "achieved": achieved}
	var inds []any
	for _, r := range f.rows {
		row := map[string]any{"level1": r.l1, "level2": r.l2, "name": r.name, "target": r.target, "actual": r.actual, "weight": json.Number(r.weight)}
		if r.score != "" {
			row["score"] = json.Number(r.score)
		}
		if r.dev != "" {
			row["deviation"] = r.dev
		}
		inds = append(inds, row)
	}
	m["indicators"] = inds
	m["reported"] = map[string]any{"total_score": json.Number(fmt.Sprint(90 + f.i%10)), "grade": "优"}
	m["overall"] = overall
	m["problems"] = problems
	m["improvements"] = improvements
	out, _ := json.MarshalIndent(m, "", "  ")
	return out
}

// WriteFolder writes n forms under dir in style s, 1,000 to a subfolder.
func WriteFolder(dir string, n int, s Style) error {
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		name := filepath.Join(sub, fmt.Sprintf("form-%06d%s", i, s.Ext()))
		if err := os.WriteFile(name, ProjectForm(i, s), 0o644); err != nil {
			return err
		}
	}
	return nil
}
