package vocab

import (
	"strings"

	"github.com/perfeval/perfeval/budget"
)

// sourceSpellings are the names the published forms give the funds'
// source rows (其中 …), by source kind; budget.SourceKind.Label is the
// canonical one and comes first.
var sourceSpellings = map[budget.SourceKind][]string{
	budget.GeneralPublicBudget: {"一般公共预算拨款", "一般公共预算资金", "一般公共预算收入", "一般公共预算支出",
		"当年一般公共预算拨款", "本年一般公共预算拨款", "一般公共预算财政拨款"},
	budget.GovernmentFundBudget: {"政府性基金", "政府性基金预算拨款", "政府性基金预算收入", "政府性基金预算支出", "政府性基金拨款"},
	budget.StateCapitalBudget:   {"国有资本经营预算拨款", "国有资本经营预算收入", "国有资本经营预算资金"},
	budget.SpecialAccount:       {"财政专户", "财政专户管理资金收入", "财政专户管理资金拨款"},
	budget.UnitFunds:            {"自有资金", "单位自有资金", "单位资金收入"},
	budget.CurrentAppropriation: {"当年财政拨款", "财政拨款", "财政拨款资金", "本年财政拨款资金"},
	budget.PriorCarryover:       {"上年结转", "上年结转结余", "上年结转结余资金", "上年结转资金收入", "上年财政拨款结转"},
	budget.OtherFunds:           {"其他", "其他收入", "其他资金收入"},
}

// keylessSources are source rows the published forms print that the file
// format has no source kind for: such a row is kept, with its label, in the
// form's extra list.
var keylessSources = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []string{"事业收入", "经营收入", "事业单位经营收入", "附属单位上缴收入", "上级补助收入",
		"自筹资金", "社会资金", "银行贷款", "中央财政资金", "中央补助资金", "中央资金", "省级财政资金", "省级资金",
		"市级财政资金", "市级资金", "县级财政资金", "区级财政资金", "市县财政资金", "财政资金"} {
		m[KeyOf(s)] = true
	}
	return m
}()

var sourceByKey = func() map[string]budget.SourceKind {
	m := map[string]budget.SourceKind{}
	for _, k := range budget.SourceKinds() {
		m[KeyOf(k.Label())] = k
	}
	for k, spellings := range sourceSpellings {
		for _, s := range spellings {
			m[KeyOf(s)] = k
		}
	}
	return m
}()

// SourceText is the label of a source row as printed: "其中：一般公共预算".
// The 其中： prefix marks the row as a breakdown of the row above it.
func SourceText(k budget.SourceKind) string { return SourcePrefix + k.Label() }

// SourcePrefix opens a source row's label.
const SourcePrefix = "其中："

// SourceOf reads a source name, with or without 其中：; ok is false for a
// name the format has no source kind for.
func SourceOf(text string) (budget.SourceKind, bool) {
	k := KeyOf(text)
	k = strings.TrimLeft(strings.TrimPrefix(k, "其中"), ":")
	s, ok := sourceByKey[k]
	return s, ok
}

// UnitOf reads the money unit a text states: "单位：万元", "金额单位：元",
// "（单位：万元）", or a note such as "万元" from 项目资金（万元）.
func UnitOf(text string) (budget.Unit, bool) {
	t := Fold(text)
	t = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\u3000', '(', ')':
			return -1
		}
		return r
	}, t)
	if _, rest, ok := strings.Cut(t, "单位:"); ok {
		t = rest
	}
	u, err := budget.ParseUnit(t)
	return u, err == nil
}
