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
	p := &progress{w: &b, lang: evaluation.English, total: func() (int, bool) { return 3, true }, start: time.Now()}
	p.add(result{counts: evaluation.Counts{Error: 2, Warning: 1}})
	p.add(result{err: errors.New("bad")})
	p.add(result{counts: evaluation.Counts{Warning: 4}})
	p.done()
	out := b.String()
	assert.Contains(t, out, "3/3 forms")
	assert.Contains(t, out, "left")
	lines := strings.Split(strings.TrimSpace(out), "\r\033[K")
	assert.Regexp(t, `^3 forms in .*: 2 errors, 5 warnings, 1 invalid input$`, lines[len(lines)-1])
}

func TestNoProgressOffATerminal(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, true, func() (int, bool) { return 10, true }, evaluation.English) // not an *os.File: a pipe, a log, a test
	p.add(result{})
	p.done()
	assert.Empty(t, b.String())
}

// While the folders are still being walked the total is unknown: the line
// shows the count and rate, and no time left.
func TestProgressWhileWalking(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, lang: evaluation.English, total: func() (int, bool) { return 1, false }, start: time.Now()}
	p.add(result{})
	p.done()
	out := b.String()
	assert.Contains(t, out, "1 forms · ")
	assert.Contains(t, out, "still finding files")
	assert.NotContains(t, out, "left")
}
