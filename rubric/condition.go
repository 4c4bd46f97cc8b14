package rubric

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
)

const maxConditionRunes = 200

// condition is a comparison of two basic-data figures, or of one with a
// number: "year_end_balance <= prior_carryover".
type condition struct {
	left, right operand
	op          string // one of = != < <= > >=
}

// operand is a leaf of the basic data or a number.
type operand struct {
	leaf   *leaf
	number decimal.Decimal
}

// ops in the order they are looked for: two-character operators first,
// so that "<=" is not read as "<".
var ops = []struct{ text, op string }{
	{"<=", "<="}, {">=", ">="}, {"!=", "!="}, {"==", "="},
	{"≤", "<="}, {"≥", ">="}, {"≠", "!="}, {"<", "<"}, {">", ">"}, {"=", "="},
}

func parseCondition(s string) (*condition, error) {
	if len([]rune(s)) > maxConditionRunes {
		return nil, fmt.Errorf("%w: longer than %d characters", ErrTooLarge, maxConditionRunes)
	}
	for _, o := range ops {
		l, r, ok := strings.Cut(s, o.text)
		if !ok {
			continue
		}
		left, err := parseOperand(l)
		if err != nil {
			return nil, err
		}
		right, err := parseOperand(r)
		if err != nil {
			return nil, err
		}
		switch {
		case left.leaf == nil && right.leaf == nil:
			return nil, fmt.Errorf("%w: %s compares two numbers; name a figure of the basic data", ErrCondition, quote(s))
		case left.leaf != nil && right.leaf != nil && left.leaf.count != right.leaf.count:
			return nil, fmt.Errorf("%w: %s compares a count with an amount of money", ErrCondition, quote(s))
		}
		return &condition{left: left, right: right, op: o.op}, nil
	}
	return nil, fmt.Errorf("%w: %s has no comparison; want a figure, one of = != < <= > >=, and a figure or a number", ErrCondition, quote(s))
}

func parseOperand(s string) (operand, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return operand{}, fmt.Errorf("%w: an operand is missing", ErrCondition)
	}
	if l, ok := leafByKey[t]; ok {
		return operand{leaf: l}, nil
	}
	if d, err := budget.ParseNumber(t); err == nil {
		return operand{number: d}, nil
	}
	keys := make([]string, 0, len(leaves))
	for _, l := range leaves {
		keys = append(keys, l.key)
	}
	return operand{}, fmt.Errorf("%w: %s is neither a figure of the basic data nor a number%s", ErrCondition, quote(t), hint(t, keys))
}

// conditionValue is the outcome of a condition for one department.
type conditionValue struct {
	holds   bool
	missing []Text // figures not given: the condition cannot be told
	derived []Text
	text    Text // the comparison with its values: "年末结余 19.80 ≤ 上年结转 19.80"
	negated Text // the same, negated: "年末结余 25.00 > 上年结转 19.80"
}

func (c *condition) eval(b *Basic) conditionValue {
	var out conditionValue
	get := func(o operand) (budget.Amount, bool) {
		if o.leaf == nil {
			return budget.Amount{}, true
		}
		q, derived := o.leaf.get(b)
		if !q.ok {
			out.missing = append(out.missing, o.leaf.label)
			return budget.Amount{}, false
		}
		if derived {
			out.derived = append(out.derived, derivation(o.leaf, b))
		}
		return q.amount, true
	}
	l, lok := get(c.left)
	r, rok := get(c.right)
	if !lok || !rok {
		return out
	}
	var cmp int
	switch {
	case c.left.leaf != nil && c.right.leaf != nil:
		cmp = l.Cmp(r)
	case c.left.leaf != nil:
		// A number is read in the unit of the figure it is compared with.
		cmp = l.Decimal().Cmp(c.right.number)
	default:
		cmp = c.left.number.Cmp(r.Decimal())
	}
	switch c.op {
	case "=":
		out.holds = cmp == 0
	case "!=":
		out.holds = cmp != 0
	case "<":
		out.holds = cmp < 0
	case "<=":
		out.holds = cmp <= 0
	case ">":
		out.holds = cmp > 0
	case ">=":
		out.holds = cmp >= 0
	}
	show := func(o operand, a budget.Amount) Text {
		if o.leaf == nil {
			return Text{num(o.number), num(o.number)}
		}
		v := o.leaf.show(quantity{amount: a, ok: true})
		return Text{o.leaf.label.Zh + " " + v, o.leaf.label.En + " " + v}
	}
	ls, rs := show(c.left, l), show(c.right, r)
	sym, neg := symbols[c.op], symbols[negations[c.op]]
	out.text = Text{ls.Zh + " " + sym + " " + rs.Zh, ls.En + " " + sym + " " + rs.En}
	out.negated = Text{ls.Zh + " " + neg + " " + rs.Zh, ls.En + " " + neg + " " + rs.En}
	return out
}

var symbols = map[string]string{"=": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}

var negations = map[string]string{"=": "!=", "!=": "=", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
