package batch_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/batch"
	"github.com/perfeval/perfeval/evaluation"
)

const tianhePath = "../examples/tianhe2021/form.yaml"

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, data, 0o644))
}

func TestWalkOrderAndNonInputs(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(tianhePath)
	require.NoError(t, err)
	writeFile(t, filepath.Join(dir, "b", "x.yaml"), good)
	writeFile(t, filepath.Join(dir, "b.yaml"), good)
	writeFile(t, filepath.Join(dir, "a.JSON"), []byte("{}"))
	writeFile(t, filepath.Join(dir, "notes.txt"), []byte("not a form"))
	require.NoError(t, os.Symlink(filepath.Join(dir, "gone.yaml"), filepath.Join(dir, "c.yaml")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "b.yaml"), filepath.Join(dir, "d.yml")))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "e.yaml"), 0o755)) // a folder named like a form

	var got []string
	for in := range batch.Walk([]string{dir, "-", filepath.Join(dir, "missing.yaml")}) {
		s := strings.TrimPrefix(in.Path, dir+"/")
		if in.Err != nil {
			s += " !"
		}
		got = append(got, s)
	}
	assert.Equal(t, []string{"a.JSON", "b.yaml", "b/x.yaml", "c.yaml !", "d.yml", "-", "missing.yaml !"}, got)
}

func TestInputsSetsSourceAndReadsStdin(t *testing.T) {
	good, err := os.ReadFile(tianhePath)
	require.NoError(t, err)
	opt := batch.Options{CheckerFor: batch.ByProfile, Lang: evaluation.English, Stdin: strings.NewReader(string(good))}
	var results []batch.Result
	for r := range batch.Inputs(context.Background(), batch.Walk([]string{tianhePath, "-"}), opt) {
		results = append(results, r)
	}
	require.Len(t, results, 2)
	for _, r := range results {
		require.NoError(t, r.Err)
		assert.Equal(t, r.Name, r.Report.Source)
		assert.Equal(t, evaluation.English, r.Report.Lang)
		assert.Equal(t, "guangzhou-2021", r.Report.Profile, "the form's own profile:")
	}
	assert.Equal(t, "-", results[1].Name)

	// JSON on standard input, and its errors named "-".
	opt.Stdin = strings.NewReader(`{"kind": "project-self-evaluation", "year": "x"}`)
	for r := range batch.Inputs(context.Background(), slices.Values([]batch.Input{{Path: "-"}}), opt) {
		var de *evaluation.DecodeError
		require.ErrorAs(t, r.Err, &de)
		assert.Equal(t, "-", de.File)
		assert.Equal(t, "year", de.Path)
		assert.Equal(t, 1, de.Line)
	}
}

// A form naming a profile that does not exist is an input error at its
// profile: key, in both languages, as a decode error would be.
func TestUnknownProfileIsPositioned(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.yaml")
	writeFile(t, p, []byte("kind: project-self-evaluation\nproject: x\nprofile: shanghai-2021\n"))
	for r := range batch.Files(context.Background(), slices.Values([]string{p}), batch.Options{CheckerFor: batch.ByProfile}) {
		var de *evaluation.DecodeError
		require.ErrorAs(t, r.Err, &de)
		assert.Equal(t, 3, de.Line)
		assert.Equal(t, 10, de.Column)
		assert.Equal(t, "profile", de.Path)
		assert.Contains(t, de.In(evaluation.Chinese), "规则配置 \"shanghai-2021\" 不存在")
		assert.Contains(t, de.Error(), `unknown profile "shanghai-2021"`)
	}
	stdin := batch.Options{CheckerFor: batch.ByProfile, Stdin: strings.NewReader(`{"kind":"project-self-evaluation",` + "\n" + `"profile":"x"}`)}
	for r := range batch.Inputs(context.Background(), slices.Values([]batch.Input{{Path: "-"}}), stdin) {
		var de *evaluation.DecodeError
		require.ErrorAs(t, r.Err, &de)
		assert.Equal(t, 2, de.Line)
	}
}

func TestFilesRefusesNonRegular(t *testing.T) {
	for r := range batch.Files(context.Background(), slices.Values([]string{t.TempDir()}), batch.Options{}) {
		assert.True(t, errors.Is(r.Err, batch.ErrNotRegular), "%v", r.Err)
	}
}

// The reports of the cycle's forms are the same JSON object: a
// declaration's figures are {}, a monitoring form's its execution to date
// and the time elapsed, and a linked form lists what it was checked
// against.
func TestCycleReportsJSON(t *testing.T) {
	names := []string{"../examples/cycle/declaration.yaml", "../examples/cycle/monitoring.yaml", "../examples/cycle/self-evaluation.yaml"}
	ctx := context.Background()
	opt := batch.Options{CheckerFor: batch.ByProfile}
	idx, err := batch.Link(ctx, slices.Values(names), opt)
	require.NoError(t, err)
	opt.Links = idx
	var lines []string
	for r := range batch.Files(ctx, slices.Values(names), opt) {
		require.NoError(t, r.Err)
		assert.Equal(t, r.Name, r.Report.Source)
		b, err := json.Marshal(r.Report)
		require.NoError(t, err)
		lines = append(lines, string(b))
	}
	require.Len(t, lines, 3)
	assert.Contains(t, lines[0], `"figures":{},"score":null`)
	assert.NotContains(t, lines[0], `"linked"`)
	assert.Contains(t, lines[1], `"figures":{"execution_rate":"30.00%","time_elapsed":"58.33%"}`)
	assert.Contains(t, lines[1], `"linked":[{"source":"../examples/cycle/declaration.yaml","kind":"project-declaration"}]`)
	assert.Contains(t, lines[2], `"kind":"project-monitoring"}]`)
}
