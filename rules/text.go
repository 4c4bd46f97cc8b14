package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/perfeval/perfeval/budget"
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
		if allBlank(f.Goals.Expected) {
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
			shown := clip(cell.Text)
			c.Report(cell.Path, text(label+"仍是"+why.Zh+"：“"+shown+"”",
				cell.Path+" still holds "+why.En+": "+strconv.Quote(shown)), "", shown)
		}
	}
	// A goal is a sentence: a goal cell that holds only a number (预期目标
	// 287, 实际完成情况 171 — the funds' figures typed into the wrong cells)
	// states no goal at all.
	eachGoal(c.Form, func(key string, i int, label, goal string) {
		if !bareNumber(goal) {
			return
		}
		path := key
		if i >= 0 {
			path += "[" + strconv.Itoa(i) + "]"
		}
		shown := clip(goal)
		c.Report(path, text(label+"只填了一个数字“"+shown+"”，未写明目标",
			path+" holds only a number, "+strconv.Quote(shown)+", where a goal belongs"), "", shown)
	})
})

// eachGoal calls fn with each text cell of a form's goals block: its key,
// its index in a list (-1 for a single text), its label and its text.
// Nothing is built for a cell fn passes over: every form comes here.
func eachGoal(f evaluation.Form, fn func(key string, i int, label, text string)) {
	list := func(key, label string, items []string) {
		for i, s := range items {
			fn(key, i, label, s)
		}
	}
	switch f := f.(type) {
	case *evaluation.DepartmentForm:
		list("goals.expected", "预期目标", f.Goals.Expected)
		fn("goals.achieved", -1, "目标完成情况", f.Goals.Achieved)
	case *evaluation.ProjectForm:
		list("goals.expected", "预期目标", f.Goals.Expected)
		fn("goals.achieved", -1, "实际完成情况", f.Goals.Achieved)
	case *evaluation.DeclarationForm:
		list("goals.annual", "年度目标", f.Goals.Annual)
	case *evaluation.MonitoringForm:
		list("goals.annual", "年度总体目标", f.Goals.Annual)
	}
}

// bareNumber reports whether s is nothing but a number, with thousands
// separators or a money unit at most ("287", "1,200", "150万元").
func bareNumber(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || len(t) > 64 {
		return false
	}
	num, _, _ := budget.CutUnit(t)
	_, err := budget.ParseNumber(num)
	return err == nil
}

// allBlank reports whether every text of list is empty or white space
// (and so whether there is none), reading each once.
func allBlank(list []string) bool {
	for _, s := range list {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// placeholderMarks are runs that stand for a name or figure in a template.
// (Matched as written rather than case-folded: every cell of every form
// passes here, and folding would copy each one.)
var placeholderMarks = []string{"XXX", "xxx", "Xxx", "×××", "ＸＸＸ", "ｘｘｘ", "○○○"}

// A cell can hold a placeholder or a template instruction only if it
// contains one of the characters of the marks above or of 字以内 (X x ×
// Ｘ ｘ ○ 字) or starts with one of placeholderFirst (the exact
// placeholders, 说明…, 请填写…, 此处填写, 在此填写). Every cell of every
// form passes the test; common characters such as 在 and 说 only matter at
// the start.
const placeholderFirst = "*＊….待说请简此在"

// isPlaceholderFirst reports whether r is one of placeholderFirst.
func isPlaceholderFirst(r rune) bool {
	switch r {
	case '*', '＊', '…', '.', '待', '说', '请', '简', '此', '在':
		return true
	}
	return false
}

// firstNonSpace returns the first rune of s that is not white space, as
// strings.TrimSpace sees white space; ok is false when there is none.
func firstNonSpace(s string) (rune, bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
			return rune(c), true
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return r, true
		}
		i += n
	}
	return 0, false
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// hasPlaceholderRune reports whether t holds one of X x × Ｘ ｘ ○ 字.
// Every byte of every cell passes here, so it looks for bytes rather than
// runes: the letters, and for the others a byte of theirs that is rare in
// Chinese text (0x97 of × C3 97, ○ E2 97 8B and 字 E5 AD 97; 0xB8 of
// Ｘ EF BC B8; 0x98 of ｘ EF BD 98), checking the bytes around each one
// found. The first byte of each is a lead byte, which no other character
// holds, so the match is the character's. A short cell is read in one
// loop, a long one with strings.IndexByte for each of those bytes.
func hasPlaceholderRune(t string) bool {
	if len(t) < 64 {
		for i := 0; i < len(t); i++ {
			if placeholderByte[t[i]] && placeholderAt(t, i) {
				return true
			}
		}
		return false
	}
	for _, c := range [...]byte{'X', 'x', 0x97, 0xB8, 0x98} {
		for i := 0; i < len(t); i++ {
			k := strings.IndexByte(t[i:], c)
			if k < 0 {
				break
			}
			i += k
			if placeholderAt(t, i) {
				return true
			}
		}
	}
	return false
}

var placeholderByte = [256]bool{'X': true, 'x': true, 0x97: true, 0xB8: true, 0x98: true}

// placeholderAt reports whether the byte t[i], one of placeholderByte,
// is (part of) one of X x × Ｘ ｘ ○ 字.
func placeholderAt(t string, i int) bool {
	switch t[i] {
	case 'X', 'x':
		return true
	case 0x97:
		return i >= 1 && t[i-1] == 0xC3 ||
			i >= 2 && t[i-2] == 0xE5 && t[i-1] == 0xAD ||
			i >= 1 && i+1 < len(t) && t[i-1] == 0xE2 && t[i+1] == 0x8B
	case 0xB8:
		return i >= 2 && t[i-2] == 0xEF && t[i-1] == 0xBC
	case 0x98:
		return i >= 2 && t[i-2] == 0xEF && t[i-1] == 0xBD
	}
	return false
}

// placeholder reports whether a cell holds what a template put there
// rather than what a filer wrote. It errs on the side of silence: only
// marks that never occur in real content count.
func placeholder(s string) (evaluation.Text, bool) {
	// Every cell of every form passes here: reject at once, before
	// trimming it, a cell that could match nothing below.
	if first, ok := firstNonSpace(s); !ok || !isPlaceholderFirst(first) && !hasPlaceholderRune(s) {
		return evaluation.Text{}, false
	}
	t := strings.TrimSpace(s)
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

// clip returns at most 40 runes of s, trimmed, with … when it was
// longer: for a message, which quotes a cell, never the whole of it.
func clip(s string) string {
	s = strings.TrimSpace(s)
	n := 0
	for i := range s {
		if n == 40 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
