package render

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/evaluation"
)

// Options says what to draw besides the form.
type Options struct {
	// Findings are shown at their cells (perfeval render -annotate); nil
	// for none.
	Findings []evaluation.Finding
	// Score, when not nil, adds the chart of score against weight.
	Score *evaluation.FormScore
	// Lang is the language of finding messages; Chinese by default. The
	// form's own labels are always Chinese, as printed.
	Lang evaluation.Lang
}

// Style is the page's stylesheet: A4 landscape, no external assets. It is
// exported so the analyst report can share it.
const Style = `@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #111; margin: 16px; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4px; }
p.unit { text-align: right; margin: 0 0 4px; }
table.form { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.form td, table.form th { border: 1px solid #333; padding: 3px 5px; vertical-align: middle; word-wrap: break-word; }
table.form th { background: #f1f1f1; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td p, th p { margin: 0 0 3px; }
.flag-error { background: #fde2e1; } .flag-warning { background: #fff4d6; } .flag-info { background: #e6f0fb; }
a.mark { font-size: 8pt; font-weight: 700; text-decoration: none; margin-left: 3px; white-space: nowrap; }
a.mark.error { color: #b3261e; } a.mark.warning { color: #8a5a00; } a.mark.info { color: #1a5fb4; }
ol.findings { padding-left: 22px; } ol.findings li { margin: 2px 0; }
ol.findings .rule { font-family: monospace; } ol.findings .path { font-family: monospace; color: #555; }
.sev-error { color: #b3261e; font-weight: 700; } .sev-warning { color: #8a5a00; font-weight: 700; } .sev-info { color: #1a5fb4; }
.notes { font-size: 9pt; margin-top: 4px; }
svg text { font-family: inherit; font-size: 10px; }
@media print { a.mark { color: #000; } }
`

// HTML writes the form as a standalone page in its official layout.
func HTML(w io.Writer, f evaluation.Form, opt Options) error {
	var b strings.Builder
	h := f.Header()
	title := f.Kind().Label()
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s — %s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		esc(title), esc(h.Name), Style)
	writeForm(&b, f, opt)
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Fragment writes the form's table, findings and chart without the page
// around them, for embedding in a page of one's own.
func Fragment(w io.Writer, f evaluation.Form, opt Options) error {
	var b strings.Builder
	writeForm(&b, f, opt)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeForm(b *strings.Builder, f evaluation.Form, opt Options) {
	var t *table
	switch f := f.(type) {
	case *evaluation.DepartmentForm:
		t = departmentTable(f)
	case *evaluation.ProjectForm:
		t = projectTable(f)
	default:
		return
	}
	// Place each finding at its cell, numbered in report order.
	marks := map[*cell][]int{}
	var general []int
	for i, fd := range opt.Findings {
		if c := t.cellFor(fd.Path); c != nil {
			marks[c] = append(marks[c], i)
		} else {
			general = append(general, i)
		}
	}
	fmt.Fprintf(b, "<h1>%s</h1>\n<p class=\"unit\">单位：%s</p>\n", esc(f.Kind().Label()), esc(f.Header().Unit.String()))
	if len(general) > 0 {
		b.WriteString("<p class=\"general\">")
		for _, i := range general {
			writeMark(b, i, opt.Findings[i])
			fmt.Fprintf(b, " %s ", esc(opt.Findings[i].Message.In(opt.Lang)))
		}
		b.WriteString("</p>\n")
	}
	fmt.Fprintf(b, "<table class=\"form\">\n<colgroup>%s</colgroup>\n", strings.Repeat("<col>", t.cols))
	for _, row := range t.rows {
		b.WriteString("<tr>")
		for _, c := range row {
			tag := "td"
			if c.label {
				tag = "th"
			}
			var attrs []string
			if c.colspan > 1 {
				attrs = append(attrs, fmt.Sprintf(`colspan="%d"`, c.colspan))
			}
			if c.rowspan > 1 {
				attrs = append(attrs, fmt.Sprintf(`rowspan="%d"`, c.rowspan))
			}
			var class []string
			if c.num {
				class = append(class, "num")
			}
			if idx := marks[c]; len(idx) > 0 {
				class = append(class, "flag-"+worst(opt.Findings, idx).String())
			}
			if len(class) > 0 {
				attrs = append(attrs, `class="`+strings.Join(class, " ")+`"`)
			}
			if c.path != "" {
				attrs = append(attrs, `data-path="`+esc(c.path)+`"`)
			}
			b.WriteString("<" + tag)
			for _, a := range attrs {
				b.WriteString(" " + a)
			}
			b.WriteString(">")
			writeText(b, c.text)
			for _, i := range marks[c] {
				writeMark(b, i, opt.Findings[i])
			}
			b.WriteString("</" + tag + ">")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
	if d, ok := f.(*evaluation.DepartmentForm); ok && d.Profile == "guangzhou-2021" {
		// The Guangzhou form's own notes, as printed under the table.
		b.WriteString("<div class=\"notes\">注：1. 每个部门至少开展一个重点项目绩效评价。<br>2. 重点项目是指预算金额500万元以上项目；如果部门没500万元以上项目，则根据部门职能自选一个重点项目。</div>\n")
	}
	if opt.Score != nil {
		writeChart(b, opt.Score)
	}
	if len(opt.Findings) > 0 {
		b.WriteString("<h2>发现</h2>\n<ol class=\"findings\">\n")
		for i, fd := range opt.Findings {
			fmt.Fprintf(b, "<li id=\"finding-%d\"><span class=\"sev-%s\">%s</span> <span class=\"rule\">%s</span> <span class=\"path\">%s</span> %s",
				i+1, fd.Severity, fd.Severity, esc(fd.Rule), esc(fd.Path), esc(fd.Message.In(opt.Lang)))
			if fd.Expected != "" || fd.Actual != "" {
				fmt.Fprintf(b, "（%s）", esc(fd.Values(evaluation.Chinese)))
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ol>\n")
	}
}

func worst(fs []evaluation.Finding, idx []int) evaluation.Severity {
	s := evaluation.Info
	for _, i := range idx {
		s = max(s, fs[i].Severity)
	}
	return s
}

var markSymbol = map[evaluation.Severity]string{evaluation.Error: "✖", evaluation.Warning: "⚠", evaluation.Info: "ℹ"}

func writeMark(b *strings.Builder, i int, f evaluation.Finding) {
	fmt.Fprintf(b, `<a class="mark %s" href="#finding-%d" title="%s">%s%d</a>`,
		f.Severity, i+1, esc(f.Rule+": "+f.Message.Zh), markSymbol[f.Severity], i+1)
}

// writeText writes a cell's text, one paragraph per line.
func writeText(b *strings.Builder, s string) {
	if !strings.Contains(s, "\n") {
		b.WriteString(esc(s))
		return
	}
	for _, p := range strings.Split(s, "\n") {
		b.WriteString("<p>" + esc(p) + "</p>")
	}
}

func esc(s string) string { return html.EscapeString(s) }

// writeChart draws score against weight for the execution row and each
// level-one dimension, as horizontal bars: the outline is the weight, the
// filled part the score.
func writeChart(b *strings.Builder, s *evaluation.FormScore) {
	type bar struct {
		name          string
		weight, score decimal.Decimal
	}
	var bars []bar
	if s.Budget != nil {
		sc := decimal.Zero
		if s.Budget.Defined {
			sc = s.Budget.Rounded
		}
		bars = append(bars, bar{"预算执行", s.Budget.Weight, sc})
	}
	for _, l := range s.Dimensions {
		bars = append(bars, bar{l.Level.String(), l.Weight, l.Score})
	}
	if len(bars) == 0 {
		return
	}
	maxW := decimal.NewFromInt(1)
	for _, x := range bars {
		if x.weight.Cmp(maxW) > 0 {
			maxW = x.weight
		}
	}
	const left, width, rowH = 80, 480, 26
	height := rowH*len(bars) + 30
	places := max(2, s.Places)
	fmt.Fprintf(b, "<figure class=\"chart\"><figcaption>得分与分值（%s）：总分 %s，等级 %s</figcaption>\n", esc(s.Scheme), s.Total.StringFixed(places), esc(s.Grade))
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="score against weight">`+"\n",
		left+width+120, height, left+width+120, height)
	scale := func(d decimal.Decimal) string {
		// Pixel positions are drawing coordinates, not figures; the exact
		// figures are printed beside each bar.
		return d.Mul(decimal.NewFromInt(width)).DivRound(maxW, 1).String()
	}
	for i, x := range bars {
		y := 10 + i*rowH
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, left-6, y+14, esc(x.name))
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%s" height="16" fill="none" stroke="#555"/>`, left, y+2, scale(x.weight))
		fmt.Fprintf(b, `<rect class="score" x="%d" y="%d" width="%s" height="16" fill="#3b7dd8"/>`, left, y+2, scale(x.score))
		fmt.Fprintf(b, `<text x="%d" y="%d">%s / %s</text>`+"\n", left+width+6, y+14, x.score.StringFixed(places), x.weight.String())
	}
	b.WriteString("</svg></figure>\n")
}
