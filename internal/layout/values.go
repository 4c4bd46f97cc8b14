package layout

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/vocab"
)

// tx is a message in both languages.
func tx(zh, en string) imports.Text { return imports.Text{Zh: zh, En: en} }

// Blank reports whether a cell says "nothing" rather than a value: empty,
// a dash, a slash, 无. Official forms print "—" in cells that do not
// apply.
func Blank(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "—", "——", "－", "–", "/", "／", "无", "\\":
		return true
	}
	return false
}

// readAmount reads an amount in the form's unit u. An amount may carry its
// unit as printed (620万元, 150万, 1,500,000元): it is converted exactly
// into u, and the reading is reported when it is not literal. A
// spreadsheet's number is read exactly from its stored text.
func readAmount(c *In, u budget.Unit) (a *budget.Amount, note *imports.Text, why *imports.Text) {
	if c.Kind == NumberCell && c.Num != nil {
		d, n := fitNumber(c.Num)
		text := AsWritten(d)
		v, err := budget.ParseAmount(text, u)
		if err != nil {
			w := tx("不是金额："+err.Error(), "not an amount: "+err.Error())
			return nil, nil, &w
		}
		return &v, n, nil
	}
	if c.Kind != TextCell {
		w := tx("此处应为金额", "an amount belongs here")
		return nil, nil, &w
	}
	t := strings.TrimSpace(c.Text)
	if Blank(t) {
		return nil, nil, nil
	}
	num, written, hasUnit := budget.CutUnit(t)
	v, err := budget.ParseAmount(t, u)
	if err != nil {
		w := tx("不是金额："+err.Error(), "not an amount: "+err.Error())
		return nil, nil, &w
	}
	// Converting may carry the amount past the file format's limits.
	if _, err := budget.ParseNumber(AsWritten(v.Decimal())); err != nil {
		w := tx("换算为"+u.String()+"后超出范围："+err.Error(), "out of range in "+u.String()+": "+err.Error())
		return nil, nil, &w
	}
	if hasUnit && (written != u || !strings.HasSuffix(strings.TrimSpace(t), "元")) {
		n := tx(fmt.Sprintf("%s 读作 %s%s", t, AsWritten(v.Decimal()), u),
			fmt.Sprintf("%s read as %s %s", t, AsWritten(v.Decimal()), u))
		return &v, &n, nil
	}
	_ = num
	return &v, nil, nil
}

// fitNumber gives a spreadsheet's number the decimals its format shows
// when it carries fewer (16.6 shown as 16.60 is 16.60, what the form
// printed), and rounds it half up to budget.MaxDecimalPlaces when it
// carries more (a foreign sheet's 1/3), which is reported.
func fitNumber(n *Number) (decimal.Decimal, *imports.Text) {
	d := n.Value
	var note *imports.Text
	if p := -d.Exponent(); p > budget.MaxDecimalPlaces {
		d = trimZeros(d.Round(budget.MaxDecimalPlaces))
		t := tx(fmt.Sprintf("单元格存储 %s，按 %d 位小数读作 %s", n.Stored, budget.MaxDecimalPlaces, AsWritten(d)),
			fmt.Sprintf("stored as %s, read as %s at %d decimals", n.Stored, AsWritten(d), budget.MaxDecimalPlaces))
		note = &t
	} else if n.Stored != "" && strings.TrimSpace(n.Stored) != AsWritten(n.Value) && !strings.ContainsAny(n.Stored, "eE") {
		t := tx(fmt.Sprintf("单元格存储 %s，读作 %s", n.Stored, AsWritten(d)),
			fmt.Sprintf("stored as %s, read as %s", n.Stored, AsWritten(d)))
		note = &t
	}
	places := max(int32(max(0, -int(d.Exponent()))), min(int32(n.MinPlaces), budget.MaxDecimalPlaces))
	if n.MinPlaces >= 0 && places > -d.Exponent() {
		d, _ = decimal.NewFromString(d.StringFixed(places))
	}
	return d, note
}

// trimZeros drops the zeros at the end of a decimal's fraction.
func trimZeros(d decimal.Decimal) decimal.Decimal {
	t, err := decimal.NewFromString(d.String())
	if err != nil {
		return d
	}
	return t
}

// readNumber reads a weight or score (分值, 得分): a non-negative number,
// "分" allowed after it.
func readNumber(c *In) (*decimal.Decimal, *imports.Text, *imports.Text) {
	var d decimal.Decimal
	var note *imports.Text
	switch {
	case c.Kind == NumberCell && c.Num != nil:
		d, note = fitNumber(c.Num)
	case c.Kind == TextCell:
		t := strings.TrimSpace(c.Text)
		if Blank(t) {
			return nil, nil, nil
		}
		t = strings.TrimSpace(strings.TrimSuffix(t, "分"))
		var err error
		if d, err = budget.ParseNumber(t); err != nil {
			w := tx("不是分数："+err.Error(), "not a score: "+err.Error())
			return nil, nil, &w
		}
	default:
		w := tx("此处应为分数", "a score belongs here")
		return nil, nil, &w
	}
	if d.IsNegative() {
		w := tx("分数不能为负", "a score cannot be negative")
		return nil, nil, &w
	}
	return &d, note, nil
}

// rateCell is what a rate cell says: a rate as printed (with %, or a
// spreadsheet's percentage), or a bare number to be told apart as a ratio
// or a percentage once the form's amounts are known.
type rateCell struct {
	rate *budget.Rate
	bare *decimal.Decimal
}

func readRate(c *In) (rateCell, *imports.Text) {
	switch {
	case c.Kind == NumberCell && c.Num != nil:
		d := c.Num.Value
		if c.Num.Percent {
			// A fraction in a percent format is the percentage it shows,
			// at the format's decimals: what the form printed.
			d = d.Shift(2)
			if c.Num.MaxPlaces >= 0 && -d.Exponent() > int32(c.Num.MaxPlaces) {
				d = d.Round(min(int32(c.Num.MaxPlaces), budget.MaxDecimalPlaces))
			}
			p := max(int32(max(0, -int(d.Exponent()))), min(int32(c.Num.MinPlaces), budget.MaxDecimalPlaces))
			rt, err := budget.ParsePercent(d.StringFixed(p) + "%")
			if err != nil {
				w := tx("不是比率："+err.Error(), "not a rate: "+err.Error())
				return rateCell{}, &w
			}
			return rateCell{rate: &rt}, nil
		}
		d, _ = fitNumber(c.Num)
		return rateCell{bare: &d}, nil
	case c.Kind == TextCell:
		t := strings.TrimSpace(budget.FoldWidth(c.Text))
		if Blank(t) {
			return rateCell{}, nil
		}
		if strings.HasSuffix(t, "%") {
			rt, err := budget.ParsePercent(t)
			if err != nil {
				w := tx("不是比率："+err.Error(), "not a rate: "+err.Error())
				return rateCell{}, &w
			}
			return rateCell{rate: &rt}, nil
		}
		d, err := budget.ParseNumber(t)
		if err != nil {
			w := tx("不是比率："+err.Error(), "not a rate: "+err.Error())
			return rateCell{}, &w
		}
		return rateCell{bare: &d}, nil
	}
	w := tx("此处应为比率", "a rate belongs here")
	return rateCell{}, &w
}

// decideRate reads a bare number printed in a rate cell: as a ratio (0.958
// is 95.8%: n decimals become n−2) or as a percentage (95.8 is 95.8%),
// whichever agrees with the rate computed from the form's own amounts;
// where both or neither agree, a value of at most 1 is a ratio. ok is
// false when neither reading can be written as a rate.
func decideRate(d decimal.Decimal, computed *budget.Rate) (budget.Rate, imports.Text, bool) {
	asPercent, errP := budget.ParsePercent(AsWritten(d) + "%")
	asRatio, errR := budget.ParsePercent(AsWritten(d.Shift(2)) + "%")
	var ratio bool
	switch {
	case errP != nil && errR != nil:
		return budget.Rate{}, imports.Text{}, false
	case errR != nil:
		ratio = false
	case errP != nil:
		ratio = true
	default:
		var okR, okP bool
		if computed != nil {
			okR = computed.Matches(asRatio, decimal.Zero)
			okP = computed.Matches(asPercent, decimal.Zero)
		}
		switch {
		case okR && !okP:
			ratio = true
		case okP && !okR:
			ratio = false
		default:
			ratio = d.Cmp(decimal.NewFromInt(1)) <= 0
		}
	}
	why := "（按数值不大于 1 即为比值）"
	whyEn := " (a value of at most 1 is a ratio)"
	if computed != nil && (computed.Matches(asRatio, decimal.Zero) != computed.Matches(asPercent, decimal.Zero)) {
		why = "（与按表中金额计算的 " + computed.String() + " 相符）"
		whyEn = " (agrees with " + computed.String() + " computed from the form's amounts)"
	}
	if ratio {
		return asRatio, tx(fmt.Sprintf("%s 未带百分号，读作比值 %s%s", AsWritten(d), asRatio, why),
			fmt.Sprintf("%s printed without %%, read as the ratio %s%s", AsWritten(d), asRatio, whyEn)), true
	}
	if d.Cmp(decimal.NewFromInt(1)) > 0 && computed == nil {
		why, whyEn = "（按数值大于 1 即为百分数）", " (a value above 1 is a percentage)"
	}
	return asPercent, tx(fmt.Sprintf("%s 未带百分号，读作 %s%s", AsWritten(d), asPercent, why),
		fmt.Sprintf("%s printed without %%, read as %s%s", AsWritten(d), asPercent, whyEn)), true
}

// readYear reads 2021, 2021年 or 2021年度, within 1949 to 2200, the file
// format's range.
func readYear(c *In) (int, *imports.Text) {
	var t string
	switch {
	case c.Kind == NumberCell && c.Num != nil:
		if !c.Num.Value.IsInteger() {
			w := tx("不是年份", "not a year")
			return 0, &w
		}
		t = c.Num.Value.String()
	case c.Kind == TextCell:
		t = c.Text
	default:
		w := tx("此处应为年份", "a year belongs here")
		return 0, &w
	}
	y, err := ParseYear(t)
	if err != nil {
		w := tx("不是 1949 至 2200 年之间的年份", "not a year between 1949 and 2200")
		return 0, &w
	}
	return y, nil
}

// ParseYear reads a year as a form prints it: 2021, 2021年, 2021年度,
// （2021年度）, full-width digits too; between 1949 and 2200.
func ParseYear(s string) (int, error) {
	t := strings.TrimSpace(vocab.Fold(s))
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, "("), ")"))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "度"), "年")
	t = strings.TrimSpace(t)
	if len(t) != 4 {
		return 0, errYear
	}
	y, err := strconv.Atoi(t)
	if err != nil || y < 1949 || y > 2200 {
		return 0, errYear
	}
	return y, nil
}

var errYear = fmt.Errorf("not a year between 1949 and 2200")

// readBool reads 自选重点项目: 是/否, true/false, 1/0, √/×; empty is false.
func readBool(c *In) (bool, *imports.Text) {
	s := strings.ToLower(strings.TrimSpace(c.Text))
	switch s {
	case "", "否", "false", "0", "n", "no", "×", "x", "-", "—":
		return false, nil
	case "是", "true", "1", "y", "yes", "√", "✓", "✔":
		return true, nil
	}
	w := tx("应为“是”或“否”", "want 是 or 否")
	return false, &w
}

// readDirection reads 指标方向: 正向/反向/等于/定性, or the file format's
// higher/lower/exact/qualitative.
func readDirection(c *In) (indicator.Direction, *imports.Text) {
	s := strings.TrimSpace(c.Text)
	if s == "等于" {
		return indicator.Exact, nil
	}
	d, err := indicator.ParseDirection(s)
	if err != nil {
		w := tx("不是指标方向（正向、反向、等于、定性）", "not a direction (正向, 反向, 等于, 定性)")
		return 0, &w
	}
	return d, nil
}
