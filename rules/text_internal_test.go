package rules

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
)

// placeholder on every path that reports (the quick rejection must never
// hide one) and on content that only looks like a template.
func TestPlaceholder(t *testing.T) {
	tests := []struct {
		cell string
		want bool
	}{
		{"*", true}, {" ＊ ", true}, {"***", true}, {"……", true}, {"...", true}, {"…", true},
		{"待填", true}, {"待填写", true},
		{"XXX项目", true}, {"由xxx负责", true}, {"Xxx", true}, {"×××单位", true}, {"ＸＸＸ", true}, {"ｘｘｘ", true}, {"○○○", true},
		{"（100字以内）", true}, {"完成情况(200字以内)", true},
		{"说明……的完成情况", true}, {"请说明...情况。", true}, {"简要说明……情况", true},
		{"请填写年度目标", true}, {"此处填写", true}, {"在此填写完成情况", true},
		{"", false}, {"   ", false},
		{"在2021年完成全部任务", false},
		{"说明书及操作手册已编制完成……", false},
		{"推进数字化转型，文字材料齐全", false},
		{"字以内", false}, // no bracket: not the instruction
		{"请示已批复", false},
		{"此项工作已完成", false},
		{"完成培训2811人次", false},
		{"说明……的完成情况说明……的完成情况说明……的完成情况说明……的完成情况说明……的完成情况", false}, // longer than 40 runes
	}
	for _, tt := range tests {
		if _, got := placeholder(tt.cell); got != tt.want {
			t.Errorf("placeholder(%q) = %v, want %v", tt.cell, got, tt.want)
		}
	}
}

// hasPlaceholderRune, which reads bytes, finds what strings.ContainsAny
// finds reading runes, on any bytes: valid text, invalid UTF-8, and the
// bytes of the marks cut apart.
func TestHasPlaceholderRune(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	parts := []string{"X", "x", "×", "Ｘ", "ｘ", "○", "字", "中", "，", "以内", "a", " ",
		"\xc3", "\x97", "\xe5\xad", "\xe2\x97", "\x8b", "\xef\xbc", "\xef\xbd", "\xb8", "\x98", "\xad\x97"}
	for range 50000 {
		var b strings.Builder
		n, mark := r.IntN(12), 1
		if r.IntN(4) == 0 {
			// Past the length read with IndexByte, a mark only now and then.
			n, mark = 40+r.IntN(60), 60
		}
		for range n {
			p := parts[r.IntN(len(parts))]
			for strings.ContainsAny(p, "Xx×Ｘｘ○字") && r.IntN(mark) != 0 {
				p = parts[r.IntN(len(parts))]
			}
			b.WriteString(p)
		}
		s := b.String()
		if got, want := hasPlaceholderRune(s), strings.ContainsAny(s, "Xx×Ｘｘ○字"); got != want {
			t.Fatalf("hasPlaceholderRune(%q) = %v, want %v", s, got, want)
		}
	}
}

// The text rules read each cell a bounded number of times and copy none:
// a department form whose goals repeat a 32 KB text a hundred times (what
// YAML aliases let a small file say) costs them no memory in proportion.
// Joining the goals to test them for blank text allocated all 3 MB.
func TestTextRulesDoNotCopyCells(t *testing.T) {
	text := strings.Repeat("项", 10_900)
	f := &evaluation.DepartmentForm{}
	f.Department, f.Year = "教育局", 2025
	for range 100 {
		f.Goals.Expected = append(f.Goals.Expected, text)
	}
	f.Goals.Achieved, f.Overall, f.Problems, f.Improvements = text, text, text, text
	set := Set{}.MustWith(textMissing, textPlaceholder)
	subj := &evaluation.Subject{Form: f}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	findings := set.Check(subj)
	runtime.ReadMemStats(&after)
	if len(findings) != 0 {
		t.Fatalf("findings on a filled form: %v", findings)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 256<<10 {
		t.Errorf("the text rules allocated %d bytes for %d bytes of text", n, 104*len(text))
	}
}

func TestIsPlaceholderFirst(t *testing.T) {
	for _, r := range placeholderFirst {
		if !isPlaceholderFirst(r) {
			t.Errorf("%q is in placeholderFirst", r)
		}
	}
	for _, r := range "X字中,，0a " {
		if isPlaceholderFirst(r) {
			t.Errorf("%q is not in placeholderFirst", r)
		}
	}
}
