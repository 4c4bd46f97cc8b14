package parse

import (
	"strconv"
	"strings"
)

// Path is a key path being built while a tree is walked
// ("tasks[1].indicators[3].actual"): a stack of bytes, made a string only
// where one is needed (an error, a cell returned), since a string per key
// of every form was a good part of what decoding allocated.
type Path []byte

// Key adds a mapping key and returns the mark to pop back to.
func (p *Path) Key(k string) int {
	mark := len(*p)
	if mark > 0 {
		*p = append(*p, '.')
	}
	*p = append(*p, k...)
	return mark
}

// Index adds a list index and returns the mark to pop back to.
func (p *Path) Index(i int) int {
	mark := len(*p)
	*p = append(*p, '[')
	*p = strconv.AppendInt(*p, int64(i), 10)
	*p = append(*p, ']')
	return mark
}

// Pop goes back to a mark that Key or Index returned.
func (p *Path) Pop(mark int) { *p = (*p)[:mark] }

func (p Path) String() string { return string(p) }

// At finds the node at a key path ("funds.sources[0].source"), or the
// deepest node on the way to it.
func (n *Node) At(path string) *Node {
	for _, seg := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(seg, "[")
		if c := n.Lookup(key); c != nil {
			n = c
		}
		for rest != "" {
			numText, after, _ := strings.Cut(rest, "]")
			i, _ := strconv.Atoi(numText)
			if n.Kind == Sequence && i >= 0 && i < len(n.Children) {
				n = n.Children[i]
			}
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return n
}

// PositionOf returns the line and column of the value at a key path in a
// document ("profile", "tasks[1].funds"), for an error found after the
// document was decoded, such as a profile the caller does not know. ok is
// false when the data does not parse or has no such key.
func PositionOf(s Syntax, data []byte, path string) (line, column int, ok bool) {
	root, err := Document(s, data)
	if err != nil {
		return 0, 0, false
	}
	n := root.At(path)
	if n == root {
		return 0, 0, false
	}
	return n.Line, n.Col, true
}
