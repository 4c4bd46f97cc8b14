package evaluation

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// parseYAMLFast reads the plain block YAML that form files are written in
// (mappings, sequences, plain and single-quoted scalars, literal block
// scalars, comments, [] and {}) about ten times faster than the general
// parser, which matters on a folder of 100,000 forms. It produces exactly
// the tree parseYAML's general path would; anything outside that subset
// (flow collections, anchors and aliases, tags, double-quoted escapes,
// folded or multi-line scalars, tabs, several documents, or any
// irregularity) makes it answer ok=false, and the general parser, with its
// positioned errors, reads the file instead. FuzzYAMLParsers checks the
// two agree.
func parseYAMLFast(data []byte) (root *node, ok bool) { return parseYAMLFastWith(nil, data) }

// parseYAMLFastWith is parseYAMLFast with its working memory taken from sc
// (nil for fresh memory). The tree is valid until sc is released.
func parseYAMLFastWith(sc *scratch, data []byte) (root *node, ok bool) {
	if len(data) == 0 || !printable(data) || bytes.Count(data, []byte("\r")) != bytes.Count(data, []byte("\r\n")) {
		return nil, false
	}
	p := fastYAML{sc: sc}
	p.split(data)
	// A line holds at most a key, its value and the mapping or sequence
	// it opens.
	p.arena.reset(sc, 3*len(p.lines)+1)
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
	root, next, ok := p.block(i, 0)
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
		if r == utf8.RuneError && size == 1 || r < 0xA0 && r != 0x85 || r == 0x85 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF {
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
	raw    string // the whole line, for block scalars
}

type fastYAML struct {
	sc    *scratch // working memory to reuse; nil for fresh
	arena nodeArena
	lines []fastLine
	nodes int
	eol   bool // the data ends with a line break
}

func (p *fastYAML) split(data []byte) {
	p.eol = bytes.HasSuffix(data, []byte("\n"))
	s := string(data)
	n := strings.Count(s, "\n") + 1
	if p.sc != nil && cap(p.sc.lines) >= n {
		p.lines = p.sc.lines[:0]
	} else {
		p.lines = make([]fastLine, 0, n)
		if p.sc != nil {
			p.sc.lines = p.lines
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

func (p *fastYAML) newNode(kind nodeKind, line, col int) *node {
	p.nodes++
	n := p.arena.new()
	n.kind, n.line, n.col = kind, line, col
	return n
}

// col is the 1-based column, in characters, of byte offset off of a line.
func col(l fastLine, off int) int { return utf8.RuneCountInString(l.raw[:off]) + 1 }

func isSeqItem(t string) bool { return t == "-" || strings.HasPrefix(t, "- ") }

// block reads the mapping or sequence whose first line is i, at indent.
func (p *fastYAML) block(i, indent int) (*node, int, bool) {
	if isSeqItem(p.lines[i].text) {
		return p.sequence(i, indent)
	}
	return p.mapping(i, indent, 0)
}

// sequence reads "- item" lines at indent.
func (p *fastYAML) sequence(i, indent int) (*node, int, bool) {
	l := p.lines[i]
	seq := p.newNode(seqNode, l.no, indent+1)
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
		rest := strings.TrimLeft(l.text[1:], " ")
		off := l.indent + (len(l.text) - len(rest)) // byte offset of the item's content
		var item *node
		var ok bool
		switch {
		case rest == "" || rest[0] == '#':
			// The item is the block on the lines below, or null.
			j := p.skipBlank(i + 1)
			if j < len(p.lines) && p.lines[j].indent > indent {
				item, i, ok = p.block(j, p.lines[j].indent)
			} else {
				item, i, ok = p.newNode(nullNode, l.no, col(l, l.indent+1)), i+1, true
			}
		case isSeqItem(rest):
			return nil, 0, false // "- - x": rare; the general parser reads it
		case looksLikeKey(rest):
			item, i, ok = p.mapping(i, off, off)
		default:
			item, i, ok = p.scalarValue(i, off, indent)
		}
		if !ok {
			return nil, 0, false
		}
		seq.children = append(seq.children, item)
		i = p.skipBlank(i)
	}
	return seq, i, true
}

// looksLikeKey reports whether t starts a "key: value" entry.
func looksLikeKey(t string) bool {
	_, _, _, ok := splitKey(t)
	return ok
}

// splitKey splits "key: rest" (or "key:") into the plain key and the rest,
// with the byte offset of the colon. Quoted keys and keys starting with an
// indicator are not handled.
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
func (p *fastYAML) mapping(i, indent, start int) (*node, int, bool) {
	l := p.lines[i]
	m := p.newNode(mapNode, l.no, col(l, max(start, l.indent)))
	first := true
	for i < len(p.lines) {
		l = p.lines[i]
		text, off := l.text, l.indent
		if first && start > 0 {
			text, off = l.raw[start:], start
		} else {
			if l.indent < indent {
				break
			}
			if l.indent > indent {
				return nil, 0, false
			}
			if isSeqItem(text) {
				break // a sequence at the key's indentation ends the mapping
			}
		}
		first = false
		key, rest, colon, ok := splitKey(text)
		if !ok {
			return nil, 0, false
		}
		k := p.newNode(scalarNode, l.no, col(l, off))
		k.text = key
		valOff := off + len(text) - len(rest)
		var v *node
		switch {
		case rest == "" || rest[0] == '#':
			j := p.skipBlank(i + 1)
			switch {
			case j < len(p.lines) && p.lines[j].indent > indent:
				v, i, ok = p.block(j, p.lines[j].indent)
			case j < len(p.lines) && p.lines[j].indent == indent && isSeqItem(p.lines[j].text):
				v, i, ok = p.sequence(j, indent)
			default:
				v, i, ok = p.newNode(nullNode, l.no, col(l, off+colon+1)), i+1, true
			}
		default:
			v, i, ok = p.scalarValue(i, valOff, indent)
		}
		if !ok {
			return nil, 0, false
		}
		m.children = append(m.children, k, v)
		i = p.skipBlank(i)
	}
	return m, i, true
}

// scalarValue reads the value starting at byte offset off of line i, in
// a block at parent indentation indent: a plain or single-quoted scalar,
// a literal block scalar, or an empty [] or {}.
func (p *fastYAML) scalarValue(i, off, indent int) (*node, int, bool) {
	l := p.lines[i]
	t := l.raw[off:]
	n := p.newNode(scalarNode, l.no, col(l, off))
	next := i + 1
	switch t[0] {
	case '|':
		return p.literal(i, off, indent)
	case '\'':
		end := -1
		for j := 1; j < len(t); j++ {
			if t[j] == '\'' {
				if j+1 < len(t) && t[j+1] == '\'' {
					j++
					continue
				}
				end = j
				break
			}
		}
		if end < 0 || !trailerOK(t[end+1:]) {
			return nil, 0, false
		}
		n.text, n.quoted = strings.ReplaceAll(t[1:end], "''", "'"), true
	case '[', '{':
		if v := strings.TrimRight(stripComment(t), " "); v == "[]" || v == "{}" {
			n.kind = seqNode
			if v == "{}" {
				n.kind = mapNode
			}
			break
		}
		return nil, 0, false
	case '"':
		end := strings.IndexByte(t[1:], '"')
		if end < 0 || strings.IndexByte(t[1:end+1], '\\') >= 0 || !trailerOK(t[end+2:]) {
			return nil, 0, false // escapes or a multi-line string: the general parser
		}
		n.text, n.quoted = t[1:end+1], true
	case '&', '*', '!', '>', '%', '@', '`', ',', ']', '}', '#', '?', ':':
		return nil, 0, false
	default:
		v := strings.TrimRight(stripComment(t), " ")
		if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || v == "-" || strings.HasPrefix(v, "- ") {
			return nil, 0, false
		}
		// A more-indented line after a plain scalar continues it (a
		// multi-line plain scalar): leave that to the general parser.
		if j := p.skipBlank(next); j < len(p.lines) && p.lines[j].indent > indent {
			return nil, 0, false
		}
		switch v {
		case "", "~", "null", "Null", "NULL":
			n.kind = nullNode
		default:
			n.text = v
		}
	}
	if len(n.text) > MaxTextBytes {
		return nil, 0, false // the general parser refuses it, with its position
	}
	return n, next, true
}

// trailerOK reports whether what follows a quoted scalar is only spaces
// and a comment.
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

// literal reads a literal block scalar ("|", "|-" or "|+") whose header
// is at byte offset off of line i. Its content is the following lines
// indented more than indent.
func (p *fastYAML) literal(i, off, indent int) (*node, int, bool) {
	l := p.lines[i]
	header := strings.TrimRight(stripComment(l.raw[off:]), " ")
	chomp := header[1:]
	if chomp != "" && chomp != "-" && chomp != "+" {
		return nil, 0, false
	}
	n := p.newNode(scalarNode, l.no, col(l, off))
	n.quoted = true
	empty := func(k int) bool { return strings.TrimLeft(p.lines[k].raw, " ") == "" }
	first := i + 1
	if first >= len(p.lines) || empty(first) || p.lines[first].indent <= indent {
		return nil, 0, false // empty, or leading blank lines: the general parser
	}
	bi := p.lines[first].indent // the block's indentation
	var body []string
	trailing, end := 0, first
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
		for ; trailing > 0; trailing-- {
			body = append(body, "")
		}
		body = append(body, line.raw[bi:])
		end = k + 1
	}
	if !p.eol && end+trailing >= len(p.lines) {
		return nil, 0, false // runs to an unterminated last line: the general parser
	}
	text := strings.Join(body, "\n")
	switch chomp {
	case "":
		text += "\n"
	case "+":
		text += strings.Repeat("\n", trailing+1)
	}
	if len(text) > MaxTextBytes {
		return nil, 0, false
	}
	n.text = text
	return n, end, true
}
