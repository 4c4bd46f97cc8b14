package rubric

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
)

// builtinFiles are the shipped rubrics, one file each, named by the
// rubric's name; builtin/README.md cites their sources.
//
//go:embed builtin/*.yaml
var builtinFiles embed.FS

// builtins parses the shipped rubrics once. A shipped rubric that does
// not parse is a defect of this package, which its tests catch; the
// error is kept and returned by Builtin rather than panicking.
var builtins = sync.OnceValues(func() (map[string]Rubric, error) {
	entries, err := builtinFiles.ReadDir("builtin")
	if err != nil {
		return nil, err
	}
	m := map[string]Rubric{}
	for _, e := range entries {
		name := path.Join("builtin", e.Name())
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		r, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		if r.Name()+".yaml" != e.Name() {
			return nil, fmt.Errorf("rubric: %s is named %s", name, quote(r.Name()))
		}
		m[r.Name()] = r
	}
	return m, nil
})

// Builtin returns a shipped rubric by name: "yueyang-2018",
// "hunan-county-2017". An unknown name is an error wrapping
// ErrUnknownRubric. The rubric returned is shared and immutable.
func Builtin(name string) (Rubric, error) {
	m, err := builtins()
	if err != nil {
		return Rubric{}, err
	}
	r, ok := m[name]
	if !ok {
		return Rubric{}, fmt.Errorf("rubric: %w %s%s", ErrUnknownRubric, quote(name), hint(name, BuiltinNames()))
	}
	return r, nil
}

// BuiltinNames lists the shipped rubrics' names in order.
func BuiltinNames() []string {
	entries, _ := builtinFiles.ReadDir("builtin")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}
