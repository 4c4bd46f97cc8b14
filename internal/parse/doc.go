// Package parse reads the YAML and JSON documents of the form file format
// into one positioned tree, so that a single decoder reads both with the
// same keys, key paths and positions.
//
// # Trees
//
// A Node is a null, a scalar (its text exactly as written: a number is
// never a float64), a mapping (keys and values alternating, duplicates
// kept for the decoder to report) or a sequence, each with its line and
// column (in characters, from 1). Node.At follows a key path such as
// "tasks[1].indicators[0].actual"; Path builds one while a tree is walked.
//
// # Parsers
//
// JSON is read by a recursive descent that accepts exactly what
// encoding/json accepts. YAML is read by a fast path for what form files
// hold (block and one-line flow collections, plain, quoted and block
// scalars, comments), and by go.yaml.in/yaml/v3 for everything else:
// anchors and aliases, tags, multi-line scalars, several documents, and
// every error. Differential fuzz tests hold each fast parser to its
// reference: the same trees, the same kinds of error at the same places.
// A UTF-8 byte order mark is skipped in both syntaxes.
//
// # Limits
//
// Whatever a file holds, its cost is bounded: MaxFileSize bytes,
// MaxDepth levels, MaxNodes values once aliases are expanded, MaxTextBytes
// per text, MaxAliasBytes of text repeated by aliases. Past a limit the
// parse stops with an *Error wrapping ErrLimit at the value that crossed
// it. Messages quote at most a character of the input, or a clipped
// excerpt where the general YAML parser names an anchor or a tag.
//
// # Memory
//
// Borrow builds the tree in an arena and slices reused from parse to
// parse (Tree.Release gives them back); Document builds one of its own.
// Texts are cut from one copy of the file, never from the caller's bytes.
package parse
