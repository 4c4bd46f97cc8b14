package batch

import (
	"context"
	"iter"

	"github.com/perfeval/perfeval/evaluation"
)

// Linking the stages of a project-year over a folder of forms.
//
// A monitoring form or a project self-evaluation is checked against the
// declaration (and the monitoring form) of its project-year, which may
// lie anywhere in the folder. LinkFiles reads every form in a first pass,
// on every core, and keeps only what linking needs (an
// evaluation.Summary of each declaration and monitoring form, a
// fingerprint of each self-evaluation); FilesLinked then evaluates the
// forms in a second pass, in order, each against the earlier stages the
// index links it to. Memory grows with the number of declarations and
// monitoring forms, not with the number of forms:
//
//	idx, err := batch.LinkFiles(ctx, names, opt)
//	if err != nil { … }
//	for r := range batch.FilesLinked(ctx, names, idx, opt) { … }

// LinkFiles reads the named files on opt.Workers goroutines (a
// declaration or monitoring form whole, a self-evaluation's header only:
// evaluation.ReadFileForLinking) and returns the index that links each form to the earlier stages of
// its project-year. A file that cannot be read or decoded is left out of
// the index: the second pass reports it. The error is the context's, when
// it is cancelled before the pass is over.
func LinkFiles(ctx context.Context, names iter.Seq[string], opt Options) (*evaluation.LinkIndex, error) {
	return link(ctx, MapChunked(ctx, names, opt.Workers, opt.Chunk, func(_ context.Context, name string) sourced {
		f, err := evaluation.ReadFileForLinking(name)
		return sourced{name: name, form: f, err: err}
	}))
}

// LinkDocuments is LinkFiles for documents already in memory.
func LinkDocuments(ctx context.Context, docs iter.Seq[Document], opt Options) (*evaluation.LinkIndex, error) {
	return link(ctx, MapChunked(ctx, docs, opt.Workers, opt.Chunk, func(_ context.Context, d Document) sourced {
		f, err := evaluation.DecodeForLinking(d.Name, d.Data)
		return sourced{name: d.Name, form: f, err: err}
	}))
}

type sourced struct {
	name string
	form evaluation.Form
	err  error
}

// link adds the forms to a Linker in input order, so a duplicate's
// sources are listed in that order, and builds its index. Each form is
// dropped as soon as its summary is taken.
func link(ctx context.Context, forms iter.Seq[sourced]) (*evaluation.LinkIndex, error) {
	var l evaluation.Linker
	for s := range forms {
		if s.err == nil && s.form != nil {
			l.Add(s.name, s.form)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return l.Index(), nil
}

// FilesLinked is Files with each form linked through the index (nil for
// none): a monitoring form or a self-evaluation is evaluated against the
// earlier stages of its project-year (evaluation.EvaluateLinked), and
// its Report.Linked lists them.
func FilesLinked(ctx context.Context, names iter.Seq[string], links *evaluation.LinkIndex, opt Options) iter.Seq[Result] {
	return MapChunked(ctx, names, opt.Workers, opt.Chunk, func(_ context.Context, name string) Result {
		if err := CheckRegular(name); err != nil {
			return Result{Name: name, Err: err}
		}
		form, err := evaluation.ReadFile(name)
		return opt.evaluateLinked(name, form, err, links)
	})
}

// DocumentsLinked is Documents with each form linked through the index.
func DocumentsLinked(ctx context.Context, docs iter.Seq[Document], links *evaluation.LinkIndex, opt Options) iter.Seq[Result] {
	return MapChunked(ctx, docs, opt.Workers, opt.Chunk, func(_ context.Context, d Document) Result {
		form, err := evaluation.Decode(d.Name, d.Data)
		return opt.evaluateLinked(d.Name, form, err, links)
	})
}

// evaluateLinked is Options.evaluate with the form's links.
func (o Options) evaluateLinked(name string, form evaluation.Form, err error, links *evaluation.LinkIndex) Result {
	if err != nil {
		return Result{Name: name, Err: err}
	}
	checker := o.Checker
	if o.CheckerFor != nil {
		if checker, err = o.CheckerFor(name, form); err != nil {
			return Result{Name: name, Form: form, Err: AtKey(name, nil, err)}
		}
	}
	r := evaluation.EvaluateLinked(form, links.Links(name, form), checker)
	r.Source, r.Lang = name, o.Lang
	return Result{Name: name, Form: form, Report: r}
}
