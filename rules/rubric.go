package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rubric"
)

// The rubric rules check a department evaluation's score sheet (评分表)
// against its rubric: the scores and the total written on the sheet, the
// rubric's weights, the items that cannot be scored. They read the
// sheet Evaluate computed (Subject.Sheet) and the comparisons package
// rubric makes of it, so a rule is a loop over their results. A written
// score is checked at the precision it was written with, within the
// scheme's tolerance.
//
// Decisions where the contract is silent:
//
//   - rubric.unscored also reports a sheet that cannot be scored at all
//     (no rubric was given and the form names none, or it names one that
//     is not built in), at the form's rubric key, and every judgement or
//     written score keyed by a path no item of the rubric has, or that its
//     item does not use: nothing of the form goes unread without a word.
//   - A score written for an item the rubric cannot score (its inputs are
//     missing) is not compared: rubric.unscored says why there is no
//     score to compare it with.

// WithRubric returns the set scoring department evaluations by r,
// whatever rubric their rubric: key names (the perfeval command's
// -rubric). A rubric is an immutable value, so the set stays one.
func (s Set) WithRubric(r rubric.Rubric) Set {
	c := s.clone()
	c.rubric = &r
	return c
}

// Rubric returns the rubric the set scores department evaluations by;
// ok is false when WithRubric gave it none, and each form's own
// rubric: key then names a built-in one. It makes Set an
// evaluation.RubricHolder.
func (s Set) Rubric() (r rubric.Rubric, ok bool) {
	if s.rubric == nil {
		return rubric.Rubric{}, false
	}
	return *s.rubric, true
}

var _ evaluation.RubricHolder = Set{}

// scorePath is the cell of the score sheet an item's finding points at:
// its 得分 as the sheet reports it.
func scorePath(key string) string { return "reported.scores." + key }

var rubricScore = New(Info{
	ID: "rubric.score", Severity: evaluation.Error,
	Title: text("评分表填报的指标得分与按评分办法计算的得分不符（按填报的精度比较）",
		"a score written on the score sheet ≠ the rubric's score, at the precision written"),
}, func(c *Context) {
	if c.Sheet == nil {
		return
	}
	byKey := map[string]rubric.ItemScore{}
	for _, is := range c.Sheet.Items {
		byKey[is.Key] = is
	}
	for _, m := range c.Sheet.ScoreMismatches(c.Scheme.Tolerance) {
		is := byKey[m.Key]
		c.Report(scorePath(m.Key),
			text(fmt.Sprintf("%s得分应为 %s（%s），表中填报 %s", quoted(leaf(is)), m.Computed, is.Reason.Zh, m.Reported),
				fmt.Sprintf("%q should score %s (%s); the sheet says %s", leaf(is), m.Computed, is.Reason.En, m.Reported)),
			m.Computed.String(), m.Reported.String())
	}
})

var rubricTotal = New(Info{
	ID: "rubric.total", Severity: evaluation.Error,
	Title: text("评分表填报的总分 ≠ 各项得分之和", "the total written on the score sheet ≠ Σ item scores"),
}, func(c *Context) {
	if c.Sheet == nil {
		return
	}
	m, off := c.Sheet.TotalMismatch(c.Scheme.Tolerance)
	if !off {
		return
	}
	c.Report("reported.total_score",
		text(fmt.Sprintf("总分应为各项得分之和 %s，表中填报 %s", m.Computed, m.Reported),
			fmt.Sprintf("the total should be the sum of the item scores, %s; the sheet says %s", m.Computed, m.Reported)),
		m.Computed.String(), m.Reported.String())
})

var rubricWeights = New(Info{
	ID: "rubric.weights", Severity: evaluation.Warning,
	Title: text("评分办法各项分值合计不等于100", "the rubric's weights do not sum to 100"),
}, func(c *Context) {
	if c.Sheet == nil || !c.Sheet.WeightsOff() {
		return
	}
	w := c.Sheet.Weight.String()
	c.Report("rubric",
		text(fmt.Sprintf("评分办法“%s”各项分值合计 %s，不是100，评分表不完整，不评等级", c.Sheet.Rubric, w),
			fmt.Sprintf("the weights of rubric %q sum to %s, not 100: the sheet is not complete and has no grade", c.Sheet.Rubric, w)),
		"100", w)
})

var rubricUnscored = New(Info{
	ID: "rubric.unscored", Severity: evaluation.Warning,
	Title: text("评分表中有分值的指标无法计分（基础数据缺失、比率无法计算、没有评分办法），或表中内容无对应指标，总分不完整",
		"an item of the score sheet cannot be scored (basic data missing, a rate undefined, no rubric), or an entry no item takes: the total is partial"),
}, func(c *Context) {
	f := c.DepartmentEvaluation()
	if f == nil {
		return
	}
	if c.Sheet == nil {
		var ue *evaluation.UnknownRubricError
		switch {
		case errors.As(c.RubricErr, &ue):
			c.Report("rubric",
				text(fmt.Sprintf("评分办法“%s”不存在，评分表无法计分", short(ue.Name)),
					fmt.Sprintf("there is no rubric %q, so the sheet cannot be scored", short(ue.Name))),
				"", f.Rubric)
		default:
			c.Report("rubric",
				text("未指定评分办法，评分表无法计分", "no rubric was given and the form names none, so the sheet cannot be scored"),
				"", "")
		}
		return
	}
	for _, is := range c.Sheet.UnscoredItems() {
		c.Report(scorePath(is.Key),
			text(fmt.Sprintf("%s（分值 %s）无法计分：%s；总分不完整", quoted(leaf(is)), is.Weight, is.Reason.Zh),
				fmt.Sprintf("%q (weight %s) cannot be scored: %s; the total is partial", leaf(is), is.Weight, is.Reason.En)),
			"", "")
	}
	for _, u := range c.Sheet.Unplaced {
		zh := evaluation.CellName(evaluation.DepartmentEvaluation, u.Key, evaluation.Chinese)
		en := evaluation.CellName(evaluation.DepartmentEvaluation, u.Key, evaluation.English)
		if zh == "" {
			zh, en = u.Key, u.Key
		}
		c.Report(u.Key, text(short(zh)+" 未计入评分："+u.Why.Zh, short(en)+" is not scored: "+u.Why.En), "", "")
	}
})

// quoted puts a name in Chinese quotation marks, unless it opens with
// one itself (“三公经费”变动率).
func quoted(name string) string {
	if strings.HasPrefix(name, "“") {
		return name
	}
	return "“" + name + "”"
}

// leaf is an item's name as the sheet prints it: its 三级指标.
func leaf(is rubric.ItemScore) string {
	if len(is.Path) == 0 {
		return is.Key
	}
	return short(is.Path[len(is.Path)-1])
}

// evaluationTextMissing reports the required texts of a department
// evaluation: the department's name and the year.
func evaluationTextMissing(c *Context, empty func(path, zh, en, v string)) bool {
	f := c.DepartmentEvaluation()
	if f == nil {
		return false
	}
	empty("department", "部门名称", "the department name", f.Department)
	if f.Year == 0 {
		c.Report("year", text("评价年度未填写", "the year is empty"), "", "")
	}
	return true
}
