package report

import (
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
	"github.com/perfeval/perfeval/rubric"
)

// A department evaluation's report shows its measures as figures and its
// score sheet (评分表) item by item: the item's levels, its weight, the
// score and the reason in words, in the report's language. The sheet is
// the one Evaluate computed; what the form filed in it is compared by the
// rubric rules, whose findings follow as for any form.

// measureRows are a department evaluation's measures as figure rows:
// every measure that is defined, and every one an item of the sheet
// scores (undefined ones show as such), in the framework's order. The
// JSON report lists them all.
func measureRows(r *evaluation.Report) []figureRow {
	used := map[rubric.MeasureName]bool{}
	if r.Sheet != nil {
		for _, is := range r.Sheet.Items {
			used[is.Measure.Name] = true
		}
	}
	var rows []figureRow
	for _, f := range r.Figures.Measures {
		if f.Value == nil && !used[f.Measure.Name] {
			continue
		}
		label := f.Measure.Label()
		rows = append(rows, figureRow{zh: label.Zh, en: label.En, rate: f.Value, isRate: true})
	}
	return rows
}

// sheetLine is the sheet's total as a person reads it: "86.00（良）",
// or a partial total with the weight it lacks and no grade; the sheet's
// absence said in words.
func sheetLine(l words, r *evaluation.Report) string {
	s := r.Sheet
	if s == nil {
		return l.t("未计分（没有评分办法）", "not scored (no rubric)")
	}
	total := s.Total.StringFixed(2)
	if !s.Complete {
		var zh, en []string
		if !s.UnscoredWeight.IsZero() {
			zh = append(zh, fmt.Sprintf("%s 分无法计分", s.UnscoredWeight))
			en = append(en, fmt.Sprintf("%s points cannot be scored", s.UnscoredWeight))
		}
		if s.WeightsOff() {
			zh = append(zh, fmt.Sprintf("各项分值合计 %s，不是100", s.Weight))
			en = append(en, fmt.Sprintf("the weights sum to %s, not 100", s.Weight))
		}
		return l.t(fmt.Sprintf("%s（不完整：%s，不评等级；评分办法 %s）", total, strings.Join(zh, "，"), s.Rubric),
			fmt.Sprintf("%s (partial: %s; no grade; rubric %s)", total, strings.Join(en, "; "), s.Rubric))
	}
	return l.t(fmt.Sprintf("%s（%s；评分办法 %s）", total, s.Grade, s.Rubric), fmt.Sprintf("%s (%s, rubric %s)", total, s.Grade, s.Rubric))
}

// sheetItem is one item of the sheet as the reports print it.
type sheetItem struct {
	Levels [3]string // 一级, 二级, 三级 (a longer path's last levels joined into the third)
	Weight string    // "8"; "" for an absent item whose points are not shown
	Score  string    // "8.00"; "—" unscored; "" absent
	Filed  string    // the score the sheet as filed gives, as written; "" for none
	Reason string
}

// sheetItems lists the sheet's items in the report's language.
func sheetItems(l words, s *rubric.Sheet) []sheetItem {
	lang := rubric.Chinese
	if l.en() {
		lang = rubric.English
	}
	out := make([]sheetItem, len(s.Items))
	for i, is := range s.Items {
		it := sheetItem{Levels: levels(is.Path), Reason: is.Reason.In(lang)}
		if !is.Weight.IsZero() || is.Status != rubric.Absent {
			it.Weight = is.Weight.String()
		}
		if is.Reported != nil {
			it.Filed = is.Reported.String()
		}
		switch {
		case is.Score != nil:
			it.Score = is.Score.StringFixed(2)
		case is.Status == rubric.Unscored:
			it.Score = "—"
		}
		out[i] = it
	}
	return out
}

// levels spreads an item's path over the three levels of the sheet: a
// shorter path fills the first ones, a longer one joins its last levels.
func levels(path []string) [3]string {
	var out [3]string
	switch {
	case len(path) <= 3:
		copy(out[:], path)
	default:
		out[0], out[1] = path[0], path[1]
		out[2] = strings.Join(path[2:], "/")
	}
	return out
}

// sheetHeads are the sheet's column heads in the report's language.
func sheetHeads(l words) []string {
	return []string{l.t("一级指标", "level 1"), l.t("二级指标", "level 2"), l.t("三级指标", "level 3"),
		l.t("分值", "weight"), l.t("得分", "score"), l.t("填报得分", "score filed"), l.t("扣分原因", "reason")}
}

// markdownSheet writes the sheet as a Markdown table after the figures.
func markdownSheet(b *strings.Builder, l words, s *rubric.Sheet) {
	fmt.Fprintf(b, "\n%s%s%s\n\n", l.t("评分表", "Score sheet"), l.t("：", ": "), codeSpan(s.Rubric))
	heads := sheetHeads(l)
	b.WriteString("| " + strings.Join(heads, " | ") + " |\n|---|---|---|---:|---:|---:|---|\n")
	for _, it := range sheetItems(l, s) {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n", mdText(it.Levels[0]), mdText(it.Levels[1]), mdText(it.Levels[2]),
			it.Weight, mdText(it.Score), it.Filed, mdText(it.Reason))
	}
}

// nonEmpty is the texts that are not empty.
func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// completionMeasure is a department evaluation's 预算完成率, the figure the
// HTML page shows beside the self-evaluations' execution rates.
func completionMeasure(r *evaluation.Report) *budget.Rate {
	for _, f := range r.Figures.Measures {
		if f.Measure.Name == rubric.BudgetCompletionRate {
			return f.Value
		}
	}
	return nil
}

// sheetGrade is the HTML page's score, grade and grade bucket of a
// department evaluation.
func sheetGrade(l words, r *evaluation.Report) (score, grade, bucket string) {
	s := r.Sheet
	switch {
	case s == nil:
		return "", l.t("未评分", "unscored"), gradeUnscored
	case !s.Complete:
		return s.Total.StringFixed(2), l.t("不完整", "partial"), gradePartial
	}
	return s.Total.StringFixed(2), s.Grade, s.Grade
}

// htmlSheet is a department evaluation's sheet on the HTML page, under
// its row; html/template escapes every text.
type htmlSheet struct {
	Heads []string
	Items []sheetItem
}

func newHTMLSheet(l words, s *rubric.Sheet) *htmlSheet {
	if s == nil {
		return nil
	}
	items := sheetItems(l, s)
	for i := range items {
		for j := range items[i].Levels {
			items[i].Levels[j] = safetext.Line(items[i].Levels[j])
		}
		items[i].Reason = safetext.Line(items[i].Reason)
	}
	return &htmlSheet{Heads: sheetHeads(l), Items: items}
}
