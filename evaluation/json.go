package evaluation

import (
	"encoding/json"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/rubric"
)

// The JSON report: json.Marshal of a Report is the object the perfeval
// command prints for each form, one per line (docs/report.md). Its keys
// and enumerations are English in every language; amounts, rates and
// scores are strings, exact, with no thousands separators; a figure or
// score that is undefined is null, never 0.

type reportJSON struct {
	Source   string        `json:"source"`
	Kind     Kind          `json:"kind"`
	Name     string        `json:"name"`
	Year     *int          `json:"year"` // null when the form does not say
	Unit     budget.Unit   `json:"unit"`
	Profile  string        `json:"profile"`
	Figures  any           `json:"figures"`
	Score    any           `json:"score"` // *scoreJSON, a department evaluation's sheet, or nil
	Findings []findingJSON `json:"findings"`
	Counts   Counts        `json:"counts"`
	// Linked lists the earlier stages a monitoring form or a
	// self-evaluation was checked against; absent when there are none.
	Linked []LinkedForm `json:"linked,omitempty"`
}

type departmentFiguresJSON struct {
	Adjustment     *string `json:"adjustment"`
	CompletionRate *string `json:"completion_rate"`
	AdjustmentRate *string `json:"adjustment_rate"`
	TaskFundsTotal *string `json:"task_funds_total"`
	TaskFundsShare *string `json:"task_funds_share"`
}

type projectFiguresJSON struct {
	ExecutionRate *string `json:"execution_rate"`
}

type monitoringFiguresJSON struct {
	ExecutionRate *string `json:"execution_rate"`
	TimeElapsed   *string `json:"time_elapsed"`
}

type declarationFiguresJSON struct{}

type findingJSON struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"`
	Message  string   `json:"message"`
	Expected string   `json:"expected,omitempty"`
	Actual   string   `json:"actual,omitempty"`
}

type scoreJSON struct {
	Total          string          `json:"total"`
	Grade          *string         `json:"grade"` // null when the score is partial
	Complete       bool            `json:"complete"`
	UnscoredWeight string          `json:"unscored_weight"`
	Budget         *budgetJSON     `json:"budget,omitempty"`
	Indicators     []indicatorJSON `json:"indicators"`
}

type budgetJSON struct {
	Weight string  `json:"weight"`
	Score  *string `json:"score"`
}

type indicatorJSON struct {
	Path   string  `json:"path"`
	Name   string  `json:"name"`
	Weight *string `json:"weight"`
	Score  *string `json:"score"`
	Status string  `json:"status"`
}

// MarshalJSON writes the report object of the JSON report: source, kind,
// name, year, unit, profile, figures (by the form's kind: none for a
// declaration), score, findings (messages in the report's Lang), counts,
// and the earlier stages it was linked to, if any.
func (r Report) MarshalJSON() ([]byte, error) {
	out := reportJSON{
		Source:   r.Source,
		Kind:     r.Kind,
		Name:     r.Header.Name,
		Unit:     r.Header.Unit,
		Profile:  r.Profile,
		Findings: make([]findingJSON, len(r.Findings)),
		Counts:   r.Counts(),
		Linked:   r.Linked,
	}
	if r.Header.Year != 0 {
		y := r.Header.Year
		out.Year = &y
	}
	switch r.Kind {
	case Department:
		out.Figures = departmentFiguresJSON{
			Adjustment:     amountJSON(r.Figures.Adjustment),
			CompletionRate: rateJSON(r.Figures.CompletionRate),
			AdjustmentRate: rateJSON(r.Figures.AdjustmentRate),
			TaskFundsTotal: amountJSON(r.Figures.TaskFundsTotal),
			TaskFundsShare: rateJSON(r.Figures.TaskFundsShare),
		}
	case Declaration:
		out.Figures = declarationFiguresJSON{}
	case Monitoring:
		out.Figures = monitoringFiguresJSON{ExecutionRate: rateJSON(r.Figures.ExecutionRate), TimeElapsed: rateJSON(r.Figures.TimeElapsed)}
	case DepartmentEvaluation:
		out.Figures = measuresJSON(r.Figures.Measures)
		if r.Sheet != nil {
			out.Score = r.Sheet.In(rubric.Lang(r.Lang))
		}
	default:
		out.Figures = projectFiguresJSON{ExecutionRate: rateJSON(r.Figures.ExecutionRate)}
	}
	if r.Score != nil {
		s := r.Score.json()
		out.Score = &s
	}
	for i, f := range r.Findings {
		out.Findings[i] = findingJSON{Rule: f.Rule, Severity: f.Severity, Path: f.Path,
			Message: f.Message.In(r.Lang), Expected: f.Expected, Actual: f.Actual}
	}
	return json.Marshal(out)
}

// MarshalJSON writes the "score" object of the JSON report.
func (s FormScore) MarshalJSON() ([]byte, error) { return json.Marshal(s.json()) }

// MarshalJSON writes the row as the "budget" object of the JSON report.
func (b BudgetScore) MarshalJSON() ([]byte, error) { return json.Marshal(b.json(2)) }

func (b BudgetScore) json(places int32) budgetJSON {
	out := budgetJSON{Weight: b.Weight.String()}
	if b.Defined {
		t := b.Rounded.StringFixed(max(2, places))
		out.Score = &t
	}
	return out
}

// MarshalJSON writes the row as an item of the "indicators" list of the
// JSON report's score.
func (s IndicatorScore) MarshalJSON() ([]byte, error) { return json.Marshal(s.json(2)) }

func (s IndicatorScore) json(places int32) indicatorJSON {
	out := indicatorJSON{Path: s.Path, Name: s.Name, Status: s.Status()}
	if s.Weight != nil {
		w := s.Weight.String()
		out.Weight = &w
	}
	if s.Rounded != nil {
		t := s.Rounded.StringFixed(max(2, places))
		out.Score = &t
	}
	return out
}

func (s FormScore) json() scoreJSON {
	places := max(2, s.Places)
	out := scoreJSON{
		Total:          s.Total.StringFixed(places),
		Complete:       s.Complete,
		UnscoredWeight: s.UnscoredWeight.String(),
		Indicators:     make([]indicatorJSON, len(s.Indicators)),
	}
	if s.Grade != "" {
		g := s.Grade
		out.Grade = &g
	}
	if b := s.Budget; b != nil {
		bj := b.json(s.Places)
		out.Budget = &bj
	}
	for i, is := range s.Indicators {
		out.Indicators[i] = is.json(s.Places)
	}
	return out
}

// amountJSON is a computed amount as the report shows it: at least two
// decimals, never a digit lost ("16.60", "89.974").
func amountJSON(a *budget.Amount) *string {
	if a == nil {
		return nil
	}
	s := a.String()
	return &s
}

// rateJSON is a computed rate at two decimals ("99.99%").
func rateJSON(r *budget.Rate) *string {
	if r == nil {
		return nil
	}
	s := r.Format(2)
	return &s
}
