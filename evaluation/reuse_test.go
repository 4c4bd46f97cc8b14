package evaluation_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/benchdata"
)

// Decode reuses its parsers' working memory between calls, and ReadFile
// its read buffer. Forms of
// different sizes and syntaxes, decoded in turn and from many goroutines
// at once, must each come out exactly as a decode with nothing to reuse:
// a node left over from the last parse, or an arena shared by two, would
// show here (and to go test -race).
func TestDecodeReusesScratchSafely(t *testing.T) {
	type doc struct {
		name string
		data []byte
	}
	var docs []doc
	for _, pattern := range []string{"testdata/*.json", "../examples/*/form.yaml", "../examples/*/*.json"} {
		names, err := filepath.Glob(pattern)
		require.NoError(t, err)
		for _, name := range names {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			docs = append(docs, doc{name, data})
		}
	}
	for i := range 6 {
		docs = append(docs, doc{"p.yaml", benchdata.ProjectYAML(i)}, doc{"p.json", benchdata.ProjectJSON(i)})
	}
	require.Greater(t, len(docs), 10)
	want := make([]string, len(docs))
	for i, d := range docs {
		f, err := evaluation.Decode(d.name, d.data)
		require.NoError(t, err, d.name)
		out, err := evaluation.Encode(f)
		require.NoError(t, err)
		want[i] = string(out)
	}
	// ReadFile reads into a reused buffer too: the same forms from files.
	dir := t.TempDir()
	paths := make([]string, len(docs))
	for i, d := range docs {
		paths[i] = filepath.Join(dir, fmt.Sprintf("%02d-%s", i, filepath.Base(d.name)))
		require.NoError(t, os.WriteFile(paths[i], d.data, 0o644))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 300 {
				i := (g*7 + k*13) % len(docs)
				decode := evaluation.Decode
				if k%2 == 1 {
					decode = func(string, []byte) (evaluation.Form, error) { return evaluation.ReadFile(paths[i]) }
				}
				f, err := decode(docs[i].name, docs[i].data)
				if err != nil {
					t.Errorf("%s: %v", docs[i].name, err)
					return
				}
				out, _ := evaluation.Encode(f)
				if string(out) != want[i] {
					t.Errorf("%s decoded differently on pass %d", docs[i].name, k)
					return
				}
			}
		}()
	}
	wg.Wait()
}
