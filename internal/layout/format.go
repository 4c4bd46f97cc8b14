package layout

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
	"github.com/perfeval/perfeval/rules"
)

// ProfileGuangzhou2021 is the profile whose department form carries
// Guangzhou's note on key projects: the renderers print the note for a
// form filed under it, and the importers set it when a document's note is
// Guangzhou's.
const ProfileGuangzhou2021 = rules.Guangzhou2021

// GuangzhouNote is the note printed under Guangzhou's department form, as
// published (the Tianhe 2021 form).
var GuangzhouNote = []string{
	"注：1. 每个部门至少开展一个重点项目绩效评价。",
	"2. 重点项目是指预算金额500万元以上项目；如果部门没500万元以上项目，则根据部门职能自选一个重点项目。",
}

// IsGuangzhouNote reports whether a note is Guangzhou's: it mentions
// 重点项目 and the 500万元 threshold.
func IsGuangzhouNote(note string) bool {
	return strings.Contains(note, "重点项目") && strings.Contains(budget.FoldWidth(note), "500万元")
}

// AsWritten prints a decimal with the places it was written with: 16.6
// stays 16.6, 16.60 stays 16.60, 24 stays 24. It is how every renderer
// prints a figure of the form, so that the rendered form shows what was
// filed.
func AsWritten(d decimal.Decimal) string { return d.StringFixed(max(0, -d.Exponent())) }

// AmountText prints an amount in the form's unit as written; "" for none.
func AmountText(a *budget.Amount, u budget.Unit) string {
	if a == nil {
		return ""
	}
	return AsWritten(a.In(u).Decimal())
}

// RateText prints a rate as it was printed; "" for none.
func RateText(r *budget.Rate) string {
	if r == nil {
		return ""
	}
	return r.String()
}

// NumberText prints a weight or score as written; "" for none.
func NumberText(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return AsWritten(*d)
}

// YearText prints a year as the forms do: "2021年"; "" for none.
func YearText(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf("%d年", y)
}

// YearLine is the line under a title stating the year: "（2025年度）".
func YearLine(y int) string { return fmt.Sprintf("（%d年度）", y) }

// UnitLine is the line stating the unit: "单位：万元".
func UnitLine(u budget.Unit) string { return "单位：" + u.String() }

// Symbol is the mark a renderer puts at a finding's cell: ✖ for an error,
// ⚠ for a warning, ℹ for info.
func Symbol(s evaluation.Severity) string {
	switch s {
	case evaluation.Error:
		return "✖"
	case evaluation.Warning:
		return "⚠"
	}
	return "ℹ"
}

// Texts the key project's cell holds besides its name and summary (see
// KeyProjectParas).
const (
	KeyProjectBudgetPrefix = "项目预算："
	KeyProjectSelfSelected = "自选重点项目"
)

// KeyProjectParas lays out a key project's cell as the Guangzhou form
// prints it: the project's name, then 项目预算：620万元 and 自选重点项目
// when the form states them, then its summary.
func KeyProjectParas(k *evaluation.KeyProject) []string {
	paras := []string{k.Name}
	if k.Budget != nil {
		paras = append(paras, KeyProjectBudgetPrefix+AsWritten(k.Budget.Decimal())+k.Budget.Unit().String())
	}
	if k.SelfSelected {
		paras = append(paras, KeyProjectSelfSelected)
	}
	if k.Summary != "" {
		paras = append(paras, k.Summary)
	}
	return paras
}

// Parent strips the last step of a key path: "tasks[1].funds" →
// "tasks[1]" → "tasks" → "".
func Parent(p string) string {
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

// StripMarkers removes the annotations a rendering appends to a cell or
// line (" ⚠[3]", " ✖[1] ℹ[2]") from the end of s.
func StripMarkers(s string) string {
	for {
		t := strings.TrimRightFunc(s, unicode.IsSpace)
		if !strings.HasSuffix(t, "]") {
			return s
		}
		open := strings.LastIndexByte(t, '[')
		if open < 0 {
			return s
		}
		digits := t[open+1 : len(t)-1]
		if len(digits) < 1 || len(digits) > 6 || strings.Trim(digits, "0123456789") != "" {
			return s
		}
		r, size := utf8.DecodeLastRuneInString(t[:open])
		if r != '✖' && r != '⚠' && r != 'ℹ' {
			return s
		}
		s = t[:open-size]
	}
}

// NeedsLiteral reports whether a value's text would read as something
// else where it stands — a label (得分), a note (注：…), a title, a
// template's placeholder (……, 指标1), a table's number (附件1), a year line,
// a grade — so that a writer marks its cell as data: Import reads what
// Export and Render wrote, whatever text the form holds. The labels only
// a department evaluation prints (评分办法, 编制数) count too: its reader
// looks them up wherever a cell is not marked as data.
func NeedsLiteral(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if _, ok := vocab.Title(t); ok {
		return true
	}
	return vocab.IsLabel(t) || vocab.LookupEvaluation(t).ID != vocab.None || isNote(t) || vocab.IsPlaceholder(t) || vocab.IsHeading(t) ||
		yearCellRE.MatchString(t) || profileRE.MatchString(t) || strings.HasPrefix(t, FindingsHeading)
}
