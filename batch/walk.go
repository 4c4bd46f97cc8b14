package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/perfeval/perfeval/evaluation"
)

// Stdin is the path that stands for standard input (Options.Stdin).
const Stdin = "-"

// ErrNotRegular: a path that is neither a regular file nor a folder (a
// FIFO, a socket, a device). Reading one could block for ever or never
// end, so it is not read.
var ErrNotRegular = errors.New("not a regular file")

// Input is one input a walk found: a form file to read, or a path that
// is no input, with the reason.
type Input struct {
	Path string
	Err  error // nil for a file to read
	// Found is true for a file a folder walk found rather than one named:
	// a rubric kept among the forms it scores is then skipped (see
	// Result.Skipped), where a rubric named as an input is an error.
	Found bool
}

// Walk yields the inputs named by paths, in order and as it finds them:
//
//   - a regular file, as given (any name: a file named is read);
//   - Stdin ("-"), as given;
//   - a folder, as every regular .yaml, .yml and .json file below it, in
//     lexical order of their paths; anything else found there under such
//     a name (a FIFO, a socket, a device, a link to one) is an Input with
//     ErrNotRegular: reported and skipped, never opened;
//   - anything else (a FIFO, a device, a path that does not exist) is an
//     Input with its error.
//
// Links are followed to files, not to folders. Walking yields while it
// reads folders, so a run over a large tree starts at once, and a
// folder's entries are the only thing held.
func Walk(paths []string) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, p := range paths {
			if p == Stdin {
				if !yield(Input{Path: p}) {
					return
				}
				continue
			}
			info, err := os.Stat(p)
			switch {
			case err != nil:
				if !yield(Input{Path: p, Err: err}) {
					return
				}
			case info.IsDir():
				if !walkDir(p, yield) {
					return
				}
			case !info.Mode().IsRegular():
				if !yield(Input{Path: p, Err: notRegular(p, info.Mode())}) {
					return
				}
			default:
				if !yield(Input{Path: p}) {
					return
				}
			}
		}
	}
}

// CheckRegular returns nil for a regular file and an error wrapping
// ErrNotRegular for a FIFO, a socket, a device or a folder, without
// opening it (opening a FIFO blocks until someone writes to it).
func CheckRegular(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return notRegular(path, info.Mode())
	}
	return nil
}

func notRegular(path string, m fs.FileMode) error {
	what := "special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "FIFO"
	case m&fs.ModeSocket != 0:
		what = "socket"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		what = "device"
	case m.IsDir():
		what = "folder"
	}
	return &NotRegularError{Path: path, What: what}
}

// NotRegularError is a path that is no regular file: reported and
// skipped, never opened. It wraps ErrNotRegular.
type NotRegularError struct {
	Path string
	What string // "FIFO", "socket", "device", "folder" or "special file"
}

func (e *NotRegularError) Error() string {
	return "read " + e.Path + ": not a regular file (a " + e.What + "): skipped"
}

// Unwrap returns ErrNotRegular.
func (e *NotRegularError) Unwrap() error { return ErrNotRegular }

// In says what the error says, in lang.
func (e *NotRegularError) In(lang evaluation.Lang) string {
	if lang == evaluation.English {
		return e.Error()
	}
	what := map[string]string{"FIFO": "命名管道", "socket": "套接字", "device": "设备文件", "folder": "文件夹"}[e.What]
	if what == "" {
		what = "特殊文件"
	}
	return e.Path + "：不是普通文件（" + what + "），未读取"
}

// walkDir yields the form files below dir in lexical order of their
// paths. os.ReadDir sorts a folder's entries by name, but "b.yaml" sorts
// before "b/x.yaml" as paths while "b" sorts before "b.yaml" as names, so
// each folder's entries are ordered by name with a "/" after a folder's:
// then the walk's order is the order of the full paths.
func walkDir(dir string, yield func(Input) bool) bool {
	entries, err := os.ReadDir(dir)
	if err != nil && len(entries) == 0 {
		return yield(Input{Path: dir, Err: err})
	}
	key := func(e fs.DirEntry) string {
		if e.IsDir() {
			return e.Name() + "/"
		}
		return e.Name()
	}
	slices.SortStableFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(key(a), key(b)) })
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch t := e.Type(); {
		case e.IsDir():
			if !walkDir(p, yield) {
				return false
			}
		case !IsFormFile(p):
			// Notes, spreadsheets, sockets of other programs: not inputs.
		case t.IsRegular():
			if !yield(Input{Path: p, Found: true}) {
				return false
			}
		case t&fs.ModeSymlink != 0:
			// A link is followed to a file; to a folder, a FIFO or
			// nothing it is reported.
			info, err := os.Stat(p)
			switch {
			case err != nil:
				err = &fs.PathError{Op: "read", Path: p, Err: fmt.Errorf("broken link: %w", errors.Unwrap(err))}
			case !info.Mode().IsRegular():
				err = notRegular(p, info.Mode())
			}
			if !yield(Input{Path: p, Err: err, Found: true}) {
				return false
			}
		default:
			if !yield(Input{Path: p, Err: notRegular(p, t)}) {
				return false
			}
		}
	}
	if err != nil { // a folder read in part
		return yield(Input{Path: dir, Err: err})
	}
	return true
}

// IsFormFile reports whether a walk takes the path for a form file: its
// name ends in .yaml, .yml or .json, in any case.
func IsFormFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}
