package rubric_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/rubric"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// exampleSheet scores testdata/example-form.yaml by testdata/example.yaml.
func exampleSheet(t testing.TB) (rubric.Rubric, rubric.Sheet) {
	t.Helper()
	r, err := rubric.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/example-form.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := decodeForm("example-form.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return r, r.Score(f.Input)
}

func TestSheet(t *testing.T) {
	_, s := exampleSheet(t)
	want := map[string]string{
		"投入/预算配置/在职人员控制率":     "10.00",
		"投入/预算配置/“三公经费”变动率":   "7.56",  // 4.88% on spending, 0.5 a point
		"过程/预算执行/预算完成率":       "20.00", // 99.00%: less than a step
		"过程/预算执行/预算控制率":       "15.00",
		"过程/预算执行/资金结余":        "6.00",
		"过程/预算管理/管理制度健全性":     "6.00",
		"过程/预算管理/资金使用合规性":     "8.50",
		"投入/目标设定/绩效目标合理性":     "8.50",
		"过程/预算执行/新建楼堂馆所面积控制率": "0.50", // no buildings: full
	}
	for _, is := range s.Items {
		w, scored := want[is.Key]
		switch {
		case scored && (is.Score == nil || is.Score.StringFixed(2) != w):
			t.Errorf("%s: %v (%s); want %s", is.Key, is.Score, is.Reason.Zh, w)
		case !scored && is.Status != rubric.Absent:
			t.Errorf("%s: %s; want absent", is.Key, is.Status)
		}
	}
	if got := s.Total.StringFixed(2); got != "82.06" {
		t.Errorf("total %s", got)
	}
	if !s.Complete || s.Grade != "良" {
		t.Errorf("complete %v, grade %q", s.Complete, s.Grade)
	}
	if !s.Weight.Equal(dec("100")) || !s.UnscoredWeight.Equal(dec("4")) {
		t.Errorf("weight %s, unscored %s", s.Weight, s.UnscoredWeight)
	}
	if s.WeightsOff() || len(s.UnscoredItems()) != 0 {
		t.Errorf("weights off %v, unscored %v", s.WeightsOff(), s.UnscoredItems())
	}
	if len(s.Unplaced) != 1 || s.Unplaced[0].Key != "judgements.投入/目标设定/绩效指标明确性" {
		t.Errorf("unplaced %+v", s.Unplaced)
	}
}

// Reported scores are checked at the precision they were printed with: a
// reported 7.6 agrees with 7.56; a reported 9.0 does not agree with 8.5,
// though a reported 9 would (8.5 rounds half up to 9).
func TestScoreMismatches(t *testing.T) {
	_, s := exampleSheet(t)
	ms := s.ScoreMismatches(decimal.Zero)
	if len(ms) != 1 {
		t.Fatalf("mismatches %+v", ms)
	}
	if m := ms[0]; m.Key != "过程/预算管理/资金使用合规性" || m.Reported.String() != "9" || m.Computed.StringFixed(1) != "8.5" {
		t.Errorf("mismatch %+v", m)
	}
	// A tolerance of half a point silences it.
	if ms := s.ScoreMismatches(dec("0.5")); len(ms) != 0 {
		t.Errorf("with tolerance 0.5: %+v", ms)
	}
	// At no decimals 9 agrees with 8.5.
	for i := range s.Items {
		if s.Items[i].Key == "过程/预算管理/资金使用合规性" {
			s.Items[i].Reported = ptr(dec("9"))
		}
	}
	if ms := s.ScoreMismatches(decimal.Zero); len(ms) != 0 {
		t.Errorf("a reported 9: %+v", ms)
	}
}

func TestTotalMismatch(t *testing.T) {
	_, s := exampleSheet(t)
	m, off := s.TotalMismatch(decimal.Zero)
	if !off || m.Reported.String() != "82.6" || m.Computed.String() != "82.1" {
		t.Errorf("total mismatch %v %+v", off, m)
	}
	// An incomplete sheet's total is partial: not compared.
	s.Complete = false
	if _, off := s.TotalMismatch(decimal.Zero); off {
		t.Error("an incomplete sheet's total was compared")
	}
}

// A sheet with an unscored item is not complete and has no grade; its
// unscored weight is the item's.
func TestIncomplete(t *testing.T) {
	r, err := rubric.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := r.Score(rubric.Input{})
	if s.Complete || s.Grade != "" {
		t.Errorf("complete %v, grade %q", s.Complete, s.Grade)
	}
	// Everything but the building item (full when undefined) is unscored.
	if !s.UnscoredWeight.Equal(dec("103.5")) || !s.Total.Equal(dec("0.5")) {
		t.Errorf("unscored weight %s, total %s", s.UnscoredWeight, s.Total)
	}
	if n := len(s.UnscoredItems()); n != 8 {
		t.Errorf("%d unscored", n)
	}
	for _, is := range s.UnscoredItems() {
		if is.Score != nil || is.Exact != nil {
			t.Errorf("%s: unscored with a score", is.Key)
		}
	}
}

// Weights that do not sum to 100 leave the sheet incomplete whatever is
// scored.
func TestWeightsOff(t *testing.T) {
	r := parse(t, `
kind: rubric
name: w
items:
  - path: [a]
    weight: 60
    judged: true
`)
	s := r.Score(rubric.Input{Judgements: map[string]rubric.Judgement{"a": {Score: ptr(dec("60"))}}})
	if !s.WeightsOff() || s.Complete || s.Grade != "" || !s.Total.Equal(dec("60")) {
		t.Errorf("off %v complete %v grade %q total %s", s.WeightsOff(), s.Complete, s.Grade, s.Total)
	}
}

func ptr[T any](v T) *T { return &v }

func TestGrades(t *testing.T) {
	r := parse(t, `
kind: rubric
name: g
grades: {A: 85, B: 70}
items:
  - path: [a]
    weight: 100
    judged: true
`)
	for score, want := range map[string]string{"100": "A", "85": "A", "84.99": "B", "70": "B", "69.99": "差", "0": "差"} {
		s := r.Score(rubric.Input{Judgements: map[string]rubric.Judgement{"a": {Score: ptr(dec(score))}}})
		if s.Grade != want {
			t.Errorf("%s: grade %q; want %q", score, s.Grade, want)
		}
	}
	d := rubric.MustNew(rubric.Definition{Name: "d", Items: []rubric.Item{{Path: []string{"a"}, Weight: dec("100"), Judged: true}}})
	for score, want := range map[string]string{"90": "优", "89.99": "良", "80": "良", "60": "中", "59.99": "差"} {
		s := d.Score(rubric.Input{Judgements: map[string]rubric.Judgement{"a": {Score: ptr(dec(score))}}})
		if s.Grade != want {
			t.Errorf("default grades, %s: %q; want %q", score, s.Grade, want)
		}
	}
}

// The JSON of a sheet, in each language, against golden files.
func TestSheetJSON(t *testing.T) {
	_, s := exampleSheet(t)
	for _, lang := range []rubric.Lang{rubric.Chinese, rubric.English} {
		got, err := json.MarshalIndent(s.In(lang), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", "example-sheet."+string(lang)+".json")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if string(got)+"\n" != string(want) {
			t.Errorf("%s differs from the golden file (go test -update to rewrite it):\n%s", golden, got)
		}
	}
}

// The shape of the JSON: the keys, and null where there is no value.
func TestSheetJSONShape(t *testing.T) {
	_, s := exampleSheet(t)
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Total          string  `json:"total"`
		Grade          *string `json:"grade"`
		Complete       bool    `json:"complete"`
		UnscoredWeight string  `json:"unscored_weight"`
		Rubric         string  `json:"rubric"`
		Items          []map[string]any
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if v.Total != "82.06" || v.Grade == nil || *v.Grade != "良" || !v.Complete || v.UnscoredWeight != "4" || v.Rubric != "test-example" {
		t.Errorf("%s", b)
	}
	first := v.Items[0]
	for k, want := range map[string]any{"weight": "10", "measure": "staff_control_rate", "value": "95.10%", "score": "10.00", "status": "scored"} {
		if first[k] != want {
			t.Errorf("items[0].%s = %v; want %v", k, first[k], want)
		}
	}
	if v.Items[1]["basis"] != "actual" {
		t.Errorf("items[1] basis %v", v.Items[1]["basis"])
	}
	absent := v.Items[9]
	for _, k := range []string{"weight", "measure", "value", "score"} {
		if v, ok := absent[k]; !ok || v != nil {
			t.Errorf("absent item: %s = %v, present %v; want null", k, v, ok)
		}
	}
	if absent["status"] != "absent" {
		t.Errorf("absent item status %v", absent["status"])
	}
	// An incomplete sheet has a null grade.
	r, _ := exampleSheet(t)
	b, _ = json.Marshal(r.Score(rubric.Input{}))
	var inc map[string]any
	_ = json.Unmarshal(b, &inc)
	if g, ok := inc["grade"]; !ok || g != nil || inc["complete"] != false {
		t.Errorf("incomplete: %s", b)
	}
}

// Nothing of the input is dropped silently: judgements and reported
// scores no item takes, and judgement fields an item does not use.
func TestUnplaced(t *testing.T) {
	r, err := rubric.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := rubrictestInput(t, `
judgements:
  过程/预算管理/管理制度健全性: {checks: [true], score: 3}
  过程/预算执行/资金结余: {violations: 0}
  投入/目标设定/绩效目标合理性: {score: 5, checks: [true]}
  无此项: {score: 1}
reported:
  scores: {无此项: 1, 投入/预算配置/在职人员控制率: 10}
  reasons: {别的项: 说明}
`)
	s := r.Score(in)
	var got []string
	for _, u := range s.Unplaced {
		got = append(got, u.Key)
		if u.Why.Zh == "" || u.Why.En == "" {
			t.Errorf("%s: no reason", u.Key)
		}
	}
	want := []string{
		"judgements.过程/预算执行/资金结余.violations",
		"judgements.过程/预算管理/管理制度健全性.score",
		"judgements.投入/目标设定/绩效目标合理性.checks",
		"judgements.无此项",
		"reported.scores.无此项",
		"reported.reasons.别的项",
	}
	if len(got) != len(want) {
		t.Fatalf("unplaced %q; want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unplaced[%d] = %q; want %q", i, got[i], want[i])
		}
	}
}
