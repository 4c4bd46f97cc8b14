package indicator

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/internal/units"
)

// Units.
//
// A unit is whatever follows the number. In a cell that holds nothing but
// the quantity ("20台套", "5 kWh") any short word is accepted as the unit.
// In running text the unit must be one of knownUnits (a classifier, 量词,
// or a measure), matched longest first, so "帮助3057名来穗人员" yields
// 3057名 and not 3057名来穗人员.
//
// A unit may carry a scale prefix (万, 亿, 千, 百万, 千万): 万元, 亿元,
// 万人次, 千米. Assess converts scaled units exactly by moving the decimal
// point, so 1.5亿元 against ≥15000万元 compares 150000000 with 150000000
// 元. (This covers budget.Unit's 元/万元/亿元 and any other counted unit.)

var knownUnits = sortedLongestFirst(units.Known())

// scales are the multiplier prefixes of a unit, with their power of ten,
// longest first.
var scales = units.Scales()

// normUnit is the spelling Value.Unit reports for a written unit:
// 百分比 is %, 个百分点 百分点 (but 公里 stays as written).
func normUnit(u string) string {
	if a, ok := units.Alias(u); ok && !scaled(a) {
		return a
	}
	return u
}

// scaled reports whether a unit begins with a scale prefix (千米).
func scaled(u string) bool {
	for _, sc := range scales {
		if strings.HasPrefix(u, sc.Prefix) {
			return true
		}
	}
	return false
}

// unitsByRune indexes knownUnits by their first rune, so matching a unit
// in running text tries a handful of candidates rather than all of them.
var unitsByRune = func() map[rune][]string {
	m := make(map[rune][]string)
	for _, u := range knownUnits { // longest first, and so stays each list
		r, _ := utf8.DecodeRuneInString(u)
		m[r] = append(m[r], u)
	}
	return m
}()

// knownUnit returns the longest known unit s starts with, or "".
func knownUnit(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	for _, u := range unitsByRune[r] {
		if strings.HasPrefix(s, u) {
			return u
		}
	}
	return ""
}

func sortedLongestFirst(list []string) []string {
	out := slices.Clone(list)
	slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return slices.Compact(out)
}

// matchUnit returns the unit at the start of s in running text: an
// optional scale (with 余/多 after it: 1万余人次) and a known unit, or a
// scale alone. It returns the unit as written (without 余/多) and the
// bytes consumed; ("", 0) if none.
func matchUnit(s string) (string, int) {
	if u := knownUnit(s); u != "" {
		return u, len(u)
	}
	for _, sc := range scales {
		if !strings.HasPrefix(s, sc.Prefix) {
			continue
		}
		n := len(sc.Prefix)
		approx, rest := cutAny(s[n:], approximators)
		if u := knownUnit(rest); u != "" {
			return sc.Prefix + u, n + len(approx) + len(u)
		}
		return sc.Prefix, n + len(approx)
	}
	return "", 0
}

// approximators follow a number or a scale without changing it: 30余场次,
// 1万余人次, 3000多人. The quantity is read as the number written.
var approximators = []string{"余", "多"}

// cellUnit checks that u, the rest of a cell after its number and any
// trailing operator, is a unit; lenient accepts any short word (the cell
// is nothing but a quantity), otherwise only a known unit. It returns
// the unit as written, without 余/多.
func cellUnit(u string, lenient bool) (string, bool) {
	_, u = cutAny(u, approximators)
	if u == "" {
		return "", true
	}
	m, n := matchUnit(u)
	switch {
	case n == len(u):
		return m, true
	case !lenient || utf8.RuneCountInString(u) > 8:
		return "", false
	case n > 0 && !strings.HasPrefix(u[n:], "/"):
		// 3起案件: a known unit and more words is text stating 3起, not
		// a unit "起案件"; 100元/人 is a unit.
		return "", false
	}
	for _, r := range u {
		if !(isHan(r) || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '/' || r == '·' || r == '²' || r == '³' || r == '℃') {
			return "", false
		}
	}
	return u, true
}

// splitScale reads a unit as a power of ten and a base: 万元 is (4, 元),
// 千米 (3, 米), 万 (4, ""), 人次 (0, 人次).
func splitScale(u string) (int32, string) {
	if a, ok := units.Alias(u); ok {
		u = a
	}
	for _, sc := range scales {
		if rest, ok := strings.CutPrefix(u, sc.Prefix); ok {
			return sc.Exp, rest
		}
	}
	return 0, u
}

func scalePrefix(exp int32) string {
	for _, sc := range scales {
		if sc.Exp == exp {
			return sc.Prefix
		}
	}
	return ""
}

// unify expresses a target t in unit tu and an actual a in unit au in one
// unit, the finer of the two, and returns that unit. A bare number takes
// the other side's unit ("50" against "≥50个"). ok is false when
// the units measure different things.
func unify(t decimal.Decimal, tu string, a decimal.Decimal, au string) (decimal.Decimal, decimal.Decimal, string, bool) {
	switch {
	case tu == au:
		return t, a, tu, true
	case tu == "":
		return t, a, au, true
	case au == "":
		return t, a, tu, true
	}
	te, tb := splitScale(tu)
	ae, ab := splitScale(au)
	switch {
	case tb == ab, tb == "", ab == "":
	case units.Class(tb) != "" && units.Class(tb) == units.Class(ab):
	default:
		return t, a, "", false
	}
	base := tb
	if base == "" {
		base = ab
	}
	e := min(te, ae)
	return t.Shift(te - e), a.Shift(ae - e), scalePrefix(e) + base, true
}
