package render_test

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/htmltest"
	"github.com/perfeval/perfeval/render"
)

var update = flag.Bool("update", false, "rewrite golden files")

func read(t *testing.T, path string) evaluation.Form {
	t.Helper()
	f, err := evaluation.ReadFile(path)
	require.NoError(t, err)
	return f
}

// doc parses a page and fails the test if it is not HTML.
func doc(t *testing.T, page string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	return n
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	for _, t := range htmltest.Find(n, func(m *html.Node) bool { return m.Type == html.TextNode }) {
		b.WriteString(t.Data)
	}
	return b.String()
}

// cellAt returns the cell drawn for a key path.
func cellAt(t *testing.T, root *html.Node, path string) *html.Node {
	t.Helper()
	cells := htmltest.Find(root, func(n *html.Node) bool {
		return n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") && attr(n, "data-path") == path
	})
	require.Len(t, cells, 1, "one cell for %s", path)
	return cells[0]
}

// Every row of each table spans the same number of columns once rowspans
// are accounted for: the layout is a true grid. cols is the width of the
// first table; every table's rows fill its own <colgroup>.
func assertGrid(t *testing.T, root *html.Node, cols int) {
	t.Helper()
	tables := htmltest.Find(root, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "table" })
	require.NotEmpty(t, tables)
	for i, tb := range tables {
		width := len(htmltest.Find(tb, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "col" }))
		if i == 0 {
			assert.Equal(t, cols, width, "the form's table")
		}
		assertTableGrid(t, tb, width)
	}
}

func assertTableGrid(t *testing.T, root *html.Node, cols int) {
	t.Helper()
	rows := htmltest.Find(root, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "tr" })
	carry := map[int]int{} // column → rows still covered by a rowspan
	for i, tr := range rows {
		col, width := 0, 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			for carry[col] > 0 {
				carry[col]--
				col++
				width++
			}
			span, rs := 1, 1
			if v := attr(c, "colspan"); v != "" {
				span = atoi(v)
			}
			if v := attr(c, "rowspan"); v != "" {
				rs = atoi(v)
			}
			for k := 0; k < span; k++ {
				if rs > 1 {
					carry[col+k] = rs - 1
				}
			}
			col += span
			width += span
		}
		for carry[col] > 0 {
			carry[col]--
			col++
			width++
		}
		assert.Equal(t, cols, width, "row %d: %s", i, text(tr))
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func TestDepartmentLayout(t *testing.T) {
	f := read(t, "../examples/tianhe2021/form.yaml")
	var b bytes.Buffer
	require.NoError(t, render.HTML(&b, f, render.Options{}))
	root := doc(t, b.String())
	assertGrid(t, root, 6)
	assert.Equal(t, "2395.15", text(cellAt(t, root, "funds.adjusted_budget")))
	assert.Equal(t, "99.99%", text(cellAt(t, root, "funds.reported.completion_rate")))
	assert.Equal(t, "16.6", text(cellAt(t, root, "tasks[0].funds")), "as written")
	assert.Equal(t, "2423人次", text(cellAt(t, root, "tasks[1].indicators[3].actual")))
	assert.Equal(t, "5", attr(cellAt(t, root, "tasks[1]"), "rowspan"), "a task spans its indicator rows")
	assert.Contains(t, text(root), "重点项目是指预算金额500万元以上项目", "the Guangzhou note")
	assert.Empty(t, htmltest.Find(root, func(n *html.Node) bool { return n.Data == "script" || (n.Data == "link") }), "standalone")
	assert.Contains(t, b.String(), "size: A4 landscape")
}

func TestAnnotate(t *testing.T) {
	f := read(t, "../examples/tianhe2021/form.yaml")
	findings := []evaluation.Finding{
		{Rule: "narrative.mismatch", Severity: evaluation.Warning, Path: "overall", Message: evaluation.Text{Zh: "不一致"}},
		{Rule: "funds.completion-rate", Severity: evaluation.Error, Path: "funds.reported.completion_rate", Message: evaluation.Text{Zh: "应为"}},
		{Rule: "tasks.no-indicators", Severity: evaluation.Warning, Path: "tasks[2].indicators", Message: evaluation.Text{Zh: "无指标"}},
		{Rule: "key-projects.threshold", Severity: evaluation.Info, Path: "key_projects[0].budget", Message: evaluation.Text{Zh: "未填预算"}},
		{Rule: "x.form", Severity: evaluation.Info, Path: "", Message: evaluation.Text{Zh: "整表"}},
	}
	var b bytes.Buffer
	require.NoError(t, render.HTML(&b, f, render.Options{Findings: findings}))
	root := doc(t, b.String())
	assertGrid(t, root, 6)
	marked := func(path string) (string, string) {
		c := cellAt(t, root, path)
		marks := htmltest.Find(c, func(n *html.Node) bool { return n.Data == "a" && strings.Contains(attr(n, "class"), "mark") })
		require.NotEmpty(t, marks, path)
		return attr(c, "class"), attr(marks[0], "href")
	}
	class, href := marked("overall")
	assert.Contains(t, class, "flag-warning")
	assert.Equal(t, "#finding-1", href)
	class, _ = marked("funds.reported.completion_rate")
	assert.Contains(t, class, "flag-error")
	_, href = marked("tasks[2].indicators[0]") // tasks[2].indicators is drawn at its first indicator
	assert.Equal(t, "#finding-3", href)
	marked("key_projects[0]")
	items := htmltest.Find(root, func(n *html.Node) bool { return n.Data == "li" && strings.HasPrefix(attr(n, "id"), "finding-") })
	assert.Len(t, items, 5)
	general := htmltest.Find(root, func(n *html.Node) bool { return n.Data == "p" && attr(n, "class") == "general" })
	require.Len(t, general, 1)
	assert.Contains(t, text(general[0]), "整表")
}

func TestProjectLayoutAndChart(t *testing.T) {
	f := read(t, "../examples/project/form.yaml")
	rep := evaluation.Evaluate(f, nil)
	var b bytes.Buffer
	require.NoError(t, render.HTML(&b, f, render.Options{Score: rep.Score}))
	root := doc(t, b.String())
	assertGrid(t, root, 9)
	assert.Equal(t, "4", attr(cellAt(t, root, "indicators[0].level1"), "rowspan"), "产出指标 merged over its four rows")
	assert.Equal(t, "18.89", text(cellAt(t, root, "indicators[4].score")))
	assert.Equal(t, "97.39", text(cellAt(t, root, "reported.total_score")))
	svgs := htmltest.Find(root, func(n *html.Node) bool { return n.Data == "svg" })
	require.Len(t, svgs, 1)
	bars := htmltest.Find(svgs[0], func(n *html.Node) bool { return n.Data == "rect" && attr(n, "class") == "score" })
	assert.Len(t, bars, 4, "execution row and three dimensions")
	assert.Contains(t, text(svgs[0]), "9.50 / 10")
	assert.Contains(t, text(svgs[0]), "50.00 / 50")
	assert.Contains(t, text(svgs[0]), "27.89 / 30")
}

func TestEscapesText(t *testing.T) {
	f, err := evaluation.Decode("x.yaml", []byte("kind: project-self-evaluation\nproject: \"<script>alert(1)</script>\"\n"))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, render.HTML(&b, f, render.Options{}))
	root := doc(t, b.String())
	assert.Empty(t, htmltest.Find(root, func(n *html.Node) bool { return n.Data == "script" }))
	assert.Equal(t, "<script>alert(1)</script>", text(cellAt(t, root, "project")))
}

func TestGolden(t *testing.T) {
	for name, path := range map[string]string{"tianhe2021": "../examples/tianhe2021/form.yaml", "project": "../examples/project/form.yaml",
		"department-national": "../markdown/testdata/department-national.yaml", "department-both": "../markdown/testdata/department-both.yaml"} {
		t.Run(name, func(t *testing.T) {
			f := read(t, path)
			rep := evaluation.Evaluate(f, nil)
			var b bytes.Buffer
			require.NoError(t, render.HTML(&b, f, render.Options{Score: rep.Score}))
			golden := "testdata/" + name + ".html"
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update")
			assert.Equal(t, string(want), b.String())
		})
	}
}
