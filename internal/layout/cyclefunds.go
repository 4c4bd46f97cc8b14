package layout

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/vocab"
)

// fundsSeg is a label column of the declaration's 项目资金申请: the column
// of 资金总额 and the rows under it, or of a second set of amounts the
// format has no key for (当年资金总额, 中期资金总额), whose rows are kept in
// the form's extra list.
type fundsSeg struct {
	col     int
	keyless bool
}

func (r *reader) cycFundsStart(row *Row, c0 *In) {
	c := r.c
	r.label(c0)
	r.fundsFound = true
	r.blk = bFunds // the funds' labels may stand beside each other
	c.segs, c.listed, c.totalSeen = nil, false, false
	if c.mon != nil {
		if cols := r.monFundsHeader(row); cols != nil {
			c.blk = cFundsTable
			r.monFundsHeaderRow(row, cols)
			return
		}
		c.blk = cFunds
		r.pairs(row, 0)
		return
	}
	c.blk = cFunds
	r.declFundsRow(row)
}

// The declaration's 项目资金申请.

// labelAmountRE reads a label and its amount printed in one cell:
// "年度资金总额:16", "其中 :上级资金16".
var labelAmountRE = regexp.MustCompile(`^(.*[^0-9.,:\s][^0-9]*?)\s*[:]?\s*([0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元|万)?)$`)

// leadingAmountRE reads an amount followed by more text: "854万(高标准农田建设
// 400万元,…)", the figure printed twice "854万854万(…)".
var leadingAmountRE = regexp.MustCompile(`^([0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元|万)?)\s*(\S.*)$`)

// segAt reports whether col is a label column of the funds block.
func (c *cycle) segAt(col int) bool {
	for _, s := range c.segs {
		if s.col == col {
			return true
		}
	}
	return false
}

// segFor is the label column a label in column col belongs to: the
// nearest at or left of it.
func (c *cycle) segFor(col int) fundsSeg {
	best := fundsSeg{col: -1}
	for _, s := range c.segs {
		if s.col <= col && s.col > best.col {
			best = s
		}
	}
	return best
}

// declFundsRow reads a row of 项目资金申请 as label-value pairs: a label
// (or, in a label column, a source's name) and the amount after it. The
// first row's labels set the label columns; a pair under a column of
// amounts the format has no key for is kept in the form's extra list.
func (r *reader) declFundsRow(row *Row) {
	c := r.c
	var cells []*In
	cut := map[*In]*In{} // a part of a cell cut in two → the cell
	amounts := map[*In]bool{}
	for _, x := range row.Cells {
		if r.disposed(x.id) {
			continue
		}
		if lb, val, ok := r.splitLabelAmount(x, len(cells) == 0); ok {
			cells = append(cells, lb, val)
			cut[lb], cut[val], amounts[val] = x, x, true
			continue
		}
		cells = append(cells, x)
	}
	first := len(c.segs) == 0
	labelish := func(i int, x *In) bool {
		if amounts[x] {
			return false
		}
		if x.m.ID != vocab.None && !x.Literal {
			return x.m.ID != vocab.Heading || i == 0
		}
		return c.segAt(x.Col) || len(c.segs) == 0 && i == 0
	}
	for i := 0; i < len(cells); {
		x := cells[i]
		if x.m.ID == vocab.Heading && !x.Literal {
			r.label(x) // 金额（万元）: a column's heading
			i++
			continue
		}
		if !labelish(i, x) {
			i++ // a value with no label before it: left unplaced
			continue
		}
		j := i + 1
		var vals []*In
		for ; j < len(cells) && !labelish(j, cells[j]) && !(cells[j].m.ID == vocab.Heading && !cells[j].Literal); j++ {
			vals = append(vals, cells[j])
		}
		if first && !c.segAt(x.Col) {
			c.segs = append(c.segs, fundsSeg{col: x.Col, keyless: x.m.ID == vocab.Keyless})
		}
		r.declFundsPair(x, vals, cut)
		i = j
	}
}

// splitLabelAmount cuts a cell holding a label and its amount in two:
// "年度资金总额:16" is 年度资金总额 and 16. Both parts carry the cell's id,
// so that the cell is accounted for once, under the amount's key.
func (r *reader) splitLabelAmount(x *In, leading bool) (label, value *In, ok bool) {
	if x.Kind != TextCell || x.Literal || x.m.ID != vocab.None || !(leading || r.c.segAt(x.Col)) {
		return nil, nil, false
	}
	m := labelAmountRE.FindStringSubmatch(strings.TrimSpace(vocab.Fold(x.Text)))
	if m == nil {
		return nil, nil, false
	}
	lt := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(m[1]), ":"))
	if lt == "" {
		return nil, nil, false
	}
	label = &In{Col: x.Col, Pos: x.Pos, Text: lt, Kind: TextCell, id: x.id, m: vocab.Lookup(lt)}
	value = &In{Col: x.Col, Pos: x.Pos, Text: m[2], Kind: TextCell, id: x.id}
	return label, value, true
}

var (
	topNumberRE = regexp.MustCompile(`^\s*[（(][一二三四五六七八九十]{1,3}[)）]`)
	subNumberRE = regexp.MustCompile(`^\s*[0-9０-９]{1,2}\s*[、.．]`)
	sourceJunk  = regexp.MustCompile(`^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[0-9０-９]{1,2}\s*[、.．])?\s*(?:其中\s*[:：]?)?\s*`)
)

// declFundsPair reads one label of 项目资金申请 and its amount.
func (r *reader) declFundsPair(x *In, vals []*In, cut map[*In]*In) {
	c := r.c
	d := c.decl
	text := labelText(x)
	if x.Literal {
		// A source's name as a writer marks it: 其中：name.
		text = strings.TrimPrefix(strings.Join(x.paragraphs(), "\n"), vocab.SourcePrefix)
	}
	if c.segFor(x.Col).keyless || x.m.ID == vocab.Keyless && !x.Literal {
		r.label(x)
		r.keep(text, vals)
		return
	}
	if !x.Literal {
		// 四川: (一)财政拨款小计 above 1、一般公共预算 … : a row numbered 1、
		// under one numbered (一) breaks that row down, so its amount
		// is kept in extra and counted once.
		if topNumberRE.MatchString(x.Text) {
			c.listed = true
		} else if c.listed && subNumberRE.MatchString(x.Text) {
			r.label(x)
			r.keep(text, vals)
			return
		}
	}
	switch {
	case x.m.ID == vocab.FundsTotal && !x.Literal:
		r.label(x)
		r.declAmount(x, vals, "funds.total", &d.Funds.Total, cut)
		return
	case x.m.ID != vocab.None && x.m.ID != vocab.Source && !x.Literal:
		// Another kind's label (年初预算数 …): kept with its amount.
		r.label(x)
		r.keep(text, vals)
		return
	}
	// 其中：财政拨款, 其他资金, or a further source by name.
	name, kind, known := text, budget.SourceKind(""), false
	if !x.Literal {
		name = strings.TrimSpace(sourceJunk.ReplaceAllString(vocab.Fold(strings.ReplaceAll(text, "\n", "")), ""))
		name = strings.TrimSpace(strings.TrimSuffix(name, "小计"))
		if x.m.ID == vocab.Source && x.m.Source != "" && !strings.HasSuffix(labelText(x), "小计") {
			kind, known = x.m.Source, true
		} else {
			kind, known = vocab.SourceOf(name)
		}
	}
	switch {
	case known && kind == budget.CurrentAppropriation:
		r.label(x)
		r.sourceReading(x, text, vocab.FiscalText, "funds.fiscal")
		r.declAmount(x, vals, "funds.fiscal", &d.Funds.Fiscal, cut)
	case known && kind == budget.OtherFunds:
		r.label(x)
		r.sourceReading(x, text, vocab.OtherText, "funds.other")
		r.declAmount(x, vals, "funds.other", &d.Funds.Other, cut)
	default:
		if len(d.Funds.Sources) >= MaxList {
			r.limit(x, "more than %d source rows", MaxList)
			return
		}
		if !r.fits(x, len(name)) {
			return
		}
		i := len(d.Funds.Sources)
		d.Funds.Sources = append(d.Funds.Sources, evaluation.FundRow{Name: name})
		p := fmt.Sprintf("funds.sources[%d]", i)
		r.place(x, p+".name")
		if name != text {
			r.note(x, p+".name", tx(fmt.Sprintf("“%s”读作资金来源“%s”", text, name), fmt.Sprintf("%s read as the source %s", quote(text), name)))
		}
		r.declAmount(x, vals, p+".amount", &d.Funds.Sources[i].Amount, cut)
	}
}

// sourceReading reports a source row read as 财政拨款 or 其他资金 from a
// label that says it otherwise: (一)财政拨款小计, (三)其他收入.
func (r *reader) sourceReading(x *In, text, as, path string) {
	if x.m.ID == vocab.Source && !x.m.Numbered && !strings.HasSuffix(text, "小计") {
		return // a spelling of the label
	}
	r.note(x, path, tx(fmt.Sprintf("“%s”读作“%s”", text, as), fmt.Sprintf("%s read as %s", quote(text), as)))
}

// declAmount reads the amount of a funds label: the first value cell.
// An amount followed by more text (854万(高标准农田建设400万元,…)) is read
// as the amount, and the whole text is kept in the form's extra list under
// the label, so that nothing it says is lost.
func (r *reader) declAmount(label *In, vals []*In, path string, dst **budget.Amount, cut map[*In]*In) {
	if len(vals) == 0 {
		return
	}
	what := labelText(label)
	for _, x := range vals[1:] {
		r.unplace(x, tx(what+" 只有一个值", what+" has one value"))
	}
	v := vals[0]
	a, note, why := readAmount(v, r.unit)
	if why != nil && v.Kind == TextCell {
		if m := leadingAmountRE.FindStringSubmatch(strings.TrimSpace(vocab.Fold(v.Text))); m != nil {
			lead, n2, w2 := readAmount(&In{Text: m[1], Kind: TextCell}, r.unit)
			if w2 == nil && lead != nil {
				if *dst != nil {
					r.unplace(v, tx(what+" 填了两次", what+" given twice"))
					return
				}
				*dst = lead
				r.place(v, path)
				r.fundsFound = true
				read := AsWritten(lead.Decimal()) + r.unit.String()
				r.note(v, path, tx(fmt.Sprintf("“%s”读作 %s，全文作为“%s”保留", v.Text, read, what),
					fmt.Sprintf("%s read as %s, the whole text kept as %s", quote(v.Text), read, what)))
				_ = n2
				r.keep(what, []*In{v})
				return
			}
		}
	}
	r.store(v, path, what, why, note, a != nil && *dst != nil, func() {
		if a != nil {
			*dst = a
			r.fundsFound = true
		}
	})
	if whole, ok := cut[v]; ok && why == nil {
		r.note(whole, path, tx(fmt.Sprintf("“%s”读作“%s”及金额 %s", whole.Text, what, v.Text),
			fmt.Sprintf("%s read as the label %s and the amount %s", quote(whole.Text), what, v.Text)))
	}
}

// The monitoring form's funds, in columns.

// monFundsHeader returns the amount columns a row heads, when it heads at
// least two and holds no value.
func (r *reader) monFundsHeader(row *Row) map[vocab.ID]int {
	cols := map[vocab.ID]int{}
	for _, x := range row.Cells {
		if r.disposed(x.id) {
			continue
		}
		id := x.m.ID
		if x.Literal {
			id = vocab.None
		}
		switch id {
		case vocab.ActualExpenditure:
			id = vocab.ExecutedToDate
		case vocab.CompletionRate:
			id = vocab.ExecutionRateToDate
		}
		switch id {
		case vocab.InitialBudget, vocab.AdjustedBudget, vocab.ExecutedToDate, vocab.ExecutionRateToDate, vocab.FundsForecast:
			if _, seen := cols[id]; !seen {
				cols[id] = x.Col
			}
		case vocab.None:
			return nil
		}
	}
	if len(cols) < 2 {
		return nil
	}
	return cols
}

func (r *reader) monFundsHeaderRow(row *Row, cols map[vocab.ID]int) {
	c := r.c
	c.fundsCols, c.fundsHeads = cols, map[int]string{}
	for _, x := range row.Cells {
		if !r.disposed(x.id) && x.m.ID != vocab.None {
			r.label(x)
			r.month(x)
			c.fundsHeads[x.Col] = labelText(x)
		}
	}
}

// monFundsRow reads a row under the funds columns: 年度资金总额, a 其中 row
// (a source by name), or labelled figures. A figure in a column the
// format has no key for on its row (a source's own 执行率) is kept,
// labelled by row and column.
func (r *reader) monFundsRow(row *Row) {
	c := r.c
	m := c.mon
	if cols := r.monFundsHeader(row); cols != nil {
		r.monFundsHeaderRow(row, cols)
		return
	}
	first := 1 << 30
	for _, col := range c.fundsCols {
		first = min(first, col)
	}
	var lc *In
	for _, x := range row.Cells {
		if r.disposed(x.id) {
			continue
		}
		if x.Col < first && x.Kind == TextCell || x.m.ID == vocab.FundsTotal && !x.Literal {
			lc = x
			break
		}
	}
	colOf := func(x *In) vocab.ID {
		for id, col := range c.fundsCols {
			if col == x.Col {
				return id
			}
		}
		return vocab.None
	}
	rowLabel := ""
	if lc != nil {
		rowLabel = labelText(lc)
	}
	keepOther := func(x *In) {
		if head, ok := c.fundsHeads[x.Col]; ok && !r.disposed(x.id) {
			if Blank(x.Text) && x.Kind == TextCell {
				r.label(x)
				return
			}
			r.keep(rowLabel+"（"+head+"）", []*In{x})
		}
	}
	switch {
	case lc == nil && !c.totalSeen, lc != nil && lc.m.ID == vocab.FundsTotal && !lc.Literal:
		r.label(lc)
		c.totalSeen = true
		for _, x := range row.Cells {
			if x == lc || r.disposed(x.id) {
				continue
			}
			id := colOf(x)
			f, ok := fieldOf(r.fields, id)
			if !ok || id == vocab.None {
				keepOther(x)
				continue
			}
			r.setTyped(f, x, vocab.Text(id, vocab.MonitoringLayout))
		}
	case lc != nil && (lc.Literal || lc.m.ID == vocab.None || lc.m.ID == vocab.Source):
		if len(m.Funds.Sources) >= MaxList {
			r.limit(lc, "more than %d source rows", MaxList)
			return
		}
		name := strings.Join(lc.paragraphs(), "\n")
		if lc.Literal {
			name = strings.TrimPrefix(name, vocab.SourcePrefix)
		} else {
			name = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "其中")), ":："))
		}
		i := len(m.Funds.Sources)
		m.Funds.Sources = append(m.Funds.Sources, evaluation.MonitoringFundRow{Name: name})
		s := &m.Funds.Sources[i]
		p := fmt.Sprintf("funds.sources[%d]", i)
		r.place(lc, p+".name")
		for _, x := range row.Cells {
			if x == lc || r.disposed(x.id) {
				continue
			}
			var dst **budget.Amount
			var key string
			switch colOf(x) {
			case vocab.InitialBudget:
				dst, key = &s.AnnualBudget, "annual_budget"
			case vocab.AdjustedBudget:
				dst, key = &s.AdjustedBudget, "adjusted_budget"
			case vocab.ExecutedToDate:
				dst, key = &s.Executed, "executed"
			case vocab.FundsForecast:
				dst, key = &s.Forecast, "forecast"
			default:
				keepOther(x)
				continue
			}
			a, note, why := readAmount(x, r.unit)
			r.store(x, p+"."+key, rowLabel+" "+c.fundsHeads[x.Col], why, note, false, func() { *dst = a })
		}
	}
	r.pairs(row, 0)
}
