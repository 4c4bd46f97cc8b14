package evaluation

import (
	"reflect"

	"github.com/perfeval/perfeval/internal/parse"
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
	plan := textPlans[v.Type().Elem()]
	if plan == nil {
		return nil
	}
	var buf [128]byte // room for any key path of a real form
	w := textWalker{match: match, path: buf[:0]}
	w.walk(v.Elem(), plan)
	return w.cells
}

// textPlan lists the fields of a struct type that hold text, directly or
// below: every rule that reads text walks every form, so the walk visits
// only those, with what it needs to know of each worked out once.
type textPlan struct {
	fields []textField
}

type textField struct {
	key, label string
	index      []int
	kind       textKind
	elem       *textPlan // for a struct or a list of structs
}

type textKind uint8

const (
	textString      textKind = iota // string
	textStrings                     // []string
	textStruct                      // a struct of the format
	textStructSlice                 // a list of structs of the format
	textStringMap                   // texts by key (a department evaluation's reasons)
	textStructMap                   // structs of the format by key (its judgements)
)

// textPlans holds the plan of every struct the decoder fills, built once
// when the package is initialised from structInfos and only read after.
var textPlans = func() map[reflect.Type]*textPlan {
	plans := map[reflect.Type]*textPlan{}
	for t := range structInfos {
		plans[t] = &textPlan{}
	}
	for t, info := range structInfos {
		p := plans[t]
		for _, f := range info.fields {
			ft := t.FieldByIndex(f.index).Type
			tf := textField{key: f.key, label: f.label, index: f.index}
			switch {
			case ft == stringType:
				tf.kind = textString
			case ft.Kind() == reflect.Slice && ft.Elem() == stringType:
				tf.kind = textStrings
			case ft.Kind() == reflect.Struct && plans[ft] != nil:
				tf.kind, tf.elem = textStruct, plans[ft]
			case ft.Kind() == reflect.Slice && plans[ft.Elem()] != nil:
				tf.kind, tf.elem = textStructSlice, plans[ft.Elem()]
			case ft.Kind() == reflect.Map && ft.Elem() == stringType:
				tf.kind = textStringMap
			case ft.Kind() == reflect.Map && plans[ft.Elem()] != nil:
				tf.kind, tf.elem = textStructMap, plans[ft.Elem()]
			default:
				continue // no text: amounts, rates, numbers, named strings
			}
			p.fields = append(p.fields, tf)
		}
	}
	return plans
}()

type textWalker struct {
	match func(string) bool
	path  parse.Path
	cells []TextCell
}

var stringType = reflect.TypeFor[string]()

// walk visits the text of the struct v, whose plan is p.
func (w *textWalker) walk(v reflect.Value, p *textPlan) {
	for i := range p.fields {
		f := &p.fields[i]
		var fv reflect.Value
		if len(f.index) == 1 {
			fv = v.Field(f.index[0])
		} else {
			fv = v.FieldByIndex(f.index)
		}
		switch f.kind {
		case textString:
			if s := fv.String(); w.match(s) {
				mark := w.path.Key(f.key)
				w.cells = append(w.cells, TextCell{Path: w.path.String(), Label: f.label, Text: s})
				w.path.Pop(mark)
			}
		case textStrings:
			if fv.Len() == 0 {
				continue
			}
			mark := w.path.Key(f.key)
			for j := range fv.Len() {
				if s := fv.Index(j).String(); w.match(s) {
					m := w.path.Index(j)
					w.cells = append(w.cells, TextCell{Path: w.path.String(), Label: f.label, Text: s})
					w.path.Pop(m)
				}
			}
			w.path.Pop(mark)
		case textStruct:
			mark := w.path.Key(f.key)
			w.walk(fv, f.elem)
			w.path.Pop(mark)
		case textStringMap, textStructMap:
			if fv.Len() > 0 {
				mark := w.path.Key(f.key)
				w.walkMap(fv, f)
				w.path.Pop(mark)
			}
		case textStructSlice:
			if fv.Len() == 0 {
				continue
			}
			mark := w.path.Key(f.key)
			for j := range fv.Len() {
				m := w.path.Index(j)
				w.walk(fv.Index(j), f.elem)
				w.path.Pop(m)
			}
			w.path.Pop(mark)
		}
	}
}

// walkMap visits the texts of a map by item path (a department
// evaluation's reported reasons, its judgements' notes), in the order of
// their keys. A key that cannot stand in a key path is left out of it.
func (w *textWalker) walkMap(v reflect.Value, f *textField) {
	for _, k := range sortedMapKeys(v) {
		mark := len(w.path)
		if mapKeyPath(k.String()) {
			mark = w.path.Key(k.String())
		}
		e := v.MapIndex(k)
		if f.kind == textStringMap {
			if s := e.String(); w.match(s) {
				w.cells = append(w.cells, TextCell{Path: w.path.String(), Label: f.label, Text: s})
			}
		} else {
			w.walk(e, f.elem)
		}
		w.path.Pop(mark)
	}
}
