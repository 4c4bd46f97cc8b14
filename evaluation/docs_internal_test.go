package evaluation

import (
	"os"

	"github.com/perfeval/perfeval/budget"
	"reflect"
	"strings"
	"testing"
)

// docsPending are the kinds whose keys docs/file-format.md does not list
// yet. Take a kind out when its keys are documented; the test then holds
// it to them.
var docsPending = map[Kind]bool{}

// docs/file-format.md documents every key of every form kind: a key added
// to a form without a line in the page fails here.
func TestFileFormatDocumentsEveryKey(t *testing.T) {
	data, err := os.ReadFile("../docs/file-format.md")
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for kind, typ := range formTypes {
		if docsPending[kind] {
			continue
		}
		if !strings.Contains(page, "`"+string(kind)+"`") && !strings.Contains(page, "kind: "+string(kind)) {
			t.Errorf("docs/file-format.md does not name the kind %s", kind)
		}
		var walk func(t reflect.Type, path string)
		walk = func(rt reflect.Type, path string) {
			for rt.Kind() == reflect.Slice || rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Map {
				rt = rt.Elem()
			}
			info := structInfos[rt]
			if info == nil {
				return
			}
			for _, f := range info.fields {
				if !documented(page, f.key) {
					t.Errorf("docs/file-format.md does not document %s%s of the %s form", path, f.key, kind)
				}
				walk(rt.FieldByIndex(f.index).Type, path+f.key+".")
			}
		}
		walk(typ, "")
	}
}

// documented reports whether the page names key as a key: alone or as a
// segment of a key path, in code ("`funds`", "`funds.weight`",
// "`tasks[].funds`").
func documented(page, key string) bool {
	for _, before := range []string{"`", "."} {
		for _, after := range []string{"`", ".", "["} {
			if strings.Contains(page, before+key+after) {
				return true
			}
		}
	}
	return false
}

// Every key path docs/file-format.md lists in the first column of a table
// is one the decoder reads: a key renamed or removed in the code, or
// misspelt in the page, fails here. A table under a form's heading is
// read against that form (its sub-tables, such as a declared indicator
// row's, against any struct the form holds); a table under a shared
// heading (source rows, indicator rows, extra cells) against every form.
func TestFileFormatKeysExist(t *testing.T) {
	data, err := os.ReadFile("../docs/file-format.md")
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]Kind{
		"## Department form":       Department,
		"## Project form":          Project,
		"## Department evaluation": DepartmentEvaluation,
		"## Declaration":           Declaration,
		"## Monitoring form":       Monitoring,
	}
	reachable := func(roots ...reflect.Type) []reflect.Type {
		var out []reflect.Type
		seen := map[reflect.Type]bool{}
		var visit func(rt reflect.Type)
		visit = func(rt reflect.Type) {
			for rt.Kind() == reflect.Slice || rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Map {
				rt = rt.Elem()
			}
			info := structInfos[rt]
			if info == nil || seen[rt] {
				return
			}
			seen[rt] = true
			out = append(out, rt)
			for _, f := range info.fields {
				visit(rt.FieldByIndex(f.index).Type)
			}
		}
		for _, r := range roots {
			visit(r)
		}
		return out
	}
	var all []reflect.Type
	for _, typ := range formTypes {
		all = append(all, typ)
	}
	// resolves reports whether path names a field from rt: segments
	// joined by ".", "[]" after a list, "<path>" for a map's key.
	var resolves func(rt reflect.Type, segs []string) bool
	resolves = func(rt reflect.Type, segs []string) bool {
		if len(segs) == 0 {
			return true
		}
		for rt.Kind() == reflect.Slice || rt.Kind() == reflect.Pointer {
			rt = rt.Elem()
		}
		seg := strings.TrimSuffix(segs[0], "[]")
		if rt.Kind() == reflect.Map {
			if seg != "<path>" {
				return false
			}
			return resolves(rt.Elem(), segs[1:])
		}
		info := structInfos[rt]
		if info == nil {
			return false
		}
		f, ok := info.byKey[seg]
		if !ok {
			return false
		}
		return resolves(rt.FieldByIndex(f.index).Type, segs[1:])
	}
	var scope []reflect.Type // the structs the current heading's keys belong to
	var mainTable bool       // the first table under a form's heading: keys from its root
	var root reflect.Type
	inTable := false
	sourceTable := false // the table of source names: values, not keys
	sources := map[string]string{}
	checked := 0
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "## ") {
			scope, root = reachable(all...), nil
			mainTable = false
			for h, kind := range headings {
				if strings.HasPrefix(line, h) {
					root = formTypes[kind]
					scope = reachable(root)
					mainTable = true
				}
			}
			continue
		}
		if !strings.HasPrefix(line, "| `") {
			if inTable && !strings.HasPrefix(line, "|") {
				inTable, mainTable, sourceTable = false, false, false
			}
			continue
		}
		inTable = true
		key, rest, _ := strings.Cut(strings.TrimPrefix(line, "| `"), "`")
		if strings.HasPrefix(line, "| `source` | row on the form |") {
			sourceTable = true
			continue
		}
		if sourceTable {
			sources[key] = strings.Trim(rest, " |")
			continue
		}
		segs := strings.Split(key, ".")
		ok := false
		if mainTable {
			ok = resolves(root, segs)
		} else {
			for _, rt := range scope {
				if resolves(rt, segs) {
					ok = true
					break
				}
			}
		}
		if !ok {
			t.Errorf("docs/file-format.md:%d: %q is not a key the decoder reads there", i+1, key)
		}
		checked++
	}
	for _, k := range budget.SourceKinds() {
		if sources[string(k)] != k.Label() {
			t.Errorf("docs/file-format.md: source %s is listed as %q, want %q", k, sources[string(k)], k.Label())
		}
		delete(sources, string(k))
	}
	for k := range sources {
		t.Errorf("docs/file-format.md lists a source %q the decoder does not know", k)
	}
	if checked < 100 {
		t.Errorf("checked only %d keys: has the page's table layout changed?", checked)
	}
}
