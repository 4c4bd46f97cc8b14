package parse

import "sync"

// scratch is the working memory of one parse: the node arena, the slices
// of children and the YAML line table. Borrow takes one for the length of
// a decode, since a fresh arena for every file was a third of the bytes a
// folder of forms allocates. Nothing cut from a tree points into it: every
// text is cut from a string of its own. The pool changes no result; it is
// as safe for concurrent use as sync.Pool.
type scratch struct {
	nodes []Node
	ptrs  []*Node
	stack []*Node
	lines []fastLine
	buf   []byte // a YAML scalar being unescaped or folded
	tree  Tree
	// The nodes and children the last parse used: the next one starts
	// with room for as many, since forms come in runs of one shape.
	usedNodes, usedPtrs int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledNodes bounds what a scratch keeps between parses: one unusual
// file must not pin megabytes in every worker.
const maxPooledNodes = maxChunk

// maxChunk is the largest chunk of nodes or children an arena allocates at
// once.
const maxChunk = 16384

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func (s *scratch) release() {
	if cap(s.nodes) > maxPooledNodes || cap(s.ptrs) > maxPooledNodes || cap(s.lines) > maxPooledNodes || cap(s.buf) > MaxTextBytes {
		return // let it go; the next parse sizes its own
	}
	scratchPool.Put(s)
}

// nodeArena hands out zeroed nodes from the scratch's arena, growing it
// (by chunks not kept in the scratch) when the document is larger than
// its estimate.
type nodeArena struct {
	sc    *scratch
	nodes []Node
	used  int // nodes handed out before the current chunk
}

// reset starts an arena for about est nodes.
func (a *nodeArena) reset(sc *scratch, est int) {
	est = min(max(est, 16), 4096)
	if sc != nil {
		est = max(est, min(sc.usedNodes, maxPooledNodes))
	}
	a.sc, a.used = sc, 0
	if sc != nil && cap(sc.nodes) >= est {
		a.nodes = sc.nodes[:0]
		return
	}
	a.nodes = make([]Node, 0, est)
	if sc != nil {
		sc.nodes = a.nodes
	}
}

func (a *nodeArena) new() *Node {
	if len(a.nodes) == cap(a.nodes) {
		a.used += len(a.nodes)
		a.nodes = make([]Node, 0, min(2*cap(a.nodes)+64, maxChunk))
	}
	a.nodes = a.nodes[:len(a.nodes)+1]
	n := &a.nodes[len(a.nodes)-1]
	*n = Node{} // a pooled arena holds the last parse's nodes
	return n
}

// treeBuilder is what both fast parsers build a tree with: nodes cut from
// an arena, and the children of every container gathered on one stack and
// moved, when the container closes, into a slice cut from another arena.
type treeBuilder struct {
	arena    nodeArena
	ptrs     []*Node // children slices are cut from this
	ptrsUsed int     // children in chunks before ptrs
	stack    []*Node // the children read so far of the open containers
}

// start sizes the builder for about est nodes, reusing sc's memory when
// sc is not nil.
func (b *treeBuilder) start(sc *scratch, est int) {
	est = min(max(est, 16), 4096)
	b.arena.reset(sc, est)
	b.ptrsUsed = 0
	if sc != nil {
		if want := max(est, min(sc.usedPtrs, maxPooledNodes)); cap(sc.ptrs) < want {
			sc.ptrs = make([]*Node, 0, want)
		}
		if sc.stack == nil {
			sc.stack = make([]*Node, 0, 64)
		}
		// A children slice is capped at its length, so no append through
		// it reaches the next one: reusing the backing array is safe.
		b.ptrs, b.stack = sc.ptrs[:0], sc.stack[:0]
		return
	}
	b.ptrs = make([]*Node, 0, est)
	b.stack = make([]*Node, 0, 64)
}

// finish keeps in sc the stack as it grew, and what the parse used, for
// the next parse.
func (b *treeBuilder) finish(sc *scratch) {
	if sc != nil {
		sc.stack = b.stack[:0]
		sc.usedNodes = b.arena.used + len(b.arena.nodes)
		sc.usedPtrs = b.ptrsUsed + len(b.ptrs)
	}
}

func (b *treeBuilder) node() *Node { return b.arena.new() }

// children moves the nodes pushed on the stack since mark into a slice of
// their own (capped, so that an append to it cannot touch a neighbour).
func (b *treeBuilder) children(mark int) []*Node {
	k := len(b.stack) - mark
	if k == 0 {
		return nil
	}
	if cap(b.ptrs)-len(b.ptrs) < k {
		b.ptrsUsed += len(b.ptrs)
		b.ptrs = make([]*Node, 0, max(k, min(2*cap(b.ptrs)+64, maxChunk)))
	}
	n := len(b.ptrs)
	s := b.ptrs[n : n+k : n+k]
	copy(s, b.stack[mark:])
	b.ptrs = b.ptrs[:n+k]
	b.stack = b.stack[:mark]
	return s
}
