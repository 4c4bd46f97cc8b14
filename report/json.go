package report

import (
	"encoding/json"
	"errors"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// Meta is what a report says about its input beyond the form itself.
type Meta struct {
	Source  string          // the input's path as given
	Profile string          // the rule profile applied
	Lang    evaluation.Lang // language of messages
}

type jsonReport struct {
	Source   string          `json:"source"`
	Kind     evaluation.Kind `json:"kind"`
	Name     string          `json:"name"`
	Year     *int            `json:"year"` // null when the form does not say
	Unit     string          `json:"unit"`
	Profile  string          `json:"profile"`
	Figures  any             `json:"figures"`
	Score    any             `json:"score"`
	Findings []jsonFinding   `json:"findings"`
	Counts   jsonCounts      `json:"counts"`
}

type departmentFigures struct {
	Adjustment     *string `json:"adjustment"`
	CompletionRate *string `json:"completion_rate"`
	AdjustmentRate *string `json:"adjustment_rate"`
	TaskFundsTotal *string `json:"task_funds_total"`
	TaskFundsShare *string `json:"task_funds_share"`
}

type projectFigures struct {
	ExecutionRate *string `json:"execution_rate"`
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Message  string `json:"message"`
	Expected string `json:"expected,omitempty"`
	Actual   string `json:"actual,omitempty"`
}

type jsonCounts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

func yearOf(y int) *int {
	if y == 0 {
		return nil
	}
	return &y
}

func amountText(a *budget.Amount) *string {
	if a == nil {
		return nil
	}
	s := a.String()
	return &s
}

func rateText(r *budget.Rate) *string {
	if r == nil {
		return nil
	}
	s := r.Format(2)
	return &s
}

// JSON returns the report as one line of JSON (no trailing newline), in
// the shape of SPEC §6. An undefined figure (a zero denominator, a missing
// amount) is null.
func JSON(m Meta, r *evaluation.Report) ([]byte, error) {
	out := jsonReport{
		Source:   m.Source,
		Kind:     r.Kind,
		Name:     r.Header.Name,
		Year:     yearOf(r.Header.Year),
		Unit:     r.Header.Unit.String(),
		Profile:  m.Profile,
		Findings: make([]jsonFinding, 0, len(r.Findings)),
	}
	switch r.Kind {
	case evaluation.Department:
		out.Figures = departmentFigures{
			Adjustment:     amountText(r.Figures.Adjustment),
			CompletionRate: rateText(r.Figures.CompletionRate),
			AdjustmentRate: rateText(r.Figures.AdjustmentRate),
			TaskFundsTotal: amountText(r.Figures.TaskFundsTotal),
			TaskFundsShare: rateText(r.Figures.TaskFundsShare),
		}
	default:
		out.Figures = projectFigures{ExecutionRate: rateText(r.Figures.ExecutionRate)}
	}
	if r.Score != nil {
		out.Score = scoreJSON(r.Score)
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Path: f.Path,
			Message: f.Message.In(m.Lang), Expected: f.Expected, Actual: f.Actual,
		})
	}
	c := r.Counts()
	out.Counts = jsonCounts{Error: c.Error, Warning: c.Warning, Info: c.Info}
	return marshal(out)
}

type jsonScore struct {
	Total      string          `json:"total"`
	Grade      string          `json:"grade"`
	Budget     *jsonRow        `json:"budget,omitempty"`
	Indicators []jsonIndicator `json:"indicators"`
}

type jsonRow struct {
	Weight string  `json:"weight"`
	Score  *string `json:"score"`
}

type jsonIndicator struct {
	Path   string  `json:"path"`
	Name   string  `json:"name"`
	Weight *string `json:"weight"`
	Score  *string `json:"score"`
	Status string  `json:"status"`
}

// scoreJSON is the score object of SPEC §6. An undefined score (no
// weight, no target, an undefined execution rate) is null, never 0.
func scoreJSON(s *evaluation.Score) jsonScore {
	places := max(2, s.Places)
	fixed := func(d decimal.Decimal) *string { t := d.StringFixed(places); return &t }
	out := jsonScore{Total: s.Total.StringFixed(places), Grade: s.Grade, Indicators: []jsonIndicator{}}
	if b := s.Budget; b != nil {
		out.Budget = &jsonRow{Weight: b.Weight.String()}
		if b.Defined {
			out.Budget.Score = fixed(b.Rounded)
		}
	}
	for _, is := range s.Indicators {
		ji := jsonIndicator{Path: is.Path, Name: is.Name, Status: is.Status()}
		if is.Weight != nil {
			w := is.Weight.String()
			ji.Weight = &w
		}
		if is.Rounded != nil {
			ji.Score = fixed(*is.Rounded)
		}
		out.Indicators = append(out.Indicators, ji)
	}
	return out
}

type jsonError struct {
	Source string        `json:"source"`
	Error  jsonErrorBody `json:"error"`
}

type jsonErrorBody struct {
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
}

// ErrorJSON returns the line for an input that could not be read:
// {"source":…,"error":{"message":…,"line":…,"column":…}}.
func ErrorJSON(source string, err error) []byte {
	body := jsonErrorBody{Message: err.Error()}
	var de *evaluation.DecodeError
	if errors.As(err, &de) {
		body = jsonErrorBody{Message: de.Err.Error(), Line: de.Line, Column: de.Column, Path: de.Path}
	}
	b, _ := marshal(jsonError{Source: source, Error: body})
	return b
}

// marshal encodes without escaping <, > and &, so messages read as written.
func marshal(v any) ([]byte, error) {
	var buf jsonBuffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.b[:len(buf.b)-1], nil // drop the encoder's newline
}

type jsonBuffer struct{ b []byte }

func (j *jsonBuffer) Write(p []byte) (int, error) { j.b = append(j.b, p...); return len(p), nil }
