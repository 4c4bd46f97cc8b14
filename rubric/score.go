package rubric

import (
	"slices"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/internal/exact"
)

// valuePlaces is the precision a measure is scored at: percent rounded
// half up to two decimals, the value a reason prints.
const valuePlaces = 2

// scorePlaces is the precision of an item's score.
const scorePlaces = 2

// Status is how an item came out: "scored", "unscored" or "absent".
type Status string

const (
	Scored   Status = "scored"
	Unscored Status = "unscored" // an input missing, a measure undefined, a value in no band
	Absent   Status = "absent"   // the source does not show the row's points or standard
)

// ItemScore is one item of a score sheet.
type ItemScore struct {
	Path []string
	Key  string // "投入/预算配置/在职人员控制率"
	// Weight is the item's points; zero for an absent item whose points
	// the source does not show.
	Weight decimal.Decimal
	// Standard is the item's 评分标准 as published, for the sheet's layout.
	Standard string
	Measure  Measure // zero for an item that scores no measure
	// Value is the measure's exact value; nil where the item has no
	// measure or it is undefined.
	Value  *budget.Rate
	Status Status
	// Exact is the unrounded score, for checking a reported score at the
	// precision it was printed with; Score is it rounded half up to two
	// decimals. Both are nil unless Status is Scored: an unscored item has
	// no score, never 0.
	Exact *budget.Rate
	Score *decimal.Decimal
	// Reason says in words how the score came about, or why there is none:
	// "在职人员控制率 104.00%，超过100% 4个百分点，扣2分".
	Reason Text
	// Reported and ReportedReason are the score and 扣分原因 written on the
	// sheet as filed; nil and "" where it gives none.
	Reported       *decimal.Decimal
	ReportedReason string
}

// Unplaced is an entry of the input that no item took: a judgement or a
// reported score keyed by a path the rubric has no item for, or a
// judgement its item does not use. Nothing is dropped silently.
type Unplaced struct {
	Key string // "judgements.投入/目标设定/绩效目标合理性.checks", "reported.scores.…"
	Why Text
}

// Sheet is a department's score sheet (评分表) by a rubric: every item
// with its score and reason, the total and the grade.
//
// json.Marshal of a Sheet gives the score object of the JSON report, with
// reasons in the sheet's language (In chooses it; Chinese by default).
type Sheet struct {
	Rubric string
	Items  []ItemScore
	// Total is the sum of the items' rounded scores; partial when the
	// sheet is not complete.
	Total decimal.Decimal
	// Complete is true when every item but the absent ones is scored and
	// the weights sum to 100. Grade is the total's grade then, else "".
	Complete bool
	Grade    string
	// Weight is the sum of the weights of the items that are scored
	// (absent items aside).
	Weight decimal.Decimal
	// UnscoredWeight is the weight that has no score: of the unscored
	// items, and the published points of absent items.
	UnscoredWeight decimal.Decimal
	// ReportedTotal is the total written on the sheet as filed; nil for
	// none.
	ReportedTotal *decimal.Decimal
	Unplaced      []Unplaced
	lang          Lang
}

// In returns the sheet with its reasons in lang when marshalled to JSON.
func (s Sheet) In(lang Lang) Sheet {
	s.lang = lang
	return s
}

// Lang returns the language the sheet marshals its reasons in.
func (s Sheet) Lang() Lang {
	if s.lang == English {
		return English
	}
	return Chinese
}

// Score scores a department: every item of the rubric on the basic data
// and the judgements, exactly and explained. It is pure: it reads
// nothing but its arguments and changes none of them, so one Rubric may
// score any number of departments at once.
func (r Rubric) Score(in Input) Sheet {
	b := in.Basic
	s := Sheet{Rubric: r.def.Name, Items: make([]ItemScore, len(r.items)),
		Total: decimal.Zero, Weight: decimal.Zero, UnscoredWeight: decimal.Zero, ReportedTotal: in.Reported.TotalScore}
	complete := true
	byKey := make(map[string]bool, len(r.items))
	for i := range r.items {
		c := &r.items[i]
		byKey[c.key] = true
		j, hasJ := in.Judgements[c.key]
		is := c.score(&b, j, hasJ, &s.Unplaced)
		if p := in.Reported.Scores[c.key]; p != nil {
			is.Reported = p
		}
		is.ReportedReason = in.Reported.Reasons[c.key]
		if !c.item.Absent {
			s.Weight = s.Weight.Add(c.item.Weight)
		}
		if is.Score != nil {
			s.Total = exact.Add(s.Total, *is.Score)
		} else {
			s.UnscoredWeight = s.UnscoredWeight.Add(is.Weight)
			complete = complete && c.item.Absent
		}
		s.Items[i] = is
	}
	s.Complete = complete && s.Weight.Equal(decimal.NewFromInt(100))
	if s.Complete {
		s.Grade = r.grade(s.Total)
	}
	for _, k := range sortedKeys(in.Judgements) {
		if !byKey[k] {
			s.Unplaced = append(s.Unplaced, Unplaced{Key: "judgements." + k, Why: noItem})
		}
	}
	for _, k := range sortedKeys(in.Reported.Scores) {
		if !byKey[k] {
			s.Unplaced = append(s.Unplaced, Unplaced{Key: "reported.scores." + k, Why: noItem})
		}
	}
	for _, k := range sortedKeys(in.Reported.Reasons) {
		if !byKey[k] {
			s.Unplaced = append(s.Unplaced, Unplaced{Key: "reported.reasons." + k, Why: noItem})
		}
	}
	return s
}

var noItem = Text{"评分表中没有这一项", "the rubric has no item with this path"}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// score scores one item.
func (c *compiled) score(b *Basic, j Judgement, hasJ bool, unplaced *[]Unplaced) ItemScore {
	it := c.item
	is := ItemScore{Path: slices.Clone(it.Path), Key: c.key, Weight: it.Weight, Standard: it.Standard, Measure: it.Measure, Status: Unscored}
	unused := func(field string, used bool) {
		if hasJ && used {
			*unplaced = append(*unplaced, Unplaced{Key: "judgements." + c.key + "." + field,
				Why: Text{"该项不使用" + field, "this item does not use " + field}})
		}
	}
	unused("checks", j.Checks != nil && it.Checklist == nil)
	unused("violations", j.Violations != nil && it.Violations == nil)
	unused("score", j.Score != nil && !it.Judged)
	unused("note", j.Note != "" && !it.Judged)
	switch {
	case it.Absent:
		is.Status = Absent
		is.Reason = Text{"评分标准或分值未公布，不予评分", "the source does not show this row's points or standard: not scored"}
	case it.Deduct != nil, it.Bands != nil:
		c.scoreMeasure(b, &is)
	case it.States != nil:
		c.scoreStates(b, &is)
	case it.Checklist != nil:
		c.scoreChecklist(j, &is)
	case it.Violations != nil:
		c.scoreViolations(j, &is)
	case it.Judged:
		c.scoreJudged(j, &is)
	}
	return is
}

// give records a score and its reason.
func (c *compiled) give(is *ItemScore, exactScore budget.Rate, reason Text) {
	rounded := exactScore.Round(scorePlaces)
	is.Status, is.Exact, is.Score, is.Reason = Scored, &exactScore, &rounded, reason
}

// undefined scores an item whose inputs are missing: unscored, or its
// weight where the rubric says so.
func (c *compiled) undefined(is *ItemScore, why Text) {
	if c.item.WhenUndefined == FullWhenUndefined {
		w := c.item.Weight
		c.give(is, budget.RateFromDecimal(w), Text{
			why.Zh + "，按满分计算，得" + points(w).Zh,
			why.En + ": full marks by the rubric, " + points(w).En,
		})
		return
	}
	is.Reason = Text{why.Zh + "，不予评分", why.En + ": not scored"}
}

func (c *compiled) scoreMeasure(b *Basic, is *ItemScore) {
	it := c.item
	label := it.Measure.Label()
	mv := it.Measure.compute(b)
	if mv.err != nil {
		c.undefined(is, Text{label.Zh + "无法计算（" + mv.why.Zh + "）", label.En + " undefined (" + mv.why.En + ")"})
		return
	}
	rate := mv.rate
	is.Value = &rate
	v := rate.Percent(valuePlaces)
	shown := Text{label.Zh + " " + pctValue(rate), label.En + " " + pctValue(rate)}
	var reason Text
	var score budget.Rate
	if it.Deduct != nil {
		score, reason = c.deduct(v, shown)
	} else {
		var ok bool
		score, reason, ok = c.band(v, shown)
		if !ok {
			is.Reason = reason
			return
		}
	}
	c.give(is, score, withDerived(reason, mv.derived))
}

// withDerived adds to a reason the default readings it rests on.
func withDerived(t Text, derived []Text) Text {
	if len(derived) == 0 {
		return t
	}
	d := joinTexts(derived, "；", "; ")
	return Text{t.Zh + "（" + d.Zh + "）", t.En + " (" + d.En + ")"}
}

func (c *compiled) deduct(v decimal.Decimal, shown Text) (budget.Rate, Text) {
	d := c.item.Deduct
	w := c.item.Weight
	std := pct(c.std)
	var excess decimal.Decimal
	var beyond Text // "超过100%" / "above 100%"
	if d.Above != nil {
		if exact.Cmp(v, c.std) <= 0 {
			return budget.RateFromDecimal(w), Text{shown.Zh + "，未超过" + std + "，得" + points(w).Zh, shown.En + ", not above " + std + ": full " + points(w).En}
		}
		excess = v.Sub(c.std)
		beyond = Text{"超过" + std, "above " + std}
	} else {
		if exact.Cmp(v, c.std) >= 0 {
			return budget.RateFromDecimal(w), Text{shown.Zh + "，不低于" + std + "，得" + points(w).Zh, shown.En + ", not below " + std + ": full " + points(w).En}
		}
		excess = c.std.Sub(v)
		beyond = Text{"低于" + std, "below " + std}
	}
	ex := num(excess)
	head := Text{shown.Zh + "，" + beyond.Zh + " " + ex + "个百分点", shown.En + ", " + percentagePoints(ex) + " " + beyond.En}
	step, per := num(c.step), points(d.Points)
	rule := Text{"每" + step + "个百分点扣" + per.Zh, per.En + " per " + percentagePoints(step)}
	var score budget.Rate
	var detail Text
	if d.WholeSteps {
		steps, _ := excess.QuoRem(c.step, 0)
		if steps.IsZero() {
			return budget.RateFromDecimal(w), Text{head.Zh + "，不足一档（" + rule.Zh + "），不扣分",
				head.En + ": less than one step (" + rule.En + "), nothing deducted"}
		}
		score = budget.RateFromDecimal(w.Sub(steps.Mul(d.Points)))
		unit := " whole steps ("
		if steps.Equal(decimal.NewFromInt(1)) {
			unit = " whole step ("
		}
		detail = Text{"满" + num(steps) + "档（" + rule.Zh + "）", num(steps) + unit + rule.En + ")"}
	} else {
		// weight − excess × points / step, as one exact fraction, so the
		// score is rounded once.
		score, _ = budget.NewRate(w.Mul(c.step).Sub(excess.Mul(d.Points)), c.step)
		if !c.step.Equal(decimal.NewFromInt(1)) {
			detail = rule
		}
	}
	if score.Cmp(budget.Rate{}) <= 0 {
		lost := Text{"扣" + points(w).Zh + "（扣完为止）", "all " + points(w).En + " deducted"}
		return budget.Rate{}, join3(head, detail, lost)
	}
	return score, join3(head, detail, Text{"扣" + points(deducted(w, score)).Zh, points(deducted(w, score)).En + " deducted"})
}

// deducted is what a reason says was deducted: weight − score exactly
// where that has at most four decimals (0.005 of a point, for a score
// that rounds back to the weight), else weight − the rounded score, so
// that the reason and the score agree.
func deducted(w decimal.Decimal, score budget.Rate) decimal.Decimal {
	const shown = 4
	if s := score.Round(shown); budget.RateFromDecimal(s).Equal(score) {
		return w.Sub(s)
	}
	return w.Sub(score.Round(scorePlaces))
}

// percentagePoints is "1 percentage point", "4.88 percentage points".
func percentagePoints(n string) string {
	if n == "1" {
		return "1 percentage point"
	}
	return n + " percentage points"
}

// join3 joins a reason's head, an optional detail and its outcome.
func join3(head, detail, outcome Text) Text {
	if detail.Zh == "" {
		return Text{head.Zh + "，" + outcome.Zh, head.En + ": " + outcome.En}
	}
	return Text{head.Zh + "，" + detail.Zh + "，" + outcome.Zh, head.En + ", " + detail.En + ": " + outcome.En}
}

func (c *compiled) band(v decimal.Decimal, shown Text) (budget.Rate, Text, bool) {
	for _, br := range c.bands {
		if br.contains(v) {
			desc := br.describe()
			return budget.RateFromDecimal(br.score), Text{shown.Zh + "，" + desc.Zh + "，得" + points(br.score).Zh,
				shown.En + ", " + desc.En + ": " + points(br.score).En}, true
		}
	}
	return budget.Rate{}, Text{shown.Zh + "，不在任何评分档内，不予评分", shown.En + ", in no band of the rubric: not scored"}, false
}

// describe says what values a band holds: "高于0%且不高于10%".
func (b bandRange) describe() Text {
	if b.lo.set && b.hi.set && b.lo.v.Equal(b.hi.v) {
		return Text{"等于" + pct(b.lo.v), "equal to " + pct(b.lo.v)}
	}
	var parts []Text
	if b.lo.set {
		if b.lo.closed {
			parts = append(parts, Text{"不低于" + pct(b.lo.v), "at least " + pct(b.lo.v)})
		} else {
			parts = append(parts, Text{"高于" + pct(b.lo.v), "above " + pct(b.lo.v)})
		}
	}
	if b.hi.set {
		if b.hi.closed {
			parts = append(parts, Text{"不高于" + pct(b.hi.v), "at most " + pct(b.hi.v)})
		} else {
			parts = append(parts, Text{"低于" + pct(b.hi.v), "below " + pct(b.hi.v)})
		}
	}
	return joinTexts(parts, "且", " and ")
}

func (c *compiled) scoreStates(b *Basic, is *ItemScore) {
	var failed, derived []Text
	for _, st := range c.states {
		if st.cond == nil {
			outcome := Text{"得" + points(st.score).Zh, points(st.score).En}
			if len(failed) == 0 {
				c.give(is, budget.RateFromDecimal(st.score), outcome)
				return
			}
			f := joinTexts(failed, "；", "; ")
			c.give(is, budget.RateFromDecimal(st.score), withDerived(Text{f.Zh + "，" + outcome.Zh, f.En + ": " + outcome.En}, derived))
			return
		}
		cv := st.cond.eval(b)
		for _, d := range cv.derived {
			if !containsText(derived, d) {
				derived = append(derived, d)
			}
		}
		if len(cv.missing) > 0 {
			m := joinTexts(cv.missing, "、", ", ")
			c.undefined(is, Text{"无法判断（未填" + m.Zh + "）", "cannot be told (" + m.En + " not given)"})
			return
		}
		if cv.holds {
			c.give(is, budget.RateFromDecimal(st.score), withDerived(Text{cv.text.Zh + "，得" + points(st.score).Zh,
				cv.text.En + ": " + points(st.score).En}, derived))
			return
		}
		failed = append(failed, cv.negated)
	}
	f := joinTexts(failed, "；", "; ")
	is.Reason = withDerived(Text{f.Zh + "，不符合任何情形，不予评分", f.En + ": no state of the rubric holds, not scored"}, derived)
}

func (c *compiled) scoreChecklist(j Judgement, is *ItemScore) {
	if j.Checks == nil {
		c.undefined(is, Text{"未填检查结果（checks）", "no checks given"})
		return
	}
	w, each := c.item.Weight, c.item.Checklist.PointsEach
	met := 0
	for _, ok := range j.Checks {
		if ok {
			met++
		}
	}
	n, m := decimal.NewFromInt(int64(len(j.Checks))), decimal.NewFromInt(int64(met))
	got := m.Mul(each)
	capped := got.Cmp(w) > 0
	if capped {
		got = w
	}
	reason := Text{num(n) + "项中" + num(m) + "项符合，每项" + points(each).Zh + "，得" + points(got).Zh,
		num(m) + " of " + num(n) + " checks met at " + points(each).En + " each: " + points(got).En}
	if capped {
		reason = Text{reason.Zh + "（以分值为限）", reason.En + " (capped at the weight)"}
	}
	c.give(is, budget.RateFromDecimal(got), reason)
}

func (c *compiled) scoreViolations(j Judgement, is *ItemScore) {
	if j.Violations == nil {
		c.undefined(is, Text{"未填违规例数（violations）", "no count of violations given"})
		return
	}
	n := *j.Violations
	if n.IsNegative() || !n.IsInteger() {
		is.Reason = Text{"违规例数" + quote(n.String()) + "不是非负整数，不予评分", "violations " + quote(n.String()) + " is not a whole number ≥ 0: not scored"}
		return
	}
	w, each := c.item.Weight, c.item.Violations.PointsEach
	if n.IsZero() {
		c.give(is, budget.RateFromDecimal(w), Text{"无违规，得" + points(w).Zh, "no violations: full " + points(w).En})
		return
	}
	lost := n.Mul(each)
	noun := " violations at "
	if n.Equal(decimal.NewFromInt(1)) {
		noun = " violation at "
	}
	head := Text{"违规" + num(n) + "例，每例扣" + points(each).Zh, num(n) + noun + points(each).En + " each"}
	if lost.Cmp(w) >= 0 {
		c.give(is, budget.Rate{}, Text{head.Zh + "，扣" + points(w).Zh + "（扣完为止）", head.En + ": all " + points(w).En + " deducted"})
		return
	}
	c.give(is, budget.RateFromDecimal(w.Sub(lost)), Text{head.Zh + "，扣" + points(lost).Zh, head.En + ": " + points(lost).En + " deducted"})
}

func (c *compiled) scoreJudged(j Judgement, is *ItemScore) {
	if j.Score == nil {
		c.undefined(is, Text{"未填评价人评分（score）", "no evaluator's score given"})
		return
	}
	x, w := *j.Score, c.item.Weight
	if x.IsNegative() || x.Cmp(w) > 0 {
		is.Reason = Text{"评价人评分" + quote(x.String()) + "不在0至" + num(w) + "分之间，不予评分",
			"evaluator's score " + quote(x.String()) + " is not between 0 and " + num(w) + ": not scored"}
		return
	}
	reason := Text{"评价人评分" + points(x).Zh, "evaluator's score: " + points(x).En}
	if j.Note != "" {
		reason = Text{reason.Zh + "：" + quote(j.Note), reason.En + ": " + quote(j.Note)}
	}
	c.give(is, budget.RateFromDecimal(x), reason)
}
