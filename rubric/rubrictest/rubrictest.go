// Package rubrictest helps the author of a rubric unit-test an item in a
// few lines, as rulestest does for a rule: the item as it is written in a
// rubric file, the department as a form literal, the score expected.
//
//	item := rubrictest.Item(t, `
//		path: [投入, 预算配置, 在职人员控制率]
//		weight: 5
//		measure: staff_control_rate
//		deduct: {above: 100%, step: 1%, points: 0.5}
//	`)
//	rubrictest.Scores(t, item, rubrictest.Input(t, `basic: {staff: {authorized: 100, actual: 104}}`), "3.00")
//	rubrictest.Unscored(t, item, rubrictest.Input(t, `basic: {staff: {actual: 104}}`))
//
// A form literal is the body of a department-evaluation form (basic,
// judgements, reported; unit: where its amounts are not in 万元).
package rubrictest

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/dedent"
	"github.com/perfeval/perfeval/rubric"
)

// Item reads one item written as in a rubric file's items list, failing
// the test if the rubric format refuses it.
func Item(t testing.TB, yaml string) rubric.Item {
	t.Helper()
	lines := strings.Split(dedent.String(yaml), "\n")
	var b strings.Builder
	b.WriteString("kind: rubric\nname: rubrictest\nitems:\n")
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if first {
			b.WriteString("  - " + l + "\n")
			first = false
			continue
		}
		b.WriteString("    " + l + "\n")
	}
	r, err := rubric.Parse("item.yaml", []byte(b.String()))
	if err != nil {
		t.Fatalf("rubrictest: item: %v", err)
	}
	return r.Items()[0]
}

// Input reads a form literal with the file format's decoder (package
// evaluation), failing the test on a decode error.
func Input(t testing.TB, yaml string) rubric.Input {
	t.Helper()
	return Form(t, yaml).Input
}

// Form reads a form literal as a whole department-evaluation form
// (kind: department-evaluation is implied), for a test that also wants
// its header or evaluates it.
func Form(t testing.TB, yaml string) *evaluation.DepartmentEvaluationForm {
	t.Helper()
	f, err := evaluation.Decode("literal.yaml", []byte("kind: "+string(evaluation.DepartmentEvaluation)+"\n"+dedent.String(yaml)))
	if err != nil {
		t.Fatalf("rubrictest: form literal: %v", err)
	}
	return f.(*evaluation.DepartmentEvaluationForm)
}

// Score scores the item alone, as a rubric of one item, and returns its
// score; it fails the test if the item is not a valid rubric item.
func Score(t testing.TB, item rubric.Item, in rubric.Input) rubric.ItemScore {
	t.Helper()
	r, err := rubric.New(rubric.Definition{Name: "rubrictest", Items: []rubric.Item{item}})
	if err != nil {
		t.Fatalf("rubrictest: %v", err)
	}
	return r.Score(in).Items[0]
}

// Scores asserts that the item scores want ("3.00", "5") on the input,
// and returns the item's score for further checks (its Reason).
func Scores(t testing.TB, item rubric.Item, in rubric.Input, want string) rubric.ItemScore {
	t.Helper()
	w, err := decimal.NewFromString(want)
	if err != nil {
		t.Fatalf("rubrictest: want %q is not a number", want)
	}
	is := Score(t, item, in)
	switch {
	case is.Score == nil:
		t.Errorf("%s: unscored (%s); want %s", is.Key, is.Reason.Zh, want)
	case !is.Score.Equal(w):
		t.Errorf("%s: score %s (%s); want %s", is.Key, is.Score.StringFixed(2), is.Reason.Zh, want)
	}
	return is
}

// Unscored asserts that the item has no score on the input (an input
// missing, a measure undefined, a value in no band).
func Unscored(t testing.TB, item rubric.Item, in rubric.Input) rubric.ItemScore {
	t.Helper()
	is := Score(t, item, in)
	if is.Status != rubric.Unscored || is.Score != nil {
		t.Errorf("%s: %s (%s); want unscored", is.Key, is.Status, is.Reason.Zh)
	}
	return is
}
