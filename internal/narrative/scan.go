package narrative

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/budget"
)

// Reading a section.
//
// A section is read once, rune by rune, into tokens: every number written
// in Arabic digits (ASCII or full width, with thousands separators and a
// decimal point), with what follows it. A token with a known unit is a
// figure; a token without one is a bare number (a year, a date, a code
// such as 12345 or 8+1) and never a figure. Clause and sentence
// boundaries are recorded on the way.

const (
	windowBefore  = 32  // runes of a clause before a figure read as its subject
	windowAfter   = 16  // runes after it
	contextRadius = 128 // runes of the sentence either side read as its context
	maxClause     = 64  // longer clauses are shortened to the window in a Mismatch
	maxDigits     = 40  // a longer run of digits is not a figure
)

type token struct {
	start, numEnd, end int // rune offsets: number, end of the number, end of unit or date suffix
	numOff, numLen     int // the number in ASCII, in scratch.nums
	unit               string
	key                unitKey
	figure             bool // a number with a unit
	skip               bool // approximate, a bound, part of a range, an ordinal, malformed
	year               int  // 19xx/20xx followed by 年: the year
	clauseStart        int
	sentStart          int
	clauseEnd          int
	sentEnd            int
}

// scratch holds the buffers of one Find call.
type scratch struct {
	name         []rune
	runes        []rune // arena of claim cores
	pairs        []pair // arena of claim bigrams
	claims       []claimInfo
	nums         []byte
	heads        []headEntry
	found        []int32
	headFirst    filter // first runes of the claims' heads
	ctxPairs     pairSet
	year         int // the latest year the sections name
	formYear     int // the form's own year; 0 when unknown
	rs           []rune
	toks         []token
	clauseBreaks []int
	sentBreaks   []int
	p            []rune
	win          []rune
	cands        []candidate
}

type candidate struct {
	ci             *claimInfo
	strong         bool
	pc, pt, rc, rt int
	x, y           decimal.Decimal // figure and claim in the base unit, rounded alike
	prec           int32
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func asciiDigit(r rune) byte {
	if r >= '０' && r <= '９' {
		return byte(r-'０') + '0'
	}
	return byte(r)
}

func isLatin(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ' || r == '_'
}

func isPoint(r rune) bool { return r == '.' || r == '．' }

// sentenceSep ends a sentence (and a clause).
func sentenceSep(r rune) bool {
	switch r {
	case '。', '；', ';', '！', '？', '!', '?', '\n', '\r':
		return true
	}
	return false
}

// clauseSep ends a clause. ASCII ',' and '.' inside a number never reach
// here: the number reader consumes them.
func clauseSep(r rune) bool {
	switch r {
	case '，', '、', '：', ',', ':', '.', '\t', '（', '）', '(', ')', '【', '】', '[', ']', '|', '…', '｜':
		return true
	}
	return false
}

var rangeRunes = []rune("-－−–—~～至到")

func isRange(r rune) bool { return hasRune(rangeRunes, r) }

var dateSuffixes = [][]rune{
	[]rune("年度"), []rune("年底"), []rune("年末"), []rune("年初"), []rune("年"),
	[]rune("月份"), []rune("月底"), []rune("月末"), []rune("月"), []rune("日"), []rune("号"),
}

// tokenize reads sc.rs into sc.toks and the clause and sentence breaks.
func (sc *scratch) tokenize() {
	rs := sc.rs
	sc.toks = sc.toks[:0]
	sc.nums = sc.nums[:0]
	sc.clauseBreaks = sc.clauseBreaks[:0]
	sc.sentBreaks = sc.sentBreaks[:0]
	clauseStart, sentStart := 0, 0
	for i := 0; i < len(rs); {
		r := rs[i]
		if r >= 0x4E00 && r <= 0x9FFF {
			i++ // a Chinese character: neither a digit nor a break
			continue
		}
		if isDigit(r) {
			t, next := sc.number(i)
			t.clauseStart, t.sentStart = clauseStart, sentStart
			sc.toks = append(sc.toks, t)
			i = next
			continue
		}
		switch {
		case sentenceSep(r):
			sc.sentBreaks = append(sc.sentBreaks, i)
			sc.clauseBreaks = append(sc.clauseBreaks, i)
			sentStart, clauseStart = i+1, i+1
		case clauseSep(r):
			sc.clauseBreaks = append(sc.clauseBreaks, i)
			clauseStart = i + 1
		}
		i++
	}
	// Ends: the first break at or after a token's end.
	ci, si := 0, 0
	for k := range sc.toks {
		t := &sc.toks[k]
		for ci < len(sc.clauseBreaks) && sc.clauseBreaks[ci] < t.end {
			ci++
		}
		for si < len(sc.sentBreaks) && sc.sentBreaks[si] < t.end {
			si++
		}
		t.clauseEnd, t.sentEnd = len(rs), len(rs)
		if ci < len(sc.clauseBreaks) {
			t.clauseEnd = sc.clauseBreaks[ci]
		}
		if si < len(sc.sentBreaks) {
			t.sentEnd = sc.sentBreaks[si]
		}
	}
}

// number reads the number starting at rs[i] and what follows it. It
// returns the token and the offset after it.
func (sc *scratch) number(i int) (token, int) {
	rs := sc.rs
	n := len(rs)
	t := token{start: i}
	var buf [maxDigits + 8]byte
	b := buf[:0]
	j := i
	digits := func() int {
		k := 0
		for j < n && isDigit(rs[j]) {
			if len(b) < maxDigits {
				b = append(b, asciiDigit(rs[j]))
			} else {
				t.skip = true
			}
			j++
			k++
		}
		return k
	}
	first := digits()
	// Thousands separators: "2,811" (ASCII comma, groups of three).
	if first <= 3 {
		for j+3 < n && rs[j] == ',' && isDigit(rs[j+1]) && isDigit(rs[j+2]) && isDigit(rs[j+3]) &&
			(j+4 == n || !isDigit(rs[j+4])) {
			j++
			digits()
		}
	}
	if j+1 < n && isPoint(rs[j]) && isDigit(rs[j+1]) {
		b = append(b, '.')
		j++
		digits()
		if j+1 < n && isPoint(rs[j]) && isDigit(rs[j+1]) { // 1.2.3, 2021.11.01
			t.skip = true
			for j < n && (isDigit(rs[j]) || isPoint(rs[j])) {
				j++
			}
		}
	}
	t.numEnd = j
	t.numOff, t.numLen = len(sc.nums), len(b)
	sc.nums = append(sc.nums, b...)
	// A number glued to Latin letters or a point (G20, No.3, v1) is a code.
	if i > 0 && (isLatin(rs[i-1]) || isPoint(rs[i-1]) || isDigit(rs[i-1])) || j < n && isLatin(rs[j]) {
		t.skip = true
	}
	approx := false
	if j < n && (rs[j] == '余' || rs[j] == '多') {
		approx = true
		j++
	}
	k := j
	for sp := 0; k < n && sp < 2 && (rs[k] == ' ' || rs[k] == '\u3000'); sp++ {
		k++
	}
	unit, m, scaleApprox := matchUnit(rs, k)
	if m == 0 {
		// A bare number: skip a date suffix so that it is not read as
		// subject text, and note a year.
		t.end = t.numEnd
		for _, d := range dateSuffixes {
			if hasPrefix(rs[t.numEnd:], d) {
				t.end = t.numEnd + len(d)
				if d[0] == '年' && len(b) == 4 && (b[0] == '1' && b[1] == '9' || b[0] == '2' && b[1] == '0') {
					t.year = int(b[0]-'0')*1000 + int(b[1]-'0')*100 + int(b[2]-'0')*10 + int(b[3]-'0')
				}
				break
			}
		}
		return t, t.end
	}
	t.end = k + m
	t.unit = unit.s
	t.figure = true
	if approx || scaleApprox {
		t.skip = true
	}
	if !unit.ok {
		t.figure = false
		return t, t.end
	}
	t.key = unit.key
	// After the unit: a bound (以上, 左右), an anniversary (30周年), a range.
	rest := rs[t.end:]
	for _, w := range approxAfter {
		if hasPrefix(rest, w) {
			t.skip = true
		}
	}
	if len(rest) > 0 && rest[0] == '年' {
		t.figure = false
	}
	if len(rest) > 1 && isRange(rest[0]) && isDigit(rest[1]) {
		t.skip = true
	}
	if k := t.numEnd; k+1 < n && isRange(rs[k]) && isDigit(rs[k+1]) {
		t.skip = true
	}
	// Before the number: a bound or approximation (超, 不少于, ≥), an
	// ordinal (第, 前), a sign; 至/到 after another number is a range.
	before := rs[:i]
	for _, w := range approxBeforeByLast(before) {
		if hasSuffix(before, w) {
			// 目前, 当前 (now) end in 前 but state no bound.
			if w[0] == '前' && i >= 2 && (rs[i-2] == '目' || rs[i-2] == '当') {
				continue
			}
			t.skip = true
			break
		}
	}
	if i >= 2 && (rs[i-1] == '至' || rs[i-1] == '到') && (isDigit(rs[i-2]) || sc.endsToken(i-1)) {
		t.skip = true
	}
	return t, t.end
}

// index files the claims by head bigram and unit class: sc.heads holds
// them sorted by head, class and claim, so that the claims of a head and
// class are a run of it.
func (sc *scratch) index() {
	sc.headFirst = filter{}
	sc.heads = sc.heads[:0]
	for k := range sc.claims {
		ci := &sc.claims[k]
		sc.headFirst.add(ci.head.a)
		sc.heads = append(sc.heads, headEntry{headKey{ci.head, ci.unit.class}, int32(k)})
	}
	slices.SortFunc(sc.heads, func(a, b headEntry) int {
		if c := a.key.compare(b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.k, b.k)
	})
}

type headKey struct {
	head  pair
	class string
}

func (h headKey) compare(o headKey) int {
	if c := cmp.Compare(h.head.a, o.head.a); c != 0 {
		return c
	}
	if c := cmp.Compare(h.head.b, o.head.b); c != 0 {
		return c
	}
	return strings.Compare(h.class, o.class)
}

// headEntry files claim k under its head and class.
type headEntry struct {
	key headKey
	k   int32
}

// claimsOf returns the entries of sc.heads filed under key.
func (sc *scratch) claimsOf(key headKey) []headEntry {
	lo, _ := slices.BinarySearchFunc(sc.heads, key, func(e headEntry, key headKey) int { return e.key.compare(key) })
	hi := lo
	for hi < len(sc.heads) && sc.heads[hi].key == key {
		hi++
	}
	return sc.heads[lo:hi]
}

// maxCandidates is the most claims a figure may fit at the first test
// (head and unit); a figure that fits more is too generic to attribute.
const maxCandidates = 32

// lookup fills sc.found with the claims, in claim order, whose head
// occurs in win and whose unit is of the class; false when there are more
// than maxCandidates.
func (sc *scratch) lookup(win []rune, class string) bool {
	sc.found = sc.found[:0]
	for i := 0; i+1 < len(win); i++ {
		if !sc.headFirst.has(win[i]) || !isHan(win[i]) || !isHan(win[i+1]) {
			continue
		}
		list := sc.claimsOf(headKey{pair{win[i], win[i+1]}, class})
		if len(list) == 0 {
			continue
		}
		if len(list) > maxCandidates {
			return false
		}
		for _, e := range list {
			if !slices.Contains(sc.found, e.k) {
				sc.found = append(sc.found, e.k)
			}
		}
		if len(sc.found) > maxCandidates {
			return false
		}
	}
	slices.Sort(sc.found)
	return true
}

// endsToken reports whether the last token read ends at offset e.
func (sc *scratch) endsToken(e int) bool {
	return len(sc.toks) > 0 && sc.toks[len(sc.toks)-1].end == e
}

// decode fills sc.rs with the runes of s, as ranging over s would:
// Chinese characters (three bytes, U+1000 to U+FFFF but the surrogates)
// and ASCII decoded here, anything else by utf8.DecodeRuneInString.
func (sc *scratch) decode(s string) {
	rs := sc.rs[:0]
	if cap(rs) < len(s) {
		rs = make([]rune, 0, len(s)) // a rune per byte at most
	}
	for len(s) >= 3 {
		c := s[0]
		switch {
		case c < utf8.RuneSelf:
			rs = append(rs, rune(c))
			s = s[1:]
		case c >= 0xE1 && c <= 0xEF && c != 0xED && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80:
			rs = append(rs, rune(c&0x0F)<<12|rune(s[1]&0x3F)<<6|rune(s[2]&0x3F))
			s = s[3:]
		default:
			r, n := utf8.DecodeRuneInString(s)
			rs = append(rs, r)
			s = s[n:]
		}
	}
	for _, r := range s {
		rs = append(rs, r)
	}
	sc.rs = rs
}

// section appends the mismatches of one section to out.
func (sc *scratch) section(out []Mismatch, index int, s Section, claims []claimInfo) []Mismatch {
	sc.decode(s.Text)
	sc.tokenize()
	rs := sc.rs
	maxYear := sc.year
	for ti := range sc.toks {
		t := &sc.toks[ti]
		if !t.figure || t.skip {
			continue
		}
		ws, we := sc.window(ti)
		if sc.otherYear(ti, ws, we, maxYear) {
			continue
		}
		if !sc.lookup(rs[ws:we], t.key.class) || len(sc.found) == 0 {
			continue // no claim fits, or more than can be told apart
		}
		// The markers wholly inside the window before the figure, read
		// only for a figure some claim may fit.
		fm := markerMask(rs[ws:t.start])
		sc.subject(ti, ws, we)
		ctx := rs[max(t.sentStart, t.start-contextRadius):min(t.sentEnd, t.end+contextRadius)]

		var value decimal.Decimal
		parsed, ctxReady := false, false
		sc.cands = sc.cands[:0]
		for _, k := range sc.found {
			ci := &claims[k]
			if fm.notIn(ci.markers) {
				continue
			}
			pc, pt := ci.precision(sc.p)
			if pt == 0 || 2*pc < pt {
				continue
			}
			if !ctxReady {
				sc.ctxPairs.reset(ctx)
				ctxReady = true
			}
			rc, rt := ci.recall(ctx, &sc.ctxPairs)
			if rt == 0 || 5*rc < 3*rt {
				continue
			}
			if !parsed {
				d, err := budget.ParseNumber(string(sc.nums[t.numOff : t.numOff+t.numLen]))
				if err != nil {
					break
				}
				value, parsed = d, true
			}
			x, y, prec := compare(value, t.key, ci)
			sc.cands = append(sc.cands, candidate{
				ci: ci, strong: 5*pc >= 4*pt && 4*rc >= 3*rt,
				pc: pc, pt: pt, rc: rc, rt: rt, x: x, y: y, prec: prec,
			})
		}
		best, ok := pick(sc.cands)
		if !ok {
			continue
		}
		out = append(out, Mismatch{
			Claim:   *best.ci.c,
			Section: s.Path,
			Index:   index,
			Clause:  sc.clause(t, ws, we),
			Value:   value,
			Unit:    t.unit,
			Text:    strings.TrimSpace(string(rs[t.start:t.end])),
		})
	}
	return out
}

// pick decides a figure from the claims whose subject it may state: silent
// when any of them states the same number, when the best is not unique
// (two claims with different numbers fit equally well), or when the best
// is a weak match and the numbers do not look like a slip of the pen.
func pick(cands []candidate) (candidate, bool) {
	if len(cands) == 0 {
		return candidate{}, false
	}
	for _, c := range cands {
		if c.x.Equal(c.y) {
			return candidate{}, false
		}
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if better(c, best) {
			best = c
		}
	}
	for _, c := range cands {
		if c.ci != best.ci && !better(best, c) && !c.ci.base.Equal(best.ci.base) {
			return candidate{}, false // a tie between different numbers
		}
	}
	if !best.strong && !slip(best.x, best.y, best.prec) {
		return candidate{}, false
	}
	return best, true
}

// better orders candidates: strong before weak, then by precision, then
// by recall, then by the number of characters shared.
func better(a, b candidate) bool {
	if a.strong != b.strong {
		return a.strong
	}
	if l, r := a.pc*b.pt, b.pc*a.pt; l != r {
		return l > r
	}
	if l, r := a.rc*b.rt, b.rc*a.rt; l != r {
		return l > r
	}
	return a.pc+a.rc > b.pc+b.rc
}

// window returns the part of the figure's clause read as its subject:
// up to windowBefore runes before it and windowAfter after it, never
// reaching into another figure of the clause.
func (sc *scratch) window(ti int) (int, int) {
	t := &sc.toks[ti]
	ws := max(t.clauseStart, t.start-windowBefore)
	we := min(t.clauseEnd, t.end+windowAfter)
	for k := ti - 1; k >= 0 && sc.toks[k].end > ws; k-- {
		if sc.toks[k].figure {
			ws = sc.toks[k].end
			break
		}
	}
	for k := ti + 1; k < len(sc.toks) && sc.toks[k].start < we; k++ {
		if sc.toks[k].figure {
			we = sc.toks[k].start
			break
		}
	}
	return ws, we
}

// otherYear reports whether the window ws..we of token ti names a year
// before the latest one the form's sections name: a figure of an earlier
// year (2020年培训2500人次).
func (sc *scratch) otherYear(ti, ws, we, maxYear int) bool {
	lo, hi := sc.near(ti, ws, we)
	for _, u := range sc.toks[lo:hi] {
		if u.start < ws || u.year == 0 {
			continue
		}
		if sc.formYear != 0 && u.year != sc.formYear || sc.formYear == 0 && u.year < maxYear {
			return true
		}
	}
	return false
}

// near returns the range of tokens around token ti that may overlap
// ws..we (tokens are in text order and do not overlap).
func (sc *scratch) near(ti, ws, we int) (int, int) {
	lo := ti
	for lo > 0 && sc.toks[lo-1].end > ws {
		lo--
	}
	hi := ti + 1
	for hi < len(sc.toks) && sc.toks[hi].start < we {
		hi++
	}
	return lo, hi
}

// subject fills sc.p with the subject characters of the window around
// a figure (core of the text before and after it, without the figure and
// without bare numbers and their date suffixes).
func (sc *scratch) subject(ti, ws, we int) {
	sc.win = append(sc.win[:0], sc.rs[ws:we]...)
	lo, hi := sc.near(ti, ws, we)
	for _, u := range sc.toks[lo:hi] {
		if u.end <= ws || u.start >= we {
			continue
		}
		for k := max(u.start, ws); k < min(u.end, we); k++ {
			sc.win[k-ws] = ' '
		}
	}
	sc.p = core(sc.p[:0], sc.win)
}

// clause returns the clause stating token t, trimmed; a clause longer than
// maxClause runes is shortened to the window, marked with ….
func (sc *scratch) clause(t *token, ws, we int) string {
	cs, ce := t.clauseStart, t.clauseEnd
	prefix, suffix := "", ""
	if ce-cs > maxClause {
		cs, ce = ws, we
		if ws > t.clauseStart {
			prefix = "…"
		}
		if we < t.clauseEnd {
			suffix = "…"
		}
	}
	return prefix + strings.TrimSpace(string(sc.rs[cs:ce])) + suffix
}

var pool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooled is the largest buffer (in elements) a scratch keeps for reuse.
const maxPooled = 1 << 16

// release returns sc to the pool, dropping references to the caller's
// claims and any buffer grown unusually large.
func (sc *scratch) release() {
	clear(sc.claims)
	clear(sc.cands)
	sc.ctxPairs.ctx = nil
	sc.claims, sc.cands = sc.claims[:0], sc.cands[:0]
	if cap(sc.heads) > maxPooled || cap(sc.rs) > maxPooled || cap(sc.toks) > maxPooled || cap(sc.runes) > maxPooled ||
		cap(sc.pairs) > maxPooled {
		return
	}
	pool.Put(sc)
}

// latestYear returns the latest year (1900–2099) written in digits
// before 年 in any of the sections Find reads; 0 if none. A year is four
// digits, ASCII or full width (EF BC 90–99), right before 年 (E5 B9 B4),
// and not right after a point or a Latin letter (1.2021年, v2021年 are not
// years). It finds each 年 with strings.IndexByte and reads the digits before
// it backwards, so it touches little more than the 年s of a text: every
// form's sections pass here before anything else.
func latestYear(sections []Section) int {
	latest := 0
	for _, s := range sections {
		t := s.Text
		if len(t) > MaxSectionBytes {
			continue
		}
		for from := 0; ; {
			// 年 by its last byte, rare in Chinese text where its first
			// (E5) begins one character in five.
			k := strings.IndexByte(t[from:], 0xB4)
			if k < 0 {
				break
			}
			from += k + 1
			if from < 3 || t[from-3] != 0xE5 || t[from-2] != 0xB9 {
				continue
			}
			nian := from - 3
			// The digits right before 年, last first.
			v, digits, q := 0, 0, nian
			for scale := 1; digits <= 4; digits++ {
				var d byte
				switch {
				case q >= 1 && t[q-1] >= '0' && t[q-1] <= '9':
					d, q = t[q-1]-'0', q-1
				case q >= 3 && t[q-3] == 0xEF && t[q-2] == 0xBC && t[q-1] >= 0x90 && t[q-1] <= 0x99:
					d, q = t[q-1]-0x90, q-3
				default:
					goto read
				}
				v += int(d) * scale
				scale *= 10
			}
		read:
			if digits != 4 || v < 1900 || v > 2099 {
				continue
			}
			if q > 0 {
				if c := t[q-1]; c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
					continue
				}
			}
			latest = max(latest, v)
		}
	}
	return latest
}
