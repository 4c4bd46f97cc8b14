package rubric

import (
	"bytes"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/perfeval/perfeval/budget"
)

// YAML returns the rubric as a rubric file, in the keys Parse reads:
// Parse of it gives a rubric with the same definition. Thresholds print
// as percentages, numbers as they were written.
func (r Rubric) YAML() []byte {
	d := r.def
	root := mapNode()
	add(root, "kind", str(Kind))
	add(root, "name", str(d.Name))
	if d.Title != "" {
		add(root, "title", str(d.Title))
	}
	if len(d.Sources) > 0 {
		s := seqNode(false)
		for _, src := range d.Sources {
			s.Content = append(s.Content, str(src))
		}
		add(root, "sources", s)
	}
	g := mapNode()
	g.Style = yaml.FlowStyle
	for _, gr := range d.Grades {
		add(g, gr.Name, numNode(gr.Min))
	}
	add(root, "grades", g)
	items := seqNode(false)
	for _, it := range d.Items {
		items.Content = append(items.Content, itemNode(it))
	}
	add(root, "items", items)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	// Encoding a node tree of strings cannot fail.
	_ = enc.Encode(root)
	_ = enc.Close()
	return buf.Bytes()
}

func itemNode(it Item) *yaml.Node {
	n := mapNode()
	p := seqNode(true)
	for _, s := range it.Path {
		p.Content = append(p.Content, str(s))
	}
	add(n, "path", p)
	if !it.Weight.IsZero() || !it.Absent {
		add(n, "weight", numNode(it.Weight))
	}
	if it.Standard != "" {
		add(n, "standard", str(it.Standard))
	}
	if it.Absent {
		add(n, "absent", plain("true"))
		return n
	}
	if it.Measure.Name != "" {
		if it.Measure.Basis == "" {
			add(n, "measure", str(string(it.Measure.Name)))
		} else {
			m := mapNode()
			m.Style = yaml.FlowStyle
			add(m, "name", str(string(it.Measure.Name)))
			add(m, "basis", str(string(it.Measure.Basis)))
			add(n, "measure", m)
		}
	}
	if it.WhenUndefined == FullWhenUndefined {
		add(n, "when_undefined", str("full"))
	}
	switch {
	case it.Deduct != nil:
		d := mapNode()
		d.Style = yaml.FlowStyle
		if it.Deduct.Above != nil {
			add(d, "above", rateNode(*it.Deduct.Above))
		}
		if it.Deduct.Below != nil {
			add(d, "below", rateNode(*it.Deduct.Below))
		}
		add(d, "step", rateNode(it.Deduct.Step))
		add(d, "points", numNode(it.Deduct.Points))
		if it.Deduct.WholeSteps {
			add(d, "partial", plain("false"))
		}
		add(n, "deduct", d)
	case it.Bands != nil:
		bs := seqNode(false)
		for _, b := range it.Bands {
			bn := mapNode()
			bn.Style = yaml.FlowStyle
			for _, e := range []struct {
				name string
				r    *budget.Rate
			}{{"equal", b.Equal}, {"above", b.Above}, {"from", b.From}, {"upto", b.Upto}, {"below", b.Below}} {
				if e.r != nil {
					add(bn, e.name, rateNode(*e.r))
				}
			}
			add(bn, "score", numNode(b.Score))
			bs.Content = append(bs.Content, bn)
		}
		add(n, "bands", bs)
	case it.States != nil:
		ss := seqNode(false)
		for _, s := range it.States {
			sn := mapNode()
			sn.Style = yaml.FlowStyle
			if s.When != "" {
				add(sn, "when", str(s.When))
			}
			add(sn, "score", numNode(s.Score))
			ss.Content = append(ss.Content, sn)
		}
		add(n, "states", ss)
	case it.Checklist != nil:
		c := mapNode()
		c.Style = yaml.FlowStyle
		add(c, "points_each", numNode(it.Checklist.PointsEach))
		add(n, "checklist", c)
	case it.Violations != nil:
		v := mapNode()
		v.Style = yaml.FlowStyle
		add(v, "points_each", numNode(it.Violations.PointsEach))
		add(n, "violations", v)
	case it.Judged:
		add(n, "judged", plain("true"))
	}
	return n
}

func mapNode() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

func seqNode(flow bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}

// str is a text node; the encoder quotes it where YAML would read it as
// something else.
func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// plain is a number or a boolean, written without quotes.
func plain(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

func numNode(d decimal.Decimal) *yaml.Node { return plain(d.String()) }

// rateNode prints a threshold as the percentage it is, exactly: a rate
// New accepted has an exact decimal.
func rateNode(r budget.Rate) *yaml.Node {
	p, _ := percentOf(r)
	return str(p.String() + "%")
}

func add(m *yaml.Node, key string, v *yaml.Node) { m.Content = append(m.Content, str(key), v) }
