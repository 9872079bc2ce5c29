package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var steps = []string{
	`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`,
	`ALTER TABLE t ADD COLUMN w INTEGER NOT NULL DEFAULT 0`,
}

func open(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open(%s) = %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenMigrateReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	s := open(t, dir)
	if err := s.Migrate("test", steps[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.W.Exec(`INSERT INTO t(v) VALUES ('a')`); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = open(t, dir)
	if err := s.Migrate("test", steps); err != nil {
		t.Fatalf("Migrate to v2 = %v", err)
	}
	if v, err := s.Version("test"); v != 2 || err != nil {
		t.Errorf("Version(test) = %d, %v, want 2", v, err)
	}
	var w int
	if err := s.R.QueryRow(`SELECT w FROM t WHERE v='a'`).Scan(&w); err != nil {
		t.Errorf("row written before the migration is gone: %v", err)
	}
	if err := s.Migrate("test", steps[:1]); err == nil {
		t.Errorf("Migrate with fewer steps than applied = nil, want a 'use a newer whoiscalling' error")
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, s.Path(): 0o600} {
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != want {
			t.Errorf("mode of %s = %v (%v), want %v", path, fi.Mode().Perm(), err, want)
		}
	}
}

func TestPragmas(t *testing.T) {
	s := open(t, t.TempDir())
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "1", "busy_timeout": "5000", "cache_size": "-512"} {
		var got string
		if err := s.W.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil || got != want {
			t.Errorf("PRAGMA %s = %q (%v), want %q", pragma, got, err, want)
		}
	}
	if _, err := s.R.Exec(`CREATE TABLE x(a)`); err == nil {
		t.Errorf("a write through the read pool succeeded, want it refused")
	}
}

func TestNotADatabaseIsLeftAlone(t *testing.T) {
	dir := t.TempDir()
	junk := []byte("these are my notes, not a database\n")
	path := filepath.Join(dir, FileName)
	os.WriteFile(path, junk, 0o600)
	_, err := Open(dir)
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("Open(dir with junk) = %v, want a CorruptError", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, junk) {
		t.Errorf("the junk file was changed: %q", got)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("Open left %d files in the dir, want only the original", len(ents))
	}
}

func TestUnwritableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores permission bits; a path under a regular file fails for everyone.
		f := filepath.Join(t.TempDir(), "file")
		os.WriteFile(f, nil, 0o600)
		_, err := Open(filepath.Join(f, "data"))
		var de *DirError
		if !errors.As(err, &de) {
			t.Fatalf("Open(under a file) = %v, want a DirError", err)
		}
		return
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	_, err := Open(filepath.Join(dir, "data"))
	var de *DirError
	if !errors.As(err, &de) {
		t.Fatalf("Open(read-only parent) = %v, want a DirError", err)
	}
}

func TestReadWhileWriting(t *testing.T) {
	s := open(t, t.TempDir())
	if err := s.Migrate("test", steps); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	inTx := make(chan struct{})
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.Tx(ctx, func(tx *sql.Tx) error {
			tx.Exec(`INSERT INTO t(v) VALUES ('pending')`)
			close(inTx)
			<-release
			return nil
		})
	}()
	<-inTx
	var n int
	if err := s.R.QueryRow(`SELECT count(*) FROM t`).Scan(&n); err != nil || n != 0 {
		t.Errorf("read during an open write = %d, %v, want 0 rows and no error", n, err)
	}
	close(release)
	wg.Wait()
	if err := s.R.QueryRow(`SELECT count(*) FROM t`).Scan(&n); err != nil || n != 1 {
		t.Errorf("read after commit = %d, %v, want 1", n, err)
	}
}

func TestCheckpointerKeepsTheWALSmall(t *testing.T) {
	s := open(t, t.TempDir())
	if err := s.Migrate("test", steps); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		if _, err := s.W.Exec(`INSERT INTO t(v) VALUES (?)`, strings.Repeat("x", 4000)); err != nil {
			t.Fatal(err)
		}
	}
	var busy, logged, moved int
	if err := s.ckpt.db.QueryRow(`PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logged, &moved); err != nil {
		t.Fatal(err)
	}
	if logged == 0 || moved != logged {
		t.Errorf("wal_checkpoint = busy %d, logged %d, moved %d; want every WAL frame copied", busy, logged, moved)
	}
	var auto int
	s.W.QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&auto)
	if auto != 0 {
		t.Errorf("the writer's wal_autocheckpoint = %d, want 0 (the checkpointer does it)", auto)
	}
}
