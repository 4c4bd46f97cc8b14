package rules

import "github.com/perfeval/perfeval/evaluation"

// catalogue is every rule of SPEC §5 in the order reports list them. The
// rules are immutable values; Sets refer to them.
func catalogue() []Rule {
	return []Rule{
		fundsAdjustment,
		fundsCompletionRate,
		fundsAdjustmentRate,
		fundsSources,
		fundsNegative,
		fundsOverspend,
		fundsLowExecution,
		fundsLargeAdjustment,
		tasksFundsTotal,
		tasksNoIndicators,
		keyProjectsMissing,
		keyProjectsThreshold,
		indicatorsNoTarget,
		indicatorsUnparsed,
		indicatorsUnitMismatch,
		indicatorsNotMet,
		indicatorsOverachieved,
		indicatorsDeviationMissing,
		indicatorsDimensions,
		scoreBudget,
		scoreIndicator,
		scoreEstimated,
		scoreTotal,
		scoreGrade,
		scoreWeights,
		narrativeMismatch,
		textMissing,
		textPlaceholder,
		declarationFundsBalance,
		declarationDimensions,
		declarationCostIndicator,
		declarationCostDirection,
		declarationPeriod,
		declarationDeadlineOutside,
		declarationNotMeasurable,
		declarationPercentRange,
		declarationAttribute,
		monitoringExecutionRate,
		monitoringBehindSchedule,
		monitoringExplanationMissing,
		monitoringForecastShort,
		traceIndicatorMissing,
		traceIndicatorAdded,
		traceTargetChanged,
		traceWeightChanged,
		traceBudgetChanged,
		traceDuplicate,
	}
}

// Catalogue returns every rule of the catalogue, key-project rules
// included, in report order.
func Catalogue() []Rule { return catalogue() }

// Profile names.
const (
	National      = "national"
	Guangzhou2021 = "guangzhou-2021"
)

// NationalProfile returns the national profile: the catalogue with its
// defaults, without the key-project rules (a Guangzhou requirement).
func NationalProfile() Set {
	var rs []Rule
	for _, r := range catalogue() {
		if !isKeyProjectRule(r) {
			rs = append(rs, r)
		}
	}
	return Set{name: National, scheme: mof2020()}.MustWith(rs...)
}

// Guangzhou2021Profile returns the guangzhou-2021 profile: the national
// profile plus the key-project rules of the Guangzhou form's note, with
// key_project_threshold = 500 万元.
func Guangzhou2021Profile() Set {
	return Set{name: Guangzhou2021, scheme: mof2020()}.MustWith(catalogue()...)
}

func isKeyProjectRule(r Rule) bool {
	id := r.Info().ID
	return len(id) > len("key-projects.") && id[:len("key-projects.")] == "key-projects."
}

// Profiles lists the names of the built-in profiles.
func Profiles() []string { return []string{National, Guangzhou2021} }

// Profile returns the named built-in profile.
func Profile(name string) (Set, error) {
	switch name {
	case National:
		return NationalProfile(), nil
	case Guangzhou2021:
		return Guangzhou2021Profile(), nil
	}
	return Set{}, &UnknownProfileError{Name: name}
}

// UnknownProfileError is returned for a profile name that is not built in.
type UnknownProfileError struct{ Name string }

func (e *UnknownProfileError) Error() string {
	return "rules: unknown profile " + quote(e.Name) + " (want national or guangzhou-2021)" + suggest(e.Name, Profiles())
}

func quote(s string) string { return "\"" + s + "\"" }

var _ evaluation.Checker = Set{}

// mof2020 is the profiles' scheme, built once with the set rather than on
// every form it scores.
func mof2020() *evaluation.Scheme {
	sc := evaluation.MOF2020()
	return &sc
}
