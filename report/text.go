package report

import (
	"fmt"
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
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", safetext.Line(r.Source))
	fmt.Fprintf(&b, "  %s · %s · %s %s\n", title(l, r), r.Kind.In(r.Lang), l.t("规则", "profile"), safetext.Line(r.Profile))
	for _, f := range figureRows(r) {
		fmt.Fprintf(&b, "  %s%s%s\n", l.t(f.zh, f.en), l.t("：", ": "), f.value(l, r.Header.Unit))
	}
	if sc := r.Score; sc != nil {
		fmt.Fprintf(&b, "  %s%s%s\n", l.t("总分", "total score"), l.t("：", ": "), scoreLine(l, sc))
	}
	fmt.Fprintf(&b, "  %s%s%s\n", l.t("发现", "findings"), l.t("：", ": "), l.counts(r.Counts()))
	for _, f := range r.Findings {
		name, key := cell(l, r.Kind, f.Path)
		where := name
		switch {
		case name == "" || name == key:
			where = key
		case key != "":
			where = name + l.t("（"+key+"）", " ("+key+")")
		}
		fmt.Fprintf(&b, "  %s  %s  %s\n      %s\n", f.Severity.In(r.Lang), safetext.Line(f.Rule), where, safetext.Line(f.Message.In(r.Lang)))
		if v := values(l, f); v != "" {
			fmt.Fprintf(&b, "      %s\n", v)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
