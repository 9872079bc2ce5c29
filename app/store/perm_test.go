package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("stat %s: %v", path, err)
	}
	return fi.Mode().Perm()
}

// TestOpenTightensModes opens data dirs left open to others (0755,
// 0777) with a database file others can read, and checks that the dir
// becomes 0700 and the database and its -wal and -shm files 0600.
func TestOpenTightensModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits on Windows")
	}
	for _, loose := range []fs.FileMode{0o755, 0o777} {
		t.Run(loose.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chmod(path, 0o644)
			os.Chmod(dir, loose)
			s := open(t, dir)
			if err := s.Migrate("test", steps); err != nil {
				t.Fatal(err)
			}
			if _, err := s.W.Exec(`INSERT INTO t(v) VALUES ('a')`); err != nil {
				t.Fatal(err)
			}
			if got := mode(t, dir); got != DirMode {
				t.Errorf("data dir (was %v) has mode %v, want %v", loose, got, DirMode)
			}
			for _, p := range []string{path, path + "-wal", path + "-shm"} {
				if got := mode(t, p); got != FileMode {
					t.Errorf("%s has mode %v, want %v", filepath.Base(p), got, FileMode)
				}
			}
		})
	}
}

// TestOpenTightensLeftoverWAL opens a database whose -wal and -shm files
// another open store left readable by others.
func TestOpenTightensLeftoverWAL(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits on Windows")
	}
	dir := t.TempDir()
	first := open(t, dir)
	if err := first.Migrate("test", steps); err != nil {
		t.Fatal(err)
	}
	path := first.Path()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	open(t, dir)
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if got := mode(t, p); got != FileMode {
			t.Errorf("%s has mode %v after the second Open, want %v", filepath.Base(p), got, FileMode)
		}
	}
}

// TestOpenRefusesADirItCannotTighten plays a data dir that another user
// owns: chmod fails, and Open says so and creates nothing.
func TestOpenRefusesADirItCannotTighten(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits on Windows")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	chmod = func(name string, _ fs.FileMode) error {
		return &fs.PathError{Op: "chmod", Path: name, Err: syscall.EPERM}
	}
	defer func() { chmod = os.Chmod }()
	_, err := Open(dir)
	var me *ModeError
	if !errors.As(err, &me) || me.Path != dir || me.Mode != 0o755 || me.Want != DirMode || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("Open(dir owned by another user) = %v, want a *ModeError for %s from 0755 to 0700", err, dir)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("Open left %d files in a dir it refused", len(ents))
	}
	if got := mode(t, dir); got != 0o755 {
		t.Errorf("dir mode = %v, want it left at 0755", got)
	}
}

// TestEnsureDirCreates checks the mode of a new data dir and its parents.
func TestEnsureDirCreates(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits on Windows")
	}
	dir := filepath.Join(t.TempDir(), "a", "b")
	if err := EnsureDir(dir); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dir, filepath.Dir(dir)} {
		if got := mode(t, p); got != DirMode {
			t.Errorf("%s has mode %v, want %v", p, got, DirMode)
		}
	}
}
