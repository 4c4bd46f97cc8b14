package indicator

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Chinese numerals (中文数字) appear in percentages (百分之九十五), ranks
// (第一名), dates (十二月底) and counts (三次). parseHan reads the common
// forms: 零〇一二两三四五六七八九, the multipliers 十百千万亿, and a
// fraction after 点 (九十五点五). It is bounded: at most maxHanRunes runes
// and values below 10^16, well inside budget.MaxIntegerDigits.

const (
	maxHanRunes = 24
	maxHan      = int64(1e15)
)

func hanDigit(r rune) (int64, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// startsHanNumber reports whether s starts with a rune that begins a
// Chinese numeral in running text: a digit word or 十. (百, 千, 万 alone
// begin too many ordinary words: 百姓, 千方百计, 万众.)
func startsHanNumber(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	_, ok := hanDigit(r)
	return ok || r == '十'
}

// parseHan reads a Chinese numeral at the start of s. It returns the
// number as plain decimal text ("95", "95.5"), the bytes consumed, and
// whether a numeral was there. fraction allows a 点 part.
func parseHan(s string, fraction bool) (string, int, bool) {
	var total, section, digit int64
	pending := false // digit holds a digit not yet multiplied
	consumed, runes := 0, 0
	var frac []byte
loop:
	for consumed < len(s) && runes < maxHanRunes {
		r, size := utf8.DecodeRuneInString(s[consumed:])
		if d, ok := hanDigit(r); ok {
			if pending {
				digit = digit*10 + d // 二〇二一: digits in a row
			} else {
				digit = d
			}
			pending = true
		} else {
			var mul int64
			switch r {
			case '十':
				mul = 10
			case '百':
				mul = 100
			case '千':
				mul = 1000
			case '万':
				mul = 10000
			case '亿':
				mul = 100000000
			case '点':
				if !fraction || runes == 0 {
					break loop
				}
				j := consumed + size
				for j < len(s) && len(frac) < 8 {
					r2, sz := utf8.DecodeRuneInString(s[j:])
					d, ok := hanDigit(r2)
					if !ok {
						break
					}
					frac = append(frac, byte('0'+d))
					j += sz
				}
				if len(frac) == 0 {
					break loop // 点 not followed by digits is not ours
				}
				consumed = j
				runes++
				break loop
			default:
				break loop
			}
			if !pending && (mul < 10000 || section == 0 && total == 0) {
				digit = 1 // 十五, 百, 万: a leading multiplier counts once
			}
			switch {
			case mul < 10000:
				if digit > maxHan/mul {
					return "", 0, false
				}
				section += digit * mul
			case mul == 10000:
				if section+digit > maxHan/mul {
					return "", 0, false
				}
				total += (section + digit) * mul
				section = 0
			default:
				if total+section+digit > maxHan/mul {
					return "", 0, false
				}
				total = (total + section + digit) * mul
				section = 0
			}
			digit, pending = 0, false
		}
		if total > maxHan || section > maxHan || digit > maxHan {
			return "", 0, false
		}
		consumed += size
		runes++
	}
	if runes == 0 {
		return "", 0, false
	}
	text := strconv.FormatInt(total+section+digit, 10)
	if len(frac) > 0 {
		text += "." + string(frac)
	}
	return text, consumed, true
}

// parseSmallInt reads a small integer (a month, a day, a rank) written in
// ASCII digits or as a Chinese numeral at the start of s: the value, the
// bytes consumed, ok. At most 4 digits.
func parseSmallInt(s string) (int, int, bool) {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	if n > 0 {
		if n > 4 {
			return 0, 0, false
		}
		v, _ := strconv.Atoi(s[:n])
		return v, n, true
	}
	if !startsHanNumber(s) {
		return 0, 0, false
	}
	text, m, ok := parseHan(s, false)
	if !ok || len(text) > 4 {
		return 0, 0, false
	}
	v, _ := strconv.Atoi(text)
	return v, m, true
}

// formatHan writes a small positive integer as a Chinese numeral, the way
// ranks are printed (一, 十二, 二十三); larger ones in ASCII digits.
func formatHan(n int) string {
	const digits = "零一二三四五六七八九"
	d := func(i int) string { return string([]rune(digits)[i]) }
	switch {
	case n <= 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return d(n)
	}
	var b strings.Builder
	if n/10 > 1 {
		b.WriteString(d(n / 10))
	}
	b.WriteString("十")
	if n%10 > 0 {
		b.WriteString(d(n % 10))
	}
	return b.String()
}
