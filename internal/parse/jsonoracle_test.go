package parse

// The JSON reader as it was before json.go: built on encoding/json's
// Token reader, correct but slow (a hundred microseconds and some 1,400
// allocations for a form). FuzzJSONParsers holds parseJSON to it.
//
// It reads nothing of encoding/json's error messages, whose wording
// changes between Go releases (GOEXPERIMENT=jsonv2 rewrites every one):
// it keeps only what an error is (the end of the input, or a byte that
// no JSON text can hold there) and where it is, which it finds for itself
// (see firstBadByte).

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"unicode/utf8"
)

// parseJSONOracle reads one JSON value into a tree, keeping each number's
// literal text (it never becomes a float64) and each token's position.
// Its errors carry a sentinel and, for a limit, the position of the value
// past it; a syntax error's position is left 0:0 (see firstBadByte).
func parseJSONOracle(data []byte) (*Node, error) {
	p := jsonOracle{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
	p.dec.UseNumber()
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &Error{Err: ErrSyntax}
	}
	return root, nil
}

type jsonOracle struct {
	dec   *json.Decoder
	data  []byte
	nodes int
}

// pos turns a byte offset into a 1-based line and column (in characters).
func pos(data []byte, off int) (int, int) {
	off = min(off, len(data))
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// next reads the next token and the position where it starts.
func (p *jsonOracle) next() (json.Token, int, int, error) {
	// Skip white space and separators to find where the next token starts.
	off := p.dec.InputOffset()
	for off < int64(len(p.data)) {
		c := p.data[off]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' {
			off++
			continue
		}
		break
	}
	line, col := pos(p.data, int(off))
	tok, err := p.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) && len(bytes.TrimSpace(p.data)) == 0 {
			return nil, line, col, &Error{Line: 1, Col: 1, Err: ErrEmpty}
		}
		return nil, line, col, &Error{Err: ErrSyntax}
	}
	return tok, line, col, nil
}

func (p *jsonOracle) value(depth int) (*Node, error) {
	tok, line, col, err := p.next()
	if err != nil {
		return nil, err
	}
	return p.fromToken(tok, line, col, depth)
}

func (p *jsonOracle) fromToken(tok json.Token, line, col, depth int) (*Node, error) {
	p.nodes++
	if p.nodes > MaxNodes || depth > MaxDepth {
		return nil, &Error{Line: line, Col: col, Err: ErrLimit}
	}
	n := &Node{Line: line, Col: col}
	switch t := tok.(type) {
	case nil:
		n.Kind = Null
	case bool:
		n.Kind, n.Text = Scalar, "false"
		if t {
			n.Text = "true"
		}
	case json.Number:
		if len(t) > MaxTextBytes {
			return nil, &Error{Line: line, Col: col, Err: ErrLimit}
		}
		n.Kind, n.Text = Scalar, string(t)
	case string:
		if len(t) > MaxTextBytes {
			return nil, &Error{Line: line, Col: col, Err: ErrLimit}
		}
		n.Kind, n.Text, n.Quoted = Scalar, t, true
	case json.Delim:
		switch t {
		case '{':
			n.Kind = Mapping
			for p.dec.More() {
				kt, kl, kc, err := p.next()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, &Error{Err: ErrSyntax}
				}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Children = append(n.Children, &Node{Kind: Scalar, Text: key, Quoted: true, Line: kl, Col: kc}, v)
			}
		case '[':
			n.Kind = Sequence
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Children = append(n.Children, v)
			}
		default:
			return nil, &Error{Err: ErrSyntax}
		}
		// The closing delimiter.
		if _, _, _, err := p.next(); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// firstBadByte returns the offset of the first byte of data that no JSON
// text can hold where it stands, or -1 when every prefix of data begins
// some JSON text (data is valid, or cut short).
//
// A prefix begins some JSON text when encoding/json, reading it as the
// whole input, finds either one value followed by nothing but white space
// or the end of the input inside a value: the sentinels io.EOF and
// io.ErrUnexpectedEOF, which every version of the package keeps. Since a
// prefix of a bad prefix is never good, a binary search finds the byte.
func firstBadByte(data []byte) int {
	viable := func(n int) bool {
		dec := json.NewDecoder(bytes.NewReader(data[:n]))
		var v json.RawMessage
		err := dec.Decode(&v)
		switch {
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return true
		case err != nil:
			return false
		}
		rest := data[dec.InputOffset():n]
		return len(bytes.TrimLeft(rest, " \t\r\n")) == 0
	}
	if viable(len(data)) {
		return -1
	}
	lo, hi := 0, len(data) // viable(lo), !viable(hi)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if viable(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi - 1
}
