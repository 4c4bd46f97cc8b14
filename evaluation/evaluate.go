package evaluation

import (
	"strconv"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/rubric"
)

// Subject is what a rule reads: the form and everything Evaluate computed
// from it. Rules must treat it as read-only; it is shared by every rule of
// a set.
type Subject struct {
	Form    Form
	Figures Figures
	// Scheme is the scoring scheme the form was scored by.
	Scheme Scheme
	// Score is the form's score; nil when the form is not scored.
	Score *FormScore
	// Indicators are every indicator row of the form, in form order, with
	// their cells interpreted and assessed.
	Indicators []IndicatorResult
	// Rows are the indicator rows of a declaration or a monitoring form,
	// in form order, with their cells interpreted; nil for the
	// self-evaluations, whose rows are in Indicators.
	Rows []CycleRow
	// Links are the earlier-stage forms this form was linked to
	// (EvaluateLinked); empty for Evaluate, for a declaration and for a
	// form nothing links to.
	Links Links
	// Traces match this form's indicators with those of each linked
	// earlier stage, declaration first; nil when nothing is linked.
	Traces []Trace
	// Rubric and Sheet are the rubric a department evaluation is scored
	// by and its score sheet; nil for other kinds, and when there is no
	// rubric (RubricErr says why: ErrNoRubric, an *UnknownRubricError).
	Rubric    *rubric.Rubric
	Sheet     *rubric.Sheet
	RubricErr error
}

// Department returns the department form, or nil for a project form.
func (s *Subject) Department() *DepartmentForm {
	f, _ := s.Form.(*DepartmentForm)
	return f
}

// Project returns the project form, or nil for a department form.
func (s *Subject) Project() *ProjectForm {
	f, _ := s.Form.(*ProjectForm)
	return f
}

// DepartmentEvaluation returns the department evaluation, or nil for a
// form of another kind.
func (s *Subject) DepartmentEvaluation() *DepartmentEvaluationForm {
	f, _ := s.Form.(*DepartmentEvaluationForm)
	return f
}

// Checker checks a form and returns its findings. rules.Set implements
// it; a nil Checker finds nothing. Check must be a pure function of its
// subject: safe for concurrent use, reading no file, clock or global. The
// slice it returns is the caller's: Evaluate puts it in report order.
type Checker interface {
	Check(s *Subject) []Finding
}

// Namer is implemented by a Checker that has a name, as rules.Set does
// (the profile it was built from, or the name given with Set.Named).
// Evaluate records it as the report's Profile.
type Namer interface {
	Name() string
}

// Evaluate computes the figures of a form, interprets and scores its
// indicators (by the checker's Scheme when it is a Schemer, else MOF2020)
// and runs the checker over it. The findings come in report order (see
// CompareFindings). It is a pure function: it reads no file, clock or
// global, and never modifies the form, so one form or one checker may be
// used from many goroutines at once.
//
// The report's Source and Lang are left for the caller to set.
func Evaluate(f Form, c Checker) Report { return evaluate(f, c, Links{}) }

func evaluate(f Form, c Checker, links Links) Report {
	if isNil(f) {
		// Nothing to evaluate: an empty report, not a panic.
		return Report{}
	}
	s := &Subject{Form: f}
	if sc, ok := c.(Schemer); ok {
		s.Scheme = sc.Scheme()
	} else {
		s.Scheme = MOF2020()
	}
	switch f := f.(type) {
	case *DepartmentForm:
		s.Figures = departmentFigures(f)
		rows := len(f.Indicators)
		for i := range f.Tasks {
			rows += len(f.Tasks[i].Indicators)
		}
		for i := range f.KeyProjects {
			rows += len(f.KeyProjects[i].Indicators)
		}
		s.Indicators = make([]IndicatorResult, 0, rows)
		for i := range f.Tasks {
			s.Indicators = appendIndicators(s.Indicators, Owner{OwnerTask, i}, f.Tasks[i].Indicators)
		}
		for i := range f.KeyProjects {
			s.Indicators = appendIndicators(s.Indicators, Owner{OwnerKeyProject, i}, f.KeyProjects[i].Indicators)
		}
		s.Indicators = appendIndicators(s.Indicators, Owner{}, f.Indicators)
	case *ProjectForm:
		if r, err := f.Funds.ExecutionRate(); err == nil {
			s.Figures.ExecutionRate = &r
		}
		s.Indicators = appendIndicators(make([]IndicatorResult, 0, len(f.Indicators)), Owner{}, f.Indicators)
		s.Links, s.Traces = links, traceLinks(f, links)
	case *DeclarationForm:
		s.Rows = declarationRows(f)
	case *MonitoringForm:
		s.Figures = monitoringFigures(f)
		s.Rows = monitoringRows(f)
		s.Links, s.Traces = links, traceLinks(f, links)
	case *DepartmentEvaluationForm:
		evaluateDepartment(s, f, c)
	}
	s.Score = scoreForm(f, s.Indicators, s.Figures, s.Scheme)
	r := Report{Kind: f.Kind(), Header: f.Header(), Figures: s.Figures, Score: s.Score, Sheet: s.Sheet, Linked: s.Links.linked()}
	if n, ok := c.(Namer); ok {
		r.Profile = n.Name()
	}
	if c != nil {
		r.Findings = c.Check(s)
		sortFindings(r.Findings)
	}
	return r
}

func isNil(f Form) bool {
	switch f := f.(type) {
	case *DepartmentForm:
		return f == nil
	case *ProjectForm:
		return f == nil
	case *DeclarationForm:
		return f == nil
	case *MonitoringForm:
		return f == nil
	case *DepartmentEvaluationForm:
		return f == nil
	}
	return true
}

func appendIndicators(dst []IndicatorResult, owner Owner, rows []Indicator) []IndicatorResult {
	prefix := owner.Path()
	var lr levelReader
	for i := range rows {
		row := &rows[i]
		t, a := indicator.Parse(row.Target), indicator.Parse(row.Actual)
		rowLevel, _ := lr.next(row.Level1, row.Level2)
		dst = append(dst, IndicatorResult{
			Path:       indexPath(prefix, "indicators", i),
			Owner:      owner,
			Index:      i,
			Indicator:  row,
			Level:      rowLevel,
			Target:     t,
			Actual:     a,
			Assessment: indicator.Assess(t, a, row.Direction),
		})
	}
	return dst
}

func departmentFigures(f *DepartmentForm) Figures {
	var fig Figures
	if a, ok := f.Funds.ComputedAdjustment(); ok {
		fig.Adjustment = &a
	}
	if r, err := f.Funds.CompletionRate(); err == nil {
		fig.CompletionRate = &r
	}
	if r, err := f.Funds.AdjustmentRate(); err == nil {
		fig.AdjustmentRate = &r
	}
	var funds []budget.Amount
	for _, t := range f.Tasks {
		if t.Funds != nil {
			funds = append(funds, *t.Funds)
		}
	}
	if len(funds) > 0 {
		total := budget.Sum(f.Unit, funds...)
		fig.TaskFundsTotal = &total
		if f.Funds.ActualExpenditure != nil {
			if r, err := budget.RateOf(total, *f.Funds.ActualExpenditure); err == nil {
				fig.TaskFundsShare = &r
			}
		}
	}
	return fig
}

// indexPath returns the key path prefix.key[i] ("tasks[2].indicators[0]")
// in one allocation: a parse.Path would take two here, its buffer and the
// string.
func indexPath(prefix, key string, i int) string {
	var b strings.Builder
	b.Grow(len(prefix) + len(key) + 8)
	if prefix != "" {
		b.WriteString(prefix)
		b.WriteByte('.')
	}
	b.WriteString(key)
	b.WriteByte('[')
	var digits [20]byte
	b.Write(strconv.AppendInt(digits[:0], int64(i), 10))
	b.WriteByte(']')
	return b.String()
}
