package rules

import (
	"strconv"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/internal/safetext"
	suggestpkg "github.com/perfeval/perfeval/internal/suggest"
)

// catalogue is every rule of the catalogue (docs/rules.md), in the order
// `perfeval rules` lists them. The rules are immutable values; Sets refer
// to them.
func catalogue() []Rule {
	return []Rule{
		fundsAdjustment,
		fundsCompletionRate,
		fundsAdjustmentRate,
		fundsSources,
		fundsSourcesShort,
		fundsTitleAmount,
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
		scoreUnscored,
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
		rubricScore,
		rubricTotal,
		rubricWeights,
		rubricUnscored,
	}
}

// Catalogue returns every rule of the catalogue, key-project rules
// included, in report order.
func Catalogue() []Rule { return catalogue() }

// The names of the built-in profiles, as a form's profile: key, the
// command's -profile flag and a rules file's extends: write them. This
// package is the one place they are spelled.
const (
	// National is the Ministry of Finance's catalogue with its defaults,
	// without the key-project rules.
	National = "national"
	// Guangzhou2021 is National plus Guangzhou's key-project rules.
	Guangzhou2021 = "guangzhou-2021"
)

// NationalProfile returns the national profile: the catalogue with its
// defaults, without the key-project rules (a Guangzhou requirement).
func NationalProfile() Set { return nationalProfile }

// Guangzhou2021Profile returns the guangzhou-2021 profile: the national
// profile plus the key-project rules of the Guangzhou form's note, with
// key_project_threshold = 500 万元.
func Guangzhou2021Profile() Set { return guangzhou2021Profile }

// The built-in profiles are built once: a Set is an immutable value, so
// every caller may share them.
var (
	nationalProfile      = buildNational()
	guangzhou2021Profile = Set{name: Guangzhou2021, scheme: mof2020()}.MustWith(catalogue()...)
)

func buildNational() Set {
	var rs []Rule
	for _, r := range catalogue() {
		if !isKeyProjectRule(r) {
			rs = append(rs, r)
		}
	}
	return Set{name: National, scheme: mof2020()}.MustWith(rs...)
}

func isKeyProjectRule(r Rule) bool { return strings.HasPrefix(r.Info().ID, "key-projects.") }

// Profiles lists the names of the built-in profiles.
func Profiles() []string { return []string{National, Guangzhou2021} }

// Profile returns the named built-in profile, or an *UnknownProfileError.
func Profile(name string) (Set, error) {
	switch name {
	case National:
		return nationalProfile, nil
	case Guangzhou2021:
		return guangzhou2021Profile, nil
	}
	return Set{}, &UnknownProfileError{Name: name}
}

// ForForm returns the rule set a form is filed under: the built-in
// profile its profile: key names, or National when it names none. A name
// that is not built in is an *UnknownProfileError, whose KeyPath is
// "profile". A service that knows profiles of its own resolves them
// first and falls back to ForForm.
func ForForm(f evaluation.Form) (Set, error) {
	if f == nil {
		return nationalProfile, nil
	}
	name := f.Header().Profile
	if name == "" {
		return nationalProfile, nil
	}
	return Profile(name)
}

// UnknownProfileError is returned for a profile name that is not built in.
type UnknownProfileError struct{ Name string }

func (e *UnknownProfileError) Error() string {
	return "rules: unknown profile " + safetext.Quote(e.Name) + " (want national or guangzhou-2021)" + suggest(e.Name, Profiles())
}

// Message returns what is wrong in lang, for a reader: the name, quoted
// by a short prefix with its control characters made visible, and the
// names that exist.
func (e *UnknownProfileError) Message(lang evaluation.Lang) string {
	hint := ""
	if best, ok := suggestpkg.Closest(e.Name, Profiles()); ok {
		hint = best
	}
	if lang == evaluation.English {
		s := "unknown profile " + safetext.Quote(e.Name) + "; want national or guangzhou-2021"
		if hint != "" {
			s += "; did you mean " + strconv.Quote(hint) + "?"
		}
		return s
	}
	s := "规则配置 " + safetext.Quote(e.Name) + " 不存在；应为 national 或 guangzhou-2021"
	if hint != "" {
		s += "；是否应为 " + strconv.Quote(hint) + "？"
	}
	return s
}

// KeyPath is the key of a form file the error is about: "profile".
func (e *UnknownProfileError) KeyPath() string { return "profile" }

var _ evaluation.Checker = Set{}

// mof2020 is the profiles' scheme, built once with the set rather than on
// every form it scores.
func mof2020() *evaluation.Scheme {
	sc := evaluation.MOF2020()
	return &sc
}
