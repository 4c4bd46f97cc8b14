package layout

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
	"github.com/perfeval/perfeval/rubric"
)

// Options are what a layout needs besides the form.
type Options struct {
	// Rubric draws a department evaluation's score sheet: its items with
	// their standards and weights, and the scores it gives where the form
	// filed none. nil for the built-in rubric the form's rubric: key
	// names; with neither, the sheet's rows are the item paths the form
	// fills.
	Rubric *rubric.Rubric
}

// OfWith lays a form out as Of does, with the options: a department
// evaluation by the rubric given.
func OfWith(f evaluation.Form, o Options) *Doc {
	if de, ok := f.(*evaluation.DepartmentEvaluationForm); ok {
		if de == nil {
			return nil
		}
		return departmentEvaluation(de, o.Rubric)
	}
	return Of(f)
}

// sheetRubric is the rubric a department evaluation is drawn and read
// by: the one given, else the built-in one the form names; nil for
// none.
func sheetRubric(name string, given *rubric.Rubric) *rubric.Rubric {
	if given != nil {
		return given
	}
	if name == "" {
		return nil
	}
	if r, err := rubric.Builtin(name); err == nil {
		return &r
	}
	return nil
}

// filed reports whether the form fills in its score sheet: a score, a
// reason or a total. A sheet filed is drawn as filed; one not filed is
// drawn filled in by its rubric.
func filed(f *evaluation.DepartmentEvaluationForm) bool {
	return len(f.Reported.Scores) > 0 || len(f.Reported.Reasons) > 0 || f.Reported.TotalScore != nil
}

// departmentEvaluation lays out 部门整体支出绩效评价: the header (部门名称,
// 评价年度, 部门编码, 评分办法), the 基础数据表 (every figure of the basic data,
// group by group, empty where the form gives none, so the sheet serves as
// a template too), the 评分表 (一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 |
// 得分 | 扣分原因, then 总分), the evaluator's judgements where there are
// any, and the extra cells.
//
// The 得分 and 扣分原因 columns and 总分 show what the form filed when it
// filed its sheet (a score, a reason or a total), so that a filed sheet
// is drawn as it was filed and Read gives back the same form. A form that
// filed none is drawn with the sheet its rubric gives: every score
// computed and every deduction explained in words, the filled-in 评分表
// the rubric stands for; Read of that drawing gives the form with its
// sheet filed.
func departmentEvaluation(f *evaluation.DepartmentEvaluationForm, given *rubric.Rubric) *Doc {
	b := newBuilder(evaluation.DepartmentEvaluation, vocab.Guangzhou, f.Unit)
	b.doc.Profile = f.Profile
	rub := sheetRubric(f.Rubric, given)
	var sheet *rubric.Sheet
	if rub != nil {
		s := rub.Score(f.Input)
		sheet = &s
	}
	computed := sheet != nil && !filed(f)

	b.line(TitleBlock, b.text(vocab.TitleEvaluation))
	b.line(LineBlock, b.text(UnitLine(f.Unit), "unit"))

	head := b.table(4)
	head.row(at(0, b.labelText(vocab.DepartmentName, "部门名称")), at(1, b.text(f.Department, "department")),
		at(2, b.labelText(vocab.Year, "评价年度")), at(3, b.year(f.Year, "year")))
	if f.Code != "" {
		head.row(at(0, b.labelText(vocab.Code, "部门编码")), at(1, b.text(f.Code, "code"), 3))
	}
	if f.Rubric != "" {
		head.row(at(0, b.labelText(vocab.RubricName, vocab.EvaluationText(vocab.RubricName))), at(1, b.text(f.Rubric, "rubric"), 3))
	}

	b.basicTable(&f.Basic)
	b.sheetTable(f, sheet, computed)
	b.judgementsTable(f)
	b.extra(f.Extra)
	return b.doc
}

// basicTable draws the 基础数据表: 基础数据表 | group | figure | value.
func (b *builder) basicTable(basic *rubric.Basic) {
	leaves := vocab.BasicLeaves()
	ptrs := basicPointers(basic)
	t := b.table(4)
	for i, l := range leaves {
		var head *Cell
		if i == 0 {
			head = at(0, b.labelText(vocab.BasicBlock, vocab.EvaluationText(vocab.BasicBlock), "basic"), 1, len(leaves))
		}
		group := b.labelText(vocab.BasicGroup, l.Group)
		group.Run = true
		path := "basic." + l.Key
		var value *Cell
		if p := ptrs[l.Key]; p.amount != nil {
			value = b.amount(*p.amount, path)
		} else {
			value = b.number(*p.count, path)
		}
		t.row(head, at(1, group), at(2, b.labelText(vocab.BasicItem, l.Label)), at(3, value))
	}
}

// sheetRow is one row of the 评分表.
type sheetRow struct {
	key      string
	path     []string
	standard string
	weight   *decimal.Decimal
	score    *decimal.Decimal
	reason   string
}

// sheetRows are the rows of the 评分表: the rubric's items in its order,
// then any item path the form files that the rubric does not have (so
// nothing filed goes undrawn); without a rubric, the item paths the form
// files, in order. Scores and reasons are the form's, or the rubric's
// where computed.
func sheetRows(f *evaluation.DepartmentEvaluationForm, sheet *rubric.Sheet, computed bool) []sheetRow {
	var rows []sheetRow
	seen := map[string]bool{}
	if sheet != nil {
		for _, is := range sheet.Items {
			r := sheetRow{key: is.Key, path: is.Path, standard: is.Standard}
			if !is.Weight.IsZero() || is.Status != rubric.Absent {
				w := is.Weight
				r.weight = &w
			}
			if computed {
				r.score, r.reason = is.Score, is.Reason.Zh
			} else {
				r.score, r.reason = f.Reported.Scores[is.Key], f.Reported.Reasons[is.Key]
			}
			rows = append(rows, r)
			seen[is.Key] = true
		}
	}
	var keys []string
	for k := range f.Reported.Scores {
		if !seen[k] {
			keys = append(keys, k)
			seen[k] = true
		}
	}
	for k := range f.Reported.Reasons {
		if !seen[k] {
			keys = append(keys, k)
			seen[k] = true
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		rows = append(rows, sheetRow{key: k, path: strings.Split(k, "/"), score: f.Reported.Scores[k], reason: f.Reported.Reasons[k]})
	}
	return rows
}

// sheetLevels spreads an item's path over the sheet's three level
// columns: its last level is the 三级指标, a shorter path leaves the
// levels above it blank, a longer one joins its last levels in the third,
// so that the levels written, joined by "/", are the item's key again.
func sheetLevels(path []string) [3]string {
	switch len(path) {
	case 0:
		return [3]string{}
	case 1:
		return [3]string{"", "", path[0]}
	case 2:
		return [3]string{path[0], "", path[1]}
	case 3:
		return [3]string{path[0], path[1], path[2]}
	}
	return [3]string{path[0], path[1], strings.Join(path[2:], "/")}
}

// sheetColumns are the 评分表's columns, in order.
var sheetColumns = []struct {
	id   vocab.ID
	text string
}{
	{vocab.Level1, "一级指标"}, {vocab.Level2, "二级指标"}, {vocab.IndicatorName, "三级指标"},
	{vocab.Standard, vocab.EvaluationText(vocab.Standard)}, {vocab.Weight, "分值"}, {vocab.Score, "得分"},
	{vocab.Reason, vocab.EvaluationText(vocab.Reason)},
}

// sheetTable draws the 评分表 and its 总分.
func (b *builder) sheetTable(f *evaluation.DepartmentEvaluationForm, sheet *rubric.Sheet, computed bool) {
	t := b.table(len(sheetColumns))
	var head []*Cell
	for i, c := range sheetColumns {
		paths := []string(nil)
		if i == 0 {
			paths = []string{"reported"}
		}
		head = append(head, at(i, b.labelText(c.id, c.text, paths...)))
	}
	t.row(head...)
	for _, r := range sheetRows(f, sheet, computed) {
		lv := sheetLevels(r.path)
		l1 := b.labelText(vocab.Level1, lv[0])
		l2 := b.labelText(vocab.Level2, lv[1])
		l1.Run, l2.Run = true, true
		weight := b.register(&Cell{Type: NumberType, Number: r.weight, Text: NumberText(r.weight)})
		t.row(at(0, l1), at(1, l2), at(2, b.labelText(vocab.IndicatorName, lv[2])),
			at(3, b.text(r.standard)), at(4, weight),
			at(5, b.number(r.score, "reported.scores."+r.key)), at(6, b.text(r.reason, "reported.reasons."+r.key)))
	}
	total := f.Reported.TotalScore
	if computed {
		tot := sheet.Total
		total = &tot
	}
	t.row(at(0, b.labelText(vocab.TotalScore, "总分"), 5), at(5, b.number(total, "reported.total_score")))
}

// judgementsTable draws what the evaluator recorded, item by item:
// 评价人判断 | 指标 | 检查项 | 违规例数 | 评分 | 说明; nothing when there is none.
func (b *builder) judgementsTable(f *evaluation.DepartmentEvaluationForm) {
	if len(f.Judgements) == 0 {
		return
	}
	keys := make([]string, 0, len(f.Judgements))
	for k := range f.Judgements {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t := b.table(6)
	t.row(at(0, b.labelText(vocab.JudgementsBlock, vocab.EvaluationText(vocab.JudgementsBlock), "judgements"), 1, len(keys)+1),
		at(1, b.labelText(vocab.JudgementItem, vocab.EvaluationText(vocab.JudgementItem))),
		at(2, b.labelText(vocab.Checks, vocab.EvaluationText(vocab.Checks))),
		at(3, b.labelText(vocab.Violations, vocab.EvaluationText(vocab.Violations))),
		at(4, b.labelText(vocab.JudgedScore, vocab.EvaluationText(vocab.JudgedScore))),
		at(5, b.labelText(vocab.JudgementNote, vocab.EvaluationText(vocab.JudgementNote))))
	for _, k := range keys {
		j := f.Judgements[k]
		p := "judgements." + k
		t.row(at(1, b.text(k, p)), at(2, b.text(ChecksText(j.Checks), p+".checks")),
			at(3, b.number(j.Violations, p+".violations")), at(4, b.number(j.Score, p+".score")), at(5, b.text(j.Note, p+".note")))
	}
}

// ChecksText writes a checklist's answers as the sheet prints them: 是
// or 否 for each check, separated by 、.
func ChecksText(checks []bool) string {
	parts := make([]string, len(checks))
	for i, c := range checks {
		parts[i] = "否"
		if c {
			parts[i] = "是"
		}
	}
	return strings.Join(parts, "、")
}

// basicPtr is where one figure of the basic data lives in a rubric.Basic:
// an amount of money or a count.
type basicPtr struct {
	amount **budget.Amount
	count  **decimal.Decimal
}

// basicPointers maps the key path of every figure of the basic data
// (vocab.BasicLeaves) to where it lives in b.
func basicPointers(b *rubric.Basic) map[string]basicPtr {
	a := func(p **budget.Amount) basicPtr { return basicPtr{amount: p} }
	n := func(p **decimal.Decimal) basicPtr { return basicPtr{count: p} }
	return map[string]basicPtr{
		"staff.authorized":             n(&b.Staff.Authorized),
		"staff.actual":                 n(&b.Staff.Actual),
		"three_public.budget":          a(&b.ThreePublic.Budget),
		"three_public.previous_budget": a(&b.ThreePublic.PreviousBudget),
		"three_public.actual":          a(&b.ThreePublic.Actual),
		"three_public.previous_actual": a(&b.ThreePublic.PreviousActual),
		"budget.prior_carryover":       a(&b.Budget.PriorCarryover),
		"budget.initial":               a(&b.Budget.Initial),
		"budget.supplementary":         a(&b.Budget.Supplementary),
		"budget.adjusted":              a(&b.Budget.Adjusted),
		"budget.adjustment":            a(&b.Budget.Adjustment),
		"budget.year_end_balance":      a(&b.Budget.YearEndBalance),
		"key_project_spending":         a(&b.KeyProjectSpending),
		"project_spending":             a(&b.ProjectSpending),
		"public_expenses.budget":       a(&b.PublicExpenses.Budget),
		"public_expenses.actual":       a(&b.PublicExpenses.Actual),
		"procurement.budget":           a(&b.Procurement.Budget),
		"procurement.actual":           a(&b.Procurement.Actual),
		"fixed_assets.in_use":          a(&b.FixedAssets.InUse),
		"fixed_assets.total":           a(&b.FixedAssets.Total),
		"buildings.approved_area":      n(&b.Buildings.ApprovedArea),
		"buildings.actual_area":        n(&b.Buildings.ActualArea),
	}
}
