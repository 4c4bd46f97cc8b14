package main

import (
	"fmt"
	"io"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/render"
	"github.com/perfeval/perfeval/report"
)

// renderForm is `perfeval render`: one form in its official layout, with
// its findings at their cells when -annotate is given.
func renderForm(args []string, stdout, stderr io.Writer) int {
	l := argsLang(args)
	fl := newFlags("render")
	format := fl.String("format", "markdown", say(l, "输出格式：markdown 或 html", "output format: markdown or html"))
	annotate := fl.Bool("annotate", false, say(l, "在各发现所指的单元格处标注", "mark each finding at the cell it names"))
	profile := fl.String("profile", "", say(l, "-annotate 所用的规则配置（默认：表单自己的，否则 national）", "rule profile for -annotate (default: the file's own, else national)"))
	rulesFile := fl.String("rules", "", say(l, "-annotate 所用的规则`文件`", "rules `file` for -annotate"))
	rubricFile := fl.String("rubric", "", say(l, "绘制部门整体支出绩效评价表并评分的评分办法`文件`（代替表中的 rubric:）", "rubric `file` drawing and scoring a department-evaluation form (instead of the rubric: it names)"))
	lang := fl.String("lang", "zh", say(l, "语言：zh 或 en", "language of finding messages: zh or en"))
	if code, ok := parseFlags(fl, args, l, stdout, stderr); !ok {
		return code
	}
	l, ok := parseLang(*lang, stderr)
	if !ok {
		return exitUsage
	}
	if *format != "markdown" && *format != "html" {
		diag(stderr, "perfeval render: %s", say(l, "-format "+quote(*format)+" 不可用，应为 markdown 或 html", "-format "+quote(*format)+": want markdown or html"))
		return exitUsage
	}
	if fl.NArg() != 1 {
		diag(stderr, "perfeval render: %s", say(l, "应给出一个表单文件", "want exactly one FILE"))
		fmt.Fprint(stderr, usageText(l))
		return exitUsage
	}
	set, code := resolveSetIn(*profile, *rulesFile, l, stderr)
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
		diagErr(stderr, err, l)
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
	out := newOutput(stdout, l)
	if *format == "html" {
		err = render.HTML(out, form, render.Options{Findings: findings, Score: rep.Score, Lang: l, Rubric: opt.rubric})
	} else {
		err = markdown.RenderWith(out, form, markdown.RenderOptions{Findings: findings, Rubric: opt.rubric})
	}
	if err != nil && !out.failed() {
		diag(stderr, "perfeval: %s: %s", path, report.Message(err, l))
		return exitInput
	}
	return out.finish(stderr, exitOK)
}
