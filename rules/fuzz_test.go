package rules_test

import (
	"errors"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
)

// FuzzParseFile: a rules file never panics the parser; it is a set or a
// *FileError with a position, and a set it gives evaluates a form.
func FuzzParseFile(f *testing.F) {
	for _, s := range []string{
		"extends: guangzhou-2021\nparams:\n  key_project_threshold: 1000\n  min_execution_rate: 85%\ndisable: [indicators.no-target]\nseverity:\n  narrative.mismatch: error\n",
		"extends: national\n", "disable: key-projects.*\n", "params: {rate_tolerance: 0.01}\n", "a: &a [*a]\n", "extends: [\n",
	} {
		f.Add([]byte(s))
	}
	form, err := evaluation.ReadFile("../examples/tianhe2021/form.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := rules.ParseFile("rules.yaml", data, rules.Profile)
		if err != nil {
			var fe *rules.FileError
			if !errors.As(err, &fe) || fe.Line < 1 {
				t.Fatalf("not a positioned FileError: %v", err)
			}
			return
		}
		_ = evaluation.Evaluate(form, set)
	})
}
