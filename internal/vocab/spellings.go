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
