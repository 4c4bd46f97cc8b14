package markdown

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/perfeval/perfeval/imports"
	"github.com/perfeval/perfeval/internal/layout"
)

// Input limits of Import. They bound the work and memory one document can
// cost; the limits of the file format (layout.MaxCells, the lists' 1,000
// entries, evaluation.MaxTextBytes) bound the form it gives.
const (
	// MaxFileSize is the largest document Import reads: 4 MiB, as for the
	// YAML and JSON files.
	MaxFileSize = 4 << 20
	// MaxRows is the most table rows a document may have: as many as a
	// form the file format accepts may need (a row per source, task or
	// indicator, each of which is at least two of the format's
	// evaluation.MaxNodes values).
	MaxRows = 50_000
	// MaxCells is the most cells one table row may have.
	MaxCells = 64
	// MaxLines is the most lines a document may have.
	MaxLines = 100_000
)

var separatorRE = regexp.MustCompile(`^\s*:?-+:?\s*$`)

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

// parseDocument reads the Markdown text into the cells and lines the
// layout reader reads. It checks the limits and refuses binary data, and
// text outside the alphabet of a form however it is written (a raw ESC or
// &#x1b;); data is not modified.
func parseDocument(name string, data []byte) (*layout.Input, error) {
	if len(data) > MaxFileSize {
		return nil, &ImportError{File: name, Err: fmt.Errorf("%w: larger than %d bytes", ErrLimit, MaxFileSize)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if line, why := binary(data); why != "" {
		return nil, &ImportError{File: name, Line: line, Err: fmt.Errorf("%w: %s", ErrNotAForm, why)}
	}
	in := &layout.Input{}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	table, inTable, lineInTable, seenTable := -1, false, 0, false
	firstPending := false
	if n := strings.Count(text, "\n"); n >= MaxLines {
		return nil, &ImportError{File: name, Line: MaxLines + 1, Err: fmt.Errorf("%w: more than %d lines", ErrLimit, MaxLines)}
	}
	n, cells := 0, 0
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		n++
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "|") {
			inTable = false
			if t != "" {
				in.Lines = append(in.Lines, layout.Line{Pos: imports.Position{Line: n}, Text: t, AfterTable: seenTable})
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
		r := layout.Row{Table: table}
		for i, c := range raw {
			paras, text, literal, indent := decodeCell(c)
			if text == "" && len(paras) == 0 {
				continue
			}
			if err := layout.CheckText(text); err != nil {
				return nil, &ImportError{File: name, Line: n, Err: fmt.Errorf("%w: column %d: %s", ErrNotAForm, i+1, strings.TrimPrefix(err.Error(), layout.ErrText.Error()+": "))}
			}
			r.Cells = append(r.Cells, &layout.In{Col: i, Pos: imports.Position{Line: n, Column: i + 1}, Text: text, Paras: paras, Literal: literal, Indent: indent})
		}
		if len(r.Cells) == 0 {
			continue
		}
		if len(in.Rows) >= MaxRows {
			return nil, &ImportError{File: name, Line: n, Err: fmt.Errorf("%w: more than %d table rows", ErrLimit, MaxRows)}
		}
		if cells += len(r.Cells); cells > layout.MaxCells {
			return nil, &ImportError{File: name, Line: n, Err: fmt.Errorf("%w: more than %d cells", ErrLimit, layout.MaxCells)}
		}
		r.First, firstPending = firstPending, false
		in.Rows = append(in.Rows, r)
	}
	return in, nil
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
				return line, fmt.Sprintf("control character %U", rune(c))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, "not valid UTF-8"
		}
		if r >= 0x80 && r <= 0x9f || r == 0xfffe || r == 0xffff {
			return line, fmt.Sprintf("control character %U", r)
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

// decodeCell turns a raw cell into its paragraphs: a rendering's
// annotation markers are dropped, <p>, <br> and similar tags split
// paragraphs, inline HTML tags are dropped, Markdown backslash escapes and
// HTML entities are decoded, and each paragraph is trimmed. Blank text
// between paragraphs is dropped; an explicit empty paragraph (<p></p>) is
// kept, since the renderer writes one for an empty line of a text. indent
// counts the non-breaking and ideographic spaces (&nbsp;, &#12288;) the
// cell's text opens with: the indentation some published tables draw a
// tree with.
func decodeCell(raw string) (paras []string, text string, literal bool, indent int) {
	raw = layout.StripMarkers(raw)
	// Render writes the first character of a value that would read as a
	// label as a character reference: the cell is data.
	lead := strings.TrimPrefix(strings.TrimSpace(raw), "<p>")
	literal = strings.HasPrefix(lead, "&#")
	var (
		cur      strings.Builder
		explicit bool // inside <p>…</p>
	)
	flush := func(keepEmpty bool) {
		u := html.UnescapeString(unescapeMarkdown(cur.String()))
		if len(paras) == 0 {
			indent = leadingIndent(u)
		}
		t := strings.TrimSpace(u)
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
	return paras, strings.Join(paras, "\n"), literal, indent
}

// leadingIndent counts the non-breaking and ideographic spaces before a
// text's first character; ASCII spaces, a table cell's padding, do not
// count.
func leadingIndent(s string) int {
	n := 0
	for _, c := range s {
		switch c {
		case '\u00a0', '\u3000':
			n++
		case ' ', '\t':
		default:
			return n
		}
	}
	return n
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
