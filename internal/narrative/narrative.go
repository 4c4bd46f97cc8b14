package narrative

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Section is one narrative text of a form.
type Section struct {
	Path string // key path of the cell, e.g. "overall", "tasks[1].achieved", "key_projects[0].summary", "goals.achieved"
	Text string
}

// Claim is an indicator's figure as the table states it.
type Claim struct {
	Path  string          // names the claim: the key path of the indicator's row or actual cell, e.g. "tasks[1].indicators[3]"
	Name  string          // the indicator's name (关键指标 / 三级指标), e.g. "来穗人员子女入学人数"
	Value decimal.Decimal // the number stated
	Unit  string          // normalized unit: "%", "人", "人次", "次", "个", "起", "万元", … ("" for none)
}

// Mismatch is a narrative clause that states a different figure for the claim's subject.
type Mismatch struct {
	Claim   Claim
	Section string          // Path of the section
	Index   int             // index of the section in those given
	Clause  string          // the clause of the narrative that states the figure (trimmed, for the message)
	Value   decimal.Decimal // the number the narrative states
	Unit    string
	Text    string // the figure as written in the narrative, e.g. "2432人"
}

// Input limits. They bound the work Find does whatever it is given.
const (
	// MaxSectionBytes is the longest section text Find reads; longer
	// sections are skipped (no narrative cell of a real form comes near).
	MaxSectionBytes = 64 << 10
	// MaxClaims is the number of claims Find considers; later ones are
	// ignored.
	MaxClaims = 4096
	// maxNameBytes: a claim whose name is longer is ignored.
	maxNameBytes = 1 << 10
)

// Find returns every mismatch, in section order then clause order; nil if
// none. Not told the form's year, it takes the latest year the sections
// name as the year of the indicators. Pure, safe for concurrent use.
func Find(sections []Section, claims []Claim) []Mismatch { return FindForYear(0, sections, claims) }

// FindForYear is Find for a form of the given year (被评价年度): a figure
// next to any other year ("2021年教师培训1000人次" on a 2022 form) is about
// another year and is never compared. A year of 0 means unknown, as Find.
func FindForYear(year int, sections []Section, claims []Claim) []Mismatch {
	if len(sections) == 0 || len(claims) == 0 {
		return nil
	}
	if len(claims) > MaxClaims {
		claims = claims[:MaxClaims]
	}
	sc := pool.Get().(*scratch)
	defer sc.release()
	// Size the arenas so that the claims' slices never move.
	total := 0
	for i := range claims {
		if len(claims[i].Name) <= maxNameBytes {
			total += len(claims[i].Name)
		}
	}
	sc.runes = slices.Grow(sc.runes[:0], total)
	sc.pairs = slices.Grow(sc.pairs[:0], total)
	sc.claims = sc.claims[:0]
	for i := range claims {
		if ci, ok := sc.prepareClaim(&claims[i]); ok {
			sc.claims = append(sc.claims, ci)
		}
	}
	if len(sc.claims) == 0 {
		return nil
	}
	sc.index()
	sc.year, sc.formYear = latestYear(sections), year
	var out []Mismatch
	for i, s := range sections {
		if len(s.Text) == 0 || len(s.Text) > MaxSectionBytes {
			continue
		}
		out = sc.section(out, i, s, sc.claims)
	}
	return out
}
