package batch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/batch"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/benchdata"
	"github.com/perfeval/perfeval/rules"
)

// cycleFolder writes the example project's three stages among n other
// project forms, and a file that is not a form, and returns the paths in
// lexical order.
func cycleFolder(t testing.TB, n int) []string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"declaration.yaml", "monitoring.yaml", "self-evaluation.yaml"} {
		data, err := os.ReadFile(filepath.Join("../examples/cycle", name))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "b-"+name), data, 0o644))
	}
	for i := range n {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("a-%05d.yaml", i)), benchdata.ProjectYAML(i), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c-broken.yaml"), []byte("kind: project-monitoring\nas_of: 13\n"), 0o644))
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	require.NoError(t, err)
	slices.Sort(paths)
	return paths
}

// A first pass indexes the declaration and the monitoring form only; the
// second evaluates every form in order, the later stages against them.
func TestLinkFiles(t *testing.T) {
	paths := cycleFolder(t, 40)
	opt := batch.Options{Checker: rules.NationalProfile(), Chunk: 4, Workers: 3}
	idx, err := batch.Link(context.Background(), slices.Values(paths), opt)
	require.NoError(t, err)
	assert.Equal(t, 2, idx.Len())
	var got []string
	i := 0
	opt.Links = idx
	for r := range batch.Files(context.Background(), slices.Values(paths), opt) {
		require.Equal(t, paths[i], r.Name, "in input order")
		i++
		if r.Err != nil {
			got = append(got, filepath.Base(r.Name)+" error")
			continue
		}
		if r.Report.Linked == nil {
			continue
		}
		line := filepath.Base(r.Name) + " ←"
		for _, l := range r.Report.Linked {
			line += " " + filepath.Base(l.Source)
		}
		for _, f := range r.Report.Findings {
			if f.Rule == "trace.target-changed" || f.Rule == "monitoring.behind-schedule" {
				line += " " + f.Rule
			}
		}
		got = append(got, line)
	}
	assert.Equal(t, len(paths), i)
	assert.Equal(t, []string{
		"b-monitoring.yaml ← b-declaration.yaml monitoring.behind-schedule",
		"b-self-evaluation.yaml ← b-declaration.yaml b-monitoring.yaml trace.target-changed",
		"c-broken.yaml error",
	}, got)

	// The same from documents in memory, and the same as LinkAll.
	var docs []batch.Document
	var set []evaluation.SourcedForm
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		docs = append(docs, batch.Document{Name: p, Data: data})
		if f, err := evaluation.Decode(p, data); err == nil {
			set = append(set, evaluation.SourcedForm{Source: p, Form: f})
		}
	}
	opt.Links, err = batch.LinkDocuments(context.Background(), slices.Values(docs), opt)
	require.NoError(t, err)
	all := evaluation.LinkAll(set)
	j := 0
	for r := range batch.Documents(context.Background(), slices.Values(docs), opt) {
		if r.Err != nil {
			continue
		}
		want := evaluation.EvaluateLinked(set[j].Form, all[j], opt.Checker)
		assert.Equal(t, want.Linked, r.Report.Linked, r.Name)
		assert.Equal(t, len(want.Findings), len(r.Report.Findings), r.Name)
		j++
	}
	assert.Equal(t, len(set), j)
}

func TestLinkFilesCancelled(t *testing.T) {
	paths := cycleFolder(t, 10)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	idx, err := batch.Link(ctx, slices.Values(paths), batch.Options{})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, idx)
	// A nil index links nothing.
	for r := range batch.Files(context.Background(), slices.Values(paths[:3]), batch.Options{}) {
		assert.Nil(t, r.Report.Linked)
	}
}

// A folder without declarations or monitoring forms needs no index: the
// first pass reads each file once and decodes none.
func TestLinkNothingToLink(t *testing.T) {
	paths := cycleFolder(t, 20)
	var selves []string
	for _, p := range paths {
		if !strings.Contains(p, "declaration") && !strings.Contains(p, "monitoring") && !strings.Contains(p, "broken") {
			selves = append(selves, p)
		}
	}
	idx, err := batch.Link(context.Background(), slices.Values(selves), batch.Options{})
	require.NoError(t, err)
	assert.Nil(t, idx)
}

// BenchmarkLink is the first pass over 1,000 project self-evaluations
// and the three stages of one project: reading every form, decoding a
// self-evaluation's header and the earlier stages whole, keeping two
// summaries. Time and allocations are per pass.
func BenchmarkLink(b *testing.B) {
	paths := cycleFolder(b, 1000)
	opt := batch.Options{Chunk: 16}
	b.ReportAllocs()
	for b.Loop() {
		idx, err := batch.Link(context.Background(), slices.Values(paths), opt)
		if err != nil || idx.Len() != 2 {
			b.Fatal(err)
		}
	}
}
