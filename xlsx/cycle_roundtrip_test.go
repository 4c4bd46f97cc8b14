package xlsx_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/cyclegen"
	"github.com/perfeval/perfeval/xlsx"
)

// exportImport exports a form and reads it back, every cell placed.
func exportImport(t *testing.T, f evaluation.Form) evaluation.Form {
	t.Helper()
	res, err := xlsx.ImportResult("form.xlsx", writeBytes(t, f))
	require.NoError(t, err)
	for _, u := range res.Unplaced {
		t.Errorf("unplaced %s %q: %s", u.Position, u.Text, u.Why.En)
	}
	return res.Form
}

// Export then Import is the identity on the cycle's examples, on the
// published forms transcribed to the file format (rules/testdata), and on
// generated forms whose every text may be a label or any text a reader
// treats specially where it stands.
func TestCycleExportImportIdentity(t *testing.T) {
	paths, err := filepath.Glob("../rules/testdata/cycle/real/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, path := range append([]string{"../examples/cycle/declaration.yaml", "../examples/cycle/monitoring.yaml"}, paths...) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f := readForm(t, path)
			back := exportImport(t, f)
			assert.Equal(t, f, back)
			assert.Equal(t, evaluation.Evaluate(f, nil), evaluation.Evaluate(back, nil))
		})
	}
	for seed := range uint64(60) {
		g := cyclegen.New(seed)
		for _, f := range []evaluation.Form{g.Declaration(), g.Monitoring()} {
			t.Run(fmt.Sprintf("%s-%d", f.Kind(), seed), func(t *testing.T) {
				back := exportImport(t, f)
				if !assert.Equal(t, f, back) {
					want, _ := evaluation.Encode(f)
					got, _ := evaluation.Encode(back)
					t.Logf("want\n%s\ngot\n%s", want, got)
				}
			})
		}
	}
}
