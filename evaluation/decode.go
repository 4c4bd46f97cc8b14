package evaluation

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
	"github.com/perfeval/perfeval/internal/parse"
	"github.com/perfeval/perfeval/internal/safetext"
	"github.com/perfeval/perfeval/internal/suggest"
)

// Limits on what the decoder accepts. They bound the work and memory one
// file can cost, whatever it holds: a YAML alias bomb, a deeply nested JSON
// array or a megabyte of digits is refused with a positioned error.
const (
	MaxFileSize  = parse.MaxFileSize // bytes
	MaxDepth     = parse.MaxDepth    // nesting of mappings and sequences
	MaxNodes     = parse.MaxNodes    // nodes after expanding aliases
	MaxTextBytes = parse.MaxTextBytes
	// MaxAliasBytes bounds the text YAML aliases repeat: each use of an
	// alias counts the bytes of every text under it again.
	MaxAliasBytes = parse.MaxAliasBytes
)

// ReadFile reads and decodes the form in the named file. Files ending in
// .json are read as JSON, all others as YAML. A file larger than
// MaxFileSize is refused before it is read whole.
func ReadFile(path string) (Form, error) {
	tree, err := parse.BorrowFile(path)
	if err != nil {
		return nil, parseError(path, err)
	}
	defer tree.Release()
	return decodeRoot(path, tree.Root)
}

// ReadBytes reads a form file whole, in one allocation of its size, for a
// caller that decodes it later. A file larger than MaxFileSize is refused
// with a *DecodeError before it is read; other errors are *fs.PathError
// values, as from os.
func ReadBytes(path string) ([]byte, error) {
	data, err := parse.ReadFile(path, nil)
	if err != nil {
		return nil, parseError(path, err)
	}
	return data, nil
}

// Decode reads one form from data. name is the file name used in errors
// and to choose the syntax: JSON when it ends in .json, YAML otherwise
// (the keys are the same; a UTF-8 byte order mark is skipped in both).
// data is not modified.
//
// Every number is read from its literal text, never through float64.
// Unknown keys are refused; a missing list is an empty list. Any error is
// a *DecodeError naming the file, line, column and key path; it quotes
// at most a short prefix of any text of the file.
func Decode(name string, data []byte) (Form, error) {
	tree, err := parse.Borrow(parse.SyntaxOf(name), data)
	if err != nil {
		return nil, parseError(name, err)
	}
	defer tree.Release()
	return decodeRoot(name, tree.Root)
}

// parseError makes an error of package parse a *DecodeError of the file
// name, wrapping this package's sentinel of its class.
func parseError(name string, err error) error {
	var pe *parse.Error
	if !errors.As(err, &pe) {
		return err // an *fs.PathError, as from os
	}
	sentinel := ErrSyntax
	switch pe.Err {
	case parse.ErrEmpty:
		sentinel = ErrEmpty
	case parse.ErrLimit:
		sentinel = ErrLimit
	}
	return &DecodeError{File: name, Line: pe.Line, Column: pe.Col, Err: fmt.Errorf("%w: %s", sentinel, pe.Msg)}
}

func decodeRoot(name string, root *parse.Node) (Form, error) {
	d := &decoder{file: name}
	if root.Kind != parse.Mapping {
		return nil, d.errorf(root, "", ErrType, "a form is a mapping of keys (kind:, funds:, …), not a %s", root.Kind)
	}
	kindNode := root.Lookup("kind")
	if kindNode == nil {
		return nil, d.errorf(root, "kind", ErrKind, "missing; want %q or %q", Department, Project)
	}
	var form Form
	switch Kind(kindNode.Text) {
	case Department:
		form = &DepartmentForm{}
	case Project:
		form = &ProjectForm{}
	default:
		return nil, d.errorf(kindNode, "kind", ErrKind, "%s; want %q or %q", safetext.Quote(kindNode.Text), Department, Project)
	}
	// Amounts are read in the form's unit, wherever the key stands.
	if un := root.Lookup("unit"); un != nil && un.Kind != parse.Null {
		u, err := budget.ParseUnit(un.Text)
		if err != nil || un.Kind != parse.Scalar {
			return nil, d.errorf(un, "unit", ErrValue, "%s; want 元, 万元 or 亿元", safetext.Quote(un.Text))
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

type decoder struct {
	file string
	unit budget.Unit
	path parse.Path // of the node being decoded
}

func (d *decoder) errorf(n *parse.Node, path string, sentinel error, format string, args ...any) *DecodeError {
	return &DecodeError{File: d.file, Line: n.Line, Column: n.Col, Path: path,
		Err: fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))}
}

// wrap reports err, which a parser of values returned for the text of n,
// quoting that text as every message does: at most a short prefix.
func (d *decoder) wrap(n *parse.Node, path string, sentinel error, err error) *DecodeError {
	return &DecodeError{File: d.file, Line: n.Line, Column: n.Col, Path: path,
		Err: fmt.Errorf("%w: %w", sentinel, &inputError{err: err, input: n.Text})}
}

// inputError is an error of a parser of values (budget.ParseAmount,
// indicator.ParseDirection …), whose message quotes the whole input with
// %q: its message quotes it with safetext.Quote instead. It unwraps to
// the parser's error, so errors.As still finds a *budget.NumberError.
type inputError struct {
	err   error
	input string
}

func (e *inputError) Error() string {
	msg := e.err.Error()
	if full, short := strconv.Quote(e.input), safetext.Quote(e.input); full != short {
		msg = strings.Replace(msg, full, short, 1)
	}
	return msg
}

func (e *inputError) Unwrap() error { return e.err }

var (
	amountType    = reflect.TypeFor[*budget.Amount]()
	rateType      = reflect.TypeFor[*budget.Rate]()
	decimalType   = reflect.TypeFor[*decimal.Decimal]()
	unitType      = reflect.TypeFor[budget.Unit]()
	directionType = reflect.TypeFor[indicator.Direction]()
	sourceType    = reflect.TypeFor[budget.SourceKind]()
)

func (d *decoder) decodeStruct(n *parse.Node, v reflect.Value, root bool) error {
	switch n.Kind {
	case parse.Null:
		return nil
	case parse.Mapping:
	default:
		return d.errorf(n, d.path.String(), ErrType, "want a mapping of keys, not a %s", n.Kind)
	}
	info := structInfos[v.Type()]
	for i := 0; i+1 < len(n.Children); i += 2 {
		k, val := n.Children[i], n.Children[i+1]
		if k.Kind != parse.Scalar {
			return d.errorf(k, d.path.String(), ErrType, "a key must be a plain name")
		}
		f, known := info.byKey[k.Text]
		key := k.Text
		if !known {
			// An unknown key stands in the error's path as a message
			// quotes it: at most a short prefix, controls made visible.
			key = safetext.Clip(key)
		}
		mark := d.path.Key(key)
		for j := 0; j < i; j += 2 {
			if n.Children[j].Text == k.Text {
				return d.errorf(k, d.path.String(), ErrDuplicate, "also at line %d", n.Children[j].Line)
			}
		}
		if root && k.Text == "kind" {
			d.path.Pop(mark)
			continue
		}
		if !known {
			return d.errorf(k, d.path.String(), ErrUnknownKey, "%s", unknownKeyHint(k.Text, info.keys))
		}
		if err := d.decodeValue(val, v.FieldByIndex(f.index)); err != nil {
			return err
		}
		d.path.Pop(mark)
	}
	return nil
}

func (d *decoder) scalar(n *parse.Node) (string, error) {
	if n.Kind != parse.Scalar {
		return "", d.errorf(n, d.path.String(), ErrType, "want a single value, not a %s", n.Kind)
	}
	return n.Text, nil
}

func (d *decoder) decodeValue(n *parse.Node, v reflect.Value) error {
	t := v.Type()
	if n.Kind == parse.Null && t.Kind() != reflect.Struct {
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
			return d.errorf(n, d.path.String(), ErrValue, "unknown source %s; want one of %s", safetext.Quote(s), sourceNames())
		}
		v.SetString(s)
		return nil
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
			return d.errorf(n, d.path.String(), ErrValue, "%s is not a year", safetext.Quote(s))
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
			return d.errorf(n, d.path.String(), ErrValue, "%s; want true or false", safetext.Quote(s))
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

func (d *decoder) decodeSlice(n *parse.Node, v reflect.Value) error {
	items := n.Children
	switch n.Kind {
	case parse.Sequence:
	case parse.Scalar:
		// A single text where a list of texts belongs (goals.expected: one
		// goal) is read as a list of one.
		if v.Type().Elem().Kind() != reflect.String {
			return d.errorf(n, d.path.String(), ErrType, "want a list, not a single value")
		}
		items = []*parse.Node{n}
	default:
		return d.errorf(n, d.path.String(), ErrType, "want a list, not a %s", n.Kind)
	}
	s := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		mark := d.path.Index(i)
		if err := d.decodeValue(item, s.Index(i)); err != nil {
			return err
		}
		d.path.Pop(mark)
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
// nearly always a typo of a real one. A key far longer than any known
// one is no typo, and is not compared.
func unknownKeyHint(key string, known []string) string {
	if len(key) <= maxTypoBytes {
		if best, ok := suggest.Closest(key, known); ok {
			return fmt.Sprintf("%s is not a key here; did you mean %q?", safetext.Quote(key), best)
		}
	}
	return fmt.Sprintf("%s is not a key here; known keys: %s", safetext.Quote(key), strings.Join(known, ", "))
}

const maxTypoBytes = 256

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
var structInfos = buildStructInfos(reflect.TypeFor[DepartmentForm](), reflect.TypeFor[ProjectForm]())

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

func (d *decoder) validationError(root *parse.Node, err error) error {
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
	return &DecodeError{File: d.file, Line: n.Line, Column: n.Col, Path: ns, Err: fmt.Errorf("%w: %s", ErrValue, msg)}
}

// fieldLabel is the form's Chinese label of the field that failed, with
// its key: "被评价年度 (year)". It follows the Go field names of the
// struct namespace from the form's type down to the field.
func fieldLabel(root *parse.Node, fe validator.FieldError) string {
	parts := strings.Split(fe.StructNamespace(), ".")
	var t reflect.Type
	switch Kind(root.Lookup("kind").Text) {
	case Department:
		t = reflect.TypeFor[DepartmentForm]()
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
func locate(root *parse.Node, path string) *parse.Node { return root.At(path) }

// PositionOf returns the line and column of the value at a key path in a
// form file ("profile", "tasks[1].funds"), for errors found after
// decoding, such as a profile the caller does not know. ok is false when
// the data does not parse or has no such key.
func PositionOf(name string, data []byte, path string) (line, column int, ok bool) {
	root, err := parse.Document(parse.SyntaxOf(name), data)
	if err != nil {
		return 0, 0, false
	}
	n := root.At(path)
	if n == root {
		return 0, 0, false
	}
	return n.Line, n.Col, true
}
