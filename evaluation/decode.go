package evaluation

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	enlocale "github.com/go-playground/locales/en"
	zhlocale "github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	entranslations "github.com/go-playground/validator/v10/translations/en"
	zhtranslations "github.com/go-playground/validator/v10/translations/zh"
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
		zh, en := nodeKindText(root.Kind)
		return nil, d.errorf(root, "", ErrType, nil,
			"表应为键值映射（kind:、funds: …），而不是%[1]s", "a form is a mapping of keys (kind:, funds:, …), not a %[2]s", zh, en)
	}
	kindNode := root.Lookup("kind")
	if kindNode == nil {
		return nil, d.errorf(root, "kind", ErrKind, nil,
			"缺少 kind（表式）；应为 %s 之一", "missing; want one of %s", kindNames())
	}
	var form Form
	switch Kind(kindNode.Text) {
	case Department:
		form = &DepartmentForm{}
	case Project:
		form = &ProjectForm{}
	case Declaration:
		form = &DeclarationForm{}
	case Monitoring:
		form = &MonitoringForm{}
	case DepartmentEvaluation:
		form = &DepartmentEvaluationForm{}
	case "rubric":
		return nil, d.errorf(kindNode, "kind", ErrKind, ErrRubricFile,
			"这是评分办法文件（kind: rubric），不是表；请用 -rubric 指定", "a rubric file (kind: rubric), not a form; give it with -rubric")
	default:
		q := safetext.Quote(kindNode.Text)
		return nil, d.errorf(kindNode, "kind", ErrKind, nil,
			"表式 %s 无法识别；应为 %s 之一", "%s; want one of %s", q, kindNames())
	}
	// Amounts are read in the form's unit, wherever the key stands.
	if un := root.Lookup("unit"); un != nil && un.Kind != parse.Null {
		u, err := budget.ParseUnit(un.Text)
		if err != nil || un.Kind != parse.Scalar {
			return nil, d.errorf(un, "unit", ErrValue, err,
				"单位 %s 无法识别；应为 元、万元 或 亿元", "unit %s; want 元, 万元 or 亿元", safetext.Quote(un.Text))
		}
		d.unit = u
	}
	d.decodeStruct(root, reflect.ValueOf(form).Elem(), true)
	if err := structValidator.Struct(form); err != nil {
		d.validationErrors(root, form.Kind(), err)
	}
	if len(d.errs) > 0 {
		return nil, d.result()
	}
	return form, nil
}

// valueTypeNames says what a value of a type that reads itself should
// be, for a reader.
func valueTypeNames(t reflect.Type) (zh, en string) {
	switch t {
	case dateType:
		return "日期", "a date"
	case monthType:
		return "月份", "a month"
	case likelihoodType:
		return "可能性（确定能、有可能 或 完全不可能）", "a likelihood (确定能, 有可能 or 完全不可能)"
	}
	return "有效的值", "a valid value"
}

type decoder struct {
	file string
	unit budget.Unit
	path parse.Path // of the node being decoded
	errs []*DecodeError
	more int // errors found beyond maxDecodeErrors
}

// maxDecodeErrors bounds the errors one file reports: every failure is
// reported, up to this many, and then how many more there were.
const maxDecodeErrors = 20

// errorf returns an error at node n, with the message in both languages.
// Both formats take the same arguments; where the two languages need
// different words, the formats pick theirs by index ("%[1]s" in the
// Chinese, "%[2]s" in the English). cause, when not nil, is wrapped too.
func (d *decoder) errorf(n *parse.Node, path string, sentinel, cause error, zh, en string, args ...any) *DecodeError {
	err := sentinel
	if cause != nil {
		err = fmt.Errorf("%w: %w", sentinel, cause)
	}
	return &DecodeError{File: d.file, Line: n.Line, Column: n.Col, Path: path, Err: err,
		Msg: Text{Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}}
}

// fail records an error and lets decoding go on, so that one file
// reports all its faults at once.
func (d *decoder) fail(e *DecodeError) {
	if len(d.errs) >= maxDecodeErrors {
		d.more++
		return
	}
	d.errs = append(d.errs, e)
}

// result is the decoding's error: its failures in file order.
func (d *decoder) result() error {
	slices.SortStableFunc(d.errs, func(a, b *DecodeError) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	if d.more > 0 {
		d.errs = append(d.errs, &DecodeError{File: d.file, Err: ErrMoreErrors, More: d.more,
			Msg: Text{Zh: fmt.Sprintf("另有 %d 处错误未列出", d.more), En: fmt.Sprintf("%d more errors not listed", d.more)}})
	}
	return joinDecodeErrors(d.errs)
}

// nodeKindText names a node's kind for a reader.
func nodeKindText(k parse.Kind) (zh, en string) {
	switch k {
	case parse.Mapping:
		return "键值映射", "mapping"
	case parse.Sequence:
		return "列表", "list"
	case parse.Null:
		return "空值", "null"
	}
	return "单个值", "single value"
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

// pathWithKey is the path of an unknown key: the key is input, so it is
// named in the path only when it is short and plain; a key of megabytes
// or of control characters is named by a quoted prefix in the message
// only.
func (d *decoder) pathWithKey(key string) string {
	parent := d.path.String()
	if len(key) > 64 || safetext.Line(key) != key || strings.ContainsAny(key, ".[]") {
		return parent
	}
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func (d *decoder) decodeStruct(n *parse.Node, v reflect.Value, root bool) {
	switch n.Kind {
	case parse.Null:
		return
	case parse.Mapping:
	default:
		zh, en := nodeKindText(n.Kind)
		d.fail(d.errorf(n, d.path.String(), ErrType, nil, "应为键值映射，而不是%[1]s", "want a mapping of keys, not a %[2]s", zh, en))
		return
	}
	info := structInfos[v.Type()]
	for i := 0; i+1 < len(n.Children); i += 2 {
		k, val := n.Children[i], n.Children[i+1]
		if k.Kind != parse.Scalar {
			d.fail(d.errorf(k, d.path.String(), ErrType, nil, "键应为普通名称", "a key must be a plain name"))
			continue
		}
		duplicate := false
		for j := 0; j < i; j += 2 {
			if n.Children[j].Text == k.Text {
				d.fail(d.errorf(k, d.pathWithKey(k.Text), ErrDuplicate, nil, "键 %s 重复（第 %d 行已有）", "%s given twice (also at line %d)",
					safetext.Quote(k.Text), n.Children[j].Line))
				duplicate = true
				break
			}
		}
		if duplicate || root && k.Text == "kind" {
			continue
		}
		f, ok := info.byKey[k.Text]
		if !ok {
			d.fail(d.unknownKey(k, info.keys))
			continue
		}
		mark := d.path.Key(k.Text)
		d.decodeValue(val, v.FieldByIndex(f.index))
		d.path.Pop(mark)
	}
}

// unknownKey names the nearest known key, since an unknown key is nearly
// always a typo of a real one.
func (d *decoder) unknownKey(k *parse.Node, known []string) *DecodeError {
	q := safetext.Quote(k.Text)
	if best, ok := suggest.Closest(k.Text, known); ok {
		return d.errorf(k, d.pathWithKey(k.Text), ErrUnknownKey, nil,
			"%s 不是此处的键；是否应为 %q？", "%s is not a key here; did you mean %q?", q, best)
	}
	list := strings.Join(known, ", ")
	return d.errorf(k, d.pathWithKey(k.Text), ErrUnknownKey, nil,
		"%s 不是此处的键；此处的键有：%s", "%s is not a key here; known keys: %s", q, list)
}

func (d *decoder) scalar(n *parse.Node) (string, bool) {
	if n.Kind != parse.Scalar {
		zh, en := nodeKindText(n.Kind)
		d.fail(d.errorf(n, d.path.String(), ErrType, nil, "应为单个值，而不是%[1]s", "want a single value, not a %[2]s", zh, en))
		return "", false
	}
	return n.Text, true
}

// valueError is the error of a scalar its parser refused: what it should
// have been, quoting a short prefix of what it is, and why, without the
// Go names of the parser.
func (d *decoder) valueError(n *parse.Node, whatZh, whatEn string, err error) *DecodeError {
	q := safetext.Quote(n.Text)
	whyZh, whyEn := "", ""
	if errors.Is(err, budget.ErrRange) {
		whyZh = fmt.Sprintf("（超出范围：整数至多 %d 位、小数至多 %d 位）", budget.MaxIntegerDigits, budget.MaxDecimalPlaces)
	}
	if ne := (*budget.NumberError)(nil); errors.As(err, &ne) {
		whyEn = " (" + ne.Err.Error() + ")"
	}
	return d.errorf(n, d.path.String(), ErrValue, err, "%[1]s 不是%[2]s%[3]s", "%[1]s is not %[4]s%[5]s", q, whatZh, whyZh, whatEn, whyEn)
}

func (d *decoder) decodeValue(n *parse.Node, v reflect.Value) {
	t := v.Type()
	if n.Kind == parse.Null && t.Kind() != reflect.Struct {
		return // absent: nil pointer, empty string or list, zero
	}
	// The value types of the format: each is a scalar read by its parser.
	var (
		read           func(string) (any, error)
		whatZh, whatEn string
	)
	switch t {
	case amountType:
		whatZh, whatEn = "金额", "an amount"
		read = func(s string) (any, error) { a, err := budget.ParseAmount(s, d.unit); return &a, err }
	case rateType:
		whatZh, whatEn = "百分比", "a percentage"
		read = func(s string) (any, error) { r, err := parseRate(s); return &r, err }
	case decimalType:
		whatZh, whatEn = "数值", "a number"
		// Weights and scores are often written with their unit: "10分".
		read = func(s string) (any, error) {
			x, err := budget.ParseNumber(strings.TrimSuffix(strings.TrimSpace(s), "分"))
			return &x, err
		}
	case unitType:
		whatZh, whatEn = "单位（元、万元 或 亿元）", "a unit (元, 万元 or 亿元)"
		read = func(s string) (any, error) { return budget.ParseUnit(s) }
	case directionType:
		whatZh, whatEn = "指标方向（higher、lower、exact、qualitative，或 正向、反向、定性）", "a direction (higher, lower, exact or qualitative)"
		read = func(s string) (any, error) { return indicator.ParseDirection(s) }
	case sourceType:
		s, ok := d.scalar(n)
		if !ok {
			return
		}
		if !budget.SourceKind(s).Valid() {
			d.fail(d.errorf(n, d.path.String(), ErrValue, nil, "资金来源 %s 无法识别；应为 %s 之一", "unknown source %s; want one of %s",
				safetext.Quote(s), sourceNames()))
			return
		}
		v.SetString(s)
		return
	case dateType, monthType, likelihoodType:
		// Value types that read themselves from their text.
		if n.Kind == parse.Null {
			return
		}
		whatZh, whatEn = valueTypeNames(t)
		read = func(s string) (any, error) {
			x := reflect.New(t)
			err := x.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
			return x.Elem().Interface(), err
		}
	}
	if read != nil {
		s, ok := d.scalar(n)
		if !ok {
			return
		}
		x, err := read(s)
		if err != nil {
			d.fail(d.valueError(n, whatZh, whatEn, err))
			return
		}
		v.Set(reflect.ValueOf(x))
		return
	}
	switch t.Kind() {
	case reflect.String:
		if s, ok := d.scalar(n); ok {
			v.SetString(s)
		}
	case reflect.Int:
		s, ok := d.scalar(n)
		if !ok {
			return
		}
		// "2021", "2021年", "2021年度" as forms write it.
		y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "度"), "年"))
		if err != nil || y < 0 || y > 9999 {
			d.fail(d.errorf(n, d.path.String(), ErrValue, nil, "%s 不是年度", "%s is not a year", safetext.Quote(s)))
			return
		}
		v.SetInt(int64(y))
	case reflect.Bool:
		s, ok := d.scalar(n)
		if !ok {
			return
		}
		switch s {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		default:
			d.fail(d.errorf(n, d.path.String(), ErrValue, nil, "%s 应为 true 或 false", "%s; want true or false", safetext.Quote(s)))
		}
	case reflect.Slice:
		d.decodeSlice(n, v)
	case reflect.Map:
		d.decodeMap(n, v)
	case reflect.Struct:
		d.decodeStruct(n, v, false)
	default:
		d.fail(d.errorf(n, d.path.String(), ErrType, nil, "不支持的字段类型 %s", "unsupported field type %s", t))
	}
}

func (d *decoder) decodeSlice(n *parse.Node, v reflect.Value) {
	items := n.Children
	switch n.Kind {
	case parse.Sequence:
	case parse.Scalar:
		// A single text where a list of texts belongs (goals.expected: one
		// goal) is read as a list of one.
		if v.Type().Elem().Kind() != reflect.String {
			d.fail(d.errorf(n, d.path.String(), ErrType, nil, "应为列表，而不是单个值", "want a list, not a single value"))
			return
		}
		items = []*parse.Node{n}
	default:
		zh, en := nodeKindText(n.Kind)
		d.fail(d.errorf(n, d.path.String(), ErrType, nil, "应为列表，而不是%[1]s", "want a list, not a %[2]s", zh, en))
		return
	}
	if len(items) == 0 {
		return // an empty list is a missing one: nil, as the form had none
	}
	s := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		mark := d.path.Index(i)
		d.decodeValue(item, s.Index(i))
		d.path.Pop(mark)
	}
	v.Set(s)
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
	reflect.TypeFor[DeclarationForm](), reflect.TypeFor[MonitoringForm](), reflect.TypeFor[DepartmentEvaluationForm]())

func buildStructInfos(roots ...reflect.Type) map[reflect.Type]*structInfo {
	m := map[reflect.Type]*structInfo{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer || t.Kind() == reflect.Map {
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
// non-negative weights and scores, list lengths. It is built once, with
// its Chinese and English translations, and is safe for concurrent use.
var structValidator, validationZh, validationEn = newValidator()

func newValidator() (*validator.Validate, ut.Translator, ut.Translator) {
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
	// The validator's own translations of its tags, and ours of the tag
	// above, in both languages.
	uni := ut.New(enlocale.New(), enlocale.New(), zhlocale.New())
	zh, _ := uni.GetTranslator("zh")
	en, _ := uni.GetTranslator("en")
	_ = zhtranslations.RegisterDefaultTranslations(v, zh)
	_ = entranslations.RegisterDefaultTranslations(v, en)
	for trans, text := range map[ut.Translator]string{zh: "{0}不能为负数", en: "{0} must not be negative"} {
		_ = v.RegisterTranslation("decimal_nonnegative", trans,
			func(t ut.Translator) error { return t.Add("decimal_nonnegative", text, false) },
			func(t ut.Translator, fe validator.FieldError) string {
				msg, _ := t.T("decimal_nonnegative", fe.Field())
				return msg
			})
	}
	return v, zh, en
}

// validationErrors records every failure the validator found, each at
// its key path and position, in both languages. The Chinese message
// names the field by the form's label (被评价年度) where the validator's
// translation names it by its key (year).
func (d *decoder) validationErrors(root *parse.Node, kind Kind, err error) {
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		d.fail(&DecodeError{File: d.file, Line: 1, Err: fmt.Errorf("%w: %w", ErrValue, err),
			Msg: Text{Zh: "表的内容不符合格式要求", En: err.Error()}})
		return
	}
	for _, fe := range ves {
		ns := fe.Namespace()
		if _, rest, ok := strings.Cut(ns, "."); ok {
			ns = rest
		}
		// The embedded budget.Funds and rubric.Input show in the namespace
		// by their Go names.
		ns = strings.ReplaceAll(ns, ".Funds.", ".")
		ns = strings.TrimPrefix(ns, "Input.")
		n := locate(root, ns)
		zh := fe.Translate(validationZh)
		if label := fieldLabel(kind, fe); label != "" {
			zh = strings.Replace(zh, fe.Field(), label, 1)
		}
		d.fail(&DecodeError{File: d.file, Line: n.Line, Column: n.Col, Path: ns,
			Err: fmt.Errorf("%w: %s fails %s", ErrValue, ns, fe.Tag()),
			Msg: Text{Zh: zh, En: fe.Translate(validationEn)}})
	}
}

// fieldLabel is the form's Chinese label of the field that failed
// (被评价年度). It follows the Go field names of the struct namespace
// from the form's type down to the field.
func fieldLabel(kind Kind, fe validator.FieldError) string {
	parts := strings.Split(fe.StructNamespace(), ".")
	var t reflect.Type
	switch kind {
	case Department:
		t = reflect.TypeFor[DepartmentForm]()
	case Declaration:
		t = reflect.TypeFor[DeclarationForm]()
	case Monitoring:
		t = reflect.TypeFor[MonitoringForm]()
	case DepartmentEvaluation:
		t = reflect.TypeFor[DepartmentEvaluationForm]()
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
	return label
}

// locate finds the node at a key path, or the deepest node on the way.
func locate(root *parse.Node, path string) *parse.Node { return root.At(path) }
