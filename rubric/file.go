package rubric

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/perfeval/perfeval/budget"
)

// MaxFileSize bounds a rubric file; a real one is a few kilobytes.
const MaxFileSize = 1 << 20

// Kind is the kind: line of a rubric file.
const Kind = "rubric"

// ReadFile reads a rubric file; see Parse.
func ReadFile(path string) (Rubric, error) {
	f, err := os.Open(path)
	if err != nil {
		return Rubric{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return Rubric{}, err
	}
	return Parse(path, data)
}

// Parse reads a rubric file from data; name is the file's name in
// errors. A rubric file is one YAML document:
//
//	kind: rubric
//	name: example
//	title: 部门整体支出绩效评价评分表        # optional
//	sources: [https://…]                   # optional
//	grades: {优: 90, 良: 80, 中: 60}        # optional
//	items:
//	  - path: [投入, 预算配置, 在职人员控制率]
//	    weight: 8
//	    standard: 以100%为标准，≤100%计8分；每超过一个百分点扣0.5分，扣完为止。
//	    measure: staff_control_rate        # or {name: three_public_change_rate, basis: actual}
//	    deduct: {above: 100%, step: 1%, points: 0.5}
//
// with the blocks deduct {above|below, step, points, partial}, bands (a
// list of {equal|above|from, upto|below, score}), states (a list of
// {when, score}), checklist {points_each}, violations {points_each} and
// judged: true; absent: true and when_undefined: full|unscored. A path
// may also be written as one text, "投入/预算配置/在职人员控制率".
//
// Whatever is wrong is a *FileError naming the line, the column and the
// key path: a malformed or second YAML document, an unknown key, a key
// given twice, a value of the wrong kind, and everything New refuses.
func Parse(name string, data []byte) (Rubric, error) {
	rd := &reader{file: name, pos: map[string]*yaml.Node{}}
	def, err := rd.read(data)
	if err != nil {
		return Rubric{}, err
	}
	r, err := New(def)
	if err != nil {
		var de *DefinitionError
		if errors.As(err, &de) {
			return Rubric{}, rd.at(de.Key, de.Err)
		}
		return Rubric{}, err
	}
	return r, nil
}

// reader turns a YAML node tree into a Definition, remembering where in
// the file each key path is, so that New's errors can be placed.
type reader struct {
	file string
	pos  map[string]*yaml.Node
}

// at places an error at the node of key, or of the nearest enclosing key
// that has one.
func (rd *reader) at(key string, err error) *FileError {
	k := key
	for {
		if n, ok := rd.pos[k]; ok {
			return &FileError{File: rd.file, Line: n.Line, Column: n.Column, Key: key, Err: err}
		}
		i := strings.LastIndexAny(k, ".[")
		if i < 0 {
			return &FileError{File: rd.file, Line: 1, Column: 1, Key: key, Err: err}
		}
		k = k[:i]
	}
}

func (rd *reader) fail(n *yaml.Node, key string, sentinel error, format string, args ...any) *FileError {
	line, col := 1, 1
	if n != nil {
		line, col = n.Line, n.Column
	}
	msg := fmt.Sprintf(format, args...)
	return &FileError{File: rd.file, Line: line, Column: col, Key: key, Err: fmt.Errorf("%w: %s", sentinel, msg)}
}

func (rd *reader) read(data []byte) (Definition, error) {
	var def Definition
	if len(data) > MaxFileSize {
		return def, rd.fail(nil, "", ErrTooLarge, "larger than %d bytes", MaxFileSize)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return def, rd.fail(nil, "", ErrSyntax, "empty file; want kind: rubric, name and items")
		}
		return def, rd.syntax(err)
	}
	var second yaml.Node
	switch err := dec.Decode(&second); {
	case err == nil:
		return def, rd.fail(&second, "", ErrSyntax, "a second YAML document; a rubric file holds one")
	case !errors.Is(err, io.EOF):
		return def, rd.syntax(err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if err := rd.noAliases(root); err != nil {
		return def, err
	}
	fields, err := rd.mapping(root, "", "kind", "name", "title", "sources", "grades", "items")
	if err != nil {
		return def, err
	}
	kind := fields["kind"]
	if kind == nil {
		return def, rd.fail(root, "kind", ErrValue, "want kind: rubric")
	}
	if k, err := rd.text(kind, "kind"); err != nil {
		return def, err
	} else if k != Kind {
		return def, rd.fail(kind, "kind", ErrValue, "%s; want kind: rubric (a form is read by the evaluation package)", quote(k))
	}
	if def.Name, err = rd.optText(fields["name"], "name"); err != nil {
		return def, err
	}
	if def.Title, err = rd.optText(fields["title"], "title"); err != nil {
		return def, err
	}
	if n := fields["sources"]; n != nil {
		items, err := rd.list(n, "sources", true)
		if err != nil {
			return def, err
		}
		for i, s := range items {
			t, err := rd.text(s, fmt.Sprintf("sources[%d]", i))
			if err != nil {
				return def, err
			}
			def.Sources = append(def.Sources, t)
		}
	}
	if n := fields["grades"]; n != nil {
		if def.Grades, err = rd.grades(n); err != nil {
			return def, err
		}
	}
	if n := fields["items"]; n != nil {
		items, err := rd.list(n, "items", false)
		if err != nil {
			return def, err
		}
		if len(items) > MaxItems {
			return def, rd.fail(n, "items", ErrTooLarge, "more than %d items", MaxItems)
		}
		def.Items = make([]Item, len(items))
		for i, n := range items {
			if def.Items[i], err = rd.item(n, fmt.Sprintf("items[%d]", i)); err != nil {
				return def, err
			}
		}
	}
	return def, nil
}

// syntax turns a YAML library error into a FileError with its line.
func (rd *reader) syntax(err error) *FileError {
	line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		_, msg, _ = strings.Cut(msg, ": ")
	}
	return &FileError{File: rd.file, Line: line, Column: 1, Err: fmt.Errorf("%w: %s", ErrSyntax, quote(msg))}
}

// noAliases refuses anchors' aliases: a rubric has no use for them, and
// following them is how a small file makes a reader do unbounded work.
func (rd *reader) noAliases(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode {
		return rd.fail(n, "", ErrSyntax, "an alias (*%s); write the value out", n.Value)
	}
	for _, c := range n.Content {
		if err := rd.noAliases(c); err != nil {
			return err
		}
	}
	return nil
}

// mapping reads a mapping with the given keys, refusing others and
// duplicates; it records each key's place.
func (rd *reader) mapping(n *yaml.Node, key string, known ...string) (map[string]*yaml.Node, error) {
	if n.Kind != yaml.MappingNode {
		return nil, rd.fail(n, key, ErrValue, "want a mapping of %s", strings.Join(known, ", "))
	}
	rd.pos[key] = n
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		sub := join(key, k.Value)
		if k.Kind != yaml.ScalarNode {
			return nil, rd.fail(k, key, ErrValue, "a key must be a plain name")
		}
		if !slices.Contains(known, k.Value) {
			return nil, rd.fail(k, sub, ErrUnknownKey, "%s%s", quote(k.Value), hint(k.Value, known))
		}
		if _, dup := out[k.Value]; dup {
			return nil, rd.fail(k, sub, ErrDuplicate, "%s", quote(k.Value))
		}
		out[k.Value] = v
		rd.pos[sub] = k
	}
	return out, nil
}

func join(key, sub string) string {
	if key == "" {
		return sub
	}
	return key + "." + sub
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// list reads a sequence (or, where one is allowed, a single value as a
// list of one), recording each element's place.
func (rd *reader) list(n *yaml.Node, key string, single bool) ([]*yaml.Node, error) {
	items := n.Content
	switch {
	case n.Kind == yaml.SequenceNode:
	case single && n.Kind == yaml.ScalarNode:
		items = []*yaml.Node{n}
	default:
		return nil, rd.fail(n, key, ErrValue, "want a list")
	}
	for i, c := range items {
		rd.pos[fmt.Sprintf("%s[%d]", key, i)] = c
	}
	return items, nil
}

func (rd *reader) text(n *yaml.Node, key string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", rd.fail(n, key, ErrValue, "want a single value")
	}
	return n.Value, nil
}

func (rd *reader) optText(n *yaml.Node, key string) (string, error) {
	if isNull(n) {
		return "", nil
	}
	return rd.text(n, key)
}

// number reads a weight, a score or points: "8", "0.5", "8分".
func (rd *reader) number(n *yaml.Node, key string) (decimal.Decimal, error) {
	s, err := rd.text(n, key)
	if err != nil {
		return decimal.Decimal{}, err
	}
	d, err := budget.ParseNumber(strings.TrimSuffix(strings.TrimSpace(s), "分"))
	if err != nil {
		return decimal.Decimal{}, rd.fail(n, key, ErrValue, "%s is not a number", quote(s))
	}
	return d, nil
}

// rate reads a percentage, "100%"; a bare number is read as one, as
// forms print rates.
func (rd *reader) rate(n *yaml.Node, key string) (*budget.Rate, error) {
	s, err := rd.text(n, key)
	if err != nil {
		return nil, err
	}
	t := strings.TrimSpace(budget.FoldWidth(s))
	if !strings.HasSuffix(t, "%") {
		t += "%"
	}
	r, err := budget.ParsePercent(t)
	if err != nil {
		return nil, rd.fail(n, key, ErrValue, "%s is not a percentage", quote(s))
	}
	return &r, nil
}

func (rd *reader) boolean(n *yaml.Node, key string) (bool, error) {
	s, err := rd.text(n, key)
	if err != nil {
		return false, err
	}
	switch s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, rd.fail(n, key, ErrValue, "%s; want true or false", quote(s))
}

func (rd *reader) grades(n *yaml.Node) ([]Grade, error) {
	if n.Kind != yaml.MappingNode {
		return nil, rd.fail(n, "grades", ErrValue, "want a mapping of grades to their lowest totals: {优: 90, 良: 80, 中: 60}")
	}
	rd.pos["grades"] = n
	var gs []Grade
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := "grades." + k.Value
		if k.Kind != yaml.ScalarNode {
			return nil, rd.fail(k, "grades", ErrValue, "a grade's name must be a plain name")
		}
		for j := 0; j < i; j += 2 {
			if n.Content[j].Value == k.Value {
				return nil, rd.fail(k, key, ErrDuplicate, "grade %s", quote(k.Value))
			}
		}
		rd.pos[key] = k
		min, err := rd.number(v, key)
		if err != nil {
			return nil, err
		}
		gs = append(gs, Grade{Name: k.Value, Min: min})
	}
	// A mapping has no order to rely on: the grades go from the highest.
	slices.SortStableFunc(gs, func(a, b Grade) int { return b.Min.Cmp(a.Min) })
	return gs, nil
}

var itemKeys = []string{"path", "weight", "standard", "measure", "deduct", "bands", "states",
	"checklist", "violations", "judged", "absent", "when_undefined"}

func (rd *reader) item(n *yaml.Node, key string) (Item, error) {
	var it Item
	f, err := rd.mapping(n, key, itemKeys...)
	if err != nil {
		return it, err
	}
	rd.pos[key] = n
	if p := f["path"]; p != nil {
		if p.Kind == yaml.ScalarNode {
			it.Path = strings.Split(p.Value, "/")
		} else {
			segs, err := rd.list(p, key+".path", false)
			if err != nil {
				return it, err
			}
			if len(segs) > MaxPathSegments {
				return it, rd.fail(p, key+".path", ErrTooLarge, "more than %d levels", MaxPathSegments)
			}
			for j, s := range segs {
				t, err := rd.text(s, fmt.Sprintf("%s.path[%d]", key, j))
				if err != nil {
					return it, err
				}
				it.Path = append(it.Path, t)
			}
		}
	}
	if w := f["weight"]; !isNull(w) {
		if it.Weight, err = rd.number(w, key+".weight"); err != nil {
			return it, err
		}
	}
	if it.Standard, err = rd.optText(f["standard"], key+".standard"); err != nil {
		return it, err
	}
	if m := f["measure"]; !isNull(m) {
		if it.Measure, err = rd.measure(m, key+".measure"); err != nil {
			return it, err
		}
	}
	if d := f["deduct"]; d != nil {
		if it.Deduct, err = rd.deduct(d, key+".deduct"); err != nil {
			return it, err
		}
	}
	if b := f["bands"]; b != nil {
		if it.Bands, err = rd.bands(b, key+".bands"); err != nil {
			return it, err
		}
	}
	if s := f["states"]; s != nil {
		if it.States, err = rd.states(s, key+".states"); err != nil {
			return it, err
		}
	}
	if c := f["checklist"]; c != nil {
		each, err := rd.pointsEach(c, key+".checklist")
		if err != nil {
			return it, err
		}
		it.Checklist = &Checklist{PointsEach: each}
	}
	if v := f["violations"]; v != nil {
		each, err := rd.pointsEach(v, key+".violations")
		if err != nil {
			return it, err
		}
		it.Violations = &Violations{PointsEach: each}
	}
	if j := f["judged"]; j != nil {
		if it.Judged, err = rd.boolean(j, key+".judged"); err != nil {
			return it, err
		}
	}
	if a := f["absent"]; a != nil {
		if it.Absent, err = rd.boolean(a, key+".absent"); err != nil {
			return it, err
		}
	}
	if u := f["when_undefined"]; u != nil {
		s, err := rd.text(u, key+".when_undefined")
		if err != nil {
			return it, err
		}
		switch s {
		case "full":
			it.WhenUndefined = FullWhenUndefined
		case "unscored":
			it.WhenUndefined = UnscoredWhenUndefined
		default:
			return it, rd.fail(u, key+".when_undefined", ErrValue, "%s; want full or unscored", quote(s))
		}
	}
	return it, nil
}

func (rd *reader) measure(n *yaml.Node, key string) (Measure, error) {
	if n.Kind == yaml.ScalarNode {
		return Measure{Name: MeasureName(n.Value)}, nil
	}
	f, err := rd.mapping(n, key, "name", "basis")
	if err != nil {
		return Measure{}, err
	}
	var m Measure
	name, err := rd.optText(f["name"], key+".name")
	if err != nil {
		return m, err
	}
	basis, err := rd.optText(f["basis"], key+".basis")
	if err != nil {
		return m, err
	}
	return Measure{Name: MeasureName(name), Basis: Basis(basis)}, nil
}

func (rd *reader) deduct(n *yaml.Node, key string) (*Deduct, error) {
	f, err := rd.mapping(n, key, "above", "below", "step", "points", "partial")
	if err != nil {
		return nil, err
	}
	d := &Deduct{}
	if v := f["above"]; v != nil {
		if d.Above, err = rd.rate(v, key+".above"); err != nil {
			return nil, err
		}
	}
	if v := f["below"]; v != nil {
		if d.Below, err = rd.rate(v, key+".below"); err != nil {
			return nil, err
		}
	}
	step := f["step"]
	if step == nil {
		return nil, rd.fail(n, key+".step", ErrValue, "a deduction needs a step: 1%% for 每超过一个百分点")
	}
	s, err := rd.rate(step, key+".step")
	if err != nil {
		return nil, err
	}
	d.Step = *s
	points := f["points"]
	if points == nil {
		return nil, rd.fail(n, key+".points", ErrValue, "a deduction needs the points each step takes away")
	}
	if d.Points, err = rd.number(points, key+".points"); err != nil {
		return nil, err
	}
	if p := f["partial"]; p != nil {
		partial, err := rd.boolean(p, key+".partial")
		if err != nil {
			return nil, err
		}
		d.WholeSteps = !partial
	}
	return d, nil
}

func (rd *reader) bands(n *yaml.Node, key string) ([]Band, error) {
	items, err := rd.list(n, key, false)
	if err != nil {
		return nil, err
	}
	if len(items) > MaxBands {
		return nil, rd.fail(n, key, ErrTooLarge, "more than %d bands", MaxBands)
	}
	bands := make([]Band, len(items))
	for i, b := range items {
		bk := fmt.Sprintf("%s[%d]", key, i)
		f, err := rd.mapping(b, bk, "equal", "above", "from", "upto", "below", "score")
		if err != nil {
			return nil, err
		}
		rd.pos[bk] = b
		ends := []struct {
			name string
			dst  **budget.Rate
		}{{"equal", &bands[i].Equal}, {"above", &bands[i].Above}, {"from", &bands[i].From}, {"upto", &bands[i].Upto}, {"below", &bands[i].Below}}
		for _, e := range ends {
			if v := f[e.name]; v != nil {
				if *e.dst, err = rd.rate(v, bk+"."+e.name); err != nil {
					return nil, err
				}
			}
		}
		s := f["score"]
		if s == nil {
			return nil, rd.fail(b, bk+".score", ErrValue, "a band needs a score")
		}
		if bands[i].Score, err = rd.number(s, bk+".score"); err != nil {
			return nil, err
		}
	}
	return bands, nil
}

func (rd *reader) states(n *yaml.Node, key string) ([]State, error) {
	items, err := rd.list(n, key, false)
	if err != nil {
		return nil, err
	}
	if len(items) > MaxStates {
		return nil, rd.fail(n, key, ErrTooLarge, "more than %d states", MaxStates)
	}
	states := make([]State, len(items))
	for i, s := range items {
		sk := fmt.Sprintf("%s[%d]", key, i)
		f, err := rd.mapping(s, sk, "when", "score")
		if err != nil {
			return nil, err
		}
		rd.pos[sk] = s
		if states[i].When, err = rd.optText(f["when"], sk+".when"); err != nil {
			return nil, err
		}
		sc := f["score"]
		if sc == nil {
			return nil, rd.fail(s, sk+".score", ErrValue, "a state needs a score")
		}
		if states[i].Score, err = rd.number(sc, sk+".score"); err != nil {
			return nil, err
		}
	}
	return states, nil
}

func (rd *reader) pointsEach(n *yaml.Node, key string) (decimal.Decimal, error) {
	f, err := rd.mapping(n, key, "points_each")
	if err != nil {
		return decimal.Decimal{}, err
	}
	p := f["points_each"]
	if p == nil {
		return decimal.Decimal{}, rd.fail(n, key+".points_each", ErrValue, "want points_each")
	}
	return rd.number(p, key+".points_each")
}
