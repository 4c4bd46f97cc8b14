//go:build unix

package evaluation

import (
	"io/fs"
	"os"
	"syscall"
)

// readFile reads a regular file with direct system calls. Anything else (a
// folder, a pipe, a device, a /proc file that claims to be empty) is
// handed, still open, to package os, which reports those cases as it
// always has; a pipe is never opened twice.
func readFile(path string) ([]byte, error) { return readFileInto(path, nil) }

// readFileInto is readFile reading into buf when it is large enough.
func readFileInto(path string, buf []byte) ([]byte, error) {
	var (
		fd  int
		err error
	)
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size == 0 {
		return readOpen(path, os.NewFile(uintptr(fd), path))
	}
	defer syscall.Close(fd)
	if err := checkSize(path, st.Size); err != nil {
		return nil, err
	}
	data := buf[:0]
	if int64(cap(data)) >= st.Size {
		data = data[:st.Size]
	} else {
		data = make([]byte, st.Size)
	}
	n := 0
	for n < len(data) {
		m, err := syscall.Read(fd, data[n:])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		case m == 0: // the file shrank while being read
			return data[:n], nil
		}
		n += m
	}
	return data, nil
}
