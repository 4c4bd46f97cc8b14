package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile inputs of a review of the command: each is generated here,
// not committed, and each failed before the command was hardened.

func runStdin(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = runWith(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// finishes runs fn and fails the test if it has not returned after a
// minute: an input that hangs the command must fail its test, not hang
// the suite. (It detects a hang; it measures no speed.)
func finishes(t *testing.T, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("the command hangs")
	}
}

// failingWriter fails every write, as a full disk or a closed standard
// output does.
type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// Write errors were ignored: `evaluate FOLDER >/dev/full` exited 0 with
// nothing on stderr. A write failure is a message and exit 3, for every
// command that writes a report.
func TestRecipeWriteErrors(t *testing.T) {
	full := failingWriter{syscall.ENOSPC}
	for _, args := range [][]string{
		{"evaluate", tianhe},
		{"evaluate", "-format", "json", "../../examples"},
		{"evaluate", "-format", "markdown", tianhe},
		{"evaluate", "-format", "html", tianhe},
		{"rules"},
		{"rules", "-format", "json"},
		{"rules", "-format", "markdown"},
		{"version"},
	} {
		var stderr bytes.Buffer
		code := runWith(args, nil, full, &stderr)
		assert.Equal(t, 3, code, "%v", args)
		assert.Contains(t, stderr.String(), "输出无法写出：磁盘已满", "%v", args)
		stderr.Reset()
		code = runWith(append(args, "-lang", "en"), nil, full, &stderr)
		if args[0] != "version" {
			assert.Equal(t, 3, code, "%v", args)
			assert.Contains(t, stderr.String(), "cannot write the output: no space left on the device", "%v", args)
		}
	}

	// The real /dev/full, and a standard output already closed.
	if f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0); err == nil {
		var stderr bytes.Buffer
		assert.Equal(t, 3, runWith([]string{"evaluate", "../../examples"}, nil, f, &stderr))
		assert.Contains(t, stderr.String(), "磁盘已满")
		f.Close()
	}
	closed, err := os.CreateTemp(t.TempDir(), "stdout")
	require.NoError(t, err)
	require.NoError(t, closed.Close())
	var stderr bytes.Buffer
	assert.Equal(t, 3, runWith([]string{"evaluate", "-lang", "en", tianhe}, nil, closed, &stderr))
	assert.Contains(t, stderr.String(), "cannot write the output: it is closed")
}

// evilProject is a project form whose texts hold terminal escapes, BEL,
// CR, backspace, newlines and HTML.
func evilProject(t *testing.T) string {
	t.Helper()
	form := map[string]any{
		"kind":    "project-self-evaluation",
		"project": "名称\x1b[2J\x1b]0;pwned\a\r\b<script>alert(1)</script>",
		"indicators": []map[string]any{{
			"level1": "产出指标", "name": "指标\n伪造\n  错误  fake.rule  overall", "target": "≥100台", "actual": "50台\x1b[31m", "weight": "10",
		}},
	}
	data, err := json.Marshal(form)
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "evil.json")
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

// Terminal escapes and forged lines: form texts reached stdout raw, and
// unknown keys, profile names and file names reached stderr raw. Control
// characters are made visible in text output and in every diagnostic.
func TestRecipeControlCharacters(t *testing.T) {
	p := evilProject(t)
	_, out, stderr := runCmd("evaluate", p)
	for _, c := range []string{"\x1b", "\a", "\r", "\b"} {
		assert.NotContains(t, out, c)
		assert.NotContains(t, stderr, c)
	}
	assert.Contains(t, out, `\x1b[2J`)
	for _, line := range strings.Split(out, "\n") {
		assert.False(t, strings.HasPrefix(strings.TrimSpace(line), "错误  fake.rule"), "a forged report line: %q", line)
	}

	dir := t.TempDir()
	bad := filepath.Join(dir, "evil\x1b[2J\r.json")
	require.NoError(t, os.WriteFile(bad, []byte("{\"kind\":\"project-self-evaluation\",\"unknown\\u001b]0;x\\u0007\":1,\"profile\":\"a\\u001b[31m\"}"), 0o644))
	code, out, stderr := runCmd("evaluate", bad)
	assert.Equal(t, 3, code)
	assert.Empty(t, out)
	for _, c := range []string{"\x1b", "\a", "\r"} {
		assert.NotContains(t, stderr, c)
	}
	assert.Contains(t, stderr, `evil\x1b[2J\r.json`)
	assert.Contains(t, stderr, `unknown\x1b]0;x\a`)

	prof := filepath.Join(dir, "p.json")
	require.NoError(t, os.WriteFile(prof, []byte("{\"kind\":\"project-self-evaluation\",\"profile\":\"gz\\u001b[31m\"}"), 0o644))
	code, _, stderr = runCmd("evaluate", prof)
	assert.Equal(t, 3, code)
	assert.NotContains(t, stderr, "\x1b")
	assert.Contains(t, stderr, `gz\x1b[31m`)

	code, _, stderr = runCmd("evaluate", "-profile", "x\x1b[2J", tianhe)
	assert.Equal(t, 2, code)
	assert.NotContains(t, stderr, "\x1b")
	code, _, stderr = runCmd("nope\x1b[2J")
	assert.Equal(t, 2, code)
	assert.NotContains(t, stderr, "\x1b")
}

// The Markdown report carried raw HTML from the form, and a backtick in a
// file name broke out of its code span.
func TestRecipeMarkdownReport(t *testing.T) {
	p := evilProject(t)
	ticked := filepath.Join(filepath.Dir(p), "a`b`.json")
	require.NoError(t, os.Rename(p, ticked))
	_, out, _ := runCmd("evaluate", "-format", "markdown", ticked)
	assert.NotContains(t, out, "<script>")
	assert.Contains(t, out, "&lt;script&gt;")
	assert.Contains(t, out, "``"+ticked+"``")
	assert.NotContains(t, out, "\x1b")
}

// A 3.5 MB JSON key was echoed twice, in full, on stderr and in the JSON
// error line. Diagnostics quote at most a short prefix of any input.
func TestRecipeHugeKey(t *testing.T) {
	dir := t.TempDir()
	key := strings.Repeat("k", 3500<<10)
	p := filepath.Join(dir, "key.json")
	require.NoError(t, os.WriteFile(p, []byte(`{"kind":"project-self-evaluation","`+key+`":1}`), 0o644))
	code, out, stderr := runCmd("evaluate", "-format", "json", p)
	assert.Equal(t, 3, code)
	assert.Less(t, len(stderr), 1<<10, "stderr stays small")
	assert.Less(t, len(out), 1<<10, "the JSON error line stays small")
	var obj struct{ Error struct{ Message string } }
	require.NoError(t, json.Unmarshal([]byte(out), &obj))
	assert.Contains(t, obj.Error.Message, `"kkkk`)

	// A huge value in the wrong place, a huge profile name: the same.
	huge := filepath.Join(dir, "value.json")
	require.NoError(t, os.WriteFile(huge, []byte(`{"kind":"project-self-evaluation","year":"`+strings.Repeat("9", 60000)+`","profile":"`+strings.Repeat("p", 60000)+`"}`), 0o644))
	_, out, stderr = runCmd("evaluate", "-format", "json", huge)
	assert.Less(t, len(stderr), 1<<10)
	assert.Less(t, len(out), 2<<10)
}

// Rules-file values were not checked: a negative threshold, a rate of
// -5% or 500%, and a second YAML document were accepted. Each is refused
// before any output, naming the key and its line.
func TestRecipeRulesFileValues(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ body, want string }{
		{"extends: guangzhou-2021\nparams:\n  key_project_threshold: \"-1\"\n", ":3:26: params.key_project_threshold:"},
		{"params:\n  min_execution_rate: -5%\n", ":2:23: params.min_execution_rate:"},
		{"params:\n  min_execution_rate: 500%\n", ":2:23: params.min_execution_rate:"},
		{"extends: national\n---\nextends: guangzhou-2021\nsurprise: [1]\n", ":3:1:"},
	} {
		p := filepath.Join(dir, "r.yaml")
		require.NoError(t, os.WriteFile(p, []byte(tt.body), 0o644))
		code, out, stderr := runCmd("evaluate", "-rules", p, tianhe)
		assert.Equal(t, 2, code, tt.body)
		assert.Empty(t, out, tt.body)
		assert.Contains(t, stderr, p+tt.want, tt.body)
	}
}

// "-" as a PATH reads one form from standard input; given twice it is a
// usage error, before any output.
func TestStdin(t *testing.T) {
	good, err := os.ReadFile(tianhe)
	require.NoError(t, err)
	code, out, stderr := runStdin(string(good), "evaluate", "-format", "json", "-")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(out, `{"source":"-","kind":"department-self-evaluation"`), out)

	f, err := os.ReadFile("../../examples/project/form.yaml")
	require.NoError(t, err)
	code, out, _ = runStdin(string(f), "evaluate", "-format", "json", tianhe, "-")
	assert.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[1], `"source":"-"`)

	code, out, stderr = runStdin("kind: project-self-evaluation\nyear: x\n", "evaluate", "-")
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr, "perfeval: -:2:7: year:")
	assert.Empty(t, out)

	code, out, stderr = runStdin(string(good), "evaluate", "-", tianhe, "-")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "给了 2 次")
}

func TestNoStdinHere(t *testing.T) {
	code, _, stderr := runCmd("evaluate", "-")
	assert.Equal(t, 3, code)
	assert.NotEmpty(t, stderr)
}
