package layout

import (
	"fmt"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/vocab"
)

// column is one column of an indicator table: its label and how a row's
// cell is drawn.
type column struct {
	id   vocab.ID
	key  string // the indicator's key in the file format
	used func(*evaluation.Indicator) bool
}

var (
	colLevel1    = column{vocab.Level1, "level1", func(i *evaluation.Indicator) bool { return i.Level1 != "" }}
	colLevel2    = column{vocab.Level2, "level2", func(i *evaluation.Indicator) bool { return i.Level2 != "" }}
	colName      = column{vocab.IndicatorName, "name", func(i *evaluation.Indicator) bool { return i.Name != "" }}
	colTarget    = column{vocab.Target, "target", func(i *evaluation.Indicator) bool { return i.Target != "" }}
	colActual    = column{vocab.Actual, "actual", func(i *evaluation.Indicator) bool { return i.Actual != "" }}
	colWeight    = column{vocab.Weight, "weight", func(i *evaluation.Indicator) bool { return i.Weight != nil }}
	colScore     = column{vocab.Score, "score", func(i *evaluation.Indicator) bool { return i.Score != nil }}
	colDeviation = column{vocab.Deviation, "deviation", func(i *evaluation.Indicator) bool { return i.Deviation != "" }}
	colDirection = column{vocab.Direction, "direction", func(i *evaluation.Indicator) bool { return i.Direction != indicator.Unspecified }}
)

// projectColumns are the columns of the national 绩效指标 table.
var projectColumns = []column{colLevel1, colLevel2, colName, colTarget, colActual, colWeight, colScore, colDeviation}

// usedBy reports whether some indicator of the lists fills the column.
func (c column) usedBy(lists ...[]evaluation.Indicator) bool {
	for _, l := range lists {
		for i := range l {
			if c.used(&l[i]) {
				return true
			}
		}
	}
	return false
}

// DirectionText is how 指标方向 prints: 正向, 反向, 等于, 定性; "" for none.
func DirectionText(d indicator.Direction) string {
	switch d {
	case indicator.HigherIsBetter:
		return "正向"
	case indicator.LowerIsBetter:
		return "反向"
	case indicator.Exact:
		return "等于"
	case indicator.QualitativeDirection:
		return "定性"
	}
	return ""
}

// indicatorCells draws one indicator row in the columns, from column col;
// the name cell stands for the row too. Level cells are runs.
func (b *builder) indicatorCells(cols []column, ind *evaluation.Indicator, prefix string, col int) []*Cell {
	out := make([]*Cell, len(cols))
	for i, c := range cols {
		p := prefix + "." + c.key
		var cell *Cell
		switch c.id {
		case vocab.Level1:
			cell = b.text(ind.Level1, p)
			cell.Run = true
		case vocab.Level2:
			cell = b.text(ind.Level2, p)
			cell.Run = true
		case vocab.IndicatorName:
			cell = b.text(ind.Name, prefix, p)
		case vocab.Target:
			cell = b.text(ind.Target, p)
		case vocab.Actual:
			cell = b.text(ind.Actual, p)
		case vocab.Weight:
			cell = b.number(ind.Weight, p)
		case vocab.Score:
			cell = b.number(ind.Score, p)
		case vocab.Deviation:
			cell = b.text(ind.Deviation, p)
		case vocab.Direction:
			cell = b.register(&Cell{Type: DirectionType, Direction: ind.Direction, Text: DirectionText(ind.Direction), Paths: []string{p}})
		}
		out[i] = at(col+i, cell)
	}
	return out
}

// indicatorTable draws the national 绩效指标 block into t from column 0:
// the block label down column 0, the header, one row per indicator.
func (b *builder) indicatorTable(t *tableBuilder, inds []evaluation.Indicator, cols []column) {
	t.row(append([]*Cell{at(0, b.label(vocab.IndicatorsBlock, "indicators"), 1, 1+len(inds))}, b.headers(cols, 1)...)...)
	for i := range inds {
		t.row(b.indicatorCells(cols, &inds[i], fmt.Sprintf("indicators[%d]", i), 1)...)
	}
}

// headers draws the label cells of columns from column col.
func (b *builder) headers(cols []column, col int) []*Cell {
	out := make([]*Cell, len(cols))
	for i, c := range cols {
		out[i] = at(col+i, b.label(c.id))
	}
	return out
}
