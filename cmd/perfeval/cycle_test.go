package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One run over a folder holding a project's declaration, monitoring form
// and self-evaluation links them: the monitoring form at month 7 with 30%
// spent is behind schedule, and the self-evaluation's lowered target is
// reported against the declaration, each report naming what it was
// checked against.
func TestEvaluateLinksTheCycle(t *testing.T) {
	code, out, stderr := runCmd("evaluate", "-format", "json", "../../examples/cycle")
	require.Equal(t, exitFinding, code, stderr)
	type rep struct {
		Source   string
		Kind     string
		Linked   []struct{ Source, Kind string }
		Findings []struct{ Rule, Path string }
	}
	var reps []rep
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r rep
		require.NoError(t, json.Unmarshal([]byte(line), &r))
		reps = append(reps, r)
	}
	require.Len(t, reps, 3)
	rules := func(r rep) []string {
		var ids []string
		for _, f := range r.Findings {
			ids = append(ids, f.Rule+" "+f.Path)
		}
		return ids
	}
	decl, mon, self := reps[0], reps[1], reps[2]
	assert.Equal(t, "project-declaration", decl.Kind)
	assert.Empty(t, decl.Linked, "a declaration is checked against nothing")
	assert.Contains(t, rules(mon), "monitoring.behind-schedule funds.executed")
	require.Len(t, mon.Linked, 1)
	assert.Equal(t, "project-declaration", mon.Linked[0].Kind)
	assert.Contains(t, rules(self), "trace.target-changed indicators[4].target")
	require.Len(t, self.Linked, 2)
	assert.Equal(t, "../../examples/cycle/declaration.yaml", self.Linked[0].Source)
	assert.Equal(t, "project-monitoring", self.Linked[1].Kind)

	// Evaluated alone, the self-evaluation is linked to nothing.
	code, out, stderr = runCmd("evaluate", "-format", "json", "../../examples/cycle/self-evaluation.yaml")
	require.Equal(t, exitOK, code, stderr)
	assert.NotContains(t, out, "trace.")
	assert.NotContains(t, out, `"linked"`)

	// The text report says what a form was checked against.
	_, out, _ = runCmd("evaluate", "../../examples/cycle")
	assert.Contains(t, out, "对照：项目支出绩效目标申报表 ../../examples/cycle/declaration.yaml")
}
