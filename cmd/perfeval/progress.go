package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/perfeval/perfeval/evaluation"
)

// progress shows, on a terminal only, how far a run over many files has
// gone (count, rate, time left) and a one-line summary at the end. It
// writes to standard error, never to the report on standard output, and
// nothing at all when standard error is not a terminal, so scripts and CI
// logs see only diagnostics.
type progress struct {
	w    io.Writer // nil when not a terminal
	lang evaluation.Lang
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
func newProgress(stderr io.Writer, long bool, total func() (int, bool), lang evaluation.Lang) *progress {
	p := &progress{total: total, start: time.Now(), lang: lang}
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
	zh := p.lang != evaluation.English
	switch {
	case !known && zh:
		fmt.Fprintf(p.w, "\r\033[K%d 份 · 每秒 %d 份 · 仍在查找文件", p.n, rate)
	case !known:
		fmt.Fprintf(p.w, "\r\033[K%d forms · %d/s · still finding files", p.n, rate)
	default:
		left := (elapsed * time.Duration(max(total-p.n, 0)) / time.Duration(p.n)).Round(time.Second)
		if zh {
			fmt.Fprintf(p.w, "\r\033[K%d/%d 份 · 每秒 %d 份 · 剩余 %s", p.n, total, rate, left)
		} else {
			fmt.Fprintf(p.w, "\r\033[K%d/%d forms · %d/s · %s left", p.n, total, rate, left)
		}
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
	took := time.Since(p.start).Round(time.Millisecond)
	if p.lang != evaluation.English {
		fmt.Fprintf(p.w, "%d 份，用时 %s：%d 个错误，%d 个警告，%d 份无法读取\n", p.n, took, p.errors, p.warnings, p.failed)
		return
	}
	fmt.Fprintf(p.w, "%d %s in %s: %d %s, %d %s, %d %s\n", p.n, plural(p.n, "form", "forms"), took,
		p.errors, plural(p.errors, "error", "errors"), p.warnings, plural(p.warnings, "warning", "warnings"),
		p.failed, plural(p.failed, "invalid input", "invalid inputs"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
