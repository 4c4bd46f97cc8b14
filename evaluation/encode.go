package evaluation

import (
	"bytes"
	"encoding"
	"fmt"
	"reflect"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/indicator"
)

// Encode writes the form in the YAML file format. Decoding the result
// gives back an equal form: amounts keep the decimal places they were
// written with, rates their printed precision. Absent values are left out.
func Encode(f Form) ([]byte, error) {
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil, fmt.Errorf("evaluation: Encode: nil form")
	}
	root := encodeStruct(v.Elem())
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

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func number(d decimal.Decimal) *yaml.Node {
	// The exact text with its written places: 16.60 stays 16.60.
	text := d.StringFixed(max(0, -d.Exponent()))
	tag := "!!float"
	if d.Exponent() >= 0 {
		tag = "!!int"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: text}
}

func encodeStruct(v reflect.Value) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range structInfos[v.Type()].fields {
		if val := encodeValue(v.FieldByIndex(f.index)); val != nil {
			out.Content = append(out.Content, str(f.key), val)
		}
	}
	if len(out.Content) == 0 {
		return nil
	}
	return out
}

// encodeValue returns the YAML of one field, or nil to leave it out.
func encodeValue(v reflect.Value) *yaml.Node {
	switch x := v.Interface().(type) {
	case *budget.Amount:
		if x == nil {
			return nil
		}
		return number(x.Decimal())
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
			item := encodeValue(v.Index(i))
			if item == nil {
				item = &yaml.Node{Kind: yaml.MappingNode}
				if v.Index(i).Kind() == reflect.String {
					item = str("")
				}
			}
			seq.Content = append(seq.Content, item)
		}
		return seq
	case reflect.Struct:
		return encodeStruct(v)
	}
	return nil
}
