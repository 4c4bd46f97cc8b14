package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/report"
	"github.com/perfeval/perfeval/rules"
)

type evalOptions struct {
	format string
	lang   evaluation.Lang
	// fixed is the set from -profile or -rules; nil to use each file's own
	// profile: (national when it has none).
	fixed *rules.Set
}

// checkerFor returns the rule set a form is evaluated under.
func (o evalOptions) checkerFor(path string, f evaluation.Form) (rules.Set, error) {
	if o.fixed != nil {
		return *o.fixed, nil
	}
	name := f.Header().Profile
	if name == "" {
		name = rules.National
	}
	set, ok := builtins[name]
	if !ok {
		return rules.Set{}, fmt.Errorf("%s: profile: %w", path, &rules.UnknownProfileError{Name: name})
	}
	return set, nil
}

// builtins are the built-in profiles, built once: sets are immutable
// values, shared by every worker.
var builtins = map[string]rules.Set{
	rules.National:      rules.NationalProfile(),
	rules.Guangzhou2021: rules.Guangzhou2021Profile(),
}

func evaluate(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var opt evalOptions
	var lang, profile, rulesFile string
	fl.StringVar(&profile, "profile", "", "rule profile: national or guangzhou-2021 (default: the file's own profile:, else national)")
	fl.StringVar(&rulesFile, "rules", "", "rules `file` extending a profile (instead of -profile)")
	fl.StringVar(&opt.format, "format", "text", "output format: text, json, markdown or html (one page for all inputs)")
	fl.StringVar(&lang, "lang", "zh", "language of messages: zh or en")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	switch opt.format {
	case "text", "json", "markdown", "html":
	default:
		fmt.Fprintf(stderr, "perfeval evaluate: -format %q: want text, json, markdown or html\n", opt.format)
		return exitUsage
	}
	var ok bool
	if opt.lang, ok = parseLang(lang, stderr); !ok {
		return exitUsage
	}
	set, code := resolveSet(profile, rulesFile, stderr)
	if code != exitOK {
		return code
	}
	if profile != "" || rulesFile != "" {
		opt.fixed = &set
	}
	if fl.NArg() == 0 {
		fmt.Fprintf(stderr, "perfeval evaluate: no PATH given\n%s", usage)
		return exitUsage
	}
	paths, walkErrs := collect(fl.Args())
	for _, err := range walkErrs {
		fmt.Fprintf(stderr, "perfeval: %v\n", err)
	}

	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	status := exitOK
	if len(walkErrs) > 0 {
		status = exitInput
	}
	invalid := false
	var page *report.HTMLPage
	if opt.format == "html" {
		page = report.NewHTMLPage(out, opt.lang)
	}
	stream(paths, runtime.GOMAXPROCS(0), func(path string) result {
		return evaluateFile(path, opt)
	}, func(r result) {
		if r.err != nil {
			invalid = true
			fmt.Fprintf(stderr, "perfeval: %v\n", r.err)
			switch opt.format {
			case "json":
				out.Write(report.ErrorJSON(r.path, r.err))
				out.WriteByte('\n')
			case "html":
				_ = page.AddError(r.path, r.err)
			}
			return
		}
		if page != nil {
			_ = page.Add(r.meta, r.report)
		}
		out.Write(r.output)
		if r.errors && status == exitOK {
			status = exitFinding
		}
	})
	if page != nil {
		if err := page.Close(); err != nil {
			fmt.Fprintf(stderr, "perfeval: %v\n", err)
		}
	}
	if invalid {
		status = exitInput
	}
	return status
}

// result is one input's evaluation, rendered, so the worker does the
// formatting and the writer only copies bytes in order.
type result struct {
	path   string
	output []byte
	report *evaluation.Report // kept for formats written by the emitter (html)
	meta   report.Meta
	errors bool
	err    error
}

func evaluateFile(path string, opt evalOptions) result {
	form, err := evaluation.ReadFile(path)
	if err != nil {
		return result{path: path, err: err}
	}
	set, err := opt.checkerFor(path, form)
	if err != nil {
		return result{path: path, err: err}
	}
	rep := evaluation.Evaluate(form, set)
	meta := report.Meta{Source: path, Profile: set.Name(), Lang: opt.lang}
	var b strings.Builder
	switch opt.format {
	case "html":
		return result{path: path, report: &rep, meta: meta, errors: rep.HasErrors()}
	case "json":
		line, err := report.JSON(meta, &rep)
		if err != nil {
			return result{path: path, err: err}
		}
		b.Write(line)
		b.WriteByte('\n')
	case "markdown":
		if err := report.Markdown(&b, meta, &rep); err != nil {
			return result{path: path, err: err}
		}
	default:
		if err := report.Text(&b, meta, &rep); err != nil {
			return result{path: path, err: err}
		}
	}
	return result{path: path, output: []byte(b.String()), errors: rep.HasErrors()}
}

func parseLang(lang string, stderr io.Writer) (evaluation.Lang, bool) {
	switch lang {
	case "zh", "en":
		return evaluation.Lang(lang), true
	}
	fmt.Fprintf(stderr, "perfeval: -lang %q: want zh or en\n", lang)
	return "", false
}

// resolveSet returns the set named by -profile or read from -rules (the
// national profile when neither is given), or a non-zero exit status: 2
// for a usage error, 3 for a rules file that cannot be used.
func resolveSet(profile, rulesFile string, stderr io.Writer) (rules.Set, int) {
	switch {
	case profile != "" && rulesFile != "":
		fmt.Fprintln(stderr, "perfeval: give -profile or -rules, not both (a rules file names its profile with extends:)")
		return rules.Set{}, exitUsage
	case rulesFile != "":
		set, err := rules.ReadFile(rulesFile)
		if err != nil {
			fmt.Fprintf(stderr, "perfeval: -rules: %v\n", err)
			return rules.Set{}, exitInput
		}
		return set, exitOK
	case profile != "":
		set, err := rules.Profile(profile)
		if err != nil {
			fmt.Fprintf(stderr, "perfeval: -profile: %v\n", err)
			return rules.Set{}, exitUsage
		}
		return set, exitOK
	}
	return rules.NationalProfile(), exitOK
}

// collect expands the command's PATH arguments: a file as given, a folder
// as every .yaml, .yml and .json file below it, in lexical path order.
func collect(args []string) ([]string, []error) {
	var paths []string
	var errs []error
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !info.IsDir() {
			paths = append(paths, arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && isFormFile(p) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.SkipDir) {
			errs = append(errs, err)
		}
		slices.Sort(found)
		paths = append(paths, found...)
	}
	return paths, errs
}

func isFormFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// stream runs work over the paths on n workers and hands each result to
// emit in input order. At most 2n results are in flight, so memory does
// not grow with the number of inputs.
func stream(paths []string, n int, work func(string) result, emit func(result)) {
	if n < 1 {
		n = 1
	}
	type job struct {
		path string
		done chan result
	}
	jobs := make(chan job)
	order := make(chan chan result, 2*n)
	for range n {
		go func() {
			for j := range jobs {
				j.done <- work(j.path)
			}
		}()
	}
	go func() {
		for _, p := range paths {
			done := make(chan result, 1)
			order <- done
			jobs <- job{path: p, done: done}
		}
		close(jobs)
		close(order)
	}()
	for done := range order {
		emit(<-done)
	}
}
