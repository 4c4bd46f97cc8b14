package evaluation

import (
	"reflect"

	"github.com/perfeval/perfeval/internal/parse"
)

// ReadFileForLinking reads the named file for a first linking pass, as
// DecodeForLinking does; the file is read as ReadFile reads it.
func ReadFileForLinking(path string) (Form, error) {
	tree, err := parse.BorrowFile(path)
	if err != nil {
		return nil, parseError(path, err)
	}
	defer tree.Release()
	return decodeForLinking(path, tree.Root)
}

// DecodeForLinking decodes what a first linking pass (Linker.Add) needs
// of a form file: a declaration or a monitoring form whole, since linking
// keeps their indicators; of a project self-evaluation only the keys
// that place it in its project-year (code, project, department, year);
// of any other kind nothing (a nil Form and no error). On a
// self-evaluation it costs about half a Decode: the text is parsed, but
// only four values are read from it.
//
// The self-evaluation's other keys are not checked, so a nil error does
// not mean Decode would accept the file; the second pass reports what is
// wrong with it.
func DecodeForLinking(name string, data []byte) (Form, error) {
	tree, err := parse.Borrow(parse.SyntaxOf(name), data)
	if err != nil {
		return nil, parseError(name, err)
	}
	defer tree.Release()
	return decodeForLinking(name, tree.Root)
}

func decodeForLinking(name string, root *parse.Node) (Form, error) {
	kind := root.Lookup("kind")
	if kind == nil || root.Kind != parse.Mapping {
		return nil, nil
	}
	switch Kind(kind.Text) {
	case Declaration, Monitoring:
		return decodeRoot(name, root)
	case Project:
	default:
		return nil, nil
	}
	f := &ProjectForm{}
	d := &decoder{file: name}
	v := reflect.ValueOf(f).Elem()
	info := structInfos[v.Type()]
	for _, key := range []string{"code", "project", "department", "year"} {
		n := root.Lookup(key)
		if n == nil {
			continue
		}
		mark := d.path.Key(key)
		d.decodeValue(n, v.FieldByIndex(info.byKey[key].index))
		d.path.Pop(mark)
	}
	if len(d.errs) > 0 {
		return nil, d.result()
	}
	return f, nil
}
