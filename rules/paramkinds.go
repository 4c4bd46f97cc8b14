package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// Schedule is a profile's floors of budget execution by month: by the end
// of month M, at least the floor of the budget should be spent. Without
// one, a monitoring form's execution is held to the share of the year
// elapsed (X/12); with one, to the floor of the latest month at or before
// its 1-X月. Sichuan's monitoring rules (川财绩〔2025〕10号, as summarised
// in public) warn below 25% at 1-4月, 40% at 1-6月, 60% at 1-8月 and 80% at
// 1-10月: "{4: 25%, 6: 40%, 8: 60%, 10: 80%}".
//
// A Schedule is an immutable value; the zero Schedule has no floors.
type Schedule struct {
	steps []scheduleStep // by month, ascending
}

type scheduleStep struct {
	month int
	floor budget.Rate
}

// ParseSchedule reads a schedule as a rules file writes it: months 1 to
// 12 (4, 4月 or 1-4月) each with a percentage, "{4: 25%, 6: 40%}", the
// braces optional; "" is the empty schedule. A month given twice, or a
// floor that is lower than an earlier month's, is refused: a schedule
// only rises.
func ParseSchedule(s string) (Schedule, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, "{"), "}"))
	if t == "" {
		return Schedule{}, nil
	}
	var sc Schedule
	for _, item := range strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' }) {
		m, f, ok := strings.Cut(item, ":")
		if !ok {
			m, f, ok = strings.Cut(item, "：")
		}
		if !ok {
			return Schedule{}, valueError(fmt.Sprintf("进度下限“%s”应写作 月份: 下限，如 6: 40%%", strings.TrimSpace(item)),
				fmt.Sprintf("schedule entry %q: want month: floor, such as 6: 40%%", strings.TrimSpace(item)))
		}
		month, err := evaluation.ParseMonth(m)
		if err != nil || month == 0 {
			return Schedule{}, valueError(fmt.Sprintf("进度下限“%s”的月份应为 1 至 12", strings.TrimSpace(item)),
				fmt.Sprintf("schedule entry %q: the month must be 1 to 12", strings.TrimSpace(item)))
		}
		floor, err := budget.ParsePercent(f)
		if err != nil {
			return Schedule{}, valueError(fmt.Sprintf("进度下限“%s”应写作百分数，如 40%%", strings.TrimSpace(item)),
				fmt.Sprintf("schedule entry %q: write the floor as a percentage, such as 40%%", strings.TrimSpace(item)))
		}
		if floor.Cmp(budget.RateFromDecimal(decimal.Zero)) < 0 || floor.Cmp(budget.One()) > 0 {
			return Schedule{}, valueError(fmt.Sprintf("进度下限“%s”应在 0%% 至 100%% 之间", strings.TrimSpace(item)),
				fmt.Sprintf("schedule entry %q: a floor lies between 0%% and 100%%", strings.TrimSpace(item)))
		}
		for _, st := range sc.steps {
			if st.month == int(month) {
				return Schedule{}, valueError(fmt.Sprintf("进度下限的 %d 月重复给出", month), fmt.Sprintf("schedule: month %d given twice", month))
			}
		}
		sc.steps = append(sc.steps, scheduleStep{month: int(month), floor: floor})
	}
	slices.SortFunc(sc.steps, func(a, b scheduleStep) int { return a.month - b.month })
	for i := 1; i < len(sc.steps); i++ {
		if sc.steps[i].floor.Cmp(sc.steps[i-1].floor) < 0 {
			return Schedule{}, valueError(
				fmt.Sprintf("%d 月的进度下限（%s）低于 %d 月的（%s）", sc.steps[i].month, sc.steps[i].floor, sc.steps[i-1].month, sc.steps[i-1].floor),
				fmt.Sprintf("schedule: the floor of month %d (%s) is below that of month %d (%s)",
					sc.steps[i].month, sc.steps[i].floor, sc.steps[i-1].month, sc.steps[i-1].floor))
		}
	}
	return sc, nil
}

// IsZero reports whether the schedule has no floors.
func (s Schedule) IsZero() bool { return len(s.steps) == 0 }

// Floor returns the floor that applies at the end of month asOf: that of
// the latest month at or before it. ok is false when the schedule has no
// month that early.
func (s Schedule) Floor(asOf int) (month int, floor budget.Rate, ok bool) {
	for _, st := range s.steps {
		if st.month > asOf {
			break
		}
		month, floor, ok = st.month, st.floor, true
	}
	return month, floor, ok
}

// String writes the schedule as a rules file does: "{4: 25%, 6: 40%}".
func (s Schedule) String() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, st := range s.steps {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d: %s", st.month, st.floor)
	}
	b.WriteByte('}')
	return b.String()
}

// parseWords reads a list of words separated by commas (half or full
// width), 、 or semicolons, with surrounding space and brackets removed:
// "[新增项目, 延续项目]" and "新增项目、延续项目" are the same list.
func parseWords(s string) []string {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, "["), "]"))
	var out []string
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(",，、;；", r) }) {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// ValueError is a parameter value that cannot be read, said in both
// languages.
type ValueError struct {
	Msg evaluation.Text
}

func valueError(zh, en string) *ValueError { return &ValueError{Msg: text(zh, en)} }

func (e *ValueError) Error() string { return e.Msg.En }

// Message returns the error in lang.
func (e *ValueError) Message(lang evaluation.Lang) string { return e.Msg.In(lang) }
