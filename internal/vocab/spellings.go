package vocab

import "github.com/perfeval/perfeval/budget"

// Spellings returns every spelling of every label the vocabulary lists,
// and each source row's name, in a fixed order: the texts a writer must
// mark as data where a form's value says them (an indicator named 备注),
// and that tests draw from to check it does.
func Spellings() []string {
	var out []string
	for _, g := range allGroups() {
		out = append(out, g.texts...)
	}
	for _, k := range budget.SourceKinds() {
		out = append(out, sourceSpellings[k]...)
	}
	return out
}

// EvaluationSpellings returns every spelling of the labels only the
// department evaluation prints (评分办法, 基础数据表, 编制数 …), in a fixed
// order: the texts a writer of that kind must mark as data where a value
// holds one.
func EvaluationSpellings() []string {
	var out []string
	for id := evaluationBase + 1; id <= BasicItem; id++ {
		out = append(out, evaluationTexts[id]...)
	}
	for _, g := range basicGroups {
		out = append(out, g.labels...)
		for _, l := range g.leaves {
			out = append(out, l.labels...)
		}
	}
	return out
}
