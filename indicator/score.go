package indicator

import (
	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
)

// Band is the share of an indicator's weight that an achievement earns
// (财预〔2020〕10号: 达成 80–100%, 部分达成 60–80%, 未达成 0–60%). Low and
// High are fractions of the weight; High is excluded when Open is true.
type Band struct {
	Low  decimal.Decimal `json:"low"`
	High decimal.Decimal `json:"high"`
	Open bool            `json:"open,omitempty"` // High is excluded: [Low, High)
}

// Contains reports whether score lies in the band of weight.
func (b Band) Contains(score, weight decimal.Decimal) bool {
	low, high := b.Low.Mul(weight), b.High.Mul(weight)
	if score.Cmp(low) < 0 {
		return false
	}
	if b.Open {
		return score.Cmp(high) < 0
	}
	return score.Cmp(high) <= 0
}

// Bands are the achievement bands of qualitative scoring.
type Bands struct {
	Met, PartlyMet, NotMet Band
}

// MOF2020Bands returns the bands of 财预〔2020〕10号: 达成 [80%, 100%],
// 部分达成 [60%, 80%), 未达成 [0, 60%).
func MOF2020Bands() Bands {
	p := decimal.RequireFromString
	return Bands{
		Met:       Band{Low: p("0.8"), High: p("1")},
		PartlyMet: Band{Low: p("0.6"), High: p("0.8"), Open: true},
		NotMet:    Band{Low: p("0"), High: p("0.6"), Open: true},
	}
}

// For returns the band of a status.
func (b Bands) For(s Status) Band {
	switch s {
	case Met:
		return b.Met
	case PartlyMet:
		return b.PartlyMet
	}
	return b.NotMet
}

// RowScore is what ScoreRow gives for one indicator row: its status and
// its exact score in points. (The evaluation package places it in a
// whole form's score as an evaluation.IndicatorScore.)
type RowScore struct {
	// Status is met (full weight, or 达成), partly met (between, or 部分达成),
	// not met (0, or 未达成), or Unknown when the row cannot be scored.
	Status Status
	// Value is the exact score in points, a fraction kept unrounded so
	// that it can be checked at any printed precision; zero when Status
	// is Unknown.
	Value budget.Points
	// ByBand is true when the score comes from an achievement band
	// (qualitative rows) rather than from the ratio of actual to target.
	ByBand bool
	// Band is the band the score was taken from, when ByBand.
	Band Band
	// Estimated is true when a banded row printed no score, so the band's
	// lower bound was used (rule score.estimated).
	Estimated bool
	// OutOfBand is true when a banded row printed a score outside its band
	// (rule score.indicator); Value is then the band's lower bound.
	OutOfBand bool
}

// ScoreRow scores one indicator (财预〔2020〕10号; docs/scoring.md):
//
//   - higher is better, and exact: actual ≥ target earns the weight; below
//     it, weight × actual / target (never below 0);
//   - lower is better: actual ≤ target earns the weight; target < actual <
//     2 × target earns weight × (1 − (actual − target) / target); 2 × target
//     or more earns 0. A target of 0: actual ≤ 0 earns the weight, else 0;
//   - a deadline: met on or before the date earns the weight, missed 0;
//   - qualitative (words, or a quantity marked qualitative): the band of
//     the achievement. A printed score inside its band is taken as it is;
//     outside it, or absent, the band's lower bound is used and OutOfBand
//     or Estimated says so.
//
// A row that cannot be assessed (no target, unreadable cells, units that
// do not compare) is Unknown. printed is the score printed on the form,
// nil for none.
func ScoreRow(target Value, a Assessment, weight decimal.Decimal, printed *decimal.Decimal, bands Bands) RowScore {
	if a.Status == Unknown {
		return RowScore{}
	}
	if a.Quantitative && a.Direction != QualitativeDirection {
		return ratioScore(a, weight)
	}
	if target.kind == Deadline && a.Status != PartlyMet {
		// A date is kept or it is not: there is no band of lateness.
		if a.Status == Met {
			return RowScore{Status: Met, Value: budget.PointsOf(weight)}
		}
		return RowScore{Status: NotMet, Value: budget.PointsOf(decimal.Zero)}
	}
	band := bands.For(a.Status)
	s := RowScore{Status: a.Status, ByBand: true, Band: band}
	switch {
	case printed != nil && band.Contains(*printed, weight):
		s.Value = budget.PointsOf(*printed)
	case printed != nil:
		s.OutOfBand = true
		s.Value = budget.PointsOf(band.Low.Mul(weight))
	default:
		s.Estimated = true
		s.Value = budget.PointsOf(band.Low.Mul(weight))
	}
	return s
}

func ratioScore(a Assessment, weight decimal.Decimal) RowScore {
	t, x := a.Target, a.Actual
	full := RowScore{Status: Met, Value: budget.PointsOf(weight)}
	zero := RowScore{Status: NotMet, Value: budget.PointsOf(decimal.Zero)}
	part := func(num, den decimal.Decimal) RowScore {
		r, err := budget.NewPoints(num.Mul(weight), den)
		if err != nil {
			return zero
		}
		return RowScore{Status: PartlyMet, Value: r}
	}
	if a.Direction == LowerIsBetter {
		switch {
		case x.Cmp(t) <= 0:
			return full
		case t.Sign() <= 0 || x.Cmp(t.Add(t)) >= 0:
			return zero
		}
		// weight × (1 − (x − t)/t) = weight × (2t − x)/t
		return part(t.Add(t).Sub(x), t)
	}
	switch {
	case x.Cmp(t) >= 0:
		return full
	case x.Sign() <= 0 || t.Sign() <= 0:
		return zero
	}
	return part(x, t)
}
