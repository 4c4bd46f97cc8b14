package narrative

// runeMap maps the first runes of a list of words (markers, generic
// words, units) to the words starting with each. Every rune of every
// section is looked up in one, and nearly none is there: a slot of a
// table keyed by the rune's low ten bits answers that with one load where
// a Go map hashed the rune. Runes sharing a slot are chained.
type runeMap[T any] struct {
	head    [1024]uint16 // 1 + the index in entries of the slot's first entry; 0: none
	entries []runeEntry[T]
}

type runeEntry[T any] struct {
	r    rune
	next uint16 // 1 + the index of the next entry of the slot; 0: none
	v    []T
}

// add appends v to the words of r. It is called while a table is built,
// at init.
func (m *runeMap[T]) add(r rune, v T) {
	slot := &m.head[r&1023]
	for e := *slot; e != 0; e = m.entries[e-1].next {
		if m.entries[e-1].r == r {
			m.entries[e-1].v = append(m.entries[e-1].v, v)
			return
		}
	}
	m.entries = append(m.entries, runeEntry[T]{r: r, next: *slot, v: []T{v}})
	*slot = uint16(len(m.entries))
}

// get returns the words of r, nil if none.
func (m *runeMap[T]) get(r rune) []T {
	for e := m.head[r&1023]; e != 0; {
		en := &m.entries[e-1]
		if en.r == r {
			return en.v
		}
		e = en.next
	}
	return nil
}
