package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/render"
	"github.com/perfeval/perfeval/rules"
)

// The file format keeps a control character written as an escape
// (\u001b in JSON); the page drawn of such a form shows it made visible,
// in its title, its cells, its attributes and its findings, and never
// writes it raw for a browser or a terminal to act on.
func TestHTMLShowsControlCharacters(t *testing.T) {
	for name, src := range map[string]string{
		"declaration": `{"kind": "project-declaration", "project": "项目\u001b[2J\u0007甲\r乙", "department": "局\u0085",
			"year": 2025, "funds": {"total": "10"},
			"indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "名\u202e称", "target": "≥1台\u0000"}]}`,
		"monitoring": `{"kind": "project-monitoring", "project": "项目\u001b[2J", "year": 2025, "as_of": 7,
			"funds": {"annual_budget": "10", "executed": "1"},
			"indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "名\u0008称", "target": "≥1台", "likelihood": "有可能",
				"deviation": {"other": "原因\u001b]0;x\u0007"}}]}`,
		"department-evaluation": `{"kind": "department-evaluation", "department": "某局\u001b[31m", "year": 2018, "rubric": "yueyang-2018",
			"judgements": {"过程/支付进度\u001b[2J\n伪造": {"violations": 1, "note": "说明\u0007"}},
			"reported": {"reasons": {"投入/预算配置/财政供养人员控制率": "原因\r\u001b[1A"}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			f, err := evaluation.Decode("f.json", []byte(src))
			require.NoError(t, err)
			rep := evaluation.Evaluate(f, rules.NationalProfile())
			for _, lang := range []evaluation.Lang{evaluation.Chinese, evaluation.English} {
				var b bytes.Buffer
				require.NoError(t, render.HTML(&b, f, render.Options{Findings: rep.Findings, Lang: lang}))
				page := b.String()
				doc(t, page)
				for _, c := range []string{"\x1b", "\a", "\r", "\b", "\x00", "\u0085", "\u202e"} {
					assert.False(t, strings.Contains(page, c), "%s: %q raw", lang, c)
				}
				assert.Contains(t, page, `\x1b`, "%s: shown, made visible", lang)
			}
		})
	}
}
