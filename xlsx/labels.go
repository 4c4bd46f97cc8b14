package xlsx

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/perfeval/perfeval/budget"
)

// The labels of the two forms, as printed. Export writes these; Import
// looks cells up by them (and by the aliases below), so a sheet laid out
// differently but labelled the same way reads the same.
const (
	titleDepartment = "部门整体支出绩效自评表"
	titleProject    = "项目支出绩效自评表"

	lblDepartment     = "部门名称"
	lblYear           = "被评价年度"
	lblProjectYear    = "评价年度"
	lblFundsSection   = "部门资金情况"
	lblAdjusted       = "部门调整预算收入"
	lblInitial        = "部门年初预算收入"
	lblActual         = "实际支出数"
	lblAdjustment     = "年度预算调整数"
	lblCompletion     = "预算完成率"
	lblAdjustmentRate = "预算调整率"
	lblComputed       = "(计算值)" // suffix of the formula cells' labels, normalised
	lblSourcePrefix   = "其中："
	lblSubAdjusted    = "调整预算"
	lblSubInitial     = "年初预算"

	lblGoals         = "年度目标"
	lblDeptExpected  = "部门整体支出的预期目标"
	lblDeptAchieved  = "部门整体支出的目标完成情况"
	lblTasks         = "主要任务"
	lblExpected      = "预期目标"
	lblAchieved      = "目标完成情况"
	lblKeyIndicator  = "关键指标"
	lblIndicatorDone = "指标完成情况"
	lblTaskFunds     = "任务涉及资金"

	lblKeyProjects  = "重点项目绩效情况"
	lblKPSummary    = "绩效情况"
	lblKPBudget     = "项目预算"
	lblKPSelf       = "自选重点项目"
	lblOverall      = "部门整体绩效"
	lblProblems     = "存在问题"
	lblImprovements = "改进措施或下一步计划"
	lblProfile      = "规则配置"

	lblTarget    = "指标值"
	lblDirection = "指标方向"
	lblWeight    = "分值"
	lblScore     = "得分"
	lblDeviation = "偏差原因分析及改进措施"
	lblLevel1    = "一级指标"
	lblLevel2    = "二级指标"
	lblLevel3    = "三级指标"
	lblYearValue = "年度指标值"
	lblActualVal = "实际完成值"

	lblProject          = "项目名称"
	lblSupervisor       = "主管部门"
	lblImplementer      = "实施单位"
	lblProjectFunds     = "项目资金"
	lblPInitial         = "年初预算数"
	lblPAdjusted        = "全年预算数"
	lblPActual          = "全年执行数"
	lblExecRate         = "执行率"
	lblFundsTotal       = "年度资金总额"
	lblOverallGoal      = "年度总体目标"
	lblActualDone       = "实际完成情况"
	lblIndicators       = "绩效指标"
	lblTotal            = "总分"
	lblGrade            = "评价等级"
	lblConclusion       = "评价结论"
	lblPImprovements    = "改进措施"
	lblComputedCompl    = lblCompletion + "（计算值）"
	lblComputedAdjRate  = lblAdjustmentRate + "（计算值）"
	lblComputedExecRate = lblExecRate + "（计算值）"
)

// Aliases: other wordings of the same label seen on published forms.
var (
	aliasYear         = []string{lblYear, lblProjectYear, "年度", "评价年份", "年份"}
	aliasAdjusted     = []string{lblAdjusted, "调整预算收入", "部门调整预算数"}
	aliasInitial      = []string{lblInitial, "年初预算收入", "部门年初预算数"}
	aliasActual       = []string{lblActual, "部门实际支出数", "实际支出"}
	aliasExpected     = []string{lblDeptExpected, lblExpected, "年度预期目标", "部门整体支出年度预期目标"}
	aliasAchieved     = []string{lblDeptAchieved, lblAchieved, lblActualDone, "部门整体支出的实际完成情况", "目标实际完成情况"}
	aliasTaskName     = []string{lblTasks, "任务名称", "任务"}
	aliasTarget       = []string{lblTarget, lblYearValue, "年度目标值", "指标目标值"}
	aliasActualVal    = []string{lblActualVal, lblIndicatorDone, "实际完成情况值", "全年实际值"}
	aliasDeviation    = []string{lblDeviation, "偏差原因分析", "未完成原因分析", "偏差原因"}
	aliasKPName       = []string{lblProject, "重点项目名称"}
	aliasKPSummary    = []string{lblKPSummary, "项目绩效情况", "绩效情况说明"}
	aliasKPBudget     = []string{lblKPBudget, "预算金额", "项目预算数"}
	aliasKPSelf       = []string{lblKPSelf, "是否自选", "是否自选重点项目"}
	aliasOverall      = []string{lblOverall, "部门整体绩效情况"}
	aliasProblems     = []string{lblProblems, "存在的问题"}
	aliasImprovements = []string{lblImprovements, lblPImprovements, "下一步改进措施"}
	aliasConclusion   = []string{lblConclusion, "主要绩效", "总体评价"}
	aliasFundsTotal   = []string{lblFundsTotal, "资金总额", "合计", "项目资金总额"}
	aliasTotal        = []string{lblTotal, "总得分"}
	aliasGrade        = []string{lblGrade, "自评等级", "等级"}
	aliasSupervisor   = []string{lblSupervisor, "主管单位"}
	aliasImplementer  = []string{lblImplementer}
)

// sourceAliases maps the labels of 其中 rows, normalised, to their kinds.
var sourceAliases = func() map[string]budget.SourceKind {
	m := map[string]budget.SourceKind{}
	for _, k := range budget.SourceKinds() {
		m[normalize(k.Label())] = k
	}
	m[normalize("当年财政拨款")] = budget.CurrentAppropriation
	m[normalize("财政拨款")] = budget.CurrentAppropriation
	m[normalize("上年结转")] = budget.PriorCarryover
	m[normalize("其他")] = budget.OtherFunds
	return m
}()

// knownLabels is every label this package writes or accepts, normalised.
// A cell holding one is a label, never a value.
var knownLabels = func() map[string]bool {
	m := map[string]bool{}
	add := func(ss ...string) {
		for _, s := range ss {
			m[normalize(s)] = true
		}
	}
	add(lblDepartment, lblFundsSection, lblAdjustment, lblCompletion, lblAdjustmentRate,
		lblSubAdjusted, lblSubInitial, lblGoals, lblTasks, lblKeyIndicator, lblTaskFunds,
		lblKeyProjects, lblProfile, lblDirection, lblWeight, lblScore, lblLevel1, lblLevel2, lblLevel3,
		lblProjectFunds, lblPInitial, lblPAdjusted, lblPActual, lblExecRate, lblOverallGoal, lblIndicators,
		lblComputedCompl, lblComputedAdjRate, lblComputedExecRate)
	for _, a := range [][]string{aliasYear, aliasAdjusted, aliasInitial, aliasActual, aliasExpected, aliasAchieved,
		aliasTaskName, aliasTarget, aliasActualVal, aliasDeviation, aliasKPName, aliasKPSummary, aliasKPBudget,
		aliasKPSelf, aliasOverall, aliasProblems, aliasImprovements, aliasConclusion, aliasFundsTotal, aliasTotal,
		aliasGrade, aliasSupervisor, aliasImplementer} {
		add(a...)
	}
	return m
}()

// Label kinds that are not plain labels.
const (
	keyTitleDepartment = "\x00title:department"
	keyTitleProject    = "\x00title:project"
	keyUnit            = "\x00unit"
	keySourcePrefix    = "\x00source:"
)

// maxLabelBytes: a cell longer than this is text, never a label; it keeps
// label matching cheap on cells holding whole paragraphs.
const maxLabelBytes = 160

// normalize folds a cell's text for label matching: full-width digits,
// letters' punctuation and parentheses to ASCII, all white space removed
// (labels wrap inside their cells), a trailing colon and leading "*"
// (a required-field mark) dropped.
func normalize(s string) string {
	if len(s) > maxLabelBytes {
		return ""
	}
	s = budget.FoldWidth(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r == '（':
			r = '('
		case r == '）':
			r = ')'
		case r == '：':
			r = ':'
		}
		b.WriteRune(r)
	}
	t := strings.TrimRight(b.String(), ":")
	return strings.TrimLeft(t, "*")
}

// labelKey returns what the cell text labels: the normalised label, one of
// the key* markers, or "" for a value. A trailing parenthesised note is
// ignored ("全年预算数（A）", "项目资金（万元）", "执行率（B/A）") except
// "（计算值）", which marks this package's formula cells.
func labelKey(text string) string {
	n := normalize(text)
	if n == "" {
		return ""
	}
	if knownLabels[n] {
		return n
	}
	if strings.Contains(n, titleDepartment) {
		return keyTitleDepartment
	}
	if strings.Contains(n, titleProject) {
		return keyTitleProject
	}
	if strings.HasPrefix(n, "单位:") || strings.HasPrefix(n, "金额单位:") {
		return keyUnit
	}
	if rest, ok := strings.CutPrefix(n, "其中"); ok {
		if k, ok := sourceAliases[strings.TrimLeft(rest, ":")]; ok {
			return keySourcePrefix + string(k)
		}
	}
	if k, ok := sourceAliases[n]; ok {
		return keySourcePrefix + string(k)
	}
	if strings.HasSuffix(n, ")") {
		if i := strings.LastIndexByte(n, '('); i > 0 && n[i:] != lblComputed && knownLabels[n[:i]] {
			return n[:i]
		}
	}
	return ""
}

// unitOf reads the unit a label states: "单位：万元", "项目资金（元）".
func unitOf(text string) (budget.Unit, bool) {
	n := normalize(text)
	if _, rest, ok := strings.Cut(n, "单位:"); ok {
		u, err := budget.ParseUnit(rest)
		return u, err == nil
	}
	if strings.HasSuffix(n, ")") {
		if i := strings.LastIndexByte(n, '('); i >= 0 {
			u, err := budget.ParseUnit(n[i+1 : len(n)-1])
			return u, err == nil
		}
	}
	return 0, false
}

// yearNote matches a subtitle stating the year: "（2025年度）", "2025年度".
var yearNote = regexp.MustCompile(`^\(?([12][0-9]{3})年度\)?$`)

// directionLabels are the 指标方向 cell texts Export writes, with the
// file format's names; Import accepts both.
var directionLabels = [...]string{"", "正向", "反向", "等于", "定性"}
