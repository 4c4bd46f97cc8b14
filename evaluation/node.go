package evaluation

import (
	"bytes"
	"encoding/json"
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

// parseYAML reads one YAML document into a node tree.
func parseYAML(data []byte) (root *node, err error) {
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

// parseJSON reads one JSON value into a node tree, keeping each number's
// literal text (it never becomes a float64) and each token's position.
func parseJSON(data []byte) (*node, error) {
	p := jsonParser{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
	p.dec.UseNumber()
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); !errors.Is(err, io.EOF) {
		line, col := p.pos(p.dec.InputOffset())
		return nil, &syntaxError{line: line, col: col, msg: "data after the JSON value", err: ErrSyntax}
	}
	return root, nil
}

type jsonParser struct {
	dec   *json.Decoder
	data  []byte
	nodes int
}

// pos turns a byte offset into a 1-based line and column (in characters).
func (p *jsonParser) pos(off int64) (int, int) {
	if off > int64(len(p.data)) {
		off = int64(len(p.data))
	}
	before := p.data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// tokenStart is the offset where the token just read began: InputOffset
// is its end, so skip back over the token's text from the last start.
func (p *jsonParser) next() (json.Token, int, int, error) {
	// Skip whitespace and separators to find where the next token starts.
	off := p.dec.InputOffset()
	for off < int64(len(p.data)) {
		c := p.data[off]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' {
			off++
			continue
		}
		break
	}
	line, col := p.pos(off)
	tok, err := p.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			if off == 0 || len(bytes.TrimSpace(p.data)) == 0 {
				return nil, line, col, &syntaxError{line: 1, col: 1, msg: "the file holds no form", err: ErrEmpty}
			}
			return nil, line, col, &syntaxError{line: line, col: col, msg: "unexpected end of JSON", err: ErrSyntax}
		}
		msg := err.Error()
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col = p.pos(se.Offset)
		}
		return nil, line, col, &syntaxError{line: line, col: col, msg: msg, err: ErrSyntax}
	}
	return tok, line, col, nil
}

func (p *jsonParser) value(depth int) (*node, error) {
	tok, line, col, err := p.next()
	if err != nil {
		return nil, err
	}
	return p.fromToken(tok, line, col, depth)
}

func (p *jsonParser) fromToken(tok json.Token, line, col, depth int) (*node, error) {
	p.nodes++
	if p.nodes > MaxNodes {
		return nil, &syntaxError{line: line, col: col, msg: fmt.Sprintf("more than %d values", MaxNodes), err: ErrLimit}
	}
	if depth > MaxDepth {
		return nil, &syntaxError{line: line, col: col, msg: fmt.Sprintf("nested deeper than %d levels", MaxDepth), err: ErrLimit}
	}
	n := &node{line: line, col: col}
	switch t := tok.(type) {
	case nil:
		n.kind = nullNode
	case bool:
		n.kind, n.text = scalarNode, fmt.Sprint(t)
	case json.Number:
		n.kind, n.text = scalarNode, string(t)
	case string:
		if len(t) > MaxTextBytes {
			return nil, &syntaxError{line: line, col: col, msg: fmt.Sprintf("text longer than %d bytes", MaxTextBytes), err: ErrLimit}
		}
		n.kind, n.text, n.quoted = scalarNode, t, true
	case json.Delim:
		switch t {
		case '{':
			n.kind = mapNode
			for p.dec.More() {
				kt, kl, kc, err := p.next()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, &syntaxError{line: kl, col: kc, msg: "object key is not a string", err: ErrSyntax}
				}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.children = append(n.children, &node{kind: scalarNode, text: key, quoted: true, line: kl, col: kc}, v)
			}
		case '[':
			n.kind = seqNode
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.children = append(n.children, v)
			}
		default:
			return nil, &syntaxError{line: line, col: col, msg: fmt.Sprintf("unexpected %q", t), err: ErrSyntax}
		}
		// The closing delimiter.
		if _, _, _, err := p.next(); err != nil {
			return nil, err
		}
	}
	return n, nil
}
