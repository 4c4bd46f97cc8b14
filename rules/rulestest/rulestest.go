// Package rulestest helps the author of a custom rule unit-test it
// against a form literal in a few lines:
//
//	form := rulestest.Department(t, `
//	tasks:
//	  - name: 任务1
//	    indicators: [{name: 专题讲座, actual: 99次}]
//	`)
//	rulestest.Fires(t, myRule, form, "tasks[0].indicators")
//	rulestest.Silent(t, myRule, rulestest.Department(t, tianheLikeYAML))
//
// The form literal is YAML in the file format without its kind: line;
// Department, Project, Declaration, Monitoring and DepartmentEvaluation
// add it (after the
// literal's last line, so an error's line number is the literal's own). A
// trace rule, which compares a form with the earlier stages of its
// project, is tested with Link and the *Linked variants:
//
//	decl := rulestest.Declaration(t, declYAML)
//	self := rulestest.Project(t, selfYAML)
//	rulestest.FiresLinked(t, myRule, self, rulestest.Link(self, decl), "indicators[0].target")
//
// A rubric rule is tested on a department evaluation scored by a rubric
// of the test's own, with the *Rubric variants:
//
//	rub := rubric.MustNew(rubric.Definition{Name: "test", Items: items})
//	rulestest.FiresRubric(t, myRule, rulestest.DepartmentEvaluation(t, formYAML), rub, "reported.scores.投入/预算配置/在职人员控制率")
//
// EqualAmount and EqualRate compare figures as sums and rates, not as
// representations:
//
//	rep := evaluation.Evaluate(form, nil)
//	rulestest.EqualAmount(t, "16.6", rep.Figures.TaskFundsTotal)
//	rulestest.EqualRate(t, "99.99%", rep.Figures.CompletionRate)
package rulestest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/dedent"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rules"
)

// Department decodes a department form from YAML in the file format
// (the kind: line may be left out), failing the test on a decode error.
func Department(t testing.TB, yaml string) *evaluation.DepartmentForm {
	t.Helper()
	return decode(t, evaluation.Department, yaml).(*evaluation.DepartmentForm)
}

// Project decodes a project form from YAML, as Department does.
func Project(t testing.TB, yaml string) *evaluation.ProjectForm {
	t.Helper()
	return decode(t, evaluation.Project, yaml).(*evaluation.ProjectForm)
}

// Declaration decodes a project declaration (项目支出绩效目标申报表) from
// YAML, as Department does.
func Declaration(t testing.TB, yaml string) *evaluation.DeclarationForm {
	t.Helper()
	return decode(t, evaluation.Declaration, yaml).(*evaluation.DeclarationForm)
}

// Monitoring decodes a project monitoring form (项目支出绩效目标执行监控表)
// from YAML, as Department does.
func Monitoring(t testing.TB, yaml string) *evaluation.MonitoringForm {
	t.Helper()
	return decode(t, evaluation.Monitoring, yaml).(*evaluation.MonitoringForm)
}

func decode(t testing.TB, kind evaluation.Kind, yaml string) evaluation.Form {
	t.Helper()
	src := withKind(dedent.String(yaml), kind)
	f, err := evaluation.Decode("literal.yaml", []byte(src))
	if err != nil {
		t.Fatalf("rulestest: form literal: %v", err)
	}
	return f
}

// withKind adds the kind: key to a literal that has none, after its last
// line (or first in a flow mapping), so that the line numbers of an error
// are the literal's own.
func withKind(src string, kind evaluation.Kind) string {
	if strings.Contains(src, "kind:") {
		return src
	}
	if t := strings.TrimSpace(src); strings.HasPrefix(t, "{") {
		i := strings.Index(src, "{")
		sep := ", "
		if strings.TrimSpace(t[1:]) == "}" {
			sep = ""
		}
		return src[:i+1] + "kind: " + string(kind) + sep + src[i+1:]
	}
	if src != "" && !strings.HasSuffix(src, "\n") {
		src += "\n"
	}
	return src + "kind: " + string(kind) + "\n"
}

// Run evaluates the form with a set holding only the rule (and its
// parameters at their defaults, or as given by params: name, value,
// name, value …) and returns the rule's findings.
//
// A rule that panics fails the test: a set would report the panic as a
// finding of the rule, which must not pass for the rule firing.
func Run(t testing.TB, r rules.Rule, form evaluation.Form, params ...string) []evaluation.Finding {
	t.Helper()
	return RunLinked(t, r, form, evaluation.Links{}, params...)
}

// Link links a later-stage form (a monitoring form or a project
// self-evaluation) to earlier-stage forms as a run over all of them
// would, and returns its links. The earlier forms are named by their
// kind and place: "project-declaration[0]", "project-monitoring[1]".
func Link(form evaluation.Form, earlier ...evaluation.Form) evaluation.Links {
	set := make([]evaluation.SourcedForm, 0, len(earlier)+1)
	for i, e := range earlier {
		set = append(set, evaluation.SourcedForm{Source: fmt.Sprintf("%s[%d]", e.Kind(), i), Form: e})
	}
	set = append(set, evaluation.SourcedForm{Source: "form", Form: form})
	return evaluation.LinkAll(set)[len(set)-1]
}

// RunLinked is Run for a form linked to earlier stages (see Link): the
// trace rules read the links.
func RunLinked(t testing.TB, r rules.Rule, form evaluation.Form, links evaluation.Links, params ...string) []evaluation.Finding {
	t.Helper()
	return run(t, r, form, links, nil, params)
}

// DepartmentEvaluation decodes a department evaluation (部门整体支出绩效评价)
// from YAML, as Department does.
func DepartmentEvaluation(t testing.TB, yaml string) *evaluation.DepartmentEvaluationForm {
	t.Helper()
	return decode(t, evaluation.DepartmentEvaluation, yaml).(*evaluation.DepartmentEvaluationForm)
}

// RunRubric is Run for a department evaluation scored by rub, whatever
// rubric the form names (as the perfeval command's -rubric does).
func RunRubric(t testing.TB, r rules.Rule, form evaluation.Form, rub rubric.Rubric, params ...string) []evaluation.Finding {
	t.Helper()
	return run(t, r, form, evaluation.Links{}, &rub, params)
}

// FiresRubric is Fires for a department evaluation scored by rub.
func FiresRubric(t testing.TB, r rules.Rule, form evaluation.Form, rub rubric.Rubric, paths ...string) []evaluation.Finding {
	t.Helper()
	return fires(t, r, paths, run(t, r, form, evaluation.Links{}, &rub, nil))
}

// SilentRubric is Silent for a department evaluation scored by rub.
func SilentRubric(t testing.TB, r rules.Rule, form evaluation.Form, rub rubric.Rubric) {
	t.Helper()
	if found := run(t, r, form, evaluation.Links{}, &rub, nil); len(found) > 0 {
		t.Errorf("rule %s: want no finding, found %s", r.Info().ID, describe(found))
	}
}

func run(t testing.TB, r rules.Rule, form evaluation.Form, links evaluation.Links, rub *rubric.Rubric, params []string) []evaluation.Finding {
	t.Helper()
	var panicked any
	guarded := rules.New(r.Info(), func(c *rules.Context) {
		defer func() {
			if p := recover(); p != nil {
				panicked = p
			}
		}()
		r.Check(c)
	})
	set, err := rules.Set{}.With(guarded)
	if err != nil {
		t.Fatalf("rulestest: %v", err)
	}
	for i := 0; i+1 < len(params); i += 2 {
		if set, err = set.WithParam(params[i], params[i+1]); err != nil {
			t.Fatalf("rulestest: %v", err)
		}
	}
	if rub != nil {
		set = set.WithRubric(*rub)
	}
	rep := evaluation.EvaluateLinked(form, links, set)
	if panicked != nil {
		t.Fatalf("rule %s panicked: %v", r.Info().ID, panicked)
	}
	return rep.Findings
}

// Fires asserts that the rule reports a finding at each of the paths,
// and returns the findings for further checks.
func Fires(t testing.TB, r rules.Rule, form evaluation.Form, paths ...string) []evaluation.Finding {
	t.Helper()
	return FiresLinked(t, r, form, evaluation.Links{}, paths...)
}

// FiresLinked is Fires for a form linked to earlier stages.
func FiresLinked(t testing.TB, r rules.Rule, form evaluation.Form, links evaluation.Links, paths ...string) []evaluation.Finding {
	t.Helper()
	return fires(t, r, paths, RunLinked(t, r, form, links))
}

func fires(t testing.TB, r rules.Rule, paths []string, found []evaluation.Finding) []evaluation.Finding {
	t.Helper()
	if len(found) == 0 {
		t.Errorf("rule %s: no finding; want one at %q", r.Info().ID, paths)
		return found
	}
	for _, p := range paths {
		hit := false
		for _, f := range found {
			hit = hit || f.Path == p
		}
		if !hit {
			t.Errorf("rule %s: no finding at %q; found %s", r.Info().ID, p, describe(found))
		}
	}
	return found
}

// Silent asserts that the rule reports nothing on the form.
func Silent(t testing.TB, r rules.Rule, form evaluation.Form) {
	t.Helper()
	SilentLinked(t, r, form, evaluation.Links{})
}

// SilentLinked is Silent for a form linked to earlier stages.
func SilentLinked(t testing.TB, r rules.Rule, form evaluation.Form, links evaluation.Links) {
	t.Helper()
	if found := RunLinked(t, r, form, links); len(found) > 0 {
		t.Errorf("rule %s: want no finding, found %s", r.Info().ID, describe(found))
	}
}

// EqualAmount asserts that got is the sum of money want is written as
// ("16.6", "150万元", "1,500,000元"; 万元 when no unit is written),
// whatever the precision or unit got is held in: 16.6 and 16.60 are
// equal, as are 1.5万元 and 15000元. testify's assert.Equal compares the
// representation instead, and 16.6 is not 16.60 to it. A nil got fails.
func EqualAmount(t testing.TB, want string, got *budget.Amount, msgAndArgs ...any) bool {
	t.Helper()
	var w budget.Amount
	if err := w.UnmarshalText([]byte(want)); err != nil {
		t.Fatalf("rulestest: EqualAmount: want %q: %v", want, err)
	}
	if got == nil {
		t.Errorf("rulestest: amount is absent; want %s%s", want, extra(msgAndArgs))
		return false
	}
	if !got.Equal(w) {
		t.Errorf("rulestest: amount %s%s; want %s%s", got.Text(), got.Unit(), want, extra(msgAndArgs))
		return false
	}
	return true
}

// EqualRate asserts that got, shown at the precision want is printed
// with, is want: EqualRate(t, "99.99%", completionRate) holds for
// 2394.83/2395.15. A nil got fails.
func EqualRate(t testing.TB, want string, got *budget.Rate, msgAndArgs ...any) bool {
	t.Helper()
	w, err := budget.ParsePercent(want)
	if err != nil {
		t.Fatalf("rulestest: EqualRate: want %q: %v", want, err)
	}
	if got == nil {
		t.Errorf("rulestest: rate is absent (undefined); want %s%s", want, extra(msgAndArgs))
		return false
	}
	places, _ := w.Printed()
	if !got.Matches(w, decimal.Zero) {
		t.Errorf("rulestest: rate %s; want %s%s", got.Format(places), want, extra(msgAndArgs))
		return false
	}
	return true
}

func extra(msgAndArgs []any) string {
	if len(msgAndArgs) == 0 {
		return ""
	}
	if f, ok := msgAndArgs[0].(string); ok {
		return " (" + fmt.Sprintf(f, msgAndArgs[1:]...) + ")"
	}
	return " " + fmt.Sprint(msgAndArgs...)
}

func describe(fs []evaluation.Finding) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Severity.String() + " at " + f.Path + ": " + f.Message.Zh)
	}
	return b.String()
}
