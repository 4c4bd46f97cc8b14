package layout

import (
	"regexp"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// yearLineRE matches the line under a title stating the year: （2025年度）.
var yearLineRE = regexp.MustCompile(`^[（(]?\s*([0-9０-９]{4})\s*年度?\s*[）)]?$`)

var numberedRE = regexp.MustCompile(`^[0-9０-９]+\s*[.．、)）]`)

// isNote reports whether text opens a note: 注：…
func isNote(text string) bool {
	t := vocab.Fold(strings.TrimLeft(text, "-*+># \t")) // 备注： and 备注: alike
	return strings.HasPrefix(t, "注:") || t == "注" || strings.HasPrefix(t, "备注:") || strings.HasPrefix(t, "说明:")
}

// readLines reads the lines outside the tables: the title, the year under
// it, the unit, the profile a rendering keeps, the form's note, a
// rendering's list of findings, and "label：value" lines.
func (r *reader) readLines() {
	inFindings := false
	for i := 0; i < len(r.lines); i++ {
		l := r.lines[i]
		t := lineText(l.Text)
		switch {
		case inFindings:
			r.disp[l.id] = disposition{kind: dSkipped}
		case strings.HasPrefix(t, FindingsHeading):
			// An annotated rendering's findings: not part of the form.
			inFindings = true
			r.disp[l.id] = disposition{kind: dSkipped}
		case profileRE.MatchString(strings.TrimSpace(l.Text)):
			r.setProfile(profileRE.FindStringSubmatch(strings.TrimSpace(l.Text))[1])
			r.disp[l.id] = disposition{kind: dLabel}
		case isNote(t):
			// The note runs on over the lines that follow it without a
			// blank line, and over numbered items.
			ids := []int{l.id}
			text := t
			for i+1 < len(r.lines) && (r.lines[i+1].Pos.Line == r.lines[i].Pos.Line+1 || numberedRE.MatchString(lineText(r.lines[i+1].Text))) &&
				!strings.HasPrefix(lineText(r.lines[i+1].Text), FindingsHeading) && !isNote(lineText(r.lines[i+1].Text)) {
				i++
				ids = append(ids, r.lines[i].id)
				text += "\n" + lineText(r.lines[i].Text)
			}
			r.formNote(ids, text)
		default:
			r.line(l, t)
		}
	}
}

// line reads one line that is neither a note nor a comment.
func (r *reader) line(l *Line, t string) {
	if k, ok := vocab.Title(t); ok {
		r.disp[l.id] = disposition{kind: dLabel}
		if r.titleLine == nil && r.kindOf(k) == r.kind {
			r.titleLine = l
		}
		if r.titleSays(t) {
			r.keepLine(l, TitleLabel, t)
		}
		return
	}
	if m := yearLineRE.FindStringSubmatch(t); m != nil {
		if y, err := ParseYear(m[1]); err == nil && !r.yearSet {
			if f, ok := fieldOf(r.fields, vocab.Year); ok {
				*f.year = y
				r.yearSet = true
				r.disp[l.id] = disposition{kind: dPlaced, path: "year"}
				r.firstAt["year"] = l.Pos
				return
			}
		}
	}
	if _, ok := unitIn(t); ok || vocab.IsHeading(t) || vocab.Lookup(t).ID == vocab.Heading {
		// 单位：万元 (read before the rows); 附件1, 公开14表 above a table.
		r.disp[l.id] = disposition{kind: dLabel}
		return
	}
	// "label：value", or several on one line: 单位名称：某局 填报日期：2023年4月6日.
	pairs := linePairs(t)
	if len(pairs) == 0 {
		return
	}
	for _, p := range pairs {
		m := vocab.Lookup(p[0])
		if f, ok := fieldOf(r.fields, m.ID); ok && f.typ == TextType && *f.text == "" && p[1] != "" && len(pairs) == 1 {
			*f.text = p[1]
			r.disp[l.id] = disposition{kind: dPlaced, path: f.path}
			r.firstAt[f.path] = l.Pos
			continue
		}
		r.keepLine(l, labelOf(p[0]), p[1])
	}
}

// linePairs splits a line into its "label：value" pairs when every part of
// it is one with a known label; none otherwise.
func linePairs(t string) [][2]string {
	var out [][2]string
	for _, chunk := range strings.Fields(t) {
		lb, val, ok := cutColon(chunk)
		if !ok || vocab.Lookup(lb).ID == vocab.None {
			if len(out) == 0 {
				break
			}
			// A value with a space inside belongs to the pair before it.
			out[len(out)-1][1] += " " + chunk
			continue
		}
		out = append(out, [2]string{lb, val})
	}
	if len(out) == 0 {
		if lb, val, ok := cutColon(t); ok && vocab.Lookup(lb).ID != vocab.None {
			return [][2]string{{lb, strings.TrimSpace(val)}}
		}
	}
	return out
}

func cutColon(s string) (string, string, bool) {
	for _, sep := range []string{"：", ":"} {
		if lb, val, ok := strings.Cut(s, sep); ok {
			return strings.TrimSpace(lb), strings.TrimSpace(val), true
		}
	}
	return "", "", false
}

func labelOf(s string) string { return strings.TrimRight(strings.TrimSpace(s), "：:") }

// TitleLabel labels a title kept in the form's extra list.
const TitleLabel = evaluation.TitleLabel

var yearsRE = regexp.MustCompile(`[（(]?\s*[0-9０-９]{4}\s*年度?\s*[）)]?`)

// titleSays reports whether a title says more than the form's kind and
// year (忠烈祠免费开放经费236.25万元部门整体支出绩效自评表, 市级文物保护专项经费
// 绩效自评表): it is kept, whole, in the form's extra list, so that what it
// says (an amount, a project's name) is not lost.
func (r *reader) titleSays(t string) bool {
	rest := yearsRE.ReplaceAllString(vocab.Fold(t), "")
	rest = strings.Map(func(c rune) rune {
		if c == ' ' || c == '\u3000' || c == '*' || c == '#' {
			return -1
		}
		return c
	}, rest)
	return rest != r.kind.Label() && !vocab.GenericTitle(kindBit(r.kind), rest)
}

func (r *reader) kindOf(k vocab.Kinds) evaluation.Kind {
	switch k {
	case vocab.Department:
		return evaluation.Department
	case vocab.Project:
		return evaluation.Project
	case vocab.Declaration:
		return evaluation.Declaration
	case vocab.Monitoring:
		return evaluation.Monitoring
	}
	return ""
}

// keepLine keeps a labelled line in the form's extra list.
func (r *reader) keepLine(l *Line, label, text string) {
	if len(*r.extra) >= MaxList {
		return // check reports the list as too long
	}
	if text == "" {
		r.disp[l.id] = disposition{kind: dLabel}
		return
	}
	p := extraPath(len(*r.extra))
	*r.extra = append(*r.extra, evaluation.Extra{Label: label, Text: text})
	r.disp[l.id] = disposition{kind: dExtra, label: label, path: p}
}

// formNote reads the form's note: Guangzhou's note stands for the profile
// it is filed under; any other note is kept in the form's extra list.
func (r *reader) formNote(ids []int, text string) {
	if IsGuangzhouNote(text) && r.kind == evaluation.Department {
		r.setProfile(ProfileGuangzhou2021)
		for _, id := range ids {
			r.disp[id] = disposition{kind: dLabel}
		}
		return
	}
	label, body := "注", text
	if lb, rest, ok := cutLabel(text); ok {
		label, body = lb, rest
	}
	p := extraPath(len(*r.extra))
	*r.extra = append(*r.extra, evaluation.Extra{Label: label, Text: body})
	for _, id := range ids {
		r.disp[id] = disposition{kind: dExtra, label: label, path: p}
	}
}

// cutLabel splits "注：…" into 注 and the rest.
func cutLabel(s string) (string, string, bool) {
	t := strings.TrimLeft(s, "-*+># \t")
	for _, sep := range []string{"：", ":"} {
		if lb, rest, ok := strings.Cut(t, sep); ok && len(lb) <= 12 {
			return strings.TrimSpace(lb), strings.TrimSpace(rest), true
		}
	}
	return "", "", false
}

func (r *reader) setProfile(name string) {
	if f, ok := fieldOf(r.fields, vocab.Profile); ok && *f.text == "" {
		*f.text = name
	}
}
