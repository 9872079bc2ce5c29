package service

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// testKeyFile is the data dir's key for signing test calls. Only a
// process that can read it can sign a test push, so the signature check
// stays on for everyone else.
const testKeyFile = "test-call.key"

// testKeySize is the key's length in bytes.
const testKeySize = 32

// KeyError says why the test-call key cannot be trusted or read.
type KeyError struct {
	Path string
	// Symlink: the key is a symbolic link, which could point anywhere.
	Symlink bool
	// Missing: no whoiscalling has run with this data dir yet.
	Missing bool
	Err     error
}

func (e *KeyError) Error() string {
	switch {
	case e.Symlink:
		return fmt.Sprintf("%s is a symbolic link: remove it, whoiscalling makes a new key", e.Path)
	case e.Missing:
		return fmt.Sprintf("no whoiscalling has run with the data dir %s yet: start the tray app or \"whoiscalling serve\" first", filepath.Dir(e.Path))
	}
	return fmt.Sprintf("read the test-call key %s: %v", e.Path, e.Err)
}

func (e *KeyError) Unwrap() error { return e.Err }

// TestCallKey returns the data dir's test-call key, making a new one when
// there is none, when it is too short, or when other users could read it
// (they could forge test calls with it). A new key is written to a fresh
// 0600 file and renamed into place; a key that is a symbolic link is
// refused.
func TestCallKey(dir string) ([]byte, error) {
	path := filepath.Join(dir, testKeyFile)
	b, err := readKey(path)
	var ke *KeyError
	switch {
	case err == nil:
		return b, nil
	case errors.As(err, &ke) && ke.Symlink:
		return nil, err
	}
	b = make([]byte, testKeySize)
	rand.Read(b)
	if err := writePrivate(path, b); err != nil {
		return nil, &KeyError{Path: path, Err: err}
	}
	return b, nil
}

// ReadTestCallKey reads the key a running whoiscalling made, for
// `test-call`; it never makes one.
func ReadTestCallKey(dir string) ([]byte, error) {
	return readKey(filepath.Join(dir, testKeyFile))
}

// readKey returns the key at path if it is a regular file of the right
// size that only its owner can read.
func readKey(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &KeyError{Path: path, Missing: true, Err: err}
	}
	if err != nil {
		return nil, &KeyError{Path: path, Err: err}
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil, &KeyError{Path: path, Symlink: true}
	}
	if !fi.Mode().IsRegular() || fi.Mode().Perm()&0o077 != 0 || fi.Size() < testKeySize {
		return nil, &KeyError{Path: path, Err: errors.New("not a private key file")}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &KeyError{Path: path, Err: err}
	}
	return b, nil
}

// writePrivate writes b to a new 0600 file beside path and renames it over
// path, so no other user ever sees a partly written or readable file.
func writePrivate(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
