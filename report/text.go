package report

import (
	"io"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
)

// Text writes the report for a person at a terminal, in the report's
// Lang: the form's name and figures, its score, then its findings in
// report order (errors first), each with the cell it points at by name
// and by key path. Every text from the form is shown on one line with its
// control characters made visible, so a form cannot repaint a terminal
// or forge a line of the report.
func Text(w io.Writer, r *evaluation.Report) error {
	l := words(r.Lang)
	colon := l.t("：", ": ")
	var b strings.Builder
	b.Grow(256 + 192*len(r.Findings))
	line := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	line(safetext.Line(r.Source))
	line("  ", title(l, r), " · ", r.Kind.In(r.Lang), " · ", l.t("规则", "profile"), " ", safetext.Line(r.Profile))
	if against := linked(l, r, safetext.Line); against != "" {
		line("  ", l.t("对照", "checked against"), colon, against)
	}
	for _, f := range figureRows(r) {
		line("  ", l.t(f.zh, f.en), colon, f.value(l, r.Header.Unit))
	}
	if sc := r.Score; sc != nil {
		line("  ", l.t("总分", "total score"), colon, scoreLine(l, sc))
	}
	if r.Kind == evaluation.DepartmentEvaluation {
		line("  ", l.t("总分", "total score"), colon, sheetLine(l, r))
		if r.Sheet != nil {
			line("  ", l.t("评分表", "score sheet"), colon)
			for _, it := range sheetItems(l, r.Sheet) {
				score := it.Score
				if it.Weight != "" {
					score += "/" + it.Weight
				}
				if it.Filed != "" {
					score += l.t("（填报 "+it.Filed+"）", " (filed "+it.Filed+")")
				}
				line("    ", safetext.Line(strings.Join(nonEmpty(it.Levels[:]), " · ")), "  ", score)
				line("      ", safetext.Line(it.Reason))
			}
		}
	}
	line("  ", l.t("发现", "findings"), colon, l.counts(r.Counts()))
	for _, f := range r.Findings {
		name, key := cell(l, r.Kind, f.Path)
		b.WriteString("  ")
		b.WriteString(f.Severity.In(r.Lang))
		b.WriteString("  ")
		b.WriteString(safetext.Line(f.Rule))
		b.WriteString("  ")
		switch {
		case name == "":
			b.WriteString(key)
		case key == "":
			b.WriteString(name)
		default:
			b.WriteString(name)
			b.WriteString(l.t("（", " ("))
			b.WriteString(key)
			b.WriteString(l.t("）", ")"))
		}
		line("\n      ", safetext.Line(f.Message.In(r.Lang)))
		if f.Expected != "" || f.Actual != "" {
			line("      ", values(l, f))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
