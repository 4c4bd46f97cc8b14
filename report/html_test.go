package report_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/htmltest"
	"github.com/perfeval/perfeval/report"
)

func byID(root *html.Node, id string) *html.Node {
	for _, n := range htmltest.Find(root, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, a := range n.Attr {
			if a.Key == "id" && a.Val == id {
				return n
			}
		}
	}
	return nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for _, t := range htmltest.Find(n, func(m *html.Node) bool { return m.Type == html.TextNode }) {
		b.WriteString(t.Data)
	}
	return b.String()
}

func cellsOf(tr *html.Node) []string {
	var out []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "td" {
			out = append(out, textOf(c))
		}
	}
	return out
}

func TestHTMLPage(t *testing.T) {
	dept, err := evaluation.ReadFile("../examples/tianhe2021/form.yaml")
	require.NoError(t, err)
	proj, err := evaluation.ReadFile("../examples/project/form.yaml")
	require.NoError(t, err)
	d := evaluation.Evaluate(dept, nil)
	d.Source = "a/tianhe.yaml"
	d.Findings = []evaluation.Finding{{Rule: "narrative.mismatch", Severity: evaluation.Warning, Path: "overall", Message: evaluation.Text{Zh: "不一致"}}}
	p := evaluation.Evaluate(proj, nil)
	p.Source = "b/project.yaml"

	var b strings.Builder
	page := report.NewHTMLPage(&b, evaluation.Chinese)
	require.NoError(t, page.Add(&d))
	require.NoError(t, page.Add(&p))
	require.NoError(t, page.AddError("c/bad.yaml", errors.New("c/bad.yaml:1:1: malformed")))
	require.NoError(t, page.Close())

	root, err := html.Parse(strings.NewReader(b.String()))
	require.NoError(t, err)
	assert.Empty(t, htmltest.Find(root, func(n *html.Node) bool { return n.Data == "script" }))

	row1 := cellsOf(byID(root, "row-1"))
	assert.Equal(t, []string{"1", "a/tianhe.yaml", "中国共产党广州市天河区委员会政法委员会", "2021", "部门整体支出绩效自评表", "99.99%", "", "未评分", "0", "1", "0"}, row1)
	row2 := cellsOf(byID(root, "row-2"))
	assert.Equal(t, []string{"2", "b/project.yaml", "智慧校园建设", "2025", "项目支出绩效自评表", "95.00%", "97.39", "优", "0", "0", "0"}, row2)
	assert.Contains(t, textOf(byID(root, "row-3")), "malformed")

	// The name links to the form's findings.
	links := htmltest.Find(byID(root, "row-1"), func(n *html.Node) bool { return n.Data == "a" })
	require.Len(t, links, 1)
	assert.Equal(t, "href", links[0].Attr[0].Key)
	assert.Equal(t, "#form-1", links[0].Attr[0].Val)
	assert.Contains(t, textOf(byID(root, "form-1")), "narrative.mismatch")

	assert.Equal(t, "3", textOf(byID(root, "total-forms")))
	assert.Equal(t, "1", textOf(byID(root, "total-warnings")))
	assert.Equal(t, "1", textOf(byID(root, "total-invalid")))
	grades := textOf(byID(root, "chart-grades"))
	assert.Contains(t, grades, "优1")
	assert.Contains(t, grades, "未评分1")
	rates := textOf(byID(root, "chart-rates"))
	assert.Contains(t, rates, "95–100%2", "99.99% and 95.00% both in [95%, 100%)")
}

func TestHTMLPageEnglishAndEscaped(t *testing.T) {
	f, err := evaluation.Decode("p.yaml", []byte("kind: project-self-evaluation\nproject: \"<script>alert(1)</script>\"\n"))
	require.NoError(t, err)
	r := evaluation.Evaluate(f, nil)
	r.Source = "x\x1b[2J.yaml"
	r.Findings = []evaluation.Finding{{Rule: "x.y", Severity: evaluation.Warning, Path: "project", Message: evaluation.Text{Zh: "甲", En: "a <b> c"}, Expected: "≥ 500万元"}}
	var b strings.Builder
	page := report.NewHTMLPage(&b, evaluation.English)
	require.NoError(t, page.Add(&r))
	require.NoError(t, page.Close())
	out := b.String()
	assert.Contains(t, out, `<html lang="en">`)
	assert.NotContains(t, out, "<script>")
	assert.Contains(t, out, "&lt;script&gt;")
	assert.NotContains(t, out, "\x1b")
	assert.Contains(t, out, "(expected ≥ 500万元)", "no empty actual is printed")
	root, err := html.Parse(strings.NewReader(out))
	require.NoError(t, err)
	text := textOf(root)
	for _, zh := range []string{"错误", "警告", "提示", "各表", "等级", "无法", "表", "，"} {
		assert.NotContains(t, text, zh, "an English page has no Chinese frame")
	}
	assert.Contains(t, textOf(byID(root, "form-1")), "warning")
}
