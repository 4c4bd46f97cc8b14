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
	if path == "" {
		return ""
	}
	t, ok := formTypes[kind]
	if !ok {
		return ""
	}
	var parts []string
	owner := "" // "tasks" or "key_projects" once inside one of them
	rest := path
	for rest != "" {
		seg, next := nextSegment(rest)
		if seg == "" {
			return ""
		}
		rest = next
		if isIndex(seg) {
			n, err := strconv.Atoi(seg[1 : len(seg)-1])
			if err != nil || n < 0 || t.Kind() != reflect.Slice {
				return ""
			}
			key := lastKey(path, len(path)-len(rest)-len(seg))
			name := itemName(key, owner, n+1, lang)
			if len(parts) > 0 {
				parts[len(parts)-1] = name // "任务2", not "主要任务 · 任务2"
			} else {
				parts = append(parts, name)
			}
			if owner == "" && (key == "tasks" || key == "key_projects") {
				owner = key
			}
			t = t.Elem()
			continue
		}
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		info := structInfos[t]
		if info == nil {
			return ""
		}
		f, ok := info.byKey[seg]
		if !ok {
			return ""
		}
		if label := fieldName(kind, owner, seg, f.label, lang); label != "" {
			parts = append(parts, label)
		}
		t = t.FieldByIndex(f.index).Type
	}
	return strings.Join(parts, " · ")
}

var formTypes = map[Kind]reflect.Type{
	Department: reflect.TypeFor[DepartmentForm](),
	Project:    reflect.TypeFor[ProjectForm](),
}

// lastKey is the key a list index at byte offset end of path belongs to:
// "indicators" for the "[3]" of "tasks[1].indicators[3]".
func lastKey(path string, end int) string {
	p := path[:end]
	i := strings.LastIndexAny(p, ".]")
	return p[i+1:]
}

// itemName names the n-th item (1-based) of the list under key.
func itemName(key, owner string, n int, lang Lang) string {
	num := strconv.Itoa(n)
	en := lang == English
	switch key {
	case "tasks":
		return pick(en, "任务"+num, "task "+num)
	case "key_projects":
		return pick(en, "重点项目"+num, "key project "+num)
	case "indicators":
		if owner == "tasks" {
			return pick(en, "关键指标"+num, "key indicator "+num)
		}
		return pick(en, "绩效指标"+num, "indicator "+num)
	case "sources":
		return pick(en, "其中第"+num+"行", "source row "+num)
	case "expected":
		return pick(en, "第"+num+"项", "item "+num)
	case "extra":
		return pick(en, "其他栏目"+num, "other cell "+num)
	}
	return pick(en, "第"+num+"项", "item "+num)
}

// fieldName is a key's label on a form of the kind: the field's label
// tag, but for the cells the two forms (or a task's indicators) call
// differently (owner is "tasks" or "key_projects" inside one of them). In
// English it is the key in words ("adjusted budget").
// "reported" and the like, which group cells but print no label of their
// own, have none.
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
