package autostart

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// writeFile replaces path with data atomically: it writes a temporary file
// next to it and renames it over the old one.
func (a *Autostart) writeFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return a.fail("write", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return a.fail("write", path, err)
	}
	if err := fill(tmp, data); err != nil {
		_ = os.Remove(tmp.Name())
		return a.fail("write", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		_ = os.Remove(tmp.Name())
		return a.fail("write", path, err)
	}
	return nil
}

// fill writes data to f, flushes it to disk and closes f. The mode is
// 0644: launchd ignores a LaunchAgent others may write to.
func fill(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// removeFile removes path; an absent file is fine.
func (a *Autostart) removeFile(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return a.fail("remove", path, err)
	}
	return nil
}

// readFile reads path; ok is false when it does not exist.
func (a *Autostart) readFile(path string) (data []byte, ok bool, err error) {
	data, err = os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		return nil, false, a.fail("read", path, err)
	}
	return data, true, nil
}
