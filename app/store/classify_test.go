package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	sqlite3 "modernc.org/sqlite/lib"
)

// codeErr plays the driver's error: a message and an SQLite result code.
type codeErr int

func (e codeErr) Error() string { return fmt.Sprintf("sqlite error %d", int(e)) }
func (e codeErr) Code() int     { return int(e) }

func TestClassify(t *testing.T) {
	const path = "/data/whoiscalling.db"
	plain := errors.New("constraint failed")
	cases := []struct {
		name string
		err  error
		free uint64 // free space the file system reports
		want string // the error type expected, "" for unchanged
	}{
		{"SQLITE_FULL", codeErr(sqlite3.SQLITE_FULL), 1 << 30, "*store.DiskFullError"},
		{"ENOSPC", &fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}, 1 << 30, "*store.DiskFullError"},
		{"IOERR_WRITE, disk full", codeErr(sqlite3.SQLITE_IOERR_WRITE), 4096, "*store.DiskFullError"},
		{"IOERR_SHMSIZE, disk full", codeErr(sqlite3.SQLITE_IOERR_SHMSIZE), 0, "*store.DiskFullError"},
		{"IOERR_WRITE, space left", codeErr(sqlite3.SQLITE_IOERR_WRITE), 1 << 30, "*store.IOError"},
		{"SQLITE_BUSY", codeErr(sqlite3.SQLITE_BUSY), 1 << 30, "*store.LockedError"},
		{"SQLITE_BUSY_SNAPSHOT", codeErr(sqlite3.SQLITE_BUSY_SNAPSHOT), 1 << 30, "*store.LockedError"},
		{"SQLITE_LOCKED", codeErr(sqlite3.SQLITE_LOCKED), 1 << 30, "*store.LockedError"},
		{"SQLITE_NOTADB", codeErr(sqlite3.SQLITE_NOTADB), 1 << 30, "*store.CorruptError"},
		{"SQLITE_CORRUPT", codeErr(sqlite3.SQLITE_CORRUPT), 1 << 30, "*store.CorruptError"},
		{"SQLITE_CANTOPEN", codeErr(sqlite3.SQLITE_CANTOPEN), 1 << 30, "*store.DirError"},
		{"SQLITE_READONLY", codeErr(sqlite3.SQLITE_READONLY), 1 << 30, "*store.DirError"},
		{"EACCES", &fs.PathError{Op: "open", Path: path, Err: syscall.EACCES}, 1 << 30, "*store.DirError"},
		{"SQLITE_CONSTRAINT", codeErr(sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY), 1 << 30, ""},
		{"no code", plain, 1 << 30, ""},
		{"already typed", &CorruptError{Path: path, Err: ErrNotDatabase}, 0, ""},
	}
	defer func() { freeSpace = diskFree }()
	for _, c := range cases {
		freeSpace = func(string) (uint64, bool) { return c.free, true }
		wrapped := fmt.Errorf("commit: %w", c.err)
		got := classify(path, wrapped)
		if c.want == "" {
			if got != wrapped {
				t.Errorf("classify(%s) = %v, want it unchanged", c.name, got)
			}
			continue
		}
		if typ := fmt.Sprintf("%T", got); typ != c.want {
			t.Errorf("classify(%s) = %s (%v), want a %s", c.name, typ, got, c.want)
		}
		if !errors.Is(got, c.err) {
			t.Errorf("classify(%s) = %v does not wrap the driver's error", c.name, got)
		}
	}
}

func TestDiskFullFields(t *testing.T) {
	err := classify("/data/contacts.db", codeErr(sqlite3.SQLITE_FULL))
	var fe *DiskFullError
	if !errors.As(err, &fe) || fe.Dir != "/data" || fe.Path != "/data/contacts.db" {
		t.Fatalf("classify(SQLITE_FULL) = %#v", err)
	}
	if msg := err.Error(); msg != strings.ToLower(msg) || !strings.Contains(msg, "/data") {
		t.Errorf("Error() = %q, want a lowercase message naming the dir", msg)
	}
}

// TestDiskFullAtStart opens a database that cannot grow past its first
// page: start-up must say the disk is full, not that the file is bad.
func TestDiskFullAtStart(t *testing.T) {
	dir := t.TempDir()
	_, err := openStore(dir, FileName, "max_page_count(1)")
	var fe *DiskFullError
	if !errors.As(err, &fe) || fe.Dir != dir {
		t.Fatalf("Open with no room = %v, want a *DiskFullError for %s", err, dir)
	}
	var ce *CorruptError
	if errors.As(err, &ce) {
		t.Errorf("a full disk was reported as a corrupt database: %v", err)
	}
}

// TestDiskFullOnWrite fills a database capped at a few pages: the write
// that does not fit fails with a *DiskFullError and stores nothing.
func TestDiskFullOnWrite(t *testing.T) {
	dir := t.TempDir()
	s, err := openStore(dir, FileName, "max_page_count(8)")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate("test", steps); err != nil {
		t.Fatal(err)
	}
	row := strings.Repeat("x", 3000)
	var full error
	stored := 0
	for i := 0; i < 100 && full == nil; i++ {
		full = s.Tx(context.Background(), func(tx *sql.Tx) error {
			_, err := tx.Exec(`INSERT INTO t(v) VALUES (?)`, row)
			return err
		})
		if full == nil {
			stored++
		}
	}
	var fe *DiskFullError
	if !errors.As(full, &fe) || fe.Dir != dir || fe.Path != filepath.Join(dir, FileName) {
		t.Fatalf("write into a full database = %v, want a *DiskFullError", full)
	}
	var n int
	if err := s.R.QueryRow(`SELECT count(*) FROM t`).Scan(&n); err != nil || n != stored {
		t.Errorf("%d rows stored (%v), want the %d that fitted", n, err, stored)
	}
}

// TestCorruptAfterTheMagic is a file with SQLite's magic but garbage
// after it: the database is unusable, and says so.
func TestCorruptAfterTheMagic(t *testing.T) {
	dir := t.TempDir()
	junk := append([]byte("SQLite format 3\x00"), []byte(strings.Repeat("\xff", 4080))...)
	if err := os.WriteFile(filepath.Join(dir, FileName), junk, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir)
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("Open(garbage after the magic) = %v, want a *CorruptError", err)
	}
}
