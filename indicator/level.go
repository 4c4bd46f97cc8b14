package indicator

import (
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/shopspring/decimal"
)

// maxLevelBytes bounds the text ParseLevel reads; a level name is a few
// characters.
const maxLevelBytes = 256

var levelByName = map[string]Level{
	"产出指标": Output, "产出": Output,
	"效益指标": Effect, "效益": Effect,
	"满意度指标": Satisfaction, "满意度": Satisfaction,
}

// ParseLevel reads an indicator level name as printed, optionally with its
// weight: "产出指标", "产出指标(50分)", "产出指标（50分）", "效益指标 30分",
// "满意度指标【分值：10】". It returns the level (LevelUnknown for any name
// that is not a level-one indicator, such as the level-two 数量指标), the
// name without its weight (widths folded, whitespace removed), and the
// weight if one is printed. A weight that is not a non-negative number
// within budget.ParseNumber's limits is not a weight: the text is then
// returned whole as the name.
func ParseLevel(s string) (level Level, name string, weight decimal.Decimal, hasWeight bool) {
	if len(s) > maxLevelBytes {
		return LevelUnknown, "", decimal.Decimal{}, false
	}
	t := normalize(s)
	name = t
	if n, w, ok := cutWeight(t); ok {
		name, weight, hasWeight = n, w, true
	}
	return levelByName[name], name, weight, hasWeight
}

// cutWeight splits "产出指标(50分)" into "产出指标" and 50.
func cutWeight(t string) (string, decimal.Decimal, bool) {
	var name, inner string
	closers := []struct{ open, close string }{{"(", ")"}, {"[", "]"}, {"【", "】"}, {"〔", "〕"}}
	found := false
	for _, c := range closers {
		if body, ok := strings.CutSuffix(t, c.close); ok {
			if i := strings.LastIndex(body, c.open); i >= 0 {
				name, inner, found = body[:i], body[i+len(c.open):], true
			}
			break
		}
	}
	if !found {
		// 产出指标50分: digits before a final 分.
		body, ok := strings.CutSuffix(t, "分")
		if !ok {
			return "", decimal.Decimal{}, false
		}
		i := len(body)
		for i > 0 && (isDigit(body[i-1]) || body[i-1] == '.') {
			i--
		}
		if i == len(body) || i == 0 {
			return "", decimal.Decimal{}, false
		}
		name, inner = body[:i], body[i:]
	}
	for _, p := range []string{"分值", "权重", "满分", ":"} {
		inner = strings.TrimPrefix(inner, p)
	}
	inner = strings.TrimSuffix(inner, "分")
	w, err := budget.ParseNumber(inner)
	if err != nil || w.IsNegative() || name == "" {
		return "", decimal.Decimal{}, false
	}
	return name, w, true
}

// LevelOfDimension infers the level-one dimension from a level-two name
// (二级指标), for a row whose 一级指标 cell is blank: 数量/质量/时效/成本指标
// are 产出指标; 经济/社会/生态效益指标 and 可持续影响指标 are 效益指标;
// 服务对象满意度指标 is 满意度指标 (财预〔2020〕10号, 附件 indicator framework).
func LevelOfDimension(level2 string) Level {
	t := strings.TrimSpace(level2)
	switch {
	case t == "":
		return LevelUnknown
	case strings.Contains(t, "满意度"):
		return Satisfaction
	case strings.Contains(t, "效益") || strings.Contains(t, "可持续影响"):
		return Effect
	case strings.Contains(t, "数量") || strings.Contains(t, "质量") || strings.Contains(t, "时效") || strings.Contains(t, "成本"):
		return Output
	}
	return LevelUnknown
}
