package parse

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// Limits on what a document may hold. They bound the work and memory one
// file can cost, whatever it holds: a YAML alias bomb, a deeply nested
// JSON array or a megabyte of digits is refused with a positioned error.
const (
	MaxFileSize  = 4 << 20 // bytes
	MaxDepth     = 32      // nesting of mappings and sequences
	MaxNodes     = 100_000 // nodes after expanding aliases
	MaxTextBytes = 64 << 10
	// MaxAliasBytes bounds the text YAML aliases add to a document: the
	// bytes of every scalar reached through an alias, counted again at
	// each use. A document then never holds more text than twice the
	// largest file, however its aliases nest; a node count alone let a
	// 265 KB file stand for 540 MB of text.
	MaxAliasBytes = MaxFileSize
)

// Kind is what a node holds.
type Kind uint8

const (
	Null Kind = iota
	Scalar
	Mapping
	Sequence
)

func (k Kind) String() string {
	return [...]string{"null", "scalar", "mapping", "sequence"}[k]
}

// Node is one value of a document. Both front ends (YAML and JSON) build
// the same tree, so that one decoder reads both with the same keys, paths
// and positions.
type Node struct {
	Kind   Kind
	Text   string // a scalar's text: as written, unescaped and folded
	Quoted bool   // a scalar written as a string ("…" in JSON; quoted or a block scalar in YAML)
	// Line and Col place the node: 1-based, the column in characters.
	Line, Col int
	// Children are a sequence's items, or a mapping's keys and values
	// alternating. The slice has no spare capacity.
	Children []*Node
}

// Lookup returns the value of key in a mapping node, or nil.
func (n *Node) Lookup(key string) *Node {
	if n.Kind != Mapping {
		return nil
	}
	for i := 0; i+1 < len(n.Children); i += 2 {
		if n.Children[i].Text == key {
			return n.Children[i+1]
		}
	}
	return nil
}

// Sentinel errors. An *Error wraps exactly one of them.
var (
	ErrSyntax = errors.New("malformed document")   // not YAML or JSON
	ErrEmpty  = errors.New("empty document")       // nothing in the file
	ErrLimit  = errors.New("input limit exceeded") // too large, too deep, too many values
)

// Error is a document that cannot be read, at a position (1-based line
// and column in characters). Msg says what is wrong; it quotes no more
// of the input than a character.
type Error struct {
	Line, Col int
	Msg       string
	Err       error // ErrSyntax, ErrEmpty or ErrLimit
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

func (e *Error) Unwrap() error { return e.Err }

// Syntax is the syntax of a document.
type Syntax uint8

const (
	YAML Syntax = iota
	JSON
)

// SyntaxOf chooses the syntax by the file name: JSON when it ends in
// .json (in any case), YAML otherwise.
func SyntaxOf(name string) Syntax {
	if len(name) >= 5 && strings.EqualFold(name[len(name)-5:], ".json") {
		return JSON
	}
	return YAML
}

// bom is the UTF-8 byte order mark some editors put at the start of a
// file. It is not part of the document, in JSON as in YAML.
var bom = []byte("\ufeff")

// Document reads one document of the given syntax into a tree of its
// own. data is not modified, and the tree does not refer to it.
func Document(s Syntax, data []byte) (*Node, error) {
	if len(data) > MaxFileSize {
		return nil, tooLarge(int64(len(data)))
	}
	data = bytes.TrimPrefix(data, bom)
	if s == JSON {
		return parseJSON(nil, data)
	}
	return parseYAML(nil, data)
}

// Tree is a document read into working memory borrowed from a pool.
type Tree struct {
	Root *Node
	sc   *scratch
}

// Borrow is Document with the tree built in memory reused from one call
// to the next, which spares a folder of forms a third of its allocations.
// The tree is valid until Release; texts cut from it stay valid after.
func Borrow(s Syntax, data []byte) (*Tree, error) {
	if len(data) > MaxFileSize {
		return nil, tooLarge(int64(len(data)))
	}
	data = bytes.TrimPrefix(data, bom)
	sc := getScratch()
	var (
		root *Node
		err  error
	)
	if s == JSON {
		root, err = parseJSON(sc, data)
	} else {
		root, err = parseYAML(sc, data)
	}
	if err != nil {
		sc.release()
		return nil, err
	}
	sc.tree = Tree{Root: root, sc: sc}
	return &sc.tree, nil
}

// Release gives the tree's memory back; the tree must not be used after.
func (t *Tree) Release() {
	sc := t.sc
	*t = Tree{}
	if sc != nil {
		sc.release()
	}
}

func tooLarge(size int64) error {
	return &Error{Line: 1, Col: 1, Msg: fmt.Sprintf("file of %d bytes, larger than %d", size, MaxFileSize), Err: ErrLimit}
}
