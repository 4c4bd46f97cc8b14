package markdown

import (
	"strings"
	"unicode"

	"github.com/perfeval/perfeval/budget"
)

// label identifies a label cell of either form. Render prints the
// canonical text of each (labelText); Import recognises the canonical text
// and the aliases other templates and conversions use (labelByText).
type label uint8

const (
	lNone label = iota

	// Header cells.
	lDepartment       // 部门名称
	lYear             // 被评价年度
	lProject          // 项目名称
	lAuthority        // 主管部门
	lImplementingUnit // 实施单位

	// Funds: 部门资金情况 / 项目资金 and its columns.
	lFundsBlock     // 部门资金情况
	lProjectFunds   // 项目资金
	lAdjusted       // 部门调整预算收入 (全年预算数)
	lInitial        // 部门年初预算收入 (年初预算数)
	lActual         // 实际支出数 (全年执行数)
	lAdjustment     // 年度预算调整数
	lCompletionRate // 预算完成率 (执行率)
	lAdjustmentRate // 预算调整率
	lTotalFunds     // 年度资金总额
	lSource         // 其中：一般公共预算, …
	lWeight         // 分值
	lScore          // 得分

	// Goals.
	lGoalsBlock // 年度目标 (年度总体目标)
	lExpected   // 预期目标
	lAchieved   // 目标完成情况 (实际完成情况)

	// Tasks and indicators.
	lTasksBlock      // 主要任务
	lIndicatorsBlock // 绩效指标
	lLevel1          // 一级指标
	lLevel2          // 二级指标
	lIndName         // 关键指标 (三级指标)
	lIndTarget       // 指标值 (年度指标值)
	lIndActual       // 指标完成情况 (实际完成值)
	lDeviation       // 偏差原因分析及改进措施
	lTaskFunds       // 任务涉及资金

	// Closing blocks.
	lKeyProjects  // 重点项目绩效情况
	lOverall      // 部门整体绩效 (评价结论)
	lProblems     // 存在问题
	lImprovements // 改进措施或下一步计划 (改进措施)
	lTotalScore   // 总分
	lGrade        // 评价等级
)

// formHint says which form a label belongs to, for detecting the kind of
// a document that has no title.
type formHint uint8

const (
	either formHint = iota
	deptOnly
	projectOnly
)

type labelDef struct {
	id   label
	hint formHint
}

// labelByText maps normalized label text (see normLabel) to its label.
// The first spelling of each label in this table is not necessarily the
// canonical one; labelText gives that.
var labelByText = map[string]labelDef{
	"部门名称": {lDepartment, deptOnly}, "单位名称": {lDepartment, deptOnly}, "部门（单位）名称": {lDepartment, deptOnly},
	"预算部门名称": {lDepartment, deptOnly},
	"被评价年度":  {lYear, either}, "评价年度": {lYear, either}, "年度": {lYear, either}, "自评年度": {lYear, either},

	"项目名称": {lProject, projectOnly},
	"主管部门": {lAuthority, projectOnly}, "主管部门（单位）": {lAuthority, projectOnly},
	"实施单位": {lImplementingUnit, projectOnly},

	"部门资金情况": {lFundsBlock, deptOnly}, "资金情况": {lFundsBlock, deptOnly}, "部门整体资金情况": {lFundsBlock, deptOnly},
	"项目资金": {lProjectFunds, projectOnly}, "项目资金情况": {lProjectFunds, projectOnly},

	"部门调整预算收入": {lAdjusted, deptOnly}, "调整预算收入": {lAdjusted, deptOnly}, "部门调整预算数": {lAdjusted, deptOnly},
	"调整预算数": {lAdjusted, either}, "全年预算数": {lAdjusted, projectOnly},
	"部门年初预算收入": {lInitial, deptOnly}, "年初预算收入": {lInitial, deptOnly}, "部门年初预算数": {lInitial, deptOnly},
	"年初预算数": {lInitial, either},
	"实际支出数": {lActual, deptOnly}, "部门实际支出数": {lActual, deptOnly}, "实际支出": {lActual, deptOnly},
	"全年执行数": {lActual, projectOnly}, "实际执行数": {lActual, either},
	"年度预算调整数": {lAdjustment, deptOnly}, "预算调整数": {lAdjustment, either},
	"预算完成率": {lCompletionRate, deptOnly}, "预算执行率": {lCompletionRate, either}, "执行率": {lCompletionRate, projectOnly},
	"预算调整率":  {lAdjustmentRate, deptOnly},
	"年度资金总额": {lTotalFunds, projectOnly}, "资金总额": {lTotalFunds, projectOnly},
	"分值": {lWeight, either}, "权重": {lWeight, either},
	"得分": {lScore, either}, "自评得分": {lScore, either},

	"年度目标": {lGoalsBlock, deptOnly}, "年度总体目标": {lGoalsBlock, projectOnly}, "年度绩效目标": {lGoalsBlock, either},
	"预期目标": {lExpected, either}, "部门整体支出的预期目标": {lExpected, deptOnly}, "部门整体支出预期目标": {lExpected, deptOnly},
	"目标完成情况": {lAchieved, either}, "部门整体支出的目标完成情况": {lAchieved, deptOnly},
	"部门整体支出目标完成情况": {lAchieved, deptOnly}, "实际完成情况": {lAchieved, either},

	"主要任务": {lTasksBlock, deptOnly},
	"绩效指标": {lIndicatorsBlock, projectOnly},
	"一级指标": {lLevel1, either},
	"二级指标": {lLevel2, either},
	"关键指标": {lIndName, deptOnly}, "三级指标": {lIndName, either}, "指标名称": {lIndName, either},
	"指标值": {lIndTarget, either}, "年度指标值": {lIndTarget, either}, "目标值": {lIndTarget, either},
	"指标完成情况": {lIndActual, deptOnly}, "实际完成值": {lIndActual, either}, "完成值": {lIndActual, either},
	"偏差原因分析及改进措施": {lDeviation, either}, "偏差原因分析": {lDeviation, either}, "偏差原因": {lDeviation, either},
	"任务涉及资金": {lTaskFunds, deptOnly}, "涉及资金": {lTaskFunds, deptOnly},

	"重点项目绩效情况": {lKeyProjects, deptOnly}, "重点项目": {lKeyProjects, deptOnly},
	"部门整体绩效": {lOverall, deptOnly}, "评价结论": {lOverall, either}, "主要绩效": {lOverall, either},
	"存在问题": {lProblems, either}, "存在的问题": {lProblems, either},
	"改进措施或下一步计划": {lImprovements, deptOnly}, "改进措施": {lImprovements, either},
	"下一步改进措施": {lImprovements, either}, "整改措施": {lImprovements, either},
	"总分": {lTotalScore, projectOnly}, "合计得分": {lTotalScore, projectOnly},
	"评价等级": {lGrade, projectOnly}, "等级": {lGrade, projectOnly}, "自评等级": {lGrade, projectOnly},
}

// Canonical label texts, as Render prints them.
const (
	textDeptTitle    = "部门整体支出绩效自评表"
	textProjectTitle = "项目支出绩效自评表"
	textSourcePrefix = "其中："
)

// labelText returns the canonical text of a label on the given form.
func labelText(l label, project bool) string {
	if project {
		switch l {
		case lAdjusted:
			return "全年预算数"
		case lInitial:
			return "年初预算数"
		case lActual:
			return "全年执行数"
		case lCompletionRate:
			return "执行率"
		case lGoalsBlock:
			return "年度总体目标"
		case lAchieved:
			return "实际完成情况"
		case lIndName:
			return "三级指标"
		case lIndTarget:
			return "年度指标值"
		case lIndActual:
			return "实际完成值"
		case lOverall:
			return "评价结论"
		case lImprovements:
			return "改进措施"
		case lAdjustment:
			return "预算调整数"
		}
	}
	switch l {
	case lDepartment:
		return "部门名称"
	case lYear:
		return "被评价年度"
	case lProject:
		return "项目名称"
	case lAuthority:
		return "主管部门"
	case lImplementingUnit:
		return "实施单位"
	case lFundsBlock:
		return "部门资金情况"
	case lProjectFunds:
		return "项目资金"
	case lAdjusted:
		return "部门调整预算收入"
	case lInitial:
		return "部门年初预算收入"
	case lActual:
		return "实际支出数"
	case lAdjustment:
		return "年度预算调整数"
	case lCompletionRate:
		return "预算完成率"
	case lAdjustmentRate:
		return "预算调整率"
	case lTotalFunds:
		return "年度资金总额"
	case lWeight:
		return "分值"
	case lScore:
		return "得分"
	case lGoalsBlock:
		return "年度目标"
	case lExpected:
		return "预期目标"
	case lAchieved:
		return "目标完成情况"
	case lTasksBlock:
		return "主要任务"
	case lIndicatorsBlock:
		return "绩效指标"
	case lLevel1:
		return "一级指标"
	case lLevel2:
		return "二级指标"
	case lIndName:
		return "关键指标"
	case lIndTarget:
		return "指标值"
	case lIndActual:
		return "指标完成情况"
	case lDeviation:
		return "偏差原因分析及改进措施"
	case lTaskFunds:
		return "任务涉及资金"
	case lKeyProjects:
		return "重点项目绩效情况"
	case lOverall:
		return "部门整体绩效"
	case lProblems:
		return "存在问题"
	case lImprovements:
		return "改进措施或下一步计划"
	case lTotalScore:
		return "总分"
	case lGrade:
		return "评价等级"
	}
	return ""
}

// sourceByText maps a source row's label (without 其中：) to its kind:
// the labels of budget.SourceKind and the spellings of other templates
// (当年财政拨款 on the Ministry of Finance project form).
var sourceByText = func() map[string]budget.SourceKind {
	m := map[string]budget.SourceKind{}
	for _, k := range budget.SourceKinds() {
		m[k.Label()] = k
	}
	for text, k := range map[string]budget.SourceKind{
		"一般公共预算拨款": budget.GeneralPublicBudget, "一般公共预算资金": budget.GeneralPublicBudget,
		"一般公共预算收入": budget.GeneralPublicBudget, "一般公共预算支出": budget.GeneralPublicBudget,
		"政府性基金": budget.GovernmentFundBudget, "政府性基金预算拨款": budget.GovernmentFundBudget,
		"政府性基金预算收入": budget.GovernmentFundBudget, "政府性基金预算支出": budget.GovernmentFundBudget,
		"国有资本经营预算拨款": budget.StateCapitalBudget, "国有资本经营预算收入": budget.StateCapitalBudget,
		"财政专户": budget.SpecialAccount, "财政专户管理资金收入": budget.SpecialAccount,
		"自有资金": budget.UnitFunds, "单位自有资金": budget.UnitFunds,
		"当年财政拨款": budget.CurrentAppropriation, "财政拨款": budget.CurrentAppropriation,
		"上年结转": budget.PriorCarryover, "上年结转结余": budget.PriorCarryover, "上年结转结余资金": budget.PriorCarryover,
		"其他": budget.OtherFunds, "其他收入": budget.OtherFunds,
	} {
		m[text] = k
	}
	return m
}()

// normLabel reduces a cell's text to what labels are matched on: no
// whitespace, no Markdown emphasis, no trailing colon, and no trailing
// parenthetical ("项目资金（万元）", "全年预算数（A）", "执行率（B/A）"),
// which it returns separately (without the brackets).
func normLabel(s string) (norm, paren string) {
	if len(s) > 120 {
		return "", "" // no label is this long; skip the work
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || r == '*' || r == '#' || r == '_' || r == '`' {
			continue
		}
		b.WriteRune(r)
	}
	t := b.String()
	t = strings.TrimRight(t, "：:")
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}} {
		if strings.HasSuffix(t, br[1]) {
			if i := strings.LastIndex(t, br[0]); i > 0 {
				paren = t[i+len(br[0]) : len(t)-len(br[1])]
				t = t[:i]
				break
			}
		}
	}
	return strings.TrimRight(t, "：:"), paren
}

// classify returns the label a cell's text is, lNone for a value. A
// source row label returns lSource and its kind; 其中 with an unknown
// source returns lSource and "".
func classify(text string) (labelDef, budget.SourceKind) {
	n, _ := normLabel(text)
	if n == "" {
		return labelDef{}, ""
	}
	if d, ok := labelByText[n]; ok {
		return d, ""
	}
	if rest, ok := strings.CutPrefix(n, "其中"); ok {
		rest = strings.TrimLeft(rest, "：:")
		return labelDef{id: lSource}, sourceByText[rest]
	}
	if k, ok := sourceByText[n]; ok {
		return labelDef{id: lSource}, k
	}
	return labelDef{}, ""
}
