package batch

import (
	"bytes"
	"context"
	"iter"
	"sync"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/parse"
)

// Linking the stages of a project-year over a folder of forms.
//
// A monitoring form or a project self-evaluation is checked against the
// declaration (and the monitoring form) of its project-year, which may
// lie anywhere in the folder. Link reads the files in a first pass, on
// every core, and keeps only what linking needs (an evaluation.Summary of
// each declaration and monitoring form, a fingerprint of each
// self-evaluation); the second pass (Files or Inputs with Options.Links
// set to the index) evaluates the forms in order, each against the
// earlier stages the index links it to. Memory grows with the number of
// declarations and monitoring forms, not with the number of forms:
//
//	idx, err := batch.Link(ctx, names, opt)
//	if err != nil { … }
//	opt.Links = idx
//	for r := range batch.Files(ctx, names, opt) { … }

// Link returns the index that links each of the named files to the
// earlier stages of its project-year, or nil when no declaration or
// monitoring form is among them, so a folder of self-evaluations alone
// pays for one plain read of each file, not a decode. Otherwise every
// file is read again (a declaration or monitoring form whole, a
// self-evaluation's header only: evaluation.ReadFileForLinking), since a
// self-evaluation's twin in the same project-year is a finding too. A
// file that cannot be read or decoded is left out of the index: the
// second pass reports it. The error is the context's, when it is
// cancelled before the pass is over.
func Link(ctx context.Context, names iter.Seq[string], opt Options) (*evaluation.LinkIndex, error) {
	earlier := false
	for found := range MapChunked(ctx, names, opt.Workers, max(opt.Chunk, 16), func(_ context.Context, name string) bool {
		return mayBeEarlierStage(name)
	}) {
		if found {
			earlier = true
			break
		}
	}
	if err := ctx.Err(); err != nil || !earlier {
		return nil, err
	}
	return link(ctx, MapChunked(ctx, names, opt.Workers, opt.Chunk, func(_ context.Context, name string) sourced {
		f, err := evaluation.ReadFileForLinking(name)
		return sourced{name: name, form: f, err: err}
	}))
}

// earlierKinds are the kinds a later stage is linked to, as a file
// writes them.
var earlierKinds = [][]byte{[]byte(evaluation.Declaration), []byte(evaluation.Monitoring)}

// mayBeEarlierStage reports whether a file names a declaration or a
// monitoring kind anywhere in its text: a cheap test that no such form
// can fail, so a false answer means the file is not one.
func mayBeEarlierStage(name string) bool {
	if CheckRegular(name) != nil {
		return false
	}
	bp := scanBuffers.Get().(*[]byte)
	defer scanBuffers.Put(bp)
	data, err := parse.ReadFile(name, *bp)
	if err != nil {
		return false
	}
	if cap(data) > cap(*bp) && cap(data) <= 256<<10 {
		*bp = data[:0] // keep the larger buffer for the next file
	}
	for _, k := range earlierKinds {
		if bytes.Contains(data, k) {
			return true
		}
	}
	return false
}

// scanBuffers are the buffers the first pass reads files into: it keeps
// nothing of a file but one bit, so each worker reuses one buffer.
var scanBuffers = sync.Pool{New: func() any { return new([]byte) }}

// LinkDocuments is Link for documents already in memory.
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
