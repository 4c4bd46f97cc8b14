package indicator

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/perfeval/perfeval/budget"
)

// Parse interprets what is written in an indicator cell. It never fails
// and never panics: text it cannot interpret is a Value of kind Unparsed
// whose Err says why. It tries, in order:
//
//  1. a blank cell (Empty);
//  2. a date the whole cell states (Deadline): 2021年12月底前, 12月31日前;
//  3. a quantity the whole cell states (Quantity): ≥95%, 3057人次, 百分之百;
//  4. a word of the vocabulary (Qualitative): 下降, 优秀, 第一名, 达成预期指标;
//  5. 零 with a noun (零事故, 零投诉): Text stating 0;
//  6. the first quantity stated in running text (Text), or failing that
//     the first date (Deadline);
//  7. any other text with Chinese words (Qualitative, free text).
//
// Everything else (a placeholder such as "*" or "XXX", a malformed or
// out-of-range number, a range such as 90%-95%) is Unparsed.
func Parse(s string) Value {
	v := Value{raw: s}
	if len(s) > MaxValueBytes {
		return v.unparsed(errTooLong)
	}
	if !utf8.ValidString(s) {
		return v.unparsed(errEncoding)
	}
	t := normalize(s)
	if t == "" {
		if strings.TrimSpace(s) == "" {
			return v
		}
		return v.unparsed(errNoMeaning)
	}
	if v.parseDeadline(t) || v.parseQuantity(t) || v.parseWord(t) || v.parseZeroNoun(t) || v.parseText(t) {
		return v
	}
	if hasHan(t) {
		v.kind, v.op, v.word = Qualitative, QualitativeDirection, t
		return v
	}
	if strings.ContainsAny(t, "0123456789") {
		return v.unparsed(errNumber)
	}
	return v.unparsed(errNoMeaning)
}

func (v Value) unparsed(cause error) Value {
	return Value{raw: v.raw, kind: Unparsed, err: &ParseError{Value: v.raw, Err: cause}}
}

// Operators. Prefixes come before the number, suffixes after its unit.
// A strict comparison (>, 大于, 超过) is read as its non-strict form: the
// scoring method of 财预〔2020〕10号 gives full marks to an actual that
// reaches its target and does not distinguish the two.
type opWord struct {
	s string
	d Direction
}

var opPrefixes = newOpTable([]opWord{
	{"≥", HigherIsBetter}, {">", HigherIsBetter},
	{"大于或等于", HigherIsBetter}, {"大于等于", HigherIsBetter},
	{"不低于", HigherIsBetter}, {"不少于", HigherIsBetter}, {"不小于", HigherIsBetter},
	{"至少", HigherIsBetter}, {"最少", HigherIsBetter}, {"大于", HigherIsBetter},
	{"高于", HigherIsBetter}, {"超过", HigherIsBetter}, {"多于", HigherIsBetter},
	{"达到", HigherIsBetter}, {"达", HigherIsBetter}, {"超", HigherIsBetter},
	{"≤", LowerIsBetter}, {"<", LowerIsBetter},
	{"小于或等于", LowerIsBetter}, {"小于等于", LowerIsBetter},
	{"不高于", LowerIsBetter}, {"不超过", LowerIsBetter}, {"不多于", LowerIsBetter},
	{"不大于", LowerIsBetter}, {"控制在", LowerIsBetter}, {"至多", LowerIsBetter},
	{"最多", LowerIsBetter}, {"小于", LowerIsBetter}, {"低于", LowerIsBetter},
	{"少于", LowerIsBetter},
	{"=", Exact}, {"等于", Exact},
})

var opSuffixes = newOpTable([]opWord{
	{"及以上", HigherIsBetter}, {"或以上", HigherIsBetter}, {"以上", HigherIsBetter},
	{"之上", HigherIsBetter},
	{"及以下", LowerIsBetter}, {"或以下", LowerIsBetter}, {"以下", LowerIsBetter},
	{"以内", LowerIsBetter}, {"之内", LowerIsBetter}, {"内", LowerIsBetter},
})

// opTable holds operator words indexed by their first and last rune,
// longest first within each index, so 不低于 is tried before 低于 and 以内
// before 内, and a lookup tries a few candidates rather than the whole list.
type opTable struct {
	first, last map[rune][]opWord
}

func newOpTable(ops []opWord) opTable {
	sorted := slices.Clone(ops)
	slices.SortStableFunc(sorted, func(a, b opWord) int { return cmp.Compare(len(b.s), len(a.s)) })
	t := opTable{first: map[rune][]opWord{}, last: map[rune][]opWord{}}
	for _, o := range sorted {
		f, _ := utf8.DecodeRuneInString(o.s)
		l, _ := utf8.DecodeLastRuneInString(o.s)
		t.first[f] = append(t.first[f], o)
		t.last[l] = append(t.last[l], o)
	}
	return t
}

// prefix returns the operator word s starts with.
func (t opTable) prefix(s string) (opWord, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	for _, o := range t.first[r] {
		if strings.HasPrefix(s, o.s) {
			return o, true
		}
	}
	return opWord{}, false
}

// suffix returns the operator word s ends with.
func (t opTable) suffix(s string) (opWord, bool) {
	r, _ := utf8.DecodeLastRuneInString(s)
	for _, o := range t.last[r] {
		if strings.HasSuffix(s, o.s) {
			return o, true
		}
	}
	return opWord{}, false
}

func cutOpPrefix(s string) (Direction, string) {
	if o, ok := opPrefixes.prefix(s); ok {
		return o.d, s[len(o.s):]
	}
	return Unspecified, s
}

func cutOpSuffix(s string) (string, Direction) {
	if o, ok := opSuffixes.suffix(s); ok {
		return s[:len(s)-len(o.s)], o.d
	}
	return s, Unspecified
}

// opBefore is the operator that ends s, with its length.
func opBefore(s string) (Direction, int) {
	if o, ok := opPrefixes.suffix(s); ok {
		return o.d, len(o.s)
	}
	return Unspecified, 0
}

func opAfter(s string) Direction {
	if o, ok := opSuffixes.prefix(s); ok {
		return o.d
	}
	return Unspecified
}

// mergeOps combines the operator before a number with the one after it:
// 不低于95%以上 is higher-is-better; ≥5起以内 points both ways and is refused.
func mergeOps(p, q Direction) (Direction, bool) {
	switch {
	case p == Unspecified:
		return q, true
	case q == Unspecified, p == q:
		return p, true
	}
	return Unspecified, false
}

// percentWords reads 百分之九十五, 百分之95, 百分之百 or 百分百 at the start of
// s: the number as decimal text and the bytes consumed.
func percentWords(s string) (string, int, bool) {
	if strings.HasPrefix(s, "百分百") {
		return "100", len("百分百"), true
	}
	rest, ok := strings.CutPrefix(s, "百分之")
	if !ok {
		return "", 0, false
	}
	n := len(s) - len(rest)
	if rest != "" && isDigit(rest[0]) {
		j := 0
		for j < len(rest) && (isDigit(rest[j]) || rest[j] == '.') {
			j++
		}
		return rest[:j], n + j, true
	}
	if strings.HasPrefix(rest, "百") { // 百分之百
		return "100", n + len("百"), true
	}
	if !startsHanNumber(rest) {
		return "", 0, false
	}
	text, m, ok := parseHan(rest, true)
	return text, n + m, ok
}

// numberEnd is the end of a number written in digits at the start of s in
// a cell that holds only a quantity: a sign, then digits, separators and
// points, checked afterwards by budget.ParseNumber (so "23,94" is refused,
// not misread).
func numberEnd(s string) int {
	j := 0
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		j++
	}
	k := j
	for k < len(s) && (isDigit(s[k]) || s[k] == ',' || s[k] == '.') {
		k++
	}
	for i := j; i < k; i++ {
		if isDigit(s[i]) {
			return k
		}
	}
	return 0
}

// parseQuantity interprets a cell that is nothing but a quantity: an
// optional operator, a number (digits, 百分之…, or a Chinese numeral with a
// known unit: 三次), a unit, an optional trailing operator.
func (v *Value) parseQuantity(t string) bool {
	pop, rest := cutOpPrefix(t)
	var numText, tail string
	lenient, percent := false, false
	if text, n, ok := percentWords(rest); ok {
		numText, tail, percent = text, rest[n:], true
	} else if n := numberEnd(rest); n > 0 {
		numText, tail, lenient = rest[:n], rest[n:], true
	} else if startsHanNumber(rest) {
		text, n, ok := parseHan(rest, true)
		if !ok {
			return false
		}
		numText, tail = text, rest[n:]
	} else {
		return false
	}
	body, sop := cutOpSuffix(strings.TrimLeft(tail, " "))
	var unit string
	if percent {
		if body != "" && body != "%" {
			return false
		}
		unit = "%"
	} else {
		u, ok := cellUnit(body, lenient)
		if !ok {
			return false
		}
		unit = u
	}
	op, ok := mergeOps(pop, sop)
	if !ok {
		*v = v.unparsed(errConflict)
		return true
	}
	d, err := budget.ParseNumber(numText)
	if err != nil {
		*v = v.unparsed(err)
		return true
	}
	v.kind, v.num, v.hasNum, v.unit, v.op = Quantity, d, true, normUnit(unit), op
	return true
}

// parseZeroNoun reads 零 followed by a short noun, a common way to write a
// target of none: 零事故, 零投诉, 零伤亡. It states the number 0 with no
// unit, so it takes its actual's unit, and is scored as a ceiling (see
// Assess).
func (v *Value) parseZeroNoun(t string) bool {
	rest, ok := strings.CutPrefix(t, "零")
	if !ok || rest == "" || utf8.RuneCountInString(rest) > 6 {
		return false
	}
	for _, r := range rest {
		if !isHan(r) {
			return false
		}
	}
	v.kind, v.hasNum, v.op = Text, true, Unspecified
	return true
}

// parseText finds the first quantity stated in running text, or failing
// that the first date. Numbers that are not quantities are passed over:
// ordinals (第1), years and dates (2021年, 11月), enumerations ((1)) and
// codes (G20). A range (90%-95%) or an unreadable number makes the value
// Unparsed if nothing else is found: it states a quantity, but not one
// that can be compared.
func (v *Value) parseText(t string) bool {
	var unreadable error
	for i := 0; i < len(t); {
		if strings.HasPrefix(t[i:], "百分") {
			if text, n, ok := percentWords(t[i:]); ok {
				end := i + n
				if strings.HasPrefix(t[end:], "%") {
					end++
				}
				if rangeAfter(t[end:]) > 0 {
					unreadable = errRange
				} else if err := v.textQuantity(t, i, end, text, "%"); err == nil {
					return true
				} else {
					unreadable = err
				}
			}
			i += len("百分")
			continue
		}
		if !isDigit(t[i]) {
			_, size := utf8.DecodeRuneInString(t[i:])
			i += size
			continue
		}
		start := i
		j := textNumberEnd(t, i)
		i = j
		if prev, _ := utf8.DecodeLastRuneInString(t[:start]); prev == '第' || prev == '.' ||
			prev >= 'a' && prev <= 'z' || prev >= 'A' && prev <= 'Z' {
			continue // an ordinal, a version, a code
		}
		if sep := rangeAfter(t[j:]); sep > 0 {
			k := textNumberEnd(t, j+sep)
			i = k
			if !(isYear(t[start:j]) && isYear(t[j+sep:k])) {
				unreadable = errRange
			}
			continue
		}
		unit, n := "", 0
		if strings.HasPrefix(t[j:], "%") {
			unit, n = "%", 1
		} else {
			approx, rest := cutAny(t[j:], approximators)
			if unit, n = matchUnit(rest); unit != "" {
				n += len(approx)
			}
		}
		if unit == "" {
			continue // a bare number, a year, a date
		}
		end := j + n
		i = end
		if sep := rangeAfter(t[end:]); sep > 0 {
			// 90%-95%: skip the upper bound with its unit.
			i = textNumberEnd(t, end+sep)
			if strings.HasPrefix(t[i:], unit) {
				i += len(unit)
			}
			unreadable = errRange
			continue
		}
		if err := v.textQuantity(t, start, end, t[start:j], unit); err != nil {
			unreadable = err
			continue
		}
		return true
	}
	if v.embeddedDate(t) {
		return true
	}
	if unreadable != nil {
		*v = v.unparsed(unreadable)
		return true
	}
	return false
}

// textQuantity sets v to the quantity t[start:end], whose number is
// numText and unit unit, with the operators and trend word around it.
func (v *Value) textQuantity(t string, start, end int, numText, unit string) error {
	pop, plen := opBefore(t[:start])
	op, ok := mergeOps(pop, opAfter(t[end:]))
	if !ok {
		return errConflict
	}
	d, err := budget.ParseNumber(numText)
	if err != nil {
		return err
	}
	v.kind, v.num, v.hasNum, v.unit, v.op = Text, d, true, normUnit(unit), op
	// A change: 同比下降12%, 较上年提高了5个百分点.
	before := t[:start-plen]
	for _, filler := range []string{"了", "约"} {
		before = strings.TrimSuffix(before, filler)
	}
	for _, w := range trendWords {
		if strings.HasSuffix(before, w) {
			info := vocabulary[w]
			v.word, v.scale, v.rank = info.canon, info.scale, info.rank
			break
		}
	}
	return nil
}

// textNumberEnd is the end of the number starting at t[i] in running
// text: digits, thousands groups of exactly three (a Chinese comma folded
// to "," between list items is not a separator), and a fraction.
func textNumberEnd(t string, i int) int {
	j := i
	for j < len(t) && isDigit(t[j]) {
		j++
	}
	for j+3 < len(t) && t[j] == ',' && isDigit(t[j+1]) && isDigit(t[j+2]) && isDigit(t[j+3]) &&
		(j+4 == len(t) || !isDigit(t[j+4])) {
		j += 4
	}
	if j+1 < len(t) && t[j] == '.' && isDigit(t[j+1]) {
		j++
		for j < len(t) && isDigit(t[j]) {
			j++
		}
	}
	return j
}

// rangeAfter returns the length of a range separator at the start of s
// that is followed by a digit (90-95, 90%~95%, 90至95), or 0.
func rangeAfter(s string) int {
	for _, sep := range []string{"-", "~", "—", "–", "至", "到"} {
		if rest, ok := strings.CutPrefix(s, sep); ok && rest != "" && isDigit(rest[0]) {
			return len(sep)
		}
	}
	return 0
}

func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20") || strings.HasPrefix(s, "21"))
}
