package parse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/perfeval/perfeval/internal/safetext"
)

// parseYAML reads one YAML document into a tree: by the fast path when
// the file keeps to what form files are written in, else by the general
// parser. sc is the working memory to reuse (nil for fresh).
func parseYAML(sc *scratch, data []byte) (*Node, error) {
	if n, ok := parseYAMLFast(sc, data); ok {
		return n, nil
	}
	return parseYAMLGeneral(data)
}

// parseYAMLGeneral reads one YAML document with go.yaml.in/yaml/v3.
func parseYAMLGeneral(data []byte) (root *Node, err error) {
	defer func() {
		// The YAML parser is third-party code fed untrusted input; a panic
		// there must become an error, never a crash of the caller's service.
		if r := recover(); r != nil {
			root, err = nil, &Error{Line: 1, Col: 1, Msg: clipMessage(fmt.Sprint("YAML parser failure: ", r)), Err: ErrSyntax}
		}
	}()
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{Line: 1, Col: 1, Msg: "the file holds no form", Err: ErrEmpty}
		}
		line, msg := yamlErrorLine(err.Error())
		return nil, &Error{Line: line, Col: lineStart(data, line), Msg: clipMessage(msg), Err: ErrSyntax}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if err != nil {
			line, _ = yamlErrorLine(err.Error())
		}
		return nil, &Error{Line: line, Col: 1, Msg: "more than one document: a file holds one form", Err: ErrSyntax}
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

// clipMessage bounds a message of the YAML parser, which may quote the
// input (an anchor's name, a tag): at most maxMessageRunes runes, with
// control characters made visible.
func clipMessage(msg string) string {
	n := 0
	for i := range msg {
		if n == maxMessageRunes {
			msg = msg[:i] + "…"
			break
		}
		n++
	}
	return safetext.Line(msg)
}

const maxMessageRunes = 160

type yamlBuilder struct {
	nodes int
	// alias is the outermost alias being expanded (nil outside one), and
	// aliasBytes the text that aliases have added so far.
	alias      *yaml.Node
	aliasBytes int
}

func (b *yamlBuilder) build(n *yaml.Node, depth int) (*Node, error) {
	b.nodes++
	if b.nodes > MaxNodes {
		return nil, &Error{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("more than %d values (alias expansion?)", MaxNodes), Err: ErrLimit}
	}
	if depth > MaxDepth {
		return nil, &Error{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("nested deeper than %d levels", MaxDepth), Err: ErrLimit}
	}
	out := &Node{Line: n.Line, Col: n.Column}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, &Error{Line: 1, Col: 1, Msg: "the file holds no form", Err: ErrEmpty}
		}
		return b.build(n.Content[0], depth)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, &Error{Line: n.Line, Col: n.Column, Msg: "unknown alias", Err: ErrSyntax}
		}
		outer := b.alias == nil
		if outer {
			b.alias = n
		}
		a, err := b.build(n.Alias, depth+1)
		if outer {
			b.alias = nil
		}
		if err != nil {
			return nil, err
		}
		c := *a
		c.Line, c.Col = n.Line, n.Column
		return &c, nil
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			out.Kind = Null
			return out, nil
		}
		if len(n.Value) > MaxTextBytes {
			return nil, &Error{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("text longer than %d bytes", MaxTextBytes), Err: ErrLimit}
		}
		if b.alias != nil {
			b.aliasBytes += len(n.Value)
			if b.aliasBytes > MaxAliasBytes {
				return nil, &Error{Line: b.alias.Line, Col: b.alias.Column, Msg: fmt.Sprintf("aliases repeat more than %d bytes of text", MaxAliasBytes), Err: ErrLimit}
			}
		}
		out.Kind, out.Text = Scalar, n.Value
		out.Quoted = n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0
	case yaml.MappingNode:
		out.Kind = Mapping
	case yaml.SequenceNode:
		out.Kind = Sequence
	default:
		return nil, &Error{Line: n.Line, Col: n.Column, Msg: "unsupported YAML node", Err: ErrSyntax}
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		out.Children = make([]*Node, 0, len(n.Content))
		for _, c := range n.Content {
			cn, err := b.build(c, depth+1)
			if err != nil {
				return nil, err
			}
			out.Children = append(out.Children, cn)
		}
	}
	return out, nil
}
