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
	w io.Writer // nil when not a terminal
	// total tells the number of inputs once it is known: the folders are
	// walked while the first forms are evaluated.
	total                    func() (n int, known bool)
	n                        int
	errors, warnings, failed int
	start, shown             time.Time
	dirty                    bool
}

// newProgress returns the progress of a run, shown only when long (more
// than one file named, or a folder) and stderr is a terminal.
func newProgress(stderr io.Writer, long bool, total func() (int, bool)) *progress {
	p := &progress{total: total, start: time.Now()}
	if f, ok := stderr.(*os.File); ok && isTerminal(f) && long {
		p.w = f
	}
	return p
}

// active reports whether the progress is shown at all.
func (p *progress) active() bool { return p.w != nil }

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
	total, known := 0, false
	if p.total != nil {
		total, known = p.total()
	}
	now := time.Now()
	if now.Sub(p.shown) < 100*time.Millisecond && (!known || p.n < total) {
		return
	}
	p.shown = now
	// Integer arithmetic on durations: throughput is no fiscal figure, but
	// nothing here needs floating point either.
	elapsed := max(now.Sub(p.start), time.Millisecond)
	rate := int64(p.n) * int64(time.Second) / int64(elapsed)
	if !known {
		fmt.Fprintf(p.w, "\r\033[K%d forms · %d/s · still finding files", p.n, rate)
	} else {
		left := (elapsed * time.Duration(max(total-p.n, 0)) / time.Duration(p.n)).Round(time.Second)
		fmt.Fprintf(p.w, "\r\033[K%d/%d forms · %d/s · %s left", p.n, total, rate, left)
	}
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
