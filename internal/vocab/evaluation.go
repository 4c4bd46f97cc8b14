package vocab

import "strings"

// The labels of the department evaluation (部门整体支出绩效评价): its 评分表
// (the score sheet, by a rubric) and its 基础数据表 (the basic data the
// rubric's measures are computed from). The header's labels (部门名称,
// 评价年度, 部门编码, 单位, 规则配置) and the sheet's level and score columns
// (一级指标, 二级指标, 三级指标, 分值, 得分, 总分) are the self-evaluations',
// read with Lookup; the labels here are the ones only this kind prints,
// read with LookupEvaluation, which falls back to Lookup. They take IDs of
// their own range, so the self-evaluations' table is left as it is.

// TitleEvaluation is the title the layout prints above the sheet.
const TitleEvaluation = "部门整体支出绩效评价评分表"

// The department evaluation's own labels.
const (
	evaluationBase ID = 0x100 + iota

	// RubricName is 评分办法: the name of the rubric the sheet is scored by.
	RubricName
	// BasicBlock is 基础数据表.
	BasicBlock
	// SheetBlock is 评分表 (评价指标表).
	SheetBlock
	// Standard is 评分标准: the standard of an item, as its rubric prints it.
	Standard
	// Reason is 扣分原因 (扣分原因和其他说明, 指标说明): why an item lost points.
	Reason
	// JudgementsBlock is 评价人判断: what the evaluator recorded for the
	// items the basic data do not decide.
	JudgementsBlock
	// JudgementItem is 指标, the judgements table's column of item paths.
	JudgementItem
	// Checks is 检查项: a checklist's answers.
	Checks
	// Violations is 违规例数.
	Violations
	// JudgedScore is 评分: the evaluator's score of a judged item.
	JudgedScore
	// JudgementNote is 说明: the evaluator's note.
	JudgementNote
	// BasicGroup is a group of the basic data (财政供养人员情况, “三公”经费 …);
	// which one, Match.Basic says.
	BasicGroup
	// BasicItem is one figure of the basic data (编制数, 本年预算数 …);
	// which one, Match.Basic says (with its group's key where the figure's
	// label alone is shared by several groups).
	BasicItem
)

var evaluationTexts = map[ID][]string{
	RubricName:      {"评分办法", "评分办法名称", "评价办法", "评分标准名称"},
	BasicBlock:      {"基础数据表", "部门整体支出绩效评价基础数据表", "基础数据"},
	SheetBlock:      {"评分表", "部门整体支出绩效评价评分表", "部门整体支出绩效评价指标表", "评价指标表", "指标表"},
	Standard:        {"评分标准", "评分标准及说明", "评分规则", "评价标准", "评分细则"},
	Reason:          {"扣分原因", "扣分原因和其他说明", "扣分原因及说明", "扣分原因及其他说明", "扣分说明", "得分说明", "评分说明", "指标说明"},
	JudgementsBlock: {"评价人判断"},
	JudgementItem:   {"指标", "评价指标", "指标路径"},
	Checks:          {"检查项", "检查结果"},
	Violations:      {"违规例数", "违规次数"},
	JudgedScore:     {"评分", "评价人评分"},
	JudgementNote:   {"说明", "判断说明"},
}

// EvaluationText is the text the department evaluation's layout prints
// for one of its own labels.
func EvaluationText(id ID) string {
	if ts := evaluationTexts[id]; len(ts) > 0 {
		return ts[0]
	}
	return ""
}

// BasicLeaf is one figure of the basic data: its key path in the
// basic: block of the file format and its labels.
type BasicLeaf struct {
	Key   string // "staff.authorized"
	Group string // the group's label as drawn: 财政供养人员情况
	Label string // the figure's label as drawn: 编制数
	// Count is true for a count (people, square metres), false for an
	// amount of money in the form's unit.
	Count bool
}

type basicGroup struct {
	key    string
	labels []string
	leaves []basicLeafSpec
}

type basicLeafSpec struct {
	key    string // relative to the group's key
	count  bool
	labels []string
}

// basicGroups are the groups of the 基础数据表, in the order the layout
// draws them, each with every spelling of its label and of its figures'.
// The figures' labels are matched within their group: 预算数 is the
// budget of whichever group it stands in.
var basicGroups = []basicGroup{
	{"staff", []string{"财政供养人员情况", "人员情况", "在职人员情况", "财政供养人员", "人员控制情况"}, []basicLeafSpec{
		{"authorized", true, []string{"编制数", "编制人数", "核定编制数", "落实编制数"}},
		{"actual", true, []string{"实际在职人数", "在职人数", "年末实际在职人数", "实有人数", "实际在职人员"}},
	}},
	{"three_public", []string{"“三公”经费", "三公经费", "“三公经费”", "\"三公\"经费", "三公经费情况", "“三公”经费情况"}, []basicLeafSpec{
		{"budget", false, []string{"本年预算数", "本年预算", "当年预算数", "本年度预算数"}},
		{"previous_budget", false, []string{"上年预算数", "上年预算", "上年度预算数"}},
		{"actual", false, []string{"本年决算数", "本年决算", "本年实际支出", "本年度决算数"}},
		{"previous_actual", false, []string{"上年决算数", "上年决算", "上年度决算数"}},
	}},
	{"budget", []string{"部门整体支出预算", "预算执行情况", "部门预算", "预算及执行情况", "部门整体支出"}, []basicLeafSpec{
		{"prior_carryover", false, []string{"上年结转", "年初结余", "上年结转结余", "上年结转数", "年初结转结余"}},
		{"initial", false, []string{"年初预算", "年初预算数"}},
		{"supplementary", false, []string{"本年追加预算", "追加预算", "本年追加", "本年追加预算数"}},
		{"adjusted", false, []string{"调整后预算", "调整后预算数", "全年预算数"}},
		{"adjustment", false, []string{"预算调整数", "年度预算调整数"}},
		{"year_end_balance", false, []string{"年末结余", "年末结转结余", "年末结余数", "结转结余"}},
	}},
	{"", []string{"项目支出"}, []basicLeafSpec{
		{"key_project_spending", false, []string{"重点项目支出", "重点项目支出数"}},
		{"project_spending", false, []string{"项目总支出", "项目支出总额", "项目支出合计"}},
	}},
	{"public_expenses", []string{"公用经费"}, []basicLeafSpec{
		{"budget", false, []string{"预算数", "公用经费预算数"}},
		{"actual", false, []string{"实际数", "实际支出数", "决算数", "公用经费实际支出"}},
	}},
	{"procurement", []string{"政府采购", "政府采购金额"}, []basicLeafSpec{
		{"budget", false, []string{"预算数", "政府采购预算数", "采购预算数"}},
		{"actual", false, []string{"实际数", "实际采购金额", "实际政府采购金额", "决算数"}},
	}},
	{"fixed_assets", []string{"固定资产"}, []basicLeafSpec{
		{"in_use", false, []string{"在用固定资产", "实际在用固定资产总额", "在用固定资产总额"}},
		{"total", false, []string{"固定资产总额", "所有固定资产总额"}},
	}},
	{"buildings", []string{"新建楼堂馆所", "楼堂馆所"}, []basicLeafSpec{
		{"approved_area", true, []string{"批准建设面积", "批准面积"}},
		{"actual_area", true, []string{"实际建设面积", "实际面积"}},
	}},
}

func (g basicGroup) path(leaf string) string {
	if g.key == "" {
		return leaf
	}
	return g.key + "." + leaf
}

// BasicLeaves lists every figure of the basic data in the order the
// layout draws them.
func BasicLeaves() []BasicLeaf {
	var out []BasicLeaf
	for _, g := range basicGroups {
		for _, l := range g.leaves {
			out = append(out, BasicLeaf{Key: g.path(l.key), Group: g.labels[0], Label: l.labels[0], Count: l.count})
		}
	}
	return out
}

// BasicGroupOf tells whether text labels a group of the basic data, and
// which (its index in the order of BasicLeaves' groups).
func BasicGroupOf(text string) (int, bool) {
	k := KeyOf(text)
	if k == "" {
		return 0, false
	}
	for i, g := range basicGroups {
		for _, l := range g.labels {
			if KeyOf(l) == k {
				return i, true
			}
		}
	}
	return 0, false
}

// BasicLeafOf tells which figure of the basic data text labels: within
// the group given (from BasicGroupOf), else anywhere when the label
// names one figure only. ok is false for a text that labels no figure,
// or one shared by several groups with no group to tell them apart.
func BasicLeafOf(group int, text string) (BasicLeaf, bool) {
	k := KeyOf(text)
	if k == "" {
		return BasicLeaf{}, false
	}
	find := func(g basicGroup) (BasicLeaf, bool) {
		for _, l := range g.leaves {
			for _, s := range l.labels {
				if KeyOf(s) == k {
					return BasicLeaf{Key: g.path(l.key), Group: g.labels[0], Label: l.labels[0], Count: l.count}, true
				}
			}
		}
		return BasicLeaf{}, false
	}
	if group >= 0 && group < len(basicGroups) {
		if l, ok := find(basicGroups[group]); ok {
			return l, true
		}
	}
	var found []BasicLeaf
	for _, g := range basicGroups {
		if l, ok := find(g); ok {
			found = append(found, l)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return BasicLeaf{}, false
}

// LookupEvaluation tells whether text is a label of the department
// evaluation: one of its own (RubricName, Standard, Reason …, BasicGroup
// and BasicItem for the basic data's labels), else one of the
// self-evaluations' (Lookup).
func LookupEvaluation(text string) Match {
	if len(text) > MaxLabelBytes {
		return Match{}
	}
	n := Normalize(text)
	if n.Key == "" {
		return Match{}
	}
	if id, ok := evaluationByKey[n.Key]; ok {
		return Match{Norm: n, ID: id, Kinds: Evaluation}
	}
	return Lookup(text)
}

// evaluationByKey maps the key of every label LookupEvaluation finds
// before Lookup to its ID: the kind's own labels, the basic data's
// groups, and the figures whose label names one figure only (what
// BasicLeafOf finds with no group). Built once: every writer asks it of
// every text it draws (layout.NeedsLiteral).
var evaluationByKey = func() map[string]ID {
	m := map[string]ID{}
	for id := evaluationBase + 1; id <= BasicItem; id++ {
		for _, t := range evaluationTexts[id] {
			if _, ok := m[KeyOf(t)]; !ok {
				m[KeyOf(t)] = id
			}
		}
	}
	for _, g := range basicGroups {
		for _, l := range g.labels {
			if _, ok := m[KeyOf(l)]; !ok {
				m[KeyOf(l)] = BasicGroup
			}
		}
	}
	for _, g := range basicGroups {
		for _, l := range g.leaves {
			for _, t := range l.labels {
				if _, ok := m[KeyOf(t)]; !ok {
					if _, ok := BasicLeafOf(-1, t); ok {
						m[KeyOf(t)] = BasicItem
					}
				}
			}
		}
	}
	return m
}()

// IsEvaluationTitle reports whether text is the title of a department
// evaluation's sheet or basic data: 部门整体支出绩效评价评分表,
// …基础数据表, …评价指标表.
func IsEvaluationTitle(text string) bool {
	if k, ok := Title(text); ok {
		return k == Evaluation
	}
	t := Fold(text)
	return len(t) <= maxTitleBytes && strings.Contains(t, "绩效评价") && strings.Contains(t, "指标表")
}
