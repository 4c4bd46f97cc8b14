package narrative

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Units.
//
// In running text a figure's unit must be one of knownUnits (a classifier,
// 量词, or a measure), matched longest first, optionally after a scale
// prefix (万, 亿, 千, 百万, 千万): 2432人, 1.2万人次, 620万元. A number
// with no known unit after it (2021年, 8+1, 12345热线) is not a figure.

var knownUnits = longestFirst([]string{
	"%", "‰", "个百分点", "百分点",
	"人次", "人", "名", "位", "户次", "户", "家",
	"个工作日", "工作日", "个月", "个", "项", "件", "份", "台套", "台", "套",
	"部", "辆", "艘", "架次", "架", "座", "所", "处", "间", "栋", "幢", "条",
	"篇", "册", "本", "张", "页", "期", "批", "场次", "场", "车次", "班次",
	"次", "轮", "起", "宗", "例", "单", "笔", "类", "种", "堂", "节", "课时",
	"学时", "小时", "分钟", "天", "周", "元", "平方公里", "平方米", "立方米",
	"公里", "千米", "米", "亩", "公顷", "吨", "公斤", "千克", "克", "株", "棵", "头", "只",
	"分", "倍", "趟", "班", "组", "支", "队", "床位", "床", "盏", "块", "门",
	"所学校", "个村", "村",
})

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

// scales are the multiplier prefixes of a unit, with their power of ten,
// longest first.
var scales = []struct {
	prefix []rune
	s      string
	exp    int32
}{{[]rune("百万"), "百万", 6}, {[]rune("千万"), "千万", 7}, {[]rune("亿"), "亿", 8}, {[]rune("万"), "万", 4}, {[]rune("千"), "千", 3}}

// aliases map spellings to the unit they mean.
var aliases = map[string]string{
	"公里":   "千米",
	"公斤":   "千克",
	"百分比":  "%",
	"个百分点": "百分点",
	"％":    "%",
	"﹪":    "%",
}

// classes group units that count the same thing (人 and 人次 compare as
// counts of people, as the file format says; 名 and 位 count people too). Occasions
// (次, 场, 场次) compare with each other but not with people.
var classes = map[string]string{
	"人": "人", "人次": "人", "名": "人", "位": "人",
	"次": "次", "场": "次", "场次": "次",
}

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
	for a := range aliases {
		add(a)
	}
	add("‰")
	return m
}()

// readUnit is parseUnit without the table.
func readUnit(u string) (unitKey, bool) {
	u = strings.TrimSpace(u)
	if a, ok := aliases[u]; ok {
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
				if a, ok := aliases[u]; ok {
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
	if c, ok := classes[u]; ok {
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
