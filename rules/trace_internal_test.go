package rules

import (
	"testing"

	"github.com/perfeval/perfeval/indicator"
)

// compareTargets reads what a target means, not how it is worded.
func TestCompareTargets(t *testing.T) {
	tests := []struct {
		earlier, later string
		dir            indicator.Direction
		want           targetChange
	}{
		{"≥95%", "不低于95%", 0, sameTarget},
		{"≥95%", "95%以上", 0, sameTarget},
		{"≥95%", "９５％以上", 0, sameTarget},
		{"100%", "≥100%", 0, sameTarget}, // a bare target is met by reaching it
		{"=100%", "100%", 0, sameTarget},
		{"≤100万元", "控制在1000000元以内", 0, sameTarget},
		{"≥95%", "≥96%", 0, stricterTarget},
		{"≥95%", "≥90%", 0, looserTarget},
		{"≥20台", "20台", 0, sameTarget},
		{"≥20台", "18台", 0, looserTarget},
		{"≤5起", "≤3起", 0, stricterTarget},
		{"≤5起", "不超过8起", 0, looserTarget},
		{"0起", "≤1起", 0, looserTarget},
		{"≥95%", "≤95%", 0, otherDirection},
		{"≥95%", "≥95人", 0, otherUnit},
		{"下降5%", "下降3%", 0, looserTarget},
		{"下降5%", "上升5%", 0, otherDirection},
		{"100%", "98%", indicator.LowerIsBetter, stricterTarget}, // a 控制率, lower is better by the row's override
		{"2025年11月底前", "2025年10月31日前", 0, stricterTarget},
		{"2025年11月底前", "11月30日前", 0, sameTarget},
		{"11月底前", "2025年12月底前", 0, looserTarget},
		{"良好", "优秀", 0, stricterTarget},
		{"优秀", "合格", 0, looserTarget},
		{"优秀", "被评为优秀", 0, sameTarget},
		{"上升", "下降", 0, otherDirection},
		{"不上升", "下降", 0, stricterTarget},
		{"优秀", "达成预期指标", 0, notComparable},
		{"严格执行相关制度", "严格执行相关规定", 0, notComparable},
		{"严格执行相关制度", "严格执行 相关制度", 0, sameTarget},
		{"≥95%", "较好", 0, notComparable},
		{"≥95%", "", 0, notComparable},
		{"", "≥95%", 0, notComparable},
		{"", "", 0, sameTarget},
		{"形成1份报告", "1份", 0, sameTarget},
		{"90%-95%", "90%-95%", 0, sameTarget},
		{"90%-95%", "90%-96%", 0, notComparable},
	}
	for _, tt := range tests {
		if got := compareTargets(indicator.Parse(tt.earlier), indicator.Parse(tt.later), tt.dir); got != tt.want {
			t.Errorf("compareTargets(%q, %q, %v) = %d, want %d", tt.earlier, tt.later, tt.dir, got, tt.want)
		}
	}
}

func TestIsLevel(t *testing.T) {
	for s, want := range map[string]bool{
		"优秀": true, "合格": true, "达标": true, "按时完成": true, "第一名": true, "前三名": true, "是": true, "满意": true,
		"有效提升": false, "明显增加": false, "持续改善": false, "覆盖全区所有人员": false, "≥95%": false, "": false,
	} {
		if got := isLevel(indicator.Parse(s)); got != want {
			t.Errorf("isLevel(%q) = %v, want %v", s, got, want)
		}
	}
}

// chosen reads a value as typed, or the options ticked in a printed
// choice, as published forms show them.
func TestChosen(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"新增项目", []string{"新增项目"}},
		{" 基础建设、修缮类 ", []string{"基础建设、修缮类"}},
		{"1、持续性项目 □ 2、新增性项目 □", nil},                           // 黄石 2019: nothing ticked
		{"1、常年性项目 □ √ 2、延续性项目 □ 3、一次性项目 □", []string{"常年性项目"}}, // 黄石 2019
		{"1、持续性项目 ☑ 2、新增性项目 □", []string{"持续性项目"}},             // 黄石 2022
		{"持续性项目□、新增性项目☑", []string{"新增性项目"}},                   // 湖北工程学院
		{"新增项目□ 延续项目√", []string{"延续项目"}},                      // 岳阳楼区 2017
		{"部门预算 □ 切块预算 □", nil},                                 // 芜湖 2019
		{"新增项目☑ 延续项目☑", []string{"新增项目", "延续项目"}},
	}
	for _, tt := range tests {
		got := chosen(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("chosen(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("chosen(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
}
