package rubric_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/rubric"
)

// FuzzParse: a rubric file never panics the reader; it is a rubric or a
// *FileError with a position. A rubric it gives scores departments, and
// its YAML reads back as the same rubric.
func FuzzParse(f *testing.F) {
	// Small seeds of every block: the minimizer's work grows with the
	// size of what it minimizes.
	f.Add([]byte(`kind: rubric
name: s
grades: {A: 90, B: 60}
items:
  - path: [a, b]
    weight: 8
    measure: staff_control_rate
    deduct: {above: 100%, step: 1%, points: 0.5}
  - path: [a, c]
    weight: 8
    measure: {name: carryover_rate, basis: spent}
    deduct: {below: 90%, step: 5%, points: 2, partial: false}
    when_undefined: full
  - path: [a, d]
    weight: 8
    measure: supplement_rate
    bands: [{equal: 0%, score: 8}, {above: 0%, upto: 10%, score: 6}, {above: 10%, score: 0}]
  - path: [e]
    weight: 3
    states: [{when: "year_end_balance = 0", score: 3}, {when: "year_end_balance <= prior_carryover", score: 2}, {score: 0}]
  - {path: [f], weight: 3, checklist: {points_each: 1}}
  - {path: [g], weight: 3, violations: {points_each: 1}}
  - {path: [h], weight: 2, judged: true}
  - {path: [i], weight: 5, absent: true}
`))
	for _, s := range []string{
		"kind: rubric\nname: a\nitems:\n  - path: [a]\n    weight: 5\n    measure: supplement_rate\n    bands: [{equal: 0, score: 5}, {above: 0, score: 1}]\n",
		"kind: rubric\nname: a\nitems:\n  - {path: a/b, weight: 3, states: [{when: 'initial >= 1e9', score: 1}]}\n",
		"kind: rubric\nname: &a x\nitems: *a\n", "kind: rubric\n---\n", "kind: [\n", "",
	} {
		f.Add([]byte(s))
	}
	inputs := []rubric.Input{{}, department(3), department(17)}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := rubric.Parse("fuzz.yaml", data)
		if err != nil {
			var fe *rubric.FileError
			if !errors.As(err, &fe) || fe.Line < 1 || fe.Column < 1 {
				t.Fatalf("not a positioned FileError: %v", err)
			}
			return
		}
		for _, in := range inputs {
			s := r.Score(in)
			if _, err := json.Marshal(s); err != nil {
				t.Fatal(err)
			}
			_ = s.ScoreMismatches(decimal.Zero)
			for _, is := range s.Items {
				if is.Score != nil && (is.Score.IsNegative() || is.Score.Cmp(is.Weight) > 0) {
					t.Fatalf("%s: score %s outside 0..%s", is.Key, is.Score, is.Weight)
				}
			}
		}
		y := r.YAML()
		again, err := rubric.Parse("again.yaml", y)
		if err != nil {
			t.Fatalf("YAML does not read back: %v\n%s", err, y)
		}
		if string(again.YAML()) != string(y) {
			t.Fatalf("round trip differs:\n%s\n---\n%s", y, again.YAML())
		}
	})
}
