// Package rules is the rule catalogue of perfeval: every check with its
// stable ID, default severity, parameters and bilingual messages; the Set
// that composes them; the built-in profiles; and rules files that change
// a profile. docs/rules.md lists the catalogue (generated from it), and
// docs/rules-files.md describes profiles, rules files, custom rules and
// how some built-in rules decide.
//
// # Sets and profiles
//
// A Set implements evaluation.Checker: it is what Evaluate is given.
// NationalProfile is the catalogue with its defaults and no key-project
// rules; Guangzhou2021Profile adds key-projects.missing and
// key-projects.threshold with key_project_threshold = 500 (万元), after the
// Guangzhou form's own note (每个部门至少开展一个重点项目绩效评价；重点项目是指
// 预算金额500万元以上项目). Profile returns a profile by name, ForForm the
// one a form names in its profile: key, and ReadFile a rules file's set.
//
// Sets are immutable values. With adds rules (and names the set after
// them; Named gives it a name of its own), Without disables them (an ID
// or a prefix such as "key-projects.*"), WithSeverity overrides a
// severity, WithParam sets a parameter, WithScheme and WithRubric choose
// how forms are scored; each returns a new Set and refuses an unknown
// rule ID or parameter, or a value of the wrong kind or out of bounds, at
// once. One Set may be shared by every goroutine of a service.
//
// # Custom rules
//
// A rule is anything with Info and Check; New makes one from an Info and
// a function that reads the form, its figures, its score and its
// interpreted indicators from the Context and reports findings at cell
// paths (see the example of Set.With, and examples/customrule). Rate.Below and
// its kin compare a rate as it is shown, as the built-in rules do. A rule
// that panics does not crash the caller: Set.Check reports the failure as
// an error finding of that rule. Package rulestest tests a rule against a
// form literal in a few lines.
package rules
