package store

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// The permissions of the data dir and of the database files: numbers,
// names and notes are personal data, for the owner's eyes only.
const (
	DirMode  fs.FileMode = 0o700
	FileMode fs.FileMode = 0o600
)

// EnsureDir creates dir (and its parents) with mode 0700, or tightens an
// existing dir that others can read or enter to 0700. It returns a
// *DirError when dir cannot be created and a *ModeError when its mode
// cannot be changed (another user owns it). Everything that writes into
// the data dir calls it first; Open does.
func EnsureDir(dir string) error {
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return fsError(dir, err)
	}
	return tighten(dir, DirMode)
}

// chmod changes a file's mode; tests replace it to play a dir that
// another user owns.
var chmod = os.Chmod

// tighten gives an existing path the mode want, unless it has it.
// Windows has no such permission bits: there the profile's ACL guards
// the data dir.
func tighten(path string, want fs.FileMode) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fsError(filepath.Dir(path), err)
	}
	if fi.Mode().Perm() == want {
		return nil
	}
	if err := chmod(path, want); err != nil {
		return &ModeError{Path: path, Mode: fi.Mode().Perm(), Want: want, Err: err}
	}
	return nil
}

// secureFiles tightens the database file and its WAL and shared-memory
// files, where they exist, to 0600. SQLite creates the -wal and -shm
// files with the database's own mode, so a 0600 database keeps them so.
func secureFiles(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := tighten(p, FileMode); err != nil {
			return err
		}
	}
	return nil
}

// fsError is a file-system error in dir as one of this package's types.
func fsError(dir string, err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return &DiskFullError{Dir: dir, Path: dir, Err: err}
	}
	return &DirError{Dir: dir, Err: err}
}

// checkHeader refuses a non-empty file that does not start with SQLite's
// magic bytes, before the driver gets a chance to touch it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fsError(filepath.Dir(path), err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil
	}
	if !bytes.Equal(head[:n], []byte("SQLite format 3\x00")[:n]) || n < 16 {
		return &CorruptError{Path: path, Err: ErrNotDatabase}
	}
	return nil
}

// touch creates the database file with mode 0600 if it is missing.
func touch(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		return fsError(filepath.Dir(path), err)
	}
	return f.Close()
}
