package rubric

import (
	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/internal/exact"
)

// The comparisons below are what the rubric.* rules check. They are pure
// functions of the sheet, so a rule is a loop over their results.

// Mismatch is a score written on the sheet that differs from the computed
// one at the precision it was written with: a reported 9.3 is compared
// with the computed score rounded half up to one decimal.
type Mismatch struct {
	Key      string          // the item's key; "" for the total
	Reported decimal.Decimal // as written
	Computed decimal.Decimal // rounded to the places the reported score has
}

// places is the number of decimals a reported number was written with.
func places(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// ScoreMismatches returns, in item order, every scored item whose
// reported score differs from the computed one at the reported score's
// precision by more than tolerance (in points; zero for none): rule
// rubric.score. Unscored and absent items have nothing to compare.
func (s Sheet) ScoreMismatches(tolerance decimal.Decimal) []Mismatch {
	var out []Mismatch
	for _, is := range s.Items {
		if is.Reported == nil || is.Exact == nil {
			continue
		}
		computed := is.Exact.Round(places(*is.Reported))
		if !exact.Within(computed, *is.Reported, tolerance) {
			out = append(out, Mismatch{Key: is.Key, Reported: *is.Reported, Computed: computed})
		}
	}
	return out
}

// TotalMismatch reports whether the reported total differs from the
// computed one at its precision by more than tolerance: rule
// rubric.total. An incomplete sheet's total is partial and is not
// compared, nor is a sheet with no reported total.
func (s Sheet) TotalMismatch(tolerance decimal.Decimal) (Mismatch, bool) {
	if s.ReportedTotal == nil || !s.Complete {
		return Mismatch{}, false
	}
	computed := exact.DivRoundHalfUp(s.Total, decimal.NewFromInt(1), places(*s.ReportedTotal))
	if exact.Within(computed, *s.ReportedTotal, tolerance) {
		return Mismatch{}, false
	}
	return Mismatch{Reported: *s.ReportedTotal, Computed: computed}, true
}

// WeightsOff reports whether the weights of the scored items do not sum
// to 100: rule rubric.weights.
func (s Sheet) WeightsOff() bool { return !s.Weight.Equal(decimal.NewFromInt(100)) }

// UnscoredItems returns the items that have a weight and no score, in
// item order: rule rubric.unscored. Absent items are not among them;
// they are unscored by the rubric's own say.
func (s Sheet) UnscoredItems() []ItemScore {
	var out []ItemScore
	for _, is := range s.Items {
		if is.Status == Unscored {
			out = append(out, is)
		}
	}
	return out
}
