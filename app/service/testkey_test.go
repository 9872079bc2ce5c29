package service

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestTestCallKeyPermissions(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		newKey  bool // a new key replaces what was there
		refused bool
	}{
		{"none yet", func(*testing.T, string) {}, true, false},
		{"private and whole", func(t *testing.T, p string) { write(t, p, bytes.Repeat([]byte{7}, 32), 0o600) }, false, false},
		{"empty and readable by others", func(t *testing.T, p string) { write(t, p, nil, 0o644) }, true, false},
		{"whole but readable by others", func(t *testing.T, p string) { write(t, p, bytes.Repeat([]byte{7}, 32), 0o644) }, true, false},
		{"too short", func(t *testing.T, p string) { write(t, p, []byte("short"), 0o600) }, true, false},
		{"a symbolic link", func(t *testing.T, p string) {
			target := filepath.Join(t.TempDir(), "elsewhere")
			write(t, target, bytes.Repeat([]byte{9}, 64), 0o600)
			if err := os.Symlink(target, p); err != nil {
				t.Skip("no symlinks here:", err)
			}
		}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, testKeyFile)
			tt.prepare(t, path)
			key, err := TestCallKey(dir)
			var ke *KeyError
			if tt.refused {
				if !errors.As(err, &ke) || !ke.Symlink {
					t.Fatalf("TestCallKey = %v, want it refused as a symlink", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			fi, err := os.Lstat(path)
			if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
				t.Fatalf("key file mode = %v (%v), want a regular 0600 file", fi.Mode(), err)
			}
			if len(key) != testKeySize || (tt.newKey == bytes.Equal(key, bytes.Repeat([]byte{7}, 32))) {
				t.Errorf("key = %x, want new: %v", key, tt.newKey)
			}
			again, err := ReadTestCallKey(dir)
			if err != nil || !bytes.Equal(again, key) {
				t.Errorf("ReadTestCallKey = %x, %v; want the same key", again, err)
			}
		})
	}
}

func write(t *testing.T, path string, b []byte, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, b, mode); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, mode)
}
