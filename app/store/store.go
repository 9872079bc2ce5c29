// Package store opens the app's SQLite databases: files in the data dir
// (0700, the files 0600), WAL mode, foreign keys, a busy timeout, and
// versioned migrations that each domain package brings for its own
// tables. Writes go through one connection; reads use a pool, so the GUI
// and the listener read while a write is going on. A background
// checkpointer keeps the WAL small without making a commit wait for it.
//
// Errors a person may read are typed (*DirError, *ModeError,
// *CorruptError, *DiskFullError, *LockedError, *IOError, *VersionError)
// with the facts as fields, for app/i18n to phrase.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the main database's file name inside the data dir.
const FileName = "whoiscalling.db"

// ErrNotDatabase is returned when the database path holds a file that is
// not an SQLite database. Open never overwrites or deletes such a file.
var ErrNotDatabase = errors.New("not an SQLite database")

// Store is an open database.
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

// Open opens (or creates) the main database, FileName, in dir.
func Open(dir string) (*Store, error) { return OpenFile(dir, FileName) }

// OpenFile opens (or creates) the database file name in dir. It creates
// dir with mode 0700 or tightens it to 0700, and creates the file (or
// tightens it and its -wal and -shm files) with mode 0600. Each file has
// its own lock, so writers of two files never wait for each other.
func OpenFile(dir, name string) (*Store, error) { return openStore(dir, name) }

// openStore is OpenFile with extra pragmas for the writer (tests use
// max_page_count to fill the "disk"). Two processes opening a new
// database at once race to switch it to WAL, which SQLite refuses with
// SQLITE_BUSY without waiting: the loser tries again for as long as a
// lock is waited for elsewhere.
func openStore(dir, name string, extra ...string) (*Store, error) {
	deadline := time.Now().Add(busyTimeout * time.Millisecond)
	for {
		s, err := openStoreOnce(dir, name, extra...)
		var locked *LockedError
		if !errors.As(err, &locked) || time.Now().After(deadline) {
			return s, err
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func openStoreOnce(dir, name string, extra ...string) (*Store, error) {
	if err := EnsureDir(dir); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, name)
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if err := touch(path); err != nil {
		return nil, err
	}
	if err := secureFiles(path); err != nil {
		return nil, err
	}
	w, err := openDB(path, false, append([]string{"wal_autocheckpoint(0)"}, extra...)...)
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
	if s.ckpt, err = startCheckpointer(path, w); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Dir is the directory the database file is in.
func (s *Store) Dir() string { return filepath.Dir(s.path) }

// Close stops the checkpointer and closes the connection pools; the last
// connection to close checkpoints the WAL.
func (s *Store) Close() error {
	var err error
	if s.ckpt != nil {
		err = s.ckpt.stop()
	}
	return errors.Join(err, s.R.Close(), s.W.Close())
}

// Tx runs fn in a write transaction on the writer connection and commits
// it when fn returns nil. A full disk, a lock held too long and the like
// come back as this package's typed errors (wrapping the driver's).
func (s *Store) Tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.W.BeginTx(ctx, nil)
	if err != nil {
		return classify(s.path, fmt.Errorf("begin: %w", err))
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return classify(s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return classify(s.path, fmt.Errorf("commit: %w", err))
	}
	return nil
}
