package rules

import (
	"github.com/perfeval/perfeval/evaluation"
)

// Rule is one check. The catalogue's rules implement it, and so does a
// vendor's custom rule: describe it with Info and find with Check. New
// makes a Rule from the two, which is all most custom rules need.
//
// Check must be a pure function of its context: safe for concurrent use,
// reading no file, clock or global. It reports every finding, not only
// the first.
type Rule interface {
	Info() Info
	Check(c *Context)
}

// Info describes a rule: its stable ID, default severity, the parameters
// it reads and what it checks, in both languages.
type Info struct {
	ID       string              // stable: "funds.completion-rate", "shenzhen.task-indicators"
	Severity evaluation.Severity // the default
	Title    evaluation.Text     // one line: what fires the rule
	Params   []Param             // parameters it reads, with defaults
}

// New returns a rule described by info whose check is fn.
func New(info Info, fn func(c *Context)) Rule { return funcRule{info: info, fn: fn} }

type funcRule struct {
	info Info
	fn   func(c *Context)
}

func (r funcRule) Info() Info       { return r.info }
func (r funcRule) Check(c *Context) { r.fn(c) }

// Context is what a rule's Check is given: the subject being evaluated
// (the form, its figures and its interpreted indicators, embedded), the
// values of the set's parameters, and the means to report findings. It is
// valid only during that call: a rule must not keep it.
type Context struct {
	*evaluation.Subject
	params   *Params
	info     Info
	severity evaluation.Severity
	findings []evaluation.Finding
}

// Report records a finding of the rule at the cell path, at the rule's
// severity (the default, or the set's override). expected and actual are
// the values the cell should hold and holds, "" where there are none.
func (c *Context) Report(path string, msg evaluation.Text, expected, actual string) {
	c.ReportAt(c.severity, path, msg, expected, actual)
}

// ReportAt records a finding at a severity of the rule's choosing, for a
// rule whose findings differ in weight (key-projects.threshold is a
// warning when a budget is below the threshold and info when no budget is
// stated). A severity override of the set applies to findings reported at
// the rule's default severity only.
func (c *Context) ReportAt(sev evaluation.Severity, path string, msg evaluation.Text, expected, actual string) {
	if sev == c.info.Severity {
		sev = c.severity
	}
	c.findings = append(c.findings, evaluation.Finding{
		Rule: c.info.ID, Severity: sev, Path: path, Message: msg, Expected: expected, Actual: actual,
	})
}

// Params returns the values of the set's parameters.
func (c *Context) Params() *Params { return c.params }
