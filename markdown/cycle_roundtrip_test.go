package markdown_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/cyclegen"
	"github.com/perfeval/perfeval/markdown"
)

var cycleExamples = []string{"../examples/cycle/declaration.yaml", "../examples/cycle/monitoring.yaml"}

// renderImport renders a form and reads it back, every cell placed.
func renderImport(t *testing.T, f evaluation.Form) evaluation.Form {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, markdown.Render(&b, f, nil))
	res, err := markdown.ImportResult("rendered.md", b.Bytes())
	require.NoError(t, err, b.String())
	for _, u := range res.Unplaced {
		t.Errorf("unplaced %s %q: %s\n%s", u.Position, u.Text, u.Why.En, b.String())
	}
	return res.Form
}

// Render then Import is the identity on the cycle's examples, and on
// generated forms whose every text may be a label, a placeholder, a note,
// a month label or any text a reader treats specially where it stands.
func TestCycleRenderImportIdentity(t *testing.T) {
	for _, path := range cycleExamples {
		f, err := evaluation.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, f, renderImport(t, f), path)
	}
	for seed := range uint64(150) {
		g := cyclegen.New(seed)
		for _, f := range []evaluation.Form{g.Declaration(), g.Monitoring()} {
			t.Run(fmt.Sprintf("%s-%d", f.Kind(), seed), func(t *testing.T) {
				back := renderImport(t, f)
				if !assert.Equal(t, f, back) {
					want, _ := evaluation.Encode(f)
					got, _ := evaluation.Encode(back)
					t.Logf("want\n%s\ngot\n%s", want, got)
				}
			})
		}
	}
}
