package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
)

// Markdown writes the report as a Markdown section a person can paste
// into a memo, in the report's Lang: a heading, the figures as a table,
// then the findings as a table in report order with their rule IDs and
// cells. Text from a form is escaped: it carries no HTML and no Markdown
// markup of its own into the page, and breaks no table or code span.
func Markdown(w io.Writer, r *evaluation.Report) error {
	l := words(r.Lang)
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", mdText(title(l, r)))
	fmt.Fprintf(&b, "%s%s%s · %s · %s %s\n\n", l.t("表式", "form"), l.t("：", ": "), r.Kind.In(r.Lang),
		codeSpan(r.Source), l.t("规则", "profile"), codeSpan(r.Profile))
	if against := linked(l, r, codeSpan); against != "" {
		fmt.Fprintf(&b, "%s%s%s\n\n", l.t("对照", "Checked against"), l.t("：", ": "), against)
	}
	fmt.Fprintf(&b, "| %s | %s |\n|---|---:|\n", l.t("指标", "figure"), l.t("数值", "value"))
	for _, f := range figureRows(r) {
		fmt.Fprintf(&b, "| %s | %s |\n", l.t(f.zh, f.en), mdText(f.value(l, r.Header.Unit)))
	}
	if sc := r.Score; sc != nil {
		fmt.Fprintf(&b, "| %s | %s |\n", l.t("总分", "total score"), mdText(scoreLine(l, sc)))
	}
	if r.Kind == evaluation.DepartmentEvaluation {
		fmt.Fprintf(&b, "| %s | %s |\n", l.t("总分", "total score"), mdText(sheetLine(l, r)))
		if r.Sheet != nil {
			markdownSheet(&b, l, r.Sheet)
		}
	}
	fmt.Fprintf(&b, "\n%s%s%s\n\n", l.t("发现", "Findings"), l.t("：", ": "), l.counts(r.Counts()))
	if len(r.Findings) > 0 {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
			l.t("级别", "severity"), l.t("规则", "rule"), l.t("位置", "cell"), l.t("说明", "message"), l.t("应为 / 实为", "expected / actual"))
		for _, f := range r.Findings {
			name, key := cell(l, r.Kind, f.Path)
			where := mdText(name)
			if key != "" {
				if where != "" {
					where += " "
				}
				where += codeSpan(key)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", f.Severity.In(r.Lang), codeSpan(f.Rule), where,
				mdText(f.Message.In(r.Lang)), mdText(values(l, f)))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdText makes text safe as Markdown inline text, in a table cell or a
// heading: one line, control characters visible, HTML characters as
// entities (so <script> shows as text and runs nowhere), and Markdown's
// own punctuation escaped so it shows as written.
func mdText(s string) string { return mdEscaper.Replace(safetext.Line(s)) }

// mdEscaper is built once: a strings.Replacer is safe for concurrent use.
var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`,
	"[", `\[`, "]", `\]`, "#", `\#`, "~", `\~`,
)

// codeSpan writes s as a Markdown code span that s cannot end early: its
// fence is one backtick longer than the longest run of backticks in s,
// padded with a space where s begins or ends with one. A | is escaped so
// that a table cell holding the span stays one cell.
func codeSpan(s string) string {
	s = strings.ReplaceAll(safetext.Line(s), "|", `\|`)
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || s == "" {
		s = " " + s + " "
	}
	return fence + s + fence
}
