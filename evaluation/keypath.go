package evaluation

import "strconv"

// keyPath is a key path being built while a tree is walked
// ("tasks[1].indicators[3].actual"): a stack of bytes, made a string only
// where one is needed (an error, a cell returned), since a string per key
// of every form was a good part of what decoding allocated.
type keyPath []byte

// key adds a mapping key and returns the mark to pop back to.
func (p *keyPath) key(k string) int {
	mark := len(*p)
	if mark > 0 {
		*p = append(*p, '.')
	}
	*p = append(*p, k...)
	return mark
}

// index adds a list index and returns the mark to pop back to.
func (p *keyPath) index(i int) int {
	mark := len(*p)
	*p = append(*p, '[')
	*p = strconv.AppendInt(*p, int64(i), 10)
	*p = append(*p, ']')
	return mark
}

// pop goes back to a mark that key or index returned.
func (p *keyPath) pop(mark int) { *p = (*p)[:mark] }

func (p keyPath) String() string { return string(p) }
