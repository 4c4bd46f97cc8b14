package xlsx_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/xlsx"
)

var examples = []string{
	"../examples/tianhe2021/form.yaml",
	"../examples/project/form.yaml",
	"../markdown/testdata/department-national.yaml",
	"../markdown/testdata/department-both.yaml",
	"../markdown/testdata/department-rich.yaml",
}

func readForm(t testing.TB, path string) evaluation.Form {
	t.Helper()
	f, err := evaluation.ReadFile(path)
	require.NoError(t, err)
	return f
}

func writeBytes(t testing.TB, f evaluation.Form) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, xlsx.Export(&buf, f))
	return buf.Bytes()
}

func TestRoundTripExamples(t *testing.T) {
	for _, path := range examples {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			form := readForm(t, path)
			data := writeBytes(t, form)
			back, err := xlsx.Import("form.xlsx", data)
			require.NoError(t, err)
			assert.Equal(t, form, back)
			assert.Equal(t, evaluation.Evaluate(form, nil), evaluation.Evaluate(back, nil))
		})
	}
}

// fixtures pairs each committed form with its committed export.
var fixtures = map[string]string{
	"../examples/tianhe2021/form.yaml": "testdata/tianhe2021.xlsx",
	"../examples/project/form.yaml":    "testdata/project.xlsx",
	"testdata/edge-department.yaml":    "testdata/edge-department.xlsx",
	"testdata/edge-project.yaml":       "testdata/edge-project.xlsx",
}

var update = flag.Bool("update", false, "rewrite the exported workbooks in testdata/")

func TestRoundTripEdgeCases(t *testing.T) {
	for name, src := range map[string]string{
		"department": "testdata/edge-department.yaml",
		"project":    "testdata/edge-project.yaml",
	} {
		t.Run(name, func(t *testing.T) {
			form := readForm(t, src)
			back, err := xlsx.Import("edge.xlsx", writeBytes(t, form))
			require.NoError(t, err)
			assert.Equal(t, form, back)
			assert.Equal(t, evaluation.Evaluate(form, nil), evaluation.Evaluate(back, nil))
		})
	}
	for name, src := range map[string]string{
		"empty department": "kind: department-self-evaluation\n",
		"empty project":    "kind: project-self-evaluation\n",
		// Labels with nothing right of them, over rows holding values.
		"sparse department": "kind: department-self-evaluation\nfunds:\n  initial_budget: 2902.64\n  actual_expenditure: 2021\n",
		"sparse project":    "kind: project-self-evaluation\nimplementing_unit: 某单位\nfunds:\n  adjusted_budget: 100\n",
	} {
		t.Run(name, func(t *testing.T) {
			form, err := evaluation.Decode("empty.yaml", []byte(src))
			require.NoError(t, err)
			back, err := xlsx.Import("empty.xlsx", writeBytes(t, form))
			require.NoError(t, err)
			assert.Equal(t, form, back)
		})
	}
}

// TestImportFixtures reads the committed exports, so a change of layout
// that would make earlier exports unreadable shows. go test -update
// rewrites them; testdata/v1 holds the exports of the first layout (one
// goal a row, a table of key projects, the rates' formulas beside them),
// which must stay readable too.
func TestImportFixtures(t *testing.T) {
	for src, book := range map[string]string{
		"../examples/tianhe2021/form.yaml": "testdata/v1/tianhe2021.xlsx",
		"../examples/project/form.yaml":    "testdata/v1/project.xlsx",
	} {
		data, err := os.ReadFile(book)
		require.NoError(t, err)
		back, err := xlsx.Import(book, data)
		require.NoError(t, err, book)
		assert.Equal(t, readForm(t, src), back, book)
	}
	for src, book := range fixtures {
		form := readForm(t, src)
		if *update {
			require.NoError(t, os.WriteFile(book, writeBytes(t, form), 0o644))
		}
		data, err := os.ReadFile(book)
		require.NoError(t, err)
		back, err := xlsx.Import(book, data)
		require.NoError(t, err, book)
		assert.Equal(t, form, back, book)
	}
}

// TestConcurrent imports and exports from many goroutines at once; run
// with -race.
func TestConcurrent(t *testing.T) {
	form := readForm(t, examples[0])
	data := writeBytes(t, form)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			back, err := xlsx.Import("c.xlsx", data)
			assert.NoError(t, err)
			assert.Equal(t, form, back)
			_, err = xlsx.Import("c.xlsx", writeBytes(t, back))
			assert.NoError(t, err)
		})
	}
	wg.Wait()
}
