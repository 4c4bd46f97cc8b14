package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
)

// Markdown writes the report as a Markdown section a person can paste
// into a memo: a heading, the figures as a table, then the findings as a
// table with their rule IDs and cells.
func Markdown(w io.Writer, m Meta, r *evaluation.Report) error {
	l := labeller(m.Lang)
	var b strings.Builder
	title := r.Header.Name
	if title == "" {
		title = m.Source
	}
	if r.Header.Year != 0 {
		title = fmt.Sprintf("%s（%d）", title, r.Header.Year)
	}
	fmt.Fprintf(&b, "## %s\n\n", mdEscape(title))
	fmt.Fprintf(&b, "%s · `%s` · %s `%s`\n\n", l("表式", "form")+": "+l(r.Kind.Label(), string(r.Kind)), m.Source, l("规则", "profile"), m.Profile)
	fmt.Fprintf(&b, "| %s | %s |\n|---|---:|\n", l("指标", "figure"), l("数值", "value"))
	for _, f := range figureRows(r) {
		fmt.Fprintf(&b, "| %s | %s |\n", l(f.zh, f.en), f.value(m.Lang, r.Header.Unit.String()))
	}
	if sc := r.Score; sc != nil {
		fmt.Fprintf(&b, "| %s | %s%s%s%s |\n", l("总分", "total score"), sc.Total.StringFixed(max(2, sc.Places)), l("（", " ("), sc.Grade, l("）", ")"))
	}
	c := r.Counts()
	fmt.Fprintf(&b, "\n%s%d %s%s%d %s%s%d %s\n\n", l("发现：", "Findings: "), c.Error, l("错误", "errors"), l("，", ", "),
		c.Warning, l("警告", "warnings"), l("，", ", "), c.Info, l("提示", "info"))
	if len(r.Findings) > 0 {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
			l("级别", "severity"), l("规则", "rule"), l("位置", "cell"), l("说明", "message"), l("应为", "expected"), l("实为", "actual"))
		for _, sev := range []evaluation.Severity{evaluation.Error, evaluation.Warning, evaluation.Info} {
			for _, f := range r.Findings {
				if f.Severity == sev {
					fmt.Fprintf(&b, "| %s | `%s` | `%s` | %s | %s | %s |\n", sev, f.Rule, f.Path,
						mdEscape(f.Message.In(m.Lang)), mdEscape(f.Expected), mdEscape(f.Actual))
				}
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape keeps a cell's text from breaking the table.
func mdEscape(s string) string { return mdEscaper.Replace(s) }

// mdEscaper is built once: a strings.Replacer is safe for concurrent use,
// and building one for every cell was most of what a Markdown report cost.
var mdEscaper = strings.NewReplacer("|", `\|`, "\n", " ", "\r", "")

func labeller(lang evaluation.Lang) func(zh, en string) string {
	return func(zh, en string) string {
		if lang == evaluation.English {
			return en
		}
		return zh
	}
}

type figureRow struct {
	zh, en string
	text   *string
	amount bool
}

func (f figureRow) value(lang evaluation.Lang, unit string) string {
	if f.text == nil {
		return labeller(lang)("—（无法计算）", "— (undefined)")
	}
	if f.amount {
		return *f.text + " " + unit
	}
	return *f.text
}

// figureRows lists the figures of the report's form kind, in form order.
func figureRows(r *evaluation.Report) []figureRow {
	if r.Kind == evaluation.Department {
		return []figureRow{
			{"年度预算调整数", "adjustment", amountText(r.Figures.Adjustment), true},
			{"预算完成率", "completion rate", rateText(r.Figures.CompletionRate), false},
			{"预算调整率", "adjustment rate", rateText(r.Figures.AdjustmentRate), false},
			{"任务涉及资金合计", "task funds total", amountText(r.Figures.TaskFundsTotal), true},
			{"任务资金占实际支出", "task funds share", rateText(r.Figures.TaskFundsShare), false},
		}
	}
	return []figureRow{{"执行率", "execution rate", rateText(r.Figures.ExecutionRate), false}}
}
