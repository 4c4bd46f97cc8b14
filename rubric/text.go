package rubric

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
)

// Lang selects the language of reasons and messages: "zh" or "en". It
// has the values of evaluation.Lang, so a caller converts one to the
// other with Lang(l).
type Lang string

const (
	Chinese Lang = "zh" // the default
	English Lang = "en"
)

// Text is a reason or message in both languages.
type Text struct {
	Zh string
	En string
}

// In returns the text in lang: Chinese unless English is asked for.
func (t Text) In(lang Lang) string {
	if lang == English {
		return t.En
	}
	return t.Zh
}

// texts joins texts with a separator of each language.
func joinTexts(ts []Text, zhSep, enSep string) Text {
	zh := make([]string, len(ts))
	en := make([]string, len(ts))
	for i, t := range ts {
		zh[i], en[i] = t.Zh, t.En
	}
	return Text{Zh: strings.Join(zh, zhSep), En: strings.Join(en, enSep)}
}

// num prints a number as a reason shows it: without trailing zeros, so a
// deduction of 2.00 reads "2" and one of 2.25 reads "2.25".
func num(d decimal.Decimal) string {
	s := d.String()
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// pct prints a standard or a band end as a percentage without trailing
// zeros: "100%", "0%", "12.5%".
func pct(d decimal.Decimal) string { return num(d) + "%" }

// pctValue prints a measure's value as it is scored: rounded half up to
// two decimals of a percentage, "104.00%".
func pctValue(r budget.Rate) string { return r.Format(valuePlaces) }

// points prints a number of points: "2分" / "2 points" ("1 point").
func points(d decimal.Decimal) Text {
	n := num(d)
	en := n + " points"
	if n == "1" {
		en = "1 point"
	}
	return Text{Zh: n + "分", En: en}
}
