package indicator

import (
	"fmt"
	"strings"
)

// Kind is the kind of a written indicator value.
//
// The zero Kind is Empty, the kind of a blank cell.
type Kind int8

const (
	// Empty is a blank cell (whitespace only).
	Empty Kind = iota
	// Quantity is a number with an optional unit and operator, and nothing
	// else: 98.70%, 3057人次, 0起, 2,811 人, ≥95%, 百分之百, １００％.
	Quantity
	// Qualitative (定性) is a word of a known vocabulary (下降, 优秀, 第一名,
	// 达成预期指标, 是 …) or free text that states no quantity, such as the
	// target 严格执行相关制度规定.
	Qualitative
	// Deadline (时效) is a date a task is due by or was done on:
	// 2021年12月底前, 12月31日前, 2021年12月31日.
	Deadline
	// Text is free text that states a quantity: 形成1份完整的……调研报告 (1份),
	// 扫黑除恶线索办结率100%。 (100%).
	Text
	// Unparsed is a value that could not be interpreted: a malformed or
	// out-of-range number, a range, a placeholder such as "*", or input
	// beyond MaxValueBytes. Value.Err says why.
	Unparsed
)

var kindNames = [...]string{"empty", "quantity", "qualitative", "deadline", "text", "unparsed"}

// String returns the kind in lower case: "empty", "quantity", "qualitative",
// "deadline", "text" or "unparsed".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int8(k))
}

// Direction says which way an actual value should go relative to its
// target: 正向 (higher is better), 反向 (lower is better), exact, or 定性.
//
// The zero Direction is Unspecified: "let the target's wording decide".
type Direction int8

const (
	// Unspecified: no operator was written. Given to Assess, it means
	// "use what the target's wording implies".
	Unspecified Direction = iota
	// HigherIsBetter (正向): ≥95%, >=95%, ≧95%, 不低于95%, 95%以上, 至少20台, 大于, 超过.
	HigherIsBetter
	// LowerIsBetter (反向): ≤5起, <=5起, 不高于5%, 不超过90万元, 5起以内,
	// 控制在90万元以内, 低于, 小于.
	LowerIsBetter
	// Exact: =100%, or a target written without any operator ("100%"). It
	// is met by reaching the target and scored as higher-is-better.
	Exact
	// QualitativeDirection (定性): met or not by the meaning of words, scored
	// by achievement band rather than by a ratio.
	QualitativeDirection
)

var directionNames = [...]string{"", "higher", "lower", "exact", "qualitative"}

// String returns the direction as written in a form file: "higher",
// "lower", "exact", "qualitative", or "" for Unspecified.
func (d Direction) String() string {
	if d >= 0 && int(d) < len(directionNames) {
		return directionNames[d]
	}
	return fmt.Sprintf("Direction(%d)", int8(d))
}

// ParseDirection reads a direction as written in a form file's
// `direction:` key: "higher", "lower", "exact" or "qualitative" (case and
// surrounding space ignored), or 正向, 反向, 定性; "" is Unspecified. Anything else is an error
// wrapping ErrUnknownDirection.
func ParseDirection(s string) (Direction, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	// The Chinese names forms use: 正向 (higher), 反向 (lower), 定性.
	switch t {
	case "正向", "正向指标":
		return HigherIsBetter, nil
	case "反向", "反向指标":
		return LowerIsBetter, nil
	case "定性", "定性指标":
		return QualitativeDirection, nil
	}
	for i, name := range directionNames {
		if t == name {
			return Direction(i), nil
		}
	}
	return Unspecified, fmt.Errorf("indicator: direction %q (want higher, lower, exact or qualitative): %w", s, ErrUnknownDirection)
}

// MarshalText implements encoding.TextMarshaler with the names of String.
func (d Direction) MarshalText() ([]byte, error) {
	if d < 0 || int(d) >= len(directionNames) {
		return nil, fmt.Errorf("indicator: direction %d: %w", int8(d), ErrUnknownDirection)
	}
	return []byte(directionNames[d]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseDirection.
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := ParseDirection(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Status is the outcome of assessing an actual value against its target.
// Its names are those of the JSON report (docs/report.md).
//
// The zero Status is Unknown: the row could not be assessed.
type Status int8

const (
	// Unknown: the row cannot be assessed; Assessment.Reason says why.
	Unknown Status = iota
	// Met (达成): the target is reached.
	Met
	// PartlyMet (部分达成): the actual falls short of the target but is
	// within the band that still earns part of the weight.
	PartlyMet
	// NotMet (未达成): the actual earns nothing against the target.
	NotMet
)

var statusNames = [...]string{"unknown", "met", "partly-met", "not-met"}

// String returns "unknown", "met", "partly-met" or "not-met".
func (s Status) String() string {
	if s >= 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", int8(s))
}

// Level is a level-one indicator (一级指标) of the project form, the
// dimension an indicator's weight is counted under (财预〔2020〕10号 sets
// 产出 50, 效益 30, 满意度 10 points).
//
// The zero Level is LevelUnknown.
type Level int8

const (
	// LevelUnknown is any name that is not a level-one indicator, level-two
	// names (数量指标, 社会效益指标 …) included.
	LevelUnknown Level = iota
	// Output is 产出指标.
	Output
	// Effect is 效益指标.
	Effect
	// Satisfaction is 满意度指标.
	Satisfaction
)

var levelNames = [...]string{"", "产出指标", "效益指标", "满意度指标"}

// String returns the level's name as printed on the form: "产出指标",
// "效益指标", "满意度指标", or "" for LevelUnknown.
func (l Level) String() string {
	if l >= 0 && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", int8(l))
}
