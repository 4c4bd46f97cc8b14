package rubric

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
)

// leaf is one figure of the basic data, by its key path in the basic:
// block. Measures and state conditions read the basic data through
// leaves only, so every figure has one name, one label in each language
// and one place where a default reading is decided.
type leaf struct {
	key   string // "budget.year_end_balance"
	label Text
	count bool // a number of people or square metres, not money
	get   func(b *Basic) (q quantity, derived bool)
}

// quantity is a leaf's value: an amount of money, or a count kept as an
// amount in 元 so that sums and rates of counts take the same road. ok is
// false when the value is not given.
type quantity struct {
	amount budget.Amount
	ok     bool
}

func amountOf(a *budget.Amount) (quantity, bool) {
	if a == nil {
		return quantity{}, false
	}
	return quantity{amount: *a, ok: true}, false
}

func countOf(d *decimal.Decimal) (quantity, bool) {
	if d == nil {
		return quantity{}, false
	}
	return quantity{amount: budget.NewAmount(*d, budget.Yuan), ok: true}, false
}

// leaves is every figure of Basic, in the order of the basic: block. It
// is built once and only read.
var leaves = []leaf{
	{"staff.authorized", Text{"编制数", "authorized staff"}, true, func(b *Basic) (quantity, bool) { return countOf(b.Staff.Authorized) }},
	{"staff.actual", Text{"实际在职人数", "staff in post"}, true, func(b *Basic) (quantity, bool) { return countOf(b.Staff.Actual) }},
	{"three_public.budget", Text{"本年“三公”经费预算数", "this year's three-public budget"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.ThreePublic.Budget) }},
	{"three_public.previous_budget", Text{"上年“三公”经费预算数", "last year's three-public budget"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.ThreePublic.PreviousBudget) }},
	{"three_public.actual", Text{"本年“三公”经费决算数", "this year's three-public spending"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.ThreePublic.Actual) }},
	{"three_public.previous_actual", Text{"上年“三公”经费决算数", "last year's three-public spending"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.ThreePublic.PreviousActual) }},
	{"budget.prior_carryover", Text{"上年结转", "carry-over from last year"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.Budget.PriorCarryover) }},
	{"budget.initial", Text{"年初预算", "initial budget"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.Budget.Initial) }},
	{"budget.supplementary", Text{"本年追加预算", "supplementary budget"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.Budget.Supplementary) }},
	{"budget.adjusted", Text{"调整后预算", "adjusted budget"}, false, adjusted},
	{"budget.adjustment", Text{"预算调整数", "budget adjustment"}, false, adjustment},
	{"budget.year_end_balance", Text{"年末结余", "year-end balance"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.Budget.YearEndBalance) }},
	{"key_project_spending", Text{"重点项目支出", "key project spending"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.KeyProjectSpending) }},
	{"project_spending", Text{"项目总支出", "project spending"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.ProjectSpending) }},
	{"public_expenses.budget", Text{"公用经费预算数", "public expenses budgeted"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.PublicExpenses.Budget) }},
	{"public_expenses.actual", Text{"公用经费实际支出", "public expenses spent"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.PublicExpenses.Actual) }},
	{"procurement.budget", Text{"政府采购预算数", "procurement budgeted"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.Procurement.Budget) }},
	{"procurement.actual", Text{"实际政府采购金额", "procurement spent"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.Procurement.Actual) }},
	{"fixed_assets.in_use", Text{"在用固定资产", "fixed assets in use"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.FixedAssets.InUse) }},
	{"fixed_assets.total", Text{"固定资产总额", "all fixed assets"}, false, func(b *Basic) (quantity, bool) { return amountOf(b.FixedAssets.Total) }},
	{"buildings.approved_area", Text{"批准建设面积", "approved floor area"}, true, func(b *Basic) (quantity, bool) { return countOf(b.Buildings.ApprovedArea) }},
	{"buildings.actual_area", Text{"实际建设面积", "floor area built"}, true, func(b *Basic) (quantity, bool) { return countOf(b.Buildings.ActualArea) }},
}

// leafByKey finds a leaf by its key path, or, for the fields of the
// budget: block, by the field's own name ("year_end_balance"), as
// conditions are written.
var leafByKey = func() map[string]*leaf {
	m := map[string]*leaf{}
	for i := range leaves {
		l := &leaves[i]
		m[l.key] = l
		if short, ok := strings.CutPrefix(l.key, "budget."); ok {
			m[short] = l
		}
	}
	return m
}()

// adjusted is 调整后预算: as given, else 年初预算 + 本年追加预算 (the
// budget after the year's supplements, as the Hunan forms compute it).
func adjusted(b *Basic) (quantity, bool) {
	if b.Budget.Adjusted != nil {
		return quantity{amount: *b.Budget.Adjusted, ok: true}, false
	}
	if b.Budget.Initial == nil || b.Budget.Supplementary == nil {
		return quantity{}, false
	}
	return quantity{amount: b.Budget.Initial.Add(*b.Budget.Supplementary), ok: true}, true
}

// adjustment is 预算调整数: as given, else |调整后预算 − 年初预算|, the
// figure the self-evaluation form computes.
func adjustment(b *Basic) (quantity, bool) {
	if b.Budget.Adjustment != nil {
		return quantity{amount: *b.Budget.Adjustment, ok: true}, false
	}
	adj, _ := adjusted(b)
	if !adj.ok || b.Budget.Initial == nil {
		return quantity{}, false
	}
	return quantity{amount: adj.amount.Sub(*b.Budget.Initial).Abs(), ok: true}, true
}

// show prints a leaf's value as a reason shows it: an amount with at
// least two decimals ("19.80"), a count as written ("136").
func (l *leaf) show(q quantity) string {
	if l.count {
		return q.amount.Decimal().String()
	}
	return q.amount.String()
}
