package report

import (
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
)

// words picks a text by language: the Chinese unless lang is English.
type words evaluation.Lang

func (l words) t(zh, en string) string {
	if evaluation.Lang(l) == evaluation.English {
		return en
	}
	return zh
}

func (l words) en() bool { return evaluation.Lang(l) == evaluation.English }

// count says "3 errors", "1 warning", "0 info" in English and "3 错误" in
// Chinese, which has no plural.
func (l words) count(n int, zh, one, many string) string {
	switch {
	case !l.en():
		return fmt.Sprintf("%d %s", n, zh)
	case n == 1:
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// counts is the line of finding counts: "1 错误，2 警告，0 提示" or
// "1 error, 2 warnings, 0 info".
func (l words) counts(c evaluation.Counts) string {
	return strings.Join([]string{
		l.count(c.Error, "错误", "error", "errors"),
		l.count(c.Warning, "警告", "warning", "warnings"),
		l.count(c.Info, "提示", "info", "info"),
	}, l.t("，", ", "))
}

type figureRow struct {
	zh, en string
	amount *budget.Amount
	rate   *budget.Rate
	isRate bool
}

// value is the figure as a person reads it: an amount with its unit and
// thousands separators when large, a rate at two decimals, or undefined.
func (f figureRow) value(l words, unit budget.Unit) string {
	switch {
	case f.isRate && f.rate != nil:
		return f.rate.Format(2)
	case !f.isRate && f.amount != nil:
		return f.amount.In(unit).Grouped() + " " + unit.String()
	}
	return l.t("—（无法计算）", "— (undefined)")
}

// figureRows lists the figures of the report's form kind, in form order.
func figureRows(r *evaluation.Report) []figureRow {
	switch r.Kind {
	case evaluation.Declaration:
		return nil // a declaration states targets; it has no figures yet
	case evaluation.DepartmentEvaluation:
		return measureRows(r)
	case evaluation.Monitoring:
		return []figureRow{
			{zh: "1-X月执行率", en: "execution rate to date", rate: r.Figures.ExecutionRate, isRate: true},
			{zh: "序时进度", en: "time elapsed", rate: r.Figures.TimeElapsed, isRate: true},
		}
	}
	if r.Kind == evaluation.Department {
		return []figureRow{
			{zh: "年度预算调整数", en: "adjustment", amount: r.Figures.Adjustment},
			{zh: "预算完成率", en: "completion rate", rate: r.Figures.CompletionRate, isRate: true},
			{zh: "预算调整率", en: "adjustment rate", rate: r.Figures.AdjustmentRate, isRate: true},
			{zh: "任务涉及资金合计", en: "task funds total", amount: r.Figures.TaskFundsTotal},
			{zh: "任务资金占实际支出", en: "task funds share", rate: r.Figures.TaskFundsShare, isRate: true},
		}
	}
	return []figureRow{{zh: "执行率", en: "execution rate", rate: r.Figures.ExecutionRate, isRate: true}}
}

// linked lists the earlier stages a form was checked against, each as
// its kind and its source, made safe by show (a terminal's or Markdown's
// escaping); "" when the form was linked to none.
func linked(l words, r *evaluation.Report, show func(string) string) string {
	parts := make([]string, 0, len(r.Linked))
	for _, lf := range r.Linked {
		parts = append(parts, lf.Kind.In(r.Lang)+" "+show(lf.Source))
	}
	return strings.Join(parts, l.t("；", "; "))
}

// scoreLine is the total as a person reads it: "97.39（优）", or a
// partial total with the weight it lacks and no grade.
func scoreLine(l words, sc *evaluation.FormScore) string {
	total := sc.Total.StringFixed(max(2, sc.Places))
	if !sc.Complete {
		return l.t(fmt.Sprintf("%s（不完整：%s 分无法计分，不评等级）", total, sc.UnscoredWeight),
			fmt.Sprintf("%s (partial: %s points cannot be scored; no grade)", total, sc.UnscoredWeight))
	}
	return l.t(fmt.Sprintf("%s（%s）", total, sc.Grade), fmt.Sprintf("%s (%s, scheme %s)", total, sc.Grade, sc.Scheme))
}

// title is the form's name, or its source when it has none, with its
// year; shown on one line.
func title(l words, r *evaluation.Report) string {
	name := r.Header.Name
	if strings.TrimSpace(name) == "" {
		name = r.Source
	}
	name = safetext.Line(name)
	if r.Header.Year != 0 {
		name = l.t(fmt.Sprintf("%s（%d年）", name, r.Header.Year), fmt.Sprintf("%s (%d)", name, r.Header.Year))
	}
	return name
}

// cell is where a finding points, for a reader: the cell's name on the
// form beside its key path, "任务2 · 关键指标4 · 指标完成情况
// (tasks[1].indicators[3].actual)"; the path alone when the cell has no
// name; "全表" / "whole form" for none. Both are made visible as
// safetext.Line makes them: a department evaluation's paths hold its item
// paths, keys a form may write with any character an escape spells.
func cell(l words, kind evaluation.Kind, path string) (name, key string) {
	if path == "" {
		return l.t("全表", "whole form"), ""
	}
	name = evaluation.CellName(kind, path, evaluation.Lang(l))
	if name == path {
		name = "" // "overall (overall)" says nothing twice
	}
	return safetext.Line(name), safetext.Line(path)
}

// values is "应为 ≥ 500万元 · 实为 480万元" with the parts there are.
func values(l words, f evaluation.Finding) string {
	var vals []string
	if f.Expected != "" {
		vals = append(vals, l.t("应为 ", "expected ")+safetext.Clip(f.Expected))
	}
	if f.Actual != "" {
		vals = append(vals, l.t("实为 ", "actual ")+safetext.Clip(f.Actual))
	}
	return strings.Join(vals, " · ")
}
