package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress shows, on a terminal only, how far a run over many files has
// gone (count, rate, time left) and a one-line summary at the end. It
// writes to standard error, never to the report on standard output, and
// nothing at all when standard error is not a terminal, so scripts and CI
// logs see only diagnostics.
type progress struct {
	w                        io.Writer // nil when not a terminal
	total, n                 int
	errors, warnings, failed int
	start, shown             time.Time
	dirty                    bool
}

func newProgress(stderr io.Writer, total int) *progress {
	p := &progress{total: total, start: time.Now()}
	if f, ok := stderr.(*os.File); ok && isTerminal(f) && total > 1 {
		p.w = f
	}
	return p
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func (p *progress) add(r result) {
	p.n++
	if r.err != nil {
		p.failed++
	} else {
		p.errors += r.counts.Error
		p.warnings += r.counts.Warning
	}
	if p.w == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.shown) < 100*time.Millisecond && p.n < p.total {
		return
	}
	p.shown = now
	// Integer arithmetic on durations: throughput is no fiscal figure, but
	// nothing here needs floating point either.
	elapsed := max(now.Sub(p.start), time.Millisecond)
	rate := int64(p.n) * int64(time.Second) / int64(elapsed)
	left := (elapsed * time.Duration(p.total-p.n) / time.Duration(p.n)).Round(time.Second)
	fmt.Fprintf(p.w, "\r\033[K%d/%d forms · %d/s · %s left", p.n, p.total, rate, left)
	p.dirty = true
}

// clear erases the progress line before a diagnostic is printed.
func (p *progress) clear() {
	if p.w != nil && p.dirty {
		fmt.Fprint(p.w, "\r\033[K")
		p.dirty = false
	}
}

func (p *progress) done() {
	if p.w == nil {
		return
	}
	p.clear()
	fmt.Fprintf(p.w, "%d forms in %s: %d errors, %d warnings, %d invalid inputs\n",
		p.n, time.Since(p.start).Round(time.Millisecond), p.errors, p.warnings, p.failed)
}
