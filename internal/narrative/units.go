package narrative

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/internal/units"
)

// Units.
//
// In running text a figure's unit must be one of knownUnits (a classifier,
// 量词, or a measure), matched longest first, optionally after a scale
// prefix (万, 亿, 千, 百万, 千万): 2432人, 1.2万人次, 620万元. A number
// with no known unit after it (2021年, 8+1, 12345热线) is not a figure.

var knownUnits = longestFirst(units.InText())

// unitIndex maps a unit's first rune to the units starting with it,
// longest first.
var unitIndex = func() *runeMap[unitWord] {
	m := new(runeMap[unitWord])
	for i, u := range knownUnits {
		r := []rune(u)
		m.add(r[0], unitWord{r, i})
	}
	return m
}()

type unitWord struct {
	r []rune
	i int // its index in knownUnits
}

// A unit as read after a number: its name as written (scale and base) and
// its key, made once for every scale and unit so that reading a figure
// builds no string.
type textUnit struct {
	s   string
	key unitKey
	ok  bool // parseUnit reads it
}

// textUnits[0][i] is knownUnits[i]; textUnits[1+k][i] is scales[k] then
// knownUnits[i].
var textUnits, percent, permille = func() ([][]textUnit, textUnit, textUnit) {
	make1 := func(s string) textUnit {
		k, ok := readUnit(s)
		return textUnit{s, k, ok}
	}
	t := make([][]textUnit, 1+len(scales))
	for k := range t {
		prefix := ""
		if k > 0 {
			prefix = scales[k-1].s
		}
		for _, u := range knownUnits {
			t[k] = append(t[k], make1(prefix+u))
		}
	}
	return t, make1("%"), make1("‰")
}()

// scale is a multiplier prefix of a unit (units.Scales), with its runes
// for matching in text.
type scale struct {
	prefix []rune
	s      string
	exp    int32
}

var scales = func() []scale {
	var out []scale
	for _, sc := range units.Scales() {
		out = append(out, scale{[]rune(sc.Prefix), sc.Prefix, sc.Exp})
	}
	return out
}()

func longestFirst(list []string) []string {
	out := append([]string(nil), list...)
	// insertion sort by rune length, stable; the list is short
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len([]rune(out[j])) > len([]rune(out[j-1])); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// matchUnitAt returns the index in knownUnits of the known unit at
// rs[i:] (without scale) and its length in runes; (0, 0) if none.
func matchUnitAt(rs []rune, i int) (int, int) {
	if i >= len(rs) {
		return 0, 0
	}
	for _, u := range unitIndex.get(rs[i]) {
		if hasPrefix(rs[i:], u.r) {
			return u.i, len(u.r)
		}
	}
	return 0, 0
}

// matchUnit reads the unit after a number at rs[i:]: an optional scale
// (with 余/多 after it: 1万余人次) and a known unit. It returns the unit
// (scale and base, without 余/多), the runes consumed (0 for none), and
// whether 余/多 was written.
func matchUnit(rs []rune, i int) (unit textUnit, n int, approx bool) {
	if i >= len(rs) {
		return textUnit{}, 0, false
	}
	switch rs[i] {
	case '%', '％', '﹪':
		return percent, 1, false
	case '‰':
		return permille, 1, false
	}
	if u, k := matchUnitAt(rs, i); k > 0 {
		return textUnits[0][u], k, false
	}
	switch rs[i] {
	case '百', '千', '亿', '万': // the first runes of scales
	default:
		return textUnit{}, 0, false
	}
	for si, sc := range scales {
		if !hasPrefix(rs[i:], sc.prefix) {
			continue
		}
		j := i + len(sc.prefix)
		if j < len(rs) && (rs[j] == '余' || rs[j] == '多') {
			j++
			approx = true
		}
		if u, k := matchUnitAt(rs, j); k > 0 {
			return textUnits[1+si][u], j + k - i, approx
		}
		return textUnit{}, 0, false // a bare scale (1.2万) states no unit
	}
	return textUnit{}, 0, false
}

// unitKey is a unit as a power of ten and a class: 万人次 is (4, 人),
// 名 (0, 人), 万元 (4, 元), 公里 (3, 米), % (0, %).
type unitKey struct {
	exp   int32
	class string
}

// parseUnit reads a unit, written in a claim or in the text. ok is false
// for "" and for a bare scale. The units a claim states are nearly always
// a known one, with or without a scale, looked up in a table made once.
func parseUnit(u string) (unitKey, bool) {
	if k, ok := unitKeys[u]; ok {
		return k.key, k.ok
	}
	return readUnit(u)
}

// unitKeys holds parseUnit's answer for every known unit, alone and after
// each scale, and for each alias.
var unitKeys = func() map[string]textUnit {
	m := make(map[string]textUnit)
	add := func(s string) {
		k, ok := readUnit(s)
		m[s] = textUnit{s, k, ok}
	}
	for _, u := range knownUnits {
		add(u)
		for _, sc := range scales {
			add(sc.s + u)
		}
	}
	for _, a := range units.Spellings() {
		add(a)
	}
	add("‰")
	return m
}()

// readUnit is parseUnit without the table.
func readUnit(u string) (unitKey, bool) {
	u = strings.TrimSpace(u)
	if a, ok := units.Alias(u); ok {
		u = a
	}
	if u == "" {
		return unitKey{}, false
	}
	var exp int32
	if _, known := lookupUnit(u); !known {
		for _, sc := range scales {
			if rest, ok := strings.CutPrefix(u, sc.s); ok && rest != "" {
				exp = sc.exp
				u = rest
				if a, ok := units.Alias(u); ok {
					u = a
				}
				break
			}
		}
	}
	if u == "千米" || u == "千克" { // aliases of 公里 and 公斤
		exp += 3
		u = u[len("千"):]
	}
	if c := units.Class(u); c != "" {
		u = c
	}
	if u == "" {
		return unitKey{}, false
	}
	return unitKey{exp: exp, class: u}, true
}

func lookupUnit(u string) (string, bool) {
	for _, k := range knownUnits {
		if k == u {
			return k, true
		}
	}
	return "", false
}

// places is the number of decimal places d was written with.
func places(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// compare expresses a (in unit ka) and the claim's number in their base
// unit, rounded half up to the coarser of the two precisions they were
// written with (a figure is checked at the precision it was printed
// with), and returns both; the units must be of one class.
func compare(a decimal.Decimal, ka unitKey, ci *claimInfo) (decimal.Decimal, decimal.Decimal, int32) {
	pa := places(a) - ka.exp
	pb := places(ci.c.Value) - ci.unit.exp
	p := min(pa, pb)
	x := a
	if ka.exp != 0 {
		x = a.Shift(ka.exp)
	}
	return x.Round(p), ci.base.Round(p), p
}

// slip reports whether two figures, rounded to precision p, look like a
// slip of the pen rather than two different quantities: the same number
// of digits, and either two digits swapped (2432 for 2423, 102 for 120)
// or one digit different with the numbers within 1% of each other (2812
// for 2811, but not 350 for 320).
func slip(x, y decimal.Decimal, p int32) bool {
	a := x.Shift(p).Abs().StringFixed(0)
	b := y.Shift(p).Abs().StringFixed(0)
	if len(a) != len(b) || a == b {
		return false
	}
	var diff []int
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if len(diff) == 2 {
				return false
			}
			diff = append(diff, i)
		}
	}
	if len(diff) == 2 {
		i, j := diff[0], diff[1]
		return a[i] == b[j] && a[j] == b[i]
	}
	// One digit: |x − y| ≤ 1% of the larger.
	d := x.Sub(y).Abs().Shift(2)
	return d.Cmp(decimal.Max(x.Abs(), y.Abs())) <= 0
}
