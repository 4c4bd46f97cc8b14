package layout

import (
	"fmt"
	"sort"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// An indicator tree: 宁夏's 项目绩效目标批复表 prints the approved targets as
// one column of names, 项目 | 指标值 | 绩效金额, whose indentation alone says
// what each name is: the unit, the project, 一级指标, 二级指标, the
// indicator. The deepest names are the indicators, the three levels above
// them 二级指标, 一级指标 and the project, and the level above the project
// the department.

// treeDraft is an indicator tree read row by row, built at its end.
type treeDraft struct {
	table     int
	targetCol int
	amountCol int // -1 when the table has no 绩效金额
	nodes     []treeNode
}

type treeNode struct {
	name, target, amount *In
	indent               int
}

// treeStart reads a tree's header row: 项目 over the names, beside
// 指标值 and 绩效金额.
func (r *reader) treeStart(row *Row) bool {
	if r.c.decl == nil || len(row.Cells) < 2 {
		return false
	}
	c0 := row.Cells[0]
	if c0.Kind != TextCell || c0.Literal || r.disposed(c0.id) || strings.TrimSpace(c0.Text) != "项目" {
		return false
	}
	t := &treeDraft{table: row.Table, targetCol: -1, amountCol: -1}
	for _, x := range row.Cells[1:] {
		switch {
		case x.Literal:
			return false
		case x.m.ID == vocab.Target && t.targetCol < 0:
			t.targetCol = x.Col
		case x.m.ID == vocab.FundsTotal && t.amountCol < 0:
			t.amountCol = x.Col
		default:
			return false
		}
	}
	if t.targetCol < 0 {
		return false
	}
	for _, x := range row.Cells {
		r.label(x)
	}
	r.c.tree, r.c.blk = t, cTree
	return true
}

// treeRow reads a row of the tree: a name and its figures.
func (r *reader) treeRow(row *Row) {
	t := r.c.tree
	name := row.at(r.left[row.Table])
	if name == nil || r.disposed(name.id) || name.Col == t.targetCol || name.Col == t.amountCol {
		return // figures without a name: reported unplaced
	}
	t.nodes = append(t.nodes, treeNode{name: name, indent: name.Indent, target: row.at(t.targetCol), amount: row.at(t.amountCol)})
}

// finishTree builds the tree's indicators, project and department.
func (r *reader) finishTree() {
	t, d := r.c.tree, r.c.decl
	r.c.tree, r.c.blk = nil, cNone
	seen := map[int]bool{}
	var indents []int
	for _, n := range t.nodes {
		if !seen[n.indent] {
			seen[n.indent] = true
			indents = append(indents, n.indent)
		}
	}
	sort.Ints(indents)
	depth := len(indents)
	rank := func(n *treeNode) int { return sort.SearchInts(indents, n.indent) }
	const (
		leaf = iota // counted from the deepest level up
		level2
		level1
		project
		department
	)
	up := func(n *treeNode) int { return depth - 1 - rank(n) }
	text := func(x *In) string { return strings.TrimSpace(strings.Join(x.paragraphs(), "\n")) }
	keepFigure := func(n *treeNode, x *In, what string) {
		if x == nil || r.disposed(x.id) {
			return
		}
		if x.Kind == TextCell && Blank(x.Text) {
			r.label(x)
			return
		}
		r.keep(text(n.name)+"（"+what+"）", []*In{x})
	}
	var stack []*treeNode
	placed := map[*treeNode]bool{}
	projects := 0
	for i := range t.nodes {
		n := &t.nodes[i]
		for len(stack) > 0 && stack[len(stack)-1].indent >= n.indent {
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, n)
		switch up(n) {
		case leaf:
			r.treeIndicator(n, ancestor(stack, indents, depth-1-level1), ancestor(stack, indents, depth-1-level2), placed)
			keepFigure(n, n.amount, "绩效金额")
			continue
		case project:
			projects++
			if projects > 1 {
				r.unplace(n.name, tx("第二个项目：一张表只填一个项目", "a second project: a form holds one project"))
				for _, x := range []*In{n.target, n.amount} {
					if x != nil {
						r.unplace(x, tx("属于第二个项目", "belongs to a second project"))
					}
				}
				continue
			}
			r.setTreeText(n.name, &d.Project, "project", "项目名称")
			if n.amount != nil && !r.disposed(n.amount.id) {
				a, note, why := readAmount(n.amount, r.unit)
				r.store(n.amount, "funds.total", "绩效金额", why, note, a != nil && d.Funds.Total != nil, func() {
					if a != nil {
						d.Funds.Total = a
						r.fundsFound = true
					}
				})
			}
			keepFigure(n, n.target, "指标值")
			continue
		case department:
			if d.Department == "" {
				r.setTreeText(n.name, &d.Department, "department", "主管部门")
			} else {
				r.keep(TreeLabel, []*In{n.name})
			}
		case level1, level2:
		default:
			r.keep(TreeLabel, []*In{n.name})
		}
		keepFigure(n, n.target, "指标值")
		keepFigure(n, n.amount, "绩效金额")
	}
	// A level with no indicator under it is a blank template's row.
	for i := range t.nodes {
		n := &t.nodes[i]
		if u := up(n); (u == level1 || u == level2) && !placed[n] && !r.disposed(n.name.id) {
			r.disp[n.name.id] = disposition{kind: dSkipped}
			r.templates = append(r.templates, []int{n.name.id})
		}
	}
}

// ancestor returns the node of the stack (a path from the tree's top,
// its indents increasing) at the given rank of indents, or nil.
func ancestor(stack []*treeNode, indents []int, rank int) *treeNode {
	if rank < 0 || rank >= len(indents) {
		return nil
	}
	want := indents[rank]
	i := sort.Search(len(stack), func(i int) bool { return stack[i].indent >= want })
	if i < len(stack) && stack[i].indent == want {
		return stack[i]
	}
	return nil
}

// TreeLabel labels a name of an indicator tree above its department,
// kept in the form's extra list.
const TreeLabel = "项目"

// setTreeText places a name of the tree in a text field, labelled label.
func (r *reader) setTreeText(x *In, dst *string, path, label string) {
	t := strings.TrimSpace(strings.Join(x.paragraphs(), "\n"))
	if *dst != "" {
		r.unplace(x, tx(label+" 填了两次", label+" given twice"))
		return
	}
	if !r.fits(x, len(t)) {
		return
	}
	*dst = t
	r.place(x, path)
}

// treeIndicator reads an indicator of the tree under its levels.
func (r *reader) treeIndicator(n, l1, l2 *treeNode, placed map[*treeNode]bool) {
	d := r.c.decl
	i := len(d.Indicators)
	if i >= MaxList {
		r.limit(n.name, "more than %d indicators", MaxList)
		return
	}
	p := fmt.Sprintf("indicators[%d]", i)
	var ind evaluation.DeclarationIndicator
	for _, lv := range []struct {
		n    *treeNode
		dst  *string
		path string
	}{{l1, &ind.Level1, p + ".level1"}, {l2, &ind.Level2, p + ".level2"}} {
		if lv.n == nil {
			continue
		}
		*lv.dst = strings.TrimSpace(strings.Join(lv.n.name.paragraphs(), "\n"))
		if !placed[lv.n] {
			placed[lv.n] = true
			r.place(lv.n.name, lv.path)
		}
	}
	ind.Name = strings.TrimSpace(strings.Join(n.name.paragraphs(), "\n"))
	if !r.fits(n.name, len(ind.Name)) {
		return
	}
	r.place(n.name, p+".name")
	if x := n.target; x != nil && !r.disposed(x.id) {
		ind.Target = strings.TrimSpace(strings.Join(x.paragraphs(), "\n"))
		r.place(x, p+".target")
	}
	d.Indicators = append(d.Indicators, ind)
}
