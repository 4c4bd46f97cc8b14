// Package suggest finds the known name closest to a mistyped one, for
// error messages that say "did you mean …?".
package suggest

// Closest returns the name of known nearest to name by edit distance, if
// one is within three edits and the edits change at most half of the
// shorter name: a typo is rarely further off, and "bad1" is no typo of
// "code" though three edits turn one into the other.
func Closest(name string, known []string) (string, bool) {
	best, bestDist := "", 4
	for _, k := range known {
		if d := distance(name, k); d < bestDist && 2*d <= min(runes(name), runes(k)) {
			best, bestDist = k, d
		}
	}
	return best, best != ""
}

func runes(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// distance is the Levenshtein distance between a and b in runes. Names
// longer than 64 runes are not compared (they are not typos of a key).
func distance(a, b string) int {
	if len(a) > 4*64 || len(b) > 4*64 {
		// Before converting: a hostile megabyte-long key must cost
		// nothing here.
		return 64
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 64
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
