package evaluation

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
)

// Kind names the form a file holds (its `kind:` key).
type Kind string

const (
	// Department is 部门整体支出绩效自评表.
	Department Kind = "department-self-evaluation"
	// Project is 项目支出绩效自评表.
	Project Kind = "project-self-evaluation"
)

// In returns the form's title in lang: its Chinese title
// (部门整体支出绩效自评表), or its name in English words ("department
// self-evaluation").
func (k Kind) In(lang Lang) string {
	if lang == English {
		return strings.Replace(string(k), "-", " ", 1)
	}
	return k.Label()
}

// Label returns the form's Chinese title.
func (k Kind) Label() string {
	switch k {
	case Department:
		return "部门整体支出绩效自评表"
	case Project:
		return "项目支出绩效自评表"
	case Declaration:
		return "项目支出绩效目标申报表"
	case Monitoring:
		return "项目支出绩效目标执行监控表"
	case DepartmentEvaluation:
		return "部门整体支出绩效评价"
	}
	return string(k)
}

// Form is one form of the performance cycle: a *DepartmentForm or a
// *ProjectForm (the self-evaluations), a *DeclarationForm or a
// *MonitoringForm, or a *DepartmentEvaluationForm (the evaluation of a
// department's whole expenditure by a rubric).
// The set of forms is closed; use a type switch to reach the fields.
type Form interface {
	// Kind returns the form's kind.
	Kind() Kind
	// Header returns what identifies the form.
	Header() Header
	isForm()
}

// Header identifies a form: who filed it, for which year, under which
// rule profile, in which unit.
type Header struct {
	Name    string      // 部门名称 or 项目名称
	Year    int         // 被评价年度; 0 when the form does not say
	Unit    budget.Unit // 单位
	Profile string      // the rule profile the form is filed under; "" for none
}

// Goals are the annual goals block (年度目标 / 年度总体目标).
type Goals struct {
	// Expected is 预期目标, one item each.
	Expected []string `yaml:"expected" label:"预期目标"`
	// Achieved is 目标完成情况 (实际完成情况 on the project form).
	Achieved string `yaml:"achieved" label:"目标完成情况"`
}

// Indicator is one performance indicator row (绩效指标). Target and Actual
// are kept as written on the form; Evaluate interprets them with the
// indicator package, so the form value always holds what was filed.
type Indicator struct {
	// The free-text cells are validate:"-": the validator has nothing to
	// check in them, and skipping them keeps it off the path of every row.

	// Level1 is 一级指标 (产出指标, 效益指标, 满意度指标); project form only.
	Level1 string `yaml:"level1" label:"一级指标" validate:"-"`
	// Level2 is 二级指标 (数量指标, 质量指标, …); project form only.
	Level2 string `yaml:"level2" label:"二级指标" validate:"-"`
	// Name is 三级指标 (关键指标 on the department form).
	Name string `yaml:"name" label:"指标名称" validate:"-"`
	// Target is 年度指标值 as written, operator included ("≥95%").
	Target string `yaml:"target" label:"年度指标值" validate:"-"`
	// Actual is 实际完成值 (指标完成情况) as written.
	Actual string `yaml:"actual" label:"实际完成值" validate:"-"`
	// Direction overrides what the target's wording implies.
	Direction indicator.Direction `yaml:"direction" label:"指标方向" validate:"-"`
	// Weight is 分值; nil when the form gives none.
	Weight *decimal.Decimal `yaml:"weight" label:"分值" validate:"omitempty,decimal_nonnegative"`
	// Score is 得分 as printed; nil when the form gives none.
	Score *decimal.Decimal `yaml:"score" label:"得分" validate:"omitempty,decimal_nonnegative"`
	// Deviation is 偏差原因分析及改进措施.
	Deviation string `yaml:"deviation" label:"偏差原因分析及改进措施" validate:"-"`
}

// Task is one main task (主要任务) of the department form.
type Task struct {
	Name     string `yaml:"name" label:"任务名称"`
	Expected string `yaml:"expected" label:"预期目标"`
	Achieved string `yaml:"achieved" label:"目标完成情况"`
	// Funds is 任务涉及资金; nil when not stated.
	Funds *budget.Amount `yaml:"funds" label:"任务涉及资金"`
	// Indicators are the task's 关键指标 with their 指标完成情况.
	Indicators []Indicator `yaml:"indicators" label:"关键指标" validate:"max=1000,dive"`
}

// KeyProject is one entry of 重点项目绩效情况.
type KeyProject struct {
	Name string `yaml:"name" label:"重点项目名称"`
	// Budget is the project's budget; nil when the form does not state it.
	Budget *budget.Amount `yaml:"budget" label:"项目预算"`
	// SelfSelected is true when the department has no project at the
	// key-project threshold and chose this one by its functions.
	SelfSelected bool        `yaml:"self_selected" label:"自选重点项目"`
	Summary      string      `yaml:"summary" label:"绩效情况"`
	Indicators   []Indicator `yaml:"indicators" label:"绩效指标" validate:"max=1000,dive"`
}

// DepartmentReported holds the department form's rates as printed, and
// the budget row's score where the layout scores it (the Ministry of
// Finance's national department layout prints 分值 and 得分 beside
// 预算执行率).
type DepartmentReported struct {
	CompletionRate *budget.Rate     `yaml:"completion_rate" label:"预算完成率"`
	AdjustmentRate *budget.Rate     `yaml:"adjustment_rate" label:"预算调整率"`
	Score          *decimal.Decimal `yaml:"score" label:"得分" validate:"omitempty,decimal_nonnegative"`
}

// DepartmentFunds is the department form's 部门资金情况 block (预算资金 on
// the national layout).
type DepartmentFunds struct {
	budget.Funds `yaml:",inline"`
	// Weight is 分值 of the budget-execution row on a scored layout; nil
	// on the Guangzhou layout, which scores nothing.
	Weight   *decimal.Decimal   `yaml:"weight" label:"分值" validate:"omitempty,decimal_nonnegative"`
	Reported DepartmentReported `yaml:"reported"`
}

// TitleLabel labels the form's title in Extra where the title says more
// than the form's kind and year: an amount (…经费236.25万元…自评表) or a
// project, which rule funds.title-amount checks against the funds table.
const TitleLabel = "标题"

// Extra is a labelled cell of a published form that the file format has
// no key for (主管部门编码, 项目概况, 联系电话 …), kept with its label so that
// an import loses nothing.
type Extra struct {
	Label string `yaml:"label" label:"栏目"`
	Text  string `yaml:"text" label:"内容"`
}

// DepartmentForm is 部门整体支出绩效自评表, the department overall
// expenditure self-evaluation. It is a plain value: Evaluate never
// modifies it, and a caller must not modify one that another goroutine
// is evaluating.
type DepartmentForm struct {
	Profile string `yaml:"profile" label:"规则配置"`
	// Code is 部门编码, where the form prints one.
	Code       string          `yaml:"code" label:"部门编码"`
	Department string          `yaml:"department" label:"部门名称"`
	Year       int             `yaml:"year" label:"被评价年度" validate:"omitempty,gte=1949,lte=2200"`
	Unit       budget.Unit     `yaml:"unit" label:"单位"`
	Funds      DepartmentFunds `yaml:"funds" label:"部门资金情况"`
	Goals      Goals           `yaml:"goals" label:"年度目标"`
	Tasks      []Task          `yaml:"tasks" label:"主要任务" validate:"max=1000,dive"`
	// KeyProjects is 重点项目绩效情况.
	KeyProjects []KeyProject `yaml:"key_projects" label:"重点项目绩效情况" validate:"max=1000,dive"`
	// Indicators are the 绩效指标 rows of the national department layout
	// (一级/二级/三级指标 with 分值 and 得分), in the project form's shape; a
	// department form with weighted indicators is scored like a project
	// form, its completion rate standing for the execution rate.
	Indicators []Indicator `yaml:"indicators" label:"绩效指标" validate:"max=1000,dive"`
	// Reported holds 总分 and 评价等级 as printed on a scored layout.
	Reported ReportedTotals `yaml:"reported"`
	// Overall is 部门整体绩效.
	Overall string `yaml:"overall" label:"部门整体绩效"`
	// Problems is 存在问题.
	Problems string `yaml:"problems" label:"存在问题"`
	// Improvements is 改进措施或下一步计划.
	Improvements string `yaml:"improvements" label:"改进措施或下一步计划"`
	// Extra holds the labelled cells the format has no key for.
	Extra []Extra `yaml:"extra" label:"其他栏目" validate:"max=1000"`
}

// Kind returns Department.
func (*DepartmentForm) Kind() Kind { return Department }

// Header returns the department's name, year, unit and profile.
func (f *DepartmentForm) Header() Header {
	return Header{Name: f.Department, Year: f.Year, Unit: f.Unit, Profile: f.Profile}
}

func (*DepartmentForm) isForm() {}

// ProjectReported holds the project form's execution row as printed.
type ProjectReported struct {
	ExecutionRate *budget.Rate     `yaml:"execution_rate" label:"执行率"`
	Score         *decimal.Decimal `yaml:"score" label:"得分" validate:"omitempty,decimal_nonnegative"`
}

// ProjectFunds is the project form's 项目资金 block.
type ProjectFunds struct {
	budget.Funds `yaml:",inline"`
	// Weight is 分值 of the execution row; nil for the scheme's default.
	Weight   *decimal.Decimal `yaml:"weight" label:"分值" validate:"omitempty,decimal_nonnegative"`
	Reported ProjectReported  `yaml:"reported"`
}

// ReportedTotals holds a scored form's total score (总分) and grade
// (评价等级) as printed.
type ReportedTotals struct {
	TotalScore *decimal.Decimal `yaml:"total_score" label:"总分" validate:"omitempty,decimal_nonnegative"`
	Grade      string           `yaml:"grade" label:"评价等级"`
}

// ProjectForm is 项目支出绩效自评表, the project expenditure
// self-evaluation.
type ProjectForm struct {
	Profile string `yaml:"profile" label:"规则配置"`
	// Code is 项目编码, where the form prints one; it links the project's
	// declaration, monitoring and self-evaluation forms.
	Code string `yaml:"code" label:"项目编码"`
	// Project is 项目名称.
	Project string `yaml:"project" label:"项目名称"`
	// Department is 主管部门.
	Department string `yaml:"department" label:"主管部门"`
	// ImplementingUnit is 实施单位.
	ImplementingUnit string       `yaml:"implementing_unit" label:"实施单位"`
	Year             int          `yaml:"year" label:"年度" validate:"omitempty,gte=1949,lte=2200"`
	Unit             budget.Unit  `yaml:"unit" label:"单位"`
	Funds            ProjectFunds `yaml:"funds" label:"项目资金"`
	// Goals is 年度总体目标.
	Goals Goals `yaml:"goals" label:"年度总体目标"`
	// Indicators are the 绩效指标 rows.
	Indicators   []Indicator    `yaml:"indicators" label:"绩效指标" validate:"max=1000,dive"`
	Reported     ReportedTotals `yaml:"reported"`
	Overall      string         `yaml:"overall" label:"评价结论"`
	Problems     string         `yaml:"problems" label:"存在问题"`
	Improvements string         `yaml:"improvements" label:"改进措施"`
	// Extra holds the labelled cells the format has no key for.
	Extra []Extra `yaml:"extra" label:"其他栏目" validate:"max=1000"`
}

// Kind returns Project.
func (*ProjectForm) Kind() Kind { return Project }

// Header returns the project's name, year, unit and profile.
func (f *ProjectForm) Header() Header {
	return Header{Name: f.Project, Year: f.Year, Unit: f.Unit, Profile: f.Profile}
}

func (*ProjectForm) isForm() {}
