package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
)

// Text writes the report for a person at a terminal: the form's name and
// figures, then its findings grouped by severity, errors first.
func Text(w io.Writer, m Meta, r *evaluation.Report) error {
	l := labeller(m.Lang)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", m.Source)
	year := ""
	if r.Header.Year != 0 {
		year = fmt.Sprintf(" %d", r.Header.Year)
	}
	fmt.Fprintf(&b, "  %s%s · %s · %s %s\n", r.Header.Name, year, l(r.Kind.Label(), string(r.Kind)), l("规则", "profile"), m.Profile)
	for _, f := range figureRows(r) {
		fmt.Fprintf(&b, "  %s: %s\n", l(f.zh, f.en), f.value(m.Lang, r.Header.Unit.String()))
	}
	if sc := r.Score; sc != nil {
		fmt.Fprintf(&b, "  %s: %s (%s, %s)\n", l("总分", "total score"), sc.Total.StringFixed(max(2, sc.Places)), sc.Grade, sc.Scheme)
	}
	c := r.Counts()
	fmt.Fprintf(&b, "  %s: %d %s, %d %s, %d %s\n", l("发现", "findings"),
		c.Error, l("错误", "errors"), c.Warning, l("警告", "warnings"), c.Info, l("提示", "info"))
	for _, sev := range []evaluation.Severity{evaluation.Error, evaluation.Warning, evaluation.Info} {
		for _, f := range r.Findings {
			if f.Severity != sev {
				continue
			}
			path := f.Path
			if path == "" {
				path = "-"
			}
			fmt.Fprintf(&b, "  %-7s %s  %s\n          %s\n", sev, f.Rule, path, f.Message.In(m.Lang))
			var vals []string
			if f.Expected != "" {
				vals = append(vals, l("应为 ", "expected ")+f.Expected)
			}
			if f.Actual != "" {
				vals = append(vals, l("实为 ", "actual ")+f.Actual)
			}
			if len(vals) > 0 {
				fmt.Fprintf(&b, "          %s\n", strings.Join(vals, " · "))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
