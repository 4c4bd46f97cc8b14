package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/perfeval/perfeval/batch"
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
		// Point at the profile: key, as a decode error would.
		de := &evaluation.DecodeError{File: path, Line: 1, Column: 1, Path: "profile",
			Err: fmt.Errorf("%w: %w", evaluation.ErrValue, &rules.UnknownProfileError{Name: name})}
		if data, err := evaluation.ReadBytes(path); err == nil {
			if line, col, ok := evaluation.PositionOf(path, data, "profile"); ok {
				de.Line, de.Column = line, col
			}
		}
		return rules.Set{}, de
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
	args, ok := parseInterleaved(fl, args)
	if !ok {
		return exitUsage
	}
	switch opt.format {
	case "text", "json", "markdown", "html":
	default:
		fmt.Fprintf(stderr, "perfeval evaluate: -format %q: want text, json, markdown or html\n", opt.format)
		return exitUsage
	}
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
	if len(args) == 0 {
		fmt.Fprintf(stderr, "perfeval evaluate: no PATH given\n%s", usage)
		return exitUsage
	}
	files := newFormFiles(args)

	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	status := exitOK
	invalid := false
	var page *report.HTMLPage
	if opt.format == "html" {
		page = report.NewHTMLPage(out, opt.lang)
	}
	long := len(args) > 1 || hasFolder(args)
	progress := newProgress(stderr, long, files.total)
	if progress.active() {
		files.countAhead()
	}
	// Files go to the workers 16 at a time (batch.MapChunked): the number
	// of files is not known until the folders are walked, and 16 forms are
	// a couple of milliseconds of work.
	chunk := 1
	if long {
		chunk = 16
	}
	results := batch.MapChunked(context.Background(), files.all, runtime.GOMAXPROCS(0), chunk, func(_ context.Context, in input) result {
		if in.err != nil {
			return result{path: in.path, err: in.err}
		}
		return evaluateFile(in.path, opt)
	})
	for r := range results {
		progress.add(r)
		if r.err != nil {
			invalid = true
			progress.clear()
			fmt.Fprintf(stderr, "perfeval: %v\n", r.err)
			switch opt.format {
			case "json":
				out.Write(report.ErrorJSON(r.path, r.err))
				out.WriteByte('\n')
			case "html":
				_ = page.AddError(r.path, r.err)
			}
			continue
		}
		if page != nil {
			_ = page.Add(r.meta, r.report)
		}
		out.Write(r.output)
		if r.errors && status == exitOK {
			status = exitFinding
		}
	}
	progress.done()
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
	counts evaluation.Counts
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
	var b bytes.Buffer // its bytes become the output, uncopied
	switch opt.format {
	case "html":
		return result{path: path, report: &rep, meta: meta, counts: rep.Counts(), errors: rep.HasErrors()}
	case "json":
		line, err := report.JSON(meta, &rep)
		if err != nil {
			return result{path: path, err: err}
		}
		counts := rep.Counts()
		return result{path: path, output: append(line, '\n'), counts: counts, errors: counts.Error > 0}
	case "markdown":
		b.Grow(4 << 10)
		if err := report.Markdown(&b, meta, &rep); err != nil {
			return result{path: path, err: err}
		}
	default:
		b.Grow(2 << 10) // a form's text report is about 1.5 KB
		if err := report.Text(&b, meta, &rep); err != nil {
			return result{path: path, err: err}
		}
	}
	counts := rep.Counts()
	return result{path: path, output: b.Bytes(), counts: counts, errors: counts.Error > 0}
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

// parseInterleaved parses flags given before, between or after the
// paths ("evaluate form.yaml -format json"), as a person types them, and
// returns the paths. "--" ends the flags.
func parseInterleaved(fl *flag.FlagSet, args []string) ([]string, bool) {
	var rest []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, false
		}
		args = fl.Args()
		if len(args) == 0 {
			return rest, true
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), true
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// input is one file to evaluate, or a path that could not be read.
type input struct {
	path string
	err  error
}

// formFiles expands the command's PATH arguments, as they are walked: a
// file as given, a folder as every .yaml, .yml and .json file below it,
// in lexical path order. A path that cannot be read is an input with its
// error, in its place, so it is reported like any unreadable file.
//
// Yielding while walking, rather than listing the whole tree first, lets
// the workers start on the first form at once: listing 10,000 files took
// a twentieth of the run. The walk keeps only a few chunks ahead of the
// workers, so it ends with the run; for the progress line's time left,
// countAhead counts the inputs on the side.
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

// countAhead counts the inputs in the background: a terminal's progress
// line wants the total long before the walk that evaluates them is over.
func (w *formFiles) countAhead() {
	go func() {
		n := 0
		w.each(func(input) bool { n++; return true })
		w.counted.Store(int64(n))
	}()
}

func (w *formFiles) all(yield func(input) bool) {
	defer w.walked.Store(true)
	w.each(func(in input) bool {
		w.found.Add(1)
		return yield(in)
	})
}

// each yields the inputs in order; it reports false when yield stopped it.
func (w *formFiles) each(emit func(input) bool) bool {
	for _, arg := range w.args {
		info, err := os.Stat(arg)
		switch {
		case err != nil:
			if !emit(input{path: arg, err: err}) {
				return false
			}
		case !info.IsDir():
			if !emit(input{path: arg}) {
				return false
			}
		default:
			if !walkDir(arg, emit) {
				return false
			}
		}
	}
	return true
}

// walkDir yields the form files below dir in lexical order of their
// paths. os.ReadDir sorts a folder's entries by name, but "b.yaml" sorts
// before "b/x.yaml" as paths while "b" sorts before "b.yaml" as names, so
// each folder's entries are ordered by name with a "/" after a folder's:
// then the walk's order is the order of the full paths.
func walkDir(dir string, yield func(input) bool) bool {
	entries, err := os.ReadDir(dir)
	if err != nil && len(entries) == 0 {
		return yield(input{path: dir, err: err})
	}
	key := func(e fs.DirEntry) string {
		if e.IsDir() {
			return e.Name() + "/"
		}
		return e.Name()
	}
	slices.SortStableFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(key(a), key(b)) })
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir():
			if !walkDir(p, yield) {
				return false
			}
		case isFormFile(p):
			if !yield(input{path: p}) {
				return false
			}
		}
	}
	if err != nil { // a folder read in part
		return yield(input{path: dir, err: err})
	}
	return true
}

// hasFolder reports whether any argument is a folder (or cannot be
// read): a run that may be long.
func hasFolder(args []string) bool {
	for _, arg := range args {
		if info, err := os.Stat(arg); err != nil || info.IsDir() {
			return true
		}
	}
	return false
}

func isFormFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json":
		return true
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
