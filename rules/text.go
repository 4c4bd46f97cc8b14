package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/perfeval/perfeval/evaluation"
)

var textMissing = New(Info{
	ID: "text.missing", Severity: evaluation.Error,
	Title: text("必填内容为空：部门名称、年度、目标，有主要任务时的部门整体绩效、存在问题、改进措施（部门表）；项目名称、主管部门、预期目标（项目表）；部门名称、评价年度（部门整体支出绩效评价）",
		"a required text is empty: department, year, goals, and with main tasks overall, problems, improvements (department form); project, department, expected goals (project form); department, year (department evaluation)"),
}, func(c *Context) {
	empty := func(path, zh, en string, v string) {
		if strings.TrimSpace(v) == "" {
			c.Report(path, text(zh+"未填写", en+" is empty"), "", "")
		}
	}
	switch f := c.Form.(type) {
	case *evaluation.DepartmentForm:
		empty("department", "部门名称", "the department name", f.Department)
		if f.Year == 0 {
			c.Report("year", text("被评价年度未填写", "the year is empty"), "", "")
		}
		if len(f.Goals.Expected) == 0 || strings.TrimSpace(strings.Join(f.Goals.Expected, "")) == "" {
			c.Report("goals.expected", text("部门整体支出的预期目标未填写", "the expected goals are empty"), "", "")
		}
		empty("goals.achieved", "部门整体支出的目标完成情况", "the goals' achievement", f.Goals.Achieved)
		// 部门整体绩效, 存在问题 and 改进措施 are cells of the Guangzhou
		// layout, which has 主要任务; the national layout has none of them,
		// so a form without tasks is not told they are empty.
		if len(f.Tasks) > 0 {
			empty("overall", "部门整体绩效", "the overall performance", f.Overall)
			empty("problems", "存在问题", "the problems", f.Problems)
			empty("improvements", "改进措施或下一步计划", "the improvements", f.Improvements)
		}
	case *evaluation.ProjectForm:
		empty("project", "项目名称", "the project name", f.Project)
		empty("department", "主管部门", "the department", f.Department)
		if len(f.Goals.Expected) == 0 || strings.TrimSpace(strings.Join(f.Goals.Expected, "")) == "" {
			c.Report("goals.expected", text("年度总体目标的预期目标未填写", "the expected goal is empty"), "", "")
		}
	default:
		if !evaluationTextMissing(c, empty) {
			cycleTextMissing(c, empty)
		}
	}
})

var textPlaceholder = New(Info{
	ID: "text.placeholder", Severity: evaluation.Error,
	Title: text("单元格仍是模板说明文字或占位符（*、XXX、（100字以内）、说明……的完成情况）",
		"a cell still holds template text or a placeholder (*, XXX, （100字以内）, 说明……的完成情况)"),
}, func(c *Context) {
	found := evaluation.FindText(c.Form, func(s string) bool { _, ok := placeholder(s); return ok })
	for _, cell := range found {
		if cell.Path == "profile" {
			continue
		}
		if why, ok := placeholder(cell.Text); ok {
			label := cell.Label
			if label == "" {
				label = cell.Path
			}
			c.Report(cell.Path, text(fmt.Sprintf("%s仍是%s：“%s”", label, why.Zh, clip(cell.Text)),
				fmt.Sprintf("%s still holds %s: %q", cell.Path, why.En, clip(cell.Text))), "", clip(cell.Text))
		}
	}
})

// placeholderMarks are runs that stand for a name or figure in a template.
// (Matched as written rather than case-folded: every cell of every form
// passes here, and folding would copy each one.)
var placeholderMarks = []string{"XXX", "xxx", "Xxx", "×××", "ＸＸＸ", "ｘｘｘ", "○○○"}

// A cell can hold a placeholder or a template instruction only if it
// contains one of placeholderInner (the marks above, 字以内) or starts with
// one of placeholderFirst (the exact placeholders, 说明…, 请填写…, 此处填写,
// 在此填写). Every cell of every form passes the test; common characters
// such as 在 and 说 only matter at the start.
const (
	placeholderInner = "Xx×Ｘｘ○字"
	placeholderFirst = "*＊….待说请简此在"
)

// placeholder reports whether a cell holds what a template put there
// rather than what a filer wrote. It errs on the side of silence: only
// marks that never occur in real content count.
func placeholder(s string) (evaluation.Text, bool) {
	t := strings.TrimSpace(s)
	if t == "" {
		return evaluation.Text{}, false
	}
	// Every cell of every form passes here: reject at once a cell that
	// could match nothing below.
	if first, _ := utf8.DecodeRuneInString(t); !strings.ContainsRune(placeholderFirst, first) && !strings.ContainsAny(t, placeholderInner) {
		return evaluation.Text{}, false
	}
	switch t {
	case "*", "＊", "**", "***", "……", "...", "…", "待填", "待填写":
		return text("占位符", "a placeholder"), true
	}
	for _, mark := range placeholderMarks {
		if strings.Contains(t, mark) {
			return text("占位符", "a placeholder"), true
		}
	}
	// Template instructions: "（100字以内）", "(200字以内)", "说明……的完成情况",
	// "请填写……", "此处填写".
	if i := strings.Index(t, "字以内"); i > 0 && strings.ContainsAny(t, "（(") {
		return text("模板说明文字", "template instructions"), true
	}
	// "说明……的完成情况": an instruction with an ellipsis standing for what
	// the filer was to write, and nothing else. "说明书及操作手册已编制完成……"
	// is content.
	if (strings.HasPrefix(t, "说明") || strings.HasPrefix(t, "请说明") || strings.HasPrefix(t, "简要说明")) &&
		(strings.Contains(t, "……") || strings.Contains(t, "...")) && (strings.HasSuffix(t, "情况") || strings.HasSuffix(t, "情况。")) &&
		utf8.RuneCountInString(t) <= 40 {
		return text("模板说明文字", "template instructions"), true
	}
	if strings.HasPrefix(t, "请填写") || strings.HasPrefix(t, "此处填写") || strings.HasPrefix(t, "在此填写") {
		return text("模板说明文字", "template instructions"), true
	}
	return evaluation.Text{}, false
}

func clip(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}
