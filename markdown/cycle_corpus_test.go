package markdown_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/rules"
	"github.com/perfeval/perfeval/xlsx"
)

// cycleDir holds declaration and monitoring forms as published (see its
// README for the sources).
const cycleDir = "testdata/cycle"

func cycleFiles(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join(cycleDir, "[0-9]*.md"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	sort.Strings(files)
	return files
}

// goldenFile compares got with a golden file, rewriting it with -update.
func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden file: run go test -update")
	assert.Equal(t, string(want), got)
}

// Every published declaration and monitoring form imports with every cell
// placed (or kept in extra, or skipped as a template's row), matches its
// golden import and its golden report, and goes through Render → Import
// and Export → Import unchanged. go test -update rewrites the golden files.
func TestCycleCorpus(t *testing.T) {
	for _, path := range cycleFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".md")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			res, err := markdown.ImportResult(filepath.Base(path), data)
			require.NoError(t, err)
			for _, u := range res.Unplaced {
				t.Errorf("unplaced %s %q: %s", u.Position, u.Text, u.Why.En)
			}
			assert.Empty(t, res.Missing)
			kind := evaluation.Declaration
			if strings.Contains(name, "monitoring") {
				kind = evaluation.Monitoring
			}
			assert.Equal(t, kind, res.Form.Kind())
			enc, err := evaluation.Encode(res.Form)
			require.NoError(t, err)
			goldenFile(t, filepath.Join(cycleDir, "golden", name+".yaml"), string(enc)+"# account\n"+accountText(res))

			// import → evaluate: the report, as evaluate -format json
			// prints it for the file import writes.
			back, err := evaluation.Decode(name+".yaml", enc)
			require.NoError(t, err)
			rep := evaluation.Evaluate(back, rules.NationalProfile())
			rep.Source = name + ".yaml"
			js, err := json.MarshalIndent(&rep, "", "  ")
			require.NoError(t, err)
			goldenFile(t, filepath.Join(cycleDir, "golden", name+".report.json"), string(js)+"\n")

			var md bytes.Buffer
			require.NoError(t, markdown.Render(&md, res.Form, nil))
			again, err := markdown.Import("rendered.md", md.Bytes())
			require.NoError(t, err)
			assert.Equal(t, res.Form, again, "Render then Import")
			var sheet bytes.Buffer
			require.NoError(t, xlsx.Export(&sheet, res.Form))
			again, err = xlsx.Import("exported.xlsx", sheet.Bytes())
			require.NoError(t, err)
			assert.Equal(t, res.Form, again, "Export then Import")
		})
	}
}

// What the Huangshi monitoring form shows the rules: 87.57 of 220 spent by
// the end of June is 39.80%, more than 10 points behind the 50.00% of the
// year elapsed, while the form says 确定能.
func TestCycleCorpusHuangshi(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(cycleDir, "06-hubei-monitoring-2019-huangshi-heritage-bid.md"))
	require.NoError(t, err)
	form, err := markdown.Import("06.md", data)
	require.NoError(t, err)
	m := form.(*evaluation.MonitoringForm)
	assert.Equal(t, evaluation.Month(6), m.AsOf)
	rep := evaluation.Evaluate(form, rules.NationalProfile())
	require.NotNil(t, rep.Figures.ExecutionRate)
	assert.Equal(t, "39.80%", rep.Figures.ExecutionRate.Format(2))
	assert.Equal(t, "50.00%", rep.Figures.TimeElapsed.Format(2))
	var fired []string
	for _, f := range rep.Findings {
		fired = append(fired, f.Rule+" "+f.Path)
	}
	assert.Contains(t, fired, "monitoring.behind-schedule funds.executed")
}

// mangle returns a copy of a corpus form with one label misspelt, and the
// misspelling.
func mangleLabel(t *testing.T, doc string) (string, string) {
	for _, l := range []string{"项目名称", "指标值"} {
		if strings.Contains(doc, "| "+l+" |") {
			typo := strings.Replace(strings.Replace(l, "名称", "名秤", 1), "指标值", "指标直", 1)
			return strings.Replace(doc, "| "+l+" |", "| "+typo+" |", 1), typo
		}
	}
	t.Fatal("no label to misspell")
	return "", ""
}

// moveRow returns a copy of a corpus form with the first row under its
// indicators' header moved up under the form's first row, and the line
// it then stands on.
func moveRow(doc string) (string, int, bool) {
	lines := strings.Split(doc, "\n")
	header, first := -1, -1
	for i, l := range lines {
		if first < 0 && strings.HasPrefix(l, "|") {
			first = i
		}
		if header < 0 && strings.Contains(l, "| 一级指标 |") {
			header = i
		}
	}
	row := header + 1
	if row < len(lines) && strings.HasPrefix(lines[row], "|---") {
		row++
	}
	if header < 0 || row >= len(lines) || !strings.HasPrefix(lines[row], "|") || row <= first+2 {
		return "", 0, false
	}
	moved := lines[row]
	rest := append(append([]string{}, lines[:row]...), lines[row+1:]...)
	at := first + 2 // after the first row and the separator under it
	out := append(append(append([]string{}, rest[:at]...), moved), rest[at:]...)
	return strings.Join(out, "\n"), at + 1, true
}

// A mangled copy of each form — a label misspelt, a row moved out of its
// table — is reported, naming the cell, and refused by Import.
func TestCycleCorpusMangled(t *testing.T) {
	for _, path := range cycleFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			doc, typo := mangleLabel(t, string(data))
			res, err := markdown.ImportResult("mangled.md", []byte(doc))
			require.NoError(t, err)
			found := false
			for _, u := range res.Unplaced {
				if u.Text == typo {
					found = true
					assert.Positive(t, u.Line)
					assert.Positive(t, u.Column)
				}
			}
			assert.True(t, found, "the misspelt label %s is reported", typo)
			_, err = markdown.Import("mangled.md", []byte(doc))
			assert.ErrorIs(t, err, markdown.ErrMalformed)

			doc, line, ok := moveRow(string(data))
			if !ok {
				return // a tree: a row's place is its indentation
			}
			res, err = markdown.ImportResult("moved.md", []byte(doc))
			require.NoError(t, err)
			require.NotEmpty(t, res.Unplaced, "the moved row is reported")
			assert.Equal(t, line, res.Unplaced[0].Line, "the first cell reported is on the moved row")
			_, err = markdown.Import("moved.md", []byte(doc))
			assert.ErrorIs(t, err, markdown.ErrMalformed)
			assert.Contains(t, err.Error(), "moved.md:")
		})
	}
}
