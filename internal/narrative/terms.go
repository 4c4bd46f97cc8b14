package narrative

import (
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
)

// Words.
//
// genericWords are stripped from an indicator's name and from the text
// around a figure before their characters are compared: counting words
// (人数, 数量), generic nouns (情况, 工作, 项目, 活动) and the verbs and
// adverbs of report prose (开展, 完成, 组织, 累计, 全年 …). They carry no
// subject: 累计开展专题讲座99次 is about 专题讲座. protectedWords are kept
// whole although they contain a generic word (完成率 is a subject).
var genericWords = []string{
	"人次数", "场次数", "人数", "次数", "数量", "总数", "人次", "场次",
	"情况", "工作", "项目", "活动", "指标",
	"开展", "完成", "组织", "帮助", "实现", "达到", "进行", "举办", "举行", "推进",
	"推动", "落实", "实施", "参加", "参与", "共有", "累计", "共计", "合计", "总计",
	"成功", "顺利", "积极", "持续", "不断", "进一步", "全面", "深入", "大力", "切实",
	"有效", "相关", "全年", "本年度", "年度", "本年", "全区", "全市", "全省", "全县",
	"全镇", "全国", "已经", "全体", "实际", "年内", "截至", "截止", "目前",
}

var protectedWords = []string{"完成率", "工作日", "达标率"}

// neutral runes are single-character function words (的, 了, 共, 已, 达
// …). They are not stripped, since they also occur inside content words
// (及时, 达标), but where they are not part of a shared bigram they count
// neither for nor against a match.
func neutral(r rune) bool {
	switch r {
	case '的', '了', '共', '已', '达', '为', '和', '及', '与', '等', '均', '各', '在', '对', '将', '并', '其', '是', '有', '获':
		return true
	}
	return false
}

// wordIndex maps a first rune to the words starting with it, longest
// first; keep is true for protected words.
type word struct {
	r    []rune
	keep bool
}

var wordIndex = func() *runeMap[word] {
	m := new(runeMap[word])
	add := func(list []string, keep bool) {
		for _, w := range list {
			r := []rune(w)
			m.add(r[0], word{r, keep})
		}
	}
	add(protectedWords, true)
	add(genericWords, false)
	for i := range m.entries {
		ws := m.entries[i].v
		for i := 1; i < len(ws); i++ {
			for j := i; j > 0 && len(ws[j].r) > len(ws[j-1].r); j-- {
				ws[j], ws[j-1] = ws[j-1], ws[j]
			}
		}
	}
	return m
}()

// Markers in the text before a figure that make it something other than
// the level an indicator reports: a part (其中, 含), a change (同比, 增长,
// 新增), an average (平均, 人均, 每), a target (目标, 计划), another year
// (上年, 去年), a rank (排名), a wider scope than the unit's own (全市, 全省:
// "全市培训干部3000人次" in a district unit's report), a subgroup (男生,
// 女性: "资助女学生80人" against 资助学生人数). A marker that also occurs in
// the indicator's own name (新增就业人数, 全市…) does not count against it.
var markers = [...]string{
	"其中", "包括", "包含", "含", "占",
	"同比", "环比", "增长", "增加", "减少", "下降", "降低", "提升", "提高", "上升",
	"增幅", "降幅", "新增", "较", "比上年", "比去年", "多于", "少于",
	"平均", "人均", "日均", "月均", "年均", "户均", "每",
	"目标", "计划", "预计", "预期", "力争", "指标值", "要求", "确保",
	"上年", "去年", "上一年", "前年", "往年", "同期",
	"排名", "名次", "位列", "位居",
	"全国", "全省", "全市", "全区", "全县",
	"男生", "女生", "男性", "女性", "男子", "女子", "男童", "女童", "男学生", "女学生", "男职工", "女职工",
}

// markerSet is a set of markers, one bit each.
type markerSet [(len(markers) + 63) / 64]uint64

func (s *markerSet) add(i int) { s[i/64] |= 1 << uint(i%64) }

// notIn reports whether s has a marker that o has not.
func (s markerSet) notIn(o markerSet) bool {
	for i := range s {
		if s[i]&^o[i] != 0 {
			return true
		}
	}
	return false
}

// markerIndex maps a first rune to the markers starting with it.
var markerIndex = func() *runeMap[markerWord] {
	m := new(runeMap[markerWord])
	for i, w := range markers {
		r := []rune(w)
		m.add(r[0], markerWord{r, i})
	}
	return m
}()

// filter is a 4096-bit Bloom filter of runes, keyed by their low twelve
// bits: a cheap test before a map lookup. A few dozen runes in it leave
// about one Chinese character in a hundred to look up for nothing.
type filter [64]uint64

func (f *filter) add(r rune)      { f[r>>6&63] |= 1 << uint(r&63) }
func (f *filter) has(r rune) bool { return f[r>>6&63]&(1<<uint(r&63)) != 0 }

type markerWord struct {
	r   []rune
	bit int // its index in markers
}

// markerMask returns the set of markers that occur in rs.
func markerMask(rs []rune) markerSet {
	var m markerSet
	for i, r := range rs {
		for _, w := range markerIndex.get(r) {
			if hasPrefix(rs[i:], w.r) {
				m.add(w.bit)
			}
		}
	}
	return m
}

// approxBefore are words directly before a number that make it a bound or
// an approximation (超1万余人次, 不少于24人); approxAfter directly after
// its unit (95%以上). Such a figure is never reported.
var approxBefore = [][]rune{
	[]rune("超过"), []rune("超出"), []rune("超"), []rune("逾"), []rune("约"), []rune("近"),
	[]rune("不少于"), []rune("不低于"), []rune("不超过"), []rune("不高于"), []rune("不足"), []rune("不到"),
	[]rune("至少"), []rune("最多"), []rune("最少"), []rune("最高"), []rune("最低"), []rune("多达"),
	[]rune("高于"), []rune("低于"), []rune("大于"), []rune("小于"), []rune("少于"), []rune("多于"),
	[]rune("第"), []rune("前"), []rune("后"), []rune("上万"),
	[]rune("≥"), []rune("≤"), []rune(">"), []rune("<"), []rune("≧"), []rune("≦"), []rune("＞"), []rune("＜"),
	[]rune("+"), []rune("＋"), []rune("-"), []rune("－"), []rune("−"), []rune("–"), []rune("—"),
	[]rune("~"), []rune("～"), []rune("/"), []rune("／"), []rune("×"), []rune("*"), []rune("."), []rune("．"),
}

// approxBeforeByLast returns the words of approxBefore that end with the
// last rune of rs: a figure checks those only.
func approxBeforeByLast(rs []rune) [][]rune {
	if len(rs) == 0 {
		return nil
	}
	return approxBeforeIndex.get(rs[len(rs)-1])
}

var approxBeforeIndex = func() *runeMap[[]rune] {
	m := new(runeMap[[]rune])
	for _, w := range approxBefore {
		m.add(w[len(w)-1], w)
	}
	return m
}()

var approxAfter = [][]rune{
	[]rune("以上"), []rune("以下"), []rune("以内"), []rune("之内"), []rune("左右"), []rune("上下"),
	[]rune("之多"), []rune("余"), []rune("多"), []rune("+"), []rune("＋"),
}

// core appends to dst the subject characters of src: Han characters, with
// generic words removed; every gap (a removed word, punctuation, digits,
// Latin letters) is one 0 rune, so a bigram never spans a gap.
func core(dst, src []rune) []rune {
	gap := func() {
		if len(dst) > 0 && dst[len(dst)-1] != 0 {
			dst = append(dst, 0)
		}
	}
	for i := 0; i < len(src); {
		r := src[i]
		if !isHan(r) {
			gap()
			i++
			continue
		}
		if w, ok := wordAt(src, i); ok {
			if w.keep {
				dst = append(dst, w.r...)
			} else {
				gap()
			}
			i += len(w.r)
			continue
		}
		dst = append(dst, r)
		i++
	}
	for len(dst) > 0 && dst[len(dst)-1] == 0 {
		dst = dst[:len(dst)-1]
	}
	return dst
}

func wordAt(rs []rune, i int) (word, bool) {
	for _, w := range wordIndex.get(rs[i]) {
		if hasPrefix(rs[i:], w.r) {
			return w, true
		}
	}
	return word{}, false
}

func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

func hasPrefix(rs, p []rune) bool {
	if len(rs) < len(p) {
		return false
	}
	for i := range p {
		if rs[i] != p[i] {
			return false
		}
	}
	return true
}

func hasSuffix(rs, p []rune) bool {
	if len(rs) < len(p) {
		return false
	}
	return hasPrefix(rs[len(rs)-len(p):], p)
}

func indexRunes(rs, p []rune) int {
	if len(p) == 0 {
		return 0
	}
	for i := 0; i+len(p) <= len(rs); i++ {
		if rs[i] == p[0] && hasPrefix(rs[i:], p) {
			return i
		}
	}
	return -1
}

func containsPair(rs []rune, a, b rune) bool {
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] == a && rs[i+1] == b {
			return true
		}
	}
	return false
}

// pair is a character bigram of a name.
type pair struct{ a, b rune }

// claimInfo is a claim prepared once per Find: its subject characters,
// bigrams, head bigram and unit.
type claimInfo struct {
	c       *Claim
	core    []rune // subject characters, 0 between runs
	bigrams []pair // distinct bigrams of core
	singles []rune // runs of one character (not neutral)
	head    pair   // the last bigram of the last run of two or more characters
	unit    unitKey
	base    decimal.Decimal // the number in the base unit of its class
	markers markerSet       // markers that occur in the name
}

// prepareClaim prepares c. Its slices are cut from sc's arenas, which
// Find sizes beforehand so that they never move.
func (sc *scratch) prepareClaim(c *Claim) (claimInfo, bool) {
	if len(c.Name) > maxNameBytes {
		return claimInfo{}, false
	}
	uk, ok := parseUnit(c.Unit)
	if !ok || !sane(c.Value) {
		return claimInfo{}, false
	}
	sc.name = sc.name[:0]
	for _, r := range strings.TrimSpace(c.Name) {
		sc.name = append(sc.name, r)
	}
	start := len(sc.runes)
	sc.runes = core(sc.runes, sc.name)
	cr := sc.runes[start:len(sc.runes):len(sc.runes)]
	// A trailing 数 or 量 counts (事件数, 发电量); strip it from a longer run.
	if n := len(cr); n >= 3 && (cr[n-1] == '数' || cr[n-1] == '量') && cr[n-2] != 0 && cr[n-3] != 0 {
		cr = cr[:n-1]
	}
	ci := claimInfo{c: c, core: cr, unit: uk, base: c.Value, markers: markerMask(sc.name)}
	if uk.exp != 0 {
		ci.base = c.Value.Shift(uk.exp)
	}
	pstart := len(sc.pairs)
	var singles []rune
	runStart := 0
	for i := 0; i <= len(cr); i++ {
		if i < len(cr) && cr[i] != 0 {
			continue
		}
		run := cr[runStart:i]
		switch {
		case len(run) == 1 && !neutral(run[0]):
			singles = append(singles, run[0])
		case len(run) >= 2:
			for k := 0; k+1 < len(run); k++ {
				p := pair{run[k], run[k+1]}
				if !hasPair(sc.pairs[pstart:], p) {
					sc.pairs = append(sc.pairs, p)
				}
			}
			ci.head = pair{run[len(run)-2], run[len(run)-1]}
		}
		runStart = i + 1
	}
	ci.bigrams = sc.pairs[pstart:len(sc.pairs):len(sc.pairs)]
	ci.singles = singles
	if ci.head.a == 0 {
		return claimInfo{}, false // no subject left (人数, 数量, 情况)
	}
	return ci, true
}

// sane reports whether d is a number a form can state: within the limits
// of budget.ParseNumber, give or take a scale. A decimal built in code
// (1e999999999) would otherwise make the comparison allocate a billion
// digits.
func sane(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -2*budget.MaxDecimalPlaces && e <= budget.MaxIntegerDigits && d.NumDigits() <= 2*budget.MaxIntegerDigits
}

func hasPair(ps []pair, p pair) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

func hasRune(rs []rune, r rune) bool {
	for _, q := range rs {
		if q == r {
			return true
		}
	}
	return false
}

// precision counts the subject characters of the text around a figure
// (p, 0-separated) that the name accounts for: covered is the number of
// characters inside a bigram of the name (or equal to a one-character run
// of it), total adds the characters that are not, neutral ones excepted.
func (ci *claimInfo) precision(p []rune) (covered, total int) {
	for i, r := range p {
		if r == 0 {
			continue
		}
		hit := hasRune(ci.singles, r) ||
			i > 0 && p[i-1] != 0 && hasPair(ci.bigrams, pair{p[i-1], r}) ||
			i+1 < len(p) && p[i+1] != 0 && hasPair(ci.bigrams, pair{r, p[i+1]})
		switch {
		case hit:
			covered++
			total++
		case !neutral(r):
			total++
		}
	}
	return covered, total
}

// recall counts the name's subject characters found in the context (the
// sentence around the figure): a character is found when a bigram of the
// name containing it occurs in the context (or, for a one-character run,
// the character does). Neutral characters not found do not count.
func (ci *claimInfo) recall(ctx []rune, pairs *pairSet) (covered, total int) {
	cr := ci.core
	bigram := func(i int) bool { // the bigram cr[i], cr[i+1] occurs in ctx
		if i < 0 || i+1 >= len(cr) || cr[i] == 0 || cr[i+1] == 0 {
			return false
		}
		return pairs.has(cr[i], cr[i+1])
	}
	for i, r := range cr {
		if r == 0 {
			continue
		}
		single := (i == 0 || cr[i-1] == 0) && (i+1 == len(cr) || cr[i+1] == 0)
		hit := single && hasRune(ctx, r) || bigram(i-1) || bigram(i)
		switch {
		case hit:
			covered++
			total++
		case !neutral(r):
			total++
		}
	}
	return covered, total
}

// pairSet holds the bigrams of a context: a 1024-bit Bloom filter of them,
// and the context to confirm a bigram the filter lets through. Made once
// per figure that has candidates, it costs a pass over the context where
// sorting its bigrams cost a sort.
type pairSet struct {
	bits [16]uint64
	ctx  []rune
}

func pairHash(a, b rune) uint32 { return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77) >> 22 }

// reset makes s the set of the bigrams of ctx.
func (s *pairSet) reset(ctx []rune) {
	s.bits = [16]uint64{}
	s.ctx = ctx
	for i := 0; i+1 < len(ctx); i++ {
		h := pairHash(ctx[i], ctx[i+1])
		s.bits[h>>6] |= 1 << (h & 63)
	}
}

// has reports whether the bigram a, b occurs in the context.
func (s *pairSet) has(a, b rune) bool {
	h := pairHash(a, b)
	return s.bits[h>>6]&(1<<(h&63)) != 0 && containsPair(s.ctx, a, b)
}
