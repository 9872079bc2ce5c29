package store

import (
	"fmt"
	"io/fs"
)

// The errors below are what a person may read when the database cannot
// be used. Each carries the facts (the directory or file, the cause) as
// fields, so that the layer that shows them (app/i18n) can say what
// happened and what to do in the person's language; Error is a short
// technical message for logs.

// DirError means the data dir (or a file in it) cannot be created,
// opened or written.
type DirError struct {
	Dir string
	Err error
}

func (e *DirError) Error() string {
	return fmt.Sprintf("data dir %s not writable: %v", e.Dir, e.Err)
}

func (e *DirError) Unwrap() error { return e.Err }

// ModeError means the data dir or a database file can be read by other
// users and its permissions cannot be tightened to Want (for example
// because another user owns it). Nothing was opened.
type ModeError struct {
	Path string
	Mode fs.FileMode // the permissions it has
	Want fs.FileMode // the permissions it needs: 0700 for the dir, 0600 for a file
	Err  error
}

func (e *ModeError) Error() string {
	return fmt.Sprintf("cannot restrict %s from mode %04o to %04o: %v", e.Path, e.Mode, e.Want, e.Err)
}

func (e *ModeError) Unwrap() error { return e.Err }

// CorruptError means the database file exists but cannot be used as a
// database. The file is left as it is.
type CorruptError struct {
	Path string
	Err  error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("%s is not a usable database: %v", e.Path, e.Err)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// DiskFullError means the disk (or the database's page limit) holding
// Path is full: a write failed, and nothing it was writing was stored.
type DiskFullError struct {
	Dir  string
	Path string
	Err  error
}

func (e *DiskFullError) Error() string {
	return fmt.Sprintf("disk full in %s: %v", e.Dir, e.Err)
}

func (e *DiskFullError) Unwrap() error { return e.Err }

// LockedError means another connection or process held the database
// locked for longer than the busy timeout.
type LockedError struct {
	Path string
	Err  error
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is locked by another connection: %v", e.Path, e.Err)
}

func (e *LockedError) Unwrap() error { return e.Err }

// IOError means reading or writing the database file failed for a
// reason other than a full disk (a failing disk, a removed drive).
type IOError struct {
	Path string
	Err  error
}

func (e *IOError) Error() string {
	return fmt.Sprintf("i/o error on %s: %v", e.Path, e.Err)
}

func (e *IOError) Unwrap() error { return e.Err }

// VersionError means a domain's tables were written by a newer
// whoiscalling than this one: Have is their schema version, Known the
// newest this build knows.
type VersionError struct {
	Path   string
	Domain string
	Have   int
	Known  int
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("%s: %s tables are at version %d, this build knows %d", e.Path, e.Domain, e.Have, e.Known)
}
