package rubrictest_test

import (
	"testing"

	"github.com/perfeval/perfeval/rubric/rubrictest"
)

// The way a finance bureau tests an item of its own rubric: the item as
// written in the rubric file, departments as form literals.
func TestStaffControlItem(t *testing.T) {
	item := rubrictest.Item(t, `
		path: [投入, 预算配置, 在职人员控制率]
		weight: 5
		standard: 以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。
		measure: staff_control_rate
		deduct: {above: 100%, step: 1%, points: 0.5}
	`)
	rubrictest.Scores(t, item, rubrictest.Input(t, `basic: {staff: {authorized: 143, actual: 136}}`), "5")
	is := rubrictest.Scores(t, item, rubrictest.Input(t, `basic: {staff: {authorized: 100, actual: 104}}`), "3")
	if want := "在职人员控制率 104.00%，超过100% 4个百分点，扣2分"; is.Reason.Zh != want {
		t.Errorf("reason %q; want %q", is.Reason.Zh, want)
	}
	rubrictest.Scores(t, item, rubrictest.Input(t, `basic: {staff: {authorized: 100, actual: 120}}`), "0")
	rubrictest.Unscored(t, item, rubrictest.Input(t, `basic: {staff: {actual: 104}}`))
}

func TestFundBalanceItem(t *testing.T) {
	item := rubrictest.Item(t, `
		path: [过程, 预算执行, 资金结余]
		weight: 3
		states:
		  - {when: "year_end_balance = 0", score: 3}
		  - {when: "year_end_balance <= prior_carryover", score: 2}
		  - {score: 0}
	`)
	rubrictest.Scores(t, item, rubrictest.Input(t, `basic: {budget: {year_end_balance: 0, prior_carryover: 5}}`), "3")
	rubrictest.Scores(t, item, rubrictest.Input(t, `basic: {budget: {year_end_balance: 19.8, prior_carryover: 19.8}}`), "2")
	rubrictest.Scores(t, item, rubrictest.Input(t, `
		unit: 元
		basic: {budget: {year_end_balance: 200001, prior_carryover: 200000}}
	`), "0")
	rubrictest.Unscored(t, item, rubrictest.Input(t, `basic: {budget: {year_end_balance: 3}}`))
}
