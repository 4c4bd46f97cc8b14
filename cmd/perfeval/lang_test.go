package main

import (
	"os"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// englishWords are sentence words of the command's English messages; a
// Chinese run must show none of them (file names, flag names and values
// as typed aside).
var englishWords = regexp.MustCompile(`\b(want|not a|given|cannot|unknown|looked for|no such|flag|provided|needs|unexpected|usage|exactly)\b`)

// Under the default -lang zh every usage error and every diagnostic about
// an input is Chinese; under -lang en the same runs are English.
func TestDiagnosticsInTheRunsLanguage(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("kind: project-self-evaluation\nyear: x\n"), 0o644))
	notes := filepath.Join(dir, "notes.md")
	require.NoError(t, os.WriteFile(notes, []byte("# 会议纪要\n"), 0o644))
	for _, args := range [][]string{
		{"evaluate", "-format", "xml", bad},
		{"evaluate", "-x", bad},
		{"evaluate", "-format"},
		{"evaluate"},
		{"evaluate", "-", "-"},
		{"evaluate", "-rules", filepath.Join(dir, "missing.yaml"), bad},
		{"evaluate", "-profile", "national", "-rules", bad, bad},
		{"evaluate", fifo},
		{"render", fifo},
		{"render", dir},
		{"render", bad},
		{"render", "-format", "pdf", bad},
		{"export", "-o", filepath.Join(dir, "x.xlsx"), bad},
		{"export", bad},
		{"import", notes},
		{"import", "-from", "pdf", notes},
		{"import", "-"},
		{"rules", "-format", "csv"},
		{"rules", "extra"},
		{"frobnicate"},
	} {
		_, _, stderr := runCmd(args...)
		require.NotEmpty(t, stderr, "%v", args)
		assert.NotRegexp(t, englishWords, stderr, "%v", args)
		assert.Regexp(t, `\p{Han}`, stderr, "%v", args)

		_, _, stderr = runCmd(append([]string{args[0], "-lang", "en"}, args[1:]...)...)
		if args[0] != "frobnicate" {
			assert.NotRegexp(t, `(应为|不可用|不是普通文件|没有选项|未给出)`, stderr, "%v -lang en", args)
		}
	}
}
