package evaluation

import (
	"os"
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
