// Package units is the one table of the units a performance indicator's
// figure is counted in: the classifiers (量词) and measures that may follow
// a number, the scale prefixes that multiply them, the spellings that mean
// the same unit, and the units that count the same thing. Package
// indicator reads a target or an actual with it, and the narrative scanner
// reads the figures of running text with it, so a unit one of them knows
// the other knows too. Each builds its own index from these lists once.
package units

import "slices"

// known lists the classifiers and measures, in no particular order.
var known = []string{
	"%", "‰", "百分比", "个百分点", "百分点",
	"人次", "人", "名", "位", "户次", "户", "家",
	"个工作日", "工作日", "个月", "个", "项", "件", "份", "台套", "台", "套",
	"部", "辆", "艘", "架次", "架", "座", "所", "处", "间", "栋", "幢", "条",
	"篇", "册", "本", "张", "页", "期", "批", "场次", "场", "车次", "班次",
	"次", "轮", "起", "宗", "例", "单", "笔", "类", "种", "堂", "节", "课时",
	"学时", "小时", "分钟", "天", "周", "元", "平方公里", "平方米", "立方米",
	"公里", "千米", "米", "亩", "公顷", "吨", "公斤", "千克", "克", "株", "棵", "头", "只",
	"分", "倍", "趟", "班", "组", "支", "队", "床位", "床", "盏", "块", "门",
	"字", "瓦时", "瓦", "度",
}

// inText are units only running text needs: a classifier that runs into
// its noun there (3所学校, 12个村), read as one unit so the noun is not
// taken for the unit of a cell.
var inText = []string{"所学校", "个村", "村"}

// Known returns the classifiers and measures a figure may be counted in,
// a new slice each call.
func Known() []string { return append([]string(nil), known...) }

// InText returns Known and the units only running text needs.
func InText() []string { return append(Known(), inText...) }

// Scale is a prefix that multiplies a unit by a power of ten: 万元, 亿元,
// 千米.
type Scale struct {
	Prefix string
	Exp    int32
}

// Scales returns the scale prefixes, longest first (百万 before 万), a
// new slice each call.
func Scales() []Scale {
	return []Scale{{"百万", 6}, {"千万", 7}, {"亿", 8}, {"万", 4}, {"千", 3}}
}

// aliases map a spelling to the unit it means.
var aliases = map[string]string{
	"公里": "千米", "公斤": "千克",
	"百分比": "%", "个百分点": "百分点", "％": "%", "﹪": "%",
}

// Alias returns the unit a spelling means (公里 is 千米, 百分比 is %), and
// whether it is an alias at all.
func Alias(u string) (string, bool) {
	a, ok := aliases[u]
	return a, ok
}

// Spellings returns every spelling Alias knows, sorted.
func Spellings() []string {
	out := make([]string, 0, len(aliases))
	for a := range aliases {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}

// classes group units that count the same thing, so they compare without
// conversion: 人 and 人次 count people (so do 名 and 位); 次, 场 and 场次
// count occasions, not people; 天 and 日 count days (≤15天 against 12日).
var classes = map[string]string{
	"人": "人", "人次": "人", "名": "人", "位": "人",
	"次": "次", "场": "次", "场次": "次",
	"天": "天", "日": "天",
}

// Class returns what a unit counts ("人" for 人次), or "" for a unit that
// shares its count with no other.
func Class(u string) string { return classes[u] }
