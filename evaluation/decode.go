package evaluation

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/suggest"
)

// ReadFile reads and decodes the form in the named file. Files ending in
// .json are read as JSON, all others as YAML. A file larger than
// MaxFileSize is refused before it is read whole.
//
// The file is read into a buffer reused from call to call: Decode copies
// what it keeps, so the form holds no reference to it.
func ReadFile(path string) (Form, error) {
	bp := readBuffers.Get().(*[]byte)
	data, err := readFileInto(path, *bp)
	var form Form
	if err == nil {
		form, err = Decode(path, data)
	}
	if cap(data) <= maxPooledRead && cap(data) >= cap(*bp) {
		*bp = data[:0]
	}
	readBuffers.Put(bp)
	return form, err
}

// readBuffers holds the buffers ReadFile reads into, up to maxPooledRead
// bytes each (a form is a few kilobytes; an unusual one is not kept).
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledRead = 256 << 10

// Decode reads one form from data. name is the file name used in errors
// and to choose the syntax: JSON when it ends in .json, YAML otherwise
// (the keys are the same). data is not modified.
//
// Every number is read from its literal text, never through float64.
// Unknown keys are refused; a missing list is an empty list. Any error is
// a *DecodeError naming the file, line, column and key path.
func Decode(name string, data []byte) (Form, error) {
	if len(data) > MaxFileSize {
		return nil, &DecodeError{File: name, Line: 1, Err: fmt.Errorf("%w: file larger than %d bytes", ErrLimit, MaxFileSize)}
	}
	var (
		root *node
		err  error
	)
	sc := getScratch()
	defer sc.release()
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
	return decodeRoot(name, root)
}

func decodeRoot(name string, root *node) (Form, error) {
	d := &decoder{file: name}
	if root.kind != mapNode {
		return nil, d.errorf(root, "", ErrType, "a form is a mapping of keys (kind:, funds:, …), not a %s", root.kind)
	}
	kindNode := root.lookup("kind")
	if kindNode == nil {
		return nil, d.errorf(root, "kind", ErrKind, "missing; want one of %s", kindNames())
	}
	var form Form
	switch Kind(kindNode.text) {
	case Department:
		form = &DepartmentForm{}
	case Project:
		form = &ProjectForm{}
	case Declaration:
		form = &DeclarationForm{}
	case Monitoring:
		form = &MonitoringForm{}
	default:
		return nil, d.errorf(kindNode, "kind", ErrKind, "%q; want one of %s", kindNode.text, kindNames())
	}
	// Amounts are read in the form's unit, wherever the key stands.
	if un := root.lookup("unit"); un != nil && un.kind != nullNode {
		u, err := budget.ParseUnit(un.text)
		if err != nil || un.kind != scalarNode {
			return nil, d.errorf(un, "unit", ErrValue, "%q; want 元, 万元 or 亿元", un.text)
		}
		d.unit = u
	}
	if err := d.decodeStruct(root, reflect.ValueOf(form).Elem(), true); err != nil {
		return nil, err
	}
	if err := structValidator.Struct(form); err != nil {
		return nil, d.validationError(root, err)
	}
	return form, nil
}

// lookup returns the value of key in a mapping node, or nil.
func (n *node) lookup(key string) *node {
	if n.kind != mapNode {
		return nil
	}
	for i := 0; i+1 < len(n.children); i += 2 {
		if n.children[i].text == key {
			return n.children[i+1]
		}
	}
	return nil
}

type decoder struct {
	file string
	unit budget.Unit
	path keyPath // of the node being decoded
}

func (d *decoder) errorf(n *node, path string, sentinel error, format string, args ...any) *DecodeError {
	return &DecodeError{File: d.file, Line: n.line, Column: n.col, Path: path,
		Err: fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))}
}

func (d *decoder) wrap(n *node, path string, sentinel error, err error) *DecodeError {
	return &DecodeError{File: d.file, Line: n.line, Column: n.col, Path: path, Err: fmt.Errorf("%w: %w", sentinel, err)}
}

var (
	amountType     = reflect.TypeFor[*budget.Amount]()
	rateType       = reflect.TypeFor[*budget.Rate]()
	decimalType    = reflect.TypeFor[*decimal.Decimal]()
	unitType       = reflect.TypeFor[budget.Unit]()
	directionType  = reflect.TypeFor[indicator.Direction]()
	sourceType     = reflect.TypeFor[budget.SourceKind]()
	dateType       = reflect.TypeFor[Date]()
	monthType      = reflect.TypeFor[Month]()
	likelihoodType = reflect.TypeFor[Likelihood]()
)

func (d *decoder) decodeStruct(n *node, v reflect.Value, root bool) error {
	switch n.kind {
	case nullNode:
		return nil
	case mapNode:
	default:
		return d.errorf(n, d.path.String(), ErrType, "want a mapping of keys, not a %s", n.kind)
	}
	info := structInfos[v.Type()]
	for i := 0; i+1 < len(n.children); i += 2 {
		k, val := n.children[i], n.children[i+1]
		if k.kind != scalarNode {
			return d.errorf(k, d.path.String(), ErrType, "a key must be a plain name")
		}
		mark := d.path.key(k.text)
		for j := 0; j < i; j += 2 {
			if n.children[j].text == k.text {
				return d.errorf(k, d.path.String(), ErrDuplicate, "also at line %d", n.children[j].line)
			}
		}
		if root && k.text == "kind" {
			d.path.pop(mark)
			continue
		}
		f, ok := info.byKey[k.text]
		if !ok {
			return d.errorf(k, d.path.String(), ErrUnknownKey, "%s", unknownKeyHint(k.text, info.keys))
		}
		if err := d.decodeValue(val, v.FieldByIndex(f.index)); err != nil {
			return err
		}
		d.path.pop(mark)
	}
	return nil
}

func (d *decoder) scalar(n *node) (string, error) {
	if n.kind != scalarNode {
		return "", d.errorf(n, d.path.String(), ErrType, "want a single value, not a %s", n.kind)
	}
	return n.text, nil
}

func (d *decoder) decodeValue(n *node, v reflect.Value) error {
	t := v.Type()
	if n.kind == nullNode && t.Kind() != reflect.Struct {
		return nil // absent: nil pointer, empty string or list, zero
	}
	// The value types of the format: each is a scalar read by its parser.
	var parse func(string) (any, error)
	switch t {
	case amountType:
		parse = func(s string) (any, error) { a, err := budget.ParseAmount(s, d.unit); return &a, err }
	case rateType:
		parse = func(s string) (any, error) { r, err := parseRate(s); return &r, err }
	case decimalType:
		// Weights and scores are often written with their unit: "10分".
		parse = func(s string) (any, error) {
			x, err := budget.ParseNumber(strings.TrimSuffix(strings.TrimSpace(s), "分"))
			return &x, err
		}
	case unitType:
		parse = func(s string) (any, error) { return budget.ParseUnit(s) }
	case directionType:
		parse = func(s string) (any, error) { return indicator.ParseDirection(s) }
	case sourceType:
		s, err := d.scalar(n)
		if err != nil {
			return err
		}
		if !budget.SourceKind(s).Valid() {
			return d.errorf(n, d.path.String(), ErrValue, "unknown source %q; want one of %s", s, sourceNames())
		}
		v.SetString(s)
		return nil
	case dateType, monthType, likelihoodType:
		// Value types that read themselves from their text.
		if n.kind == nullNode {
			return nil
		}
		parse = func(s string) (any, error) {
			x := reflect.New(t)
			err := x.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
			return x.Elem().Interface(), err
		}
	}
	if parse != nil {
		s, err := d.scalar(n)
		if err != nil {
			return err
		}
		x, err := parse(s)
		if err != nil {
			return d.wrap(n, d.path.String(), ErrValue, err)
		}
		v.Set(reflect.ValueOf(x))
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		s, err := d.scalar(n)
		if err != nil {
			return err
		}
		v.SetString(s)
	case reflect.Int:
		s, err := d.scalar(n)
		if err != nil {
			return err
		}
		// "2021", "2021年", "2021年度" as forms write it.
		y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "度"), "年"))
		if err != nil || y < 0 || y > 9999 {
			return d.errorf(n, d.path.String(), ErrValue, "%q is not a year", s)
		}
		v.SetInt(int64(y))
	case reflect.Bool:
		s, err := d.scalar(n)
		if err != nil {
			return err
		}
		switch s {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		default:
			return d.errorf(n, d.path.String(), ErrValue, "%q; want true or false", s)
		}
	case reflect.Slice:
		return d.decodeSlice(n, v)
	case reflect.Struct:
		return d.decodeStruct(n, v, false)
	default:
		return d.errorf(n, d.path.String(), ErrType, "unsupported field type %s", t)
	}
	return nil
}

func (d *decoder) decodeSlice(n *node, v reflect.Value) error {
	items := n.children
	switch n.kind {
	case seqNode:
	case scalarNode:
		// A single text where a list of texts belongs (goals.expected: one
		// goal) is read as a list of one.
		if v.Type().Elem().Kind() != reflect.String {
			return d.errorf(n, d.path.String(), ErrType, "want a list, not a single value")
		}
		items = []*node{n}
	default:
		return d.errorf(n, d.path.String(), ErrType, "want a list, not a %s", n.kind)
	}
	s := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		mark := d.path.index(i)
		if err := d.decodeValue(item, s.Index(i)); err != nil {
			return err
		}
		d.path.pop(mark)
	}
	v.Set(s)
	return nil
}

// parseRate reads a rate as printed ("99.99%"). A bare number is taken as
// a percentage, as forms print rates: 99.99 is 99.99%, not 9999%.
func parseRate(s string) (budget.Rate, error) {
	t := strings.TrimSpace(budget.FoldWidth(s))
	if !strings.HasSuffix(t, "%") {
		t += "%"
	}
	return budget.ParsePercent(t)
}

func sourceNames() string {
	var names []string
	for _, k := range budget.SourceKinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// unknownKeyHint names the nearest known key, since an unknown key is
// nearly always a typo of a real one.
func unknownKeyHint(key string, known []string) string {
	if best, ok := suggest.Closest(key, known); ok {
		return fmt.Sprintf("%q is not a key here; did you mean %q?", key, best)
	}
	return fmt.Sprintf("%q is not a key here; known keys: %s", key, strings.Join(known, ", "))
}

// fieldInfo maps one key of the file format to a struct field.
type fieldInfo struct {
	key   string
	label string // the form's Chinese label, from the label tag
	index []int
}

type structInfo struct {
	byKey  map[string]fieldInfo
	keys   []string // in struct order, for hints and encoding
	fields []fieldInfo
}

// structInfos describes every struct the decoder fills. It is built once
// when the package is initialised and only read afterwards, so it is safe
// for concurrent use and is not mutable state.
var structInfos = buildStructInfos(reflect.TypeFor[DepartmentForm](), reflect.TypeFor[ProjectForm](),
	reflect.TypeFor[DeclarationForm](), reflect.TypeFor[MonitoringForm]())

func buildStructInfos(roots ...reflect.Type) map[reflect.Type]*structInfo {
	m := map[reflect.Type]*structInfo{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || m[t] != nil || t == reflect.TypeFor[budget.Amount]() ||
			t == reflect.TypeFor[budget.Rate]() || t == reflect.TypeFor[decimal.Decimal]() {
			return
		}
		info := &structInfo{byKey: map[string]fieldInfo{}}
		m[t] = info
		var collect func(t reflect.Type, prefix []int)
		collect = func(t reflect.Type, prefix []int) {
			for i := range t.NumField() {
				sf := t.Field(i)
				tag := sf.Tag.Get("yaml")
				idx := append(append([]int(nil), prefix...), i)
				if tag == ",inline" {
					collect(sf.Type, idx)
					continue
				}
				if tag == "" || tag == "-" {
					continue
				}
				fi := fieldInfo{key: tag, label: sf.Tag.Get("label"), index: idx}
				info.byKey[tag] = fi
				info.keys = append(info.keys, tag)
				info.fields = append(info.fields, fi)
				visit(sf.Type)
			}
		}
		collect(t, nil)
	}
	for _, r := range roots {
		visit(r)
	}
	return m
}

// structValidator checks what the types alone cannot: year ranges,
// non-negative weights and scores, list lengths. It is built once and is
// safe for concurrent use.
var structValidator = newValidator()

func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name := f.Tag.Get("yaml")
		if name == ",inline" {
			return ""
		}
		return name
	})
	// Decimals are structs to the validator; its numeric tags would see
	// their string form, so the checks on them are registered here.
	_ = v.RegisterValidation("decimal_nonnegative", func(fl validator.FieldLevel) bool {
		f := fl.Field()
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				return true
			}
			f = f.Elem()
		}
		if f.CanAddr() {
			// Through a pointer, so that no copy of the decimal is boxed.
			if d, ok := f.Addr().Interface().(*decimal.Decimal); ok {
				return !d.IsNegative()
			}
		}
		d, ok := f.Interface().(decimal.Decimal)
		return ok && !d.IsNegative()
	})
	return v
}

func (d *decoder) validationError(root *node, err error) error {
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) || len(ves) == 0 {
		return &DecodeError{File: d.file, Line: 1, Err: fmt.Errorf("%w: %w", ErrValue, err)}
	}
	fe := ves[0]
	ns := fe.Namespace()
	if _, rest, ok := strings.Cut(ns, "."); ok {
		ns = rest
	}
	// The embedded budget.Funds shows in the namespace by its Go name.
	ns = strings.ReplaceAll(ns, ".Funds.", ".")
	n := locate(root, ns)
	label := fieldLabel(root, fe)
	var msg string
	switch fe.Tag() {
	case "gte", "lte":
		msg = fmt.Sprintf("%s %v is out of range (%s %s)", label, fe.Value(), fe.Tag(), fe.Param())
	case "max":
		msg = fmt.Sprintf("%s has more than %s entries", label, fe.Param())
	case "decimal_nonnegative":
		msg = fmt.Sprintf("%s must not be negative", label)
	default:
		msg = fmt.Sprintf("%s fails %s", label, fe.Tag())
	}
	return &DecodeError{File: d.file, Line: n.line, Column: n.col, Path: ns, Err: fmt.Errorf("%w: %s", ErrValue, msg)}
}

// fieldLabel is the form's Chinese label of the field that failed, with
// its key: "被评价年度 (year)". It follows the Go field names of the
// struct namespace from the form's type down to the field.
func fieldLabel(root *node, fe validator.FieldError) string {
	parts := strings.Split(fe.StructNamespace(), ".")
	var t reflect.Type
	switch Kind(root.lookup("kind").text) {
	case Department:
		t = reflect.TypeFor[DepartmentForm]()
	case Declaration:
		t = reflect.TypeFor[DeclarationForm]()
	case Monitoring:
		t = reflect.TypeFor[MonitoringForm]()
	default:
		t = reflect.TypeFor[ProjectForm]()
	}
	label := ""
	for _, p := range parts[1:] {
		name, _, _ := strings.Cut(p, "[")
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			break
		}
		sf, ok := t.FieldByName(name)
		if !ok {
			break
		}
		label, t = sf.Tag.Get("label"), sf.Type
	}
	if label == "" {
		return fe.Field()
	}
	return label + " (" + fe.Field() + ")"
}

// locate finds the node at a key path, or the deepest node on the way.
func locate(root *node, path string) *node {
	n := root
	for _, seg := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(seg, "[")
		if c := n.lookup(key); c != nil {
			n = c
		}
		for rest != "" {
			var i int
			numText, after, _ := strings.Cut(rest, "]")
			i, _ = strconv.Atoi(numText)
			if n.kind == seqNode && i < len(n.children) {
				n = n.children[i]
			}
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return n
}

// PositionOf returns the line and column of the value at a key path in a
// form file ("profile", "tasks[1].funds"), for errors found after
// decoding, such as a profile the caller does not know. ok is false when
// the data does not parse or has no such key.
func PositionOf(name string, data []byte, path string) (line, column int, ok bool) {
	var (
		root *node
		err  error
	)
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		root, err = parseJSON(data)
	} else {
		root, err = parseYAML(data)
	}
	if err != nil {
		return 0, 0, false
	}
	n := locate(root, path)
	if n == root {
		return 0, 0, false
	}
	return n.line, n.col, true
}
