package rubric_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rubric/rubrictest"
)

// staff gives a department whose 在职人员控制率 is actual/100, so the
// value printed is actual at two decimals.
func staff(actual string) string {
	return fmt.Sprintf("basic: {staff: {authorized: 100, actual: %s}}", actual)
}

// supplement gives a department whose 预算控制率 is supplementary/100.
func supplement(s string) string {
	return fmt.Sprintf("basic: {budget: {initial: 100, supplementary: %s}}", s)
}

type scoreCase struct {
	name   string
	form   string
	want   string // the score; "" for unscored
	zh, en string // the reason, where the case checks it
}

func runScores(t *testing.T, itemYAML string, cases []scoreCase) {
	t.Helper()
	item := rubrictest.Item(t, itemYAML)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := rubrictest.Input(t, tc.form)
			var is rubric.ItemScore
			if tc.want == "" {
				is = rubrictest.Unscored(t, item, in)
			} else {
				is = rubrictest.Scores(t, item, in, tc.want)
			}
			if tc.zh != "" && is.Reason.Zh != tc.zh {
				t.Errorf("zh reason\n got %q\nwant %q", is.Reason.Zh, tc.zh)
			}
			if tc.en != "" && is.Reason.En != tc.en {
				t.Errorf("en reason\n got %q\nwant %q", is.Reason.En, tc.en)
			}
		})
	}
}

func TestDeductAbove(t *testing.T) {
	runScores(t, `
		path: [投入, 预算配置, 在职人员控制率]
		weight: 8
		measure: staff_control_rate
		deduct: {above: 100%, step: 1%, points: 0.5}
	`, []scoreCase{
		{"well within", staff("95.1"), "8", "在职人员控制率 95.10%，未超过100%，得8分", "staff control rate 95.10%, not above 100%: full 8 points"},
		{"at the standard (closed)", staff("100"), "8", "", ""},
		{"just over, at the printed precision", staff("100.004"), "8", "在职人员控制率 100.00%，未超过100%，得8分", ""},
		{"rounds up past the standard", staff("100.005"), "8", "在职人员控制率 100.01%，超过100% 0.01个百分点，扣0.005分", ""},
		{"one step", staff("101"), "7.5", "", ""},
		{"whole steps", staff("104"), "6", "在职人员控制率 104.00%，超过100% 4个百分点，扣2分",
			"staff control rate 104.00%, 4 percentage points above 100%: 2 points deducted"},
		{"part step counts its part", staff("104.5"), "5.75", "在职人员控制率 104.50%，超过100% 4.5个百分点，扣2.25分", ""},
		{"rounded half up at two decimals", staff("100.03"), "7.99", "在职人员控制率 100.03%，超过100% 0.03个百分点，扣0.015分", ""},
		{"to exactly 0", staff("116"), "0", "在职人员控制率 116.00%，超过100% 16个百分点，扣8分（扣完为止）", ""},
		{"floor at 0", staff("130"), "0", "在职人员控制率 130.00%，超过100% 30个百分点，扣8分（扣完为止）",
			"staff control rate 130.00%, 30 percentage points above 100%: all 8 points deducted"},
		{"missing input", `basic: {staff: {actual: 104}}`, "", "在职人员控制率无法计算（未填编制数），不予评分",
			"staff control rate undefined (authorized staff not given): not scored"},
		{"zero denominator", `basic: {staff: {authorized: 0, actual: 4}}`, "", "在职人员控制率无法计算（分母为0），不予评分", ""},
	})
}

// A score is rounded once, from the exact fraction.
func TestDeductRoundsOnce(t *testing.T) {
	item := rubrictest.Item(t, `
		path: [a]
		weight: 8
		measure: staff_control_rate
		deduct: {above: 100%, step: 3%, points: 1}
	`)
	// 1 percentage point over, a third of a step: 8 − 1/3 = 7.666…
	is := rubrictest.Scores(t, item, rubrictest.Input(t, staff("101")), "7.67")
	if is.Exact == nil || is.Exact.Format(6) != "766.666667%" {
		t.Errorf("exact %v", is.Exact)
	}
	if want := "在职人员控制率 101.00%，超过100% 1个百分点，每3个百分点扣1分，扣0.33分"; is.Reason.Zh != want {
		t.Errorf("reason %q; want %q", is.Reason.Zh, want)
	}
}

func TestDeductBelowWholeSteps(t *testing.T) {
	const form = "basic: {budget: {prior_carryover: 0, initial: 100, supplementary: 0, year_end_balance: %s}}"
	runScores(t, `
		path: [过程, 预算执行, 预算完成率]
		weight: 8
		measure: budget_completion_rate
		deduct: {below: 100%, step: 5%, points: 2, partial: false}
	`, []scoreCase{
		{"at the standard", fmt.Sprintf(form, "0"), "8", "预算完成率 100.00%，不低于100%，得8分", "budget completion rate 100.00%, not below 100%: full 8 points"},
		{"less than one step", fmt.Sprintf(form, "0.73"), "8", "预算完成率 99.27%，低于100% 0.73个百分点，不足一档（每5个百分点扣2分），不扣分",
			"budget completion rate 99.27%, 0.73 percentage points below 100%: less than one step (2 points per 5 percentage points), nothing deducted"},
		{"just short of a step", fmt.Sprintf(form, "4.99"), "8", "", ""},
		{"exactly one step", fmt.Sprintf(form, "5"), "6", "预算完成率 95.00%，低于100% 5个百分点，满1档（每5个百分点扣2分），扣2分",
			"budget completion rate 95.00%, 5 percentage points below 100%, 1 whole step (2 points per 5 percentage points): 2 points deducted"},
		{"one step and a part", fmt.Sprintf(form, "7"), "6", "", ""},
		{"four steps", fmt.Sprintf(form, "20"), "0", "预算完成率 80.00%，低于100% 20个百分点，满4档（每5个百分点扣2分），扣8分（扣完为止）", ""},
		{"floor at 0", fmt.Sprintf(form, "60"), "0", "", ""},
		{"missing input", `basic: {budget: {initial: 100}}`, "", "预算完成率无法计算（未填上年结转、本年追加预算、年末结余），不予评分", ""},
	})
}

// Proportional below: the same item without partial: false.
func TestDeductBelowProportional(t *testing.T) {
	const form = "basic: {budget: {prior_carryover: 0, initial: 100, supplementary: 0, year_end_balance: %s}}"
	runScores(t, `
		path: [过程, 预算执行, 预算完成率]
		weight: 8
		measure: budget_completion_rate
		deduct: {below: 100%, step: 5%, points: 2}
	`, []scoreCase{
		{"part of a step", fmt.Sprintf(form, "0.73"), "7.71", "预算完成率 99.27%，低于100% 0.73个百分点，每5个百分点扣2分，扣0.292分", ""},
		{"one step", fmt.Sprintf(form, "5"), "6", "", ""},
		{"one and a half", fmt.Sprintf(form, "7.5"), "5", "", ""},
	})
}

// A standard of 0 with negative values: a fall in 三公经费 is within it.
func TestDeductAboveZero(t *testing.T) {
	const form = "basic: {three_public: {budget: %s, previous_budget: 100}}"
	runScores(t, `
		path: [投入, 预算配置, “三公经费”变动率]
		weight: 8
		measure: three_public_change_rate
		deduct: {above: 0%, step: 1%, points: 0.8}
	`, []scoreCase{
		{"a fall", fmt.Sprintf(form, "90"), "8", "“三公经费”变动率 -10.00%，未超过0%，得8分", ""},
		{"no change", fmt.Sprintf(form, "100"), "8", "", ""},
		{"a rise", fmt.Sprintf(form, "105"), "4", "“三公经费”变动率 5.00%，超过0% 5个百分点，扣4分", ""},
		{"the published slip's case", `basic: {three_public: {budget: 63.46, previous_budget: 32}}`, "0",
			"“三公经费”变动率 98.31%，超过0% 98.31个百分点，扣8分（扣完为止）", ""},
	})
}

func TestBands(t *testing.T) {
	runScores(t, `
		path: [过程, 预算执行, 预算控制率]
		weight: 8
		measure: supplement_rate
		bands:
		  - {equal: 0%, score: 8}
		  - {above: 0%, upto: 10%, score: 6}
		  - {above: 10%, upto: 20%, score: 4}
		  - {above: 20%, upto: 30%, score: 2}
		  - {above: 30%, score: 0}
	`, []scoreCase{
		{"equal", supplement("0"), "8", "预算控制率 0.00%，等于0%，得8分", "supplement rate 0.00%, equal to 0%: 8 points"},
		{"rounds to the equal band", supplement("0.004"), "8", "", ""},
		{"just above an open end", supplement("0.005"), "6", "预算控制率 0.01%，高于0%且不高于10%，得6分",
			"supplement rate 0.01%, above 0% and at most 10%: 6 points"},
		{"a closed upper end", supplement("10"), "6", "", ""},
		{"just past it", supplement("10.01"), "4", "", ""},
		{"20 is in the second band", supplement("20"), "4", "", ""},
		{"30 is in (20, 30]", supplement("30"), "2", "", ""},
		{"an open band to the end", supplement("39.94"), "0", "预算控制率 39.94%，高于30%，得0分", "supplement rate 39.94%, above 30%: 0 points"},
		{"below every band", `basic: {budget: {initial: 100, supplementary: -5}}`, "", "预算控制率 -5.00%，不在任何评分档内，不予评分",
			"supplement rate -5.00%, in no band of the rubric: not scored"},
		{"missing input", `basic: {budget: {initial: 100}}`, "", "", ""},
	})
}

// Bands with closed lower ends (“80%(含)-90%”) and an open one below.
func TestBandsFromBelow(t *testing.T) {
	const form = "basic: {key_project_spending: %s, project_spending: 100}"
	runScores(t, `
		path: [投入, 预算配置, 重点支出安排率]
		weight: 5
		measure: key_spending_rate
		bands:
		  - {from: 90%, score: 5}
		  - {from: 80%, below: 90%, score: 4}
		  - {below: 80%, score: 0}
	`, []scoreCase{
		{"a closed lower end", fmt.Sprintf(form, "90"), "5", "重点支出安排率 90.00%，不低于90%，得5分", "key spending rate 90.00%, at least 90%: 5 points"},
		{"just under it", fmt.Sprintf(form, "89.999"), "5", "", ""}, // 90.00% at two decimals
		{"under it", fmt.Sprintf(form, "89.99"), "4", "重点支出安排率 89.99%，不低于80%且低于90%，得4分", ""},
		{"80 is in [80, 90)", fmt.Sprintf(form, "80"), "4", "", ""},
		{"an open upper end", fmt.Sprintf(form, "79.99"), "0", "重点支出安排率 79.99%，低于80%，得0分", "key spending rate 79.99%, below 80%: 0 points"},
	})
}

func TestWhenUndefinedFull(t *testing.T) {
	runScores(t, `
		path: [过程, 预算执行, 新建楼堂馆所面积控制率]
		weight: 5
		measure: building_area_control_rate
		when_undefined: full
		deduct: {above: 100%, step: 5%, points: 2, partial: false}
	`, []scoreCase{
		{"no buildings", `basic: {}`, "5", "新建楼堂馆所面积控制率无法计算（未填实际建设面积、批准建设面积），按满分计算，得5分",
			"building area control rate undefined (floor area built, approved floor area not given): full marks by the rubric, 5 points"},
		{"within", `basic: {buildings: {approved_area: 1000, actual_area: 1000}}`, "5", "", ""},
		{"one step over", `basic: {buildings: {approved_area: 1000, actual_area: 1050}}`, "3", "", ""},
	})
}

func TestStates(t *testing.T) {
	runScores(t, `
		path: [过程, 预算执行, 资金结余]
		weight: 3
		states:
		  - {when: "year_end_balance = 0", score: 3}
		  - {when: "year_end_balance <= prior_carryover", score: 2}
		  - {score: 0}
	`, []scoreCase{
		{"no balance", `basic: {budget: {year_end_balance: 0, prior_carryover: 19.8}}`, "3", "年末结余 0.00 = 0，得3分", "year-end balance 0.00 = 0: 3 points"},
		{"no more than carried over", `basic: {budget: {year_end_balance: 19.8, prior_carryover: 19.8}}`, "2",
			"年末结余 19.80 ≤ 上年结转 19.80，得2分", "year-end balance 19.80 ≤ carry-over from last year 19.80: 2 points"},
		{"more than carried over", `basic: {budget: {year_end_balance: 19.81, prior_carryover: 19.8}}`, "0",
			"年末结余 19.81 ≠ 0；年末结余 19.81 > 上年结转 19.80，得0分",
			"year-end balance 19.81 ≠ 0; year-end balance 19.81 > carry-over from last year 19.80: 0 points"},
		{"the second condition's input missing", `basic: {budget: {year_end_balance: 5}}`, "",
			"无法判断（未填上年结转），不予评分", "cannot be told (carry-over from last year not given): not scored"},
		{"decided before the missing input", `basic: {budget: {year_end_balance: 0}}`, "3", "", ""},
		{"nothing given", `basic: {}`, "", "", ""},
	})
}

// States without an otherwise state: a department none fits is unscored.
func TestStatesNoneHolds(t *testing.T) {
	runScores(t, `
		path: [a]
		weight: 2
		states:
		  - {when: "staff.actual <= staff.authorized", score: 2}
	`, []scoreCase{
		{"holds", `basic: {staff: {authorized: 10, actual: 10}}`, "2", "实际在职人数 10 ≤ 编制数 10，得2分", ""},
		{"does not", `basic: {staff: {authorized: 10, actual: 11}}`, "", "实际在职人数 11 > 编制数 10，不符合任何情形，不予评分", ""},
	})
}

func TestChecklist(t *testing.T) {
	runScores(t, `
		path: [过程, 预算管理, 管理制度健全性]
		weight: 3
		checklist: {points_each: 1}
	`, []scoreCase{
		{"all met", `judgements: {过程/预算管理/管理制度健全性: {checks: [true, true, true]}}`, "3", "3项中3项符合，每项1分，得3分", "3 of 3 checks met at 1 point each: 3 points"},
		{"two met", `judgements: {过程/预算管理/管理制度健全性: {checks: [true, false, true]}}`, "2", "", ""},
		{"none met", `judgements: {过程/预算管理/管理制度健全性: {checks: [false, false, false]}}`, "0", "", ""},
		{"capped at the weight", `judgements: {过程/预算管理/管理制度健全性: {checks: [true, true, true, true]}}`, "3", "4项中4项符合，每项1分，得3分（以分值为限）", ""},
		{"no answers", `judgements: {}`, "", "未填检查结果（checks），不予评分", "no checks given: not scored"},
		{"answers of another item", `judgements: {过程/预算管理/资金使用合规性: {checks: [true]}}`, "", "", ""},
	})
}

func TestViolations(t *testing.T) {
	runScores(t, `
		path: [过程, 预算管理, 资金使用合规性]
		weight: 3
		violations: {points_each: 1}
	`, []scoreCase{
		{"none", `judgements: {过程/预算管理/资金使用合规性: {violations: 0}}`, "3", "无违规，得3分", "no violations: full 3 points"},
		{"one", `judgements: {过程/预算管理/资金使用合规性: {violations: 1}}`, "2", "违规1例，每例扣1分，扣1分", "1 violation at 1 point each: 1 point deducted"},
		{"to 0", `judgements: {过程/预算管理/资金使用合规性: {violations: 3}}`, "0", "违规3例，每例扣1分，扣3分（扣完为止）", ""},
		{"floor at 0", `judgements: {过程/预算管理/资金使用合规性: {violations: 5}}`, "0", "", "5 violations at 1 point each: all 3 points deducted"},
		{"not a count", `judgements: {过程/预算管理/资金使用合规性: {violations: 1.5}}`, "", "违规例数\"1.5\"不是非负整数，不予评分", ""},
		{"missing", `judgements: {}`, "", "未填违规例数（violations），不予评分", ""},
	})
}

// A form file cannot hold a negative count of violations (the decoder
// refuses it); a caller that builds one in Go gets the item unscored.
func TestViolationsNegativeInGo(t *testing.T) {
	item := rubrictest.Item(t, `
		path: [过程, 预算管理, 资金使用合规性]
		weight: 3
		violations: {points_each: 1}
	`)
	minus := decimal.NewFromInt(-1)
	in := rubric.Input{Judgements: map[string]rubric.Judgement{"过程/预算管理/资金使用合规性": {Violations: &minus}}}
	is := rubrictest.Unscored(t, item, in)
	if want := `违规例数"-1"不是非负整数，不予评分`; is.Reason.Zh != want {
		t.Errorf("zh reason\n got %q\nwant %q", is.Reason.Zh, want)
	}
}

func TestJudged(t *testing.T) {
	runScores(t, `
		path: [投入, 目标设定, 绩效目标合理性]
		weight: 2
		judged: true
	`, []scoreCase{
		{"a score", `judgements: {投入/目标设定/绩效目标合理性: {score: 1.5, note: 未对照三定方案}}`, "1.5",
			"评价人评分1.5分：\"未对照三定方案\"", "evaluator's score: 1.5 points: \"未对照三定方案\""},
		{"full", `judgements: {投入/目标设定/绩效目标合理性: {score: 2}}`, "2", "评价人评分2分", ""},
		{"zero", `judgements: {投入/目标设定/绩效目标合理性: {score: 0}}`, "0", "", ""},
		{"above the weight", `judgements: {投入/目标设定/绩效目标合理性: {score: 3}}`, "", "评价人评分\"3\"不在0至2分之间，不予评分", ""},
		{"missing", `judgements: {}`, "", "未填评价人评分（score），不予评分", ""},
		{"a hostile note is quoted", "judgements: {投入/目标设定/绩效目标合理性: {score: 1, note: \"a\\x1b[2Jb\"}}", "1", "评价人评分1分：\"a\\x1b[2Jb\"", ""},
	})
}

// Every reason is wholly in its language: no Chinese in English reasons
// beyond the quoted input.
func TestReasonsEnglish(t *testing.T) {
	r, err := rubric.Builtin("yueyang-2018")
	if err != nil {
		t.Fatal(err)
	}
	for _, form := range []string{fullBasic, `basic: {}`} {
		s := r.Score(rubrictest.Input(t, form))
		for _, is := range s.Items {
			for _, c := range is.Reason.En {
				if c >= 0x3000 {
					t.Errorf("%s: Chinese in %q", is.Key, is.Reason.En)
					break
				}
			}
			if is.Reason.Zh == "" || strings.ContainsAny(is.Reason.Zh, "abcdefghijklmnopqrstuvwxyz") && is.Status != rubric.Unscored {
				t.Errorf("%s: zh reason %q", is.Key, is.Reason.Zh)
			}
		}
	}
}
