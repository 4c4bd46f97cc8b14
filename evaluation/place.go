package evaluation

import (
	"reflect"
	"strconv"
	"strings"
)

// CellName names the cell at a key path as a person reading the form
// would: "任务2 · 关键指标4 · 指标完成情况" for
// "tasks[1].indicators[3].actual" on a department form, "task 2 · key
// indicator 4 · actual" in English. Lists count from 1, as forms number
// their rows; labels are the form kind's own (the project form's 全年预算数
// is the department form's 调整预算收入). It returns "" for the whole form
// ("") and for a path the form kind does not have, so a report can always
// fall back to the path itself.
func CellName(kind Kind, path string, lang Lang) string {
	if path == "" || len(path) > 256 {
		return ""
	}
	if kind == DepartmentEvaluation {
		if name, ok := sheetCellName(path, lang); ok {
			return name
		}
	}
	// The path with its indexes taken out ("tasks[].indicators[].actual")
	// names the template; the indexes fill it in.
	var generic [256]byte
	g := generic[:0]
	var indexes [8]int
	n := 0
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c != '[' {
			g = append(g, c)
			continue
		}
		j := strings.IndexByte(path[i:], ']')
		if j < 0 || n == len(indexes) {
			return ""
		}
		v, err := strconv.Atoi(path[i+1 : i+j])
		if err != nil || v < 0 {
			return ""
		}
		indexes[n] = v
		n++
		g = append(g, '[', ']')
		i += j
	}
	tmpl, ok := cellNames[cellKey{kind, lang == English, string(g)}]
	if !ok {
		return ""
	}
	var b strings.Builder
	b.Grow(len(tmpl) * 16)
	for k, p := range tmpl {
		if k > 0 {
			b.WriteString(" · ")
		}
		b.WriteString(p.text)
		if p.index >= 0 {
			b.WriteString(strconv.Itoa(indexes[p.index] + 1))
			b.WriteString(p.suffix)
		}
	}
	return b.String()
}

// cellPart is one part of a cell's name: a label, or an item of a list,
// named by its number (the index-th list index of the path, from 1)
// between text and suffix.
type cellPart struct {
	text, suffix string
	index        int // -1 for a label
}

type cellKey struct {
	kind    Kind
	english bool
	generic string // the key path with its indexes taken out
}

// cellNames holds the name of every cell of every form kind, in both
// languages, by key path with the indexes taken out. It is built once
// when the package is initialised and only read afterwards.
var cellNames = buildCellNames()

var formTypes = map[Kind]reflect.Type{
	Department:  reflect.TypeFor[DepartmentForm](),
	Project:     reflect.TypeFor[ProjectForm](),
	Declaration: reflect.TypeFor[DeclarationForm](),
	Monitoring:  reflect.TypeFor[MonitoringForm](),

	DepartmentEvaluation: reflect.TypeFor[DepartmentEvaluationForm](),
}

func buildCellNames() map[cellKey][]cellPart {
	out := map[cellKey][]cellPart{}
	for kind, t := range formTypes {
		for _, en := range []bool{false, true} {
			lang := Chinese
			if en {
				lang = English
			}
			var walk func(t reflect.Type, prefix string, parts []cellPart, owner string, lists int)
			walk = func(t reflect.Type, prefix string, parts []cellPart, owner string, lists int) {
				info := structInfos[t]
				if info == nil || lists >= 8 {
					return
				}
				for _, f := range info.fields {
					path := prefix + f.key
					here := parts
					if label := fieldName(kind, owner, f.key, f.label, lang); label != "" {
						here = append(cloneParts(parts), cellPart{text: label, index: -1})
					}
					out[cellKey{kind, en, path}] = here
					ft := t.FieldByIndex(f.index).Type
					for ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if ft.Kind() == reflect.Slice {
						text, suffix := itemName(f.key, owner, lang)
						item := append(cloneParts(parts), cellPart{text: text, suffix: suffix, index: lists})
						itemOwner := owner
						if owner == "" && (f.key == "tasks" || f.key == "key_projects") {
							itemOwner = f.key
						}
						out[cellKey{kind, en, path + "[]"}] = item
						walk(ft.Elem(), path+"[].", item, itemOwner, lists+1)
						continue
					}
					walk(ft, path+".", here, owner, lists)
				}
			}
			walk(t, "", nil, "", 0)
		}
	}
	return out
}

func cloneParts(p []cellPart) []cellPart { return append([]cellPart(nil), p...) }

// itemName is how the items of the list under key are named: the text
// before the item's number and after it.
func itemName(key, owner string, lang Lang) (text, suffix string) {
	en := lang == English
	switch key {
	case "tasks":
		return pick(en, "任务", "task "), ""
	case "key_projects":
		return pick(en, "重点项目", "key project "), ""
	case "indicators":
		if owner == "tasks" {
			return pick(en, "关键指标", "key indicator "), ""
		}
		return pick(en, "绩效指标", "indicator "), ""
	case "sources":
		return pick(en, "其中第", "source row "), pick(en, "行", "")
	case "extra":
		return pick(en, "其他栏目", "other cell "), ""
	}
	return pick(en, "第", "item "), pick(en, "项", "")
}

// fieldName is a key's label on a form of the kind: the field's label
// tag, but for the cells the two forms (or a task's indicators) call
// differently (owner is "tasks" or "key_projects" inside one of them). In
// English it is the key in words ("adjusted budget"). "reported" and the
// like, which group cells but print no label of their own, have none.
func fieldName(kind Kind, owner, key, label string, lang Lang) string {
	if lang == English {
		if key == "reported" {
			return ""
		}
		return strings.ReplaceAll(key, "_", " ")
	}
	switch {
	case kind == Project && key == "adjusted_budget":
		return "全年预算数"
	case kind == Project && key == "actual_expenditure":
		return "全年执行数"
	case kind == Project && key == "initial_budget":
		return "年初预算数"
	case owner != "" && key == "actual":
		return "指标完成情况"
	case owner != "" && key == "target":
		return "指标值"
	}
	return label
}

func pick(en bool, zh, eng string) string {
	if en {
		return eng
	}
	return zh
}
