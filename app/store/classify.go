package store

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"

	sqlite3 "modernc.org/sqlite/lib"
)

// minFree is the free space below which an I/O error is taken for a
// full disk: SQLite reports a failed write of the WAL index or a page as
// an I/O error, not always as SQLITE_FULL.
const minFree = 1 << 20

// freeSpace reports the bytes free to this user on the file system that
// holds dir; ok is false where that cannot be known. Tests replace it.
var freeSpace = diskFree

// sqliteCode is the result code of a driver error (modernc.org/sqlite's
// *Error has a Code method).
func sqliteCode(err error) (int, bool) {
	var c interface{ Code() int }
	if errors.As(err, &c) {
		return c.Code(), true
	}
	return 0, false
}

// classify turns an error from the database at path into one of this
// package's error types, or returns it as it is when none fits.
func classify(path string, err error) error {
	if err == nil || typed(err) {
		return err
	}
	dir := filepath.Dir(path)
	if errors.Is(err, syscall.ENOSPC) {
		return &DiskFullError{Dir: dir, Path: path, Err: err}
	}
	code, ok := sqliteCode(err)
	if !ok {
		if errors.Is(err, fs.ErrPermission) {
			return &DirError{Dir: dir, Err: err}
		}
		return err
	}
	switch code & 0xff {
	case sqlite3.SQLITE_FULL:
		return &DiskFullError{Dir: dir, Path: path, Err: err}
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return &LockedError{Path: path, Err: err}
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return &CorruptError{Path: path, Err: err}
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY:
		return &DirError{Dir: dir, Err: err}
	case sqlite3.SQLITE_IOERR:
		if free, ok := freeSpace(dir); ok && free < minFree {
			return &DiskFullError{Dir: dir, Path: path, Err: err}
		}
		return &IOError{Path: path, Err: err}
	}
	return err
}

// typed reports whether err already is one of this package's errors.
func typed(err error) bool {
	var (
		de *DirError
		me *ModeError
		ce *CorruptError
		fe *DiskFullError
		le *LockedError
		ie *IOError
		ve *VersionError
	)
	return errors.As(err, &de) || errors.As(err, &me) || errors.As(err, &ce) || errors.As(err, &fe) ||
		errors.As(err, &le) || errors.As(err, &ie) || errors.As(err, &ve)
}
