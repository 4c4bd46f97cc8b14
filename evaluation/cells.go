package evaluation

import (
	"fmt"
	"reflect"
)

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
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	var cells []TextCell
	walkText(v.Elem(), "", "", &cells)
	return cells
}

func walkText(v reflect.Value, path, label string, cells *[]TextCell) {
	switch v.Kind() {
	case reflect.String:
		if v.Type() == reflect.TypeFor[string]() {
			*cells = append(*cells, TextCell{Path: path, Label: label, Text: v.String()})
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkText(v.Index(i), fmt.Sprintf("%s[%d]", path, i), label, cells)
		}
	case reflect.Struct:
		info := structInfos[v.Type()]
		if info == nil {
			return
		}
		for _, f := range info.fields {
			sf := v.Type().FieldByIndex(f.index)
			walkText(v.FieldByIndex(f.index), join(path, f.key), sf.Tag.Get("label"), cells)
		}
	}
}
