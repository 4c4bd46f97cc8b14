//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A FIFO in a folder hung the whole run with no output at all. It is
// reported and skipped; the forms around it are reported in order. A
// FIFO named directly, as a form or as -rules, is refused unopened.
func TestRecipeFIFO(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(tianhe)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), good, 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "b.yaml"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.yaml"), good, 0o644))

	var code int
	var out, stderr string
	finishes(t, func() { code, out, stderr = runCmd("evaluate", "-format", "json", dir) })
	assert.Equal(t, 3, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3)
	assert.Contains(t, lines[0], `"figures"`)
	assert.Contains(t, lines[1], `"error"`)
	assert.Contains(t, lines[1], "b.yaml")
	assert.Contains(t, lines[2], `"figures"`)
	assert.Contains(t, stderr, "不是普通文件（命名管道）")

	fifo := filepath.Join(dir, "b.yaml")
	finishes(t, func() { code, _, stderr = runCmd("evaluate", "-lang", "en", fifo) })
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr, "not a regular file (a FIFO)")

	finishes(t, func() { code, out, stderr = runCmd("evaluate", "-rules", fifo, tianhe) })
	assert.Equal(t, 2, code, "a bad -rules is a usage error")
	assert.Empty(t, out)
	assert.Contains(t, stderr, "不是普通文件")
	finishes(t, func() { code, _, _ = runCmd("rules", "-rules", fifo) })
	assert.Equal(t, 2, code)
}
