package parse

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// parseJSON reads one JSON value (RFC 8259) into a tree, keeping each
// number's literal text (it never becomes a float64) and each token's
// position: line, and column in characters, both from 1. sc is the
// working memory to reuse (nil for fresh); the tree is valid until sc is
// released.
//
// It is a recursive descent over the bytes that accepts exactly what
// encoding/json accepts and builds, node for node, the tree a reader on
// encoding/json's Token reader builds (FuzzJSONParsers holds it to that
// reader, kept in jsonoracle_test.go). Strings are unescaped as
// encoding/json does: a \u escape of half a surrogate pair without the
// other half, and each byte of invalid UTF-8, become U+FFFD.
//
// An error is an *Error: ErrEmpty for a file of nothing but white space;
// ErrLimit for a value nested deeper than MaxDepth, the value past
// MaxNodes (keys are not counted) or a string or number longer than
// MaxTextBytes (a string once unescaped; keys are not held to it), as the
// YAML front end holds every scalar; ErrSyntax for anything else, at the
// offending byte, or at the start of a string, number or literal the end
// of the file cuts short. The messages follow encoding/json's wording but
// are not bound to it.
func parseJSON(sc *scratch, data []byte) (*Node, error) {
	p := jsonFast{data: data, line: 1, sc: sc}
	p.skipSpace()
	if p.i == len(data) {
		return nil, &Error{Line: 1, Col: 1, Msg: "the file holds no form", Err: ErrEmpty}
	}
	p.prepare()
	root, err := p.value(0)
	p.finish(sc)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i < len(data) {
		return nil, &Error{Line: p.line, Col: p.colAt(p.i), Msg: "data after the JSON value", Err: ErrSyntax}
	}
	return root, nil
}

// jsonFast is the state of one parse.
type jsonFast struct {
	data []byte
	// src is data copied once into a string, and every text without
	// escapes is cut from it: one allocation instead of one for each of
	// the hundreds of keys and scalars of a form. A text kept from the
	// tree keeps all of src alive, a few kilobytes for a form (at most
	// MaxFileSize).
	src string
	i   int // the next byte to read

	// The position of data[i] is line and, on it, column
	// i-lineStart-wide+1: wide is the bytes beyond the first of each
	// multi-byte character read since lineStart. Only strings hold
	// such characters, and no string holds a line break.
	line, lineStart, wide int

	values int // values read, against MaxNodes (keys are not counted)

	sc *scratch // working memory to reuse; nil for fresh
	treeBuilder
}

func (p *jsonFast) colAt(off int) int { return off - p.lineStart - p.wide + 1 }

// prepare sizes the node arena for the document. Every key follows a
// '{' or a ',', every value but the root a ':', a '[' or a ','; counting
// those bytes, inside strings too, bounds the nodes of a well-formed
// document. The first chunk is kept modest whatever the file size, and
// later chunks grow.
func (p *jsonFast) prepare() {
	p.src = string(p.data)
	est := 1
	for _, c := range []byte{':', ',', '{', '['} {
		est += bytes.Count(p.data, []byte{c})
	}
	p.start(p.sc, est)
}

// skipSpace skips JSON white space: space, tab, CR and LF. Only LF starts
// a line; CR counts as a character, as it did before.
func (p *jsonFast) skipSpace() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\r':
		case '\n':
			p.line++
			p.lineStart = p.i + 1
			p.wide = 0
		default:
			return
		}
		p.i++
	}
}

// Errors. The messages are encoding/json's.

// invalid reports the byte at off, outside any string, as unexpected.
func (p *jsonFast) invalid(off int, context string) error {
	return &Error{Line: p.line, Col: p.colAt(off), Msg: "invalid character " + jsonQuoteChar(p.data[off]) + " " + context, Err: ErrSyntax}
}

// eof reports the end of the data where a token should be.
func (p *jsonFast) eof() error {
	return &Error{Line: p.line, Col: p.colAt(len(p.data)), Msg: "unexpected end of JSON", Err: ErrSyntax}
}

// truncated reports a string, number or literal that starts at off and
// that the end of the data cuts short, at its start.
func (p *jsonFast) truncated(off int) error {
	return &Error{Line: p.line, Col: p.colAt(off), Msg: "unexpected EOF", Err: ErrSyntax}
}

// invalidInString reports the byte at off in the string starting at start.
func (p *jsonFast) invalidInString(start, off int, context string) error {
	col := p.colAt(start) + utf8.RuneCount(p.data[start:off])
	return &Error{Line: p.line, Col: col, Msg: "invalid character " + jsonQuoteChar(p.data[off]) + " " + context, Err: ErrSyntax}
}

// jsonQuoteChar formats c as encoding/json's error messages do.
func jsonQuoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

// count counts a value, whose token has been read whole, against the
// limits, in the order the Token reader did.
func (p *jsonFast) count(line, col, depth int) error {
	p.values++
	if p.values > MaxNodes {
		return &Error{Line: line, Col: col, Msg: fmt.Sprintf("more than %d values", MaxNodes), Err: ErrLimit}
	}
	if depth > MaxDepth {
		return &Error{Line: line, Col: col, Msg: fmt.Sprintf("nested deeper than %d levels", MaxDepth), Err: ErrLimit}
	}
	return nil
}

// value reads the value at p.i, white space skipped, at nesting depth.
func (p *jsonFast) value(depth int) (*Node, error) {
	if p.i >= len(p.data) {
		return nil, p.eof()
	}
	start := p.i
	line, col := p.line, p.colAt(start)
	n := Node{Kind: Scalar, Line: line, Col: col}
	switch c := p.data[start]; c {
	case '{':
		p.i++
		if err := p.count(line, col, depth); err != nil {
			return nil, err
		}
		return p.object(depth, line, col)
	case '[':
		p.i++
		if err := p.count(line, col, depth); err != nil {
			return nil, err
		}
		return p.array(depth, line, col)
	case '"':
		text, err := p.str()
		if err != nil {
			return nil, err
		}
		n.Text, n.Quoted = text, true
	case 't':
		if err := p.literal("true"); err != nil {
			return nil, err
		}
		n.Text = "true"
	case 'f':
		if err := p.literal("false"); err != nil {
			return nil, err
		}
		n.Text = "false"
	case 'n':
		if err := p.literal("null"); err != nil {
			return nil, err
		}
		n.Kind = Null
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if err := p.number(); err != nil {
			return nil, err
		}
		n.Text = p.src[start:p.i]
	default:
		return nil, p.invalid(start, "looking for beginning of value")
	}
	if err := p.count(line, col, depth); err != nil {
		return nil, err
	}
	if len(n.Text) > MaxTextBytes {
		return nil, &Error{Line: line, Col: col, Msg: fmt.Sprintf("text longer than %d bytes", MaxTextBytes), Err: ErrLimit}
	}
	nn := p.node()
	*nn = n
	return nn, nil
}

// separator reads what stands before the next item of an array or
// object: the closing delimiter (done), or, after the first item, a comma.
// It leaves p.i on the item, never at the end of the data.
func (p *jsonFast) separator(closing byte, first bool, after string) (done bool, err error) {
	p.skipSpace()
	if p.i >= len(p.data) {
		return false, p.eof()
	}
	c := p.data[p.i]
	if c == closing {
		p.i++
		return true, nil
	}
	if !first {
		if c != ',' {
			return false, p.invalid(p.i, after)
		}
		p.i++
		p.skipSpace()
		if p.i >= len(p.data) {
			return false, p.eof()
		}
	}
	return false, nil
}

// array reads the items of an array, its '[' read.
func (p *jsonFast) array(depth, line, col int) (*Node, error) {
	mark := len(p.stack)
	for first := true; ; first = false {
		done, err := p.separator(']', first, "after array element")
		if err != nil {
			return nil, err
		}
		if done {
			break
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.stack = append(p.stack, v)
	}
	n := p.node()
	*n = Node{Kind: Sequence, Line: line, Col: col, Children: p.children(mark)}
	return n, nil
}

// object reads the keys and values of an object, its '{' read. Duplicate
// keys are kept: the decoder reports them, with both positions.
func (p *jsonFast) object(depth, line, col int) (*Node, error) {
	mark := len(p.stack)
	for first := true; ; first = false {
		done, err := p.separator('}', first, "after object key:value pair")
		if err != nil {
			return nil, err
		}
		if done {
			break
		}
		if p.data[p.i] != '"' {
			return nil, p.invalid(p.i, "looking for beginning of object key string")
		}
		kline, kcol := p.line, p.colAt(p.i)
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.i >= len(p.data) {
			return nil, p.eof()
		}
		if p.data[p.i] != ':' {
			return nil, p.invalid(p.i, "after object key")
		}
		p.i++
		p.skipSpace()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		k := p.node()
		*k = Node{Kind: Scalar, Text: key, Quoted: true, Line: kline, Col: kcol}
		p.stack = append(p.stack, k, v)
	}
	n := p.node()
	*n = Node{Kind: Mapping, Line: line, Col: col, Children: p.children(mark)}
	return n, nil
}

// literal reads true, false or null, its first letter seen.
func (p *jsonFast) literal(lit string) error {
	start := p.i
	for k := 1; k < len(lit); k++ {
		j := start + k
		if j >= len(p.data) {
			return p.truncated(start)
		}
		if p.data[j] != lit[k] {
			return p.invalid(j, "in literal "+lit+" (expecting "+jsonQuoteChar(lit[k])+")")
		}
	}
	p.i = start + len(lit)
	return nil
}

func jsonDigit(c byte) bool { return '0' <= c && c <= '9' }

// number reads a number, its first character a digit or '-'. Like
// encoding/json it reads the longest number there is: "01" is 0, then 1.
func (p *jsonFast) number() error {
	data, start, i := p.data, p.i, p.i
	if data[i] == '-' {
		i++
		if i >= len(data) {
			return p.truncated(start)
		}
		if !jsonDigit(data[i]) {
			return p.invalid(i, "in numeric literal")
		}
	}
	if data[i] == '0' {
		i++
	} else {
		for i++; i < len(data) && jsonDigit(data[i]); i++ {
		}
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) {
			return p.truncated(start)
		}
		if !jsonDigit(data[i]) {
			return p.invalid(i, "after decimal point in numeric literal")
		}
		for i++; i < len(data) && jsonDigit(data[i]); i++ {
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) {
			return p.truncated(start)
		}
		if !jsonDigit(data[i]) {
			return p.invalid(i, "in exponent of numeric literal")
		}
		for i++; i < len(data) && jsonDigit(data[i]); i++ {
		}
	}
	p.i = i
	return nil
}

// jsonPlain marks the bytes a string holds as they are: printable ASCII
// but the quote and the backslash.
var jsonPlain = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func jsonHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// str reads the string whose opening quote is at p.i and returns its
// text, unescaped.
func (p *jsonFast) str() (string, error) {
	data, start := p.data, p.i
	i, wide := start+1, 0
	escaped, invalid := false, false
	for {
		for i < len(data) && jsonPlain[data[i]] {
			i++
		}
		if i >= len(data) {
			return "", p.truncated(start)
		}
		c := data[i]
		if c == '"' {
			break
		}
		if c >= utf8.RuneSelf {
			// Most characters past ASCII in a form are Chinese, three
			// bytes each (U+1000 to U+FFFF but the surrogates, which
			// need no check of the second byte's range): read a run of
			// them here, anything else with DecodeRune.
			j := i
			for j+2 < len(data) {
				b0, b1, b2 := data[j], data[j+1], data[j+2]
				if b0 < 0xe1 || b0 > 0xef || b0 == 0xed || b1&0xc0 != 0x80 || b2&0xc0 != 0x80 {
					break
				}
				j += 3
			}
			if j > i {
				wide += (j - i) / 3 * 2
				i = j
				continue
			}
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				invalid = true // becomes U+FFFD
			}
			wide += size - 1
			i += size
			continue
		}
		if c < ' ' {
			return "", p.invalidInString(start, i, "in string literal")
		}
		// A backslash.
		escaped = true
		if i+1 >= len(data) {
			return "", p.truncated(start)
		}
		switch data[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i += 2
		case 'u':
			for k := i + 2; k < i+6; k++ {
				if k >= len(data) {
					return "", p.truncated(start)
				}
				if !jsonHex(data[k]) {
					return "", p.invalidInString(start, k, "in \\u hexadecimal character escape")
				}
			}
			i += 6
		default:
			return "", p.invalidInString(start, i+1, "in string escape code")
		}
	}
	p.i = i + 1
	p.wide += wide
	if !escaped && !invalid {
		return p.src[start+1 : i], nil
	}
	return unquoteJSON(data[start+1:i], invalid), nil
}

// unquoteJSON unescapes the inside of a string that str has checked, as
// encoding/json does: a \u escape of half a surrogate pair that is not
// followed by the other half becomes U+FFFD, and so, if invalid is set,
// does each byte of invalid UTF-8.
func unquoteJSON(s []byte, invalid bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for r := 0; r < len(s); {
		if s[r] != '\\' {
			// Copy up to the next escape.
			end := bytes.IndexByte(s[r:], '\\')
			if end < 0 {
				end = len(s)
			} else {
				end += r
			}
			if !invalid {
				b.Write(s[r:end])
				r = end
				continue
			}
			for r < end {
				if s[r] < utf8.RuneSelf {
					b.WriteByte(s[r])
					r++
					continue
				}
				rr, size := utf8.DecodeRune(s[r:end])
				b.WriteRune(rr)
				r += size
			}
			continue
		}
		switch s[r+1] {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			rr := jsonHex4(s[r+2:])
			r += 6
			if utf16.IsSurrogate(rr) {
				rr1 := rune(-1)
				if r+1 < len(s) && s[r] == '\\' && s[r+1] == 'u' {
					rr1 = jsonHex4(s[r+2:])
				}
				if dec := utf16.DecodeRune(rr, rr1); dec != utf8.RuneError {
					r += 6
					b.WriteRune(dec)
					continue
				}
				rr = utf8.RuneError
			}
			b.WriteRune(rr)
			continue
		default: // '"', '\\', '/'
			b.WriteByte(s[r+1])
		}
		r += 2
	}
	return b.String()
}

// jsonHex4 is the value of the four hex digits that start s.
func jsonHex4(s []byte) rune {
	var r rune
	for _, c := range s[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
