package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/htmlpage"
	"github.com/perfeval/perfeval/internal/layout"
	"github.com/perfeval/perfeval/internal/safetext"
	"github.com/perfeval/perfeval/rubric"
)

// Options says what to draw besides the form.
type Options struct {
	// Findings are shown at their cells (perfeval render -annotate); nil
	// for none.
	Findings []evaluation.Finding
	// Score, when not nil, adds the chart of score against weight.
	Score *evaluation.FormScore
	// Lang is the language of the page's own words and of finding
	// messages; Chinese by default. The form's own labels are always
	// Chinese, as printed.
	Lang evaluation.Lang
	// Rubric draws a department evaluation's 评分表: its items, standards
	// and weights, and the scores it gives where the form filed none; nil
	// for the built-in rubric the form names.
	Rubric *rubric.Rubric
}

// Style is the page's stylesheet: A4 landscape, no external assets. It is
// the stylesheet every HTML page of perfeval shares.
const Style = string(htmlpage.Style)

// HTML writes the form as a standalone page in its official layout.
func HTML(w io.Writer, f evaluation.Form, opt Options) error {
	p, err := build(f, opt)
	if err != nil {
		return err
	}
	title := f.Kind().Label()
	if n := f.Header().Name; n != "" {
		title += " — " + safetext.Line(n)
	}
	if err := htmlpage.Open(w, htmlpage.Head{Lang: htmlpage.LangTag(string(opt.Lang)), Title: title}); err != nil {
		return err
	}
	if err := fragment.Execute(w, p); err != nil {
		return err
	}
	return htmlpage.Close(w)
}

// Fragment writes the form's tables, findings and chart without the page
// around them, for embedding in a page of one's own.
func Fragment(w io.Writer, f evaluation.Form, opt Options) error {
	p, err := build(f, opt)
	if err != nil {
		return err
	}
	return fragment.Execute(w, p)
}

// The page as the template draws it.
type (
	page struct {
		Title    string
		Lines    []line
		General  []general
		Tables   []table
		Note     []string
		Chart    *chart
		Words    words
		Findings []item
	}
	line struct {
		Text  string
		Path  string
		Marks []mark
	}
	general struct {
		Mark    mark
		Message string
	}
	table struct {
		Cols []struct{}
		Rows [][]cell
	}
	cell struct {
		Header           bool
		ColSpan, RowSpan int
		Class            string
		Path             string
		Paras            []string
		Marks            []mark
	}
	mark struct {
		Severity string
		N        int
		Title    string
		Symbol   string
	}
	item struct {
		N                    int
		Severity, Rule, Path string
		Message              string
		Values               string // 应为 …；实为 …, what the finding has
	}
	words struct {
		Findings, Open, Close string
	}
	chart struct {
		Caption       string
		Width, Height int
		Bars          []bar
	}
	bar struct {
		Label                string
		LabelX, TextX, Y, BY int
		Left                 int
		WeightW, ScoreW      string
		Figures              string
	}
)

var wordsIn = map[evaluation.Lang]words{
	evaluation.Chinese: {Findings: "发现", Open: "（", Close: "）"},
	evaluation.English: {Findings: "Findings", Open: " (", Close: ")"},
}

func build(f evaluation.Form, opt Options) (*page, error) {
	if f == nil || reflect.ValueOf(f).IsNil() {
		return nil, errors.New("render: nil form")
	}
	doc := layout.OfWith(f, layout.Options{Rubric: opt.Rubric})
	if doc == nil {
		return nil, fmt.Errorf("render: unsupported form %T", f)
	}
	w, ok := wordsIn[opt.Lang]
	if !ok {
		w = wordsIn[evaluation.Chinese]
	}
	p := &page{Words: w}
	// Place each finding at its cell, numbered in report order.
	marks := map[*layout.Cell][]mark{}
	for i, fd := range opt.Findings {
		msg := safetext.Line(fd.Message.In(opt.Lang))
		m := mark{Severity: fd.Severity.String(), N: i + 1, Title: safetext.Line(fd.Rule) + ": " + msg, Symbol: layout.Symbol(fd.Severity)}
		if c := doc.CellFor(fd.Path); c != nil {
			marks[c] = append(marks[c], m)
		} else {
			p.General = append(p.General, general{Mark: m, Message: msg})
		}
		it := item{N: i + 1, Severity: fd.Severity.String(), Rule: safetext.Line(fd.Rule), Path: safetext.Line(fd.Path), Message: msg,
			Values: safetext.Line(fd.Values(opt.Lang))}
		p.Findings = append(p.Findings, it)
	}
	for _, blk := range doc.Blocks {
		switch blk.Kind {
		case layout.TitleBlock:
			p.Title = safetext.Line(blk.Line.Text)
		case layout.LineBlock:
			p.Lines = append(p.Lines, line{Text: safetext.Line(blk.Line.Text), Path: safetext.Line(blk.Line.Path()), Marks: marks[blk.Line]})
		case layout.NoteBlock:
			for _, n := range blk.Note {
				p.Note = append(p.Note, safetext.Line(n))
			}
		case layout.TableBlock:
			p.Tables = append(p.Tables, drawTable(blk.Table, marks, opt.Findings))
		}
	}
	if opt.Score != nil {
		p.Chart = drawChart(opt.Score, opt.Lang)
	}
	return p, nil
}

// drawTable turns a laid-out table into rows of HTML cells: merged cells
// drawn once with their spans, runs of equal level cells merged, every
// position no cell fills drawn empty, so each row spans the full width.
func drawTable(t *layout.Table, marks map[*layout.Cell][]mark, fs []evaluation.Finding) table {
	cells, covered := layout.Spans(t)
	runs := t.MergeRuns()
	out := table{Cols: make([]struct{}, t.Width)}
	// A run's head spans the rows of the run below it.
	runCovered := map[[2]int]bool{}
	for i, row := range cells {
		for j, c := range row {
			if c != nil && c.Run && runs[c] > 1 {
				for k := 1; k < runs[c]; k++ {
					runCovered[[2]int{i + k, j}] = true
				}
			}
		}
	}
	for i, row := range cells {
		var r []cell
		for j, c := range row {
			if covered[i][j] || runCovered[[2]int{i, j}] {
				continue
			}
			if c == nil {
				r = append(r, cell{})
				continue
			}
			x := cell{Header: c.IsLabel(), ColSpan: c.ColSpan, RowSpan: c.RowSpan, Path: safetext.Line(c.Path()), Marks: marks[c]}
			for _, para := range c.Paragraphs() {
				x.Paras = append(x.Paras, safetext.Line(para))
			}
			if c.Run {
				x.RowSpan = max(1, runs[c])
			}
			switch c.Type {
			case layout.AmountType, layout.RateType, layout.NumberType, layout.YearType:
				x.Class = "num"
			}
			if len(x.Marks) > 0 {
				worst := evaluation.Info
				for _, m := range x.Marks {
					worst = max(worst, fs[m.N-1].Severity)
				}
				if x.Class != "" {
					x.Class += " "
				}
				x.Class += "flag-" + worst.String()
			}
			r = append(r, x)
		}
		out.Rows = append(out.Rows, r)
	}
	return out
}

// drawChart draws score against weight for the execution row and each
// level-one dimension, as horizontal bars: the outline is the weight, the
// filled part the score.
func drawChart(s *evaluation.FormScore, lang evaluation.Lang) *chart {
	type row struct {
		name          string
		weight, score decimal.Decimal
	}
	var rows []row
	budgetName := "预算执行"
	if lang == evaluation.English {
		budgetName = "Budget execution"
	}
	if s.Budget != nil {
		sc := decimal.Zero
		if s.Budget.Defined {
			sc = s.Budget.Rounded
		}
		rows = append(rows, row{budgetName, s.Budget.Weight, sc})
	}
	for _, l := range s.Dimensions {
		rows = append(rows, row{l.Level.String(), l.Weight, l.Score})
	}
	if len(rows) == 0 {
		return nil
	}
	maxW := decimal.NewFromInt(1)
	for _, x := range rows {
		if x.weight.Cmp(maxW) > 0 {
			maxW = x.weight
		}
	}
	const left, width, rowH = 80, 480, 26
	places := max(2, s.Places)
	c := &chart{Width: left + width + 120, Height: rowH*len(rows) + 30}
	if lang == evaluation.English {
		c.Caption = fmt.Sprintf("Score against weight (%s): total %s, grade %s", s.Scheme, s.Total.StringFixed(places), s.Grade)
	} else {
		c.Caption = fmt.Sprintf("得分与分值（%s）：总分 %s，等级 %s", s.Scheme, s.Total.StringFixed(places), s.Grade)
	}
	scale := func(d decimal.Decimal) string {
		// Pixel positions are drawing coordinates, not figures; the exact
		// figures are printed beside each bar.
		return d.Mul(decimal.NewFromInt(width)).DivRound(maxW, 1).String()
	}
	for i, x := range rows {
		y := 10 + i*rowH
		c.Bars = append(c.Bars, bar{Label: x.name, LabelX: left - 6, TextX: left + width + 6, Y: y + 14, BY: y + 2, Left: left,
			WeightW: scale(x.weight), ScoreW: scale(x.score), Figures: x.score.StringFixed(places) + " / " + x.weight.String()})
	}
	return c
}

var fragment = template.Must(template.New("form").Parse(formTemplate))
