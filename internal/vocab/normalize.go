package vocab

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/perfeval/perfeval/budget"
)

// MaxLabelBytes is the longest text that can be a label: a longer cell is
// text, never a label, which also keeps matching cheap on cells that hold
// whole paragraphs.
const MaxLabelBytes = 160

// Norm is a cell's text reduced to what labels are matched on.
type Norm struct {
	// Key is the text without white space, line breaks, emphasis marks, a
	// leading required-field "*", a trailing colon or a trailing note in
	// brackets; full-width forms are folded to ASCII: "项目资金（万元）：" is
	// "项目资金".
	Key string
	// Note is the trailing bracketed note set apart from Key, without
	// its brackets: "万元", "A", "B/A", "50分", "计算值"; "" for none.
	Note string
	// Notes are all the trailing notes, the last printed first:
	// 预算执行情况(万元)(20分) has "20分" and "万元".
	Notes []string
	// Numbered is true when a leading number was dropped: "1.", "一、",
	// "（一）" before a label.
	Numbered bool
	// Broken is true when a line break inside the text was folded: a
	// label printed on two lines (经济效益<br>指标).
	Broken bool
}

// Normalize reduces s to what labels are matched on (see Norm). A text
// longer than MaxLabelBytes normalises to the zero Norm: it is no label.
func Normalize(s string) Norm {
	if len(s) > MaxLabelBytes {
		return Norm{}
	}
	s = Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	n := Norm{}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			n.Broken = true
			continue
		case unicode.IsSpace(r), r == '*', r == '#', r == '_', r == '`':
			continue
		}
		b.WriteRune(r)
	}
	t := strings.TrimRight(b.String(), ":")
	for range 3 { // 预算执行情况(万元)(20分): at most three notes
		if !strings.HasSuffix(t, ")") {
			break
		}
		i := matchingOpen(t)
		if i <= 0 {
			break
		}
		note := t[i+1 : len(t)-1]
		if n.Note == "" {
			n.Note = note
		}
		n.Notes = append(n.Notes, note)
		t = strings.TrimRight(t[:i], ":")
	}
	if m := numberingRE.FindString(t); m != "" && len(m) < len(t) {
		t, n.Numbered = t[len(m):], true
	}
	n.Key = t
	return n
}

// numberingRE matches a number printed before a label: 1. 1、 一、 (一) (1).
var numberingRE = regexp.MustCompile(`^(?:[0-9]{1,2}[.、．]|[一二三四五六七八九十]{1,3}[、.．]|\([0-9一二三四五六七八九十]{1,3}\))`)

// matchingOpen returns the index of the "(" that the final ")" of t
// closes, or -1.
func matchingOpen(t string) int {
	depth := 0
	for i := len(t) - 1; i >= 0; i-- {
		switch t[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// Fold folds the full-width forms a Chinese input method types to ASCII:
// digits, signs, the decimal point, the comma and the percent sign (as
// budget.FoldWidth does), and also brackets and the colon. It leaves the
// rest alone: Chinese punctuation inside a text stays.
func Fold(s string) string {
	s = budget.FoldWidth(s)
	if !strings.ContainsAny(s, "（）：【】") {
		return s
	}
	return foldPunct.Replace(s)
}

var foldPunct = strings.NewReplacer("（", "(", "）", ")", "：", ":", "【", "(", "】", ")")

// KeyOf is Normalize(s).Key.
func KeyOf(s string) string { return Normalize(s).Key }
