package evaluation

import (
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/internal/parse"
	"github.com/perfeval/perfeval/internal/safetext"
)

// Maps of the file format: a mapping whose keys are data rather than
// names the format knows, as a department evaluation keys its
// judgements and reported scores by item path
// ("投入/预算配置/在职人员控制率"). Keys are strings, kept exactly as
// written; each is given once. Decoding, encoding (YAML and JSON) and
// the text cells all read them the same way, in the order of their keys
// wherever an order is needed, so a form writes the same bytes however
// its maps were built.

// maxMapKeyBytes bounds a key of a map: an item path of a few levels of
// short names, never a paragraph.
const maxMapKeyBytes = 512

// mapKeyPath says whether a key may stand in a key path as it is: short,
// plain text without the path's own punctuation. Another key is named
// in the message only, quoted by a short prefix.
func mapKeyPath(k string) bool {
	return len(k) <= maxMapKeyBytes && safetext.Line(k) == k && utf8.ValidString(k)
}

func (d *decoder) decodeMap(n *parse.Node, v reflect.Value) {
	if n.Kind != parse.Mapping {
		zh, en := nodeKindText(n.Kind)
		d.fail(d.errorf(n, d.path.String(), ErrType, nil, "应为键值映射（按指标路径），而不是%[1]s", "want a mapping (by item path), not a %[2]s", zh, en))
		return
	}
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		d.fail(d.errorf(n, d.path.String(), ErrType, nil, "不支持的字段类型 %s", "unsupported field type %s", t))
		return
	}
	if len(n.Children) == 0 {
		return // an empty mapping is a missing one: nil
	}
	m := reflect.MakeMapWithSize(t, len(n.Children)/2)
	first := make(map[string]int, len(n.Children)/2) // key → its line
	for i := 0; i+1 < len(n.Children); i += 2 {
		k, val := n.Children[i], n.Children[i+1]
		if k.Kind != parse.Scalar {
			d.fail(d.errorf(k, d.path.String(), ErrType, nil, "键应为普通文字", "a key must be plain text"))
			continue
		}
		q := safetext.Quote(k.Text)
		if len(k.Text) > maxMapKeyBytes || !utf8.ValidString(k.Text) || k.Text == "" {
			d.fail(d.errorf(k, d.path.String(), ErrValue, nil, "键 %s 无效：应为不超过 %d 字节的文字", "key %s: want text of at most %d bytes", q, maxMapKeyBytes))
			continue
		}
		if line, dup := first[k.Text]; dup {
			d.fail(d.errorf(k, d.pathWithMapKey(k.Text), ErrDuplicate, nil, "键 %s 重复（第 %d 行已有）", "%s given twice (also at line %d)", q, line))
			continue
		}
		first[k.Text] = k.Line
		mark := len(d.path)
		if mapKeyPath(k.Text) {
			mark = d.path.Key(k.Text)
		}
		e := reflect.New(t.Elem()).Elem()
		d.decodeValue(val, e)
		d.nonNegative(val, e)
		d.path.Pop(mark)
		m.SetMapIndex(reflect.ValueOf(k.Text).Convert(t.Key()), e)
	}
	v.Set(m)
}

func (d *decoder) pathWithMapKey(k string) string {
	if !mapKeyPath(k) {
		return d.path.String()
	}
	if len(d.path) == 0 {
		return k
	}
	return d.path.String() + "." + k
}

// sortedMapKeys returns a map's keys in order.
func sortedMapKeys(v reflect.Value) []reflect.Value {
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int {
		switch x, y := a.String(), b.String(); {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	return keys
}

// nonNegative refuses a negative number in a value of a map, which the
// validator does not look into: a score written on the sheet
// (reported.scores, the one map of numbers), and a judgement's fields
// tagged decimal_nonnegative (违规例数, 评分). The importers refuse them
// as negative too.
func (d *decoder) nonNegative(n *parse.Node, v reflect.Value) {
	neg := func(x *decimal.Decimal) bool { return x != nil && x.IsNegative() }
	refuse := func(n *parse.Node, path, zh, en string) {
		d.fail(d.errorf(n, path, ErrValue, nil, "%[1]s不能为负数", "%[2]s must not be negative", zh, en))
	}
	switch v.Kind() {
	case reflect.Pointer:
		if x, ok := v.Interface().(*decimal.Decimal); ok && neg(x) {
			refuse(n, d.path.String(), "得分", "score")
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			x, ok := v.Field(i).Interface().(*decimal.Decimal)
			if !ok || !neg(x) || !strings.Contains(sf.Tag.Get("validate"), "decimal_nonnegative") {
				continue
			}
			key := sf.Tag.Get("yaml")
			at := n
			if c := n.Lookup(key); c != nil {
				at = c
			}
			path := d.path.String()
			if path != "" {
				path += "." + key
			}
			refuse(at, path, sf.Tag.Get("label"), key)
		}
	}
}
