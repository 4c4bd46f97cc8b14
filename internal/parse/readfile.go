package parse

import (
	"errors"
	"io"
	"os"
	"sync"
)

// BorrowFile reads the named file and parses it as Borrow does, in the
// syntax its name says (SyntaxOf). The file is read into a buffer reused
// from call to call, which the tree does not refer to. Errors are those of
// ReadFile and Borrow.
func BorrowFile(path string) (*Tree, error) {
	bp := readBuffers.Get().(*[]byte)
	data, err := ReadFile(path, *bp)
	var tree *Tree
	if err == nil {
		tree, err = Borrow(SyntaxOf(path), data)
	}
	if cap(data) <= maxPooledRead && cap(data) >= cap(*bp) {
		*bp = data[:0]
	}
	readBuffers.Put(bp)
	return tree, err
}

// readBuffers holds the buffers BorrowFile reads into, up to
// maxPooledRead bytes each (a form is a few kilobytes; an unusual one is
// not kept).
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledRead = 256 << 10

// ReadFile reads a file whole, into buf when it is large enough, else
// into one allocation of its size. A file larger than MaxFileSize is
// refused with an *Error wrapping ErrLimit before it is read; a pipe or a
// special file, whose size says nothing, is read up to MaxFileSize and
// refused past it. Other errors are *fs.PathError values, as from os.
func ReadFile(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	if size > MaxFileSize {
		return nil, tooLarge(size)
	}
	if !info.Mode().IsRegular() || size == 0 {
		data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
		if err == nil && len(data) > MaxFileSize {
			return nil, tooLarge(int64(len(data)))
		}
		return data, err
	}
	data := buf[:0]
	if int64(cap(data)) >= size {
		data = data[:size]
	} else {
		data = make([]byte, size)
	}
	n, err := io.ReadFull(f, data)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return data[:n], nil // the file may have shrunk while it was read
}
