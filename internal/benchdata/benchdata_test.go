package benchdata_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/benchdata"
)

// The generated forms decode, in every style, to the same form. (An
// external test: package benchdata imports nothing of the module, so
// that the parsers' tests may use it.)
func TestGeneratedFormsDecode(t *testing.T) {
	for _, i := range []int{0, 1, 7, 999, 12345} {
		want, err := evaluation.Decode("f.yaml", benchdata.ProjectYAML(i))
		require.NoError(t, err)
		assert.Len(t, want.(*evaluation.ProjectForm).Indicators, 7)
		for _, s := range benchdata.Styles {
			got, err := evaluation.Decode("f"+s.Ext(), benchdata.ProjectForm(i, s))
			require.NoError(t, err, s)
			assert.Equal(t, want, got, s)
		}
	}
}
