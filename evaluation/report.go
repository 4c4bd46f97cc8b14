package evaluation

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/rubric"
)

// Severity is how much a finding matters.
//
// Severities order as they matter: Info < Warning < Error.
type Severity int8

const (
	Info    Severity = iota // for the reader's attention
	Warning                 // probably wrong, or worth a question to the filer
	Error                   // the form is wrong: a figure does not add up, a required cell is empty
)

// String returns "info", "warning" or "error": the names of the JSON
// report and of rules files, in every language.
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

// In returns the severity as a reader of lang calls it: 错误, 警告, 提示
// in Chinese; error, warning, info in English.
func (s Severity) In(lang Lang) string {
	if lang == English {
		return s.String()
	}
	switch s {
	case Info:
		return "提示"
	case Warning:
		return "警告"
	case Error:
		return "错误"
	}
	return s.String()
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
	return 0, fmt.Errorf("evaluation: severity %q: want info, warning or error: %w", s, ErrValue)
}

// MarshalText writes the severity as String does.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Info || s > Error {
		return nil, fmt.Errorf("evaluation: severity %d: %w", int8(s), ErrValue)
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a severity with ParseSeverity.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Lang selects the language of messages.
//
// The zero Lang ("") is Chinese, as is every value but English.
type Lang string

const (
	Chinese Lang = "zh" // the default
	English Lang = "en"
)

// ParseLang reads "zh" or "en".
func ParseLang(s string) (Lang, error) {
	switch Lang(s) {
	case Chinese, English:
		return Lang(s), nil
	}
	return "", fmt.Errorf("evaluation: language %q: want zh or en: %w", s, ErrValue)
}

// Text is a message in both languages.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
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
	Rule     string   `json:"rule"`     // the rule's stable ID: "funds.completion-rate"
	Severity Severity `json:"severity"` // after the rule set's overrides
	Path     string   `json:"path"`     // key path of the cell: "tasks[1].indicators[0].actual"; "" for the whole form
	Message  Text     `json:"message"`
	Expected string   `json:"expected,omitempty"` // what the cell should hold, where there is such a value
	Actual   string   `json:"actual,omitempty"`   // what it holds
}

// Values says what the cell should hold and what it holds, with the
// parts the finding has: "应为 ≥ 500万元；实为 480万元", "应为 ≥ 500万元"
// (no empty actual), "expected ≥ 500万元; actual 480万元"; "" for
// neither. The values are as the finding holds them: a writer escapes
// them for where they go.
func (f Finding) Values(lang Lang) string {
	var parts []string
	zh := lang != English
	if f.Expected != "" {
		parts = append(parts, pickText(zh, "应为 ", "expected ")+f.Expected)
	}
	if f.Actual != "" {
		parts = append(parts, pickText(zh, "实为 ", "actual ")+f.Actual)
	}
	return strings.Join(parts, pickText(zh, "；", "; "))
}

func pickText(zh bool, a, b string) string {
	if zh {
		return a
	}
	return b
}

// CompareFindings orders findings as every report lists them: by
// severity (errors first), then by the cell's path (in form order of the
// keys' names, list indexes compared as numbers, so tasks[2] comes
// before tasks[10]), then by rule ID. It is a comparison function for
// slices.SortFunc.
func CompareFindings(a, b Finding) int {
	if a.Severity != b.Severity {
		return int(b.Severity) - int(a.Severity)
	}
	if c := ComparePaths(a.Path, b.Path); c != 0 {
		return c
	}
	return strings.Compare(a.Rule, b.Rule)
}

// ComparePaths compares two key paths: key by key, a list index as a
// number ("tasks[2]" < "tasks[10]"), a path before the paths below it
// ("tasks" < "tasks[0]" < "tasks[0].name").
func ComparePaths(a, b string) int {
	for {
		ta, ra := nextSegment(a)
		tb, rb := nextSegment(b)
		switch {
		case ta == "" && tb == "":
			return 0
		case ta == "":
			return -1
		case tb == "":
			return 1
		}
		if c := compareSegment(ta, tb); c != 0 {
			return c
		}
		a, b = ra, rb
	}
}

// nextSegment splits the first segment off a path: a key ("tasks") or an
// index ("[2]").
func nextSegment(p string) (seg, rest string) {
	p = strings.TrimPrefix(p, ".")
	if p == "" {
		return "", ""
	}
	if p[0] == '[' {
		if j := strings.IndexByte(p, ']'); j > 0 {
			return p[:j+1], p[j+1:]
		}
		return p, ""
	}
	if j := strings.IndexAny(p, ".["); j > 0 {
		return p[:j], p[j:]
	}
	return p, ""
}

// compareSegment orders two segments: indexes by number, before keys;
// keys by name.
func compareSegment(a, b string) int {
	ia, ib := isIndex(a), isIndex(b)
	switch {
	case ia && ib:
		na, errA := strconv.Atoi(a[1 : len(a)-1])
		nb, errB := strconv.Atoi(b[1 : len(b)-1])
		if errA == nil && errB == nil {
			return cmpInt(na, nb)
		}
	case ia:
		return -1
	case ib:
		return 1
	}
	return strings.Compare(a, b)
}

func isIndex(seg string) bool { return len(seg) >= 2 && seg[0] == '[' && seg[len(seg)-1] == ']' }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
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
	TimeElapsed *budget.Rate
	// Measures are every measure of a department evaluation's basic data
	// (在职人员控制率, "三公经费"变动率 …), undefined ones included with
	// their reason (department evaluation).
	Measures []rubric.Figure
}

// Execution returns the form's execution figure, whatever its kind: the
// project form's 执行率, else the department form's 预算完成率, the same
// ratio of spending to budget (on a monitoring form, its 1-X月执行率, the
// execution to date). nil when it is undefined.
func (f Figures) Execution() *budget.Rate {
	if f.ExecutionRate != nil {
		return f.ExecutionRate
	}
	return f.CompletionRate
}

// OwnerKind is the part of a form an indicator row belongs to.
type OwnerKind int8

const (
	// OwnerTable: the form's own 绩效指标 table (the project form's, or
	// the national department layout's top-level indicators).
	OwnerTable OwnerKind = iota
	// OwnerTask: a main task's 关键指标 (department form).
	OwnerTask
	// OwnerKeyProject: a key project's indicators (department form).
	OwnerKeyProject
)

var ownerKindNames = [...]string{"table", "task", "key-project"}

// String returns "table", "task" or "key-project".
func (k OwnerKind) String() string {
	if k >= 0 && int(k) < len(ownerKindNames) {
		return ownerKindNames[k]
	}
	return fmt.Sprintf("OwnerKind(%d)", int8(k))
}

// MarshalText writes the kind as String does.
func (k OwnerKind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(ownerKindNames) {
		return nil, fmt.Errorf("evaluation: owner kind %d: %w", int8(k), ErrValue)
	}
	return []byte(ownerKindNames[k]), nil
}

// UnmarshalText reads "table", "task" or "key-project".
func (k *OwnerKind) UnmarshalText(b []byte) error {
	for i, name := range ownerKindNames {
		if string(b) == name {
			*k = OwnerKind(i)
			return nil
		}
	}
	return fmt.Errorf("evaluation: owner kind %q: %w", string(b), ErrValue)
}

// Owner says which task or key project an indicator row belongs to, or
// that it is a row of the form's own table.
type Owner struct {
	Kind  OwnerKind `json:"kind"`
	Index int       `json:"index"` // 0-based index of the task or key project; 0 for OwnerTable
}

// Path returns the key path of the owner: "" for the form's table,
// "tasks[1]", "key_projects[0]".
func (o Owner) Path() string {
	switch o.Kind {
	case OwnerTask:
		return indexPath("", "tasks", o.Index)
	case OwnerKeyProject:
		return indexPath("", "key_projects", o.Index)
	}
	return ""
}

// IndicatorResult is one indicator row as Evaluate read it: where it is,
// what its cells say, and how the actual compares with the target.
type IndicatorResult struct {
	Path string // "tasks[0].indicators[1]" or "indicators[3]"
	// Owner is the task or key project the row belongs to, or the form's
	// table; Index is the row's 0-based place in its owner's list.
	Owner     Owner
	Index     int
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
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Report is what Evaluate finds in one form. json.Marshal of a Report is
// the report object of the JSON report (docs/report.md): source, kind,
// name, year, unit, profile, figures, score, findings and counts.
type Report struct {
	// Source names the input the form came from (its path, "-" for
	// standard input). Evaluate leaves it empty; the caller that read the
	// form sets it (package batch and the perfeval command do).
	Source string
	// Profile is the name of the rule set the form was checked under (the
	// checker's Name, when it has one: rules.Set does); "" for none.
	Profile string
	// Lang is the language messages are written in when the report is
	// marshalled or shown; the zero value is Chinese.
	Lang    Lang
	Kind    Kind
	Header  Header
	Figures Figures
	// Score is the form's score; nil when the form is not scored.
	Score *FormScore
	// Sheet is a department evaluation's score sheet (评分表) by its
	// rubric; nil for other kinds and when there was no rubric to score
	// it (a rule then says so).
	Sheet *rubric.Sheet
	// Findings, ordered as CompareFindings orders them: by severity,
	// then cell path, then rule ID.
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

// sortFindings puts findings in report order; equal findings keep the
// order the rules gave them.
func sortFindings(fs []Finding) {
	if !slices.IsSortedFunc(fs, CompareFindings) {
		slices.SortStableFunc(fs, CompareFindings)
	}
}
