package markdown

import (
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// projReader reads the rows of 项目支出绩效自评表.
type projReader struct {
	im         *importer
	f          *evaluation.ProjectForm
	block      block
	recognized bool
	fundsCols  columns // 年初预算数, 全年预算数, 全年执行数, 预算调整数, 分值, 执行率, 得分
	goals      goalsReader
	inds       indicatorReader
	tail       *string
}

var projectFundsLabels = []label{lInitial, lAdjusted, lActual, lAdjustment, lWeight, lCompletionRate, lScore}

func (im *importer) project() (evaluation.Form, error) {
	f := &evaluation.ProjectForm{Unit: im.unit, Profile: im.profile}
	p := &projReader{im: im, f: f}
	for _, r := range im.doc.rows {
		if err := p.row(r); err != nil {
			return nil, err
		}
	}
	if !p.recognized {
		return nil, im.fail(im.doc.rows[0].line, ErrNotAForm, "a table with 项目名称, 项目资金 or 绩效指标",
			"no row of 项目支出绩效自评表 was found")
	}
	if f.Year == 0 {
		f.Year = im.year
	}
	return f, nil
}

func (p *projReader) row(r *row) error {
	c0 := r.at(0)
	id := c0.def.id
	if isNote(c0.text) {
		return nil
	}
	switch {
	case id == lProject || id == lAuthority || id == lImplementingUnit || id == lYear ||
		(p.block <= bHeader && rowHas(r, lProject, lAuthority, lImplementingUnit)):
		p.block, p.recognized = bHeader, true
		return p.header(r)
	case id == lProjectFunds:
		p.block, p.recognized = bFunds, true
		p.fundsCols = headerColumns(r, projectFundsLabels...)
		return nil
	case id == lGoalsBlock || (c0.text == "" && p.block < bGoals && rowHas(r, lExpected) && rowHas(r, lAchieved)):
		p.block, p.recognized = bGoals, true
		p.goals = newGoalsReader(r)
		return nil
	case id == lIndicatorsBlock || (p.block != bIndicators && rowHas(r, lLevel1) && rowHas(r, lIndName)):
		p.block, p.recognized = bIndicators, true
		p.inds = indicatorReader{cols: headerColumns(r, indicatorLabels...)}
		if !p.inds.has() {
			return p.im.fail(r.line, ErrMalformed, "a 绩效指标 header row with 一级指标, 三级指标, 年度指标值, 实际完成值",
				"the 绩效指标 row names no column")
		}
		return nil
	case id == lTotalScore:
		p.block, p.recognized = bTotals, true
		return p.total(r)
	case id == lGrade:
		p.block, p.recognized = bTotals, true
		if v := nextValue(r, 0); v != nil {
			return p.im.setText(r, &p.f.Reported.Grade, v.text, "评价等级")
		}
		return nil
	case id == lOverall:
		return p.tailRow(r, &p.f.Overall, "评价结论")
	case id == lProblems:
		return p.tailRow(r, &p.f.Problems, "存在问题")
	case id == lImprovements:
		return p.tailRow(r, &p.f.Improvements, "改进措施")
	case c0.text == "" || (p.block == bFunds && (id == lTotalFunds || id == lSource)):
		switch p.block {
		case bFunds:
			return p.funds(r)
		case bGoals:
			return p.goals.read(p.im, r, &p.f.Goals)
		case bIndicators:
			return readIndicator(p.im, p.inds, r, &p.f.Indicators, r.first, true)
		case bTail:
			return p.im.appendText(r, p.tail, paras(r, allCols(r)), r.first)
		}
	}
	return nil
}

// header reads 项目名称, 主管部门, 实施单位 and a year if the table gives one.
func (p *projReader) header(r *row) error {
	for i := range r.cells {
		var dst *string
		var what string
		switch r.cells[i].def.id {
		case lProject:
			dst, what = &p.f.Project, "项目名称"
		case lAuthority:
			dst, what = &p.f.Department, "主管部门"
		case lImplementingUnit:
			dst, what = &p.f.ImplementingUnit, "实施单位"
		case lYear:
			if v := nextValue(r, i); v != nil && !blank(v.text) {
				y, err := parseYear(v.text)
				if err != nil {
					return p.im.wrap(r.line, err, "年度 %q", v.text)
				}
				p.f.Year = y
			}
			continue
		default:
			continue
		}
		if v := nextValue(r, i); v != nil {
			if err := p.im.setText(r, dst, v.text, what); err != nil {
				return err
			}
		}
	}
	return nil
}

// funds reads a row of 项目资金: a header row naming the columns, 年度资金总额,
// or a source row (其中：本年财政拨款, 上年结转资金, …).
func (p *projReader) funds(r *row) error {
	im, fu := p.im, &p.f.Funds
	if n := len(headerColumns(r, projectFundsLabels...)); n >= 2 {
		p.fundsCols = headerColumns(r, projectFundsLabels...)
		return nil
	}
	if len(p.fundsCols) == 0 {
		return im.fail(r.line, ErrMalformed, "a 项目资金 header row with 年初预算数, 全年预算数, 全年执行数", "项目资金 rows without column headers")
	}
	first := len(r.cells)
	for _, c := range p.fundsCols {
		first = min(first, c)
	}
	// The row's label is its first text left of the value columns.
	var lc *cell
	for i := 0; i < first; i++ {
		if r.cells[i].text != "" {
			lc = &r.cells[i]
			break
		}
	}
	amountAt := func(l label, what string) (*budget.Amount, error) {
		return im.amount(r, p.fundsCols.cell(r, l), what)
	}
	switch {
	case lc != nil && lc.def.id == lTotalFunds:
		for _, x := range []struct {
			l    label
			dst  **budget.Amount
			what string
		}{{lInitial, &fu.InitialBudget, "年初预算数"}, {lAdjusted, &fu.AdjustedBudget, "全年预算数"},
			{lActual, &fu.ActualExpenditure, "全年执行数"}, {lAdjustment, &fu.Adjustment, "预算调整数"}} {
			a, err := amountAt(x.l, x.what)
			if err != nil {
				return err
			}
			if err := setOnce(im, r, x.dst, a, x.what); err != nil {
				return err
			}
		}
		w, err := im.score(r, p.fundsCols.cell(r, lWeight), "分值")
		if err != nil {
			return err
		}
		if err := setOnce(im, r, &fu.Weight, w, "分值"); err != nil {
			return err
		}
		x, err := im.rate(r, p.fundsCols.cell(r, lCompletionRate), "执行率")
		if err != nil {
			return err
		}
		if err := setOnce(im, r, &fu.Reported.ExecutionRate, x, "执行率"); err != nil {
			return err
		}
		s, err := im.score(r, p.fundsCols.cell(r, lScore), "得分")
		if err != nil {
			return err
		}
		return setOnce(im, r, &fu.Reported.Score, s, "得分")
	case lc != nil && lc.def.id == lSource:
		kind := budget.SourceKind(lc.src)
		if kind == "" {
			if n, _ := normLabel(lc.text); n == "其中" {
				return nil
			}
			return im.fail(r.line, ErrMalformed, "a source such as 其中：本年财政拨款", "unknown source row %q", lc.text)
		}
		s := budget.Source{Kind: kind}
		var err error
		if s.InitialBudget, err = amountAt(lInitial, lc.text+" 年初预算数"); err != nil {
			return err
		}
		if s.AdjustedBudget, err = amountAt(lAdjusted, lc.text+" 全年预算数"); err != nil {
			return err
		}
		if s.ActualExpenditure, err = amountAt(lActual, lc.text+" 全年执行数"); err != nil {
			return err
		}
		// 分值, 执行率 and 得分 belong to the 年度资金总额 row only; the
		// template prints "—" in them on source rows.
		fu.Sources = append(fu.Sources, s)
		return nil
	case lc == nil:
		return im.fail(r.line, ErrMalformed, "年度资金总额 or a source label", "a 项目资金 row without a label")
	}
	return im.fail(r.line, ErrMalformed, "年度资金总额 or a source label", "unknown 项目资金 row %q", lc.text)
}

// total reads 总分: the figure in the 得分 column of 绩效指标, else the last
// figure on the row.
func (p *projReader) total(r *row) error {
	c := &cell{}
	if i, ok := p.inds.cols[lScore]; ok && !r.empty(i) {
		c = r.at(i)
	} else {
		for i := len(r.cells) - 1; i > 0; i-- {
			if !r.empty(i) {
				c = r.at(i)
				break
			}
		}
	}
	s, err := p.im.score(r, c, "总分")
	if err != nil {
		return err
	}
	return setOnce(p.im, r, &p.f.Reported.TotalScore, s, "总分")
}

func (p *projReader) tailRow(r *row, dst *string, what string) error {
	p.block, p.recognized, p.tail = bTail, true, dst
	return p.im.setText(r, dst, strings.Join(paras(r, allCols(r)), "\n"), what)
}
