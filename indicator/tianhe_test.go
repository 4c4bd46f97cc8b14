package indicator

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// tianheActuals is every indicator value of the Tianhe 2021 form
// (examples/tianhe2021/form.yaml, 指标完成情况), with what it must parse to.
var tianheActuals = map[string]parseCase{
	"98.70%":         {"98.70%", Quantity, "98.70", "%", Unspecified, ""},
	"0起":             {"0起", Quantity, "0", "起", Unspecified, ""},
	"扫黑除恶线索办结率100%。": {"扫黑除恶线索办结率100%。", Text, "100", "%", Unspecified, ""},
	"1个":             {"1个", Quantity, "1", "个", Unspecified, ""},
	"形成1份完整的天河区社会治理调研报告": {"形成1份完整的天河区社会治理调研报告", Text, "1", "份", Unspecified, ""},
	"3057人次": {"3057人次", Quantity, "3057", "人次", Unspecified, ""},
	"2423人次": {"2423人次", Quantity, "2423", "人次", Unspecified, ""},
	"下降":     {"下降", Qualitative, "", "", QualitativeDirection, "下降"},
	"第一名":    {"第一名", Qualitative, "", "", QualitativeDirection, "第一名"},
	"99次":    {"99次", Quantity, "99", "次", Unspecified, ""},
	"2811人":  {"2811人", Quantity, "2811", "人", Unspecified, ""},
	"优秀":     {"优秀", Qualitative, "", "", QualitativeDirection, "优秀"},
}

func TestTianheValues(t *testing.T) {
	for _, c := range tianheActuals {
		t.Run(c.in, func(t *testing.T) { checkParse(t, c) })
	}
}

// TestTianheForm reads the example form itself, so a value added to it
// that the parser does not understand fails here.
func TestTianheForm(t *testing.T) {
	raw, err := os.ReadFile("../examples/tianhe2021/form.yaml")
	if os.IsNotExist(err) {
		t.Skip("example form not present")
	}
	require.NoError(t, err)
	type ind struct {
		Name   string `yaml:"name"`
		Actual string `yaml:"actual"`
		Target string `yaml:"target"`
	}
	var form struct {
		Tasks []struct {
			Indicators []ind `yaml:"indicators"`
		} `yaml:"tasks"`
		KeyProjects []struct {
			Indicators []ind `yaml:"indicators"`
		} `yaml:"key_projects"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &form))
	var all []ind
	for _, task := range form.Tasks {
		all = append(all, task.Indicators...)
	}
	for _, kp := range form.KeyProjects {
		all = append(all, kp.Indicators...)
	}
	require.NotEmpty(t, all)
	for _, in := range all {
		v := Parse(in.Actual)
		assert.NotEqual(t, Unparsed, v.Kind(), "%s: %q", in.Name, in.Actual)
		assert.NotEqual(t, Empty, v.Kind(), "%s: %q", in.Name, in.Actual)
		assert.Equal(t, in.Actual, v.Raw())
		if c, ok := tianheActuals[in.Actual]; ok {
			checkParse(t, c)
		} else {
			t.Errorf("%s: value %q is not in tianheActuals", in.Name, in.Actual)
		}
		// The Guangzhou form prints no targets, so every row is unassessable.
		a := Assess(Parse(in.Target), v, Unspecified)
		assert.Equal(t, Unknown, a.Status)
		assert.ErrorIs(t, a.Reason, ErrNoTarget)
	}
}
