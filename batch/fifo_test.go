//go:build unix

package batch_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/batch"
)

// A FIFO in a folder used to hang the whole run, with no output even for
// the forms before it. It is reported and skipped, never opened; so is a
// FIFO named directly.
func TestFIFOIsReportedAndSkipped(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(tianhePath)
	require.NoError(t, err)
	writeFile(t, filepath.Join(dir, "a.yaml"), good)
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "b.yaml"), 0o644))
	writeFile(t, filepath.Join(dir, "c.yaml"), good)
	fifo := filepath.Join(t.TempDir(), "direct.json")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))

	var got []string
	for r := range batch.Inputs(context.Background(), batch.Walk([]string{dir, fifo}), batch.Options{CheckerFor: batch.ByProfile}) {
		s := filepath.Base(r.Name)
		if r.Err != nil {
			assert.ErrorIs(t, r.Err, batch.ErrNotRegular)
			assert.Contains(t, r.Err.Error(), "FIFO")
			s += " !"
		}
		got = append(got, s)
	}
	assert.Equal(t, []string{"a.yaml", "b.yaml !", "c.yaml", "direct.json !"}, got)

	for r := range batch.Files(context.Background(), slices.Values([]string{fifo}), batch.Options{}) {
		assert.True(t, strings.Contains(r.Err.Error(), "not a regular file"))
	}
	assert.ErrorIs(t, batch.CheckRegular(fifo), batch.ErrNotRegular)
}
