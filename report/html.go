package report

import (
	"html/template"
	"io"
	"strconv"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/htmlpage"
	"github.com/perfeval/perfeval/internal/safetext"
)

// HTMLPage writes one standalone page for an analyst over many forms: a
// table of every form (name, year, key figure, score, grade, counts of
// findings, each linked to its findings; for a monitoring form its
// 1-X月执行率 beside 序时进度, for a linked form the earlier stages it was
// checked against) and charts of the scored forms' grades and execution
// rates. Forms are written as they are added and only counts are kept, so
// memory does not grow with the number of forms; the summary is written
// last and placed first by the stylesheet. No script, no external assets;
// prints on A4 landscape. The page is built with html/template on the
// shared frame and styles (internal/htmlpage): every text from a form is
// escaped by the template.
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

// The grade buckets: the scheme's grades, then forms scored in part and
// forms not scored.
const (
	gradePartial  = "partial"
	gradeUnscored = "unscored"
)

var gradeOrder = []string{"优", "良", "中", "差", gradePartial, gradeUnscored}

var pageTemplates = template.Must(template.New("page").Parse(`
{{define "open"}}<main>
<h2>{{.L.Forms}}</h2>
<table class="forms">
<thead><tr><th>#</th><th>{{.L.File}}</th><th>{{.L.Name}}</th><th>{{.L.Year}}</th><th>{{.L.Form}}</th><th>{{.L.Rate}}</th><th>{{.L.Score}}</th><th>{{.L.Grade}}</th><th>{{.L.Errors}}</th><th>{{.L.Warnings}}</th><th>{{.L.Info}}</th></tr></thead>
<tbody>
{{end}}
{{define "row"}}<tr id="row-{{.N}}"><td class="num">{{.N}}</td><td><code>{{.Source}}</code></td><td>{{if .Findings}}<a href="#form-{{.N}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}{{with .Linked}}<br><span class="linked">{{.}}</span>{{end}}</td><td class="num">{{.Year}}</td><td>{{.Kind}}</td><td class="num">{{.Rate}}{{with .Elapsed}}<br><span class="elapsed">{{.}}</span>{{end}}</td><td class="num">{{.Score}}</td><td>{{.Grade}}</td><td class="num">{{.Counts.Error}}</td><td class="num">{{.Counts.Warning}}</td><td class="num">{{.Counts.Info}}</td></tr>
{{if .Findings}}<tr class="findings" id="form-{{.N}}"><td></td><td colspan="10"><ul>
{{range .Findings}}<li><span class="{{.Class}}">{{.Severity}}</span> <code>{{.Rule}}</code> {{if .Cell}}{{.Cell}} {{end}}{{if .Path}}<code>{{.Path}}</code> {{end}}{{.Message}}{{with .Values}} <span class="values">{{.}}</span>{{end}}</li>
{{end}}</ul></td></tr>
{{end}}{{with .Sheet}}<tr class="sheet" id="sheet-{{$.N}}"><td></td><td colspan="10"><table class="sheet">
<thead><tr>{{range .Heads}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Items}}<tr><td>{{index .Levels 0}}</td><td>{{index .Levels 1}}</td><td>{{index .Levels 2}}</td><td class="num">{{.Weight}}</td><td class="num">{{.Score}}</td><td class="num">{{.Filed}}</td><td>{{.Reason}}</td></tr>
{{end}}</tbody></table></td></tr>
{{end}}{{end}}
{{define "invalid"}}<tr class="invalid" id="row-{{.N}}"><td class="num">{{.N}}</td><td><code>{{.Source}}</code></td><td colspan="9">{{.Message}}</td></tr>
{{end}}
{{define "close"}}</tbody>
</table>
</main>
<section class="summary">
<h1>{{.L.Title}}</h1>
<p class="totals">{{.L.Forms}} <b id="total-forms">{{.Forms}}</b>{{.L.Sep}}{{.L.Errors}} <b id="total-errors">{{.Errors}}</b>{{.L.Sep}}{{.L.Warnings}} <b id="total-warnings">{{.Warnings}}</b>{{.L.Sep}}{{.L.Invalid}} <b id="total-invalid">{{.Invalid}}</b></p>
{{range .Charts}}{{template "chart" .}}{{end}}</section>
{{end}}
{{define "chart"}}<figure id="chart-{{.ID}}"><figcaption>{{.Title}}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}">{{range .Bars}}<text x="{{.LabelX}}" y="{{.TextY}}" text-anchor="end">{{.Label}}</text><rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="14" fill="#3b7dd8"/><text class="count" x="{{.CountX}}" y="{{.TextY}}">{{.Count}}</text>{{end}}</svg></figure>
{{end}}`))

// pageLabels are the page's words in one language.
type pageLabels struct {
	Title, Forms, File, Name, Year, Form, Rate, Score, Grade string
	Errors, Warnings, Info, Invalid, Sep                     string
	Against, Elapsed                                         string
}

func labelsOf(l words) pageLabels {
	return pageLabels{
		Title: l.t("预算绩效自评表检查报告", "Budget performance self-evaluation report"),
		Forms: l.t("各表", "Forms"), File: l.t("文件", "file"), Name: l.t("名称", "name"), Year: l.t("年度", "year"),
		Form: l.t("表式", "form"), Rate: l.t("完成率/执行率", "execution rate"), Score: l.t("总分", "score"),
		Grade: l.t("等级", "grade"), Errors: l.t("错误", "errors"), Warnings: l.t("警告", "warnings"),
		Info: l.t("提示", "info"), Invalid: l.t("无法读取", "invalid inputs"), Sep: l.t("，", ", "),
		Against: l.t("对照：", "checked against: "), Elapsed: l.t("序时进度 ", "time elapsed "),
	}
}

// NewHTMLPage starts a page on w, in lang (its html lang attribute
// included).
func NewHTMLPage(w io.Writer, lang evaluation.Lang) *HTMLPage {
	p := &HTMLPage{w: w, lang: lang, grades: map[string]int{}, buckets: make([]int, len(rateBuckets)+1)}
	l := words(lang)
	p.err = htmlpage.Open(w, htmlpage.Head{Lang: htmlpage.LangTag(string(lang)), Title: labelsOf(l).Title, Class: "report"})
	p.exec("open", struct{ L pageLabels }{labelsOf(l)})
	return p
}

func (p *HTMLPage) exec(name string, data any) {
	if p.err == nil {
		p.err = pageTemplates.ExecuteTemplate(p.w, name, data)
	}
}

type htmlFinding struct {
	Class, Severity, Rule, Cell, Path, Message, Values string
}

// Add writes one form's row and its findings, in the page's language.
func (p *HTMLPage) Add(r *evaluation.Report) error {
	p.n++
	l := words(p.lang)
	labels := labelsOf(l)
	// The charts are of the forms that are scored: a declaration has no
	// rate and no score yet, and a monitoring form's rate is of months
	// 1-X, not of the year.
	scored := r.Kind != evaluation.Declaration && r.Kind != evaluation.Monitoring
	rate := r.Figures.Execution()
	if r.Kind == evaluation.DepartmentEvaluation {
		rate = completionMeasure(r)
	}
	rateText := "—"
	if rate != nil {
		rateText = rate.Format(2)
		for i, b := range rateBuckets {
			if scored && rate.Cmp(b.min) >= 0 {
				p.buckets[i]++
				break
			}
		}
	} else if scored {
		p.buckets[len(rateBuckets)]++
	}
	elapsed := ""
	if r.Kind == evaluation.Monitoring && r.Figures.TimeElapsed != nil {
		elapsed = labels.Elapsed + r.Figures.TimeElapsed.Format(2)
	}
	against := ""
	if s := linked(l, r, safetext.Line); s != "" {
		against = labels.Against + s
	}
	score, grade, bucket := "", l.t("未评分", "unscored"), gradeUnscored
	if sc := r.Score; sc != nil {
		score = sc.Total.StringFixed(max(2, sc.Places))
		grade, bucket = sc.Grade, sc.Grade
		if !sc.Complete {
			grade, bucket = l.t("不完整", "partial"), gradePartial
		}
	}
	var sheet *htmlSheet
	if r.Kind == evaluation.DepartmentEvaluation {
		score, grade, bucket = sheetGrade(l, r)
		sheet = newHTMLSheet(l, r.Sheet)
	}
	if scored {
		p.grades[bucket]++
	}
	c := r.Counts()
	p.errors += c.Error
	p.warns += c.Warning
	year := ""
	if r.Header.Year != 0 {
		year = strconv.Itoa(r.Header.Year)
	}
	fs := make([]htmlFinding, len(r.Findings))
	for i, f := range r.Findings {
		name, key := cell(l, r.Kind, f.Path)
		vals := values(l, f)
		if vals != "" {
			vals = l.t("（"+vals+"）", "("+vals+")")
		}
		fs[i] = htmlFinding{Class: f.Severity.String(), Severity: f.Severity.In(p.lang), Rule: f.Rule, Cell: name, Path: key,
			Message: safetext.Line(f.Message.In(p.lang)), Values: vals}
	}
	p.exec("row", struct {
		N                                            int
		Source, Name, Year, Kind, Rate, Score, Grade string
		Counts                                       evaluation.Counts
		Findings                                     []htmlFinding
		Sheet                                        *htmlSheet
		Linked, Elapsed                              string
	}{p.n, safetext.Line(r.Source), safetext.Line(r.Header.Name), year, r.Kind.In(p.lang), rateText, score, grade, c, fs, sheet, against, elapsed})
	return p.err
}

// AddError writes a row for an input that could not be read, its error
// in the page's language.
func (p *HTMLPage) AddError(source string, err error) error {
	p.n++
	p.invalid++
	p.exec("invalid", struct {
		N               int
		Source, Message string
	}{p.n, safetext.Line(source), safetext.Line(Message(err, p.lang))})
	return p.err
}

type chartBar struct {
	Label                          string
	Count                          int
	LabelX, X, Y, W, TextY, CountX int
}

type chart struct {
	ID, Title     string
	Width, Height int
	Bars          []chartBar
}

// Close writes the summary and charts and ends the page.
func (p *HTMLPage) Close() error {
	l := words(p.lang)
	grades := make([]bucket, len(gradeOrder))
	for i, g := range gradeOrder {
		label := g
		switch g {
		case gradePartial:
			label = l.t("不完整", "partial")
		case gradeUnscored:
			label = l.t("未评分", "unscored")
		}
		grades[i] = bucket{label, p.grades[g]}
	}
	rates := make([]bucket, 0, len(rateBuckets)+1)
	for i, b := range rateBuckets {
		rates = append(rates, bucket{b.label, p.buckets[i]})
	}
	rates = append(rates, bucket{l.t("无法计算", "undefined"), p.buckets[len(rateBuckets)]})
	p.exec("close", struct {
		L                                pageLabels
		Forms, Errors, Warnings, Invalid int
		Charts                           []chart
	}{labelsOf(l), p.n, p.errors, p.warns, p.invalid, []chart{
		drawChart("grades", l.t("等级分布", "Grades"), grades),
		drawChart("rates", l.t("预算完成率 / 执行率分布", "Execution rates"), rates),
	}})
	if p.err == nil {
		p.err = htmlpage.Close(p.w)
	}
	return p.err
}

type bucket struct {
	label string
	count int
}

// drawChart lays out a bar per bucket. Bar lengths are drawing
// coordinates; the counts are printed beside them.
func drawChart(id, title string, bs []bucket) chart {
	most := 1
	for _, b := range bs {
		most = max(most, b.count)
	}
	const left, width, rowH = 70, 300, 20
	c := chart{ID: id, Title: title, Width: left + width + 50, Height: rowH*len(bs) + 10}
	for i, b := range bs {
		y := 5 + i*rowH
		w := b.count * width / most
		c.Bars = append(c.Bars, chartBar{Label: b.label, Count: b.count, LabelX: left - 5, X: left, Y: y, W: w, TextY: y + 11, CountX: left + w + 4})
	}
	return c
}
