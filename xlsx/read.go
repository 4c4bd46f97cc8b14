package xlsx

import (
	"fmt"
	"strings"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
)

// maxEntries bounds each list of a form, as the file format does.
const maxEntries = 1000

func (g *grid) tooMany(r, c int, what string) *ImportError {
	return g.errorAt(r, c, fmt.Errorf("%w: more than %d %s", ErrTooLarge, maxEntries, what))
}

// text returns the value of the first cell labelled with any of labels.
func (g *grid) text(labels ...string) string {
	if r, c, ok := g.lookup(labels...); ok {
		return g.textAt(r, c)
	}
	return ""
}

func (g *grid) amountField(u budget.Unit, labels ...string) (*budget.Amount, error) {
	if r, c, ok := g.lookup(labels...); ok {
		return g.amountAt(r, c, u, labels[0])
	}
	return nil, nil
}

func (g *grid) rateField(labels ...string) (*budget.Rate, error) {
	if r, c, ok := g.lookup(labels...); ok {
		return g.rateAt(r, c, labels[0])
	}
	return nil, nil
}

// unit reads 单位 from a "单位：万元" cell, else from a label such as
// "项目资金（万元）"; the default is 万元.
func (g *grid) unit() (budget.Unit, error) {
	if is := g.index[keyUnit]; len(is) > 0 {
		r, c := is[0]/g.cols, is[0]%g.cols
		u, ok := unitOf(g.at(r, c).raw)
		if !ok {
			return 0, g.valueError(r, c, "单位", fmt.Errorf("%q; want 元, 万元 or 亿元", g.at(r, c).raw))
		}
		return u, nil
	}
	for _, i := range g.index[normalize(lblProjectFunds)] {
		if u, ok := unitOf(g.cells[i].raw); ok {
			return u, nil
		}
	}
	return budget.TenThousandYuan, nil
}

// year reads the year from its label, else from a subtitle "（2025年度）".
func (g *grid) year() (int, error) {
	if r, c, ok := g.lookup(aliasYear...); ok {
		return g.yearAt(r, c)
	}
	for i, cl := range g.cells {
		if cl.raw == "" || len(cl.raw) > 32 {
			continue
		}
		if m := yearNote.FindStringSubmatch(normalize(cl.raw)); m != nil {
			r, c := i/g.cols, i%g.cols
			return g.yearAt(r, c)
		}
	}
	return 0, nil
}

// colOf returns the first column of row r whose cell is labelled with any
// of labels, or -1.
func (g *grid) colOf(r int, labels ...string) int {
	want := map[string]bool{}
	for _, l := range labels {
		want[normalize(l)] = true
	}
	for c := 0; c < g.cols; c++ {
		if want[g.key(r, c)] {
			return c
		}
	}
	return -1
}

func (g *grid) rowHas(r int, labels ...string) bool { return g.colOf(r, labels...) >= 0 }

// sources reads the 其中 rows of the department form: the amount right of
// "其中：一般公共预算" is its 实际支出数 (as the official form prints it);
// "调整预算" and "年初预算" further along the row label its other columns.
func (g *grid) sources(u budget.Unit) ([]budget.Source, error) {
	var out []budget.Source
	for i, k := range g.keys {
		kind, ok := strings.CutPrefix(k, keySourcePrefix)
		if !ok {
			continue
		}
		r, c := i/g.cols, i%g.cols
		s := budget.Source{Kind: budget.SourceKind(kind)}
		what := "其中：" + s.Kind.Label()
		if vr, vc, ok := g.valueOf(r, c); ok {
			a, err := g.amountAt(vr, vc, u, what)
			if err != nil {
				return nil, err
			}
			s.ActualExpenditure = a
		}
	row:
		for cc := g.extent(r, c).c1 + 1; cc < g.cols; cc++ {
			if !g.isTop(r, cc) {
				continue
			}
			var dst **budget.Amount
			switch key := g.key(r, cc); {
			case strings.HasPrefix(key, keySourcePrefix):
				break row // the next source's row
			case key == normalize(lblSubAdjusted):
				dst = &s.AdjustedBudget
			case key == normalize(lblSubInitial):
				dst = &s.InitialBudget
			case key == normalize(lblActual) && s.ActualExpenditure == nil:
				dst = &s.ActualExpenditure
			default:
				continue
			}
			if vr, vc, ok := g.valueOf(r, cc); ok {
				a, err := g.amountAt(vr, vc, u, what+g.at(r, cc).raw)
				if err != nil {
					return nil, err
				}
				*dst = a
			}
		}
		if len(out) == maxEntries {
			return nil, g.tooMany(r, c, "source rows")
		}
		out = append(out, s)
	}
	return out, nil
}

// goals reads 年度目标 / 年度总体目标: a header row (预期目标 | 目标完成情况)
// over one row per expected goal, or label-value pairs.
func (g *grid) goals() (evaluation.Goals, error) {
	var out evaluation.Goals
	for _, i := range g.findAll(aliasExpected...) {
		r, c := i/g.cols, i%g.cols
		if g.rowHas(r, lblKeyIndicator, lblLevel3, lblIndicatorDone, lblTaskFunds) {
			continue // a table of tasks or indicators, not the goals
		}
		ac := -1
		for _, l := range aliasAchieved {
			if x := g.colOf(r, l); x >= 0 && x != c && (ac < 0 || x < ac) {
				ac = x
			}
		}
		if !g.headerRow(r) {
			if vr, vc, ok := g.valueOf(r, c); ok {
				out.Expected = []string{g.textAt(vr, vc)}
			}
			if ac >= 0 {
				if vr, vc, ok := g.valueOf(r, ac); ok {
					out.Achieved = g.textAt(vr, vc)
				}
			}
			return out, nil
		}
		var achieved []string
		rr := r + 1
		for ; rr < g.rows && !g.rowHasLabel(rr); rr++ {
			if tr, tc := g.top(rr, c); tr == rr && !g.empty(tr, tc) {
				if len(out.Expected) == maxEntries {
					return out, g.tooMany(tr, tc, "goals")
				}
				out.Expected = append(out.Expected, g.textAt(tr, tc))
			}
			if ac >= 0 {
				if tr, tc := g.top(rr, ac); tr == rr && !g.empty(tr, tc) {
					achieved = append(achieved, g.textAt(tr, tc))
				}
			}
		}
		if rr == g.rows && g.truncated {
			return out, g.errorAt(rr-1, c, fmt.Errorf("%w: the goals run past row %d", ErrTooLarge, MaxRows))
		}
		out.Achieved = strings.Join(achieved, "\n")
		return out, nil
	}
	return out, nil
}

// table is a table of grouped rows: tasks or key projects, each spanning
// one row per indicator.
type table struct {
	header    int
	nameCol   int
	groupCols []int // the group's own cells (预期目标, 任务涉及资金, …), -1 where absent
	ind       map[indField]int
}

func (g *grid) indicatorColumns(r int, name []string) map[indField]int {
	m := map[indField]int{}
	set := func(f indField, labels ...string) {
		if c := g.colOf(r, labels...); c >= 0 {
			m[f] = c
		}
	}
	set(fName, name...)
	set(fActual, aliasActualVal...)
	set(fTarget, aliasTarget...)
	set(fDirection, lblDirection)
	set(fWeight, lblWeight)
	set(fScore, lblScore)
	set(fDeviation, aliasDeviation...)
	set(fLevel1, lblLevel1)
	set(fLevel2, lblLevel2)
	return m
}

// vmerge reports whether the cell at (r, c) is the top of a merge spanning
// more than one row.
func (g *grid) vmerge(r, c int) bool {
	e := g.extent(r, c)
	return e.r0 == r && e.c0 == c && e.r1 > e.r0
}

// groups walks the body of t, calling start at the first row of each
// group and row for every row of a group. A group starts where its name
// cell starts (non-empty, or merged down over the group's rows), or, when
// the name cell is empty and not merged from above, where one of the
// group's own cells starts; other rows are the group's further indicator
// rows. The body ends at the next row holding a label.
func (g *grid) groups(t *table, start func(r int) error, row func(r int) error) error {
	open := false
	r := t.header + 1
	for ; r < g.rows && !g.rowHasLabel(r); r++ {
		cont, begins := false, false
		if t.nameCol >= 0 {
			tr, tc := g.top(r, t.nameCol)
			switch {
			case tr < r:
				cont = true
			case !g.empty(tr, tc) || g.vmerge(tr, tc):
				begins = true
			}
		}
		if !cont && !begins {
			for _, c := range t.groupCols {
				if c < 0 {
					continue
				}
				if tr, tc := g.top(r, c); tr == r && (!g.empty(tr, tc) || g.vmerge(tr, tc)) {
					begins = true
					break
				}
			}
		}
		if !begins && !open {
			if g.rowBlank(r, t) {
				continue
			}
			begins = true
		}
		if begins {
			if err := start(r); err != nil {
				return err
			}
			open = true
		}
		if err := row(r); err != nil {
			return err
		}
	}
	if r == g.rows && g.truncated {
		return g.errorAt(r-1, 0, fmt.Errorf("%w: the table under row %d runs past row %d", ErrTooLarge, t.header+1, MaxRows))
	}
	return nil
}

func (g *grid) rowBlank(r int, t *table) bool {
	for _, c := range t.ind {
		if tr, tc := g.top(r, c); !g.empty(tr, tc) {
			return false
		}
	}
	return true
}

// indicatorRow reads the indicator cells of row r; ok is false when they
// are all empty. A merged cell gives its value to every row it covers.
func (g *grid) indicatorRow(r int, cols map[indField]int) (ind evaluation.Indicator, ok bool, err error) {
	for _, f := range []indField{fLevel1, fLevel2, fName, fTarget, fActual, fDirection, fWeight, fScore, fDeviation} {
		c, has := cols[f]
		if !has {
			continue
		}
		tr, tc := g.top(r, c)
		if g.empty(tr, tc) && g.textAt(tr, tc) == "" {
			continue
		}
		ok = true
		switch f {
		case fLevel1:
			ind.Level1 = g.textAt(tr, tc)
		case fLevel2:
			ind.Level2 = g.textAt(tr, tc)
		case fName:
			ind.Name = g.textAt(tr, tc)
		case fTarget:
			ind.Target = g.textAt(tr, tc)
		case fActual:
			ind.Actual = g.textAt(tr, tc)
		case fDeviation:
			ind.Deviation = g.textAt(tr, tc)
		case fDirection:
			if ind.Direction, err = g.directionAt(tr, tc); err != nil {
				return ind, false, err
			}
		case fWeight:
			if ind.Weight, err = g.numberAt(tr, tc, lblWeight); err != nil {
				return ind, false, err
			}
		case fScore:
			if ind.Score, err = g.numberAt(tr, tc, lblScore); err != nil {
				return ind, false, err
			}
		}
	}
	return ind, ok, nil
}

// cellText returns the text of the group's cell in column c at row r, or "".
func (g *grid) cellText(r, c int) string {
	if c < 0 {
		return ""
	}
	tr, tc := g.top(r, c)
	return g.textAt(tr, tc)
}

func (g *grid) tasks(u budget.Unit) ([]evaluation.Task, error) {
	hr := -1
	for _, i := range g.findAll(lblKeyIndicator) {
		if r := i / g.cols; !g.rowHas(r, lblKeyProjects) {
			hr = r
			break
		}
	}
	if hr < 0 {
		return nil, nil
	}
	nameCol := g.colOf(hr, "任务名称")
	if nameCol < 0 {
		nameCol = g.colOf(hr, lblTasks, "任务")
	}
	ec, ac, fc := g.colOf(hr, lblExpected), g.colOf(hr, lblAchieved), g.colOf(hr, lblTaskFunds)
	t := &table{header: hr, nameCol: nameCol, groupCols: []int{ec, ac, fc}, ind: g.indicatorColumns(hr, []string{lblKeyIndicator, lblLevel3})}
	var out []evaluation.Task
	err := g.groups(t, func(r int) error {
		if len(out) == maxEntries {
			return g.tooMany(r, 0, "tasks")
		}
		task := evaluation.Task{Name: g.cellText(r, nameCol), Expected: g.cellText(r, ec), Achieved: g.cellText(r, ac)}
		if fc >= 0 {
			tr, tc := g.top(r, fc)
			a, err := g.amountAt(tr, tc, u, lblTaskFunds)
			if err != nil {
				return err
			}
			task.Funds = a
		}
		out = append(out, task)
		return nil
	}, func(r int) error {
		ind, ok, err := g.indicatorRow(r, t.ind)
		if err != nil || !ok {
			return err
		}
		task := &out[len(out)-1]
		if len(task.Indicators) == maxEntries {
			return g.tooMany(r, 0, "indicators")
		}
		task.Indicators = append(task.Indicators, ind)
		return nil
	})
	return out, err
}

func (g *grid) keyProjects(u budget.Unit) ([]evaluation.KeyProject, error) {
	var heads []string
	for _, a := range [][]string{aliasKPSummary, aliasKPName, aliasKPBudget, aliasKPSelf, {lblKeyIndicator}} {
		heads = append(heads, a...)
	}
	sections := g.findAll(lblKeyProjects)
	for _, i := range sections {
		r, c := i/g.cols, i%g.cols
		if !g.rowHas(r, heads...) {
			continue
		}
		nameCol := g.colOf(r, aliasKPName...)
		if nameCol < 0 {
			nameCol = c
		}
		sc, bc, selfc := g.colOf(r, aliasKPSummary...), g.colOf(r, aliasKPBudget...), g.colOf(r, aliasKPSelf...)
		t := &table{header: r, nameCol: nameCol, groupCols: []int{sc, bc, selfc}, ind: g.indicatorColumns(r, []string{lblKeyIndicator, lblLevel3})}
		var out []evaluation.KeyProject
		err := g.groups(t, func(r int) error {
			if len(out) == maxEntries {
				return g.tooMany(r, 0, "key projects")
			}
			k := evaluation.KeyProject{Name: g.cellText(r, nameCol), Summary: g.cellText(r, sc)}
			if bc >= 0 {
				tr, tc := g.top(r, bc)
				a, err := g.amountAt(tr, tc, u, lblKPBudget)
				if err != nil {
					return err
				}
				k.Budget = a
			}
			if selfc >= 0 {
				tr, tc := g.top(r, selfc)
				b, err := g.boolAt(tr, tc, lblKPSelf)
				if err != nil {
					return err
				}
				k.SelfSelected = b
			}
			out = append(out, k)
			return nil
		}, func(r int) error {
			ind, ok, err := g.indicatorRow(r, t.ind)
			if err != nil || !ok {
				return err
			}
			k := &out[len(out)-1]
			if len(k.Indicators) == maxEntries {
				return g.tooMany(r, 0, "indicators")
			}
			k.Indicators = append(k.Indicators, ind)
			return nil
		})
		return out, err
	}
	// As published: one cell right of the label, the project's name on its
	// first line and its performance summary below.
	if len(sections) > 0 {
		r, c := sections[0]/g.cols, sections[0]%g.cols
		if vr, vc, ok := g.valueOf(r, c); ok {
			name, summary, _ := strings.Cut(g.textAt(vr, vc), "\n")
			return []evaluation.KeyProject{{Name: name, Summary: summary}}, nil
		}
	}
	return nil, nil
}

func (g *grid) department() (*evaluation.DepartmentForm, error) {
	d := &evaluation.DepartmentForm{}
	var err error
	if d.Unit, err = g.unit(); err != nil {
		return nil, err
	}
	u := d.Unit
	d.Department = g.text(lblDepartment)
	if d.Year, err = g.year(); err != nil {
		return nil, err
	}
	fu := &d.Funds
	for _, f := range []struct {
		dst    **budget.Amount
		labels []string
	}{
		{&fu.AdjustedBudget, aliasAdjusted},
		{&fu.InitialBudget, aliasInitial},
		{&fu.ActualExpenditure, aliasActual},
		{&fu.Adjustment, []string{lblAdjustment}},
	} {
		if *f.dst, err = g.amountField(u, f.labels...); err != nil {
			return nil, err
		}
	}
	if fu.Sources, err = g.sources(u); err != nil {
		return nil, err
	}
	if fu.Reported.CompletionRate, err = g.rateField(lblCompletion); err != nil {
		return nil, err
	}
	if fu.Reported.AdjustmentRate, err = g.rateField(lblAdjustmentRate); err != nil {
		return nil, err
	}
	if d.Goals, err = g.goals(); err != nil {
		return nil, err
	}
	if d.Tasks, err = g.tasks(u); err != nil {
		return nil, err
	}
	if d.KeyProjects, err = g.keyProjects(u); err != nil {
		return nil, err
	}
	d.Overall = g.text(aliasOverall...)
	d.Problems = g.text(aliasProblems...)
	d.Improvements = g.text(aliasImprovements...)
	d.Profile = g.text(lblProfile)
	return d, nil
}

// projectFunds reads the 项目资金 table: amounts under the column headers
// 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, in the row
// labelled 年度资金总额 and the 其中 rows below it.
func (g *grid) projectFunds(p *evaluation.ProjectForm) error {
	u := p.Unit
	fu := &p.Funds
	hr := -1
	for _, i := range g.findAll(lblPInitial, lblPAdjusted, lblPActual) {
		if r := i / g.cols; g.rowHas(r, lblPInitial, lblPAdjusted) && g.rowHas(r, lblPActual, lblExecRate) {
			hr = r
			break
		}
	}
	var err error
	if hr < 0 {
		// No table: label-value pairs, or headers over one row of values.
		if fu.InitialBudget, err = g.amountField(u, lblPInitial); err != nil {
			return err
		}
		if fu.AdjustedBudget, err = g.amountField(u, lblPAdjusted); err != nil {
			return err
		}
		if fu.ActualExpenditure, err = g.amountField(u, lblPActual); err != nil {
			return err
		}
		if fu.Reported.ExecutionRate, err = g.rateField(lblExecRate); err != nil {
			return err
		}
	} else {
		ic, ac, xc := g.colOf(hr, lblPInitial), g.colOf(hr, lblPAdjusted), g.colOf(hr, lblPActual)
		wc, rc, sc := g.colOf(hr, lblWeight), g.colOf(hr, lblExecRate), g.colOf(hr, lblScore)
		amount := func(r, c int, what string) (*budget.Amount, error) {
			if c < 0 {
				return nil, nil
			}
			tr, tc := g.top(r, c)
			if tr != r {
				return nil, nil
			}
			return g.amountAt(tr, tc, u, what)
		}
		for r := hr + 1; r < g.rows; r++ {
			total, kind := false, ""
			for c := 0; c < g.cols; c++ {
				k := g.key(r, c)
				if k == "" {
					continue
				}
				for _, l := range aliasFundsTotal {
					total = total || k == normalize(l)
				}
				if s, ok := strings.CutPrefix(k, keySourcePrefix); ok && kind == "" {
					kind = s
				}
			}
			if !total && kind == "" {
				if g.rowHasLabel(r) {
					break
				}
				continue
			}
			dst := budget.Source{Kind: budget.SourceKind(kind)}
			if total {
				dst = budget.Source{}
			}
			if dst.InitialBudget, err = amount(r, ic, lblPInitial); err != nil {
				return err
			}
			if dst.AdjustedBudget, err = amount(r, ac, lblPAdjusted); err != nil {
				return err
			}
			if dst.ActualExpenditure, err = amount(r, xc, lblPActual); err != nil {
				return err
			}
			if !total {
				if len(fu.Sources) == maxEntries {
					return g.tooMany(r, 0, "source rows")
				}
				fu.Sources = append(fu.Sources, dst)
				continue
			}
			fu.InitialBudget, fu.AdjustedBudget, fu.ActualExpenditure = dst.InitialBudget, dst.AdjustedBudget, dst.ActualExpenditure
			if wc >= 0 {
				if fu.Weight, err = g.numberAt(r, wc, lblWeight); err != nil {
					return err
				}
			}
			if rc >= 0 {
				if fu.Reported.ExecutionRate, err = g.rateAt(r, rc, lblExecRate); err != nil {
					return err
				}
			}
			if sc >= 0 {
				if fu.Reported.Score, err = g.numberAt(r, sc, lblScore); err != nil {
					return err
				}
			}
		}
	}
	fu.Adjustment, err = g.amountField(u, lblAdjustment)
	return err
}

func (g *grid) project() (*evaluation.ProjectForm, error) {
	p := &evaluation.ProjectForm{}
	var err error
	if p.Unit, err = g.unit(); err != nil {
		return nil, err
	}
	p.Project = g.text(lblProject)
	p.Department = g.text(aliasSupervisor...)
	p.ImplementingUnit = g.text(aliasImplementer...)
	if p.Year, err = g.year(); err != nil {
		return nil, err
	}
	if err := g.projectFunds(p); err != nil {
		return nil, err
	}
	if p.Goals, err = g.goals(); err != nil {
		return nil, err
	}
	if hr, _, ok := g.find(lblLevel3); ok {
		cols := g.indicatorColumns(hr, []string{lblLevel3})
		r := hr + 1
		for ; r < g.rows && !g.rowHasLabel(r); r++ {
			ind, ok, err := g.indicatorRow(r, cols)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			if len(p.Indicators) == maxEntries {
				return nil, g.tooMany(r, 0, "indicators")
			}
			p.Indicators = append(p.Indicators, ind)
		}
		if r == g.rows && g.truncated {
			return nil, g.errorAt(r-1, 0, fmt.Errorf("%w: the indicators run past row %d", ErrTooLarge, MaxRows))
		}
	}
	if r, c, ok := g.lookup(aliasTotal...); ok {
		if p.Reported.TotalScore, err = g.numberAt(r, c, lblTotal); err != nil {
			return nil, err
		}
	}
	p.Reported.Grade = g.text(aliasGrade...)
	p.Overall = g.text(aliasConclusion...)
	p.Problems = g.text(aliasProblems...)
	p.Improvements = g.text(aliasImprovements...)
	p.Profile = g.text(lblProfile)
	return p, nil
}
