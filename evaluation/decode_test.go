package evaluation_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rubric"
)

const tianhe = "../examples/tianhe2021/form.yaml"

func readTianhe(t testing.TB) *evaluation.DepartmentForm {
	t.Helper()
	f, err := evaluation.ReadFile(tianhe)
	require.NoError(t, err)
	d, ok := f.(*evaluation.DepartmentForm)
	require.True(t, ok)
	return d
}

func figureStrings(r evaluation.Report) map[string]string {
	m := map[string]string{}
	if a := r.Figures.Adjustment; a != nil {
		m["adjustment"] = a.String()
	}
	if x := r.Figures.CompletionRate; x != nil {
		m["completion_rate"] = x.String()
	}
	if x := r.Figures.AdjustmentRate; x != nil {
		m["adjustment_rate"] = x.String()
	}
	if a := r.Figures.TaskFundsTotal; a != nil {
		m["task_funds_total"] = a.String()
	}
	if x := r.Figures.TaskFundsShare; x != nil {
		m["task_funds_share"] = x.String()
	}
	return m
}

var tianheFigures = map[string]string{
	"adjustment": "507.49", "completion_rate": "99.99%", "adjustment_rate": "17.48%",
	"task_funds_total": "574.54", "task_funds_share": "23.99%",
}

func TestTianheFiguresFromEveryEncoding(t *testing.T) {
	for _, path := range []string{
		tianhe,
		"testdata/tianhe-strings.json",   // every number as a string
		"testdata/tianhe-numbers.json",   // numbers as JSON numbers, tab-indented
		"testdata/tianhe-thousands.json", // "2,395.15"
	} {
		t.Run(path, func(t *testing.T) {
			f, err := evaluation.ReadFile(path)
			require.NoError(t, err)
			r := evaluation.Evaluate(f, nil)
			assert.Equal(t, tianheFigures, figureStrings(r))
			assert.Equal(t, evaluation.Department, r.Kind)
			assert.Equal(t, "中国共产党广州市天河区委员会政法委员会", r.Header.Name)
			assert.Equal(t, 2021, r.Header.Year)
			assert.Equal(t, "guangzhou-2021", r.Header.Profile)
		})
	}
}

func TestTianheTranscription(t *testing.T) {
	f := readTianhe(t)
	require.Len(t, f.Tasks, 4)
	counts := []int{3, 5, 2, 3}
	for i, task := range f.Tasks {
		assert.Len(t, task.Indicators, counts[i], task.Name)
	}
	assert.Len(t, f.Goals.Expected, 4)
	require.Len(t, f.KeyProjects, 1)
	assert.Nil(t, f.KeyProjects[0].Budget, "the form does not state the key project's budget")
	assert.Equal(t, "16.60", f.Tasks[0].Funds.String())
	// The page break inside 任务2 is joined.
	assert.Contains(t, f.Tasks[1].Expected, "持续提供更全面更有力保障。")
	assert.Equal(t, budget.GeneralPublicBudget, f.Funds.Sources[0].Kind)
	assert.Equal(t, "99.99%", f.Funds.Reported.CompletionRate.String())
}

func TestDecodeProjectForm(t *testing.T) {
	src := `kind: project-self-evaluation
profile: national
project: 智慧校园建设
department: 教育局
year: 2025
unit: 元
funds:
  initial_budget: 1,000,000
  adjusted_budget: "1000000"
  actual_expenditure: 500000.5
  weight: 10
  reported: {execution_rate: 50.00%, score: 5}
goals: {expected: 完成校园信息化改造, achieved: 已完成}
indicators:
  - {level1: 产出指标(50分), level2: 数量指标, name: 设备采购数量, target: ≥100台, actual: 100台, weight: 10, score: 10, direction: higher}
reported: {total_score: 15, grade: 优}
`
	f, err := evaluation.Decode("p.yaml", []byte(src))
	require.NoError(t, err)
	p := f.(*evaluation.ProjectForm)
	assert.Equal(t, budget.Yuan, p.Unit)
	assert.Equal(t, []string{"完成校园信息化改造"}, p.Goals.Expected, "a single goal is a list of one")
	assert.Equal(t, "15", p.Reported.TotalScore.String())
	r := evaluation.Evaluate(f, nil)
	require.NotNil(t, r.Figures.ExecutionRate)
	assert.Equal(t, "50.00%", r.Figures.ExecutionRate.String())
	var seen *evaluation.Subject
	_ = evaluation.Evaluate(f, checkerFunc(func(s *evaluation.Subject) []evaluation.Finding { seen = s; return nil }))
	require.Len(t, seen.Indicators, 1)
	assert.Equal(t, "indicators[0]", seen.Indicators[0].Path)
	assert.Same(t, &p.Indicators[0], seen.Indicators[0].Indicator)
}

type checkerFunc func(*evaluation.Subject) []evaluation.Finding

func (c checkerFunc) Check(s *evaluation.Subject) []evaluation.Finding { return c(s) }

func TestZeroDenominatorIsUndefinedNotZero(t *testing.T) {
	src := `kind: department-self-evaluation
department: x
year: 2021
funds: {adjusted_budget: 0, initial_budget: 0, actual_expenditure: 0}
tasks: [{name: t, funds: 1}]
`
	f, err := evaluation.Decode("z.yaml", []byte(src))
	require.NoError(t, err)
	r := evaluation.Evaluate(f, nil)
	assert.Nil(t, r.Figures.CompletionRate)
	assert.Nil(t, r.Figures.AdjustmentRate)
	assert.Nil(t, r.Figures.TaskFundsShare)
	require.NotNil(t, r.Figures.Adjustment)
	assert.Equal(t, "0.00", r.Figures.Adjustment.String())
}

func TestMissingListIsEmpty(t *testing.T) {
	f, err := evaluation.Decode("m.yaml", []byte("kind: department-self-evaluation\ntasks:\n  - name: t\n    indicators:\nkey_projects:\n"))
	require.NoError(t, err)
	d := f.(*evaluation.DepartmentForm)
	require.Len(t, d.Tasks, 1)
	assert.Empty(t, d.Tasks[0].Indicators)
	assert.Empty(t, d.KeyProjects)
}

func TestBadInput(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	bomb := `a: &a ["x","x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
kind: department-self-evaluation
`
	tests := []struct {
		name, file, src string
		sentinel        error
		line            int
		path            string
	}{
		{"malformed yaml", "f.yaml", "kind: department-self-evaluation\nfunds: [\n", evaluation.ErrSyntax, 2, ""},
		{"malformed json", "f.json", `{"kind": "department-self-evaluation",` + "\n" + `"year": }`, evaluation.ErrSyntax, 2, ""},
		{"empty yaml", "f.yaml", "", evaluation.ErrEmpty, 1, ""},
		{"empty json", "f.json", "  \n", evaluation.ErrEmpty, 1, ""},
		{"binary", "f.yaml", "\x00\x01\x02\xff\xfe", evaluation.ErrSyntax, 1, ""},
		{"not a mapping", "f.yaml", "- a\n- b\n", evaluation.ErrType, 1, ""},
		{"deep json", "f.json", deep, evaluation.ErrLimit, 1, ""},
		{"deep yaml", "f.yaml", "kind: x\na: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000), evaluation.ErrLimit, 2, ""},
		{"alias bomb", "f.yaml", bomb, evaluation.ErrLimit, 0, ""},
		{"no kind", "f.yaml", "department: x\n", evaluation.ErrKind, 1, "kind"},
		{"unknown kind", "f.yaml", "kind: budget-form\n", evaluation.ErrKind, 1, "kind"},
		{"year not a number", "f.yaml", "kind: department-self-evaluation\nyear: twenty\n", evaluation.ErrValue, 2, "year"},
		{"year out of range", "f.yaml", "kind: department-self-evaluation\nyear: 21\n", evaluation.ErrValue, 2, "year"},
		{"NaN", "f.yaml", "kind: department-self-evaluation\nfunds:\n  adjusted_budget: .nan\n", evaluation.ErrValue, 3, "funds.adjusted_budget"},
		{"NaN string", "f.json", `{"kind":"department-self-evaluation","funds":{"actual_expenditure":"NaN"}}`, evaluation.ErrValue, 1, "funds.actual_expenditure"},
		{"huge exponent", "f.json", "{\"kind\":\"department-self-evaluation\",\n \"funds\":{\"initial_budget\":1e999999999}}", evaluation.ErrValue, 2, "funds.initial_budget"},
		{"two points", "f.yaml", "kind: department-self-evaluation\nfunds:\n  actual_expenditure: \"2,394.83.5\"\n", evaluation.ErrValue, 3, "funds.actual_expenditure"},
		{"unknown key", "f.yaml", "kind: department-self-evaluation\nfunds:\n  adjusted_budgt: 1\n", evaluation.ErrUnknownKey, 3, "funds.adjusted_budgt"},
		{"unknown key json", "f.json", "{\"kind\":\"project-self-evaluation\",\n\"indicators\":[{\"nmae\":\"x\"}]}", evaluation.ErrUnknownKey, 2, "indicators[0].nmae"},
		{"duplicate key", "f.json", `{"kind":"project-self-evaluation","year":2020,"year":2021}`, evaluation.ErrDuplicate, 1, "year"},
		{"list for text", "f.yaml", "kind: department-self-evaluation\ndepartment: [a, b]\n", evaluation.ErrType, 2, "department"},
		{"bad unit", "f.yaml", "kind: department-self-evaluation\nunit: 美元\n", evaluation.ErrValue, 2, "unit"},
		{"bad source", "f.yaml", "kind: department-self-evaluation\nfunds:\n  sources:\n    - source: lottery\n", evaluation.ErrValue, 4, "funds.sources[0].source"},
		{"negative weight", "f.yaml", "kind: project-self-evaluation\nindicators:\n  - name: x\n    weight: -5\n", evaluation.ErrValue, 4, "indicators[0].weight"},
		{"bad rate", "f.yaml", "kind: department-self-evaluation\nfunds:\n  reported:\n    completion_rate: 九成\n", evaluation.ErrValue, 4, "funds.reported.completion_rate"},
		{"deep path after siblings", "f.yaml", "kind: department-self-evaluation\ntasks:\n  - name: a\n    indicators:\n      - name: x\n  - name: b\n    indicators:\n      - name: y\n      - name: z\n        weight: -1\n", evaluation.ErrValue, 10, "tasks[1].indicators[1].weight"},
		{"bad direction", "f.yaml", "kind: project-self-evaluation\nindicators:\n  - direction: sideways\n", evaluation.ErrValue, 3, "indicators[0].direction"},
		{"two documents", "f.yaml", "kind: project-self-evaluation\n---\nkind: project-self-evaluation\n", evaluation.ErrSyntax, 0, ""},
		{"trailing json", "f.json", `{"kind":"project-self-evaluation"} {}`, evaluation.ErrSyntax, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.src)
			orig := bytes.Clone(data)
			start := time.Now()
			f, err := evaluation.Decode(tt.file, data)
			require.Error(t, err)
			assert.Nil(t, f)
			assert.Less(t, time.Since(start), 5*time.Second, "bad input must be refused quickly")
			assert.ErrorIs(t, err, tt.sentinel)
			var de *evaluation.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.file, de.File)
			if tt.line > 0 {
				assert.Equal(t, tt.line, de.Line, "line: %v", err)
			}
			assert.Equal(t, tt.path, de.Path, "%v", err)
			assert.True(t, strings.HasPrefix(err.Error(), tt.file+":"), "%v", err)
			assert.Positive(t, de.Line, "%v", err)
			assert.Positive(t, de.Column, "%v", err)
			assert.Equal(t, orig, data, "input unchanged")
		})
	}
}

func TestDecodeErrorWrapsNumberError(t *testing.T) {
	_, err := evaluation.Decode("f.yaml", []byte("kind: department-self-evaluation\nfunds:\n  adjusted_budget: 1234567890123456789\n"))
	var ne *budget.NumberError
	require.ErrorAs(t, err, &ne)
	assert.ErrorIs(t, err, budget.ErrRange)
	assert.ErrorIs(t, err, evaluation.ErrValue)
	assert.Equal(t, `f.yaml:3:20: funds.adjusted_budget: "1234567890123456789" is not an amount (out of range: 19 integer digits, at most 18)`, err.Error())
	var de *evaluation.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, `f.yaml:3:20: funds.adjusted_budget: "1234567890123456789" 不是金额（超出范围：整数至多 18 位、小数至多 6 位）`, de.In(evaluation.Chinese))
	assert.NotContains(t, de.In(evaluation.Chinese), "budget.", "no Go names in a message")
}

func TestUnknownKeySuggests(t *testing.T) {
	_, err := evaluation.Decode("f.yaml", []byte("kind: department-self-evaluation\nimprovments: x\n"))
	assert.ErrorContains(t, err, `did you mean "improvements"?`)
}

func TestTooLarge(t *testing.T) {
	_, err := evaluation.Decode("big.yaml", make([]byte, evaluation.MaxFileSize+1))
	assert.ErrorIs(t, err, evaluation.ErrLimit)

	// From a file, it is refused before it is read, naming the file.
	path := filepath.Join(t.TempDir(), "big.yaml")
	require.NoError(t, os.WriteFile(path, make([]byte, evaluation.MaxFileSize+1), 0o644))
	_, err = evaluation.ReadFile(path)
	require.ErrorIs(t, err, evaluation.ErrLimit)
	var de *evaluation.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, path, de.File)
	assert.Contains(t, err.Error(), fmt.Sprintf("larger than %d", evaluation.MaxFileSize))
	_, err = evaluation.ReadFile(filepath.Join(t.TempDir(), "missing.yaml"))
	var pe *fs.PathError
	require.ErrorAs(t, err, &pe)
}

// aliasedText is the YAML of a form whose goals.achieved holds a text of
// n Chinese characters under an anchor and whose goals.expected repeats
// it through k aliases, with the column of each alias on line 5.
func aliasedText(kind string, n, k int) (src string, cols []int) {
	var b strings.Builder
	b.WriteString("kind: " + kind + "\ndepartment: 教育局\nyear: 2025\ngoals:\n  achieved: &a0 \"")
	b.WriteString(strings.Repeat("项", n))
	b.WriteString("\"\n  expected: [")
	col := len("  expected: [") + 1
	for i := range k {
		if i > 0 {
			b.WriteString(", ")
			col += 2
		}
		b.WriteString("*a0")
		cols = append(cols, col)
		col += 3
	}
	b.WriteString("]\n")
	return b.String(), cols
}

// TestAliasedTextIsBounded is the hostile file of 265 KB whose aliases
// repeat a text of 10,900 characters 49,900 times (540 MB of text): it
// is refused at the alias that takes the repeated text past
// MaxAliasBytes, with its position, before any rule reads it.
func TestAliasedTextIsBounded(t *testing.T) {
	const chars = 10_900
	src, cols := aliasedText("department-self-evaluation", chars, 49_900)
	require.Less(t, len(src), 300_000)
	_, err := evaluation.Decode("hostile.yaml", []byte(src))
	require.ErrorIs(t, err, evaluation.ErrLimit)
	var de *evaluation.DecodeError
	require.ErrorAs(t, err, &de)
	past := evaluation.MaxAliasBytes/(3*chars) + 1 // the first alias past the limit
	assert.Equal(t, 6, de.Line, "%v", err)
	assert.Equal(t, cols[past-1], de.Column, "%v", err)

	// Up to the limit, aliases are read as the text they stand for.
	src, _ = aliasedText("department-self-evaluation", chars, past-1)
	f, err := evaluation.Decode("ok.yaml", []byte(src))
	require.NoError(t, err)
	d := f.(*evaluation.DepartmentForm)
	require.Len(t, d.Goals.Expected, past-1)
	assert.Equal(t, d.Goals.Achieved, d.Goals.Expected[past-2])
}

// A UTF-8 byte order mark before a JSON form is skipped, as before a
// YAML one; positions are counted after it.
func TestByteOrderMark(t *testing.T) {
	for name, src := range map[string]string{
		"f.json": "{\"kind\": \"project-self-evaluation\",\n \"year\": 2025, \"weight\": 1}",
		"f.yaml": "kind: project-self-evaluation\nyear: 2025\nweight: 1\n",
	} {
		_, plain := evaluation.Decode(name, []byte(src))
		_, marked := evaluation.Decode(name, append([]byte("\ufeff"), src...))
		require.ErrorIs(t, plain, evaluation.ErrUnknownKey, name)
		require.ErrorIs(t, marked, evaluation.ErrUnknownKey, name)
		assert.Equal(t, plain.Error(), marked.Error(), name)

		good := strings.Replace(src, "weight", "project", 1)
		f, err := evaluation.Decode(name, append([]byte("\ufeff"), good...))
		require.NoError(t, err, name)
		assert.Equal(t, 2025, f.Header().Year, name)
	}
}

// An error quotes at most a short prefix of the text it is about: a key
// of 3.5 MB makes a message of a few hundred bytes, not two copies of it.
func TestErrorsQuoteAPrefix(t *testing.T) {
	huge := strings.Repeat("键", 3_500_000/3)
	// ESC [2J (clear the screen) and CR, as YAML and JSON escapes.
	ctrlYAML, ctrlJSON := `\e[2J\r`+strings.Repeat("x", 100), `\u001b[2J\r`+strings.Repeat("x", 100)
	tests := []struct {
		name, file, src string
		sentinel        error
	}{
		{"unknown key json", "f.json", `{"kind":"project-self-evaluation","` + huge + `":1}`, evaluation.ErrUnknownKey},
		{"unknown key yaml", "f.yaml", "kind: project-self-evaluation\n" + strings.Repeat("k", 400_000) + ": 1\n", evaluation.ErrSyntax},
		{"control characters in a key", "f.json", `{"kind":"project-self-evaluation","\u001b[2J\r":1}`, evaluation.ErrUnknownKey},
		{"kind", "f.json", `{"kind":"` + strings.Repeat("k", 60_000) + `"}`, evaluation.ErrKind},
		{"unit", "f.yaml", "kind: project-self-evaluation\nunit: \"" + ctrlYAML + "\"\n", evaluation.ErrValue},
		{"year", "f.yaml", "kind: project-self-evaluation\nyear: " + strings.Repeat("9", 60_000) + "\n", evaluation.ErrValue},
		{"amount", "f.json", `{"kind":"project-self-evaluation","funds":{"initial_budget":"` + strings.Repeat("1", 60_000) + `"}}`, evaluation.ErrValue},
		{"direction", "f.json", `{"kind":"project-self-evaluation","indicators":[{"direction":"` + ctrlJSON + `"}]}`, evaluation.ErrValue},
		{"source", "f.yaml", "kind: project-self-evaluation\nfunds:\n  sources:\n    - source: " + strings.Repeat("s", 60_000) + "\n", evaluation.ErrValue},
		{"bool", "f.yaml", "kind: department-self-evaluation\nkey_projects:\n  - self_selected: " + strings.Repeat("t", 60_000) + "\n", evaluation.ErrValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := evaluation.Decode(tt.file, []byte(tt.src))
			require.ErrorIs(t, err, tt.sentinel)
			msg := err.Error()
			assert.Less(t, len(msg), 1024, "%.300s", msg)
			assert.NotContains(t, msg, "\x1b[2J", "control characters are made visible")
			assert.NotContains(t, msg, "\r")
			var de *evaluation.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Less(t, len(de.Path), 256, "%.300s", de.Path)
		})
	}
	// A value's parser still stands behind the error.
	_, err := evaluation.Decode("f.json", []byte(`{"kind":"project-self-evaluation","funds":{"initial_budget":"`+strings.Repeat("1", 60_000)+`"}}`))
	var ne *budget.NumberError
	require.ErrorAs(t, err, &ne)
}

func TestEncodeRoundTrip(t *testing.T) {
	for _, path := range []string{tianhe, "testdata/tianhe-thousands.json"} {
		f, err := evaluation.ReadFile(path)
		require.NoError(t, err)
		out, err := evaluation.Encode(f)
		require.NoError(t, err)
		back, err := evaluation.Decode("back.yaml", out)
		require.NoError(t, err, string(out))
		assert.Equal(t, f, back)
		again, err := evaluation.Encode(back)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(again))
	}
}

func TestEvaluateDoesNotModifyForm(t *testing.T) {
	f := readTianhe(t)
	before, err := evaluation.Encode(f)
	require.NoError(t, err)
	_ = evaluation.Evaluate(f, nil)
	after, err := evaluation.Encode(f)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
}

func TestEvaluateConcurrently(t *testing.T) {
	f := readTianhe(t)
	done := make(chan map[string]string)
	for range 8 {
		go func() { done <- figureStrings(evaluation.Evaluate(f, nil)) }()
	}
	for range 8 {
		assert.Equal(t, tianheFigures, <-done)
	}
}

func FuzzDecode(f *testing.F) {
	for _, p := range []string{tianhe, "testdata/tianhe-strings.json"} {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(p, data)
	}
	f.Add("x.yaml", []byte("kind: project-self-evaluation\nindicators: [{target: ≥95%, actual: 96%, weight: 10}]\n"))
	f.Add("x.json", []byte(`{"kind":"department-self-evaluation","funds":{"adjusted_budget":"1,000"}}`))
	f.Add("x.yaml", []byte("a: &a [*a]"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		orig := bytes.Clone(data)
		form, err := evaluation.Decode(name, data)
		if !bytes.Equal(orig, data) {
			t.Fatal("input modified")
		}
		if err != nil {
			var de *evaluation.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("not a DecodeError: %v", err)
			}
			return
		}
		_ = evaluation.Evaluate(form, nil)
		out, err := evaluation.Encode(form)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		if _, err := evaluation.Decode("back.yaml", out); err != nil {
			t.Fatalf("re-decode of encoded form: %v\n%s", err, out)
		}
	})
}

func TestLenientCells(t *testing.T) {
	f, err := evaluation.Decode("f.yaml", []byte("kind: project-self-evaluation\nyear: 2021年度\nindicators:\n  - {name: a, weight: 10分, score: \"9.5分\", direction: 反向}\n"))
	require.NoError(t, err)
	p := f.(*evaluation.ProjectForm)
	assert.Equal(t, 2021, p.Year)
	assert.Equal(t, "10", p.Indicators[0].Weight.String())
	assert.Equal(t, "9.5", p.Indicators[0].Score.String())
	assert.Equal(t, "lower", p.Indicators[0].Direction.String())
}

// A number is held to MaxTextBytes in JSON as every scalar is in YAML:
// a megabyte of digits is refused by the parser, not carried to decimal.
func TestHugeNumberIsALimit(t *testing.T) {
	digits := strings.Repeat("9", evaluation.MaxTextBytes+1)
	for name, src := range map[string]string{
		"f.json": `{"kind":"department-self-evaluation","funds":{"adjusted_budget":` + digits + `}}`,
		"f.yaml": "kind: department-self-evaluation\nfunds:\n  adjusted_budget: " + digits + "\n",
	} {
		_, err := evaluation.Decode(name, []byte(src))
		assert.ErrorIs(t, err, evaluation.ErrLimit, name)
	}
}

// TextCells names every text cell by its key path and the form's label,
// in form order; FindText returns only the cells it is asked for.
func TestTextCells(t *testing.T) {
	f := readTianhe(t)
	cells := evaluation.TextCells(f)
	byPath := map[string]evaluation.TextCell{}
	for _, c := range cells {
		byPath[c.Path] = c
	}
	for path, label := range map[string]string{
		"department":                    "部门名称",
		"goals.achieved":                "目标完成情况",
		"tasks[1].achieved":             "目标完成情况",
		"tasks[1].indicators[3].name":   "指标名称",
		"tasks[1].indicators[3].actual": "实际完成值",
		"key_projects[0].summary":       "绩效情况",
		"overall":                       "部门整体绩效",
	} {
		c, ok := byPath[path]
		if assert.True(t, ok, path) {
			assert.Equal(t, label, c.Label, path)
		}
	}
	assert.Equal(t, "2423人次", byPath["tasks[1].indicators[3].actual"].Text)
	assert.Equal(t, "department", cells[2].Path, "form order: profile, code, department, …")

	found := evaluation.FindText(f, func(s string) bool { return strings.Contains(s, "积分入学") })
	require.NotEmpty(t, found)
	for _, c := range found {
		assert.Contains(t, c.Text, "积分入学")
		assert.Equal(t, byPath[c.Path], c)
	}
}

// The YAML writer takes U+2028 and U+2029 for line breaks and indents
// the text after them, which the file format's reader keeps as spaces:
// such a text (a cell of an imported document, where fuzzing found one)
// must be written so that it reads back as it was, in a value and in a
// map key alike.
func TestEncodeKeepsUnicodeLineSeparators(t *testing.T) {
	for _, s := range []string{"›\u2028。", "a\u2029b", "a\u0085b", "x\u2028", "\u2028", "a\nb\u2028c", " a\u2028 b"} {
		forms := []evaluation.Form{
			&evaluation.DeclarationForm{Project: s, Goals: evaluation.DeclarationGoals{Annual: []string{s}}},
			&evaluation.MonitoringForm{Project: "p", Deviation: s},
			&evaluation.DepartmentEvaluationForm{Department: "某局", Input: rubric.Input{
				Reported: rubric.Reported{Reasons: map[string]string{"a" + s + "/b": s}}}},
			&evaluation.ProjectForm{Goals: evaluation.Goals{Expected: []string{s}}},
		}
		for _, f := range forms {
			out, err := evaluation.Encode(f)
			require.NoError(t, err)
			back, err := evaluation.Decode("back.yaml", out)
			require.NoError(t, err, "%q", out)
			assert.Equal(t, f, back, "%q: %s", s, out)
		}
	}
}
