package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/perfeval/perfeval/evaluation"
)

func TestProgressOnATerminal(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, total: 3, start: time.Now()}
	p.add(result{counts: evaluation.Counts{Error: 2, Warning: 1}})
	p.add(result{err: errors.New("bad")})
	p.add(result{counts: evaluation.Counts{Warning: 4}})
	p.done()
	out := b.String()
	assert.Contains(t, out, "3/3 forms")
	assert.Contains(t, out, "left")
	lines := strings.Split(strings.TrimSpace(out), "\r\033[K")
	assert.Regexp(t, `^3 forms in .*: 2 errors, 5 warnings, 1 invalid inputs$`, lines[len(lines)-1])
}

func TestNoProgressOffATerminal(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, 10) // not an *os.File: a pipe, a log, a test
	p.add(result{})
	p.done()
	assert.Empty(t, b.String())
}
