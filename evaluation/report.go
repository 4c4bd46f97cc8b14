package evaluation

import (
	"fmt"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
)

// Severity is how much a finding matters.
type Severity int8

const (
	Info    Severity = iota // for the reader's attention
	Warning                 // probably wrong, or worth a question to the filer
	Error                   // the form is wrong: a figure does not add up, a required cell is empty
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int8(s))
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("evaluation: severity %q: want info, warning or error", s)
}

// Lang selects the language of messages.
type Lang string

const (
	Chinese Lang = "zh" // the default
	English Lang = "en"
)

// Text is a message in both languages.
type Text struct {
	Zh string
	En string
}

// In returns the message in lang; Chinese unless English is asked for
// and given.
func (t Text) In(lang Lang) string {
	if lang == English && t.En != "" {
		return t.En
	}
	return t.Zh
}

// Finding is one thing a rule found in a form, pointing at the cell.
type Finding struct {
	Rule     string   // the rule's stable ID: "funds.completion-rate"
	Severity Severity // after the rule set's overrides
	Path     string   // key path of the cell: "tasks[1].indicators[0].actual"; "" for the whole form
	Message  Text
	Expected string // what the cell should hold, where there is such a value
	Actual   string // what it holds
}

// Figures are the computed figures of a form. A figure is nil when the
// form lacks what it needs or its denominator is zero: an undefined rate
// is absent, never 0%.
type Figures struct {
	// Adjustment is 年度预算调整数 = |调整预算 − 年初预算|.
	Adjustment *budget.Amount
	// CompletionRate is 预算完成率 = 实际支出数 / 调整预算 (department form).
	CompletionRate *budget.Rate
	// AdjustmentRate is 预算调整率 = 年度预算调整数 / 年初预算.
	AdjustmentRate *budget.Rate
	// TaskFundsTotal is Σ 任务涉及资金 over the tasks that state it.
	TaskFundsTotal *budget.Amount
	// TaskFundsShare is TaskFundsTotal / 实际支出数.
	TaskFundsShare *budget.Rate
	// ExecutionRate is 执行率 = 全年执行数 B / 全年预算数 A (project form);
	// on a monitoring form 1-X月执行率 = 1-X月执行数 / 调整后预算数.
	ExecutionRate *budget.Rate
	// TimeElapsed is the share of the year elapsed at a monitoring form's
	// 1-X月, X/12 (monitoring form).
	TimeElapsed *budget.Rate `json:"time_elapsed"`
}

// IndicatorResult is one indicator row as Evaluate read it: where it is,
// what its cells say, and how the actual compares with the target.
type IndicatorResult struct {
	Path      string // "tasks[0].indicators[1]" or "indicators[3]"
	Indicator *Indicator
	// Level is the row's level-one dimension: its 一级指标; when that is
	// blank, what its 二级指标 names (数量指标 is 产出, 社会效益指标 效益 …),
	// else the row above's (a merged cell is printed once, blank below).
	Level      indicator.Level
	Target     indicator.Value
	Actual     indicator.Value
	Assessment indicator.Assessment
}

// Counts are the number of findings of each severity.
type Counts struct {
	Error, Warning, Info int
}

// Report is what Evaluate finds in one form.
type Report struct {
	Kind    Kind
	Header  Header
	Figures Figures
	// Score is the form's score; nil when the form is not scored.
	Score *Score
	// Findings, in the order the rules produced them.
	Findings []Finding
	// Linked are the earlier-stage forms a monitoring form or a project
	// self-evaluation was checked against (EvaluateLinked), declaration
	// first; nil for a declaration and for a form nothing links to.
	Linked []LinkedForm `json:"linked,omitempty"`
}

// LinkedForm names one earlier-stage form a report was checked against.
type LinkedForm struct {
	Source string `json:"source"` // the form's source, as given to the linker
	Kind   Kind   `json:"kind"`
}

// Counts counts the report's findings by severity.
func (r *Report) Counts() Counts {
	var c Counts
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			c.Error++
		case Warning:
			c.Warning++
		default:
			c.Info++
		}
	}
	return c
}

// HasErrors reports whether any finding is an error.
func (r *Report) HasErrors() bool { return r.Counts().Error > 0 }
