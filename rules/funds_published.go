package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// Two checks that forms departments published called for: a title that
// names an amount the funds table does not hold, and source rows that
// leave part of the total unaccounted for.

// titleAmountRE finds an amount with its money unit in a title:
// 236.25万元, 1,500,000元, 0.5亿元, 150万.
var titleAmountRE = regexp.MustCompile(`[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:万元|亿元|元|万|亿)`)

var fundsTitleAmount = New(Info{
	ID: "funds.title-amount", Severity: evaluation.Warning,
	Title: text("标题中的金额与资金表中的任何金额都不一致", "an amount in the title matches no amount of the funds table"),
}, func(c *Context) {
	var table []budget.Amount // built for a form with a title kept, which few have
	for i, x := range extrasOf(c.Form) {
		if x.Label != evaluation.TitleLabel {
			continue
		}
		if table == nil {
			if table = tableAmounts(fundsOf(c.Subject)); len(table) == 0 {
				return
			}
		}
		for _, written := range titleAmountRE.FindAllString(x.Text, 8) {
			a, err := budget.ParseAmount(written, c.Form.Header().Unit)
			if err != nil {
				continue
			}
			if holds(table, a) {
				continue
			}
			list := amountsList(table)
			c.Report(fmt.Sprintf("extra[%d].text", i),
				text(fmt.Sprintf("标题中的金额 %s 与资金表的金额（%s）都不一致", short(written), list),
					fmt.Sprintf("the title's amount %s matches none of the funds table's (%s)", short(written), list)),
				list, a.String())
		}
	}
})

// tableAmounts are the funds table's totals and source rows, in order.
func tableAmounts(f budget.Funds) []budget.Amount {
	var out []budget.Amount
	add := func(a *budget.Amount) {
		if a != nil {
			out = append(out, *a)
		}
	}
	add(f.InitialBudget)
	add(f.AdjustedBudget)
	add(f.ActualExpenditure)
	for _, s := range f.Sources {
		add(s.InitialBudget)
		add(s.AdjustedBudget)
		add(s.ActualExpenditure)
	}
	return out
}

func holds(amounts []budget.Amount, a budget.Amount) bool {
	for _, b := range amounts {
		if b.Equal(a) {
			return true
		}
	}
	return false
}

// amountsList names the distinct amounts of the table, at most five.
func amountsList(amounts []budget.Amount) string {
	var seen []budget.Amount
	var parts []string
	for _, a := range amounts {
		if holds(seen, a) {
			continue
		}
		seen = append(seen, a)
		if len(parts) == 5 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, a.String())
	}
	return strings.Join(parts, ", ")
}

func extrasOf(f evaluation.Form) []evaluation.Extra {
	switch f := f.(type) {
	case *evaluation.DepartmentForm:
		return f.Extra
	case *evaluation.ProjectForm:
		return f.Extra
	}
	return nil
}

var fundsSourcesShort = New(Info{
	ID: "funds.sources-short", Severity: evaluation.Info,
	Title: text("其中各来源行均已列出（含其他资金），其和却少于合计", "every source row is listed (其他资金 included), yet they add up to less than the total"),
}, func(c *Context) {
	f := fundsOf(c.Subject)
	for _, col := range fundColumns(f) {
		if col.total == nil {
			continue
		}
		for family := range 2 {
			// A breakdown is complete when it closes with 其他资金 and
			// every row of it states this column: then nothing is left for
			// an unlisted source to hold.
			parts, closed, complete := familyRows(f, col, family)
			if !closed || !complete || len(parts) < 2 {
				continue
			}
			sum := budget.Sum(col.total.Unit(), parts...)
			if sum.Cmp(*col.total) < 0 {
				gap := col.total.Sub(sum)
				c.Report("funds.sources",
					text(fmt.Sprintf("其中各项%s之和 %s 少于合计 %s，差 %s", col.zh, sum, col.total, gap),
						fmt.Sprintf("the source rows of %s add up to %s, %s less than the total %s", col.key, sum, gap, col.total)),
					col.total.String(), sum.String())
				break // one finding per column: both breakdowns say the same
			}
		}
	}
})
