package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/render"
)

// renderForm is `perfeval render`: one form in its official layout, with
// its findings at their cells when -annotate is given.
func renderForm(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("render", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("format", "markdown", "output format: markdown or html")
	annotate := fl.Bool("annotate", false, "mark each finding at the cell it names")
	profile := fl.String("profile", "", "rule profile for -annotate (default: the file's own, else national)")
	rulesFile := fl.String("rules", "", "rules `file` for -annotate")
	rubricFile := fl.String("rubric", "", "rubric `file` drawing and scoring a department-evaluation form (instead of the rubric: it names)")
	lang := fl.String("lang", "zh", "language of finding messages: zh or en")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if *format != "markdown" && *format != "html" {
		diag(stderr, "perfeval render: -format %s: want markdown or html", quote(*format))
		return exitUsage
	}
	l, ok := parseLang(*lang, stderr)
	if !ok {
		return exitUsage
	}
	if fl.NArg() != 1 {
		fmt.Fprintf(stderr, "perfeval render: want exactly one FILE\n%s", usage)
		return exitUsage
	}
	set, code := resolveSet(*profile, *rulesFile, stderr)
	if code != exitOK {
		return code
	}
	opt := evalOptions{lang: l}
	if *profile != "" || *rulesFile != "" {
		opt.fixed = &set
	}
	if opt.rubric, code = resolveRubric(*rubricFile, l, stderr); code != exitOK {
		return code
	}
	path := fl.Arg(0)
	if err := regular(path); err != nil {
		diag(stderr, "perfeval: %v", err)
		return exitInput
	}
	form, err := evaluation.ReadFile(path)
	if err != nil {
		diagErr(stderr, err, l)
		return exitInput
	}
	checker, err := opt.checkerFor(path, form)
	if err != nil {
		diagErr(stderr, err, l)
		return exitInput
	}
	rep := evaluation.Evaluate(form, checker)
	var findings []evaluation.Finding
	if *annotate {
		findings = rep.Findings
		if findings == nil {
			findings = []evaluation.Finding{}
		}
	}
	// A page that cannot be written (a full disk, a closed pipe) is an
	// error, never a silent success: out.finish says so.
	out := newOutput(stdout)
	if *format == "html" {
		err = render.HTML(out, form, render.Options{Findings: findings, Score: rep.Score, Lang: l, Rubric: opt.rubric})
	} else {
		err = markdown.RenderWith(out, form, markdown.RenderOptions{Findings: findings, Rubric: opt.rubric})
	}
	if err != nil && !out.failed() {
		diag(stderr, "perfeval: %s: %v", path, err)
		return exitInput
	}
	return out.finish(stderr, exitOK)
}
