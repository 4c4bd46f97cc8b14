// Package batch evaluates many forms at once: on every core, in input
// order, with memory bounded by the number of workers rather than the
// number of forms, and cancellable through a context.Context. A finance
// bureau's folder of 100,000 forms streams through it.
//
// Map is the engine: an ordered parallel map over an iterator. MapChunked
// hands the inputs to the workers a chunk at a time, which is how a folder
// on disk goes fastest (a form takes about a tenth of a millisecond, and
// waking another core for each one costs as much). Files and Documents are
// Map or MapChunked (Options.Chunk) with read, decode and Evaluate as the
// work.
//
// Reading and decoding reuse their buffers through sync.Pool (see
// evaluation.ReadFile); nothing else is shared between the workers but the
// immutable checker.
package batch

import (
	"context"
	"iter"
	"runtime"

	"github.com/perfeval/perfeval/evaluation"
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
	Name   string          // the input's name (its path for Files)
	Form   evaluation.Form // nil when Err is set
	Report evaluation.Report
	Err    error // a read error or a *evaluation.DecodeError
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
	// (by its profile: key, say); an error becomes the Result's Err.
	CheckerFor func(name string, f evaluation.Form) (evaluation.Checker, error)
}

// evaluate evaluates a form just read or decoded, or reports why it could
// not be.
func (o Options) evaluate(name string, form evaluation.Form, err error) Result {
	if err != nil {
		return Result{Name: name, Err: err}
	}
	checker := o.Checker
	if o.CheckerFor != nil {
		if checker, err = o.CheckerFor(name, form); err != nil {
			return Result{Name: name, Form: form, Err: err}
		}
	}
	return Result{Name: name, Form: form, Report: evaluation.Evaluate(form, checker)}
}

// Files reads, decodes and evaluates the named files, yielding one Result
// per name in the order given. A file larger than evaluation.MaxFileSize
// is refused before it is read whole.
func Files(ctx context.Context, names iter.Seq[string], opt Options) iter.Seq[Result] {
	return MapChunked(ctx, names, opt.Workers, opt.Chunk, func(_ context.Context, name string) Result {
		form, err := evaluation.ReadFile(name)
		return opt.evaluate(name, form, err)
	})
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
		return opt.evaluate(d.Name, form, err)
	})
}
