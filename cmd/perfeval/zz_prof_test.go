package main

import (
	"io"
	"os"
	"runtime/debug"
	"testing"
)

func TestZZProf(t *testing.T) {
	dir := os.Getenv("PROFDIR")
	if dir == "" {
		t.Skip()
	}
	debug.SetGCPercent(400)
	run([]string{"evaluate", dir}, io.Discard, io.Discard)
}
