package evaluation

import "reflect"

// TextCell is one text cell of a form: where it is, what the form calls
// it, and what it holds.
type TextCell struct {
	Path  string // "tasks[1].achieved"
	Label string // the form's label: "目标完成情况"
	Text  string
}

// TextCells lists every text cell of a form in form order, empty ones
// included, so a rule can check all of them (template text left in a
// cell, a required cell left empty) without knowing the form's layout.
func TextCells(f Form) []TextCell {
	return FindText(f, func(string) bool { return true })
}

// FindText lists, in form order, the text cells whose text match accepts.
// It is TextCells for a rule that looks for something rare: the key path
// of a cell is only built for the cells it returns.
func FindText(f Form, match func(text string) bool) []TextCell {
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	w := textWalker{match: match}
	w.walk(v.Elem(), "")
	return w.cells
}

type textWalker struct {
	match func(string) bool
	path  keyPath
	cells []TextCell
}

var stringType = reflect.TypeFor[string]()

func (w *textWalker) walk(v reflect.Value, label string) {
	switch v.Kind() {
	case reflect.String:
		if v.Type() == stringType && w.match(v.String()) {
			w.cells = append(w.cells, TextCell{Path: w.path.String(), Label: label, Text: v.String()})
		}
	case reflect.Slice:
		for i := range v.Len() {
			mark := w.path.index(i)
			w.walk(v.Index(i), label)
			w.path.pop(mark)
		}
	case reflect.Map:
		// Texts kept by item path (a department evaluation's reported
		// reasons, its judgements' notes), in the order of their keys.
		for _, k := range sortedMapKeys(v) {
			mark := len(w.path)
			if mapKeyPath(k.String()) {
				mark = w.path.key(k.String())
			}
			w.walk(v.MapIndex(k), label)
			w.path.pop(mark)
		}
	case reflect.Struct:
		info := structInfos[v.Type()]
		if info == nil {
			return
		}
		for _, f := range info.fields {
			mark := w.path.key(f.key)
			w.walk(v.FieldByIndex(f.index), f.label)
			w.path.pop(mark)
		}
	}
}
