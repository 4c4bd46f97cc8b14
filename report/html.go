package report

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// HTMLPage writes one standalone page for an analyst over many forms: a
// table of every form (name, year, key figure, score, grade, counts of
// findings, each linked to its findings) and charts of the grade
// distribution and of execution rates. Forms are written as they are
// added and only counts are kept, so memory does not grow with the number
// of forms; the summary is written last and placed first by the
// stylesheet. No script, no external assets; prints on A4 landscape.
type HTMLPage struct {
	w       io.Writer
	lang    evaluation.Lang
	n       int
	invalid int
	errors  int
	warns   int
	grades  map[string]int
	buckets []int // execution-rate buckets, see rateBuckets
	err     error
}

// rateBuckets are the bands of the execution-rate chart: the lower bound
// of each, in percent; a last bucket counts undefined rates.
var rateBuckets = []struct {
	label string
	min   budget.Rate
}{
	{"≥100%", budget.MustParsePercent("100%")},
	{"95–100%", budget.MustParsePercent("95%")},
	{"90–95%", budget.MustParsePercent("90%")},
	{"80–90%", budget.MustParsePercent("80%")},
	{"60–80%", budget.MustParsePercent("60%")},
	{"<60%", budget.MustParsePercent("-1000000%")},
}

var gradeOrder = []string{"优", "良", "中", "差", "未评分"}

// NewHTMLPage starts a page on w.
func NewHTMLPage(w io.Writer, lang evaluation.Lang) *HTMLPage {
	p := &HTMLPage{w: w, lang: lang, grades: map[string]int{}, buckets: make([]int, len(rateBuckets)+1)}
	l := labeller(lang)
	p.printf(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>%s</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt; margin: 16px; display: flex; flex-direction: column; }
main { order: 2; } section.summary { order: 1; }
table.forms { border-collapse: collapse; width: 100%%; }
table.forms th, table.forms td { border: 1px solid #999; padding: 2px 5px; }
table.forms th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.findings td { background: #fafafa; font-size: 9pt; }
tr.invalid td { background: #fde2e1; }
.error { color: #b3261e; font-weight: 700; } .warning { color: #8a5a00; } .info { color: #1a5fb4; }
code { font-size: 9pt; }
figure { display: inline-block; margin: 0 24px 12px 0; vertical-align: top; }
svg text { font-size: 10px; }
</style>
</head>
<body>
<main>
<h2>%s</h2>
<table class="forms">
<thead><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>
<tbody>
`, l("预算绩效自评表检查报告", "Budget performance self-evaluation report"), l("各表", "Forms"),
		l("文件", "file"), l("名称", "name"), l("年度", "year"), l("表式", "form"), l("完成率/执行率", "execution rate"),
		l("总分", "score"), l("等级", "grade"), l("错误", "errors"), l("警告", "warnings"), l("提示", "info"))
	return p
}

func (p *HTMLPage) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func esc(s string) string { return html.EscapeString(s) }

// Add writes one form's row and its findings.
func (p *HTMLPage) Add(m Meta, r *evaluation.Report) error {
	p.n++
	l := labeller(p.lang)
	rate := r.Figures.CompletionRate
	if r.Kind == evaluation.Project {
		rate = r.Figures.ExecutionRate
	}
	rateText := l("—", "—")
	if rate != nil {
		rateText = rate.Format(2)
		for i, b := range rateBuckets {
			if rate.Cmp(b.min) >= 0 {
				p.buckets[i]++
				break
			}
		}
	} else {
		p.buckets[len(rateBuckets)]++
	}
	score, grade := "", "未评分"
	if r.Score != nil {
		score, grade = r.Score.Total.StringFixed(max(2, r.Score.Places)), r.Score.Grade
	}
	p.grades[grade]++
	c := r.Counts()
	p.errors += c.Error
	p.warns += c.Warning
	year := ""
	if r.Header.Year != 0 {
		year = fmt.Sprint(r.Header.Year)
	}
	name := esc(r.Header.Name)
	if len(r.Findings) > 0 {
		name = fmt.Sprintf(`<a href="#form-%d">%s</a>`, p.n, name)
	}
	p.printf(`<tr id="row-%d"><td class="num">%d</td><td><code>%s</code></td><td>%s</td><td class="num">%s</td><td>%s</td><td class="num">%s</td><td class="num">%s</td><td>%s</td><td class="num">%d</td><td class="num">%d</td><td class="num">%d</td></tr>`+"\n",
		p.n, p.n, esc(m.Source), name, year, esc(l(r.Kind.Label(), string(r.Kind))), rateText, score, esc(grade), c.Error, c.Warning, c.Info)
	if len(r.Findings) > 0 {
		p.printf(`<tr class="findings" id="form-%d"><td></td><td colspan="10"><ul>`, p.n)
		for _, f := range r.Findings {
			p.printf(`<li><span class="%s">%s</span> <code>%s</code> <code>%s</code> %s</li>`,
				f.Severity, f.Severity, esc(f.Rule), esc(f.Path), esc(f.Message.In(p.lang)))
		}
		p.printf("</ul></td></tr>\n")
	}
	return p.err
}

// AddError writes a row for an input that could not be read.
func (p *HTMLPage) AddError(source string, err error) error {
	p.n++
	p.invalid++
	p.printf(`<tr class="invalid" id="row-%d"><td class="num">%d</td><td><code>%s</code></td><td colspan="9">%s</td></tr>`+"\n",
		p.n, p.n, esc(source), esc(err.Error()))
	return p.err
}

// Close writes the summary and charts and ends the page.
func (p *HTMLPage) Close() error {
	l := labeller(p.lang)
	p.printf("</tbody>\n</table>\n</main>\n<section class=\"summary\">\n<h1>%s</h1>\n", l("预算绩效自评表检查报告", "Budget performance self-evaluation report"))
	p.printf(`<p class="totals">%s <b id="total-forms">%d</b>，%s <b id="total-errors">%d</b>，%s <b id="total-warnings">%d</b>，%s <b id="total-invalid">%d</b></p>`+"\n",
		l("表", "forms"), p.n, l("错误", "errors"), p.errors, l("警告", "warnings"), p.warns, l("无法读取", "invalid inputs"), p.invalid)
	grades := make([]bucket, len(gradeOrder))
	for i, g := range gradeOrder {
		grades[i] = bucket{g, p.grades[g]}
	}
	p.chart("grades", l("等级分布", "Grades"), grades)
	rates := make([]bucket, 0, len(rateBuckets)+1)
	for i, b := range rateBuckets {
		rates = append(rates, bucket{b.label, p.buckets[i]})
	}
	rates = append(rates, bucket{l("无法计算", "undefined"), p.buckets[len(rateBuckets)]})
	p.chart("rates", l("预算完成率 / 执行率分布", "Execution rates"), rates)
	p.printf("</section>\n</body>\n</html>\n")
	return p.err
}

type bucket struct {
	label string
	count int
}

// chart draws a bar per bucket. Bar lengths are drawing coordinates; the
// counts are printed beside them.
func (p *HTMLPage) chart(id, title string, bs []bucket) {
	most := 1
	for _, b := range bs {
		most = max(most, b.count)
	}
	const left, width, rowH = 70, 300, 20
	h := rowH*len(bs) + 10
	var s strings.Builder
	fmt.Fprintf(&s, `<figure id="chart-%s"><figcaption>%s</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`,
		id, esc(title), left+width+50, h, left+width+50, h)
	for i, b := range bs {
		y := 5 + i*rowH
		fmt.Fprintf(&s, `<text x="%d" y="%d" text-anchor="end">%s</text><rect x="%d" y="%d" width="%d" height="14" fill="#3b7dd8"/><text class="count" x="%d" y="%d">%d</text>`,
			left-5, y+11, esc(b.label), left, y, b.count*width/most, left+b.count*width/most+4, y+11, b.count)
	}
	s.WriteString("</svg></figure>\n")
	p.printf("%s", s.String())
}
