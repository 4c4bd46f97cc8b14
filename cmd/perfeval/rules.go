package main

import (
	"encoding/json"
	"flag"
	"io"

	"github.com/perfeval/perfeval/evaluation"
)

// listRules is `perfeval rules`: the catalogue as a set configures it, as
// text, JSON (json.Marshal of the set) or Markdown (the page docs/rules.md
// is generated as).
func listRules(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("rules", flag.ContinueOnError)
	fl.SetOutput(stderr)
	profile := fl.String("profile", "", "rule profile: national or guangzhou-2021 (default national)")
	rulesFile := fl.String("rules", "", "rules `file` extending a profile")
	format := fl.String("format", "text", "output format: text, json or markdown")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		diag(stderr, "perfeval rules: unexpected argument %s", quote(fl.Arg(0)))
		return exitUsage
	}
	switch *format {
	case "text", "json", "markdown":
	default:
		diag(stderr, "perfeval rules: -format %s: want text, json or markdown", quote(*format))
		return exitUsage
	}
	set, code := resolveSetIn(*profile, *rulesFile, evaluation.Chinese, stderr)
	if code != exitOK {
		return code
	}
	out := newOutput(stdout)
	switch *format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(set); err != nil && !out.failed() {
			diag(stderr, "perfeval: %v", err)
			return exitInput
		}
	case "markdown":
		_ = set.WriteMarkdown(out)
	default:
		_ = set.WriteText(out)
	}
	return out.finish(stderr, exitOK)
}
