package evaluation

import "sync"

// scratch is the working memory of one parse: the node arena, the slices
// of children and the YAML line table. Decode borrows one for the length
// of a call, since a fresh arena for every file was a third of the bytes a
// folder of forms allocates. Nothing decoded points into it: every text is
// cut from a string of its own, and the tree is copied into the form's
// values before the scratch goes back. The pool changes no result; it is
// as safe for concurrent use as sync.Pool.
type scratch struct {
	nodes []node
	ptrs  []*node
	stack []*node
	lines []fastLine
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
	if cap(s.nodes) > maxPooledNodes || cap(s.ptrs) > maxPooledNodes || cap(s.lines) > maxPooledNodes {
		return // let it go; the next parse sizes its own
	}
	scratchPool.Put(s)
}

// nodeArena hands out zeroed nodes from the scratch's arena, growing it
// (by chunks not kept in the scratch) when the document is larger than
// its estimate.
type nodeArena struct {
	sc    *scratch
	nodes []node
}

// reset starts an arena for about est nodes.
func (a *nodeArena) reset(sc *scratch, est int) {
	est = min(max(est, 16), 4096)
	a.sc = sc
	if sc != nil && cap(sc.nodes) >= est {
		a.nodes = sc.nodes[:0]
		return
	}
	a.nodes = make([]node, 0, est)
	if sc != nil {
		sc.nodes = a.nodes
	}
}

func (a *nodeArena) new() *node {
	if len(a.nodes) == cap(a.nodes) {
		a.nodes = make([]node, 0, min(2*cap(a.nodes)+64, maxChunk))
	}
	a.nodes = a.nodes[:len(a.nodes)+1]
	n := &a.nodes[len(a.nodes)-1]
	*n = node{} // a pooled arena holds the last parse's nodes
	return n
}
