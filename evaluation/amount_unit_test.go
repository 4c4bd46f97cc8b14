package evaluation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// An amount written with its money unit reads the same in YAML and JSON,
// converted exactly into the form's unit.
func TestDecodeAmountWithUnit(t *testing.T) {
	for name, src := range map[string]string{
		"f.yaml": "kind: project-self-evaluation\nunit: 万元\nfunds:\n  initial_budget: 100万元\n  adjusted_budget: \"1,000,000元\"\n  actual_expenditure: 0.005亿元\n",
		"f.json": `{"kind":"project-self-evaluation","unit":"万元","funds":{"initial_budget":"100万元","adjusted_budget":"1,000,000元","actual_expenditure":"0.005亿元"}}`,
	} {
		f, err := evaluation.Decode(name, []byte(src))
		require.NoError(t, err, name)
		p := f.(*evaluation.ProjectForm)
		hundred := budget.MustParseAmount("100", budget.TenThousandYuan)
		assert.True(t, p.Funds.InitialBudget.Equal(hundred), name)
		assert.True(t, p.Funds.AdjustedBudget.Equal(hundred), name)
		assert.True(t, p.Funds.ActualExpenditure.Equal(budget.MustParseAmount("50", budget.TenThousandYuan)), name)
	}
	_, err := evaluation.Decode("f.yaml", []byte("kind: project-self-evaluation\nfunds:\n  initial_budget: 100千元\n"))
	var de *evaluation.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "funds.initial_budget", de.Path)
}
