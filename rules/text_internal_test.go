package rules

import "testing"

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
