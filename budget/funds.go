package budget

// SourceKind names a 其中 row of the funds block: where money came from.
type SourceKind string

// The source rows of both forms, in form order.
const (
	GeneralPublicBudget  SourceKind = "general_public_budget"  // 一般公共预算
	GovernmentFundBudget SourceKind = "government_fund_budget" // 政府性基金预算
	StateCapitalBudget   SourceKind = "state_capital_budget"   // 国有资本经营预算
	SpecialAccount       SourceKind = "special_account"        // 财政专户管理资金
	UnitFunds            SourceKind = "unit_funds"             // 单位资金
	CurrentAppropriation SourceKind = "current_appropriation"  // 本年财政拨款
	PriorCarryover       SourceKind = "prior_carryover"        // 上年结转资金
	OtherFunds           SourceKind = "other"                  // 其他资金
)

// sourceKinds lists every source kind in form order.
var sourceKinds = []SourceKind{GeneralPublicBudget, GovernmentFundBudget, StateCapitalBudget,
	SpecialAccount, UnitFunds, CurrentAppropriation, PriorCarryover, OtherFunds}

// SourceKinds returns every known source kind in form order.
func SourceKinds() []SourceKind { return append([]SourceKind(nil), sourceKinds...) }

// Label returns the row's Chinese label as printed on the forms.
func (k SourceKind) Label() string {
	switch k {
	case GeneralPublicBudget:
		return "一般公共预算"
	case GovernmentFundBudget:
		return "政府性基金预算"
	case StateCapitalBudget:
		return "国有资本经营预算"
	case SpecialAccount:
		return "财政专户管理资金"
	case UnitFunds:
		return "单位资金"
	case CurrentAppropriation:
		return "本年财政拨款"
	case PriorCarryover:
		return "上年结转资金"
	case OtherFunds:
		return "其他资金"
	}
	return string(k)
}

// Valid reports whether k is one of the known source kinds.
func (k SourceKind) Valid() bool {
	for _, s := range sourceKinds {
		if s == k {
			return true
		}
	}
	return false
}

// Source is one 其中 row of the funds block. Any column may be absent (nil).
type Source struct {
	Kind              SourceKind `yaml:"source" label:"资金来源"`
	InitialBudget     *Amount    `yaml:"initial_budget" label:"年初预算"`     // 年初预算
	AdjustedBudget    *Amount    `yaml:"adjusted_budget" label:"调整预算"`    // 调整预算 / 全年预算数
	ActualExpenditure *Amount    `yaml:"actual_expenditure" label:"实际支出"` // 实际支出数 / 全年执行数
}

// Funds is the funds block of either form: 部门资金情况 on the department
// form, 项目资金 on the project form. Absent amounts are nil. Its methods
// never modify it. The struct tags name the keys of the file format
// (docs/file-format.md) and the form's labels; this package reads no
// files itself.
type Funds struct {
	// AdjustedBudget is 部门调整预算收入 (全年预算数 A on the project form).
	AdjustedBudget *Amount `yaml:"adjusted_budget" label:"调整预算收入"`
	// InitialBudget is 部门年初预算收入 (年初预算数 on the project form).
	InitialBudget *Amount `yaml:"initial_budget" label:"年初预算收入"`
	// ActualExpenditure is 实际支出数 (全年执行数 B on the project form).
	ActualExpenditure *Amount `yaml:"actual_expenditure" label:"实际支出数"`
	// Adjustment is 年度预算调整数 as printed on the form.
	Adjustment *Amount `yaml:"adjustment" label:"年度预算调整数"`
	// Sources are the 其中 rows, in form order.
	Sources []Source `yaml:"sources" label:"其中"`
}

// ComputedAdjustment returns 年度预算调整数 = |调整预算 − 年初预算|, exact.
// ok is false when either budget is absent.
func (f Funds) ComputedAdjustment() (a Amount, ok bool) {
	if f.AdjustedBudget == nil || f.InitialBudget == nil {
		return Amount{}, false
	}
	return f.AdjustedBudget.Sub(*f.InitialBudget).Abs(), true
}

// CompletionRate returns 预算完成率 = 实际支出数 / 调整预算. On the project
// form the same ratio B/A is 执行率 (see ExecutionRate). An absent amount or
// a zero budget yields an error wrapping ErrZeroDenominator or ErrMissing.
func (f Funds) CompletionRate() (Rate, error) {
	return ratio("completion rate", f.ActualExpenditure, f.AdjustedBudget)
}

// ExecutionRate returns 执行率 = 全年执行数 B / 全年预算数 A of the project form.
func (f Funds) ExecutionRate() (Rate, error) {
	return ratio("execution rate", f.ActualExpenditure, f.AdjustedBudget)
}

// AdjustmentRate returns 预算调整率 = 年度预算调整数 / 年初预算, with the
// adjustment computed from the two budgets (not the printed one).
func (f Funds) AdjustmentRate() (Rate, error) {
	adj, ok := f.ComputedAdjustment()
	if !ok {
		return Rate{}, &RateError{Rate: "adjustment rate", Err: ErrMissing}
	}
	return ratio("adjustment rate", &adj, f.InitialBudget)
}

func ratio(name string, num, den *Amount) (Rate, error) {
	if num == nil || den == nil {
		return Rate{}, &RateError{Rate: name, Err: ErrMissing}
	}
	r, err := RateOf(*num, *den)
	if err != nil {
		return Rate{}, &RateError{Rate: name, Err: ErrZeroDenominator}
	}
	return r, nil
}
