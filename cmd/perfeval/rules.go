package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/perfeval/perfeval/rules"
)

// listRules is `perfeval rules`: the catalogue as a set configures it.
func listRules(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("rules", flag.ContinueOnError)
	fl.SetOutput(stderr)
	profile := fl.String("profile", "", "rule profile: national or guangzhou-2021 (default national)")
	rulesFile := fl.String("rules", "", "rules `file` extending a profile")
	format := fl.String("format", "text", "output format: text or json")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "perfeval rules: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "perfeval rules: -format %q: want text or json\n", *format)
		return exitUsage
	}
	set, code := resolveSet(*profile, *rulesFile, stderr)
	if code != exitOK {
		return code
	}
	if *format == "json" {
		return rulesJSON(set, stdout)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "profile %s\n\n", set.Name())
	for _, r := range set.Rules() {
		state := ""
		if !r.Enabled {
			state = " (disabled)"
		}
		fmt.Fprintf(&b, "%-30s %-8s%s\n    %s\n    %s\n", r.ID, r.Severity, state, r.Title.Zh, r.Title.En)
		for _, p := range r.Params {
			fmt.Fprintf(&b, "    %s = %s (%s, default %s)\n", p.Name, r.Values[p.Name], p.Kind, p.Default)
		}
	}
	_, _ = io.WriteString(stdout, b.String())
	return exitOK
}

type ruleJSON struct {
	ID              string      `json:"id"`
	Severity        string      `json:"severity"`
	DefaultSeverity string      `json:"default_severity"`
	Enabled         bool        `json:"enabled"`
	Description     textJSON    `json:"description"`
	Params          []paramJSON `json:"params"`
}

type textJSON struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

type paramJSON struct {
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Default     string   `json:"default"`
	Value       string   `json:"value"`
	Description textJSON `json:"description"`
}

func rulesJSON(set rules.Set, stdout io.Writer) int {
	out := struct {
		Profile string     `json:"profile"`
		Rules   []ruleJSON `json:"rules"`
	}{Profile: set.Name(), Rules: []ruleJSON{}}
	for _, r := range set.Rules() {
		rj := ruleJSON{ID: r.ID, Severity: r.Severity.String(), DefaultSeverity: r.Info.Severity.String(),
			Enabled: r.Enabled, Description: textJSON{r.Title.Zh, r.Title.En}, Params: []paramJSON{}}
		for _, p := range r.Params {
			rj.Params = append(rj.Params, paramJSON{Name: p.Name, Kind: p.Kind.String(), Default: p.Default,
				Value: r.Values[p.Name], Description: textJSON{p.Doc.Zh, p.Doc.En}})
		}
		out.Rules = append(out.Rules, rj)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return exitInput
	}
	return exitOK
}
