package rubric

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/internal/exact"
	"github.com/perfeval/perfeval/internal/safetext"
)

// Limits of a rubric, whether built in Go or read from a file. A real
// rubric has a few dozen items of a few lines each; the limits keep the
// work and memory of reading and scoring bounded whatever the input.
const (
	MaxItems        = 500
	MaxPathSegments = 6
	MaxBands        = 32
	MaxStates       = 16
	MaxGrades       = 16
	MaxSources      = 16
	maxNameRunes    = 64   // a rubric's name, a path segment, a grade
	maxTextRunes    = 2000 // a standard, a title, a source
	maxWeight       = 100
)

// Undefined says how an item is scored when its inputs are missing or its
// measure is undefined.
type Undefined int8

const (
	// UnscoredWhenUndefined leaves the item unscored (its score null, never
	// 0): the default.
	UnscoredWhenUndefined Undefined = iota
	// FullWhenUndefined gives the item its weight, as a rubric may say of a
	// department the item does not concern ("没有楼堂馆所项目的部门按满分计算").
	FullWhenUndefined
)

// Deduct is a deduction per step beyond a standard (“以100%为标准…每超过一个
// 百分点扣0.5分，扣完为止”). Exactly one of Above and Below is set:
// with Above the value should stay at or under the standard, with Below
// at or over it. Within the standard the item gets its weight; beyond it,
// its weight less Points per Step, never below 0.
type Deduct struct {
	Above *budget.Rate
	Below *budget.Rate
	// Step is the width of a step in percentage points, written as a
	// percentage: 1% for 每超过一个百分点, 5% for 每低于5%.
	Step budget.Rate
	// Points is what each step deducts.
	Points decimal.Decimal
	// WholeSteps counts only completed steps (partial: false in a rubric
	// file): 99.27% against "below 100%, step 5%" is no step. Otherwise a
	// part step deducts its part.
	WholeSteps bool
}

// Band is one row of a band table (“80%(含)-90%，计4分”). Its ends: Equal
// alone for a single value (“=0”), or a lower end (Above, open; From,
// closed) and an upper end (Upto, closed; Below, open), either of which
// may be left out for a band that runs on without end. The first band
// that holds the value gives its Score.
type Band struct {
	Equal *budget.Rate
	Above *budget.Rate
	From  *budget.Rate
	Upto  *budget.Rate
	Below *budget.Rate
	Score decimal.Decimal
}

// State is one outcome of an item scored by comparing basic-data figures
// (资金结余: “无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不
// 得分”). When is a condition such as "year_end_balance = 0" or
// "year_end_balance <= prior_carryover": two operands, each a key path
// of the basic: block (the fields of budget: may go without the
// "budget." prefix) or a number, and one of = != < <= > >= (also ≤ ≥ ≠).
// An empty When is "otherwise" and may only come last. The first state
// whose condition holds gives its Score.
type State struct {
	When  string
	Score decimal.Decimal
}

// Checklist scores PointsEach per check met (“①…1分；②…1分；③…1分”), at
// most the weight. The checks' answers are the judgement's Checks.
type Checklist struct {
	PointsEach decimal.Decimal
}

// Violations deducts PointsEach per violation reported (“每出现一例不符合
// 要求的扣1分，扣完为止”), never below 0. The count is the judgement's
// Violations.
type Violations struct {
	PointsEach decimal.Decimal
}

// Item is one scored row of a rubric (a 三级指标), as a finance bureau
// publishes it.
//
// A non-absent item has a positive Weight and exactly one scoring block:
// Deduct or Bands (which score its Measure), States, Checklist,
// Violations or Judged. An Absent item is a row the published source
// shows without its points or its standard: it is kept, so the sheet
// shows it, and never scored; its Weight is the published points where
// they are shown, else zero.
type Item struct {
	Path       []string // [投入, 预算配置, 在职人员控制率]
	Weight     decimal.Decimal
	Standard   string  // 评分标准 as published
	Measure    Measure // for Deduct and Bands
	Deduct     *Deduct
	Bands      []Band
	States     []State
	Checklist  *Checklist
	Violations *Violations
	// Judged takes the evaluator's score from the judgement, 0 to Weight.
	Judged        bool
	Absent        bool
	WhenUndefined Undefined
}

// Key returns the item's path as the judgements and reported sheets key
// it: "投入/预算配置/在职人员控制率".
func (it Item) Key() string { return strings.Join(it.Path, "/") }

// Grade is a grade and the lowest total that earns it.
type Grade struct {
	Name string
	Min  decimal.Decimal
}

// DefaultGrades are the grades of the self-evaluation forms (财预〔2020〕
// 10号): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.
func DefaultGrades() []Grade {
	return []Grade{
		{"优", decimal.NewFromInt(90)}, {"良", decimal.NewFromInt(80)},
		{"中", decimal.NewFromInt(60)}, {"差", decimal.Zero},
	}
}

// Definition is a rubric as its author writes it: the mutable input of
// New. A rubric file is a Definition in YAML.
type Definition struct {
	Name    string   // what a form's rubric: key names: "yueyang-2018"
	Title   string   // the published title, for people
	Sources []string // where it was published (URLs)
	// Grades from the highest; a total below every Min gets 差. Nil for
	// DefaultGrades.
	Grades []Grade
	Items  []Item
}

// Rubric is a validated rubric: an immutable value, safe for concurrent
// use, that scores any number of departments. Build one with New, Parse,
// ReadFile or Builtin. The zero Rubric has no items.
type Rubric struct {
	def   Definition
	items []compiled
}

// compiled is an item ready to score: its thresholds as percentages,
// its conditions parsed.
type compiled struct {
	item   *Item
	key    string
	std    decimal.Decimal // deduct: the standard, in percent
	step   decimal.Decimal // deduct: the step, in percentage points
	bands  []bandRange
	states []stateRule
}

// bound is one end of a band, in percent.
type bound struct {
	v      decimal.Decimal
	set    bool // false: no end on this side
	closed bool
}

type bandRange struct {
	lo, hi bound
	score  decimal.Decimal
}

type stateRule struct {
	cond  *condition // nil: otherwise
	score decimal.Decimal
}

// New validates a rubric definition and returns it as an immutable
// Rubric. It refuses what a rubric file would be refused for, with the
// same *DefinitionError keyed by the path of the offending value
// ("items[2].bands[1]"): an item without exactly one block, bands that
// overlap or leave a gap, a score or points above the weight, negative
// points, an unknown measure, a condition it cannot read.
func New(d Definition) (Rubric, error) {
	d = d.clone()
	fail := func(key string, format string, args ...any) (Rubric, error) {
		return Rubric{}, &DefinitionError{Key: key, Err: fmt.Errorf(format, args...)}
	}
	if d.Name == "" {
		return fail("name", "%w: a rubric needs a name", ErrValue)
	}
	if err := checkLine(d.Name, maxNameRunes); err != nil {
		return fail("name", "%w", err)
	}
	if err := checkText(d.Title); err != nil {
		return fail("title", "%w", err)
	}
	if len(d.Sources) > MaxSources {
		return fail("sources", "%w: more than %d sources", ErrTooLarge, MaxSources)
	}
	for i, s := range d.Sources {
		if err := checkLine(s, maxTextRunes); err != nil {
			return fail(fmt.Sprintf("sources[%d]", i), "%w", err)
		}
	}
	if d.Grades == nil {
		d.Grades = DefaultGrades()
	}
	if err := checkGrades(d.Grades); err != nil {
		return Rubric{}, err
	}
	if len(d.Items) > MaxItems {
		return fail("items", "%w: more than %d items", ErrTooLarge, MaxItems)
	}
	r := Rubric{def: d, items: make([]compiled, len(d.Items))}
	seen := make(map[string]int, len(d.Items))
	for i := range r.def.Items {
		it := &r.def.Items[i]
		key := fmt.Sprintf("items[%d]", i)
		c, err := compile(it, key)
		if err != nil {
			return Rubric{}, err
		}
		if j, dup := seen[c.key]; dup {
			return fail(key+".path", "%w: %s is also items[%d]", ErrDuplicate, quote(c.key), j)
		}
		seen[c.key] = i
		r.items[i] = c
	}
	return r, nil
}

// MustNew is New for rubrics written in Go source; it panics on an
// invalid definition, which is a programming error.
func MustNew(d Definition) Rubric {
	r, err := New(d)
	if err != nil {
		panic(err)
	}
	return r
}

func checkLine(s string, maxRunes int) error {
	if utf8.RuneCountInString(s) > maxRunes {
		return fmt.Errorf("%w: longer than %d characters", ErrTooLarge, maxRunes)
	}
	if safetext.Line(s) != s || strings.ContainsRune(s, '\t') {
		return fmt.Errorf("%w: %s has control characters", ErrValue, quote(s))
	}
	return nil
}

func checkText(s string) error {
	if utf8.RuneCountInString(s) > maxTextRunes {
		return fmt.Errorf("%w: longer than %d characters", ErrTooLarge, maxTextRunes)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: not UTF-8", ErrValue)
	}
	return nil
}

func checkGrades(gs []Grade) error {
	if len(gs) > MaxGrades {
		return &DefinitionError{Key: "grades", Err: fmt.Errorf("%w: more than %d grades", ErrTooLarge, MaxGrades)}
	}
	hundred := decimal.NewFromInt(100)
	seen := map[string]bool{}
	for i, g := range gs {
		key := "grades." + g.Name
		if g.Name == "" {
			return &DefinitionError{Key: fmt.Sprintf("grades[%d]", i), Err: fmt.Errorf("%w: a grade needs a name", ErrValue)}
		}
		if err := checkLine(g.Name, maxNameRunes); err != nil {
			return &DefinitionError{Key: key, Err: err}
		}
		if seen[g.Name] {
			return &DefinitionError{Key: key, Err: fmt.Errorf("%w: grade %s", ErrDuplicate, quote(g.Name))}
		}
		seen[g.Name] = true
		if g.Min.IsNegative() {
			return &DefinitionError{Key: key, Err: fmt.Errorf("%w: a grade's lowest total is %s", ErrNegative, g.Min)}
		}
		if g.Min.Cmp(hundred) > 0 {
			return &DefinitionError{Key: key, Err: fmt.Errorf("%w: a grade's lowest total is %s, above 100", ErrValue, g.Min)}
		}
		if i > 0 && g.Min.Cmp(gs[i-1].Min) >= 0 {
			return &DefinitionError{Key: key, Err: fmt.Errorf("%w: grades go from the highest down; %s is not below %s", ErrValue, g.Min, gs[i-1].Min)}
		}
	}
	return nil
}

// blockNames are the scoring blocks in the order they are named in
// messages.
var blockNames = []string{"deduct", "bands", "states", "checklist", "violations", "judged"}

func (it *Item) blocks() []string {
	var b []string
	if it.Deduct != nil {
		b = append(b, "deduct")
	}
	if it.Bands != nil {
		b = append(b, "bands")
	}
	if it.States != nil {
		b = append(b, "states")
	}
	if it.Checklist != nil {
		b = append(b, "checklist")
	}
	if it.Violations != nil {
		b = append(b, "violations")
	}
	if it.Judged {
		b = append(b, "judged")
	}
	return b
}

func compile(it *Item, key string) (compiled, error) {
	fail := func(sub string, format string, args ...any) (compiled, error) {
		k := key
		if sub != "" {
			k += "." + sub
		}
		return compiled{}, &DefinitionError{Key: k, Err: fmt.Errorf(format, args...)}
	}
	c := compiled{item: it, key: it.Key()}
	if len(it.Path) == 0 {
		return fail("path", "%w: an item needs a path such as [投入, 预算配置, 在职人员控制率]", ErrValue)
	}
	if len(it.Path) > MaxPathSegments {
		return fail("path", "%w: more than %d levels", ErrTooLarge, MaxPathSegments)
	}
	for j, p := range it.Path {
		sub := fmt.Sprintf("path[%d]", j)
		if strings.TrimSpace(p) == "" {
			return fail(sub, "%w: an empty level", ErrValue)
		}
		if strings.Contains(p, "/") {
			return fail(sub, "%w: %s has a /, which separates the levels of an item's key", ErrValue, quote(p))
		}
		if err := checkLine(p, maxNameRunes); err != nil {
			return fail(sub, "%w", err)
		}
	}
	if err := checkText(it.Standard); err != nil {
		return fail("standard", "%w", err)
	}
	if it.Weight.IsNegative() {
		return fail("weight", "%w: weight %s", ErrNegative, it.Weight)
	}
	if it.Weight.Cmp(decimal.NewFromInt(maxWeight)) > 0 {
		return fail("weight", "%w: weight %s is above %d", ErrValue, it.Weight, maxWeight)
	}
	blocks := it.blocks()
	if it.Absent {
		if len(blocks) > 0 {
			return fail(blocks[0], "%w: an absent item is not scored, so it has no %s", ErrBlocks, blocks[0])
		}
		if it.Measure != (Measure{}) {
			return fail("measure", "%w: an absent item is not scored, so it has no measure", ErrBlocks)
		}
		if it.WhenUndefined != UnscoredWhenUndefined {
			return fail("when_undefined", "%w: an absent item is not scored", ErrValue)
		}
		return c, nil
	}
	if !it.Weight.IsPositive() {
		return fail("weight", "%w: an item needs a positive weight (absent: true for a row whose points are not shown)", ErrValue)
	}
	switch len(blocks) {
	case 0:
		return fail("", "%w: one of %s, or absent: true", ErrBlocks, strings.Join(blockNames, ", "))
	case 1:
	default:
		return fail(blocks[1], "%w: the item has both %s and %s", ErrBlocks, blocks[0], blocks[1])
	}
	if it.WhenUndefined != UnscoredWhenUndefined && it.WhenUndefined != FullWhenUndefined {
		return fail("when_undefined", "%w: Undefined(%d)", ErrValue, it.WhenUndefined)
	}
	usesMeasure := it.Deduct != nil || it.Bands != nil
	switch {
	case usesMeasure && it.Measure.Name == "":
		return fail("measure", "%w: %s scores a measure; name one", ErrValue, blocks[0])
	case usesMeasure:
		if err := it.Measure.check(); err != nil {
			sub := "measure"
			if it.Measure.Basis != "" && measureByName[it.Measure.Name] != nil {
				sub = "measure.basis"
			}
			return fail(sub, "%w", err)
		}
	case it.Measure != (Measure{}):
		return fail("measure", "%w: %s does not score a measure", ErrValue, blocks[0])
	}
	w := it.Weight
	switch {
	case it.Deduct != nil:
		d := it.Deduct
		if (d.Above == nil) == (d.Below == nil) {
			return fail("deduct", "%w: a deduction needs exactly one of above and below", ErrValue)
		}
		std, sub := d.Above, "deduct.above"
		if std == nil {
			std, sub = d.Below, "deduct.below"
		}
		var err error
		if c.std, err = percentOf(*std); err != nil {
			return fail(sub, "%w", err)
		}
		if c.step, err = percentOf(d.Step); err != nil {
			return fail("deduct.step", "%w", err)
		}
		if !c.step.IsPositive() {
			return fail("deduct.step", "%w: a step must be above 0%%", ErrValue)
		}
		if err := checkPoints(d.Points, w, true); err != nil {
			return fail("deduct.points", "%w", err)
		}
	case it.Bands != nil:
		if len(it.Bands) == 0 {
			return fail("bands", "%w: no bands", ErrValue)
		}
		if len(it.Bands) > MaxBands {
			return fail("bands", "%w: more than %d bands", ErrTooLarge, MaxBands)
		}
		c.bands = make([]bandRange, len(it.Bands))
		for j, b := range it.Bands {
			sub := fmt.Sprintf("bands[%d]", j)
			br, field, err := bandOf(b)
			if err != nil {
				if field != "" {
					sub += "." + field
				}
				return fail(sub, "%w", err)
			}
			if err := checkPoints(b.Score, w, false); err != nil {
				return fail(sub+".score", "%w", err)
			}
			c.bands[j] = br
		}
		if j, k, err := checkCoverage(c.bands); err != nil {
			return fail(fmt.Sprintf("bands[%d]", j), "%w: bands[%d] and bands[%d] %s", errKind(err), k, j, err.Error())
		}
	case it.States != nil:
		if len(it.States) == 0 {
			return fail("states", "%w: no states", ErrValue)
		}
		if len(it.States) > MaxStates {
			return fail("states", "%w: more than %d states", ErrTooLarge, MaxStates)
		}
		c.states = make([]stateRule, len(it.States))
		for j, s := range it.States {
			sub := fmt.Sprintf("states[%d]", j)
			if err := checkPoints(s.Score, w, false); err != nil {
				return fail(sub+".score", "%w", err)
			}
			if strings.TrimSpace(s.When) == "" {
				if j != len(it.States)-1 {
					return fail(sub, "%w: a state without a condition holds always, so it must come last", ErrValue)
				}
				c.states[j] = stateRule{score: s.Score}
				continue
			}
			cond, err := parseCondition(s.When)
			if err != nil {
				return fail(sub+".when", "%w", err)
			}
			c.states[j] = stateRule{cond: cond, score: s.Score}
		}
	case it.Checklist != nil:
		if err := checkPoints(it.Checklist.PointsEach, w, true); err != nil {
			return fail("checklist.points_each", "%w", err)
		}
	case it.Violations != nil:
		if err := checkPoints(it.Violations.PointsEach, w, true); err != nil {
			return fail("violations.points_each", "%w", err)
		}
	}
	return c, nil
}

// checkPoints checks a score or a number of points against the weight.
func checkPoints(p, weight decimal.Decimal, positive bool) error {
	switch {
	case p.IsNegative():
		return fmt.Errorf("%w: %s points", ErrNegative, p)
	case positive && p.IsZero():
		return fmt.Errorf("%w: 0 points", ErrValue)
	case p.Cmp(weight) > 0:
		return fmt.Errorf("%w: %s points, the weight is %s", ErrAboveWeight, p, weight)
	}
	return nil
}

// percentOf returns a rate in percent, exactly. A rate built in Go code
// may be a fraction such as 1/3 that has no exact decimal; such a
// threshold is refused rather than rounded.
func percentOf(r budget.Rate) (decimal.Decimal, error) {
	p := r.Percent(budget.MaxDecimalPlaces + 2)
	if !budget.RateFromDecimal(p.Shift(-2)).Equal(r) {
		return decimal.Decimal{}, fmt.Errorf("%w: %s%% has no exact decimal", ErrValue, p)
	}
	return p, nil
}

// bandOf reads a band's ends; field names the offending end on error.
func bandOf(b Band) (bandRange, string, error) {
	br := bandRange{score: b.Score}
	set := func(r *budget.Rate, field string, dst *bound, closed bool) error {
		if r == nil {
			return nil
		}
		p, err := percentOf(*r)
		if err != nil {
			return err
		}
		*dst = bound{v: p, set: true, closed: closed}
		return nil
	}
	if b.Equal != nil {
		for _, other := range []struct {
			r    *budget.Rate
			name string
		}{{b.Above, "above"}, {b.From, "from"}, {b.Upto, "upto"}, {b.Below, "below"}} {
			if other.r != nil {
				return br, other.name, fmt.Errorf("%w: a band is equal to one value or has ends, not both", ErrValue)
			}
		}
		if err := set(b.Equal, "equal", &br.lo, true); err != nil {
			return br, "equal", err
		}
		br.hi = br.lo
		return br, "", nil
	}
	if b.Above != nil && b.From != nil {
		return br, "from", fmt.Errorf("%w: a band has one lower end, above or from", ErrValue)
	}
	if b.Upto != nil && b.Below != nil {
		return br, "below", fmt.Errorf("%w: a band has one upper end, upto or below", ErrValue)
	}
	for _, e := range []struct {
		r      *budget.Rate
		name   string
		dst    *bound
		closed bool
	}{{b.Above, "above", &br.lo, false}, {b.From, "from", &br.lo, true}, {b.Upto, "upto", &br.hi, true}, {b.Below, "below", &br.hi, false}} {
		if err := set(e.r, e.name, e.dst, e.closed); err != nil {
			return br, e.name, err
		}
	}
	if !br.lo.set && !br.hi.set {
		return br, "", fmt.Errorf("%w: a band needs an end: equal, above, from, upto or below", ErrValue)
	}
	if br.lo.set && br.hi.set {
		switch c := br.lo.v.Cmp(br.hi.v); {
		case c > 0, c == 0 && !(br.lo.closed && br.hi.closed):
			return br, "", fmt.Errorf("%w: the band holds no value", ErrValue)
		}
	}
	return br, "", nil
}

// contains reports whether the band holds v.
func (b bandRange) contains(v decimal.Decimal) bool {
	if b.lo.set {
		if c := exact.Cmp(v, b.lo.v); c < 0 || c == 0 && !b.lo.closed {
			return false
		}
	}
	if b.hi.set {
		if c := exact.Cmp(v, b.hi.v); c > 0 || c == 0 && !b.hi.closed {
			return false
		}
	}
	return true
}

// coverageError is an overlap or a gap between two bands.
type coverageError struct {
	kind error
	msg  string
}

func (e *coverageError) Error() string { return e.msg }

func errKind(err error) error { return err.(*coverageError).kind }

// checkCoverage refuses bands that overlap and bands that leave a gap
// inside the range they cover together. Values outside that range are
// allowed to fall through (the item is then unscored), but a rubric that
// scores 0–10% and 20–30% and says nothing of 15% is a slip of its
// author. It returns the later band of the two at fault, then the
// earlier.
func checkCoverage(bs []bandRange) (int, int, error) {
	order := make([]int, len(bs))
	for i := range order {
		order[i] = i
	}
	// By lower end: no end first, then by value, a closed end before an
	// open one at the same value.
	slices.SortStableFunc(order, func(a, b int) int { return cmpLower(bs[a].lo, bs[b].lo) })
	later := func(a, b int) (int, int) {
		if a > b {
			return a, b
		}
		return b, a
	}
	for n := 1; n < len(order); n++ {
		prev, cur := bs[order[n-1]], bs[order[n]]
		i, j := later(order[n-1], order[n])
		// prev runs on without end, or past cur's lower end: overlap.
		if !prev.hi.set || !cur.lo.set {
			return i, j, &coverageError{ErrOverlap, "both hold " + describeOverlap(prev, cur)}
		}
		switch c := prev.hi.v.Cmp(cur.lo.v); {
		case c > 0, c == 0 && prev.hi.closed && cur.lo.closed:
			return i, j, &coverageError{ErrOverlap, "both hold " + pct(cur.lo.v)}
		case c < 0:
			return i, j, &coverageError{ErrGap, "leave the values between " + pct(prev.hi.v) + " and " + pct(cur.lo.v) + " to no band"}
		case !prev.hi.closed && !cur.lo.closed:
			return i, j, &coverageError{ErrGap, "leave " + pct(cur.lo.v) + " to no band"}
		}
	}
	return 0, 0, nil
}

func describeOverlap(a, b bandRange) string {
	if b.lo.set {
		return pct(b.lo.v)
	}
	if a.lo.set {
		return pct(a.lo.v)
	}
	return "the values below " + pct(a.hi.v)
}

func cmpLower(a, b bound) int {
	switch {
	case !a.set && !b.set:
		return 0
	case !a.set:
		return -1
	case !b.set:
		return 1
	}
	if c := a.v.Cmp(b.v); c != 0 {
		return c
	}
	switch {
	case a.closed == b.closed:
		return 0
	case a.closed:
		return -1
	}
	return 1
}

// clone copies a definition deeply, so that a Rubric shares nothing its
// caller can change.
func (d Definition) clone() Definition {
	d.Sources = slices.Clone(d.Sources)
	d.Grades = slices.Clone(d.Grades)
	items := make([]Item, len(d.Items))
	for i, it := range d.Items {
		items[i] = it.clone()
	}
	if d.Items == nil {
		items = nil
	}
	d.Items = items
	return d
}

func (it Item) clone() Item {
	it.Path = slices.Clone(it.Path)
	if it.Deduct != nil {
		d := *it.Deduct
		d.Above, d.Below = cloneRate(d.Above), cloneRate(d.Below)
		it.Deduct = &d
	}
	if it.Bands != nil {
		bs := make([]Band, len(it.Bands))
		for i, b := range it.Bands {
			bs[i] = Band{Equal: cloneRate(b.Equal), Above: cloneRate(b.Above), From: cloneRate(b.From),
				Upto: cloneRate(b.Upto), Below: cloneRate(b.Below), Score: b.Score}
		}
		it.Bands = bs
	}
	it.States = slices.Clone(it.States)
	if it.Checklist != nil {
		c := *it.Checklist
		it.Checklist = &c
	}
	if it.Violations != nil {
		v := *it.Violations
		it.Violations = &v
	}
	return it
}

func cloneRate(r *budget.Rate) *budget.Rate {
	if r == nil {
		return nil
	}
	c := *r
	return &c
}

// Name returns the rubric's name: what a form's rubric: key names.
func (r Rubric) Name() string { return r.def.Name }

// Title returns the rubric's published title.
func (r Rubric) Title() string { return r.def.Title }

// Sources returns where the rubric was published.
func (r Rubric) Sources() []string { return slices.Clone(r.def.Sources) }

// Grades returns the rubric's grades from the highest.
func (r Rubric) Grades() []Grade { return slices.Clone(r.def.Grades) }

// Items returns a copy of the rubric's items, in order.
func (r Rubric) Items() []Item {
	out := make([]Item, len(r.def.Items))
	for i, it := range r.def.Items {
		out[i] = it.clone()
	}
	return out
}

// Item returns a copy of the item with the key path
// ("投入/预算配置/在职人员控制率").
func (r Rubric) Item(key string) (Item, bool) {
	for _, c := range r.items {
		if c.key == key {
			return c.item.clone(), true
		}
	}
	return Item{}, false
}

// Definition returns a copy of the definition the rubric was built from,
// with its grades filled in; New of it gives an equal rubric.
func (r Rubric) Definition() Definition { return r.def.clone() }

// Weight returns the sum of the weights of the items that are scored
// (absent items aside): 100 for a whole rubric.
func (r Rubric) Weight() decimal.Decimal {
	w := decimal.Zero
	for _, c := range r.items {
		if !c.item.Absent {
			w = w.Add(c.item.Weight)
		}
	}
	return w
}

// grade returns the grade of a total.
func (r Rubric) grade(total decimal.Decimal) string {
	for _, g := range r.def.Grades {
		if total.Cmp(g.Min) >= 0 {
			return g.Name
		}
	}
	return "差"
}
