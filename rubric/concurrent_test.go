package rubric_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/rubric"
)

// department n: a different department for each n, its expected sheet
// computed alone first.
func department(n int) rubric.Input {
	amt := func(s string) *budget.Amount { a := budget.MustParseAmount(s, budget.TenThousandYuan); return &a }
	actual := decimal.NewFromInt(int64(90 + n%20))
	authorized := decimal.NewFromInt(100)
	return rubric.Input{
		Basic: rubric.Basic{
			Staff:       rubric.Staff{Authorized: &authorized, Actual: &actual},
			ThreePublic: rubric.ThreePublic{Budget: amt(fmt.Sprint(50 + n%7)), PreviousBudget: amt("52")},
			Budget: rubric.Budget{PriorCarryover: amt("10"), Initial: amt("1000"), Supplementary: amt(fmt.Sprint(n % 400)),
				YearEndBalance: amt(fmt.Sprint(n % 15))},
			KeyProjectSpending: amt(fmt.Sprint(500 + n%500)), ProjectSpending: amt("1000"),
		},
		Judgements: map[string]rubric.Judgement{
			"过程/预算执行/支付进度":    {Violations: ptr(decimal.NewFromInt(int64(n % 3)))},
			"过程/预算管理/管理制度健全性": {Checks: []bool{n%2 == 0, true, n%3 == 0}},
			"过程/预算管理/资金使用合规性": {Violations: ptr(decimal.Zero)},
		},
	}
}

// One Rubric scores many departments from many goroutines (run with
// -race): each sheet is the one it gives alone.
func TestConcurrentScoring(t *testing.T) {
	r, err := rubric.Builtin("yueyang-2018")
	if err != nil {
		t.Fatal(err)
	}
	const n = 200
	want := make([][]byte, n)
	for i := range want {
		want[i], _ = json.Marshal(r.Score(department(i)))
	}
	got := make([][]byte, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			s := r.Score(department(i))
			got[i], _ = json.Marshal(s.In(rubric.English))
			got[i], _ = json.Marshal(s)
			_ = s.ScoreMismatches(decimal.Zero)
			_ = r.Items()
		})
	}
	wg.Wait()
	for i := range n {
		if string(got[i]) != string(want[i]) {
			t.Fatalf("department %d: concurrent sheet differs:\n%s\n%s", i, got[i], want[i])
		}
	}
}

// Score changes nothing of its input.
func TestScorePure(t *testing.T) {
	r, err := rubric.Builtin("yueyang-2018")
	if err != nil {
		t.Fatal(err)
	}
	in := department(7)
	before, _ := json.Marshal(in.Judgements)
	staffBefore := in.Basic.Staff.Actual.String()
	_ = r.Score(in)
	after, _ := json.Marshal(in.Judgements)
	if string(before) != string(after) || in.Basic.Staff.Actual.String() != staffBefore {
		t.Error("Score changed its input")
	}
}
