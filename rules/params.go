package rules

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
)

// ParamKind is the type of a rule parameter.
type ParamKind int8

const (
	// AmountParam is an amount of money in 万元: "500", "1,000".
	AmountParam ParamKind = iota
	// RateParam is a percentage, written with its sign: "90%". A bare
	// number is refused: 0.9 and 90 would both be plausible readings.
	RateParam
	// NumberParam is a plain decimal number.
	NumberParam
	// ScheduleParam is a map of months to floors of execution, written
	// "{4: 25%, 6: 40%}"; empty for none (see Schedule).
	ScheduleParam
	// WordsParam is a list of words, written "新增项目, 延续项目" (commas
	// or 、 between them).
	WordsParam
)

// String returns "amount", "rate", "number", "schedule" or "words".
func (k ParamKind) String() string {
	switch k {
	case AmountParam:
		return "amount"
	case RateParam:
		return "rate"
	case ScheduleParam:
		return "schedule"
	case WordsParam:
		return "words"
	}
	return "number"
}

// MarshalText writes the kind as String does.
func (k ParamKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads "amount", "rate" or "number".
func (k *ParamKind) UnmarshalText(b []byte) error {
	for _, v := range []ParamKind{AmountParam, RateParam, NumberParam} {
		if string(b) == v.String() {
			*k = v
			return nil
		}
	}
	return fmt.Errorf("rules: parameter kind %q: want amount, rate or number", string(b))
}

// Param declares a parameter a rule reads. Parameters are named across a
// set: two rules that read min_execution_rate read the same value.
type Param struct {
	Name    string    `json:"name"`    // "key_project_threshold"
	Kind    ParamKind `json:"kind"`    // how its value is written and read
	Default string    `json:"default"` // as it would be written in a rules file: "500", "90%"
	// Min and Max bound the values a set or a rules file may give it,
	// written as its values are ("0%", "100%"); "" for no bound. A value
	// outside them is refused: a negative threshold or a rate of 500%
	// is a typo, never a policy.
	Min string          `json:"min,omitempty"`
	Max string          `json:"max,omitempty"`
	Doc evaluation.Text `json:"description"`
}

// check parses text as the parameter's kind and checks it against the
// parameter's bounds.
func (p Param) check(text string) (value, error) {
	v, err := parseValue(p.Kind, text)
	if err != nil {
		return v, err
	}
	for _, b := range []struct {
		text  string
		below bool
	}{{p.Min, true}, {p.Max, false}} {
		if b.text == "" {
			continue
		}
		bound, err := parseValue(p.Kind, b.text)
		if err != nil {
			return v, fmt.Errorf("bound %q of %s: %w", b.text, p.Name, err)
		}
		c := v.cmp(bound)
		if b.below && c < 0 {
			return v, &RangeError{Name: p.Name, Value: v.text, Min: p.Min, Max: p.Max}
		}
		if !b.below && c > 0 {
			return v, &RangeError{Name: p.Name, Value: v.text, Min: p.Min, Max: p.Max}
		}
	}
	return v, nil
}

// RangeError is a parameter value outside its bounds.
type RangeError struct {
	Name, Value, Min, Max string
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("%s %s is out of range (%s)", e.Name, safetext.Quote(e.Value), e.bounds(evaluation.English))
}

// Message returns what is wrong in lang.
func (e *RangeError) Message(lang evaluation.Lang) string {
	if lang == evaluation.English {
		return e.Error()
	}
	return fmt.Sprintf("%s 的值 %s 超出范围（%s）", e.Name, safetext.Quote(e.Value), e.bounds(lang))
}

func (e *RangeError) bounds(lang evaluation.Lang) string {
	switch {
	case e.Min != "" && e.Max != "":
		return e.Min + " – " + e.Max
	case e.Min != "":
		if lang == evaluation.English {
			return "at least " + e.Min
		}
		return "不小于 " + e.Min
	}
	if lang == evaluation.English {
		return "at most " + e.Max
	}
	return "不大于 " + e.Max
}

// value is one parsed parameter value.
type value struct {
	kind   ParamKind
	text   string
	amount budget.Amount
	rate   budget.Rate
	number decimal.Decimal
	sched  Schedule
	words  []string
}

func parseValue(kind ParamKind, text string) (value, error) {
	v := value{kind: kind, text: strings.TrimSpace(text)}
	var err error
	switch kind {
	case AmountParam:
		v.text = strings.TrimSpace(strings.TrimSuffix(v.text, "万元"))
		v.amount, err = budget.ParseAmount(v.text, budget.TenThousandYuan)
	case RateParam:
		v.rate, err = budget.ParsePercent(v.text)
		if err != nil {
			err = fmt.Errorf("write a rate as a percentage, such as 90%%: %w", err)
		}
	case ScheduleParam:
		v.sched, err = ParseSchedule(v.text)
	case WordsParam:
		v.words = parseWords(v.text)
	default:
		v.number, err = budget.ParseNumber(v.text)
	}
	return v, err
}

// cmp compares two values of the same kind.
func (v value) cmp(w value) int {
	switch v.kind {
	case AmountParam:
		return v.amount.Cmp(w.amount)
	case RateParam:
		return v.rate.Cmp(w.rate)
	}
	return v.number.Cmp(w.number)
}

// Params holds the values of a set's parameters. It is read-only.
type Params struct {
	values map[string]value
}

func (p *Params) get(name string, kind ParamKind) value {
	v, ok := p.values[name]
	if !ok {
		// A rule reading a parameter it did not declare is a bug in the
		// rule, not bad input: say so plainly.
		panic(fmt.Sprintf("rules: parameter %q is not declared by any rule of the set", name))
	}
	if v.kind != kind {
		panic(fmt.Sprintf("rules: parameter %q is a %s, read as a %s", name, v.kind, kind))
	}
	return v
}

// Amount returns the amount parameter name, in 万元.
func (p *Params) Amount(name string) budget.Amount { return p.get(name, AmountParam).amount }

// Rate returns the rate parameter name.
func (p *Params) Rate(name string) budget.Rate { return p.get(name, RateParam).rate }

// Number returns the number parameter name.
func (p *Params) Number(name string) decimal.Decimal { return p.get(name, NumberParam).number }

// Schedule returns the schedule parameter name.
func (p *Params) Schedule(name string) Schedule { return p.get(name, ScheduleParam).sched }

// Words returns the words parameter name. The slice is the set's own:
// do not modify it.
func (p *Params) Words(name string) []string { return p.get(name, WordsParam).words }

// Text returns the parameter's value as written; "" if the set has none.
func (p *Params) Text(name string) string { return p.values[name].text }
