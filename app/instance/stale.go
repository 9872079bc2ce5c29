package instance

import (
	"errors"
	"io/fs"
	"os"
)

// removeIfSame removes path if it is still the file described by want.
// Two starts may find the same dead socket; the slower one must not remove
// the socket the faster one has just created in its place. The modification
// time guards against a new socket that reuses the old inode number. If
// path is something else now, removeIfSame leaves it and returns nil.
func removeIfSame(path string, want fs.FileInfo) error {
	if want == nil {
		return nil // it was gone already
	}
	now, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !os.SameFile(want, now) || !want.ModTime().Equal(now.ModTime()) {
		return nil
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
