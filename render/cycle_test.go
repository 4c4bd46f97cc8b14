package render_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/htmltest"
	"github.com/perfeval/perfeval/internal/layout"
	"github.com/perfeval/perfeval/render"
	"github.com/perfeval/perfeval/rules"
)

// htmlOf renders a form annotated with the findings the national profile
// gives it; each finding's path is replaced by the path of the cell it is
// drawn at (the cell's own, which data-path names).
func htmlOf(t *testing.T, path string) (string, []evaluation.Finding) {
	t.Helper()
	f := read(t, path)
	rep := evaluation.Evaluate(f, rules.NationalProfile())
	var b bytes.Buffer
	require.NoError(t, render.HTML(&b, f, render.Options{Findings: rep.Findings}))
	doc := layout.Of(f)
	at := make([]evaluation.Finding, len(rep.Findings))
	for i, fd := range rep.Findings {
		c := doc.CellFor(fd.Path)
		require.NotNil(t, c, fd.Path)
		fd.Path = c.Path()
		at[i] = fd
	}
	return b.String(), at
}

// marks returns the finding numbers marked in a cell, and its class.
func marks(t *testing.T, root *html.Node, path string) ([]string, string) {
	t.Helper()
	c := cellAt(t, root, path)
	var out []string
	for _, a := range htmltest.Find(c, func(n *html.Node) bool { return n.Data == "a" && strings.Contains(attr(n, "class"), "mark") }) {
		out = append(out, attr(a, "href"))
	}
	return out, attr(c, "class")
}

// The declaration in its official layout, each finding at its cell.
func TestDeclarationLayout(t *testing.T) {
	page, findings := htmlOf(t, "../markdown/testdata/declaration-mistakes.yaml")
	root := doc(t, page)
	assertGrid(t, root, 5)
	assert.Equal(t, "500✖1", text(cellAt(t, root, "funds.total")))
	assert.Equal(t, "2025年12月至2025年3月✖4", text(cellAt(t, root, "period")))
	assert.Equal(t, "其中：自有资金", text(cellAt(t, root, "funds.sources[0].name")))
	assert.Equal(t, "4", attr(cellAt(t, root, "indicators[0].level1"), "rowspan"), "产出指标 merged over its rows")
	for i, f := range findings {
		got, class := marks(t, root, f.Path)
		assert.Contains(t, got, "#finding-"+itoa(i+1), "%s at %s", f.Rule, f.Path)
		assert.Contains(t, class, "flag-", f.Path)
	}
	assert.Contains(t, text(root), "项目支出绩效目标申报表")
}

// The monitoring form: the funds in columns with the month in their
// labels, 偏差原因分析 over its five columns, each finding at its cell.
func TestMonitoringLayout(t *testing.T) {
	page, findings := htmlOf(t, "../markdown/testdata/monitoring-mistakes.yaml")
	root := doc(t, page)
	assertGrid(t, root, 7)
	assert.Contains(t, text(root), "1-8月执行数")
	assert.Equal(t, "36.00%", text(cellAt(t, root, "funds.reported.execution_rate"))[:6])
	assert.Equal(t, "5", attr(htmltest.Find(root, func(n *html.Node) bool { return n.Data == "th" && text(n) == "偏差原因分析" })[0], "colspan"))
	assert.Equal(t, "完全不可能", text(cellAt(t, root, "indicators[1].likelihood")))
	for i, f := range findings {
		got, class := marks(t, root, f.Path)
		assert.Contains(t, got, "#finding-"+itoa(i+1), "%s at %s", f.Rule, f.Path)
		assert.Contains(t, class, "flag-", f.Path)
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		if n /= 10; n == 0 {
			return string(b)
		}
	}
}

func TestCycleGolden(t *testing.T) {
	for name, path := range map[string]string{"declaration-mistakes": "../markdown/testdata/declaration-mistakes.yaml",
		"monitoring-mistakes": "../markdown/testdata/monitoring-mistakes.yaml"} {
		t.Run(name, func(t *testing.T) {
			page, _ := htmlOf(t, path)
			golden := "testdata/" + name + ".html"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(page), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update")
			assert.Equal(t, string(want), page)
		})
	}
}
