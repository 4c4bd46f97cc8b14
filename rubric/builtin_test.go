package rubric_test

import (
	"errors"
	"testing"

	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rubric/rubrictest"
)

func TestBuiltins(t *testing.T) {
	names := rubric.BuiltinNames()
	if len(names) < 2 {
		t.Fatalf("builtins %v", names)
	}
	for _, want := range []struct {
		name   string
		items  int
		weight string
		absent int
	}{
		{"yueyang-2018", 10, "36", 1},
		{"hunan-county-2017", 6, "25", 1},
	} {
		r, err := rubric.Builtin(want.name)
		if err != nil {
			t.Fatal(err)
		}
		if r.Name() != want.name || len(r.Sources()) == 0 || r.Title() == "" {
			t.Errorf("%s: name %q, sources %v, title %q", want.name, r.Name(), r.Sources(), r.Title())
		}
		items := r.Items()
		absent := 0
		for _, it := range items {
			if it.Absent {
				absent++
			} else if it.Standard == "" {
				t.Errorf("%s: %s has no published standard", want.name, it.Key())
			}
		}
		if len(items) != want.items || absent != want.absent || r.Weight().String() != want.weight {
			t.Errorf("%s: %d items, %d absent, weight %s", want.name, len(items), absent, r.Weight())
		}
	}
	if _, err := rubric.Builtin("yueyang-2019"); !errors.Is(err, rubric.ErrUnknownRubric) {
		t.Errorf("unknown: %v", err)
	}
}

// The 岳阳 rubric on a department: each block as the table reads.
func TestYueyang(t *testing.T) {
	r, err := rubric.Builtin("yueyang-2018")
	if err != nil {
		t.Fatal(err)
	}
	in := rubrictest.Input(t, `
		basic:
		  staff: {authorized: 100, actual: 103}
		  three_public: {budget: 10, previous_budget: 10, actual: 10.5}
		  key_project_spending: 85
		  project_spending: 100
		  budget: {prior_carryover: 10, initial: 100, supplementary: 10, year_end_balance: 12}
		judgements:
		  过程/预算执行/支付进度: {violations: 1}
		  过程/预算管理/管理制度健全性: {checks: [true, true, false]}
		  过程/预算管理/资金使用合规性: {violations: 0}
	`)
	want := map[string]string{
		"投入/预算配置/财政供养人员控制率": "3.5", // 103%: 3 points over at 0.5
		"投入/预算配置/“三公经费”变动率": "5",   // 0%
		"投入/预算配置/重点支出安排率":   "4",   // 85% is in [80%, 90%)
		"过程/预算执行/预算调整率":     "2",   // |110 − 100| / 100 = 10%, in (0, 10%]
		"过程/预算执行/支付进度":      "2.5", // one fund late
		"过程/预算执行/资金结余":      "0",   // 12 > 10 carried over
		"过程/预算执行/“三公经费”控制率": "1",   // 105%: 5 points over at 1
		"过程/预算管理/管理制度健全性":   "2",
		"过程/预算管理/资金使用合规性":   "3",
	}
	s := r.Score(in)
	for _, is := range s.Items {
		w, ok := want[is.Key]
		if !ok {
			if is.Status != rubric.Absent {
				t.Errorf("%s: %s", is.Key, is.Status)
			}
			continue
		}
		if is.Score == nil || !is.Score.Equal(dec(w)) {
			t.Errorf("%s: %v (%s); want %s", is.Key, is.Score, is.Reason.Zh, w)
		}
	}
	// 预算调整数 was not given: the reason says how it was read.
	if is := s.Items[3]; is.Reason.Zh != "预算调整率 10.00%，高于0%且不高于10%，得2分（预算调整数按|年初预算+本年追加预算−年初预算|计）" {
		t.Errorf("预算调整率 reason %q", is.Reason.Zh)
	}
}
