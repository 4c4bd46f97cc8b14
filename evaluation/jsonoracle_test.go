package evaluation

// The JSON reader as it was before jsonfast.go: built on encoding/json's
// Token reader, correct but slow (a hundred microseconds and some 1,400
// allocations for a form). FuzzJSONParsers holds parseJSON to it.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// parseJSONOracle reads one JSON value into a node tree, keeping each number's
// literal text (it never becomes a float64) and each token's position.
func parseJSONOracle(data []byte) (*node, error) {
	p := jsonOracle{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
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

type jsonOracle struct {
	dec   *json.Decoder
	data  []byte
	nodes int
}

// pos turns a byte offset into a 1-based line and column (in characters).
func (p *jsonOracle) pos(off int64) (int, int) {
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
func (p *jsonOracle) next() (json.Token, int, int, error) {
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

func (p *jsonOracle) value(depth int) (*node, error) {
	tok, line, col, err := p.next()
	if err != nil {
		return nil, err
	}
	return p.fromToken(tok, line, col, depth)
}

func (p *jsonOracle) fromToken(tok json.Token, line, col, depth int) (*node, error) {
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
		if len(t) > MaxTextBytes {
			return nil, &syntaxError{line: line, col: col, msg: fmt.Sprintf("text longer than %d bytes", MaxTextBytes), err: ErrLimit}
		}
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
