package layout

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/perfeval/perfeval/evaluation"
)

// The limits every road holds a form to, so that what an importer writes
// the file format reads, and what the file format reads every writer
// draws. They are the file format's own (evaluation's decoder), named
// here once for the importers and writers.
const (
	// MaxTextBytes is the longest text of one cell.
	MaxTextBytes = evaluation.MaxTextBytes
	// MaxList is the most tasks, key projects, indicators (of the form,
	// of a task, of a key project) and extra cells a form has: the
	// file format's max=1000 (TestLimitsAgree holds the two together).
	MaxList = 1000
	// MaxNodes is the most values a form may hold: the file format's
	// evaluation.MaxNodes (every goal, every cell, every list entry).
	MaxNodes = evaluation.MaxNodes
	// MaxCells is the most non-empty cells a document of a form may have:
	// a form the file format accepts has at most evaluation.MaxNodes
	// values, each drawn in one cell, and a label or two beside them.
	MaxCells = 2*evaluation.MaxNodes + 1000
)

// ErrText is what CheckText's errors wrap.
var ErrText = errors.New("text outside the alphabet of a form")

// CheckText refuses a text no road of a form carries unchanged: invalid
// UTF-8, control characters other than tab and line feed (ESC, CR, NUL,
// DEL and the C1 controls), and the non-characters U+FFFE and U+FFFF.
// The importers apply it to every cell (a Markdown entity such as &#x1b;
// decoded first) and the Excel writer to every text, so a text one road
// refuses every road refuses, with the same words.
func CheckText(s string) error {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
				return fmt.Errorf("%w: control character %U", ErrText, rune(c))
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return fmt.Errorf("%w: not valid UTF-8", ErrText)
		case r >= 0x80 && r < 0xa0:
			return fmt.Errorf("%w: control character %U", ErrText, r)
		case r == 0xfffe || r == 0xffff:
			return fmt.Errorf("%w: non-character %U", ErrText, r)
		}
		i += n
	}
	return nil
}
