package evaluation

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ReadBytes reads a form file whole, in one allocation of its size, for a
// caller that decodes it later. A file larger than MaxFileSize is refused
// with a *DecodeError before it is read.
//
// A folder of 100,000 forms is mostly system calls: on Unix a regular
// file is read with four (open, fstat, read, close) where os.Open alone
// makes six, as it tries to register the file with the network poller,
// which a regular file never needs. Errors are *fs.PathError values, as
// from os.
func ReadBytes(path string) ([]byte, error) {
	return readFile(path)
}

// readOpen reads the open file f through package os: a pipe, a special
// file, or any file on a system without the direct path. It closes f.
func readOpen(path string, f *os.File) ([]byte, error) {
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	if err := checkSize(path, size); err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || size == 0 {
		// A pipe or a special file: its size says nothing.
		data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
		if err == nil && len(data) > MaxFileSize {
			return nil, checkSize(path, int64(len(data)))
		}
		return data, err
	}
	data := make([]byte, size)
	n, err := io.ReadFull(f, data)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return data[:n], nil
}

// checkSize refuses a file larger than MaxFileSize.
func checkSize(path string, size int64) error {
	if size > MaxFileSize {
		return &DecodeError{File: path, Line: 1, Column: 1, Err: fmt.Errorf("%w: file of %d bytes, larger than %d", ErrLimit, size, MaxFileSize)}
	}
	return nil
}
