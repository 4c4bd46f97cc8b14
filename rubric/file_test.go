package rubric_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/perfeval/perfeval/rubric"
)

const head = "kind: rubric\nname: t\nitems:\n"

// item is a minimal valid item, to surround the one under test.
const okItem = "  - path: [投入, 预算配置, 在职人员控制率]\n    weight: 5\n    measure: staff_control_rate\n    deduct: {above: 100%, step: 1%, points: 0.5}\n"

func TestParseRefuses(t *testing.T) {
	for _, tc := range []struct {
		name     string
		yaml     string
		line     int
		key      string
		sentinel error
	}{
		{"empty", "", 1, "", rubric.ErrSyntax},
		{"not YAML", "kind: rubric\nitems: [\n", 2, "", rubric.ErrSyntax},
		{"a second document", head + okItem + "---\nkind: rubric\n", 8, "", rubric.ErrSyntax},
		{"not a mapping", "- a\n- b\n", 1, "", rubric.ErrValue},
		{"no kind", "name: t\nitems: []\n", 1, "kind", rubric.ErrValue},
		{"another kind", "kind: department-evaluation\nname: t\n", 1, "kind", rubric.ErrValue},
		{"unknown top key", "kind: rubric\nname: t\nitem: []\n", 3, "item", rubric.ErrUnknownKey},
		{"a key twice", "kind: rubric\nname: t\nname: u\n", 3, "name", rubric.ErrDuplicate},
		{"no name", "kind: rubric\nitems: []\n", 1, "name", rubric.ErrValue},
		{"an alias", "kind: rubric\nname: &n t\ntitle: *n\n", 3, "", rubric.ErrSyntax},
		{"unknown item key", head + okItem + "  - path: [a]\n    weight: 3\n    judge: true\n", 10, "items[1].judge", rubric.ErrUnknownKey},
		{"unknown deduct key", head + "  - path: [a]\n    weight: 3\n    measure: staff_control_rate\n    deduct: {above: 100%, step: 1%, points: 1, whole: true}\n",
			7, "items[0].deduct.whole", rubric.ErrUnknownKey},
		{"unknown measure", head + okItem + "  - path: [a]\n    weight: 3\n    measure: staff_contrl_rate\n    deduct: {above: 100%, step: 1%, points: 1}\n",
			10, "items[1].measure", rubric.ErrUnknownMeasure},
		{"unknown basis", head + "  - path: [a]\n    weight: 3\n    measure: {name: staff_control_rate, basis: actual}\n    deduct: {above: 100%, step: 1%, points: 1}\n",
			6, "items[0].measure.basis", rubric.ErrUnknownBasis},
		{"two blocks", head + "  - path: [a]\n    weight: 3\n    judged: true\n    checklist: {points_each: 1}\n", 6, "items[0].judged", rubric.ErrBlocks},
		{"no block", head + okItem + "  - path: [b]\n    weight: 3\n", 8, "items[1]", rubric.ErrBlocks},
		{"absent with a block", head + "  - path: [a]\n    absent: true\n    judged: true\n", 6, "items[0].judged", rubric.ErrBlocks},
		{"a weight of 0", head + "  - path: [a]\n    weight: 0\n    judged: true\n", 5, "items[0].weight", rubric.ErrValue},
		{"a negative weight", head + "  - path: [a]\n    weight: -3\n    judged: true\n", 5, "items[0].weight", rubric.ErrNegative},
		{"a weight not a number", head + "  - path: [a]\n    weight: five\n    judged: true\n", 5, "items[0].weight", rubric.ErrValue},
		{"negative points", head + "  - path: [a]\n    weight: 3\n    measure: staff_control_rate\n    deduct: {above: 100%, step: 1%, points: -0.5}\n",
			7, "items[0].deduct.points", rubric.ErrNegative},
		{"negative points each", head + "  - path: [a]\n    weight: 3\n    violations: {points_each: -1}\n", 6, "items[0].violations.points_each", rubric.ErrNegative},
		{"a step of 0", head + "  - path: [a]\n    weight: 3\n    measure: staff_control_rate\n    deduct: {above: 100%, step: 0%, points: 1}\n",
			7, "items[0].deduct.step", rubric.ErrValue},
		{"above and below", head + "  - path: [a]\n    weight: 3\n    measure: staff_control_rate\n    deduct: {above: 100%, below: 90%, step: 1%, points: 1}\n",
			7, "items[0].deduct", rubric.ErrValue},
		{"no measure", head + "  - path: [a]\n    weight: 3\n    deduct: {above: 100%, step: 1%, points: 1}\n", 4, "items[0].measure", rubric.ErrValue},
		{"a measure on a checklist", head + "  - path: [a]\n    weight: 3\n    measure: staff_control_rate\n    checklist: {points_each: 1}\n",
			6, "items[0].measure", rubric.ErrValue},
		{"overlapping bands", head + `  - path: [a]
    weight: 8
    measure: supplement_rate
    bands:
      - {equal: 0%, score: 8}
      - {from: 0%, upto: 10%, score: 6}
`, 9, "items[0].bands[1]", rubric.ErrOverlap},
		{"overlapping ranges", head + `  - path: [a]
    weight: 8
    measure: supplement_rate
    bands:
      - {above: 0%, upto: 20%, score: 6}
      - {above: 10%, upto: 30%, score: 4}
`, 9, "items[0].bands[1]", rubric.ErrOverlap},
		{"two open-ended bands", head + `  - path: [a]
    weight: 8
    measure: supplement_rate
    bands:
      - {above: 30%, score: 0}
      - {from: 50%, score: 0}
`, 9, "items[0].bands[1]", rubric.ErrOverlap},
		{"a gap", head + `  - path: [a]
    weight: 8
    measure: supplement_rate
    bands:
      - {equal: 0%, score: 8}
      - {above: 0%, upto: 10%, score: 6}
      - {above: 20%, score: 0}
`, 10, "items[0].bands[2]", rubric.ErrGap},
		{"a gap of one value", head + `  - path: [a]
    weight: 8
    measure: supplement_rate
    bands:
      - {below: 10%, score: 8}
      - {above: 10%, score: 6}
`, 9, "items[0].bands[1]", rubric.ErrGap},
		{"a band above the weight", head + `  - path: [a]
    weight: 5
    measure: supplement_rate
    bands:
      - {equal: 0%, score: 8}
`, 8, "items[0].bands[0].score", rubric.ErrAboveWeight},
		{"an empty band", head + `  - path: [a]
    weight: 5
    measure: supplement_rate
    bands:
      - {from: 10%, below: 10%, score: 1}
`, 8, "items[0].bands[0]", rubric.ErrValue},
		{"equal with an end", head + `  - path: [a]
    weight: 5
    measure: supplement_rate
    bands:
      - {equal: 0%, upto: 10%, score: 1}
`, 8, "items[0].bands[0].upto", rubric.ErrValue},
		{"a band not a percentage", head + "  - path: [a]\n    weight: 5\n    measure: supplement_rate\n    bands:\n      - {upto: ten, score: 1}\n",
			8, "items[0].bands[0].upto", rubric.ErrValue},
		{"a condition it cannot read", head + "  - path: [a]\n    weight: 3\n    states:\n      - {when: \"year_end_balans = 0\", score: 3}\n",
			7, "items[0].states[0].when", rubric.ErrCondition},
		{"otherwise before the end", head + "  - path: [a]\n    weight: 3\n    states:\n      - {score: 3}\n      - {when: \"initial > 0\", score: 1}\n",
			7, "items[0].states[0]", rubric.ErrValue},
		{"a count against money", head + "  - path: [a]\n    weight: 3\n    states:\n      - {when: \"staff.actual <= initial\", score: 3}\n",
			7, "items[0].states[0].when", rubric.ErrCondition},
		{"two items with one path", head + okItem + okItem, 8, "items[1].path", rubric.ErrDuplicate},
		{"a slash in a level", head + "  - path: [a/b, c]\n    weight: 3\n    judged: true\n", 4, "items[0].path[0]", rubric.ErrValue},
		{"an empty path", head + "  - path: []\n    weight: 3\n    judged: true\n", 4, "items[0].path", rubric.ErrValue},
		{"bad when_undefined", head + "  - path: [a]\n    weight: 3\n    judged: true\n    when_undefined: zero\n", 7, "items[0].when_undefined", rubric.ErrValue},
		{"grades not descending in value", "kind: rubric\nname: t\ngrades: {优: 90, 良: 90}\n", 3, "grades.良", rubric.ErrValue},
		{"a grade above 100", "kind: rubric\nname: t\ngrades: {优: 190}\n", 3, "grades.优", rubric.ErrValue},
		{"checklist points above the weight", head + "  - path: [a]\n    weight: 3\n    checklist: {points_each: 4}\n", 6, "items[0].checklist.points_each", rubric.ErrAboveWeight},
		{"a control character in a name", "kind: rubric\nname: \"a\\x1b[2J\"\n", 2, "name", rubric.ErrValue},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rubric.Parse("bad.yaml", []byte(tc.yaml))
			var fe *rubric.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v; want a *FileError", err)
			}
			if fe.File != "bad.yaml" || fe.Line != tc.line || fe.Key != tc.key || fe.Column < 1 {
				t.Errorf("at %s:%d:%d key %q; want line %d key %q (%v)", fe.File, fe.Line, fe.Column, fe.Key, tc.line, tc.key, err)
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("err = %v; want %v", err, tc.sentinel)
			}
			if strings.ContainsAny(err.Error(), "\x1b\n") {
				t.Errorf("message not on one line or with a control character: %q", err.Error())
			}
		})
	}
}

func TestParseOversized(t *testing.T) {
	data := []byte(head + strings.Repeat("#", rubric.MaxFileSize))
	_, err := rubric.Parse("big.yaml", data)
	if !errors.Is(err, rubric.ErrTooLarge) {
		t.Errorf("err = %v", err)
	}
}

// A long hostile value is quoted in a message by a short prefix only.
func TestParseQuotesShort(t *testing.T) {
	long := strings.Repeat("很", 5000)
	_, err := rubric.Parse("bad.yaml", []byte(head+"  - path: [a]\n    weight: 3\n    measure: "+long+"\n    deduct: {above: 1%, step: 1%, points: 1}\n"))
	if err == nil || strings.Count(err.Error(), "很") > 48 {
		t.Errorf("message quotes too much: %.200s", err)
	}
}

// New refuses what Parse refuses, with the same error under the same key.
func TestNewSameErrors(t *testing.T) {
	bands := []rubric.Band{{Equal: pct("0%"), Score: dec("8")}, {From: pct("0%"), Upto: pct("10%"), Score: dec("6")}}
	_, err := rubric.New(rubric.Definition{Name: "t", Items: []rubric.Item{{
		Path: []string{"a"}, Weight: dec("8"), Measure: rubric.Measure{Name: rubric.SupplementRate}, Bands: bands,
	}}})
	var de *rubric.DefinitionError
	if !errors.As(err, &de) || de.Key != "items[0].bands[1]" || !errors.Is(err, rubric.ErrOverlap) {
		t.Fatalf("New: %v", err)
	}
	_, ferr := rubric.Parse("f.yaml", []byte(head+`  - path: [a]
    weight: 8
    measure: supplement_rate
    bands:
      - {equal: 0%, score: 8}
      - {from: 0%, upto: 10%, score: 6}
`))
	var fe *rubric.FileError
	if !errors.As(ferr, &fe) || fe.Key != de.Key || fe.Err.Error() != de.Err.Error() {
		t.Errorf("Parse: %v; New: %v", ferr, err)
	}
	// A threshold with no exact decimal is refused, not rounded.
	third, _ := rubricRate(1, 3)
	_, err = rubric.New(rubric.Definition{Name: "t", Items: []rubric.Item{{Path: []string{"a"}, Weight: dec("8"),
		Measure: rubric.Measure{Name: rubric.StaffControlRate}, Deduct: &rubric.Deduct{Above: &third, Step: *pct("1%"), Points: dec("1")}}}})
	if !errors.As(err, &de) || de.Key != "items[0].deduct.above" || !errors.Is(err, rubric.ErrValue) {
		t.Errorf("1/3 as a standard: %v", err)
	}
}

// A rubric is a value: changing the definition it was built from, or
// what its accessors return, changes nothing in it.
func TestImmutable(t *testing.T) {
	d := rubric.Definition{Name: "t", Items: []rubric.Item{{Path: []string{"a"}, Weight: dec("8"),
		Measure: rubric.Measure{Name: rubric.StaffControlRate}, Deduct: &rubric.Deduct{Above: pct("100%"), Step: *pct("1%"), Points: dec("1")}}}}
	r := rubric.MustNew(d)
	d.Items[0].Path[0] = "b"
	*d.Items[0].Deduct.Above = *pct("50%")
	items := r.Items()
	items[0].Path[0] = "c"
	items[0].Deduct.Points = dec("8")
	got := r.Items()[0]
	if got.Key() != "a" || got.Deduct.Above.Format(0) != "100%" || !got.Deduct.Points.Equal(dec("1")) {
		t.Errorf("rubric changed: %+v", got)
	}
}

// Parse of YAML gives the same rubric back.
func TestYAMLRoundTrip(t *testing.T) {
	for _, name := range append(rubric.BuiltinNames(), "testdata/example.yaml") {
		var r rubric.Rubric
		var err error
		if strings.HasSuffix(name, ".yaml") {
			r, err = rubric.ReadFile(name)
		} else {
			r, err = rubric.Builtin(name)
		}
		if err != nil {
			t.Fatal(err)
		}
		again, err := rubric.Parse("again.yaml", r.YAML())
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, r.YAML())
		}
		if string(again.YAML()) != string(r.YAML()) {
			t.Errorf("%s: round trip differs:\n%s\n---\n%s", name, r.YAML(), again.YAML())
		}
		if len(again.Items()) != len(r.Items()) || !again.Weight().Equal(r.Weight()) {
			t.Errorf("%s: %d items, weight %s; want %d, %s", name, len(again.Items()), again.Weight(), len(r.Items()), r.Weight())
		}
	}
}

// A path may be written as one text; a definition read back builds the
// same rubric.
func TestParsePathText(t *testing.T) {
	r := parse(t, head+"  - path: 投入/目标设定/绩效目标合理性\n    weight: 2\n    judged: true\n")
	if it, ok := r.Item("投入/目标设定/绩效目标合理性"); !ok || len(it.Path) != 3 {
		t.Fatalf("item %+v %v", it, ok)
	}
	again, err := rubric.New(r.Definition())
	if err != nil || string(again.YAML()) != string(r.YAML()) {
		t.Errorf("New(Definition()): %v", err)
	}
}

// A file error says where and what in either language.
func TestFileErrorIn(t *testing.T) {
	_, err := rubric.Parse("r.yaml", []byte("kind: rubric\nname: x\nitems:\n  - {path: [a], weight: 5, measure: staff_control_rate, bands: [{from: 0%, score: 2}, {from: 10%, score: 3}]}\n"))
	var fe *rubric.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("%v", err)
	}
	if got := fe.In(rubric.Chinese); !strings.HasPrefix(got, "r.yaml:4:") || !strings.Contains(got, "档次区间重叠") {
		t.Errorf("zh: %s", got)
	}
	if got := fe.In(rubric.English); got != fe.Error() {
		t.Errorf("en: %s", got)
	}
}
