package budget

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Unit is the currency unit a form's amounts are written in (单位).
//
// The zero Unit is 万元, the default unit of both self-evaluation forms.
type Unit int8

const (
	TenThousandYuan    Unit = iota // 万元, the default
	Yuan                           // 元
	HundredMillionYuan             // 亿元
)

// String returns the unit as printed on a form: "元", "万元" or "亿元".
func (u Unit) String() string {
	switch u {
	case Yuan:
		return "元"
	case HundredMillionYuan:
		return "亿元"
	case TenThousandYuan:
		return "万元"
	}
	return fmt.Sprintf("Unit(%d)", int8(u))
}

// exponent is the power of ten one unit is worth in 元.
func (u Unit) exponent() int32 {
	switch u {
	case HundredMillionYuan:
		return 8
	case TenThousandYuan:
		return 4
	}
	return 0
}

// ParseUnit reads a unit as written on a form. It accepts the Chinese
// names, with or without the "单位：" prefix, and the English names
// "yuan", "10k-yuan" and "100m-yuan".
func ParseUnit(s string) (Unit, error) {
	t := strings.TrimSpace(s)
	for _, p := range []string{"单位：", "单位:"} {
		t = strings.TrimSpace(strings.TrimPrefix(t, p))
	}
	switch strings.ToLower(t) {
	case "万元", "10k-yuan":
		return TenThousandYuan, nil
	case "元", "yuan":
		return Yuan, nil
	case "亿元", "100m-yuan":
		return HundredMillionYuan, nil
	}
	return 0, fmt.Errorf("budget: unit %q (want 元, 万元 or 亿元): %w", s, ErrUnknownUnit)
}

// convert expresses d, written in unit from, in unit to. Conversion between
// the units is a shift of the decimal point, so it is always exact.
func convert(d decimal.Decimal, from, to Unit) decimal.Decimal {
	if from == to {
		return d
	}
	return d.Shift(from.exponent() - to.exponent())
}
