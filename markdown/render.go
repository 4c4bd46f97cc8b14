package markdown

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/layout"
	"github.com/perfeval/perfeval/rubric"
)

// Texts Render writes and Import reads back.
const (
	findingsHeading      = "审核发现"
	profileCommentFormat = "<!-- perfeval profile: %s -->"
)

// Render writes the form in its official layout as Markdown tables: the
// department form as Guangzhou publishes 部门整体支出绩效自评表 (or in the
// Ministry of Finance's national layout, see the package documentation),
// the project form as the Ministry of Finance's 项目支出绩效自评表. Amounts
// print with the decimals they were written with, rates as printed.
//
// With findings (non-nil, even empty), the output is annotated: each
// finding is marked in the cell its Path names (" ✖[1]" for an error,
// " ⚠[2]" a warning, " ℹ[3]" info), or in the nearest enclosing block's
// cell when the layout does not show that cell, and all findings are
// listed, numbered, under the tables.
//
// Import reads Render's output back to the same form.
func Render(w io.Writer, f evaluation.Form, findings []evaluation.Finding) error {
	return RenderWith(w, f, RenderOptions{Findings: findings})
}

// RenderOptions say what to draw besides the form.
type RenderOptions struct {
	// Findings annotate the form, as Render's findings do; nil for none.
	Findings []evaluation.Finding
	// Rubric draws a department evaluation's 评分表: its items, standards
	// and weights, and the scores it gives where the form filed none; nil
	// for the built-in rubric the form names.
	Rubric *rubric.Rubric
}

// RenderWith is Render with the options.
func RenderWith(w io.Writer, f evaluation.Form, opt RenderOptions) error {
	findings := opt.Findings
	if f == nil || reflect.ValueOf(f).IsNil() {
		return errors.New("markdown: Render: nil form")
	}
	doc := layout.OfWith(f, layout.Options{Rubric: opt.Rubric})
	if doc == nil {
		return fmt.Errorf("markdown: Render: unsupported form %T", f)
	}
	r := &renderer{doc: doc, marks: map[*layout.Cell][]string{}}
	if findings != nil {
		r.annotate(findings)
	}
	_, err := io.WriteString(w, r.String())
	return err
}

type renderer struct {
	doc   *layout.Doc
	marks map[*layout.Cell][]string // annotation markers: "⚠[2]"
	list  []string                  // the numbered findings; nil when not annotated
}

func (r *renderer) annotate(findings []evaluation.Finding) {
	r.list = []string{} // annotated: say so even when there is nothing to list
	for i, f := range findings {
		mark := fmt.Sprintf("%s[%d]", layout.Symbol(f.Severity), i+1)
		where := "位置：" + escapeText(oneLine(f.Path))
		if f.Path == "" {
			where = "位置：整表"
		}
		if c := r.doc.CellFor(f.Path); c != nil {
			r.marks[c] = append(r.marks[c], mark)
		} else if f.Path != "" {
			where += "（表中无此单元格）"
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%d. %s %s `%s` %s：%s", i+1, layout.Symbol(f.Severity), f.Severity, escapeCode(f.Rule), where,
			escapeText(oneLine(f.Message.Zh)))
		switch {
		case f.Expected != "" && f.Actual != "":
			fmt.Fprintf(&b, "（应为：%s；实为：%s）", escapeText(oneLine(f.Expected)), escapeText(oneLine(f.Actual)))
		case f.Expected != "":
			fmt.Fprintf(&b, "（应为：%s）", escapeText(oneLine(f.Expected)))
		case f.Actual != "":
			fmt.Fprintf(&b, "（实为：%s）", escapeText(oneLine(f.Actual)))
		}
		r.list = append(r.list, b.String())
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func escapeCode(s string) string { return strings.ReplaceAll(oneLine(s), "`", "'") }

// escaper keeps text from being read as Markdown or HTML structure, and a
// text that ends like an annotation from being taken for one. Control
// characters are written as entities, which Import decodes and refuses as
// it refuses them raw: no text of a form reaches a reader's terminal raw.
var escaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`, `&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`,
	"✖[", `✖\[`, "⚠[", `⚠\[`, "ℹ[", `ℹ\[`, "\r", "&#13;")

func escapeText(s string) string { return controlEntities(escaper.Replace(s)) }

// controlEntities writes C0 and C1 control characters other than tab as
// numeric character references.
func controlEntities(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if isControl(c) {
			fmt.Fprintf(&b, "&#x%x;", c)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func isControl(c rune) bool {
	return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0)
}

// cellText is a cell's Markdown: its paragraphs (as <p>…</p> when there
// are more than one) and its markers. A value whose text would read as a
// label, a note or a placeholder where it stands has its first character
// written as a character reference (项目名称 as &#x9879;目名称): it shows
// the same, and Import reads the cell as data (see layout.NeedsLiteral).
func (r *renderer) cellText(c *layout.Cell, inTable bool) string {
	var s string
	if c != nil {
		paras := c.Paragraphs()
		literal := inTable && !c.IsLabel() && c.Path() != "" && (c.Type == layout.TextType || c.Type == layout.ListType) &&
			(c.Literal || layout.NeedsLiteral(c.Text))
		para := func(i int, p string) string {
			if i == 0 && literal && p != "" {
				r, n := utf8.DecodeRuneInString(p)
				return fmt.Sprintf("&#x%x;", r) + escapeText(p[n:])
			}
			return escapeText(p)
		}
		switch len(paras) {
		case 0:
		case 1:
			s = para(0, paras[0])
		default:
			parts := make([]string, len(paras))
			for i, p := range paras {
				parts[i] = "<p>" + para(i, p) + "</p>"
			}
			s = strings.Join(parts, " ")
		}
		if m := r.marks[c]; len(m) > 0 {
			if s != "" {
				s += " "
			}
			s += strings.Join(m, " ")
		}
	}
	return s
}

// String writes the document as Markdown.
func (r *renderer) String() string {
	var b strings.Builder
	blocks := r.doc.Blocks
	profileDone := r.doc.Profile == "" || !layout.ProfileNameRE.MatchString(r.doc.Profile)
	for i, blk := range blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch blk.Kind {
		case layout.TitleBlock, layout.LineBlock:
			b.WriteString(r.cellText(blk.Line, false))
			b.WriteByte('\n')
		case layout.NoteBlock:
			b.WriteString(strings.Join(blk.Note, "\n"))
			b.WriteByte('\n')
		case layout.TableBlock:
			r.table(&b, blk.Table)
		}
		// The profile, as a comment invisible when the Markdown is shown,
		// after the lines above the first table.
		if !profileDone && blk.Kind != layout.TableBlock && i+1 < len(blocks) && blocks[i+1].Kind == layout.TableBlock {
			b.WriteString("\n" + fmt.Sprintf(profileCommentFormat, r.doc.Profile) + "\n")
			profileDone = true
		}
	}
	if r.list != nil {
		b.WriteString("\n" + findingsHeading + "：")
		if len(r.list) == 0 {
			b.WriteString("无\n")
		} else {
			b.WriteString("\n\n")
			for _, item := range r.list {
				b.WriteString(item + "\n")
			}
		}
	}
	return b.String()
}

// table writes a table, a merged cell as its text followed by empty cells
// (as converted PDFs print it).
func (r *renderer) table(b *strings.Builder, t *layout.Table) {
	grid := layout.Grid(t)
	if t.BlankHeader {
		grid = append([][]*layout.Cell{make([]*layout.Cell, t.Width)}, grid...)
	}
	for j, row := range grid {
		b.WriteByte('|')
		for _, c := range row {
			if s := r.cellText(c, true); s != "" {
				b.WriteString(" " + s + " |")
			} else {
				b.WriteString(" |")
			}
		}
		b.WriteByte('\n')
		if j == 0 {
			b.WriteString("|" + strings.Repeat("---|", t.Width) + "\n")
		}
	}
}
