//go:build unix

package parse

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadFilePipe reads a named pipe, which has no size: it is read to
// its end, still held to MaxFileSize.
func TestReadFilePipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo.yaml")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	go func() {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		_, _ = f.Write([]byte("kind: project\n"))
	}()
	type read struct {
		data []byte
		err  error
	}
	done := make(chan read, 1)
	go func() {
		data, err := ReadFile(p, nil)
		done <- read{data, err}
	}()
	select {
	case r := <-done:
		require.NoError(t, r.err)
		assert.Equal(t, "kind: project\n", string(r.data))
	case <-time.After(30 * time.Second):
		t.Fatal("ReadFile on a pipe never returned")
	}
}
