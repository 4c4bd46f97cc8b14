package formyaml_test

import (
	"strings"
	"testing"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/rubric/internal/formyaml"
)

func TestDecode(t *testing.T) {
	f, err := formyaml.Decode("f.yaml", []byte(`kind: department-evaluation
year: 2018
unit: 元
rubric: x
basic:
  staff: {authorized: 143, actual: 136}
  budget: {initial: "1,922.76"}
judgements:
  a/b: {checks: [true, false], note: n}
reported:
  scores: {a/b: 7.5}
  total_score: 80
`))
	if err != nil {
		t.Fatal(err)
	}
	if f.Year != 2018 || f.Unit != budget.Yuan || f.Rubric != "x" || f.Basic.Staff.Actual.String() != "136" {
		t.Errorf("%+v", f)
	}
	if a := f.Basic.Budget.Initial; a == nil || a.Unit() != budget.Yuan || a.String() != "1922.76" {
		t.Errorf("initial %v", a)
	}
	if j := f.Judgements["a/b"]; len(j.Checks) != 2 || !j.Checks[0] || j.Note != "n" {
		t.Errorf("judgement %+v", j)
	}
	if s := f.Reported.Scores["a/b"]; s == nil || s.String() != "7.5" || f.Reported.TotalScore.String() != "80" {
		t.Errorf("reported %+v", f.Reported)
	}
}

func TestDecodeRefuses(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"basic: {staf: {}}", "f.yaml:1:9: basic.staf: unknown key"},
		{"basic:\n  staff: {actual: many}", "f.yaml:2:19: basic.staff.actual: want a number"},
		{"judgements: {a: {checks: [yes]}}", "f.yaml:1:27: judgements.a.checks[0]: want true or false"},
		{"judgements: {a: {}, a: {}}", "f.yaml:1:21: judgements.a: given twice"},
		{"unit: 美元", "f.yaml:1:7: unit"},
		{"basic: &b {}\nreported: *b", "aliases are not supported"},
	} {
		_, err := formyaml.Decode("f.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v; want %q", tc.yaml, err, tc.want)
		}
	}
}

// FuzzDecode: a form literal never panics the decoder.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("unit: 元\nbasic: {staff: {authorized: 1, actual: 2}}\njudgements: {a: {checks: [true]}}\nreported: {scores: {a: 1}}\n"))
	f.Add([]byte("basic: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = formyaml.Decode("fuzz.yaml", data)
	})
}
