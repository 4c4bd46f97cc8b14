package evaluation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/internal/safetext"
	"github.com/perfeval/perfeval/rubric"
)

// DepartmentEvaluation is 部门整体支出绩效评价: a department's whole
// expenditure scored item by item on a rubric (财预〔2013〕53号 fixes the
// framework, each province or city its points and standards).
const DepartmentEvaluation Kind = "department-evaluation"

// ErrRubricFile: the file is a rubric (kind: rubric), not a form. A
// *DecodeError of such a file wraps it beside ErrKind, so a folder walk
// can skip a rubric kept among the forms it scores.
var ErrRubricFile = errors.New("a rubric file, not a form")

// DepartmentEvaluationForm is 部门整体支出绩效评价: the 基础数据表 (Basic),
// the evaluator's judgements and the 评分表 as filled in (Reported), by
// item path, with the rubric that scores them named by Rubric. It is a
// plain value: Evaluate never modifies it.
//
// The body is a rubric.Input, so the form is what a Rubric scores:
// rubric.Rubric.Score(f.Input).
type DepartmentEvaluationForm struct {
	Profile string `yaml:"profile" label:"规则配置"`
	// Code is 部门编码, where the sheet prints one.
	Code       string      `yaml:"code" label:"部门编码"`
	Department string      `yaml:"department" label:"部门名称"`
	Year       int         `yaml:"year" label:"评价年度" validate:"omitempty,gte=1949,lte=2200"`
	Unit       budget.Unit `yaml:"unit" label:"单位"`
	// Rubric names the built-in rubric (rubric.Builtin) that scores the
	// form; "" where the caller supplies one (a rules.Set carrying a
	// rubric, the command's -rubric), which overrides it.
	Rubric       string `yaml:"rubric" label:"评分办法"`
	rubric.Input `yaml:",inline"`
	// Extra holds the labelled cells the format has no key for.
	Extra []Extra `yaml:"extra" label:"其他栏目" validate:"max=1000"`
}

// Kind returns DepartmentEvaluation.
func (*DepartmentEvaluationForm) Kind() Kind { return DepartmentEvaluation }

// Header returns the department's name, year, unit and profile.
func (f *DepartmentEvaluationForm) Header() Header {
	return Header{Name: f.Department, Year: f.Year, Unit: f.Unit, Profile: f.Profile}
}

func (*DepartmentEvaluationForm) isForm() {}

// MarshalJSON writes the form in the JSON file format (see
// DepartmentForm.MarshalJSON); judgements and reported scores are
// objects keyed by item path, in the order of their keys.
func (f DepartmentEvaluationForm) MarshalJSON() ([]byte, error) { return marshalForm(&f) }

// UnmarshalJSON reads a department evaluation in the JSON file format
// (see DepartmentForm.UnmarshalJSON).
func (f *DepartmentEvaluationForm) UnmarshalJSON(b []byte) error {
	form, err := decodeJSON(b, DepartmentEvaluation)
	if err != nil {
		return err
	}
	*f = *form.(*DepartmentEvaluationForm)
	return nil
}

// RubricHolder is implemented by a Checker that carries the rubric
// department evaluations are scored by, as rules.Set does once
// Set.WithRubric gave it one. ok is false when it carries none.
type RubricHolder interface {
	Rubric() (r rubric.Rubric, ok bool)
}

// UnknownRubricError is a form whose rubric: key names a rubric that is
// not built in, while the checker carries none. Its KeyPath is "rubric",
// so package batch positions it at that key as an input error.
type UnknownRubricError struct {
	Name string
	Err  error // from rubric.Builtin, wrapping rubric.ErrUnknownRubric
}

func (e *UnknownRubricError) Error() string {
	return "evaluation: unknown rubric " + safetext.Quote(e.Name) + " (built in: " + builtinRubricNames() + ")"
}

func (e *UnknownRubricError) Unwrap() error { return e.Err }

// KeyPath is the key of the form the error is about: "rubric".
func (e *UnknownRubricError) KeyPath() string { return "rubric" }

// Message says what is wrong in lang, naming the rubrics built in.
func (e *UnknownRubricError) Message(lang Lang) string {
	if lang == English {
		return fmt.Sprintf("unknown rubric %s; built in: %s (or give one with -rubric FILE)", safetext.Quote(e.Name), builtinRubricNames())
	}
	return fmt.Sprintf("评分办法 %s 不存在；内置的有：%s（或用 -rubric 指定评分办法文件）", safetext.Quote(e.Name), builtinRubricNames())
}

func builtinRubricNames() string { return strings.Join(rubric.BuiltinNames(), ", ") }

// ErrNoRubric: a department evaluation with no rubric to score it: the
// checker carries none and the form names none.
var ErrNoRubric = errors.New("no rubric: the form names none and none was given")

// RubricFor returns the rubric a department evaluation is scored by: the
// checker's, when it is a RubricHolder carrying one (it overrides the
// form's rubric: key), else the built-in rubric the form names. The
// error is an *UnknownRubricError for a name that is not built in, and
// ErrNoRubric when there is no rubric at all. For a form of another kind
// it returns ErrNoRubric.
//
// Evaluate calls it; a caller that wants an unknown name to be an input
// error rather than an unscored sheet (the perfeval command does) calls
// it before Evaluate.
func RubricFor(f Form, c Checker) (rubric.Rubric, error) {
	if h, ok := c.(RubricHolder); ok {
		if r, ok := h.Rubric(); ok {
			return r, nil
		}
	}
	de, ok := f.(*DepartmentEvaluationForm)
	if !ok || de == nil || de.Rubric == "" {
		return rubric.Rubric{}, ErrNoRubric
	}
	r, err := rubric.Builtin(de.Rubric)
	if err != nil {
		return rubric.Rubric{}, &UnknownRubricError{Name: de.Rubric, Err: err}
	}
	return r, nil
}

// evaluateDepartment computes what Evaluate gives a department
// evaluation: every measure of the basic data as its figures, and the
// score sheet by the rubric, or why there is none.
func evaluateDepartment(s *Subject, f *DepartmentEvaluationForm, c Checker) {
	s.Figures.Measures = rubric.Figures(f.Basic)
	r, err := RubricFor(f, c)
	if err != nil {
		s.RubricErr = err
		return
	}
	sheet := r.Score(f.Input)
	s.Rubric, s.Sheet = &r, &sheet
}

// measuresJSON is a department evaluation's "figures": every measure by
// name, in the order of the framework, its value a percentage at two
// decimals or null where it is undefined.
func measuresJSON(fs []rubric.Figure) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, string(f.Measure.Name))
		b.WriteByte(':')
		if f.Value == nil {
			b.WriteString("null")
		} else {
			writeJSONString(&b, f.Value.Format(2))
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

// sheetCellName names a cell of a department evaluation keyed by item
// path, which the generic names of CellName cannot hold: "评分表 ·
// 投入/预算配置/在职人员控制率 · 得分", "judgement · 过程/…/管理制度健全性 ·
// checks". ok is false for any other path.
func sheetCellName(path string, lang Lang) (string, bool) {
	en := lang == English
	type part struct{ prefix, zh, en string }
	for _, p := range []part{
		{"reported.scores.", "评分表", "score sheet"},
		{"reported.reasons.", "评分表", "score sheet"},
		{"judgements.", "评价人判断", "judgement"},
	} {
		rest, ok := strings.CutPrefix(path, p.prefix)
		if !ok || rest == "" {
			continue
		}
		field := ""
		switch p.prefix {
		case "reported.scores.":
			field = pick(en, "得分", "score")
		case "reported.reasons.":
			field = pick(en, "扣分原因", "reason")
		default:
			for _, f := range []struct{ key, zh string }{{"checks", "检查项"}, {"violations", "违规例数"}, {"score", "评分"}, {"note", "说明"}} {
				if k, ok := strings.CutSuffix(rest, "."+f.key); ok {
					rest, field = k, pick(en, f.zh, f.key)
					break
				}
				if k, _, ok := strings.Cut(rest, "."+f.key+"["); ok {
					rest, field = k, pick(en, f.zh, f.key)
					break
				}
			}
		}
		name := pick(en, p.zh, p.en) + " · " + rest
		if field != "" {
			name += " · " + field
		}
		return name, true
	}
	return "", false
}
