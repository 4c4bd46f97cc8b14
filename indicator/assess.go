package indicator

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Assessment is the outcome of comparing an actual value with its target.
// It carries the exact numbers compared, so that a score (ScoreRow) can be
// computed from it without parsing again.
//
// The zero Assessment is Unknown with no reason; Assess never returns it.
type Assessment struct {
	// Status is met, partly met, not met, or unknown.
	Status Status
	// Direction is the direction the comparison used: the caller's
	// override, else the target's operator, else Exact for a bare number.
	// A zero target compared as Exact is a ceiling and reports
	// LowerIsBetter. Whenever Quantitative is false the comparison was by
	// words or dates and Direction is QualitativeDirection.
	Direction Direction
	// Target and Actual are the two quantities compared, both expressed in
	// Unit (so 1亿元 against 5000万元 is 100000000 against 50000000 元).
	// When the target and actual are trends in opposite senses (target 下降
	// 5%, actual 上升3%), Actual is negated (-3): it is the change in the
	// target's sense. Valid only when Quantitative is true.
	Target, Actual decimal.Decimal
	// Quantitative is true when Status came from comparing numbers, so a
	// score can be a ratio of Actual to Target; false when it came from
	// words or dates, so a score comes from an achievement band.
	Quantitative bool
	// Unit is the unit Target and Actual are expressed in ("" if neither
	// side had one).
	Unit string
	// Reason says why Status is Unknown; nil otherwise. It wraps one of
	// ErrNoTarget, ErrNoActual, ErrUnparsed or ErrUnitMismatch (the last as
	// a *MismatchError).
	Reason error
}

// Assess compares actual with target. dir overrides the direction the
// target's wording implies (a 控制率 target written "100%" is lower is
// better); Unspecified uses the wording. It never panics.
//
// Quantities (after 财预〔2020〕10号; see docs/scoring.md):
//
//   - higher is better and exact: actual ≥ target is Met; 0 < actual <
//     target is PartlyMet (a score in proportion); actual ≤ 0 is NotMet.
//   - lower is better: actual ≤ target is Met; target < actual < 2×target
//     is PartlyMet; actual ≥ 2×target is NotMet. A target of 0: actual ≤ 0
//     is Met, anything else NotMet.
//   - a target of 0 with no operator ("0起", 零事故, or Exact) is a
//     ceiling, assessed as lower is better: read as "at least 0" it would
//     be met by any count.
//   - QualitativeDirection with two quantities compares as Exact and
//     keeps QualitativeDirection, so the score comes from the band.
//
// A bare number takes the other side's unit; scaled units (万元, 亿元,
// 万人次) convert exactly; 人 and 人次 (and 名, 位) are all counts of
// people, 次, 场 and 场次 counts of occasions. Other different units are
// Unknown with a *MismatchError.
//
// Words: on an ordered scale, an actual at or above its target is Met. A
// grade below its target that is still a pass (合格 or better) is
// PartlyMet, a failing grade NotMet; likewise for satisfaction words. A
// rank behind its target is NotMet. Trends: the same trend is Met, the
// opposite NotMet, 持平 against a change PartlyMet and a change against 持平
// PartlyMet; 不上升 is met by 下降 or 持平. 是/有 meets 是/有 and 否/无 meets
// 否/无, and nothing else. An achievement word (达成预期指标, 部分达成,
// 未达成, 已完成, 按时完成 …) in the actual gives its own status against any
// target, a quantity or a deadline included; a free-text target (严格执行相
// 关制度规定) can only be judged that way, or by an actual that repeats it.
// 无 (or 未发生) is the number 0 against a quantity: 无 against ≤5起 is met.
//
// Deadlines: an actual date on or before the target date is Met, a later
// one NotMet. When only one side names a year, the dates are compared by
// month and day. 是 is Met and 否 NotMet against a deadline.
//
// An empty target is Unknown with ErrNoTarget, an empty actual with
// ErrNoActual; an Unparsed side, or an actual that does not say whether
// a qualitative target is met, with ErrUnparsed.
// errNoTarget is made once: a form without targets (the Guangzhou
// layout has none) asks for it on every row.
var errNoTarget = fmt.Errorf("indicator: %w", ErrNoTarget)

func Assess(target, actual Value, dir Direction) Assessment {
	if dir < Unspecified || dir > QualitativeDirection {
		dir = Unspecified
	}
	a := Assessment{Direction: effective(target, dir)}
	switch {
	case target.kind == Empty:
		return a.unknown(errNoTarget)
	case target.kind == Unparsed:
		return a.unknown(fmt.Errorf("indicator: target: %w", target.err))
	case actual.kind == Empty:
		return a.unknown(fmt.Errorf("indicator: target %q: %w", target.raw, ErrNoActual))
	case actual.kind == Unparsed:
		return a.unknown(fmt.Errorf("indicator: actual: %w", actual.err))
	case target.hasNum:
		return assessQuantity(a, target, actual, dir)
	case target.kind == Deadline:
		return assessDeadline(a, target, actual)
	}
	return assessWord(a, target, actual, dir)
}

// effective is the direction a comparison with target uses.
func effective(target Value, dir Direction) Direction {
	switch {
	case dir != Unspecified:
		return dir
	case target.hasNum && target.op == Unspecified:
		return Exact
	case target.hasNum:
		return target.op
	case target.kind == Qualitative, target.kind == Deadline:
		return QualitativeDirection
	}
	return Unspecified
}

func (a Assessment) unknown(reason error) Assessment {
	a.Status, a.Reason = Unknown, reason
	return a
}

// byWord records a status reached by words or dates.
func (a Assessment) byWord(s Status) Assessment {
	a.Status, a.Direction = s, QualitativeDirection
	return a
}

func mismatch(a Assessment, target, actual Value) Assessment {
	return a.unknown(&MismatchError{Target: describe(target), Actual: describe(actual)})
}

// unjudged is the reason for an actual that does not say whether its
// target is met.
func unjudged(a Assessment, target, actual Value) Assessment {
	return a.unknown(fmt.Errorf("indicator: actual %q does not say whether target %q is met: %w",
		actual.raw, target.raw, ErrUnparsed))
}

func describe(v Value) string {
	switch {
	case v.hasNum && v.unit == "":
		return "a bare number"
	case v.hasNum:
		return fmt.Sprintf("%q", v.unit)
	case v.kind == Qualitative:
		return fmt.Sprintf("%s word %q", scaleNames[v.scale], v.word)
	}
	return v.kind.String()
}

// negations are words that, before a number in an actual, say the number
// was not reached: "未达到95%" is below 95%, by an amount it does not say.
var negations = []string{"未达到", "未达", "没有达到", "没达到", "不足", "未满", "达不到"}

func negated(raw string) bool {
	for _, n := range negations {
		if strings.Contains(raw, n) {
			return true
		}
	}
	return false
}

func assessQuantity(a Assessment, target, actual Value, dir Direction) Assessment {
	if actual.hasNum && negated(actual.raw) {
		// Not the number it states, and not a number we can score: say
		// it cannot be judged rather than read 未达到95% as 95%.
		return unjudged(a, target, actual)
	}
	switch {
	case actual.hasNum:
		t, x, unit, ok := unify(target.num, target.unit, actual.num, actual.unit)
		if !ok {
			return mismatch(a, target, actual)
		}
		// A change in the opposite sense counts against the target.
		if target.scale == scaleTrend && actual.scale == scaleTrend && target.rank != actual.rank &&
			(target.rank == trendDown || target.rank == trendUp) {
			switch actual.rank {
			case trendFlat:
				x = decimal.Zero
			case -target.rank:
				x = x.Neg()
			}
		}
		return compare(a, t, x, unit, target.op)
	case actual.zero:
		return compare(a, target.num, decimal.Zero, target.unit, target.op)
	case actual.scale == scaleAchievement:
		return a.byWord(achievement(actual.rank))
	case actual.kind == Qualitative && actual.scale == scaleNone:
		return unjudged(a, target, actual)
	case target.scale == scaleTrend && actual.scale == scaleTrend:
		// 下降5% against 下降: the sense is right but the amount unknown;
		// against 上升 the target is missed whatever the amount.
		if trend(target.rank, actual.rank) == NotMet {
			return a.byWord(NotMet)
		}
		return unjudged(a, target, actual)
	}
	return mismatch(a, target, actual)
}

// compare sets the status of actual x against target t, both in unit, in
// a.Direction. written is the operator the target was written with.
func compare(a Assessment, t, x decimal.Decimal, unit string, written Direction) Assessment {
	a.Target, a.Actual, a.Unit, a.Quantitative = t, x, unit, true
	dir := a.Direction
	if t.IsZero() && (dir == Exact || dir == QualitativeDirection && (written == Unspecified || written == Exact)) {
		// A zero target with no operator is a ceiling: "0起" means none.
		if dir == Exact {
			a.Direction = LowerIsBetter
		}
		dir = LowerIsBetter
	}
	switch dir {
	case LowerIsBetter:
		switch {
		case x.Cmp(t) <= 0:
			a.Status = Met
		case t.Sign() > 0 && x.Cmp(t.Add(t)) < 0:
			a.Status = PartlyMet
		default:
			a.Status = NotMet
		}
	default: // HigherIsBetter, Exact, QualitativeDirection
		switch {
		case x.Cmp(t) >= 0:
			a.Status = Met
		case x.Sign() > 0:
			a.Status = PartlyMet
		default:
			a.Status = NotMet
		}
	}
	return a
}

func achievement(rank int16) Status {
	switch rank {
	case achMet:
		return Met
	case achPartly:
		return PartlyMet
	}
	return NotMet
}

func assessDeadline(a Assessment, target, actual Value) Assessment {
	switch {
	case actual.kind == Deadline:
		if before(actual, target) {
			return a.byWord(Met)
		}
		return a.byWord(NotMet)
	case actual.scale == scaleAchievement:
		return a.byWord(achievement(actual.rank))
	case actual.scale == scaleYesNo && !actual.zero:
		if actual.rank == 1 {
			return a.byWord(Met)
		}
		return a.byWord(NotMet)
	case actual.kind == Qualitative && actual.scale == scaleNone:
		return unjudged(a, target, actual)
	}
	return mismatch(a, target, actual)
}

// before reports whether the date of a is on or before that of b. When
// only one names a year, its year resolves the other's end of month and
// the two compare by month and day.
func before(a, b Value) bool {
	ay, by := int(a.year), int(b.year)
	resolve := func(v Value, y int) int {
		if v.day == 0 {
			return daysIn(y, int(v.month))
		}
		return int(v.day)
	}
	if ay == 0 || by == 0 {
		y := max(ay, by)
		am, ad := int(a.month), resolve(a, y)
		bm, bd := int(b.month), resolve(b, y)
		return am < bm || am == bm && ad <= bd
	}
	am, ad := int(a.month), resolve(a, ay)
	bm, bd := int(b.month), resolve(b, by)
	switch {
	case ay != by:
		return ay < by
	case am != bm:
		return am < bm
	}
	return ad <= bd
}

func assessWord(a Assessment, target, actual Value, dir Direction) Assessment {
	ts := target.scale
	switch {
	case target.zero && actual.hasNum:
		// 无 against a count: the target is a count of 0.
		if dir == Unspecified || dir == Exact {
			a.Direction = LowerIsBetter
		}
		return compare(a, decimal.Zero, actual.num, actual.unit, Unspecified)
	case actual.scale == scaleAchievement:
		return a.byWord(achievement(actual.rank))
	case ts == scaleNone:
		if actual.kind == Qualitative && actual.scale == scaleNone && actual.word == target.word {
			return a.byWord(Met) // the actual repeats the target
		}
		return unjudged(a, target, actual)
	case ts == scaleAchievement:
		return unjudged(a, target, actual)
	case actual.scale == scaleNone && !actual.hasNum && actual.kind != Deadline:
		return unjudged(a, target, actual)
	case actual.scale != ts:
		return mismatch(a, target, actual)
	}
	t, x := target.rank, actual.rank
	switch ts {
	case scaleGrade, scaleSatisfaction:
		switch {
		case x >= t:
			return a.byWord(Met)
		case x >= 2:
			return a.byWord(PartlyMet)
		}
		return a.byWord(NotMet)
	case scaleRank:
		if x <= t {
			return a.byWord(Met)
		}
		return a.byWord(NotMet)
	case scaleTrend:
		return a.byWord(trend(t, x))
	}
	// scaleYesNo
	if x == t {
		return a.byWord(Met)
	}
	return a.byWord(NotMet)
}

// trend assesses an actual trend x against a target trend t. An actual
// that admits two outcomes (不上升) is taken at the worse of them, 持平.
func trend(t, x int16) Status {
	if x == trendNotUp || x == trendNotDown {
		if t == x {
			return Met
		}
		x = trendFlat
	}
	switch t {
	case trendNotUp:
		if x <= trendFlat {
			return Met
		}
		return NotMet
	case trendNotDown:
		if x >= trendFlat {
			return Met
		}
		return NotMet
	case trendFlat:
		if x == trendFlat {
			return Met
		}
		return PartlyMet
	}
	switch x {
	case t:
		return Met
	case trendFlat:
		return PartlyMet
	}
	return NotMet
}
