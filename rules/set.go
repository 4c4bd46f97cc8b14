package rules

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
	suggestpkg "github.com/perfeval/perfeval/internal/suggest"
	"github.com/perfeval/perfeval/rubric"
)

// Set is a configured rule set: the rules that run, their severities and
// the values of their parameters. It implements evaluation.Checker.
//
// A Set is an immutable value: With, Without, WithSeverity and WithParam
// return a new Set and leave the receiver as it was, so a profile can be
// shared by every goroutine of a service and extended per request. The
// zero Set has no rules and checks nothing.
type Set struct {
	name     string
	rules    []entry // in catalogue order, then in the order added
	disabled map[string]bool
	params   map[string]value
	decls    map[string]Param   // the declaration of each parameter, for its bounds
	scheme   *evaluation.Scheme // nil: evaluation.MOF2020
	rubric   *rubric.Rubric     // nil: each form's own rubric: key
}

type entry struct {
	rule     Rule
	info     Info
	severity evaluation.Severity
}

// Scheme returns the scoring scheme forms are scored by under this set:
// evaluation.MOF2020 unless WithScheme chose another. It makes Set an
// evaluation.Schemer.
func (s Set) Scheme() evaluation.Scheme {
	if s.scheme == nil {
		return evaluation.MOF2020()
	}
	sc := *s.scheme
	sc.Grades = slices.Clone(sc.Grades)
	return sc
}

// WithScheme returns the set scoring by scheme instead.
func (s Set) WithScheme(scheme evaluation.Scheme) Set {
	c := s.clone()
	scheme.Grades = slices.Clone(scheme.Grades)
	c.scheme = &scheme
	return c
}

// Name returns the set's name: the profile's ("guangzhou-2021"), the
// name given with Named, or the name of the set it was made from with
// what was added ("guangzhou-2021+city.task-indicators",
// "guangzhou-2021+rules.yaml"). Reports record it as their profile.
func (s Set) Name() string { return s.name }

// Named returns the set under a name of its own: a vendor's profile
// ("shenzhen-2024") built from a built-in one.
func (s Set) Named(name string) Set {
	c := s
	c.name = name
	return c
}

// clone returns a deep copy that can be changed without touching s.
func (s Set) clone() Set {
	c := Set{name: s.name, rules: slices.Clone(s.rules), disabled: maps.Clone(s.disabled),
		params: maps.Clone(s.params), decls: maps.Clone(s.decls), scheme: s.scheme, rubric: s.rubric}
	if c.disabled == nil {
		c.disabled = map[string]bool{}
	}
	if c.params == nil {
		c.params = map[string]value{}
	}
	if c.decls == nil {
		c.decls = map[string]Param{}
	}
	return c
}

func (s Set) index(id string) int {
	for i, e := range s.rules {
		if e.info.ID == id {
			return i
		}
	}
	return -1
}

// With returns the set with the rules added after its own. A rule whose
// ID the set already has, or whose parameter clashes with a parameter of
// the same name and another kind, or whose defaults do not parse, is
// refused.
//
// The set it returns is no longer the profile it came from, so its name
// says what was added: "guangzhou-2021+city.task-indicators" (Named gives
// it a name of its own).
func (s Set) With(rules ...Rule) (Set, error) {
	c := s.clone()
	if s.name != "" && len(s.rules) > 0 && len(rules) > 0 {
		c.name = derivedName(s.name, rules)
	}
	for _, r := range rules {
		info := r.Info()
		if info.ID == "" || strings.ContainsAny(info.ID, " \t\n") {
			return s, fmt.Errorf("rules: rule ID %q: want a non-empty ID without spaces", info.ID)
		}
		if c.index(info.ID) >= 0 {
			return s, fmt.Errorf("rules: rule %q is already in the set", info.ID)
		}
		for _, p := range info.Params {
			if old, ok := c.params[p.Name]; ok {
				if old.kind != p.Kind {
					return s, fmt.Errorf("rules: rule %q: parameter %q is a %s in the set, not a %s", info.ID, p.Name, old.kind, p.Kind)
				}
				continue
			}
			v, err := p.check(p.Default)
			if err != nil {
				return s, fmt.Errorf("rules: rule %q: default of %q: %w", info.ID, p.Name, err)
			}
			c.params[p.Name] = v
			c.decls[p.Name] = p
		}
		c.rules = append(c.rules, entry{rule: r, info: info, severity: info.Severity})
	}
	return c, nil
}

// derivedName is the name of a set with rules added to a named one: the
// IDs added, up to three, else their number.
func derivedName(base string, rules []Rule) string {
	if len(rules) > 3 {
		return fmt.Sprintf("%s+%d rules", base, len(rules))
	}
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.Info().ID
	}
	return base + "+" + strings.Join(ids, "+")
}

// MustWith is With for sets built in code from known rules; it panics on
// an error, which is a programming error.
func (s Set) MustWith(rules ...Rule) Set {
	c, err := s.With(rules...)
	if err != nil {
		panic(err)
	}
	return c
}

// Without returns the set with the named rules disabled. A name ending in
// ".*" disables every rule under that prefix ("key-projects.*"). An ID the
// set does not have is refused.
func (s Set) Without(ids ...string) (Set, error) {
	c := s.clone()
	for _, id := range ids {
		matched := false
		for _, e := range c.rules {
			if e.info.ID == id || strings.HasSuffix(id, ".*") && strings.HasPrefix(e.info.ID, strings.TrimSuffix(id, "*")) {
				c.disabled[e.info.ID] = true
				matched = true
			}
		}
		if !matched {
			return s, noRule(id, c.ids())
		}
	}
	return c, nil
}

// WithSeverity returns the set with the rule's severity changed.
func (s Set) WithSeverity(id string, sev evaluation.Severity) (Set, error) {
	i := s.index(id)
	if i < 0 {
		return s, noRule(id, s.ids())
	}
	c := s.clone()
	c.rules[i].severity = sev
	return c, nil
}

// WithParam returns the set with a parameter set to a value written as in
// a rules file ("1000" for an amount in 万元, "85%" for a rate). A name no
// rule of the set reads, a value that does not parse as its kind, or one
// outside the parameter's bounds (a *RangeError) is refused.
func (s Set) WithParam(name, value string) (Set, error) {
	old, ok := s.params[name]
	if !ok {
		q, hint := safetext.Quote(name), suggest(name, s.paramNames())
		return s, &SetError{Msg: text("规则集中没有规则读取参数 "+q+zhHint(hint), "no rule of the set reads a parameter "+q+hint)}
	}
	v, err := s.decls[name].check(value)
	var re *RangeError
	if errors.As(err, &re) {
		return s, err
	}
	if err != nil {
		q := safetext.Quote(name)
		return s, &SetError{Err: err, Msg: text(fmt.Sprintf("参数 %s 的值应为%s：%s", q, kindZh(old.kind), kindHintZh(old.kind)),
			fmt.Sprintf("parameter %s is a %s: %v", q, old.kind, err))}
	}
	c := s.clone()
	c.params[name] = v
	return c, nil
}

func (s Set) ids() []string {
	ids := make([]string, len(s.rules))
	for i, e := range s.rules {
		ids[i] = e.info.ID
	}
	return ids
}

func (s Set) paramNames() []string {
	names := make([]string, 0, len(s.params))
	for n := range s.params {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// RuleStatus describes one rule of a set as configured.
type RuleStatus struct {
	Info
	Severity evaluation.Severity // effective severity
	Enabled  bool
	Values   map[string]string // the set's values of the rule's parameters
}

// Rules lists the rules of the set in order, with their effective
// severities and parameter values.
func (s Set) Rules() []RuleStatus {
	out := make([]RuleStatus, 0, len(s.rules))
	for _, e := range s.rules {
		st := RuleStatus{Info: e.info, Severity: e.severity, Enabled: !s.disabled[e.info.ID], Values: map[string]string{}}
		for _, p := range e.info.Params {
			st.Values[p.Name] = s.params[p.Name].text
		}
		out = append(out, st)
	}
	return out
}

// Check runs every enabled rule over the subject and returns all their
// findings: rule by rule in set order, each rule's in the order it found
// them. A rule that panics (a bug in a custom rule) does not bring down
// the caller: its failure is reported as an error finding of that rule.
func (s Set) Check(subj *evaluation.Subject) []evaluation.Finding {
	// One Context serves every rule in turn: a Context is valid only
	// during the Check it is given to, and one per rule was a third of the
	// bytes checking a form allocated.
	c := &Context{Subject: subj, params: &Params{values: s.params}}
	for _, e := range s.rules {
		if s.disabled[e.info.ID] {
			continue
		}
		c.info, c.severity = e.info, e.severity
		runRule(e.rule, c)
	}
	return c.findings
}

func runRule(r Rule, c *Context) {
	defer func() {
		if p := recover(); p != nil {
			c.findings = append(c.findings, evaluation.Finding{
				Rule: c.info.ID, Severity: evaluation.Error,
				Message: evaluation.Text{
					Zh: fmt.Sprintf("规则 %s 运行失败：%v", c.info.ID, p),
					En: fmt.Sprintf("rule %s failed: %v", c.info.ID, p),
				},
			})
		}
	}()
	r.Check(c)
}

// SetError is a change to a set that cannot be made: a rule ID or a
// parameter the set does not have, a value of the wrong kind. Msg says
// so in both languages.
type SetError struct {
	Msg evaluation.Text
	Err error // the cause, if any (a *budget.NumberError)
}

func (e *SetError) Error() string { return "rules: " + e.Msg.En }

func (e *SetError) Unwrap() error { return e.Err }

// Message returns what is wrong in lang.
func (e *SetError) Message(lang evaluation.Lang) string { return e.Msg.In(lang) }

func noRule(id string, known []string) error {
	q, hint := safetext.Quote(id), suggest(id, known)
	return &SetError{Msg: text("规则集中没有规则 "+q+zhHint(hint), "no rule "+q+" in the set"+hint)}
}

func kindZh(k ParamKind) string {
	switch k {
	case AmountParam:
		return "金额"
	case RateParam:
		return "百分比"
	}
	return "数值"
}

func kindHintZh(k ParamKind) string {
	switch k {
	case AmountParam:
		return "以万元计，如 500"
	case RateParam:
		return "写明百分号，如 90%"
	}
	return "如 3"
}

// suggest names the closest of known to name, for error messages.
func suggest(name string, known []string) string {
	if best, ok := suggestpkg.Closest(name, known); ok {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}
