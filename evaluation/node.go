package evaluation

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits on what the decoder accepts. They bound the work and memory one
// file can cost, whatever it holds: a YAML alias bomb, a deeply nested JSON
// array or a megabyte of digits is refused with a positioned error.
const (
	MaxFileSize  = 4 << 20 // bytes
	MaxDepth     = 32      // nesting of mappings and sequences
	MaxNodes     = 100_000 // nodes after expanding aliases
	MaxTextBytes = 64 << 10
)

type nodeKind uint8

const (
	nullNode nodeKind = iota
	scalarNode
	mapNode
	seqNode
)

func (k nodeKind) String() string {
	return [...]string{"null", "scalar", "mapping", "sequence"}[k]
}

// node is the document tree both front ends (YAML and JSON) produce, so
// that one decoder reads both with the same keys, paths and positions.
type node struct {
	kind      nodeKind
	text      string // a scalar's literal text, exactly as written
	quoted    bool   // a scalar written as a string ("…" in JSON, quoted in YAML)
	line, col int
	children  []*node // a sequence's items; a mapping's keys and values, alternating
}

// syntaxError is a failure of the YAML or JSON parser itself.
type syntaxError struct {
	line, col int
	msg       string
	err       error
}

func (e *syntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

func (e *syntaxError) Unwrap() error { return e.err }

// parseYAML reads one YAML document into a node tree: by the fast path
// when the file is plain block YAML, as nearly all form files are, else by
// the general parser.
func parseYAML(data []byte) (*node, error) { return parseYAMLWith(nil, data) }

// parseYAMLWith is parseYAML with the fast path's working memory taken
// from sc (nil for fresh memory).
func parseYAMLWith(sc *scratch, data []byte) (*node, error) {
	if n, ok := parseYAMLFastWith(sc, data); ok {
		return n, nil
	}
	return parseYAMLGeneral(data)
}

// parseYAMLGeneral reads one YAML document with go.yaml.in/yaml/v3.
func parseYAMLGeneral(data []byte) (root *node, err error) {
	defer func() {
		// The YAML parser is third-party code fed untrusted input; a panic
		// there must become an error, never a crash of the caller's service.
		if r := recover(); r != nil {
			root, err = nil, &syntaxError{line: 1, col: 1, msg: fmt.Sprint("YAML parser failure: ", r), err: ErrSyntax}
		}
	}()
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &syntaxError{line: 1, col: 1, msg: "the file holds no form", err: ErrEmpty}
		}
		line, msg := yamlErrorLine(err.Error())
		return nil, &syntaxError{line: line, col: lineStart(data, line), msg: msg, err: ErrSyntax}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if err != nil {
			line, _ = yamlErrorLine(err.Error())
		}
		return nil, &syntaxError{line: line, col: 1, msg: "more than one document: a file holds one form", err: ErrSyntax}
	}
	b := yamlBuilder{}
	return b.build(&doc, 0)
}

// lineStart is the column of the first character that is not a space on
// the given line: the YAML parser names only the line of an error, and
// this points at the content of that line.
func lineStart(data []byte, line int) int {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return 1
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	trimmed := bytes.TrimLeft(data, " \t")
	return utf8.RuneCount(data[:len(data)-len(trimmed)]) + 1
}

// yamlErrorLine pulls the line number out of a yaml.v3 error message
// ("yaml: line 3: mapping values are not allowed in this context").
func yamlErrorLine(s string) (int, string) {
	s = strings.TrimPrefix(s, "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(s, "line %d:", &line); n == 1 {
		if _, rest, ok := strings.Cut(s, ": "); ok {
			return line, rest
		}
	}
	return 1, s
}

type yamlBuilder struct{ nodes int }

func (b *yamlBuilder) build(n *yaml.Node, depth int) (*node, error) {
	b.nodes++
	if b.nodes > MaxNodes {
		return nil, &syntaxError{line: n.Line, col: n.Column, msg: fmt.Sprintf("more than %d values (alias expansion?)", MaxNodes), err: ErrLimit}
	}
	if depth > MaxDepth {
		return nil, &syntaxError{line: n.Line, col: n.Column, msg: fmt.Sprintf("nested deeper than %d levels", MaxDepth), err: ErrLimit}
	}
	out := &node{line: n.Line, col: n.Column}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, &syntaxError{line: 1, col: 1, msg: "the file holds no form", err: ErrEmpty}
		}
		return b.build(n.Content[0], depth)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, &syntaxError{line: n.Line, col: n.Column, msg: "unknown alias", err: ErrSyntax}
		}
		a, err := b.build(n.Alias, depth+1)
		if err != nil {
			return nil, err
		}
		c := *a
		c.line, c.col = n.Line, n.Column
		return &c, nil
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			out.kind = nullNode
			return out, nil
		}
		if len(n.Value) > MaxTextBytes {
			return nil, &syntaxError{line: n.Line, col: n.Column, msg: fmt.Sprintf("text longer than %d bytes", MaxTextBytes), err: ErrLimit}
		}
		out.kind, out.text = scalarNode, n.Value
		out.quoted = n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0
	case yaml.MappingNode:
		out.kind = mapNode
	case yaml.SequenceNode:
		out.kind = seqNode
	default:
		return nil, &syntaxError{line: n.Line, col: n.Column, msg: "unsupported YAML node", err: ErrSyntax}
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		out.children = make([]*node, 0, len(n.Content))
		for _, c := range n.Content {
			cn, err := b.build(c, depth+1)
			if err != nil {
				return nil, err
			}
			out.children = append(out.children, cn)
		}
	}
	return out, nil
}
