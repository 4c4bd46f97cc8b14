package rubric_test

import (
	"os"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/rubric"
)

// A published 2018 基础数据表 scored by its own rubric gives the published
// item scores (see testdata/worked/README.md for the source).
func TestWorkedExample(t *testing.T) {
	r, err := rubric.ReadFile("testdata/worked/wanglu-2018-rubric.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/worked/wanglu-2018.yaml")
	if err != nil {
		t.Fatal(err)
	}
	form, err := decodeForm("wanglu-2018.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if form.Rubric != r.Name() {
		t.Fatalf("the form names rubric %q", form.Rubric)
	}
	s := r.Score(form.Input)

	// What the sheet prints, item by item: the value in its 指标说明 and
	// the score in its 得分 column ("" where the copy does not show it).
	published := []struct {
		key, value, score string
	}{
		{"投入/预算配置/在职人员控制率", "95.10%", "8"},
		{"投入/预算配置/“三公经费”变动率", "98.31%", "0"},
		{"过程/预算执行/预算完成率", "99.27%", "8"},
		{"过程/预算执行/预算控制率", "39.94%", ""},
	}
	// Published scores the rubric does not give, by item key, with why.
	// There are none: every score shown agrees with the rubric.
	knownSlips := map[string]string{}

	if len(s.Items) != len(published) {
		t.Fatalf("%d items", len(s.Items))
	}
	for i, p := range published {
		is := s.Items[i]
		if is.Key != p.key {
			t.Fatalf("item %d is %s; want %s", i, is.Key, p.key)
		}
		if is.Value == nil || is.Value.Format(2) != p.value {
			t.Errorf("%s: value %v; the sheet prints %s", p.key, is.Value, p.value)
		}
		if is.Score == nil {
			t.Errorf("%s: unscored: %s", p.key, is.Reason.Zh)
			continue
		}
		if p.score == "" {
			if is.Reported != nil {
				t.Errorf("%s: a reported score the copy does not show", p.key)
			}
			continue
		}
		agrees := is.Score.Equal(decimal.RequireFromString(p.score))
		if why, slip := knownSlips[p.key]; slip == agrees {
			t.Errorf("%s: computed %s, published %s; known slip %q", p.key, is.Score.StringFixed(2), p.score, why)
		}
	}
	if ms := s.ScoreMismatches(decimal.Zero); len(ms) != len(knownSlips) {
		t.Errorf("mismatches %+v; want the known slips %v", ms, knownSlips)
	}
	// 预算控制率 39.94% is above 30%: 0.
	if is := s.Items[3]; !is.Score.IsZero() || is.Reason.Zh != "预算控制率 39.94%，高于30%，得0分" {
		t.Errorf("预算控制率: %v, %s", is.Score, is.Reason.Zh)
	}
	// The copy shows 32 of the table's 100 points: the sheet is partial.
	if s.Complete || s.Grade != "" || !s.Weight.Equal(dec("32")) || !s.Total.Equal(dec("16")) {
		t.Errorf("complete %v grade %q weight %s total %s", s.Complete, s.Grade, s.Weight, s.Total)
	}
	if len(s.Unplaced) != 0 {
		t.Errorf("unplaced %+v", s.Unplaced)
	}
}

// Had the sheet computed the 三公经费 rate on spending (决算数), the rate
// would have been 52.30%, and the score 0 all the same: a rubric can
// tell which basis matters to a score and which does not.
func TestWorkedExampleOtherBasis(t *testing.T) {
	data, err := os.ReadFile("testdata/worked/wanglu-2018.yaml")
	if err != nil {
		t.Fatal(err)
	}
	form, err := decodeForm("wanglu-2018.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	v, err := rubric.Measure{Name: rubric.ThreePublicChangeRate, Basis: rubric.BasisActual}.Of(form.Basic)
	if err != nil || v.Format(2) != "52.30%" {
		t.Errorf("on spending: %v, %v", v, err)
	}
}
