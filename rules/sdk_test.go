package rules_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
	"github.com/perfeval/perfeval/rules/rulestest"
)

func TestForForm(t *testing.T) {
	set, err := rules.ForForm(tianhe(t))
	require.NoError(t, err)
	assert.Equal(t, rules.Guangzhou2021, set.Name(), "the form's own profile:")

	set, err = rules.ForForm(rulestest.Project(t, "project: x"))
	require.NoError(t, err)
	assert.Equal(t, rules.National, set.Name(), "national when the form names none")

	_, err = rules.ForForm(&evaluation.ProjectForm{Profile: "guangzhou-2O21\x1b[2J"})
	var upe *rules.UnknownProfileError
	require.ErrorAs(t, err, &upe)
	assert.Equal(t, "profile", upe.KeyPath())
	assert.NotContains(t, err.Error(), "\x1b", "control characters made visible")
	assert.Contains(t, upe.Message(evaluation.Chinese), "规则配置")
	assert.NotContains(t, upe.Message(evaluation.English), "规则")
}

func TestSetNames(t *testing.T) {
	extra := rules.New(rules.Info{ID: "city.extra", Severity: evaluation.Info}, func(*rules.Context) {})
	s := rules.Guangzhou2021Profile().MustWith(extra)
	assert.Equal(t, "guangzhou-2021+city.extra", s.Name(), "a set extended is not the profile any more")
	assert.Equal(t, "shenzhen-2024", s.Named("shenzhen-2024").Name())
	assert.Equal(t, "guangzhou-2021+city.extra", s.Name(), "Named returns a new set")
	assert.Equal(t, rules.Guangzhou2021, rules.Guangzhou2021Profile().Name())
	rep := evaluation.Evaluate(tianhe(t), s.Named("shenzhen-2024"))
	assert.Equal(t, "shenzhen-2024", rep.Profile, "the report records the set's name")
}

// A parameter outside its bounds is refused, by the set and by a rules
// file, naming the key and its line.
func TestParamBounds(t *testing.T) {
	set := rules.Guangzhou2021Profile()
	for name, value := range map[string]string{
		"key_project_threshold": "-1",
		"min_execution_rate":    "-5%",
		"max_adjustment_rate":   "-1%",
		"overachievement_ratio": "-50%",
		"rate_tolerance":        "-0.01",
	} {
		_, err := set.WithParam(name, value)
		var re *rules.RangeError
		assert.ErrorAs(t, err, &re, name)
	}
	_, err := set.WithParam("min_execution_rate", "500%")
	assert.ErrorContains(t, err, `min_execution_rate "500%" is out of range (0% – 100%)`)
	for _, ok := range []string{"0%", "100%", "85%"} {
		_, err := set.WithParam("min_execution_rate", ok)
		assert.NoError(t, err, ok)
	}

	for _, tt := range []struct{ body, want string }{
		{"extends: guangzhou-2021\nparams:\n  key_project_threshold: \"-1\"\n", `rules.yaml:3:26: params.key_project_threshold: key_project_threshold "-1" is out of range (at least 0)`},
		{"params:\n  min_execution_rate: -5%\n", `rules.yaml:2:23: params.min_execution_rate:`},
		{"params:\n  min_execution_rate: 500%\n", `rules.yaml:2:23: params.min_execution_rate:`},
		{"extends: national\n---\nextends: guangzhou-2021\nparams: {nonsense: 1}\n", "rules.yaml:3:1: more than one YAML document"},
		{"extends: national\n---\n", "more than one YAML document"},
	} {
		_, err := rules.ParseFile("rules.yaml", []byte(tt.body), rules.Profile)
		assert.ErrorContains(t, err, tt.want, tt.body)
		var fe *rules.FileError
		require.ErrorAs(t, err, &fe)
		assert.NotContains(t, fe.In(evaluation.Chinese), " is out of range", "Chinese under zh")
	}
	// A custom rule's bounds are checked too, its default included.
	bad := rules.New(rules.Info{ID: "city.x", Params: []rules.Param{{Name: "n", Kind: rules.NumberParam, Default: "-1", Min: "0"}}}, func(*rules.Context) {})
	_, err = rules.Set{}.With(bad)
	assert.ErrorContains(t, err, "out of range")
}

func TestRulesFileMessagesInChinese(t *testing.T) {
	for _, body := range []string{
		"extends: guangzhou-2021\nparms: {}\n",
		"extends: shanghai\n",
		"extends: guangzhou-2021\ndisable: [indicators.no-targt]\n",
		"severity: {funds.overspend: fatal}\n",
		"params: {key_project_threshold: 1000}\n",
		"params: {min_execution_rate: lots}\n",
		"extends: [\n",
		"",
	} {
		_, err := rules.ParseFile("r.yaml", []byte(body), rules.Profile)
		var fe *rules.FileError
		require.ErrorAs(t, err, &fe, body)
		zh := fe.In(evaluation.Chinese)
		assert.True(t, strings.HasPrefix(zh, "r.yaml:"), zh)
		for _, w := range []string{"unknown", "want", "no rule", "parameter", "empty"} {
			assert.NotContains(t, zh, w, "%q → %s", body, zh)
		}
	}
}

func TestReadFileRefusesNonRegular(t *testing.T) {
	_, err := rules.ReadFile(t.TempDir())
	assert.ErrorIs(t, err, rules.ErrNotRegular)
	p := filepath.Join(t.TempDir(), "r.yaml")
	require.NoError(t, os.WriteFile(p, []byte("extends: national\n"), 0o644))
	_, err = rules.ReadFile(p)
	assert.NoError(t, err)
	_, err = rules.ReadFile(filepath.Join(t.TempDir(), "missing.yaml"))
	assert.True(t, errors.Is(err, os.ErrNotExist))
}

// A partial score (a weighted row that cannot be scored) is not checked
// against the printed total and grade: score.unscored says why.
func TestPartialScoreIsNotChecked(t *testing.T) {
	broken := strings.Replace(projectExample(t), "target: ≥100台", "target: 90%-95%", 1)
	rep := evaluation.Evaluate(rulestest.Project(t, broken), rules.NationalProfile())
	var ids []string
	for _, f := range rep.Findings {
		ids = append(ids, f.Rule)
	}
	assert.Contains(t, ids, "score.unscored")
	assert.NotContains(t, ids, "score.total")
	assert.NotContains(t, ids, "score.grade")
	require.NotNil(t, rep.Score)
	assert.False(t, rep.Score.Complete)
}

// indicators.dimensions reads the row's owner, not its path: a task's
// indicators never count for the form's own table.
func TestDimensionsByOwner(t *testing.T) {
	f := rulestest.Department(t, `
		tasks:
		  - {name: t, indicators: [{level1: 效益指标, name: a}, {level1: 满意度指标, name: b}]}
		indicators:
		  - {level1: 产出指标, name: c, weight: 10}
	`)
	found := rulestest.Fires(t, rule(t, "indicators.dimensions"), f, "indicators")
	assert.Len(t, found, 2, "效益 and 满意度 are missing from the form's table")
}
