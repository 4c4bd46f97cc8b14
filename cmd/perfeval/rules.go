package main

import (
	"encoding/json"
	"io"

	"github.com/perfeval/perfeval/report"
)

// listRules is `perfeval rules`: the catalogue as a set configures it, as
// text, JSON (json.Marshal of the set) or Markdown (the page docs/rules.md
// is generated as).
func listRules(args []string, stdout, stderr io.Writer) int {
	l := argsLang(args)
	fl := newFlags("rules")
	profile := fl.String("profile", "", say(l, "规则配置：national 或 guangzhou-2021（默认 national）", "rule profile: national or guangzhou-2021 (default national)"))
	rulesFile := fl.String("rules", "", say(l, "扩展某一规则配置的规则`文件`", "rules `file` extending a profile"))
	format := fl.String("format", "text", say(l, "输出格式：text、json 或 markdown", "output format: text, json or markdown"))
	lang := fl.String("lang", "zh", say(l, "语言：zh 或 en", "language: zh or en"))
	if code, ok := parseFlags(fl, args, l, stdout, stderr); !ok {
		return code
	}
	if fl.NArg() > 0 {
		diag(stderr, "perfeval rules: %s", say(l, "多余的参数 "+quote(fl.Arg(0)), "unexpected argument "+quote(fl.Arg(0))))
		return exitUsage
	}
	l, ok := parseLang(*lang, stderr)
	if !ok {
		return exitUsage
	}
	switch *format {
	case "text", "json", "markdown":
	default:
		diag(stderr, "perfeval rules: %s", say(l, "-format "+quote(*format)+" 不可用，应为 text、json 或 markdown", "-format "+quote(*format)+": want text, json or markdown"))
		return exitUsage
	}
	set, code := resolveSetIn(*profile, *rulesFile, l, stderr)
	if code != exitOK {
		return code
	}
	out := newOutput(stdout, l)
	switch *format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(set); err != nil && !out.failed() {
			diag(stderr, "perfeval: %s", report.Message(err, l))
			return exitInput
		}
	case "markdown":
		_ = set.WriteMarkdown(out)
	default:
		_ = set.WriteText(out)
	}
	return out.finish(stderr, exitOK)
}
