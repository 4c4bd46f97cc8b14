package rules_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
)

func init() {
	// -update rewrites the golden files; another test file of the package
	// may have declared it already.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// goldenReport is what the cycle golden files record of a report: what
// the JSON report carries, with messages in both languages. The files end
// in .golden, not .json, so that a folder walk does not take them for
// forms.
type goldenReport struct {
	Source   string                  `json:"source"`
	Kind     evaluation.Kind         `json:"kind"`
	Name     string                  `json:"name"`
	Year     int                     `json:"year"`
	Unit     string                  `json:"unit"`
	Figures  map[string]string       `json:"figures"`
	Score    *goldenScore            `json:"score"`
	Linked   []evaluation.LinkedForm `json:"linked,omitempty"`
	Findings []goldenFinding         `json:"findings"`
	Counts   map[string]int          `json:"counts"`
}

type goldenScore struct {
	Total string `json:"total"`
	Grade string `json:"grade"`
}

type goldenFinding struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Path      string `json:"path"`
	MessageZh string `json:"message_zh"`
	MessageEn string `json:"message_en"`
	Expected  string `json:"expected,omitempty"`
	Actual    string `json:"actual,omitempty"`
}

func golden(source string, r evaluation.Report) goldenReport {
	g := goldenReport{Source: source, Kind: r.Kind, Name: r.Header.Name, Year: r.Header.Year, Unit: r.Header.Unit.String(),
		Figures: map[string]string{}, Linked: r.Linked, Findings: []goldenFinding{}}
	if r.Score != nil {
		g.Score = &goldenScore{Total: r.Score.Total.StringFixed(2), Grade: r.Score.Grade}
	}
	for key, rate := range map[string]*budget.Rate{"execution_rate": r.Figures.ExecutionRate, "time_elapsed": r.Figures.TimeElapsed} {
		if rate != nil {
			g.Figures[key] = rate.Format(2)
		}
	}
	fs := append([]evaluation.Finding(nil), r.Findings...)
	// The reports' order: severity, then cell path, then rule.
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Rule < b.Rule
	})
	for _, f := range fs {
		g.Findings = append(g.Findings, goldenFinding{Rule: f.Rule, Severity: f.Severity.String(), Path: f.Path,
			MessageZh: f.Message.Zh, MessageEn: f.Message.En, Expected: f.Expected, Actual: f.Actual})
	}
	c := r.Counts()
	g.Counts = map[string]int{"error": c.Error, "warning": c.Warning, "info": c.Info}
	return g
}

func checkGolden(t *testing.T, path string, g goldenReport) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(g))
	if updating() {
		require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create the golden files")
	assert.Equal(t, string(want), b.String())
}

// The published declaration and monitoring forms, each evaluated alone
// under the national profile: what the catalogue finds in real forms.
func TestCycleGoldenRealForms(t *testing.T) {
	paths, err := filepath.Glob("testdata/cycle/real/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			f, err := evaluation.ReadFile(p)
			require.NoError(t, err)
			rep := evaluation.Evaluate(f, rules.NationalProfile())
			checkGolden(t, strings.TrimSuffix(p, ".yaml")+".golden", golden(filepath.Base(p), rep))
		})
	}
}

// One project through the three stages, linked as a run over its folder
// links it: the lowered target and the slow spending are found.
func TestCycleGoldenLinked(t *testing.T) {
	var set []evaluation.SourcedForm
	for _, name := range []string{"declaration.yaml", "monitoring.yaml", "self-evaluation.yaml"} {
		f, err := evaluation.ReadFile(filepath.Join("../examples/cycle", name))
		require.NoError(t, err)
		set = append(set, evaluation.SourcedForm{Source: name, Form: f})
	}
	links := evaluation.LinkAll(set)
	for i, sf := range set {
		t.Run(sf.Source, func(t *testing.T) {
			rep := evaluation.EvaluateLinked(sf.Form, links[i], rules.NationalProfile())
			checkGolden(t, filepath.Join("testdata/cycle/linked", strings.TrimSuffix(sf.Source, ".yaml")+".golden"), golden(sf.Source, rep))
		})
	}
}
