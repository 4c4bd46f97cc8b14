package indicator

import (
	"strings"
)

// Qualitative words (定性指标).
//
// Each word of the vocabulary lies on a scale. Words on the same ordered
// scale compare by their place on it (优秀 > 良好 > 合格 > 不合格;
// 第一名 > 第二名; 是 meets 是). Words of the achievement scale (达成 /
// 部分达成 / 未达成, the three bands 财预〔2020〕10号 grades qualitative
// indicators in) state the outcome themselves and are accepted against any
// target. Synonyms share a canonical spelling, which Value.Word returns.
//
// A cell matches a word after light modifiers are removed: 同比, 有所,
// 持续, 明显, 有效, 进一步, 呈 … 趋势, 被评为, 达到, 排名, 全市 … So 有效提升
// is 上升, 呈下降趋势 is 下降, 被评为优秀 is 优秀, 全市排名第1 is 第一名.
type scale int8

const (
	scaleNone         scale = iota // free text: no order
	scaleAchievement               // 3 达成, 2 部分达成, 1 未达成
	scaleGrade                     // 4 优秀, 3 良好, 2 合格, 1 不合格
	scaleSatisfaction              // 4 非常满意, 3 满意, 2 基本满意, 1 不满意
	scaleRank                      // the place: 1 for 第一名 (and for 前一名)
	scaleTrend                     // see trend* below
	scaleYesNo                     // 1 是/有, 0 否/无
)

// Places on the trend scale. 不上升 and 不下降 are targets that accept two
// outcomes (持平或下降, 持平或上升).
const (
	trendDown    = -1
	trendFlat    = 0
	trendUp      = 1
	trendNotUp   = 2
	trendNotDown = 3
)

// Places on the achievement scale.
const (
	achNot    = 1
	achPartly = 2
	achMet    = 3
)

var scaleNames = [...]string{"free text", "achievement", "grade", "satisfaction", "rank", "trend", "yes/no"}

type wordInfo struct {
	canon string
	scale scale
	rank  int16
	zero  bool
}

var vocabulary = buildVocabulary()

// trendWords end the text before a number that states a change:
// 同比下降12%, 提高了5个百分点.
var trendWords = []string{"下降", "降低", "减少", "下滑", "上升", "提高", "提升", "增加", "增长", "上涨"}

func buildVocabulary() map[string]wordInfo {
	m := make(map[string]wordInfo, 200)
	add := func(sc scale, rank int16, canon string, spellings ...string) {
		m[canon] = wordInfo{canon: canon, scale: sc, rank: rank}
		for _, s := range spellings {
			m[s] = wordInfo{canon: canon, scale: sc, rank: rank}
		}
	}
	add(scaleAchievement, achMet, "达成预期指标", "达成年度指标", "达成预期目标", "达成预期", "达到预期",
		"达到预期指标", "达到预期目标", "达成目标", "达成", "已达成", "达标", "已达标", "实现",
		"已实现", "实现预期目标", "符合预期", "完成目标", "达到目标", "超额完成", "超额达成")
	add(scaleAchievement, achMet, "已完成", "完成", "全部完成", "全面完成", "圆满完成", "顺利完成",
		"已全部完成", "完成任务", "已落实", "落实", "已办结", "办结")
	add(scaleAchievement, achMet, "按时完成", "按期完成", "如期完成", "及时完成", "按时", "按期",
		"如期", "准时完成", "按计划完成", "按时办结", "按期办结")
	add(scaleAchievement, achPartly, "部分达成", "基本达成", "部分达到", "基本达到", "基本达标",
		"部分实现", "基本实现", "部分达成年度指标", "部分达成预期指标", "基本达到预期")
	add(scaleAchievement, achPartly, "基本完成", "部分完成")
	add(scaleAchievement, achNot, "未达成", "未达到", "未达标", "不达标", "未实现", "未达到预期",
		"未达成预期指标", "未达成年度指标", "没有达成")
	add(scaleAchievement, achNot, "未完成", "没有完成", "尚未完成")
	add(scaleAchievement, achNot, "未按时完成", "未按期完成", "未如期完成", "逾期完成", "延期完成",
		"延期", "逾期")

	add(scaleGrade, 4, "优秀", "优", "优等")
	add(scaleGrade, 3, "良好", "良", "较好")
	add(scaleGrade, 2, "合格", "及格")
	add(scaleGrade, 2, "中等", "中")
	add(scaleGrade, 1, "不合格", "不及格")
	add(scaleGrade, 1, "差", "较差")

	add(scaleSatisfaction, 4, "非常满意", "很满意", "十分满意")
	add(scaleSatisfaction, 3, "满意", "比较满意", "较满意")
	add(scaleSatisfaction, 2, "基本满意", "一般")
	add(scaleSatisfaction, 1, "不满意", "不太满意")

	add(scaleTrend, trendDown, "下降", "降低", "减少", "下滑", "减轻", "缩短", "压减", "压缩")
	add(scaleTrend, trendUp, "上升", "提高", "提升", "增加", "增长", "上涨", "增强", "扩大")
	add(scaleTrend, trendFlat, "持平", "基本持平", "稳定", "保持稳定", "平稳", "保持平稳", "不变",
		"保持不变")
	add(scaleTrend, trendNotUp, "不上升", "不增加", "不增长", "不提高", "持平或下降", "下降或持平",
		"未上升", "未增加", "未增长", "不高于上年", "不高于去年")
	add(scaleTrend, trendNotDown, "不下降", "不降低", "不减少", "持平或上升", "上升或持平",
		"持平或提高", "未下降", "未降低", "未减少", "不低于上年", "不低于去年", "稳中有升")

	add(scaleYesNo, 1, "是", "是的")
	add(scaleYesNo, 1, "有")
	add(scaleYesNo, 0, "否", "不是")
	for _, s := range []string{"无", "没有", "未发生", "无发生", "零发生", "未出现"} {
		m[s] = wordInfo{canon: "无", scale: scaleYesNo, rank: 0, zero: true}
	}
	return m
}

// Modifiers removed around a word before it is looked up.
var (
	modifierPrefixes = sortedLongestFirst([]string{
		"同比", "环比", "较上年", "比上年", "较去年", "比去年", "与上年相比", "有所", "持续",
		"逐年", "逐步", "稳步", "明显", "大幅", "显著", "有效", "进一步", "不断", "总体",
		"整体", "呈", "实现", "保持", "全面", "已", "均",
		"被评为", "评定为", "评为", "获评", "达到", "获得", "取得", "考核", "考评",
		"考核结果为", "评价为", "等级为", "结果为",
		"全国", "全省", "全市", "全区", "全县", "省内", "市内", "区内", "本市",
		"排名", "排位", "位列", "名列", "位居", "位于", "荣获", "获", "居",
	})
	modifierSuffixes = sortedLongestFirst([]string{
		"趋势", "态势", "水平", "等级", "等次", "档次", "及以上", "以上", "了", "的",
	})
)

// parseWord interprets a cell that is one word of the vocabulary or a
// rank, possibly with modifiers.
func (v *Value) parseWord(t string) bool {
	s := t
	for range 8 {
		if info, ok := vocabulary[s]; ok {
			v.kind, v.op = Qualitative, QualitativeDirection
			v.word, v.scale, v.rank, v.zero = info.canon, info.scale, info.rank, info.zero
			return true
		}
		if place, top, ok := parseRank(s); ok {
			v.kind, v.op, v.scale, v.rank = Qualitative, QualitativeDirection, scaleRank, int16(place)
			if top {
				v.word = "前" + formatHan(place) + "名"
			} else {
				v.word = "第" + formatHan(place) + "名"
			}
			return true
		}
		if p, rest := cutAny(s, modifierPrefixes); p != "" && rest != "" {
			s = rest
			continue
		}
		if rest, ok := cutSuffixAny(s, modifierSuffixes); ok && rest != "" {
			s = rest
			continue
		}
		return false
	}
	return false
}

// parseRank reads 第一名, 第1, 第二位, 前三名, 前10: the place, whether it
// is a top-N, ok.
func parseRank(s string) (int, bool, bool) {
	var top bool
	switch {
	case strings.HasPrefix(s, "第"):
		s = s[len("第"):]
	case strings.HasPrefix(s, "前"):
		s, top = s[len("前"):], true
	default:
		return 0, false, false
	}
	n, k, ok := parseSmallInt(s)
	if !ok || n < 1 {
		return 0, false, false
	}
	switch s[k:] {
	case "", "名", "位":
		return n, top, true
	}
	return 0, false, false
}

func cutSuffixAny(s string, suffixes []string) (string, bool) {
	for _, x := range suffixes {
		if rest, ok := strings.CutSuffix(s, x); ok {
			return rest, true
		}
	}
	return s, false
}
