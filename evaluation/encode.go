package evaluation

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
)

// Encode writes the form in the YAML file format. Decoding the result
// gives back an equal form: amounts keep the decimal places they were
// written with (in the form's unit), rates their printed precision.
// Absent values are left out.
func Encode(f Form) ([]byte, error) {
	v, err := formValue(f)
	if err != nil {
		return nil, err
	}
	unit := f.Header().Unit
	root := encodeStruct(v, unit)
	if root == nil {
		root = &yaml.Node{Kind: yaml.MappingNode}
	}
	kind := []*yaml.Node{str("kind"), str(string(f.Kind()))}
	root.Content = append(kind, root.Content...)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// emptyNode is the YAML of an item of a list or map that has nothing to
// say, so that it keeps its place: "" for a text, false, null for a
// number, {} for a row.
func emptyNode(t reflect.Type) *yaml.Node {
	switch t.Kind() {
	case reflect.String:
		return str("")
	case reflect.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"}
	case reflect.Pointer:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	return &yaml.Node{Kind: yaml.MappingNode}
}

func formValue(f Form) (reflect.Value, error) {
	if isNil(f) {
		return reflect.Value{}, errors.New("evaluation: Encode: nil form")
	}
	return reflect.ValueOf(f).Elem(), nil
}

// str is a text's node. A text holding U+2028, U+2029 or U+0085 is
// written double-quoted: the YAML writer takes them for line breaks and
// indents what follows them inside a plain, single-quoted or block
// scalar, spaces the file format's reader keeps; double-quoted, they are
// written as the escapes \L, \P and \N and read back as they were.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\u2028\u2029\u0085") {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// numberText is the exact text of d with its written places: 16.60 stays
// "16.60", 500 "500".
func numberText(d decimal.Decimal) string { return d.StringFixed(max(0, -d.Exponent())) }

func number(d decimal.Decimal) *yaml.Node {
	tag := "!!float"
	if d.Exponent() >= 0 {
		tag = "!!int"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: numberText(d)}
}

func encodeStruct(v reflect.Value, unit budget.Unit) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range structInfos[v.Type()].fields {
		if val := encodeValue(v.FieldByIndex(f.index), unit); val != nil {
			out.Content = append(out.Content, str(f.key), val)
		}
	}
	if len(out.Content) == 0 {
		return nil
	}
	return out
}

// encodeValue returns the YAML of one field, or nil to leave it out.
// Amounts are written in the form's unit, as Decode reads them.
func encodeValue(v reflect.Value, unit budget.Unit) *yaml.Node {
	switch x := v.Interface().(type) {
	case *budget.Amount:
		if x == nil {
			return nil
		}
		return number(x.In(unit).Decimal())
	case *decimal.Decimal:
		if x == nil {
			return nil
		}
		return number(*x)
	case *budget.Rate:
		if x == nil {
			return nil
		}
		return str(x.String())
	case budget.Unit:
		return str(x.String())
	case indicator.Direction:
		if x == indicator.Unspecified {
			return nil
		}
		return str(x.String())
	case Month:
		if x == 0 {
			return nil
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(int(x))}
	case encoding.TextMarshaler:
		// A value type that writes itself (a Date, a Month, a Likelihood);
		// nothing when it has nothing to say.
		b, err := x.MarshalText()
		if err != nil || len(b) == 0 {
			return nil
		}
		return str(string(b))
	}
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			return nil
		}
		return str(v.String())
	case reflect.Int:
		if v.Int() == 0 {
			return nil
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(v.Int())}
	case reflect.Bool:
		if !v.Bool() {
			return nil
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"}
	case reflect.Slice:
		if v.Len() == 0 {
			return nil
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for i := range v.Len() {
			item := encodeValue(v.Index(i), unit)
			if item == nil {
				item = emptyNode(v.Type().Elem())
			}
			seq.Content = append(seq.Content, item)
		}
		return seq
	case reflect.Map:
		if v.Len() == 0 {
			return nil
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, k := range sortedMapKeys(v) {
			val := encodeValue(v.MapIndex(k), unit)
			if val == nil {
				val = emptyNode(v.Type().Elem())
			}
			m.Content = append(m.Content, str(k.String()), val)
		}
		return m
	case reflect.Struct:
		return encodeStruct(v, unit)
	}
	return nil
}

// MarshalJSON writes the form in the JSON file format, the keys of Encode
// in the same order, kind first. Amounts, weights and scores are JSON
// strings holding their exact text ("2395.15", in the form's unit), so
// no reader parses them through a binary float; Decode reads the result
// back to an equal form.
func (f DepartmentForm) MarshalJSON() ([]byte, error) { return marshalForm(&f) }

// MarshalJSON writes the form in the JSON file format (see
// DepartmentForm.MarshalJSON).
func (f ProjectForm) MarshalJSON() ([]byte, error) { return marshalForm(&f) }

// MarshalJSON writes the form in the JSON file format (see
// DepartmentForm.MarshalJSON).
func (f DeclarationForm) MarshalJSON() ([]byte, error) { return marshalForm(&f) }

// MarshalJSON writes the form in the JSON file format (see
// DepartmentForm.MarshalJSON).
func (f MonitoringForm) MarshalJSON() ([]byte, error) { return marshalForm(&f) }

// UnmarshalJSON reads a declaration in the JSON file format (see
// DepartmentForm.UnmarshalJSON).
func (f *DeclarationForm) UnmarshalJSON(b []byte) error {
	form, err := decodeJSON(b, Declaration)
	if err != nil {
		return err
	}
	*f = *form.(*DeclarationForm)
	return nil
}

// UnmarshalJSON reads a monitoring form in the JSON file format (see
// DepartmentForm.UnmarshalJSON).
func (f *MonitoringForm) UnmarshalJSON(b []byte) error {
	form, err := decodeJSON(b, Monitoring)
	if err != nil {
		return err
	}
	*f = *form.(*MonitoringForm)
	return nil
}

// UnmarshalJSON reads a department form in the JSON file format, as
// Decode does: unknown keys, a kind other than the department form's,
// and values that do not read are refused with a *DecodeError.
func (f *DepartmentForm) UnmarshalJSON(b []byte) error {
	form, err := decodeJSON(b, Department)
	if err != nil {
		return err
	}
	*f = *form.(*DepartmentForm)
	return nil
}

// UnmarshalJSON reads a project form in the JSON file format (see
// DepartmentForm.UnmarshalJSON).
func (f *ProjectForm) UnmarshalJSON(b []byte) error {
	form, err := decodeJSON(b, Project)
	if err != nil {
		return err
	}
	*f = *form.(*ProjectForm)
	return nil
}

// decodeJSON decodes a form of the given kind from JSON, for a caller
// with no file name: its errors name none.
func decodeJSON(b []byte, want Kind) (Form, error) {
	form, err := Decode(".json", b)
	if err != nil {
		forEachDecodeError(err, func(de *DecodeError) { de.File = "" })
		return nil, err
	}
	if form.Kind() != want {
		return nil, &DecodeError{Line: 1, Path: "kind", Err: fmt.Errorf("%w: %q; want %q", ErrKind, form.Kind(), want),
			Msg: Text{Zh: fmt.Sprintf("表式为 %s，此处应为 %s", form.Kind(), want), En: fmt.Sprintf("the form is a %s; want a %s", form.Kind(), want)}}
	}
	return form, nil
}

func marshalForm(f Form) ([]byte, error) {
	v, err := formValue(f)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(`{"kind":`)
	writeJSONString(&b, string(f.Kind()))
	if err := encodeJSONFields(&b, v, f.Header().Unit, true); err != nil {
		return nil, err
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// encodeJSONFields writes the present fields of a struct as members of an
// object already opened; comma says whether one was written before.
// It reports whether it wrote any.
func encodeJSONFields(b *bytes.Buffer, v reflect.Value, unit budget.Unit, comma bool) error {
	for _, f := range structInfos[v.Type()].fields {
		fv := v.FieldByIndex(f.index)
		if isAbsent(fv) {
			continue
		}
		if comma {
			b.WriteByte(',')
		}
		comma = true
		writeJSONString(b, f.key)
		b.WriteByte(':')
		if err := encodeJSONValue(b, fv, unit); err != nil {
			return err
		}
	}
	return nil
}

// isAbsent reports whether Encode would leave the field out.
func isAbsent(v reflect.Value) bool {
	switch x := v.Interface().(type) {
	case indicator.Direction:
		return x == indicator.Unspecified
	case budget.Unit:
		return false
	case Month:
		return x == 0
	}
	if v.Kind() == reflect.Pointer {
		return v.IsNil()
	}
	if tm, ok := v.Interface().(encoding.TextMarshaler); ok {
		// A value type that writes itself (a Date, a Likelihood): absent
		// when it has nothing to say.
		b, err := tm.MarshalText()
		return err != nil || len(b) == 0
	}
	switch v.Kind() {
	case reflect.String:
		return v.String() == ""
	case reflect.Int:
		return v.Int() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Struct:
		for _, f := range structInfos[v.Type()].fields {
			if !isAbsent(v.FieldByIndex(f.index)) {
				return false
			}
		}
		return true
	}
	return false
}

func encodeJSONValue(b *bytes.Buffer, v reflect.Value, unit budget.Unit) error {
	switch x := v.Interface().(type) {
	case *budget.Amount:
		writeJSONString(b, numberText(x.In(unit).Decimal()))
		return nil
	case *decimal.Decimal:
		writeJSONString(b, numberText(*x))
		return nil
	case *budget.Rate:
		writeJSONString(b, x.String())
		return nil
	case budget.Unit:
		writeJSONString(b, x.String())
		return nil
	case indicator.Direction:
		writeJSONString(b, x.String())
		return nil
	case Month:
		b.WriteString(strconv.Itoa(int(x)))
		return nil
	case encoding.TextMarshaler:
		text, err := x.MarshalText()
		if err != nil {
			return err
		}
		writeJSONString(b, string(text))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		writeJSONString(b, v.String())
	case reflect.Int:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Slice:
		b.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := encodeJSONValue(b, v.Index(i), unit); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case reflect.Map:
		b.WriteByte('{')
		for i, k := range sortedMapKeys(v) {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k.String())
			b.WriteByte(':')
			if e := v.MapIndex(k); e.Kind() == reflect.Pointer && e.IsNil() {
				b.WriteString("null")
			} else if err := encodeJSONValue(b, e, unit); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case reflect.Struct:
		b.WriteByte('{')
		if err := encodeJSONFields(b, v, unit, false); err != nil {
			return err
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("evaluation: MarshalJSON: unsupported field type %s", v.Type())
	}
	return nil
}

// writeJSONString writes s as a JSON string, as encoding/json does.
func writeJSONString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s) // a string always marshals
	b.Write(q)
}
