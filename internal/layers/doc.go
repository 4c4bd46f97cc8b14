// Package layers holds the test of the one-way imports of the module:
// budget ← indicator, rubric ← evaluation ← rules ← everything else. It
// has no code of its own.
package layers
