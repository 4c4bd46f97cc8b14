package vocab

import (
	"regexp"
	"strconv"
	"strings"
)

// The labels of the performance cycle's forms before the self-evaluation:
// the declaration (项目支出绩效目标申报表) and the monitoring form
// (项目支出绩效目标执行监控表). They share the header, funds and indicator
// labels above with the self-evaluation forms (项目名称, 主管部门, 资金总额,
// 一级指标, 指标值, 年初预算数 …) and add these. Their IDs are numbered
// apart from the self-evaluation's and the department evaluation's
// (evaluation.go), so that every kind's labels keep a block of their own.
const cycleIDs ID = 0x200

const (
	// Attribute is 项目属性 (经常性项目, 新增项目 …); the self-evaluation
	// forms keep it in extra.
	Attribute ID = cycleIDs + iota
	// ProjectType is 项目类型 (常年性, 延续性, 一次性).
	ProjectType
	// Period is 项目起止时间.
	Period
	// LongTermGoal is 长期目标 (中长期目标, 中期目标).
	LongTermGoal
	// LongTermIndicators is 长期绩效指标, the block of long-term indicators.
	LongTermIndicators
	// Basis is 取值依据, the basis of an indicator's target.
	Basis
	// Note is 备注: an indicator's note on the declaration.
	Note
	// AsOf is 监控期间: X of 1-X月, where a form states it in a cell of
	// its own rather than in its column labels.
	AsOf
	// ExecutedToDate is 1-X月执行数.
	ExecutedToDate
	// ExecutionRateToDate is 1-X月执行率.
	ExecutionRateToDate
	// FundsForecast is 全年预计执行数.
	FundsForecast
	// ProgressToDate is 1-X月执行情况 (半年度指标执行情况).
	ProgressToDate
	// IndicatorForecast is 全年预计完成情况.
	IndicatorForecast
	// Likelihood is 完成目标可能性.
	Likelihood
	// The five columns of 偏差原因分析: 经费保障, 制度保障, 人员保障,
	// 硬件条件保障 (硬件保障), 其他. The last prints as 其他, a text that
	// elsewhere names a source of funds: under 偏差原因分析 the reader
	// takes it for this column.
	DeviationFunding
	DeviationSystem
	DeviationStaffing
	DeviationFacilities
	DeviationOther
	// Measures is 相关建议或举措: the measures proposed, as an indicator's
	// column or a row of the whole form.
	Measures
	// FormDeviation is 偏差或不能完成目标原因分析, a row of the whole form.
	FormDeviation

	cycleEnd
)

// Cycle is a spelling both the declaration and the monitoring form print.
const Cycle = Declaration | Monitoring

// The layouts of the cycle's forms, for the canonical texts.
const (
	// DeclarationLayout is 项目支出绩效目标申报表 as the finance bureaus
	// publish it (财预〔2015〕88号; the layout of 财预〔2011〕285号 附1-1):
	// 项目名称, 主管部门 | 项目实施单位, 项目属性, 项目起止时间, 项目资金申请
	// (资金总额, 其中：财政拨款, 其他资金), 总体目标 (长期目标 | 年度目标), and
	// the 长期 and 年度 绩效指标 tables.
	DeclarationLayout Layout = 0x10 + iota
	// MonitoringLayout is 项目支出绩效目标执行监控表 (财预〔2019〕136号):
	// 项目资金 in columns (年初预算数 | 调整后预算数 | 1-X月执行数 |
	// 1-X月执行率 | 全年预计执行数), 年度总体目标, and 绩效指标 with
	// 1-X月执行情况, 全年预计完成情况, 偏差原因分析 in five columns,
	// 完成目标可能性 and 改进措施.
	MonitoringLayout
)

// Titles of the cycle's forms as their layouts print them.
const (
	TitleDeclaration = "项目支出绩效目标申报表"
	TitleMonitoring  = "项目支出绩效目标执行监控表"
)

// cycleGroups are the spellings of the cycle's labels, canonical first,
// and the spellings of shared labels only the cycle's forms print.
// Sources: the forms in markdown/testdata/cycle (湖北青山 2020, 湖南岳阳
// 2022, 四川昭化 2021, 宁夏石嘴山 2020, 湖北黄石 2019 监控表); 硬件保障 is
// the vendors' spelling of 硬件条件保障, 不可能 Huangshi's of 完全不可能.
var cycleGroups = []group{
	{Attribute, Cycle, []string{"项目属性"}},
	{ProjectType, Cycle, []string{"项目类型"}},
	{Period, Declaration, []string{"项目起止时间", "项目实施期", "项目期限", "项目期", "项目周期", "起止时间", "项目实施周期", "实施周期", "项目起止日期"}},
	{LongTermGoal, Declaration, []string{"长期目标", "中长期目标", "中期目标", "长期绩效目标", "中期绩效目标", "中长期绩效目标"}},
	{LongTermIndicators, Declaration, []string{"长期绩效指标", "中长期绩效指标", "中期绩效指标"}},
	{Basis, Declaration, []string{"取值依据", "指标值设定依据", "指标值确定依据", "指标取值依据"}},
	{Note, Cycle, []string{"备注"}},
	{AsOf, Monitoring, []string{"监控期间", "监控月份", "监控时段"}},
	{FundsForecast, Monitoring, []string{"全年预计执行数", "全年预计执行金额", "预计全年执行数", "全年预计支出数"}},
	{ProgressToDate, Monitoring, []string{"执行情况", "目标执行情况", "指标执行情况"}},
	{IndicatorForecast, Monitoring, []string{"全年预计完成情况", "全年预计完成值", "预计全年完成情况", "全年预计完成"}},
	{Likelihood, Monitoring, []string{"完成目标可能性", "完成可能性", "目标完成可能性"}},
	{DeviationFunding, Monitoring, []string{"经费保障"}},
	{DeviationSystem, Monitoring, []string{"制度保障"}},
	{DeviationStaffing, Monitoring, []string{"人员保障"}},
	{DeviationFacilities, Monitoring, []string{"硬件条件保障", "硬件保障"}},
	{DeviationOther, Monitoring, []string{"其他原因", "其他偏差原因"}},
	{Measures, Monitoring, []string{"相关建议或举措", "建议或举措", "相关建议及举措", "拟采取的措施"}},
	{FormDeviation, Monitoring, []string{"偏差或不能完成目标原因分析", "不能完成目标原因分析", "偏差或不能完成目标的原因分析"}},

	// Shared labels in the spellings only the cycle's forms print.
	{FundsBlock, Declaration, []string{"项目资金申请", "资金申请"}},
	// 绩效金额: the project's money on 宁夏's 项目绩效目标批复表.
	{FundsTotal, Declaration, []string{"绩效金额"}},
	{Expected, Monitoring, []string{"年初设定目标"}},
	// 金额（万元）: a column's heading in 四川's funds block.
	{Heading, Declaration, []string{"金额"}},
	// The second pair of amounts 湖北青山's declaration prints beside 资金总额,
	// and 285号's 中期资金总额 beside 年度资金总额; 285号's 主管部门及代码.
	{Keyless, Declaration, []string{"当年资金总额", "中期资金总额", "当年其他资金", "主管部门及代码"}},
	{Authority, Cycle, []string{"项目主管部门"}},
	{IndicatorName, Declaration, []string{"指标内容"}},
	// A table's caption printed above it: 湖北青山's 绩效项目指标表.
	{Heading, Declaration, []string{"绩效项目指标表", "绩效指标表", "项目绩效指标表"}},
}

// OfCycle reports whether a label is one of the cycle's own (项目属性,
// 长期目标, 1-7月执行数 …): on a self-evaluation form it names a cell the
// file format has no key for there.
func OfCycle(id ID) bool { return id >= cycleIDs && id < cycleEnd }

// cycleTexts are the texts the cycle's layouts print, where they differ
// from an ID's first spelling.
var (
	declarationTexts = map[ID]string{
		ProjectName: "项目名称", Code: "项目编码", Authority: "主管部门", ImplementingUnit: "项目实施单位",
		FundsBlock: "项目资金申请", FundsTotal: "资金总额", GoalsBlock: "总体目标",
		IndicatorsBlock: "年度绩效指标", IndicatorName: "三级指标", Target: "指标值",
	}
	monitoringTexts = map[ID]string{
		ProjectName: "项目名称", Code: "项目编码", Authority: "主管部门",
		FundsBlock: "项目资金", FundsTotal: "年度资金总额", InitialBudget: "年初预算数", AdjustedBudget: "调整后预算数",
		GoalsBlock: "年度总体目标", IndicatorsBlock: "绩效指标", IndicatorName: "三级指标", Target: "年度指标值",
		Deviation: "偏差原因分析", Improvements: "改进措施", DeviationOther: "其他",
	}
)

// Texts of cells the cycle's layouts print that are labels of a kind of
// their own there.
const (
	// AnnualGoalText heads the annual goals' column: 年度目标 (a spelling of
	// GoalsBlock, which elsewhere opens the goals block).
	AnnualGoalText = "年度目标"
	// FiscalText labels a declaration's 财政拨款 row.
	FiscalText = "其中：财政拨款"
	// OtherText labels a declaration's 其他资金 row.
	OtherText = "其他资金"
)

// monthlyRE reads a label of the months monitored: 1-7月执行数, 1-X月执行率,
// 1至6月份执行情况, 半年度指标执行情况, 上半年执行数. Its first group is the month.
var monthlyRE = regexp.MustCompile(`^(?:1[-—–~～至到]([0-9]{1,2}|[Xx])月份?|(半年度?|上半年))(.+)$`)

// monthly are the labels a month may open, by what follows it.
var monthly = map[string]ID{
	"执行数": ExecutedToDate, "预算执行数": ExecutedToDate, "资金执行数": ExecutedToDate, "实际执行数": ExecutedToDate, "支出数": ExecutedToDate,
	"执行率": ExecutionRateToDate, "预算执行率": ExecutionRateToDate, "资金执行率": ExecutionRateToDate,
	"执行情况": ProgressToDate, "指标执行情况": ProgressToDate, "实际完成情况": ProgressToDate, "完成情况": ProgressToDate,
	"实际完成值": ProgressToDate, "完成值": ProgressToDate,
}

// lookupMonthly reads a label of the months monitored, which the
// monitoring form prints with its X: 1-7月执行数.
func lookupMonthly(n Norm) (Match, bool) {
	m := monthlyRE.FindStringSubmatch(n.Key)
	if m == nil {
		return Match{}, false
	}
	id, ok := monthly[m[3]]
	if !ok {
		return Match{}, false
	}
	if n.Note == "计算值" {
		id = Computed
	}
	return Match{Norm: n, ID: id, Kinds: Monitoring}, true
}

// MonthIn returns the X a label of the months monitored states: 7 for
// 1-7月执行数, 6 for 半年度指标执行情况, 0 for 1-X月执行率 (the template's
// X). ok is false for a text that is no such label.
func MonthIn(text string) (x int, ok bool) {
	m := monthlyRE.FindStringSubmatch(Normalize(text).Key)
	if m == nil {
		return 0, false
	}
	if _, ok := monthly[m[3]]; !ok {
		return 0, false
	}
	switch {
	case m[2] != "":
		return 6, true // 半年度, 上半年: January to June
	case m[1] == "X" || m[1] == "x":
		return 0, true
	}
	x, err := strconv.Atoi(m[1])
	if err != nil || x < 1 || x > 12 {
		return 0, false
	}
	return x, true
}

// MonthLabel is a label of the months monitored as the monitoring form
// prints it for month x: "1-7月执行数"; "1-X月执行数" for x = 0, the month
// not stated. It is "" for an ID that is no such label.
func MonthLabel(id ID, x int) string {
	var rest string
	switch id {
	case ExecutedToDate:
		rest = "执行数"
	case ExecutionRateToDate:
		rest = "执行率"
	case ProgressToDate:
		rest = "执行情况"
	default:
		return ""
	}
	m := "X"
	if x >= 1 && x <= 12 {
		m = strconv.Itoa(x)
	}
	return "1-" + m + "月" + rest
}

// IsTickBoxes reports whether a text is a row of tick boxes, as the
// Hubei forms print their 项目类别 without a label: "1、部门预算项目 □
// 2、省直专项 □ 3、省对下转移支付项目 □".
func IsTickBoxes(text string) bool {
	if len(text) > maxTitleBytes {
		return false
	}
	return strings.ContainsAny(text, "□☑■√") && strings.Count(text, "、") >= 2
}

// GenericTitle reports whether a title, its year left out, names no more
// than the form's kind: 项目支出绩效目标表 or 绩效目标申报表 for a
// declaration, 项目支出绩效监控表 for a monitoring form. A title that says
// more (黄石市项目支出绩效监控表 (申遗)) is worth keeping.
func GenericTitle(k Kinds, title string) bool {
	t := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '*' || r == '#' {
			return -1
		}
		return r
	}, Fold(title))
	switch k {
	case Declaration:
		switch t {
		case TitleDeclaration, "项目支出绩效目标表", "绩效目标申报表", "绩效目标表", "项目绩效目标申报表", "项目绩效目标表":
			return true
		}
	case Monitoring:
		switch t {
		case TitleMonitoring, "项目支出绩效监控表", "项目支出绩效运行监控表", "绩效运行监控表", "项目绩效运行监控表", "绩效目标执行监控表":
			return true
		}
	}
	return false
}
