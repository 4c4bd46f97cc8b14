package markdown_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/rules"
	"github.com/perfeval/perfeval/xlsx"
)

// corpusDir holds forms departments published, transcribed as published
// (see its README for the sources). PERFEVAL_CORPUS points elsewhere.
func corpusDir() string {
	if d := os.Getenv("PERFEVAL_CORPUS"); d != "" {
		return d
	}
	return "testdata/corpus"
}

func corpusFiles(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join(corpusDir(), "[0-9]*.md"))
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skip("no corpus in " + corpusDir())
	}
	sort.Strings(files)
	return files
}

// deserved are the error findings the corpus forms really deserve: their
// own slips, as the forms' arithmetic (README) shows. Any other error
// finding on a corpus form is a false one.
var deserved = map[string][]string{
	// Template instructions left in the cells; no 满意度指标 row.
	"01": {"text.placeholder", "indicators.dimensions"},
	// 时效指标 scored 7 with its target met; 政策知晓率 scored 9 against the
	// proportional 9.80, and no deviation text for it.
	"02": {"score.indicator", "score.total", "indicators.deviation-missing"},
	// The layout has no 预期目标 cell.
	"03": {"text.missing"},
	// 执行率 printed 86.19% for 86.18%; 预期目标 left empty.
	"04": {"funds.completion-rate", "text.missing"},
	// 主管部门 left empty.
	"05": {"text.missing"},
	// 社会效益指标 filed under 产出指标, so no 效益指标; 计划完成率 scored 10 of
	// 20 at 60% of its target.
	"06": {"indicators.dimensions", "score.indicator", "score.total"},
}

func accountText(res *imports.Result) string {
	var b strings.Builder
	for _, r := range res.Readings {
		fmt.Fprintf(&b, "reading %s %s: %s\n", r.Position, r.Path, r.Note.En)
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(&b, "skipped %s: %d cells\n", s.Cells[0].Position, len(s.Cells))
	}
	for _, e := range res.Extra {
		fmt.Fprintf(&b, "extra %s %s %q\n", e.Position, e.Path, e.Label)
	}
	for _, m := range res.Missing {
		fmt.Fprintf(&b, "missing %s\n", m.What)
	}
	return b.String()
}

// Every corpus form imports with every cell placed (or kept in extra, or
// skipped as a template row), matches its golden import, raises no false
// error finding, and goes through Render → Import and Export → Import
// unchanged. go test -update rewrites the golden files.
func TestCorpus(t *testing.T) {
	for _, path := range corpusFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".md")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			res, err := markdown.ImportResult(filepath.Base(path), data)
			require.NoError(t, err)
			for _, u := range res.Unplaced {
				t.Errorf("unplaced %s %q: %s", u.Position, u.Text, u.Why.En)
			}
			enc, err := evaluation.Encode(res.Form)
			require.NoError(t, err)
			got := string(enc) + "# account\n" + accountText(res)
			golden := filepath.Join(corpusDir(), "golden", name+".yaml")
			if *update && os.Getenv("PERFEVAL_CORPUS") == "" {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			if want, err := os.ReadFile(golden); err == nil {
				assert.Equal(t, string(want), got)
			} else if os.Getenv("PERFEVAL_CORPUS") == "" {
				t.Errorf("no golden file: run go test -update (%v)", err)
			}

			ok := map[string]bool{}
			for _, id := range deserved[name[:2]] {
				ok[id] = true
			}
			rep := evaluation.Evaluate(res.Form, rules.NationalProfile())
			for _, f := range rep.Findings {
				if f.Severity == evaluation.Error && !ok[f.Rule] {
					t.Errorf("error finding %s at %s: %s", f.Rule, f.Path, f.Message.En)
				}
			}

			var md bytes.Buffer
			require.NoError(t, markdown.Render(&md, res.Form, nil))
			back, err := markdown.Import("rendered.md", md.Bytes())
			require.NoError(t, err)
			assert.Equal(t, res.Form, back, "Render then Import")
			var sheet bytes.Buffer
			require.NoError(t, xlsx.Write(&sheet, res.Form))
			back, err = xlsx.Import("exported.xlsx", sheet.Bytes())
			require.NoError(t, err)
			assert.Equal(t, res.Form, back, "Export then Import")
		})
	}
}

// A mangled copy of each corpus form — its first label misspelt — is
// reported, naming the cell, and refused by the simple entry point.
func TestCorpusMangled(t *testing.T) {
	for _, path := range corpusFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			doc := string(data)
			var label, typo string
			for _, l := range []string{"项目名称", "部门名称", "部门（单位）名称", "主管部门"} {
				if strings.Contains(doc, "| "+l+" |") {
					label, typo = l, strings.Replace(l, "名称", "名秤", 1)
					if typo == l {
						typo = strings.Replace(l, "部门", "部们", 1)
					}
					break
				}
			}
			require.NotEmpty(t, label, "no label to misspell")
			doc = strings.Replace(doc, "| "+label+" |", "| "+typo+" |", 1)
			res, err := markdown.ImportResult("mangled.md", []byte(doc))
			require.NoError(t, err)
			require.NotEmpty(t, res.Unplaced)
			assert.Equal(t, typo, res.Unplaced[0].Text)
			assert.Positive(t, res.Unplaced[0].Line)
			assert.Positive(t, res.Unplaced[0].Column)
			_, err = markdown.Import("mangled.md", []byte(doc))
			assert.ErrorIs(t, err, markdown.ErrMalformed)
		})
	}
}
