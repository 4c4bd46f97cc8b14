package indicator

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
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

var knownUnits = sortedLongestFirst([]string{
	"%", "‰", "百分比", "个百分点", "百分点",
	"人次", "人", "名", "位", "户次", "户", "家",
	"个工作日", "工作日", "个月", "个", "项", "件", "份", "台套", "台", "套",
	"部", "辆", "艘", "架次", "架", "座", "所", "处", "间", "栋", "幢", "条",
	"篇", "册", "本", "张", "页", "期", "批", "场次", "场", "车次", "班次",
	"次", "轮", "起", "宗", "例", "单", "笔", "类", "种", "堂", "节", "课时",
	"学时", "小时", "分钟", "天", "周", "元", "平方公里", "平方米", "立方米",
	"公里", "米", "亩", "公顷", "吨", "公斤", "克", "株", "棵", "头", "只",
	"分", "倍", "趟", "班", "组", "支", "队", "床位", "床", "盏", "块", "门",
	"字", "瓦时", "瓦", "度",
})

// scales are the multiplier prefixes of a unit, with their power of ten.
var scales = []struct {
	prefix string
	exp    int32
}{{"百万", 6}, {"千万", 7}, {"亿", 8}, {"万", 4}, {"千", 3}}

// unitAliases map spellings to the unit they mean, before scales are read.
var unitAliases = map[string]string{
	"公里": "千米",
	"公斤": "千克",
}

// countClass groups units that count the same thing, so they compare
// without conversion: 人 and 人次 compare as counts of people.
// Occasions (次, 场, 场次) compare with each other but not with people.
var countClass = map[string]string{
	"人": "人", "人次": "人", "名": "人", "位": "人",
	"次": "次", "场": "次", "场次": "次",
	"天": "天", "日": "天", // ≤15天 against 12日
}

// canonicalUnit maps written units to the spelling Value.Unit reports.
var canonicalUnit = map[string]string{
	"百分比":  "%",
	"个百分点": "百分点",
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
		if !strings.HasPrefix(s, sc.prefix) {
			continue
		}
		n := len(sc.prefix)
		approx, rest := cutAny(s[n:], approximators)
		if u := knownUnit(rest); u != "" {
			return sc.prefix + u, n + len(approx) + len(u)
		}
		return sc.prefix, n + len(approx)
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

// normUnit is the spelling Value.Unit reports for a written unit.
func normUnit(u string) string {
	if c, ok := canonicalUnit[u]; ok {
		return c
	}
	return u
}

// splitScale reads a unit as a power of ten and a base: 万元 is (4, 元),
// 千米 (3, 米), 万 (4, ""), 人次 (0, 人次).
func splitScale(u string) (int32, string) {
	if a, ok := unitAliases[u]; ok {
		u = a
	}
	for _, sc := range scales {
		if rest, ok := strings.CutPrefix(u, sc.prefix); ok {
			return sc.exp, rest
		}
	}
	return 0, u
}

func scalePrefix(exp int32) string {
	for _, sc := range scales {
		if sc.exp == exp {
			return sc.prefix
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
	case countClass[tb] != "" && countClass[tb] == countClass[ab]:
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
