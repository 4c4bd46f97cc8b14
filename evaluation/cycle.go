package evaluation

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
)

// CycleRow is one indicator row of a declaration or a monitoring form as
// Evaluate read it: where it is, its dimension, and its cells
// interpreted. The self-evaluation's rows are IndicatorResults instead,
// since only they have an actual to assess.
type CycleRow struct {
	Path string // "indicators[2]", "long_term_indicators[0]"
	// Level is the row's level-one dimension, read as for IndicatorResult:
	// its 一级指标, else what its 二级指标 names, else the row above's.
	Level indicator.Level
	// Level1 is the 一级指标 as written, or the row above's when the cell
	// is blank (a merged cell is printed once).
	Level1 string
	Level2 string
	Name   string
	// LongTerm is true for a 长期绩效指标 row of a declaration.
	LongTerm bool
	// Target is 指标值 (年度指标值) interpreted.
	Target indicator.Value
	// Progress and Forecast are a monitoring row's 1-X月执行情况 and
	// 全年预计完成情况 interpreted; empty for a declaration.
	Progress, Forecast indicator.Value
	// Declared is the declaration's row, Monitored the monitoring form's;
	// exactly one is set.
	Declared  *DeclarationIndicator
	Monitored *MonitoringIndicator
}

// levelReader reads the level-one dimension of consecutive indicator
// rows: the 一级指标 as written; else what the 二级指标 names; else the row
// above's, since a merged cell is printed once. Under a 一级指标 the
// library does not know (Sichuan's 项目完成指标), a row with a blank
// 二级指标 takes the dimension of the 二级指标 above it.
type levelReader struct {
	level  indicator.Level // of the last 一级指标 written, or of a 二级指标 under a blank one
	dim    indicator.Level // of the last 二级指标 written in this section
	level1 string          // the last 一级指标 written
}

// next returns the row's dimension and its 一级指标, inherited when blank.
func (r *levelReader) next(level1, level2 string) (indicator.Level, string) {
	switch l, _, _, _ := indicator.ParseLevel(level1); {
	case l != indicator.LevelUnknown:
		r.level = l
	case strings.TrimSpace(level1) != "":
		r.level = indicator.LevelUnknown
	case indicator.LevelOfDimension(level2) != indicator.LevelUnknown:
		r.level = indicator.LevelOfDimension(level2)
	}
	if t := strings.TrimSpace(level1); t != "" {
		r.level1 = t
		r.dim = indicator.LevelOfDimension(level2)
	} else if strings.TrimSpace(level2) != "" {
		r.dim = indicator.LevelOfDimension(level2)
	}
	l := r.level
	if l == indicator.LevelUnknown {
		l = r.dim
	}
	return l, r.level1
}

func declarationRows(f *DeclarationForm) []CycleRow {
	rows := make([]CycleRow, 0, len(f.Indicators)+len(f.LongTermIndicators))
	for _, part := range []struct {
		key      string
		rows     []DeclarationIndicator
		longTerm bool
	}{{"indicators", f.Indicators, false}, {"long_term_indicators", f.LongTermIndicators, true}} {
		var lr levelReader
		for i := range part.rows {
			row := &part.rows[i]
			level, level1 := lr.next(row.Level1, row.Level2)
			rows = append(rows, CycleRow{
				Path: indexPath("", part.key, i), Level: level, Level1: level1, Level2: row.Level2, Name: row.Name,
				LongTerm: part.longTerm, Target: indicator.Parse(row.Target), Declared: row,
			})
		}
	}
	return rows
}

func monitoringRows(f *MonitoringForm) []CycleRow {
	rows := make([]CycleRow, 0, len(f.Indicators))
	var lr levelReader
	for i := range f.Indicators {
		row := &f.Indicators[i]
		level, level1 := lr.next(row.Level1, row.Level2)
		rows = append(rows, CycleRow{
			Path: indexPath("", "indicators", i), Level: level, Level1: level1, Level2: row.Level2, Name: row.Name,
			Target: indicator.Parse(row.Target), Progress: indicator.Parse(row.Progress),
			Forecast: indicator.Parse(row.Forecast), Monitored: row,
		})
	}
	return rows
}

// monitoringFigures computes 1-X月执行率 = 1-X月执行数 / 调整后预算数 (年初预算数
// when no adjusted budget is given), as the central monitoring systems
// do ("预算执行率（1-X月执行数/调整后预算数）"), and the share of the year
// elapsed, X/12. A zero or missing budget leaves the rate undefined (nil),
// never 0%.
func monitoringFigures(f *MonitoringForm) Figures {
	var fig Figures
	if b := f.Funds.Budget(); b != nil && f.Funds.Executed != nil {
		if r, err := budget.RateOf(*f.Funds.Executed, *b); err == nil {
			fig.ExecutionRate = &r
		}
	}
	if r, ok := TimeElapsed(f.AsOf); ok {
		fig.TimeElapsed = &r
	}
	return fig
}

// TimeElapsed returns the share of the year elapsed at the end of month
// X, X/12 (58.33% at month 7): the 序时进度 a monitoring form's execution
// is held to when the profile gives no schedule. ok is false for a month
// outside 1..12.
func TimeElapsed(asOf Month) (budget.Rate, bool) {
	if asOf < 1 || asOf > 12 {
		return budget.Rate{}, false
	}
	r, err := budget.NewRate(decimal.NewFromInt(int64(asOf)), decimal.NewFromInt(12))
	return r, err == nil
}
