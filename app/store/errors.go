package store

import "fmt"

// DirError means the data dir (or the file in it) cannot be created or
// written.
type DirError struct {
	Dir string
	Err error
}

func (e *DirError) Error() string {
	return fmt.Sprintf("the data directory %s is not writable (%v): choose another with --data-dir or fix its permissions", e.Dir, e.Err)
}

func (e *DirError) Unwrap() error { return e.Err }

// CorruptError means the database file exists but cannot be used as a
// database. The file is left as it is.
type CorruptError struct {
	Path string
	Err  error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("%s is not a usable whoiscalling database (%v): move it away (it is left untouched) and start again, or choose another --data-dir", e.Path, e.Err)
}

func (e *CorruptError) Unwrap() error { return e.Err }
