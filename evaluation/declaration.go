package evaluation

import (
	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
)

// DeclarationForm is 项目支出绩效目标申报表, the project expenditure
// performance-target declaration a department files with its budget
// request (财预〔2015〕88号; the layout of 财预〔2011〕285号 附1-1). Its
// targets are what the monitoring form and the self-evaluation are later
// held to: "绩效目标确定后，一般不予调整" (88号 第二十八条).
//
// Like the self-evaluation forms it is a plain value holding what was
// filed; Evaluate never modifies it. A declaration has no figures and is
// not scored.
type DeclarationForm struct {
	Profile string `yaml:"profile" label:"规则配置"`
	// Project is 项目名称.
	Project string `yaml:"project" label:"项目名称"`
	// Code is 项目编码, where the form prints one; it links the project's
	// declaration, monitoring and self-evaluation forms.
	Code string `yaml:"code" label:"项目编码"`
	// Department is 主管部门 (主管预算部门).
	Department string `yaml:"department" label:"主管部门"`
	// ImplementingUnit is 项目实施单位.
	ImplementingUnit string `yaml:"implementing_unit" label:"项目实施单位"`
	// Attribute is 项目属性 as written: 经常性项目, 一次性项目, 新增项目,
	// 延续项目, 持续性, 新增性. Any other text is kept; rule
	// declaration.attribute reports it.
	Attribute string `yaml:"attribute" label:"项目属性"`
	// Type is 项目类型 as written: 常年性, 延续性, 一次性.
	Type string `yaml:"type" label:"项目类型"`
	// Period is 项目起止时间.
	Period Period      `yaml:"period" label:"项目起止时间"`
	Year   int         `yaml:"year" label:"年度" validate:"omitempty,gte=1949,lte=2200"`
	Unit   budget.Unit `yaml:"unit" label:"单位"`
	// Funds is 项目资金申请 (年度资金总额 and its sources).
	Funds DeclarationFunds `yaml:"funds" label:"项目资金"`
	// Goals are 长期目标 and 年度目标.
	Goals DeclarationGoals `yaml:"goals" label:"项目绩效目标"`
	// Indicators are the 年度绩效指标 rows: the annual targets the later
	// stages are traced against.
	Indicators []DeclarationIndicator `yaml:"indicators" label:"年度绩效指标" validate:"max=1000,dive"`
	// LongTermIndicators are the 长期绩效指标 rows, where the layout has
	// them.
	LongTermIndicators []DeclarationIndicator `yaml:"long_term_indicators" label:"长期绩效指标" validate:"max=1000,dive"`
	// Extra holds the labelled cells the format has no key for (主管部门编码,
	// 项目负责人, 项目概况, 立项依据 …).
	Extra []Extra `yaml:"extra" label:"其他栏目" validate:"max=1000"`
}

// Kind returns Declaration.
func (*DeclarationForm) Kind() Kind { return Declaration }

// Header returns the project's name, year, unit and profile.
func (f *DeclarationForm) Header() Header {
	return Header{Name: f.Project, Year: f.Year, Unit: f.Unit, Profile: f.Profile}
}

func (*DeclarationForm) isForm() {}

// Period is 项目起止时间: when the project starts and ends, as written.
type Period struct {
	Start Date `yaml:"start" label:"开始时间"`
	End   Date `yaml:"end" label:"完成时间"`
}

// DeclarationFunds is the declaration's 项目资金申请 block: 资金总额 and
// where it comes from.
type DeclarationFunds struct {
	// Total is 资金总额 (年度资金总额).
	Total *budget.Amount `yaml:"total" label:"资金总额"`
	// Fiscal is 其中：财政拨款.
	Fiscal *budget.Amount `yaml:"fiscal" label:"财政拨款"`
	// Other is 其他资金.
	Other *budget.Amount `yaml:"other" label:"其他资金"`
	// Sources are further rows (自有资金, 事业收入, 经营性收入, …).
	Sources []FundRow `yaml:"sources" label:"资金来源" validate:"max=1000"`
}

// SourcesSum returns the sum, in unit u, of the amounts the source rows
// state (财政拨款, 其他资金 and the further rows), or nil when none states
// one. It is what 资金总额 should be.
func (f DeclarationFunds) SourcesSum(u budget.Unit) *budget.Amount {
	var parts []budget.Amount
	for _, a := range []*budget.Amount{f.Fiscal, f.Other} {
		if a != nil {
			parts = append(parts, *a)
		}
	}
	for _, r := range f.Sources {
		if r.Amount != nil {
			parts = append(parts, *r.Amount)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	sum := budget.Sum(u, parts...)
	return &sum
}

// FundRow is one further source row of a declaration's funds block.
type FundRow struct {
	Name   string         `yaml:"name" label:"资金来源"`
	Amount *budget.Amount `yaml:"amount" label:"金额"`
}

// DeclarationGoals are 项目绩效目标.
type DeclarationGoals struct {
	// LongTerm is 长期目标 (中期目标 on some layouts).
	LongTerm string `yaml:"long_term" label:"长期目标"`
	// Annual is 年度目标, one item each.
	Annual []string `yaml:"annual" label:"年度目标"`
}

// DeclarationIndicator is one row of a declaration's 绩效指标 table:
// 一级指标 | 二级指标 | 指标内容 (三级指标) | 指标值 | 备注. The target is kept as
// written; Evaluate interprets it with the indicator package.
type DeclarationIndicator struct {
	// Level1 is 一级指标 (产出指标, 效益指标, 满意度指标).
	Level1 string `yaml:"level1" label:"一级指标" validate:"-"`
	// Level2 is 二级指标 (数量指标, 成本指标, 社会效益指标, …).
	Level2 string `yaml:"level2" label:"二级指标" validate:"-"`
	// Name is 三级指标 (指标内容).
	Name string `yaml:"name" label:"三级指标" validate:"-"`
	// Target is 指标值 as written, operator included ("≥20台").
	Target string `yaml:"target" label:"指标值" validate:"-"`
	// Basis is 取值依据 as written (计划标准, 行业标准, 历史标准, 其他 …);
	// it is not checked against a list.
	Basis string `yaml:"basis" label:"取值依据" validate:"-"`
	// Weight is 分值 where the layout gives one; nil otherwise.
	Weight *decimal.Decimal `yaml:"weight" label:"分值" validate:"omitempty,decimal_nonnegative"`
	// Note is 备注.
	Note string `yaml:"note" label:"备注" validate:"-"`
}
