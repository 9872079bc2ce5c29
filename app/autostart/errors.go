package autostart

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
)

// Error is a failure to read, write or remove the entry, phrased so that a
// person can act on it: "cannot write ~/.config/autostart/…: permission
// denied — check the folder's permissions".
type Error struct {
	Op   string // "read", "write", "remove"
	Path string // as shown: the home dir abbreviated to ~
	Err  error  // the cause, for errors.Is
}

func (e *Error) Error() string {
	return "cannot " + e.Op + " " + e.Path + ": " + reason(e.Err) + " — " + hint(e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// fail wraps err for the entry at path.
func (a *Autostart) fail(op, path string, err error) error {
	return &Error{Op: op, Path: a.tilde(path), Err: err}
}

// tilde abbreviates the home dir to ~, as people write it.
func (a *Autostart) tilde(path string) string {
	if a.home == "" {
		return path
	}
	rel, err := filepath.Rel(a.home, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return filepath.Join("~", rel)
}

// reason is the innermost cause ("permission denied"), without the
// temporary file names and operations the wrappers add.
func reason(err error) string {
	for {
		inner := errors.Unwrap(err)
		if inner == nil {
			return err.Error()
		}
		err = inner
	}
}

// hint says what to do about err.
func hint(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "check the folder's permissions"
	case errors.Is(err, syscall.ENOTDIR):
		return "a file stands where a folder is needed; move it away"
	case errors.Is(err, syscall.EROFS):
		return "the disk is mounted read-only"
	case errors.Is(err, errNoRegistry):
		return "start at login through the registry works only on Windows"
	}
	return "check that the folder exists and that you may write to it"
}
