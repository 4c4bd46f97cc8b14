package markdown

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Input limits of Import. They bound the work and memory one document can
// cost and keep every form Import returns within what the file format
// accepts (evaluation.MaxNodes and the lists' max=1000).
const (
	// MaxFileSize is the largest document Import reads: 4 MiB, as for the
	// YAML and JSON files.
	MaxFileSize = 4 << 20
	// MaxRows is the most table rows a document may have. A published
	// form has a few dozen.
	MaxRows = 2000
	// MaxCells is the most cells one table row may have.
	MaxCells = 64
	// MaxLines is the most lines a document may have.
	MaxLines = 100_000
)

// document is a Markdown file cut into what Import reads: table rows and
// the lines outside tables.
type document struct {
	rows  []*row
	lines []textLine // lines outside tables, blank ones left out
}

// textLine is one line outside any table.
type textLine struct {
	n    int    // 1-based line number
	text string // trimmed
	// afterTable is true when a table came before this line.
	afterTable bool
}

// row is one table row (separator rows and rows of empty cells left out).
type row struct {
	line  int // 1-based
	table int // index of the table, counting from 0
	// first is true for the first row of its table: after a page break
	// it may continue the previous table's last row.
	first bool
	cells []cell
}

// cell is one table cell, its Markdown decoded.
type cell struct {
	paras []string // paragraphs: <p>…</p>, <br> and line breaks split them
	text  string   // paras joined with "\n"
	def   labelDef
	src   string // the source kind of a 其中 label
}

func (r *row) at(i int) *cell {
	if i < 0 || i >= len(r.cells) {
		return &cell{}
	}
	return &r.cells[i]
}

func (r *row) empty(i int) bool { return r.at(i).text == "" }

var separatorRE = regexp.MustCompile(`^\s*:?-+:?\s*$`)

// stripMarkers removes the annotations Render appends to a cell or line
// (" ⚠[3]", " ✖[1] ℹ[2]") from the end of s.
func stripMarkers(s string) string {
	for {
		t := strings.TrimRightFunc(s, unicode.IsSpace)
		if !strings.HasSuffix(t, "]") {
			return s
		}
		open := strings.LastIndexByte(t, '[')
		digits := t[open+1 : len(t)-1]
		if open < 0 || len(digits) < 1 || len(digits) > 6 || strings.Trim(digits, "0123456789") != "" {
			return s
		}
		r, size := utf8.DecodeLastRuneInString(t[:open])
		if r != '✖' && r != '⚠' && r != 'ℹ' {
			return s
		}
		s = t[:open-size]
	}
}

// Tags inside cells: block tags end a paragraph, inline tags are dropped.
var (
	blockTags  = map[string]bool{"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "tr": true, "td": true, "th": true}
	inlineTags = map[string]bool{"b": true, "strong": true, "i": true, "em": true, "u": true, "span": true, "font": true,
		"sup": true, "sub": true, "s": true, "strike": true, "del": true, "ins": true, "mark": true, "small": true, "big": true, "a": true}
)

// tagAt reads an HTML tag of interest at s[0] == '<': <p>, </p>, <br/>,
// <span class="x">. It returns the tag's length, its lower-case name and
// whether it closes; n is 0 for anything else ("<5起", "<<").
func tagAt(s string) (n int, name string, closing bool) {
	i := 1
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
	}
	skip()
	if i < len(s) && s[i] == '/' {
		closing = true
		i++
		skip()
	}
	start := i
	for i < len(s) && i-start <= 8 && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	name = strings.ToLower(s[start:i])
	if !blockTags[name] && !inlineTags[name] {
		return 0, "", false
	}
	if i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' || s[i] == '_') {
		return 0, "", false // <pre>, <p1>: not one of ours
	}
	for j := i; j < len(s) && j-i <= 200; j++ {
		switch s[j] {
		case '>':
			return j + 1, name, closing
		case '<':
			return 0, "", false
		}
	}
	return 0, "", false
}

// parseDocument reads the Markdown text. It checks the limits and refuses
// binary data; data is not modified.
func parseDocument(name string, data []byte) (*document, error) {
	if len(data) > MaxFileSize {
		return nil, &ImportError{File: name, Err: fmt.Errorf("%w: larger than %d bytes", ErrLimit, MaxFileSize)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if line, why := binary(data); why != "" {
		return nil, &ImportError{File: name, Line: line, Err: fmt.Errorf("%w: %s", ErrNotAForm, why)}
	}
	doc := &document{}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	table, inTable, lineInTable, seenTable := -1, false, 0, false
	firstPending := false
	if n := strings.Count(text, "\n"); n >= MaxLines {
		return nil, &ImportError{File: name, Line: MaxLines + 1, Err: fmt.Errorf("%w: more than %d lines", ErrLimit, MaxLines)}
	}
	n := 0
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		n++
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "|") {
			inTable = false
			if t != "" {
				doc.lines = append(doc.lines, textLine{n: n, text: t, afterTable: seenTable})
			}
			continue
		}
		if !inTable {
			inTable, lineInTable, seenTable = true, 0, true
			table++
			firstPending = true
		}
		lineInTable++
		raw, err := splitRow(t)
		if err != nil {
			return nil, &ImportError{File: name, Line: n, Err: err}
		}
		if lineInTable == 2 && isSeparator(raw) {
			continue
		}
		r := &row{line: n, table: table}
		nonEmpty := false
		for _, c := range raw {
			dc := decodeCell(c)
			if dc.text != "" {
				nonEmpty = true
			}
			r.cells = append(r.cells, dc)
		}
		if !nonEmpty {
			continue
		}
		if len(doc.rows) >= MaxRows {
			return nil, &ImportError{File: name, Line: n, Err: fmt.Errorf("%w: more than %d table rows", ErrLimit, MaxRows)}
		}
		r.first, firstPending = firstPending, false
		doc.rows = append(doc.rows, r)
	}
	return doc, nil
}

// binary reports where data stops being text: invalid UTF-8 or a control
// character other than tab and line breaks.
func binary(data []byte) (line int, why string) {
	line = 1
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				line++
			case c == '\t' || c == '\r':
			case c < 0x20 || c == 0x7f:
				return line, fmt.Sprintf("binary data (control character %#02x)", c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, "binary data (not UTF-8 text)"
		}
		if r >= 0x80 && r <= 0x9f || r == 0xfeff || r == 0xfffe || r == 0xffff {
			return line, fmt.Sprintf("binary data (control character U+%04X)", r)
		}
		i += size
	}
	return 0, ""
}

// splitRow cuts a table line into its raw cells at the pipes that are not
// escaped (\|), dropping the empty text before the leading pipe and after
// the trailing one.
func splitRow(t string) ([]string, error) {
	var cells []string
	start := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++ // the next byte is escaped
		case '|':
			cells = append(cells, t[start:i])
			start = i + 1
			if len(cells) > MaxCells+1 {
				return nil, fmt.Errorf("%w: more than %d cells in a row", ErrLimit, MaxCells)
			}
		}
	}
	last := t[min(start, len(t)):]
	if strings.TrimSpace(last) != "" {
		cells = append(cells, last)
	}
	if len(cells) > 0 {
		cells = cells[1:] // the text before the leading pipe
	}
	if len(cells) > MaxCells {
		return nil, fmt.Errorf("%w: more than %d cells in a row", ErrLimit, MaxCells)
	}
	return cells, nil
}

func isSeparator(cells []string) bool {
	if len(cells) == 0 {
		return false
	}
	for _, c := range cells {
		if !separatorRE.MatchString(c) {
			return false
		}
	}
	return true
}

// decodeCell turns a raw cell into its paragraphs: Render's annotation
// markers are dropped, <p>, <br> and similar tags split paragraphs,
// inline HTML tags are dropped, Markdown backslash escapes and HTML
// entities are decoded, and each paragraph is trimmed. Blank text between
// paragraphs is dropped; an explicit empty paragraph (<p></p>) is kept,
// since it is one of Render's.
func decodeCell(raw string) cell {
	raw = stripMarkers(raw)
	var (
		paras    []string
		cur      strings.Builder
		explicit bool // inside <p>…</p>
	)
	flush := func(keepEmpty bool) {
		t := strings.TrimSpace(html.UnescapeString(unescapeMarkdown(cur.String())))
		if t != "" || keepEmpty {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	for {
		k := strings.IndexByte(raw, '<')
		if k < 0 {
			cur.WriteString(raw)
			break
		}
		n, name, closing := tagAt(raw[k:])
		if n == 0 {
			cur.WriteString(raw[:k+1])
			raw = raw[k+1:]
			continue
		}
		cur.WriteString(raw[:k])
		raw = raw[k+n:]
		if inlineTags[name] {
			continue
		}
		isP := name == "p"
		flush(explicit && closing && isP)
		explicit = isP && !closing
	}
	flush(false)
	c := cell{paras: paras, text: strings.Join(paras, "\n")}
	d, src := classify(c.text)
	c.def, c.src = d, string(src)
	return c
}

// unescapeMarkdown decodes backslash escapes: a backslash before ASCII
// punctuation stands for that character.
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
