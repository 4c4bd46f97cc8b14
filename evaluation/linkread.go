package evaluation

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// ReadFileForLinking reads the named file for a first linking pass, as
// DecodeForLinking does; the file is read as ReadFile reads it.
func ReadFileForLinking(path string) (Form, error) {
	bp := readBuffers.Get().(*[]byte)
	data, err := readFileInto(path, *bp)
	var form Form
	if err == nil {
		form, err = DecodeForLinking(path, data)
	}
	if cap(data) <= maxPooledRead && cap(data) >= cap(*bp) {
		*bp = data[:0]
	}
	readBuffers.Put(bp)
	return form, err
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
	if len(data) > MaxFileSize {
		return nil, &DecodeError{File: name, Line: 1, Err: fmt.Errorf("%w: file larger than %d bytes", ErrLimit, MaxFileSize)}
	}
	sc := getScratch()
	defer sc.release()
	var (
		root *node
		err  error
	)
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		root, err = parseJSONWith(sc, data)
	} else {
		root, err = parseYAMLWith(sc, data)
	}
	if err != nil {
		var se *syntaxError
		if errors.As(err, &se) {
			return nil, &DecodeError{File: name, Line: se.line, Column: se.col, Err: fmt.Errorf("%w: %s", se.err, se.msg)}
		}
		return nil, &DecodeError{File: name, Line: 1, Err: err}
	}
	kind := root.lookup("kind")
	if kind == nil || root.kind != mapNode {
		return nil, nil
	}
	switch Kind(kind.text) {
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
		n := root.lookup(key)
		if n == nil {
			continue
		}
		mark := d.path.key(key)
		d.decodeValue(n, v.FieldByIndex(info.byKey[key].index))
		d.path.pop(mark)
	}
	if len(d.errs) > 0 {
		return nil, d.result()
	}
	return f, nil
}
