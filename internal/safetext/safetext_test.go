package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"矛盾纠纷化解率 98.70%", "矛盾纠纷化解率 98.70%"},
		{"a\tb", "a\tb"},
		{"\x1b[2J清屏", `\x1b[2J清屏`},
		{"\x1b]0;title\a", `\x1b]0;title\a`},
		{"ok\rforged", `ok\rforged`},
		{"ab\bc", `ab\bc`},
		{"一\n二", "一⏎二"},
		{"x\x7fy", `x\x7fy`},
		{"\u0085", `\u0085`},
		{"abc\u202edef", `abc\u202edef`},
		{"\u2028", `\u2028`},
		{"bad\xffutf8", `bad\xffutf8`},
	} {
		got := Line(tc.in)
		assert.Equal(t, tc.want, got, "Line(%q)", tc.in)
		assert.Equal(t, -1, firstUnsafe(got), "Line(%q) left something unsafe", tc.in)
	}
}

func TestLineKeepsSafeTextWithoutCopy(t *testing.T) {
	s := strings.Repeat("预算完成率", 100)
	assert.Equal(t, 0, int(testing.AllocsPerRun(10, func() { _ = Line(s) })))
}

func TestQuote(t *testing.T) {
	assert.Equal(t, `"abc"`, Quote("abc"))
	assert.Equal(t, `"a\"b"`, Quote(`a"b`))
	long := strings.Repeat("键", 3_500_000)
	q := Quote(long)
	assert.Equal(t, `"`+strings.Repeat("键", QuoteRunes)+`"…`, q)
	assert.Equal(t, `"\x1b[2J"`, Quote("\x1b[2J"))
	assert.Equal(t, strings.Repeat("x", QuoteRunes)+"…", Clip(strings.Repeat("x", QuoteRunes+1)))
	assert.Equal(t, "a⏎b", Clip("a\nb"))
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "\x1b[2J", "一\n二", "\xff", "\u202e", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		if firstUnsafe(out) >= 0 {
			t.Fatalf("Line(%q) = %q still holds an unsafe rune", s, out)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Line(%q) = %q is not valid UTF-8", s, out)
		}
		if firstUnsafe(s) < 0 && out != s {
			t.Fatalf("Line changed safe text %q", s)
		}
		q := Quote(s)
		if utf8.RuneCountInString(q) > 8*QuoteRunes+4 {
			t.Fatalf("Quote is unbounded: %d runes", utf8.RuneCountInString(q))
		}
	})
}
