package indicator

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/perfeval/perfeval/budget"
)

// normalize prepares a cell's text for the parsers:
//
//   - full-width digits, signs, point, comma and percent become ASCII
//     (budget.FoldWidth), as do the full-width comparison signs and
//     parentheses a Chinese input method types;
//   - ≧ ⩾ >= become ≥, ≦ ⩽ <= become ≤, == becomes =;
//   - whitespace is dropped, except a single space between two ASCII
//     letters or digits ("2,811 人" → "2,811人", but "1 2" stays apart so it
//     is not read as 12);
//   - closing punctuation (。 . ; ， ! 、) is trimmed from the end.
//
// The result is only used for interpretation; Value.Raw keeps the original.
func normalize(s string) string {
	f := budget.FoldWidth(s)
	if plain(f) {
		return trimClosing(f)
	}
	var b strings.Builder
	b.Grow(len(f))
	last := rune(-1) // the last rune written
	for i := 0; i < len(f); {
		r, size := utf8.DecodeRuneInString(f[i:])
		i += size
		switch r {
		case '≧', '⩾':
			r = '≥'
		case '≦', '⩽':
			r = '≤'
		case '＞':
			r = '>'
		case '＜':
			r = '<'
		case '＝':
			r = '='
		case '﹪':
			r = '%'
		case '（':
			r = '('
		case '）':
			r = ')'
		case '：':
			r = ':'
		case '～':
			r = '~'
		}
		if unicode.IsSpace(r) {
			j := i
			next := rune(-1)
			for j < len(f) {
				r2, sz := utf8.DecodeRuneInString(f[j:])
				if !unicode.IsSpace(r2) {
					next = r2
					break
				}
				j += sz
			}
			i = j
			if asciiAlnum(last) && asciiAlnum(next) {
				b.WriteByte(' ')
				last = ' '
			}
			continue
		}
		if r == '>' || r == '<' || r == '=' {
			if i < len(f) {
				r2, sz := utf8.DecodeRuneInString(f[i:])
				if r2 == '=' || r2 == '＝' {
					i += sz
					switch r {
					case '>':
						r = '≥'
					case '<':
						r = '≤'
					}
				}
			}
		}
		b.WriteRune(r)
		last = r
	}
	return trimClosing(b.String())
}

// plain reports whether s needs no work beyond trimming: ASCII without
// whitespace or comparison signs.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c <= ' ' || c == '>' || c == '<' || c == '=' {
			return false
		}
	}
	return true
}

func trimClosing(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		switch r {
		case '。', '.', ';', '；', ',', '!', '！', '、', '．':
			return true
		}
		return unicode.IsSpace(r)
	})
}

func asciiAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// cutAny returns s without the first of prefixes it starts with, and the
// prefix; ("", s) if none matches. prefixes must be ordered longest first.
func cutAny(s string, prefixes []string) (string, string) {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return p, s[len(p):]
		}
	}
	return "", s
}
