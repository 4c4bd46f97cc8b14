package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync/atomic"

	"github.com/perfeval/perfeval/batch"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/report"
	"github.com/perfeval/perfeval/rubric"
	"github.com/perfeval/perfeval/rules"
)

type evalOptions struct {
	format string
	lang   evaluation.Lang
	// fixed is the set from -profile or -rules; nil to use each file's own
	// profile: (national when it has none).
	fixed *rules.Set
	// rubric is the rubric from -rubric, scoring every department
	// evaluation whatever its rubric: key names; nil for each form's own.
	rubric *rubric.Rubric
}

// withRubric is the set with the -rubric rubric, when one was given.
func (o evalOptions) withRubric(set rules.Set) rules.Set {
	if o.rubric != nil {
		return set.WithRubric(*o.rubric)
	}
	return set
}

// checkerFor returns the rule set a form is evaluated under: the fixed
// one, else the form's own profile's (rules.ForForm), an unknown profile
// being an error positioned at the form's profile: key.
func (o evalOptions) checkerFor(path string, f evaluation.Form) (rules.Set, error) {
	if o.fixed != nil {
		return o.withRubric(*o.fixed), nil
	}
	set, err := rules.ForForm(f)
	if err != nil {
		return rules.Set{}, batch.AtKey(path, nil, err)
	}
	set = o.withRubric(set)
	if _, err := evaluation.RubricFor(f, set); err != nil && !errors.Is(err, evaluation.ErrNoRubric) {
		return rules.Set{}, batch.AtKey(path, nil, err)
	}
	return set, nil
}

// batchOptions are the library's options for the command's run.
func (o evalOptions) batchOptions(stdin io.Reader) batch.Options {
	opt := batch.Options{Lang: o.lang, Stdin: stdin, CheckerFor: batch.ByProfile}
	switch {
	case o.fixed != nil:
		opt.CheckerFor, opt.Checker = nil, o.withRubric(*o.fixed)
	case o.rubric != nil:
		opt.CheckerFor = func(_ string, f evaluation.Form) (evaluation.Checker, error) {
			set, err := rules.ForForm(f)
			if err != nil {
				return nil, err
			}
			return o.withRubric(set), nil
		}
	}
	return opt
}

func evaluate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	l := argsLang(args)
	fl := newFlags("evaluate")
	var opt evalOptions
	var lang, profile, rulesFile string
	fl.StringVar(&profile, "profile", "", say(l, "规则配置：national 或 guangzhou-2021（默认：表单自己的 profile:，否则 national）", "rule profile: national or guangzhou-2021 (default: the file's own profile:, else national)"))
	fl.StringVar(&rulesFile, "rules", "", say(l, "扩展某一规则配置的规则`文件`（代替 -profile）", "rules `file` extending a profile (instead of -profile)"))
	rubricFile := fl.String("rubric", "", say(l, "为每张部门整体支出绩效评价表评分的评分办法`文件`（代替表中的 rubric:）", "rubric `file` scoring every department-evaluation form (instead of the rubric: each names)"))
	fl.StringVar(&opt.format, "format", "text", say(l, "输出格式：text、json、markdown 或 html（html 为全部输入一页）", "output format: text, json, markdown or html (one page for all inputs)"))
	fl.StringVar(&lang, "lang", "zh", say(l, "语言：zh 或 en", "language of messages: zh or en"))
	args, code, ok := parseInterleaved(fl, args, l, stdout, stderr)
	if !ok {
		return code
	}
	if opt.lang, ok = parseLang(lang, stderr); !ok {
		return exitUsage
	}
	l = opt.lang
	switch opt.format {
	case "text", "json", "markdown", "html":
	default:
		diag(stderr, "perfeval evaluate: %s", say(l, "-format "+quote(opt.format)+" 不可用，应为 text、json、markdown 或 html", "-format "+quote(opt.format)+": want text, json, markdown or html"))
		return exitUsage
	}
	if len(args) == 0 {
		diag(stderr, "perfeval evaluate: %s", say(l, "未给出路径（表单文件、文件夹或 -）", "no PATH given"))
		fmt.Fprint(stderr, usageText(l))
		return exitUsage
	}
	if code := checkStdinOnce(args, l, stderr); code != exitOK {
		return code
	}
	set, code := resolveSetIn(profile, rulesFile, opt.lang, stderr)
	if code != exitOK {
		return code
	}
	if profile != "" || rulesFile != "" {
		opt.fixed = &set
	}
	if opt.rubric, code = resolveRubric(*rubricFile, opt.lang, stderr); code != exitOK {
		return code
	}

	out := newOutput(stdout, opt.lang)
	status := exitOK
	invalid := false
	var page *report.HTMLPage
	if opt.format == "html" {
		page = report.NewHTMLPage(out, opt.lang)
	}
	files := newFormFiles(args)
	long := len(args) > 1 || hasFolder(args)
	progress := newProgress(stderr, long, files.total, opt.lang)
	if progress.active() {
		files.countAhead()
	}
	// Files go to the workers 16 at a time (batch.MapChunked): the number
	// of files is not known until the folders are walked, and 16 forms are
	// a couple of milliseconds of work. Each worker also writes its form's
	// report, so the writer here only copies bytes in order.
	chunk := 1
	if long {
		chunk = 16
	}
	bopt := opt.batchOptions(stdin)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// A first pass links the forms of one project-year: a monitoring form
	// or a self-evaluation is checked against its declaration wherever it
	// lies among the inputs. Only the earlier stages' summaries are kept;
	// a run with none of them costs one plain read of each file.
	bopt.Links, _ = batch.Link(ctx, formPaths(args), batch.Options{Chunk: 16})
	results := batch.MapChunked(ctx, files.all, runtime.GOMAXPROCS(0), chunk, func(_ context.Context, in batch.Input) result {
		return formatResult(bopt.Evaluate(in), opt)
	})
	for r := range results {
		if r.skipped {
			continue // a rubric kept among the forms: no form, no report
		}
		progress.add(r)
		if r.err != nil {
			invalid = true
			progress.clear()
			diagErr(stderr, r.err, opt.lang)
			switch opt.format {
			case "json":
				out.Write(report.ErrorJSON(r.path, r.err, opt.lang))
				out.Write([]byte{'\n'})
			case "html":
				_ = page.AddError(r.path, r.err)
			}
		} else {
			if page != nil {
				_ = page.Add(r.report)
			}
			out.Write(r.output)
			if r.errors && status == exitOK {
				status = exitFinding
			}
		}
		if out.failed() {
			break // every report after this one would be lost too
		}
	}
	progress.done()
	if page != nil {
		_ = page.Close()
	}
	if invalid {
		status = exitInput
	}
	return out.finish(stderr, status)
}

// result is one input's evaluation, its report written, so the worker
// does the formatting and the writer only copies bytes in order.
type result struct {
	path   string
	output []byte
	report *evaluation.Report // kept for the format written by the emitter (html)
	counts evaluation.Counts
	errors bool
	err    error
	// skipped: a rubric file a folder walk found (batch.Result.Skipped).
	skipped bool
}

func formatResult(br batch.Result, opt evalOptions) result {
	if br.Skipped {
		return result{path: br.Name, skipped: true}
	}
	if br.Err != nil {
		return result{path: br.Name, err: br.Err}
	}
	rep := br.Report
	counts := rep.Counts()
	res := result{path: br.Name, counts: counts, errors: counts.Error > 0}
	var b bytes.Buffer // its bytes become the output, uncopied
	var err error
	switch opt.format {
	case "html":
		res.report = &rep
		return res
	case "json":
		var line []byte
		if line, err = report.JSON(&rep); err == nil {
			res.output = append(line, '\n')
			return res
		}
	case "markdown":
		b.Grow(4 << 10)
		err = report.Markdown(&b, &rep)
	default:
		b.Grow(2 << 10) // a form's text report is about 1.5 KB
		err = report.Text(&b, &rep)
	}
	if err != nil {
		return result{path: br.Name, err: err}
	}
	res.output = b.Bytes()
	return res
}

// diagErr reports an input's error on standard error: each fault of a
// form on a line of its own, in lang.
func diagErr(stderr io.Writer, err error, lang evaluation.Lang) {
	if des := evaluation.DecodeErrorsOf(err); len(des) > 1 {
		for _, de := range des {
			diag(stderr, "perfeval: %s", de.In(lang))
		}
		return
	}
	diag(stderr, "perfeval: %s", report.Message(err, lang))
}

// checkStdinOnce refuses "-" given more than once: standard input holds
// one form.
func checkStdinOnce(paths []string, lang evaluation.Lang, stderr io.Writer) int {
	n := 0
	for _, p := range paths {
		if p == batch.Stdin {
			n++
		}
	}
	if n > 1 {
		diag(stderr, "perfeval: %s", say(lang, fmt.Sprintf("- （标准输入）给了 %d 次；标准输入只有一张表", n), fmt.Sprintf("- (standard input) given %d times; it holds one form", n)))
		return exitUsage
	}
	return exitOK
}

func parseLang(lang string, stderr io.Writer) (evaluation.Lang, bool) {
	l, err := evaluation.ParseLang(lang)
	if err != nil {
		diag(stderr, "perfeval: -lang %s: 应为 zh 或 en (want zh or en)", quote(lang))
		return "", false
	}
	return l, true
}

// resolveSetIn returns the set named by -profile or read from -rules (the
// national profile when neither is given), or exitUsage: a bad -profile
// or -rules is a usage error, reported before any output, in lang.
func resolveSetIn(profile, rulesFile string, lang evaluation.Lang, stderr io.Writer) (rules.Set, int) {
	switch {
	case profile != "" && rulesFile != "":
		diag(stderr, "perfeval: %s", say(lang, "-profile 与 -rules 只能给一个（规则文件用 extends: 指定所扩展的规则配置）", "give -profile or -rules, not both (a rules file names its profile with extends:)"))
		return rules.Set{}, exitUsage
	case rulesFile != "":
		set, err := rules.ReadFile(rulesFile)
		if err != nil {
			diag(stderr, "perfeval: -rules: %s", report.Message(err, lang))
			return rules.Set{}, exitUsage
		}
		return set, exitOK
	case profile != "":
		set, err := rules.Profile(profile)
		if err != nil {
			diag(stderr, "perfeval: -profile: %s", report.Message(err, lang))
			return rules.Set{}, exitUsage
		}
		return set, exitOK
	}
	return rules.NationalProfile(), exitOK
}

// resolveRubric reads the -rubric file, or returns nil when none was
// given: a rubric that cannot be read is a usage error, reported before
// any output.
func resolveRubric(path string, lang evaluation.Lang, stderr io.Writer) (*rubric.Rubric, int) {
	if path == "" {
		return nil, exitOK
	}
	if err := regular(path); err != nil {
		diag(stderr, "perfeval: -rubric: %s", report.Message(err, lang))
		return nil, exitUsage
	}
	r, err := rubric.ReadFile(path)
	if err != nil {
		msg := report.Message(err, lang)
		if fe := (*rubric.FileError)(nil); errors.As(err, &fe) {
			msg = fe.In(rubric.Lang(lang))
		}
		diag(stderr, "perfeval: -rubric: %s", msg)
		return nil, exitUsage
	}
	return &r, exitOK
}

// parseInterleaved parses flags given before, between or after the
// paths ("evaluate form.yaml -format json"), as a person types them, and
// returns the paths. "--" ends the flags; "-" is a path (standard input).
func parseInterleaved(fl *flag.FlagSet, args []string, lang evaluation.Lang, stdout, stderr io.Writer) ([]string, int, bool) {
	var rest []string
	for {
		if code, ok := parseFlags(fl, args, lang, stdout, stderr); !ok {
			return nil, code, false
		}
		args = fl.Args()
		if len(args) == 0 {
			return rest, exitOK, true
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), exitOK, true
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// formFiles is the command's PATH arguments as batch.Walk yields them,
// counted: the progress line wants the total long before the walk that
// evaluates them is over. The walk keeps only a few chunks ahead of the
// workers, so it ends with the run; countAhead counts the inputs on the
// side.
type formFiles struct {
	args    []string
	found   atomic.Int64 // inputs yielded so far
	walked  atomic.Bool  // the walk is over: found is the total
	counted atomic.Int64 // the inputs countAhead found; -1 until it is done
}

func newFormFiles(args []string) *formFiles {
	w := &formFiles{args: args}
	w.counted.Store(-1)
	return w
}

// countAhead counts the inputs in the background.
func (w *formFiles) countAhead() {
	go func() {
		n := 0
		for range batch.Walk(w.args) {
			n++
		}
		w.counted.Store(int64(n))
	}()
}

func (w *formFiles) all(yield func(batch.Input) bool) {
	defer w.walked.Store(true)
	for in := range batch.Walk(w.args) {
		w.found.Add(1)
		if !yield(in) {
			return
		}
	}
}

// formPaths is the form files the arguments name, as batch.Walk finds
// them; standard input and what cannot be read are left out (the second
// pass reports those).
func formPaths(args []string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for in := range batch.Walk(args) {
			if in.Err == nil && in.Path != batch.Stdin && !yield(in.Path) {
				return
			}
		}
	}
}

// hasFolder reports whether any argument is a folder (or cannot be
// read): a run that may be long.
func hasFolder(args []string) bool {
	for _, arg := range args {
		if arg == batch.Stdin {
			continue
		}
		if info, err := os.Stat(arg); err != nil || info.IsDir() {
			return true
		}
	}
	return false
}

// total is the number of inputs, once the walk or the count is over.
func (w *formFiles) total() (int, bool) {
	found := int(w.found.Load())
	if w.walked.Load() {
		return found, true
	}
	if c := int(w.counted.Load()); c >= 0 {
		return max(c, found), true // files may come and go during a run
	}
	return found, false
}
