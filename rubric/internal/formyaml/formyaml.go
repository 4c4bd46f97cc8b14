// Package formyaml reads a department-evaluation form written in YAML
// into the rubric package's values, for the tests of the rubric packages
// and for rubrictest. It follows the file format's rules (amounts in the
// form's unit, positioned errors, no unknown keys) but is not the
// project's form decoder, which lives with the other kinds in package
// evaluation.
package formyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/rubric"
)

// Form is a department-evaluation form: its header and its body.
type Form struct {
	Kind         string      `yaml:"kind"`
	Department   string      `yaml:"department"`
	Year         int         `yaml:"year"`
	Unit         budget.Unit `yaml:"unit"`
	Rubric       string      `yaml:"rubric"`
	rubric.Input `yaml:",inline"`
}

// Decode reads a form from YAML; name is the file's name in errors.
func Decode(name string, data []byte) (*Form, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty form", name)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	d := &decoder{file: name}
	if root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "unit" {
				u, err := budget.ParseUnit(root.Content[i+1].Value)
				if err != nil {
					return nil, d.errorf(root.Content[i+1], "unit", "%v", err)
				}
				d.unit = u
			}
		}
	}
	f := &Form{}
	if err := d.value(root, reflect.ValueOf(f).Elem(), ""); err != nil {
		return nil, err
	}
	return f, nil
}

type decoder struct {
	file string
	unit budget.Unit
}

func (d *decoder) errorf(n *yaml.Node, key, format string, args ...any) error {
	return fmt.Errorf("%s:%d:%d: %s: %s", d.file, n.Line, n.Column, key, fmt.Sprintf(format, args...))
}

var (
	amountType  = reflect.TypeFor[*budget.Amount]()
	decimalType = reflect.TypeFor[*decimal.Decimal]()
	unitType    = reflect.TypeFor[budget.Unit]()
)

func (d *decoder) value(n *yaml.Node, v reflect.Value, key string) error {
	if n.Kind == yaml.AliasNode {
		return d.errorf(n, key, "aliases are not supported")
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	switch v.Type() {
	case amountType:
		a, err := budget.ParseAmount(n.Value, d.unit)
		if err != nil || n.Kind != yaml.ScalarNode {
			return d.errorf(n, key, "want an amount: %v", err)
		}
		v.Set(reflect.ValueOf(&a))
		return nil
	case decimalType:
		x, err := budget.ParseNumber(strings.TrimSuffix(strings.TrimSpace(n.Value), "分"))
		if err != nil || n.Kind != yaml.ScalarNode {
			return d.errorf(n, key, "want a number: %v", err)
		}
		v.Set(reflect.ValueOf(&x))
		return nil
	case unitType:
		u, err := budget.ParseUnit(n.Value)
		if err != nil {
			return d.errorf(n, key, "%v", err)
		}
		v.Set(reflect.ValueOf(u))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			return d.errorf(n, key, "want a single value")
		}
		v.SetString(n.Value)
	case reflect.Int:
		y, err := strconv.Atoi(n.Value)
		if err != nil {
			return d.errorf(n, key, "want a year")
		}
		v.SetInt(int64(y))
	case reflect.Bool:
		switch n.Value {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		default:
			return d.errorf(n, key, "want true or false")
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return d.errorf(n, key, "want a list")
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			if err := d.value(c, s.Index(i), fmt.Sprintf("%s[%d]", key, i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return d.errorf(n, key, "want a mapping")
		}
		m := reflect.MakeMap(v.Type())
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, c := n.Content[i], n.Content[i+1]
			if m.MapIndex(reflect.ValueOf(k.Value)).IsValid() {
				return d.errorf(k, key+"."+k.Value, "given twice")
			}
			e := reflect.New(v.Type().Elem()).Elem()
			if err := d.value(c, e, key+"."+k.Value); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k.Value), e)
		}
		v.Set(m)
	case reflect.Struct:
		return d.structure(n, v, key)
	default:
		return d.errorf(n, key, "unsupported type %s", v.Type())
	}
	return nil
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, key string) error {
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, key, "want a mapping")
	}
	fields := map[string]reflect.Value{}
	var collect func(v reflect.Value)
	collect = func(v reflect.Value) {
		for i := range v.NumField() {
			tag := v.Type().Field(i).Tag.Get("yaml")
			if tag == ",inline" {
				collect(v.Field(i))
			} else if tag != "" && tag != "-" {
				fields[tag] = v.Field(i)
			}
		}
	}
	collect(v)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, c := n.Content[i], n.Content[i+1]
		sub := k.Value
		if key != "" {
			sub = key + "." + k.Value
		}
		f, ok := fields[k.Value]
		if !ok {
			return d.errorf(k, sub, "unknown key")
		}
		if seen[k.Value] {
			return d.errorf(k, sub, "given twice")
		}
		seen[k.Value] = true
		if err := d.value(c, f, sub); err != nil {
			return err
		}
	}
	return nil
}
