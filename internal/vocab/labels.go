package vocab

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/perfeval/perfeval/budget"
)

// ID is what a label means: the cell it names, whatever its spelling.
type ID uint16

// The labels of the self-evaluation forms. The comment gives the
// canonical text; Text gives it per layout, Lookup every spelling.
const (
	None ID = iota

	// The header.
	DepartmentName   // 部门名称 (部门 on the national layout)
	Year             // 被评价年度
	ProjectName      // 项目名称
	Authority        // 主管部门
	ImplementingUnit // 实施单位
	Code             // 部门编码 / 项目编码
	Unit             // 单位 (单位：万元)

	// Funds.
	FundsBlock        // 部门资金情况 / 项目资金 / 预算资金
	AdjustedBudget    // 部门调整预算收入 / 全年预算数
	InitialBudget     // 部门年初预算收入 / 年初预算数
	ActualExpenditure // 实际支出数 / 全年执行数
	Adjustment        // 年度预算调整数
	CompletionRate    // 预算完成率 / 执行率
	AdjustmentRate    // 预算调整率
	FundsTotal        // 年度资金总额 (合计)
	Source            // 其中：一般公共预算 … (see Match.Source)
	Weight            // 分值
	Score             // 得分
	Computed          // 预算完成率（计算值）: a cell Export adds with a formula

	// Goals.
	GoalsBlock // 年度目标 / 年度总体目标
	Expected   // 预期目标
	Achieved   // 目标完成情况 / 实际完成情况

	// Tasks and indicators.
	TasksBlock      // 主要任务
	TaskName        // 任务名称
	IndicatorsBlock // 绩效指标
	Level1          // 一级指标
	Level2          // 二级指标
	IndicatorName   // 关键指标 / 三级指标
	Target          // 指标值 / 年度指标值
	Actual          // 指标完成情况 / 实际完成值
	Direction       // 指标方向
	Deviation       // 偏差原因分析及改进措施
	TaskFunds       // 任务涉及资金

	// Key projects.
	KeyProjects     // 重点项目绩效情况
	KeyProjectName  // 重点项目名称
	KeyProjectText  // 绩效情况
	KeyProjectFunds // 项目预算
	SelfSelected    // 自选重点项目

	// The closing rows.
	Overall      // 部门整体绩效 / 评价结论
	Problems     // 存在问题
	Improvements // 改进措施或下一步计划 / 改进措施
	TotalScore   // 总分
	Grade        // 评价等级
	Profile      // 规则配置
	ExtraBlock   // 其他栏目: labelled cells the format has no key for

	// TargetOperator is 指标性质: the operator of a target printed in a
	// column of its own (≥, =, ≤), as Sichuan's and Yunnan's forms do.
	TargetOperator
	// TargetUnit is 度量单位: the unit of a target printed in a column of
	// its own.
	TargetUnit
	// Heading is a label that heads a row or column and names no value of
	// its own (年度预算数（万元） over the funds' row labels).
	Heading

	// Keyless is a label the format has no key for (联系电话, 项目概况,
	// 立项依据, 主管部门编码 …): its cell is kept in the form's extra list.
	Keyless
)

// Kinds is a set of form kinds: the kinds whose published layouts print a
// spelling. It tells the kind of a document without a title.
type Kinds uint8

const (
	Department  Kinds = 1 << iota // 部门整体支出绩效自评表
	Project                       // 项目支出绩效自评表
	Declaration                   // 项目支出绩效目标申报表
	Monitoring                    // 项目支出绩效目标执行监控表
	Evaluation                    // 部门整体支出绩效评价 (评分表, 基础数据表)

	// Either is a spelling both self-evaluation forms print.
	Either = Department | Project
)

// Layout is one official layout of a form, for the canonical texts.
type Layout uint8

const (
	// Guangzhou is 部门整体支出绩效自评表 as Guangzhou publishes it (the
	// Tianhe 2021 form): 部门资金情况 label by label, 主要任务, 重点项目绩效情况.
	Guangzhou Layout = iota
	// NationalDepartment is the Ministry of Finance's department layout:
	// 部门 / 预算资金 with 分值 and 得分 / 绩效指标 一级·二级·三级 / 总分.
	NationalDepartment
	// NationalProject is the Ministry of Finance's 项目支出绩效自评表
	// (财预〔2020〕10号, 附件).
	NationalProject
)

// spellings of each ID, canonical first. A group carries the kinds whose
// layouts print those spellings.
type group struct {
	id    ID
	kinds Kinds
	texts []string
}

var groups = []group{
	{DepartmentName, Department, []string{"部门名称", "单位名称", "部门(单位)名称", "预算部门名称", "部门", "预算单位", "预算单位名称"}},
	{Year, Either, []string{"被评价年度", "评价年度", "年度", "自评年度", "评价年份", "年份"}},
	{ProjectName, Project, []string{"项目名称"}},
	{Authority, Project, []string{"主管部门", "主管单位", "主管预算部门"}},
	{ImplementingUnit, Project, []string{"实施单位", "项目实施单位", "项目执行单位", "执行单位"}},
	{Code, Department, []string{"部门编码", "单位编码", "部门(单位)编码"}},
	{Code, Project, []string{"项目编码", "项目代码"}},

	{FundsBlock, Department, []string{"部门资金情况", "部门整体资金情况", "预算资金", "部门预算资金"}},
	{FundsBlock, Either, []string{"资金情况", "预算执行情况"}},
	{FundsBlock, Project, []string{"项目资金", "项目资金情况", "项目资金投入情况"}},
	{AdjustedBudget, Department, []string{"部门调整预算收入", "调整预算收入", "部门调整预算数"}},
	{AdjustedBudget, Either, []string{"全年预算数", "调整预算数", "调整后预算数", "调整后预算", "全年预算", "调整预算", "预算数"}},
	{InitialBudget, Department, []string{"部门年初预算收入", "年初预算收入", "部门年初预算数", "年初预算资金总额", "年初预算资金"}},
	{InitialBudget, Either, []string{"年初预算数", "年初预算"}},
	{ActualExpenditure, Department, []string{"实际支出数", "部门实际支出数", "实际支出", "实际投入资金额", "实际投入资金"}},
	{ActualExpenditure, Either, []string{"全年执行数", "实际执行数", "执行数", "全年实际执行数", "预算执行数"}},
	{Adjustment, Department, []string{"年度预算调整数"}},
	{Adjustment, Either, []string{"预算调整数"}},
	{CompletionRate, Department, []string{"预算完成率"}},
	{CompletionRate, Either, []string{"执行率", "预算执行率", "资金执行率"}},
	{AdjustmentRate, Department, []string{"预算调整率"}},
	{FundsTotal, Either, []string{"年度资金总额", "资金总额", "合计", "项目资金总额", "年度资金合计", "总计", "总额", "年度财政资金总额"}},
	{Weight, Either, []string{"分值", "权重", "标准分值"}},
	{Score, Either, []string{"得分", "自评得分"}},

	{GoalsBlock, Department, []string{"年度目标"}},
	{GoalsBlock, Either, []string{"年度总体目标", "年度绩效目标", "总体目标", "绩效目标"}},
	{Expected, Either, []string{"预期目标", "年度预期目标", "项目年度目标"}},
	{Expected, Department, []string{DepartmentExpected, "部门整体支出预期目标", "部门整体支出年度预期目标"}},
	{Achieved, Either, []string{"目标完成情况", "实际完成情况", "目标实际完成情况", "年度总体目标完成情况", "总体目标完成情况", "年度目标完成情况"}},
	{Achieved, Department, []string{DepartmentAchieved, "部门整体支出目标完成情况", "部门整体支出的实际完成情况"}},

	{TasksBlock, Department, []string{"主要任务"}},
	{TaskName, Department, []string{"任务名称"}},
	{IndicatorsBlock, Either, []string{"绩效指标", "年度绩效指标", "绩效指标完成情况", "年度绩效指标完成情况"}},
	{Level1, Either, []string{"一级指标"}},
	{Level2, Either, []string{"二级指标"}},
	{IndicatorName, Department, []string{"关键指标"}},
	{IndicatorName, Either, []string{"三级指标", "指标名称"}},
	{Target, Either, []string{"指标值", "年度指标值", "目标值", "年度目标值", "指标目标值", "预期指标值", "年初目标值"}},
	{TargetOperator, Either, []string{"指标性质"}},
	{TargetUnit, Either, []string{"度量单位", "计量单位"}},
	{Actual, Department, []string{"指标完成情况"}},
	{Actual, Either, []string{"实际完成值", "完成值", "实际完成情况值", "全年实际值", "实际值", "全年实际完成值"}},
	{Direction, Either, []string{"指标方向"}},
	{Deviation, Either, []string{"偏差原因分析及改进措施", "偏差原因分析", "未完成原因分析", "偏差原因", "偏差原因分析及改进措施说明"}},
	{TaskFunds, Department, []string{"任务涉及资金", "涉及资金"}},

	{KeyProjects, Department, []string{"重点项目绩效情况", "重点项目"}},
	{KeyProjectName, Department, []string{"重点项目名称"}},
	{KeyProjectText, Department, []string{"绩效情况", "项目绩效情况", "绩效情况说明"}},
	{KeyProjectFunds, Department, []string{"项目预算", "预算金额", "项目预算数"}},
	{SelfSelected, Department, []string{"自选重点项目", "是否自选", "是否自选重点项目"}},

	{Overall, Department, []string{"部门整体绩效", "部门整体绩效情况"}},
	{Overall, Either, []string{"评价结论", "主要绩效", "总体评价", "自评结论"}},
	{Problems, Either, []string{"存在问题", "存在的问题"}},
	{Improvements, Department, []string{"改进措施或下一步计划"}},
	{Improvements, Either, []string{"改进措施", "下一步改进措施", "整改措施", "改进意见", "改进措施及结果应用方案"}},
	{TotalScore, Either, []string{"总分", "合计得分", "总得分", "自评总分"}},
	{Grade, Either, []string{"评价等级", "等级", "自评等级"}},
	{Profile, Either, []string{"规则配置"}},
	{ExtraBlock, Either, []string{"其他栏目"}},
	{Heading, Either, []string{"年度预算数", "项目年度目标完成情况"}},

	// Cells published forms print that the file format has no key for:
	// an importer keeps them, with their label, in the form's extra list.
	{Keyless, Either, []string{
		"主管部门编码", "主管部门及编码", "项目概况", "项目简介", "立项依据", "项目立项依据",
		"联系电话", "联系人", "联系人及电话", "填报人", "填表人", "填报单位", "填报日期",
		"项目负责人", "项目负责人及电话", "单位负责人", "财务负责人", "审核人", "说明",
		"评价机构", "自评机构", "自评组织方式", "报表编号", "项目类别", "其他需要说明事项", "其他说明事项",
		"项目实施内容及过程概述", "偏差大或目标未完成原因分析", "原因", "项目基本情况", "标题",
	}},
}

// The goals block's column headers on Guangzhou's department form, which
// names whose goals they are.
const (
	DepartmentExpected = "部门整体支出的预期目标"
	DepartmentAchieved = "部门整体支出的目标完成情况"
)

// canonical holds the text each layout prints for a label, where it
// differs from the first spelling of the ID's first group.
var canonical = map[Layout]map[ID]string{
	NationalProject: {
		AdjustedBudget: "全年预算数", InitialBudget: "年初预算数", ActualExpenditure: "全年执行数",
		CompletionRate: "执行率", GoalsBlock: "年度总体目标", Achieved: "实际完成情况",
		IndicatorName: "三级指标", Target: "年度指标值", Actual: "实际完成值",
		Overall: "评价结论", Improvements: "改进措施", Adjustment: "预算调整数",
		Code: "项目编码", FundsBlock: "项目资金",
	},
	DeclarationLayout: declarationTexts,
	MonitoringLayout:  monitoringTexts,
	NationalDepartment: {
		FundsBlock: "预算资金", AdjustedBudget: "全年预算数", InitialBudget: "年初预算数", ActualExpenditure: "全年执行数",
		CompletionRate: "执行率", GoalsBlock: "年度总体目标", Achieved: "实际完成情况",
		IndicatorName: "三级指标", Target: "年度指标值", Actual: "实际完成值",
	},
}

// allGroups are the spellings of every kind's labels: the
// self-evaluation forms' and the cycle's (cycle.go).
func allGroups() []group { return slices.Concat(groups, cycleGroups) }

// first is the first spelling of each ID.
var first = func() map[ID]string {
	out := map[ID]string{}
	for _, g := range allGroups() {
		if out[g.id] == "" {
			out[g.id] = g.texts[0]
		}
	}
	out[Source] = "其中"
	out[Computed] = "计算值"
	out[Unit] = "单位"
	return out
}()

// Text returns the label as the layout prints it.
func Text(id ID, l Layout) string {
	if t, ok := canonical[l][id]; ok {
		return t
	}
	if l == NationalDepartment {
		if t, ok := canonical[NationalProject][id]; ok && id != Overall && id != Improvements && id != Code {
			return t
		}
	}
	return first[id]
}

type entry struct {
	id    ID
	kinds Kinds
}

// byKey maps each spelling's normalised text to its label.
var byKey = func() map[string]entry {
	m := map[string]entry{}
	for _, g := range allGroups() {
		for _, t := range g.texts {
			k := KeyOf(t)
			if _, dup := m[k]; dup {
				panic(fmt.Sprintf("vocab: the spelling %q is listed twice", t))
			}
			m[k] = entry{g.id, g.kinds}
		}
	}
	return m
}()

// Match is what a cell's text is as a label.
type Match struct {
	Norm
	// ID is the label; None for a text that is no label.
	ID ID
	// Kinds are the kinds whose layouts print this spelling; 0 for None.
	Kinds Kinds
	// Source is the row's source kind when ID is Source; "" for a 其中
	// heading with no source named, or for a source the format has no
	// kind for (then Keyless is true).
	Source budget.SourceKind
	// Keyless is true for a label the format has no key for: ID is
	// Keyless, or ID is Source with a source name the format has no kind
	// for (其中：事业收入).
	Keyless bool
}

// Lookup tells whether text is a label, and which. It accepts every
// spelling of every layout, in any width, with white space and line breaks
// anywhere, a trailing colon, and a trailing note in brackets.
func Lookup(text string) Match {
	n := Normalize(text)
	if n.Key == "" {
		return Match{}
	}
	m := Match{Norm: n}
	if e, ok := byKey[n.Key]; ok {
		m.ID, m.Kinds = e.id, e.kinds
		if n.Note == "计算值" {
			m.ID = Computed
		}
		m.Keyless = e.id == Keyless
		return m
	}
	if rest, ok := strings.CutPrefix(n.Key, "其中"); ok {
		rest = strings.TrimLeft(rest, ":")
		m.ID, m.Kinds = Source, Either
		if rest == "" {
			return m
		}
		if k, ok := sourceByKey[rest]; ok {
			m.Source = k
		} else if keylessSources[rest] {
			m.Keyless = true
		} else {
			m.ID, m.Kinds = None, 0 // 其中：something unknown: no label
			return m
		}
		return m
	}
	if k, ok := sourceByKey[n.Key]; ok {
		m.ID, m.Kinds, m.Source = Source, Either, k
		return m
	}
	if keylessSources[n.Key] {
		m.ID, m.Kinds, m.Keyless = Source, Either, true
		return m
	}
	if unitRE.MatchString(n.Key) {
		m.ID, m.Kinds = Unit, Either
		return m
	}
	if m, ok := lookupMonthly(n); ok {
		return m
	}
	return Match{}
}

// unitRE matches a unit statement once normalised: 单位:万元, 金额单位:元.
var unitRE = regexp.MustCompile(`^(?:金额|资金)?单位:(?:亿元|万元|元)$`)

// IsLabel reports whether text is any label.
func IsLabel(text string) bool { return Lookup(text).ID != None }
