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
// Department, Project, Declaration and Monitoring add it. A trace rule,
// which compares a form with the earlier stages of its project, is tested
// with Link and the *Linked variants:
//
//	decl := rulestest.Declaration(t, declYAML)
//	self := rulestest.Project(t, selfYAML)
//	rulestest.FiresLinked(t, myRule, self, rulestest.Link(self, decl), "indicators[0].target")
package rulestest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
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
	src := dedent(yaml)
	if !strings.Contains(src, "kind:") {
		src = "kind: " + string(kind) + "\n" + src
	}
	f, err := evaluation.Decode("literal.yaml", []byte(src))
	if err != nil {
		t.Fatalf("rulestest: form literal: %v", err)
	}
	return f
}

// dedent removes the common indentation of a raw string literal, so a
// form can be written indented inside a test function.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	prefix := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if prefix < 0 || n < prefix {
			prefix = n
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
			continue
		}
		if len(l) >= prefix && prefix > 0 {
			lines[i] = l[prefix:]
		}
	}
	return strings.Join(lines, "\n")
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
	found := RunLinked(t, r, form, links)
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
