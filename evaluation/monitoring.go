package evaluation

import (
	"strings"

	"github.com/perfeval/perfeval/budget"
)

// MonitoringForm is 项目支出绩效目标执行监控表, the project's performance
// targets and spending watched during the year: 1-X月 execution against
// the budget, and for each indicator how far it has come, what the year
// will likely bring and whether the target will be reached (财预〔2019〕136号,
// the "双监控" of 中发〔2018〕34号).
//
// Like the other forms it is a plain value holding what was filed;
// Evaluate never modifies it. Its figures are the 1-X月 execution rate and
// the share of the year elapsed; it is not scored.
type MonitoringForm struct {
	Profile string `yaml:"profile" label:"规则配置"`
	// Project is 项目名称.
	Project string `yaml:"project" label:"项目名称"`
	// Code is 项目编码; it links the project's forms of one year.
	Code string `yaml:"code" label:"项目编码"`
	// Department is 主管部门.
	Department string `yaml:"department" label:"主管部门"`
	Year       int    `yaml:"year" label:"年度" validate:"omitempty,gte=1949,lte=2200"`
	// AsOf is X of 1-X月: the last month monitored.
	AsOf Month       `yaml:"as_of" label:"监控期间（1-X月）"`
	Unit budget.Unit `yaml:"unit" label:"单位"`
	// Funds is 项目资金.
	Funds MonitoringFunds `yaml:"funds" label:"项目资金"`
	// Goals are 年度总体目标 and their 执行情况.
	Goals MonitoringGoals `yaml:"goals" label:"年度总体目标"`
	// Indicators are the 绩效指标 rows.
	Indicators []MonitoringIndicator `yaml:"indicators" label:"绩效指标" validate:"max=1000,dive"`
	// Deviation is the form-level 偏差或不能完成目标原因分析, where the layout
	// has one row for the whole form (Huangshi 2019) rather than columns.
	Deviation string `yaml:"deviation" label:"偏差或不能完成目标原因分析"`
	// Measures is the form-level 相关建议或举措.
	Measures string `yaml:"measures" label:"相关建议或举措"`
	// Extra holds the labelled cells the format has no key for (项目执行单位,
	// 项目属性, 项目类型, 预算类别 …).
	Extra []Extra `yaml:"extra" label:"其他栏目" validate:"max=1000"`
}

// Kind returns Monitoring.
func (*MonitoringForm) Kind() Kind { return Monitoring }

// Header returns the project's name, year, unit and profile.
func (f *MonitoringForm) Header() Header {
	return Header{Name: f.Project, Year: f.Year, Unit: f.Unit, Profile: f.Profile}
}

func (*MonitoringForm) isForm() {}

// MonitoringFunds is the monitoring form's 项目资金 block.
type MonitoringFunds struct {
	// AnnualBudget is 年初预算数.
	AnnualBudget *budget.Amount `yaml:"annual_budget" label:"年初预算数"`
	// AdjustedBudget is 调整后预算数 (全年预算数); when absent the annual
	// budget stands for it.
	AdjustedBudget *budget.Amount `yaml:"adjusted_budget" label:"调整后预算数"`
	// Executed is 1-X月执行数.
	Executed *budget.Amount `yaml:"executed" label:"1-X月执行数"`
	// Forecast is 全年预计执行数.
	Forecast *budget.Amount `yaml:"forecast" label:"全年预计执行数"`
	// Sources are the 其中 rows (其中：财政拨款, 其他资金, …).
	Sources []MonitoringFundRow `yaml:"sources" label:"其中" validate:"max=1000"`
	// Reported holds the rate as printed.
	Reported MonitoringReported `yaml:"reported"`
}

// Budget returns the budget the 1-X月 execution rate is taken against:
// 调整后预算数, else 年初预算数; nil when the form states neither.
func (f MonitoringFunds) Budget() *budget.Amount {
	if f.AdjustedBudget != nil {
		return f.AdjustedBudget
	}
	return f.AnnualBudget
}

// MonitoringFundRow is one 其中 row of the monitoring form's funds block.
type MonitoringFundRow struct {
	Name           string         `yaml:"name" label:"资金来源"`
	AnnualBudget   *budget.Amount `yaml:"annual_budget" label:"年初预算数"`
	AdjustedBudget *budget.Amount `yaml:"adjusted_budget" label:"调整后预算数"`
	Executed       *budget.Amount `yaml:"executed" label:"1-X月执行数"`
	Forecast       *budget.Amount `yaml:"forecast" label:"全年预计执行数"`
}

// MonitoringReported holds the monitoring form's figures as printed.
type MonitoringReported struct {
	// ExecutionRate is 1-X月执行率.
	ExecutionRate *budget.Rate `yaml:"execution_rate" label:"1-X月执行率"`
}

// MonitoringGoals are 年度总体目标 and how far they have come.
type MonitoringGoals struct {
	// Annual is 年度总体目标, one item each.
	Annual []string `yaml:"annual" label:"年度总体目标"`
	// Progress is 执行情况 (1-X月执行情况).
	Progress string `yaml:"progress" label:"执行情况"`
}

// MonitoringIndicator is one 绩效指标 row of the monitoring form.
type MonitoringIndicator struct {
	Level1 string `yaml:"level1" label:"一级指标" validate:"-"`
	Level2 string `yaml:"level2" label:"二级指标" validate:"-"`
	// Name is 三级指标.
	Name string `yaml:"name" label:"三级指标" validate:"-"`
	// Target is 年度指标值 as written.
	Target string `yaml:"target" label:"年度指标值" validate:"-"`
	// Progress is 1-X月执行情况 as written.
	Progress string `yaml:"progress" label:"1-X月执行情况" validate:"-"`
	// Forecast is 全年预计完成情况 as written.
	Forecast string `yaml:"forecast" label:"全年预计完成情况" validate:"-"`
	// Likelihood is 完成目标可能性.
	Likelihood Likelihood `yaml:"likelihood" label:"完成目标可能性" validate:"-"`
	// Deviation is 偏差原因分析 in its five columns.
	Deviation Deviation `yaml:"deviation" label:"偏差原因分析"`
	// Measures is 改进措施 (相关建议或举措).
	Measures string `yaml:"measures" label:"改进措施" validate:"-"`
}

// Deviation is 偏差原因分析 in the central monitoring form's five columns.
type Deviation struct {
	Funding    string `yaml:"funding" label:"经费保障" validate:"-"`
	System     string `yaml:"system" label:"制度保障" validate:"-"`
	Staffing   string `yaml:"staffing" label:"人员保障" validate:"-"`
	Facilities string `yaml:"facilities" label:"硬件条件保障" validate:"-"`
	Other      string `yaml:"other" label:"其他" validate:"-"`
}

// IsEmpty reports whether every column is blank.
func (d Deviation) IsEmpty() bool {
	for _, s := range []string{d.Funding, d.System, d.Staffing, d.Facilities, d.Other} {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}
