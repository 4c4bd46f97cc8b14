package rubric

import (
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/budget"
)

// MeasureName names a measure: one of the rates of the department-wide
// framework (财预〔2013〕53号 附件2), computed from the basic data.
type MeasureName string

// The measures. Each doc comment gives the formula; Basis selects a
// variant where published forms differ.
const (
	// StaffControlRate is 在职人员控制率 = 实际在职人数 / 编制数.
	StaffControlRate MeasureName = "staff_control_rate"
	// ThreePublicChangeRate is “三公经费”变动率 = (本年预算数 − 上年预算数) /
	// 上年预算数; with BasisActual, (本年决算数 − 上年决算数) / 上年决算数.
	// The framework's definition speaks of 预算数 and some copies of its
	// formula of 总额; both are in use.
	ThreePublicChangeRate MeasureName = "three_public_change_rate"
	// ThreePublicControlRate is “三公经费”控制率 = 本年决算数 / 本年预算数.
	ThreePublicControlRate MeasureName = "three_public_control_rate"
	// KeySpendingRate is 重点支出安排率 = 重点项目支出 / 项目总支出.
	KeySpendingRate MeasureName = "key_spending_rate"
	// BudgetCompletionRate is 预算完成率 = (上年结转 + 年初预算 + 本年追加预算 −
	// 年末结余) / (上年结转 + 年初预算 + 本年追加预算), as the Hunan county
	// table defines it.
	BudgetCompletionRate MeasureName = "budget_completion_rate"
	// SupplementRate is 预算控制率 = 本年追加预算 / 年初预算, the Hunan
	// county table's stand-in for 预算调整率.
	SupplementRate MeasureName = "supplement_rate"
	// AdjustmentRate is 预算调整率 = 预算调整数 / 年初预算.
	AdjustmentRate MeasureName = "adjustment_rate"
	// CarryoverRate is 结转结余率 = 年末结余 / (上年结转 + 年初预算 + 本年追加
	// 预算); with BasisSpent, 年末结余 / (上年结转 + 年初预算 + 本年追加预算 −
	// 年末结余), the spending done, as one 2018 table has it.
	CarryoverRate MeasureName = "carryover_rate"
	// CarryoverChangeRate is 结转结余变动率 = (年末结余 − 上年结转) / 上年结转.
	CarryoverChangeRate MeasureName = "carryover_change_rate"
	// PublicExpenseControlRate is 公用经费控制率 = 公用经费实际支出 / 预算数.
	PublicExpenseControlRate MeasureName = "public_expense_control_rate"
	// ProcurementRate is 政府采购执行率 = 实际政府采购金额 / 政府采购预算数.
	ProcurementRate MeasureName = "procurement_rate"
	// FixedAssetUseRate is 固定资产利用率 = 在用固定资产 / 固定资产总额.
	FixedAssetUseRate MeasureName = "fixed_asset_use_rate"
	// BuildingAreaControlRate is 新建楼堂馆所面积控制率 = 实际建设面积 / 批准
	// 建设面积, from the Hunan county table.
	BuildingAreaControlRate MeasureName = "building_area_control_rate"
)

// Basis selects a variant of a measure's formula. The zero Basis is the
// measure's first formula, which may also be named BasisBudget.
type Basis string

const (
	BasisBudget Basis = "budget" // the default formula
	BasisActual Basis = "actual" // three_public_change_rate on spending
	BasisSpent  Basis = "spent"  // carryover_rate against spending done
)

// Measure is a measure and the variant of its formula.
type Measure struct {
	Name  MeasureName
	Basis Basis // "" or BasisBudget for the default formula
}

// String returns "staff_control_rate", or "three_public_change_rate
// (basis actual)" for a variant.
func (m Measure) String() string {
	if m.Basis == "" || m.Basis == BasisBudget {
		return string(m.Name)
	}
	return string(m.Name) + " (basis " + string(m.Basis) + ")"
}

// term is a leaf added or taken away in a formula's numerator or
// denominator.
type term struct {
	key string
	neg bool
}

// formula is one variant of a measure: numerator / denominator, each a
// sum of leaves.
type formula struct {
	num, den []term
	text     Text // the formula in words, for documentation and the CLI
}

type measureDef struct {
	name     MeasureName
	label    Text
	formulas map[Basis]formula // the default under BasisBudget
}

func plus(keys ...string) []term {
	ts := make([]term, len(keys))
	for i, k := range keys {
		ts[i] = term{key: k}
	}
	return ts
}

func minus(ts []term, key string) []term {
	return append(append([]term(nil), ts...), term{key: key, neg: true})
}

var available = plus("budget.prior_carryover", "budget.initial", "budget.supplementary")

// measureDefs is every measure, in the order of the framework's tree. It
// is built once and only read.
var measureDefs = []measureDef{
	{StaffControlRate, Text{"在职人员控制率", "staff control rate"}, map[Basis]formula{
		BasisBudget: {plus("staff.actual"), plus("staff.authorized"), Text{"实际在职人数/编制数", "staff in post / authorized staff"}},
	}},
	{ThreePublicChangeRate, Text{"“三公经费”变动率", "three-public change rate"}, map[Basis]formula{
		BasisBudget: {minus(plus("three_public.budget"), "three_public.previous_budget"), plus("three_public.previous_budget"),
			Text{"(本年“三公经费”预算数−上年预算数)/上年预算数", "(this year's three-public budget − last year's) / last year's"}},
		BasisActual: {minus(plus("three_public.actual"), "three_public.previous_actual"), plus("three_public.previous_actual"),
			Text{"(本年“三公经费”决算数−上年决算数)/上年决算数", "(this year's three-public spending − last year's) / last year's"}},
	}},
	{ThreePublicControlRate, Text{"“三公经费”控制率", "three-public control rate"}, map[Basis]formula{
		BasisBudget: {plus("three_public.actual"), plus("three_public.budget"), Text{"“三公经费”决算数/预算数", "three-public spending / budget"}},
	}},
	{KeySpendingRate, Text{"重点支出安排率", "key spending rate"}, map[Basis]formula{
		BasisBudget: {plus("key_project_spending"), plus("project_spending"), Text{"重点项目支出/项目总支出", "key project spending / project spending"}},
	}},
	{BudgetCompletionRate, Text{"预算完成率", "budget completion rate"}, map[Basis]formula{
		BasisBudget: {minus(available, "budget.year_end_balance"), available,
			Text{"(上年结转+年初预算+本年追加预算−年末结余)/(上年结转+年初预算+本年追加预算)", "(carry-over + initial + supplementary − year-end balance) / (carry-over + initial + supplementary)"}},
	}},
	{SupplementRate, Text{"预算控制率", "supplement rate"}, map[Basis]formula{
		BasisBudget: {plus("budget.supplementary"), plus("budget.initial"), Text{"本年追加预算/年初预算", "supplementary budget / initial budget"}},
	}},
	{AdjustmentRate, Text{"预算调整率", "budget adjustment rate"}, map[Basis]formula{
		BasisBudget: {plus("budget.adjustment"), plus("budget.initial"), Text{"预算调整数/年初预算", "budget adjustment / initial budget"}},
	}},
	{CarryoverRate, Text{"结转结余率", "carry-over rate"}, map[Basis]formula{
		BasisBudget: {plus("budget.year_end_balance"), available,
			Text{"年末结余/(上年结转+年初预算+本年追加预算)", "year-end balance / (carry-over + initial + supplementary)"}},
		BasisSpent: {plus("budget.year_end_balance"), minus(available, "budget.year_end_balance"),
			Text{"年末结余/(上年结转+年初预算+本年追加预算−年末结余)", "year-end balance / (carry-over + initial + supplementary − year-end balance)"}},
	}},
	{CarryoverChangeRate, Text{"结转结余变动率", "carry-over change rate"}, map[Basis]formula{
		BasisBudget: {minus(plus("budget.year_end_balance"), "budget.prior_carryover"), plus("budget.prior_carryover"),
			Text{"(年末结余−上年结转)/上年结转", "(year-end balance − carry-over) / carry-over"}},
	}},
	{PublicExpenseControlRate, Text{"公用经费控制率", "public expense control rate"}, map[Basis]formula{
		BasisBudget: {plus("public_expenses.actual"), plus("public_expenses.budget"), Text{"公用经费实际支出/预算数", "public expenses spent / budgeted"}},
	}},
	{ProcurementRate, Text{"政府采购执行率", "procurement execution rate"}, map[Basis]formula{
		BasisBudget: {plus("procurement.actual"), plus("procurement.budget"), Text{"实际政府采购金额/政府采购预算数", "procurement spent / budgeted"}},
	}},
	{FixedAssetUseRate, Text{"固定资产利用率", "fixed asset use rate"}, map[Basis]formula{
		BasisBudget: {plus("fixed_assets.in_use"), plus("fixed_assets.total"), Text{"在用固定资产/固定资产总额", "fixed assets in use / all fixed assets"}},
	}},
	{BuildingAreaControlRate, Text{"新建楼堂馆所面积控制率", "building area control rate"}, map[Basis]formula{
		BasisBudget: {plus("buildings.actual_area"), plus("buildings.approved_area"), Text{"实际建设面积/批准建设面积", "floor area built / approved"}},
	}},
}

var measureByName = func() map[MeasureName]*measureDef {
	m := map[MeasureName]*measureDef{}
	for i := range measureDefs {
		m[measureDefs[i].name] = &measureDefs[i]
	}
	return m
}()

// MeasureInfo describes a measure for documentation and listings.
type MeasureInfo struct {
	Name    MeasureName
	Label   Text           // 在职人员控制率 / staff control rate
	Bases   []Basis        // the variants it has; BasisBudget first
	Formula map[Basis]Text // each variant's formula in words
}

// Measures lists every measure in the order of the framework's tree.
func Measures() []MeasureInfo {
	out := make([]MeasureInfo, 0, len(measureDefs))
	for _, d := range measureDefs {
		info := MeasureInfo{Name: d.name, Label: d.label, Formula: map[Basis]Text{}}
		for _, b := range []Basis{BasisBudget, BasisActual, BasisSpent} {
			if f, ok := d.formulas[b]; ok {
				info.Bases = append(info.Bases, b)
				info.Formula[b] = f.text
			}
		}
		out = append(out, info)
	}
	return out
}

// Label returns the measure's name as a form prints it (在职人员控制率) and
// in English; the name itself for an unknown measure.
func (m Measure) Label() Text {
	if d, ok := measureByName[m.Name]; ok {
		return d.label
	}
	return Text{string(m.Name), string(m.Name)}
}

// check reports whether the measure and its basis are known.
func (m Measure) check() error {
	d, ok := measureByName[m.Name]
	if !ok {
		names := make([]string, len(measureDefs))
		for i, d := range measureDefs {
			names[i] = string(d.name)
		}
		return fmt.Errorf("%w %s%s", ErrUnknownMeasure, quote(string(m.Name)), hint(string(m.Name), names))
	}
	if _, ok := d.formulas[m.basis()]; !ok {
		var bases []string
		for _, b := range []Basis{BasisBudget, BasisActual, BasisSpent} {
			if _, ok := d.formulas[b]; ok {
				bases = append(bases, string(b))
			}
		}
		return fmt.Errorf("%w %s for %s; want %s", ErrUnknownBasis, quote(string(m.Basis)), m.Name, strings.Join(bases, " or "))
	}
	return nil
}

func (m Measure) basis() Basis {
	if m.Basis == "" {
		return BasisBudget
	}
	return m.Basis
}

// MeasureError says why a measure is undefined for a department: inputs
// not given (Err is budget.ErrMissing, Missing names them by key path) or
// a zero denominator (budget.ErrZeroDenominator).
type MeasureError struct {
	Measure Measure
	Missing []string // key paths in the basic: block, for ErrMissing
	Err     error
}

func (e *MeasureError) Error() string {
	if len(e.Missing) > 0 {
		return fmt.Sprintf("rubric: %s: %s not given", e.Measure, strings.Join(e.Missing, ", "))
	}
	return fmt.Sprintf("rubric: %s: %v", e.Measure, e.Err)
}

func (e *MeasureError) Unwrap() error { return e.Err }

// Of computes the measure for a department, exactly. An undefined
// measure (an input not given, a zero denominator) is a *MeasureError,
// never 0%; so is an unknown measure (wrapping ErrUnknownMeasure).
func (m Measure) Of(b Basic) (budget.Rate, error) {
	v := m.compute(&b)
	return v.rate, v.err
}

// measureValue is a measure computed for one department, with what a
// reason needs to say about it.
type measureValue struct {
	rate    budget.Rate
	err     error  // *MeasureError, or an unknown-measure error
	why     Text   // why it is undefined
	derived []Text // default readings used (调整后预算 read as 年初预算+本年追加预算)
}

func (m Measure) compute(b *Basic) measureValue {
	if err := m.check(); err != nil {
		return measureValue{err: err, why: Text{"未知的计算方法", "unknown measure"}}
	}
	f := measureByName[m.Name].formulas[m.basis()]
	var out measureValue
	var missing []string
	var missingLabels []Text
	sum := func(ts []term) budget.Amount {
		var s budget.Amount
		for i, t := range ts {
			l := leafByKey[t.key]
			q, derived := l.get(b)
			if !q.ok {
				if !contains(missing, l.key) {
					missing = append(missing, l.key)
					missingLabels = append(missingLabels, l.label)
				}
				continue
			}
			if derived {
				if t := derivation(l, b); !containsText(out.derived, t) {
					out.derived = append(out.derived, t)
				}
			}
			switch {
			case i == 0:
				s = q.amount
			case t.neg:
				s = s.Sub(q.amount)
			default:
				s = s.Add(q.amount)
			}
		}
		return s
	}
	n, d := sum(f.num), sum(f.den)
	if len(missing) > 0 {
		out.err = &MeasureError{Measure: m, Missing: missing, Err: budget.ErrMissing}
		l := joinTexts(missingLabels, "、", ", ")
		out.why = Text{"未填" + l.Zh, l.En + " not given"}
		return out
	}
	r, err := budget.RateOf(n, d)
	if err != nil {
		out.err = &MeasureError{Measure: m, Err: budget.ErrZeroDenominator}
		out.why = Text{"分母为0", "its denominator is zero"}
		return out
	}
	out.rate = r
	return out
}

// derivation says how a leaf was read when it was not given.
func derivation(l *leaf, b *Basic) Text {
	switch {
	case l.key == "budget.adjusted":
		return Text{"调整后预算按年初预算+本年追加预算计", "adjusted budget read as initial + supplementary"}
	case l.key == "budget.adjustment" && b.Budget.Adjusted == nil:
		return Text{"预算调整数按|年初预算+本年追加预算−年初预算|计", "budget adjustment read as |initial + supplementary − initial|"}
	case l.key == "budget.adjustment":
		return Text{"预算调整数按|调整后预算−年初预算|计", "budget adjustment read as |adjusted − initial|"}
	}
	return l.label
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func containsText(ts []Text, t Text) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// Figure is one measure computed for a department: for listing every
// figure of a report (null where undefined).
type Figure struct {
	Measure Measure
	Value   *budget.Rate // nil when undefined
	Err     error        // why it is undefined
}

// Figures computes every measure at its default basis, in the order of
// Measures.
func Figures(b Basic) []Figure {
	out := make([]Figure, 0, len(measureDefs))
	for _, d := range measureDefs {
		m := Measure{Name: d.name}
		v := m.compute(&b)
		f := Figure{Measure: m, Err: v.err}
		if v.err == nil {
			r := v.rate
			f.Value = &r
		}
		out = append(out, f)
	}
	return out
}
