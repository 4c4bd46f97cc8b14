// Package batch evaluates many forms at once: on every core, in input
// order, with memory bounded by the number of workers rather than the
// number of forms, and cancellable through a context.Context. A finance
// bureau's folder of 100,000 forms streams through it.
//
// Map is the engine: an ordered parallel map over an iterator. MapChunked
// hands the inputs to the workers a chunk at a time, which is how a folder
// on disk goes fastest, since waking another core costs about as much as
// evaluating one form. Files, Inputs and Documents are Map or MapChunked
// (Options.Chunk) with read, decode and Evaluate as the work; Walk finds
// the form files of folders (regular files only: a FIFO or a device is
// reported, never opened). ByProfile checks each form under its own
// profile: key. Link reads the inputs once first and finds the earlier
// stages each form is checked against (Options.Links; docs/cycle.md).
//
// Reading and decoding reuse their buffers through sync.Pool (see
// evaluation.ReadFile); nothing else is shared between the workers but the
// immutable checker.
package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/parse"
	"github.com/perfeval/perfeval/rules"
)

// Map runs work over the inputs on workers goroutines (runtime.GOMAXPROCS
// when workers < 1) and yields the results in input order, each as soon
// as it and every result before it are done. At most 2 × workers inputs
// are taken ahead of the one being yielded, so memory does not grow with
// the number of inputs.
//
// Cancelling ctx stops taking inputs and ends the sequence; work is given
// the context so a long task can stop too. Breaking out of the loop over
// the sequence cancels the rest. Inputs are pulled from another
// goroutine, so the input sequence must not rely on running in the
// caller's goroutine.
func Map[In, Out any](ctx context.Context, inputs iter.Seq[In], workers int, work func(context.Context, In) Out) iter.Seq[Out] {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	return func(yield func(Out) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		type job struct {
			in   In
			done chan Out
		}
		jobs := make(chan job)
		order := make(chan chan Out, 2*workers)
		for range workers {
			go func() {
				for j := range jobs {
					j.done <- work(ctx, j.in) // buffered: never blocks
				}
			}()
		}
		go func() {
			defer close(order)
			defer close(jobs)
			for in := range inputs {
				done := make(chan Out, 1)
				select {
				case order <- done:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{in: in, done: done}:
				case <-ctx.Done():
					return
				}
			}
		}()
		for done := range order {
			select {
			case out := <-done:
				if !yield(out) {
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}
}

// MapChunked is Map with the inputs handed to the workers chunk at a time
// (chunk inputs, the last chunk fewer), and the results still yielded one
// by one in input order. A form is evaluated in about a tenth of a
// millisecond; handing forms over one by one wakes a sleeping thread on
// another core for nearly every form, which on a virtual machine costs as
// much as the form itself. A chunk of 16 cuts that sixteen-fold.
//
// The price is latency: a result waits for the rest of its chunk, and a
// chunk for its inputs, so a stream whose inputs arrive slowly (forms
// posted one by one to a service) should use Map, or a chunk of 1. At
// most 2 × workers × chunk inputs are taken ahead of the one being
// yielded. When ctx is cancelled a worker stops at the next input of its
// chunk; what was yielded is still every result up to some input, in
// order, with no gap.
func MapChunked[In, Out any](ctx context.Context, inputs iter.Seq[In], workers, chunk int, work func(context.Context, In) Out) iter.Seq[Out] {
	if chunk <= 1 {
		return Map(ctx, inputs, workers, work)
	}
	chunks := Map(ctx, chunked(inputs, chunk), workers, func(ctx context.Context, ins []In) []Out {
		outs := make([]Out, 0, len(ins))
		for _, in := range ins {
			if ctx.Err() != nil {
				break
			}
			outs = append(outs, work(ctx, in))
		}
		return outs
	})
	return func(yield func(Out) bool) {
		for outs := range chunks {
			for _, out := range outs {
				if !yield(out) {
					return
				}
			}
		}
	}
}

// chunked groups a sequence into slices of n items, the last one shorter.
// Each slice is new: a worker owns the chunk it is given.
func chunked[T any](seq iter.Seq[T], n int) iter.Seq[[]T] {
	return func(yield func([]T) bool) {
		buf := make([]T, 0, n)
		for v := range seq {
			buf = append(buf, v)
			if len(buf) == n {
				if !yield(buf) {
					return
				}
				buf = make([]T, 0, n)
			}
		}
		if len(buf) > 0 {
			yield(buf)
		}
	}
}

// Result is one form's evaluation, or why it could not be evaluated.
type Result struct {
	Name   string          // the input's name (its path for Files; "-" for standard input)
	Form   evaluation.Form // nil when the form could not be read
	Report evaluation.Report
	Err    error // a read error, a *evaluation.DecodeError or DecodeErrors, or the checker's
	// Skipped is true for a rubric file (kind: rubric) a folder walk
	// found among the forms: it is no form and has no report, and no
	// error either. Form and Err are nil.
	Skipped bool
}

// Options configure a batch.
type Options struct {
	// Workers is the number of forms evaluated at once; runtime.GOMAXPROCS
	// when < 1.
	Workers int
	// Chunk is the number of forms a worker takes at a time (see
	// MapChunked); one at a time when < 2. A folder on disk goes fastest
	// with 16; a stream of forms that arrive one by one wants 1.
	Chunk int
	// Checker checks every form; nil for figures and scores only.
	Checker evaluation.Checker
	// CheckerFor, when set, chooses the checker for each form instead
	// (ByProfile chooses by the form's own profile: key); an error becomes
	// the Result's Err. An error that names a key of the form (with a
	// KeyPath method, as *rules.UnknownProfileError has) is positioned
	// there: a *evaluation.DecodeError at that key's line and column.
	CheckerFor func(name string, f evaluation.Form) (evaluation.Checker, error)
	// Lang is the language of the reports' messages (Report.Lang).
	Lang evaluation.Lang
	// Stdin is what the path "-" reads (one form, JSON or YAML); nil
	// makes that path an error.
	Stdin io.Reader
	// Links links each form to the earlier stages of its project-year
	// (see Link); nil evaluates every form on its own.
	Links *evaluation.LinkIndex
}

// ByProfile is a CheckerFor that evaluates each form under the rule set
// its own profile: key names (rules.ForForm): national when it names
// none, an *rules.UnknownProfileError at its profile: key for a name that
// is not built in.
func ByProfile(_ string, f evaluation.Form) (evaluation.Checker, error) {
	set, err := rules.ForForm(f)
	if err != nil {
		return nil, err
	}
	return set, nil
}

// evaluate evaluates a form just read or decoded, or reports why it could
// not be. data is the input's text when it is at hand (nil for a file,
// which is read again in the rare case an error must be positioned).
func (o Options) evaluate(name string, data []byte, form evaluation.Form, err error) Result {
	if err != nil {
		return Result{Name: name, Err: err}
	}
	checker := o.Checker
	if o.CheckerFor != nil {
		if checker, err = o.CheckerFor(name, form); err != nil {
			return Result{Name: name, Form: form, Err: AtKey(name, data, err)}
		}
	}
	// A department evaluation naming a rubric that is not built in, with
	// none given, is an input error at its rubric: key, as an unknown
	// profile: is; with no rubric at all, its report says it cannot be
	// scored.
	if _, ok := form.(*evaluation.DepartmentEvaluationForm); ok {
		if _, err := evaluation.RubricFor(form, checker); err != nil && !errors.Is(err, evaluation.ErrNoRubric) {
			return Result{Name: name, Form: form, Err: AtKey(name, data, err)}
		}
	}
	r := evaluation.EvaluateLinked(form, o.Links.Links(name, form), checker)
	r.Source, r.Lang = name, o.Lang
	return Result{Name: name, Form: form, Report: r}
}

// keyPather is an error about one key of a form file.
type keyPather interface {
	error
	KeyPath() string
}

// AtKey turns an error about a key of the form in the named input (an
// unknown profile:, which has a KeyPath method) into a
// *evaluation.DecodeError at that key's line and column, as a decode
// error would be; its message in both languages where the error has a
// Message(lang) method. data is the input's text, or nil to read the
// named file again (bounded, and only a regular file). Any other error
// is returned as it is.
func AtKey(name string, data []byte, err error) error {
	var kp keyPather
	if !errors.As(err, &kp) {
		return err
	}
	type messager interface {
		Message(evaluation.Lang) string
	}
	de := &evaluation.DecodeError{File: name, Line: 1, Column: 1, Path: kp.KeyPath(),
		Err: fmt.Errorf("%w: %w", evaluation.ErrValue, err)}
	var m messager
	if errors.As(err, &m) {
		de.Msg = evaluation.Text{Zh: m.Message(evaluation.Chinese), En: m.Message(evaluation.English)}
	}
	if data == nil && name != Stdin {
		data, _ = readBounded(name)
	}
	if data != nil {
		syntax := name
		if name == Stdin && looksJSON(data) {
			syntax = "stdin.json"
		}
		if line, col, ok := parse.PositionOf(parse.SyntaxOf(syntax), data, kp.KeyPath()); ok {
			de.Line, de.Column = line, col
		}
	}
	return de
}

// readBounded reads a regular file of at most evaluation.MaxFileSize
// bytes, for positioning an error in it.
func readBounded(name string) ([]byte, error) {
	if err := CheckRegular(name); err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, evaluation.MaxFileSize))
}

// Files reads, decodes and evaluates the named files, yielding one Result
// per name in the order given. A file larger than evaluation.MaxFileSize
// is refused before it is read whole; a name that is not a regular file
// (a FIFO, a device) is refused without being opened.
func Files(ctx context.Context, names iter.Seq[string], opt Options) iter.Seq[Result] {
	return MapChunked(ctx, names, opt.Workers, opt.Chunk, func(_ context.Context, name string) Result {
		if err := CheckRegular(name); err != nil {
			return Result{Name: name, Err: err}
		}
		return opt.readFile(name)
	})
}

// Inputs evaluates what Walk found: each file read, decoded and
// evaluated, Stdin read from Options.Stdin, and each input with an error
// yielded as a Result with that error, all in input order. It is the
// perfeval command's evaluate over its PATH arguments.
func Inputs(ctx context.Context, inputs iter.Seq[Input], opt Options) iter.Seq[Result] {
	return MapChunked(ctx, inputs, opt.Workers, opt.Chunk, func(_ context.Context, in Input) Result {
		return opt.Evaluate(in)
	})
}

// Evaluate evaluates one input as Inputs does, for a caller that runs its
// own map over the inputs (the perfeval command also writes each report
// on the worker).
func (o Options) Evaluate(in Input) Result {
	switch {
	case in.Err != nil:
		return Result{Name: in.Path, Err: in.Err}
	case in.Path == Stdin:
		return o.readStdin()
	}
	r := o.readFile(in.Path)
	if in.Found && r.Form == nil && errors.Is(r.Err, evaluation.ErrRubricFile) {
		return Result{Name: in.Path, Skipped: true}
	}
	return r
}

func (o Options) readFile(name string) Result {
	form, err := evaluation.ReadFile(name)
	return o.evaluate(name, nil, form, err)
}

// readStdin reads one form from Options.Stdin: JSON when it begins with
// "{", YAML otherwise.
func (o Options) readStdin() Result {
	if o.Stdin == nil {
		return Result{Name: Stdin, Err: errors.New("standard input is not available here")}
	}
	data, err := io.ReadAll(io.LimitReader(o.Stdin, evaluation.MaxFileSize+1))
	if err != nil {
		return Result{Name: Stdin, Err: err}
	}
	syntax := "stdin.yaml"
	if looksJSON(data) {
		syntax = "stdin.json"
	}
	form, err := evaluation.Decode(syntax, data)
	for _, de := range evaluation.DecodeErrorsOf(err) {
		de.File = Stdin
	}
	return o.evaluate(Stdin, data, form, err)
}

// looksJSON reports whether data, after white space and a byte-order
// mark, begins a JSON object.
func looksJSON(data []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("\ufeff")), " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

// Document is a form file already in memory.
type Document struct {
	Name string // used in errors and to tell JSON (.json) from YAML
	Data []byte
}

// Documents decodes and evaluates documents already in memory.
func Documents(ctx context.Context, docs iter.Seq[Document], opt Options) iter.Seq[Result] {
	return MapChunked(ctx, docs, opt.Workers, opt.Chunk, func(_ context.Context, d Document) Result {
		form, err := evaluation.Decode(d.Name, d.Data)
		return opt.evaluate(d.Name, d.Data, form, err)
	})
}
