// Package store opens the app's SQLite database: one file in the data dir,
// WAL mode, foreign keys, a busy timeout, and versioned migrations that each
// domain package brings for its own tables. Writes go through one
// connection; reads use a pool, so the GUI and the listener read while a
// write is going on.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database's file name inside the data dir.
const FileName = "whoiscalling.db"

// ErrNotDatabase is returned when the database path holds a file that is
// not an SQLite database. Open never overwrites or deletes such a file.
var ErrNotDatabase = errors.New("not an SQLite database")

// Store is the open database.
type Store struct {
	// W is the single writer connection: every INSERT, UPDATE and DELETE
	// goes through it, so writers never contend for the lock.
	W *sql.DB
	// R is the pool of read-only connections.
	R    *sql.DB
	path string
	// ckpt copies the WAL back into the database in the background, so
	// no commit on the webhook path pays for a checkpoint's fsync.
	ckpt *checkpointer
}

// Open opens (or creates) the database in dir, creating dir with mode 0700
// and the file with mode 0600.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, &DirError{Dir: dir, Err: err}
	}
	path := filepath.Join(dir, FileName)
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if err := touch(path); err != nil {
		return nil, &DirError{Dir: dir, Err: err}
	}
	w, err := openDB(path, false, "wal_autocheckpoint(0)")
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	if err := w.Ping(); err != nil {
		w.Close()
		return nil, classify(path, err)
	}
	r, err := openDB(path, true)
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	s := &Store{W: w, R: r, path: path}
	if err := s.Migrate("store", nil); err != nil {
		s.Close()
		return nil, classify(path, err)
	}
	if s.ckpt, err = startCheckpointer(path); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Close stops the checkpointer and closes the connection pools; the last
// connection to close checkpoints the WAL.
func (s *Store) Close() error {
	var err error
	if s.ckpt != nil {
		err = s.ckpt.stop()
	}
	return errors.Join(err, s.R.Close(), s.W.Close())
}

func openDB(path string, readOnly bool, extra ...string) (*sql.DB, error) {
	q := url.Values{}
	for _, p := range append([]string{"busy_timeout(5000)", "foreign_keys(1)", "journal_mode(WAL)", "synchronous(NORMAL)"}, extra...) {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

// checkHeader refuses a non-empty file that does not start with SQLite's
// magic bytes, before the driver gets a chance to touch it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &DirError{Dir: filepath.Dir(path), Err: err}
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

func touch(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

// classify turns a driver error at open time into one of this package's
// error types.
func classify(path string, err error) error {
	var de *DirError
	var ce *CorruptError
	if errors.As(err, &de) || errors.As(err, &ce) {
		return err
	}
	if errors.Is(err, fs.ErrPermission) {
		return &DirError{Dir: filepath.Dir(path), Err: err}
	}
	return &CorruptError{Path: path, Err: err}
}

// Tx runs fn in a write transaction on the writer connection and commits
// it when fn returns nil.
func (s *Store) Tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.W.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
