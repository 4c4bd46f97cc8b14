package rubric

import (
	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
)

// Basic is the basic data of a department-wide evaluation (部门整体支出绩效
// 评价基础数据表): the counts and amounts the measures are computed from.
// Every field is optional; a nil field is "not given", never zero, and a
// measure that needs it is undefined.
//
// Amounts are in the unit the form states (万元 unless it says otherwise);
// a measure divides amounts of any units exactly. Counts of people and
// areas are plain numbers.
//
// The yaml tags are the keys of the basic: block of a
// department-evaluation form.
type Basic struct {
	Staff              Staff          `yaml:"staff" label:"财政供养人员情况"`
	ThreePublic        ThreePublic    `yaml:"three_public" label:"“三公”经费"`
	Budget             Budget         `yaml:"budget" label:"部门整体支出预算"`
	KeyProjectSpending *budget.Amount `yaml:"key_project_spending" label:"重点项目支出"`
	ProjectSpending    *budget.Amount `yaml:"project_spending" label:"项目总支出"`
	PublicExpenses     Planned        `yaml:"public_expenses" label:"公用经费"`
	Procurement        Planned        `yaml:"procurement" label:"政府采购"`
	FixedAssets        FixedAssets    `yaml:"fixed_assets" label:"固定资产"`
	// Buildings is not in the national framework's basic data; it is what
	// the Hunan county rubric's 新建楼堂馆所面积控制率 (实际建设面积/批准建设
	// 面积) needs.
	Buildings Buildings `yaml:"buildings" label:"新建楼堂馆所"`
}

// Staff is 财政供养人员情况: 编制数 and 实际在职人数.
type Staff struct {
	Authorized *decimal.Decimal `yaml:"authorized" label:"编制数" validate:"omitempty,decimal_nonnegative"`
	Actual     *decimal.Decimal `yaml:"actual" label:"实际在职人数" validate:"omitempty,decimal_nonnegative"`
}

// ThreePublic is “三公”经费 (因公出国(境)经费、公务用车购置及运行费、公务接待费)
// of this year and the year before, as budgeted and as spent.
type ThreePublic struct {
	Budget         *budget.Amount `yaml:"budget" label:"本年预算数"`
	PreviousBudget *budget.Amount `yaml:"previous_budget" label:"上年预算数"`
	Actual         *budget.Amount `yaml:"actual" label:"本年决算数"`
	PreviousActual *budget.Amount `yaml:"previous_actual" label:"上年决算数"`
}

// Budget is the department's whole budget over the year.
type Budget struct {
	PriorCarryover *budget.Amount `yaml:"prior_carryover" label:"上年结转"`
	Initial        *budget.Amount `yaml:"initial" label:"年初预算"`
	Supplementary  *budget.Amount `yaml:"supplementary" label:"本年追加预算"`
	// Adjusted is 调整后预算. When it is not given it is read as Initial +
	// Supplementary, and a reason that uses it says so.
	Adjusted *budget.Amount `yaml:"adjusted" label:"调整后预算"`
	// Adjustment is 预算调整数, which the national framework counts without
	// the changes made to carry out national policy, by force majeure or
	// on assignment from above. When it is not given it is read as
	// |Adjusted − Initial|, and a reason that uses it says so.
	Adjustment     *budget.Amount `yaml:"adjustment" label:"预算调整数"`
	YearEndBalance *budget.Amount `yaml:"year_end_balance" label:"年末结余"`
}

// Planned is a budgeted amount and what was spent of it: 公用经费 and 政府采购.
type Planned struct {
	Budget *budget.Amount `yaml:"budget" label:"预算数"`
	Actual *budget.Amount `yaml:"actual" label:"实际数"`
}

// FixedAssets is 固定资产: 实际在用固定资产总额 and 所有固定资产总额.
type FixedAssets struct {
	InUse *budget.Amount `yaml:"in_use" label:"在用固定资产"`
	Total *budget.Amount `yaml:"total" label:"固定资产总额"`
}

// Buildings is 新建楼堂馆所, in square metres: 批准建设面积 and 实际建设面积.
type Buildings struct {
	ApprovedArea *decimal.Decimal `yaml:"approved_area" label:"批准建设面积" validate:"omitempty,decimal_nonnegative"`
	ActualArea   *decimal.Decimal `yaml:"actual_area" label:"实际建设面积" validate:"omitempty,decimal_nonnegative"`
}

// The validate tags are the file format's: the form decoder refuses a
// negative count, violation count or score, as the importers do.

// Judgement is what the evaluator records for an item the basic data does
// not decide: the answers of a checklist, a count of violations, or the
// evaluator's own score with a note. Which one an item takes follows from
// its block: checklist → Checks, violations → Violations, judged → Score.
type Judgement struct {
	Checks     []bool           `yaml:"checks" label:"检查项"`
	Violations *decimal.Decimal `yaml:"violations" label:"违规例数" validate:"omitempty,decimal_nonnegative"`
	Score      *decimal.Decimal `yaml:"score" label:"评分" validate:"omitempty,decimal_nonnegative"`
	Note       string           `yaml:"note" label:"说明"`
}

// Reported is the score sheet (评分表) as filled in, by item path
// ("投入/预算配置/在职人员控制率"): the scores and reasons (扣分原因) written
// on it and its total. It is checked, never used to score.
type Reported struct {
	Scores     map[string]*decimal.Decimal `yaml:"scores" label:"得分"`
	Reasons    map[string]string           `yaml:"reasons" label:"扣分原因"`
	TotalScore *decimal.Decimal            `yaml:"total_score" label:"总分" validate:"omitempty,decimal_nonnegative"`
}

// Input is everything a rubric scores and checks: the basic data, the
// evaluator's judgements by item path, and the sheet as reported. It is
// the body of a department-evaluation form.
type Input struct {
	Basic      Basic                `yaml:"basic" label:"基础数据表"`
	Judgements map[string]Judgement `yaml:"judgements" label:"评价人判断"`
	Reported   Reported             `yaml:"reported" label:"评分表"`
}
