package evaluation_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rubric"
)

const workedForm = "../rubric/testdata/worked/wanglu-2018.yaml"

func decodeEvaluation(t testing.TB, name, text string) *evaluation.DepartmentEvaluationForm {
	t.Helper()
	f, err := evaluation.Decode(name, []byte(text))
	require.NoError(t, err)
	de, ok := f.(*evaluation.DepartmentEvaluationForm)
	require.True(t, ok, "%T", f)
	return de
}

func TestDecodeDepartmentEvaluation(t *testing.T) {
	f := decodeEvaluation(t, "f.yaml", `kind: department-evaluation
department: 某局
year: 2018
unit: 元
rubric: yueyang-2018
basic:
  staff: {authorized: 143, actual: 136}
  budget: {initial: "1,922.76"}
judgements:
  a/b: {checks: [true, false], note: n}
  c/d: {violations: 2}
reported:
  scores: {a/b: 7.5分, c/d: null}
  reasons: {a/b: 少一项制度}
  total_score: 80
`)
	assert.Equal(t, evaluation.DepartmentEvaluation, f.Kind())
	assert.Equal(t, evaluation.Header{Name: "某局", Year: 2018, Unit: budget.Yuan}, f.Header())
	assert.Equal(t, "yueyang-2018", f.Rubric)
	assert.Equal(t, "136", f.Basic.Staff.Actual.String())
	if a := f.Basic.Budget.Initial; assert.NotNil(t, a) {
		assert.Equal(t, budget.Yuan, a.Unit())
		assert.Equal(t, "1922.76", a.String())
	}
	assert.Equal(t, []bool{true, false}, f.Judgements["a/b"].Checks)
	assert.Equal(t, "n", f.Judgements["a/b"].Note)
	assert.Equal(t, "2", f.Judgements["c/d"].Violations.String())
	assert.Equal(t, "7.5", f.Reported.Scores["a/b"].String())
	v, given := f.Reported.Scores["c/d"]
	assert.True(t, given, "a null score is a key given with no score")
	assert.Nil(t, v)
	assert.Equal(t, "少一项制度", f.Reported.Reasons["a/b"])
	assert.Equal(t, "80", f.Reported.TotalScore.String())
}

// Every fault of a department evaluation is positioned: file, line,
// column and key path, item paths included.
func TestDecodeDepartmentEvaluationRefuses(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"basic: {staf: {}}", `f.yaml:2:9: basic.staf: "staf" is not a key here; did you mean "staff"?`},
		{"basic:\n  staff: {actual: many}", `f.yaml:3:19: basic.staff.actual: "many" is not a number`},
		{"judgements: {a: {checks: [yes]}}", `f.yaml:2:27: judgements.a.checks[0]: "yes"; want true or false`},
		{"judgements: {a: {}, a: {}}", `f.yaml:2:21: judgements.a: "a" given twice (also at line 2)`},
		{"judgements: {a: {chekcs: [true]}}", `f.yaml:2:18: judgements.a.chekcs: "chekcs" is not a key here; did you mean "checks"?`},
		{"judgements: [a]", `f.yaml:2:13: judgements: want a mapping (by item path), not a list`},
		{"reported: {scores: {投入/预算配置/在职人员控制率: 八分}}", `reported.scores.投入/预算配置/在职人员控制率: "八分" is not a number`},
		{"reported: {reasons: {a: [x]}}", `reported.reasons.a: want a single value, not a list`},
		{"unit: 美元", `f.yaml:2:7: unit: unit "美元"; want 元, 万元 or 亿元`},
		{"year: 1800", `year`},
		{"extra: [{labl: x}]", `extra[0].labl`},
	} {
		_, err := evaluation.Decode("f.yaml", []byte("kind: department-evaluation\n"+tc.yaml))
		if assert.Error(t, err, tc.yaml) {
			assert.Contains(t, err.Error(), tc.want, tc.yaml)
			var de *evaluation.DecodeError
			assert.True(t, errors.As(err, &de), tc.yaml)
		}
	}
}

// What the importers refuse as negative the file format refuses too, so
// that every road holds a department evaluation to the same limits: a
// count of people or of square metres, a count of violations, a score
// of the evaluator or of the sheet, the total.
func TestDecodeDepartmentEvaluationRefusesNegatives(t *testing.T) {
	for _, tc := range []struct{ yaml, path, zh string }{
		{"basic:\n  staff: {authorized: -143}", "basic.staff.authorized", "编制数不能为负数"},
		{"basic:\n  staff: {actual: \"-1\"}", "basic.staff.actual", "实际在职人数不能为负数"},
		{"basic:\n  buildings: {approved_area: -5}", "basic.buildings.approved_area", "批准建设面积不能为负数"},
		{"basic:\n  buildings: {actual_area: -0.5}", "basic.buildings.actual_area", "实际建设面积不能为负数"},
		{"judgements: {过程/预算执行/支付进度: {violations: -3}}", "judgements.过程/预算执行/支付进度.violations", "违规例数不能为负数"},
		{"judgements: {投入/目标设定/绩效目标合理性: {score: -2}}", "judgements.投入/目标设定/绩效目标合理性.score", "评分不能为负数"},
		{"reported: {scores: {投入/预算配置/在职人员控制率: -5}}", "reported.scores.投入/预算配置/在职人员控制率", "得分不能为负数"},
		{"reported: {total_score: -1}", "reported.total_score", "总分不能为负数"},
	} {
		_, err := evaluation.Decode("f.yaml", []byte("kind: department-evaluation\n"+tc.yaml))
		es := evaluation.DecodeErrorsOf(err)
		if assert.Len(t, es, 1, tc.yaml) {
			assert.Equal(t, tc.path, es[0].Path, tc.yaml)
			assert.Equal(t, tc.zh, es[0].Msg.Zh, tc.yaml)
			assert.Greater(t, es[0].Line, 1, tc.yaml)
			assert.ErrorIs(t, err, evaluation.ErrValue, tc.yaml)
		}
	}
	// A key that cannot stand in a key path is named in the message only.
	_, err := evaluation.Decode("f.json", []byte(`{"kind": "department-evaluation", "reported": {"scores": {"a\u001b": -1}}}`))
	if es := evaluation.DecodeErrorsOf(err); assert.Len(t, es, 1) {
		assert.Equal(t, "reported.scores", es[0].Path)
		assert.NotContains(t, es[0].Msg.Zh+es[0].Msg.En, "\x1b")
	}
}

// A rubric file is not a form: decoding one says so, wrapping
// ErrRubricFile (a folder walk skips such files).
func TestDecodeRubricFile(t *testing.T) {
	data, err := os.ReadFile("../rubric/testdata/example.yaml")
	require.NoError(t, err)
	_, err = evaluation.Decode("example.yaml", data)
	require.Error(t, err)
	assert.ErrorIs(t, err, evaluation.ErrRubricFile)
	assert.ErrorIs(t, err, evaluation.ErrKind)
	assert.Contains(t, err.Error(), "-rubric")
}

// YAML and JSON give back an equal form; maps are written in key order,
// so the bytes do not depend on how the form was built.
func TestDepartmentEvaluationRoundTrip(t *testing.T) {
	for _, path := range []string{workedForm, "../rubric/testdata/example-form.yaml"} {
		f, err := evaluation.ReadFile(path)
		require.NoError(t, err)
		y, err := evaluation.Encode(f)
		require.NoError(t, err)
		back, err := evaluation.Decode("back.yaml", y)
		require.NoError(t, err, string(y))
		assert.Equal(t, f, back, path)
		again, err := evaluation.Encode(back)
		require.NoError(t, err)
		assert.Equal(t, string(y), string(again))

		j, err := json.Marshal(f)
		require.NoError(t, err)
		fromJSON, err := evaluation.Decode("back.json", j)
		require.NoError(t, err, string(j))
		assert.Equal(t, f, fromJSON, path)
		var un evaluation.DepartmentEvaluationForm
		require.NoError(t, json.Unmarshal(j, &un))
		assert.Equal(t, f, &un)
	}
}

// A checklist's false answers and a null score keep their places.
func TestDepartmentEvaluationEncodesEmptyValues(t *testing.T) {
	f := decodeEvaluation(t, "f.yaml", "kind: department-evaluation\njudgements: {a: {checks: [false, true, false]}, b: {}}\nreported: {scores: {a: null}, reasons: {a: \"\"}}\n")
	y, err := evaluation.Encode(f)
	require.NoError(t, err)
	back, err := evaluation.Decode("back.yaml", y)
	require.NoError(t, err, string(y))
	assert.Equal(t, f, back, string(y))
	j, err := json.Marshal(f)
	require.NoError(t, err)
	assert.Contains(t, string(j), `"checks":[false,true,false]`)
	assert.Contains(t, string(j), `"scores":{"a":null}`)
	back, err = evaluation.Decode("back.json", j)
	require.NoError(t, err)
	assert.Equal(t, f, back)
}

// The reasons written on the sheet and the judgements' notes are text
// cells, by item path, so text.placeholder reads them.
func TestDepartmentEvaluationTextCells(t *testing.T) {
	f := decodeEvaluation(t, "f.yaml", "kind: department-evaluation\ndepartment: 某局\njudgements: {b/c: {note: 说明……的完成情况}}\nreported: {reasons: {a/b: XXX, a/a: 无}}\n")
	var paths []string
	for _, c := range evaluation.TextCells(f) {
		paths = append(paths, c.Path+"="+c.Label)
	}
	assert.Equal(t, []string{"profile=规则配置", "code=部门编码", "department=部门名称", "rubric=评分办法",
		"judgements.b/c.note=说明", "reported.reasons.a/a=扣分原因", "reported.reasons.a/b=扣分原因"}, paths)
}

func TestDepartmentEvaluationCellNames(t *testing.T) {
	for path, want := range map[string][2]string{
		"reported.scores.投入/预算配置/在职人员控制率":   {"评分表 · 投入/预算配置/在职人员控制率 · 得分", "score sheet · 投入/预算配置/在职人员控制率 · score"},
		"reported.reasons.投入/预算配置/在职人员控制率":  {"评分表 · 投入/预算配置/在职人员控制率 · 扣分原因", "score sheet · 投入/预算配置/在职人员控制率 · reason"},
		"judgements.过程/预算管理/管理制度健全性.checks": {"评价人判断 · 过程/预算管理/管理制度健全性 · 检查项", "judgement · 过程/预算管理/管理制度健全性 · checks"},
		"basic.staff.actual":   {"基础数据表 · 财政供养人员情况 · 实际在职人数", "basic · staff · actual"},
		"reported.total_score": {"评分表 · 总分", "total score"},
		"rubric":               {"评分办法", "rubric"},
	} {
		assert.Equal(t, want[0], evaluation.CellName(evaluation.DepartmentEvaluation, path, evaluation.Chinese), path)
		assert.Equal(t, want[1], evaluation.CellName(evaluation.DepartmentEvaluation, path, evaluation.English), path)
	}
}

// holder is a checker that carries a rubric and finds nothing.
type holder struct{ r rubric.Rubric }

func (h holder) Check(*evaluation.Subject) []evaluation.Finding { return nil }
func (h holder) Rubric() (rubric.Rubric, bool)                  { return h.r, true }

// The rubric comes from the checker, else from the form's rubric: key,
// else there is none and the sheet is not scored.
func TestRubricFor(t *testing.T) {
	worked, err := rubric.ReadFile("../rubric/testdata/worked/wanglu-2018-rubric.yaml")
	require.NoError(t, err)
	form, err := evaluation.ReadFile(workedForm)
	require.NoError(t, err)

	r, err := evaluation.RubricFor(form, holder{worked})
	require.NoError(t, err)
	assert.Equal(t, "wanglu-2018", r.Name())

	// wanglu-2018 is not built in: with no rubric given it is unknown.
	_, err = evaluation.RubricFor(form, nil)
	var ue *evaluation.UnknownRubricError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, "rubric", ue.KeyPath())
	assert.ErrorIs(t, err, rubric.ErrUnknownRubric)
	assert.Contains(t, ue.Message(evaluation.Chinese), "yueyang-2018")
	assert.Contains(t, ue.Message(evaluation.English), "-rubric")

	yy := decodeEvaluation(t, "f.yaml", "kind: department-evaluation\nrubric: yueyang-2018\n")
	r, err = evaluation.RubricFor(yy, nil)
	require.NoError(t, err)
	assert.Equal(t, "yueyang-2018", r.Name())
	r, err = evaluation.RubricFor(yy, holder{worked})
	require.NoError(t, err)
	assert.Equal(t, "wanglu-2018", r.Name(), "the checker's rubric overrides the form's")

	_, err = evaluation.RubricFor(decodeEvaluation(t, "f.yaml", "kind: department-evaluation\n"), nil)
	assert.ErrorIs(t, err, evaluation.ErrNoRubric)
	_, err = evaluation.RubricFor(readTianhe(t), nil)
	assert.ErrorIs(t, err, evaluation.ErrNoRubric)
}

// Evaluate scores the worked example by its own rubric: the published
// item scores, the measures as figures, the sheet as the JSON score.
func TestEvaluateDepartmentEvaluation(t *testing.T) {
	worked, err := rubric.ReadFile("../rubric/testdata/worked/wanglu-2018-rubric.yaml")
	require.NoError(t, err)
	form, err := evaluation.ReadFile(workedForm)
	require.NoError(t, err)
	before, _ := evaluation.Encode(form)

	rep := evaluation.Evaluate(form, holder{worked})
	after, _ := evaluation.Encode(form)
	assert.Equal(t, string(before), string(after), "Evaluate never modifies the form")
	require.NotNil(t, rep.Sheet)
	assert.Nil(t, rep.Score)
	scores := map[string]string{}
	for _, is := range rep.Sheet.Items {
		if is.Score != nil {
			scores[is.Key] = is.Score.StringFixed(2)
		}
	}
	assert.Equal(t, map[string]string{"投入/预算配置/在职人员控制率": "8.00", "投入/预算配置/“三公经费”变动率": "0.00",
		"过程/预算执行/预算完成率": "8.00", "过程/预算执行/预算控制率": "0.00"}, scores)
	require.Len(t, rep.Figures.Measures, len(rubric.Measures()))

	b, err := json.Marshal(rep)
	require.NoError(t, err)
	var out struct {
		Kind    string             `json:"kind"`
		Figures map[string]*string `json:"figures"`
		Score   struct {
			Total          string `json:"total"`
			Grade          *string
			Complete       bool   `json:"complete"`
			UnscoredWeight string `json:"unscored_weight"`
			Rubric         string `json:"rubric"`
			Items          []struct {
				Reason string `json:"reason"`
			} `json:"items"`
		} `json:"score"`
	}
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, "department-evaluation", out.Kind)
	assert.Equal(t, "95.10%", *out.Figures["staff_control_rate"])
	assert.Nil(t, out.Figures["key_spending_rate"], "an undefined measure is null")
	assert.Contains(t, out.Figures, "building_area_control_rate")
	assert.Equal(t, "16.00", out.Score.Total)
	assert.False(t, out.Score.Complete, "the copy shows 32 of 100 points")
	assert.Nil(t, out.Score.Grade)
	assert.Equal(t, "wanglu-2018", out.Score.Rubric)
	assert.True(t, strings.HasPrefix(out.Score.Items[0].Reason, "在职人员控制率 95.10%"), out.Score.Items[0].Reason)

	// In English, the reasons are English.
	rep.Lang = evaluation.English
	b, err = json.Marshal(rep)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"reason":"staff control rate 95.10%`)

	// Without a rubric there is no sheet, and no panic.
	rep = evaluation.Evaluate(form, nil)
	assert.Nil(t, rep.Sheet)
	b, err = json.Marshal(rep)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"score":null`)
}

// The seeds of FuzzDecodeDepartmentEvaluation: the kind's forms of the
// repository and literals that reach each road of the map decoding.
func departmentEvaluationSeeds(t testing.TB) map[string][]byte {
	seeds := map[string][]byte{}
	for _, p := range []string{workedForm, "../rubric/testdata/example-form.yaml", "../markdown/testdata/department-evaluation-edge.yaml",
		"../examples/deptevaluation/form.yaml", "../cmd/perfeval/testdata/golden/department-evaluation-yueyang.yaml"} {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		seeds[p] = data
	}
	for i, s := range []string{
		"kind: department-evaluation\nrubric: yueyang-2018\njudgements: {a: {checks: [true, false]}, a/b: {}}\nreported: {scores: {a: null, \"\": 1}}\n",
		"kind: department-evaluation\njudgements: {? [a]: b}\n",
		"kind: department-evaluation\nreported: {reasons: {a: x, a: y}}\n",
		"kind: department-evaluation\nbasic: {staff: {authorized: 0, actual: 1}, buildings: {approved_area: 1e5}}\n",
		`{"kind":"department-evaluation","rubric":"hunan-county-2017","judgements":{"过程/预算管理/资金使用合规性":{"violations":"-1"}},"reported":{"scores":{"x":"9.99分"},"total_score":"100"}}`,
		`{"kind":"department-evaluation","reported":{"reasons":{"a\u001b":"\u0000"}}}`,
		"kind: rubric\nname: x\nitems: []\n",
	} {
		name := fmt.Sprintf("literal-%d.yaml", i)
		if strings.HasPrefix(s, "{") {
			name = fmt.Sprintf("literal-%d.json", i)
		}
		seeds[name] = []byte(s)
	}
	return seeds
}

// FuzzDecodeDepartmentEvaluation: whatever the input, Decode returns a
// form or a *DecodeError; a department evaluation it returns evaluates
// (by the rubric it names, by a rubric of every block, by none) without a
// panic, and encodes in YAML and JSON to files that decode back to an
// equal form and encode the same again.
func FuzzDecodeDepartmentEvaluation(f *testing.F) {
	for name, data := range departmentEvaluationSeeds(f) {
		f.Add(name, data)
	}
	every, err := rubric.ReadFile("../rubric/testdata/example.yaml")
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		form, err := evaluation.Decode(name, data)
		if err != nil {
			var de *evaluation.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("not a DecodeError: %T %v", err, err)
			}
			return
		}
		de, ok := form.(*evaluation.DepartmentEvaluationForm)
		if !ok {
			return
		}
		for _, c := range []evaluation.Checker{nil, holder{every}} {
			rep := evaluation.Evaluate(de, c)
			if _, err := json.Marshal(rep); err != nil {
				t.Fatalf("report: %v", err)
			}
		}
		_ = evaluation.TextCells(de)
		out, err := evaluation.Encode(de)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		back, err := evaluation.Decode("back.yaml", out)
		if err != nil {
			t.Fatalf("re-decode of encoded form: %v\n%s", err, out)
		}
		if again, err := evaluation.Encode(back); err != nil || string(again) != string(out) {
			t.Fatalf("encoding is not stable:\n%s\n%s", out, again)
		}
		j, err := json.Marshal(de)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		fromJSON, err := evaluation.Decode("back.json", j)
		if err != nil {
			t.Fatalf("decode of the marshalled form: %v\n%s", err, j)
		}
		if again, _ := json.Marshal(fromJSON); string(again) != string(j) {
			t.Fatalf("JSON is not a fixed point:\n%s\n%s", j, again)
		}
	})
}
