package benchdata

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
)

// The generated forms decode, in both formats, to the same form.
func TestGeneratedFormsDecode(t *testing.T) {
	for _, i := range []int{0, 1, 7, 999, 12345} {
		y, err := evaluation.Decode("f.yaml", ProjectYAML(i))
		require.NoError(t, err)
		j, err := evaluation.Decode("f.json", ProjectJSON(i))
		require.NoError(t, err)
		assert.Equal(t, y, j)
		assert.Len(t, y.(*evaluation.ProjectForm).Indicators, 7)
	}
}
