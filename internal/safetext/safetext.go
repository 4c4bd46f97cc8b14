// Package safetext makes text from a form safe to show: on a terminal, in
// a diagnostic, in a one-line report. A form is input from anyone; its
// cells may hold ESC sequences that repaint a terminal, CR or backspace
// that hide what precedes them, newlines that forge report lines, or
// bidirectional overrides that reorder what a reader sees. Every writer
// of human-readable output passes such text through Line or Quote.
package safetext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// QuoteRunes is how many runes of an input Quote keeps: enough to find
// the text in the file, never the megabytes a hostile key may hold.
const QuoteRunes = 48

// Line returns s on one line with every control character visible: a
// newline becomes ⏎, other C0 and C1 controls, DEL and the bidirectional
// controls become Go escapes (\x1b, \r, \u202e), invalid UTF-8 becomes
// \xNN. Tabs are kept. Text that needs none of this is returned as is,
// without allocating.
func Line(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])>>4, 16))
			b.WriteString(strconv.FormatUint(uint64(s[i])&15, 16))
		case r == '\n':
			b.WriteString("⏎")
		case unsafeRune(r):
			q := strconv.QuoteRuneToASCII(r) // '\x1b', '\r', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Quote returns at most QuoteRunes runes of s, made visible as Line does,
// in double quotes, with … after the quotes when s was longer. It is the
// one way a message quotes input text.
func Quote(s string) string {
	cut := false
	n := 0
	for i := range s {
		if n == QuoteRunes {
			s, cut = s[:i], true
			break
		}
		n++
	}
	q := `"` + strings.ReplaceAll(Line(s), `"`, `\"`) + `"`
	if cut {
		q += "…"
	}
	return q
}

// Clip returns at most QuoteRunes runes of s, with … when it was longer,
// made visible as Line does: for a value shown unquoted, such as the
// actual of a finding.
func Clip(s string) string {
	n := 0
	for i := range s {
		if n == QuoteRunes {
			return Line(s[:i]) + "…"
		}
		n++
	}
	return Line(s)
}

// firstUnsafe returns the byte index of the first rune Line would change,
// or -1.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unsafeRune(r) {
			return i
		}
		i += n
	}
	return -1
}

// unsafeRune reports whether r must not reach a reader raw: controls
// other than tab, DEL, C1 controls, and the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks
// (U+200E, U+200F, U+061C), which can reorder what a reader sees.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators break lines too
		return true
	}
	return false
}
