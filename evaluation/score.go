package evaluation

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/exact"
)

// Scheme is a scoring method: the weights of the budget-execution row and
// of each level-one dimension, the qualitative bands, the grade cut-offs,
// the rounding of scores and the tolerance for printed scores. It is a
// value, like apd's Context: another jurisdiction builds its own without
// forking the library (see ExampleScheme). Treat a Scheme as immutable
// once built; MOF2020 returns a fresh one each call.
type Scheme struct {
	Name string // "mof-2020"
	// BudgetWeight is 分值 of the budget-execution row (预算执行率).
	BudgetWeight decimal.Decimal
	// Output, Effect and Satisfaction are the weights of 产出指标, 效益指标
	// and 满意度指标.
	Output, Effect, Satisfaction decimal.Decimal
	// Bands are the qualitative achievement bands.
	Bands indicator.Bands
	// Grades are the grade cut-offs, highest first: a total at or above Min
	// earns Name. The last should have Min 0.
	Grades []Grade
	// Places is the number of decimals each score is rounded to, half up.
	Places int32
	// Tolerance is how far, in points, a printed score may be from the
	// computed one (after rounding to the printed precision) and still
	// agree. Zero for none.
	Tolerance decimal.Decimal
}

// Grade is one grade of a scheme: a total at or above Min earns it.
type Grade struct {
	Name string // 优, 良, 中, 差
	Min  decimal.Decimal
}

// MOF2020 returns the scheme of 财预〔2020〕10号 (关于印发《项目支出绩效评价管理
// 办法》的通知): budget execution 10 points, 产出 50, 效益 30, 满意度 10;
// qualitative bands 达成 80–100%, 部分达成 60–80%, 未达成 0–60%; grades 优 ≥ 90,
// 良 ≥ 80, 中 ≥ 60, 差 below; scores rounded half up to 2 decimals.
func MOF2020() Scheme {
	n := decimal.NewFromInt
	return Scheme{
		Name:         "mof-2020",
		BudgetWeight: n(10),
		Output:       n(50),
		Effect:       n(30),
		Satisfaction: n(10),
		Bands:        indicator.MOF2020Bands(),
		Grades:       []Grade{{"优", n(90)}, {"良", n(80)}, {"中", n(60)}, {"差", n(0)}},
		Places:       2,
	}
}

// LevelWeight returns the scheme's weight of a level-one dimension.
func (s Scheme) LevelWeight(l indicator.Level) (decimal.Decimal, bool) {
	switch l {
	case indicator.Output:
		return s.Output, true
	case indicator.Effect:
		return s.Effect, true
	case indicator.Satisfaction:
		return s.Satisfaction, true
	}
	return decimal.Zero, false
}

// GradeOf returns the grade of a total.
func (s Scheme) GradeOf(total decimal.Decimal) string {
	for _, g := range s.Grades {
		if exact.Cmp(total, g.Min) >= 0 {
			return g.Name
		}
	}
	if len(s.Grades) > 0 {
		return s.Grades[len(s.Grades)-1].Name
	}
	return ""
}

// Agrees reports whether a printed score agrees with the exact computed
// one at the precision it was printed with ("9.3" is compared with the
// computed score rounded to one decimal), within the scheme's tolerance.
func (s Scheme) Agrees(computed budget.Points, printed decimal.Decimal) bool {
	return computed.Matches(printed, s.Tolerance)
}

// Schemer is implemented by a Checker that carries its scoring scheme, as
// rules.Set does. Evaluate scores with MOF2020 when the checker has none.
type Schemer interface {
	Scheme() Scheme
}

// The five kinds of score, from the whole form down to one row:
//
//	FormScore        a form's total, grade and rows
//	BudgetScore      the budget-execution row (预算执行率)
//	IndicatorScore   one indicator row, placed in the form
//	DimensionScore   the rows of one level-one dimension (产出, 效益, 满意度)
//	indicator.RowScore  what indicator.ScoreRow computes for a row

// FormScore is a form's score by a scheme. json.Marshal of a FormScore
// is the "score" object of the JSON report.
type FormScore struct {
	Scheme string
	Places int32 // decimals scores are rounded to
	// Total is the sum of the rounded scores (budget row and indicators).
	// When Complete is false it is the sum of the rows that could be
	// scored: a partial total.
	Total decimal.Decimal
	// Grade is the grade of Total; "" when the score is not Complete (a
	// partial total earns no grade).
	Grade string
	// Complete is false when a weighted row could not be scored (a
	// target or actual that cannot be read, a budget row with no
	// budget): its weight is then missing from Total.
	Complete bool
	// UnscoredWeight is the sum of the weights of the rows that could not
	// be scored; zero when Complete.
	UnscoredWeight decimal.Decimal
	// Budget is the budget-execution row; nil on a department form whose
	// layout has none.
	Budget *BudgetScore
	// PrintedTotal and PrintedGrade are 总分 and 评价等级 as the form
	// prints them; nil and "" when it does not.
	PrintedTotal *decimal.Decimal
	PrintedGrade string
	// Indicators are every indicator row, in form order, scored or not.
	Indicators []IndicatorScore
	// Dimensions are the level-one dimensions in scheme order, with the
	// weight and score of their rows (for charts and for rule
	// score.weights).
	Dimensions []DimensionScore
}

// BudgetScore is the budget-execution row's score (预算执行率 分值 / 得分).
type BudgetScore struct {
	// Weight is the row's 分值: as printed, else the scheme's.
	Weight decimal.Decimal
	// WeightPrinted is true when the form prints the row's 分值.
	WeightPrinted bool
	// Printed is the row's 得分 as printed; nil for none.
	Printed *decimal.Decimal
	// Exact is the unrounded score; Rounded is it rounded by the scheme.
	Exact   budget.Points
	Rounded decimal.Decimal
	// Defined is false when the execution rate is undefined (zero or
	// missing budget): the row then has no score, never 0.
	Defined bool
}

// IndicatorScore is one indicator row's score, placed in its form.
type IndicatorScore struct {
	Path   string // "indicators[0]"
	Name   string
	Level  indicator.Level
	Weight *decimal.Decimal // nil when the row has none
	// Row is the row's score; Row.Status is Unknown when unscored.
	Row indicator.RowScore
	// Rounded is the score rounded by the scheme; nil when unscored.
	Rounded *decimal.Decimal
	// Printed is the score printed on the form; nil for none.
	Printed *decimal.Decimal
	// Reason says why a weighted row is unscored: the assessment's
	// reason (no target, a cell that cannot be read, units that do not
	// compare); nil otherwise.
	Reason error
}

// Status returns the row's status as the JSON report names it: "met",
// "partly-met", "not-met" or "unscored".
func (s IndicatorScore) Status() string {
	if s.Rounded == nil {
		return "unscored"
	}
	return s.Row.Status.String()
}

// Unscored reports whether the row carries a weight it could not earn
// or lose: a weighted row that cannot be scored.
func (s IndicatorScore) Unscored() bool {
	return s.Weight != nil && s.Weight.IsPositive() && s.Rounded == nil
}

// DimensionScore sums the rows of one level-one dimension (一级指标).
type DimensionScore struct {
	Level  indicator.Level
	Weight decimal.Decimal // Σ row weights
	Score  decimal.Decimal // Σ rounded row scores
}

// scoreForm scores a form, or returns nil when there is nothing to score:
// a form none of whose indicators carries a weight (the Guangzhou
// department form has neither targets nor weights; a project form that
// prints no 分值) has no score rather than a total of 0 graded 差.
//
// A department form is scored like a project form where its layout
// scores (the national department layout: weighted 绩效指标 rows, and
// 分值/得分 beside 预算执行率): its completion rate stands for the
// execution rate. Its budget row is scored only where the form has
// top-level indicators or weighs the row, so weighted task indicators
// on the Guangzhou layout do not gain a row the form never had.
//
// A weighted row that cannot be scored leaves the score incomplete: its
// weight is counted in UnscoredWeight, the total is partial and has no
// grade.
func scoreForm(f Form, results []IndicatorResult, figures Figures, scheme Scheme) *FormScore {
	sc := &FormScore{Scheme: scheme.Name, Places: scheme.Places}
	weighted := false
	for _, r := range results {
		weighted = weighted || r.Indicator.Weight != nil
	}
	if !weighted {
		return nil
	}
	var (
		budgetRow    bool
		weight       *decimal.Decimal
		printedScore *decimal.Decimal
	)
	switch f := f.(type) {
	case *ProjectForm:
		budgetRow, weight, printedScore = true, f.Funds.Weight, f.Funds.Reported.Score
		sc.PrintedTotal, sc.PrintedGrade = f.Reported.TotalScore, f.Reported.Grade
	case *DepartmentForm:
		budgetRow = len(f.Indicators) > 0 || f.Funds.Weight != nil
		weight, printedScore = f.Funds.Weight, f.Funds.Reported.Score
		sc.PrintedTotal, sc.PrintedGrade = f.Reported.TotalScore, f.Reported.Grade
	}
	total, unscored := decimal.Zero, decimal.Zero
	if budgetRow {
		row := &BudgetScore{Weight: scheme.BudgetWeight, WeightPrinted: weight != nil, Printed: printedScore}
		if weight != nil {
			row.Weight = *weight
		}
		if rate := figures.Execution(); rate != nil {
			row.Exact = rate.Min(budget.One()).Times(row.Weight)
			row.Rounded = row.Exact.Round(scheme.Places)
			row.Defined = true
			total = exact.Add(total, row.Rounded)
		} else if row.Weight.IsPositive() {
			unscored = exact.Add(unscored, row.Weight)
		}
		sc.Budget = row
	}
	sc.Indicators = make([]IndicatorScore, 0, len(results))
	// The three level-one dimensions a scheme weighs, by Level.
	var levels [indicator.Satisfaction + 1]*DimensionScore
	for _, r := range results {
		level := r.Level
		is := IndicatorScore{Path: r.Path, Name: r.Indicator.Name, Level: level, Weight: r.Indicator.Weight, Printed: r.Indicator.Score}
		if r.Indicator.Weight != nil {
			is.Row = indicator.ScoreRow(r.Target, r.Assessment, *r.Indicator.Weight, r.Indicator.Score, scheme.Bands)
			if is.Row.Status != indicator.Unknown {
				rounded := is.Row.Value.Round(scheme.Places)
				is.Rounded = &rounded
				total = exact.Add(total, rounded)
			} else {
				is.Reason = r.Assessment.Reason
				if is.Unscored() {
					unscored = exact.Add(unscored, *is.Weight)
				}
			}
		}
		if _, known := scheme.LevelWeight(level); known {
			ls := levels[level]
			if ls == nil {
				ls = &DimensionScore{Level: level}
				levels[level] = ls
			}
			if is.Weight != nil {
				ls.Weight = exact.Add(ls.Weight, *is.Weight)
			}
			if is.Rounded != nil {
				ls.Score = exact.Add(ls.Score, *is.Rounded)
			}
		}
		sc.Indicators = append(sc.Indicators, is)
	}
	for _, l := range []indicator.Level{indicator.Output, indicator.Effect, indicator.Satisfaction} {
		if ls := levels[l]; ls != nil {
			sc.Dimensions = append(sc.Dimensions, *ls)
		}
	}
	sc.Total = total
	sc.UnscoredWeight = unscored
	sc.Complete = unscored.IsZero()
	if sc.Complete {
		sc.Grade = scheme.GradeOf(total)
	}
	sc.Indicators = slices.Clip(sc.Indicators)
	return sc
}
