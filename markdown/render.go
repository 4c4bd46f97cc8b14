package markdown

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// ProfileGuangzhou2021 is the profile whose form carries Guangzhou's note
// on key projects (注：每个部门至少开展一个重点项目绩效评价 …). Render prints the
// note for a department form filed under it; Import sets it when a
// document's note mentions 重点项目 and 500万元.
const ProfileGuangzhou2021 = "guangzhou-2021"

// guangzhouNote is the note under the Guangzhou department form, as
// published (see testdata/tianhe-2021-department-self-evaluation.md).
var guangzhouNote = []string{
	"注：1. 每个部门至少开展一个重点项目绩效评价。",
	"2. 重点项目是指预算金额500万元以上项目；如果部门没500万元以上项目，则根据部门职能自选一个重点项目。",
}

// Texts Render writes and Import reads back.
const (
	keyProjectBudgetPrefix = "项目预算："
	keyProjectSelfSelected = "自选重点项目"
	findingsHeading        = "审核发现"
	profileCommentFormat   = "<!-- perfeval profile: %s -->"
)

// Render writes the form in its official layout as Markdown tables: the
// department form as Guangzhou publishes 部门整体支出绩效自评表 (see the
// package documentation), the project form as the Ministry of Finance's
// 项目支出绩效自评表. Amounts print with the decimals they were written
// with, rates as printed.
//
// With findings (non-nil, even empty), the output is annotated: each
// finding is marked in the cell its Path names (" ✖[1]" for an error,
// " ⚠[2]" a warning, " ℹ[3]" info), or in the nearest enclosing block's
// cell when the layout does not show that cell, and all findings are
// listed, numbered, under the tables.
//
// Import reads Render's output back to the same form.
func Render(w io.Writer, f evaluation.Form, findings []evaluation.Finding) error {
	var l *layout
	switch f := f.(type) {
	case *evaluation.DepartmentForm:
		if f == nil {
			return errors.New("markdown: Render: nil form")
		}
		l = layoutDepartment(f)
	case *evaluation.ProjectForm:
		if f == nil {
			return errors.New("markdown: Render: nil form")
		}
		l = layoutProject(f)
	default:
		return fmt.Errorf("markdown: Render: unsupported form %T", f)
	}
	if findings != nil {
		l.annotate(findings)
	}
	_, err := io.WriteString(w, l.String())
	return err
}

// rcell is one cell (or line) of the rendered layout.
type rcell struct {
	paras []string // plain text, one entry per paragraph
	marks []string // annotation markers: "⚠[2]"
}

// rblock is a line of text, a raw line, or a table.
type rblock struct {
	line  *rcell
	raw   string
	table [][]*rcell // row 0 is the Markdown header row
	width int
}

// layout is a form laid out for printing. cells maps every key path the
// layout shows to its cell: it is the one place where paths meet cells,
// filled as the cells are laid out.
type layout struct {
	blocks []*rblock
	cells  map[string]*rcell
	list   []string // the numbered findings
}

func newLayout() *layout { return &layout{cells: map[string]*rcell{}} }

// cell makes a cell of text (paragraphs split at "\n") shown at the given
// key paths.
func (l *layout) cell(text string, paths ...string) *rcell {
	c := &rcell{}
	if text != "" {
		c.paras = strings.Split(text, "\n")
	}
	for _, p := range paths {
		if _, taken := l.cells[p]; !taken {
			l.cells[p] = c
		}
	}
	return c
}

// label makes a label cell.
func (l *layout) label(lb label, project bool, paths ...string) *rcell {
	return l.cell(labelText(lb, project), paths...)
}

func (l *layout) line(text string, paths ...string) {
	l.blocks = append(l.blocks, &rblock{line: l.cell(text, paths...)})
}

func (l *layout) rawLine(s string) { l.blocks = append(l.blocks, &rblock{raw: s}) }

func (l *layout) table(width int) *rblock {
	b := &rblock{width: width}
	l.blocks = append(l.blocks, b)
	return b
}

// row appends a row, padded with empty cells to the table's width; nil
// cells are empty.
func (b *rblock) row(cells ...*rcell) {
	r := make([]*rcell, b.width)
	for i := range r {
		if i < len(cells) && cells[i] != nil {
			r[i] = cells[i]
		} else {
			r[i] = &rcell{}
		}
	}
	b.table = append(b.table, r)
}

// resolve finds the cell of a key path: the cell itself, else the
// cell of the nearest enclosing path the layout shows; nil for none.
func (l *layout) resolve(path string) *rcell {
	for p := path; ; p = parentPath(p) {
		if c, ok := l.cells[p]; ok {
			return c
		}
		if p == "" {
			return nil
		}
	}
}

// parentPath strips the last step of a key path: "tasks[1].funds" →
// "tasks[1]" → "tasks" → "".
func parentPath(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
		return ""
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

func symbol(s evaluation.Severity) string {
	switch s {
	case evaluation.Error:
		return "✖"
	case evaluation.Warning:
		return "⚠"
	}
	return "ℹ"
}

func (l *layout) annotate(findings []evaluation.Finding) {
	for i, f := range findings {
		mark := fmt.Sprintf("%s[%d]", symbol(f.Severity), i+1)
		where := "位置：" + escapeText(oneLine(f.Path))
		if f.Path == "" {
			where = "位置：整表"
		}
		if c := l.resolve(f.Path); c != nil {
			c.marks = append(c.marks, mark)
		} else if f.Path != "" {
			where += "（表中无此单元格）"
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%d. %s %s `%s` %s：%s", i+1, symbol(f.Severity), f.Severity, escapeCode(f.Rule), where,
			escapeText(oneLine(f.Message.Zh)))
		switch {
		case f.Expected != "" && f.Actual != "":
			fmt.Fprintf(&b, "（应为：%s；实为：%s）", escapeText(oneLine(f.Expected)), escapeText(oneLine(f.Actual)))
		case f.Expected != "":
			fmt.Fprintf(&b, "（应为：%s）", escapeText(oneLine(f.Expected)))
		case f.Actual != "":
			fmt.Fprintf(&b, "（实为：%s）", escapeText(oneLine(f.Actual)))
		}
		l.list = append(l.list, b.String())
	}
	if l.list == nil {
		l.list = []string{} // annotated: say there is nothing to list
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func escapeCode(s string) string { return strings.ReplaceAll(oneLine(s), "`", "'") }

// escaper keeps text from being read as Markdown or HTML structure, and a
// text that ends like an annotation from being taken for one.
var escaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`, `&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`,
	"✖[", `✖\[`, "⚠[", `⚠\[`, "ℹ[", `ℹ\[`)

func escapeText(s string) string { return escaper.Replace(s) }

func (c *rcell) markdown() string {
	var s string
	switch len(c.paras) {
	case 0:
	case 1:
		s = escapeText(c.paras[0])
	default:
		parts := make([]string, len(c.paras))
		for i, p := range c.paras {
			parts[i] = "<p>" + escapeText(p) + "</p>"
		}
		s = strings.Join(parts, " ")
	}
	if len(c.marks) > 0 {
		if s != "" {
			s += " "
		}
		s += strings.Join(c.marks, " ")
	}
	return s
}

// String writes the layout as Markdown.
func (l *layout) String() string {
	var b strings.Builder
	for i, blk := range l.blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch {
		case blk.line != nil:
			b.WriteString(blk.line.markdown())
			b.WriteByte('\n')
		case blk.raw != "":
			b.WriteString(blk.raw)
			b.WriteByte('\n')
		default:
			for j, r := range blk.table {
				b.WriteByte('|')
				for _, c := range r {
					if s := c.markdown(); s != "" {
						b.WriteString(" " + s + " |")
					} else {
						b.WriteString(" |")
					}
				}
				b.WriteByte('\n')
				if j == 0 {
					b.WriteString("|" + strings.Repeat("---|", blk.width) + "\n")
				}
			}
		}
	}
	if l.list != nil {
		b.WriteString("\n" + findingsHeading + "：")
		if len(l.list) == 0 {
			b.WriteString("无\n")
		} else {
			b.WriteString("\n\n")
			for _, item := range l.list {
				b.WriteString(item + "\n")
			}
		}
	}
	return b.String()
}

// number prints a decimal with the places it was written with: 16.6 stays
// 16.6, 2395.15 stays 2395.15, 16.60 stays 16.60.
func number(d decimal.Decimal) string { return d.StringFixed(max(0, -d.Exponent())) }

func amount(a *budget.Amount, u budget.Unit) string {
	if a == nil {
		return ""
	}
	return number(a.In(u).Decimal())
}

func rate(r *budget.Rate) string {
	if r == nil {
		return ""
	}
	return r.String()
}

func dec(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return number(*d)
}

func year(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf("%d年", y)
}

func paragraphs(texts []string) string { return strings.Join(texts, "\n") }

// indColumn is one indicator column of a table.
type indColumn struct {
	lb  label
	key string // the key in the file format
	get func(*evaluation.Indicator) string
}

var (
	colLevel1    = indColumn{lLevel1, "level1", func(i *evaluation.Indicator) string { return i.Level1 }}
	colLevel2    = indColumn{lLevel2, "level2", func(i *evaluation.Indicator) string { return i.Level2 }}
	colName      = indColumn{lIndName, "name", func(i *evaluation.Indicator) string { return i.Name }}
	colTarget    = indColumn{lIndTarget, "target", func(i *evaluation.Indicator) string { return i.Target }}
	colActual    = indColumn{lIndActual, "actual", func(i *evaluation.Indicator) string { return i.Actual }}
	colWeight    = indColumn{lWeight, "weight", func(i *evaluation.Indicator) string { return dec(i.Weight) }}
	colScore     = indColumn{lScore, "score", func(i *evaluation.Indicator) string { return dec(i.Score) }}
	colDeviation = indColumn{lDeviation, "deviation", func(i *evaluation.Indicator) string { return i.Deviation }}
)

// indicatorCells lays out one indicator row's cells, shown at
// prefix.name, prefix.actual, …; the name cell also stands for the row.
func (l *layout) indicatorCells(cols []indColumn, ind *evaluation.Indicator, prefix string) []*rcell {
	out := make([]*rcell, len(cols))
	for i, c := range cols {
		paths := []string{prefix + "." + c.key}
		if c.lb == lIndName {
			paths = append(paths, prefix)
		}
		out[i] = l.cell(c.get(ind), paths...)
	}
	return out
}
