// Package benchdata generates realistic project forms for benchmarks and
// for measuring the command over large folders. The forms vary by index
// (amounts, actuals, a few mistakes) so that no cache flatters a run.
package benchdata

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ProjectYAML returns project form number i in the YAML file format,
// about seventy lines, like a real 项目支出绩效自评表.
func ProjectYAML(i int) []byte {
	budget := 100 + i%900
	spent := budget - i%13
	rows := []struct{ l1, l2, name, target, actual, weight, score, dev string }{
		{"产出指标（50分）", "数量指标", "设备采购数量", "≥100台", fmt.Sprintf("%d台", 95+i%10), "20", "", ""},
		{"产出指标（50分）", "质量指标", "设备验收合格率", "=100%", "100%", "15", "15", ""},
		{"产出指标（50分）", "时效指标", "项目完成时间", "2025年12月底前", fmt.Sprintf("2025年%d月20日", 6+i%6), "10", "10", ""},
		{"产出指标（50分）", "成本指标", "项目成本", fmt.Sprintf("不超过%d万元", budget), fmt.Sprintf("%d万元", spent), "5", "5", ""},
		{"效益指标（30分）", "社会效益指标", "教学信息化覆盖率", "≥90%", fmt.Sprintf("%d%%", 80+i%15), "20", "", "部分学校线路改造延期，已列入下年度计划。"},
		{"效益指标（30分）", "可持续影响指标", "运行维护机制", "建立健全运维管理制度", "达成预期指标", "10", "9", ""},
		{"满意度指标（10分）", "服务对象满意度指标", "师生满意度", "≥90%", fmt.Sprintf("%d.%d%%", 88+i%10, i%10), "10", "", ""},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "kind: project-self-evaluation\nprofile: national\nproject: 智慧校园建设（第%d批）\ndepartment: 某区教育局\nimplementing_unit: 第%d中学\nyear: 2025\nunit: 万元\n", i, i%500)
	fmt.Fprintf(&b, "funds:\n  initial_budget: %d\n  adjusted_budget: %d\n  actual_expenditure: %d\n  weight: 10\n", budget, budget, spent)
	fmt.Fprintf(&b, "  sources:\n    - source: current_appropriation\n      adjusted_budget: %d\n      actual_expenditure: %d\n", budget, spent)
	fmt.Fprintf(&b, "  reported:\n    execution_rate: \"%d.00%%\"\n    score: 9.8\n", spent*100/budget)
	b.WriteString("goals:\n  expected:\n    - 完成全区中小学校园网络和多媒体教室信息化改造\n  achieved: 采购并安装教学设备，验收合格率100%。\nindicators:\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "  - level1: %s\n    level2: %s\n    name: %s\n    target: \"%s\"\n    actual: \"%s\"\n    weight: %s\n", r.l1, r.l2, r.name, r.target, r.actual, r.weight)
		if r.score != "" {
			fmt.Fprintf(&b, "    score: %s\n", r.score)
		}
		if r.dev != "" {
			fmt.Fprintf(&b, "    deviation: %s\n", r.dev)
		}
	}
	fmt.Fprintf(&b, "reported:\n  total_score: %d\n  grade: 优\noverall: 项目按期完成，设备运行稳定。\nproblems: 个别学校线路改造滞后。\nimprovements: 提前办理施工许可，加强进度管理。\n", 90+i%10)
	return []byte(b.String())
}

// ProjectJSON returns the same form as ProjectYAML in the JSON format,
// numbers as JSON numbers where the YAML has them.
func ProjectJSON(i int) []byte {
	y := string(ProjectYAML(i))
	m := map[string]any{}
	// A tiny YAML reader would be a second parser to maintain; build the
	// JSON from the same values instead.
	budget := 100 + i%900
	spent := budget - i%13
	m["kind"] = "project-self-evaluation"
	m["profile"] = "national"
	m["project"] = fmt.Sprintf("智慧校园建设（第%d批）", i)
	m["department"] = "某区教育局"
	m["implementing_unit"] = fmt.Sprintf("第%d中学", i%500)
	m["year"] = 2025
	m["unit"] = "万元"
	m["funds"] = map[string]any{
		"initial_budget": json.Number(fmt.Sprint(budget)), "adjusted_budget": json.Number(fmt.Sprint(budget)),
		"actual_expenditure": json.Number(fmt.Sprint(spent)), "weight": json.Number("10"),
		"sources":  []any{map[string]any{"source": "current_appropriation", "adjusted_budget": json.Number(fmt.Sprint(budget)), "actual_expenditure": json.Number(fmt.Sprint(spent))}},
		"reported": map[string]any{"execution_rate": fmt.Sprintf("%d.00%%", spent*100/budget), "score": json.Number("9.8")},
	}
	m["goals"] = map[string]any{"expected": []string{"完成全区中小学校园网络和多媒体教室信息化改造"}, "achieved": "采购并安装教学设备，验收合格率100%。"}
	var inds []any
	for _, block := range strings.Split(y[strings.Index(y, "indicators:\n")+len("indicators:\n"):strings.Index(y, "reported:\n  total")], "  - ")[1:] {
		row := map[string]any{}
		for _, line := range strings.Split(block, "\n") {
			k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				continue
			}
			v = strings.Trim(v, "\"")
			if k == "weight" || k == "score" {
				row[k] = json.Number(v)
			} else {
				row[k] = v
			}
		}
		inds = append(inds, row)
	}
	m["indicators"] = inds
	m["reported"] = map[string]any{"total_score": json.Number(fmt.Sprint(90 + i%10)), "grade": "优"}
	m["overall"] = "项目按期完成，设备运行稳定。"
	m["problems"] = "个别学校线路改造滞后。"
	m["improvements"] = "提前办理施工许可，加强进度管理。"
	out, _ := json.MarshalIndent(m, "", "  ")
	return out
}

// WriteFolder writes n forms under dir, 1,000 to a subfolder, as .yaml or
// .json files.
func WriteFolder(dir string, n int, asJSON bool) error {
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		data, ext := ProjectYAML(i), ".yaml"
		if asJSON {
			data, ext = ProjectJSON(i), ".json"
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("form-%06d%s", i, ext)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
