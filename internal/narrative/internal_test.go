package narrative

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestSlip(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2432", "2423", true},
		{"102", "120", true},
		{"2812", "2811", true},
		{"98.7", "97.8", true},
		{"350", "320", false},
		{"2523", "2423", false},
		{"2433", "2423", true},
		{"2432", "2432", false},
		{"1200", "2423", false},
		{"99", "100", false},
		{"1234", "4321", false},
		{"0", "1", false},
	}
	for _, tt := range tests {
		x, y := decimal.RequireFromString(tt.a), decimal.RequireFromString(tt.b)
		assert.Equal(t, tt.want, slip(x, y, max(places(x), places(y))), "%s vs %s", tt.a, tt.b)
	}
}

func TestParseUnit(t *testing.T) {
	tests := []struct {
		in    string
		exp   int32
		class string
		ok    bool
	}{
		{"人次", 0, "人", true},
		{"人", 0, "人", true},
		{"名", 0, "人", true},
		{"场次", 0, "次", true},
		{"次", 0, "次", true},
		{"%", 0, "%", true},
		{"百分比", 0, "%", true},
		{"个百分点", 0, "百分点", true},
		{"万元", 4, "元", true},
		{"亿元", 8, "元", true},
		{"万人次", 4, "人", true},
		{"公里", 3, "米", true},
		{"千米", 3, "米", true},
		{"台套", 0, "台套", true},
		{"", 0, "", false},
	}
	for _, tt := range tests {
		k, ok := parseUnit(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		if ok {
			assert.Equal(t, unitKey{tt.exp, tt.class}, k, tt.in)
		}
	}
}

func TestCore(t *testing.T) {
	tests := map[string]string{
		"来穗人员子女入学人数":                "来穗人员子女入学",
		"累计开展专题讲座":                  "专题讲座",
		"“街头整治”活动和暴恐袭击案事件数":         "街头整治|和暴恐袭击案事件数",
		"开展综治创新项目及基层社会治理创新示范项目创建工作": "综治创新|及基层社会治理创新示范|创建",
		"指标完成率":    "完成率",
		"组织党规党纪培训": "党规党纪培训",
	}
	for in, want := range tests {
		got := []rune{}
		for _, r := range core(nil, []rune(in)) {
			if r == 0 {
				r = '|'
			}
			got = append(got, r)
		}
		assert.Equal(t, want, string(got), in)
	}
}

func TestPrepareClaim(t *testing.T) {
	var sc scratch
	c := Claim{Name: "“街头整治”活动和暴恐袭击案事件数", Unit: "起"}
	sc.runes = make([]rune, 0, 64)
	sc.pairs = make([]pair, 0, 64)
	ci, ok := sc.prepareClaim(&c)
	assert.True(t, ok)
	assert.Equal(t, pair{'事', '件'}, ci.head)
	for _, name := range []string{"人数", "数量情况", "", "123"} {
		_, ok := sc.prepareClaim(&Claim{Name: name, Unit: "人"})
		assert.False(t, ok, name)
	}
	_, ok = sc.prepareClaim(&Claim{Name: "专题讲座", Unit: ""})
	assert.False(t, ok)
}

func TestLatestYear(t *testing.T) {
	tests := map[string]int{
		"．2021年": 2021, "2,021年": 0, "x 2021年": 2021, "１９９９年，2000年": 2000, "2021": 0, "年2021年年": 2021,
		"":          0,
		"2021年，天河区": 2021,
		"获评“2017-2020年度示范区”；2021年":          2021,
		"２０２２年计划":                           2022,
		"v2023年 1.2024年 12021年 1899年 2100年": 0,
		"20211年":      0,
		"2019年，2018年": 2019,
	}
	for in, want := range tests {
		assert.Equal(t, want, latestYear([]Section{{Text: in}}), in)
	}
}

// latestYearForward is latestYear as it was, one byte at a time: the
// reference latestYear is held to.
func latestYearForward(sections []Section) int {
	latest := 0
	for _, s := range sections {
		t := s.Text
		if len(t) > MaxSectionBytes {
			continue
		}
		run, v := 0, 0 // digits in a row and their value; -1: not a year
		digit := func(d int) {
			if run >= 0 {
				run++
				v = v*10 + d
				if run > 4 {
					run = -1
				}
			}
		}
		for i := 0; i < len(t); {
			c := t[i]
			switch {
			case c >= '0' && c <= '9':
				digit(int(c - '0'))
				i++
			case c == 0xEF && i+2 < len(t) && t[i+1] == 0xBC && t[i+2] >= 0x90 && t[i+2] <= 0x99:
				digit(int(t[i+2] - 0x90))
				i += 3
			case c == 0xE5 && i+2 < len(t) && t[i+1] == 0xB9 && t[i+2] == 0xB4: // 年
				if run == 4 && v >= 1900 && v <= 2099 {
					latest = max(latest, v)
				}
				run, v = 0, 0
				i += 3
			case c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ||
				c == 0xEF && i+2 < len(t) && t[i+1] == 0xBC && t[i+2] == 0x8E: // ．
				run, v = -1, 0
				i++
			default:
				run, v = 0, 0
				i++
			}
		}
	}
	return latest
}

// FuzzLatestYear holds latestYear, which reads backwards from each 年, to
// the forward reading it replaced, on any bytes.
func FuzzLatestYear(f *testing.F) {
	for _, s := range []string{"2021年，天河区", "２０２２年计划", "v2023年 1.2024年 12021年 1899年 2100年", "．2021年", "\xef\xbc\x922021年", "2,021年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := []Section{{Text: s}}
		if got, want := latestYear(in), latestYearForward(in); got != want {
			t.Fatalf("latestYear(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestLatestYearRandom runs the same comparison on texts made of the
// characters that matter: digits of both widths, 年, points, letters.
func TestLatestYearRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	parts := []string{"0", "1", "2", "9", "２", "０", "年", ".", "．", "v", "，", "中", " ", "20", "19", "\xef", "\xbc", "\xb4", "\xe5\xb9"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		in := []Section{{Text: b.String()}}
		if got, want := latestYear(in), latestYearForward(in); got != want {
			t.Fatalf("latestYear(%q) = %d, want %d", b.String(), got, want)
		}
	}
}

// decode reads text as ranging over it does, invalid UTF-8 and all.
func TestDecode(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	parts := []string{"a", "中", "，", "😀", "é", "\xe4\xb8", "\xff", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbc\x92", " "}
	var sc scratch
	for range 20000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		sc.decode(s)
		if want := []rune(s); !slices.Equal(sc.rs, want) {
			t.Fatalf("decode(%q) = %q, want %q", s, sc.rs, want)
		}
	}
}

// matchUnit's quick test names the first rune of every scale.
func TestScaleFirstRunes(t *testing.T) {
	for _, sc := range scales {
		rs := append(append([]rune(nil), sc.prefix...), []rune("人")...)
		if u, n, _ := matchUnit(rs, 0); n != len(rs) || u.s != sc.s+"人" {
			t.Errorf("matchUnit(%q) = %q, %d", string(rs), u.s, n)
		}
	}
}
