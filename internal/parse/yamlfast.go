package parse

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// parseYAMLFast reads the YAML that form files are written in about ten
// times faster than the general parser, which matters on a folder of
// 100,000 forms: block mappings and sequences; plain, single- and
// double-quoted scalars (escapes included) on one line; literal and
// folded block scalars with a chomping indicator; flow sequences and
// flow mappings of such scalars on one line; quoted keys; comments
// wherever YAML allows them. It produces exactly the tree the general
// parser would. Anything else (anchors and aliases, tags, multi-line
// plain, quoted or flow values, nested flow collections, tabs, several
// documents, an indentation indicator, or any irregularity) makes it
// answer ok=false, and the general parser, with its positioned errors,
// reads the file instead. FuzzYAMLParsers holds the two to the same trees.
//
// sc is the working memory to reuse (nil for fresh); the tree is valid
// until sc is released.
func parseYAMLFast(sc *scratch, data []byte) (root *Node, ok bool) {
	if len(data) == 0 || !printable(data) || bytes.Count(data, []byte("\r")) != bytes.Count(data, []byte("\r\n")) {
		return nil, false
	}
	p := fastYAML{}
	if sc != nil {
		p.buf = sc.buf[:0]
	}
	p.split(sc, data)
	// A line holds at most a key, its value and the mapping or sequence
	// it opens, or a flow collection of items separated by commas.
	p.start(sc, 3*len(p.lines)+2*bytes.Count(data, []byte(","))+1)
	defer func() {
		p.finish(sc)
		if sc != nil {
			sc.buf = p.buf[:0]
		}
	}()
	i := p.skipBlank(0)
	if i < len(p.lines) && p.lines[i].text == "---" && p.lines[i].indent == 0 {
		i = p.skipBlank(i + 1)
	}
	for _, l := range p.lines[i:] {
		// Document markers after the start ("---", "...") and directives.
		if l.indent == 0 && (strings.HasPrefix(l.text, "---") || strings.HasPrefix(l.text, "...") || strings.HasPrefix(l.text, "%")) {
			return nil, false
		}
	}
	if i >= len(p.lines) || p.lines[i].indent != 0 {
		return nil, false
	}
	root, next, ok := p.block(i, 0, 0)
	if !ok || p.skipBlank(next) != len(p.lines) || p.nodes > MaxNodes {
		return nil, false
	}
	return root, true
}

// printable reports whether data is valid UTF-8 made only of characters
// YAML allows (its printable set: \n, \r, space to ~, U+00A0 onwards but
// for surrogates, U+FEFF and U+FFFE/FFFF), and no tab, which the fast path
// leaves to the general parser.
func printable(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' && c != '\r' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || r < 0xA0 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

type fastLine struct {
	no     int    // 1-based line number
	indent int    // leading spaces
	text   string // after the indentation, "\r" removed; "" for a blank line
	raw    string // the whole line, "\r" removed
}

type fastYAML struct {
	treeBuilder
	lines []fastLine
	nodes int
	eol   bool   // the data ends with a line break
	buf   []byte // a scalar being unescaped or folded
}

func (p *fastYAML) split(sc *scratch, data []byte) {
	p.eol = bytes.HasSuffix(data, []byte("\n"))
	// Every text of the tree is cut from this one copy of the file.
	s := string(data)
	n := strings.Count(s, "\n") + 1
	if sc != nil && cap(sc.lines) >= n {
		p.lines = sc.lines[:0]
	} else {
		p.lines = make([]fastLine, 0, n)
		if sc != nil {
			sc.lines = p.lines
		}
	}
	for no := 1; len(s) > 0; no++ {
		line, rest, _ := strings.Cut(s, "\n")
		s = rest
		line = strings.TrimSuffix(line, "\r")
		t := strings.TrimLeft(line, " ")
		p.lines = append(p.lines, fastLine{no: no, indent: len(line) - len(t), text: t, raw: line})
	}
}

// blank reports whether a line holds nothing but spaces or a comment.
func (l fastLine) blank() bool { return l.text == "" || l.text[0] == '#' }

func (p *fastYAML) skipBlank(i int) int {
	for i < len(p.lines) && p.lines[i].blank() {
		i++
	}
	return i
}

func (p *fastYAML) newNode(kind Kind, line, col int) *Node {
	p.nodes++
	n := p.node()
	n.Kind, n.Line, n.Col = kind, line, col
	return n
}

// col is the 1-based column, in characters, of byte offset off of a line.
func col(l fastLine, off int) int { return utf8.RuneCountInString(l.raw[:off]) + 1 }

func isSeqItem(t string) bool { return t == "-" || strings.HasPrefix(t, "- ") }

// block reads the mapping or sequence whose first line is i, at indent,
// depth levels below the root.
func (p *fastYAML) block(i, indent, depth int) (*Node, int, bool) {
	if depth > MaxDepth {
		return nil, 0, false
	}
	if isSeqItem(p.lines[i].text) {
		return p.sequence(i, indent, depth)
	}
	return p.mapping(i, indent, 0, depth)
}

// sequence reads "- item" lines at indent.
func (p *fastYAML) sequence(i, indent, depth int) (*Node, int, bool) {
	l := p.lines[i]
	seq := p.newNode(Sequence, l.no, indent+1)
	mark := len(p.stack)
	for i < len(p.lines) {
		l = p.lines[i]
		if l.indent < indent {
			break
		}
		if l.indent > indent || !isSeqItem(l.text) {
			if l.indent == indent {
				break // the mapping this sequence is a value of goes on
			}
			return nil, 0, false
		}
		if depth+1 > MaxDepth || p.nodes > MaxNodes {
			return nil, 0, false
		}
		rest := strings.TrimLeft(l.text[1:], " ")
		off := l.indent + (len(l.text) - len(rest)) // byte offset of the item's content
		var item *Node
		var ok bool
		switch {
		case rest == "" || rest[0] == '#':
			// The item is the block on the lines below, or null.
			j := p.skipBlank(i + 1)
			if j < len(p.lines) && p.lines[j].indent > indent {
				item, i, ok = p.block(j, p.lines[j].indent, depth+1)
			} else {
				item, i, ok = p.newNode(Null, l.no, col(l, l.indent+1)), i+1, true
			}
		case isSeqItem(rest):
			return nil, 0, false // "- - x": rare; the general parser reads it
		default:
			if _, _, _, isKey := p.key(l, off); isKey {
				item, i, ok = p.mapping(i, off, off, depth+1)
			} else {
				item, i, ok = p.value(i, off, indent, depth+1)
			}
		}
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, item)
		i = p.skipBlank(i)
	}
	seq.Children = p.children(mark)
	return seq, i, true
}

// key reads the key of a "key: value" entry at byte offset off of line l:
// a plain key, or a quoted one on its own line. It returns the key's text,
// whether it is quoted, and the byte offset of the colon after it.
func (p *fastYAML) key(l fastLine, off int) (key string, quoted bool, colon int, ok bool) {
	t := l.raw[off:]
	if t == "" {
		return "", false, 0, false
	}
	if t[0] == '"' || t[0] == '\'' {
		end, ok := quotedEnd(t)
		if !ok {
			return "", false, 0, false
		}
		c := end
		for c < len(t) && t[c] == ' ' {
			c++
		}
		// The general parser reads a key only so far (1,024 characters);
		// a longer one is its error to report.
		if c >= len(t) || t[c] != ':' || c+1 < len(t) && t[c+1] != ' ' || c > 512 {
			return "", false, 0, false
		}
		key, _, ok = p.quoted(t)
		return key, true, off + c, ok
	}
	key, _, c, ok := splitKey(t)
	return key, false, off + c, ok
}

// splitKey splits "key: rest" (or "key:") into the plain key and the rest,
// with the byte offset of the colon. Keys starting with an indicator are
// not handled.
func splitKey(t string) (key, rest string, colon int, ok bool) {
	if t == "" || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(t[0])) && !(t[0] == '-' && len(t) > 1 && t[1] != ' ') {
		return "", "", 0, false
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case ':':
			if i+1 == len(t) || t[i+1] == ' ' {
				key = strings.TrimRight(t[:i], " ")
				if key == "" || len(t[:i]) > 512 || strings.Contains(key, " #") || key == "<<" || key == "~" || key == "null" || key == "Null" || key == "NULL" {
					return "", "", 0, false
				}
				return key, strings.TrimLeft(t[i+1:], " "), i, true
			}
		case '#':
			if i > 0 && t[i-1] == ' ' {
				return "", "", 0, false
			}
		}
	}
	return "", "", 0, false
}

// mapping reads "key: value" lines at indent. The first line may begin
// at byte offset start of its line (a mapping opened inside "- ").
func (p *fastYAML) mapping(i, indent, start, depth int) (*Node, int, bool) {
	if depth > MaxDepth {
		return nil, 0, false
	}
	l := p.lines[i]
	m := p.newNode(Mapping, l.no, col(l, max(start, l.indent)))
	mark := len(p.stack)
	first := true
	for i < len(p.lines) {
		l = p.lines[i]
		off := l.indent
		if first && start > 0 {
			off = start
		} else {
			if l.indent < indent {
				break
			}
			if l.indent > indent {
				return nil, 0, false
			}
			if isSeqItem(l.text) {
				break // a sequence at the key's indentation ends the mapping
			}
		}
		first = false
		if depth+1 > MaxDepth || p.nodes > MaxNodes {
			return nil, 0, false
		}
		key, quoted, colon, ok := p.key(l, off)
		if !ok {
			return nil, 0, false
		}
		k := p.newNode(Scalar, l.no, col(l, off))
		k.Text, k.Quoted = key, quoted
		rest := strings.TrimLeft(l.raw[colon+1:], " ")
		valOff := len(l.raw) - len(rest)
		var v *Node
		switch {
		case rest == "" || rest[0] == '#':
			j := p.skipBlank(i + 1)
			switch {
			case j < len(p.lines) && p.lines[j].indent > indent:
				v, i, ok = p.block(j, p.lines[j].indent, depth+1)
			case j < len(p.lines) && p.lines[j].indent == indent && isSeqItem(p.lines[j].text):
				v, i, ok = p.sequence(j, indent, depth+1)
			default:
				v, i, ok = p.newNode(Null, l.no, col(l, colon+1)), i+1, true
			}
		default:
			v, i, ok = p.value(i, valOff, indent, depth+1)
		}
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, k, v)
		i = p.skipBlank(i)
	}
	m.Children = p.children(mark)
	return m, i, true
}

// value reads the value starting at byte offset off of line i, in a block
// at parent indentation indent: a scalar, a block scalar, or a flow
// collection.
func (p *fastYAML) value(i, off, indent, depth int) (*Node, int, bool) {
	l := p.lines[i]
	t := l.raw[off:]
	switch t[0] {
	case '|', '>':
		return p.blockScalar(i, off, indent)
	case '[', '{':
		if depth+1 > MaxDepth {
			return nil, 0, false
		}
		n, end, ok := p.flow(l, off)
		if !ok || !trailerOK(l.raw[end:]) {
			return nil, 0, false
		}
		return n, i + 1, true
	case '"', '\'':
		text, end, ok := p.quoted(t)
		if !ok || !trailerOK(t[end:]) || len(text) > MaxTextBytes {
			return nil, 0, false
		}
		n := p.newNode(Scalar, l.no, col(l, off))
		n.Text, n.Quoted = text, true
		return n, i + 1, true
	case '&', '*', '!', '%', '@', '`', ',', ']', '}', '#', '?', ':':
		return nil, 0, false
	}
	v := strings.TrimRight(stripComment(t), " ")
	if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || v == "-" || strings.HasPrefix(v, "- ") {
		return nil, 0, false
	}
	// A more-indented line after a plain scalar continues it (a
	// multi-line plain scalar): leave that to the general parser.
	if j := p.skipBlank(i + 1); j < len(p.lines) && p.lines[j].indent > indent {
		return nil, 0, false
	}
	if len(v) > MaxTextBytes {
		return nil, 0, false // the general parser refuses it, with its position
	}
	return p.plain(v, l.no, col(l, off)), i + 1, true
}

// plain makes the node of a plain scalar: null for the words YAML reads
// as null.
func (p *fastYAML) plain(v string, line, col int) *Node {
	switch v {
	case "", "~", "null", "Null", "NULL":
		return p.newNode(Null, line, col)
	}
	n := p.newNode(Scalar, line, col)
	n.Text = v
	return n
}

// trailerOK reports whether what follows a quoted scalar or a flow
// collection is only spaces and a comment.
func trailerOK(s string) bool {
	s = strings.TrimLeft(s, " ")
	return s == "" || s[0] == '#'
}

// stripComment cuts a " #" comment from a plain value.
func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}

// quotedEnd returns the byte offset after the closing quote of the
// single- or double-quoted scalar that t starts with, if it ends on the
// same line, without unescaping it.
func quotedEnd(t string) (int, bool) {
	q := t[0]
	for j := 1; j < len(t); j++ {
		switch t[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			if q == '\'' && j+1 < len(t) && t[j+1] == '\'' {
				j++
				continue
			}
			return j + 1, true
		}
	}
	return 0, false
}

// quoted reads the single- or double-quoted scalar that t starts with and
// ends on the same line. It returns the scalar's text and the byte offset
// after its closing quote.
func (p *fastYAML) quoted(t string) (text string, end int, ok bool) {
	if t[0] == '\'' {
		escaped := false
		for j := 1; j < len(t); j++ {
			if t[j] != '\'' {
				continue
			}
			if j+1 < len(t) && t[j+1] == '\'' {
				escaped = true
				j++
				continue
			}
			if escaped {
				return strings.ReplaceAll(t[1:j], "''", "'"), j + 1, true
			}
			return t[1:j], j + 1, true
		}
		return "", 0, false // a multi-line string: the general parser
	}
	return p.doubleQuoted(t)
}

// doubleQuoted reads the double-quoted scalar that t starts with,
// unescaping it as YAML does. A string that goes on to the next line, or
// an escape YAML refuses, is the general parser's.
func (p *fastYAML) doubleQuoted(t string) (text string, end int, ok bool) {
	i := 1
	b := p.buf[:0]
	escaped := false
	for {
		j := i
		for j < len(t) && t[j] != '"' && t[j] != '\\' {
			j++
		}
		if j == len(t) {
			return "", 0, false
		}
		if t[j] == '"' {
			if !escaped {
				return t[1:j], j + 1, true
			}
			b = append(b, t[i:j]...)
			p.buf = b
			return string(b), j + 1, true
		}
		escaped = true
		b = append(b, t[i:j]...)
		if j+1 >= len(t) {
			return "", 0, false // an escaped line break
		}
		i = j + 2
		var r rune
		switch c := t[j+1]; c {
		case '0':
			r = 0
		case 'a':
			r = '\a'
		case 'b':
			r = '\b'
		case 't':
			r = '\t'
		case 'n':
			r = '\n'
		case 'v':
			r = '\v'
		case 'f':
			r = '\f'
		case 'r':
			r = '\r'
		case 'e':
			r = 0x1b
		case ' ', '"', '\'', '\\':
			r = rune(c)
		case 'N':
			r = 0x85
		case '_':
			r = 0xa0
		case 'L':
			r = 0x2028
		case 'P':
			r = 0x2029
		case 'x', 'u', 'U':
			k := 2
			if c == 'u' {
				k = 4
			} else if c == 'U' {
				k = 8
			}
			if j+2+k > len(t) {
				return "", 0, false
			}
			for _, h := range []byte(t[j+2 : j+2+k]) {
				d, ok := hexDigit(h)
				if !ok {
					return "", 0, false
				}
				r = r<<4 | rune(d)
			}
			if r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF || r < 0 {
				return "", 0, false
			}
			i += k
		default:
			return "", 0, false
		}
		b = utf8.AppendRune(b, r)
	}
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// flow reads the flow sequence or flow mapping of scalars that opens at
// byte offset off of line l and closes on the same line. It returns the
// node and the byte offset after the closing bracket.
func (p *fastYAML) flow(l fastLine, off int) (*Node, int, bool) {
	raw := l.raw
	c := cursor{raw: raw}
	closing, kind := byte(']'), Sequence
	if raw[off] == '{' {
		closing, kind = '}', Mapping
	}
	n := p.newNode(kind, l.no, c.col(off))
	mark := len(p.stack)
	i := off + 1
	for {
		i = skipSpaces(raw, i)
		if i >= len(raw) {
			return nil, 0, false // goes on to the next line
		}
		if raw[i] == closing {
			break // the end, or a comma before it
		}
		item, next, ok := p.flowScalar(l, &c, i, kind == Mapping)
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, item)
		i = skipSpaces(raw, next)
		if kind == Mapping {
			// key: value, the colon after a space-free key.
			if i >= len(raw) || raw[i] != ':' || i+1 >= len(raw) || raw[i+1] != ' ' {
				return nil, 0, false
			}
			i = skipSpaces(raw, i+1)
			if i >= len(raw) || raw[i] == ',' || raw[i] == closing {
				return nil, 0, false // an empty value
			}
			v, next, ok := p.flowScalar(l, &c, i, false)
			if !ok {
				return nil, 0, false
			}
			p.stack = append(p.stack, v)
			i = skipSpaces(raw, next)
		}
		if i >= len(raw) {
			return nil, 0, false
		}
		if raw[i] == ',' {
			i++
			continue
		}
		if raw[i] != closing {
			return nil, 0, false
		}
	}
	n.Children = p.children(mark)
	return n, i + 1, true
}

// flowScalar reads a quoted or plain scalar inside a flow collection at
// byte offset i of line l, and returns it with the offset after it. A
// key of a flow mapping ends at ": ".
func (p *fastYAML) flowScalar(l fastLine, c *cursor, i int, key bool) (*Node, int, bool) {
	raw := l.raw
	switch raw[i] {
	case '"', '\'':
		text, end, ok := p.quoted(raw[i:])
		if !ok || len(text) > MaxTextBytes {
			return nil, 0, false
		}
		n := p.newNode(Scalar, l.no, c.col(i))
		n.Text, n.Quoted = text, true
		return n, i + end, true
	case '-', '?', ':', '#', '&', '*', '!', '|', '>', '%', '@', '`', '[', '{', ',', ']', '}':
		// Indicators; "-5" is a plain number, "- x" is not a scalar.
		if raw[i] != '-' || i+1 >= len(raw) || strings.IndexByte(" ,[]{}#:", raw[i+1]) >= 0 {
			return nil, 0, false
		}
	}
	j := i
	for j < len(raw) {
		switch raw[j] {
		case ',', ']', '}':
			goto end
		case ':':
			if key && j+1 < len(raw) && raw[j+1] == ' ' {
				goto end
			}
			return nil, 0, false // an implicit key, or a colon YAML reads its own way
		case '[', '{', '#':
			return nil, 0, false // a nested collection, a comment
		}
		j++
	}
end:
	v := strings.TrimRight(raw[i:j], " ")
	if len(v) > MaxTextBytes {
		return nil, 0, false
	}
	return p.plain(v, l.no, c.col(i)), j, true
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// cursor turns byte offsets of one line, taken in increasing order, into
// columns, counting each character once however many items a line holds.
type cursor struct {
	raw      string
	off, chr int
}

func (c *cursor) col(off int) int {
	c.chr += utf8.RuneCountInString(c.raw[c.off:off])
	c.off = off
	return c.chr + 1
}

// blockScalar reads a literal ("|") or folded (">") block scalar, with
// an optional chomping indicator ("-" strip, "+" keep), whose header is
// at byte offset off of line i. Its content is the following lines
// indented more than indent.
func (p *fastYAML) blockScalar(i, off, indent int) (*Node, int, bool) {
	l := p.lines[i]
	header := strings.TrimRight(stripComment(l.raw[off:]), " ")
	literal := header[0] == '|'
	chomp := header[1:]
	if chomp != "" && chomp != "-" && chomp != "+" {
		return nil, 0, false // an indentation indicator, or junk
	}
	empty := func(k int) bool { return p.lines[k].indent == len(p.lines[k].raw) }
	first := i + 1
	if first >= len(p.lines) || empty(first) || p.lines[first].indent <= indent {
		return nil, 0, false // empty, or leading blank lines: the general parser
	}
	bi := p.lines[first].indent // the block's indentation
	b := p.buf[:0]
	trailing, end := 0, first
	prevMore := false // the last content line began with a space
	for k := first; k < len(p.lines); k++ {
		line := p.lines[k]
		if empty(k) {
			if len(line.raw) > bi {
				return nil, 0, false // spaces beyond the indentation: content
			}
			trailing++
			continue
		}
		if line.indent < bi {
			if line.indent > indent {
				return nil, 0, false
			}
			break
		}
		more := line.indent > bi
		if k > first {
			// The line break before this line, as YAML folds it: between
			// two lines of ordinary indentation, a space (or nothing
			// when blank lines stand between); else kept.
			if !literal && !prevMore && !more {
				if trailing == 0 {
					b = append(b, ' ')
				}
			} else {
				b = append(b, '\n')
			}
		}
		for ; trailing > 0; trailing-- {
			b = append(b, '\n')
		}
		b = append(b, line.raw[bi:]...)
		if len(b) > MaxTextBytes {
			p.buf = b
			return nil, 0, false
		}
		prevMore = more
		end = k + 1
	}
	if !p.eol && end+trailing >= len(p.lines) {
		p.buf = b
		return nil, 0, false // runs to an unterminated last line: the general parser
	}
	switch chomp {
	case "":
		b = append(b, '\n')
	case "+":
		for range trailing + 1 {
			b = append(b, '\n')
		}
	}
	p.buf = b
	if len(b) > MaxTextBytes {
		return nil, 0, false
	}
	n := p.newNode(Scalar, l.no, col(l, off))
	n.Text, n.Quoted = string(b), true
	return n, end, true
}
